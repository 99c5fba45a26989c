"""Shared helpers for the UI tests (pytest-qt, offscreen): users, log-in, Yankomas cases in the
inbox, the import dialog, Alt keys.

Imported by the tests in tests/ui/; the fixtures are in tests/ui/conftest.py.
"""

from __future__ import annotations

import re

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
)

pytest.importorskip("PySide6")


PASSWORD = "rahasia-123"


YANKOMAS = "YANKOMAS-KANWIL"
KAKANWIL = "Kepala Kantor Wilayah"


def quick_hash() -> str:
    """A real scrypt hash with a small cost, so tests log in fast."""
    from sop_desktop.services.users import hash_password

    return hash_password(PASSWORD, n=2 ** 10)


def make_user(services, username: str, role: str, positions: list[str], name: str | None = None):
    return services.users.create(username, name or username.title(), "", role,
                                 positions=positions, password_hash=quick_hash())


def wait_idle(qtbot, view) -> None:
    """Wait until the case view's action, run on the window's worker, has come back."""
    qtbot.waitUntil(lambda: not view.busy(), timeout=15000)


def yankomas_at(svc, office: dict, step: int, name: str = "Rahmat") -> str:
    """A Yankomas case opened by the clerk `office["ani"]` and moved on by the officials
    (`office["kakanwil"]`, "kadiv", "kabid", "kasubbid") up to `step`."""
    number = svc.cases.open_case(YANKOMAS, office["ani"], {"nama_pengadu": name,
                                                           "pokok_aduan": "Aduan"},
                                 intake_done=True).numbers[0]
    owner = {2: "kakanwil", 3: "kadiv", 4: "kabid", 5: "kasubbid"}
    while svc.cases.get(number).current_step < step:
        svc.cases.advance(number, office[owner[svc.cases.get(number).current_step]])
    return number


def show(window, number: str):
    """Select the case in the window's inbox (all cases in scope); returns its case view."""
    page = window.inbox
    page.set_scope("all")
    page.select_case(window.services.cases.get(number).id)
    return page.case_view


def read_file(qtbot, dlg, path) -> None:
    """Read a file in the import dialog and wait until the reading is done."""
    dlg.load_path(str(path))
    qtbot.waitUntil(lambda: dlg.read_button.isEnabled() and not dlg.progress.isVisible(),
                    timeout=30000)
    assert dlg.runner.wait()


def mnemonics(dialog: QDialog) -> list[str]:
    """The Alt+letter keys of the dialog's visible labels and buttons."""
    keys = []
    for widget in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
        if widget.isVisible():
            match = re.search(r"&([^&\s])", widget.text())
            if match:
                keys.append(match.group(1).lower())
    return keys


def dialog_button(dialog: QDialog, which: QDialogButtonBox.StandardButton) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    return box.button(which)


def log_in(qtbot, controller, username: str, password: str = PASSWORD):
    """Drive the log-in dialog; returns the main window it opens."""
    from ui.dialogs.setup import LoginDialog

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
