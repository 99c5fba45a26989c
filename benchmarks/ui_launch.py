"""Child process for the launch benchmark: time from process start to a usable main window.

    python benchmarks/ui_launch.py DB USERNAME      # the real window on DB, signed in as USERNAME
    python benchmarks/ui_launch.py --floor          # floor: a bare QMainWindow with an empty table

"Usable" means the window is shown and its inbox table holds its first rows (or, for the
floor, the bare window is shown and the event queue is empty). Prints one JSON line:
{"seconds": ..., "cpu_s": ..., "rss_mb": ..., "peak_mb": ..., "rows": ...} (cpu_s: the process
time up to that moment, start-up included; less moved by a busy machine than the wall time;
the real window adds cpu_complete_s: the same once what is built right after the first paint,
the case pane and the toolbar's icons, is built too).
Run by benchmarks/run.py in a fresh process each time, so the imports are part of what is
measured, as for a clerk.
"""

from __future__ import annotations

import time

START = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _memory_mb() -> tuple[float, float]:
    """Resident and peak resident memory of this process in MB (Linux /proc)."""
    rss = peak = 0.0
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss, peak


def _settle(app, until, timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not until():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise SystemExit("jendela tidak siap dalam batas waktu")
        time.sleep(0.001)
    app.processEvents()


def floor() -> dict:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    table = QTableView()
    table.setModel(QStandardItemModel(0, 6))
    window.setCentralWidget(table)
    window.resize(1366, 768)
    window.show()
    _settle(app, window.isVisible)
    seconds, cpu = time.perf_counter() - START, time.process_time()
    rss, peak = _memory_mb()
    window.close()
    return {"seconds": seconds, "cpu_s": cpu, "rss_mb": rss, "peak_mb": peak, "rows": 0}


def real(db: str, username: str) -> dict:
    from ui.launch import load_qt

    load_qt()  # as the app's start (ui.launch.open_window): the core, Qt, its scan quieted
    from PySide6.QtWidgets import QApplication

    from sop_desktop.services.container import Services
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    app = QApplication.instance() or QApplication(sys.argv)
    services = Services(db)
    user = services.users.get(username)
    window = MainWindow(services, AppSettings(), user)
    window.resize(1366, 768)
    window.show()
    _settle(app, lambda: window.isVisible() and window.inbox.model.rowCount() > 0)
    seconds, cpu = time.perf_counter() - START, time.process_time()
    rss, peak = _memory_mb()
    rows = window.inbox.model.rowCount()
    # what is built right after the first paint (the case pane, the toolbar's icons): not
    # part of "usable", given apart so the figure hides nothing
    _settle(app, lambda: window.inbox.built_case_view is not None)
    complete = time.process_time()
    window.close()
    window.deleteLater()
    app.processEvents()
    services.close()
    return {"seconds": seconds, "cpu_s": cpu, "rss_mb": rss, "peak_mb": peak, "rows": rows,
            "cpu_complete_s": complete}


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = floor() if sys.argv[1:] == ["--floor"] else real(sys.argv[1], sys.argv[2])
    print(json.dumps(result))
