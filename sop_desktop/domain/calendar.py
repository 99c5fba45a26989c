"""The office's working-day calendar: office hours, Indonesian holidays and cuti bersama.

Used to compute each step's due time from its waktu (mutu baku) and the elapsed working time
shown in registers. All datetimes are naive local office time (WIB by default).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from sop_desktop.domain.waktu import Waktu

PLAIN_HARI_MODES = ("hari_kerja", "kalender")
WEEKDAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
# Guards against endless loops when a calendar has no working day at all.
_MAX_SCAN_DAYS = 3660
_CLOCK_FACTORS = {"detik": 1 / 60, "menit": 1.0, "jam": 60.0}


def _default_hours() -> dict[int, tuple[dt.time, dt.time] | None]:
    # Common central-government office hours (5-day week): Mon–Thu 07.30–16.00, Fri 07.30–16.30.
    mon_thu = (dt.time(7, 30), dt.time(16, 0))
    return {0: mon_thu, 1: mon_thu, 2: mon_thu, 3: mon_thu,
            4: (dt.time(7, 30), dt.time(16, 30)), 5: None, 6: None}


def _parse_time(text: str) -> dt.time:
    hour, minute = str(text).replace(".", ":").split(":")[:2]
    return dt.time(int(hour), int(minute))


@dataclass
class CalendarSettings:
    """Office hours per weekday (0 = Monday; None = closed), holiday changes and the 'hari' rule."""

    office_hours: dict[int, tuple[dt.time, dt.time] | None] = field(default_factory=_default_hours)
    timezone: str = "WIB"
    plain_hari_mode: str = "hari_kerja"  # "hari_kerja" or "kalender" (calendar days)
    extra_holidays: dict[dt.date, str] = field(default_factory=dict)
    removed_holidays: set[dt.date] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.plain_hari_mode not in PLAIN_HARI_MODES:
            raise ValueError(f"plain_hari_mode harus salah satu dari {PLAIN_HARI_MODES}")
        hours = _default_hours()
        hours.update({int(k): v for k, v in self.office_hours.items()})
        for day, span in hours.items():
            if span is not None and not span[0] < span[1]:
                raise ValueError(f"Jam kantor hari {WEEKDAY_NAMES[day]}: jam buka harus sebelum jam tutup")
        self.office_hours = hours

    def to_dict(self) -> dict:
        return {
            "office_hours": {str(day): (None if span is None else
                                        [span[0].strftime("%H:%M"), span[1].strftime("%H:%M")])
                             for day, span in sorted(self.office_hours.items())},
            "timezone": self.timezone,
            "plain_hari_mode": self.plain_hari_mode,
            "extra_holidays": {d.isoformat(): name for d, name in sorted(self.extra_holidays.items())},
            "removed_holidays": sorted(d.isoformat() for d in self.removed_holidays),
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> CalendarSettings:
        data = data or {}
        hours = {}
        for day, span in (data.get("office_hours") or {}).items():
            hours[int(day)] = None if not span else (_parse_time(span[0]), _parse_time(span[1]))
        return cls(
            office_hours=hours,
            timezone=str(data.get("timezone") or "WIB"),
            plain_hari_mode=str(data.get("plain_hari_mode") or "hari_kerja"),
            extra_holidays={dt.date.fromisoformat(k): str(v)
                            for k, v in (data.get("extra_holidays") or {}).items()},
            removed_holidays={dt.date.fromisoformat(k) for k in (data.get("removed_holidays") or [])},
        )



class WorkCalendar:
    """Answers 'is this a working day', 'when is this step due' and 'how long did it take'."""

    def __init__(self, settings: CalendarSettings | None = None):
        self.settings = settings or CalendarSettings()
        self._years: dict[int, dict[dt.date, str]] = {}
        self._after: dict[tuple[dt.date, int], dt.date] = {}  # working_day_after's answers

    # -- days ------------------------------------------------------------------------------------
    def holidays_in(self, year: int) -> dict[dt.date, str]:
        """Public holidays and cuti bersama (holidays' 'government' category) of one year,
        plus the office's additions, minus its removals; names in Indonesian."""
        if year not in self._years:
            # deferred: the holidays package builds its tables on import; only a year that is
            # asked about needs it, never the first screen of a fresh start (issue 19)
            import holidays

            found = holidays.country_holidays("ID", years=year, categories=("public", "government"),
                                              language="id")
            days = {d: name for d, name in found.items() if d.year == year}
            days.update({d: n for d, n in self.settings.extra_holidays.items() if d.year == year})
            for d in self.settings.removed_holidays:
                days.pop(d, None)
            self._years[year] = dict(sorted(days.items()))
        return self._years[year]

    def holiday_name(self, day: dt.date) -> str | None:
        return self.holidays_in(day.year).get(day)

    def office_hours(self, day: dt.date) -> tuple[dt.datetime, dt.datetime] | None:
        """Opening and closing datetimes of a working day; None when the office is closed."""
        span = self.settings.office_hours.get(day.weekday())
        if span is None or not self.is_working_day(day):
            return None
        return dt.datetime.combine(day, span[0]), dt.datetime.combine(day, span[1])

    def _open_hours(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """office_hours() of a day known to be a working day."""
        hours = self.office_hours(day)
        if hours is None:
            raise ValueError(f"{day} bukan hari kerja")
        return hours

    def is_working_day(self, day: dt.date) -> bool:
        """A day with office hours (Monday–Friday by default) that is no holiday or cuti bersama."""
        if isinstance(day, dt.datetime):
            day = day.date()
        if self.settings.office_hours.get(day.weekday()) is None:
            return False
        return day not in self.holidays_in(day.year)

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after `day`."""
        for _ in range(_MAX_SCAN_DAYS):
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise ValueError("Kalender kerja tidak memiliki hari kerja (periksa jam kantor)")

    def working_day_after(self, day: dt.date, count: int) -> dt.date:
        """The `count`th working day after `day` (`day` itself for 0), memoised: due times in
        working days ask about the same (start day, duration) pairs again and again."""
        key = (day, count)
        found = self._after.get(key)
        if found is None:
            found = day
            for _ in range(count):
                found = self.next_working_day(found)
            self._after[key] = found
        return found

    def next_opening(self, moment: dt.datetime) -> dt.datetime:
        """`moment` itself when the office is open then, else the next opening time."""
        hours = self.office_hours(moment.date())
        if hours and hours[0] <= moment < hours[1]:
            return moment
        if hours and moment < hours[0]:
            return hours[0]
        return self._open_hours(self.next_working_day(moment.date()))[0]

    # -- due times -------------------------------------------------------------------------------
    def due(self, start: dt.datetime, waktu: Waktu) -> dt.datetime:
        """When a step started at `start` with time standard `waktu` is due (upper bound)."""
        amount = float(waktu.max)
        if waktu.unit in _CLOCK_FACTORS:
            return self.add_office_minutes(start, amount * _CLOCK_FACTORS[waktu.unit])
        if waktu.unit == "hari" and self.settings.plain_hari_mode == "kalender":
            return start + dt.timedelta(days=amount)
        if waktu.unit in ("hari", "hari_kerja"):
            return self.add_working_days(start, amount)
        raise ValueError(f"satuan waktu tidak dikenal: {waktu.unit}")

    def counted_from(self, start: dt.datetime, waktu: Waktu) -> dt.datetime:
        """The moment a step started at `start` counts `waktu` from: the next opening for
        office time and working days, `start` itself for calendar days. due(start, waktu) ==
        due(counted_from(start, waktu), waktu): bulk writers memoise due times on it."""
        if waktu.unit == "hari" and self.settings.plain_hari_mode == "kalender":
            return start
        return self.next_opening(start)

    def add_office_minutes(self, start: dt.datetime, minutes: float) -> dt.datetime:
        """Count `minutes` of office time from `start` (outside hours: from the next opening)."""
        moment = self.next_opening(start)
        remaining = dt.timedelta(minutes=minutes)
        for _ in range(_MAX_SCAN_DAYS):
            closes = self._open_hours(moment.date())[1]
            if moment + remaining <= closes:
                return moment + remaining
            remaining -= closes - moment
            moment = self._open_hours(self.next_working_day(moment.date()))[0]
        raise ValueError("Waktu terlalu panjang untuk kalender kerja")

    def add_working_days(self, start: dt.datetime, days: float) -> dt.datetime:
        """Same clock time on the Nth following working day (outside hours: from the next
        opening); the clock time is kept inside that day's office hours. A fraction of a day
        counts as that fraction of the final day's office hours."""
        moment = self.next_opening(start)
        whole = math.floor(days)
        fraction = days - whole
        day = self.working_day_after(moment.date(), whole)
        opens, closes = self._open_hours(day)
        result = min(max(dt.datetime.combine(day, moment.time()), opens), closes)
        if fraction:
            length = (closes - opens).total_seconds() / 60
            result = self.add_office_minutes(result, fraction * length)
        return result

    def expected_finish(self, start: dt.datetime, waktus: list[Waktu | None]) -> dt.datetime:
        """The due time of the last step when every step takes its full standard; a step
        without a standard adds nothing."""
        moment = start
        for waktu in waktus:
            if waktu is not None:
                moment = self.due(moment, waktu)
        return moment

    # -- elapsed time ----------------------------------------------------------------------------
    def _office_spans(self, a: dt.datetime, b: dt.datetime) -> Iterator[tuple[dt.timedelta, dt.timedelta]]:
        """(overlap, day length) of [a, b] with each working day's office hours, a <= b."""
        day = a.date()
        while day <= b.date():
            hours = self.office_hours(day)
            if hours:
                lo, hi = max(a, hours[0]), min(b, hours[1])
                if hi > lo:
                    yield hi - lo, hours[1] - hours[0]
            day += dt.timedelta(days=1)

    def working_minutes_between(self, a: dt.datetime, b: dt.datetime) -> float:
        """Office minutes elapsed from a to b (negative when b is before a)."""
        if b < a:
            return -self.working_minutes_between(b, a)
        return sum(overlap.total_seconds() for overlap, _ in self._office_spans(a, b)) / 60

    def working_days_between(self, a: dt.datetime, b: dt.datetime) -> float:
        """Elapsed working time in working days: each working day adds the share of its own
        office hours that falls between a and b (so a full Friday is one day, like a Monday)."""
        if b < a:
            return -self.working_days_between(b, a)
        return sum(overlap / length for overlap, length in self._office_spans(a, b))
