"""Text laid out with spaces instead of tabs (`pdftotext -layout`, a PDF viewer's or a
terminal's copy of a table): the columns are found from where the text stands.

A table block starts at its header (a line naming Kegiatan/Uraian/Aktivitas... among other
titles, with the group-title lines right above it) and runs to the next header. Its column
boundaries are the "rivers": character positions blank on every line that has three or more
pieces (runs of text two or more spaces apart); a wrapped line with fewer pieces, a group
title spanning its lane columns ("Pelaksana") or a page footer is not asked. Each word then
goes to the column it starts in, so every line becomes cells like a tab-separated one and the
one table parser reads it. Lines outside a block split where two or more spaces stand.
The header's lines (lane names wrapped over two or three lines, "Pelaksana" and "Mutu Baku"
over their columns) become the two header rows a tab-separated table has; a step whose number
stands lower than its first line (cells centred in their row, or set at its bottom as Excel
prints them) gets its lines back. Line numbers stay those of the text (the review quotes them).
"""

from __future__ import annotations

import re

from sop_desktop.importers.cells import _PIPE_ROW, Line, norm_key, raw_cell, step_number, tokenize_text
from sop_desktop.importers.layout import label_value
from sop_desktop.importers.rowbreak import rejoin_broken_rows
from sop_desktop.importers.table import _GROUP_WORDS, is_mutu_baku, word_role

_GAP = re.compile(r" {2,}")
_WORD = re.compile(r"\S+")
_PIECE = re.compile(r"\S+(?: \S+)*")
_ACTIVITY = re.compile(r"\b(kegiatan|aktivitas|aktifitas|uraian|prosedur|tahapan|langkah)\b",
                       re.I)
_OTHER_TITLE = re.compile(r"\b(no\.?|nomor|pelaksana|mutu|waktu|output|keterangan|ket\.?)\b",
                          re.I)
_PAGE_FOOTER = re.compile(r"^(halaman|hal\.?|page)\s*\d+\s*((dari|/|of)\s*\d+)?$"
                          r"|^[-–—]\s*\d+\s*[-–—]$", re.I)
# the identity of a next SOP below a table: the table's columns end there
_NEW_SOP = re.compile(r"^(nama|nomor|judul|no\.?)\s+sop\b|^standar operasional prosedur\b", re.I)
_MIN_PIECES = 3  # pieces of a line that speaks for the columns
_MAX_TITLES_ABOVE = 2  # group-title lines right above the header line
_MAX_LINE = 2000  # characters of a line looked at (a runaway line is cut, not scanned)


def text_lines(text: str) -> list[Line]:
    """The lines of cells of an extracted text, as the text importer reads them: a text laid
    out with spaces by the columns it shows (layout_cells), a tab- or pipe-separated one by
    its separators with the rows a Word copy broke put back together (rowbreak)."""
    raw_lines = text.splitlines()
    if is_layout_text(raw_lines):
        return [Line(no, [raw_cell(c) for c in cells])
                for no, cells in enumerate(layout_cells(raw_lines), start=1)]
    return rejoin_broken_rows(tokenize_text(text))


def is_layout_text(lines: list[str]) -> bool:
    """No tabs anywhere, and some line looks like a table header laid out with spaces."""
    if any("\t" in ln for ln in lines) or sum(1 for ln in lines if _PIPE_ROW.match(ln)) >= 2:
        return False  # tab-separated, or a Markdown pipe table
    return any(_is_header(ln) for ln in lines)


def _pieces(line: str) -> list[str]:
    return [p for p in _GAP.split(line.strip()) if p]


def _is_header(line: str) -> bool:
    pieces = _pieces(line)
    return (len(pieces) >= _MIN_PIECES and any(_ACTIVITY.search(p) for p in pieces)
            and sum(1 for p in pieces if _OTHER_TITLE.search(p)) >= 1)


def _block_starts(lines: list[str]) -> list[int]:
    """Index of each table block's first line (header line and the titles above it)."""
    starts: list[int] = []
    for i, line in enumerate(lines):
        if not _is_header(line):
            continue
        top = i
        while (top > 0 and i - top < _MAX_TITLES_ABOVE and lines[top - 1].strip()
               and not _PAGE_FOOTER.match(lines[top - 1].strip())
               and (not starts or top - 1 > starts[-1])):
            top -= 1
        if not starts or top > starts[-1]:
            starts.append(top)
    return starts


