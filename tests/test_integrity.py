"""`sop-desktop check`: integrity, foreign keys, attachment files and the history hash chain."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3

from sop_desktop import db as dbm
from sop_desktop import integrity
from tests.conftest import run_cli


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
    expected = hashlib.sha256(
        ("prev" + '{"at":"2026-01-02T03:04:05","case":1,"note":"Ä","on_time":null}').encode()
    ).hexdigest()
    assert integrity.event_hash("prev", event) == expected
    # neither the stored hash nor the id (unknown before the insert) is part of what is hashed
    assert integrity.event_hash("prev", {**event, "hash": "x", "id": 7}) == expected
    assert integrity.event_hash(None, event) != expected


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
    problems = integrity.check_attachments(rows, store)
    assert len(problems) == 3, problems
    assert any("hilang" in p and "akta.pdf" in p for p in problems)
    assert any("berubah" in p and "ktp.jpg" in p for p in problems)
    assert any("yatim" in p and str(orphan_path) in p for p in problems)
    assert integrity.check_attachments([], tmp_path / "belum-ada") == []


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
    from sop_desktop.services import Services

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
