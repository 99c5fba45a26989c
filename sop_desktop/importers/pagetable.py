"""Pages -> the text importer's `Line` rows: text lines, the SOP table's header, columns and
step rows, and the drawing found in each step row (see geometry.py for the page model).

Non-table text becomes one Line per printed line, split into cells at vertical rules (or wide
gaps); a table header (No + Kegiatan/Aktivitas) gives the columns (vertical rules, else the
header words) and becomes two Lines (the header tiers); each numbered row becomes one Line
whose lane cells hold a symbol mark, and a `RowOrigin` that remembers its band, its symbols and
the words written inside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sop_desktop.importers.borderless import split_group_titles, word_columns
from sop_desktop.importers.cells import Line, norm_key, step_number
from sop_desktop.importers.geometry import Page, Segment, Shape, Word, filled_cells
from sop_desktop.importers.layout import label_value
from sop_desktop.importers.linejoin import join_words, share_spellings, text_lines
from sop_desktop.importers.printsplit import label_lines, pair_rows, values_page
from sop_desktop.importers.table import is_mutu_baku, word_role

_NO_WORDS = {"no", "nomor", "nourut", "nomer", "no."}
_KEG_RE = re.compile(r"^(kegiatan|aktivitas|aktifitas|uraian|langkah|prosedur|tahapan|"
                     r"deskripsi|rincian|proses)")
_GROUP_RE = re.compile(r"\b(aktor|pelaksana|pelaku|actor)\b", re.IGNORECASE)
_FOOTER_RE = re.compile(r"\bhalaman\s+\d+\s*(dari|/)\s*\d+\b|^\s*\d+\s*/\s*\d+\s*$", re.I)
UNIT_START = re.compile(r"^(KEMENTERIAN|KANTOR|DIVISI|BAGIAN|SUB\s*BAGIAN|SUBBAGIAN|BIDANG|"
                        r"SUB\s*BIDANG|SUBBIDANG|SEKSI|SUB\s*SEKSI|BADAN|DINAS|DIREKTORAT|"
                        r"SEKRETARIAT|PUSAT|BALAI|UPT|UNIT|PEMERINTAH|LEMBAGA|RUMAH|PUSKESMAS|"
                        r"KECAMATAN|KELURAHAN|DESA|INSPEKTORAT|BIRO|KABUPATEN|KOTA|PROVINSI|"
                        r"BPSDM|DEPUTI|ASISTEN|KANWIL|LAPAS|RUTAN|IMIGRASI)\b", re.IGNORECASE)
_MARK_WORD = {"terminator": "terminator", "process": "proses", "decision": "keputusan",
              "unknown": "x"}


@dataclass
class Columns:
    """The table columns of one page: x boundaries, roles and the drawing area."""

    xs: list[float]  # boundaries, len = number of columns + 1
    no_col: int
    keg_col: int
    drawing: set[int] = field(default_factory=set)  # lane and channel columns: marks only
    lanes: list[tuple[int, str]] = field(default_factory=list)  # (column, header text)

    def col_of(self, x: float) -> int | None:
        for i in range(len(self.xs) - 1):
            if self.xs[i] - 0.5 <= x < self.xs[i + 1] + 0.5:
                return i
        return None


@dataclass
class RowOrigin:
    """Where one step row came from: page, band, the step number and its symbols."""

    page: Page
    line_no: int
    number: int
    top: float
    bottom: float
    columns: Columns
    shapes: list[Shape] = field(default_factory=list)
    kegiatan: str = ""
    dashed: list[Segment] = field(default_factory=list)  # co-actor links and their ticks


@dataclass
class PageLines:
    """The Lines of all pages and the step rows' origins."""

    lines: list[Line] = field(default_factory=list)
    rows: list[RowOrigin] = field(default_factory=list)

    def add(self, cells: list[str]) -> Line:
        line = Line(len(self.lines) + 1, cells)
        self.lines.append(line)
        return line

    def blank(self) -> None:
        if self.lines and not self.lines[-1].blank:
            self.add([])


