"""Dates written from the core's own month and day tables (no Babel at start-up, issue 19)
read exactly as Babel writes them, for every month and weekday and every pattern in use."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from babel.dates import format_date, format_datetime

from sop_desktop.domain.dates import format_pattern, tanggal, tanggal_hari, tanggal_jam

PATTERNS = ("d MMMM y", "d MMM y", "d MMM", "EEEE, d MMMM y", "LLLL y", "dd-MM-yyyy")
TIMED = ("d MMMM y HH.mm", "d MMM y HH:mm", "d MMM HH.mm")
# a day in every month, each weekday among them, hours and minutes below and above ten
MOMENTS = [dt.datetime(2026, m, 1 + (m * 3) % 28, (m * 5) % 24, (m * 7) % 60)
           for m in range(1, 13)] + [dt.datetime(2026, 12, d, 0, 0) for d in range(1, 8)]


@pytest.mark.parametrize("locale", ["id", "en"])
def test_every_month_and_day_name_and_pattern_reads_as_babel_writes_it(locale):
    for moment in MOMENTS:
        for pattern in PATTERNS:
            assert format_pattern(moment.date(), pattern, locale) == \
                format_date(moment.date(), format=pattern, locale=locale), (pattern, moment)
        for pattern in TIMED:
            assert format_pattern(moment, pattern, locale) == \
                format_datetime(moment, format=pattern, locale=locale), (pattern, moment)


def test_the_named_helpers_write_indonesian_and_other_locales_through_babel():
    monday = dt.datetime(2026, 8, 17, 9, 5)
    assert tanggal(monday) == "17 Agustus 2026"
    assert tanggal_hari(monday) == "Senin, 17 Agustus 2026"
    assert tanggal_jam(monday) == "17 Agustus 2026 09.05"
    assert tanggal_jam(monday, "en") == "17 August 2026 09:05"
    # a locale or a field the tables do not hold is Babel's, unchanged
    assert tanggal(monday, "nl") == format_date(monday.date(), format="d MMMM y", locale="nl")
    assert format_pattern(monday, "QQQ y", "id") == format_datetime(monday, "QQQ y", locale="id")


def test_writing_an_indonesian_date_loads_no_babel():
    code = ("import sys, datetime as dt\n"
            "from sop_desktop.domain.dates import tanggal_jam\n"
            "print(tanggal_jam(dt.datetime(2026, 8, 17, 9, 5)))\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.splitlines() == ["17 Agustus 2026 09.05", "[]"]
