"""List and table views that tell their viewport's width without asking Qt for the viewport.

The first `viewport()` call in a process returns a C++-made widget through a `QWidget*`, which
makes PySide6 create the Python class of every QWidget subclass to find the right one (~11 ms
of start-up, issue 19). A scroll area's `resizeEvent` receives its viewport's resize events, so
these views keep the width from there and announce it; `ui.screen.ColumnFitter` and the inbox's
positions list use it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QListWidget, QTableView


def _estimated_width(view: QAbstractScrollArea) -> int:
    """The viewport's width before its first resize: the view inside its frame."""
    return max(0, view.width() - 2 * view.frameWidth())


class SizedListWidget(QListWidget):
    """A QListWidget whose viewport width is known without `viewport()` (start-up)."""

    viewport_resized = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._viewport_width: int | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:  # the viewport's resize (Qt's rule)
        super().resizeEvent(event)
        self._viewport_width = event.size().width()
        self.viewport_resized.emit()

    def viewport_width(self) -> int:
        """The viewport's width (estimated until it is first resized)."""
        return _estimated_width(self) if self._viewport_width is None else self._viewport_width


class SizedTableView(QTableView):
    """A QTableView whose viewport width is known without `viewport()` (start-up)."""

    viewport_resized = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._viewport_width: int | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:  # the viewport's resize (Qt's rule)
        super().resizeEvent(event)
        self._viewport_width = event.size().width()
        self.viewport_resized.emit()

    def viewport_width(self) -> int:
        """The viewport's width (estimated until it is first resized)."""
        return _estimated_width(self) if self._viewport_width is None else self._viewport_width
