"""The inbox table: filter by SOP and status, sort, search as you type, overdue said in text;
every table model passes qtmodeltester; the lazy model holds only the pages it showed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.ui.support import YANKOMAS, make_user, wait_idle

pytestmark = pytest.mark.usefixtures("no_widgets_left")

OTHER = "YANKOMAS-BENGKULU"


@pytest.fixture
def window(qtbot, ui_services, app_settings):
    """An operator's main window over a few cases of two SOPs, one of them overdue."""
    from sop_desktop.storage import db as dbm
    from ui.main_window import MainWindow

    svc = ui_services
    ani = make_user(svc, "ani", "operator", ["Petugas Yankomas"], "Ani Operator")
    names = ["Rahmat", "Sari", "Budi", "Wati", "Joko"]
    for i, name in enumerate(names):
        code = YANKOMAS if i % 2 == 0 else OTHER
        fields = {"nama_pengadu": f"{name} Pengadu", "pokok_aduan": f"Aduan nomor {i}"}
        svc.cases.open_case(code, ani, fields, at=dbm.now_local() - dt.timedelta(minutes=5 - i),
                            intake_done=False)  # waiting on the public's step (counts below)
    # the first case is overdue: its step was due yesterday
    first = dbm.Case.select().order_by(dbm.Case.id).first()
    dbm.Case.update(current_due=dbm.now_local() - dt.timedelta(days=1)).where(
        dbm.Case.id == first.id).execute()
    win = MainWindow(svc, app_settings, ani)
    qtbot.addWidget(win)
    win.show()
    win.inbox.set_scope("all")
    yield win
    win.shutdown()


def column_texts(page, column: int) -> list[str]:
    model = page.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_filter_sort_search(qtbot, window):
    page = window.inbox
    assert page.model.rowCount() == 5
    # overdue: colour AND text
    status = column_texts(page, 6)
    assert status.count("Terlambat") == 1
    row = status.index("Terlambat")
    index = page.model.index(row, 5)
    assert page.model.data(index).startswith("⚠")
    assert page.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    # filter by SOP
    page.sop_filter.setCurrentIndex(page.sop_filter.findData(OTHER))
    assert set(column_texts(page, 1)) == {OTHER} and page.model.rowCount() == 2
    page.sop_filter.setCurrentIndex(0)
    # filter by status
    page.status_filter.setCurrentIndex(page.status_filter.findData("terlambat"))
    assert page.model.rowCount() == 1
    page.status_filter.setCurrentIndex(page.status_filter.findData("selesai"))
    assert page.model.rowCount() == 0
    page.status_filter.setCurrentIndex(page.status_filter.findData(""))
    assert page.model.rowCount() == 5
    # sort by clicking the header: applicant column, both ways
    header = page.table.horizontalHeader()
    header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)
    received = column_texts(page, 2)
    assert received == sorted(received)
    header.setSortIndicator(4, Qt.SortOrder.DescendingOrder)
    numbers_by_received_desc = column_texts(page, 0)
    header.setSortIndicator(4, Qt.SortOrder.AscendingOrder)
    assert column_texts(page, 0) == list(reversed(numbers_by_received_desc))
    # search as you type (debounced): by name and by agenda number
    qtbot.keyClicks(page.search, "wati")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert column_texts(page, 2) == ["Wati Pengadu"]
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5)
    number = column_texts(page, 0)[3]
    qtbot.keyClicks(page.search, number[:4])
    qtbot.waitUntil(lambda: page.model.rowCount() <= 2)
    assert number in column_texts(page, 0)
    assert page.count_label.text().startswith(str(page.model.rowCount()))


def test_positions_panel_counts(qtbot, window):
    from sop_desktop.storage import db as dbm

    page = window.inbox
    texts = [page.scopes.item(i).text() for i in range(page.scopes.count())]
    masyarakat = [t for t in texts if t.startswith("Masyarakat")]
    assert masyarakat and "5 berjalan" in masyarakat[0] and "1 terlambat" in masyarakat[0]
    assert dbm.Case.select().count() == 5


def test_every_table_model_passes_qtmodeltester(qtbot, qtmodeltester, window, ui_services):
    from ui.dialogs.admin import AdminDialog

    page = window.inbox
    qtmodeltester.check(page.model, force_py=True)
    page.table.selectRow(0)
    view = page.case_view
    view.attach_files([__file__])
    wait_idle(qtbot, view)
    qtmodeltester.check(view.history_model, force_py=True)
    qtmodeltester.check(view.attachments.model, force_py=True)
    window.tabs.setCurrentWidget(window.sops)
    window.sops.select_code(YANKOMAS)
    qtmodeltester.check(window.sops.model, force_py=True)
    qtmodeltester.check(window.sops.proxy, force_py=True)
    qtmodeltester.check(window.sops.detail.steps_model, force_py=True)
    admin = AdminDialog(ui_services, window.user, window)
    qtbot.addWidget(admin)
    qtmodeltester.check(admin.users.model, force_py=True)
    qtmodeltester.check(admin.positions.model, force_py=True)
    admin.close()


