"""Numbers that never repeat: agenda numbers of cases, letter numbers, anything per key and year.

`next_number` runs inside the caller's write transaction, so the number and the row that uses
it commit together (a rolled-back transaction gives its number back; a committed one never
repeats). On SQLite the transaction is BEGIN IMMEDIATE (one writer at a time across
processes); on PostgreSQL the UPSERT takes a row lock on the counter until commit.
"""

from __future__ import annotations

import datetime as dt
import re
import string

from sop_desktop.errors import ValidationError
from sop_desktop.services.changes import Changes
from sop_desktop.settings import AGENDA_CODES, AGENDA_PATTERN
from sop_desktop.storage import db as dbm

Counter = dbm.Counter

DEFAULT_AGENDA_PATTERN = AGENDA_PATTERN.default
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
PLACEHOLDERS = ("nomor", "kode", "bulan_romawi", "bulan", "tahun", "sop")


def next_number(key: str, year: int) -> int:
    """The next value of the counter (key, year), starting at 1."""
    sql = (f'INSERT INTO "counter" ("key", "year", "value") VALUES ({dbm.database.param}, {dbm.database.param}, 1) '
           'ON CONFLICT ("key", "year") DO UPDATE SET "value" = "counter"."value" + 1 '
           'RETURNING "value"')
    with dbm.database.atomic():  # a savepoint when the caller already holds the transaction
        row = dbm.database.execute_sql(sql, (key, int(year))).fetchone()
    return int(row[0])


def peek(key: str, year: int) -> int:
    """The last number given for (key, year); 0 when none yet."""
    row = Counter.get_or_none((Counter.key == key) & (Counter.year == year))
    return row.value if row else 0


def raise_to(key: str, year: int, value: int) -> None:
    """Make sure the counter is at least `value` (after numbers were assigned in bulk)."""
    ph = dbm.database.param
    sql = (f'INSERT INTO "counter" ("key", "year", "value") VALUES ({ph}, {ph}, {ph}) '
           'ON CONFLICT ("key", "year") DO UPDATE SET "value" = '
           f'CASE WHEN "counter"."value" < {dbm.database.param} THEN {dbm.database.param} ELSE "counter"."value" END'
           )
    dbm.database.execute_sql(sql, (key, int(year), int(value), int(value), int(value)))


def validate_pattern(pattern: str) -> None:
    """Refuse a pattern with unknown placeholders or without {nomor} (numbers must differ)."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(pattern) if f is not None]
    except ValueError as exc:
        raise ValidationError(f"Pola penomoran '{pattern}' tidak valid ({exc})") from None
    unknown = [f for f in fields if f.split(":")[0] not in PLACEHOLDERS]
    if unknown:
        raise ValidationError(f"Pola penomoran '{pattern}': isian {{{unknown[0]}}} tidak dikenal "
                              f"(yang dikenal: {', '.join(PLACEHOLDERS)})")
    if "nomor" not in fields:
        raise ValidationError(f"Pola penomoran '{pattern}' harus memuat {{nomor}}")
    try:
        format_number(pattern, 1, "KODE", dt.date(2026, 1, 1), sop="SOP")
    except (ValueError, KeyError, IndexError) as exc:
        raise ValidationError(f"Pola penomoran '{pattern}' tidak valid ({exc})") from None


def format_number(pattern: str, nomor: int, kode: str, when: dt.date, *, sop: str = "") -> str:
    return pattern.format(nomor=nomor, kode=kode, bulan_romawi=ROMAN_MONTHS[when.month - 1],
                          bulan=when.month, tahun=when.year, sop=sop)


def agenda_pattern() -> str:
    return dbm.read_setting(AGENDA_PATTERN) or DEFAULT_AGENDA_PATTERN


def sop_kode(sop_code: str) -> str:
    """The short code used in agenda numbers: configured per SOP, else the SOP's own code."""
    configured = dbm.read_setting(AGENDA_CODES) or {}
    kode = configured.get(sop_code) or sop_code
    return re.sub(r"[\s/]+", "-", kode.strip())


def set_sop_kode(sop_code: str, kode: str) -> Changes:
    """Store the short code an SOP's agenda numbers carry ({kode})."""
    with dbm.database.atomic():
        stored = dbm.read_setting(AGENDA_CODES) or {}
        configured = dict(stored)  # a copy: the stored value is written back whole
        configured[sop_code] = kode.strip()
        dbm.write_setting(AGENDA_CODES, configured)
    return Changes(numbering=True)


def set_agenda_pattern(pattern: str) -> Changes:
    """Store the agenda number pattern (refused with the reason when it is not usable)."""
    validate_pattern(pattern)
    dbm.write_setting(AGENDA_PATTERN, pattern)
    return Changes(numbering=True)


def save_numbering(pattern: str, sop_code: str | None = None, kode: str = "") -> Changes:
    """Administration's Simpan penomoran: the pattern and (when given) one SOP's code, in one
    transaction; nothing is stored when either is refused."""
    with dbm.database.atomic():
        changes = set_agenda_pattern(pattern.strip())
        if sop_code and kode.strip():
            changes = changes.merge(set_sop_kode(sop_code, kode))
    return changes


def agenda_key(sop_code: str) -> str:
    return f"agenda:{sop_code}"


def next_agenda_number(sop_code: str, when: dt.datetime) -> tuple[str, int]:
    """(agenda number, its sequence) for a new case of an SOP; call inside the transaction."""
    seq = next_number(agenda_key(sop_code), when.year)
    return format_number(agenda_pattern(), seq, sop_kode(sop_code), when, sop=sop_code), seq
