"""The read side of the case engine (a mixin of CaseService): lists, due times and plain-data views."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import peewee as pw

from sop_desktop.domain.sifat import sifat_key
from sop_desktop.errors import ValidationError
from sop_desktop.services.case_events import CaseRef
from sop_desktop.services.case_fields import iso
from sop_desktop.services.case_states import (
    ACTION_LABELS,
    STATUS_DONE,
    STATUS_OPEN,
)
from sop_desktop.services.stale import last_move_id
from sop_desktop.settings import CALENDAR, DUE_SOON_HOURS
from sop_desktop.storage import db as dbm

if TYPE_CHECKING:  # the SOP model and the calendar: imported where built (start-up, issue 19)
    from sop_desktop.domain.calendar import WorkCalendar
    from sop_desktop.domain.model import SopDefinition, Step


def overdue_at(status: str, due: dt.datetime | None, now: dt.datetime) -> bool:
    """The one overdue rule (case page, inbox rows, counts): open and past its due time."""
    return status == STATUS_OPEN and due is not None and due < now


def due_soon_at(status: str, due: dt.datetime | None, now: dt.datetime,
                window: dt.timedelta) -> bool:
    """The near-due rule ("hampir jatuh tempo"): open, due within the window, not yet late."""
    return status == STATUS_OPEN and due is not None and now <= due < now + window


def overdue_condition(now: dt.datetime) -> Any:
    """overdue_at as a condition on the case table (filters and counts)."""
    C = dbm.Case
    return (C.status == STATUS_OPEN) & (C.current_due < now)


def current_step(case: dbm.Case, defn: SopDefinition) -> Step:
    """The step a case waits on; a case on no step (closed) has none to act on."""
    if case.current_step is None:
        raise ValidationError(f"Kasus {case.number} tidak sedang pada suatu langkah")
    return defn.step(case.current_step)


class CaseViews:
    """Queries and views of cases; the host class provides get(), definition() and clock."""

    clock: Callable[[], dt.datetime]
    _calendar: tuple[Any, WorkCalendar] | None

    def get(self, number: CaseRef) -> dbm.Case:
        """A case by row, id or agenda number (the host class's)."""
        raise NotImplementedError

    def definition(self, case: dbm.Case) -> SopDefinition:
        """The SOP version the case runs on (the host class's)."""
        raise NotImplementedError

    # -- lookups ---------------------------------------------------------------------------------
    def list(self, *, sop: str | None = None, status: str | None = None,
             date_from: dt.date | None = None, date_to: dt.date | None = None,
             limit: int | None = None, offset: int = 0) -> list[dbm.Case]:
        """Cases by SOP, status and the date they started (inclusive), newest first."""
        query = self._list_query(sop, status, date_from, date_to).order_by(
            dbm.Case.created_at.desc(), dbm.Case.id.desc())
        if limit is not None:
            query = query.limit(limit).offset(offset)
        return list(query)

    def count(self, *, sop: str | None = None, status: str | None = None,
              date_from: dt.date | None = None, date_to: dt.date | None = None) -> int:
        """How many cases list() would give without paging."""
        return self._list_query(sop, status, date_from, date_to).count()

    def _list_query(self, sop: str | None, status: str | None, date_from: dt.date | None,
                    date_to: dt.date | None) -> pw.ModelSelect[dbm.Case]:
        query = dbm.Case.select()
        if sop:
            query = query.where(dbm.Case.sop_code == sop)
        if status:
            if status not in dbm.CASE_STATUSES:
                raise ValidationError(f"Status '{status}' tidak dikenal (pilih: "
                                      f"{', '.join(dbm.CASE_STATUSES)})")
            query = query.where(dbm.Case.status == status)
        if date_from:
            query = query.where(dbm.Case.created_at >= dt.datetime.combine(date_from, dt.time()))
        if date_to:
            query = query.where(dbm.Case.created_at < dt.datetime.combine(
                date_to + dt.timedelta(days=1), dt.time()))
        return query

    def history(self, case: CaseRef) -> builtins.list[dbm.History]:
        """The case's events, oldest first."""
        case = self.get(case)
        return list(dbm.History.select().where(dbm.History.case == case)
                    .order_by(dbm.History.id))

    def last_event(self, case: dbm.Case | int) -> dbm.History | None:
        """The case's newest event of any kind."""
        return (dbm.History.select().where(dbm.History.case == case)
                .order_by(dbm.History.id.desc()).first())

    # -- calendar --------------------------------------------------------------------------------
    def calendar(self) -> WorkCalendar:
        """The working calendar; rebuilt only when its stored settings change (the holiday
        tables it computes per year are worth keeping between transitions)."""
        raw = dbm.read_setting(CALENDAR)
        if self._calendar is None or self._calendar[0] != raw:
            # deferred for start-up: the first screen computes no due time (issue 19)
            from sop_desktop.domain.calendar import CalendarSettings, WorkCalendar

            self._calendar = (raw, WorkCalendar(CalendarSettings.from_dict(raw)))
        return self._calendar[1]

    def due_soon_window(self) -> dt.timedelta:
        """How long before its due time a case counts as "hampir jatuh tempo"."""
        hours = dbm.read_setting(DUE_SOON_HOURS)
        return dt.timedelta(hours=float(hours))

    def is_overdue(self, case: dbm.Case, now: dt.datetime | None = None) -> bool:
        """An open case past its step's due time."""
        return overdue_at(case.status, case.current_due, now or self.clock())

    def is_due_soon(self, case: dbm.Case, now: dt.datetime | None = None) -> bool:
        """An open case due within the due-soon window, not yet overdue."""
        return due_soon_at(case.status, case.current_due, now or self.clock(),
                           self.due_soon_window())

    def remaining_path(self, defn: SopDefinition, number: int | None) -> builtins.list[Step]:
        """The steps from `number` to the end along the main flow (Ya at each decision)."""
        out: list[Step] = []
        seen: set[int] = set()
        while number is not None and number not in seen:
            seen.add(number)
            try:
                step = defn.step(number)
            except KeyError:
                break
            out.append(step)
            nxt = defn.successors(step)
            number = nxt[0] if nxt else None
        return out

    def expected_finish(self, case: dbm.Case,
                        cal: WorkCalendar | None = None) -> dt.datetime | None:
        """When the case should end if every remaining step takes its full standard."""
        if case.status == STATUS_DONE:
            return case.closed_at
        if case.status != STATUS_OPEN or case.current_step is None:
            return None
        defn = self.definition(case)
        path = self.remaining_path(defn, case.current_step)
        cal = cal or self.calendar()
        start = case.current_due or case.step_started_at or case.created_at
        start = max(start, self.clock())  # what is late is late: the rest starts from now
        return cal.expected_finish(start, [s.waktu for s in path[1:]])

    # -- views -----------------------------------------------------------------------------------
    def describe(self, case: CaseRef, *, with_history: bool = True,
                 now: dt.datetime | None = None) -> dict[str, Any]:
        """The case as plain data (the CLI's `case show --json`, the UI's case page)."""
        case = self.get(case)
        now = now or self.clock()
        defn = self.definition(case)
        step = None
        if case.current_step is not None:
            try:
                step = defn.step(case.current_step)
            except KeyError:
                step = None
        out = {
            "number": case.number,
            "sop": case.sop_code,
            "sop_version": defn.version,
            "sop_name": defn.name,
            "status": case.status,
            "current_step": case.current_step,
            "step": step.kegiatan if step else None,
            "lane": case.current_lane,
            "position": case.current_position.name if case.current_position is not None else None,
            "due": iso(case.current_due),
            "expected_finish": iso(self.expected_finish(case)),
            "overdue": self.is_overdue(case, now),
            "due_soon": self.is_due_soon(case, now),
            "created_at": iso(case.created_at),
            "created_by": case.created_by.username,
            "closed_at": iso(case.closed_at),
            "fields": dict(case.fields or {}),
            # the view's token: actions name it (on_event) and are refused once it is stale
            "last_move_event": last_move_id(case),
            "sifat": sifat_key(case.sifat),
            "holder": case.holder.username if case.holder is not None else None,
            "holder_name": case.holder.name if case.holder is not None else None,
            "held_at": iso(case.held_at),
        }
        if with_history:
            out["history"] = [self.event_dict(e) for e in self.history(case)]
        return out

    @staticmethod
    def event_dict(event: dbm.History) -> dict[str, Any]:
        """One history event as plain data (CLI JSON, the case view's history)."""
        return {
            "action": event.action,
            "label": ACTION_LABELS.get(event.action, event.action),
            "from_step": event.from_step,
            "to_step": event.to_step,
            "decision": event.decision,
            "user": event.user.username,
            "user_name": event.user.name,
            "position": event.position.name if event.position is not None else None,
            "on_behalf_of": (event.on_behalf_of.username if event.on_behalf_of is not None
                             else None),
            "on_behalf_of_name": (event.on_behalf_of.name if event.on_behalf_of is not None
                                  else None),
            "at": iso(event.at),
            "recorded_at": iso(event.recorded_at),
            "note": event.note,
            "attachments": list(event.attachments or []),
            "seconds_taken": event.seconds_taken,
            "due": iso(event.due),
            "on_time": event.on_time,
        }
