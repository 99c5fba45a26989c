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


# Forms real SOP tables use that mean one of the units above (applied before _PATTERN):
_QUALIFIER = re.compile(
    r"^(?:±|\+/-|\+-|kurang\s+lebih|kurleb|kira-kira|sekitar|maks(?:imal|\.)?|"
    r"paling\s+(?:lama|lambat)|selambat-lambatnya|lebih\s+kurang|min(?:imal|\.)?|\+)\s*",
    re.IGNORECASE)
_SPELLED = re.compile(r"(\d+(?:[.,]\d+)?)\s*\(\s*[a-z\s-]+\)", re.IGNORECASE)  # 1 (satu) hari
_PER = re.compile(r"\s*(?:/|per\s+|tiap\s+|setiap\s+)\s*[a-z][a-z\s]*$", re.IGNORECASE)
_TIMES_24 = re.compile(r"^(\d+)\s*[x×]\s*24\s*jam$", re.IGNORECASE)  # 3 x 24 jam = 3 days
_JAM_MENIT = re.compile(r"^(\d+)\s*jam\s*(\d+)\s*(?:menit|mnt)$", re.IGNORECASE)
_WEEKS_MONTHS = re.compile(rf"^{_NUM}(?:{_RANGE_SEP}{_NUM})?\s*(minggu|pekan|bulan)$", re.IGNORECASE)
# a week is 5 working days and a month 22 (the office calendar then skips holidays as usual)
_DAYS_PER = {"minggu": 5, "pekan": 5, "bulan": 22}


def _normalise(clean: str) -> tuple[str, tuple[float, float, str] | None]:
    """Rewrite the common real-world forms; returns (text for _PATTERN, or a ready value)."""
    text = _QUALIFIER.sub("", clean)
    text = _SPELLED.sub(r"\1", text)
    text = _PER.sub("", text).strip().rstrip(".")
    times = _TIMES_24.match(text)
    if times:
        days = float(times.group(1))
        return text, (days, days, "hari")
    jm = _JAM_MENIT.match(text)
    if jm:
        minutes = int(jm.group(1)) * 60 + int(jm.group(2))
        return text, (float(minutes), float(minutes), "menit")
    wm = _WEEKS_MONTHS.match(text)
    if wm:
        factor = _DAYS_PER[wm.group(3).lower()]
        low = _to_float(wm.group(1))
        high = _to_float(wm.group(2)) if wm.group(2) else low
        return text, (min(low, high) * factor, max(low, high) * factor, "hari_kerja")
    return text, None


def parse_waktu(text: str | None, *, where: str = "") -> Waktu | None:
    """Parse a waktu cell; an empty cell means no time standard.

    Anything unreadable raises ValidationError naming `where` (SOP and step) and the text.
    """
    if text is None:
        return None
    clean = " ".join(str(text).split())
    if not clean or clean in {"-", "–", "—"}:
        return None
    normal, ready = _normalise(clean)
    if ready is not None:
        return Waktu(clean, *ready)
    match = _PATTERN.match(normal)
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
