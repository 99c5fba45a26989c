"""Small table models over core data (SOP list, steps, history, attachments, users...).

Each is a read-only QAbstractTableModel over a Python list that the owner replaces with
`set_rows`; the big inbox has its own lazy model in ui/inbox/model.py.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor


def _tr(text: object) -> str:
    """Translate a string listed with QT_TRANSLATE_NOOP("TableModels", ...) elsewhere."""
    return QCoreApplication.translate("TableModels", str(text))


class ListTableModel(QAbstractTableModel):
    """Rows of any objects; `columns` is a list of (header, getter[, tooltip getter]); without
    a tooltip getter a cell's tooltip is its whole text (for cells cut short)."""

    def __init__(self, columns, parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list = []
        self.header_tips: dict[int, str] = {}  # column -> what its header means

    def set_columns(self, columns) -> None:
        """Replace the (header, getter) pairs (for owners that build them after the model)."""
        self.beginResetModel()
        self.columns = list(columns)
        self.endResetModel()

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section][0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.header_tips.get(section)
        return None

    def cell_text(self, obj, column: int) -> str:
        value = self.columns[column][1](obj)
        return "" if value is None else str(value)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        obj = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and len(self.columns[index.column()]) > 2:
            return self.columns[index.column()][2](obj)  # a column's own tooltip getter
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell_text(obj, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return obj
        return self.extra_data(obj, index.column(), role)

    def extra_data(self, obj, column: int, role):
        return None


class SopListModel(ListTableModel):
    """Every SOP (newest version): nomor, name, version, step count."""

    def __init__(self, parent=None):
        super().__init__([
            (QCoreApplication.translate("TableModels", "Nomor SOP"), lambda d: d.nomor or "—"),
            (QCoreApplication.translate("TableModels", "Nama SOP"), lambda d: d.name),
            (QCoreApplication.translate("TableModels", "Versi"), lambda d: d.version),
            (QCoreApplication.translate("TableModels", "Langkah"), lambda d: len(d.steps)),
        ], parent)


def waktu_text(step) -> str:
    return step.waktu.text if step.waktu else ""


KIND_LABELS = {"start": QT_TRANSLATE_NOOP("TableModels", "Mulai"),
               "process": QT_TRANSLATE_NOOP("TableModels", "Proses"),
               "decision": QT_TRANSLATE_NOOP("TableModels", "Keputusan"),
               "end": QT_TRANSLATE_NOOP("TableModels", "Selesai")}


class StepsModel(ListTableModel):
    """The steps table of an SOP with its mutu baku; unassigned lanes are flagged."""

    def __init__(self, parent=None):
        super().__init__([
            (QCoreApplication.translate("TableModels", "No"), lambda s: s.number),
            (QCoreApplication.translate("TableModels", "Kegiatan"), lambda s: s.kegiatan),
            (QCoreApplication.translate("TableModels", "Pelaksana"), lambda s: s.lane or QCoreApplication.translate(
                "TableModels", "(belum ditentukan)")),
            (QCoreApplication.translate("TableModels", "Jenis"), self._kind),
            (QCoreApplication.translate("TableModels", "Kelengkapan"), lambda s: s.kelengkapan),
            (QCoreApplication.translate("TableModels", "Waktu"), waktu_text),
            (QCoreApplication.translate("TableModels", "Output"), lambda s: s.output),
            (QCoreApplication.translate("TableModels", "Keterangan"), lambda s: s.keterangan),
        ], parent)
        mutu = QCoreApplication.translate("TableModels", "Mutu baku: %1")
        self.header_tips = {
            4: mutu.replace("%1", QCoreApplication.translate(
                "TableModels", "kelengkapan / persyaratan yang harus ada")),
            5: mutu.replace("%1", QCoreApplication.translate("TableModels", "waktu standar")),
            6: mutu.replace("%1", QCoreApplication.translate("TableModels", "keluaran langkah")),
        }

    @staticmethod
    def _kind(step) -> str:
        text = _tr(KIND_LABELS.get(step.kind, step.kind))
        if step.kind == "decision":
            yes = QCoreApplication.translate("TableModels", "Ya")
            no = QCoreApplication.translate("TableModels", "Tidak")
            text += f" ({yes}→{step.yes}, {no}→{step.no})"
        return text

    def extra_data(self, step, column, role):
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and not step.lane:
            return QBrush(QColor("#b00020"))
        return None


