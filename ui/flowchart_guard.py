"""The flowchart widget: helper D's FlowchartView when present, else a plain step list.

Both offer `set_definition(defn)`, `set_case_state(current_step, path_steps)` and the signal
`step_selected(int)`, so the rest of the UI does not care which one it got.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget


class FlowchartPlaceholder(QWidget):
    """A readable stand-in: the steps in order, current step bold, the path taken marked."""

    step_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.defn = None
        self.current: int | None = None
        self.path: list[int] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setObjectName("flowchart_steps")
        layout.addWidget(self.list)
        self.list.itemActivated.connect(lambda item: self.step_selected.emit(item.data(Qt.ItemDataRole.UserRole)))

    def set_definition(self, defn) -> None:
        self.defn = defn
        self.current, self.path = None, []
        self._fill()

    def set_case_state(self, current_step: int | None, path_steps) -> None:
        self.current = current_step
        self.path = list(path_steps or [])
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        if self.defn is None:
            return
        for step in self.defn.steps:
            mark = ""
            if step.number == self.current:
                mark = "▶ "
            elif step.number in self.path:
                mark = "✓ "
            kind = {"decision": " ◇", "start": " ●", "end": " ◉"}.get(step.kind, "")
            text = f"{mark}{step.number}. {step.kegiatan}{kind} — {step.lane or '?'}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, step.number)
            if step.number == self.current:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                item.setBackground(QBrush(QColor("#fff3bf")))
            elif step.number in self.path:
                item.setForeground(QBrush(QColor("#1c6b2f")))
            self.list.addItem(item)


def make_flowchart(parent: QWidget | None = None) -> QWidget:
    """The real flowchart view if ui/flowchart_view.py is there, else the placeholder."""
    try:
        from ui.flowchart_view import FlowchartView
    except ImportError:
        return FlowchartPlaceholder(parent)
    return FlowchartView(parent)
