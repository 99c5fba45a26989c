"""Time against the mutu baku: a case's deadline, its lama in hari kerja, a step's standard.

The mutu baku of a whole case is the sum of its SOP's step waktus, laid on the office's work
calendar from the moment the case was received (WorkCalendar.expected_finish). Lama and the
mutu baku are both measured in working days with the same calendar, so "on time" is exactly
"lama <= mutu baku".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sop_desktop.domain.calendar import WorkCalendar
from sop_desktop.domain.model import SopDefinition, Step
from sop_desktop.domain.waktu import Waktu
from sop_desktop.reports.facts import CaseFacts

CLOCK_UNITS = ("detik", "menit", "jam")


def sop_waktus(defn: SopDefinition) -> list[Waktu | None]:
    """Every step's waktu in table order (None for a step without a standard)."""
    return [step.waktu for step in defn.steps]


def has_standard(defn: SopDefinition) -> bool:
    return any(step.waktu is not None for step in defn.steps)


@dataclass
class CaseTiming:
    """A case measured against its mutu baku."""

    deadline: dt.datetime | None  # when the whole SOP is due
    mutu_baku_days: float | None  # the standard in hari kerja
    lama_days: float | None  # received -> finished (or -> as_of while running), hari kerja
    on_time: bool | None  # finished cases: within the standard; running: still within it


class Timer:
    """Computes CaseTimings with one WorkCalendar, caching what repeats."""

    def __init__(self, calendar: WorkCalendar, as_of: dt.datetime) -> None:
        self.calendar = fast_calendar(calendar)
        self.as_of = as_of
        self._deadline_cache: dict[tuple, dt.datetime | None] = {}
        self._waktus: dict[tuple[str, int], tuple[list[Waktu | None], Waktu | None]] = {}

    def deadline(self, defn: SopDefinition, start: dt.datetime) -> dt.datetime | None:
        plan = self._waktus.get((defn.code, defn.version))
        if plan is None:
            waktus = sop_waktus(defn)
            first = next((w for w in waktus if w is not None), None)
            plan = self._waktus[(defn.code, defn.version)] = (waktus, first)
        waktus, first = plan
        if first is None:
            return None
        # the due times depend on `start` only through the moment the first standard counts
        # from (the next opening, for a case received out of office hours): one per opening
        origin = self.calendar.counted_from(start, first)
        key = (defn.code, defn.version, origin)
        found = self._deadline_cache.get(key)
        if found is None:
            found = self._deadline_cache[key] = self.calendar.expected_finish(origin, waktus)
        return found

    def case(self, case: CaseFacts) -> CaseTiming:
        start = case.created_at
        deadline = self.deadline(case.sop, start)
        end = case.closed_at if case.status != "berjalan" else None
        stop = end or self.as_of
        lama = self.calendar.working_days_between(start, stop) if stop >= start else 0.0
        if deadline is None:
            return CaseTiming(None, None, lama, None)
        standard = self.calendar.working_days_between(start, deadline)
        if case.status == "dihentikan":
            on_time = None
        else:
            on_time = stop <= deadline
        return CaseTiming(deadline, standard, lama, on_time)


def timeliness_label(case: CaseFacts, timing: CaseTiming) -> str:
    """'Tepat waktu' / 'Terlambat' for finished cases, 'Dalam batas' / 'Melewati batas' while
    running, '' when the SOP has no time standard or the case was stopped."""
    if timing.on_time is None:
        return ""
    if case.status == "selesai":
        return "Tepat waktu" if timing.on_time else "Terlambat"
    return "Dalam batas" if timing.on_time else "Melewati batas"


@dataclass(frozen=True)
class StepStandard:
    """The time standard of a step in the unit its stats are shown in."""

    value: float | None  # upper bound of the waktu, in `unit`
    unit: str  # "menit" or "hari kerja"
    text: str  # the waktu as written in the SOP ("15 menit", "1-2 hari")


