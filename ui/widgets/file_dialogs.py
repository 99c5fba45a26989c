"""Save dialogs that start in the folder last used, and the "Buka berkas" offer once saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sop_desktop import APP_NAME
from ui.settings import AppSettings


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileDialogs", text)


def last_folder() -> str:
    """The folder the user last saved a file into ("" before the first save)."""
    folder = AppSettings().last_save_folder
    return folder if folder and Path(folder).is_dir() else ""


def remember_folder(path: str) -> None:
    settings = AppSettings()
    settings.last_save_folder = str(Path(path).parent)
    settings.sync()


def save_dialog(parent: QWidget, title: str, file_name: str, name_filter: str, suffix: str,
                on_chosen, object_name: str = "save_dialog") -> QFileDialog:
    """A window-modal save dialog in the last folder used; `on_chosen(path)` once confirmed.
    The chosen folder is remembered for the next save dialog."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName(object_name)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    dialog.setNameFilter(name_filter)
    folder = last_folder()
    if folder:
        dialog.setDirectory(folder)
    dialog.selectFile(file_name)

    def chosen(path: str) -> None:
        remember_folder(path)
        on_chosen(path)

    dialog.fileSelected.connect(chosen)
    dialog.finished.connect(lambda _r, d=dialog: d.deleteLater())
    setattr(parent, "file_dialog", dialog)  # noqa: B010 (tests find the open dialog there)
    dialog.open()
    return dialog


def offer_open(parent: QWidget, path, text: str) -> QMessageBox:
    """Say that `path` was saved, with a "Buka berkas" button that opens it (and "Tutup")."""
    box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("saved_box")
    box.setInformativeText(str(path))
    open_button = box.addButton(_tr("Buka berkas"), QMessageBox.ButtonRole.AcceptRole)
    open_button.setObjectName("open_file_button")
    box.addButton(_tr("Tutup"), QMessageBox.ButtonRole.RejectRole)
    open_button.clicked.connect(
        lambda _checked=False, p=str(path): QDesktopServices.openUrl(QUrl.fromLocalFile(p)))
    box.finished.connect(lambda _r, b=box: b.deleteLater())
    setattr(parent, "saved_box", box)  # noqa: B010 (tests find the open box there)
    box.open()
    return box
