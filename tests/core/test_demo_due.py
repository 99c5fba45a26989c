"""The demo fill's table of office hours (issue 19): due times counted in microseconds on a
table of working days must be exactly WorkCalendar.due, for every unit and calendar rule,
and its next opening exactly WorkCalendar.next_opening."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from sop_desktop.domain.calendar import CalendarSettings, WorkCalendar
from sop_desktop.domain.waktu import Waktu
from sop_desktop.ops.demo_due import DueTable

EPOCH = dt.datetime(2000, 1, 1)
US = dt.timedelta(microseconds=1)
FIRST, LAST = dt.date(2025, 11, 1), dt.date(2027, 3, 31)
WAKTUS = [Waktu("", 0, amount, unit) for unit, amount in [
    ("detik", 30), ("menit", 4), ("menit", 15), ("menit", 120), ("menit", 480),
    ("menit", 2000), ("jam", 0.7), ("jam", 3), ("jam", 9), ("hari", 1), ("hari", 1.5),
    ("hari", 3), ("hari", 30), ("hari_kerja", 0.25), ("hari_kerja", 2.75), ("hari_kerja", 5),
    ("hari_kerja", 22)]]


def _calendars() -> list[WorkCalendar]:
    """The default calendar, one with Saturday mornings, extra and removed holidays and
    short Fridays, and one counting plain days as calendar days."""
    saturday = CalendarSettings(
        office_hours={4: (dt.time(8, 0), dt.time(11, 30)), 5: (dt.time(8, 0), dt.time(12, 0))},
        extra_holidays={dt.date(2026, 2, 11): "HUT Kabupaten", dt.date(2026, 6, 5): "Cuti"},
        removed_holidays={dt.date(2026, 8, 17)})
    kalender = CalendarSettings(plain_hari_mode="kalender")
    return [WorkCalendar(), WorkCalendar(saturday), WorkCalendar(kalender)]


def _starts() -> list[dt.datetime]:
    """Random moments of 2026, and the edges of office days (before, at and after opening
    and closing, midnight, weekends and holidays)."""
    rng = random.Random(3)
    span = (dt.datetime(2026, 12, 31) - dt.datetime(2026, 1, 1)) // US
    found = [dt.datetime(2026, 1, 1) + rng.randrange(span) * US for _ in range(1500)]
    for day in range(0, 365, 3):
        date = dt.date(2026, 1, 1) + dt.timedelta(days=day)
        found += [dt.datetime.combine(date, dt.time(h, m)) for h, m in [
            (0, 0), (7, 29), (7, 30), (8, 0), (11, 30), (12, 0), (15, 59), (16, 0), (16, 30),
            (23, 59)]]
    return found


@pytest.mark.parametrize("number", range(3), ids=["bawaan", "sabtu-libur", "kalender"])
def test_due_times_from_the_table_are_the_calendars(number):
    cal = _calendars()[number]
    table = DueTable(cal, EPOCH, FIRST, LAST)
    starts = _starts()
    for waktu in WAKTUS:
        rule = table.rule(waktu)
        for start in starts:
            got = table.due((start - EPOCH) // US, rule)
            assert got is not None, (waktu, start)
            assert EPOCH + got * US == cal.due(start, waktu), (waktu, start)
    for start in starts:
        found = table.opening((start - EPOCH) // US)
        assert found is not None and EPOCH + found[1] * US == cal.next_opening(start)


def test_outside_its_days_or_for_an_unknown_unit_the_table_leaves_it_to_the_calendar():
    cal = WorkCalendar()
    table = DueTable(cal, EPOCH, dt.date(2026, 3, 2), dt.date(2026, 3, 20))
    inside = (dt.datetime(2026, 3, 3, 9, 0) - EPOCH) // US
    assert table.due(inside, table.rule(Waktu("", 0, 30, "hari_kerja"))) is None  # beyond
    assert table.due((dt.datetime(2026, 5, 4, 9) - EPOCH) // US,
                     table.rule(Waktu("", 0, 5, "menit"))) is None  # a start after its days
    assert table.rule(Waktu("", 0, 2, "minggu")) is None
    assert table.due(inside, None) is None
