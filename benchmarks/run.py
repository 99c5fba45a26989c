"""Benchmarks: how fast the engine is next to the floor measured in the same run.

    .venv/bin/python benchmarks/run.py [--cases 100000] [--repeat 20] [--only NAME ...]

Fills a fresh SQLite file with demo cases, then times each benchmark in BENCHMARKS next to its
floor: the same query in raw sqlite3, the same rows written by raw sqlite3 (a transition), the
fastest bare writer (xlsx), a bare window. Prints a table (and each benchmark's own duration on
stderr as it ends). A script, not a test: numbers depend on the machine.

    .venv/bin/python benchmarks/run.py --cases 1000 --repeat 1   # smoke mode, well under a minute

(tests/test_benchmarks_smoke.py runs the smoke mode and checks every row is printed.)

Other modules add theirs with the @benchmark decorator (a function taking the Bench context
and returning (seconds, floor_seconds, note)); register them by importing their module in
EXTRA_MODULES below.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

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
    # floor: the same rows the fill wrote (the cases, their history and the global chain's
    # entries) written with raw sqlite3 executemany into the same tables and indexes
    con = sqlite3.connect(str(b.path))
    schema = [r[0] for r in con.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name IN ('cases', 'history', 'ledger') "
        "AND sql IS NOT NULL AND type IN ('table', 'index')")]
    case_rows = con.execute('SELECT * FROM "cases"').fetchall()
    history_rows = con.execute('SELECT * FROM "history"').fetchall()
    ledger_rows = con.execute('SELECT * FROM "ledger" WHERE "kind" = ?', ("kasus",)).fetchall()
    con.close()
    floor_path = b.path.with_name("floor.sqlite3")
    for suffix in ("", "-wal", "-shm"):
        Path(str(floor_path) + suffix).unlink(missing_ok=True)
    floor = sqlite3.connect(str(floor_path), isolation_level=None)
    floor.execute("PRAGMA journal_mode=wal")
    floor.execute("PRAGMA synchronous=FULL")
    for sql in schema:
        floor.execute(sql)
    start, cpu = time.perf_counter(), time.process_time()
    floor.execute("BEGIN IMMEDIATE")
    floor.executemany(f'INSERT INTO "cases" VALUES ({",".join("?" * len(case_rows[0]))})', case_rows)
    floor.executemany(f'INSERT INTO "history" VALUES ({",".join("?" * len(history_rows[0]))})',
                      history_rows)
    if ledger_rows:
        floor.executemany(f'INSERT INTO "ledger" VALUES ({",".join("?" * len(ledger_rows[0]))})',
                          ledger_rows)
    floor.execute("COMMIT")
    floor_seconds, floor_cpu = time.perf_counter() - start, time.process_time() - cpu
    floor.close()
    return seconds, floor_seconds, (f"{len(case_rows)} kasus, {len(history_rows)} riwayat, "
                                    f"{len(ledger_rows)} entri rantai global; CPU "
                                    f"kita {_fmt(b.notes['fill_cpu'])} (proses ini "
                                    f"{_fmt(b.notes['fill_cpu_own'])} + pekerja), "
                                    f"lantai {_fmt(floor_cpu)}")


def _busiest_position(b: Bench):
    counts = b.services.inbox.counts()
    return max(counts, key=lambda c: c.open)


@benchmark("kotak masuk: halaman pertama (50)")
def bench_inbox_page(b: Bench):
    import sop_desktop.storage.db as dbm

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
    import sop_desktop.storage.db as dbm

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
    import sop_desktop.storage.db as dbm

    svc = b.services
    operator = svc.users.get("operator")
    candidates = list(dbm.Case.select().where(dbm.Case.status == "berjalan")
                      .order_by(dbm.Case.id.desc()).limit(b.repeat * 6))
    # the floor moves other cases than ours, on the engine's own sqlite3 connection (bare driver
    # calls, same pragmas: foreign keys, synchronous=FULL), one floor transaction right after each
    # of ours so both meet the same moment of the disk and the machine (its fsync varies
    # 0.1-4 ms); a second connection would also count as another writer to the engine
    spare = [c.id for c in candidates[1::2]]
    con = svc.db.connection()
    moved, floors = [], []
    for case in candidates[::2]:
        if len(moved) >= b.repeat or not spare:
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
        floors.append(_raw_transition(con, spare.pop(), operator.id))
    shortest = _shortest_write(con, b.repeat)
    return statistics.median(moved), statistics.median(floors), (
        f"lantai: sqlite3 mentah menulis baris yang sama (kasus, riwayat + hash, rantai global, "
        f"tanda baca) pada sambungan yang sama, bergantian; transaksi tersingkat {_fmt(shortest)}")


def _shortest_write(con: sqlite3.Connection, repeat: int) -> float:
    """The least a durable transaction costs: one tiny row, committed with fsync."""
    con.execute('CREATE TABLE IF NOT EXISTS "bench_floor" ("n" INTEGER)')

    def smallest_write():
        con.execute("BEGIN IMMEDIATE")
        con.execute('INSERT INTO "bench_floor" VALUES (1)')
        con.execute("COMMIT")

    return median_time(smallest_write, repeat)


def _raw_transition(con: sqlite3.Connection, case_id: int, user_id: int) -> float:
    """Seconds of a raw sqlite3 transaction writing the rows one transition writes: the case
    row updated, its read markers reset, a history row chained to the case's last hash, and
    the global chain's entry after the newest one (issue 19's floor)."""
    import hashlib
    import json

    start = time.perf_counter()
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    con.execute("BEGIN IMMEDIATE")
    step, lane, pos, due = con.execute(
        'SELECT "current_step", "current_lane", "current_position_id", "current_due" '
        'FROM "cases" WHERE "id" = ?', (case_id,)).fetchone()
    previous = con.execute('SELECT "hash" FROM "history" WHERE "case_id" = ? ORDER BY "id" '
                           'DESC LIMIT 1', (case_id,)).fetchone()
    con.execute('UPDATE "cases" SET "current_step" = ?, "current_lane" = ?, '
                '"current_position_id" = ?, "step_started_at" = ?, "current_due" = ?, '
                '"updated_at" = ?, "holder_id" = NULL, "held_at" = NULL WHERE "id" = ?',
                ((step or 0) + 1, lane, pos, now, due, now, case_id))
    con.execute('DELETE FROM "case_read" WHERE "case_id" = ?', (case_id,))
    con.execute('INSERT INTO "case_read" ("user_id", "case_id", "read_at") VALUES (?, ?, ?)',
                (user_id, case_id, now))
    event = [case_id, "lanjut", step, (step or 0) + 1, None, user_id, pos, None, now, now,
             "", "[]", 0.0, due, True]
    digest = hashlib.sha256(((previous[0] if previous else "") + json.dumps(
        event, separators=(",", ":"))).encode()).hexdigest()
    event_id = con.execute(
        'INSERT INTO "history" ("case_id", "action", "from_step", "to_step", "decision", '
        '"user_id", "position_id", "on_behalf_of_id", "at", "recorded_at", "note", '
        '"attachments", "seconds_taken", "due", "on_time", "hash") VALUES '
        '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', (*event, digest)).lastrowid
    state = hashlib.sha256(json.dumps([case_id, step, lane, pos, now, due]).encode()).hexdigest()
    seq, head = con.execute('SELECT "seq", "hash" FROM "ledger" ORDER BY "seq" DESC '
                            'LIMIT 1').fetchone() or (0, "")
    entry = hashlib.sha256((head + json.dumps([seq + 1, "kasus", case_id, event_id, digest,
                                               state])).encode()).hexdigest()
    con.execute('INSERT INTO "ledger" ("seq", "kind", "ref", "event", "state", '
                '"recorded_at", "hash") VALUES (?, ?, ?, ?, ?, ?, ?)',
                (seq + 1, "kasus", case_id, event_id, state, now, entry))
    con.execute("COMMIT")
    return time.perf_counter() - start


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


@benchmark("bagan alir: PDF SOP bawaan terlambat (target < 5 s)")
def bench_flowchart_pdf_slowest(b: Bench):
    name, seconds = _bench_module("bench_flowchart").bench_pdf_slowest()
    return seconds, None, name


@benchmark("bagan alir: PDF dengan kata 20.000 huruf (dulu 115 s)")
def bench_flowchart_pdf_long_word(b: Bench):
    name, seconds = _bench_module("bench_flowchart").bench_pdf_long_word()
    return seconds, None, name


@benchmark("register: semua kasus -> xlsx")
def bench_register_xlsx(b: Bench):
    # the best of up to 3 rounds, ours and the floors taking turns (see bench_reports._best)
    results = _bench_module("bench_reports").bench_register_xlsx(b.cases, min(3, b.repeat))
    (_, build), (name, ours), (_, openpyxl_floor), (_, xlsxwriter_floor) = results[:4]
    cpu = {label: seconds for label, seconds in results[4:]}
    # the floor is the fastest bare writer measured in this run (issue 19)
    floor = min(openpyxl_floor, xlsxwriter_floor)
    return ours, floor, (f"{name}; baris dihitung dalam {_fmt(build)}; lantai: tercepat dari "
                         f"openpyxl polos {_fmt(openpyxl_floor)} dan xlsxwriter polos "
                         f"(constant_memory) {_fmt(xlsxwriter_floor)}; CPU kita "
                         f"{_fmt(cpu['CPU: ours'])}, xlsxwriter polos "
                         f"{_fmt(cpu['CPU: xlsxwriter bare'])}")


@benchmark("register: 10.000 baris -> PDF")
def bench_register_pdf(b: Bench):
    results = _bench_module("bench_reports").bench_register_pdf(
        min(10_000, max(b.cases // 10, 100)), min(3, b.repeat))
    (name, ours), (_, floor), (_, cpu_ours), (_, cpu_floor) = results
    return ours, floor, (f"{name}; lantai: reportlab tabel polos per 100 baris; CPU kita "
                         f"{_fmt(cpu_ours)}, lantai {_fmt(cpu_floor)}")


def _launch(args: list[str], cold: Path | None = None) -> dict:
    import json
    import subprocess

    if cold is not None:
        _cool_down(cold)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # bytecode cached, as the installed program has it (the bundle ships .pyc): a shell with
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module of ours at every start
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ui_launch.py"), *args],
                         capture_output=True, text=True, env=env, timeout=600, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@benchmark("jendela: dari mulai hingga siap dipakai")
def bench_window_launch(b: Bench):
    busiest = _busiest_position(b)
    pos = b.services.positions.get(busiest.position)
    holders = b.services.users.holders(pos)
    username = holders[0].username if holders else "operator"
    runs = max(7, b.repeat // 5)
    _launch([str(b.path), username])  # untimed: writes the bytecode, as installing does
    _launch(["--floor"])
    ours, floors = [], []
    for _ in range(runs):  # alternated, so a busy moment of the machine hits both alike
        ours.append(_launch([str(b.path), username]))
        floors.append(_launch(["--floor"]))
    seconds = statistics.median(r["seconds"] for r in ours)
    floor = statistics.median(r["seconds"] for r in floors)
    rss = statistics.median(r["rss_mb"] for r in ours)
    peak = max(r["peak_mb"] for r in ours)
    floor_rss = statistics.median(r["rss_mb"] for r in floors)
    b.notes["window_memory"] = (rss, peak, floor_rss)
    return seconds, floor, (f"{username}, {ours[0]['rows']} baris terlihat; memori {rss:.0f} MB "
                            f"(puncak {peak:.0f} MB; lantai QMainWindow kosong {floor_rss:.0f} MB)")


@benchmark("jendela: mulai dingin (sesudah membaca berkas besar lain)")
def bench_window_cold(b: Bench):
    busiest = _busiest_position(b)
    holders = b.services.users.holders(b.services.positions.get(busiest.position))
    username = holders[0].username if holders else "operator"
    big = b.path.with_name("unrelated.bin")
    size_mb = 2048 if b.cases >= 50_000 else 64
    with open(big, "wb") as out:  # a large file unrelated to the program, read before each start
        block = os.urandom(1 << 20)
        for _ in range(size_mb):
            out.write(block)
    cold = (big, b.path)
    ours = _launch([str(b.path), username], cold=cold)
    floor = _launch(["--floor"], cold=cold)
    big.unlink()
    return ours["seconds"], floor["seconds"], (
        f"proses baru sesudah membaca {size_mb} MB lain dan membuang berkas program, pustaka "
        f"dan basis data dari cache halaman (posix_fadvise DONTNEED); memori {ours['rss_mb']:.0f} "
        f"MB (lantai {floor['rss_mb']:.0f} MB)")


def _cool_down(cold: tuple[Path, Path]) -> None:
    """Make the next start cold-ish without root: read a large unrelated file through, then
    ask the kernel to drop the cached pages of the interpreter's libraries, the program and
    the database (what an office PC that did other work since the last start has to read)."""
    big, db = cold
    with open(big, "rb") as f:
        while f.read(8 << 20):
            pass
    for path in _program_files() + [Path(str(db) + s) for s in ("", "-wal", "-shm")]:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass
        finally:
            os.close(fd)


@functools.lru_cache(maxsize=1)
def _program_files() -> list[Path]:
    """The files a start may read: the venv, the standard library, the program, resources."""
    roots = {Path(sys.prefix), Path(os.__file__).parent, ROOT / "sop_desktop", ROOT / "ui",
             ROOT / "resources"}
    out = []
    for root in roots:
        for folder, _, names in os.walk(root):
            out.extend(Path(folder, n) for n in names)
    return out


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

    from sop_desktop.ops.demo import fill
    from sop_desktop.services.container import Services

    path = folder / "bench.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    services = Services(str(path))
    start, cpu, own = time.perf_counter(), _cpu_seconds(), time.process_time()
    result = fill(services, args.cases, seed=args.seed)
    bench = Bench(services, path, result.cases, args.repeat,
                  {"fill_seconds": time.perf_counter() - start,
                   "fill_cpu": _cpu_seconds() - cpu, "fill_cpu_own": time.process_time() - own})

    rows = []
    for name, fn in BENCHMARKS:
        if args.only and not any(o.lower() in name.lower() for o in args.only):
            continue
        began = time.perf_counter()
        ours, floor, note = fn(bench)
        print(f"  {name}: {_fmt(time.perf_counter() - began)}", file=sys.stderr, flush=True)
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


def _cpu_seconds() -> float:
    """CPU time of this process and of its ended child processes (the demo fill's worker);
    Windows reports no children's time, so there it is this process's only."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _fmt(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.2f} ms"


if __name__ == "__main__":
    raise SystemExit(main())
