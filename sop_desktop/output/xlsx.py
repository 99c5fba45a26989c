"""Excel helpers: safe cell values, styled header, widths, frozen header, filters, print setup.

Cells are built as openpyxl Cell objects (WriteOnlyCell) so the same code writes to a
streaming (write_only) workbook for big registers and to a normal workbook for reports with
charts. Text typed by users never becomes a formula, and characters xlsx cannot hold are
dropped instead of failing the export.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
from collections.abc import Callable, Iterable
from copy import copy
from dataclasses import dataclass
from typing import IO, Any, cast
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from sop_desktop.domain.dates import tanggal
from sop_desktop.output.table import Column, Table

MAX_CELL_CHARS = 32767  # Excel's limit for one cell
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

NUMBER_FORMATS = {
    "date": "dd/mm/yyyy",
    "datetime": "dd/mm/yyyy hh:mm",
    "int": "0",
    "float": "0.0",
    "percent": "0.0%",
}

_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", start_color="1F4E78", end_color="1F4E78")
# Arial: on Windows itself, in LibreOffice on Linux its metric twin Liberation Sans; a font
# the printing PC lacks (Calibri without Carlito) is replaced by a wider one and the sheet
# then prints smaller than planned.
PRINT_FONT = "Arial"
HEADER_FONT = Font(name=PRINT_FONT, bold=True, color="FFFFFF")
TITLE_FONT = Font(name=PRINT_FONT, bold=True, size=14)
SUBTITLE_FONT = Font(name=PRINT_FONT, italic=True, size=10)


# a sheet being written: write_only (streamed) or not
Sheet = Worksheet | WriteOnlyWorksheet


def layout_of(ws: Sheet) -> Worksheet:
    """`ws` for its page layout: a write_only sheet has Worksheet's print, filter and row
    attributes too (openpyxl gives it them; its stubs leave them out)."""
    return cast(Worksheet, ws)


def style_of(cell: Cell) -> StyleArray:
    """A cell's style array, to copy onto other cells (openpyxl's `_style`, not in its stubs:
    much faster than assigning Font/Border objects cell by cell)."""
    style: StyleArray = cell._style  # type: ignore[attr-defined]  # see the docstring
    return style


def use_print_font(wb: Workbook) -> None:
    """Make Arial 10 the workbook's default font (every unstyled cell, column width unit)."""
    from openpyxl.utils.indexed_list import IndexedList

    fonts = list(wb._fonts)  # type: ignore[attr-defined]  # openpyxl's font table, not in its stubs
    default = Font(name=PRINT_FONT, size=BODY_PT, family=2)
    if fonts and fonts[0] == default:
        return
    wb._fonts = IndexedList([default] + fonts[1:])  # type: ignore[attr-defined]  # as above


def safe_text(value: str) -> str:
    """Drop characters an xlsx file cannot hold and cut text to Excel's cell limit."""
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    return text[:MAX_CELL_CHARS]


def looks_like_formula(text: str) -> bool:
    """True for text a spreadsheet would treat as a formula when typed or re-edited."""
    return text.startswith(FORMULA_STARTS)


def text_cell(ws: Sheet, value: str, style: StyleArray | None = None) -> Cell:
    """A cell that holds `value` as text whatever its first character."""
    cell = WriteOnlyCell(ws, None)
    if style is not None:
        cell._style = copy(style)  # type: ignore[attr-defined]  # the other side of style_of
    cell._value = value  # type: ignore[attr-defined]  # set directly: `value` would parse a leading "="
    cell.data_type = "s"
    if looks_like_formula(value):
        # quotePrefix tells Excel/LibreOffice the cell is text even when a user re-edits it.
        cell.quotePrefix = True
    return cell


def cell_value(raw: Any, is_text: bool, kind: str) -> Any:
    """What a register cell holds: `coerce`'s answer, quicker for text in a text column
    (printable text within the cell limit holds nothing to drop)."""
    if is_text and type(raw) is str:
        return (raw if raw.isprintable() and len(raw) <= MAX_CELL_CHARS
                else safe_text(raw)) if raw else None
    return coerce(raw, kind)


