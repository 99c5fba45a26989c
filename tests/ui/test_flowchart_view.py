"""The Qt flowchart view (offscreen): a projection of the layout that answers clicks and hovers."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QFontMetricsF  # noqa: E402

from sop_desktop.flowchart.layout import text_width  # noqa: E402
from tests.core.flowchart_support import co_actors, immigration, sigap, yankomas  # noqa: E402
from ui.flowchart.view import PAGE_GAP, SELECT_PEN, TEXT_SCALE, FlowchartView, SymbolItem, qt_font  # noqa: E402


@pytest.fixture
def view(qtbot):
    widget = FlowchartView()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _symbols(view, co=False):
    return [item for item in view.scene().items() if isinstance(item, SymbolItem) and item.co == co]


def test_one_symbol_item_per_step_for_every_sop(view, services):
    sops = list(services.sops.latest_all()) + [immigration(), yankomas(), sigap(), co_actors()]
    for defn in sops:
        view.set_definition(defn)
        assert len(_symbols(view)) == len(defn.steps), defn.code
        assert sorted(view.symbol_items) == sorted(s.number for s in defn.steps)
        copies = view.sop_layout.co_symbols()
        assert len(_symbols(view, co=True)) == len(copies)
        assert sorted(n for n, items in view.co_items.items() for _ in items) == \
            sorted(c.step for c in copies)


def test_scene_is_the_layout_projected(view):
    defn = immigration()
    view.set_definition(defn)
    layout = view.sop_layout
    # the printed document's layout; the screen shows its flowchart pages only, with the same
    # page numbers as on paper
    assert layout.pages[0].kind == "identity"
    pages = [item for item in view.scene().items() if type(item).__name__ == "PageItem"]
    assert sorted(item.page.number for item in pages) == [p.number for p in layout.flow_pages]
    assert layout.flow_pages[0].number == 2
    for i, page in enumerate(layout.flow_pages):
        dy = i * (page.height + PAGE_GAP)
        for sym in page.symbols:
            rect = view.symbol_items[sym.step].path().boundingRect()
            assert abs(rect.x() - sym.rect.x) < 0.01 and abs(rect.y() - (sym.rect.y + dy)) < 0.01
            assert abs(rect.width() - sym.rect.w) < 0.01
    arrows = sum(len(items) for items in view.arrow_items.values())
    assert arrows == len(layout.arrows())


def test_click_on_a_symbol_emits_its_step(view, qtbot):
    view.set_definition(yankomas())
    for number in (1, 6, 11):
        item = view.symbol_items[number]
        view.centerOn(item)
        pos = view.mapFromScene(item.sceneBoundingRect().center())
        with qtbot.waitSignal(view.step_selected, timeout=2000) as blocker:
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert blocker.args == [number]
        assert view.selected_step == number
    # a click on empty paper emits nothing
    with qtbot.assertNotEmitted(view.step_selected):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(2, 2))


def test_hover_tooltip_shows_mutu_baku(view):
    defn = yankomas()
    view.set_definition(defn)
    step = defn.step(6)
    tip = view.symbol_items[6].toolTip()
    assert step.kelengkapan in tip and step.waktu.text in tip and step.output in tip
    assert "Tidak → langkah 5" in tip
    assert view.symbol_items[6].acceptHoverEvents()


def test_set_case_state_highlights_current_step_and_path(view):
    view.set_definition(sigap())
    assert view.highlighted_steps() == {}
    view.set_case_state(3, [1, 2, 1, 2])
    assert view.highlighted_steps() == {3: "current", 1: "path", 2: "path"}
    assert set(view.path_edges()) == {(1, 2), (2, 1), (2, 3)}
    for key, items in view.arrow_items.items():
        for item in items:
            assert (item.pen().widthF() > 1.5) == (key in {(1, 2), (2, 1), (2, 3)}), key
    view.set_case_state(None, [])
    assert view.highlighted_steps() == {}
    assert all(item.pen().widthF() < 1 for items in view.arrow_items.values() for item in items)


def test_zoom_keys_and_fit(view, qtbot):
    view.set_definition(immigration())
    view.fit_to_window()
    fitted = view.zoom()
    page = view.sop_layout.flow_pages[0]
    assert page.width * fitted <= view.viewport().width() + 1
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom() == pytest.approx(fitted / 1.25)
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.zoom() == pytest.approx(fitted)
    for _ in range(40):
        view.zoom_by(2)
    assert view.zoom() == pytest.approx(8.0)


def test_ctrl_wheel_zooms(view):
    from PySide6.QtGui import QWheelEvent

    view.set_definition(sigap())
    view.fit_to_window()
    before = view.zoom()
    center = QPointF(view.viewport().width() / 2, view.viewport().height() / 2)
    event = QWheelEvent(center, view.mapToGlobal(center.toPoint()).toPointF(), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    view.wheelEvent(event)
    assert view.zoom() == pytest.approx(before * 1.15)


def test_qt_text_measures_like_the_layout(qtbot):
    for font, text in (("DejaVuSans", "Menyetujui / tidak menyetujui draft telaahan"),
                       ("DejaVuSans-Bold", "KELENGKAPAN")):
        qt_width = QFontMetricsF(qt_font(font, 7.0)).horizontalAdvance(text) / TEXT_SCALE
        assert qt_width == pytest.approx(text_width(text, font, 7.0), rel=0.03)


def test_empty_definition_clears_the_view(view):
    view.set_definition(yankomas())
    view.set_definition(None)
    assert view.symbol_items == {} and _symbols(view) == []


def test_fit_follows_resize_until_the_user_zooms(view, qtbot):
    view.set_definition(yankomas())
    small = view.zoom()
    view.resize(1400, 1000)
    qtbot.waitUntil(lambda: view.zoom() > small * 1.2, timeout=2000)
    view.zoom_by(1.25)
    zoomed = view.zoom()
    view.resize(900, 600)
    qtbot.wait(50)
    assert view.zoom() == pytest.approx(zoomed)
    texts = [a.text() for a in view.actions()]
    assert any("Sesuaikan" in t for t in texts) and len(texts) == 3
    view.actions()[2].trigger()
    assert view.zoom() < zoomed


def test_selected_step_is_drawn_selected(view, qtbot):
    view.set_definition(sigap())
    view.select_step(4)
    assert view.symbol_items[4].pen().color() == SELECT_PEN
    assert all(item.pen().color() != SELECT_PEN for n, item in view.symbol_items.items() if n != 4)
    view.select_step(5)
    assert view.symbol_items[4].pen().color() != SELECT_PEN
    assert view.symbol_items[5].pen().color() == SELECT_PEN


def test_co_actors_are_one_clickable_symbol_that_names_them(view, qtbot):
    defn = co_actors()
    view.set_definition(defn)
    assert not any(view.co_items.values())  # one symbol per step: no copies in co-actor lanes
    item = view.symbol_items[4]
    assert "Bersama:" in item.toolTip() and defn.lane_names[4] in item.toolTip()
    view.centerOn(item)
    pos = view.mapFromScene(item.sceneBoundingRect().center())
    with qtbot.waitSignal(view.step_selected, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [4]
    assert any(ln.step == 4 for p in view.sop_layout.flow_pages for ln in p.co_links)


def test_hovering_a_symbol_pops_up_its_mutu_baku(view, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    defn = yankomas()
    view.set_definition(defn)
    item = view.symbol_items[8]
    view.centerOn(item)
    pos = view.mapFromScene(item.sceneBoundingRect().center())
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    step = defn.step(8)
    for text in (step.kelengkapan, step.waktu.text, step.output, "Langkah 8"):
        assert text in QToolTip.text()
    QToolTip.hideText()
