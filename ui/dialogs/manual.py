"""Bantuan → Panduan pengguna: the offline manual (resources/manual/panduan.html) in a dialog."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from sop_desktop.paths import resources_dir
from ui.screen import fit_size


def manual_path():
    """The manual's HTML file in the resources folder."""
    return resources_dir() / "manual" / "panduan.html"


class ManualDialog(QDialog):
    """The manual, with working links between its sections; nothing is fetched online."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("manual_dialog")
        self.setWindowTitle(self.tr("Panduan pengguna"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("manual_text")
        self.browser.setOpenExternalLinks(False)
        path = manual_path()
        if path.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        else:
            self.browser.setPlainText(self.tr("Berkas panduan tidak ditemukan: %1")
                                      .replace("%1", str(path)))
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_size(self, 820, 700)
