"""Report periods: "2026-Q3", "2026-11", "2026", "2026-S1" or a date range, as a half-open [start, end).

Every period is a range of calendar dates with an exclusive end, so a case received at
23.59 on the last day of a month belongs to that month and one received at 00.00 on the
first day of the next month does not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from babel.dates import format_date

from sop_desktop.errors import ValidationError

ROMAN_QUARTERS = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Period:
    """A range of dates [start, end) with an Indonesian label for report titles."""

    start: dt.date
    end: dt.date  # exclusive
    label: str
    key: str = ""

    @property
    def last_day(self) -> dt.date:
        """The last date inside the period (end - 1 day), for "s.d." labels."""
        return self.end - dt.timedelta(days=1)

    @property
    def start_dt(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time.min)

    @property
    def end_dt(self) -> dt.datetime:
        return dt.datetime.combine(self.end, dt.time.min)

    def contains(self, value: dt.date | dt.datetime | None) -> bool:
        """True when a date or datetime falls in [start, end)."""
        if value is None:
            return False
        if isinstance(value, dt.datetime):
            return self.start_dt <= value.replace(tzinfo=None) < self.end_dt
        return self.start <= value < self.end

    def to_dict(self) -> dict:
        return {"key": self.key, "label": self.label, "start": self.start.isoformat(),
                "end": self.end.isoformat()}


def _tanggal(value: dt.date) -> str:
    return format_date(value, format="d MMMM y", locale="id")


def year(y: int) -> Period:
    return Period(dt.date(y, 1, 1), dt.date(y + 1, 1, 1), f"Tahun {y}", f"{y}")


def month(y: int, m: int) -> Period:
    start = dt.date(y, m, 1)
    end = dt.date(y + 1, 1, 1) if m == 12 else dt.date(y, m + 1, 1)
    label = format_date(start, format="LLLL y", locale="id")
    return Period(start, end, label[:1].upper() + label[1:], f"{y}-{m:02d}")


def quarter(y: int, q: int) -> Period:
    start = dt.date(y, 3 * (q - 1) + 1, 1)
    end = dt.date(y + 1, 1, 1) if q == 4 else dt.date(y, 3 * q + 1, 1)
    return Period(start, end, f"Triwulan {ROMAN_QUARTERS[q - 1]} Tahun {y}", f"{y}-Q{q}")


def semester(y: int, s: int) -> Period:
    start = dt.date(y, 1 if s == 1 else 7, 1)
    end = dt.date(y, 7, 1) if s == 1 else dt.date(y + 1, 1, 1)
    return Period(start, end, f"Semester {'I' if s == 1 else 'II'} Tahun {y}", f"{y}-S{s}")


def date_range(start: dt.date | None, last: dt.date | None) -> Period:
    """A period from `start` to `last` inclusive (what a user types as --from/--to)."""
    if start is None and last is None:
        raise ValidationError("Isi tanggal awal dan/atau tanggal akhir periode")
    start = start or dt.date(1900, 1, 1)
    last = last or dt.date(9999, 12, 30)
    if last < start:
        raise ValidationError(
            f"Tanggal akhir ({_tanggal(last)}) lebih awal dari tanggal awal ({_tanggal(start)})")
    end = last + dt.timedelta(days=1)
    if start.year == 1900:
        label = f"s.d. {_tanggal(last)}"
    elif last.year == 9999:
        label = f"sejak {_tanggal(start)}"
    elif start == last:
        label = _tanggal(start)
    else:
        label = f"{_tanggal(start)} s.d. {_tanggal(last)}"
    return Period(start, end, label, f"{start.isoformat()}..{last.isoformat()}")


_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_ID = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def parse_date(text: str) -> dt.date:
    """A date typed by a user: 2026-11-05 or 05/11/2026 (day first, as Indonesians write it)."""
    clean = (text or "").strip()
    match = _DATE_ISO.match(clean)
    try:
        if match:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = _DATE_ID.match(clean)
        if match:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        pass
    raise ValidationError(f"Tanggal '{clean}' tidak dapat dibaca (contoh: 2026-11-05 atau 05/11/2026)")


_PERIOD = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|[Qq]([1-4])|[Tt][Ww]([1-4])|[Ss]([12])))?$")


def parse_period(text: str) -> Period:
    """Parse "2026", "2026-11", "2026-Q3" (or "2026-TW3"), "2026-S1", or "DATE..DATE"."""
    clean = (text or "").strip()
    if ".." in clean:
        left, right = (part.strip() for part in clean.split("..", 1))
        return date_range(parse_date(left) if left else None, parse_date(right) if right else None)
    match = _PERIOD.match(clean)
    if match:
        y = int(match.group(1))
        if match.group(2):
            m = int(match.group(2))
            if 1 <= m <= 12:
                return month(y, m)
        elif match.group(3) or match.group(4):
            return quarter(y, int(match.group(3) or match.group(4)))
        elif match.group(5):
            return semester(y, int(match.group(5)))
        elif 1900 <= y <= 9998:
            return year(y)
    raise ValidationError(
        f"Periode '{clean}' tidak dikenal (contoh: 2026 untuk setahun, 2026-11 untuk November 2026, "
        "2026-Q3 untuk triwulan III, 2026-S1 untuk semester I, 2026-07-01..2026-09-30 untuk rentang)")


def resolve_period(period: str | None = None, date_from: str | dt.date | None = None,
                   date_to: str | dt.date | None = None) -> Period | None:
    """One period from the CLI/UI choices: --period, or --from/--to; None means all time."""
    if period and (date_from or date_to):
        raise ValidationError("Pilih salah satu: periode (--period) atau rentang tanggal (--from/--to)")
    if period:
        return parse_period(period) if isinstance(period, str) else period
    if date_from or date_to:
        start = parse_date(date_from) if isinstance(date_from, str) else date_from
        last = parse_date(date_to) if isinstance(date_to, str) else date_to
        return date_range(start, last)
    return None
