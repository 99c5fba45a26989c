"""What a printed SOP must say about its own source: the incomplete-SOP banner, over-long words.

An SOP kept from a fragment (SopDefinition.incomplete, e.g. its first page lost) prints
"TIDAK LENGKAP" with what is missing on every page. A word longer than MAX_WORD characters in
any field (pasted data, a field filled with one 20,000-letter "word") is cut with "…" before
the layout measures it, and the cut is reported as a warning: no column can print such a word
and breaking it letter by letter would take minutes.
"""

from __future__ import annotations

import copy
import re

from sop_desktop.domain.model import IDENTITY_LABELS, SopDefinition
from sop_desktop.flowchart.geometry import MARGIN, Cell, Rect
from sop_desktop.flowchart.text import _cell, _text_height, wrap
from sop_desktop.output.fonts import SANS_BOLD

BANNER_SIZE = 8.0
BANNER_FILL = "#f2f2f2"
MAX_WORD = 300  # characters: longer words are cut (a long web address in a table is ~120)
_LONG = re.compile(rf"\S{{{MAX_WORD + 1},}}")


def _span(a: int, b: int) -> str:
    return f"langkah {a}" if a == b else f"langkah {a}–{b}"


def missing_parts(defn: SopDefinition) -> list[str]:
    """What the source of an incomplete SOP lacks: step ranges, the identity page."""
    numbers = sorted(s.number for s in defn.steps)
    out = []
    if numbers and numbers[0] > 1:
        out.append(_span(1, numbers[0] - 1))
    for a, b in zip(numbers, numbers[1:], strict=False):
        if b > a + 1:
            out.append(_span(a + 1, b - 1))
    ident = defn.identity
    if not (ident.nomor or ident.disahkan_nama or ident.tanggal_pembuatan or ident.hierarchy):
        out.append("isi halaman identitas")
    return out


def incomplete_note(defn: SopDefinition) -> str:
    """The banner text of an incomplete SOP ("" for a complete one)."""
    if not defn.incomplete:
        return ""
    missing = missing_parts(defn)
    what = ", ".join(missing) if missing else "sebagian isi"
    return (f"TIDAK LENGKAP: {what} tidak ada pada sumber. "
            "Jangan dijalankan sebagai kasus sebelum dilengkapi.")


def banner_cell(text: str, y: float, width: float) -> tuple[Cell, float]:
    """The banner across the page at `y` (between the margins) and the height it takes."""
    inner = width - 2 * MARGIN
    lines = wrap(text, SANS_BOLD, BANNER_SIZE, inner - 6)
    h = _text_height(len(lines), BANNER_SIZE)
    cell = _cell(Rect(MARGIN, y, inner, h), text, SANS_BOLD, BANNER_SIZE, align="center",
                 role="incomplete", fill=BANNER_FILL)
    return cell, h + 4


def _cut(text: str) -> str:
    return _LONG.sub(lambda m: m.group(0)[:MAX_WORD] + "…", text)


def tame_long_words(defn: SopDefinition) -> tuple[SopDefinition, list[str]]:
    """The definition with every word over MAX_WORD characters cut, and one warning per field.

    The definition itself is left alone: a copy is returned when anything was cut."""
    warnings: list[str] = []

    def check(text: str, where: str) -> str:
        if not isinstance(text, str) or not _LONG.search(text):
            return text
        longest = max(len(m.group(0)) for m in _LONG.finditer(text))
        warnings.append(f"{where}: kata sepanjang {longest} huruf dipotong menjadi {MAX_WORD} "
                        "huruf untuk dicetak")
        return _cut(text)

    scan = [("name", "nama SOP")] if _LONG.search(defn.name or "") else []
    ident_hit = any(_LONG.search(v if isinstance(v, str) else " ".join(map(str, v)))
                    for v in defn.identity.__dict__.values())
    step_hit = any(_LONG.search(" ".join([s.kegiatan, s.kelengkapan, s.output, s.keterangan]))
                   for s in defn.steps)
    lane_hit = any(_LONG.search(n) for n in defn.lane_names)
    if not (scan or ident_hit or step_hit or lane_hit):
        return defn, []
    out = copy.deepcopy(defn)
    out.name = check(out.name, "nama SOP")
    for key, value in out.identity.__dict__.items():
        label = IDENTITY_LABELS.get(key, key.replace("_", " "))
        if isinstance(value, list):
            setattr(out.identity, key, [check(str(v), f"identitas, {label}") for v in value])
        else:
            setattr(out.identity, key, check(value, f"identitas, {label}"))
    for step in out.steps:
        for key in ("kegiatan", "kelengkapan", "output", "keterangan"):
            setattr(step, key, check(getattr(step, key), f"langkah {step.number}, {key}"))
    renamed: dict[str, str] = {}
    for lane in out.lanes:
        new = check(lane.name, "pelaksana")
        renamed[lane.name], lane.name = new, new
    for step in out.steps:
        if step.lane is not None:
            step.lane = renamed.get(step.lane, step.lane)
        step.co_lanes = [renamed.get(n, n) for n in step.co_lanes]
    return out, warnings
