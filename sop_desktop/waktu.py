"""Parse the time standard (waktu) of an SOP step: "15 menit", "1-4 hari", "5 Hari Kerja"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sop_desktop.errors import ValidationError

UNITS = ("detik", "menit", "jam", "hari", "hari_kerja")

_UNIT_WORDS = {
    "detik": "detik", "dtk": "detik",
    "menit": "menit", "mnt": "menit",
    "jam": "jam",
    "hari": "hari",
    "hari kerja": "hari_kerja", "harikerja": "hari_kerja", "hk": "hari_kerja",
}
_NUM = r"(\d+(?:[.,]\d+)?)"
_RANGE_SEP = r"\s*(?:-|–|—|s/d|s\.d\.?|sampai(?:\s+dengan)?|hingga)\s*"
_PATTERN = re.compile(
    rf"^{_NUM}(?:{_RANGE_SEP}{_NUM})?\s*(hari\s*kerja|hk|hari|jam|menit|mnt|detik|dtk)\.?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Waktu:
    """A parsed time standard; for a range the upper bound (max) is the deadline."""

    text: str
    min: float
    max: float
    unit: str

    def to_dict(self) -> dict:
        return {"text": self.text, "min": _num(self.min), "max": _num(self.max), "unit": self.unit}

    @classmethod
    def from_dict(cls, data: dict | None) -> "Waktu | None":
        if not data:
            return None
        return cls(str(data["text"]), float(data["min"]), float(data["max"]), str(data["unit"]))

    def minutes(self, upper: bool = True) -> float | None:
        """Length in minutes for the clock units, None for day units."""
        value = self.max if upper else self.min
        factor = {"detik": 1 / 60, "menit": 1, "jam": 60}.get(self.unit)
        return None if factor is None else value * factor


def _num(value: float):
    return int(value) if float(value).is_integer() else value


def _to_float(text: str) -> float:
    return float(text.replace(",", "."))


def parse_waktu(text: str | None, *, where: str = "") -> Waktu | None:
    """Parse a waktu cell; an empty cell means no time standard.

    Anything unreadable raises ValidationError naming `where` (SOP and step) and the text.
    """
    if text is None:
        return None
    clean = " ".join(str(text).split())
    if not clean or clean in {"-", "–", "—"}:
        return None
    match = _PATTERN.match(clean)
    if not match:
        prefix = f"{where}: " if where else ""
        raise ValidationError(f"{prefix}waktu '{clean}' tidak dapat dibaca "
                              "(contoh yang benar: '15 menit', '1-2 hari', '5 hari kerja')")
    low = _to_float(match.group(1))
    high = _to_float(match.group(2)) if match.group(2) else low
    if high < low:
        low, high = high, low
    unit_word = re.sub(r"\s+", " ", match.group(3).lower())
    unit = _UNIT_WORDS[unit_word if unit_word in _UNIT_WORDS else unit_word.replace(" ", "")]
    return Waktu(clean, low, high, unit)
