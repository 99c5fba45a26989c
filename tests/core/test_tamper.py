"""Tampering is caught (issue 13.9): twenty kinds of tampering, each applied with plain SQL to a
real SQLite database whose append-only triggers were dropped first, each found by
`sop-desktop check` against the newest anchor in the anchor log (outside the database).

The office: four cases of a small SOP (one at step 2, one at step 4, one stopped, one done)
written by the real case engine; then a backup writes the anchor; then the attacker works.
"""

from __future__ import annotations

import sqlite3

import pytest

from sop_desktop.storage import ledger
from tests.core.chain_support import CHILD
from tests.core.office_support import Office, install_sample
from tests.core.tamper_support import (
    KINDS,
    TRIGGERS,
    build_cases,
    check_json,
    failing,
    reforge_ledger,
    run_check,
    sql,
)

# the kinds the per-case chain alone missed: the global chain (or its anchor) must find them
MISSED_BEFORE = list(KINDS)[9:19]


def test_twenty_kinds() -> None:
    assert len(KINDS) == 20 and len(MISSED_BEFORE) == 10


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
