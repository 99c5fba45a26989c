"""The inbox table model: a lazy, paged view over the case query (smooth at 100,000 cases).

rowCount is one COUNT query; rows are read a page at a time when the view first asks for them
and kept in a small cache of pages (the way Anki's browser table reads its rows on demand).
Sorting asks the database for the new order instead of sorting in Python.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            Qt)
from PySide6.QtGui import QBrush, QColor, QFont

from sop_desktop.workflow import STATUS_DONE, STATUS_OPEN, STATUS_STOPPED
from ui import inbox_query
from ui.i18n import date_text, datetime_text

PAGE_SIZE = 200
MAX_PAGES = 20  # at most 4,000 rows held in memory

COLUMNS = (
    ("number", QT_TRANSLATE_NOOP("InboxModel", "Nomor agenda")),
    ("sop", QT_TRANSLATE_NOOP("InboxModel", "SOP")),
    ("subject", QT_TRANSLATE_NOOP("InboxModel", "Pemohon/perihal")),
    ("step", QT_TRANSLATE_NOOP("InboxModel", "Langkah")),
    ("received", QT_TRANSLATE_NOOP("InboxModel", "Diterima")),
    ("due", QT_TRANSLATE_NOOP("InboxModel", "Tenggat")),
    ("status", QT_TRANSLATE_NOOP("InboxModel", "Status")),
)
HEADER_TIPS = {
    "subject": QT_TRANSLATE_NOOP("InboxModel", "Pemohon, pengadu atau perihal kasus"),
    "step": QT_TRANSLATE_NOOP("InboxModel", "Langkah SOP yang sedang dikerjakan"),
    "due": QT_TRANSLATE_NOOP("InboxModel", "Tenggat langkah sekarang menurut mutu baku waktu"),
}
STATUS_TEXT = {
    STATUS_OPEN: QT_TRANSLATE_NOOP("InboxModel", "Berjalan"),
    STATUS_DONE: QT_TRANSLATE_NOOP("InboxModel", "Selesai"),
    STATUS_STOPPED: QT_TRANSLATE_NOOP("InboxModel", "Dihentikan"),
}
OVERDUE_BG = QColor("#fde2e1")
OVERDUE_FG = QColor("#8a1010")


def _tr(text: str) -> str:
    return QCoreApplication.translate("InboxModel", text)


class InboxModel(QAbstractTableModel):
    """Cases matching a CaseFilter; `case_id(row)` and `row_of(case_id)` map rows to cases."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filter = inbox_query.CaseFilter(position_ids=[])
        self.total = 0
        self.pages: OrderedDict[int, list] = OrderedDict()
        self.step_names: dict[tuple[str, int], str] = {}

    # ----- loading
    def set_filter(self, flt: inbox_query.CaseFilter) -> None:
        self.beginResetModel()
        self.filter = flt
        self.pages.clear()
        self.total = inbox_query.count(flt)
        self.endResetModel()

    def refresh(self) -> None:
        """Re-read with the same filter (after a case changed)."""
        from sop_desktop import db as dbm

        self.filter.now = dbm.now_local()
        self.set_filter(self.filter)

    def _row(self, row: int):
        if not 0 <= row < self.total:
            return None
        number = row // PAGE_SIZE
        page = self.pages.get(number)
        if page is None:
            page = inbox_query.page(self.filter, number * PAGE_SIZE, PAGE_SIZE)
            self.pages[number] = page
            while len(self.pages) > MAX_PAGES:
                self.pages.popitem(last=False)
        else:
            self.pages.move_to_end(number)
        i = row - number * PAGE_SIZE
        return page[i] if i < len(page) else None

    def case_row(self, row: int):
        return self._row(row)

    def case_id(self, row: int) -> int | None:
        item = self._row(row)
        return item.case_id if item is not None else None

    def row_of(self, case_id: int) -> int | None:
        for number, page in self.pages.items():
            for i, item in enumerate(page):
                if item.case_id == case_id:
                    return number * PAGE_SIZE + i
        return inbox_query.row_index(self.filter, case_id)

    def set_step_names(self, names: dict[tuple[str, int], str]) -> None:
        self.step_names = names

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
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _text(self, item, key: str) -> str:
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
        return ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.column() < len(COLUMNS)):
            return None
        item = self._row(index.row())
        if item is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._text(item, key)
            if key == "due" and item.overdue:
                return "⚠ " + text  # overdue is said in text too, not by colour alone
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.overdue:
                return QCoreApplication.translate("InboxModel", "Terlambat: melewati tenggat %1") \
                    .replace("%1", datetime_text(item.due))
            if key == "received":
                return datetime_text(item.received)
            if key == "due" and item.due is not None:
                return datetime_text(item.due)
            return self._text(item, key)
        if role == Qt.ItemDataRole.UserRole:
            return item.case_id
        if role == Qt.ItemDataRole.BackgroundRole and item.overdue:
            return QBrush(OVERDUE_BG)
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return QBrush(OVERDUE_FG)
        if role == Qt.ItemDataRole.FontRole and item.overdue and key == "status":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._text(item, key)
            late = QCoreApplication.translate("InboxModel", "(terlambat)")
            return (text + " " + late) if item.overdue else text
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.beginResetModel()
        self.filter.sort = COLUMNS[column][0]
        self.filter.descending = order == Qt.SortOrder.DescendingOrder
        self.pages.clear()
        self.endResetModel()
