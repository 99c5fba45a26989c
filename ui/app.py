"""Application start: crash handler, translations, one instance per database, the start-up
check (offering the newest good backup), first-run setup, log-in, main window, and the
daily and on-close backups."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from sop_desktop import APP_NAME, __version__
from sop_desktop.errors import SopError
from sop_desktop.paths import database_target, resources_dir
from sop_desktop.services.container import Services
from sop_desktop.storage import backup as bk
from sop_desktop.storage import migrations
from sop_desktop.storage.diskspace import DiskFull
from ui.crash import CrashHandler, install_app_log, remove_app_log
from ui.i18n import Translations
from ui.launch import resume_collector
from ui.settings import AppSettings
from ui.workers import TaskRunner, user_message

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


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
        self.dialog: QDialog | None = None  # the setup wizard or the log-in dialog
        self.window: MainWindow | None = None
        self.closing = False
        self.notice = ""  # shown once on the next log-in dialog (e.g. "restored from backup")

    def start(self) -> None:
        from ui.dialogs.setup import SetupWizard, needs_setup

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
        user = getattr(wizard, "created_user", None)  # the SetupWizard's first administrator
        if wizard is not None:
            wizard.deleteLater()
        if result == QDialog.DialogCode.Accepted and user is not None:
            self.settings.last_user = user.username
            self.show_login()
        else:
            QApplication.quit()

    def show_login(self) -> None:
        from ui.dialogs.setup import LoginDialog

        dialog = LoginDialog(self.services, self.settings.last_user, notice=self.notice)
        self.notice = ""
        dialog.setWindowIcon(app_icon())
        dialog.finished.connect(self._login_finished)
        self.dialog = dialog
        dialog.open()
        resume_collector()  # the start now waits for a person: its pause ends (ui.launch)

    def _login_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        user = getattr(dialog, "user", None)  # the LoginDialog's signed-in user
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


def _stored_schema_version(path: Path) -> int | None:
    """The schema version written in a database file (read-only), None when unreadable."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        finally:
            conn.close()
        return int(row[0]) if row else None
    except (sqlite3.Error, ValueError, TypeError, OSError):
        return None


def _close_half_open() -> None:
    """Close the connection a failed Services() may have left open (the file stays usable)."""
    Services.close_thread_connection()


