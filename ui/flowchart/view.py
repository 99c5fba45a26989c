"""The swimlane flowchart on screen: a QGraphicsScene projected from the core layout.

The scene shows the flowchart pages of the printed document's layout (not the identity page,
which the SOP browser shows as a form), stacked top to bottom exactly as they print, page numbers
included, so screen and paper agree. Co-actor copies of a symbol are items too: hovering or
clicking one acts on its step, and they take the step's case marking. Every
coordinate comes from sop_desktop.flowchart.layout; the items here only draw what it says.
Interaction: Ctrl+wheel or +/- zoom, 0 fits the page to the window, hovering a symbol shows its
kelengkapan, waktu and output, clicking it emits `step_selected(step_number)`, and
`set_case_state(current, path)` marks the current step and the path a case has taken.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
)

from sop_desktop.flowchart.drawing import CO_DASH, CO_LINE_W, arrow_head, pentagon
from sop_desktop.flowchart.layout import Page, SopLayout, Symbol, TextRun, layout_sop
from sop_desktop.paths import resources_dir

log = logging.getLogger(__name__)

PAGE_GAP = 16.0
TEXT_SCALE = 20.0  # text is drawn with a pixel size this many times larger, then scaled down
INK = QColor("#000000")
CURRENT_FILL = QColor("#ffd43b")
CURRENT_PEN = QColor("#d9480f")
PATH_FILL = QColor("#d3f9d8")
PATH_PEN = QColor("#2b8a3e")
SELECT_PEN = QColor("#1971c2")
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0
READABLE_PX = 11.0  # body text of a close-up is at least this many pixels high
LABEL_MIN_PX = 10.0  # Ya/Tidak labels are never drawn smaller than this on screen


@lru_cache(maxsize=1)
def _font_families() -> dict[str, str]:
    """Load the shipped DejaVu fonts into Qt (once); returns family names by style."""
    families: dict[str, str] = {}
    folder = resources_dir() / "fonts"
    for file in sorted(folder.glob("DejaVu*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(file))
        names = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if names:
            families.setdefault("serif" if "Serif" in file.name else "sans", names[0])
    return families


@lru_cache(maxsize=64)
def qt_font(name: str, size: float) -> QFont:
    """The Qt font for a reportlab font name of the layout, sized for the TEXT_SCALE trick."""
    family = _font_families().get("serif" if "Serif" in name else "sans", "DejaVu Sans")
    font = QFont(family)
    font.setPixelSize(max(1, round(size * TEXT_SCALE)))
    font.setBold("Bold" in name)
    font.setItalic("Oblique" in name or "Italic" in name)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    return font


def draw_run(painter: QPainter, run: TextRun, dy: float = 0.0) -> None:
    """Draw one text line of the layout at its exact baseline."""
    painter.save()
    painter.translate(run.x, run.y + dy)
    painter.scale(1 / TEXT_SCALE, 1 / TEXT_SCALE)
    painter.setFont(qt_font(run.font, run.size))
    painter.drawText(QPointF(0, 0), run.text)
    painter.restore()


def _polygon(points, dy: float) -> QPolygonF:
    return QPolygonF([QPointF(x, y + dy) for x, y in points])


def drawable(defn, placeholder: str):
    """`defn` as drawn: steps whose lane is not chosen yet (an import preview) sit in a lane
    of their own named `placeholder`, never in the first lane."""
    import dataclasses

    from sop_desktop.domain.model import Lane

    names = {lane.name for lane in defn.lanes}
    if all(step.lane in names for step in defn.steps):
        return defn
    steps = [step if step.lane in names else dataclasses.replace(step, lane=placeholder)
             for step in defn.steps]
    return dataclasses.replace(defn, steps=steps, lanes=[*defn.lanes, Lane(placeholder)])


class PageItem(QGraphicsItem):
    """The static part of one page: paper, table cells and text, connectors."""

    def __init__(self, page: Page, dy: float):
        super().__init__()
        self.page, self.dy = page, dy
        self.setZValue(0)

    def boundingRect(self) -> QRectF:
        return QRectF(-2, self.dy - 2, self.page.width + 4, self.page.height + 4)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        page, dy = self.page, self.dy
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(QRectF(0, dy, page.width, page.height))
        grid = QPen(INK, 0.5)
        for cell in page.cells:
            r = cell.rect
            rect = QRectF(r.x, r.y + dy, r.w, r.h)
            if cell.fill:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(cell.fill))
                painter.drawRect(rect)
            if cell.border:
                painter.setPen(grid)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect)
        painter.setPen(QPen(INK))
        for cell in page.cells:
            for run in cell.texts:
                draw_run(painter, run, dy)
        dashed = QPen(INK, CO_LINE_W)
        dashed.setDashPattern([d / CO_LINE_W for d in CO_DASH])  # Qt dashes count in pen widths
        painter.setPen(dashed)
        for link in page.co_links:  # co-actor lines, under the symbols (which are items above)
            painter.drawPolyline(_polygon(link.points, dy))
        for image in page.images:  # the office logo on the identity page
            pixmap = QPixmap(image.path)
            if not pixmap.isNull():
                r = image.rect
                box = QRectF(r.x, r.y + dy, r.w, r.h)
                scaled = pixmap.size().scaled(int(r.w * 8), int(r.h * 8),
                                              Qt.AspectRatioMode.KeepAspectRatio)
                w, h = scaled.width() / 8, scaled.height() / 8
                painter.drawPixmap(QRectF(box.center().x() - w / 2, box.center().y() - h / 2, w, h),
                                   pixmap, QRectF(pixmap.rect()))
        for conn in page.connectors:
            painter.setPen(QPen(INK, 0.8))
            painter.setBrush(QColor("#ffffff"))
            painter.drawPolygon(_polygon(pentagon(conn.rect), dy))
            if conn.label:
                draw_run(painter, conn.label, dy)


class ArrowItem(QGraphicsPathItem):
    """One arrow of the layout: the polyline, its head (child) and its Ya/Tidak label."""

    def __init__(self, arrow, dy: float):
        super().__init__()
        self.arrow, self.dy = arrow, dy
        path = QPainterPath(QPointF(arrow.points[0][0], arrow.points[0][1] + dy))
        for x, y in arrow.points[1:]:
            path.lineTo(QPointF(x, y + dy))
        self.setPath(path)
        self.head = QGraphicsPolygonItem(_polygon(arrow_head(arrow.points), dy), self)
        self.setZValue(1)
        self.set_highlight(False)

    def set_highlight(self, on: bool) -> None:
        color = PATH_PEN if on else INK
        self.setPen(QPen(color, 2.0 if on else 0.8))
        self.head.setPen(QPen(color, 0.3))
        self.head.setBrush(QBrush(color))

    def paint(self, painter: QPainter, option, widget=None) -> None:
        super().paint(painter, option, widget)
        if self.arrow.label_rect and self.arrow.label_run:
            r, run = self.arrow.label_rect, self.arrow.label_run
            # zoomed out (a whole page in a pane), the label grows around its centre: readable
            k = self.label_scale(painter.worldTransform().m22())
            cx, cy = r.x + r.w / 2, r.y + self.dy + r.h / 2
            painter.save()
            painter.translate(cx, cy)
            painter.scale(k, k)
            painter.fillRect(QRectF(-r.w / 2 - 0.5, -r.h / 2, r.w + 1, r.h), QColor("#ffffff"))
            painter.setPen(QPen(INK))
            painter.translate(-cx, -cy)
            draw_run(painter, run, self.dy)
            painter.restore()

    def label_scale(self, zoom: float) -> float:
        """How much the Ya/Tidak label is enlarged at `zoom` (1.0 when already readable)."""
        run = self.arrow.label_run
        if run is None:
            return 1.0
        return max(1.0, min(LABEL_MIN_PX / max(run.size * zoom, 1e-6), 4.0))

    def boundingRect(self) -> QRectF:
        rect = super().boundingRect()
        if self.arrow.label_rect:
            r = self.arrow.label_rect
            cx, cy = r.x + r.w / 2, r.y + self.dy + r.h / 2
            rect = rect.united(QRectF(cx - r.w * 2 - 1, cy - r.h * 2, r.w * 4 + 2, r.h * 4))
        return rect


class SymbolItem(QGraphicsPathItem):
    """One step's symbol (or a co-actor's copy of it, `co`); the view maps items to steps."""

    def __init__(self, sym: Symbol, dy: float, tooltip: str):
        super().__init__()
        self.co = sym.co
        r = sym.rect
        path = QPainterPath()
        if sym.kind == "terminator":
            path.addRoundedRect(QRectF(r.x, r.y + dy, r.w, r.h), r.h / 2, r.h / 2)
        else:
            path.addPolygon(_polygon(sym.vertices(), dy))
            path.closeSubpath()
        self.setPath(path)
        self.setToolTip(tooltip)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(2)


class FlowchartView(QGraphicsView):
    """The flowchart of one SOP (or of one case's SOP, with its path marked)."""

    step_selected = Signal(int)

    def __init__(self, parent=None, *, paper: str = "A4", landscape: bool = True,
                 whole_document: bool = False):
        super().__init__(parent)
        self.setObjectName("flowchart_view")
        self.paper, self.landscape = paper, landscape
        # the SOP library shows the document as printed, from its page 1 (the identity page)
        self.whole_document = whole_document
        self.defn = None
        self.sop_layout: SopLayout | None = None
        self.symbol_items: dict[int, SymbolItem] = {}  # step -> its symbol in its own lane
        self.co_items: dict[int, list[SymbolItem]] = {}  # step -> co-actor copies
        self.item_steps: dict[SymbolItem, int] = {}
        self.arrow_items: dict[tuple[int, int], list[ArrowItem]] = {}
        self.current_step: int | None = None
        self.path_steps: list[int] = []
        self.selected_step: int | None = None
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor("#c8c8c8"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Diagram alir SOP"))
        self._auto_fit = True  # keep fitting on resize until the user zooms by hand
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, slot in ((self.tr("Perbesar (+)"), lambda: self.zoom_by(1.25)),
                           (self.tr("Perkecil (−)"), lambda: self.zoom_by(1 / 1.25)),
                           (self.tr("Sesuaikan dengan jendela (0)"), self.fit_to_window)):
            action = QAction(text, self)
            action.triggered.connect(slot)
            self.addAction(action)
        # the current step and its lane, always readable whatever the zoom or scroll position
        self.banner = QLabel(self)
        self.banner.setObjectName("flowchart_banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet("background: rgba(255, 243, 191, 235); color: #1a1a1a; "
                                  "border: 1px solid #d9480f; padding: 3px 6px;")
        self.banner.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.banner.hide()

    # ---- content

    def set_definition(self, defn) -> None:
        """Show an SOP (None clears the view)."""
        self.defn = defn
        self.current_step, self.path_steps, self.selected_step = None, [], None
        self._build()
        self.fit_to_window()
        self._update_banner()

    def _build(self) -> None:
        scene = self.scene()
        scene.clear()
        self.symbol_items.clear()
        self.co_items.clear()
        self.item_steps.clear()
        self.arrow_items.clear()
        self.sop_layout = None
        if self.defn is None or not self.defn.steps:
            scene.addText(self.tr("Belum ada SOP yang dipilih."))
            return
        try:
            # the whole document, as printed (page numbers agree); the screen shows its flowchart pages
            self.sop_layout = layout_sop(drawable(self.defn, self.tr("(pelaksana belum ditentukan)")),
                                         self.paper, self.landscape)
        except Exception as exc:  # a broken definition must not take the window down
            log.exception("layout failed")
            scene.addText(self.tr("Diagram alir tidak dapat digambar: {0}").format(exc))
            return
        steps = self.sop_layout.steps
        for i, page in enumerate(self.shown_pages()):
            dy = i * (page.height + PAGE_GAP)
            scene.addItem(PageItem(page, dy))
            for arrow in page.arrows:
                item = ArrowItem(arrow, dy)
                scene.addItem(item)
                self.arrow_items.setdefault((arrow.from_step, arrow.to_step), []).append(item)
            for sym in page.symbols + page.co_symbols:
                item = SymbolItem(sym, dy, self._tooltip(steps[sym.step]))
                scene.addItem(item)
                if sym.co:
                    self.co_items.setdefault(sym.step, []).append(item)
                else:
                    self.symbol_items[sym.step] = item
                self.item_steps[item] = sym.step
        self._apply_state()
        rect = scene.itemsBoundingRect()
        scene.setSceneRect(rect.adjusted(-PAGE_GAP, -PAGE_GAP, PAGE_GAP, PAGE_GAP))

    def _tooltip(self, step) -> str:
        waktu = step.waktu.text if step.waktu else "-"
        lines = [self.tr("Langkah {0}: {1}").format(step.number, " ".join(step.kegiatan.split())),
                 self.tr("Pelaksana: {0}").format(step.lane or "-"),
                 self.tr("Kelengkapan: {0}").format(step.kelengkapan or "-"),
                 self.tr("Waktu: {0}").format(waktu),
                 self.tr("Output: {0}").format(step.output or "-")]
        if step.co_lanes:
            lines.insert(2, self.tr("Bersama: {0}").format(", ".join(step.co_lanes)))
        if step.kind == "decision":
            lines.append(self.tr("Ya → langkah {0}; Tidak → langkah {1}").format(
                step.yes if step.yes is not None else "-", step.no if step.no is not None else "-"))
        return "\n".join(lines)

    # ---- case state

    def set_case_state(self, current_step: int | None, path_steps) -> None:
        """Mark the current step and the path taken (the steps in the order they were done)."""
        self.current_step = current_step
        self.path_steps = [int(n) for n in (path_steps or [])]
        self._apply_state()
        self._update_banner()

    def banner_text(self) -> str:
        """The current step as the banner says it: number, lane, activity ("" when none)."""
        if self.current_step is None or self.sop_layout is None:
            return ""
        step = self.sop_layout.steps.get(self.current_step)
        if step is None:
            return ""
        return self.tr("▶ Langkah {0} · {1}: {2}").format(
            step.number, step.lane or "-", " ".join(step.kegiatan.split()))

    def _update_banner(self) -> None:
        text = self.banner_text()
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
        if not text:
            self.setViewportMargins(0, 0, 0, 0)
        self._place_banner()

    def _place_banner(self) -> None:
        """The banner sits above the drawing (a viewport margin), never over it."""
        if not self.banner.text():
            return
        width = max(120, self.width() - 2 * self.frameWidth())
        text_rect = self.banner.fontMetrics().boundingRect(
            0, 0, width - 16, 10_000, int(Qt.TextFlag.TextWordWrap), self.banner.text())
        height = text_rect.height() + 10
        self.banner.setGeometry(self.frameWidth(), self.frameWidth(), width, height)
        if self.viewportMargins().top() != height:
            self.setViewportMargins(0, height, 0, 0)
        self.banner.raise_()

    def _apply_state(self) -> None:
        done = set(self.path_steps)
        for item, step in self.item_steps.items():
            if step == self.current_step:
                item.setBrush(QBrush(CURRENT_FILL))
                item.setPen(QPen(CURRENT_PEN, 2.2))
            elif step in done:
                item.setBrush(QBrush(PATH_FILL))
                item.setPen(QPen(PATH_PEN, 1.6))
            else:
                item.setBrush(QBrush(QColor("#ffffff")))
                item.setPen(QPen(INK, 0.9))
            if step == self.selected_step and step != self.current_step:
                item.setPen(QPen(SELECT_PEN, 2.0))
        taken = set(self.path_edges())
        for key, arrows in self.arrow_items.items():
            for arrow in arrows:
                arrow.set_highlight(key in taken)

    def path_edges(self) -> list[tuple[int, int]]:
        """The arrows the case went along: consecutive steps of the path, then to the current."""
        seq = list(self.path_steps)
        if self.current_step is not None and (not seq or seq[-1] != self.current_step):
            seq.append(self.current_step)
        return [(a, b) for a, b in zip(seq, seq[1:], strict=False) if (a, b) in self.arrow_items]

    def highlighted_steps(self) -> dict[int, str]:
        """Step number -> "current" / "path" as currently drawn (for tests and accessibility)."""
        out = {}
        for step, item in self.symbol_items.items():
            color = item.brush().color()
            if color == CURRENT_FILL:
                out[step] = "current"
            elif color == PATH_FILL:
                out[step] = "path"
        return out

    # ---- interaction

    def step_at(self, pos) -> int | None:
        for item in self.items(pos):
            if isinstance(item, SymbolItem):
                return self.item_steps.get(item)
        return None

    def select_step(self, step: int) -> None:
        self.selected_step = step
        self._apply_state()
        item = self.symbol_items.get(step)
        if item is not None:
            self.ensureVisible(item, 40, 40)
        self.step_selected.emit(step)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            step = self.step_at(event.position().toPoint())
            if step is not None:
                self.select_step(step)
                event.accept()
                return
        super().mousePressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit_to_window()
        self._place_banner()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._auto_fit:  # a view built while hidden had no real size: fit page 1 now
            self.fit_to_window()
        self._place_banner()

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(1.15 ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / 1.25)
        elif key == Qt.Key.Key_0:
            self.fit_to_window()
        else:
            super().keyPressEvent(event)

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        self._auto_fit = False
        target = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom() * factor))
        factor = target / self.zoom()
        if abs(factor - 1) > 1e-6:
            self.scale(factor, factor)

    def shown_pages(self) -> list[Page]:
        """The pages on screen: the whole document, or its flowchart pages only."""
        if self.sop_layout is None:
            return []
        return list(self.sop_layout.pages if self.whole_document else self.sop_layout.flow_pages)

    def readable_zoom(self) -> float:
        """The zoom at which the flowchart's body text is READABLE_PX pixels high."""
        from sop_desktop.flowchart.layout import BODY_SIZE

        return READABLE_PX / BODY_SIZE

    def show_step(self, step: int | None) -> bool:
        """Bring a step up close (text readable) and centre it; False when it is not drawn."""
        item = self.symbol_items.get(step) if step is not None else None
        if item is None:
            return False
        self.zoom_by(self.readable_zoom() / max(self.zoom(), 1e-6))
        self.centerOn(item)
        return True

    def current_page(self) -> int:
        """The flowchart page (1-based) at the top of the view."""
        pages = self.shown_pages()
        if not pages:
            return 0
        top = self.mapToScene(self.viewport().rect().center()).y()
        index = max(0, min(len(pages) - 1, int(top // (pages[0].height + PAGE_GAP))))
        return pages[index].number

    def fit_to_window(self) -> None:
        """Show the whole first page (and keep doing so on resize); scroll for the next ones."""
        self._auto_fit = True
        if not self.shown_pages():
            return
        page = self.shown_pages()[0]
        self.fitInView(QRectF(-4, -4, page.width + 8, page.height + 8),
                       Qt.AspectRatioMode.KeepAspectRatio)
