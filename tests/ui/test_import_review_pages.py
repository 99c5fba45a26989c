"""The import review's page beside the reading: a Word table or Excel sheet drawn from its
reading (cell grid, text, shapes numbered like the steps), a scan straightened as the reader
saw it with its low-confidence words highlighted; choosing a step shows where it came from."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsSimpleTextItem, QGraphicsTextItem

from sop_desktop.importers.page_picture import GridPage, is_scan_page
from sop_desktop.importers.scan import LOW_CONF
from tests.conftest import ROOT
from tests.office_documents import document, key_named
from tests.ui.support import read_file

pytestmark = pytest.mark.usefixtures("no_widgets_left")


@pytest.mark.parametrize("key", [key_named("monev.docx"), key_named("yankomas_kanwil_xlsx.xlsx")],
                         ids=lambda k: k["document"])
def test_word_and_excel_pages_are_drawn_from_the_reading(qtbot, dialog, key):  # noqa: F811
    read_file(qtbot, dialog, document(key))
    review = dialog.review
    assert dialog.detail.currentWidget() is review  # no lane missing: the review comes first
    defn = dialog.current_definition()
    assert review.table.rowCount() == len(defn.steps) == len(key["steps"])
    scene = review.canvas.scene()
    assert not any(isinstance(i, QGraphicsPixmapItem) for i in scene.items())  # no renderer
    origin = review.rows[0]
    page = origin.page
    assert isinstance(page, GridPage) and review.canvas.page_key[2] == document(key).suffix[1:]
    # the cells' text at their places, the symbols outlined and numbered like the steps
    texts = {i.toPlainText() for i in scene.items() if isinstance(i, QGraphicsTextItem)}
    on_page = [(s, o) for s, o in zip(defn.steps, review.rows, strict=True) if o.page is page]
    assert {s.kegiatan for s, _ in on_page} <= texts
    numbers = [i.text() for i in scene.items() if isinstance(i, QGraphicsSimpleTextItem)]
    for step, row in on_page:
        assert numbers.count(str(step.number)) == len(row.shapes) >= 1
    # choosing a step marks its row on the page
    for r in (0, 3):
        review.table.setCurrentCell(r, 1)
        band = review.canvas.highlight.rect()
        k = review.canvas.k  # scene pixels per point of the page shown
        assert band.top() == pytest.approx(review.rows[r].top * k, abs=0.5)
        assert band.bottom() == pytest.approx(review.rows[r].bottom * k, abs=0.5)
    # and clicking a step's symbol on the page chooses that step
    step, row = on_page[-1]
    shape = row.shapes[0]
    k = review.canvas.k
    spot = review.canvas.mapFromScene(QPointF(shape.cx * k, shape.bbox[1] * k - 1))
    qtbot.mouseClick(review.canvas.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert review.step() is step and review.table.currentRow() == defn.steps.index(step)
    assert "digambar dari isi tabel" in review.legend.text()
    assert "OCR" not in review.legend.text()


def _ink_on_edges(gray: np.ndarray, box: tuple[float, ...], k: float) -> float:
    """Share of a symbol's outline (the middle of its box's edges, 2 px of slack) on ink."""
    x0, y0, x1, y1 = (round(v * k) for v in box)
    hits = total = 0
    for (ax, bx), (ay, by) in (((x0, x1), (y0, y0)), ((x0, x1), (y1, y1)),
                               ((x0, x0), (y0, y1)), ((x1, x1), (y0, y1))):
        for t in np.linspace(0.2, 0.8, 16):  # a rounded symbol has no corners
            x, y = round(ax + (bx - ax) * t), round(ay + (by - ay) * t)
            patch = gray[max(0, y - 2):y + 3, max(0, x - 2):x + 3]
            total += 1
            hits += int(patch.size > 0 and patch.min() < 110)
    return hits / total


def _gray(image) -> np.ndarray:
    image = image.convertToFormat(image.Format.Format_Grayscale8)
    data = np.frombuffer(image.constBits(), np.uint8)
    return data.reshape(image.height(), image.bytesPerLine())[:, :image.width()].copy()


def test_a_scan_is_straightened_under_its_outlines_and_doubtful_words_marked(
        qtbot, dialog):  # noqa: F811
    from PySide6.QtGui import QImage

    path = ROOT / "tests" / "fixtures" / "scans" / "rkt_150.jpg"  # 2 degrees askew, stamped
    dialog.load_path(str(path))  # OCR: longer than the other reads on a busy machine
    qtbot.waitUntil(lambda: dialog.read_button.isEnabled() and not dialog.progress.isVisible(),
                    timeout=180000)
    assert dialog.runner.wait()
    review = dialog.review
    page = review.rows[0].page
    assert is_scan_page(page) and abs(page.skew) > 1.0
    [pixmap] = [i for i in review.canvas.scene().items() if isinstance(i, QGraphicsPixmapItem)]
    shown = _gray(pixmap.pixmap().toImage())
    k = shown.shape[1] / page.width
    assert shown.shape[0] / k == pytest.approx(page.height, abs=2.0)
    boxes = [s.bbox for o in review.rows if o for s in o.shapes if s.kind == "process"]
    assert len(boxes) >= 4
    straight = [_ink_on_edges(shown, b, k) for b in boxes]
    # the file as it is, not straightened, puts the same outlines beside the symbols
    raw = _gray(QImage(str(path)))
    crooked = [_ink_on_edges(raw, b, raw.shape[1] / page.width) for b in boxes]
    assert np.median(straight) >= 0.9, straight
    assert np.mean(crooked) < np.mean(straight) - 0.2, (crooked, straight)
    # every word below the reader's threshold is highlighted where it is, with its confidence
    low = [w for w in page.words if w.conf < LOW_CONF]
    assert low and len(review.canvas.low_items) == len(low)
    for word, item in zip(low, review.canvas.low_items, strict=True):
        assert item.rect().center().x() == pytest.approx(word.cx * k, abs=1.0)
        assert word.text in item.toolTip()
    assert "kurang yakin" in review.legend.text() and "80%" in review.legend.text()
