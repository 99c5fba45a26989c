"""The PDF preview widget: a document's pages as images on a grey desk, scrolled like paper."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QScrollArea, QVBoxLayout, QWidget


class PdfPreview(QScrollArea):
    """The pages of a PDF, one under the other on a grey desk, scrolled like a document."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys and PgUp/PgDn scroll
        desk = QWidget()
        desk.setObjectName("pdf_desk")
        desk.setStyleSheet("#pdf_desk { background: #8a8f96; }")
        self.pages_layout = QVBoxLayout(desk)
        self.pages_layout.setContentsMargins(12, 12, 12, 12)
        self.pages_layout.setSpacing(12)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.message = QLabel()
        self.message.setObjectName("preview_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: white; font-size: 11pt; padding: 24px;")
        self.busy = QProgressBar()
        self.busy.setObjectName("preview_busy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(240)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.pages_layout.addWidget(self.message, 0, Qt.AlignmentFlag.AlignHCenter)
        self.pages_layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        self.setWidget(desk)

    def page_width_px(self) -> int:
        """How wide a page image should be to fill the view, in device pixels."""
        width = self.viewport().width()
        if not self.verticalScrollBar().isVisible():  # it appears once the pages are in
            width -= self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        logical = max(300, width - 2 * 12 - 6)
        return int(logical * self.devicePixelRatioF())

    def show_message(self, text: str, busy: bool = False) -> None:
        self._clear_pages()
        self.message.setText(text)
        self.message.show()
        self.busy.setVisible(busy)

    def set_pages(self, images: list[QImage], note: str = "") -> None:
        self._clear_pages()
        self.busy.hide()
        self.message.setVisible(bool(note))
        self.message.setText(note)
        ratio = self.devicePixelRatioF()
        for i, image in enumerate(images):
            pix = QPixmap.fromImage(image)
            pix.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setObjectName(f"preview_page_{i + 1}")
            label.setPixmap(pix)
            label.setFrameShape(QFrame.Shape.Box)
            label.setStyleSheet("background: white; border: 1px solid #444;")
            self.pages_layout.insertWidget(self.pages_layout.count() - 2, label, 0,
                                           Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self.verticalScrollBar().setValue(0)

    def _clear_pages(self) -> None:
        for label in self.page_labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
