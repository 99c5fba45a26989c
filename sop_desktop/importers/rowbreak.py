"""Rows a copy of a Word table broke: text copied from a Word (or PDF viewer) table keeps a
cell's second paragraph on a line of its own, so the row goes on there with the rest of its
cells ("4.\tDokter ...\tYa: lanjut ke langkah 6" / "Tidak: lanjut ke langkah 5"). Before the
table is read, such pieces are put back into their row: the line after a numbered row that
starts with text (not with a tab, as a wrapped line of a tab-separated table does) and, with
that row, makes up exactly the table's width of cells, or a single cell between two numbered
rows after a row that filled its last column. The lines taken keep their numbers, blank.
"""

from __future__ import annotations

from collections import Counter

from sop_desktop.importers.cells import Line, step_number

_MAX_PIECES = 6  # lines one row may have been broken into


def _numbered(line: Line) -> bool:
    return bool(line.raw) and step_number(line.raw[0]) is not None


def _width(lines: list[Line]) -> int | None:
    counts = Counter(len(ln.raw) for ln in lines if _numbered(ln) and len(ln.raw) >= 3)
    if not counts:
        return None
    width, seen = counts.most_common(1)[0]
    return width if seen >= 2 else None


def _joined(a: list[str], b: list[str]) -> list[str]:
    return a[:-1] + [f"{a[-1]}\n{b[0]}" if a[-1] else b[0]] + b[1:]


def rejoin_broken_rows(lines: list[Line]) -> list[Line]:
    """The lines with each broken numbered row put back together (see the module note)."""
    width = _width(lines)
    if width is None:
        return lines
    out = list(lines)
    for i, line in enumerate(out):
        if not _numbered(line):
            continue
        raw, used = list(line.raw), list[int]()
        j = i + 1
        while len(raw) < width and j < len(out) and len(used) < _MAX_PIECES:
            nxt = out[j]
            if nxt.blank or _numbered(nxt) or not nxt.raw[0]:
                break
            raw, used = _joined(raw, nxt.raw), used + [j]
            j += 1
        if used and len(raw) != width:
            continue  # not a broken row after all
        if not used and len(raw) == width and raw[-1] and i + 2 < len(out):
            nxt, after = out[i + 1], out[i + 2]
            if len(nxt.raw) == 1 and nxt.raw[0] and not _numbered(nxt) and _numbered(after):
                raw, used = _joined(raw, nxt.raw), [i + 1]
        if used:
            out[i] = Line(line.no, raw, sheet=line.sheet)
            for k in used:
                out[k] = Line(out[k].no, [], sheet=out[k].sheet)
    return out
