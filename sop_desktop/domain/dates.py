"""Dates in Indonesian ("21 November 2026"), via Babel, and Roman month numerals for letter numbers."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_datetime

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def tanggal(value: dt.date | dt.datetime, locale: str = "id") -> str:
    """'21 November 2026'."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_date(value, format="d MMMM y", locale=locale)


def tanggal_hari(value: dt.date | dt.datetime, locale: str = "id") -> str:
    """'Sabtu, 21 November 2026'."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_date(value, format="EEEE, d MMMM y", locale=locale)


def tanggal_jam(value: dt.datetime, locale: str = "id") -> str:
    """'21 November 2026 14.05'."""
    # Indonesian writes the time with a dot (09.05), English with a colon (09:05)
    clock = "HH.mm" if str(locale).lower().startswith("id") else "HH:mm"
    return format_datetime(value, format=f"d MMMM y {clock}", locale=locale)


def bulan_romawi(value: dt.date | dt.datetime) -> str:
    return ROMAN_MONTHS[value.month - 1]