@pytest.mark.slow
def test_lazy_model_at_100000_cases(qtbot, ui_services):
    """The model counts 100,000 rows but reads only the pages the view asks for."""
    from sop_desktop.services.inbox import InboxQuery
    from sop_desktop.storage import db as dbm
    from ui.inbox.model import MAX_PAGES, PAGE_SIZE, InboxModel

    svc = ui_services
    ani = make_user(svc, "ani", "operator", ["Petugas Yankomas"])
    svc.cases.open_case(YANKOMAS, ani, {"nama_pengadu": "Satu", "pokok_aduan": "x"})
    template = dbm.Case.select().first()
    # due when its step started: first in due order whatever the clock (opened on a Friday
    # evening its real due would sit past the rows `row_index` searches)
    dbm.Case.update(current_due=template.step_started_at).where(
        dbm.Case.id == template.id).execute()
    # 99,999 more cases in one statement (SQLite's recursive CTE: fast, no Python loop)
    dbm.database.execute_sql(
        'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 99999) '
        'INSERT INTO "cases" (number, sop_version_id, sop_code, year, seq, status, current_step, '
        'current_lane, current_position_id, step_started_at, current_due, fields, created_by_id, '
        'created_at, recorded_at, updated_at) '
        "SELECT 'B-' || printf('%06d', i), ?, ?, 2026, i + 10, 'berjalan', 1, ?, ?, "
        "?, datetime(?, '+' || i || ' minutes'), json_object('nama_pengadu', 'Pengadu ' || i), "
        '?, ?, ?, ? FROM n',
        (template.sop_version_id, YANKOMAS, template.current_lane, template.current_position_id,
         template.step_started_at, template.step_started_at, ani.id, template.created_at,
         template.created_at, template.created_at))
    model = InboxModel(svc.inbox)
    model.set_filter(InboxQuery(position_ids=None))
    assert model.rowCount() == 100_000
    assert model.pages == {}
    last = model.data(model.index(99_999, 0))
    assert last and model.data(model.index(0, 0))
    assert len(model.pages) == 2
    for page_number in range(MAX_PAGES + 5):  # more pages than the cache keeps
        model.data(model.index(page_number * PAGE_SIZE, 2))
    assert len(model.pages) <= MAX_PAGES
    assert model.row_of(template.id) is not None


def test_inbox_model_stays_valid_while_filtered_sorted_searched(qtbot, qtmodeltester, window):
    """The model tester stays connected: every reset below is checked again."""
    page = window.inbox
    qtmodeltester.check(page.model, force_py=True)
    page.sop_filter.setCurrentIndex(page.sop_filter.findData(OTHER))
    page.status_filter.setCurrentIndex(page.status_filter.findData(""))
    for column in range(page.model.columnCount()):
        page.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    page.search.setText("Sari")
    page.apply_filter()
    assert column_texts(page, 2) == ["Sari Pengadu"]
    page.search.setText("tidak ada yang cocok")
    page.apply_filter()
    assert page.model.rowCount() == 0
    assert page.model.data(page.model.index(0, 0)) is None  # past the end: nothing, no error


def test_overdue_text_stays_in_view_on_a_small_screen(qtbot, window):
    """1366×768 at 125 % leaves about 1093×614: the due time and the status text must still be
    on screen (overdue is said in words, not colour alone); the SOP column gives way first."""
    from PySide6.QtWidgets import QApplication

    window.resize(1093, 614)
    QApplication.processEvents()
    page = window.inbox
    table = page.table
    header = table.horizontalHeader()
    for column in (0, 3, 5, 6):  # number, step, due, status
        assert not table.isColumnHidden(column)
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert 0 <= header.sectionViewportPosition(column) and right <= table.viewport().width()
    assert table.isColumnHidden(1)  # the SOP code: named in the filter and the case pane
    assert not table.horizontalScrollBar().isVisible()
    overdue = column_texts(page, 6).index("Terlambat")
    cell = table.visualRect(page.model.index(overdue, 6))
    assert cell.right() <= table.viewport().width()
    # a wide screen shows every column again
    window.resize(1900, 1000)
    QApplication.processEvents()
    assert not any(table.isColumnHidden(c) for c in range(page.model.columnCount()))