def _rules(page: Page) -> tuple[list[Segment], list[Segment]]:
    """(vertical, horizontal) ruling lines of the page, computed once per page."""
    key = len(page.segments)
    cached = page.__dict__.get("_rules")
    if cached is None or cached[0] != key:
        plain = [s for s in page.segments if not s.head and not s.dashed]
        cached = (key, ([s for s in plain if s.vertical], [s for s in plain if s.horizontal]))
        page.__dict__["_rules"] = cached
    return cached[1]


def _verticals(page: Page) -> list[Segment]:
    return _rules(page)[0]


def _horizontals(page: Page) -> list[Segment]:
    return _rules(page)[1]


def _split_cells(line: list[Word], page: Page) -> list[str]:
    """One printed line's cells: split at vertical rules crossing it, else at wide gaps."""
    y = sum(w.cy for w in line) / len(line)
    rules = sorted({round(s.bbox[0], 1) for s in _verticals(page)
                    if s.bbox[1] - 1 <= y <= s.bbox[3] + 1})
    cells: list[list[Word]] = [[line[0]]]
    for prev, w in zip(line, line[1:], strict=False):
        crossed = any(prev.x1 - 0.5 <= x <= w.x0 + 0.5 for x in rules)
        gap = w.x0 - prev.x1
        if crossed or gap > max(14.0, 2.6 * (w.y1 - w.y0)):
            cells.append([w])
        else:
            cells[-1].append(w)
    return [" ".join(w.text for w in c) for c in cells]


def _header_anchor(lines: list[list[Word]]) -> tuple[Word, Word] | None:
    """The No word and the Kegiatan word of a table header on the page."""
    for i, line in enumerate(lines):
        for j, w in enumerate(line):
            if norm_key(w.text) not in _NO_WORDS and w.text.lower() not in _NO_WORDS:
                continue
            if not _alone(line, j):
                continue  # "No" inside a sentence ("UU No 25 ..."), not a column header
            near = [(k, ln) for ln in lines[max(0, i - 3):i + 4] for k, x in enumerate(ln)
                    if x.x0 > w.x1 and abs(x.cy - w.cy) < 3 * (w.y1 - w.y0)]
            keg = [ln[k] for k, ln in near if _KEG_RE.match(norm_key(ln[k].text))
                   and _starts_cell(ln, k)]
            if keg and keg[0].x0 - w.x1 < 250:
                return w, min(keg, key=lambda x: x.x0)
    return None


def _gap(line: list[Word], j: int, side: int) -> float:
    k = j + side
    if not 0 <= k < len(line):
        return 1e9
    return line[j].x0 - line[k].x1 if side < 0 else line[k].x0 - line[j].x1


def _alone(line: list[Word], j: int) -> bool:
    """The word stands alone in its cell: clear space on both sides."""
    size = line[j].y1 - line[j].y0
    return _gap(line, j, -1) > 1.2 * size and _gap(line, j, 1) > 1.2 * size


def _starts_cell(line: list[Word], j: int) -> bool:
    return _gap(line, j, -1) > 1.2 * (line[j].y1 - line[j].y0)


def _cluster(values: list[tuple[float, float]], tol: float = 1.5) -> list[tuple[float, float]]:
    """(x, weight) pairs merged when closer than tol -> (mean x, total weight)."""
    out: list[list[float]] = []
    for x, wgt in sorted(values):
        if out and x - out[-1][0] <= tol:
            c = out[-1]
            c[0] = (c[0] * c[1] + x * wgt) / (c[1] + wgt) if c[1] + wgt else x
            c[1] += wgt
        else:
            out.append([x, wgt])
    return [(c[0], c[1]) for c in out]


def _column_xs(page: Page, top: float, bottom: float, left: float) -> list[float]:
    """Column boundaries from the vertical rules crossing the header band."""
    vals = []
    for s in _verticals(page):
        x0, y0, x1, y1 = s.bbox
        overlap = min(y1, bottom) - max(y0, top)
        if overlap > 2 and x0 >= left - 3:
            vals.append((x0, overlap))
    band = max(1.0, bottom - top)
    return [x for x, wgt in _cluster(vals) if wgt >= 0.3 * band]


