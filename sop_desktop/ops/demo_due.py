"""Due times for the demo fill, counted in microseconds on a table of office hours per day.

The demo generator asks for hundreds of thousands of due times (every step a case reaches),
each one WorkCalendar.due() of a step's start. DueTable gives the same values (the tests
compare them) from tables made once per fill: each working day's opening and closing and the
office time counted before it, so a due time is a few integer operations and one bisect instead
of the calendar's datetime objects and loops. Outside the table's days, or for a unit it does
not know, it answers None and the caller asks the calendar.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math

from sop_desktop.domain.calendar import WorkCalendar
from sop_desktop.domain.waktu import Waktu

_US = dt.timedelta(microseconds=1)
_DAY_US = dt.timedelta(days=1) // _US
# office minutes per unit of a clock standard (WorkCalendar.due's factors)
_MINUTES = {"detik": 1 / 60, "menit": 1.0, "jam": 60.0}
# how a standard is counted: ("menit", its office time in microseconds), ("kerja", whole
# working days, the fraction of the last one) or ("kalender", microseconds); None: ask the
# calendar
Rule = tuple[str, int, float] | None


class DueTable:
    """WorkCalendar.due for starts and dues within [first, last], in microseconds from
    `epoch` (a midnight)."""

    def __init__(self, cal: WorkCalendar, epoch: dt.datetime, first: dt.date,
                 last: dt.date) -> None:
        self.epoch, self.kalender = epoch, cal.settings.plain_hari_mode == "kalender"
        self.day0 = (dt.datetime.combine(first, dt.time()) - epoch) // _US // _DAY_US
        self.opens: list[int] = []  # per working day: its opening, closing (microseconds)
        self.midnights: list[int] = []  # ... and its midnight
        self.closes: list[int] = []
        self.before: list[int] = []  # office time of the working days before it
        self.through: list[int] = []  # ... and through its closing
        self.next_day: list[int] = []  # per calendar day: the first working day on or after
        self.hours: list[tuple[int, int] | None] = []  # ... and its office hours, if any
        counted = 0
        day = first
        while day <= last:
            self.next_day.append(len(self.opens))
            hours = cal.office_hours(day)
            self.hours.append(None if hours is None else
                              ((hours[0] - epoch) // _US, (hours[1] - epoch) // _US))
            if hours is not None:
                opens, closes = ((h - epoch) // _US for h in hours)
                self.opens.append(opens)
                self.midnights.append((dt.datetime.combine(day, dt.time()) - epoch) // _US)
                self.closes.append(closes)
                self.before.append(counted)
                counted += closes - opens
                self.through.append(counted)
            day += dt.timedelta(days=1)

    def rule(self, waktu: Waktu) -> Rule:
        """How `waktu` is counted (None: by the calendar)."""
        amount = float(waktu.max)
        if waktu.unit in _MINUTES:
            return ("menit", dt.timedelta(minutes=amount * _MINUTES[waktu.unit]) // _US, 0.0)
        if waktu.unit == "hari" and self.kalender:
            return ("kalender", dt.timedelta(days=amount) // _US, 0.0)
        if waktu.unit in ("hari", "hari_kerja"):
            whole = math.floor(amount)
            return ("kerja", whole, amount - whole)
        return None

    def opening(self, t: int) -> tuple[int, int] | None:
        """(working day, moment) of next_opening(t): t itself within office hours, else the
        next opening."""
        i = t // _DAY_US - self.day0
        if not 0 <= i < len(self.next_day):
            return None
        k = self.next_day[i]
        if k < len(self.opens) and self.midnights[k] == (self.day0 + i) * _DAY_US:
            if t < self.opens[k]:
                return k, self.opens[k]
            if t < self.closes[k]:
                return k, t
            k += 1  # after closing: the next working day
        return (k, self.opens[k]) if k < len(self.opens) else None

    def _add_minutes(self, t: int, span: int) -> int | None:
        """add_office_minutes(t, span): the first working day whose office time reaches."""
        found = self.opening(t)
        if found is None:
            return None
        k, moment = found
        target = self.before[k] + moment - self.opens[k] + span
        k = bisect.bisect_left(self.through, target, k)
        return self.opens[k] + target - self.before[k] if k < len(self.opens) else None

    def due(self, t: int, rule: Rule) -> int | None:
        """WorkCalendar.due of a step started at t (microseconds) counted by `rule`; None
        when it falls outside the table."""
        if rule is None:
            return None
        kind, amount, fraction = rule
        if kind == "menit":
            i = t // _DAY_US - self.day0
            hours = self.hours[i] if 0 <= i < len(self.hours) else None
            if hours is not None and hours[0] <= t < hours[1] and t + amount <= hours[1]:
                return t + amount  # within the day's office hours (the usual case)
            return self._add_minutes(t, amount)
        if kind == "kalender":
            return t + amount
        found = self.opening(t)  # add_working_days
        if found is None or found[0] + amount >= len(self.opens):
            return None
        k, moment = found
        last = k + amount  # the amount-th working day after the opening's day
        opens, closes = self.opens[last], self.closes[last]
        result = min(max(self.midnights[last] + moment - self.midnights[k], opens), closes)
        if fraction:
            length = (closes - opens) / 1_000_000 / 60  # timedelta.total_seconds() / 60
            return self._add_minutes(result, dt.timedelta(minutes=fraction * length) // _US)
        return result
