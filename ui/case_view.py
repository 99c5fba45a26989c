"""The selected case: intake fields, flowchart with the path taken, history timeline,
attachments, and the actions its current step allows (with a note and the real time).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QDateTime, QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QFileDialog, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit,
                               QListView, QPushButton, QScrollArea, QSplitter, QTableView, QTabWidget,
                               QVBoxLayout, QWidget)

from sop_desktop import workflow as wf
from sop_desktop.errors import SopError
from sop_desktop.paths import data_dir
from sop_desktop.users import is_staff
from ui.flowchart_guard import make_flowchart
from ui.i18n import date_text, datetime_text
from ui.models import ListTableModel
from ui.screen import compact_rows, fit_columns

ACTION_TEXT = {
    wf.ACTION_OPEN: QT_TRANSLATE_NOOP("CaseView", "Kasus dibuka"),
    wf.ACTION_COMPLETE: QT_TRANSLATE_NOOP("CaseView", "Langkah diselesaikan"),
    wf.ACTION_DECIDE: QT_TRANSLATE_NOOP("CaseView", "Keputusan"),
    wf.ACTION_RETURN: QT_TRANSLATE_NOOP("CaseView", "Dikembalikan"),
    wf.ACTION_STOP: QT_TRANSLATE_NOOP("CaseView", "Dihentikan"),
    wf.ACTION_REOPEN: QT_TRANSLATE_NOOP("CaseView", "Dibuka kembali"),
    wf.ACTION_LETTER: QT_TRANSLATE_NOOP("CaseView", "Surat diterbitkan"),
    "lampiran": QT_TRANSLATE_NOOP("CaseView", "Lampiran ditambahkan"),
}
STATUS_TEXT = {
    wf.STATUS_OPEN: QT_TRANSLATE_NOOP("CaseView", "Berjalan"),
    wf.STATUS_DONE: QT_TRANSLATE_NOOP("CaseView", "Selesai"),
    wf.STATUS_STOPPED: QT_TRANSLATE_NOOP("CaseView", "Dihentikan"),
}
ACTION_ATTACH = "lampiran"
CLOSE_ZOOM = 1.3  # the flowchart's scale for "Langkah sekarang": symbols and text readable


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


def _size(n: int) -> str:
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
        text = _tr(ACTION_TEXT.get(e["action"], e.get("label") or e["action"]))
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


class CaseView(QWidget):
    """Shows one case and runs its actions; `data_changed` carries each core change out."""

    data_changed = Signal(object)
    actions_changed = Signal(set)
    status_message = Signal(str)

    def __init__(self, services, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.user = user
        self.case = None
        self.defn = None
        self.info: dict = {}
        self.allowed: list[str] = []
        self.behalf_needed = False
        self.shown_definition = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel(self.tr("Pilih kasus di kotak masuk."))
        self.header.setObjectName("case_header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        # intake fields
        self.fields_widget = QWidget()
        self.fields_form = QFormLayout(self.fields_widget)
        self.fields_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields_widget)
        self.tabs.addTab(scroll, self.tr("Data"))
        self.flowchart = make_flowchart(self)
        self.flowchart.setObjectName("case_flowchart")
        chart_page = QWidget()
        cl = QVBoxLayout(chart_page)
        cl.setContentsMargins(0, 2, 0, 0)
        chart_bar = QHBoxLayout()
        # the pane is narrow on a 1366 px screen: one click brings the current step up close
        self.current_step_button = QPushButton(self.tr("Langkah sekarang"))
        self.current_step_button.setObjectName("flowchart_current_step")
        self.current_step_button.setToolTip(self.tr("Perbesar diagram pada langkah yang sedang "
                                                    "dikerjakan"))
        self.whole_page_button = QPushButton(self.tr("Seluruh halaman"))
        self.whole_page_button.setObjectName("flowchart_whole_page")
        chart_bar.addWidget(self.current_step_button)
        chart_bar.addWidget(self.whole_page_button)
        chart_bar.addStretch(1)
        cl.addLayout(chart_bar)
        cl.addWidget(self.flowchart, 1)
        self.current_step_button.clicked.connect(self.show_current_step)
        self.whole_page_button.clicked.connect(self._fit_flowchart)
        self.tabs.addTab(chart_page, self.tr("Diagram alir"))
        self.history_model = HistoryModel(self)
        self.history = QListView()  # a timeline: one multi-line entry per event
        self.history.setObjectName("history_timeline")
        self.history.setModel(self.history_model)
        self.history.setModelColumn(HistoryModel.TIMELINE_COLUMN)
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)
        self.history.setSpacing(2)
        self.history.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.tabs.addTab(self.history, self.tr("Riwayat"))
        self.attachments = AttachmentsPanel()
        self.tabs.addTab(self.attachments, self.tr("Lampiran"))
        splitter.addWidget(self.tabs)
        actions = self.actions_area = QScrollArea()  # on a short screen it scrolls, not overlaps
        actions.setWidgetResizable(True)
        actions.setFrameShape(QScrollArea.Shape.NoFrame)
        actions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        actions.setWidget(self._make_action_panel())
        splitter.addWidget(actions)
        # the tabs (fields, flowchart, history) get the height; the actions what they need
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setCollapsible(0, False)
        self.splitter = splitter
        layout.addWidget(splitter, 1)
        self.attachments.add_button.clicked.connect(self.add_attachment)
        self.attachments.open_button.clicked.connect(self.open_attachment)
        self.attachments.save_button.clicked.connect(self.save_attachment_copy)
        self.attachments.files_dropped.connect(self.attach_files)
        self.attachments.table.doubleClicked.connect(lambda _i: self.open_attachment())
        self.show_case(None)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_sized", False):  # first show: the actions get what they need
            self._sized = True
            total = max(self.splitter.height(), 300)
            wanted = self.actions_area.widget().sizeHint().height() + 4
            actions = min(wanted, int(total * 0.55))
            self.splitter.setSizes([total - actions, actions])

    def _make_action_panel(self) -> QWidget:
        box = QGroupBox(self.tr("Tindakan"))
        box.setObjectName("action_panel")
        v = QVBoxLayout(box)
        self.step_label = QLabel()
        self.step_label.setObjectName("step_label")
        self.step_label.setWordWrap(True)
        v.addWidget(self.step_label)
        self.permission_label = QLabel()
        self.permission_label.setObjectName("permission_label")
        self.permission_label.setWordWrap(True)
        v.addWidget(self.permission_label)
        form = QFormLayout()
        self.note = QPlainTextEdit()
        self.note.setObjectName("action_note")
        self.note.setPlaceholderText(self.tr("Catatan (wajib untuk Kembalikan dan Hentikan)"))
        self.note.setFixedHeight(54)
        self.note.setTabChangesFocus(True)
        form.addRow(self.tr("Catatan:"), self.note)
        time_row = QHBoxLayout()
        self.at_now = QCheckBox(self.tr("sekarang"))
        self.at_now.setObjectName("action_at_now")
        self.at_now.setChecked(True)
        self.at_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.at_edit.setObjectName("action_at")
        self.at_edit.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setEnabled(False)
        self.at_now.toggled.connect(self._at_now_toggled)
        time_row.addWidget(self.at_now)
        time_row.addWidget(self.at_edit, 1)
        form.addRow(self.tr("Waktu kejadian:"), time_row)
        self.behalf = QComboBox()
        self.behalf.setObjectName("action_behalf")
        self.behalf_label = QLabel(self.tr("Atas nama:"))
        form.addRow(self.behalf_label, self.behalf)
        v.addLayout(form)
        row = QHBoxLayout()
        self.finish_button = QPushButton(self.tr("Selesai"))
        self.finish_button.setObjectName("action_finish")
        self.yes_button = QPushButton(self.tr("Ya"))
        self.yes_button.setObjectName("action_yes")
        self.no_button = QPushButton(self.tr("Tidak"))
        self.no_button.setObjectName("action_no")
        for b in (self.finish_button, self.yes_button, self.no_button):
            row.addWidget(b)
        row.addStretch(1)
        v.addLayout(row)
        row2 = QHBoxLayout()
        self.return_target = QComboBox()
        self.return_target.setObjectName("return_target")
        # long step names must not widen the pane: the list shows them whole when opened
        self.return_target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.return_target.setMinimumContentsLength(6)
        self.return_button = QPushButton(self.tr("Kembalikan ke"))
        self.return_button.setObjectName("action_return")
        self.stop_button = QPushButton(self.tr("Hentikan"))
        self.stop_button.setObjectName("action_stop")
        self.reopen_button = QPushButton(self.tr("Buka kembali"))
        self.reopen_button.setObjectName("action_reopen")
        row2.addWidget(self.return_button)
        row2.addWidget(self.return_target, 1)
        row2.addWidget(self.stop_button)
        row2.addWidget(self.reopen_button)
        v.addLayout(row2)
        self.result_label = QLabel()
        self.result_label.setObjectName("action_result")
        self.result_label.setWordWrap(True)
        v.addWidget(self.result_label)
        v.addStretch(1)
        self.finish_button.clicked.connect(self.do_finish)
        self.yes_button.clicked.connect(lambda: self.do_decide(True))
        self.no_button.clicked.connect(lambda: self.do_decide(False))
        self.return_button.clicked.connect(self.do_return)
        self.stop_button.clicked.connect(self.do_stop)
        self.reopen_button.clicked.connect(self.do_reopen)
        return box

    def _at_now_toggled(self, now: bool) -> None:
        self.at_edit.setEnabled(not now)
        if not now:
            self.at_edit.setDateTime(QDateTime.currentDateTime())

    # ----- showing
    def show_case(self, case_id: int | None) -> None:
        """Load (or reload) a case; None clears the view."""
        self.case = None
        if case_id is not None:
            try:
                self.case = self.services.cases.get(int(case_id))
            except SopError:
                self.case = None
        if self.case is None:
            self.defn, self.info, self.allowed = None, {}, []
            self.header.setText(self.tr("Pilih kasus di kotak masuk."))
            self._clear_fields()
            self.history_model.set_rows([])
            self.attachments.model.set_rows([])
            self.flowchart.set_definition(None)
            self.shown_definition = None
            self._update_actions()
            return
        self.defn = self.services.cases.definition(self.case)
        self.info = self.services.cases.describe(self.case)
        self.allowed = self.services.cases.allowed_actions(self.case, self.user)
        self._fill_header()
        self._fill_fields()
        self.history_model.set_rows(self.info.get("history", []))
        self.history.scrollToBottom()
        self.attachments.model.set_rows(self.services.attachments.for_case(self.case))
        key = (self.defn.code, self.defn.version)
        if self.shown_definition != key:  # drawing a flowchart costs; redraw only a new SOP
            self.flowchart.set_definition(self.defn)
            self.shown_definition = key
        current = self.case.current_step if self.case.status == wf.STATUS_OPEN else None
        self.flowchart.set_case_state(current, path_of(self.info.get("history", [])))
        self._update_actions()

    def show_current_step(self) -> bool:
        """Zoom the flowchart in on the case's current step (False when there is none)."""
        chart = self.flowchart
        items = getattr(chart, "symbol_items", {})
        step = self.case.current_step if self.case is not None else None
        item = items.get(step) if step is not None else None
        if item is None or not hasattr(chart, "zoom_by"):
            return False
        chart.zoom_by(CLOSE_ZOOM / max(chart.zoom(), 1e-6))
        chart.centerOn(item)
        return True

    def _fit_flowchart(self) -> None:
        if hasattr(self.flowchart, "fit_to_window"):
            self.flowchart.fit_to_window()

    def reload(self) -> None:
        self.show_case(self.case.id if self.case is not None else None)

    def _fill_header(self) -> None:
        """Number and SOP, then one wrapped line: status · step and who holds it · due time.
        (The step's activity is named in the actions panel below, not twice.)"""
        info, esc = self.info, html.escape
        status = _tr(STATUS_TEXT.get(info["status"], info["status"]))
        status_label, step_label = self.tr("Status"), self.tr("Langkah")
        late_label, due_label = self.tr("Terlambat"), self.tr("Tenggat")
        head = (f"<b style='font-size:12pt'>{esc(info['number'])}</b> · {esc(info['sop_name'])} "
                f"(v{info['sop_version']})")
        line = [f"{status_label}: <b>{esc(status)}</b>"]
        if info["status"] == wf.STATUS_OPEN and info.get("current_step") is not None:
            who = info.get("position") or info.get("lane") or ""
            line.append(f"{step_label} {info['current_step']}" + (f" — {esc(who)}" if who else ""))
            if info.get("due"):
                due = esc(_fmt(info["due"]))
                if info.get("overdue"):
                    line.append(f"<span style='color:#8a1010'><b>⚠ {late_label}</b> "
                                f"({due_label} {due})</span>")
                else:
                    line.append(f"{due_label}: {due}")
        self.header.setText(head + "<br>" + " · ".join(line))

    def _clear_fields(self) -> None:
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)

    def _fill_fields(self) -> None:
        self._clear_fields()
        values = self.info.get("fields", {})
        for f in self.defn.fields:
            value = values.get(f.key)
            label = QLabel(field_text(f, value))
            label.setObjectName(f"value_{f.key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields_form.addRow(f.label + ":", label)
        self.fields_form.addRow(self.tr("Diterima:"), QLabel(_fmt(self.info.get("created_at"))))
        self.fields_form.addRow(self.tr("Dicatat oleh:"), QLabel(self.info.get("created_by") or ""))
        if self.info.get("expected_finish"):
            self.fields_form.addRow(self.tr("Perkiraan selesai:"),
                                    QLabel(_fmt(self.info["expected_finish"])))

    def _update_actions(self) -> None:
        case = self.case
        open_ = case is not None and case.status == wf.STATUS_OPEN and case.current_step is not None
        step = self.defn.step(case.current_step) if open_ else None
        decision = step is not None and step.kind == "decision"
        self.finish_button.setEnabled(open_ and not decision)
        self.yes_button.setEnabled(open_ and decision)
        self.no_button.setEnabled(open_ and decision)
        self.finish_button.setVisible(not decision)
        self.yes_button.setVisible(decision)
        self.no_button.setVisible(decision)
        targets = self.services.cases.return_targets(case) if open_ else []
        self.return_target.clear()
        for n in targets:
            self.return_target.addItem(f"{n}. {self.defn.step(n).kegiatan}", n)
        if targets:
            self.return_target.setCurrentIndex(len(targets) - 1)
        self.return_button.setEnabled(bool(targets))
        self.return_target.setEnabled(bool(targets))
        self.stop_button.setEnabled(open_)
        self.reopen_button.setVisible(wf.ACTION_REOPEN in self.allowed)
        self.note.setEnabled(open_ or wf.ACTION_REOPEN in self.allowed)
        self._fill_behalf(open_)
        if step is not None:
            self.step_label.setText(self.tr("Langkah %1: %2").replace("%1", str(step.number))
                                    .replace("%2", step.kegiatan))
            who = self.info.get("position") or step.lane or ""
            if self.allowed and self.behalf_needed and self.behalf.count() == 0:
                text = self.tr("Belum ada pengguna yang memegang jabatan %1; minta administrator "
                               "menambahkannya agar langkah ini dapat dicatat atas namanya.") \
                    .replace("%1", who)
                self.permission_label.setStyleSheet("color: #8a1010")
            elif self.allowed:
                text = self.tr("Anda dapat mencatat langkah ini.")
                if self.behalf_needed:
                    text = self.tr("Langkah ini milik %1: pilih atas nama siapa Anda mencatatnya.") \
                        .replace("%1", who)
                self.permission_label.setStyleSheet("color: #1c6b2f")
            else:
                text = self.tr("Langkah ini dikerjakan oleh %1; Anda tidak memegang jabatan itu.") \
                    .replace("%1", who)
                self.permission_label.setStyleSheet("color: #8a1010")
            self.permission_label.setText(text)
        else:
            self.step_label.setText("" if case is None else self.tr("Kasus tidak sedang berjalan."))
            self.permission_label.setText("")
        self.attachments.add_button.setEnabled(case is not None)
        self.current_step_button.setEnabled(step is not None)
        allowed = set()
        if open_:
            allowed.add("attach")
            allowed.add("decide" if decision else "advance")
            allowed.add("stop")
            if targets:
                allowed.add("return")
        elif case is not None:
            allowed.add("attach")
        self.actions_changed.emit(allowed)

    def _fill_behalf(self, open_: bool) -> None:
        """Staff recording a step of an official choose whom they record it for."""
        self.behalf.clear()
        show = False
        if open_ and is_staff(self.user):
            pos_id = self.case.current_position_id
            held = self.services.users.position_ids(self.user)
            position = self.case.current_position if pos_id else None
            if position is not None and pos_id not in held and not position.external:
                for holder in self.services.cases.holders_for(self.case):
                    self.behalf.addItem(f"{holder.name} ({holder.username})", holder.id)
                show = True
        self.behalf_needed = show
        self.behalf.setVisible(show)
        self.behalf_label.setVisible(show)

    # ----- acting
    def _at(self) -> dt.datetime | None:
        if self.at_now.isChecked():
            return None
        return self.at_edit.dateTime().toPython().replace(second=0, microsecond=0)

    def _on_behalf(self):
        if not self.behalf_needed or self.behalf.currentData() is None:
            return None
        return self.services.users.get_by_id(int(self.behalf.currentData()))

    def _run(self, fn, done_text: str) -> bool:
        """Run one core action; show its refusal or error next to the buttons."""
        if self.case is None:
            return False
        try:
            change = fn()
        except SopError as exc:
            self.result_label.setStyleSheet("color: #b00020")
            self.result_label.setText(str(exc))
            self.status_message.emit(str(exc))
            return False
        self.note.clear()
        self.at_now.setChecked(True)
        self.result_label.setStyleSheet("color: #1c6b2f")
        self.result_label.setText(done_text)
        self.status_message.emit(done_text)
        self.data_changed.emit({"cases": list(change.case_ids), "positions": list(change.positions),
                                "action": change.action})
        return True

    def _note(self) -> str:
        return self.note.toPlainText().strip()

    def do_finish(self) -> bool:
        number = self.case.number if self.case else None
        return self._run(lambda: self.services.cases.advance(
            number, self.user, note=self._note(), on_behalf_of=self._on_behalf(), at=self._at()),
            self.tr("Langkah diselesaikan."))

    def do_decide(self, yes: bool) -> bool:
        number = self.case.number if self.case else None
        return self._run(lambda: self.services.cases.decide(
            number, self.user, "ya" if yes else "tidak", note=self._note(),
            on_behalf_of=self._on_behalf(), at=self._at()),
            self.tr("Keputusan dicatat: %1").replace("%1", self.tr("Ya") if yes else self.tr("Tidak")))

    def do_return(self) -> bool:
        target = self.return_target.currentData()
        if not self._note():
            self._require_note(self.tr("Tulis alasan pengembalian pada Catatan."))
            return False
        number = self.case.number if self.case else None
        return self._run(lambda: self.services.cases.return_to(
            number, self.user, int(target), self._note(), on_behalf_of=self._on_behalf(),
            at=self._at()), self.tr("Kasus dikembalikan ke langkah %1.").replace("%1", str(target)))

    def do_stop(self) -> bool:
        if not self._note():
            self._require_note(self.tr("Tulis alasan penghentian pada Catatan."))
            return False
        number = self.case.number if self.case else None
        return self._run(lambda: self.services.cases.stop(
            number, self.user, self._note(), on_behalf_of=self._on_behalf(), at=self._at()),
            self.tr("Kasus dihentikan."))

    def do_reopen(self) -> bool:
        if not self._note():
            self._require_note(self.tr("Tulis alasan membuka kembali pada Catatan."))
            return False
        number = self.case.number if self.case else None
        return self._run(lambda: self.services.cases.reopen(number, self.user, self._note(),
                                                            at=self._at()),
                         self.tr("Kasus dibuka kembali."))

    def _require_note(self, text: str) -> None:
        self.result_label.setStyleSheet("color: #b00020")
        self.result_label.setText(text)
        self.note.setFocus()

    # ----- attachments
    def add_attachment(self) -> None:
        if self.case is None:
            return
        dialog = QFileDialog(self, self.tr("Tambah lampiran"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(self.attach_files)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.file_dialog = dialog

    def attach_files(self, files: list[str]) -> bool:
        """Store files and record them in the case history (one event)."""
        if self.case is None or not files:
            return False
        try:
            stored = [self.services.attachments.add(f) for f in files]
            names = ", ".join(s.name for s in stored)
            self.services.cases.record_event(self.case, self.user, ACTION_ATTACH,
                                             note=self.tr("Lampiran: %1").replace("%1", names),
                                             attachments=stored)
        except SopError as exc:
            self.status_message.emit(str(exc))
            self.result_label.setStyleSheet("color: #b00020")
            self.result_label.setText(str(exc))
            return False
        self.tabs.setCurrentWidget(self.attachments)
        text = self.tr("%n lampiran ditambahkan.", "", len(stored))
        self.status_message.emit(text)
        self.data_changed.emit({"cases": [self.case.id], "attachments": True})
        return True

    def open_attachment(self) -> bool:
        att = self.attachments.selected()
        if att is None:
            return False
        try:
            folder = data_dir() / "terbuka" / att.sha256[:16]
            folder.mkdir(parents=True, exist_ok=True)
            path = self.services.attachments.export(att, folder)
        except (SopError, OSError) as exc:
            self.status_message.emit(str(exc))
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def save_attachment_copy(self) -> None:
        att = self.attachments.selected()
        if att is None:
            return
        dialog = QFileDialog(self, self.tr("Simpan salinan ke folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda folder, a=att: self.save_copy_to(a, folder))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.file_dialog = dialog

    def save_copy_to(self, att, folder: str) -> Path | None:
        try:
            Path(folder).mkdir(parents=True, exist_ok=True)
            path = self.services.attachments.export(att, folder)
        except (SopError, OSError) as exc:
            self.status_message.emit(str(exc))
            return None
        self.status_message.emit(self.tr("Salinan disimpan: %1").replace("%1", str(path)))
        return path