def _header_text(page: Page, xs: list[float], top: float, bottom: float
                 ) -> tuple[list[str], list[str]]:
    """The two header tiers per column: words above a rule inside the band are the top tier."""
    n = len(xs) - 1
    tops: list[list[Word]] = [[] for _ in range(n)]
    subs: list[list[Word]] = [[] for _ in range(n)]
    splits: dict[int, float] = {}
    for s in _horizontals(page):
        x0, y, x1, _ = s.bbox
        if top + 2 < y < bottom - 2:
            for c in range(n):
                mid = (xs[c] + xs[c + 1]) / 2
                if x0 - 0.5 <= mid <= x1 + 0.5:
                    splits[c] = min(splits.get(c, 1e9), y)
    for line in text_lines([w for w in page.words if top - 1 <= w.cy <= bottom + 1]):
        for w in line:
            col = _col(xs, w.cx)
            if col is None:
                continue
            (subs if col in splits and w.cy > splits[col] else tops)[col].append(w)
    widths = [xs[c + 1] - xs[c] for c in range(n)]
    return ([join_words(t, widths[c], page, True, xs[c]) for c, t in enumerate(tops)],
            [join_words(t, widths[c], page, True, xs[c]) for c, t in enumerate(subs)])


def _col(xs: list[float], x: float) -> int | None:
    for i in range(len(xs) - 1):
        if xs[i] - 0.5 <= x < xs[i + 1] + 0.5:
            return i
    return None


def _roles(cols: Columns, tops: list[str], subs: list[str]) -> None:
    """The drawing area: columns between Kegiatan and the first mutu baku column, unless one of
    them is a narrative Pelaksana column (names written in words)."""
    n = len(cols.xs) - 1
    first_mutu = n
    for c in range(cols.keg_col + 1, n):
        texts = [t for t in (subs[c], tops[c]) if t]
        if any(word_role(t)[0] in ("kelengkapan", "waktu", "output") for t in texts) or (
                tops[c] and is_mutu_baku(tops[c])[0] and not subs[c]):
            first_mutu = c
            break
        if any(word_role(t)[0] == "keterangan" for t in texts):
            first_mutu = c
            break
    area = list(range(cols.keg_col + 1, first_mutu))
    named = [c for c in area if subs[c] or (tops[c] and not _GROUP_RE.search(tops[c]))]
    if len(area) == 1 and not subs[area[0]] and _GROUP_RE.search(tops[area[0]] or ""):
        return  # one "Pelaksana" column with names: ordinary text
    cols.drawing = set(area)
    cols.lanes = [(c, subs[c] or tops[c]) for c in named]


_NIP_FIRST = re.compile(r"^\s*[(\[]?\s*NIP\b", re.IGNORECASE)


def _nip_under_name(tops: list[str], subs: list[str]) -> None:
    """A lower header tier that is only a holder's NIP line takes the upper tier's name before
    it: the position's line stood above the header's inner rule (a two-line header overflowing
    a short row prints so), and the pair is one column title."""
    for c, (top, sub) in enumerate(zip(tops, subs, strict=True)):
        if sub and top and _NIP_FIRST.match(sub) and not _GROUP_RE.search(top):
            tops[c], subs[c] = "", f"{top} {sub}"


