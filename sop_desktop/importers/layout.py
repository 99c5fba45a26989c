"""Table layouts real SOP documents use beyond the textbook header: a header row without a "No"
label (or with no labels at all) above plainly numbered rows, steps numbered I, II, III or
a, b, c, lane names split over two header rows, and Ya/Tidak labels on a line of their own.

Each rule looks at the shape of the rows (a run of numbers 1, 2, 3 in one column with text after
it), never at particular words of a document.
"""

from __future__ import annotations

import re

from sop_desktop.importers.cells import Line, step_number
from sop_desktop.importers.identity import is_title_text, match_labels

_KEGIATAN = re.compile(r"kegiatan|aktivitas|aktifitas|uraian|langkah|prosedur|tahapan",
                       re.IGNORECASE)
_ROMAN = re.compile(r"^(?=[ivxl]+$)(x{0,3}l?)(ix|iv|v?i{0,3})$")
_LABEL = re.compile(r"^[(\[]?\s*([a-z]{1,6})\s*[.)\]]?$", re.IGNORECASE)


def _roman_value(text: str) -> int | None:
    low = text.lower()
    if not low or not _ROMAN.match(low):
        return None
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for a, b in zip(low, low[1:] + " ", strict=False):
        v = values[a]
        total += -v if b != " " and values.get(b, 0) > v else v
    return total or None


def label_value(text: str, style: str) -> int | None:
    """The number a step label stands for in a numbering style: "roman" (I, II, iv.) or
    "letter" (a, b., C)), else None."""
    match = _LABEL.match(text.strip())
    if not match:
        return None
    word = match.group(1)
    if style == "roman":
        return _roman_value(word)
    if style == "letter" and len(word) == 1:
        return ord(word.lower()) - ord("a") + 1
    return None


def _first(line: Line) -> tuple[int, str] | None:
    filled = line.filled()
    return filled[0] if filled else None


def _is_digit_step(line: Line) -> bool:
    first = _first(line)
    return first is not None and step_number(first[1]) is not None and len(line.filled()) >= 2 and \
        not all(step_number(t) is not None for _, t in line.filled())


def renumber_labels(lines: list[Line]) -> tuple[list[Line], list[str]]:
    """Steps numbered I, II, III or a, b, c (the first cell of each row, in one column, in
    sequence from one, with text after it): the labels rewritten as 1, 2, 3 so one table
    reader serves all. A list inside a numbered step ("3  Memeriksa:" then "a. KTP") stays."""
    out = list(lines)
    notes: list[str] = []
    i = 0
    while i < len(out):
        run = _label_run(out, i)
        if not run:
            i += 1
            continue
        col, style, rows = run
        numbered = dict(rows)
        for k in range(rows[0][0], _run_end(out, rows[-1][0], col)):
            line = out[k]
            cells, raw = list(line.cells), list(line.raw) + [""] * (len(line.cells) - len(line.raw))
            if k in numbered:
                cells[col] = raw[col] = str(numbered[k])
            # "kembali ke langkah II": the reference renumbered like the label it names
            cells = [_renumber_refs(c, style) for c in cells]
            raw = [_renumber_refs(c, style) for c in raw]
            out[k] = Line(line.no, raw, cells, sheet=line.sheet)
        kind = "angka Romawi" if style == "roman" else "huruf"
        notes.append(f"{lines[rows[0][0]].where}: langkah bernomor {kind}; dibaca sebagai "
                     f"1-{rows[-1][1]}")
        i = rows[-1][0] + 1
    return out, notes


_LABEL_REF = re.compile(r"\b((?:langkah|kegiatan|tahap|no(?:mor)?\.?)\s*(?:ke\s*-?\s*)?)"
                        r"([IVXLivxl]{1,6}|[a-zA-Z])\b(?![./-]\w)")


def _renumber_refs(text: str, style: str) -> str:
    """A step named by its label in a row's text ("kembali ke langkah II", "ke tahap b")
    written as the number the label became."""
    def sub(m: re.Match) -> str:
        value = label_value(m.group(2), style)
        return f"{m.group(1)}{value}" if value else m.group(0)
    return _LABEL_REF.sub(sub, text) if text else text


