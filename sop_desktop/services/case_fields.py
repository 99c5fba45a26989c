"""The user's input to a case checked and cleaned: intake fields, times and decisions."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sop_desktop.errors import ValidationError

if TYPE_CHECKING:  # annotations only: the SOP model loads where a definition is built (issue 19)
    from sop_desktop.domain.model import IntakeField, SopDefinition

_PHONE = re.compile(r"^(?:\+62|62|0)\d{8,13}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def parse_at(text: str | None) -> dt.datetime | None:
    """An ISO time from the user ("2026-03-17T09:30", "2026-03-17 09:30", "2026-03-17").

    A time with a UTC offset is converted to the PC's local time; stored times are naive local.
    """
    if text is None or str(text).strip() == "":
        return None
    raw = str(text).strip()
    try:
        value = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError(
            f"Waktu '{raw}' tidak dapat dibaca (contoh: 2026-03-17T09:30)") from None
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return value.replace(microsecond=0)


def iso(value: dt.datetime | None) -> str | None:
    """The time as ISO text to the second (None stays None)."""
    return None if value is None else value.replace(microsecond=0).isoformat()


def validate_fields(defn: SopDefinition, values: Mapping[str, Any]) -> dict[str, Any]:
    """Intake values checked against the SOP's fields; returns them cleaned (ints, ISO dates).

    Every message is Indonesian and names the field by its label.
    """
    fields = {f.key: f for f in defn.fields}
    unknown = [k for k in values if k not in fields]
    if unknown:
        known = ", ".join(fields) or "-"
        raise ValidationError(f"Isian '{unknown[0]}' tidak dikenal untuk SOP {defn.code} "
                              f"(isian yang ada: {known})")
    out: dict[str, Any] = {}
    for f in defn.fields:
        raw = values.get(f.key)
        text = "" if raw is None else str(raw).strip()
        if not text:
            if f.required:
                raise ValidationError(f"Isian '{f.label}' wajib diisi")
            continue
        out[f.key] = _clean_field(f, raw, text)
    return out


def _clean_field(f: IntakeField, raw: object, text: str) -> str | int:
    label = f.label
    if f.type == "nik":
        digits = re.sub(r"[\s.-]", "", text)
        if not re.fullmatch(r"\d{16}", digits):
            raise ValidationError(f"Isian '{label}': NIK harus 16 angka (tertulis '{text}')")
        return digits
    if f.type == "nip":
        digits = re.sub(r"[\s.-]", "", text)
        if not re.fullmatch(r"\d{18}", digits):
            raise ValidationError(f"Isian '{label}': NIP harus 18 angka (tertulis '{text}')")
        return digits
    if f.type == "phone":
        number = re.sub(r"[\s().-]", "", text)
        if not _PHONE.match(number):
            raise ValidationError(
                f"Isian '{label}': nomor telepon '{text}' tidak valid (awali +62, 62 atau 0, "
                "lalu 8–13 angka)")
        return number
    if f.type == "email":
        if not _EMAIL.match(text):
            raise ValidationError(f"Isian '{label}': alamat surel '{text}' tidak valid")
        return text
    if f.type == "date":
        if isinstance(raw, dt.date):
            return raw.isoformat()
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValidationError(
                f"Isian '{label}': tanggal '{text}' tidak valid (tulis TTTT-BB-HH, "
                "mis. 2026-03-17)") from None
    if f.type == "integer":
        try:
            return int(text)
        except ValueError:
            raise ValidationError(f"Isian '{label}' harus bilangan bulat (tertulis '{text}')") from None
    if f.type == "choice":
        for choice in f.choices:
            if choice.casefold() == text.casefold():
                return choice
        raise ValidationError(f"Isian '{label}': '{text}' bukan pilihan yang ada "
                              f"({', '.join(f.choices)})")
    return text


def clean_field(f: IntakeField, value: object) -> str | int:
    """One intake value checked and cleaned (the rule validate_fields applies per field);
    raises ValidationError naming the field. Blank values are the caller's concern."""
    return _clean_field(f, value, "" if value is None else str(value).strip())


def decision_value(value: str) -> str:
    """"ya" or "tidak" from the user's answer (ya/y/yes, tidak/t/no/tdk)."""
    text = str(value or "").strip().lower()
    if text in ("ya", "y", "yes"):
        return "ya"
    if text in ("tidak", "t", "no", "tdk"):
        return "tidak"
    raise ValidationError(f"Keputusan '{value}' tidak dikenal: pilih ya atau tidak")