def find_columns(page: Page, lines: list[list[Word]]) -> tuple[Columns, float, float] | None:
    """The page's table header -> (columns, header top, header bottom)."""
    anchor = _header_anchor(lines)
    if anchor is None:
        return None
    w_no, w_keg = anchor
    numbers = _roman_only_counting_from_one([
        w for w in page.words if w.y0 > w_no.y1 and _row_label(w.text) is not None
        and w.x1 > w_no.x0 - 15 and w.x0 < w_keg.x0 and w.cx < w_keg.x0])
    first_row = min((w.y0 for w in numbers), default=w_no.y1 + 40)
    # the header's top: the rule above the No word (its cell top), else the word itself
    above = [s.bbox[1] for s in _horizontals(page) if s.bbox[1] <= w_no.y0 + 0.5
             and s.bbox[0] - 1 <= w_no.cx <= s.bbox[2] + 1]
    top = max(above) if above else min(w_no.y0, w_keg.y0) - 2
    below = [s.bbox[1] for s in _horizontals(page) if w_no.y1 <= s.bbox[1] <= first_row + 0.5
             and s.bbox[0] - 1 <= w_no.cx <= s.bbox[2] + 1]
    bottom = max(below) if below else first_row - 1
    xs = _column_xs(page, top, bottom, w_no.x0 - 40)
    if len(xs) < 4:
        xs = word_columns(page, top, bottom, w_no)  # a table without rules
    no_col, keg_col = _col(xs, w_no.cx), _col(xs, w_keg.cx)
    if no_col is None or keg_col is None or keg_col <= no_col:
        return None
    cols = Columns(xs, no_col, keg_col)
    tops, subs = _header_text(page, xs, top, bottom)
    _nip_under_name(tops, subs)
    if len(_column_xs(page, top, bottom, w_no.x0 - 40)) < 4:
        split_group_titles(tops, subs, {no_col, keg_col} | {
            c for c, t in enumerate(tops) if word_role(t)[0] == "keterangan"})
    _roles(cols, tops, subs)
    cols.tops, cols.subs = tops, subs  # type: ignore[attr-defined]
    return cols, top, bottom


def _row_label(text: str) -> int | None:
    """The step a No cell stands for: a number ("12", "12.") or a Roman numeral ("IV")."""
    number = step_number(text)
    return number if number is not None else label_value(text, "roman")


def _one_number_a_line(words: list[Word]) -> list[Word]:
    """The step numbers in the No column: the digits of one printed line there are one number
    (OCR may read "11" as "1" and "1"); words that are no step number are left out."""
    out: list[Word] = []
    for line in text_lines(words):
        if len(line) > 1 and all(w.text.isdigit() for w in line):
            line = [Word("".join(w.text for w in line), line[0].x0, min(w.y0 for w in line),
                         line[-1].x1, max(w.y1 for w in line), min(w.conf for w in line))]
        out += [w for w in line if _row_label(w.text) is not None]
    return _roman_only_counting_from_one(out)


def _roman_only_counting_from_one(words: list[Word]) -> list[Word]:
    """Roman step labels are taken only from a No column numbered I, II, ... throughout: with
    no Arabic number in it and an I among them (an "x" mark or a stray letter is no step)."""
    arabic = [w for w in words if step_number(w.text) is not None]
    if arabic or not any(_row_label(w.text) == 1 for w in words):
        return arabic
    return words


def step_rows(page: Page, cols: Columns, start: float) -> list[tuple[int, float, float, Word]]:
    """(number, top, bottom, number word) of every numbered row below `start`."""
    x0, x1 = cols.xs[cols.no_col], cols.xs[cols.no_col + 1]
    nums = sorted(_one_number_a_line([w for w in page.words if w.y0 >= start - 1 and
                                      x0 - 1 <= w.cx <= x1 + 1]), key=lambda w: w.y0)
    hs = sorted(s.bbox[1] for s in _horizontals(page)
                if s.bbox[0] - 1 <= (x0 + x1) / 2 <= s.bbox[2] + 1 and s.bbox[1] >= start - 1)
    verts = [s for s in _verticals(page) if abs(s.bbox[0] - x0) < 1.5 and s.bbox[3] > start]
    table_bottom = max((s.bbox[3] for s in verts), default=None)
    out: list[tuple[int, float, float, Word]] = []
    for i, w in enumerate(nums):
        number = _row_label(w.text)
        if number is None:
            continue  # never: nums holds numbered words only
        # rules above and below the number's middle: a scanned number's box may reach into
        # the rule over it (a rule never runs through a printed number)
        tops = [y for y in hs if y <= max(w.y0 + 0.5, w.cy - 1)]
        top = max(tops) if tops else (out[-1][2] if out else start)
        bots = [y for y in hs if y >= min(w.y1 - 0.5, w.cy + 1)]
        nxt = nums[i + 1].y0 - 1 if i + 1 < len(nums) else None
        bottom = min(bots) if bots else (nxt if nxt is not None else
                                         table_bottom or w.y1 + 30)
        if nxt is not None and not bots:
            bottom = nxt
        if table_bottom is not None and w.y0 > table_bottom + 1:
            break
        out.append((number, max(top, start), bottom, w))
    return out