def coerce(value: Any, kind: str) -> Any:
    """A Python value fit for an xlsx cell of this kind (real dates and numbers stay typed)."""
    if value is None or value == "":
        return None
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
    elif kind == "datetime":
        if isinstance(value, dt.datetime):
            return value.replace(tzinfo=None, microsecond=0)
        if isinstance(value, dt.date):
            return value
    elif kind in ("int", "float", "percent"):
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, (int, float)):
            return value
    elif kind == "bool":
        if isinstance(value, bool):
            return "Ya" if value else "Tidak"
    if isinstance(value, (int, float)) and not isinstance(value, bool) and kind == "text":
        return value
    if isinstance(value, (dt.date, dt.datetime)) and kind == "text":
        return value
    return safe_text(str(value))


class StyleKit:
    """Prototype cell styles for one worksheet, copied onto each cell (much faster than
    assigning Font/Border objects cell by cell)."""

    def __init__(self, ws: Sheet, columns: list[Column], *, borders: bool = True) -> None:
        self.ws = ws
        self.columns = columns
        self.body = [self._proto(col, borders) for col in columns]
        header = WriteOnlyCell(ws, None)
        header.font = HEADER_FONT
        header.fill = HEADER_FILL
        header.border = BORDER
        header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.header = style_of(header)
        title = WriteOnlyCell(ws, None)
        title.font = TITLE_FONT
        self.title = style_of(title)
        subtitle = WriteOnlyCell(ws, None)
        subtitle.font = SUBTITLE_FONT
        self.subtitle = style_of(subtitle)
        bold = WriteOnlyCell(ws, None)
        bold.font = Font(name=PRINT_FONT, bold=True)
        bold.border = BORDER if borders else Border()
        self.bold = style_of(bold)

    def _proto(self, col: Column, borders: bool) -> StyleArray:
        cell = WriteOnlyCell(self.ws, None)
        if col.kind in NUMBER_FORMATS:
            cell.number_format = NUMBER_FORMATS[col.kind]
        horizontal = "center" if col.kind in ("date", "datetime", "bool") else None
        cell.alignment = Alignment(vertical="top", wrap_text=col.wrap and col.kind == "text",
                                   horizontal=horizontal)
        if borders:
            cell.border = BORDER
        return style_of(cell)

    def header_row(self, labels: Iterable[str]) -> list[Cell]:
        return [text_cell(self.ws, safe_text(label), self.header) for label in labels]

    def body_row(self, values: Iterable[Any], bold: bool = False) -> list[Cell]:
        out: list[Cell] = []
        ws = self.ws
        for col, proto, raw in zip(self.columns, self.body, values, strict=False):
            value = coerce(raw, col.kind)
            if isinstance(value, str):
                cell = text_cell(ws, value, self.bold if bold else proto)
            else:
                cell = WriteOnlyCell(ws, value)
                # the other side of style_of
                cell._style = copy(self.bold if bold and value is None else proto)  # type: ignore[attr-defined]
                if bold:
                    cell.font = Font(name=PRINT_FONT, bold=True)
            out.append(cell)
        return out

    def styled_text(self, value: str, style: StyleArray) -> Cell:
        return text_cell(self.ws, safe_text(value), style)


def measure_widths(table: Table, sample: int = 500, lo: float = 6, hi: float = 60) -> list[float]:
    """Column widths in characters from the header and the first `sample` rows."""
    widths: list[float] = []
    for col in table.columns:
        if col.width and col.kind == "text" and table.rows and all(
                row.get(col.key) in (None, "") for row in table.rows[:sample]):
            # nothing to show (e.g. "Langkah Saat Ini" when every case is finished)
            word = max((len(w) for w in col.label.split()), default=4)
            widths.append(min(col.width, max(lo + 2, word * 1.15 + 1.5)))
            continue
        if col.width:
            widths.append(col.width)
            continue
        longest: float = max((len(w) for w in col.label.split()), default=4) + 2
        for row in table.rows[:sample]:
            value = row.get(col.key)
            if value is None:
                continue
            if col.kind == "date":
                size = 11
            elif col.kind == "datetime":
                size = 16
            else:
                size = max((len(line) for line in str(value).splitlines()), default=0)
            longest = max(longest, min(size, hi) + 2)
        widths.append(float(max(lo, min(hi, longest))))
    return widths


def setup_sheet(ws: Sheet, widths: list[float]) -> None:
    """Column widths (must come before the first row in a write_only sheet)."""
    sheet = layout_of(ws)
    for i, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(i)].width = width


def freeze_header(ws: Sheet, header_row: int, fit: bool = True) -> None:
    """Freeze the rows down to the header and mark the sheet fit-to-page (or not: a printed
    scale of its own, see PrintFit).

    A write_only sheet writes these at its top, so call this before the first row."""
    sheet = layout_of(ws)
    sheet.freeze_panes = f"A{header_row + 1}"
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = fit


