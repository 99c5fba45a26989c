"""Values a letter derives from its own values: the weekday and the date in words of its date
(a berita acara says "Pada hari ini, Minggu, tanggal enam bulan Desember tahun dua ribu dua
puluh enam"), every NIP in one printed format, and the warning for a letter dated on a day the
office is closed."""

from __future__ import annotations

import datetime as dt

from sop_desktop.domain.calendar import WorkCalendar
from sop_desktop.output.signature import format_nip

_MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
           "september", "oktober", "november", "desember")
_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_ONES = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
         "sepuluh", "sebelas")


def terbilang(n: int) -> str:
    """A whole number in Indonesian words: 26 -> 'dua puluh enam', 2026 -> 'dua ribu dua puluh
    enam' (as the Tata Naskah Dinas writes dates in a berita acara)."""
    if n < 12:
        return _ONES[n] if n else "nol"
    if n < 20:
        return f"{_ONES[n - 10]} belas"
    if n < 100:
        return f"{_ONES[n // 10]} puluh {_ONES[n % 10]}".strip()
    if n < 200:
        return f"seratus {terbilang(n - 100) if n > 100 else ''}".strip()
    if n < 1000:
        rest = n % 100
        return f"{_ONES[n // 100]} ratus {terbilang(rest) if rest else ''}".strip()
    if n < 2000:
        return f"seribu {terbilang(n - 1000) if n > 1000 else ''}".strip()
    rest = n % 1000
    return f"{terbilang(n // 1000)} ribu {terbilang(rest) if rest else ''}".strip()


def parse_tanggal(text: str) -> dt.date | None:
    """'6 Desember 2026' (how letters print dates) back to a date; None for anything else."""
    parts = text.strip().split()
    if len(parts) != 3 or not parts[0].isdigit() or not parts[2].isdigit():
        return None
    month = parts[1].casefold()
    if month not in _MONTHS:
        return None
    try:
        return dt.date(int(parts[2]), _MONTHS.index(month) + 1, int(parts[0]))
    except ValueError:
        return None


def _is_nip_key(key: str) -> bool:
    return key == "nip" or key.startswith("nip_") or key.endswith("_nip")


def with_derived_values(vals: dict[str, str]) -> dict[str, str]:
    """`vals` plus the weekday and the date in words of the letter's date ({hari},
    {tanggal_terbilang}), and every NIP in the one printed format (19681107 199403 1 001)."""
    out = dict(vals)
    for key, value in vals.items():
        if _is_nip_key(key) and value:
            out[key] = format_nip(value)
    day = parse_tanggal(vals.get("tanggal", ""))
    if day is not None:
        out.setdefault("hari", _DAYS[day.weekday()])
        out.setdefault("tanggal_terbilang", f"{terbilang(day.day)} bulan "
                                            f"{_MONTHS[day.month - 1].capitalize()} tahun "
                                            f"{terbilang(day.year)}")
    else:
        out.setdefault("hari", "")
        out.setdefault("tanggal_terbilang", vals.get("tanggal", ""))
    return out


def date_warning(calendar: WorkCalendar, day: dt.date) -> str:
    """A warning when a letter is dated on a Sunday, another day the office is closed or a
    holiday ('' on a working day): the signer may not have meant that date."""
    name = calendar.holiday_name(day)
    weekday = _DAYS[day.weekday()]
    if name:
        return f"Tanggal surat jatuh pada hari libur ({weekday}, {name}). Periksa kembali tanggalnya."
    if day.weekday() == 6:
        return "Tanggal surat jatuh pada hari Minggu. Periksa kembali tanggalnya."
    if not calendar.is_working_day(day):
        return f"Tanggal surat jatuh pada hari {weekday}, kantor tutup. Periksa kembali tanggalnya."
    return ""