def row_cells(page: Page, cols: Columns, top: float, bottom: float, skip: set[int]
              ) -> tuple[list[str], list[Shape]]:
    """The cells of one step row (lane cells: a symbol mark) and the symbols in it."""
    n = len(cols.xs) - 1
    texts: list[list[Word]] = [[] for _ in range(n)]
    shapes = [s for s in page.shapes if top - 1 <= s.cy <= bottom + 1 and s.kind != "connector"
              and cols.xs[0] <= s.cx <= cols.xs[-1]]
    for w in page.words:
        if id(w) in skip or not (top - 0.5 <= w.cy <= bottom + 0.5):
            continue
        c = cols.col_of(w.cx)
        if c is None or c in cols.drawing:
            continue
        if any(s.near((w.cx, w.cy), 0.0) for s in shapes):
            continue
        texts[c].append(w)
    cells = [join_words(t, cols.xs[c + 1] - cols.xs[c], page, left=cols.xs[c]) if t else ""
             for c, t in enumerate(texts)]
    for s in shapes:
        c = cols.col_of(s.cx)
        if c is not None and c in cols.drawing and not cells[c]:
            cells[c] = _MARK_WORD.get(s.kind, "x")
    if not shapes:
        marked = filled_cells(page.fills, cols.xs, sorted(cols.drawing), top, bottom)
        if len(marked) < max(2, len(cols.drawing)):  # every lane cell filled: a shaded row
            for c in marked:
                cells[c] = cells[c] or "x"
    return cells, shapes


def page_lines(pages: list[Page], skip_words: set[int]) -> PageLines:
    """All pages as Lines; table rows remember their origin."""
    out = PageLines()
    share_spellings(pages)  # how the document writes words around a "/" (linejoin)
    last_cols: Columns | None = None
    consumed: set[int] = set()  # a values page already paired with its labels page
    for index, page in enumerate(pages):
        if index in consumed:
            continue
        out.blank()
        words = [w for w in page.words if id(w) not in skip_words]
        lines = text_lines(words)
        found = find_columns(page, lines)
        if found is not None:
            cols, top, bottom = found
            last_cols = cols
            _emit_text(out, page, [ln for ln in lines if ln[0].cy < top - 0.5])
            out.add([cols.tops[c] for c in range(len(cols.xs) - 1)])  # type: ignore[attr-defined]
            out.add([cols.subs[c] for c in range(len(cols.xs) - 1)])  # type: ignore[attr-defined]
            rows = step_rows(page, cols, bottom)
        elif last_cols is not None and (going_on := _continuation(page, last_cols)):
            cols = going_on
            rows = step_rows(page, cols, 0.0)
            top = rows[0][1] if rows else page.height
            _emit_text(out, page, [ln for ln in lines if ln[0].cy < top - 0.5])
        else:
            if _split_identity(out, pages, index, lines, skip_words):
                consumed.add(index + 1)
            else:
                _emit_text(out, page, lines)
            last_cols = None
            continue
        page.columns = list(cols.xs)
        page.lane_columns = [(cols.xs[c], cols.xs[c + 1], name) for c, name in cols.lanes]
        end = bottom
        for number, rtop, rbottom, _ in rows:
            cells, shapes = row_cells(page, cols, rtop, rbottom, skip_words)
            line = out.add(cells)
            dashed = [s for s in page.segments if s.dashed and
                      rtop - 0.5 <= (s.bbox[1] + s.bbox[3]) / 2 <= rbottom + 0.5]
            out.rows.append(RowOrigin(page, line.no, number, rtop, rbottom, cols, shapes,
                                      cells[cols.keg_col], dashed))
            end = rbottom
        out.blank()
        _emit_text(out, page, [ln for ln in lines if ln[0].cy > end + 0.5])
    return out


