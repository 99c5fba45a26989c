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


class _ViewportWidth:
    """Keeps the viewport's width from its resize events (a scroll area's `resizeEvent`
    receives the viewport's) and announces it by `viewport_resized`; mixed into Qt views."""

    viewport_resized = Signal()
    _viewport_width: int | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:  # the viewport's resize (Qt's rule)
        super().resizeEvent(event)  # type: ignore[misc]
        self._viewport_width = event.size().width()
        self.viewport_resized.emit()  # type: ignore[call-overload]  # (on the Qt view)

    def viewport_width(self) -> int:
        """The viewport's width (before its first resize: the view inside its frame)."""
        if self._viewport_width is None:
            view: QAbstractScrollArea = self  # type: ignore[assignment]
            return max(0, view.width() - 2 * view.frameWidth())
        return self._viewport_width


class SizedListWidget(_ViewportWidth, QListWidget):
    """A QListWidget whose viewport width is known without `viewport()` (start-up)."""


class SizedTableView(_ViewportWidth, QTableView):
    """A QTableView whose viewport width is known without `viewport()` (start-up)."""
