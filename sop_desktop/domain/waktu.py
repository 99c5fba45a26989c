"""Parse the time standard (waktu) of an SOP step: "15 menit", "1-4 hari", "5 Hari Kerja"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

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
_PATTERN = rf"^{_NUM}(?:{_RANGE_SEP}{_NUM})?\s*(hari\s*kerja|hk|hari|jam|menit|mnt|detik|dtk)\.?$"


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    """A pattern of this module compiled on first use, case-insensitive: the window's start
    never reads a waktu text, so it pays for none of the ~15 compilations (issue 19)."""
    return re.compile(pattern, re.IGNORECASE)


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
    def from_dict(cls, data: dict | None) -> Waktu | None:
        if not data:
            return None
        return cls(str(data["text"]), float(data["min"]), float(data["max"]), str(data["unit"]))

    def minutes(self, upper: bool = True) -> float | None:
        """Length in minutes for the clock units, None for day units."""
        value = self.max if upper else self.min
        factor = {"detik": 1 / 60, "menit": 1, "jam": 60}.get(self.unit)
        return None if factor is None else value * factor


def _num(value: float) -> float:
    return int(value) if float(value).is_integer() else value


def _to_float(text: str) -> float:
    return float(text.replace(",", "."))


# Forms real SOP tables use that mean one of the units above (applied before _PATTERN):
_QUALIFIER = (
    r"^(?:±|\+/-|\+-|kurang\s+lebih|kurleb|kira-kira|sekitar|maks(?:imal|\.)?|"
    r"paling\s+(?:lama|lambat)|selambat-lambatnya|lebih\s+kurang|min(?:imal|\.)?|\+)\s*")
_KALENDER = r"\bhari\s+kalender\b"
# 30' (minutes) and 45" (seconds), as time is often written in tables
_MARK = r"^(\d+(?:[.,]\d+)?)\s*(['’′]|[\"”″])$"
_MINUTE = ("'", "’", "′")
_SPELLED = r"(\d+(?:[.,]\d+)?)\s*\(\s*[a-z\s-]+\)"  # 1 (satu) hari
_PER = r"\s*(?:/|per\s+|tiap\s+|setiap\s+)\s*[a-z][a-z\s]*$"
_UNIT_TWICE = (rf"^{_NUM}\s*(hari\s+kerja|hk|hari|jam|menit|mnt|detik|dtk|minggu|bulan)\.?"
               rf"{_RANGE_SEP}{_NUM}\s*\2\.?$")
_TIMES_24 = r"^(\d+)\s*[x×]\s*24\s*jam$"  # 3 x 24 jam = 3 days
_JAM_MENIT = r"^(\d+)\s*jam\s*(\d+)\s*(?:menit|mnt)$"
_PERIOD_WORDS = r"(minggu|pekan|bulan|triwulan|kuartal|caturwulan|catur\s+wulan|semester|tahun)"
_WEEKS_MONTHS = rf"^{_NUM}(?:{_RANGE_SEP}{_NUM})?\s*{_PERIOD_WORDS}$"
# The case engine counts clock units and days; longer periods become working days: a week is
# 5 working days and a month 22 (the office calendar then skips holidays as usual), so a
# triwulan (3 months) is 66, a caturwulan (4) 88, a semester (6) 132 and a year 264.
_DAYS_PER = {"minggu": 5, "pekan": 5, "bulan": 22, "triwulan": 66, "kuartal": 66,
             "caturwulan": 88, "catur wulan": 88, "semester": 132, "tahun": 264}
# "setiap bulan", "per triwulan", "sebulan", "triwulanan", "1 x setahun": one period
_ONE_PERIOD = (
    r"^(?:1\s*(?:x|kali)\s*)?(?:(?:setiap|tiap|per|satu)\s+|se)?"
    r"(hari|minggu|pekan|bulan|triwulan|kuartal|caturwulan|semester|tahun)(?:an)?$")
_ONE_PERIOD_FORMS = {"hari": (1.0, 1.0, "hari"), "minggu": (5.0, 5.0, "hari_kerja"),
                     "pekan": (5.0, 5.0, "hari_kerja")}


def _normalise(clean: str) -> tuple[str, tuple[float, float, str] | None]:
    """Rewrite the common real-world forms; returns (text for _PATTERN, or a ready value)."""
    text = _rx(_QUALIFIER).sub("", clean)
    # "14 hari kalender": plain days, as the importer has always read it (so a stored standard
    # with its printed text parses again)
    text = _rx(_KALENDER).sub("hari", text)
    text = _rx(_SPELLED).sub(r"\1", text)
    # "10 menit s.d 15 menit", "1 jam - 2 jam": a range with its unit written at both ends
    text = _rx(_UNIT_TWICE).sub(r"\1-\3 \2", text.strip())
    text = _rx(_MARK).sub(lambda m: f"{m.group(1)} {'menit' if m.group(2) in _MINUTE else 'detik'}",
                          text.strip())
    one = _rx(_ONE_PERIOD).match(text.strip().rstrip("."))
    if one:
        word = one.group(1).lower()
        days = float(_DAYS_PER.get(word, 1))
        return text, _ONE_PERIOD_FORMS.get(word, (days, days, "hari_kerja"))
    text = _rx(_PER).sub("", text).strip().rstrip(".")
    times = _rx(_TIMES_24).match(text)
    if times:
        days = float(times.group(1))
        return text, (days, days, "hari")
    jm = _rx(_JAM_MENIT).match(text)
    if jm:
        minutes = int(jm.group(1)) * 60 + int(jm.group(2))
        return text, (float(minutes), float(minutes), "menit")
    wm = _rx(_WEEKS_MONTHS).match(text)
    if wm:
        factor = _DAYS_PER[" ".join(wm.group(3).lower().split())]
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
    match = _rx(_PATTERN).match(normal)
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


# ---------------------------------------------------------------- tolerant reading (import)

# a number (or range) and the word after it: "7 hari", "1-2 minggu", "3 windu", "5 hari kerja"
_PIECE = rf"{_NUM}(?:{_RANGE_SEP}{_NUM})?\s*([a-z]+(?:\s+kerja|\s+wulan)?)\b"
_PRODUCT = r"\d\s*[x×]\s*\d"
_APPROX_MINUTES = {"detik": 1 / 60, "menit": 1.0, "jam": 60.0, "hari": 1440.0,
                   "hari_kerja": 1440.0 * 7 / 5}


@dataclass(frozen=True)
class WaktuReading:
    """What the importer makes of a waktu cell: the standard (None when it has none or it
    cannot be read), what to tell the person ("" when read cleanly; the caller then keeps the
    cell's text) and whether the cell was unreadable (the step is then flagged)."""

    waktu: Waktu | None
    problem: str = ""
    unreadable: bool = False


def approx_minutes(waktu: Waktu) -> float:
    """The upper bound in minutes, days counted whole, to compare waktu of different units."""
    return waktu.max * _APPROX_MINUTES.get(waktu.unit, 1440.0)


def read_waktu(text: str | None) -> WaktuReading:
    """Read a waktu cell without failing: a clean standard; else the longest of the waktu
    written in it ("7 hari dengan bupati; 2 hari dengan Kadin"), said in `problem`; else no
    standard, unreadable, naming an unknown unit when there is one."""
    clean = " ".join(str(text or "").split())
    try:
        return WaktuReading(parse_waktu(clean))
    except ValidationError:
        pass
    found: list[Waktu] = []
    unknown: list[str] = []
    if not _rx(_PRODUCT).search(clean):
        for match in _rx(_PIECE).finditer(clean[:500]):
            try:
                piece = parse_waktu(match.group(0))
            except ValidationError:
                unknown.append(match.group(3).lower())
                continue
            if piece is not None:
                found.append(piece)
    if found:
        # the standard keeps the text of the part read, so it parses again wherever it is
        # stored as text; the whole cell is for the caller to keep beside it
        longest = max(found, key=approx_minutes)
        if len(found) > 1:
            return WaktuReading(longest, f"waktu '{clean}' berisi {len(found)} pilihan; yang "
                                         f"terlama ('{longest.text}') dipakai sebagai standar")
        return WaktuReading(longest, f"waktu '{clean}' dibaca sebagai '{longest.text}'")
    if unknown:
        return WaktuReading(None, f"waktu '{clean}': satuan '{unknown[0]}' tidak dikenal "
                                  "(dikenal: detik, menit, jam, hari, hari kerja, minggu, bulan, "
                                  "triwulan, caturwulan, semester, tahun); langkah tanpa standar "
                                  "waktu", True)
    return WaktuReading(None, f"waktu '{clean}' tidak dapat dibaca (contoh yang benar: "
                              "'15 menit', '1-2 hari', '5 hari kerja'); langkah tanpa standar "
                              "waktu", True)