def _run_end(lines: list[Line], last: int, col: int) -> int:
    """The index after the last row's continuation lines (up to the next row or blank)."""
    k = last + 1
    while k < len(lines) and not lines[k].blank and not any(c <= col for c, _ in
                                                          lines[k].filled()):
        k += 1
    return k


def _label_run(lines: list[Line], i: int) -> tuple[int, str, list[tuple[int, int]]] | None:
    """(column, style, [(line index, number)]) of a labelled step sequence starting at line i."""
    first = _first(lines[i])
    if not first or len(lines[i].filled()) < 3:
        return None  # a step row has its text and a mark or mutu baku cell; a list item has not
    col, text = first
    style = "letter" if label_value(text, "letter") == 1 and text.strip(" .()[]").lower() \
        in ("a",) else "roman" if label_value(text, "roman") == 1 else None
    if style is None:
        return None
    prev = next((ln for ln in reversed(lines[max(0, i - 3):i]) if not ln.blank), None)
    if prev is not None and _is_digit_step(prev):
        return None  # a list inside a numbered step
    rows = [(i, 1)]
    k = i + 1
    while k < len(lines) and k - rows[-1][0] <= 6:
        here = _first(lines[k])
        if here and here[0] == col and len(lines[k].filled()) >= 2 and \
                label_value(here[1], style) == rows[-1][1] + 1:
            rows.append((k, rows[-1][1] + 1))
        elif here and here[0] <= col and _is_digit_step(lines[k]):
            break
        k += 1
    return (col, style, rows) if len(rows) >= 2 else None


def loose_header(lines: list[Line], i: int) -> tuple[int, int] | None:
    """(no column, kegiatan column) when line i heads a table although it has no "No" label
    (an empty first cell, or no labels at all) and plainly numbered rows follow: a row
    numbered 1 and then 2 in one column, with text after the number and more cells beside."""
    line = lines[i]
    filled = line.filled()
    if len(filled) < 2 or _is_digit_step(line):
        return None
    start = _first_numbered(lines, i + 1)
    if start is None or any(match_labels(t) for _, t in filled) or is_title_text(line.text()):
        return None
    _, col = start
    if filled[0][0] < col or not any(c > col for c, _ in filled):
        return None  # the header must sit over the table's columns
    keg = next((c for c, t in filled if c > col and len(t) <= 40 and _KEGIATAN.search(t)),
               col + 1)
    return col, keg


def _first_numbered(lines: list[Line], j: int) -> tuple[int, int] | None:
    """(line index, column) of a row numbered 1 within the next lines (after at most one more
    header row), followed by a row numbered 2 in the same column."""
    seen_other = 0
    end = min(len(lines), j + 5)
    while j < end:
        line = lines[j]
        if line.blank:
            j += 1
            continue
        first = _first(line)
        if first is not None and step_number(first[1]) == 1 and _is_digit_step(line):
            col = first[0]
            if len([c for c, _ in line.filled() if c > col + 1]) < 1:
                return None
            nxt = _next_row(lines, j + 1)
            if nxt is not None and step_number(nxt.cell(col)) == 2:
                return j, col
            return None
        if all(step_number(t) is not None for _, t in line.filled()):
            j += 1  # a row of column numbers "1 2 3 4"
            continue
        seen_other += 1
        if seen_other > 1:
            return None
        j += 1
    return None


def _next_row(lines: list[Line], j: int) -> Line | None:
    """The next line that starts with a number (continuation lines skipped)."""
    for line in lines[j:j + 8]:
        if _is_digit_step(line):
            return line
    return None


def merge_rows(first: Line, more: Line) -> Line:
    """Two header rows' cells joined column by column ("Kepala" over "Dinas")."""
    width = max(len(first.cells), len(more.cells))
    raw = [" ".join(x for x in (first.raw[c] if c < len(first.raw) else "",
                                more.raw[c] if c < len(more.raw) else "") if x)
           for c in range(width)]
    return Line(first.no, raw, sheet=first.sheet)
