"""The case pane's attachments: add files to the case, open one, save a copy to a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QUrl, SignalInstance
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from sop_desktop.errors import SopError
from sop_desktop.paths import data_dir
from ui.cases.parts import AttachmentsPanel


class CaseAttachments:
    """Mixed into CaseView (which has case, services, the attachments panel, `attach_files`
    and its signals); strings keep the CaseView translation context."""

    # what CaseView provides
    case: Any
    services: Any
    attachments: AttachmentsPanel
    status_message: SignalInstance
    file_dialog: QFileDialog

    def attach_files(self, files: list[str]) -> bool:
        raise NotImplementedError  # CaseView's

    def add_attachment(self) -> None:
        if self.case is None:
            return
        dialog = QFileDialog(cast(QWidget, self), QCoreApplication.translate("CaseView", "Tambah lampiran"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(self.attach_files)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.file_dialog = dialog

    def open_attachment(self) -> bool:
        att = self.attachments.selected()
        if att is None:
            return False
        try:
            folder = data_dir() / "terbuka" / att.sha256[:16]
            folder.mkdir(parents=True, exist_ok=True)
            path = self.services.attachments.export(att, folder)
        except (SopError, OSError) as exc:
            self.status_message.emit(str(exc))
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def save_attachment_copy(self) -> None:
        att = self.attachments.selected()
        if att is None:
            return
        dialog = QFileDialog(cast(QWidget, self), QCoreApplication.translate("CaseView", "Simpan salinan ke folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda folder, a=att: self.save_copy_to(a, folder))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.file_dialog = dialog

    def save_copy_to(self, att: Any, folder: str) -> Path | None:
        try:
            Path(folder).mkdir(parents=True, exist_ok=True)
            path = self.services.attachments.export(att, folder)
        except (SopError, OSError) as exc:
            self.status_message.emit(str(exc))
            return None
        text = QCoreApplication.translate("CaseView", "Salinan disimpan: %1")
        self.status_message.emit(text.replace("%1", str(path)))
        return path
