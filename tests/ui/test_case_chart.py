"""The case pane's flowchart is built when its tab is first opened, not with the window
(start-up, issue 19), and then shows the case that is selected: its SOP, current step, path."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from tests.ui.support import KAKANWIL, make_user, show, yankomas_at

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def office(ui_services):
    return {"ani": make_user(ui_services, "ani", "operator", ["Petugas Yankomas"], "Ani"),
            "kakanwil": make_user(ui_services, "kakanwil", "pejabat", [KAKANWIL], "Kakanwil")}


def test_the_flowchart_tab_is_built_when_first_opened_and_shows_the_selected_case(
        qtbot, ui_services, office, window_for):
    number = yankomas_at(ui_services, office, 2)
    win = window_for(office["kakanwil"])
    view = show(win, number)
    assert view.case.number == number
    assert view.findChild(QWidget, "case_flowchart_pane") is None  # not built for the window
    assert view.tabs.tabText(1) == "Diagram alir"
    view.tabs.setCurrentIndex(1)  # the user opens the tab
    pane = view.findChild(QWidget, "case_flowchart_pane")
    assert pane is not None and view.tabs.widget(1) is pane and view.tabs.currentIndex() == 1
    assert pane.isVisible() and view.flowchart.isVisible()  # shown in the open tab
    assert view.tabs.count() == 4 and view.tabs.tabText(1) == "Diagram alir"
    assert view.flowchart.highlighted_steps()[2] == "current"
    assert view.flowchart.highlighted_steps()[1] == "path"
    assert view.current_step_button.isEnabled()
    # the next case shown (here none) reaches the built pane at once
    view.show_case(None)
    assert not view.current_step_button.isEnabled() and pane.defn is None
    view.show_case(ui_services.cases.get(number).id)
    assert view.chart_pane is pane and pane.defn.code == view.defn.code
    assert view.flowchart.highlighted_steps()[2] == "current"
