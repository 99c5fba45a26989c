"""One step transition sends few statements (issue 19): on PostgreSQL each is a network round
trip, on SQLite each is building and running SQL. Counted on the real drivers, with the
history chain, the global chain and the case rows checked afterwards."""

from __future__ import annotations

import datetime as dt
from typing import Any

import psycopg2.extensions
import pytest

from sop_desktop.storage import db as dbm
from sop_desktop.storage import integrity, ledger
from tests.core.office_support import Office, field_values, install_sample

# BEGIN, the case row (locked, then read with its last event's time and hash), the positions,
# the user's positions, the calendar setting, the case update with its read markers and the
# notification to other PCs, the event, the chain's lock and head, the chain entry, COMMIT
PG_TRIPS = 10
# SQLite: BEGIN, whether anything the lookups keep changed (services.case_lookups: the
# positions, holders and calendar are then not read again), the case row with its last event's
# time and hash, the read markers (two statements), the case update, the event, the chain's
# head, the chain entry, COMMIT: what the raw floor of benchmarks/run.py sends too
SQLITE_STATEMENTS = 10


def _moved_case(svc: Any) -> tuple[Office, str]:
    """An office with one case waiting on the public's step 1 (moved once, caches warm)."""
    install_sample(svc)
    office = Office(svc)
    now = dbm.now_local()  # recent times: the steps take hours, not months
    number = svc.cases.open_case("CONTOH", office.operator, field_values(svc.sops.get("CONTOH")),
                                 intake_done=False, at=now - dt.timedelta(hours=3)).numbers[0]
    svc.cases.advance(number, office.operator, at=now - dt.timedelta(hours=2))
    svc.cases.decide(number, office.actor(svc.cases.get(number)), "tidak", note="kurang",
                     at=now - dt.timedelta(hours=1))
    return office, number


class _Counting(psycopg2.extensions.cursor):
    """A psycopg2 cursor noting every statement it sends (executemany: one per row)."""

    seen: list[str] = []

    def execute(self, query: Any, vars: Any = None) -> Any:  # noqa: A002 - psycopg2's name
        self.seen.append(str(query))
        return super().execute(query, vars)

    def executemany(self, query: Any, vars_list: Any) -> Any:
        rows = list(vars_list)
        self.seen.extend([str(query)] * len(rows))
        return super().executemany(query, rows)


def _check_chains(svc: Any, number: str) -> None:
    """The history chain, the global chain and the case row agree after the transitions."""
    bad = [f"{f.check}: {f.message} {f.problems[:3]}"
           for f in integrity.run_checks(svc, anchor=None) if not f.ok and not f.skipped]
    assert not bad
    case = svc.cases.get(number)
    entry = svc.db.execute_sql(
        f'SELECT "state" FROM "ledger" WHERE "kind" = {svc.db.param} AND "ref" = {svc.db.param} '
        'ORDER BY "seq" DESC LIMIT 1', ("kasus", case.id)).fetchone()
    assert entry[0] == ledger.read_states(svc.db, ledger.KIND_CASE, [case.id])[case.id]


def test_a_transition_on_sqlite_runs_few_statements_and_keeps_the_chains(services):
    svc = services
    office, number = _moved_case(svc)
    case = svc.cases.get(number)
    assert case.current_step == 1
    seen: list[str] = []
    conn = svc.db.connection()
    conn.set_trace_callback(seen.append)
    try:
        change = svc.cases.advance(number, office.operator)
    finally:
        conn.set_trace_callback(None)
    assert change.to_step == 2
    statements = [s for s in seen if not s.startswith("--")]  # trigger markers are no statements
    assert len(statements) <= SQLITE_STATEMENTS, "\n".join(statements)
    assert not any('FROM "position"' in s or 'FROM "setting"' in s for s in statements)  # kept
    assert sum('FROM "history"' in s for s in statements) == 1  # with the case row
    assert not any("FOR UPDATE" in s for s in statements)
    _check_chains(svc, number)
    moved = svc.cases.get(number)
    assert moved.current_position.name == "Petugas Uji"
    assert moved.current_due is not None and moved.holder_id is None


@pytest.mark.postgres
def test_a_transition_on_postgresql_makes_few_round_trips_and_keeps_the_chains(pg_services):
    svc = pg_services
    assert not dbm.is_sqlite(svc.db)
    office, number = _moved_case(svc)
    conn = svc.db.connection()
    _Counting.seen = []
    conn.cursor_factory = _Counting
    try:
        change = svc.cases.advance(number, office.operator)
    finally:
        conn.cursor_factory = psycopg2.extensions.cursor
    assert change.to_step == 2
    trips = list(_Counting.seen)
    assert len(trips) <= PG_TRIPS, "\n".join(trips)
    assert sum("FOR UPDATE" in s for s in trips) == 1  # the case row is locked once
    assert sum('FROM "history"' in s for s in trips) == 1  # read with it, in the same trip
    assert sum('FROM "position"' in s for s in trips) == 1
    assert sum("pg_notify" in s for s in trips) == 1  # other PCs told once, on commit
    _check_chains(svc, number)
