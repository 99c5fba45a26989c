"""Who works on the open case: Ambil / Lepas, its sifat, the disposisi addressed to the user,
and the Disposisi dialog (pass the case on to named staff with the Lembar Disposisi's
instruction and a note). Every action is the core's (sop_desktop.services.disposisi)."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from sop_desktop.domain.sifat import SIFAT
from sop_desktop.services.changes import Changes
from sop_desktop.services.disposisi import INSTRUKSI
from sop_desktop.services.stale import CaseMoved
from sop_desktop.services.users import is_staff
from sop_desktop.services.workflow import ACTION_RELEASE, ACTION_TAKE, STATUS_OPEN, held_by_other
from ui.cases.parts import _fmt
from ui.workers import TaskRunner, user_message


def instruction_labels() -> dict[str, str]:
    """Instruction key -> the words shown (Indonesian: the Lembar Disposisi's own)."""
    texts = (
        QCoreApplication.translate("DisposisiDialog", "Tanggapan dan Saran"),
        QCoreApplication.translate("DisposisiDialog", "Proses lebih lanjut"),
        QCoreApplication.translate("DisposisiDialog", "Koordinasikan/konfirmasikan"),
        QCoreApplication.translate("DisposisiDialog", "Untuk diketahui"),
        QCoreApplication.translate("DisposisiDialog", "Untuk diselesaikan"),
        QCoreApplication.translate("DisposisiDialog", "Untuk dijawab"),
        QCoreApplication.translate("DisposisiDialog", "Hadiri/wakili"),
        QCoreApplication.translate("DisposisiDialog", "Simpan/arsipkan"),
    )
    return dict(zip(INSTRUKSI, texts, strict=False))


class CaseHolding(QWidget):
    """A row under the step: who took the case (Ambil / Lepas), its sifat, Disposisi…, and
    the disposisi addressed to this user. Opening a case marks it read for the user."""

    changed = Signal(object)  # the Changes of an action (for data_changed)
    said = Signal(str, bool)  # an outcome for beside the buttons (text, ok)
    marked_read = Signal(int)  # a case shown was new / unread for the user until now (its id)

    def __init__(self, services: Any, user: Any, parent: QWidget | None = None,
                 runner: TaskRunner | None = None):
        super().__init__(parent)
        self.services, self.user = services, user
        self.runner = runner or TaskRunner(self)  # its writes run on the worker pool
        self.acting = False  # a take / release / sifat is running on the worker
        self.marking = 0  # read markers being written on the worker
        self.case: Any = None  # the shown dbm.Case
        self.info: dict = {}
        self.dialog: DisposisiDialog | None = None
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        self.told = QLabel()
        self.told.setObjectName("case_disposisi")
        self.told.setWordWrap(True)
        self.told.setTextFormat(Qt.TextFormat.RichText)
        v.addWidget(self.told)
        row = QHBoxLayout()
        self.holder = QLabel()
        self.holder.setObjectName("case_holder")
        self.holder.setWordWrap(True)
        self.take_button = QPushButton(self.tr("Ambil"))
        self.take_button.setObjectName("action_take")
        self.release_button = QPushButton(self.tr("Lepas"))
        self.release_button.setObjectName("action_release")
        self.disposisi_button = QPushButton(self.tr("Disposisi…"))
        self.disposisi_button.setObjectName("action_disposisi")
        self.sifat = QComboBox()
        self.sifat.setObjectName("case_sifat")
        self.sifat.setToolTip(self.tr("Sifat kasus"))
        for key, text in zip(SIFAT, (self.tr("Biasa"), self.tr("Segera"), self.tr("Sangat segera"),
                                     self.tr("Rahasia")), strict=False):
            self.sifat.addItem(text, key)
        row.addWidget(self.holder, 1)  # who holds it, wrapped, with the sifat beside it
        row.addWidget(self.sifat, 0, Qt.AlignmentFlag.AlignTop)
        v.addLayout(row)
        buttons = QHBoxLayout()  # a row of its own: the pane stays narrow at 1366 px
        for w in (self.take_button, self.release_button, self.disposisi_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        v.addLayout(buttons)
        self.take_button.clicked.connect(self.take)
        self.release_button.clicked.connect(self.release)
        self.disposisi_button.clicked.connect(self.open_dialog)
        self.sifat.activated.connect(self._sifat_chosen)
        self.set_case(None, {})

    def set_case(self, case, info: dict) -> None:
        """Show the case (None: nothing) and mark it read for the user."""
        self.case, self.info = case, info
        running = case is not None and case.status == STATUS_OPEN
        if case is not None:
            self._mark_read(case.id)
        self.setVisible(running)
        if not running:
            return
        name = info.get("holder_name")
        self.holder.setText(self.tr("Diambil oleh %1 sejak %2").replace("%1", name).replace(
            "%2", _fmt(info.get("held_at"))) if name else self.tr("Belum diambil siapa pun"))
        states = self.services.disposisi.take_states(case, self.user)
        for button, key in ((self.take_button, ACTION_TAKE), (self.release_button, ACTION_RELEASE)):
            button.setEnabled(not states[key])
            button.setToolTip(states[key])
        people = self.services.disposisi.recipients(case)
        held = "" if is_staff(self.user) else held_by_other(case, self.user)
        self.disposisi_button.setEnabled(bool(people) and not held)
        self.disposisi_button.setToolTip(held or ("" if people else self.tr(
            "Tidak ada pemegang jabatan langkah ini atau berikutnya")))
        self.sifat.setCurrentIndex(max(0, self.sifat.findData(info.get("sifat", "biasa"))))
        self._show_told()

    def _mark_read(self, case_id: int) -> None:
        """Mark the shown case read for the user: a write, so on the worker like every write;
        `marked_read` follows when it was unread. A marker that cannot be written (a read-only
        copy) never stops the case from showing: its refusal is dropped."""
        disposisi, user = self.services.disposisi, self.user
        self.marking += 1

        def back(was_unread: bool) -> None:
            if isValid(self):
                self.marking -= 1
                if was_unread:
                    self.marked_read.emit(case_id)

        def dropped(_message: str) -> None:
            if isValid(self):
                self.marking -= 1

        self.runner.start(lambda: disposisi.mark_read(case_id, user), back, dropped)

    def _show_told(self) -> None:
        """The disposisi of the current step addressed to this user (or to anyone, for staff)."""
        rows = self.services.disposisi.current(self.case)
        mine = [r for r in rows if r["to"] == self.user.username] or rows[:1]
        if not mine:
            self.told.setText("")
            self.told.setVisible(False)
            return
        r, esc = mine[0], html.escape
        labels = instruction_labels()
        what = ", ".join(labels.get(k, k) for k in r["instruksi"]) or self.tr("ditugaskan")
        names = ", ".join(x["to_name"] for x in rows if x["event"] == r["event"])
        text = (f"<b>{esc(self.tr('Disposisi'))}</b> {esc(r['from_name'])} → {esc(names)}: "
                f"<b>{esc(what)}</b>")
        if r["catatan"]:
            text += f" — {esc(r['catatan'])}"
        self.told.setText(text)
        self.told.setVisible(True)

    def _run(self, fn: Callable[[], Any], done: str) -> bool:
        """Run one change of the shown case on the worker; True when started. The outcome is
        said (and the change sent out) when it comes back; a refusal shows the case as it is."""
        if self.case is None or self.acting:
            return False
        case_id, self.acting = self.case.id, True
        for button in (self.take_button, self.release_button, self.sifat):
            button.setEnabled(False)

        def work() -> Any:
            try:
                return fn()
            except CaseMoved as exc:
                return exc

        def back(result: Any) -> None:
            self.acting = False
            self.sifat.setEnabled(True)
            if isinstance(result, CaseMoved):
                self.said.emit(str(result), False)
                self.changed.emit(Changes(cases=(case_id,), moved=True))
                return
            self.said.emit(done, True)
            self.changed.emit(result.changes())

        def refused(message: str) -> None:
            self.acting = False
            self.said.emit(user_message(message), False)
            self.sifat.setEnabled(True)
            self.set_case(self.case, self.info)  # the buttons and sifat as they were

        self.runner.start(work, back, refused)
        return True

    def take(self) -> bool:
        if self.case is None:
            return False
        case_id, step, user, disposisi = self.case.id, self.case.current_step, self.user, \
            self.services.disposisi
        return self._run(lambda: disposisi.take(case_id, user, on_step=step),
                         self.tr("Kasus diambil: rekan sejabatan melihat Anda memegangnya"))

    def release(self) -> bool:
        if self.case is None:
            return False
        case_id, user, disposisi = self.case.id, self.user, self.services.disposisi
        return self._run(lambda: disposisi.release(case_id, user), self.tr("Kasus dilepas"))

    def _sifat_chosen(self, _index: int) -> None:
        key = self.sifat.currentData()
        if self.case is None or key == self.info.get("sifat"):
            return
        case_id, user, disposisi = self.case.id, self.user, self.services.disposisi
        if not self._run(lambda: disposisi.set_sifat(case_id, user, key), self.tr("Sifat kasus diubah")):
            self.sifat.setCurrentIndex(max(0, self.sifat.findData(self.info.get("sifat"))))

    def open_dialog(self) -> DisposisiDialog:
        self.dialog = DisposisiDialog(self.services, self.user, self.case, self.info, self,
                                      runner=self.runner)
        self.dialog.sent.connect(self._sent)
        self.dialog.open()
        return self.dialog

    def _sent(self, change: Changes) -> None:
        self.said.emit(self.tr("Disposisi dikirim"), True)
        self.changed.emit(change)


class DisposisiDialog(QDialog):
    """Pass the case on to named staff with an instruction and a note (Lembar Disposisi)."""

    sent = Signal(object)  # the Changes of the disposisi (for data_changed)

    def __init__(self, services: Any, user: Any, case: Any, info: dict,
                 parent: QWidget | None = None, runner: TaskRunner | None = None):
        super().__init__(parent)
        self.setObjectName("disposisi_dialog")
        self.services, self.user, self.case = services, user, case
        self.runner = runner or TaskRunner(self)
        self.seen = {"on_step": case.current_step, "on_event": info.get("last_move_event")}
        self.setWindowTitle(self.tr("Disposisi %1").replace("%1", case.number))
        v = QVBoxLayout(self)
        intro = QLabel(self.tr("Teruskan kasus %1 kepada pemegang jabatan langkah ini atau "
                               "langkah berikutnya. Bila diteruskan ke langkah berikutnya, langkah "
                               "Anda sekarang ikut selesai.").replace("%1", case.number))
        intro.setWordWrap(True)
        v.addWidget(intro)
        who = QGroupBox(self.tr("Kepada (pilih satu orang atau lebih)"))
        wl = QVBoxLayout(who)
        self.people = QListWidget()
        self.people.setObjectName("disposisi_people")
        for r in services.disposisi.recipients(case):
            where = (self.tr("langkah ini") if r.where == "here"
                     else self.tr("langkah berikutnya %1").replace("%1", str(r.step)))
            item = QListWidgetItem(f"{r.user.name} — {r.position.name} ({where})")
            item.setData(Qt.ItemDataRole.UserRole, r.user.username)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)
        wl.addWidget(self.people)
        v.addWidget(who)
        harap = QGroupBox(self.tr("Dengan hormat harap"))
        grid = QGridLayout(harap)
        self.instructions: dict[str, QCheckBox] = {}
        for i, (key, text) in enumerate(instruction_labels().items()):
            box = QCheckBox(text)
            box.setObjectName(f"instruksi_{key}")
            self.instructions[key] = box
            grid.addWidget(box, i // 2, i % 2)
        v.addWidget(harap)
        v.addWidget(QLabel(self.tr("Catatan:")))
        self.note = QPlainTextEdit()
        self.note.setObjectName("disposisi_note")
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 14)
        self.note.setTabChangesFocus(True)
        v.addWidget(self.note)
        self.error = QLabel()
        self.error.setObjectName("disposisi_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        v.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.send_button = buttons.addButton(self.tr("Kirim disposisi"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("disposisi_send")
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
        self.resize(max(self.sizeHint().width(), 520), self.sizeHint().height())

    def chosen_people(self) -> list[str]:
        return [self.people.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.people.count())
                if self.people.item(i).checkState() == Qt.CheckState.Checked]

    def send(self) -> bool:
        """Send it through the core; a refusal is said here and the dialog stays open."""
        people = self.chosen_people()
        if not people:
            self.error.setText(self.tr("Pilih setidaknya satu penerima"))
            self.people.setFocus()
            return False
        keys = [k for k, box in self.instructions.items() if box.isChecked()]
        disposisi, case_id, user = self.services.disposisi, self.case.id, self.user
        note, seen = self.note.toPlainText().strip(), dict(self.seen)
        self.send_button.setEnabled(False)  # one disposisi per click, sent on the worker

        def back(change: Any) -> None:
            self.sent.emit(change.changes())
            self.accept()

        def refused(message: str) -> None:
            self.send_button.setEnabled(True)
            self.error.setText(user_message(message))

        self.runner.start(lambda: disposisi.disposisi(case_id, user, people, keys, note, **seen),
                          back, refused)
        return True