def _boundaries(lines: list[str]) -> list[int]:
    """Cut positions between columns: the middle of each blank river over the lines with
    three or more pieces."""
    asked = [ln for ln in lines if len(_pieces(ln)) >= _MIN_PIECES]
    if not asked:
        return []
    width = max(len(ln) for ln in asked)
    used = [False] * width
    first = width
    for ln in asked:
        for m in _WORD.finditer(ln):
            first = min(first, m.start())
            for x in range(m.start(), m.end()):
                used[x] = True
    cuts = []
    x = first
    while x < width:
        if used[x]:
            x += 1
            continue
        end = x
        while end < width and not used[end]:
            end += 1
        if end < width and end - x >= 2:
            cuts.append((x + end) // 2)
        x = end
    return cuts


def _cells(line: str, cuts: list[int]) -> list[str]:
    """Each word to the column it starts in; on a line of few pieces (a group title centred
    over its columns, "Mutu Baku") each piece whole to the column it starts in."""
    cells = [""] * (len(cuts) + 1)
    unit = _WORD if len(_pieces(line)) >= _MIN_PIECES else _PIECE
    for m in unit.finditer(line):
        col = sum(1 for c in cuts if c <= m.start())
        cells[col] = f"{cells[col]} {m.group(0)}" if cells[col] else m.group(0)
    while cells and not cells[-1]:
        cells.pop()
    return cells


def layout_cells(lines: list[str]) -> list[list[str]]:
    """Cells of each line of a text laid out with spaces (one list per line, in order)."""
    lines = [ln.replace("\f", "")[:_MAX_LINE].rstrip() for ln in lines]
    starts = _block_starts(lines)
    out: list[list[str]] = [_pieces(line) for line in lines[:starts[0] if starts else None]]
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        end = next((i for i in range(start + 1, stop) if _NEW_SOP.match(lines[i].strip())),
                   stop)
        cuts = _boundaries(lines[start:end])
        out.extend(_merge_header([[] if _PAGE_FOOTER.match(line.strip())  # a page number
                                  else _cells(line, cuts) for line in lines[start:end]]))
        out.extend(_pieces(line) for line in lines[end:stop])
    return out


_MAX_HEADER_LINES = 8  # header lines under the title line (lane names wrapped over lines)


def _top_title(text: str) -> bool:
    """A title that stands alone over its column: No, Kegiatan (any spelling), Keterangan."""
    key = norm_key(text)
    return (key in _NO_KEYS or bool(_ACTIVITY.search(text)) or key.startswith("no")
            and len(key) <= 3 or word_role(text)[0] == "keterangan")


_NO_KEYS = ("no", "nomor", "nourut", "nomorurut", "nomer")


def _body_text(cells: list[str], keg: int) -> bool:
    """A line of step text, not of a title: a sentence's worth in the Kegiatan column (the
    first line of a step whose number stands lower, centred in its row)."""
    text = cells[keg] if keg < len(cells) else ""
    return len(text) > 24 or len(text.split()) >= 2 and not (_ACTIVITY.search(text) or
                                                              _OTHER_TITLE.search(text))


def _merge_header(block: list[list[str]]) -> list[list[str]]:
    """The header lines of a block as the two rows a tab-separated table has: titles (and the
    group titles over lanes and mutu baku) on the first, each lane's or mutu baku column's
    name (wrapped over lines on the page) on the second; the lines they came from are left
    blank so the rows keep their line numbers."""
    head = next((i for i, cells in enumerate(block)
                 if _is_header("  ".join(cells))), None)
    if head is None or len(block) < 2:
        return block
    end = head + 1
    keg = next((c for c, t in enumerate(block[head]) if _ACTIVITY.search(t)), 1)
    while (end < len(block) and end - head <= _MAX_HEADER_LINES
           and not (block[end] and block[end][0]) and not _body_text(block[end], keg)):
        end += 1
    width = max(len(cells) for cells in block[:end])

    def col_text(rows: list[list[str]], c: int) -> str:
        return " ".join(r[c] for r in rows if c < len(r) and r[c])

    top, sub = [""] * width, [""] * width
    for c in range(width):
        above, here, below = col_text(block[:head], c), col_text([block[head]], c), \
            col_text(block[head + 1:end], c)
        group = here and (_GROUP_WORDS.fullmatch(here) or is_mutu_baku(here)[0])
        if group and below:
            top[c], sub[c] = " ".join(filter(None, (above, here))), below
        elif here and (group or _top_title(here)):
            top[c] = " ".join(filter(None, (above, here, below)))
        else:
            top[c], sub[c] = above, " ".join(filter(None, (here, below)))
    if end < 2:  # one header line right above the first step: one row of titles
        return [[t or s for t, s in zip(top, sub, strict=True)]] + _regroup_rows(block[end:])
    return [top, sub] + [[] for _ in range(end - 2)] + _regroup_rows(block[end:])


def _numbered(cells: list[str]) -> bool:
    first = cells[0] if cells else ""
    return bool(first) and (step_number(first) is not None or label_value(first, "roman")
                            is not None)


def _run(body: list[list[str]], i: int, step: int) -> int:
    """How many filled lines follow line i (step 1) or precede it (step -1) without a
    blank or a numbered line between."""
    n, k = 0, i + step
    while 0 <= k < len(body) and body[k] and not _numbered(body[k]):
        n, k = n + 1, k + step
    return n


def _regroup_rows(body: list[list[str]]) -> list[list[str]]:
    """The lines of each step row together when the row's number is not on its first line:
    cells centred in their row (the number on the middle line, the step's first text lines
    above it) or set at its bottom (Excel's default). A top-aligned table (the number on the
    row's first line: no text above the first number) is left as it is."""
    nums = [i for i, cells in enumerate(body) if _numbered(cells)]
    if len(nums) < 2 or _run(body, nums[0], -1) == 0:
        return body
    above = _run(body, nums[0], -1)
    below = [_run(body, n, 1) for n in nums]  # filled lines under each number
    if below[-1] == 0:  # bottom-aligned: the lines between two numbers are the lower row's
        keep = [0] * len(nums)
    else:
        keep = _centred_split(body, nums, above, below)
    owner = {nums[0] - d: nums[0] for d in range(1, above + 1)}
    for k, n in enumerate(nums):
        for d in range(1, below[k] + 1):
            owner[n + d] = n if d <= keep[k] or k + 1 == len(nums) else nums[k + 1]
    out = [list(cells) for cells in body]
    for n in nums:
        lines = sorted([i for i, o in owner.items() if o == n] + [n])
        width = max(len(body[i]) for i in lines)
        out[n] = [" ".join(body[i][c] for i in lines if c < len(body[i]) and body[i][c])
                  for c in range(width)]
        for i in lines:
            if i != n:
                out[i] = []
    return out


def _starts_sentence(cells: list[str]) -> bool:
    text = " ".join(cells[1:2]).strip()
    return bool(text) and text[0].isupper()


def _centred_split(body: list[list[str]], nums: list[int], above: int, below: list[int]
                   ) -> list[int]:
    """How many of the lines under each number stay with its row, for rows centred on their
    number: a row has as many lines under its number as above it, or one more (the writer
    rounds down) or one fewer (it rounds up), the same way throughout. Of the splits that fit
    from the first row to the last, the one whose rows most often begin with a capital letter
    (a step's text starts a sentence; a wrapped line seldom does) wins."""
    readings = [r for r in (_split_for(body, nums, above, below, (0, 1)),
                            _split_for(body, nums, above, below, (-1, 0))) if r]
    if not readings:  # no centred reading fits: each line to the nearer number
        return [(g + 1) // 2 for g in below]
    return max(readings)[1]


def _split_for(body: list[list[str]], nums: list[int], above: int, below: list[int],
               deltas: tuple[int, int]) -> tuple[int, list[int]] | None:
    """(score, lines kept under each number) of the best split whose rows have `deltas`
    more lines under their number than above it; None when none fits."""
    best: dict[int, tuple[int, list[int]]] = {above: (0, [])}  # lines above -> best so far
    for k in range(len(nums) - 1):
        nxt: dict[int, tuple[int, list[int]]] = {}
        for u, (score, splits) in best.items():
            for d in (u + deltas[0], u + deltas[1]):
                if not 0 <= d <= below[k]:
                    continue
                up = below[k] - d  # lines above the next number
                first = body[nums[k + 1] - up] if up else body[nums[k + 1]]
                value = score + (1 if _starts_sentence(first) else 0)
                if up not in nxt or value > nxt[up][0]:
                    nxt[up] = (value, splits + [d])
        if not nxt:
            return None
        best = nxt
    fits = [(score, splits + [below[-1]]) for u, (score, splits) in best.items()
            if below[-1] - u in deltas]
    return max(fits) if fits else None