def _split_identity(out: PageLines, pages: list[Page], index: int, lines: list[list[Word]],
                    skip_words: set[int]) -> bool:
    """An identity sheet printed as a labels page followed by its values page (see
    printsplit.py) becomes label/value Lines; False when pages[index] is not such a page."""
    labels = label_lines(lines)
    if not labels or index + 1 >= len(pages):
        return False
    page, nxt = pages[index], pages[index + 1]
    values = text_lines([w for w in nxt.words if id(w) not in skip_words])
    if not values_page(page, nxt, values) or find_columns(nxt, values) is not None:
        return False
    above, rows, below = pair_rows(labels, values)
    own = {id(ln[0]) for ln in labels}
    first = labels[0][0].cy
    _emit_text(out, nxt, above)
    _emit_text(out, page, [ln for ln in lines if id(ln[0]) not in own and ln[0].cy < first])
    for label, value in rows:
        out.add([label, value])
    out.blank()
    _emit_text(out, page, [ln for ln in lines if id(ln[0]) not in own and ln[0].cy > first])
    _emit_text(out, nxt, below)
    return True


def _same_grid(page: Page, cols: Columns) -> bool:
    """A page without a header continues the table when its rules match the last columns."""
    xs = {round(s.bbox[0]) for s in _verticals(page)}
    hits = sum(1 for x in cols.xs if any(abs(x - v) <= 2 for v in xs))
    return hits >= max(3, int(0.7 * len(cols.xs)))


def _continuation(page: Page, last: Columns) -> Columns | None:
    """The columns of a page without a header that continues the last table, else None."""
    return last if _same_grid(page, last) else _continued_columns(page, last)


def _continued_columns(page: Page, last: Columns) -> Columns | None:
    """A page without a header whose ruled table has the last table's columns in the same
    order but other widths (a continuation sheet whose columns were sized apart, its empty
    trailing columns left out): the last table's roles on this page's own column rules, when
    its No column holds step numbers."""
    verts = _verticals(page)
    if not verts:
        return None
    xs = _column_xs(page, min(s.bbox[1] for s in verts), max(s.bbox[3] for s in verts), 0.0)
    n = len(xs) - 1
    if not max(last.drawing, default=last.keg_col) + 2 <= n <= len(last.xs) - 1:
        return None
    cols = Columns(xs, last.no_col, last.keg_col, set(last.drawing), list(last.lanes))
    rows = step_rows(page, cols, 0.0)
    if not rows or any(cols.col_of(w.cx) != cols.no_col for *_, w in rows):
        return None
    for name in ("tops", "subs"):  # the header texts, for the review screen
        setattr(cols, name, getattr(last, name, [])[:n])
    return cols


def _emit_text(out: PageLines, page: Page, lines: list[list[Word]]) -> None:
    """Printed lines as Lines; in a ruled box (identity page) the lines of one cell are joined
    into one cell with line breaks, as a spreadsheet cell holds them."""
    pending: _Pending = []
    prev: list[Word] | None = None
    lines = _boxes_first(out, page, lines)
    for line in lines:
        if line[0].cy > page.height * 0.9 and _FOOTER_RE.search(" ".join(w.text for w in line)):
            continue
        cells = _ruled_cells(line, page)
        if cells is not None and pending and prev is not None and \
                _same_cells(pending, cells, prev, line, page):
            for key, words in cells:
                next(ws for k, ws in pending if k == key).append(words)
            prev = line
            continue
        _flush(out, pending)
        if prev is not None:
            height = max(1.0, prev[0].y1 - prev[0].y0)
            if line[0].y0 - prev[0].y1 > 1.1 * height:
                out.blank()
        if cells is None:
            out.add(_split_cells(line, page))
            pending = []
        else:
            pending = [(key, [words]) for key, words in cells]
        prev = line
    _flush(out, pending)
    out.blank()


