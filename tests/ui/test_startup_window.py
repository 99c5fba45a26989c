"""Start-up of the main window (issue 19): the SOP library page is built when first shown,
and the inbox measures its columns once per set of rows, not at every resize."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sop_desktop.services.changes import Changes
from tests.ui.support import YANKOMAS, make_user

pytestmark = pytest.mark.usefixtures("no_widgets_left")


@pytest.fixture
def window(qtbot, ui_services, app_settings):
    from ui.main_window import MainWindow

    ani = make_user(ui_services, "ani", "operator", ["Petugas Yankomas"], "Ani Operator")
    for name in ("Rahmat", "Sari"):
        ui_services.cases.open_case(YANKOMAS, ani, {"nama_pengadu": f"{name} Pengadu",
                                                    "pokok_aduan": "Aduan"})
    win = MainWindow(ui_services, app_settings, ani)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()


def test_the_sop_library_is_built_when_first_shown(qtbot, window):
    from ui.sops.browser import SopBrowser

    assert window._sops is None and window.tabs.count() == 2
    window.data_changed.emit(Changes(sops=True))  # nothing to reload yet: still not built
    assert window._sops is None
    assert window.tabs.tabText(1) == "Pustaka SOP"
    window.tabs.setCurrentIndex(1)  # the clerk clicks the tab
    page = window.tabs.currentWidget()
    assert isinstance(page, SopBrowser) and page is window.sops
    assert window.tabs.count() == 2 and window.tabs.tabText(1) == "Pustaka SOP"
    assert page.select_code(YANKOMAS)
    window.act_inbox.trigger()
    assert window.tabs.currentWidget() is window.inbox
    window.act_sops.trigger()  # Ctrl+2: the same page, not a second one
    assert window.tabs.currentWidget() is page and window.tabs.count() == 2


def test_asking_for_the_library_keeps_the_inbox_in_front(qtbot, window):
    assert window.tabs.currentWidget() is window.inbox
    browser = window.sops  # e.g. an import selecting its SOP
    assert window.tabs.currentWidget() is window.inbox and window.tabs.indexOf(browser) == 1


def test_inbox_columns_are_measured_once_per_set_of_rows(qtbot, window):
    page = window.inbox
    qtbot.waitUntil(lambda: page._specs is not None)
    specs = page._specs
    for width in (1000, 1366, 1200):
        window.resize(width, 700)
        qtbot.wait(20)
        assert page._specs is specs  # a resize shares the same widths out anew
    widths = [page.table.columnWidth(c) for c in range(page.model.columnCount())]
    assert widths[0] >= specs[0][1]  # the agenda number is still whole
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # other rows: measured again
    assert page._specs is not specs
