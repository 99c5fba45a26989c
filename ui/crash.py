"""The crash handler: an unexpected error writes a log file and shows a clear dialog.

sys.excepthook catches Python errors raised in slots; faulthandler writes native crashes
(segfaults) to the same folder, so the window never vanishes without a trace.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from sop_desktop import __version__
from sop_desktop.errors import SopError
from sop_desktop.paths import data_dir


def log_dir() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


MASK = "********"
_MIN_SECRET = 4  # shorter typed text is no password (8+ characters) and masking it garbles logs


SECRET_PROPERTY = "sop_secret"  # a QLineEdit with this property set True is masked too


def is_secret_field(widget) -> bool:
    """A log-in or account field: hidden echo, a user-name box (object name ending in
    'username', as in every log-in and user dialog) or one marked with SECRET_PROPERTY.
    A password typed into the wrong box must not reach a log either."""
    if not isinstance(widget, QLineEdit):
        return False
    hidden = (QLineEdit.EchoMode.Password, QLineEdit.EchoMode.PasswordEchoOnEdit,
              QLineEdit.EchoMode.NoEcho)
    return (widget.echoMode() in hidden or widget.objectName().lower().endswith("username")
            or bool(widget.property(SECRET_PROPERTY)))


def typed_secrets() -> list[str]:
    """What is typed in the log-in, user and password fields open right now (UI thread only)."""
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return []
    found = {w.text() for w in QApplication.allWidgets()
             if isinstance(w, QLineEdit) and is_secret_field(w)}
    return sorted((t for t in found if len(t) >= _MIN_SECRET), key=len, reverse=True)


def redact(text: str, secrets=None) -> str:
    """The text with every typed password replaced by a mask (a crash may quote one)."""
    for secret in typed_secrets() if secrets is None else secrets:
        text = text.replace(secret, MASK)
    return text


def write_crash_log(exc_type, exc, tb) -> Path:
    """Append the traceback with time and version to logs/crash.log; returns the file.

    Passwords typed in the open dialogs are masked: an error message may quote one."""
    path = log_dir() / "crash.log"
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    text = redact("".join(traceback.format_exception(exc_type, exc, tb)))
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f"=== {stamp} SOP Desktop {__version__} ===\n{text}\n")
    return path


class CrashHandler:
    """Installs itself as sys.excepthook; `show_dialog=False` keeps tests free of modals."""

    def __init__(self, show_dialog: bool = True):
        self.show_dialog = show_dialog
        self.previous_hook: Callable[..., Any] | None = None
        self.fault_file: TextIO | None = None
        self.last_log: Path | None = None

    def install(self) -> None:
        self.previous_hook = sys.excepthook
        sys.excepthook = self.handle
        try:
            fault_file = open(log_dir() / "fault.log", "a", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(file=fault_file)
            self.fault_file = fault_file
        except OSError:
            self.fault_file = None

    def uninstall(self) -> None:
        if self.previous_hook is not None:
            sys.excepthook = self.previous_hook
            self.previous_hook = None
        if self.fault_file is not None:
            faulthandler.disable()
            self.fault_file.close()
            self.fault_file = None

    def handle(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        if issubclass(exc_type, SopError):  # an expected error that escaped a slot: no log needed
            self._show(redact(str(exc)), None)
            return
        try:
            self.last_log = write_crash_log(exc_type, exc, tb)
        except OSError:
            self.last_log = None
        self._show(redact(f"{exc_type.__name__}: {exc}"), self.last_log)

    def _show(self, message: str, log: Path | None) -> None:
        if not self.show_dialog or QApplication.instance() is None:
            return
        text = QCoreApplication.translate(
            "CrashHandler", "Terjadi kesalahan tak terduga. Pekerjaan yang sudah disimpan tetap aman.")
        title = QCoreApplication.translate("CrashHandler", "Kesalahan")
        box = QMessageBox(QMessageBox.Icon.Critical, title, text)
        info = message
        if log is not None:
            info += "\n\n" + QCoreApplication.translate(
                "CrashHandler", "Rincian ditulis ke berkas log:") + f"\n{log}"
        box.setInformativeText(info)
        box.exec()  # a modal is right here: the app must stop until the user has read it


class _NoSqlParameters(logging.Filter):
    """peewee's debug log prints query parameters (typed names, password hashes): never kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.name.startswith("peewee")


class _AppLogHandler(logging.handlers.RotatingFileHandler):
    """The app log's file handler; remembers the loggers' levels to restore on removal."""

    previous_levels: dict[str, int]


def install_app_log(level: int = logging.INFO) -> logging.Handler | None:
    """Write the app's log (refusals, backups, warnings) to logs/sop-desktop.log, rotated;
    returns the handler (remove it with remove_app_log), None when the folder is unusable."""
    try:
        handler = _AppLogHandler(
            log_dir() / "sop-desktop.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setLevel(level)
    handler.addFilter(_NoSqlParameters())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.previous_levels = {}  # restored by remove_app_log
    for name in ("sop_desktop", "ui"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        handler.previous_levels[name] = logger.level
        if logger.level == logging.NOTSET or logger.level > level:
            logger.setLevel(level)
    return handler


def remove_app_log(handler: logging.Handler | None) -> None:
    if handler is None:
        return
    for name, previous in getattr(handler, "previous_levels", {}).items():
        logger = logging.getLogger(name)
        logger.removeHandler(handler)
        logger.setLevel(previous)
    handler.close()
