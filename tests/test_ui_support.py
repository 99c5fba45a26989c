"""Shared helpers for the UI tests (pytest-qt, offscreen): services, users, log-in, clean-up.

Imported by the tests/test_ui_*.py files; holds no tests itself.
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton  # noqa: E402

PASSWORD = "rahasia-123"
YANKOMAS = "YANKOMAS-KANWIL"


def quick_hash() -> str:
    """A real scrypt hash with a small cost, so tests log in fast."""
    from sop_desktop.services.users import hash_password

    return hash_password(PASSWORD, n=2 ** 10)


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


def make_user(services, username: str, role: str, positions: list[str], name: str | None = None):
    return services.users.create(username, name or username.title(), "", role,
                                 positions=positions, password_hash=quick_hash())


def dialog_button(dialog: QDialog, which: QDialogButtonBox.StandardButton) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    return box.button(which)


def log_in(qtbot, controller, username: str, password: str = PASSWORD):
    """Drive the log-in dialog; returns the main window it opens."""
    from ui.setup import LoginDialog

    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    dialog.username.setText(username)
    dialog.password.setText(password)
    with qtbot.waitSignal(controller.main_window_shown, timeout=5000) as blocker:
        qtbot.mouseClick(dialog_button(dialog, QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    return blocker.args[0]


def log_out(qtbot, controller, window) -> None:
    window.act_logout.trigger()
    QApplication.processEvents()
    assert controller.window is None


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
