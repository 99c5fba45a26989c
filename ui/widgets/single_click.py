"""One press is one action: a filter that swallows a button's double-click event."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


class SingleClickOnly(QObject):
    """An event filter that swallows a button's double-click event: the second half of a
    double click then never presses the button again (on the step shown after the first).
    Kept out of ui.cases.view so the window's toolbar gets it before the case pane is built."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.MouseButtonDblClick
