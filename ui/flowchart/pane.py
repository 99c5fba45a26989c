"""The flowchart with its tools: current step up close, whole page, a larger window, and
Cetak / Simpan PDF of the official SOP document (identity page and flowchart, as printed).
Used by the SOP library and by an open case.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sop_desktop.domain.model import SopDefinition
from sop_desktop.errors import SopError
from ui.flowchart.view import FlowchartView
from ui.screen import fit_size
from ui.widgets.file_dialogs import offer_open, save_dialog


def sop_pdf(defn) -> bytes:
    """The official SOP document (identity page and flowchart pages) as PDF bytes."""
    from sop_desktop.flowchart.pdf import sop_pdf_bytes

    return sop_pdf_bytes(defn)


def sop_file_name(defn) -> str:
    """A file name for the SOP document, from its code."""
    return "SOP-" + re.sub(r"[^A-Za-z0-9_-]+", "-", defn.code).strip("-") + ".pdf"


class FlowchartPane(QWidget):
    """A flowchart view under a row of buttons; `case_tools` adds "Langkah sekarang"."""

    def __init__(self, parent: QWidget | None = None, *, case_tools: bool = False,
                 larger: bool = True, whole_document: bool = False):
        super().__init__(parent)
        self.whole_document = whole_document
        self.defn: SopDefinition | None = None
        self.current: int | None = None
        self.path: list[int] = []
        self.window_: FlowchartWindow | None = None
        self.file_dialog = None
        self.print_dialog = None
        self.saved_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        bar = QHBoxLayout()
        bar.setSpacing(2)
        self.current_step_button = self._tool(self.tr("Langkah sekarang"), "flowchart_current_step",
                                              self.tr("Perbesar diagram pada langkah yang sedang "
                                                      "dikerjakan"))
        self.current_step_button.setVisible(case_tools)
        self.whole_page_button = self._tool(self.tr("Satu halaman"), "flowchart_whole_page",
                                            self.tr("Tampilkan satu halaman utuh"))
        self.larger_button = self._tool(self.tr("Jendela besar"), "flowchart_larger",
                                        self.tr("Buka diagram alir di jendela besar"))
        self.larger_button.setVisible(larger)
        self.larger_button.setIcon(self.style().standardIcon(
            self.style().StandardPixmap.SP_TitleBarMaxButton))
        self.larger_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        # the official document (identity page and flowchart): printed or saved as PDF
        self.document_button = self._tool(self.tr("Cetak"), "flowchart_document",
                                          self.tr("Cetak atau simpan dokumen SOP resmi "
                                                  "(identitas dan diagram alir)"))
        self.document_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # the arrow is part of the text: Qt's own indicator would be drawn over the word
        self.document_button.setText(self.tr("Cetak") + " ▾")
        self.document_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        menu = QMenu(self.document_button)
        self.print_action = menu.addAction(self.tr("Cetak…"))
        self.print_action.setObjectName("flowchart_print")
        self.pdf_action = menu.addAction(self.tr("Simpan PDF…"))
        self.pdf_action.setObjectName("flowchart_pdf")
        self.document_button.setMenu(menu)
        for b in (self.current_step_button, self.whole_page_button, self.larger_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.document_button)
        layout.addLayout(bar)
        self.view = FlowchartView(self)
        if hasattr(self.view, "whole_document"):  # the document as printed, from page 1
            self.view.whole_document = whole_document
        layout.addWidget(self.view, 1)
        self.current_step_button.clicked.connect(self.show_current_step)
        self.whole_page_button.clicked.connect(self.fit)
        self.larger_button.clicked.connect(self.open_larger)
        self.print_action.triggered.connect(self.print_sop)
        self.pdf_action.triggered.connect(self.save_pdf)
        self._update_buttons()

    def _tool(self, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    # ----- content
    def set_definition(self, defn) -> None:
        self.defn = defn
        self.current, self.path = None, []
        self.view.set_definition(defn)
        self._update_buttons()

    def set_case_state(self, current: int | None, path) -> None:
        self.current, self.path = current, list(path or [])
        self.view.set_case_state(current, self.path)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.defn is not None and bool(getattr(self.defn, "steps", None))
        for b in (self.whole_page_button, self.larger_button, self.document_button):
            b.setEnabled(has)
        self.current_step_button.setEnabled(has and self.current is not None)

    def show_current_step(self) -> bool:
        """Zoom in on the current step (text readable; its lane named in the banner)."""
        show = getattr(self.view, "show_step", None)
        return bool(show and show(self.current))

    def fit(self) -> None:
        if hasattr(self.view, "fit_to_window"):
            self.view.fit_to_window()

    def open_larger(self) -> QDialog | None:
        """The same flowchart in a large window (the case's step and path marked)."""
        if self.defn is None:
            return None
        self.window_ = FlowchartWindow(self.defn, self.current, self.path, self,
                                       whole_document=self.whole_document)
        self.window_.finished.connect(lambda _r, w=self.window_: w.deleteLater())
        self.window_.open()
        return self.window_

    # ----- the official document
    def save_pdf(self) -> None:
        if self.defn is None:
            return
        save_dialog(self, self.tr("Simpan dokumen SOP"), sop_file_name(self.defn),
                    self.tr("Dokumen PDF (*.pdf)"), "pdf", self.save_pdf_to, "sop_pdf_dialog")

    def save_pdf_to(self, path: str) -> Path | None:
        """Write the SOP document to `path`; says where, with "Buka berkas"."""
        from sop_desktop.flowchart.pdf import write_sop_pdf

        if self.defn is None:
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            out = write_sop_pdf(self.defn, path)
        except (SopError, OSError) as exc:
            QGuiApplication.restoreOverrideCursor()
            self._tell(str(exc))
            return None
        QGuiApplication.restoreOverrideCursor()
        offer_open(self, out, self.tr("Dokumen SOP disimpan."))
        return out

    def print_sop(self) -> None:
        from ui.dialogs.report_output import open_print_dialog

        if self.defn is None:
            return
        open_print_dialog(self, self.defn.name, "sop_print_dialog", self.tr("Cetak dokumen SOP"),
                          self.print_on, self._tell)

    def print_on(self, printer) -> int:
        """Print the SOP document on `printer`; returns the pages printed (0 on failure)."""
        from ui.dialogs.report_output import print_pdf

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return print_pdf(printer, sop_pdf(self.defn))
        except SopError as exc:
            error = str(exc)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._tell(error)
        return 0

    def _tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Dokumen SOP"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("flowchart_error")
        box.finished.connect(lambda _r, b=box: b.deleteLater())
        self.saved_box = box
        box.open()


class FlowchartWindow(QDialog):
    """The flowchart large: most of the screen, with the same tools."""

    def __init__(self, defn, current: int | None, path, parent: QWidget | None = None, *,
                 whole_document: bool = False):
        super().__init__(parent)
        self.setObjectName("flowchart_window")
        self.setWindowTitle(self.tr("Diagram alir — %1").replace("%1", defn.name))
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{defn.name}</b>")
        title.setWordWrap(True)
        layout.addWidget(title)
        self.pane = FlowchartPane(self, case_tools=current is not None, larger=False,
                                  whole_document=whole_document)
        self.pane.set_definition(defn)
        self.pane.set_case_state(current, path)
        layout.addWidget(self.pane, 1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_size(self, 1500, 1000, share=0.94)
