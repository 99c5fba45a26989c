"""Dates in Indonesian ("21 November 2026") and English, and Roman month numerals for letter
numbers. The patterns the program uses are formatted from the small tables below; Babel (whose
locale data costs a noticeable part of start-up) is loaded only for another locale or pattern."""

from __future__ import annotations

import datetime as dt
import re

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

# the names as Babel (CLDR) gives them; tests/core/test_dates.py compares every one with Babel
MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
MONTHS_SHORT = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
DAYS = {  # Monday first, as date.weekday() counts
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_FIELD = re.compile(r"([A-Za-z])\1*")
_TABLE_FIELDS = {"d", "dd", "MMM", "MMMM", "LLLL", "y", "yyyy", "EEEE", "HH", "mm"}


def _field(value: dt.date, field: str, lang: str) -> str:
    """One pattern field (CLDR letters) of `value` from the tables."""
    if field in ("d", "dd"):
        return f"{value.day:0{len(field)}d}"
    if field in ("MMMM", "LLLL"):
        return MONTHS[lang][value.month - 1]
    if field == "MMM":
        return MONTHS_SHORT[lang][value.month - 1]
    if field in ("y", "yyyy"):
        return f"{value.year:0{len(field)}d}"
    if field == "EEEE":
        return DAYS[lang][value.weekday()]
    moment = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month,
                                                                       value.day)
    return f"{moment.hour:02d}" if field == "HH" else f"{moment.minute:02d}"


def format_pattern(value: dt.date | dt.datetime, pattern: str, locale: str = "id") -> str:
    """`value` written by a CLDR pattern ("d MMMM y HH.mm") as Babel writes it: from the tables
    for Indonesian and English and the fields they cover, through Babel otherwise."""
    lang = str(locale)
    fields = {m.group(0) for m in _FIELD.finditer(pattern)}
    timed = isinstance(value, dt.datetime) or not fields & {"HH", "mm"}
    if lang in MONTHS and "'" not in pattern and fields <= _TABLE_FIELDS and timed:
        return _FIELD.sub(lambda m: _field(value, m.group(0), lang), pattern)
    # deferred for start-up: Babel and its locale data load only for what the tables lack
    from babel.dates import format_date, format_datetime

    if isinstance(value, dt.datetime):
        return str(format_datetime(value, format=pattern, locale=locale))
    return str(format_date(value, format=pattern, locale=locale))


def tanggal(value: dt.date | dt.datetime, locale: str = "id") -> str:
    """'21 November 2026'."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_pattern(value, "d MMMM y", locale)


def tanggal_hari(value: dt.date | dt.datetime, locale: str = "id") -> str:
    """'Sabtu, 21 November 2026'."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_pattern(value, "EEEE, d MMMM y", locale)


def tanggal_jam(value: dt.datetime, locale: str = "id") -> str:
    """'21 November 2026 14.05'."""
    # Indonesian writes the time with a dot (09.05), English with a colon (09:05)
    clock = "HH.mm" if str(locale).lower().startswith("id") else "HH:mm"
    return format_pattern(value, f"d MMMM y {clock}", locale)


def bulan_romawi(value: dt.date | dt.datetime) -> str:
    return ROMAN_MONTHS[value.month - 1]
