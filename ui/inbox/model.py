"""The inbox table model: a lazy, paged view over the core's inbox engine (smooth at 100,000
cases). The queries are the core's (sop_desktop.services.inbox: InboxService, InboxQuery,
InboxRow); this module only holds what the view shows and asks the service for more.

rowCount is one COUNT query; rows are read a page at a time when the view first asks for them
and kept in a small cache of pages (the way Anki's browser table reads its rows on demand).
Sorting asks the database for the new order instead of sorting in Python.

A search reads every match once (Snapshot: the ordered case ids), which at 100,000
cases is a scan of the case table: `load()` runs it on the TaskRunner's thread and swaps the
rows in when it arrives. Only the newest request counts: one still running when the clerk types
on is left to finish and its result is dropped, and at most one waits behind it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from sop_desktop.services.inbox import InboxQuery, InboxRow, InboxService, Snapshot
from sop_desktop.services.inbox_query import copy_query
from sop_desktop.services.workflow import STATUS_DONE, STATUS_OPEN, STATUS_STOPPED
from ui.i18n import date_text, datetime_text

# a page is read when the view first needs one of its rows; 100 rows (not 200) halves the
# first screen's read (~2 ms at 100,000 cases: it shows ~25 rows and measures 60)
PAGE_SIZE = 100
MAX_PAGES = 40  # at most 4,000 rows held in memory

# data()'s roles as plain ints, looked up once: the view asks for about seven roles of every
# cell it paints (as ints), and each lookup through Qt's enum classes cost more than the
# answer; a role not answered returns at once, before any row is read (issue 19)
_R = Qt.ItemDataRole
DISPLAY, DECORATION, FONT, TOOLTIP = (int(_R.DisplayRole.value), int(_R.DecorationRole.value),
                                      int(_R.FontRole.value), int(_R.ToolTipRole.value))
FOREGROUND, BACKGROUND = int(_R.ForegroundRole.value), int(_R.BackgroundRole.value)
USER, ACCESSIBLE = int(_R.UserRole.value), int(_R.AccessibleTextRole.value)
ANSWERED = frozenset((DISPLAY, DECORATION, FONT, TOOLTIP, FOREGROUND, BACKGROUND, USER,
                      ACCESSIBLE))
CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # combined once, not per cell

COLUMNS = (
    ("number", QT_TRANSLATE_NOOP("InboxModel", "Nomor agenda")),
    ("sop", QT_TRANSLATE_NOOP("InboxModel", "SOP")),
    ("subject", QT_TRANSLATE_NOOP("InboxModel", "Pemohon/perihal")),
    ("step", QT_TRANSLATE_NOOP("InboxModel", "Langkah")),
    ("received", QT_TRANSLATE_NOOP("InboxModel", "Diterima")),
    ("due", QT_TRANSLATE_NOOP("InboxModel", "Tenggat")),
    ("status", QT_TRANSLATE_NOOP("InboxModel", "Status")),
    ("late", QT_TRANSLATE_NOOP("InboxModel", "Lewat")),
    ("sifat", QT_TRANSLATE_NOOP("InboxModel", "Sifat")),
    ("holder", QT_TRANSLATE_NOOP("InboxModel", "Diambil")),
    ("instruction", QT_TRANSLATE_NOOP("InboxModel", "Disposisi")),
)
SIFAT_TEXT = {
    "biasa": QT_TRANSLATE_NOOP("InboxModel", "Biasa"),
    "segera": QT_TRANSLATE_NOOP("InboxModel", "Segera"),
    "sangat_segera": QT_TRANSLATE_NOOP("InboxModel", "Sangat segera"),
    "rahasia": QT_TRANSLATE_NOOP("InboxModel", "Rahasia"),
}
UNREAD_DOT = "●"  # "baru": shown beside the agenda number (and the row in bold)
HEADER_TIPS = {
    "subject": QT_TRANSLATE_NOOP("InboxModel", "Pemohon, pengadu atau perihal kasus"),
    "step": QT_TRANSLATE_NOOP("InboxModel", "Langkah SOP yang sedang dikerjakan"),
    "due": QT_TRANSLATE_NOOP("InboxModel", "Tenggat langkah sekarang menurut mutu baku waktu"),
    "late": QT_TRANSLATE_NOOP("InboxModel", "Berapa hari melewati tenggat"),
    "sifat": QT_TRANSLATE_NOOP("InboxModel", "Sifat: biasa, segera, sangat segera, rahasia"),
    "holder": QT_TRANSLATE_NOOP("InboxModel", "Siapa yang mengambil kasus ini"),
    "instruction": QT_TRANSLATE_NOOP("InboxModel", "Disposisi kepada Anda: instruksi dan catatan"),
}
STATUS_TEXT = {
    STATUS_OPEN: QT_TRANSLATE_NOOP("InboxModel", "Berjalan"),
    STATUS_DONE: QT_TRANSLATE_NOOP("InboxModel", "Selesai"),
    STATUS_STOPPED: QT_TRANSLATE_NOOP("InboxModel", "Dihentikan"),
}
OVERDUE_BG = QColor("#fde2e1")
OVERDUE_FG = QColor("#8a1010")


def solid_brush(color: QColor) -> QBrush:
    """A solid brush of `color`, built without `QBrush(color)`: that call first tries its other
    overloads, which creates QGradient's ~170 presets and more (~4 ms at the first overdue
    row painted, start-up: issue 19); the brush is the same."""
    brush = QBrush()
    brush.setColor(color)
    brush.setStyle(Qt.BrushStyle.SolidPattern)
    return brush


OVERDUE_BG_BRUSH = solid_brush(OVERDUE_BG)
OVERDUE_FG_BRUSH = solid_brush(OVERDUE_FG)


def _tr(text: object) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP("InboxModel", ...) above."""
    return QCoreApplication.translate("InboxModel", str(text))