class AppLauncher(QObject):
    """Everything before and after the controller: the one-instance lock, the start-up check
    of the SQLite file (with the offer of the newest good backup), opening the services, the
    daily backup at start and the backup when the app closes (`finish`).

    Its dialogs are opened non-modally (`open()`) and kept in `dialog`, so tests drive them."""

    opened = Signal(object)  # the AppController, once the database is open
    quit_requested = Signal()  # the start ended in a refusal the user has read

    def __init__(self, db_target: str | None, settings: AppSettings,
                 translations: Translations | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.target = database_target(db_target)
        self.path = bk.sqlite_file_of(self.target)
        self.settings = settings
        self.translations = translations
        self.lock = bk.InstanceLock(self.path) if self.path is not None else None
        self.services: Services | None = None
        self.controller: AppController | None = None
        self.dialog: QDialog | None = None  # a message box or file dialog of a refused start
        self.runner = TaskRunner(self)
        self.worked = False  # a user logged in: worth a backup at close
        self.backups: list[Path] = []  # made by this run (daily, on close)
        self.backup_error = ""
        self.notice = ""

    # ----- start
    def start(self) -> bool:
        """Lock, check, open; False when a dialog now waits for the user instead."""
        if self.lock is not None:
            try:
                self.lock.acquire()
            except bk.InstanceLocked as exc:
                self._show_locked(exc.holder)
                return False
            except DiskFull as exc:  # no room even for the lock file: nothing was left behind
                self._refuse(self.tr("Disk penuh"), str(exc))
                return False
            except SopError as exc:
                self._refuse(self.tr("Basis data tidak dapat dibuka"), str(exc))
                return False
        if self.path is not None:
            # light: the header, the schema and its version (and the full quick_check when a
            # migration is due). The quick_check of an up-to-date file reads all of it (about
            # 1 s at 100,000 cases): it runs on a worker while the log-in dialog is up (issue
            # 19). Safe: until it passes, the services write nothing without running it first
            # (their write guard) and no backup is taken; damage found ends the session.
            result = bk.startup_check(self.path, light=True)
            if result.kind == "disk_full":  # a full disk is not a damaged database
                self._refuse(self.tr("Disk penuh"), result.message)
                return False
            if not result.ok:
                self._show_damaged(result)
                return False
        return self._open()

    def _open(self) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # not `checked`: the full check runs on a worker (_check_in_background); a write
            # before it ends runs it first
            self.services = services = Services(self.target)
        except SopError as exc:
            self.services = None
            _close_half_open()
            self._refuse(self.tr("Basis data tidak dapat dibuka"), str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - e.g. a full disk while migrating: say it, log it
            from ui.crash import write_crash_log

            self.services = None
            _close_half_open()
            try:
                where = str(write_crash_log(type(exc), exc, exc.__traceback__))
            except OSError:
                where = "-"
            self._refuse(self.tr("Basis data tidak dapat dibuka"),
                         f"{exc.__class__.__name__}: {exc}",
                         self.tr("Rincian ditulis ke berkas log: %1").replace("%1", where))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        controller = AppController(services, self.settings, self.translations, self)
        controller.notice = self.notice
        controller.main_window_shown.connect(self._main_window_shown)
        self.controller = controller
        controller.start()
        if self.path is not None:
            self._check_in_background()  # then the daily backup, on a sound file only
        elif services.users.list():  # nothing worth keeping before the first-run setup
            self.start_daily_backup()
        self.opened.emit(controller)
        return True

    def _check_in_background(self) -> None:
        """The full start-up check (quick_check) on a worker; then the daily backup."""
        path, services = self.path, self.services
        if path is None or services is None:
            return

        def checked(result) -> None:
            if self.services is not services:
                return  # that session ended meanwhile
            if not result.ok:
                self._close_damaged(result)
                return
            services.db.guard_writes(None)  # type: ignore[attr-defined]  # sound: no more waiting
            if services.users.list():  # nothing worth keeping before the first-run setup
                self.start_daily_backup()

        def failed(message: str) -> None:  # the guard still runs the check before a write
            log.warning("pemeriksaan awal di latar gagal: %s", user_message(message))

        self.runner.start(lambda: bk.startup_check(path), checked, failed)

    def _close_damaged(self, result) -> None:
        """Damage found after the log-in dialog appeared: say so, then end the session (the
        message box opens first, so the app always has a window)."""
        if result.kind == "disk_full":
            self._refuse(self.tr("Disk penuh"), result.message)
        else:
            self._show_damaged(result)
        if self.controller is not None:
            self.controller.shutdown()
            self.controller = None
        if self.services is not None:
            self.services.close()
        self.services = None

    def _main_window_shown(self, window) -> None:
        self.worked = True
        if self.backup_error:
            window.statusBar().showMessage(self.backup_error, 60000)

    # ----- backups at start and at close
    def start_daily_backup(self) -> None:
        """Today's first start makes a backup, off the UI thread (retention applied)."""
        if (services := self.services) is None:
            return
        # the runner closes this worker's database connection
        self.runner.start(lambda: services.backups.auto("daily"), self._backup_done,
                          self._backup_failed)

    def _backup_done(self, path) -> None:
        if path is not None:
            self.backups.append(Path(path))
            log.info("cadangan harian dibuat: %s", path)

    def _backup_failed(self, message: str) -> None:
        # not a modal: the office can keep working; the window's status bar says it plainly
        first = user_message(message)
        self.backup_error = self.tr("Cadangan otomatis gagal: %1").replace("%1", first)
        log.warning("cadangan otomatis gagal: %s", first)
        window = self.controller.window if self.controller is not None else None
        if window is not None:
            window.statusBar().showMessage(self.backup_error, 60000)

    def backup_on_close(self) -> Path | None:
        """The backup taken when the app closes (after its windows are gone)."""
        if self.services is None or not self.worked:
            return None
        try:
            path = self.services.backups.auto("on-close")
        except SopError as exc:
            log.warning("cadangan saat menutup gagal: %s", exc)
            return None
        if path is not None:
            self.backups.append(path)
        return path

    def finish(self) -> None:
        """Close everything: the windows, background work, the on-close backup, the lock."""
        resume_collector()
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.finished.disconnect()
            dialog.close()
            dialog.deleteLater()
        if self.controller is not None:
            self.controller.shutdown()
        self.runner.wait()
        self.backup_on_close()
        if self.services is not None:
            # the chain's head leaves the database (its anchor is written when it moved)
            self.services.close(anchor="tutup")
            self.services = None
        if self.lock is not None:
            self.lock.release()

    # ----- the dialogs of a refused start
    def _box(self, icon, title: str, text: str, info: str = "") -> QMessageBox:
        box = QMessageBox(icon, title, text)
        box.setObjectName("startup_box")
        box.setWindowIcon(app_icon())
        box.setWindowTitle(f"{APP_NAME} — {title}")
        if info:
            box.setInformativeText(info)
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.dialog = box
        return box

    def _refuse(self, title: str, text: str, info: str = "",
                icon=QMessageBox.Icon.Critical) -> QMessageBox:
        """A refusal the user reads, then the app ends."""
        box = self._box(icon, title, text, info)
        box.addButton(self.tr("Tutup"), QMessageBox.ButtonRole.RejectRole)
        box.finished.connect(self._refusal_read)
        box.open()
        return box

    def _refusal_read(self, _result: int) -> None:
        box, self.dialog = self.dialog, None
        if box is not None:
            box.deleteLater()
        self.quit_requested.emit()

    def _show_locked(self, holder: dict) -> QMessageBox:
        info = self.tr(
            "Komputer: %1\nPengguna: %2\nSejak: %3\n\nDua SOP Desktop pada berkas yang sama "
            "dapat membuat data bertabrakan, jadi yang ini tidak dibuka. Pakai jendela SOP "
            "Desktop yang sudah terbuka (lihat taskbar), atau tutup dulu lalu buka lagi.")
        since = str(holder.get("since") or "-")
        try:
            from sop_desktop.domain.dates import tanggal_jam

            since = tanggal_jam(dt.datetime.fromisoformat(since))
        except ValueError:
            pass
        info = (info.replace("%1", str(holder.get("host") or "-"))
                .replace("%2", str(holder.get("user") or "-")).replace("%3", since))
        return self._refuse(self.tr("SOP Desktop sudah terbuka"),
                            self.tr("Basis data ini sedang dibuka oleh SOP Desktop lain:\n%1")
                            .replace("%1", str(self.path)), info, QMessageBox.Icon.Warning)

    def _show_damaged(self, result) -> QMessageBox:
        """The start-up check failed: say what is wrong and offer the newest good backup."""
        if result.kind == "newer_schema":
            found = _stored_schema_version(result.path)
            text = self.tr("Basis data ini dibuat oleh versi SOP Desktop yang lebih baru, jadi "
                           "tidak dibuka oleh versi %1 ini.").replace("%1", __version__)
            info = self.tr("Skema basis data: %1; versi ini mengenal sampai skema %2.\n\n"
                           "Perbarui SOP Desktop ke versi terbaru, lalu buka lagi. Berkas "
                           "basis data tidak diubah.")
            info = info.replace("%1", str(found or "?")).replace("%2", str(migrations.SCHEMA_VERSION))
            return self._refuse(self.tr("Versi aplikasi terlalu lama"), text, info)
        problems = {
            "empty": self.tr("Berkas basis data kosong: isinya hilang."),
            "emptied": self.tr("Basis data kosong, padahal sebelumnya berisi kasus: isinya "
                               "hilang."),
            "not_sqlite": self.tr("Berkas ini bukan basis data SOP Desktop."),
            "not_sop": self.tr("Berkas ini bukan basis data SOP Desktop."),
            "unreadable": self.tr("Berkas basis data tidak dapat dibaca."),
        }
        text = problems.get(result.kind, self.tr("Basis data rusak dan tidak dapat dibuka "
                                                 "dengan aman."))
        text += "\n" + str(result.path)
        box = self._box(QMessageBox.Icon.Critical, self.tr("Basis data rusak"), text)
        # the technical words (SQLite's, the CLI command) go to the log, not to the clerk
        log.warning("pemeriksaan awal gagal (%s): %s %s", result.kind, result.message,
                    "; ".join(result.details))
        self.damaged = result
        self.restore_button = None
        if result.backup is not None:
            from sop_desktop.domain.dates import tanggal_jam

            info = self.tr(
                "Cadangan utuh terbaru: %1 (%2), di folder %3.\n\nPulihkan dari cadangan itu? "
                "Perubahan sesudah waktu cadangan tidak ada di dalamnya. Berkas yang rusak "
                "disimpan terpisah tanpa diubah.")
            info = (info.replace("%1", result.backup.path.name)
                    .replace("%2", tanggal_jam(result.backup.when))
                    .replace("%3", str(result.backup.path.parent)))
            self.restore_button = box.addButton(self.tr("Pulihkan dari cadangan"),
                                                QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(self.restore_button)
        else:
            info = self.tr("Tidak ada cadangan utuh yang ditemukan. Jika cadangan ada di disk "
                           "USB atau folder lain, pilih berkasnya. Jangan hapus berkas yang "
                           "rusak; hubungi administrator.")
        box.setInformativeText(info)
        self.choose_button = box.addButton(self.tr("Pilih berkas cadangan…"),
                                           QMessageBox.ButtonRole.ActionRole)
        self.close_button = box.addButton(self.tr("Tutup aplikasi"),
                                          QMessageBox.ButtonRole.RejectRole)
        box.finished.connect(self._damaged_answered)
        box.open()
        return box

    def _damaged_answered(self, _result: int) -> None:
        box, self.dialog = self.dialog, None
        clicked = box.clickedButton() if isinstance(box, QMessageBox) else None
        if box is not None:
            box.deleteLater()
        if clicked is not None and clicked is self.restore_button:
            self.recover_from(self.damaged.backup.path)
        elif clicked is not None and clicked is self.choose_button:
            self._choose_backup_file()
        else:
            self.quit_requested.emit()

    def _choose_backup_file(self) -> QFileDialog:
        dialog = QFileDialog(None, self.tr("Pilih berkas cadangan"))
        dialog.setObjectName("choose_backup_file")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Cadangan SOP Desktop (*.sqlite3);;Semua berkas (*)"))
        folder = self.damaged.backup.path.parent if self.damaged.backup else bk.default_backup_folder()
        dialog.setDirectory(str(folder))
        self.dialog = dialog
        dialog.finished.connect(self._backup_file_chosen)
        dialog.open()
        return dialog

    def _backup_file_chosen(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        files: list[str] = dialog.selectedFiles() if isinstance(dialog, QFileDialog) else []
        if dialog is not None:
            dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted and files:
            self.recover_from(Path(files[0]))
        else:
            self._show_damaged(self.damaged)  # back to the choice: nothing was changed

    def recover_from(self, backup: Path, confirmed: bool = False) -> bool:
        """Put the damaged file aside untouched, rebuild it from `backup`, open the app."""
        if self.path is None:  # only a SQLite file is recovered from a backup file
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            aside = bk.recover_damaged(self.path, backup, confirmed=confirmed)
        except bk.HealthyDatabase as exc:
            QGuiApplication.restoreOverrideCursor()
            self._ask_replace_healthy(Path(backup), str(exc))
            return False
        except DiskFull as exc:  # no room for the restored file: nothing was moved
            QGuiApplication.restoreOverrideCursor()
            box = self._show_damaged(self.damaged)
            box.setInformativeText(str(exc) + "\n\n" + box.informativeText())
            return False
        except SopError as exc:
            QGuiApplication.restoreOverrideCursor()
            box = self._show_damaged(self.damaged)
            box.setInformativeText(self.tr("Cadangan %1 tidak dapat dipakai: %2")
                                   .replace("%1", Path(backup).name).replace("%2", str(exc))
                                   + "\n\n" + box.informativeText())
            return False
        except OSError as exc:
            QGuiApplication.restoreOverrideCursor()
            self._refuse(self.tr("Pemulihan gagal"), str(exc.strerror or exc))
            return False
        QGuiApplication.restoreOverrideCursor()
        log.warning("basis data %s dipulihkan dari %s; yang rusak disimpan sebagai %s",
                    self.path, backup, aside)
        parsed = bk.parse_backup_name(Path(backup).name)
        if parsed is not None:
            from sop_desktop.domain.dates import tanggal_jam

            label = tanggal_jam(parsed[0])
        else:
            label = Path(backup).name
        notice = self.tr("Basis data dipulihkan dari cadangan %1.").replace("%1", label)
        if aside is not None:
            notice += " " + self.tr("Berkas yang rusak disimpan tanpa diubah sebagai %1.").replace(
                "%1", aside.name)
        self.notice = notice
        return self._open()


    def _ask_replace_healthy(self, backup: Path, why: str) -> QMessageBox:
        """The file passes integrity_check and holds cases: replace it only on a clear Yes."""
        box = self._box(QMessageBox.Icon.Warning, self.tr("Basis data tampak utuh"),
                        self.tr("Berkas basis data ini lulus pemeriksaan integritas dan berisi "
                                "kasus. Tetap ganti dengan cadangan %1?").replace("%1", backup.name))
        box.setInformativeText(why)
        self.replace_button = box.addButton(self.tr("Ya, ganti dengan cadangan"),
                                            QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(self.tr("Tidak"), QMessageBox.ButtonRole.RejectRole))

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            self.dialog = None
            box.deleteLater()
            if clicked is self.replace_button:
                self.recover_from(backup, confirmed=True)
            else:
                self._show_damaged(self.damaged)  # back to the choice: nothing was changed

        box.finished.connect(answered)
        box.open()
        return box


def run_app(db_target: str | None = None) -> int:
    """Open the window (the `sop-desktop` command with no arguments)."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("SOP Desktop")
    QGuiApplication.setWindowIcon(app_icon())
    crash = CrashHandler()
    crash.install()
    app_log = install_app_log()
    settings = AppSettings()
    translations = Translations(app)
    translations.apply(settings.language)
    launcher = AppLauncher(db_target, settings, translations)
    launcher.quit_requested.connect(app.quit)
    refused = False

    def note_refusal() -> None:
        nonlocal refused
        refused = launcher.controller is None

    launcher.quit_requested.connect(note_refusal)
    try:
        launcher.start()
        status = app.exec()
        return 1 if refused else status
    finally:
        launcher.finish()
        crash.uninstall()
        remove_app_log(app_log)
