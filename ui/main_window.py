"""The main window: inbox (positions, cases, the selected case), SOP library, menus, toolbar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QTabWidget,
    QToolBar,
    QWidget,
)

from sop_desktop import APP_NAME, __version__
from sop_desktop.errors import SopError
from sop_desktop.services import office
from sop_desktop.services.changes import Changes
from ui.launch import resume_collector
from ui.screen import fit_size
from ui.settings import AppSettings
from ui.widgets.single_click import SingleClickOnly
from ui.window_icons import blank_icon, set_standard_icons
from ui.window_watch import WatchOtherPcs
from ui.workers import TaskRunner, user_message

if TYPE_CHECKING:
    from ui.sops.browser import SopBrowser


def _alive(widget) -> bool:
    """False once Qt has deleted the widget behind a Python wrapper (a closed dialog)."""
    from shiboken6 import isValid

    return widget is not None and isValid(widget)


class MainWindow(WatchOtherPcs, QMainWindow):
    """One signed-in user's window. `data_changed` fans core results out to every view."""

    data_changed = Signal(object)  # a sop_desktop.services.changes.Changes
    logout_requested = Signal()
    language_changed = Signal(str)

    def __init__(self, services, settings: AppSettings, user, parent: QWidget | None = None):
        super().__init__(parent)
        # deferred to the window (the log-in dialog does not need them): start-up, issue 19
        from ui.inbox.page import InboxPage
        from ui.inbox.tools import show_unread

        self.services = services
        self.settings = settings
        self.user = user
        self.runner = TaskRunner(self)
        self.dialogs: list = []  # open modeless dialogs, closed on shutdown
        # the standard icons are drawn right after the first paint (ui.window_icons: start-up)
        self._pending_icons: list[tuple[QAction, str]] = []
        self.setObjectName("main_window")
        self._update_title()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("main_tabs")
        self.inbox = InboxPage(services, user, self.runner, self, settings=settings)
        self.tabs.addTab(self.inbox, self.tr("Kotak masuk"))
        # the SOP library is built when first shown or asked for (see `sops`): start-up
        self._sops: SopBrowser | None = None
        self._sops_slot = QWidget()
        self.tabs.addTab(self._sops_slot, self.tr("Pustaka SOP"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self.inbox.unread_changed.connect(lambda n: show_unread(self, n))  # title and tab
        self.inbox.first_painted.connect(lambda: QTimer.singleShot(0, self, self._set_icons))
        self.setCentralWidget(self.tabs)
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._make_status_bar()
        self.data_changed.connect(self._on_data_changed)
        self.inbox.data_changed.connect(self.data_changed)
        self.inbox.actions_changed.connect(self._update_case_actions)
        self.inbox.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._update_case_actions(set())
        self._start_watching()
        geometry = settings.geometry("main")
        if geometry is None or not self.restoreGeometry(geometry):
            self.size_to_screen()

    def size_to_screen(self) -> None:
        """A first start fills most of the screen, whatever its size, centred on it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            fit_size(self, 1600, 900, share=0.96)
            return
        area = screen.availableGeometry()
        share = 0.96 if area.width() < 1600 else 0.9
        self.resize(int(area.width() * share), int(area.height() * share))
        self.move(area.left() + (area.width() - self.width()) // 2,
                  area.top() + (area.height() - self.height()) // 2)

    # ----- frame
    def _update_title(self) -> None:
        profile = office.load()
        self.setWindowTitle(f"{APP_NAME} {__version__} — {self.user.name} — {profile.kantor}")

    def _action(self, name: str, text: str, slot, shortcut=None, icon: str | None = None,
                tip: str = "") -> QAction:
        """A window action with its shortcut (live at once); `icon` names a QStyle standard
        pixmap, drawn after the first paint (`_set_icons`)."""
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon is not None:
            self._pending_icons.append((action, icon))
            action.setIcon(blank_icon())
        tip = tip or text.replace("&", "")
        if shortcut is not None:
            tip += f" ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _set_icons(self) -> None:
        pending, self._pending_icons = self._pending_icons, []
        set_standard_icons(self, pending)
        resume_collector()  # the first screen is complete: the start's pause ends (ui.launch)

    def _make_actions(self) -> None:
        self.act_new_case = self._action("act_new_case", self.tr("&Kasus baru…"), self.new_case,
                                         QKeySequence.StandardKey.New, "SP_FileIcon")
        self.act_import = self._action("act_import", self.tr("&Impor SOP…"), self.import_sop,
                                       "Ctrl+I", "SP_DialogOpenButton")
        self.act_settings = self._action("act_settings", self.tr("&Pengaturan…"), self.open_settings,
                                         "Ctrl+,")
        self.act_logout = self._action("act_logout", self.tr("Ke&luar akun"), self.logout_requested.emit)
        self.act_quit = self._action("act_quit", self.tr("&Tutup aplikasi"), self.close,
                                     QKeySequence.StandardKey.Quit)
        self.act_finish = self._action("act_finish", self.tr("&Selesai"), self.inbox.do_finish,
                                       "Ctrl+Return", "SP_DialogApplyButton",
                                       self.tr("Tandai langkah sekarang selesai"))
        self.act_yes = self._action("act_yes", self.tr("&Ya"), lambda: self.inbox.do_decide(True),
                                    "Ctrl+Y", "SP_DialogYesButton", self.tr("Keputusan: Ya"))
        self.act_no = self._action("act_no", self.tr("&Tidak"), lambda: self.inbox.do_decide(False),
                                   "Ctrl+T", "SP_DialogNoButton", self.tr("Keputusan: Tidak"))
        self.act_return = self._action("act_return", self.tr("&Kembalikan"), self.inbox.do_return,
                                       "Ctrl+K", "SP_ArrowBack",
                                       self.tr("Kembalikan ke langkah sebelumnya"))
        self.act_stop = self._action("act_stop", self.tr("&Hentikan"), self.inbox.do_stop,
                                     None, "SP_BrowserStop", self.tr("Hentikan kasus"))
        self.act_attach = self._action("act_attach", self.tr("Tambah &lampiran…"),
                                       self.inbox.add_attachment, "Ctrl+L", "SP_FileLinkIcon")
        self.act_inbox = self._action("act_inbox", self.tr("&Kotak masuk"),
                                      lambda: self.tabs.setCurrentWidget(self.inbox), "Ctrl+1")
        self.act_sops = self._action("act_sops", self.tr("&Pustaka SOP"),
                                     lambda: self.tabs.setCurrentWidget(self.sops), "Ctrl+2")
        self.act_refresh = self._action("act_refresh", self.tr("&Muat ulang"), self.refresh,
                                        QKeySequence.StandardKey.Refresh, "SP_BrowserReload")
        self.act_search = self._action("act_search", self.tr("&Cari kasus"), self.focus_search,
                                       QKeySequence.StandardKey.Find)
        self.act_export = self._action("act_export", self.tr("&Ekspor register ke Excel…"),
                                       self.export_register, "Ctrl+E", "SP_DialogSaveButton")
        self.act_backup = self._action("act_backup", self.tr("&Cadangkan basis data"),
                                       self.backup_database, None, "SP_DriveHDIcon")
        self.act_backups = self._action("act_backups", self.tr("Cadangan && &pemulihan…"),
                                        self.open_backups, None, "SP_DriveFDIcon",
                                        self.tr("Daftar cadangan, cadangkan sekarang, pulihkan, "
                                                "pilih folder cadangan"))
        self.act_password = self._action("act_password", self.tr("&Ganti kata sandi…"),
                                         self.change_password)
        self.act_admin = self._action("act_admin", self.tr("&Administrasi…"), self.open_admin,
                                      "Ctrl+Shift+A", "SP_FileDialogDetailedView")
        self.act_about = self._action("act_about", self.tr("&Tentang SOP Desktop"), self.about)
        self.act_manual = self._action("act_manual", self.tr("&Panduan pengguna"), self.open_manual,
                                       QKeySequence.StandardKey.HelpContents, "SP_DialogHelpButton")
        self.act_letter = self._action("act_letter", self.tr("C&etak surat…"), self.print_letter,
                                       QKeySequence.StandardKey.Print, "SP_FileDialogContentsView",
                                       self.tr("Cetak surat untuk kasus yang dipilih"))
        self.act_report_register = self._action(
            "act_report_register", self.tr("&Buku register…"),
            lambda: self.open_report("register"), "Ctrl+Shift+R", "SP_FileDialogListView")
        self.act_report_kinerja = self._action(
            "act_report_kinerja", self.tr("Laporan &kinerja…"),
            lambda: self.open_report("kinerja"), "Ctrl+Shift+K")
        self.act_report_monitoring = self._action(
            "act_report_monitoring", self.tr("Lembar &monitoring SOP…"),
            lambda: self.open_report("monitoring"))
        self.act_report_agenda = self._action(
            "act_report_agenda", self.tr("&Agenda surat keluar…"),
            lambda: self.open_report("agenda"))
        self.act_admin.setEnabled(self.is_admin())
        self.act_import.setEnabled(self.is_admin())

    def _make_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&Berkas"))
        m.addActions([self.act_new_case, self.act_import])
        m.addSeparator()
        m.addActions([self.act_export, self.act_backup, self.act_backups])
        m.addSeparator()
        m.addActions([self.act_settings, self.act_password, self.act_logout, self.act_quit])
        m = bar.addMenu(self.tr("&Kasus"))
        m.setObjectName("menu_cases")
        m.addAction(self.act_new_case)
        m.addSeparator()
        m.addActions([self.act_finish, self.act_yes, self.act_no, self.act_return, self.act_stop])
        m.addSeparator()
        m.addActions([self.act_attach, self.act_letter])
        m = bar.addMenu(self.tr("La&poran"))
        m.setObjectName("menu_reports")
        m.addActions([self.act_report_register, self.act_report_kinerja,
                      self.act_report_monitoring])
        m.addSeparator()
        m.addAction(self.act_report_agenda)
        m = bar.addMenu(self.tr("&Lihat"))
        m.addActions([self.act_inbox, self.act_sops, self.act_search, self.act_refresh])
        if self.is_admin():
            m = bar.addMenu(self.tr("A&dministrasi"))
            m.addAction(self.act_admin)
        m = bar.addMenu(self.tr("Ban&tuan"))
        m.setObjectName("menu_help")
        m.addActions([self.act_manual, self.act_about])

    def _make_toolbar(self) -> None:
        tb = QToolBar(self.tr("Alat utama"))
        tb.setObjectName("main_toolbar")
        tb.setMovable(False)
        tb.setIconSize(QSize(20, 20))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.addActions([self.act_new_case])
        tb.addSeparator()
        tb.addActions([self.act_finish, self.act_yes, self.act_no, self.act_return, self.act_stop])
        tb.addSeparator()
        tb.addActions([self.act_attach, self.act_letter, self.act_refresh])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        self.toolbar = tb
        # one press is one action: no key repeat, and a double click counts once
        self.single_click = SingleClickOnly(self)
        for act in (self.act_finish, self.act_yes, self.act_no, self.act_return, self.act_stop):
            act.setAutoRepeat(False)
            button = tb.widgetForAction(act)
            if button is not None:
                button.installEventFilter(self.single_click)

    def _make_status_bar(self) -> None:
        positions = ", ".join(self.services.users.position_names(self.user)) or self.tr("tanpa jabatan")
        self.user_label = QLabel(f"{self.user.name} · {positions}")
        self.user_label.setObjectName("status_user")
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().showMessage(self.tr("Siap"), 3000)

    @property
    def sops(self) -> SopBrowser:
        """The SOP library page, built the first time it is shown or asked for: it is not on
        the first screen (start-up, issue 19)."""
        if self._sops is None:
            from ui.sops.browser import SopBrowser  # deferred for start-up, see above

            self._sops = SopBrowser(self.services, self)
            index, current = self.tabs.indexOf(self._sops_slot), self.tabs.currentIndex()
            self.tabs.blockSignals(True)  # the same tab stays current, with the page in it
            self.tabs.insertTab(index, self._sops, self.tabs.tabText(index))
            self.tabs.removeTab(index + 1)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            self._sops_slot.deleteLater()
        return self._sops

    def _tab_shown(self, index: int) -> None:
        if self._sops is None and self.tabs.widget(index) is self._sops_slot:
            self.tabs.setCurrentWidget(self.sops)

    def is_admin(self) -> bool:
        from sop_desktop.services.users import is_administrator

        return is_administrator(self.user)

    # ----- fan-out of changes
    def _on_data_changed(self, change: Changes) -> None:
        if change.sops and self._sops is not None:  # (not built yet: it reads them when built)
            self._sops.reload()
        if change.office:
            self._update_title()
        if change.users or change.position_list:
            positions = ", ".join(self.services.users.position_names(self.user)) or self.tr("tanpa jabatan")
            self.user_label.setText(f"{self.user.name} · {positions}")
        self.inbox.on_data_changed(change)

    def _update_case_actions(self, allowed) -> None:
        allowed = set(allowed or ())
        reasons = getattr(self.inbox.built_case_view, "reasons", {}) or {}
        for action, name in ((self.act_finish, "advance"), (self.act_yes, "decide"),
                             (self.act_no, "decide"), (self.act_return, "return"),
                             (self.act_stop, "stop"), (self.act_attach, "attach")):
            action.setEnabled(name in allowed)
            # a disabled tool says why (the action's own text when it can be used)
            tip = action.statusTip() if name in allowed else (reasons.get(name) or action.statusTip())
            action.setToolTip(tip)
        # a shown case (open or closed) may get its letters; the service checks who may issue
        self.act_letter.setEnabled(self.current_case_id() is not None)

    # ----- commands
    def refresh(self) -> None:
        self.data_changed.emit(Changes.everything())
        self.statusBar().showMessage(self.tr("Dimuat ulang"), 3000)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.inbox)
        self.inbox.focus_search()

    def _keep(self, dialog) -> None:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))

    def _forget(self, dialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    def new_case(self) -> None:
        from ui.cases.new_case import NewCaseDialog

        dialog = NewCaseDialog(self.services, self.user, self)
        dialog.case_created.connect(self._case_created)
        self._keep(dialog)
        dialog.open()

    def _case_created(self, case) -> None:
        self.tabs.setCurrentWidget(self.inbox)
        self.data_changed.emit(Changes(cases=(case.id,), created=case.id))
        self.inbox.select_case(case.id)
        self.statusBar().showMessage(self.tr("Kasus %1 dibuat").replace("%1", case.number), 8000)

    def import_sop(self) -> QWidget | None:
        """The SOP import dialog, opened (None: refused, said in a message box)."""
        from sop_desktop.services.users import admin_refusal, log_refusal
        from ui.sops.import_dialog import ImportDialog

        reason = admin_refusal(self.user, "impor_sop")  # the core's check, as in the CLI
        if reason is not None:
            log_refusal(self.user, "impor SOP", reason)
            QMessageBox.information(self, APP_NAME, reason)
            return None
        dialog = ImportDialog(self.services, self.runner, self)
        dialog.imported.connect(self._sops_imported)
        self._keep(dialog)
        dialog.open()
        return dialog

    def _sops_imported(self, stored, changes: Changes) -> None:
        from sop_desktop.services.users import log_admin_action

        log_admin_action(self.user, "impor_sop", ", ".join(
            f"{getattr(s, 'code', s)} v{getattr(s, 'version', '')}" for s in stored))
        self.data_changed.emit(changes)  # the import's own Changes (issue 14)
        self.tabs.setCurrentWidget(self.sops)
        if stored:
            self.sops.select_code(stored[0].code)
        self.statusBar().showMessage(self.tr("%n SOP disimpan", "", len(stored)), 8000)

    # ----- long work: off the UI thread, with progress
    def run_task(self, title: str, fn, on_done, parent: QWidget | None = None,
                 on_error=None) -> QProgressDialog:
        """Run fn(progress=...) on the pool; a progress dialog follows it, the window stays live.

        `parent`: the dialog the work was started from (progress and errors show over it);
        `on_error(text)` is called with the Indonesian message after the message box opens."""
        import inspect
        import threading

        from ui.workers import TaskCancelled

        owner = parent if parent is not None else self
        dialog = QProgressDialog(title, "", 0, 0, owner)
        dialog.setObjectName("task_progress")
        dialog.setWindowTitle(APP_NAME)
        cancel = threading.Event()
        work = fn
        if "progress" in inspect.signature(fn).parameters:
            # Batal stops the work at its next progress report; the core writes files whole or
            # not at all, so nothing half-written is left
            dialog.setCancelButtonText(self.tr("Batal"))
            dialog.canceled.connect(cancel.set)

            def work(progress):
                def checked(done: int, total: int, what: str = "") -> None:
                    if cancel.is_set():
                        raise TaskCancelled()
                    progress(done, total, what)

                return fn(progress=checked)
        else:
            dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        self._keep(dialog)
        self.task_cancel = cancel

        def progress(done: int, total: int, _what: str) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

        def finished(result) -> None:
            if _alive(dialog):  # gone with its parent when that dialog was closed meanwhile
                dialog.reset()
                dialog.done(0)
            on_done(result)

        def failed(message: str) -> None:
            if _alive(dialog):
                dialog.reset()
                dialog.done(0)
            text = user_message(message)
            self.statusBar().showMessage(text.splitlines()[0] if text else "", 15000)
            if text == TaskCancelled.TEXT:  # the user's own choice: no warning box
                if on_error is not None:
                    on_error(text)
                return
            box_parent = owner if _alive(owner) and owner.isVisible() else self
            box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text,
                              QMessageBox.StandardButton.Ok, box_parent)
            box.setObjectName("task_error")
            self._keep(box)
            box.open()
            if on_error is not None:
                on_error(text)

        self.runner.start(work, finished, failed, progress)
        return dialog

    def export_register(self) -> None:
        """The case register of the SOP chosen in the inbox filter (or every SOP) as .xlsx."""
        from ui.widgets.file_dialogs import save_dialog

        dialog = save_dialog(self, self.tr("Simpan register"), "register.xlsx",
                             self.tr("Buku kerja Excel (*.xlsx)"), "xlsx", self.export_register_to,
                             "register_save_dialog")
        self._keep(dialog)

    def export_register_to(self, path: str) -> QProgressDialog:
        from sop_desktop.reports.registers import RegisterFilters, build_register, write_register_xlsx

        sop = self.inbox.sop_filter.currentData() or None
        services = self.services

        def work(progress):  # the runner closes this worker's database connection
            data = build_register(services, RegisterFilters(sop=sop))
            return write_register_xlsx(data, path, progress=lambda d, t: progress(d, t, ""))

        return self.run_task(self.tr("Mengekspor register…"), work, self._register_saved)

    def _register_saved(self, out) -> None:
        from ui.widgets.file_dialogs import offer_open

        self.statusBar().showMessage(self.tr("Register disimpan: %1").replace("%1", str(out)), 15000)
        self._keep(offer_open(self, out, self.tr("Register disimpan.")))

    def backup_database(self) -> QProgressDialog:
        services = self.services
        return self.run_task(self.tr("Mencadangkan basis data…"), lambda: services.backups.create(),
                             lambda out: self.statusBar().showMessage(
                                 self.tr("Cadangan dibuat: %1").replace("%1", str(out)), 15000))

    def open_backups(self):
        """The backup list: back up now, restore (then everyone logs in again), choose a folder."""
        from ui.dialogs.backup import open_backup_dialog

        dialog = open_backup_dialog(self, self.services)
        self._keep(dialog)
        return dialog

    def change_password(self):
        from ui.dialogs.password import open_change_password

        dialog = open_change_password(self, self.services, self.user)
        self._keep(dialog)
        return dialog

    # ----- Laporan and Surat
    def open_report(self, kind: str):
        """Open a Laporan dialog: "register", "kinerja", "monitoring" or "agenda"."""
        from ui.dialogs.report import ReportDialog

        dialog = ReportDialog(self, kind)
        if kind != "agenda":
            sop = self.inbox.sop_filter.currentData() or None
            if sop:  # start from the SOP the inbox is filtered on
                dialog.set_sop(sop)
        self._keep(dialog)
        dialog.open()
        return dialog

    def current_case_id(self) -> int | None:
        """The case shown in the inbox's case pane (None when none is)."""
        case = getattr(self.inbox.built_case_view, "case", None)  # none shown before it is built
        if case is not None:
            return case.id
        return self.inbox.selected_case_id()

    def print_letter(self):
        """Open the letter dialog for the shown case."""
        case_id = self.current_case_id()
        if case_id is None:
            self.statusBar().showMessage(self.tr("Pilih kasus dahulu untuk mencetak surat."), 8000)
            return None
        from ui.dialogs.letter import LetterDialog

        try:
            dialog = LetterDialog(self, case_id)
        except SopError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, str(exc),
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("letter_error")
            self._keep(box)
            box.open()
            return None
        dialog.issued.connect(self._letter_issued)
        self._keep(dialog)
        dialog.open()
        return dialog

    def _letter_issued(self, case_id: int, number: str) -> None:
        self.data_changed.emit(Changes(cases=(case_id,), letters=True))
        text = (self.tr("Surat %1 diterbitkan dan dicatat").replace("%1", number) if number
                else self.tr("Surat dicetak dan dicatat di riwayat kasus"))
        self.statusBar().showMessage(text, 15000)

    def open_settings(self) -> None:
        from ui.settings import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        dialog.accepted.connect(lambda d=dialog: self._settings_accepted(d))
        self._keep(dialog)
        dialog.open()

    def _settings_accepted(self, dialog) -> None:
        lang = dialog.chosen_language()
        if lang != self.settings.language:
            self.settings.language = lang
            self.settings.sync()
            self.language_changed.emit(lang)

    def open_admin(self) -> QWidget | None:
        if not self.is_admin():
            QMessageBox.information(self, APP_NAME, self.tr("Hanya administrator yang dapat "
                                                            "membuka Administrasi."))
            return None
        from ui.dialogs.admin import AdminDialog

        dialog = AdminDialog(self.services, self.user, self)
        dialog.data_changed.connect(self.data_changed)
        self._keep(dialog)
        dialog.open()
        return dialog

    def open_manual(self):
        """Bantuan → Panduan pengguna: the offline manual in Indonesian."""
        from ui.dialogs.manual import ManualDialog

        dialog = ManualDialog(self)
        self._keep(dialog)
        dialog.open()
        return dialog

    def about(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Tentang SOP Desktop"),
                          f"<b>{APP_NAME}</b> {__version__}", QMessageBox.StandardButton.Ok, self)
        box.setObjectName("about_box")
        box.setInformativeText(self.tr(
            "SOP AP (Permenpan RB 35/2012) sebagai alat kerja kantor: pustaka SOP, diagram alir, "
            "kasus dengan kotak masuk per jabatan, register dan laporan.") +
            "\n\n" + self.tr("Basis data: %1").replace("%1", self.services.target))
        self._keep(box)
        box.open()
        return box

    # ----- shutdown
    def shutdown(self) -> None:
        """Close dialogs and wait for background work: nothing is left running."""
        for dialog in list(self.dialogs):
            if _alive(dialog):
                guard = getattr(dialog, "guard", None)
                if guard is not None:  # logging out or quitting: nothing left to ask
                    guard.closing_anyway = True
                dialog.close()
        self.runner.wait()
        self.inbox.shutdown()
        self.watch_timer.stop()
        if self.watcher is not None:
            self.watcher.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_geometry("main", self.saveGeometry())
        self.runner.wait()
        super().closeEvent(event)
