"""Read SOP tables from .xlsx files, after refusing hostile ones.

Before openpyxl sees the file, zipguard streams every member under hard limits (members,
expanded bytes, compression ratio, shared strings, cells; DTDs and entities refused), so no
input can make the import use much memory or time. Each sheet becomes the same line/cell grid
the text importer uses; the text read from cells is bounded too.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from sop_desktop.errors import ImportFailed
from sop_desktop.importers.cells import Line, cell_text, tokenize_grid
from sop_desktop.importers.zipguard import PackageFacts, SheetFacts, check_package

if TYPE_CHECKING:  # a read-only sheet at run time; openpyxl's stubs type it as a Worksheet
    from openpyxl.worksheet.worksheet import Worksheet

MAX_ROWS = 20000
MAX_COLS = 200
MAX_TEXT_CHARS = 4_000_000  # text read from all cells together (a shared string repeated
# in many cells is counted each time it is read)


def check_xlsx(path: Path) -> PackageFacts:
    """Refuse a file that is not a sane .xlsx zip (one clear line); the facts the scan saw."""
    return check_package(path, ".xlsx")


_LITERAL = re.compile(r'"([^"]*)"')


def shown_value(cell: object) -> object:
    """A cell's value as the sheet shows it where that matters: a number formatted with text
    around it (`0 "menit"`, `General" Hari"`) keeps that text, so "15" reads "15 menit"."""
    value = getattr(cell, "value", None)
    fmt = getattr(cell, "number_format", None) or ""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and '"' in fmt:
        section = fmt.split(";", 1)[0]
        literals = _LITERAL.findall(section)
        if literals:
            number = cell_text(value)
            first = section.find('"')
            code = _LITERAL.sub("", section)
            # text before the number code is a prefix, the rest a suffix
            before = "".join(literals[:1]) if first == 0 and code.strip() else ""
            after = "".join(literals[1:] if before else literals)
            return " ".join(f"{before} {number} {after}".split())
    return value


FILL_MARK = "●"  # what an empty cell filled as a lane mark reads as
_WHITE = ("FFFFFFFF", "00FFFFFF")
_MAX_FILL_MARKS = 3  # a step and its co-lanes; more is a coloured band, not marks


def _fill_key(cell: object) -> tuple | None:
    """The colour a cell is filled with (None: no fill, or white)."""
    fill = getattr(cell, "fill", None)
    if fill is None or getattr(fill, "fill_type", None) in (None, "none"):
        return None
    colour = getattr(fill, "fgColor", None)
    kind = getattr(colour, "type", None)
    value = getattr(colour, kind, None) if isinstance(kind, str) else None
    if kind == "rgb" and value in _WHITE:
        return None
    return (fill.fill_type, kind, str(value), getattr(colour, "tint", 0))


def _fill_marks(cells: tuple, row: tuple) -> tuple:
    """A row whose lane is marked by filling the lane's cell in a colour (no text in it): each
    empty cell filled otherwise than the row's text cells reads as a mark (FILL_MARK). A
    header or band coloured as a whole (text cells in the same colour) has no marks."""
    texts = [i for i, v in enumerate(row) if v not in (None, "")]
    if len(texts) < 2:
        return row
    text_fills = {_fill_key(cells[i]) for i in texts}
    marks = [i for i, v in enumerate(row) if v in (None, "") and i > texts[0]
             and _fill_key(cells[i]) not in text_fills | {None}]
    if not marks or len(marks) > min(_MAX_FILL_MARKS, len(texts) - 1):
        return row
    return tuple(FILL_MARK if i in marks else v for i, v in enumerate(row))


def read_sheets(path: Path) -> list[tuple[str, list[Line], list[str]]]:
    """Every visible sheet of a checked workbook as (title, lines of cells, warnings).

    Hidden sheets, rows and columns are left out (with a warning); a hidden row stays as a
    blank line so messages keep the sheet's row numbers.
    """
    facts = check_xlsx(path)
    from openpyxl import load_workbook

    out: list[tuple[str, list[Line], list[str]]] = []
    budget = [MAX_TEXT_CHARS]
    try:
        # our own handle, closed whatever openpyxl raises half-way through a damaged file
        with open(path, "rb") as fh, warnings.catch_warnings():
            # openpyxl warns about styles/extensions it ignores; they do not affect the values
            warnings.simplefilter("ignore", UserWarning)
            wb = load_workbook(fh, read_only=True, data_only=True)
            try:
                for ws in wb.worksheets:
                    if facts.sheet_states.get(ws.title, "visible") != "visible":
                        hidden = f"{path.name}: lembar '{ws.title}' tersembunyi; tidak dibaca"
                        out.append((ws.title, [], [hidden]))
                        continue
                    member = str(getattr(ws, "_worksheet_path", "") or "").lstrip("/")
                    sheet = facts.sheets.get(member) or SheetFacts(last_row=MAX_ROWS + 1,
                                                                   last_col=MAX_COLS)
                    out.append(_read_sheet(path, ws, sheet, budget))
            finally:
                wb.close()
    except ImportFailed:
        raise
    except Exception:  # openpyxl raises many kinds of errors on damaged workbooks
        raise ImportFailed(f"{path.name}: berkas .xlsx rusak atau tidak dapat dibaca") from None
    return out


def _read_sheet(path: Path, ws: Worksheet, sheet: SheetFacts, budget: list[int]
                ) -> tuple[str, list[Line], list[str]]:
    """One visible sheet's rows, up to the last row and column holding a value."""
    notes: list[str] = []
    rows = []
    skipped = 0
    width = max(1, min(sheet.last_col or MAX_COLS, MAX_COLS))
    for n, cells in enumerate(ws.iter_rows(max_col=width)):
        if n >= sheet.last_row:
            break  # only formatted, empty rows follow
        if n >= MAX_ROWS:
            raise ImportFailed(f"{path.name}: lembar '{ws.title}' terlalu panjang (lebih dari "
                               f"{MAX_ROWS} baris)")
        row = _fill_marks(cells, tuple(shown_value(c) for c in cells))
        budget[0] -= sum(len(v) for v in row if isinstance(v, str))
        if budget[0] < 0:
            raise ImportFailed(f"{path.name}: berkas .xlsx ditolak: teks di sel terlalu banyak "
                               f"(lebih dari {MAX_TEXT_CHARS // 1_000_000} juta huruf)")
        if n + 1 in sheet.hidden_rows:
            if any(v not in (None, "") for v in row):
                skipped += 1
            row = ()
        elif sheet.hidden_cols:
            row = tuple(v for c, v in enumerate(row, start=1) if c not in sheet.hidden_cols)
        rows.append(row)
    if skipped:
        notes.append(f"{path.name}: lembar '{ws.title}': {skipped} baris tersembunyi diabaikan")
    if sheet.hidden_cols:
        notes.append(f"{path.name}: lembar '{ws.title}': kolom tersembunyi diabaikan")
    return ws.title, tokenize_grid(rows, ws.title), notes
