"""A pane's bold heading without Qt's rich-text machinery (start-up, issue 19).

The first QLabel given rich text (e.g. "<b>Jabatan</b>") makes Qt set up its text-document
classes: ~4 ms of CPU at the window's first screen, where that heading was the only rich text.
A heading that is one bold run of plain words is drawn the same (pixel-equal, measured) as a
plain-text label with a bold font; the translatable text keeps its `<b>…</b>` form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

_OPEN, _CLOSE = "<b>", "</b>"


def heading_label(text: str, parent: QWidget | None = None) -> QLabel:
    """QLabel(text) for a heading: `<b>words</b>` (no other markup or entity) as plain text in
    a bold font; any other text as Qt would show it."""
    inner = text[len(_OPEN):-len(_CLOSE)] if text.startswith(_OPEN) and text.endswith(_CLOSE) else None
    if inner is None or any(c in inner for c in "<>&"):
        return QLabel(text, parent)
    label = QLabel(inner, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = QFont()  # only the weight set: family and size still follow the window's font
    font.setBold(True)
    label.setFont(font)
    return label
