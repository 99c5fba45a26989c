"""The inbox's case pane is built right after the window's first paint, or when first asked
for (start-up, issue 19): until then an empty pane with the same first line stands in the
splitter, so the first screen shows the inbox rows without waiting for the case pane's
tabs, actions and the modules behind them (ui.cases.*)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PendingCasePane(QWidget):
    """Stands for the case pane until it is built; `painted` says the first screen is drawn."""

    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case_pane_pending")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # the case pane's own first line, in its own translation context (ui.cases.view)
        label = QLabel(QCoreApplication.translate("CaseView", "Pilih kasus di kotak masuk."))
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addStretch(1)
        self.was_painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.was_painted:
            self.was_painted = True
            self.painted.emit()
