"""Shared helpers for the UI tests (pytest-qt, offscreen): services, users, log-in, clean-up.

Imported by the tests in tests/ui/; the fixtures are in tests/ui/conftest.py.
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton  # noqa: E402

pytest.importorskip("PySide6")


PASSWORD = "rahasia-123"


YANKOMAS = "YANKOMAS-KANWIL"


def quick_hash() -> str:
    """A real scrypt hash with a small cost, so tests log in fast."""
    from sop_desktop.services.users import hash_password

    return hash_password(PASSWORD, n=2 ** 10)


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