def test_column_widths_are_shared_out():
    from ui.screen import share_width

    specs = [(100, 50, 0), (200, 100, 1), (80, 80, 0)]
    assert share_width(380, specs) == [100, 200, 80]
    assert share_width(480, specs) == [100, 300, 80]  # spare width to the growing column
    narrow = share_width(300, specs)
    assert narrow[2] == 80 and sum(narrow) <= 300 and narrow[0] >= 50 and narrow[1] >= 100
    assert share_width(100, specs) == [50, 100, 80]  # never below the minimums


def test_english_interface_and_dates(qtbot, qapp, ui_services, app_settings):
    """English selected: the window's strings come from the built .qm, dates are English."""
    import datetime as dt

    from PySide6.QtWidgets import QDialogButtonBox

    from sop_desktop.storage import db as dbm
    from ui.i18n import Translations, datetime_text, ui_language
    from ui.main_window import MainWindow

    svc = ui_services
    ani = make_user(svc, "ani", "operator", ["Petugas Yankomas"], "Ani Operator")
    svc.cases.open_case(YANKOMAS, ani, {"nama_pengadu": "Rahmat", "pokok_aduan": "Aduan",
                                        "tanggal_surat_masuk": "2026-05-04"},
                        at=dt.datetime(2026, 5, 4, 9, 5))
    dbm.Case.update(current_due=dbm.now_local() - dt.timedelta(days=1)).execute()
    translations = Translations(qapp)
    assert translations.apply("en")
    try:
        assert ui_language() == "en"
        assert datetime_text(dt.datetime(2026, 5, 4, 9, 5)) == "4 May 2026 09:05"
        win = MainWindow(svc, app_settings, ani)
        qtbot.addWidget(win)
        win.show()
        page = win.inbox
        page.set_scope("all")
        assert win.tabs.tabText(0) == "Inbox"
        assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Agenda number"
        assert column_texts(page, 6) == ["Overdue"]
        page.table.selectRow(0)
        view = page.case_view
        assert view.findChild(type(view.header), "value_tanggal_surat_masuk").text() == "4 May 2026"
        assert "Overdue" in view.header.text() and view.finish_button.text() == "Done"
        texts = [view.history_model.cell_text(e, 0) for e in view.history_model.rows]
        assert texts[0] == "4 May 2026 09:05"
        win.shutdown()
        win.close()
        # back to Indonesian: Qt's own standard buttons are Indonesian too (sop_desktop_id.ts)
        assert translations.apply("id")
        assert ui_language() == "id"
        assert datetime_text(dt.datetime(2026, 5, 4, 9, 5)) == "4 Mei 2026 09.05"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel |
                               QDialogButtonBox.StandardButton.Save)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"
        assert box.button(QDialogButtonBox.StandardButton.Save).text() == "Simpan"
        box.deleteLater()
    finally:
        translations.remove()


def test_every_interface_string_has_an_english_translation(tmp_path):
    """lupdate over ui/*.py finds no string without its English text in the .ts."""
    import shutil

    from ui.build_translations import lupdate_command, untranslated, update_sources
    from ui.i18n import ts_path

    if not lupdate_command().exists():
        pytest.skip("pyside6-lupdate tidak terpasang")
    ts = tmp_path / "en.ts"
    shutil.copyfile(ts_path("en"), ts)
    update_sources([ts])
    missing = untranslated(ts)
    assert not missing, "belum diterjemahkan (python -m ui.build_translations --update):\n" \
        + "\n".join(missing)


# ----- search off the UI thread (smooth at 100,000 cases: benchmarks/bench_inbox_search.py)

class _GatedRead:
    """Stands in for the model's worker read: records each search it is asked for and holds
    the ones named in `hold` until released (a slow search, deterministically)."""

    def __init__(self, model, hold=()):
        import threading

        self.real = model.read
        self.asked: list[str] = []
        self.hold = set(hold)
        self.gate = threading.Event()

    def __call__(self, flt, page_size):
        self.asked.append(flt.search)
        if flt.search in self.hold:
            self.gate.wait(10)  # never hangs the suite, even when a test fails first
        return self.real(flt, page_size)


def _applied_searches(model) -> list[str]:
    """The search text of every result swapped into the model from now on."""
    seen: list[str] = []
    model.modelReset.connect(lambda: seen.append(model.filter.search))
    return seen


