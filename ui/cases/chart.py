"""The case's "Diagram alir" tab, built when first needed: the flowchart pane (and with it
ui.flowchart.view and sop_desktop.flowchart) is not built or imported before the main window's
first paint, only when the tab is first opened or the pane is asked for (issue 19)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QTabWidget, QToolButton, QWidget

if TYPE_CHECKING:
    from ui.flowchart.pane import FlowchartPane
    from ui.flowchart.view import FlowchartView


class CaseChart:
    """Mixin of CaseView: a placeholder tab until the flowchart is first wanted; the case's
    definition, current step and path are kept and given to the pane when it is built."""

    tabs: QTabWidget
    _chart: FlowchartPane | None
    _chart_page: QWidget
    _chart_definition: Any
    _chart_shown: tuple[str, int] | None
    _chart_state: tuple[int | None, list[int]]
    _chart_step_open: bool

    def _add_chart_tab(self, title: str) -> None:
        """The tab "Diagram alir" with an empty page; the pane replaces it when first opened."""
        self._chart = None
        self._chart_definition = None
        self._chart_shown = None
        self._chart_state = (None, [])
        self._chart_step_open = False
        self._chart_page = QWidget()
        self._chart_page.setObjectName("case_flowchart_placeholder")
        self.tabs.addTab(self._chart_page, title)
        self.tabs.currentChanged.connect(self._chart_tab_opened)

    def _chart_tab_opened(self, index: int) -> None:
        if self._chart is None and self.tabs.widget(index) is self._chart_page:
            self._build_chart()

    @property
    def chart_pane(self) -> FlowchartPane:
        """The flowchart pane with its tools (built now if it was not yet)."""
        return self._chart if self._chart is not None else self._build_chart()

    @property
    def flowchart(self) -> FlowchartView:
        return self.chart_pane.view

    @property
    def current_step_button(self) -> QToolButton:
        return self.chart_pane.current_step_button

    @property
    def whole_page_button(self) -> QToolButton:
        return self.chart_pane.whole_page_button

    def _build_chart(self) -> FlowchartPane:
        """Build the pane in place of the placeholder tab and show the kept case state."""
        # deferred for start-up: the flowchart view and its layout engine load on first use
        from ui.flowchart.pane import FlowchartPane

        pane = FlowchartPane(self.tabs, case_tools=True)  # one click: current step up close
        pane.setObjectName("case_flowchart_pane")
        pane.view.setObjectName("case_flowchart")
        self._chart = pane
        index, current = self.tabs.indexOf(self._chart_page), self.tabs.currentIndex()
        title = self.tabs.tabText(index)
        blocked = self.tabs.blockSignals(True)  # the swap is not a change of tab
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, pane, title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(blocked)
        self._chart_page.deleteLater()
        self._chart_page = pane
        self._chart_shown = None
        self._apply_chart()
        return pane

    def set_chart(self, definition: Any, current: int | None, path: list[int],
                  step_open: bool) -> None:
        """What the flowchart shows: the case's SOP, its current step and the path taken;
        kept until the pane is built, drawn at once when it is."""
        self._chart_definition = definition
        self._chart_state = (current, list(path))
        self._chart_step_open = step_open
        if self._chart is not None:
            self._apply_chart()

    def _apply_chart(self) -> None:
        pane, definition = self._chart, self._chart_definition
        if pane is None:
            return
        key = (definition.code, definition.version) if definition is not None else None
        if key is None or self._chart_shown != key:  # drawing costs: redraw only a new SOP
            pane.set_definition(definition)
            self._chart_shown = key
        pane.set_case_state(*self._chart_state)
        pane.current_step_button.setEnabled(self._chart_step_open)
