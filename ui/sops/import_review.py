"""Review of a drawn SOP read from a PDF: the source page beside the steps read from it.

The page image shows the lane columns and every symbol found, outlined and numbered like the
step it became; clicking a step shows its row on the page. Steps read with low confidence are
marked; lane, kind and Ya/Tidak targets can be fixed here before Simpan.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsScene,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sop_desktop.errors import SopError

KINDS = ("start", "process", "decision", "end")
LOW_FLAG = "geometri_ragu"  # sop_desktop.importers.flowread.LOW
SCALE = 1.5


class PageCanvas(QGraphicsView):
    """One source page with the table's lane columns and the symbols outlined."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.page_key: tuple | None = None
        self._cache: dict[tuple, QPixmap] = {}
        self.highlight = None

    def _pixmap(self, page) -> QPixmap | None:
        key = (page.source.path, page.source.index)
        if key not in self._cache:
            if page.source.kind != "pdf" or not page.source.path:
                return None
            from sop_desktop.importers.pdf import render_page_png

            try:
                data = render_page_png(page.source.path, page.source.index, SCALE)
            except SopError:
                return None
            self._cache = {key: QPixmap.fromImage(QImage.fromData(data))}
        return self._cache[key]

    def show_page(self, page, rows: list[tuple[int, object]], selected: int | None) -> None:
        """Draw `page`; rows are (step number, RowOrigin) of the steps read on it."""
        scene = self.scene()
        scene.clear()
        self.highlight = None
        self.page_key = (page.source.path, page.source.index)
        pix = self._pixmap(page)
        k = pix.width() / page.width if pix is not None and page.width else SCALE
        if pix is not None:
            scene.addPixmap(pix)
        else:
            scene.addRect(QRectF(0, 0, page.width * k, page.height * k), QPen(Qt.GlobalColor.gray))
        lane_pen = QPen(QColor(40, 110, 200), 1.0, Qt.PenStyle.DashLine)
        for x0, x1, _name in page.lane_columns:
            scene.addRect(QRectF(x0 * k, 0, (x1 - x0) * k, page.height * k), lane_pen,
                          QBrush(QColor(40, 110, 200, 18)))
        sym_pen = QPen(QColor(220, 60, 20), 1.6)
        for number, row in rows:
            for shape in row.shapes:
                x0, y0, x1, y1 = shape.bbox
                scene.addRect(QRectF(x0 * k - 2, y0 * k - 2, (x1 - x0) * k + 4,
                                     (y1 - y0) * k + 4), sym_pen)
                label = scene.addSimpleText(str(number))
                label.setBrush(QBrush(QColor(220, 60, 20)))
                label.setPos(x1 * k + 3, y0 * k - 4)
            if number == selected:
                band = QRectF(0, row.top * k, page.width * k, (row.bottom - row.top) * k)
                self.highlight = scene.addRect(band, QPen(QColor(250, 180, 0), 2.0),
                                               QBrush(QColor(250, 200, 0, 50)))
        scene.setSceneRect(scene.itemsBoundingRect())
        if self.highlight is not None:
            self.centerOn(self.highlight)


