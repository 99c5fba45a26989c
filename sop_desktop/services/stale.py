"""Acting on a stale view: every case action names the step (or the last event) it was taken
on, and the engine refuses it when the case has moved on since ("Kasus ini sudah diubah oleh
NAMA pada WAKTU"). A double click or a second PC can then never complete a step nobody saw.
"""

from __future__ import annotations

import datetime as dt

from sop_desktop.domain.dates import tanggal_jam
from sop_desktop.errors import ValidationError
from sop_desktop.storage import db as dbm

# the events that move a case (its step or its status); a letter or an attachment does not
MOVING_ACTIONS = ("buka", "lanjut", "keputusan", "kembali", "hentikan", "buka_kembali")
_WHERE = {"selesai": "sudah selesai", "dihentikan": "dihentikan"}


class CaseMoved(ValidationError):
    """The case moved on after the view the action was taken on (someone else acted first)."""

    def __init__(self, message: str, *, number: str, by: str, at: dt.datetime | None,
                 current_step: int | None, status: str) -> None:
        super().__init__(message)
        self.number = number
        self.by = by
        self.at = at
        self.current_step = current_step
        self.status = status


def last_move(case: dbm.Case | int) -> dbm.History | None:
    """The newest event that moved the case (what a view's action is checked against)."""
    return (dbm.History.select().where((dbm.History.case == case)
                                       & (dbm.History.action.in_(MOVING_ACTIONS)))
            .order_by(dbm.History.id.desc()).first())


def last_move_id(case: dbm.Case | int) -> int | None:
    """The id of the case's newest moving event (the token a view's action names)."""
    event = last_move(case)
    return event.id if event is not None else None


def check_not_moved(case: dbm.Case, on_step: int | None = None,
                    on_event: int | None = None) -> None:
    """Raise CaseMoved when the case is no longer where the caller saw it.

    `on_step`: the step the caller acted on (the case must still be running on it);
    `on_event`: the id of the last moving event the caller saw (nothing may have moved the
    case since). Neither given: nothing is checked (the caller acts on the case as it is)."""
    if on_step is None and on_event is None:
        return
    last = last_move(case)
    moved = on_event is not None and (last is None or last.id != int(on_event))
    if on_step is not None and (case.status != "berjalan" or case.current_step != int(on_step)):
        moved = True
    if moved:
        raise moved_error(case, last)


def moved_error(case: dbm.Case, last: dbm.History | None) -> CaseMoved:
    """The refusal naming who moved the case, when, and where it is now."""
    by = last.user.name if last is not None else "-"
    when = (last.recorded_at or last.at) if last is not None else None
    if isinstance(when, str):
        when = dbm.History.recorded_at.python_value(when)
    when_text = tanggal_jam(when) if isinstance(when, dt.datetime) else "-"
    if case.status == "berjalan" and case.current_step is not None:
        where = f"sekarang pada langkah {case.current_step}"
    else:
        where = _WHERE.get(case.status, case.status)
    message = (f"Kasus ini sudah diubah oleh {by} pada {when_text} ({case.number} {where}); "
               "periksa kasusnya lagi sebelum bertindak")
    return CaseMoved(message, number=case.number, by=by, at=when,
                     current_step=case.current_step, status=case.status)
