"""The selected case: intake fields, flowchart with the path taken, history timeline,
attachments, and the actions its current step allows (with a note and the real time).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
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
from sop_desktop.services.changes import Changes, Outcome
from ui.cases.actions import CaseActions
from ui.cases.attachments import CaseAttachments
from ui.cases.chart import CaseChart
from ui.cases.disposisi_dialog import CaseHolding
from ui.cases.parts import (  # noqa: F401
    ACTION_ATTACH,
    STATUS_TEXT,
    AttachmentsPanel,
    HistoryModel,
    _fmt,
    _tr,
    field_text,
    path_of,
)
from ui.cases.texts import ActionTexts
from ui.widgets.single_click import SingleClickOnly
from ui.workers import TaskRunner

# the window's action names (menus, toolbar) for the core's actions
UI_ACTIONS = {"advance": wf.ACTION_COMPLETE, "decide": wf.ACTION_DECIDE,
              "return": wf.ACTION_RETURN, "stop": wf.ACTION_STOP, "attach": wf.ACTION_ATTACH}
CLOCK_MS = 20_000  # "Waktu kejadian (sekarang)" follows the clock this often


class CaseView(CaseChart, ActionTexts, CaseAttachments, CaseActions, QWidget):
    """Shows one case and runs its actions (CaseActions: on the runner's worker);
    `data_changed` carries each core change out as one Changes."""

    data_changed = Signal(object)
    actions_changed = Signal(set)
    status_message = Signal(str)

    def __init__(self, services: Any, user: Any, parent: QWidget | None = None,
                 runner: TaskRunner | None = None):
        super().__init__(parent)
        self.services = services
        self.user = user
        self.runner = runner or TaskRunner(self)  # on the application's one worker pool
        self.case: Any = None  # the shown dbm.Case
        self.defn: Any = None  # its SopDefinition
        self.info: dict = {}
        self.allowed: list[str] = []
        self.behalf_needed = False
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
        self.holding.changed.connect(self._holding_changed)
        self.show_case(None)

    def _holding_changed(self, change: Changes) -> None:
        """Ambil / Lepas / sifat / Disposisi changed the case: tell the window, show it anew."""
        self.data_changed.emit(change)
        self.reload()

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
        # the flowchart (CaseChart) is built when its tab is first opened, not at start-up
        self._add_chart_tab(self.tr("Diagram alir"))
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
        if panel is None:
            return
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
        self.holding = CaseHolding(self.services, self.user, runner=self.runner)  # Ambil / Lepas / sifat / Disposisi
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
            self.set_chart(None, None, [], False)
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
        current = self.case.current_step if self.case.status == wf.STATUS_OPEN else None
        self.set_chart(self.defn, current, path_of(self.info.get("history", [])),
                       current is not None)
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
        status = _tr(str(STATUS_TEXT.get(info["status"], info["status"])))
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
        self.finish_button.setVisible(not decision)
        self.yes_button.setVisible(decision)
        self.no_button.setVisible(decision)
        if decision:
            self._label_answers(step)
        self.reopen_button.setVisible(case is not None and case.status == wf.STATUS_STOPPED)
        self.note.setEnabled(open_ or wf.ACTION_REOPEN in self.allowed)
        self._fill_behalf()
        self.holding.set_case(case, self.info if case is not None else {})  # marks it read
        self._explain(step, decision)
        self.attachments.add_button.setEnabled(case is not None)
        self._fit_actions()
        self._show_busy()

    def _show_busy(self) -> None:
        """Each button is on when the core allows its action (a disabled one says why) and no
        action is running on the worker: while one runs, a second click acts on nothing."""
        idle = self.acting is None
        for name, button in (("advance", self.finish_button), ("decide", self.yes_button),
                             ("decide", self.no_button), ("return", self.return_button),
                             ("stop", self.stop_button)):
            reason = self.reasons[name]
            button.setEnabled(idle and not reason)
            button.setToolTip(reason)
        self.return_target.setEnabled(idle and not self.reasons["return"])
        reopen = self.states.get(wf.ACTION_REOPEN, self.tr("Pilih kasus di kotak masuk."))
        self.reopen_button.setEnabled(idle and not reopen)
        self.reopen_button.setToolTip(self.states.get(wf.ACTION_REOPEN, ""))
        self.actions_changed.emit({name for name, why in self.reasons.items() if idle and not why})

    def _fill_behalf(self) -> None:
        """Staff recording a step of an official choose whom they record it for (the core
        says when and whom: CaseService.on_behalf_choices)."""
        self.behalf.clear()
        choices = (self.services.cases.on_behalf_choices(self.case, self.user)
                   if self.case is not None else None)
        for holder in choices or ():
            self.behalf.addItem(holder.name, holder.id)  # people by name
            self.behalf.setItemData(self.behalf.count() - 1, self.case.current_position.name,
                                    Qt.ItemDataRole.ToolTipRole)
        show = choices is not None
        self.behalf_needed = show
        self.behalf.setVisible(show)
        self.behalf_label.setVisible(show)

    # ----- attachments (the rest: CaseAttachments)
    def attach_files(self, files: list[str]) -> bool:
        """Store files and record them in the case history (one event), on the worker; True
        when started (a refusal is said beside the buttons when it comes back)."""
        if self.case is None or not files:
            return False
        cases, case_id, user, files = self.services.cases, self.case.id, self.user, list(files)
        note = self.tr("Lampiran: %1").replace("%1", ", ".join(Path(f).name for f in files))
        # stored and recorded in one go: a failed write leaves no file in the store
        return self._start(lambda: cases.attach(case_id, user, files, note=note), self._attached)

    def _attached(self, case_id: int, saved: Outcome[Any]) -> None:
        if self.case is not None and self.case.id == case_id:
            self.tabs.setCurrentWidget(self.attachments)
        self.status_message.emit(self.tr("%n lampiran ditambahkan.", "",
                                         len(saved.value.attachments)))
        self.data_changed.emit(saved.changes)  # the core's own Changes