# Excel's paperSize codes; "Folio" (8.5 x 13 in) is the F4 of Indonesian offices.
PAPER_CODES = {"A4": "9", "F4": "14", "A3": "8"}
PAPER_MM = {"A4": (210.0, 297.0), "F4": (215.0, 330.0), "A3": (297.0, 420.0)}
LINE_HEIGHT = 12.5  # points per line of 10-point Arial (LibreOffice 11.5, Excel 12.75)
MAX_ROW_HEIGHT = 409.0  # Excel's limit
BODY_PT = 10.0  # the workbook's default font size (Arial 10: a digit 7 pixels wide)
MIN_PRINT_PT = 7.2  # the smallest printed text a reader should get (7 pt and a little room)
SIDE_MARGIN_IN = 0.3  # left and right page margins, inches
TEXT_FLOOR = 9.0  # a wrapped text column is never narrower than this (characters)


def column_points(width: float) -> float:
    """The printed width (points at 100 %) of a column `width` characters wide: Excel draws
    a column as width * 7 + 5 pixels of the default font, at 96 pixels per inch."""
    return (width * 7.0 + 5.0) * 0.75


def printable_points(paper: str = "A4", landscape: bool = True) -> float:
    """Width between the side margins of a page, in points."""
    short, long = PAPER_MM.get(paper, PAPER_MM["A4"])
    across = long if landscape else short
    return across / 25.4 * 72.0 - 2 * SIDE_MARGIN_IN * 72.0


@dataclass
class PrintFit:
    """How a table prints: column widths, the scale (percent) and whether it fits one page
    wide (fitToWidth) or runs onto a second page across at the smallest readable scale."""

    widths: list[float]
    scale: int
    one_page_wide: bool

    @property
    def printed_pt(self) -> float:
        """The body text size on paper."""
        return BODY_PT * self.scale / 100.0


def fit_to_paper(table: Table, widths: list[float], paper: str = "A4", landscape: bool = True,
                 min_pt: float = MIN_PRINT_PT) -> PrintFit:
    """Narrow the wrapped text columns until the table prints one page wide with body text of
    at least `min_pt` points: never below the longest word of the first rows (up to 13
    characters) where the page allows it, else never below TEXT_FLOOR or a header word."""
    room = printable_points(paper, landscape)
    head_floors, word_floors = [], []
    for col, width in zip(table.columns, widths, strict=False):
        if col.kind == "text" and col.wrap:
            word = max((len(w) for w in col.label.split()), default=4) * 1.15 + 1.5
            head = min(width, max(TEXT_FLOOR, word))
            data = max((len(w) for row in table.rows[:200]
                        for w in str(row.get(col.key) or "").split()), default=0)
            head_floors.append(head)
            word_floors.append(min(width, max(head, min(13, data) + 1.5)))
        else:  # dates and numbers: as wide as a whole value or a header word needs
            word = max((len(w) for w in col.label.split()), default=4) * 1.15 + 1.5
            need = {"date": 10.5, "datetime": 15.5}.get(col.kind, 6.0) if col.wrap else width
            head_floors.append(min(width, max(need, word)))
            word_floors.append(head_floors[-1])
    for floors in (word_floors, head_floors):
        fitted = _narrowed(widths, floors, room / (min_pt / BODY_PT))
        scale = min(100, int(room / sum(column_points(w) for w in fitted) * 100))
        if BODY_PT * scale / 100.0 >= min(min_pt, 7.0):
            return PrintFit(fitted, scale, True)
    return PrintFit(fitted, math.ceil(min_pt / BODY_PT * 100), False)


def _narrowed(widths: list[float], floors: list[float], budget: float) -> list[float]:
    """`widths` narrowed in proportion to their room above `floors` until they add up to
    `budget` points (or reach their floors)."""
    widths = list(widths)
    for _ in range(50):
        total = sum(column_points(w) for w in widths)
        slack = sum(w - f for w, f in zip(widths, floors, strict=False))
        if total <= budget or slack <= 0.01:
            break
        ratio = min(1.0, (total - budget) / (7.0 * 0.75) / slack)
        widths = [round(max(f, w - (w - f) * ratio), 1) for w, f in zip(widths, floors, strict=False)]
    return widths


