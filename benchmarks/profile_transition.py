"""Where one step transition spends its time: SQL statements and a cProfile of
`CaseService.advance` / `decide` on a demo database.

    .venv/bin/python benchmarks/profile_transition.py [--db FILE | --cases 1000] [--moves 200]
        [--pg postgresql://... [--keep]]  [--profile] [--no-fsync]

Prints the median time of one transition, the SQL statements one transition sends (as the
driver sees them: sqlite3's trace callback, a counting psycopg2 cursor), the floor (a raw
transaction writing the same rows, run after each transition so that both see the same moment
of a shared machine), the CPU time of both (this process's, `time.process_time`: what is left
when the disk is fast; the floor's is its sqlite3 calls, or its psycopg2 side only) and with
--profile the top functions by internal and by cumulative time. `--no-fsync`: SQLite with
synchronous=OFF on both sides, so that the wall times show the work and not the disk.

The SQLite floor runs on the engine's own sqlite3 connection (bare driver calls, no peewee):
a commit by another connection between two transitions would make each transition read the
positions, holders and calendar afresh (services.case_lookups), as when another process writes
in between; `--other-writer` gives the floor a connection of its own to measure just that.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def sent(services, fn) -> Counter:
    """The statements `fn()` sends, as the driver sees them (BEGIN and COMMIT included; on
    PostgreSQL each is a round trip, a multi-statement text one)."""
    seen: Counter = Counter()
    conn = services.db.connection()
    if isinstance(conn, sqlite3.Connection):
        conn.set_trace_callback(lambda sql: seen.update(
            [] if sql.startswith("--") else [" ".join(sql.split())[:110]]))
        try:
            fn()
        finally:
            conn.set_trace_callback(None)
        return seen
    import psycopg2.extensions

    class Counting(psycopg2.extensions.cursor):
        def execute(self, query, vars=None):  # noqa: A002 - psycopg2's name
            seen.update([" ".join(str(query).split())[:110]])
            return super().execute(query, vars)

        def executemany(self, query, vars_list):
            rows = list(vars_list)
            seen.update([" ".join(str(query).split())[:110]] * len(rows))
            return super().executemany(query, rows)

    conn.cursor_factory = Counting
    try:
        fn()
    finally:
        conn.cursor_factory = psycopg2.extensions.cursor
    return seen


def movers(services, count: int):
    """Running cases and who may move each (a holder of the position, else the operator)."""
    import sop_desktop.storage.db as dbm

    operator = services.users.get("operator")
    for case in (dbm.Case.select().where(dbm.Case.status == "berjalan")
                 .order_by(dbm.Case.id.desc()).limit(count * 3)):
        try:
            step = services.cases.definition(case).step(case.current_step)
        except KeyError:  # a step a floor run of this file wrote (not in the SOP): skipped
            continue
        pos = case.current_position
        if pos is None or pos.external:
            yield case, step, operator
            continue
        holders = services.users.holders(pos)
        if holders:
            yield case, step, holders[0]


def move(services, case, step, user) -> None:
    if step.kind == "decision":
        services.cases.decide(case.number, user, "ya")
    else:
        services.cases.advance(case.number, user)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None)
    parser.add_argument("--pg", default=None, help="PostgreSQL URL (a fresh schema is filled)")
    parser.add_argument("--keep", action="store_true",
                        help="with --pg: use the URL's database as it is (filled when empty), "
                             "keep it afterwards (the same cases for runs of two trees)")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--other-writer", action="store_true",
                        help="SQLite: the floor on a connection of its own (see above)")
    parser.add_argument("--no-fsync", action="store_true",
                        help="SQLite: synchronous=OFF on both sides (the work without the disk)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="sop-prof-"))
    os.environ["SOP_DESKTOP_HOME"] = str(folder / "home")
    from sop_desktop.ops.demo import fill
    from sop_desktop.services.container import Services

    target = (args.pg if args.keep else _fresh_pg(args.pg)) if args.pg else (
        args.db or str(folder / "prof.sqlite3"))
    services = Services(target)
    if not services.cases.count():
        fill(services, args.cases, seed=1)
    if args.no_fsync and not args.pg:
        services.db.execute_sql("PRAGMA synchronous=OFF")
    todo = list(movers(services, args.moves))
    move(services, *todo.pop())  # the first action of a connection sets up what it keeps
    case, step, user = todo.pop()
    seen = sent(services, lambda: move(services, case, step, user))
    print(f"SQL sent per transition (BEGIN and COMMIT included): {sum(seen.values())}")
    for sql, n in seen.most_common():
        print(f"  {n} x {sql}")
    profiler = cProfile.Profile() if args.profile else None
    floor = _Floor(services, [c.id for c, _, _ in todo], fsync=not args.no_fsync,
                   own=args.other_writer)
    times, floors, cpu, floor_cpu = [], [], [], []
    for case, step, user in todo:
        start, began = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        move(services, case, step, user)
        if profiler:
            profiler.disable()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - began)
        began = time.process_time()
        floors.append(floor.one())  # one after each: both see the same moment of the machine
        floor_cpu.append(time.process_time() - began)
    shortest = floor.shortest(len(times))
    floor.close()
    ours, low = statistics.median(times), statistics.median(floors)
    print(f"{len(times)} transitions, median {ours * 1000:.2f} ms, "
          f"p90 {sorted(times)[int(len(times) * 0.9)] * 1000:.2f} ms")
    print(f"floor ({'psycopg2' if args.pg else 'sqlite3'} writing the same rows, one after each "
          f"transition): median {low * 1000:.2f} ms, ratio {ours / low:.2f}x; shortest durable "
          f"transaction {shortest * 1000:.2f} ms")
    print(f"CPU of this process: transition median {statistics.median(cpu) * 1000:.3f} ms, "
          f"floor median {statistics.median(floor_cpu) * 1000:.3f} ms")
    if profiler:
        calls = pstats.Stats(profiler).total_calls
        print(f"function calls per transition (cProfile, builtins included): "
              f"{calls / len(times):.0f}")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    services.close()
    if args.pg and not args.keep:
        _drop_pg(args.pg, target)
    return 0


class _Floor:
    """Raw-driver transactions writing the rows of one transition, on running cases the engine
    is not moving: benchmarks/run.py's floor in sqlite3, the same rows in psycopg2."""

    def __init__(self, services, moving: list[int], fsync: bool = True,
                 own: bool = False) -> None:
        import itertools

        import sop_desktop.storage.db as dbm

        self.sqlite = dbm.is_sqlite(services.db)
        self.user_id = services.users.get("operator").id
        skip = set(moving)
        ids = [i for (i,) in dbm.tuples_of(
            dbm.Case.select(dbm.Case.id).where(dbm.Case.status == "berjalan")
            .order_by(dbm.Case.id).limit(len(skip) + 100)) if i not in skip]
        self.ids = itertools.cycle(ids or moving)
        if self.sqlite:
            self.con = (sqlite3.connect(services.target, timeout=30, isolation_level=None)
                        if own else services.db.connection())
            self.closing = own
            self.con.execute(f"PRAGMA synchronous={'FULL' if fsync else 'OFF'}")
        else:
            import psycopg2

            self.con = psycopg2.connect(services.target)

    def one(self) -> float:
        """Seconds of one raw transaction writing a transition's rows."""
        if self.sqlite:
            from benchmarks.run import _raw_transition

            return _raw_transition(self.con, next(self.ids), self.user_id)
        return _pg_transition(self.con, next(self.ids), self.user_id)

    def shortest(self, count: int) -> float:
        """Median seconds of the shortest durable transaction (one tiny row, committed)."""
        if self.sqlite:
            from benchmarks.run import _shortest_write

            return _shortest_write(self.con, max(count, 1))
        cur = self.con.cursor()
        cur.execute('CREATE TABLE IF NOT EXISTS "bench_floor" ("n" INTEGER)')
        self.con.commit()
        times = []
        for _ in range(max(count, 1)):
            start = time.perf_counter()
            cur.execute('INSERT INTO "bench_floor" VALUES (1)')
            self.con.commit()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    def close(self) -> None:
        if getattr(self, "closing", True):  # not the engine's own connection
            self.con.close()


