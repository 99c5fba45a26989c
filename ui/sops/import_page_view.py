"""The source page of an import review: a PDF page as rendered, a scan straightened as the
reader saw it (low-confidence words highlighted), or a Word table / Excel sheet drawn from
its reading (cell grid, text, shapes); lane columns and each step's symbols outlined and
numbered like the step they became, the selected step's row marked.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QMouseEvent,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from sop_desktop.importers.geometry import Page, Shape
from sop_desktop.importers.page_picture import GridPage, is_scan_page, scan_view
from sop_desktop.importers.pagetable import RowOrigin
from sop_desktop.importers.pdf import render_page_png

SCALE = 1.5  # scene pixels per point
ZOOM = 2.0  # first view: twice the page's width, centred on the chosen step (Ctrl+0: all)
LANE = QColor(40, 110, 200)
SYMBOL = QColor(220, 60, 20)
BAND = QColor(250, 180, 0)
LOW_WORD = QColor(230, 0, 120)
INK = QColor(70, 70, 70)


class PageCanvas(QGraphicsView):
    """One source page with the table's lane columns and the steps' symbols outlined; clicking
    a step's symbol or number chooses that step (`picked`)."""

    picked = Signal(int)  # the number of the step whose symbol was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.page_key: tuple | None = None
        self._cache: dict[tuple, tuple[QPixmap, list]] = {}
        self.highlight: QGraphicsRectItem | None = None
        self.low_items: list[QGraphicsRectItem] = []  # low-confidence words of a scan
        self.threshold = 0.0  # the scan reader's confidence threshold (0: not a scan)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # looked at, not typed into
        self.k = SCALE  # scene pixels per point of the page shown
        self.zoom = ZOOM  # times the page width fitted to the view; Ctrl+wheel changes it
        self.focus: QGraphicsItem | None = None  # what the view centres on: the chosen symbol
        self._fitted = -1  # the viewport width the page was last fitted to
        # a fixed vertical scroll bar: fitting the width never makes the width change again
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)

    def clear(self) -> None:
        """No page: the scene emptied and no reference kept to its deleted items."""
        self.highlight = self.focus = None
        self.low_items = []
        self.page_key = None
        self.scene().clear()

    def fit(self) -> None:
        """The page's width fitted to the view, times the person's zoom."""
        rect = self.scene().sceneRect()
        if rect.width() <= 0:
            return
        self._fitted = self.viewport().width()
        self.resetTransform()
        scale = (self._fitted - 4) / rect.width() * self.zoom
        self.scale(scale, scale)
        if self.focus is not None:
            self.centerOn(self.focus)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._fitted:
            self.fit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on a step's symbol or number chooses that step."""
        for item in self.items(event.position().toPoint()):
            if isinstance(item.data(0), int):
                self.picked.emit(item.data(0))
                return
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms (a reading too small to read at the page's width)."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.25 if event.angleDelta().y() > 0 else 0.8)
            return
        super().wheelEvent(event)

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor > 1) or out; 0 goes back to the page's width."""
        self.zoom = 1.0 if factor == 0 else max(0.5, min(8.0, self.zoom * factor))
        self.fit()

    def _background(self, page: Page) -> tuple[QPixmap | None, list]:
        """The page's picture and its low-confidence words (scans); None for a drawn page."""
        src = page.source
        key = (src.path, src.index, src.kind)
        if key not in self._cache:
            if isinstance(page, GridPage) or not src.path:
                return None, []
            try:
                if is_scan_page(page):
                    view = scan_view(page)
                    data, low = view.png, view.low_words
                    self.threshold = view.threshold
                elif src.kind == "pdf":
                    data, low = render_page_png(src.path, src.index, SCALE), []
                else:
                    return None, []
            except Exception:  # a picture that cannot be made: the outlines on a blank page
                return None, []
            self._cache = {key: (QPixmap.fromImage(QImage.fromData(data)), low)}
        return self._cache[key]

    def show_page(self, page: Page, rows: list[tuple[int, RowOrigin]], selected: int | None) -> None:
        """Draw `page`; rows are (step number, RowOrigin) of the steps read on it."""
        scene = self.scene()
        self.clear()
        self.page_key = (page.source.path, page.source.index, page.source.kind)
        pix, low = self._background(page)
        k = self.k = pix.width() / page.width if pix is not None and page.width else SCALE
        scene.addRect(QRectF(0, 0, page.width * k, page.height * k), QPen(Qt.GlobalColor.gray),
                      QBrush(Qt.GlobalColor.white))
        if pix is not None:
            scene.addPixmap(pix)
        if isinstance(page, GridPage):
            self._draw_grid(page, k, {round(o.top, 1) for _n, o in rows})
        for word in low:
            item = scene.addRect(QRectF(word.x0 * k - 1, word.y0 * k - 1, (word.x1 - word.x0) * k + 2,
                                        (word.y1 - word.y0) * k + 2), QPen(LOW_WORD, 1.2),
                                 QBrush(QColor(230, 0, 120, 50)))
            item.setToolTip(self.tr("Keyakinan OCR %1%: \"%2\"")
                            .replace("%1", str(round(word.conf * 100))).replace("%2", word.text))
            self.low_items.append(item)
        self._draw_lanes(page, rows, k)
        self._draw_steps(page, rows, selected, k)
        scene.setSceneRect(scene.itemsBoundingRect())
        self.fit()

    def _draw_lanes(self, page: Page, rows: list[tuple[int, RowOrigin]], k: float) -> None:
        """The lane columns: those the reader found on the page, else those of the rows."""
        lanes = list(page.lane_columns)
        if not lanes and rows:
            cols = rows[0][1].columns
            lanes = [(cols.xs[c], cols.xs[c + 1], name) for c, name in cols.lanes
                     if c + 1 < len(cols.xs)]
        pen = QPen(LANE, 1.0, Qt.PenStyle.DashLine)
        for x0, x1, name in lanes:
            item = self.scene().addRect(QRectF(x0 * k, 0, (x1 - x0) * k, page.height * k), pen,
                                        QBrush(QColor(40, 110, 200, 18)))
            item.setToolTip(name)

    def _draw_steps(self, page: Page, rows: list[tuple[int, RowOrigin]], selected: int | None,
                    k: float) -> None:
        """Each step's symbols outlined with its number; the selected step's row marked."""
        scene = self.scene()
        sym_pen = QPen(SYMBOL, 1.6)
        for number, row in rows:
            for shape in row.shapes:
                x0, y0, x1, y1 = shape.bbox
                outline = scene.addRect(QRectF(x0 * k - 2, y0 * k - 2, (x1 - x0) * k + 4,
                                               (y1 - y0) * k + 4), sym_pen)
                outline.setData(0, number)
                outline.setToolTip(self.tr("Langkah %1").replace("%1", str(number)))
                label = scene.addSimpleText(str(number))
                label.setData(0, number)
                if number == selected and self.focus is None:
                    self.focus = outline
                label.setBrush(QBrush(SYMBOL))
                font = label.font()
                font.setBold(True)
                label.setFont(font)
                label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
                label.setPos(x1 * k + 3, y0 * k - 4)  # readable at any zoom
            if number == selected:
                band = QRectF(0, row.top * k, page.width * k, (row.bottom - row.top) * k)
                self.highlight = scene.addRect(band, QPen(BAND, 2.0), QBrush(QColor(250, 200, 0, 50)))
                self.focus = self.focus or self.highlight

    def _draw_grid(self, page: GridPage, k: float, step_tops: set[float]) -> None:
        """A Word table or Excel sheet from its reading: rules, cell text, drawn shapes."""
        scene = self.scene()
        xs, ys = page.columns, page.rows
        rule = QPen(QColor(150, 150, 150), 0.8)
        if xs and ys:
            for x in xs:
                scene.addLine(x * k, ys[0] * k, x * k, ys[-1] * k, rule)
            for y in ys:
                scene.addLine(xs[0] * k, y * k, xs[-1] * k, y * k, rule)
        filled = {(round(c.y0, 1), c.x0) for c in page.cells}
        font = QFont()
        font.setPixelSize(max(6, round(7.5 * k)))  # about the size of a table's own text
        for cell in page.cells:
            x1 = cell.x1
            if round(cell.y0, 1) not in step_tops:  # a header or identity text runs on over
                nxt = [x for x in xs if x > cell.x0 and (round(cell.y0, 1), x) in filled]
                x1 = min(nxt) if nxt else xs[-1]  # the empty cells of its merge
            self._cell_text(cell.text, QRectF(cell.x0 * k, cell.y0 * k, (x1 - cell.x0) * k,
                                              (cell.y1 - cell.y0) * k), font)
        for shape in page.shapes:
            self._outline(shape, k)
        head_pen = QPen(INK, 1.0)
        for arrow in page.arrows:
            path = QPainterPath(QPointF(arrow.points[0][0] * k, arrow.points[0][1] * k))
            for x, y in arrow.points[1:]:
                path.lineTo(x * k, y * k)
            scene.addPath(path, head_pen)

    def _cell_text(self, text: str, rect: QRectF, font: QFont) -> None:
        """Text wrapped in its cell and cut at the cell's edges (full text as tooltip)."""
        clip = self.scene().addRect(rect, QPen(Qt.PenStyle.NoPen))
        clip.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape, True)
        clip.setToolTip(text)
        item = self.scene().addText(text, font)  # owned by the scene, then put in its cell
        item.setParentItem(clip)
        item.setDefaultTextColor(INK)
        item.setTextWidth(max(8.0, rect.width() - 2))
        item.setPos(rect.x() + 1, rect.y())

    def _outline(self, shape: Shape, k: float) -> None:
        """A drawn flowchart symbol by its kind, in grey (the step outlines go over it)."""
        x0, y0, x1, y1 = (v * k for v in shape.bbox)
        pen = QPen(INK, 1.0)
        scene = self.scene()
        if shape.kind == "decision":
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            scene.addPolygon(QPolygonF([QPointF(cx, y0), QPointF(x1, cy), QPointF(cx, y1),
                                        QPointF(x0, cy)]), pen)
        elif shape.kind == "terminator":
            path = QPainterPath()
            r = (y1 - y0) / 2
            path.addRoundedRect(QRectF(x0, y0, x1 - x0, y1 - y0), r, r)
            scene.addPath(path, pen)
        elif shape.kind == "connector":
            tip = y1 - (y1 - y0) * 0.3
            scene.addPolygon(QPolygonF([QPointF(x0, y0), QPointF(x1, y0), QPointF(x1, tip),
                                        QPointF((x0 + x1) / 2, y1), QPointF(x0, tip)]), pen)
        else:
            scene.addRect(QRectF(x0, y0, x1 - x0, y1 - y0), pen)


__all__ = ["PageCanvas", "SCALE"]