def test_typing_quickly_shows_one_result_for_the_last_text(qtbot, window):
    page = window.inbox
    model = page.model
    applied = _applied_searches(model)
    qtbot.keyClicks(page.search, "Wati Pen")
    with qtbot.waitSignal(model.loaded, timeout=5000):
        pass
    qtbot.waitUntil(lambda: not model.loading())
    assert applied and applied[-1] == "Wati Pen" and set(applied) == {"Wati Pen"}
    assert column_texts(page, 2) == ["Wati Pengadu"]
    assert page.count_label.text().startswith("1 ")
    # every pause fires a search: with one still being read, only the last text is read next
    read = _GatedRead(model, hold={"S"})
    model.read = read
    del applied[:]
    try:
        page.search.setText("")
        page.apply_filter()
        del applied[:]
        for text in ("S", "Sa", "Sar", "Sari"):
            page.search.setText(text)
            page.search_later()  # as the debounce timer does after each pause
            assert model.loading()
    finally:
        read.gate.set()
    qtbot.waitUntil(lambda: not model.loading(), timeout=5000)
    assert read.asked == ["S", "Sari"]  # "Sa" and "Sar" were superseded before being read
    assert applied == ["Sari"]  # the result for "S" arrived after "Sari" was asked: dropped
    assert column_texts(page, 2) == ["Sari Pengadu"]


def test_a_stale_slow_search_does_not_overwrite_a_newer_result(qtbot, window):
    page = window.inbox
    model = page.model
    read = _GatedRead(model, hold={"Rahmat"})
    model.read = read
    applied = _applied_searches(model)
    try:
        page.search.setText("Rahmat")
        page.search_later()
        qtbot.waitUntil(lambda: read.asked == ["Rahmat"])  # the slow one is being read
        page.search.setText("Budi")
        page.apply_filter()  # Enter-like: shown at once, on this thread
        assert column_texts(page, 2) == ["Budi Pengadu"]
        assert model.loading() is False
    finally:
        read.gate.set()
    qtbot.waitUntil(lambda: not page.runner.busy(), timeout=5000)
    qtbot.wait(50)  # let any queued result be delivered
    assert applied == ["Budi"] and column_texts(page, 2) == ["Budi Pengadu"]
    assert page.table.viewport().cursor().shape() != Qt.CursorShape.BusyCursor


def test_search_results_keep_the_order_and_the_selection(qtbot, qtmodeltester, window):
    """A search's rows come as an ordered list of ids: the same rows in the same order as the
    paged query, for every sort key both ways; the model tester checks every swap."""
    from sop_desktop.services.inbox_query import SORT_KEYS

    page = window.inbox
    inbox = window.services.inbox
    model = page.model
    qtmodeltester.check(model, force_py=True)
    page.status_filter.setCurrentIndex(page.status_filter.findData(""))
    page.table.selectRow(2)
    selected = page.selected_case_id()
    for key in SORT_KEYS:
        for descending in (False, True):
            flt = page.build_filter()
            flt.search, flt.sort, flt.descending = "pengadu", key, descending
            snap = inbox.snapshot(flt, 3)
            paged = [r.case_id for r in inbox.page_of(flt, 0, 10)]
            assert snap.ids == paged and snap.total == len(paged) == 5
            assert [r.case_id for r in snap.first_page] == paged[:3]
    qtbot.keyClicks(page.search, "pengadu")  # matches every case: the selection stays
    qtbot.waitUntil(lambda: model.ids is not None and not model.loading(), timeout=5000)
    assert model.rowCount() == 5 and page.selected_case_id() == selected
    header = page.table.horizontalHeader()
    header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)  # re-read off the UI thread
    qtbot.waitUntil(lambda: not model.loading(), timeout=5000)
    names = column_texts(page, 2)
    assert names == sorted(names, reverse=True) and len(names) == 5
    assert model.row_of(selected) is not None and model.row_of(-1) is None
    # with search text, a filter chosen is read off the UI thread too
    page.sop_filter.setCurrentIndex(page.sop_filter.findData(OTHER))
    assert model.loading()
    qtbot.waitUntil(lambda: not model.loading(), timeout=5000)
    assert set(column_texts(page, 1)) == {OTHER} and model.rowCount() == 2


def test_no_search_thread_is_left_behind(qtbot, window):
    page = window.inbox
    model = page.model
    read = _GatedRead(model, hold={"Joko"})
    model.read = read
    applied = _applied_searches(model)
    page.search.setText("Joko")
    page.search_later()
    qtbot.waitUntil(lambda: read.asked == ["Joko"])
    read.gate.set()
    window.shutdown()  # waits for the runner's threads, then drops what they bring back
    assert page.runner.pool.activeThreadCount() == 0
    qtbot.wait(50)  # the finished read's result is delivered now, and dropped
    assert applied == [] and not model.loading() and not page.runner.busy()