def lines_needed(text: str, width: float) -> int:
    """About how many lines `text` takes in a wrapped column `width` characters wide."""
    # proportional text fits a little more than `width` digits per line; word wrap loses some
    room = max(1.0, (width - 1.0) * 1.05)
    lines = 0
    for part in text.split("\n"):
        if len(part) <= room:  # fits whole: one line (the same answer as the loop below)
            lines += 1
            continue
        count, used = 1, 0.0
        for word in part.split():
            size: float = len(word)
            if used and used + 1 + size > room:
                count += 1
                used = 0.0
            while size > room:  # a word longer than the column breaks between characters
                count += 1
                size -= room
            used = used + 1 + size if used else size
        lines += count
    return lines


def row_height(values: Iterable[Any], widths: list[float],
               memo: dict[tuple[str, float], int] | None = None) -> float | None:
    """A row height (points) that shows every wrapped text cell whole; None for one line.
    `memo` keeps lines_needed's answers across the rows of one table (values repeat).

    Set explicitly because LibreOffice does not grow rows to fit wrapped text on opening."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if isinstance(value, str) and (len(value) > width - 1.5 or "\n" in value):
            if memo is None:
                lines = max(lines, lines_needed(value, width))
                continue
            key = (value, width)
            found = memo.get(key)
            if found is None:
                found = memo[key] = lines_needed(value, width)
            lines = max(lines, found)
    return None if lines == 1 else min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines + 2)


def print_setup(ws: Sheet, *, header_row: int, last_row: int, ncols: int, office: str = "",
                title: str = "", landscape: bool = True, filters: bool = True,
                paper: str = "A4", fit: PrintFit | None = None, printed_on: str = "") -> None:
    """Filter on the header, landscape, the paper, one page wide (or the smallest readable
    scale with the first columns repeated), header row on every page, office name and page
    numbers in the printed header/footer (after the rows are written)."""
    sheet = layout_of(ws)
    last_col = get_column_letter(max(ncols, 1))
    if filters and last_row >= header_row:
        sheet.auto_filter.ref = f"A{header_row}:{last_col}{max(last_row, header_row)}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = PAPER_CODES.get(paper, "9")
    if fit is None or fit.one_page_wide:
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
    if fit is not None:
        sheet.page_setup.scale = fit.scale
        if not fit.one_page_wide and ncols > 2:
            sheet.print_title_cols = "A:B"  # the row's number and agenda on every page across
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = SIDE_MARGIN_IN
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.page_margins.header = sheet.page_margins.footer = 0.25
    header, footer = sheet.oddHeader, sheet.oddFooter
    if header is None or footer is None:  # openpyxl makes both with every sheet
        raise ValueError("lembar kerja tanpa kepala/kaki halaman cetak")
    header.left.text = _hf_escape(office)
    header.left.size = 9
    header.right.text = _hf_escape(title)
    header.right.size = 9
    footer.center.text = "Halaman &P dari &N"
    footer.center.size = 9
    # the date as text in the documents' own format (the &D code prints the PC's locale format)
    footer.right.text = _hf_escape(f"Dicetak {printed_on or _today()}")
    footer.right.size = 8


def _today() -> str:
    return tanggal(dt.date.today())


def _hf_escape(text: str) -> str:
    # "&" starts a header/footer code in Excel; a literal one is written "&&". Keep it short.
    return safe_text(text or "").replace("&", "&&")[:120]


def write_table(ws: Sheet, table: Table, *, office: str = "", heading: list[str] | None = None,
                progress: Callable[[int, int], None] | None = None, progress_offset: int = 0,
                progress_total: int | None = None, borders: bool = True,
                total_row: dict[str, Any] | None = None, filters: bool = True,
                footer_lines: list[str] | None = None, paper: str = "A4",
                landscape: bool = True) -> int:
    """Write a titled table into `ws` (an empty sheet, write_only or not); returns the header row.

    Rows: the title, each heading line, a blank row, the header, the data, then the table's
    note and `footer_lines` (small print such as the history chain hash) under it. Columns
    are narrowed (text wraps, rows grow) so that the printed page reads at 7 pt or more.
    """
    if ws.parent is not None:  # (a sheet always belongs to its workbook)
        use_print_font(ws.parent)
    kit = StyleKit(ws, table.columns, borders=borders)
    layout = table_layout(table, heading, paper, landscape)
    fit, widths, wrapped, span = layout.fit, layout.widths, layout.wrapped, layout.span
    setup_sheet(ws, widths)
    dims = layout_of(ws).row_dimensions
    streamed = isinstance(ws, WriteOnlyWorksheet)
    freeze_header(ws, layout.header_row, fit=fit.one_page_wide)
    ws.append([kit.styled_text(table.title, kit.title)])
    for line in layout.heading:
        ws.append([kit.styled_text(line, kit.subtitle)])
    ws.append([])
    header_row = layout.header_row
    labels = [col.label for col in table.columns]
    if layout.head_height:
        dims[header_row].height = layout.head_height
    ws.append(kit.header_row(labels))
    total = progress_total if progress_total is not None else len(table.rows)
    step = max(1, total // 100)
    for i, data in enumerate(table.rows, 1):
        values = table.values(data)
        height = row_height(values, wrapped)
        if height:
            dims[header_row + i].height = height
        ws.append(kit.body_row(values))
        if height and streamed:
            # a streamed row is already written: do not keep 100,000 dimension objects
            dims.pop(header_row + i, None)
        if progress is not None and i % step == 0:
            progress(progress_offset + i, total)
    last = header_row + len(table.rows)
    if total_row is not None:
        ws.append(kit.body_row(table.values(total_row), bold=True))
    if table.note or footer_lines:
        ws.append([])
    for line in [*fit_lines(table.note, span), *(part for text in footer_lines or []
                                                 for part in fit_lines(text, span))]:
        ws.append([kit.styled_text(line, kit.subtitle)])
    print_setup(ws, header_row=header_row, last_row=last, ncols=len(table.columns), office=office,
                title=table.title, filters=filters, paper=paper, landscape=landscape, fit=fit)
    return header_row


@dataclass
class TableLayout:
    """Where and how wide a titled table goes on its sheet (every .xlsx writer shares it)."""

    fit: PrintFit
    widths: list[float]  # column widths, characters
    wrapped: list[float]  # the widths of wrapped text columns; 10**6 for the others
    heading: list[str]  # the heading lines broken to the table's width
    span: int  # characters a line over or under the table may take
    header_row: int  # 1-based: title, heading lines, a blank row, then the header
    head_height: float | None  # the header row's height (points), None for one line


def table_layout(table: Table, heading: list[str] | None, paper: str = "A4",
                 landscape: bool = True) -> TableLayout:
    """The columns narrowed to print at 7 pt or more, and the rows above the header."""
    # a bold header word must fit its column whole ("Dikembalikan", not "Dikembalika/n")
    widths = [max(w, max((len(x) for x in c.label.split()), default=0) * 1.15 + 1.5)
              for c, w in zip(table.columns, measure_widths(table), strict=False)]
    fit = fit_to_paper(table, widths, paper, landscape)
    widths = fit.widths
    wrapped = [w if c.wrap and c.kind == "text" else 10.0 ** 6
               for c, w in zip(table.columns, widths, strict=False)]
    # text under and over the table keeps within its width: a long line running past the
    # last column would widen what LibreOffice prints and shrink the whole page
    span = max(20, int(sum(widths) * 0.95))
    lines = [part for line in heading or [] for part in fit_lines(line, span)]
    labels = [col.label for col in table.columns]
    head_height = row_height(labels, [w * 0.85 for w in widths])  # bold header text is wider
    return TableLayout(fit, widths, wrapped, lines, span, len(lines) + 3, head_height)


def fit_lines(text: str, chars: int) -> list[str]:
    """`text` broken at spaces into lines of at most about `chars` characters (long words
    such as a chain hash are broken too); no lines for empty text."""
    import textwrap

    return textwrap.wrap(text or "", max(10, chars), break_long_words=True,
                         break_on_hyphens=False)


def save_workbook(wb: Workbook, fh: IO[bytes]) -> None:
    """Save `wb` into an open binary file. On failure openpyxl's half-written parts are
    dropped quietly (the atomic writer discards the file anyway), instead of complaining
    later when they are garbage-collected."""
    from openpyxl.writer.excel import ExcelWriter

    archive = ZipFile(fh, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        if wb.write_only and not wb.worksheets:
            wb.create_sheet()
        wb.properties.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        ExcelWriter(wb, archive).save()
    except BaseException:
        archive.fp = None  # nothing to finish: the target file is thrown away
        discard_workbook(wb)
        raise


def discard_workbook(wb: Workbook) -> None:
    """Close and delete the temp files of a streaming workbook that will not be saved."""
    for ws in list(getattr(wb, "_sheets", [])):
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        ws._rows = None
        with contextlib.suppress(Exception):
            writer.xf.close()
        with contextlib.suppress(Exception):
            if isinstance(writer.out, str) and os.path.exists(writer.out):
                os.remove(writer.out)
