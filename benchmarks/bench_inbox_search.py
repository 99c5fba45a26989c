"""The inbox search at 100,000 cases: what the UI thread waited for before, and now.

Before: each pause in typing ran `inbox_query.count` and then the first page of 200 on the UI
thread. Now: a worker reads `InboxService.snapshot` (sop_desktop/services/inbox_query.py; one
scan: the ordered ids, the count and the first page) and the UI thread only swaps the rows
in. The second table types a search a key at a time (120 ms apart, the debounce firing at each
pause as with a slow typist) and reports the longest the UI thread's event loop went without running (a 5 ms heartbeat).

    .venv/bin/python benchmarks/bench_inbox_search.py [--db /tmp/inbox100k/db.sqlite3]

A missing file is filled first with `sop-desktop demo --cases 100000 --seed 1` (~40 s).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PAGE = 200


def ensure_db(path: Path, cases: int) -> None:
    if path.exists():
        return
    print(f"membuat {cases} kasus demo di {path} ...", flush=True)
    exe = Path(sys.executable).with_name("sop-desktop")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "sop_desktop.cli"]
    subprocess.run(cmd + ["--db", str(path), "demo", "--cases", str(cases), "--seed", "1"],
                   check=True)


def search_terms() -> dict[str, str]:
    """A name fragment, an agenda-number fragment and a word of a complaint, from the data."""
    from sop_desktop.services.inbox_query import subject_of
    from sop_desktop.storage import db as dbm

    C = dbm.Case
    terms: dict[str, str] = {}
    for case in C.select(C.id, C.number, C.fields).order_by(C.id).limit(5000):
        fields = case.fields or {}
        if "nama" not in terms:
            for key, value in fields.items():
                if "nama" in key and isinstance(value, str) and len(value.split()) > 1:
                    terms["nama"] = value.split()[-1][:6].lower()  # a surname, as typed
        if "pokok" not in terms:
            for key, value in fields.items():
                if any(h in key for h in ("pokok", "perihal")) and isinstance(value, str):
                    words = [w for w in re.findall(r"\w+", value) if len(w) >= 7]
                    if words:
                        terms["pokok"] = words[-1].lower()
        if "nomor" not in terms and case.id and case.id % 97 == 0:
            terms["nomor"] = case.number[:4]  # the sequence part of an agenda number
        if len(terms) == 3:
            break
    terms.setdefault("nomor", C.select(C.number).first().number[:4])
    terms.setdefault("nama", subject_of({}) or "a")
    return terms


def scopes() -> list[tuple[str, list[int] | None]]:
    from peewee import fn

    from sop_desktop.storage import db as dbm

    C, UP = dbm.Case, dbm.UserPosition
    busiest = (C.select(C.current_position, fn.COUNT(C.id).alias("n"))
               .where(C.status == "berjalan", C.current_position.is_null(False))
               .group_by(C.current_position).order_by(fn.COUNT(C.id).desc()).first())
    pos_id = busiest.current_position_id
    holder = UP.select().where(UP.position == pos_id).first()
    mine = sorted(up.position_id for up in UP.select().where(UP.user == holder.user_id)) \
        if holder else [pos_id]
    return [("jabatan tersibuk", [pos_id]), ("kotak masuk saya", mine), ("semua kasus", None)]


def best(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times) if repeat < 3 else statistics.median(times), result


def query_table(repeat: int) -> None:
    from sop_desktop.services import inbox_query as q

    terms = search_terms()
    print("\n## Satu pencarian: waktu di thread UI dulu, di worker sekarang (ms)\n")
    print("| cakupan | status | cari | cocok | dulu: baca DB di thread UI (count + halaman 1) | "
          "sekarang: di worker (snapshot) | sekarang: baca DB di thread UI |")
    print("|---|---|---|---:|---:|---:|---:|")
    for scope, ids in scopes():
        for status in ("berjalan", None):
            for kind, text in [("-", "")] + sorted(terms.items()):
                flt = q.InboxQuery(position_ids=ids, status=status, search=text)
                before, _ = best(lambda: (q.count(flt), q.page(flt, 0, PAGE)), repeat)  # noqa: B023
                after, snap = best(lambda: q.snapshot(flt, PAGE), repeat)  # noqa: B023
                ui = "0" if text else f"{before * 1000:.1f} (indeks, tetap)"
                print(f"| {scope} | {status or 'semua'} | {kind} `{text}` | {snap.total} | "
                      f"{before * 1000:.1f} | {after * 1000:.1f} | {ui} |", flush=True)


def typing_table(inbox) -> None:
    """A search typed a key at a time in 'Semua kasus / semua status', old way and new way."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication, QTableView

    from sop_desktop.services import inbox_query as q
    from ui.inbox.model import InboxModel
    from ui.workers import TaskRunner

    app = QApplication.instance() or QApplication([])
    terms = search_terms()
    print("\n## Mengetik di 'Semua kasus', semua status: jeda terlama loop UI, ms "
          "(berapa kali loop UI terhenti > 50 ms)\n")
    print("| teks diketik | tanpa pencarian (derau mesin) | dulu | sekarang | "
          "sekarang: hasil akhir tampil setelah tombol terakhir |")
    print("|---|---:|---:|---:|---:|")
    for text in (terms["nama"], terms["pokok"], terms["nomor"]):
        results = []
        for mode in ("diam", "dulu", "sekarang"):
            runner = TaskRunner()
            model = InboxModel(inbox, runner=runner if mode == "sekarang" else None)
            view = QTableView()
            view.setModel(model)
            view.resize(900, 600)
            view.show()
            model.set_filter(q.InboxQuery(position_ids=None, status=None))
            gaps: list[float] = []
            clock = QElapsedTimer()
            clock.start()
            last = [clock.elapsed()]

            def beat():
                now = clock.elapsed()  # noqa: B023
                gaps.append(now - last[0])  # noqa: B023
                last[0] = now  # noqa: B023

            heart = QTimer()
            heart.setInterval(5)
            heart.timeout.connect(beat)
            heart.start()
            done_at = [None]
            model.loaded.connect(lambda: done_at.__setitem__(0, clock.elapsed()))  # noqa: B023
            typed_at = 0
            for i in range(1, len(text) + 1):
                flt = q.InboxQuery(position_ids=None, status=None, search=text[:i])
                if mode == "diam":  # the same loop without a search: the machine's own noise
                    pass
                elif mode == "dulu":  # the old slot: COUNT, then the view reads page 1
                    model.beginResetModel()
                    model.filter, model.ids, model.total = flt, None, q.count(flt)
                    model.pages.clear()
                    model.endResetModel()
                    model.data(model.index(0, 0))
                else:
                    model.load(flt)
                typed_at = clock.elapsed()
                end = time.perf_counter() + 0.12
                while time.perf_counter() < end:
                    app.processEvents()
            end = time.perf_counter() + 3
            while model.loading() and time.perf_counter() < end:
                app.processEvents()
            app.processEvents()
            heart.stop()
            runner.wait()
            shown = (done_at[0] - typed_at) if done_at[0] is not None else None
            stalls = sum(1 for g in gaps if g > 50)
            results.append((f"{max(gaps, default=0):.0f} ({stalls}× >50)", shown))
            view.close()
            view.deleteLater()
            app.processEvents()
        (idle_gap, _), (old_gap, _), (new_gap, shown) = results
        print(f"| `{text}` | {idle_gap} | {old_gap} | {new_gap} | "
              f"{'-' if shown is None else f'{shown:.0f}'} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/inbox100k/db.sqlite3")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = Path(args.db)
    ensure_db(path, args.cases)
    from sop_desktop.services.container import Services

    services = Services(str(path))
    from sop_desktop.storage import db as dbm

    print(f"# Pencarian kotak masuk: {dbm.Case.select().count()} kasus ({path})")
    query_table(args.repeat)
    typing_table(services.inbox)
    del services


if __name__ == "__main__":
    main()
