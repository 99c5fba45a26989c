"""The main window's standard icons (QStyle), drawn right after its first paint (start-up,
issue 19): QStyle's Python class with its ~30 enums costs ~10 ms to create and nothing on the
first screen needs it sooner; until then a blank icon of the same size keeps the toolbar's
layout as it will be."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QPixmap
from PySide6.QtWidgets import QWidget

_blank: dict[int, QIcon] = {}


def blank_icon(size: int = 20) -> QIcon:
    """A transparent square icon: the place of a standard icon until it is drawn."""
    if size not in _blank:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        _blank[size] = QIcon(pixmap)
    return _blank[size]


def set_standard_icons(widget: QWidget, pending: list[tuple[QAction, str]]) -> None:
    """Give each action the standard icon named (a QStyle.StandardPixmap member's name) in
    `widget`'s style."""
    from PySide6.QtWidgets import QStyle  # deferred for start-up, see above

    style = widget.style()
    for action, name in pending:
        action.setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, name)))
