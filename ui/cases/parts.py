"""Parts of the case pane: the history timeline, the attachments panel, and small helpers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from sop_desktop.services import workflow as wf
from ui.i18n import date_text, datetime_text
from ui.screen import compact_rows, fit_columns
from ui.widgets.models import ListTableModel

ACTION_TEXT = {
    wf.ACTION_OPEN: QT_TRANSLATE_NOOP("CaseView", "Kasus dibuka"),
    wf.ACTION_COMPLETE: QT_TRANSLATE_NOOP("CaseView", "Langkah diselesaikan"),
    wf.ACTION_DECIDE: QT_TRANSLATE_NOOP("CaseView", "Keputusan"),
    wf.ACTION_RETURN: QT_TRANSLATE_NOOP("CaseView", "Dikembalikan"),
    wf.ACTION_STOP: QT_TRANSLATE_NOOP("CaseView", "Dihentikan"),
    wf.ACTION_REOPEN: QT_TRANSLATE_NOOP("CaseView", "Dibuka kembali"),
    wf.ACTION_LETTER: QT_TRANSLATE_NOOP("CaseView", "Surat diterbitkan"),
    "lampiran": QT_TRANSLATE_NOOP("CaseView", "Lampiran ditambahkan"),
    wf.ACTION_DISPOSISI: QT_TRANSLATE_NOOP("CaseView", "Disposisi"),
    wf.ACTION_TAKE: QT_TRANSLATE_NOOP("CaseView", "Diambil"),
    wf.ACTION_RELEASE: QT_TRANSLATE_NOOP("CaseView", "Dilepas"),
    wf.ACTION_SIFAT: QT_TRANSLATE_NOOP("CaseView", "Sifat diubah"),
}
STATUS_TEXT = {
    wf.STATUS_OPEN: QT_TRANSLATE_NOOP("CaseView", "Berjalan"),
    wf.STATUS_DONE: QT_TRANSLATE_NOOP("CaseView", "Selesai"),
    wf.STATUS_STOPPED: QT_TRANSLATE_NOOP("CaseView", "Dihentikan"),
}
ACTION_ATTACH = "lampiran"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseView", text)


def _fmt(value, short: bool = False) -> str:
    """A stored moment (datetime or ISO text) in the interface language."""
    return datetime_text(value, short)


def field_text(field, value) -> str:
    """An intake value as the clerk reads it (dates written out, not ISO)."""
    if value is None:
        return ""
    if field.type == "date" and isinstance(value, str):
        try:
            return date_text(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def path_of(history: list[dict]) -> list[int]:
    """The steps the case has been on, in order (returns and Tidak branches included)."""
    out: list[int] = []
    for event in history:
        for step in (event.get("from_step"), event.get("to_step")):
            if step is not None and (not out or out[-1] != step):
                out.append(step)
    return out


class HistoryModel(ListTableModel):
    """The case history as a timeline: when, what, who, note."""

    def __init__(self, parent=None):
        super().__init__([
            (QCoreApplication.translate("CaseView", "Waktu"), lambda e: _fmt(e["at"])),
            (QCoreApplication.translate("CaseView", "Kejadian"), self._what),
            (QCoreApplication.translate("CaseView", "Oleh"), self._who),
            (QCoreApplication.translate("CaseView", "Catatan"), lambda e: e.get("note") or ""),
            (QCoreApplication.translate("CaseView", "Linimasa"), self._timeline),
        ], parent)

    TIMELINE_COLUMN = 4

    def _timeline(self, e: dict) -> str:
        lines = [f"● {_fmt(e['at'])} — {self._what(e)}", f"   {self._who(e)}"]
        if e.get("note"):
            lines.append(f"   “{e['note']}”")
        return "\n".join(lines)

    @staticmethod
    def _what(e: dict) -> str:
        text = _tr(str(ACTION_TEXT.get(e["action"], e.get("label") or e["action"])))
        if e.get("decision"):
            text += ": " + (QCoreApplication.translate("CaseView", "Ya") if e["decision"] == "ya"
                            else QCoreApplication.translate("CaseView", "Tidak"))
        a, b = e.get("from_step"), e.get("to_step")
        if e["action"] in (wf.ACTION_COMPLETE, wf.ACTION_DECIDE, wf.ACTION_RETURN):
            finished = QCoreApplication.translate("CaseView", "selesai")
            text += f" ({a} → {b})" if b is not None else f" ({a} → {finished})"
        elif e["action"] == wf.ACTION_OPEN and b is not None:
            text += f" (→ {b})"
        if e.get("on_time") is False:
            text += " · " + QCoreApplication.translate("CaseView", "terlambat")
        if e.get("attachments"):
            text += " · " + ", ".join(a["name"] for a in e["attachments"])
        return text

    @staticmethod
    def _who(e: dict) -> str:
        who = e.get("user_name") or e.get("user") or ""
        if e.get("position"):
            who += f" ({e['position']})"
        if e.get("on_behalf_of_name"):
            who += " " + QCoreApplication.translate("CaseView", "atas nama %1").replace(
                "%1", e["on_behalf_of_name"])
        return who

    def extra_data(self, e, column, role):
        if role == Qt.ItemDataRole.ForegroundRole and e.get("on_time") is False:
            from PySide6.QtGui import QBrush, QColor

            return QBrush(QColor("#8a1010"))
        return None


class AttachmentsModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__([
            (QCoreApplication.translate("CaseView", "Nama berkas"), lambda a: a.name),
            (QCoreApplication.translate("CaseView", "Ukuran"), lambda a: _size(a.size)),
            (QCoreApplication.translate("CaseView", "Ditambahkan"),
             lambda a: _fmt(a.added_at, short=True)),
            (QCoreApplication.translate("CaseView", "Oleh"),
             lambda a: a.added_by.name if a.added_by_id else ""),
        ], parent)


class AttachmentsPanel(QWidget):
    """The case's files: add (dialog or drag and drop), open, save a copy."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        self.model = AttachmentsModel(self)
        self.table = QTableView()
        self.table.setObjectName("attachments_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        compact_rows(self.table)
        fm = self.table.fontMetrics()
        when = fm.horizontalAdvance(_fmt(dt.datetime(2026, 9, 30, 23, 59), short=True)) + 18
        size = fm.horizontalAdvance("999.9 MB") + 18
        # on a narrow pane who added it (in the history too) and the size give way first
        fit_columns(self.table, [(200, 110, 1), (size, size, 0, 2), (when, when, 0),
                                 (140, 90, 1, 1)])
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Seret berkas ke sini untuk melampirkannya."))
        hint.setObjectName("attachments_hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Tambah…"))
        self.add_button.setObjectName("attachment_add")
        self.open_button = QPushButton(self.tr("Buka"))
        self.open_button.setObjectName("attachment_open")
        self.save_button = QPushButton(self.tr("Simpan salinan…"))
        self.save_button.setObjectName("attachment_save")
        for b in (self.add_button, self.open_button, self.save_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        files = [f for f in files if Path(f).is_file()]
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
