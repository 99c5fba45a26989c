"""The selected case: intake fields, flowchart with the path taken, history timeline,
attachments, and the actions its current step allows (with a note and the real time).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sop_desktop.errors import SopError
from sop_desktop.services import workflow as wf
from sop_desktop.services.stale import CaseMoved
from sop_desktop.services.users import is_staff
from ui.case_attachments import CaseAttachments
from ui.case_parts import (  # noqa: F401
    ACTION_ATTACH,
    STATUS_TEXT,
    AttachmentsPanel,
    HistoryModel,
    _fmt,
    _tr,
    field_text,
    path_of,
)
from ui.case_texts import ActionTexts
from ui.disposisi_dialog import CaseHolding
from ui.flowchart_pane import FlowchartPane

# the window's action names (menus, toolbar) for the core's actions
UI_ACTIONS = {"advance": wf.ACTION_COMPLETE, "decide": wf.ACTION_DECIDE,
              "return": wf.ACTION_RETURN, "stop": wf.ACTION_STOP, "attach": wf.ACTION_ATTACH}
CLOCK_MS = 20_000  # "Waktu kejadian (sekarang)" follows the clock this often


class SingleClickOnly(QObject):
    """An event filter that swallows a button's double-click event: the second half of a
    double click then never presses the button again (on the step shown after the first)."""

    def eventFilter(self, watched, event) -> bool:
        return event.type() == QEvent.Type.MouseButtonDblClick


class CaseView(ActionTexts, CaseAttachments, QWidget):
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
        self.states: dict[str, str] = {}  # the core's action -> "" or why not (action_states)
        self.reasons: dict[str, str] = {}  # the window's action name -> why it is disabled
        self.message_case: int | None = None  # the case the action message is about
        self.confirm_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel(self.tr("Pilih kasus di kotak masuk."))
        self.header.setObjectName("case_header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._make_tabs())
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
        self._split_by_hand = False
        self._fitting_split = False
        splitter.splitterMoved.connect(self._split_moved)
        layout.addWidget(splitter, 1)
        self.attachments.add_button.clicked.connect(self.add_attachment)
        self.attachments.open_button.clicked.connect(self.open_attachment)
        self.attachments.save_button.clicked.connect(self.save_attachment_copy)
        self.attachments.files_dropped.connect(self.attach_files)
        self.attachments.table.doubleClicked.connect(lambda _i: self.open_attachment())
        self.clock = QTimer(self)
        self.clock.setInterval(CLOCK_MS)
        self.clock.timeout.connect(self._tick)
        self.clock.start()
        self.holding.said.connect(self._say)
        self.holding.changed.connect(lambda change: (self.data_changed.emit(change), self.reload()))
        self.show_case(None)

    def _make_tabs(self) -> QTabWidget:
        """The case's pages: intake data, flowchart, history timeline, attachments."""
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
        # one click brings the current step up close, another opens a large window
        self.chart_pane = FlowchartPane(self, case_tools=True)
        self.chart_pane.setObjectName("case_flowchart_pane")
        self.flowchart = self.chart_pane.view
        self.flowchart.setObjectName("case_flowchart")
        self.current_step_button = self.chart_pane.current_step_button
        self.whole_page_button = self.chart_pane.whole_page_button
        chart_page = self.chart_pane
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
        return self.tabs

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_actions()

    def _fit_actions(self) -> None:
        """The Tindakan pane gets the height its content needs (the tabs above scroll), until
        the user moves the divider by hand."""
        if self._split_by_hand or not self.isVisible():
            return
        total = self.splitter.height()
        if total < 200:
            return
        panel = self.actions_area.widget()
        width = self.actions_area.viewport().width()
        wanted = (panel.heightForWidth(width) if panel.hasHeightForWidth() else -1)
        wanted = max(wanted, panel.minimumSizeHint().height()) + 4
        actions = min(wanted, total - 160)
        if abs(self.splitter.sizes()[1] - actions) > 2:
            self._fitting_split = True
            self.splitter.setSizes([total - actions, actions])
            self._fitting_split = False

    def _split_moved(self, *_args) -> None:
        if not self._fitting_split:
            self._split_by_hand = True

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_actions()

    def _make_action_panel(self) -> QWidget:
        box = QGroupBox(self.tr("Tindakan"))
        box.setObjectName("action_panel")
        v = QVBoxLayout(box)
        v.setContentsMargins(6, 4, 6, 4)
        v.setSpacing(4)
        self.step_label = QLabel()
        self.step_label.setObjectName("step_label")
        self.step_label.setWordWrap(True)
        v.addWidget(self.step_label)
        self.permission_label = QLabel()
        self.permission_label.setObjectName("permission_label")
        self.permission_label.setWordWrap(True)
        v.addWidget(self.permission_label)
        self.holding = CaseHolding(self.services, self.user)  # Ambil / Lepas / sifat / Disposisi
        v.addWidget(self.holding)
        v.addLayout(self._make_action_form())
        self._add_action_buttons(v)
        self.result_label = QLabel()
        self.result_label.setObjectName("action_result")
        self.result_label.setWordWrap(True)
        v.addWidget(self.result_label)
        self.finish_button.clicked.connect(self.do_finish)
        self.yes_button.clicked.connect(lambda: self.do_decide(True))
        self.no_button.clicked.connect(lambda: self.do_decide(False))
        self.return_button.clicked.connect(self.do_return)
        self.stop_button.clicked.connect(self.do_stop)
        self.reopen_button.clicked.connect(self.do_reopen)
        # a double click is one click: its second half never acts on the step shown next
        self.single_click = SingleClickOnly(self)
        for b in (self.finish_button, self.yes_button, self.no_button, self.return_button,
                  self.stop_button, self.reopen_button):
            b.installEventFilter(self.single_click)
        return box

    def _make_action_form(self) -> QFormLayout:
        """The action's note, when it happened (now or a time typed in) and on whose behalf."""
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(3)
        self.note = QPlainTextEdit()
        self.note.setObjectName("action_note")
        self.note.setPlaceholderText(self.tr("Catatan (wajib untuk Kembalikan dan Hentikan)"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 2 + 14)
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
        return form

    def _add_action_buttons(self, v: QVBoxLayout) -> None:
        """Selesai, the decision's answers, Kembalikan ke [step], Hentikan and Buka kembali."""
        self.finish_button = QPushButton(self.tr("Selesai"))
        self.finish_button.setObjectName("action_finish")
        # a decision's answers say where each goes ("Ya → 7. …"), one per line
        self.yes_button = QPushButton(self.tr("Ya"))
        self.yes_button.setObjectName("action_yes")
        self.no_button = QPushButton(self.tr("Tidak"))
        self.no_button.setObjectName("action_no")
        for b in (self.yes_button, self.no_button):
            b.setStyleSheet("text-align: left; padding: 3px 8px;")
        row = QHBoxLayout()
        row.addWidget(self.finish_button)
        row.addStretch(1)
        v.addLayout(row)
        v.addWidget(self.yes_button)
        v.addWidget(self.no_button)
        row2 = QHBoxLayout()
        self.return_target = QComboBox()
        self.return_target.setObjectName("return_target")
        # long step names must not widen the pane: the list shows them whole when opened
        self.return_target.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.return_target.setMinimumContentsLength(6)
        self.return_button = QPushButton(self.tr("Kembalikan ke"))
        self.return_button.setObjectName("action_return")
        self.stop_button = QPushButton(self.tr("Hentikan…"))
        self.stop_button.setObjectName("action_stop")
        self.reopen_button = QPushButton(self.tr("Buka kembali"))
        self.reopen_button.setObjectName("action_reopen")
        row2.addWidget(self.return_button)
        row2.addWidget(self.return_target, 1)
        row2.addWidget(self.stop_button)
        row2.addWidget(self.reopen_button)
        v.addLayout(row2)

    def _at_now_toggled(self, now: bool) -> None:
        self.at_edit.setEnabled(not now)
        self.at_edit.setDateTime(QDateTime.currentDateTime())

    def _tick(self) -> None:
        """'sekarang' shows the time it is now, not when the pane was built."""
        if self.at_now.isChecked():
            self.at_edit.setDateTime(QDateTime.currentDateTime())

    def _say(self, text: str, ok: bool) -> None:
        """The outcome of an action, shown under the buttons for the case it is about."""
        self.result_label.setStyleSheet("color: #1c6b2f" if ok else "color: #b00020")
        self.result_label.setText(text)
        self.message_case = self.case.id if self.case is not None else None

    # ----- showing
    def show_case(self, case_id: int | None) -> None:
        """Load (or reload) a case; None clears the view."""
        self.case = None
        if case_id is not None:
            try:
                self.case = self.services.cases.get(int(case_id))
            except SopError:
                self.case = None
        if self.message_case is not None and (self.case is None or self.case.id != self.message_case):
            self.result_label.clear()  # a message belongs to the case it is about
            self.message_case = None
        self._tick()
        if self.case is None:
            self.defn, self.info, self.allowed, self.states = None, {}, [], {}
            self.header.setText(self.tr("Pilih kasus di kotak masuk."))
            self._clear_fields()
            self.history_model.set_rows([])
            self.attachments.model.set_rows([])
            self.chart_pane.set_definition(None)
            self.shown_definition = None
            self._update_actions()
            return
        self.defn = self.services.cases.definition(self.case)
        self.info = self.services.cases.describe(self.case)
        self.shown_event = self.info.get("last_move_event")  # actions name what was shown
        self.allowed = self.services.cases.allowed_actions(self.case, self.user)
        self.states = self.services.cases.action_states(self.case, self.user)
        self._fill_header()
        self._fill_fields()
        self.history_model.set_rows(self.info.get("history", []))
        self.history.scrollToBottom()
        self.attachments.model.set_rows(self.services.attachments.for_case(self.case))
        key = (self.defn.code, self.defn.version)
        if self.shown_definition != key:  # drawing a flowchart costs; redraw only a new SOP
            self.chart_pane.set_definition(self.defn)
            self.shown_definition = key
        current = self.case.current_step if self.case.status == wf.STATUS_OPEN else None
        self.chart_pane.set_case_state(current, path_of(self.info.get("history", [])))
        self._update_actions()

    def show_current_step(self) -> bool:
        """Zoom the flowchart in on the case's current step (False when there is none)."""
        return self.chart_pane.show_current_step()

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
            label = QLabel(self._expected_text())
            label.setObjectName("expected_finish")
            label.setWordWrap(True)
            self.fields_form.addRow(self.tr("Perkiraan selesai:"), label)

    def _update_actions(self) -> None:
        """Buttons follow what the core says the user may do now (action_states); a disabled
        one says why in its tooltip and above the buttons."""
        case, states = self.case, self.states
        open_ = case is not None and case.status == wf.STATUS_OPEN and case.current_step is not None
        step = self.defn.step(case.current_step) if open_ else None
        decision = step is not None and step.kind == "decision"
        targets = self.services.cases.return_targets(case) if open_ else []
        self.return_target.clear()
        for n in targets:
            self.return_target.addItem(f"{n}. {self.defn.step(n).kegiatan}", n)
        if targets:
            self.return_target.setCurrentIndex(len(targets) - 1)
        none = self.tr("Pilih kasus di kotak masuk.")
        self.reasons = {name: (states.get(action, none) if case is not None else none)
                        for name, action in UI_ACTIONS.items()}
        for name, button in (("advance", self.finish_button), ("decide", self.yes_button),
                             ("decide", self.no_button), ("return", self.return_button),
                             ("stop", self.stop_button)):
            reason = self.reasons[name]
            button.setEnabled(not reason)
            button.setToolTip(reason)
        self.return_target.setEnabled(not self.reasons["return"])
        self.finish_button.setVisible(not decision)
        self.yes_button.setVisible(decision)
        self.no_button.setVisible(decision)
        if decision:
            self._label_answers(step)
        self.reopen_button.setVisible(case is not None and case.status == wf.STATUS_STOPPED)
        self.reopen_button.setEnabled(not states.get(wf.ACTION_REOPEN, none))
        self.reopen_button.setToolTip(states.get(wf.ACTION_REOPEN, ""))
        self.note.setEnabled(open_ or wf.ACTION_REOPEN in self.allowed)
        self._fill_behalf(open_)
        self.holding.set_case(case, self.info if case is not None else {})  # marks it read
        self._explain(step, decision)
        self.attachments.add_button.setEnabled(case is not None)
        self.current_step_button.setEnabled(step is not None)
        self._fit_actions()
        self.actions_changed.emit({name for name, why in self.reasons.items() if not why})

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
                    self.behalf.addItem(holder.name, holder.id)  # people by name
                    self.behalf.setItemData(self.behalf.count() - 1, position.name,
                                            Qt.ItemDataRole.ToolTipRole)
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

    def _seen(self) -> dict:
        """The step and the last moving event this view shows: the core refuses an action
        taken on them once the case has moved on (another PC, a double click)."""
        return {"on_step": self.case.current_step if self.case is not None else None,
                "on_event": getattr(self, "shown_event", None)}

    def _case_moved(self, exc: CaseMoved) -> None:
        """Someone else moved the case first: say who and when, and show it as it is now."""
        text = self.tr("Kasus ini sudah diubah oleh %1 pada %2; tampilan dimuat ulang. "
                       "Periksa langkahnya sebelum bertindak.").replace("%1", exc.by) \
            .replace("%2", _fmt(exc.at) if exc.at is not None else "-")
        case_id, stale = self.case.id, self.shown_event
        self.data_changed.emit({"cases": [case_id], "moved": True})  # the inbox row too
        if self.shown_event == stale:  # nobody reloaded this view: show the case as it is now
            self.show_case(case_id)
        self._say(text, False)
        self.status_message.emit(text)

    def _run(self, fn, done_text: str) -> bool:
        """Run one core action; show its refusal or error next to the buttons."""
        if self.case is None:
            return False
        try:
            change = fn()
        except CaseMoved as exc:
            self._case_moved(exc)
            return False
        except SopError as exc:
            self._say(str(exc), False)
            self.status_message.emit(str(exc))
            return False
        self.note.clear()
        self.at_now.setChecked(True)
        self._say(done_text, True)
        self.status_message.emit(done_text)
        self.data_changed.emit({"cases": list(change.case_ids), "positions": list(change.positions),
                                "action": change.action})
        return True

    def _note(self) -> str:
        return self.note.toPlainText().strip()

    def do_finish(self) -> bool:
        number = self.case.number if self.case else None
        return self._run(lambda: self.services.cases.advance(
            number, self.user, note=self._note(), on_behalf_of=self._on_behalf(), at=self._at(),
            **self._seen()), self.tr("Langkah diselesaikan."))

    def do_decide(self, yes: bool) -> bool:
        number = self.case.number if self.case else None
        return self._run(lambda: self.services.cases.decide(
            number, self.user, "ya" if yes else "tidak", note=self._note(),
            on_behalf_of=self._on_behalf(), at=self._at(), **self._seen()),
            self.tr("Keputusan dicatat: %1").replace("%1", self.tr("Ya") if yes else self.tr("Tidak")))

    def do_return(self) -> bool:
        target = self.return_target.currentData()
        if not self._note():
            self._require_note(self.tr("Tulis alasan pengembalian pada Catatan."))
            return False
        number = self.case.number if self.case else None
        return self._run(lambda: self.services.cases.return_to(
            number, self.user, int(target), self._note(), on_behalf_of=self._on_behalf(),
            at=self._at(), **self._seen()), self.tr("Kasus dikembalikan ke langkah %1.").replace("%1", str(target)))

    def do_stop(self) -> bool:
        """Ask first (stopping ends the case's work); `confirm_box` carries the question."""
        if self.case is None:
            return False
        if not self._note():
            self._require_note(self.tr("Tulis alasan penghentian pada Catatan."))
            return False
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Hentikan kasus"),
                          self.tr("Hentikan kasus %1? Kasus tidak dapat dikerjakan lagi kecuali "
                                  "dibuka kembali oleh administrator.").replace("%1", self.case.number),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("confirm_stop")
        box.setInformativeText(self.tr("Alasan: %1").replace("%1", self._note()))
        yes = box.addButton(self.tr("Hentikan"), QMessageBox.ButtonRole.DestructiveRole)
        yes.setObjectName("confirm_stop_yes")
        no = box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        case_id, seen = self.case.id, self._seen()  # the case as it was when asked
        yes.clicked.connect(lambda: self._stop_confirmed(case_id, seen))
        box.finished.connect(lambda _r, b=box: b.deleteLater())
        self.confirm_box = box
        box.open()
        return False

    def _stop_confirmed(self, case_id: int, seen: dict | None = None) -> bool:
        if self.case is None or self.case.id != case_id:
            return False
        number = self.case.number
        return self._run(lambda: self.services.cases.stop(
            number, self.user, self._note(), on_behalf_of=self._on_behalf(), at=self._at(),
            **(seen or self._seen())), self.tr("Kasus dihentikan."))

    def do_reopen(self) -> bool:
        if not self._note():
            self._require_note(self.tr("Tulis alasan membuka kembali pada Catatan."))
            return False
        number = self.case.number if self.case else None
        return self._run(lambda: self.services.cases.reopen(
            number, self.user, self._note(), at=self._at(), on_event=self._seen()["on_event"]),
                         self.tr("Kasus dibuka kembali."))

    def _require_note(self, text: str) -> None:
        self._say(text, False)
        self.note.setFocus()

    # ----- attachments (the rest: CaseAttachments)
    def attach_files(self, files: list[str]) -> bool:
        """Store files and record them in the case history (one event)."""
        if self.case is None or not files:
            return False
        try:  # stored and recorded in one go: a failed write leaves no file in the store
            names = ", ".join(Path(f).name for f in files)
            event = self.services.cases.attach(self.case, self.user, files,
                                               note=self.tr("Lampiran: %1").replace("%1", names))
            stored = event.attachments
        except SopError as exc:
            self.status_message.emit(str(exc))
            self._say(str(exc), False)
            return False
        self.tabs.setCurrentWidget(self.attachments)
        text = self.tr("%n lampiran ditambahkan.", "", len(stored))
        self.status_message.emit(text)
        self.data_changed.emit({"cases": [self.case.id], "attachments": True})
        return True
