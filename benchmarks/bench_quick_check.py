"""How long the integrity check before a process's first write takes at 100,000 cases.

    .venv/bin/python benchmarks/bench_quick_check.py [--db /tmp/qc100k/db.sqlite3] [--repeat 5]

(A missing file is first filled with `sop-desktop demo --cases 100000 --seed 1`.) Prints the
file size and the time of `PRAGMA quick_check`, of the whole start-up check every CLI process
now runs before its first write (`backup.startup_check`: quick_check, schema, case count), of
`PRAGMA integrity_check` for comparison, and of the light check every process runs at start.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sop_desktop.storage import backup as bk  # noqa: E402


def _fill(db: Path) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    print(f"mengisi {db} dengan 100.000 kasus demo ...", flush=True)
    subprocess.run([sys.executable, "-m", "sop_desktop", "--db", str(db), "demo", "--cases",
                    "100000", "--seed", "1"], check=True, cwd=str(ROOT))


def _time(fn, repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), max(runs)


def _pragma(db: Path, name: str):
    def run() -> None:
        conn = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            assert conn.execute(f"PRAGMA {name}").fetchone()[0] == "ok"
        finally:
            conn.close()
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="/tmp/qc100k/db.sqlite3")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    db = Path(args.db)
    if not db.exists():
        _fill(db)
    conn = sqlite3.connect(db)
    cases = conn.execute('SELECT count(*) FROM "cases"').fetchone()[0]
    events = conn.execute('SELECT count(*) FROM "history"').fetchone()[0]
    conn.close()
    print(f"\n{db}: {db.stat().st_size / 1e6:.0f} MB, {cases} kasus, {events} riwayat")
    rows = [("PRAGMA quick_check", _time(_pragma(db, "quick_check"), args.repeat)),
            ("startup_check (quick_check + skema + jumlah kasus)",
             _time(lambda: bk.startup_check(db), args.repeat)),
            ("PRAGMA integrity_check", _time(_pragma(db, "integrity_check"), args.repeat)),
            ("startup_check ringan (tanpa quick_check)",
             _time(lambda: bk.startup_check(db, light=True), args.repeat))]
    print("| pemeriksaan | median | terlama |\n|---|---:|---:|")
    for name, (median, worst) in rows:
        print(f"| {name} | {median:.2f} s | {worst:.2f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