def _fresh_pg(url: str) -> str:
    """A new database beside `url`'s (never the server's own): its URL."""
    import uuid

    import psycopg2

    name = "bench_" + uuid.uuid4().hex[:10]
    admin = psycopg2.connect(url)
    admin.autocommit = True
    admin.cursor().execute(f"CREATE DATABASE {name}")
    admin.close()
    return url.rsplit("/", 1)[0] + "/" + name


def _drop_pg(url: str, target: str) -> None:
    import psycopg2

    admin = psycopg2.connect(url)
    admin.autocommit = True
    admin.cursor().execute(f"DROP DATABASE IF EXISTS {target.rsplit('/', 1)[1]} WITH (FORCE)")
    admin.close()


def _pg_transition(con, case_id: int, user_id: int) -> float:
    """Seconds of one raw psycopg2 transaction writing the rows of a transition (as
    benchmarks/run.py's SQLite floor writes them), with the chain's advisory lock."""
    import hashlib
    import json

    cur = con.cursor()
    start = time.perf_counter()
    cur.execute('SELECT "current_step", "current_lane", "current_position_id", "current_due" '
                'FROM "cases" WHERE "id" = %s FOR UPDATE', (case_id,))
    step, lane, pos, due = cur.fetchone()
    cur.execute('SELECT "hash" FROM "history" WHERE "case_id" = %s ORDER BY "id" DESC LIMIT 1',
                (case_id,))
    previous = cur.fetchone()
    cur.execute('UPDATE "cases" SET "current_step" = %s, "updated_at" = now(), "holder_id" = '
                'NULL WHERE "id" = %s', ((step or 0) + 1, case_id))
    cur.execute('DELETE FROM "case_read" WHERE "case_id" = %s', (case_id,))
    cur.execute('INSERT INTO "case_read" ("user_id", "case_id", "read_at") VALUES '
                '(%s, %s, now())', (user_id, case_id))
    digest = hashlib.sha256(((previous[0] if previous else "") + json.dumps(
        [case_id, step, lane, pos, str(due)])).encode()).hexdigest()
    cur.execute('INSERT INTO "history" ("case_id", "action", "from_step", "to_step", '
                '"user_id", "position_id", "at", "recorded_at", "note", "attachments", '
                '"hash") VALUES (%s, %s, %s, %s, %s, %s, now(), now(), %s, %s, %s) '
                'RETURNING "id"', (case_id, "lanjut", step, (step or 0) + 1, user_id, pos,
                                   "", "[]", digest))
    event_id = cur.fetchone()[0]
    cur.execute("SELECT pg_advisory_xact_lock(7160303)")
    cur.execute('SELECT "seq", "hash" FROM "ledger" ORDER BY "seq" DESC LIMIT 1')
    seq, head = cur.fetchone() or (0, "")
    entry = hashlib.sha256((head + str(seq + 1) + digest).encode()).hexdigest()
    cur.execute('INSERT INTO "ledger" ("seq", "kind", "ref", "event", "state", "recorded_at", '
                '"hash") VALUES (%s, %s, %s, %s, %s, now(), %s)',
                (seq + 1, "kasus", case_id, event_id, digest, entry))
    con.commit()
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