class InboxModel(QAbstractTableModel):
    """Cases matching an InboxQuery; `case_id(row)` and `row_of(case_id)` map rows to cases.

    `set_filter` reads on the calling thread; `load` reads on the runner's thread (when there
    is one) and emits `loaded` once the rows are in, or `load_failed` with a message."""

    loaded = Signal()
    load_failed = Signal(str)

    def __init__(self, inbox: InboxService, parent=None, runner=None) -> None:
        super().__init__(parent)
        self.inbox = inbox  # the core's inbox engine: every read goes through it
        self.filter = InboxQuery(position_ids=[])  # the query shown (stamped with its time)
        self.latest = self.filter  # the filter last asked for (shown, or still being read)
        self.total = 0
        self.ids: list[int] | None = None  # a search's matches in order (see Snapshot)
        self.pages: OrderedDict[int, list[InboxRow]] = OrderedDict()
        self.step_names: dict[tuple[str, int], str] = {}
        self.texts: dict[tuple[int, str], str] = {}  # (case id, column key) -> cell text
        self.runner = runner
        # what a worker runs (a test may slow it down)
        self.read: Callable[[InboxQuery, int], Snapshot] = inbox.snapshot_on_worker
        self.generation = 0  # bumped by every request: a result of an older one is dropped
        self.shown_generation = 0  # the request whose rows are shown (or that failed)
        self._running = False  # a worker is reading
        self._waiting: tuple[int, InboxQuery] | None = None  # the next to read

    # ----- loading
    def set_filter(self, flt: InboxQuery) -> None:
        """Show this filter now (read on this thread); a background read under way is dropped."""
        self.generation += 1
        self._waiting = None
        self.latest = flt
        snap = self.inbox.snapshot(flt)
        self.shown_generation = self.generation  # before the reset: its slots see it shown
        self._apply(snap)

    def load(self, flt: InboxQuery) -> None:
        """Show this filter once read off the UI thread (at once without a runner)."""
        if self.runner is None:
            self.set_filter(flt)
            self.loaded.emit()
            return
        self.generation += 1
        self.latest = flt
        self._waiting = (self.generation, copy_query(flt))
        if not self._running:
            self._start_next()

    def cancel(self) -> None:
        """Drop every read under way or waiting (closing): what the rows show stays."""
        self.generation += 1
        self.shown_generation = self.generation
        self._waiting = None

    def loading(self) -> bool:
        """True while a requested filter has not been shown yet."""
        return self.shown_generation != self.generation

    def _start_next(self) -> None:
        if self._waiting is None or self.runner is None:
            return
        generation, flt = self._waiting
        self._waiting = None
        self._running = True
        read = self.read
        self.runner.start(lambda: read(flt, PAGE_SIZE),
                          lambda snap: self._arrived(generation, snap),
                          lambda message: self._failed(generation, message))

    def _arrived(self, generation: int, snap: Snapshot) -> None:
        self._running = False
        if generation == self.generation:  # else a newer request superseded it: dropped
            self.shown_generation = generation
            self._apply(snap)
            self.loaded.emit()
        self._start_next()

    def _failed(self, generation: int, message: str) -> None:
        self._running = False
        if generation == self.generation:
            self.shown_generation = generation
            self.load_failed.emit(message)
        self._start_next()

    def _apply(self, snap: Snapshot) -> None:
        self.beginResetModel()
        self.filter = snap.query
        self.total = snap.total
        self.ids = snap.ids
        self.pages.clear()
        self.texts.clear()
        if snap.first_page is not None and snap.total:
            self.pages[0] = snap.first_page
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read with the same filter (after a case changed), at the time of now."""
        flt = copy_query(self.latest)
        flt.now = None  # stamped anew by the service: time makes cases overdue
        self.set_filter(flt)

    def refresh_later(self) -> None:
        """Re-read with the same filter off the UI thread (a search) or now (no search)."""
        flt = copy_query(self.latest)
        flt.now = None
        if flt.search.strip():
            self.load(flt)
        else:
            self.set_filter(flt)

    def _read_page(self, number: int) -> list[InboxRow]:
        start = number * PAGE_SIZE
        if self.ids is not None:
            return self.inbox.rows_by_ids(self.filter, self.ids[start:start + PAGE_SIZE])
        return self.inbox.page_of(self.filter, start, PAGE_SIZE)

    def _row(self, row: int) -> InboxRow | None:
        if not 0 <= row < self.total:
            return None
        number = row // PAGE_SIZE
        page = self.pages.get(number)
        if page is None:
            page = self._read_page(number)
            self.pages[number] = page
            while len(self.pages) > MAX_PAGES:
                self.pages.popitem(last=False)
        else:
            self.pages.move_to_end(number)
        i = row - number * PAGE_SIZE
        return page[i] if i < len(page) else None

    def case_row(self, row: int) -> InboxRow | None:
        return self._row(row)

    def case_id(self, row: int) -> int | None:
        item = self._row(row)
        return item.case_id if item is not None else None

    def row_of(self, case_id: int) -> int | None:
        if self.ids is not None:
            try:
                return self.ids.index(case_id)
            except ValueError:
                return None
        for number, page in self.pages.items():
            for i, item in enumerate(page):
                if item.case_id == case_id:
                    return number * PAGE_SIZE + i
        return self.inbox.row_index(self.filter, case_id)

    def mark_read(self, row: int) -> bool:
        """The row's case was opened: no longer "baru" (True when it was)."""
        item = self._row(row)
        if item is None or not item.unread:
            return False
        item.unread = False
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return True

    def set_step_names(self, names: dict[tuple[str, int], str]) -> None:
        self.step_names = names
        self.texts.clear()

    # ----- Qt model interface
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _tr(COLUMNS[section][1])
            if role == Qt.ItemDataRole.ToolTipRole:
                return _tr(HEADER_TIPS.get(COLUMNS[section][0], COLUMNS[section][1]))
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return CELL_FLAGS

    def _text(self, item, key: str) -> str:
        """A cell's text, formatted once: the view asks for several roles of every cell
        it paints, and formatting dates (Babel) for each one slows each swap and scroll."""
        cache_key = (item.case_id, key)
        text = self.texts.get(cache_key)
        if text is None:
            if len(self.texts) > MAX_PAGES * PAGE_SIZE * len(COLUMNS):
                self.texts.clear()
            text = self.texts[cache_key] = self._format(item, key)
        return text

    def _format(self, item, key: str) -> str:
        if key == "number":
            return item.number
        if key == "sop":
            return item.sop
        if key == "subject":
            return item.subject
        if key == "step":
            if item.step is None:
                return ""
            name = self.step_names.get((item.sop, item.step), "")
            return f"{item.step}. {name}" if name else str(item.step)
        if key == "received":  # the day is enough in the table; the tooltip has the time
            return date_text(item.received, compact=True)
        if key == "due":
            if item.due is None:
                return "—" if item.status == STATUS_OPEN else ""
            return datetime_text(item.due, compact=True)
        if key == "status":
            if item.overdue:
                return QCoreApplication.translate("InboxModel", "Terlambat")
            return _tr(STATUS_TEXT.get(item.status, item.status))
        return self._format_more(item, key)

    @staticmethod
    def status_text(status: str) -> str:
        return _tr(STATUS_TEXT.get(status, status))

    @staticmethod
    def sifat_text(sifat: str) -> str:
        return _tr(SIFAT_TEXT.get(sifat, sifat))

    def _format_more(self, item, key: str) -> str:
        """The columns of who holds it, how late and how urgent, and the disposisi."""
        if key == "late":
            return (QCoreApplication.translate("InboxModel", "%1 hari")
                    .replace("%1", str(item.days_overdue))
                    if item.days_overdue else "")
        if key == "sifat":
            return _tr(SIFAT_TEXT.get(item.sifat, item.sifat)) if item.sifat != "biasa" else ""
        if key == "holder":
            return item.holder_name or ""
        if key == "instruction" and item.instruction:
            told = item.instruction
            text = told["instruksi_text"] or QCoreApplication.translate("InboxModel", "Ditugaskan")
            text = f"{told['from_name']}: {text}"
            return text + (f" — {told['catatan']}" if told["catatan"] else "")
        return ""

    def display_text(self, row: int, key: str) -> str | None:
        """What `data` shows in the cell of `row` and column `key` (None past the rows), without
        a QModelIndex: the column measuring reads a few hundred cells before the first paint."""
        item = self._row(row)
        if item is None:
            return None
        text = self._text(item, key)
        if key == "due" and item.overdue:
            return "⚠ " + text  # overdue is said in text too, not by colour alone
        return text

    def data(self, index, role=DISPLAY):
        if role not in ANSWERED or not index.isValid():
            return None
        column = index.column()
        if not 0 <= column < len(COLUMNS):
            return None
        if role == DISPLAY:
            return self.display_text(index.row(), COLUMNS[column][0])
        item = self._row(index.row())
        if item is None:
            return None
        key = COLUMNS[column][0]
        if role == DECORATION and key == "number" and item.unread:
            return self._dot()
        if role == FONT and item.unread:
            font = QFont()
            font.setBold(True)  # new and unread, as in a mail inbox
            return font
        if role == TOOLTIP and item.unread and key == "number":
            return QCoreApplication.translate("InboxModel", "Baru: belum Anda buka")
        if role == FOREGROUND and key == "sifat" and item.sifat != "biasa":
            return OVERDUE_FG_BRUSH
        if role == TOOLTIP:
            if item.overdue:
                return QCoreApplication.translate("InboxModel", "Terlambat: melewati tenggat %1") \
                    .replace("%1", datetime_text(item.due))
            if key == "received":
                return datetime_text(item.received)
            if key == "due" and item.due is not None:
                return datetime_text(item.due)
            return self._text(item, key)
        if role == USER:
            return item.case_id
        if role == BACKGROUND and item.overdue:
            return OVERDUE_BG_BRUSH
        if role == FOREGROUND and item.overdue:
            return OVERDUE_FG_BRUSH
        if role == FONT and item.overdue and key == "status":
            font = QFont()
            font.setBold(True)
            return font
        if role == ACCESSIBLE:
            text = self._text(item, key)
            late = QCoreApplication.translate("InboxModel", "(terlambat)")
            if item.unread and key == "number":
                text += " " + QCoreApplication.translate("InboxModel", "(baru)")
            return (text + " " + late) if item.overdue else text
        return None

    def _dot(self):
        """The "baru" mark: a small blue dot before the agenda number."""
        from PySide6.QtGui import QIcon, QPainter, QPixmap

        if getattr(self, "_dot_icon", None) is None:
            pix = QPixmap(10, 10)
            pix.fill(QColor(0, 0, 0, 0))
            painter = QPainter(pix)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(solid_brush(QColor("#1565c0")))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(1, 1, 8, 8)
            painter.end()
            self._dot_icon = QIcon(pix)
        return self._dot_icon

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][0]
        descending = order == Qt.SortOrder.DescendingOrder
        if self.ids is not None or self.loading():
            # a search's order is its list of ids: read the new one (off the UI thread); the
            # rows shown stay as they are until it arrives
            flt = copy_query(self.latest)
            flt.sort, flt.descending = key, descending
            self.load(flt)
            return
        self.beginResetModel()
        self.filter.sort = key
        self.filter.descending = descending
        self.latest = self.filter
        self.pages.clear()
        self.endResetModel()