def step_standard(step: Step) -> StepStandard:
    """Clock standards are shown in minutes of office time, day standards in working days."""
    waktu = step.waktu
    if waktu is None:
        return StepStandard(None, "hari kerja", "")
    if waktu.unit in CLOCK_UNITS:
        return StepStandard(waktu.minutes(), "menit", waktu.text)
    return StepStandard(float(waktu.max), "hari kerja", waktu.text)


def elapsed(calendar: WorkCalendar, start: dt.datetime, end: dt.datetime, unit: str) -> float:
    """Office time from start to end in `unit` ("menit" or "hari kerja")."""
    if unit == "menit":
        return calendar.working_minutes_between(start, end)
    return calendar.working_days_between(start, end)


def within_standard(calendar: WorkCalendar, step: Step, start: dt.datetime, end: dt.datetime) -> bool | None:
    """Whether a stay in `step` from start to end met its waktu (None: no standard)."""
    if step.waktu is None:
        return None
    return end <= calendar.due(start, step.waktu)



def fast_calendar(calendar: WorkCalendar) -> WorkCalendar:
    """A WorkCalendar with the same answers, faster over long spans (cached days and a running
    count of working days); anything else is returned unchanged."""
    if isinstance(calendar, WorkCalendar) and not isinstance(calendar, FastCalendar):
        return FastCalendar(calendar)
    return calendar


class FastCalendar(WorkCalendar):
    """Caches each day's office hours and counts whole working days with per-year running
    sums, so a register of 100,000 cases spanning months stays quick. Same answers as the
    WorkCalendar it is made from (tests compare them)."""

    def __init__(self, base: WorkCalendar) -> None:
        super().__init__(base.settings)
        self._hours: dict[dt.date, tuple[dt.datetime, dt.datetime] | None] = {}
        self._working: dict[dt.date, bool] = {}
        self._cum: dict[int, list[int]] = {}

    def office_hours(self, day: dt.date) -> tuple[dt.datetime, dt.datetime] | None:
        if isinstance(day, dt.datetime):
            day = day.date()
        try:
            return self._hours[day]
        except KeyError:
            value = super().office_hours(day)
            self._hours[day] = value
            return value

    def is_working_day(self, day: dt.date) -> bool:
        if isinstance(day, dt.datetime):
            day = day.date()
        try:
            return self._working[day]
        except KeyError:
            value = super().is_working_day(day)
            self._working[day] = value
            return value

    def _year(self, year: int) -> list[int]:
        # cum[i] = working days of `year` before its day i (0-based); cum[-1] = the year's total
        if year not in self._cum:
            day, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
            cum, n = [], 0
            while day < end:
                cum.append(n)
                n += self.office_hours(day) is not None
                day += dt.timedelta(days=1)
            cum.append(n)
            self._cum[year] = cum
        return self._cum[year]

    @staticmethod
    def _index(day: dt.date) -> int:
        return day.toordinal() - dt.date(day.year, 1, 1).toordinal()

    def _count(self, start: dt.date, end: dt.date) -> int:
        """Working days in [start, end)."""
        if end <= start:
            return 0
        if start.year == end.year:
            cum = self._year(start.year)
            return cum[self._index(end)] - cum[self._index(start)]
        first = self._year(start.year)
        total = first[-1] - first[self._index(start)]
        for year in range(start.year + 1, end.year):
            total += self._year(year)[-1]
        return total + self._year(end.year)[self._index(end)]

    def _part(self, day: dt.date, a: dt.datetime, b: dt.datetime) -> float:
        hours = self.office_hours(day)
        if not hours:
            return 0.0
        lo, hi = max(a, hours[0]), min(b, hours[1])
        return (hi - lo) / (hours[1] - hours[0]) if hi > lo else 0.0

    def working_days_between(self, a: dt.datetime, b: dt.datetime) -> float:
        if b < a:
            return -self.working_days_between(b, a)
        da, db = a.date(), b.date()
        if da == db:
            return self._part(da, a, b)
        next_day = da + dt.timedelta(days=1)
        return (self._part(da, a, dt.datetime.combine(next_day, dt.time.min))
                + self._count(next_day, db)
                + self._part(db, dt.datetime.combine(db, dt.time.min), b))
