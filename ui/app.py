"""Application start: crash handler, translations, database, first-run setup, log-in, main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from sop_desktop import APP_NAME, __version__
from sop_desktop.errors import SopError
from sop_desktop.paths import resources_dir
from ui.crash import CrashHandler
from ui.i18n import Translations
from ui.settings import AppSettings


def app_icon() -> QIcon:
    for candidate in (resources_dir() / "icons" / "sop-desktop.png",
                      resources_dir() / "logo" / "logo-default.png"):
        if candidate.is_file():
            return QIcon(str(candidate))
    return QIcon()


class AppController(QObject):
    """Runs the sequence setup → log-in → main window, and log-out / language change after."""

    main_window_shown = Signal(object)

    def __init__(self, services, settings: AppSettings, translations: Translations | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.translations = translations
        self.dialog = None
        self.window = None
        self.closing = False

    def start(self) -> None:
        from ui.setup import SetupWizard, needs_setup

        if needs_setup(self.services):
            wizard = SetupWizard(self.services)
            wizard.setWindowIcon(app_icon())
            wizard.finished.connect(self._setup_finished)
            self.dialog = wizard
            wizard.open()
        else:
            self.show_login()

    def _setup_finished(self, result: int) -> None:
        wizard, self.dialog = self.dialog, None
        user = wizard.created_user if wizard is not None else None
        if wizard is not None:
            wizard.deleteLater()
        if result == QDialog.DialogCode.Accepted and user is not None:
            self.settings.last_user = user.username
            self.show_login()
        else:
            QApplication.quit()

    def show_login(self) -> None:
        from ui.setup import LoginDialog

        dialog = LoginDialog(self.services, self.settings.last_user)
        dialog.setWindowIcon(app_icon())
        dialog.finished.connect(self._login_finished)
        self.dialog = dialog
        dialog.open()

    def _login_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        user = dialog.user if dialog is not None else None
        if dialog is not None:
            dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted and user is not None:
            self.settings.last_user = user.username
            self.settings.sync()
            self.show_main(user)
        elif self.window is None:
            QApplication.quit()

    def show_main(self, user) -> None:
        from ui.main_window import MainWindow

        window = MainWindow(self.services, self.settings, user)
        window.setWindowIcon(app_icon())
        window.logout_requested.connect(self._logout)
        window.language_changed.connect(self._language_changed)
        self.window = window
        window.show()
        self.main_window_shown.emit(window)

    def _close_window(self):
        window, self.window = self.window, None
        self._dispose(window)
        return window

    def _logout(self) -> None:
        # open the log-in dialog before closing the window: the app never has no window
        # (Qt would quit on the last window closed)
        old, self.window = self.window, None
        self.show_login()
        self._dispose(old)

    def _dispose(self, window) -> None:
        if window is not None:
            window.shutdown()
            window.close()
            window.deleteLater()

    def _language_changed(self, lang: str) -> None:
        """Rebuild the main window so every string is drawn in the new language."""
        if self.translations is not None:
            self.translations.apply(lang)
        old, self.window = self.window, None
        if old is not None:
            self.show_main(old.user)  # the new window first, then the old one goes
        self._dispose(old)

    def shutdown(self) -> None:
        """Close whatever is open without starting the next step (log-in, quit)."""
        self.closing = True
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.finished.disconnect()
            dialog.close()
            dialog.deleteLater()
        self._close_window()


def run_app(db_target: str | None = None) -> int:
    """Open the window (the `sop-desktop` command with no arguments)."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SOP Desktop")
    app.setWindowIcon(app_icon())
    crash = CrashHandler()
    crash.install()
    settings = AppSettings()
    translations = Translations(app)
    translations.apply(settings.language)
    try:
        from sop_desktop.services import Services

        services = Services(db_target)
    except SopError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        crash.uninstall()
        return 1
    controller = AppController(services, settings, translations)
    controller.start()
    try:
        return app.exec()
    finally:
        controller.shutdown()
        services.close()
        crash.uninstall()
