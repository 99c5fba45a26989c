"""Tampering is caught (issue 13.9): twenty kinds of tampering, each applied with plain SQL to a
real SQLite database whose append-only triggers were dropped first, each found by
`sop-desktop check` against the newest anchor in the anchor log (outside the database).

The office: four cases of a small SOP (one at step 2, one at step 4, one stopped, one done)
written by the real case engine; then a backup writes the anchor; then the attacker works.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from sop_desktop.cli import main
from sop_desktop.storage import integrity, ledger
from tests.core.test_workflow import Office, fast_scrypt, field_values, install_sample  # noqa: F401

TRIGGERS = ("history_no_update", "history_no_delete", "ledger_no_update", "ledger_no_delete")


def build_office(path) -> dict:
    """The four cases in a new SQLite file; returns their agenda numbers by letter."""
    from sop_desktop.services.container import Services

    with Services(str(path)) as svc:
        return build_cases(svc)


def build_cases(svc) -> dict:
    """Case A at step 2, B at step 4, C stopped, D done (the real engine, real users)."""
    install_sample(svc)
    office = Office(svc)
    values = field_values(svc.sops.get("CONTOH"))
    op = office.operator
    numbers = {k: svc.cases.open_case("CONTOH", op, values, intake_done=False).numbers[0]
               for k in "ABCD"}
    petugas = next(u for u in office.holders.values()
                   if svc.users.position_names(u) == ["Petugas Uji"])
    kepala = next(u for u in office.holders.values()
                  if svc.users.position_names(u) == ["Kepala Uji"])
    for key in "ABD":
        svc.cases.advance(numbers[key], op)  # 1 -> 2
    for key in "BD":
        svc.cases.decide(numbers[key], petugas, "ya")  # 2 -> 3
        svc.cases.advance(numbers[key], kepala)  # 3 -> 4
    svc.cases.advance(numbers["D"], petugas)  # 4 -> done
    svc.cases.stop(numbers["C"], office.admin, "berkas ditarik pemohon")
    return numbers


def run_check(path, *args) -> tuple[int, str]:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        rc = main(["--db", str(path), *(args or ("check", "--json"))])
    return rc, buffer.getvalue()


def check_json(path, *extra) -> tuple[int, dict]:
    rc, out = run_check(path, "check", "--json", *extra)
    return rc, json.loads(out)


# -- the attacker's tools: plain SQL on the file, triggers dropped first -------------------------

def sql(path, *statements) -> None:
    con = sqlite3.connect(path)
    with con:
        for name in TRIGGERS:
            con.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in statements:
            if isinstance(statement, tuple):
                con.execute(*statement)
            else:
                con.execute(statement)
    con.close()


def one(path, query, params=()):
    con = sqlite3.connect(path)
    try:
        return con.execute(query, params).fetchone()
    finally:
        con.close()


def case_id(path, number) -> int:
    return one(path, 'SELECT id FROM cases WHERE number = ?', (number,))[0]


def events(path, number) -> list[int]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute(
            'SELECT id FROM history WHERE case_id = (SELECT id FROM cases WHERE number = ?) '
            'ORDER BY id', (number,))]
    finally:
        con.close()


def rehash_case_chain(path, number) -> None:
    """The app's own hash function over one case's events (after the attacker's edit)."""
    from sop_desktop.services.container import Services

    cid = case_id(path, number)
    sql(path, ('UPDATE history SET hash = NULL WHERE case_id = ?', (cid,)))
    with Services(str(path), seed=False) as svc, svc.db.atomic():
        for name in TRIGGERS:
            svc.db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
        integrity.fill_missing_hashes(svc.db)


def reforge_ledger(path) -> None:
    """The strongest attacker: the whole global chain thrown away and built again with the
    app's own code from what the tables now hold (internally consistent again)."""
    from sop_desktop.services.container import Services

    sql(path, "DELETE FROM ledger")
    with Services(str(path), seed=False) as svc, svc.db.atomic():
        ledger.record_unledgered(svc.db)


def _forge_event(path, number) -> None:
    """A new event at the end of a case with a correctly computed per-case hash, and the case
    row moved to match it."""
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    last = dict(con.execute('SELECT * FROM history WHERE case_id = ? ORDER BY id DESC LIMIT 1',
                            (case_id(path, number),)).fetchone())
    con.close()
    row = dict(last, id=None, action="lanjut", from_step=last["to_step"], to_step=3,
               decision=None, note="disetujui", attachments="[]")
    row["case"], row["user"] = row.pop("case_id"), row.pop("user_id")
    row["position"], row["on_behalf_of"] = row.pop("position_id"), row.pop("on_behalf_of_id")
    digest = integrity.event_hash(last["hash"], row)
    sql(path, ('INSERT INTO history (case_id, action, from_step, to_step, decision, user_id, '
               'position_id, on_behalf_of_id, at, recorded_at, note, attachments, '
               'seconds_taken, due, on_time, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '
               '?, ?, ?, ?)',
               (row["case"], row["action"], row["from_step"], row["to_step"], None, row["user"],
                row["position"], row["on_behalf_of"], row["at"], row["recorded_at"], row["note"],
                "[]", row["seconds_taken"], row["due"], row["on_time"], digest)),
        ('UPDATE cases SET current_step = 3 WHERE id = ?', (row["case"],)))


def _delete_last(path, number, fix_case: bool) -> None:
    ids = events(path, number)
    statements = [('DELETE FROM history WHERE id = ?', (ids[-1],))]
    if fix_case:  # the case row put back to what the event before said
        prev = one(path, 'SELECT to_step, at FROM history WHERE id = ?', (ids[-2],))
        statements.append(('UPDATE cases SET current_step = ?, step_started_at = ? '
                           'WHERE number = ?', (prev[0], prev[1], number)))
    sql(path, *statements)


def _swap(path, number) -> None:
    ids = events(path, number)
    top = one(path, "SELECT MAX(id) FROM history")[0]
    sql(path, ('UPDATE history SET id = ? WHERE id = ?', (top + 1, ids[1])))


KINDS = {
    # the 8 kinds `check` caught before the global chain (plus one more of the same family)
    "event note edited": lambda p, n: sql(p, ('UPDATE history SET note = ? WHERE id = ?',
                                              ("diubah", events(p, n["B"])[1]))),
    "event time edited": lambda p, n: sql(p, ('UPDATE history SET at = ? WHERE id = ?',
                                              ("2020-01-01 08:00:00", events(p, n["B"])[1]))),
    "event's acting user changed": lambda p, n: sql(p, (
        'UPDATE history SET user_id = (SELECT id FROM user WHERE username = ?) WHERE id = ?',
        ("admin", events(p, n["B"])[1]))),
    "decision flipped": lambda p, n: sql(p, ('UPDATE history SET decision = ? WHERE id = ?',
                                             ("tidak", events(p, n["B"])[2]))),
    "middle event deleted": lambda p, n: sql(p, ('DELETE FROM history WHERE id = ?',
                                                 (events(p, n["B"])[1],))),
    "events reordered": lambda p, n: _swap(p, n["B"]),
    "event hash cleared": lambda p, n: sql(p, ('UPDATE history SET hash = NULL WHERE id = ?',
                                               (events(p, n["B"])[1],))),
    "case status edited": lambda p, n: sql(p, ('UPDATE cases SET status = ? WHERE number = ?',
                                               ("selesai", n["A"]))),
    "case step edited": lambda p, n: sql(p, ('UPDATE cases SET current_step = 3 WHERE number = ?',
                                             (n["A"],))),
    # the 12 kinds it missed
    "last event deleted": lambda p, n: _delete_last(p, n["B"], fix_case=False),
    "last event deleted, case row adjusted": lambda p, n: _delete_last(p, n["B"], fix_case=True),
    "stop event deleted, case running again": lambda p, n: sql(
        p, ('DELETE FROM history WHERE id = ?', (events(p, n["C"])[-1],)),
        ('UPDATE cases SET status = ?, closed_at = NULL WHERE number = ?', ("berjalan", n["C"]))),
    "whole case deleted": lambda p, n: sql(
        p, ('DELETE FROM attachment WHERE case_id = ?', (case_id(p, n["D"]),)),
        ('DELETE FROM history WHERE case_id = ?', (case_id(p, n["D"]),)),
        ('DELETE FROM cases WHERE number = ?', (n["D"],))),
    "forged event appended with a correct hash": lambda p, n: _forge_event(p, n["A"]),
    "case chain rewritten with the app's hash function": lambda p, n: (
        sql(p, ('UPDATE history SET note = ? WHERE id = ?', ("dipalsukan", events(p, n["B"])[0]))),
        rehash_case_chain(p, n["B"])),
    "intake field edited": lambda p, n: sql(p, (
        'UPDATE cases SET fields = json_set(fields, ?, ?) WHERE number = ?',
        ("$.pemohon", "Orang Lain", n["A"]))),
    "created_at edited": lambda p, n: sql(p, ('UPDATE cases SET created_at = ? WHERE number = ?',
                                              ("2026-01-02 08:00:00", n["A"]))),
    "due time edited": lambda p, n: sql(p, ('UPDATE cases SET current_due = ? WHERE number = ?',
                                            ("2030-12-31 16:00:00", n["A"]))),
    "acting user renamed": lambda p, n: sql(p, ('UPDATE user SET name = ? WHERE username = ?',
                                                ("Orang Lain", "operator"))),
    "append-only triggers dropped": lambda p, n: sql(p),
}


# the kinds the per-case chain alone missed: the global chain (or its anchor) must find them
MISSED_BEFORE = list(KINDS)[9:19]


def test_twenty_kinds() -> None:
    assert len(KINDS) == 20 and len(MISSED_BEFORE) == 10


def failing(data) -> set[str]:
    return {c["check"] for c in data["checks"] if not c["ok"]}


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_of_tampering_is_caught_against_the_latest_anchor(office_db, kind):
    path, numbers = office_db
    rc, before = check_json(path)
    assert rc == 0 and before["ok"], failing(before)
    anchor = next(c for c in before["checks"] if c["check"] == "anchor")
    assert anchor["ok"] and not anchor["skipped"] and "cocok" in anchor["message"]

    KINDS[kind](path, numbers)
    rc, after = check_json(path)
    assert rc == 1 and not after["ok"]
    bad = failing(after)
    assert "guards" in bad  # the dropped triggers are named...
    if kind != "append-only triggers dropped":
        # ...and the tampering itself is found by the history checks, not only by that
        assert bad & {"history", "case_state", "ledger", "anchor"}, (kind, after["checks"])
    if kind in MISSED_BEFORE:
        assert "ledger" in bad, (kind, after["checks"])
    # the check put the triggers back
    assert not ledger.missing_guards(_db(path))


def _db(path):
    import peewee as pw

    return pw.SqliteDatabase(str(path))


@pytest.mark.parametrize("kind", [
    "last event deleted, case row adjusted", "whole case deleted",
    "case chain rewritten with the app's hash function", "intake field edited",
    "acting user renamed", "stop event deleted, case running again"])
def test_a_reforged_global_chain_is_caught_by_the_anchor(office_db, kind):
    """The attacker also throws the global chain away and builds it again with the app's own
    code: the database agrees with itself, only the anchor outside it can tell."""
    path, numbers = office_db
    KINDS[kind](path, numbers)
    reforge_ledger(path)
    rc, data = check_json(path)
    assert rc == 1
    assert "anchor" in failing(data), data["checks"]
    ledger_found = next(c for c in data["checks"] if c["check"] == "ledger")
    assert ledger_found["ok"]  # consistent in itself: only the anchor catches it


def test_triggers_are_reinstalled_and_the_next_check_passes(office_db):
    path, _ = office_db
    sql(path)  # drop them
    rc, out = run_check(path, "check")
    assert rc == 1
    assert "Pemicu hanya-tambah hilang" in out and "sudah dipasang kembali" in out
    rc, out = run_check(path, "check")
    assert rc == 0, out
    names = {r[0] for r in sqlite3.connect(path).execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert set(TRIGGERS) <= names


# -- the same on PostgreSQL (a few kinds, with psql-style SQL) ------------------------------------

def _pg(svc, *statements) -> None:
    with svc.db.atomic():
        svc.db.execute_sql('DROP TRIGGER IF EXISTS history_read_only ON "history"')
        svc.db.execute_sql('DROP TRIGGER IF EXISTS ledger_read_only ON "ledger"')
        for statement in statements:
            svc.db.execute_sql(*statement) if isinstance(statement, tuple) \
                else svc.db.execute_sql(statement)


def _pg_events(svc, number) -> list[int]:
    return [r[0] for r in svc.db.execute_sql(
        'SELECT h."id" FROM "history" h JOIN "cases" c ON c."id" = h."case_id" '
        'WHERE c."number" = %s ORDER BY h."id"', (number,)).fetchall()]


def _pg_reforge(svc) -> None:
    _pg(svc, 'DELETE FROM "ledger"')
    with svc.db.atomic():
        ledger.record_unledgered(svc.db)


PG_KINDS = {
    "last event deleted, case row adjusted": lambda s, n: _pg(
        s, ('DELETE FROM "history" WHERE "id" = %s', (_pg_events(s, n["B"])[-1],)),
        ('UPDATE "cases" SET "current_step" = 3 WHERE "number" = %s', (n["B"],))),
    "whole case deleted": lambda s, n: _pg(
        s, ('DELETE FROM "attachment" WHERE "case_id" IN (SELECT "id" FROM "cases" '
            'WHERE "number" = %s)', (n["D"],)),
        ('DELETE FROM "history" WHERE "case_id" IN (SELECT "id" FROM "cases" '
         'WHERE "number" = %s)', (n["D"],)),
        ('DELETE FROM "cases" WHERE "number" = %s', (n["D"],))),
    "intake field edited": lambda s, n: _pg(s, (
        'UPDATE "cases" SET "fields" = replace("fields", %s, %s) WHERE "number" = %s',
        ("Budi Santoso", "Orang Lain", n["A"]))),
    "due time edited": lambda s, n: _pg(s, (
        'UPDATE "cases" SET "current_due" = %s WHERE "number" = %s',
        ("2030-12-31 16:00:00", n["A"]))),
    "acting user renamed": lambda s, n: _pg(s, (
        'UPDATE "user" SET "name" = %s WHERE "username" = %s', ("Orang Lain", "operator"))),
    "append-only triggers dropped": lambda s, n: _pg(s),
}


@pytest.mark.postgres
@pytest.mark.parametrize("kind", list(PG_KINDS))
@pytest.mark.parametrize("reforge", [False, True], ids=["as-is", "chain-reforged"])
def test_tampering_is_caught_on_postgresql(pg_services, tmp_path, kind, reforge):
    from sop_desktop.storage import backup as bk

    svc = pg_services
    numbers = build_cases(svc)
    bk.create_backup(svc, tmp_path / "isi.sopdump")  # the backup writes the anchor
    rc, before = check_json(svc.target)
    assert rc == 0, failing(before)
    rc, dumped = check_json(svc.target, "--anchor", str(tmp_path / "isi.sopdump"))
    assert rc == 0, failing(dumped)  # the dump holds the chain: an anchor too
    PG_KINDS[kind](svc, numbers)
    if reforge:
        _pg_reforge(svc)
    rc, after = check_json(svc.target)
    bad = failing(after)
    assert rc == 1 and "guards" in bad
    if kind != "append-only triggers dropped":
        assert ("anchor" if reforge else "ledger") in bad, after["checks"]
    rc, again = check_json(svc.target)  # the triggers are back
    assert "guards" not in failing(again)


@pytest.mark.postgres
def test_two_writers_keep_one_global_chain_on_postgresql(pg_services):
    import subprocess
    import sys

    from tests.conftest import ROOT
    from tests.core.test_concurrency import CHILD

    svc = pg_services
    install_sample(svc)
    Office(svc)
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, svc.target, tag, "6"], cwd=str(ROOT),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for tag in ("A", "B")]
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
    seqs = [r[0] for r in svc.db.execute_sql('SELECT "seq" FROM "ledger" ORDER BY "seq"')]
    events = svc.db.execute_sql('SELECT COUNT(*) FROM "history"').fetchone()[0]
    users = svc.db.execute_sql('SELECT COUNT(*) FROM "user"').fetchone()[0]
    assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) == events + users
    rc, data = check_json(svc.target)
    assert rc == 0, data["checks"]