class ImportReview(QWidget):
    """The page image beside the steps read, with lane, kind and branches editable."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.defn = None
        self.rows: list = []
        self.pages: list = []
        layout = QVBoxLayout(self)
        self.note = QLabel(self.tr("Langkah bertanda ⚠ dibaca dengan keyakinan rendah; periksa "
                                   "pelaksana, jenis dan cabangnya."))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.canvas = PageCanvas()
        self.canvas.setObjectName("review_page")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("review_steps")
        self.table.setHorizontalHeaderLabels([self.tr("No"), self.tr("Kegiatan"),
                                              self.tr("Pelaksana"), self.tr("Jenis"),
                                              self.tr("Ya ke"), self.tr("Tidak ke")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda r, _c, _pr, _pc: self.show_step(r))
        split.addWidget(self.canvas)
        split.addWidget(self.table)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

    def set_definition(self, defn, rows: list, pages: list) -> None:
        """The SOP read and, per step, the RowOrigin it came from (or None)."""
        self.defn, self.rows, self.pages = defn, list(rows), list(pages)
        self.table.setRowCount(0)
        if defn is None:
            self.canvas.scene().clear()
            return
        self.table.setRowCount(len(defn.steps))
        for r, step in enumerate(defn.steps):
            self._fill_row(r, step)
        self.table.resizeColumnToContents(0)
        if defn.steps:
            self.table.setCurrentCell(0, 1)
            self.show_step(0)

    def low_steps(self) -> list[int]:
        """Numbers of the steps marked as read with low confidence."""
        return [s.number for s in self.defn.steps if LOW_FLAG in s.flags] if self.defn else []

    def _fill_row(self, r: int, step) -> None:
        low = LOW_FLAG in step.flags
        no = QTableWidgetItem(("⚠ " if low else "") + str(step.number))
        keg = QTableWidgetItem(step.kegiatan)
        for item in (no, keg):
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if low:
                item.setBackground(QColor(255, 236, 160))
                item.setToolTip(step.note)
        self.table.setItem(r, 0, no)
        self.table.setItem(r, 1, keg)
        lane = self._combo(f"review_lane_{step.number}", [(n.name, n.name) for n in
                                                         self.defn.lanes], step.lane)
        lane.currentIndexChanged.connect(lambda _i, s=step, c=lane: self._set(s, "lane", c))
        kind = self._combo(f"review_kind_{step.number}", [(self._kind_label(k), k)
                                                          for k in KINDS], step.kind)
        kind.currentIndexChanged.connect(lambda _i, s=step, c=kind: self._set(s, "kind", c))
        numbers = [(str(s.number), s.number) for s in self.defn.steps]
        yes = self._combo(f"review_yes_{step.number}", numbers, step.yes)
        no_to = self._combo(f"review_no_{step.number}", numbers, step.no)
        for combo, attr in ((yes, "yes"), (no_to, "no")):
            combo.setEnabled(step.kind == "decision")
            combo.currentIndexChanged.connect(lambda _i, s=step, c=combo, a=attr:
                                              self._set(s, a, c))
        for col, widget in ((2, lane), (3, kind), (4, yes), (5, no_to)):
            self.table.setCellWidget(r, col, widget)

    def _kind_label(self, kind: str) -> str:
        return {"start": self.tr("Mulai"), "process": self.tr("Proses"),
                "decision": self.tr("Keputusan"), "end": self.tr("Selesai")}[kind]

    def _combo(self, name: str, items: list[tuple[str, object]], current) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem("—", None)
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        return combo

    def _set(self, step, attr: str, combo: QComboBox) -> None:
        value = combo.currentData()
        setattr(step, attr, value)
        if attr == "lane" and value and "lane_unassigned" in step.flags:
            step.flags.remove("lane_unassigned")
        if attr == "kind":
            r = self.defn.steps.index(step)
            if value == "decision":
                nxt = self.defn.steps[min(r + 1, len(self.defn.steps) - 1)].number
                step.yes = step.yes if step.yes is not None else nxt
                step.no = step.no if step.no is not None else self.defn.steps[max(r - 1, 0)].number
            else:
                step.yes = step.no = None
            self.table.blockSignals(True)
            self._fill_row(r, step)
            self.table.blockSignals(False)
        if LOW_FLAG in step.flags:
            step.flags.remove(LOW_FLAG)  # a person has looked at it
        self.changed.emit()

    def show_step(self, r: int) -> None:
        """Show the page the step at table row r came from, its row and symbols marked."""
        if self.defn is None or not 0 <= r < len(self.rows) or self.rows[r] is None:
            return
        origin = self.rows[r]
        page = origin.page
        on_page = [(s.number, o) for s, o in zip(self.defn.steps, self.rows, strict=False)
                   if o is not None and o.page is page]
        self.canvas.show_page(page, on_page, self.defn.steps[r].number)
