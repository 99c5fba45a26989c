"""Benchmarks: how fast the engine is next to the floor measured in the same run.

    .venv/bin/python benchmarks/run.py [--cases 100000] [--repeat 20] [--only NAME ...]

Fills a fresh SQLite file with demo cases, then times each benchmark in BENCHMARKS next to its
floor: the same query in raw sqlite3, or an empty write transaction (the fsync cost). Prints a
table. A script, not a test: numbers depend on the machine.

Other modules add theirs with the @benchmark decorator (a function taking the Bench context
and returning (seconds, floor_seconds, note)); register them by importing their module in
EXTRA_MODULES below.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXTRA_MODULES: list[str] = []  # modules with more @benchmark functions, imported at start


@dataclass
class Bench:
    """What every benchmark gets: the services on the filled file and the raw path."""

    services: object
    path: Path
    cases: int
    repeat: int
    notes: dict = field(default_factory=dict)

    def raw(self) -> sqlite3.Connection:
        con = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        con.execute("PRAGMA synchronous=FULL")
        return con


BENCHMARKS: list[tuple[str, Callable]] = []


def benchmark(name: str):
    def deco(fn):
        BENCHMARKS.append((name, fn))
        return fn
    return deco


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# -- the benchmarks ------------------------------------------------------------------------------

@benchmark("isi demo (semua kasus + riwayat)")
def bench_demo_fill(b: Bench):
    seconds = b.notes["fill_seconds"]
    # floor: the same number of rows written with raw sqlite3 executemany into the same schema
    con = sqlite3.connect(str(b.path))
    schema = [r[0] for r in con.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name IN ('cases', 'history') AND sql IS NOT NULL "
        "AND type IN ('table', 'index')")]
    case_rows = con.execute('SELECT * FROM "cases"').fetchall()
    history_rows = con.execute('SELECT * FROM "history"').fetchall()
    con.close()
    floor_path = b.path.with_name("floor.sqlite3")
    for suffix in ("", "-wal", "-shm"):
        Path(str(floor_path) + suffix).unlink(missing_ok=True)
    floor = sqlite3.connect(str(floor_path), isolation_level=None)
    floor.execute("PRAGMA journal_mode=wal")
    floor.execute("PRAGMA synchronous=FULL")
    for sql in schema:
        floor.execute(sql)
    start = time.perf_counter()
    floor.execute("BEGIN IMMEDIATE")
    floor.executemany(f'INSERT INTO "cases" VALUES ({",".join("?" * len(case_rows[0]))})', case_rows)
    floor.executemany(f'INSERT INTO "history" VALUES ({",".join("?" * len(history_rows[0]))})',
                      history_rows)
    floor.execute("COMMIT")
    floor_seconds = time.perf_counter() - start
    floor.close()
    return seconds, floor_seconds, f"{len(case_rows)} kasus, {len(history_rows)} riwayat"


def _busiest_position(b: Bench):
    counts = b.services.inbox.counts()
    return max(counts, key=lambda c: c.open)


@benchmark("kotak masuk: halaman pertama (50)")
def bench_inbox_page(b: Bench):
    import sop_desktop.db as dbm

    busiest = _busiest_position(b)
    pos = b.services.positions.get(busiest.position)
    ours = median_time(lambda: b.services.inbox.for_position(pos, limit=50), b.repeat)
    con = b.raw()
    now = dbm.now_local().isoformat(" ")

    def raw():
        con.execute('SELECT COUNT(*) FROM "cases" WHERE "current_position_id"=? AND "status"=?',
                    (pos.id, "berjalan")).fetchone()
        rows = con.execute(
            'SELECT "id", "number", "sop_code", "current_step", "current_lane", "current_due", '
            '"step_started_at", "created_at", "current_due" < ? FROM "cases" '
            'WHERE "current_position_id"=? AND "status"=? '
            'ORDER BY "current_due" IS NULL, "current_due", "id" LIMIT 50',
            (now, pos.id, "berjalan")).fetchall()
        return rows

    floor = median_time(raw, b.repeat)
    con.close()
    return ours, floor, f"{busiest.position[:40]} ({busiest.open} terbuka)"


@benchmark("jumlah per jabatan (terbuka, terlambat)")
def bench_counts(b: Bench):
    import sop_desktop.db as dbm

    ours = median_time(b.services.inbox.counts, b.repeat)
    con = b.raw()
    now = dbm.now_local().isoformat(" ")
    floor = median_time(lambda: con.execute(
        'SELECT "current_position_id", COUNT(*), SUM("current_due" < ?) FROM "cases" '
        'WHERE "status"=? AND "current_position_id" IS NOT NULL GROUP BY "current_position_id"',
        (now, "berjalan")).fetchall(), b.repeat)
    con.close()
    return ours, floor, f"{len(b.services.positions.all())} jabatan"


@benchmark("satu perpindahan langkah")
def bench_transition(b: Bench):
    import sop_desktop.db as dbm

    svc = b.services
    operator = svc.users.get("operator")
    candidates = list(dbm.Case.select().where(dbm.Case.status == "berjalan")
                      .order_by(dbm.Case.id.desc()).limit(b.repeat * 3))
    moved = []
    for case in candidates:
        if len(moved) >= b.repeat:
            break
        pos = case.current_position
        step = svc.cases.definition(case).step(case.current_step)
        if pos is None or pos.external:
            user, behalf = operator, None
        else:
            holders = svc.users.holders(pos)
            if not holders:
                continue
            user, behalf = holders[0], None
        start = time.perf_counter()
        if step.kind == "decision":
            svc.cases.decide(case.number, user, "ya", on_behalf_of=behalf)
        else:
            svc.cases.advance(case.number, user, on_behalf_of=behalf)
        moved.append(time.perf_counter() - start)
    con = b.raw()
    con.execute('CREATE TABLE IF NOT EXISTS "bench_floor" ("n" INTEGER)')

    def smallest_write():
        # the least a durable transaction costs: one tiny row, committed with fsync
        con.execute("BEGIN IMMEDIATE")
        con.execute('INSERT INTO "bench_floor" VALUES (1)')
        con.execute("COMMIT")

    floor = median_time(smallest_write, b.repeat)
    con.close()
    return statistics.median(moved), floor, "lantai: transaksi tersingkat (satu baris, fsync)"


# -- flowchart, registers and the window (helpers in bench_flowchart.py, bench_reports.py, ui_launch.py)

def _bench_module(name: str):
    return importlib.import_module(f"benchmarks.{name}")


@benchmark("bagan alir: tata letak SOP terbesar")
def bench_flowchart_layout(b: Bench):
    name, seconds = _bench_module("bench_flowchart").bench_layout_largest(b.repeat)
    return seconds, None, name


@benchmark("bagan alir: adegan Qt + gambar, SOP terbesar")
def bench_flowchart_screen(b: Bench):
    name, seconds = _bench_module("bench_flowchart").bench_screen_render_largest(max(3, b.repeat // 4))
    return seconds, None, name


@benchmark("bagan alir: PDF semua SOP bawaan")
def bench_flowchart_pdf(b: Bench):
    name, seconds = _bench_module("bench_flowchart").bench_pdf_all()
    return seconds, None, name


@benchmark("register: semua kasus -> xlsx")
def bench_register_xlsx(b: Bench):
    results = _bench_module("bench_reports").bench_register_xlsx(b.cases)
    (_, build), (name, ours), (_, floor) = results
    return ours, floor, f"{name}; baris dihitung dalam {_fmt(build)}; lantai: openpyxl polos"


@benchmark("register: 10.000 baris -> PDF")
def bench_register_pdf(b: Bench):
    results = _bench_module("bench_reports").bench_register_pdf(min(10_000, max(b.cases, 100)))
    (name, ours), (_, floor) = results
    return ours, floor, f"{name}; lantai: reportlab tabel polos per 100 baris"


def _launch(args: list[str]) -> dict:
    import json
    import subprocess

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ui_launch.py"), *args],
                         capture_output=True, text=True, env=env, timeout=600, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@benchmark("jendela: dari mulai hingga siap dipakai")
def bench_window_launch(b: Bench):
    busiest = _busiest_position(b)
    pos = b.services.positions.get(busiest.position)
    holders = b.services.users.holders(pos)
    username = holders[0].username if holders else "operator"
    runs = max(3, b.repeat // 5)
    ours = [_launch([str(b.path), username]) for _ in range(runs)]
    floors = [_launch(["--floor"]) for _ in range(runs)]
    seconds = statistics.median(r["seconds"] for r in ours)
    floor = statistics.median(r["seconds"] for r in floors)
    rss = statistics.median(r["rss_mb"] for r in ours)
    peak = max(r["peak_mb"] for r in ours)
    floor_rss = statistics.median(r["rss_mb"] for r in floors)
    b.notes["window_memory"] = (rss, peak, floor_rss)
    return seconds, floor, (f"{username}, {ours[0]['rows']} baris terlihat; memori {rss:.0f} MB "
                            f"(puncak {peak:.0f} MB; lantai QMainWindow kosong {floor_rss:.0f} MB)")


# -- runner ----------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", default=None, help="folder kerja (bawaan: folder sementara)")
    parser.add_argument("--only", nargs="*", default=None, help="jalankan hanya yang namanya memuat ini")
    args = parser.parse_args(argv)
    folder = Path(args.folder or tempfile.mkdtemp(prefix="sop-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["SOP_DESKTOP_HOME"] = str(folder / "home")
    for name in EXTRA_MODULES:
        importlib.import_module(name)

    from sop_desktop.demo import fill
    from sop_desktop.services import Services

    path = folder / "bench.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    services = Services(str(path))
    start = time.perf_counter()
    result = fill(services, args.cases, seed=args.seed)
    bench = Bench(services, path, result.cases, args.repeat,
                  {"fill_seconds": time.perf_counter() - start})

    rows = []
    for name, fn in BENCHMARKS:
        if args.only and not any(o.lower() in name.lower() for o in args.only):
            continue
        ours, floor, note = fn(bench)
        rows.append((name, ours, floor, note))
    services.close()

    print(f"\nSOP Desktop, {result.cases} kasus demo, {path}")
    print(f"{'ukuran':<44} {'kita':>12} {'lantai':>12} {'rasio':>7}  catatan")
    for name, ours, floor, note in rows:
        if floor:
            print(f"{name:<44} {_fmt(ours):>12} {_fmt(floor):>12} {ours / floor:>6.1f}x  {note}")
        else:
            print(f"{name:<44} {_fmt(ours):>12} {'-':>12} {'-':>7}  {note}")
    return 0


def _fmt(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.2f} ms"


if __name__ == "__main__":
    raise SystemExit(main())
