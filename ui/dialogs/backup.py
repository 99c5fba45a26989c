"""Backups from the window: list them (when, why, size, do they pass the integrity check),
back up now, restore one, choose the backup folder (a USB disk).

Every backup, check and restore runs off the UI thread (ui.workers.TaskRunner) through the same
core functions as `sop-desktop backup` and `sop-desktop restore`.
"""

from __future__ import annotations

import os
from pathlib import Path

from babel.numbers import format_decimal
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sop_desktop import APP_NAME
from sop_desktop.domain.dates import tanggal_jam
from sop_desktop.errors import SopError
from sop_desktop.services.backups import BackupFile
from ui.screen import fit_size
from ui.workers import TaskRunner, user_message

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("when", "reason", "size", "check", "folder")


def human_size(size: int) -> str:
    """'1,2 MB' (Indonesian decimal comma, via Babel)."""
    for unit, factor in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= factor:
            return f"{format_decimal(size / factor, format='#,##0.0', locale='id')} {unit}"
    return f"{size} B"


class BackupDialog(QDialog):
    """The backups of this database. `restored` carries the backup taken just before a
    restore; after it the signed-in session must start again (log in anew)."""

    restored = Signal(object)
    task_finished = Signal(str)  # "check", "backup", "restore", "folder"; tests wait on it

    def __init__(self, services, parent: QWidget | None = None, *, user=None):
        super().__init__(parent)
        self.services = services
        self.user = user  # restoring and choosing the folder are administrator actions
        self.runner = TaskRunner(self)
        self.box: QMessageBox | None = None  # the open question or result, if any
        self.folder_dialog: QFileDialog | None = None
        self.backups: list[BackupFile] = []
        self.checks: dict[Path, str] = {}  # path -> "" (passes) or the problem
        self._generation = 0  # a newer listing makes older check results stale
        self._busy = False
        self.setObjectName("backup_dialog")
        self.setWindowTitle(self.tr("Cadangan basis data"))
        self.suffix = services.backups.suffix

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.folder_label = QLabel()
        self.folder_label.setObjectName("backup_folder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("Pilih folder cadangan…"))
        self.choose_button.setObjectName("choose_folder")
        self.choose_button.setToolTip(self.tr("Misalnya disk USB yang disimpan di tempat lain"))
        self.choose_button.clicked.connect(self.choose_folder)
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.choose_button)
        layout.addLayout(top)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("backup_table")
        self.table.setHorizontalHeaderLabels([self.tr("Waktu"), self.tr("Jenis"), self.tr("Ukuran"),
                                              self.tr("Pemeriksaan"), self.tr("Folder")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideLeft)  # a folder's end says most
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.ask_restore())
        layout.addWidget(self.table, 1)

        self.empty_label = QLabel(self.tr("Belum ada cadangan di folder ini."))
        self.empty_label.setObjectName("backup_empty")
        layout.addWidget(self.empty_label)

        self.progress = QProgressBar()
        self.progress.setObjectName("backup_progress")
        self.progress.setRange(0, 0)  # busy: a backup is one SQLite call with no steps to count
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)

        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Cadangkan sekarang"))
        self.backup_button.setObjectName("backup_now")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("Pulihkan…"))
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.ask_restore)
        self.close_button = QPushButton(self.tr("Tutup"))
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        fit_size(self, 860, 460)
        self.refresh()

    # ----- listing
    def folders(self) -> list[Path]:
        """The configured folder first, then every other folder that may hold backups."""
        return self.services.backups.folders()

    def refresh(self) -> None:
        """List the backups (fast: names and sizes), then check them in the background."""
        folder = self.services.backups.folder()
        self.folder_label.setText(self.tr("Folder cadangan: %1").replace("%1", str(folder)))
        self.backups = self.services.backups.list()
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            try:
                size = human_size(b.path.stat().st_size)
            except OSError:
                size = "?"
            values = (tanggal_jam(b.when), self.reason_label(b.reason), size,
                      self._check_text(b.path), str(b.path.parent))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(PATH_ROLE, str(b.path))
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(str(b.path))
                self.table.setItem(row, col, item)
        self.empty_label.setVisible(not self.backups)
        if self.backups and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)  # the newest: what one restores most often
        self._update_buttons()
        self._check_all()

    def reason_label(self, reason: str) -> str:
        labels = {
            "manual": self.tr("Manual"),
            "daily": self.tr("Harian"),
            "on-close": self.tr("Saat aplikasi ditutup"),
            "pre-migration": self.tr("Sebelum pembaruan basis data"),
            "pre-import": self.tr("Sebelum impor"),
            "pre-restore": self.tr("Sebelum pemulihan"),
        }
        return labels.get(reason, reason)

    def _check_text(self, path: Path) -> str:
        if path not in self.checks:
            return self.tr("memeriksa…") if self.services.backups.checkable else self.tr("—")
        return self.tr("utuh") if not self.checks[path] else self.tr("RUSAK, tidak dapat dipakai")

    def _check_all(self) -> None:
        """integrity_check of every listed SQLite backup, off the UI thread."""
        if not self.services.backups.checkable:
            return
        todo = [b.path for b in self.backups if b.path not in self.checks]
        if not todo:
            return
        self._generation += 1
        generation = self._generation
        backups = self.services.backups

        def work(progress):
            results = {}
            for i, path in enumerate(todo):
                progress(i, len(todo), path.name)
                try:
                    backups.verify(path)
                    results[path] = ""
                except SopError as exc:
                    results[path] = str(exc)
            return results

        self.runner.start(work, lambda results: self._checked(generation, results),
                          lambda message: self._checked(generation, {}, message))

    def _checked(self, generation: int, results: dict, error: str = "") -> None:
        self.checks.update(results)
        if generation == self._generation:
            for row, b in enumerate(self.backups):
                item = self.table.item(row, COLUMNS.index("check"))
                if item is not None:
                    item.setText(self._check_text(b.path))
                    if self.checks.get(b.path):
                        item.setForeground(Qt.GlobalColor.darkRed)
                        item.setToolTip(self.checks[b.path])  # SQLite's own words, for support
            if error:
                self.status.setText(user_message(error))
        self._update_buttons()
        self.task_finished.emit("check")

    def selected_backup(self) -> BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.backups[rows[0].row()]

    def select_path(self, path: Path) -> bool:
        """Select the row of a backup file (tests, and after a backup: the new file)."""
        for row, b in enumerate(self.backups):
            if b.path.resolve() == Path(path).resolve():
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        chosen = self.selected_backup()
        broken = chosen is not None and bool(self.checks.get(chosen.path))
        restore_no = self.refusal("pulihkan")
        folder_no = self.refusal("folder_cadangan")
        self.restore_button.setEnabled(not self._busy and chosen is not None and not broken
                                       and restore_no is None)
        self.restore_button.setToolTip(restore_no or "")
        self.backup_button.setEnabled(not self._busy)
        self.choose_button.setEnabled(not self._busy and folder_no is None)
        self.choose_button.setToolTip(folder_no or self.tr(
            "Misalnya disk USB yang disimpan di tempat lain"))
        self.close_button.setEnabled(not self._busy)

    # ----- long work
    def busy(self) -> bool:
        return self._busy

    def _run(self, kind: str, text: str, fn, on_done) -> None:
        self._busy = True
        self.progress.setVisible(True)
        self.status.setText(text)
        self._update_buttons()

        def done(result) -> None:
            self._idle()
            on_done(result)
            self.task_finished.emit(kind)

        def failed(message: str) -> None:
            self._idle()
            self.status.setText("")
            self._show(QMessageBox.Icon.Warning, user_message(message))
            self.task_finished.emit(kind)

        self.runner.start(fn, done, failed)  # the runner closes the worker's connection

    def _idle(self) -> None:
        self._busy = False
        self.progress.setVisible(False)
        self._update_buttons()

    def backup_now(self) -> None:
        backups = self.services.backups
        # the backup, its shrink warning (far fewer cases than the last backup: said), pruning
        self._run("backup", self.tr("Mencadangkan basis data…"), backups.create_now, self._backed_up)

    def _backed_up(self, made) -> None:
        path, warning = made
        self.status.setText(self.tr("Cadangan dibuat: %1").replace("%1", str(path))
                            + (("\n" + warning) if warning else ""))
        self.refresh()
        self.select_path(path)

    def ask_restore(self) -> QMessageBox | None:
        chosen = self.selected_backup()
        if chosen is None or self._busy or not self.restore_button.isEnabled():
            return None
        no_room = self.services.backups.restore_room_problem(chosen.path)
        if no_room:  # said before asking: nothing would be changed anyway
            return self._show(QMessageBox.Icon.Warning, self.tr("Disk penuh"), no_room)
        box = self._make_box(QMessageBox.Icon.Question, self.tr(
            "Pulihkan basis data dari cadangan %1?").replace("%1", tanggal_jam(chosen.when)))
        box.setInformativeText(self.tr(
            "Seluruh isi basis data sekarang (dan lampiran serta surat yang tersimpan) diganti "
            "dengan isi cadangan itu; perubahan sesudah "
            "waktu cadangan hilang dari data kerja. Sebelumnya isi sekarang dicadangkan dulu "
            "(jenis \"Sebelum pemulihan\"), jadi dapat dikembalikan. Setelah pemulihan Anda "
            "perlu masuk kembali."))
        self.confirm_button = box.addButton(self.tr("Pulihkan"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)  # the safe answer is the default
        box.finished.connect(lambda _r, b=box, c=chosen: self._restore_answered(b, c))
        box.open()
        return box

    def _restore_answered(self, box: QMessageBox, chosen: BackupFile) -> None:
        agreed = box.clickedButton() is self.confirm_button
        self._forget_box(box)
        if agreed:
            self.restore(chosen.path)

    def refusal(self, action: str) -> str | None:
        """Why the signed-in user may not take this administrator action (None: may)."""
        from sop_desktop.services.users import admin_refusal

        return admin_refusal(self.user, action, first_run_ok=True)

    def _refused(self, action: str) -> bool:
        """Refuse (logged, with the reason shown) an administrator action of a non-admin."""
        from sop_desktop.services.users import require_admin

        try:
            require_admin(self.user, action, first_run_ok=True)
        except SopError as exc:
            self._show(QMessageBox.Icon.Warning, str(exc))
            return True
        return False

    def restore(self, path: Path) -> None:
        """Restore without asking (the question was answered): the core's restore, which
        verifies the file and takes the pre-restore backup first."""
        if self._refused("pulihkan"):
            return
        services, user = self.services, self.user

        def work():
            from sop_desktop.services.users import log_admin_action

            before = services.backups.restore(path)
            log_admin_action(user, "pulihkan", f"dari {path}")
            return before

        self._run("restore", self.tr("Memulihkan basis data…"), work,
                  lambda before: self._restored(path, before))

    def _restored(self, path: Path, before) -> None:
        self.status.setText(self.tr("Dipulihkan dari %1.").replace("%1", Path(path).name))
        self.refresh()
        text = self.tr("Basis data dipulihkan dari cadangan %1.").replace("%1", Path(path).name)
        info = ""
        if before:
            info = self.tr("Isi sebelumnya dicadangkan ke %1.").replace("%1", str(before)) + "\n\n"
        info += self.tr("Masuk kembali agar semua data dimuat ulang dari basis data yang dipulihkan.")
        box = self._show(QMessageBox.Icon.Information, text, info)
        box.finished.connect(lambda _r: self._after_restore(before))

    def _after_restore(self, before) -> None:
        # closed first: what listens (log-out) may close the window this dialog sits on
        self.accept()
        self.restored.emit(before)

    # ----- the folder
    def choose_folder(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Pilih folder cadangan"))
        dialog.setObjectName("backup_folder_dialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setDirectory(str(self.services.backups.folder()))
        dialog.fileSelected.connect(self.set_folder)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.folder_dialog = dialog
        dialog.open()
        return dialog

    def set_folder(self, folder: str) -> bool:
        """Use `folder` for backups from now on (a Setting in the database, as the CLI's
        `backup --set-folder`); refused with a message when it cannot be written."""
        if self._refused("folder_cadangan"):
            return False
        path = Path(folder).expanduser().resolve()
        try:
            path.mkdir(parents=True, exist_ok=True)
            writable = os.access(path, os.W_OK)
        except OSError:
            writable = False
        if not writable:
            self._show(QMessageBox.Icon.Warning, self.tr(
                "Folder %1 tidak dapat ditulisi. Periksa disk USB atau pilih folder lain.")
                .replace("%1", str(path)))
            return False
        self.services.backups.set_folder(path)
        from sop_desktop.services.users import log_admin_action

        log_admin_action(self.user, "folder_cadangan", str(path))
        self.status.setText(self.tr("Cadangan berikutnya disimpan di %1.").replace("%1", str(path)))
        self.refresh()
        self.task_finished.emit("folder")
        return True

    # ----- message boxes: opened, never exec'd, kept in `box`
    def _make_box(self, icon, text: str) -> QMessageBox:
        box = QMessageBox(icon, APP_NAME, text, QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("backup_box")
        self.box = box
        return box

    def _show(self, icon, text: str, info: str = "") -> QMessageBox:
        box = self._make_box(icon, text)
        if info:
            box.setInformativeText(info)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.finished.connect(lambda _r, b=box: self._forget_box(b))
        box.open()
        return box

    def _forget_box(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None
        box.deleteLater()

    def done(self, result: int) -> None:
        if self._busy:  # a restore must not be cut off: the buttons are off meanwhile
            return
        self.runner.wait()
        if self.box is not None:
            self.box.close()
        super().done(result)


def open_backup_dialog(parent, services) -> BackupDialog:
    """Open (non-blocking) the backup dialog over `parent`. After a restore, when the parent
    has a `logout_requested` signal (the main window), the user is sent back to log in so
    everything is read again from the restored database."""
    dialog = BackupDialog(services, parent, user=getattr(parent, "user", None))
    logout = getattr(parent, "logout_requested", None)
    if logout is not None:
        dialog.restored.connect(lambda _before: logout.emit())
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