def _box(w: Word, page: Page) -> tuple[float, float, float, float] | None:
    """The ruled cell around a word: nearest rules left, right, above and below it."""
    left = [s.bbox[0] for s in _verticals(page) if s.bbox[0] <= w.x0 + 0.5
            and s.bbox[1] - 0.5 <= w.cy <= s.bbox[3] + 0.5]
    right = [s.bbox[0] for s in _verticals(page) if s.bbox[0] >= w.x1 - 0.5
             and s.bbox[1] - 0.5 <= w.cy <= s.bbox[3] + 0.5]
    up = [s.bbox[1] for s in _horizontals(page) if s.bbox[1] <= w.y0 + 0.5
          and s.bbox[0] - 0.5 <= w.cx <= s.bbox[2] + 0.5]
    down = [s.bbox[1] for s in _horizontals(page) if s.bbox[1] >= w.y1 - 0.5
            and s.bbox[0] - 0.5 <= w.cx <= s.bbox[2] + 0.5]
    if not (left and right and up and down):
        return None
    return max(left), max(up), min(right), min(down)


def _boxes_first(out: PageLines, page: Page, lines: list[list[Word]]) -> list[list[Word]]:
    """A ruled box beside several rows of other boxes (the office names next to the identity
    table) comes out first, line by line, as the text of such a page reads; returns the rest."""
    words = [w for ln in lines for w in ln]
    if len(words) > 3000:
        return lines
    boxes = {id(w): _box(w, page) for w in words}
    tops = {b[1] for b in boxes.values() if b is not None}
    tall = {b for b in boxes.values() if b is not None and
            sum(1 for t in tops if b[1] + 1 < t < b[3] - 1) >= 2}
    if not tall:
        return lines
    for box in sorted(tall, key=lambda b: (b[1], b[0])):
        inside = [w for w in words if boxes[id(w)] == box]
        items: list[str] = []
        for line in text_lines(inside):
            # the office names beside the identity table: a capitals line that names no unit
            # ("MANUSIA", "DAN HAM BENGKULU") is the previous name wrapped
            text = " ".join(w.text for w in line)
            if items and text.isupper() and not UNIT_START.match(text):
                items[-1] += " " + text
            else:
                items.append(text)
        for text in items:
            out.add([text])
    out.blank()
    rest = [[w for w in ln if boxes[id(w)] not in tall] for ln in lines]
    return [ln for ln in rest if ln]


_Pending = list[tuple[tuple[float, float], list[list[Word]]]]  # ruled cell -> its lines so far
_Cells = list[tuple[tuple[float, float], list[Word]]]  # (left rule, right rule) -> words


def _flush(out: PageLines, pending: _Pending) -> None:
    """The pending ruled cells as one line of cells."""
    if pending:
        out.add(["\n".join(" ".join(w.text for w in ln) for ln in lines)
                 for _, lines in pending])
        pending.clear()


def _ruled_cells(line: list[Word], page: Page) -> _Cells | None:
    """The line's words per ruled cell ((left rule, right rule), words), or None when the line
    is not inside a ruled box."""
    y = sum(w.cy for w in line) / len(line)
    rules = sorted({round(s.bbox[0], 1) for s in _verticals(page)
                    if s.bbox[1] - 1 <= y <= s.bbox[3] + 1})
    if len(rules) < 2 or line[0].cx < rules[0] or line[-1].cx > rules[-1]:
        return None
    out: _Cells = []
    for w in line:
        k = max(i for i, x in enumerate(rules) if x <= w.cx)
        key = (rules[k], rules[min(k + 1, len(rules) - 1)])
        if out and out[-1][0] == key:
            out[-1][1].append(w)
        else:
            out.append((key, [w]))
    return out


def _same_cells(pending: _Pending, cells: _Cells, prev: list[Word], line: list[Word],
                page: Page) -> bool:
    """The line continues the pending ruled cells: every cell of it is one of them and no
    rule runs between the two lines there."""
    keys = {k for k, _ in pending}
    top, bottom = max(w.y1 for w in prev), min(w.y0 for w in line)
    for key, _ in cells:
        if key not in keys:
            return False
        for s in _horizontals(page):
            x0, y, x1, _ = s.bbox
            if top - 0.5 <= y <= bottom + 0.5 and x0 <= (key[0] + key[1]) / 2 <= x1:
                return False
    return True
