"""The inbox's table and positions list follow their viewport's width without asking Qt for
the viewport (ui.widgets.sized_views: start-up, issue 19): the columns fill the width seen,
with and without a vertical scroll bar, and the positions' names re-wrap when the pane narrows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QSplitter

from ui.screen import fit_columns
from ui.widgets.sized_views import SizedListWidget, SizedTableView


def _table(qtbot, rows: int) -> SizedTableView:
    table = SizedTableView()
    model = QStandardItemModel(rows, 3, table)
    for r in range(rows):
        model.setItem(r, 0, QStandardItem(f"baris {r}"))
    table.setModel(model)
    qtbot.addWidget(table)
    return table


def test_column_fitter_uses_the_reported_viewport_width(qtbot) -> None:
    for rows in (1, 400):  # without, then with a vertical scroll bar
        table = _table(qtbot, rows)
        fitter = fit_columns(table, [(80, 40, 1), (120, 60, 2), (60, 60, 0)])
        table.resize(700, 300)
        table.show()
        qtbot.waitExposed(table)
        qtbot.waitUntil(lambda t=table: t.viewport_width() == t.viewport().width())
        assert abs(sum(table.columnWidth(c) for c in range(3)) - table.viewport().width()) <= 1
        wide = table.columnWidth(1)
        table.resize(900, 300)
        qtbot.waitUntil(lambda t=table: t.viewport_width() == t.viewport().width())
        qtbot.waitUntil(lambda t=table, w=wide: t.columnWidth(1) > w)
        assert abs(sum(table.columnWidth(c) for c in range(3)) - table.viewport().width()) <= 1
        assert not fitter.user_widths  # the fitter's own widths are not taken as the user's
        table.close()


def test_list_reports_its_viewport_width_on_resize(qtbot) -> None:
    view = SizedListWidget()
    qtbot.addWidget(view)
    seen: list[int] = []
    view.viewport_resized.connect(lambda: seen.append(view.viewport_width()))
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    assert view.viewport_width() == view.viewport().width()
    view.resize(180, 200)
    qtbot.waitUntil(lambda: view.viewport_width() == view.viewport().width() and seen[-1] < 200)


def test_positions_rewrap_when_the_pane_narrows(window, qtbot) -> None:
    page = window.inbox
    window.resize(1366, 740)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: page.width() > 1200)
    splitter: QSplitter = page.splitter
    name = "Kepala Seksi Pelayanan Hukum Umum"
    page.scopes.item(0).setData(Qt.ItemDataRole.UserRole + 1, (name, "1 berjalan"))
    sizes = splitter.sizes()
    splitter.setSizes([400, sizes[1] + sizes[0] - 400, sizes[2]])
    qtbot.waitUntil(lambda: page.scopes.viewport().width() > 350, timeout=2000)
    qtbot.waitUntil(lambda: page.scopes.item(0).text().count("\n") == 1)  # one line + counts
    splitter.setSizes([120, sizes[1] + sizes[0] - 120, sizes[2]])
    qtbot.waitUntil(lambda: page.scopes.item(0).text().count("\n") == 2)  # two lines + counts
    assert page.scopes.viewport_width() == page.scopes.viewport().width()
