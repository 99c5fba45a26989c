"""The case pane's actions (Selesai, Ya / Tidak, Kembalikan, Hentikan, Buka kembali) run off the
UI thread through the window's TaskRunner; the outcome comes back as one `Changes`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QMessageBox, QPlainTextEdit, QWidget

from sop_desktop.services.case_states import CaseChange
from sop_desktop.services.changes import Changes
from sop_desktop.services.stale import CaseMoved
from ui.cases.parts import _fmt
from ui.workers import TaskRunner, user_message


def _moved_or_change(fn: Callable[[], CaseChange]) -> Callable[[], CaseChange | CaseMoved]:
    """The worker's task: the core's result, or the CaseMoved refusal as a value (the view
    needs who moved the case and when, not only the message)."""
    def work() -> CaseChange | CaseMoved:
        try:
            return fn()
        except CaseMoved as exc:
            return exc
    return work


class CaseActions:
    """Mixed into CaseView (which has services, user, case, the note, time and behalf inputs,
    `_say`, `_show_busy`, `show_case` and the signals); strings keep the CaseView context."""

    # what CaseView provides
    services: Any
    user: Any
    case: Any
    shown_event: int | None
    behalf_needed: bool
    note: QPlainTextEdit
    at_now: QCheckBox
    at_edit: QDateTimeEdit
    behalf: QComboBox
    return_target: QComboBox
    confirm_box: QMessageBox | None
    data_changed: SignalInstance
    status_message: SignalInstance
    runner: TaskRunner
    acting: int | None = None  # the id of the case an action is running for

    def _say(self, text: str, ok: bool) -> None:
        raise NotImplementedError  # CaseView's

    def _show_busy(self) -> None:
        raise NotImplementedError  # CaseView's

    def show_case(self, case_id: int | None) -> None:
        raise NotImplementedError  # CaseView's

    def _at(self) -> dt.datetime | None:
        if self.at_now.isChecked():
            return None
        when = cast(dt.datetime, self.at_edit.dateTime().toPython())
        return when.replace(second=0, microsecond=0)

    def _on_behalf(self) -> Any:
        if not self.behalf_needed or self.behalf.currentData() is None:
            return None
        return self.services.users.get_by_id(int(self.behalf.currentData()))

    def _seen(self) -> dict[str, int | None]:
        """The step and the last moving event this view shows: the core refuses an action
        taken on them once the case has moved on (another PC, a double click)."""
        return {"on_step": self.case.current_step if self.case is not None else None,
                "on_event": getattr(self, "shown_event", None)}

    def _note(self) -> str:
        return self.note.toPlainText().strip()

    def _inputs(self) -> dict[str, Any]:
        """The note, time, official and what was seen, read now on the UI thread."""
        return {"note": self._note(), "on_behalf_of": self._on_behalf(), "at": self._at(),
                **self._seen()}

    def _case_moved(self, exc: CaseMoved) -> None:
        """Someone else moved the case first: say who and when, and show it as it is now."""
        text = QCoreApplication.translate(
            "CaseView", "Kasus ini sudah diubah oleh %1 pada %2; tampilan dimuat ulang. "
            "Periksa langkahnya sebelum bertindak.").replace("%1", exc.by) \
            .replace("%2", _fmt(exc.at) if exc.at is not None else "-")
        case_id, stale = self.case.id, self.shown_event
        self.data_changed.emit(Changes(cases=(case_id,), moved=True))
        if self.shown_event == stale:
            self.show_case(case_id)
        self._say(text, False)
        self.status_message.emit(text)

    def _start(self, work: Callable[[], Any], done: Callable[[int, Any], None]) -> bool:
        """Run one write on the shown case on the worker (the buttons wait meanwhile); True
        when started. `done(case_id, result)` follows, or the refusal is said beside them."""
        if self.case is None or self.acting is not None:
            return False
        case_id = self.acting = self.case.id
        self._show_busy()
        self.runner.start(work, lambda result: self._back(case_id, result, done),
                          lambda message: self._refused(case_id, user_message(message)))
        return True

    def _back(self, case_id: int, result: Any, done: Callable[[int, Any], None]) -> None:
        self.acting = None
        done(case_id, result)
        self._show_busy()

    def _run(self, fn: Callable[[], CaseChange], done_text: str) -> bool:
        """Run one core action on the worker; True when started."""
        return self._start(_moved_or_change(fn),
                           lambda case_id, result: self._acted(case_id, result, done_text))

    def _acted(self, case_id: int, result: CaseChange | CaseMoved, done_text: str) -> None:
        here = self.case is not None and self.case.id == case_id
        if isinstance(result, CaseMoved):
            if here:
                self._case_moved(result)
            return
        if here:
            self.note.clear()
            self.at_now.setChecked(True)
            self._say(done_text, True)
        self.status_message.emit(done_text)
        self.data_changed.emit(result.changes())

    def _refused(self, case_id: int, text: str) -> None:
        self.acting = None
        if self.case is not None and self.case.id == case_id:
            self._say(text, False)
        self.status_message.emit(text)
        self._show_busy()

    def busy(self) -> bool:
        """True while an action runs on the worker."""
        return self.acting is not None

    # ----- the actions
    def _target(self) -> tuple[Any, str, Any, dict[str, Any]]:
        """(the case engine, the case's number, the user, the inputs), read on the UI thread."""
        return self.services.cases, self.case.number, self.user, self._inputs()

    def do_finish(self) -> bool:
        if self.case is None:
            return False
        cases, number, user, kw = self._target()
        return self._run(lambda: cases.advance(number, user, **kw),
                         QCoreApplication.translate("CaseView", "Langkah diselesaikan."))

    def do_decide(self, yes: bool) -> bool:
        if self.case is None:
            return False
        cases, number, user, kw = self._target()
        answer = "ya" if yes else "tidak"
        said = (QCoreApplication.translate("CaseView", "Ya") if yes
                else QCoreApplication.translate("CaseView", "Tidak"))
        return self._run(lambda: cases.decide(number, user, answer, **kw),
                         QCoreApplication.translate("CaseView", "Keputusan dicatat: %1")
                         .replace("%1", said))

    def do_return(self) -> bool:
        if self.case is None:
            return False
        target = self.return_target.currentData()
        if not self._note():
            self._require_note(QCoreApplication.translate(
                "CaseView", "Tulis alasan pengembalian pada Catatan."))
            return False
        cases, number, user, kw = self._target()
        note = kw.pop("note")
        return self._run(lambda: cases.return_to(number, user, int(target), note, **kw),
                         QCoreApplication.translate("CaseView", "Kasus dikembalikan ke langkah %1.")
                         .replace("%1", str(target)))

    def do_stop(self) -> bool:
        """Ask first (stopping ends the case's work); `confirm_box` carries the question."""
        case = self.case
        if case is None:
            return False
        if not self._note():
            self._require_note(QCoreApplication.translate(
                "CaseView", "Tulis alasan penghentian pada Catatan."))
            return False
        box = QMessageBox(QMessageBox.Icon.Question,
                          QCoreApplication.translate("CaseView", "Hentikan kasus"),
                          QCoreApplication.translate(
                              "CaseView", "Hentikan kasus %1? Kasus tidak dapat dikerjakan lagi "
                              "kecuali dibuka kembali oleh administrator.").replace("%1", case.number),
                          QMessageBox.StandardButton.NoButton, cast(QWidget, self))
        box.setObjectName("confirm_stop")
        box.setInformativeText(QCoreApplication.translate("CaseView", "Alasan: %1")
                               .replace("%1", self._note()))
        yes = box.addButton(QCoreApplication.translate("CaseView", "Hentikan"),
                            QMessageBox.ButtonRole.DestructiveRole)
        yes.setObjectName("confirm_stop_yes")
        no = box.addButton(QCoreApplication.translate("CaseView", "Batal"),
                           QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        case_id, seen = case.id, self._seen()  # the case as it was when asked
        yes.clicked.connect(lambda: self._stop_confirmed(case_id, seen))
        box.finished.connect(lambda _r, b=box: b.deleteLater())
        self.confirm_box = box
        box.open()
        return False

    def _stop_confirmed(self, case_id: int, seen: dict[str, int | None] | None = None) -> bool:
        if self.case is None or self.case.id != case_id:
            return False
        cases, number, user, kw = self._target()
        kw.update(seen or {})
        note = kw.pop("note")
        return self._run(lambda: cases.stop(number, user, note, **kw),
                         QCoreApplication.translate("CaseView", "Kasus dihentikan."))

    def do_reopen(self) -> bool:
        if self.case is None:
            return False
        if not self._note():
            self._require_note(QCoreApplication.translate(
                "CaseView", "Tulis alasan membuka kembali pada Catatan."))
            return False
        cases, number, user = self.services.cases, self.case.number, self.user
        note, at, on_event = self._note(), self._at(), self._seen()["on_event"]
        return self._run(lambda: cases.reopen(number, user, note, at=at, on_event=on_event),
                         QCoreApplication.translate("CaseView", "Kasus dibuka kembali."))

    def _require_note(self, text: str) -> None:
        self._say(text, False)
        self.note.setFocus()
