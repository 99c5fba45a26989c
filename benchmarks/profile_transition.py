"""Where one step transition spends its time: SQL statements and a cProfile of
`CaseService.advance` / `decide` on a demo database.

    .venv/bin/python benchmarks/profile_transition.py [--db FILE | --cases 1000] [--moves 200]
        [--pg postgresql://...]  [--profile]

Prints the median time of one transition, the SQL statements one transition sends (counted
with peewee's query log), and with --profile the top functions by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class _Count(logging.Handler):
    """Counts the SQL statements peewee sends (its 'peewee' logger at DEBUG)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.seen: Counter = Counter()
        self.on = False

    def emit(self, record: logging.LogRecord) -> None:
        if self.on:
            sql = record.msg[0] if isinstance(record.msg, tuple) else str(record.msg)
            self.seen[" ".join(str(sql).split())[:110]] += 1


def movers(services, count: int):
    """Running cases and who may move each (a holder of the position, else the operator)."""
    import sop_desktop.storage.db as dbm

    operator = services.users.get("operator")
    for case in (dbm.Case.select().where(dbm.Case.status == "berjalan")
                 .order_by(dbm.Case.id.desc()).limit(count * 3)):
        pos = case.current_position
        step = services.cases.definition(case).step(case.current_step)
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
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="sop-prof-"))
    os.environ["SOP_DESKTOP_HOME"] = str(folder / "home")
    from sop_desktop.ops.demo import fill
    from sop_desktop.services.container import Services

    target = _fresh_pg(args.pg) if args.pg else (args.db or str(folder / "prof.sqlite3"))
    services = Services(target)
    if not services.cases.count():
        fill(services, args.cases, seed=1)
    todo = list(movers(services, args.moves))
    counter = _Count()
    log = logging.getLogger("peewee")
    log.addHandler(counter)
    log.setLevel(logging.DEBUG)
    case, step, user = todo.pop()
    counter.on = True
    move(services, case, step, user)
    counter.on = False
    log.setLevel(logging.WARNING)
    print(f"SQL per transition: {sum(counter.seen.values())}")
    for sql, n in counter.seen.most_common():
        print(f"  {n} x {sql}")
    profiler = cProfile.Profile() if args.profile else None
    times = []
    for case, step, user in todo:
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        move(services, case, step, user)
        if profiler:
            profiler.disable()
        times.append(time.perf_counter() - start)
    print(f"{len(times)} transitions, median {statistics.median(times) * 1000:.2f} ms, "
          f"p90 {sorted(times)[int(len(times) * 0.9)] * 1000:.2f} ms")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    if args.pg:
        floor, shortest = _pg_floors(services, [c.id for c, _, _ in todo], len(times))
        print(f"PostgreSQL floor, raw psycopg2 writing the same rows: median {floor * 1000:.2f} "
              f"ms; shortest durable transaction {shortest * 1000:.2f} ms")
    services.close()
    if args.pg:
        _drop_pg(args.pg, target)
    return 0


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


def _pg_floors(services, case_ids: list[int], count: int) -> tuple[float, float]:
    """Raw psycopg2 on the same database: the rows of one transition (as benchmarks/run.py's
    SQLite floor writes them) and the shortest durable transaction; median seconds."""
    import hashlib
    import json

    import psycopg2

    con = psycopg2.connect(services.target)
    cur = con.cursor()
    user_id = services.users.get("operator").id
    moved = []
    for case_id in case_ids[-max(count, 1):]:
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
        moved.append(time.perf_counter() - start)
    cur.execute('CREATE TABLE IF NOT EXISTS "bench_floor" ("n" INTEGER)')
    con.commit()
    shortest = []
    for _ in range(max(count, 1)):
        start = time.perf_counter()
        cur.execute('INSERT INTO "bench_floor" VALUES (1)')
        con.commit()
        shortest.append(time.perf_counter() - start)
    con.close()
    return statistics.median(moved), statistics.median(shortest)


if __name__ == "__main__":
    raise SystemExit(main())
