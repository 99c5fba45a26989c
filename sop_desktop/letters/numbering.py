"""Letter-number patterns: which pattern a template uses, and how a counter value prints.

A pattern is text with fields: ``{nomor}`` (the counter; ``{nomor:03d}`` or ``{nomor:3}`` pads to 3 digits),
``{kode_kantor}``, ``{klasifikasi}``, ``{bulan}``, ``{bulan_romawi}``, ``{tahun}``. For example
``W.6-UM.01.01-{nomor}/{tahun}`` or ``{kode_kantor}-{klasifikasi}-{nomor}/{bulan_romawi}/{tahun}``.
The default pattern holds the year, so numbers of different years never look alike.

The running number counts, as the Tata Naskah Dinas has it, per unit (kode kantor) per year
across every classification code: W.6-HAM.04.02-1/2026, W.6-UM.01.02-2/2026, ... An office
that keeps one counter per classification code sets ``per_klasifikasi`` (``letter numbering
--per-klasifikasi ya``). A pattern without ``{tahun}`` never restarts its counter (year 0), so
its numbers do not repeat either. The counter itself is sop_desktop.services.numbering.next_number (in
the caller's transaction); the database refuses a number issued twice in one year (a unique
index on the agenda surat keluar, migration 4 or later), and issuing skips numbers already in
the agenda.

Configuration is the Setting LETTER_NUMBERING (sop_desktop.settings):
    {"kode_kantor": "W.6", "pola": "{kode_kantor}-{klasifikasi}-{nomor}/{tahun}",
     "per_klasifikasi": false,
     "templates": {"<template id>": {"klasifikasi": "HM.02.01", "pola": "..."}}}
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sop_desktop.domain.dates import bulan_romawi
from sop_desktop.errors import ValidationError
from sop_desktop.letters.templates import Template
from sop_desktop.settings import LETTER_NUMBERING
from sop_desktop.storage import db as dbm

DEFAULT_PATTERN = "{kode_kantor}-{klasifikasi}-{nomor}/{tahun}"
PATTERN_FIELDS = ("nomor", "kode_kantor", "klasifikasi", "bulan", "bulan_romawi", "tahun")
_FIELD = re.compile(r"\{([a-z_]+)(?::0?(\d+)d?)?\}")


@dataclass
class NumberingConfig:
    """The office's numbering settings (see module doc)."""

    kode_kantor: str = ""
    pola: str = DEFAULT_PATTERN
    templates: dict[str, dict[str, str]] = field(default_factory=dict)
    per_klasifikasi: bool = False  # True: one counter per classification code (office setting)

    def to_dict(self) -> dict:
        return {"kode_kantor": self.kode_kantor, "pola": self.pola,
                "per_klasifikasi": self.per_klasifikasi,
                "templates": {k: dict(v) for k, v in self.templates.items()}}

    @classmethod
    def from_dict(cls, data: dict | None) -> NumberingConfig:
        data = data or {}
        return cls(kode_kantor=str(data.get("kode_kantor") or ""),
                   pola=str(data.get("pola") or DEFAULT_PATTERN),
                   per_klasifikasi=bool(data.get("per_klasifikasi", False)),
                   templates={str(k): {kk: str(vv) for kk, vv in (v or {}).items()}
                              for k, v in (data.get("templates") or {}).items()})

    def pattern_for(self, template: Template) -> tuple[str, str]:
        """(pattern, klasifikasi) for a template: office override, then template, then default."""
        own = self.templates.get(template.id, {})
        klasifikasi = own.get("klasifikasi") or template.klasifikasi
        pattern = own.get("pola") or template.pola or self.pola
        return pattern, klasifikasi


def load_config() -> NumberingConfig:
    return NumberingConfig.from_dict(dbm.read_setting(LETTER_NUMBERING))


def save_config(config: NumberingConfig) -> None:
    check_pattern(config.pola)
    for tid, own in config.templates.items():
        if own.get("pola"):
            check_pattern(own["pola"], what=f"pola nomor templat '{tid}'")
    dbm.write_setting(LETTER_NUMBERING, config.to_dict())


def check_pattern(pattern: str, *, what: str = "pola nomor surat") -> None:
    """A pattern must contain {nomor} exactly once and only known fields."""
    names = [m.group(1) for m in _FIELD.finditer(pattern)]
    for name in names:
        if name not in PATTERN_FIELDS:
            raise ValidationError(f"{what} '{pattern}': isian '{{{name}}}' tidak dikenal; yang dikenal: "
                                  + ", ".join("{" + n + "}" for n in PATTERN_FIELDS))
    if names.count("nomor") != 1:
        raise ValidationError(f"{what} '{pattern}' harus memuat {{nomor}} tepat satu kali")
    leftover = _FIELD.sub("", pattern)
    if "{" in leftover or "}" in leftover:
        raise ValidationError(f"{what} '{pattern}': kurung kurawal tanpa isian yang valid")


def counter_key(pattern: str, *, kode_kantor: str, klasifikasi: str) -> str:
    """The sequence a number is drawn from: the pattern with office and classification filled."""
    check_pattern(pattern)

    def repl(m: re.Match) -> str:
        if m.group(1) == "kode_kantor":
            return kode_kantor
        if m.group(1) == "klasifikasi":
            return klasifikasi
        return m.group(0)

    return "surat:" + _FIELD.sub(repl, pattern)


def counter_scope(config: NumberingConfig, pattern: str, klasifikasi: str,
                  when: dt.date) -> tuple[str, int]:
    """(counter key, counter year) a letter's running number is drawn from.

    By default one counter per unit (kode kantor) per year across classification codes; per
    code when the office set per_klasifikasi; a pattern without {tahun} never restarts (year 0)."""
    check_pattern(pattern)
    key = f"surat:{config.kode_kantor or '-'}"
    if config.per_klasifikasi:
        key += f":{klasifikasi or '-'}"
    yearly = any(m.group(1) == "tahun" for m in _FIELD.finditer(pattern))
    return key, (when.year if yearly else 0)


def number_used(number: str, pattern: str, when: dt.date) -> bool:
    """True when `number` is already in the agenda surat keluar within the pattern's scope
    (the same year for a pattern with {tahun}, ever for one without)."""
    OL = dbm.OutgoingLetter
    query = OL.select().where(OL.number == number)
    if any(m.group(1) == "tahun" for m in _FIELD.finditer(pattern)):
        start = dt.datetime(when.year, 1, 1)
        query = query.where((OL.issued_at >= start) & (OL.issued_at < start.replace(year=when.year + 1)))
    return query.exists()


def format_number(pattern: str, nomor: int, when: dt.date, *, kode_kantor: str = "",
                  klasifikasi: str = "") -> str:
    """The printed letter number, e.g. 'W.6-UM.01.01-12/XI/2026'."""
    check_pattern(pattern)
    values = {"kode_kantor": kode_kantor, "klasifikasi": klasifikasi, "bulan": f"{when.month:02d}",
              "bulan_romawi": bulan_romawi(when), "tahun": str(when.year)}

    def repl(m: re.Match) -> str:
        name, width = m.group(1), m.group(2)
        if name == "nomor":
            return str(nomor).zfill(int(width)) if width else str(nomor)
        return values[name]

    text = _FIELD.sub(repl, pattern)
    # an office without a code or classification yet: no dangling separators
    return re.sub(r"^[-./]+|[-./]+$", "", re.sub(r"([-./])[-./]+", r"\1", text))
