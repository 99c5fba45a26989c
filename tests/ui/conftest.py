"""Fixtures of the UI tests (pytest-qt, offscreen): services, settings, controller, clean-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QApplication

from tests.core.letters_support import walk_to
from tests.ui.support import KAKANWIL, YANKOMAS, make_user
from ui.sops.import_dialog import ImportDialog
from ui.workers import TaskRunner


@pytest.fixture
def ui_services(tmp_path):
    from sop_desktop.services.container import Services

    svc = Services(str(tmp_path / "ui.sqlite3"))
    yield svc
    svc.close()


@pytest.fixture
def app_settings():
    from ui.settings import AppSettings

    return AppSettings()


@pytest.fixture(autouse=True)
def no_leftovers(qapp):
    """After each UI test: no visible window and no running background thread is left."""
    yield
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for w in visible:  # close them so the next test starts clean, then fail this one
        w.close()
        w.deleteLater()
    assert not visible, f"jendela tertinggal: {[type(w).__name__ for w in visible]}"
    assert QThreadPool.globalInstance().activeThreadCount() == 0


@pytest.fixture
def controller(qtbot, ui_services, app_settings):
    """The application controller on a fresh database; closes whatever it opened."""
    from ui.app import AppController

    ctrl = AppController(ui_services, app_settings)
    yield ctrl
    ctrl.shutdown()


@pytest.fixture
def no_widgets_left(qapp):
    """Stricter than no_leftovers (opt in with `pytestmark = pytest.mark.usefixtures(...)`):
    after the test not even a hidden top-level widget or dialog is left alive."""
    yield
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
    left = [f"{type(w).__name__}({w.objectName()})" for w in QApplication.topLevelWidgets()]
    for w in QApplication.topLevelWidgets():
        w.close()
        w.deleteLater()
    assert not left, f"widget tertinggal: {left}"


@pytest.fixture
def launcher(qtbot, app_settings, tmp_path):
    """Make an AppLauncher on a file; whatever it opened is closed after the test."""
    from ui.app import AppLauncher

    made = []

    def make(path: Path):
        item = AppLauncher(str(path), app_settings)
        made.append(item)
        return item

    yield make
    for item in made:
        item.finish()


@pytest.fixture
def window(qtbot, ui_services, app_settings):
    from sop_desktop.letters import numbering
    from sop_desktop.services import office
    from ui.main_window import MainWindow

    office.save(office.load().with_changes({
        "kementerian": "Kementerian Hukum Republik Indonesia",
        "kantor": "Kantor Wilayah Bengkulu", "alamat": "Jalan Pembangunan No. 1",
        "kota": "Bengkulu", "telepon": "(0736) 21234", "email": "kanwil@contoh.go.id"}))
    numbering.save_config(numbering.NumberingConfig(kode_kantor="W.7"))
    ani = make_user(ui_services, "ani", "administrator", ["Petugas Yankomas"], "Ani Petugas")
    ui_services.users.create("kakanwil", "Dr. Budi Santoso, S.H.", "", "pejabat",
                             nip="197001011990031001", jabatan=KAKANWIL, positions=[KAKANWIL],
                             password_hash=ani.password_hash)
    ui_services.users.create("kadiv", "Rina Wulandari, S.H.", "", "pejabat",
                             nip="198002022005012002", jabatan="Kepala Divisi Administrasi",
                             password_hash=ani.password_hash)
    opened = ui_services.cases.open_case(YANKOMAS, ani, {
        "nama_pengadu": "Rahmat <Hidayat> & Co", "pokok_aduan": "Sengketa tanah adat"})
    # at the step the recommendation belongs to (a letter is issued at or after its step)
    walk_to(ui_services, ani, opened.numbers[0], "surat-rekomendasi")
    win = MainWindow(ui_services, app_settings, ani)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()


@pytest.fixture
def dialog(qtbot, ui_services):
    """The import dialog on the UI services, shown; its reader finished and closed afterwards."""
    runner = TaskRunner()
    dlg = ImportDialog(ui_services, runner)
    qtbot.addWidget(dlg)
    dlg.show()
    yield dlg
    runner.wait()
    dlg.close()
    runner.deleteLater()


@pytest.fixture
def window_for(qtbot, ui_services, app_settings):
    """Opens a main window for a user (closed at the end)."""
    from ui.main_window import MainWindow

    opened = []

    def make(user, size=(1366, 768)):
        win = MainWindow(ui_services, app_settings, user)
        qtbot.addWidget(win)
        win.resize(*size)
        win.show()
        qtbot.waitExposed(win)
        opened.append(win)
        return win

    yield make
    for win in opened:
        win.shutdown()
