"""New case: choose the SOP, fill the form generated from its intake fields, open the case."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.cases.intake_form import IntakeForm
from ui.screen import fit_size
from ui.workers import TaskRunner, user_message


class NewCaseDialog(QDialog):
    """Emits `case_created(case)` once the core opened the case."""

    case_created = Signal(object)

    def __init__(self, services: Any, user: Any, parent: QWidget | None = None,
                 sop_code: str | None = None, runner: TaskRunner | None = None):
        super().__init__(parent)
        self.services = services
        self.user = user
        self.runner = runner or TaskRunner(self)  # the case is opened on the worker pool
        self.setWindowTitle(self.tr("Kasus baru"))
        fit_size(self, 640, 620)
        layout = QVBoxLayout(self)
        top = QFormLayout()
        self.sop = QComboBox()
        self.sop.setObjectName("new_case_sop")
        # sorted by name, as the clerk looks for them
        self.definitions = sorted((d for d in services.sops.latest_all()
                                   if not d.incomplete and d.steps),
                                  key=lambda d: (d.name.casefold(), d.code))
        for defn in self.definitions:
            self.sop.addItem(defn.name + (f" ({defn.nomor})" if defn.nomor else ""), defn.code)
        top.addRow(self.tr("SOP:"), self.sop)
        time_row = QHBoxLayout()
        self.at_now = QCheckBox(self.tr("sekarang"))
        self.at_now.setObjectName("new_case_at_now")
        self.at_now.setChecked(True)
        self.at_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.at_edit.setObjectName("new_case_at")
        self.at_edit.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setEnabled(False)
        self.at_now.toggled.connect(lambda now: self.at_edit.setEnabled(not now))
        time_row.addWidget(self.at_now)
        time_row.addWidget(self.at_edit, 1)
        top.addRow(self.tr("Diterima:"), time_row)
        self.sifat = QComboBox()  # biasa / segera / sangat segera / rahasia (sop_desktop.domain.sifat)
        self.sifat.setObjectName("new_case_sifat")
        for key, text in (("biasa", self.tr("Biasa")), ("segera", self.tr("Segera")),
                          ("sangat_segera", self.tr("Sangat segera")), ("rahasia", self.tr("Rahasia"))):
            self.sifat.addItem(text, key)
        top.addRow(self.tr("Sifat:"), self.sifat)
        layout.addLayout(top)
        self.first_step = QLabel()
        self.first_step.setObjectName("new_case_first_step")
        self.first_step.setWordWrap(True)
        layout.addWidget(self.first_step)
        self.form = IntakeForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        self.note = QPlainTextEdit()
        self.note.setObjectName("new_case_note")
        self.note.setPlaceholderText(self.tr("Catatan (boleh kosong)"))
        self.note.setFixedHeight(48)
        layout.addWidget(self.note)
        self.error = QLabel()
        self.error.setObjectName("new_case_error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Buat kasus"))
        self.ok_button.setObjectName("new_case_ok")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.create_case)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.form.validity_changed.connect(self.ok_button.setEnabled)
        self.sop.currentIndexChanged.connect(self._sop_changed)
        if sop_code:
            self.sop.setCurrentIndex(max(0, self.sop.findData(sop_code)))
        self._sop_changed()

    def definition(self):
        i = self.sop.currentIndex()
        return self.definitions[i] if 0 <= i < len(self.definitions) else None

    def choose_sop(self, code: str) -> bool:
        index = self.sop.findData(code)
        if index >= 0:
            self.sop.setCurrentIndex(index)
        return index >= 0

    def _sop_changed(self) -> None:
        defn = self.definition()
        self.error.clear()
        if defn is None:
            self.form.set_fields([])
            self.ok_button.setEnabled(False)
            return
        first = defn.steps[0]
        pos = self.services.positions.position_for_lane(defn, first.lane)
        text = (self.tr("Langkah pertama: %1 — %2").replace("%1", first.kegiatan)
                .replace("%2", pos.name if pos else (first.lane or "?")))
        nxt = defn.successors(first)
        if pos is not None and pos.external and first.kind != "decision" and nxt:
            following = defn.step(nxt[0])
            text += "\n" + self.tr("Selesai saat kasus ini dicatat; kasus lalu menunggu di "
                                   "langkah %1: %2").replace("%1", str(following.number)) \
                .replace("%2", following.kegiatan)
        self.first_step.setText(text)
        self.form.set_fields(defn.fields)

    def create_case(self) -> None:
        """Open the case through the core (QWidget.create is Qt's own: not overridden)."""
        defn = self.definition()
        if defn is None or not self.form.show_all_problems():
            self.error.setText(self.tr("Periksa isian yang ditandai merah."))
            return
        at = None if self.at_now.isChecked() else cast(
            dt.datetime, self.at_edit.dateTime().toPython()).replace(second=0, microsecond=0)
        cases, code, user, values = self.services.cases, defn.code, self.user, self.form.values()
        note, sifat = self.note.toPlainText().strip(), self.sifat.currentData()
        self.ok_button.setEnabled(False)  # one case per click, opened on the worker
        self.error.setText("")

        def refused(message: str) -> None:
            self.ok_button.setEnabled(True)
            self.error.setText(user_message(message))

        # a step of the public (handing the letter in) is done by recording it here
        self.runner.start(lambda: cases.open_case(code, user, values, at=at, note=note, sifat=sifat),
                          self._created, refused)

    def _created(self, change: Any) -> None:
        case = self.services.cases.get(change.case_ids[0])
        self.case_created.emit(case)
        self.accept()
