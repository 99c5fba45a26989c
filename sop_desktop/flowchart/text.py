"""Text measured with reportlab's metrics of the shipped DejaVu fonts: width, wrapping, cells."""

from __future__ import annotations

import re
from functools import lru_cache

from sop_desktop.domain.wordbreak import is_letter_break
from sop_desktop.flowchart.geometry import BODY_SIZE, LEADING, PAD, Cell, Rect, TextRun
from sop_desktop.output.fonts import SANS, SANS_BOLD, register_fonts

# --------------------------------------------------------------------------- text


@lru_cache(maxsize=20000)
def text_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    return stringWidth(text, font, size)


@lru_cache(maxsize=64)
def ascent(font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import getAscentDescent

    register_fonts()
    return getAscentDescent(font, size)[0]


def _pieces(word: str) -> list[str]:
    """A word split after "/" and "-" ("Tinggal/Status" -> "Tinggal/", "Status")."""
    return [p for p in re.split(r"(?<=[/-])", word) if p]


def _fitting_prefix(piece: str, font: str, size: float, width: float) -> int:
    """How many letters of `piece` fit in `width` (at least one): a binary search."""
    lo, hi = 1, len(piece) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(piece[:mid], font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _letter_cut(piece: str, cut: int) -> tuple[int, bool]:
    """Where a word too long for its line breaks between letters, at most `cut` letters in,
    and whether the break is marked with "-": the latest place within a few letters where a
    reader joins the halves back without a space and drops the mark (a small letter on both
    sides, `is_letter_break`); else at `cut`, unmarked (a word of capitals or digits)."""
    for at in range(cut, max(1, cut - 6) - 1, -1):
        if 0 < at < len(piece) and piece[at - 1].islower() and piece[at].islower() and \
                is_letter_break(piece[:at] + "-", piece[at:]):
            return at, True
    return cut, False


def wrap(text: str, font: str, size: float, width: float, hyphen: bool = False) -> list[str]:
    """Split text into lines no wider than `width`.

    A word too long for a line breaks after a "/" or "-", and only then between letters
    (`hyphen`: with a "-" at the end of the broken part, as for lane names; otherwise with a
    "-" where the readers drop it again, between two small letters, see `_letter_cut`).
    """
    lines: list[str] = []
    for para in str(text or "").split("\n"):
        words = para.split()
        if not words:
            continue
        current = ""
        for word in words:
            trial = f"{current} {word}" if current else word
            if text_width(trial, font, size) <= width:
                current = trial
                continue
            if current:
                lines.append(current)
            current = ""
            if text_width(word, font, size) <= width:
                current = word
                continue
            for piece in _pieces(word):
                trial = current + piece
                if text_width(trial, font, size) <= width:
                    current = trial
                    continue
                if not hyphen and is_letter_break(current, piece):
                    # a real hyphen ("layanan-magang") would read back as a break mark and
                    # be dropped: the word breaks between letters further on instead
                    piece, current = trial, ""
                if current:
                    lines.append(current)
                room = width - text_width("-", font, size)
                while text_width(piece, font, size) > width and len(piece) > 1:
                    cut = _fitting_prefix(piece, font, size, room)
                    if hyphen and len(piece) > 6 and len(piece) - cut < 3:
                        cut = len(piece) - 3  # never a lone letter or two on the next line
                    marked = hyphen and piece[cut - 1].isalnum()
                    if not hyphen:
                        cut, marked = _letter_cut(piece, cut)
                    lines.append(piece[:cut] + ("-" if marked else ""))
                    piece = piece[cut:]
                current = piece
        if current:
            lines.append(current)
    return lines


SHORT_HEADERS = {"KETERANGAN": "KET."}  # the usual abbreviation on cramped printed SOP tables


def short_header(text: str, width: float) -> str:
    """A column header, abbreviated when it does not fit `width` even at the smallest size."""
    if text in SHORT_HEADERS and text_width(text, SANS_BOLD, 4.5) > width:
        return SHORT_HEADERS[text]
    return text


def _pieces_of(text: str) -> list[str]:
    """Every unbreakable piece of a text (words split after "/" and "-")."""
    return [p for w in str(text or "").split() for p in _pieces(w)] or [""]


def fit_size(text: str, font: str, size: float, width: float, smallest: float = 4.5) -> float:
    """The largest size (at most `size`) at which the longest word of `text` fits in `width`."""
    words = [p for w in str(text or "").split() for p in _pieces(w)] or [""]
    while size > smallest and max(text_width(w, font, size) for w in words) > width:
        size -= 0.25
    return size


def _runs(lines: list[str], rect: Rect, font: str, size: float, align: str = "left",
          valign: str = "top", indent: float = 0.0) -> list[TextRun]:
    """Place wrapped lines in a cell; `indent` shifts every line after the first (hanging)."""
    lead = size * LEADING
    block = len(lines) * lead
    if valign == "middle":
        top = rect.y + max(PAD, (rect.h - block) / 2)
    else:
        top = rect.y + PAD
    out = []
    for i, line in enumerate(lines):
        base = top + ascent(font, size) + i * lead
        width = text_width(line, font, size)
        if align == "center":
            x = rect.cx - width / 2
        elif align == "right":
            x = rect.right - PAD - width
        else:
            x = rect.x + PAD + (indent if i else 0.0)
        out.append(TextRun(x, base, line, font, size))
    return out


def _text_height(n_lines: int, size: float) -> float:
    return n_lines * size * LEADING + 2 * PAD


def _cell(rect: Rect, text: str, font: str = SANS, size: float = BODY_SIZE, *, align: str = "left",
          valign: str = "top", role: str = "", fill: str | None = None, border: bool = True,
          step: int | None = None, hyphen: bool = False) -> Cell:
    lines = wrap(text, font, size, rect.w - 2 * PAD, hyphen)
    room = max(1, int((rect.h - 2 * PAD) / (size * LEADING) + 1e-6))
    if len(lines) > room:  # only for a text longer than a whole page: cut, and say so
        last = lines[room - 1]
        while last and text_width(last + " …", font, size) > rect.w - 2 * PAD:
            last = last[:-1]
        lines = lines[:room - 1] + [last.rstrip() + " …"]
    return Cell(rect, _runs(lines, rect, font, size, align, valign), role, fill, border, step)


def _numbered(items: list[str], width: float, size: float) -> list[tuple[str, float]]:
    """A numbered list wrapped to width: (line, indent) pairs; "-" when the list is empty."""
    items = [" ".join(str(i).split()) for i in items if str(i).strip()]
    if not items:
        return [("-", 0.0)]
    out = []
    for n, item in enumerate(items, 1):
        num = f"{n}. " if len(items) > 1 else ""
        indent = text_width(num, SANS, size)
        lines = wrap(item, SANS, size, width - 2 * PAD - indent)
        for i, line in enumerate(lines):
            out.append(((num if i == 0 else "") + line, 0.0 if i == 0 else indent))
    return out


def _list_cell(rect: Rect, pairs: list[tuple[str, float]], size: float, role: str) -> Cell:
    lead = size * LEADING
    runs = []
    for i, (line, indent) in enumerate(pairs):
        runs.append(TextRun(rect.x + PAD + indent, rect.y + PAD + ascent(SANS, size) + i * lead,
                            line, SANS, size))
    return Cell(rect, runs, role)

