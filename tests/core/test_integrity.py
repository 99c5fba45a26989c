"""`sop-desktop check`: integrity, foreign keys, attachment files and the history hash chain."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3

import pytest

from sop_desktop.storage import attachment_check, integrity
from sop_desktop.storage import db as dbm
from tests.conftest import run_cli
from tests.core.chain_support import expected_anchor, office_with_cases, run_chain_writers


def _chain(events):
    """Give each event its hash the way the history writer must: per case, in id order."""
    previous = {}
    rows = []
    for event in events:
        row = dict(event)
        row["hash"] = integrity.event_hash(previous.get(row["case"]), row)
        previous[row["case"]] = row["hash"]
        rows.append(row)
    return rows


def _events():
    at = dt.datetime(2026, 3, 17, 9, 0)
    return [
        {"id": 1, "case": 1, "action": "mulai", "at": at, "note": "", "attachments": []},
        {"id": 2, "case": 2, "action": "mulai", "at": at, "note": "", "attachments": []},
        {"id": 3, "case": 1, "action": "lanjut", "at": at + dt.timedelta(hours=2),
         "note": "berkas lengkap", "attachments": [{"sha256": "ab" * 32, "name": "ktp.pdf"}]},
        {"id": 4, "case": 1, "action": "selesai", "at": at + dt.timedelta(days=1),
         "note": "", "attachments": []},
    ]


def test_event_hash_is_sha256_of_previous_plus_canonical_json():
    event = {"case": 1, "at": dt.datetime(2026, 1, 2, 3, 4, 5), "note": "Ä", "on_time": None}
    # every hashed field, sorted, compact, non-ASCII kept; a field not given is null
    text = ('{"action":null,"at":"2026-01-02T03:04:05","attachments":null,"case":1,'
            '"decision":null,"due":null,"from_step":null,"note":"Ä","on_behalf_of":null,'
            '"on_time":null,"position":null,"recorded_at":null,"seconds_taken":null,'
            '"to_step":null,"user":null}')
    assert integrity.canonical_json(event) == text
    expected = hashlib.sha256(("prev" + text).encode()).hexdigest()
    assert integrity.event_hash("prev", event) == expected
    # neither the stored hash nor the id (unknown before the insert) is part of what is hashed
    assert integrity.event_hash("prev", {**event, "hash": "x", "id": 7}) == expected
    # nor a column the chain format does not cover (added to history by a later version)
    assert integrity.event_hash("prev", {**event, "kolom_baru": "x"}) == expected
    assert integrity.event_hash(None, event) != expected


def test_raw_column_values_hash_like_the_values_read_back():
    """SQLite gives text times, JSON text and 0/1 for booleans; peewee gives datetimes, lists
    and booleans; the writer may pass ints for floats: all must hash alike."""
    python = {"case": 4, "action": "lanjut", "from_step": 1, "to_step": 2, "user": 3,
              "at": dt.datetime(2026, 3, 17, 9, 30), "recorded_at": dt.datetime(2026, 3, 17, 9, 31, 5, 250000),
              "note": 'catatan "kutip" \\ baris\nbaru', "on_time": True, "seconds_taken": 3600.0,
              "attachments": [{"size": 3, "sha256": "ab" * 32, "name": "ktp.pdf"}],
              "due": dt.datetime(2026, 3, 18, 16, 0), "decision": None, "position": None,
              "on_behalf_of": None}
    raw = {"case_id": 4, "action": "lanjut", "from_step": 1, "to_step": 2, "user_id": 3,
           "at": "2026-03-17 09:30:00", "recorded_at": "2026-03-17 09:31:05.250000",
           "note": python["note"], "on_time": 1, "seconds_taken": 3600,
           "attachments": json.dumps(python["attachments"], sort_keys=True),
           "due": "2026-03-18 16:00:00"}
    assert integrity.canonical_json(raw) == integrity.canonical_json(python)
    assert json.loads(integrity.canonical_json(python)) == json.loads(json.dumps(
        integrity.canonical_event(python), default=str))
    changed = {**raw, "note": raw["note"] + "."}
    assert integrity.event_hash("p", changed) != integrity.event_hash("p", python)


def test_bulk_chain_matches_one_event_at_a_time():
    columns = ("case_id", "action", "from_step", "to_step", "decision", "user_id", "position_id",
               "on_behalf_of_id", "at", "recorded_at", "note", "attachments", "seconds_taken",
               "due", "on_time")
    rows = []
    for i in range(60):
        at = f"2026-03-{1 + i % 28:02d} 0{i % 10}:00:00"
        rows.append((1 + i % 7, "lanjut" if i % 3 else "keputusan", i % 4, i % 4 + 1,
                     "ya" if i % 3 == 0 else None, 2, 3 if i % 2 else None, None, at, at,
                     ["", "Lengkap", "Diteruskan"][i % 3], "[]", float(i * 60), None, i % 2 == 0))
    hashes = integrity.chain_hashes(columns, rows, previous={5: "f" * 64})
    previous = {5: "f" * 64}
    for row, digest in zip(rows, hashes, strict=False):
        expected = integrity.event_hash(previous.get(row[0]), dict(zip(columns, row, strict=False)))
        assert digest == expected
        previous[row[0]] = digest
    assert len(set(hashes)) == len(rows)
    with pytest.raises(ValueError, match="note"):
        integrity.chain_hashes([c for c in columns if c != "note"], [r[:10] + r[11:] for r in rows], {})


def test_intact_chain_has_no_problems():
    assert integrity.verify_history_chain(_chain(_events())) == []


def test_changed_event_is_found():
    rows = _chain(_events())
    rows[2]["note"] = "berkas tidak lengkap"  # edited after the fact
    problems = integrity.verify_history_chain(rows)
    assert len(problems) == 1 and "peristiwa 3" in problems[0]


def test_removed_event_breaks_the_next_one_of_that_case():
    rows = [r for r in _chain(_events()) if r["id"] != 3]
    problems = integrity.verify_history_chain(rows)
    assert len(problems) == 1 and "peristiwa 4" in problems[0]
    # case 2's chain is untouched by case 1's damage
    assert all("kasus 2" not in p for p in problems)


def test_event_without_hash_is_reported():
    rows = _chain(_events())
    rows[1]["hash"] = None
    problems = integrity.verify_history_chain(rows)
    assert len(problems) == 1 and "tidak memiliki hash" in problems[0]


def _store(folder, content: bytes, *, name=None):
    sha = hashlib.sha256(content).hexdigest()
    path = folder / sha[:2] / (name or sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return sha, path


def test_attachment_files_missing_altered_and_orphan(tmp_path):
    store = tmp_path / "lampiran"
    good, _ = _store(store, b"surat permohonan")
    changed, changed_path = _store(store, b"KTP asli")
    changed_path.write_bytes(b"KTP palsu")
    orphan, orphan_path = _store(store, b"tidak dicatat", name=None)
    missing = hashlib.sha256(b"hilang").hexdigest()
    with_ext, _ = _store(store, b"pdf isi", name=hashlib.sha256(b"pdf isi").hexdigest() + ".pdf")
    rows = [{"sha256": good, "name": "permohonan.pdf"}, {"sha256": changed, "name": "ktp.jpg"},
            {"sha256": missing, "name": "akta.pdf"}, {"sha256": with_ext, "name": "isi.pdf"},
            {"sha256": good.upper(), "name": "salinan.pdf"}]  # same file used twice
    problems = attachment_check.check_attachments(rows, store)
    assert len(problems) == 3, problems
    assert any("hilang" in p and "akta.pdf" in p for p in problems)
    assert any("berubah" in p and "ktp.jpg" in p for p in problems)
    assert any("yatim" in p and str(orphan_path) in p for p in problems)
    assert attachment_check.check_attachments([], tmp_path / "belum-ada") == []


def test_run_checks_on_a_healthy_database(services, tmp_path):
    findings = {f.check: f for f in integrity.run_checks(services, attachment_dir=tmp_path)}
    assert findings["integrity"].ok and findings["foreign_keys"].ok
    assert all(f.ok for f in findings.values())


def test_run_checks_finds_broken_foreign_keys(services, db_path, tmp_path):
    services.close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("INSERT INTO sop_version(code, version, name, definition, created_at, source) "
                 "VALUES ('X', 1, 'x', '{}', '2026-01-01', '')")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "user_position" in tables
    conn.execute("INSERT INTO user_position(user_id, position_id) VALUES (999, 999)")
    conn.commit()
    conn.close()
    from sop_desktop.services.container import Services

    with Services(str(db_path), seed=False) as svc:
        findings = {f.check: f for f in integrity.run_checks(svc, attachment_dir=tmp_path)}
    assert not findings["foreign_keys"].ok
    assert any("user_position" in p for p in findings["foreign_keys"].problems)
    assert findings["integrity"].ok


def test_cli_check_json(tmp_path, db_path):
    env = {"SOP_DESKTOP_HOME": str(tmp_path / "home")}
    out = run_cli("--db", str(db_path), "check", "--json", env=env)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["ok"] is True
    assert {"integrity", "foreign_keys"} <= {c["check"] for c in data["checks"]}
    text = run_cli("--db", str(db_path), "check", env=env)
    assert text.returncode == 0 and "Semua pemeriksaan lulus." in text.stdout


def _case_with_attachment(services, tmp_path):
    """A real case (first bundled SOP) with one attached file, through the case services."""
    admin = services.users.create("admin.uji", "Admin Uji", "rahasia-panjang-123", "administrator")
    defn = next(d for d in services.sops.latest_all() if not d.incomplete and d.steps)
    samples = {"integer": 2026, "number": 1, "date": "2026-03-17"}
    fields = {f.key: samples.get(f.type, "Uji") for f in defn.fields if f.required}
    change = services.cases.open_case(defn.code, admin, fields)
    source = tmp_path / "permohonan.txt"
    source.write_text("surat permohonan", encoding="utf-8")
    stored = services.attachments.add(source, "permohonan.txt")
    services.cases.record_event(change.numbers[0], admin, "catatan", "lampiran",
                                attachments=[stored])
    return stored


def test_run_checks_on_real_attachments(services, tmp_path):
    stored = _case_with_attachment(services, tmp_path)
    store = services.attachments.store.root

    def attachment_finding():
        return {f.check: f for f in integrity.run_checks(services)}["attachments"]

    assert attachment_finding().ok, attachment_finding().problems
    path = services.attachments.store.path_of(stored.sha256)
    path.write_bytes(b"diubah")
    assert any("berubah" in p for p in attachment_finding().problems)
    path.unlink()
    assert any("hilang" in p and "permohonan.txt" in p for p in attachment_finding().problems)
    stray = store / "ff" / ("f" * 64)
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"?")
    problems = attachment_finding().problems
    assert any("yatim" in p and str(stray) in p for p in problems)


def test_event_hash_of_a_row_before_insert_matches_the_row_read_back(services, tmp_path):
    """The history writer hashes the values it inserts (rows as foreign keys); the check hashes
    the row read back with .dicts(): both must give the same hash."""
    _case_with_attachment(services, tmp_path)
    row = dbm.History.select().order_by(dbm.History.id.desc()).dicts().get()
    model = dbm.History.get_by_id(row["id"])
    as_written = {name: getattr(model, name) for name in dbm.History._meta.fields
                  if name not in ("id", "hash")}
    assert integrity.event_hash("p", as_written) == integrity.event_hash("p", row)


# -- the chain in a real database ------------------------------------------------------------

def _tamper(path, *statements):
    """Change history the way someone with the sqlite3 tool would: drop the append-only
    triggers first, then write."""
    conn = sqlite3.connect(str(path))
    with conn:
        conn.execute("DROP TRIGGER IF EXISTS history_no_update")
        conn.execute("DROP TRIGGER IF EXISTS history_no_delete")
        for sql, params in statements:
            conn.execute(sql, params)
    conn.close()


def _check_json(path):
    out = run_cli("--db", str(path), "check", "--json")
    data = json.loads(out.stdout)
    return out.returncode, data


def test_events_written_by_the_engine_form_one_chain_per_case(tmp_path):
    from sop_desktop.services.container import Services

    path = tmp_path / "kantor.sqlite3"
    events, (a, b) = office_with_cases(path)
    with Services(str(path), seed=False):
        rows = list(dbm.History.select().order_by(dbm.History.id).dicts())
        assert all(r["hash"] for r in rows)
        # each event chains onto the previous event of ITS case, not the previous row
        previous = {}
        for row in rows:
            assert row["hash"] == integrity.event_hash(previous.get(row["case"]), row)
            previous[row["case"]] = row["hash"]
        assert integrity.latest_chain_hash() == expected_anchor(rows)
        assert integrity.verify_history_chain(rows) == []
    # cases interleave: A's second event is not the row right after A's first
    assert events[a][1] - events[a][0] > 1


def test_latest_chain_hash_without_events_is_none(services):
    assert integrity.latest_chain_hash() is None


def test_check_reports_an_edited_event_first(tmp_path):
    path = tmp_path / "kantor.sqlite3"
    events, (a, b) = office_with_cases(path)
    code, data = _check_json(path)
    assert code == 0 and data["ok"] and data["first_broken"] is None
    assert data["latest_chain_hash"] and len(data["latest_chain_hash"]) == 64
    # two edits: the earlier event (A's second) must be named as the first broken one
    _tamper(path, ('UPDATE "history" SET "note" = ? WHERE "id" = ?', ("dipalsukan", events[a][2])),
            ('UPDATE "history" SET "note" = ? WHERE "id" = ?', ("diubah", events[a][1])))
    code, data = _check_json(path)
    assert code == 1 and data["ok"] is False
    first = data["first_broken"]
    assert (first["case"], first["event_id"], first["kind"]) == (a, events[a][1], "changed")
    history = next(c for c in data["checks"] if c["check"] == "history")
    assert len(history["problems"]) == 2  # each edited event once, not every later one
    assert str(events[a][1]) in history["problems"][0] and a in history["problems"][0]


def test_check_reports_a_deleted_event_at_the_next_one(tmp_path):
    path = tmp_path / "kantor.sqlite3"
    events, (a, b) = office_with_cases(path)
    _tamper(path, ('DELETE FROM "history" WHERE "id" = ?', (events[b][1],)))
    code, data = _check_json(path)
    assert code == 1
    first = data["first_broken"]
    assert (first["case"], first["event_id"], first["kind"]) == (b, events[b][2], "deleted")
    assert str(events[b][1]) in first["problem"]
    text = run_cli("--db", str(path), "check")
    assert text.returncode == 1 and f"peristiwa {events[b][2]}" in text.stdout
    assert "Traceback" not in text.stderr


def test_check_reports_reordered_events(tmp_path):
    path = tmp_path / "kantor.sqlite3"
    events, (a, b) = office_with_cases(path)
    first_id, second_id = events[a][1], events[a][2]
    # swap the two events' places in the table (their ids), as an attacker reordering history
    _tamper(path, ('UPDATE "history" SET "id" = -1 WHERE "id" = ?', (first_id,)),
            ('UPDATE "history" SET "id" = ? WHERE "id" = ?', (first_id, second_id)),
            ('UPDATE "history" SET "id" = ? WHERE "id" = -1', (second_id,)))
    code, data = _check_json(path)
    assert code == 1
    first = data["first_broken"]
    assert (first["case"], first["event_id"], first["kind"]) == (a, first_id, "reordered")


def test_check_notices_a_deleted_last_event_through_the_case_state(tmp_path):
    path = tmp_path / "kantor.sqlite3"
    events, (a, b) = office_with_cases(path)
    _tamper(path, ('DELETE FROM "history" WHERE "id" = ?', (events[a][-1],)))
    code, data = _check_json(path)
    assert code == 1 and data["first_broken"] is None  # the chain up to there is intact
    state = next(c for c in data["checks"] if c["check"] == "case_state")
    assert not state["ok"] and any(a in p for p in state["problems"])


def test_demo_fill_writes_a_valid_chain(services):
    from sop_desktop.ops.demo import fill

    result = fill(services, 60, seed=5)
    finding = integrity.check_history_chain(services.db)
    assert finding.ok, finding.problems
    assert str(result.events) in finding.message
    assert integrity.check_case_states(services.db).ok
    rows = list(dbm.History.select().dicts())
    assert integrity.latest_chain_hash() == expected_anchor(rows)


def test_two_processes_appending_to_one_case_keep_one_chain(tmp_path):
    from sop_desktop.services.container import Services

    path = tmp_path / "kantor.sqlite3"
    events, (a, b) = office_with_cases(path)
    run_chain_writers(str(path), a)
    with Services(str(path), seed=False) as svc:
        notes = [e.note for e in svc.cases.history(a)]
        assert sum(n.startswith(("A", "B")) and n[1:].isdigit() for n in notes) == 60
        finding = integrity.check_history_chain(svc.db)
        assert finding.ok, finding.problems


def test_anchor_catches_a_reforged_chain_in_any_case(tmp_path):
    """Someone edits an old case's event AND recomputes that case's hashes: the per-case chain
    checks out again, but the anchor printed on reports and stored with backups changes, even
    though the edited case does not hold the newest event."""
    from sop_desktop.services.container import Services

    path = tmp_path / "kantor.sqlite3"
    events, (a, b) = office_with_cases(path)
    with Services(str(path), seed=False):
        anchor = integrity.latest_chain_hash()
        rows = list(dbm.History.select().order_by(dbm.History.id).dicts())
    newest_case = rows[-1]["case"]
    victim = next(r["case"] for r in rows if r["case"] != newest_case)
    forged, previous = [], None
    for row in rows:
        if row["case"] != victim:
            continue
        if row["id"] == min(r["id"] for r in rows if r["case"] == victim):
            row["note"] = "diubah diam-diam"
        previous = integrity.event_hash(previous, row)
        forged.append(('UPDATE "history" SET "note" = ?, "hash" = ? WHERE "id" = ?',
                       (row["note"], previous, row["id"])))
    _tamper(path, *forged)
    with Services(str(path), seed=False) as svc:
        assert integrity.check_history_chain(svc.db).ok  # the forger recomputed the chain...
        assert integrity.latest_chain_hash() != anchor   # ...but the anchor moved
