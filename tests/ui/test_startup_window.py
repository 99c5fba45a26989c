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


def _active_before_any_event(window) -> None:
    """Make the window the active one at once, before the event loop runs (so before its
    first paint): Qt's own activation would first process the queued events."""
    import warnings

    from PySide6.QtWidgets import QApplication

    with warnings.catch_warnings():  # deprecated in Qt 6, still the only synchronous way
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(window)


def _unpainted(qtbot, services, settings):
    """A window shown and active whose first paint has not happened yet (made in the test's
    body: pytest-qt runs the event loop between a fixture and the test)."""
    from ui.main_window import MainWindow

    ani = make_user(services, "ani", "operator", ["Petugas Yankomas"], "Ani Operator")
    change = services.cases.open_case(YANKOMAS, ani, {"nama_pengadu": "Rahmat Pengadu",
                                                      "pokok_aduan": "Aduan"})
    win = MainWindow(services, settings, ani)
    qtbot.addWidget(win)
    win.show()
    _active_before_any_event(win)
    win.setProperty("test_case_id", change.case_ids[0])
    return win


def test_shortcuts_work_before_the_deferred_part_is_built(qtbot, ui_services, app_settings):
    win = _unpainted(qtbot, ui_services, app_settings)
    try:
        _shortcuts_before_and_after_the_first_paint(qtbot, win)
    finally:
        win.shutdown()


def _shortcuts_before_and_after_the_first_paint(qtbot, win) -> None:
    from PySide6.QtTest import QTest

    from ui.sops.browser import SopBrowser

    page = win.inbox
    assert page.built_case_view is None and win._pending_icons  # nothing deferred built yet
    QTest.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F
    assert page.search.hasFocus()
    QTest.keyClick(win, Qt.Key.Key_F5)  # muat ulang: the case pane is not needed for it
    assert win.statusBar().currentMessage() == "Dimuat ulang"
    QTest.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Ctrl+2
    assert isinstance(win.tabs.currentWidget(), SopBrowser)
    QTest.keyClick(win, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Ctrl+1
    assert win.tabs.currentWidget() is page
    assert page.built_case_view is None  # still not built: it comes after the first paint
    qtbot.waitUntil(lambda: page.built_case_view is not None and not win._pending_icons)
    case_id = win.property("test_case_id")
    page.select_case(case_id)  # its row chosen: the case pane shows it and its actions
    assert page.case_view.case is not None and page.case_view.case.id == case_id
    assert win.current_case_id() == case_id
    assert win.act_letter.isEnabled()


def test_the_case_pane_and_the_icons_come_right_after_the_first_paint(
        qtbot, ui_services, app_settings):
    win = _unpainted(qtbot, ui_services, app_settings)
    try:
        _deferred_after_the_first_paint(qtbot, win)
    finally:
        win.shutdown()


def _deferred_after_the_first_paint(qtbot, win) -> None:
    from ui.cases.view import CaseView
    from ui.inbox.case_slot import PendingCasePane
    from ui.window_icons import blank_icon

    page = win.inbox
    at_paint = []
    page.first_painted.connect(lambda: at_paint.append(
        (type(page.splitter.widget(2)), page.built_case_view,
         win.act_finish.icon().cacheKey() == blank_icon().cacheKey())))
    qtbot.waitUntil(lambda: page.built_case_view is not None and not win._pending_icons)
    # first drawn: the stand-in pane (its first line is the case pane's) and blank icons
    assert at_paint == [(PendingCasePane, None, True)]
    assert page.splitter.widget(2) is page.case_view and isinstance(page.case_view, CaseView)
    assert page.splitter.count() == 3
    assert page.case_view.sizePolicy().horizontalStretch() == 3  # the slot's share, kept
    icon = win.act_finish.icon()
    assert not icon.isNull() and icon.cacheKey() != blank_icon().cacheKey()
    button = win.toolbar.widgetForAction(win.act_finish)
    assert button is not None and button.icon().cacheKey() == icon.cacheKey()


def test_asking_for_the_case_pane_builds_it_at_once(qtbot, ui_services, app_settings):
    """A window never painted (e.g. built for a dialog's parent) builds its case pane when a
    case is shown, and a refresh before that does not build it."""
    from ui.main_window import MainWindow

    ani = make_user(ui_services, "ani", "operator", ["Petugas Yankomas"], "Ani Operator")
    case_id = ui_services.cases.open_case(YANKOMAS, ani, {"nama_pengadu": "Sari Pengadu",
                                                          "pokok_aduan": "Aduan"}).case_ids[0]
    win = MainWindow(ui_services, app_settings, ani)
    qtbot.addWidget(win)
    try:
        win.refresh()
        assert win.inbox.built_case_view is None and win.current_case_id() is None
        win.inbox.select_case(case_id)
        assert win.inbox.built_case_view is not None
        assert win.inbox.case_view.case.id == case_id
    finally:
        win.shutdown()


def test_the_inbox_brushes_are_those_of_qbrush_of_the_colour():
    """The overdue and sifat colours are built without QBrush(color) (start-up): the same."""
    from PySide6.QtGui import QBrush

    from ui.inbox.model import OVERDUE_BG, OVERDUE_BG_BRUSH, OVERDUE_FG, OVERDUE_FG_BRUSH

    assert OVERDUE_BG_BRUSH == QBrush(OVERDUE_BG) and OVERDUE_FG_BRUSH == QBrush(OVERDUE_FG)
    assert OVERDUE_BG_BRUSH.style() == Qt.BrushStyle.SolidPattern


def test_the_start_pauses_the_cyclic_collector_until_the_first_screen_is_complete(
        qtbot, ui_services, app_settings):
    """ui.launch pauses Python's cyclic collector from `load_qt` to the first screen (start-up,
    issue 19): the window's first paint and the deferred part run without it, then it runs
    again with what the start made frozen out of later collections."""
    import gc

    from ui.launch import pause_collector, resume_collector

    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    pause_collector()
    try:
        assert not gc.isenabled()
        win = _unpainted(qtbot, ui_services, app_settings)
        try:
            page = win.inbox
            assert not gc.isenabled()  # built: still paused until the first screen is complete
            qtbot.waitUntil(lambda: page.built_case_view is not None and not win._pending_icons)
            assert gc.isenabled() and gc.get_freeze_count() > frozen
            resume_collector()  # a second end of the pause changes nothing
            assert gc.isenabled()
        finally:
            win.shutdown()
    finally:
        resume_collector()
        gc.unfreeze()  # this test process builds many more windows


def test_the_log_in_dialog_ends_the_start_pause(qtbot, ui_services, app_settings):
    """The start waits for a person at the log-in dialog: the collector runs again there, and
    an application that ends before any window resumes it too."""
    import gc

    from ui.app import AppController
    from ui.launch import pause_collector, resume_collector

    make_user(ui_services, "admin", "administrator", [], "Siti Admin")
    pause_collector()
    controller = AppController(ui_services, app_settings)
    try:
        assert not gc.isenabled()
        controller.show_login()
        assert gc.isenabled()
    finally:
        resume_collector()
        gc.unfreeze()
        dialog = controller.dialog
        if dialog is not None:
            dialog.close()  # (its `finished` clears controller.dialog)
            dialog.deleteLater()
