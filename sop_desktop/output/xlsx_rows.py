"""The body rows of a streamed table sheet written straight into xlsxwriter's row file.

xlsxwriter in constant_memory mode keeps one row of cells at a time and writes each cell's XML
through its general path (a tuple stored per cell, the format looked up, every attribute
escaped, the cell type found by its class name). For a register of 100,000 rows that path was
most of the export's time (benchmarks/README.md, issue 19). Here each body row is built as one
string, the XML xlsxwriter itself writes for those cells (tests/core/test_xlsx_rows.py compares
the sheets byte for byte), and appended to the sheet's row file; the title, the header, the
lines under the table, the styles and the print settings stay xlsxwriter's. A sheet this cannot
write into (not constant_memory, another xlsxwriter) is written cell by cell by the caller.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from sop_desktop.output.table import Column
from sop_desktop.output.xlsx import FORMULA_STARTS, MAX_CELL_CHARS, cell_value, row_height

Progress = Callable[[int, int], None]
# a format for column c and a variant ("" the column's own, "quote", "date", "datetime")
FormatOf = Callable[[int, str], Format]

# what xlsxwriter's worksheet must have for rows to be written into its row file
_INTERNALS = ("constant_memory", "previous_row", "table", "row_info", "comments", "fh",
              "excel_version", "default_row_height", "original_row_height", "xls_strmax",
              "_write_single_row", "_check_dimensions", "_convert_date_time")
# text needing any of xlsxwriter's escapes: XML's &<>, control characters (written _xHHHH_),
# text that already looks like such an escape, the non-characters U+FFFE/U+FFFF
_NEEDS_ESCAPE = re.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_ESCAPE_OF_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile("([\x00-\x08\x0b-\x1f])")


def can_write_rows(ws: Worksheet) -> bool:
    """True when `ws` is a constant_memory sheet of the xlsxwriter this module knows, with
    default row heights, so its rows can be written here."""
    if not all(hasattr(ws, name) for name in _INTERNALS):
        return False
    return bool(ws.constant_memory) and ws.excel_version == 2007 and \
        ws.default_row_height == ws.original_row_height and not ws.comments


def text_xml(text: str, limit: int = MAX_CELL_CHARS) -> str:
    """The inline string element of a text cell as xlsxwriter writes it: at most `limit`
    UTF-16 units, control characters as _xHHHH_, XML escaped, spaces at either end kept.
    (Text shaped like a rich string, "<r>...</r>", stays text: xlsxwriter would write it into
    the file unescaped.)"""
    if len(text) > limit // 2:
        text = _utf16_cut(text, limit)
    if _NEEDS_ESCAPE.search(text) is not None:
        text = _ESCAPE_OF_ESCAPE.sub(r"_x005F\1", text)
        text = _CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", text)
        text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if text and (text[0].isspace() or text[-1].isspace()):
        return f'<is><t xml:space="preserve">{text}</t></is>'
    return f"<is><t>{text}</t></is>"


def _utf16_cut(text: str, limit: int) -> str:
    """`text` cut to `limit` UTF-16 units without splitting a character above U+FFFF."""
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return text[:index]
    return text


def pixels(points: float) -> float:
    """A row height in (fractional) pixels that xlsxwriter writes back as exactly `points`
    (set_row would round it to whole pixels: rows a little shorter than planned)."""
    guess = points / 0.75
    for candidate in (guess, math.nextafter(guess, math.inf), math.nextafter(guess, -math.inf)):
        if candidate * 0.75 == points:
            return candidate
    return guess


class _Styles:
    """The xf index of each format a row uses, looked up once per format (in the order the
    cells use them, as xlsxwriter numbers the formats)."""

    def __init__(self, format_of: FormatOf, ncols: int) -> None:
        self.format_of = format_of
        self.body: list[int | None] = [None] * ncols
        self.other: dict[tuple[int, str], int] = {}

    def column(self, c: int) -> int:
        found = self.body[c]
        if found is None:
            found = self.body[c] = self.format_of(c, "")._get_xf_index()
        return found

    def variant(self, c: int, name: str) -> int:
        found = self.other.get((c, name))
        if found is None:
            found = self.other[(c, name)] = self.format_of(c, name)._get_xf_index()
        return found


def write_rows(ws: Worksheet, columns: Sequence[Column], rows: Sequence[dict], format_of: FormatOf,
               head: int, wrapped: list[float], progress: Progress | None = None) -> None:
    """The body rows under the header row `head` (0-based, already written), typed and styled
    as xlsx_stream writes them cell by cell, each row as tall as its text."""
    if not rows:
        return
    ws._write_single_row(head + 1)  # the header row goes to the file first
    write = ws.fh.write
    keys = [col.key for col in columns]
    kinds = [col.kind for col in columns]
    text = [kind == "text" for kind in kinds]
    refs = [f'<c r="{xl_col_to_name(c)}' for c in range(len(columns))]
    styles = _Styles(format_of, len(columns))
    limit = min(MAX_CELL_CHARS, ws.xls_strmax)
    memo: dict[tuple[str, float], int] = {}
    heights: dict[float, str] = {}
    total, step = len(rows), max(1, len(rows) // 100)
    for i, data in enumerate(rows, 1):
        number = str(head + i + 1)
        values = [data.get(k) for k in keys]
        if len(memo) > 50_000:
            memo.clear()
        height = row_height(values, wrapped, memo)
        parts = [_row_start(number, height, heights)]
        for c, raw in enumerate(values):
            value = cell_value(raw, text[c], kinds[c])
            kind = type(value)
            if kind is str:
                s = styles.variant(c, "quote") if value.startswith(FORMULA_STARTS) \
                    else styles.column(c)
                parts.append(f'{refs[c]}{number}" s="{s}" t="inlineStr">'
                             f"{text_xml(value, limit)}</c>")
            elif value is None:
                parts.append(f'{refs[c]}{number}" s="{styles.column(c)}"/>')
            elif kind is int:
                parts.append(f'{refs[c]}{number}" s="{styles.column(c)}"><v>{value:.16G}</v></c>')
            else:
                parts.append(_typed_cell(ws, styles, refs[c], number, c, value, kinds[c]))
        parts.append("</row>")
        write("".join(parts))
        if progress is not None and i % step == 0:
            progress(i, total)
    last = head + total
    ws._check_dimensions(last, len(columns) - 1)
    ws.previous_row = last  # the rows are written: xlsxwriter carries on after them


def _row_start(number: str, height: float | None, heights: dict[float, str]) -> str:
    """A <row> start tag, with the height of a row taller than one line."""
    if height is None:
        return f'<row r="{number}">'
    ht = heights.get(height)
    if ht is None:
        # xlsxwriter's own arithmetic: the height in pixels, back in points
        ht = heights[height] = f"{pixels(height) * 0.75:.16g}"
    return f'<row r="{number}" ht="{ht}" customHeight="1">'


def _typed_cell(ws: Worksheet, styles: _Styles, ref: str, number: str, c: int, value: Any,
                kind: str) -> str:
    """A float or a date (coerce's other answers) in a column of `kind`: a number, a blank
    for a float that is not finite, a date in a text column with that date format."""
    if isinstance(value, (int, float)):
        if math.isfinite(value):
            return f'{ref}{number}" s="{styles.column(c)}"><v>{value:.16G}</v></c>'
        return f'{ref}{number}" s="{styles.column(c)}"/>'
    s = styles.column(c) if kind in ("date", "datetime") else \
        styles.variant(c, "datetime" if isinstance(value, dt.datetime) else "date")
    return f'{ref}{number}" s="{s}"><v>{ws._convert_date_time(value):.16G}</v></c>'
