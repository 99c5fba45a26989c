"""Long work off the UI thread: export a register to .xlsx and back up the database, each with
a progress dialog, the result read back from the file it wrote."""

from __future__ import annotations

import pytest

from tests.ui.support import YANKOMAS, make_user


@pytest.fixture
def window(qtbot, ui_services, app_settings):
    from ui.main_window import MainWindow

    ani = make_user(ui_services, "ani", "administrator", ["Petugas Yankomas"])
    for name in ("Rahmat", "Sari", "Budi"):
        ui_services.cases.open_case(YANKOMAS, ani, {"nama_pengadu": name, "pokok_aduan": "Aduan"})
    win = MainWindow(ui_services, app_settings, ani)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()


def test_export_register_xlsx_in_background(qtbot, window, tmp_path):
    import openpyxl

    page = window.inbox
    page.sop_filter.setCurrentIndex(page.sop_filter.findData(YANKOMAS))
    out = tmp_path / "register.xlsx"
    window.export_register_to(str(out))
    qtbot.waitUntil(lambda: "Register disimpan" in window.statusBar().currentMessage(), timeout=30000)
    assert window.runner.wait()
    wb = openpyxl.load_workbook(out, read_only=True)
    text = " ".join(str(c) for row in wb.active.iter_rows(values_only=True) for c in row if c)
    wb.close()
    for name in ("Rahmat", "Sari", "Budi"):
        assert name in text


def test_backup_in_background(qtbot, window):
    import sqlite3

    window.act_backup.trigger()
    qtbot.waitUntil(lambda: "Cadangan dibuat" in window.statusBar().currentMessage(), timeout=30000)
    assert window.runner.wait()
    path = window.statusBar().currentMessage().split(": ", 1)[1]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute('SELECT COUNT(*) FROM "cases"').fetchone()[0] == 3
    finally:
        conn.close()


def test_worker_runs_off_the_ui_thread_and_reports_on_it(qtbot):
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    from ui.workers import TaskRunner

    runner = TaskRunner()
    ui_thread = QApplication.instance().thread()
    seen = {}

    def work(progress):
        progress(1, 2, "setengah")
        return QThread.currentThread() is not ui_thread

    def done(off_ui):
        seen["work_off_ui"] = off_ui
        seen["done_on_ui"] = QThread.currentThread() is ui_thread

    def progress(done_n, total, what):
        seen["progress_on_ui"] = QThread.currentThread() is ui_thread and (done_n, total, what)

    runner.start(work, done, lambda message: seen.setdefault("error", message), progress)
    qtbot.waitUntil(lambda: "done_on_ui" in seen)
    assert seen == {"work_off_ui": True, "done_on_ui": True, "progress_on_ui": (1, 2, "setengah")}
    failures = []
    runner.start(lambda: 1 / 0, lambda _r: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert failures[0].startswith("ZeroDivisionError")
    assert runner.wait() and not runner.busy()
    runner.deleteLater()


def test_unexpected_task_error_reads_in_indonesian_and_is_logged(qtbot, window):
    """A bug in background work shows one Indonesian sentence (no traceback) and is logged."""
    from PySide6.QtWidgets import QMessageBox

    from sop_desktop.paths import data_dir

    def work():
        raise KeyError("kolom_hilang")

    window.run_task("Menguji…", work, lambda _r: None)
    qtbot.waitUntil(lambda: any(d.objectName() == "task_error" for d in window.dialogs),
                    timeout=30000)
    box = next(d for d in window.dialogs if d.objectName() == "task_error")
    assert isinstance(box, QMessageBox)
    assert box.text().startswith("Terjadi kesalahan tak terduga (KeyError: 'kolom_hilang')")
    assert "Traceback" not in box.text()
    assert "kolom_hilang" in (data_dir() / "logs" / "crash.log").read_text(encoding="utf-8")
    box.close()
