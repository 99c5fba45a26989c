"""Big tables to .xlsx with xlsxwriter in constant_memory mode (one row in memory at a time).

The same sheet as sop_desktop.output.xlsx.write_table writes with openpyxl (the same layout,
TableLayout; the same cell values, coerce; the same styles and print settings), in a fraction
of openpyxl's time: registers of 100,000 rows use it (benchmarks/README.md, issue 19). openpyxl
stays for reading and for reports with charts.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import tempfile
from collections.abc import Callable, Sequence
from typing import IO, Any

from xlsxwriter import Workbook
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from sop_desktop.output import docmeta
from sop_desktop.output.table import Column, Table
from sop_desktop.output.xlsx import (
    FORMULA_STARTS,
    NUMBER_FORMATS,
    PAPER_CODES,
    PRINT_FONT,
    SIDE_MARGIN_IN,
    _hf_escape,
    _today,
    cell_value,
    fit_lines,
    looks_like_formula,
    row_height,
    safe_text,
    table_layout,
)
from sop_desktop.output.xlsx_rows import can_write_rows, pixels, write_rows

Progress = Callable[[int, int], None]
DIGIT_PX = 7  # Arial 10: a digit is 7 pixels wide (xlsxwriter's width unit as well)
GREY_BORDER = {"border": 1, "border_color": "#808080"}
# openpyxl's names for the core properties -> xlsxwriter's
_CORE_NAMES = {"title": "title", "subject": "subject", "creator": "author",
               "category": "category", "keywords": "keywords", "description": "comments",
               "created": "created"}


def open_workbook(fh: IO[bytes] | _Sink, tmpdir: str) -> Workbook:
    """A streaming workbook writing into `fh`, Arial 10 by default, its temp files in `tmpdir`."""
    return Workbook(fh, {
        "constant_memory": True, "tmpdir": tmpdir, "remove_timezone": True,
        # Arial, not tied to the theme font (a theme font would print as Calibri)
        "default_format_properties": {"font_name": PRINT_FONT, "font_size": 10,
                                      "font_scheme": "none"},
    })


def save(fh: IO[bytes], fill: Callable[[Workbook], None]) -> None:
    """Build a workbook with `fill` and write it into `fh`; its temp files never outlive it and
    an OSError (a full disk) comes out as the OSError it is."""
    sink = _Sink(fh)
    with tempfile.TemporaryDirectory(prefix="sop-xlsx-", ignore_cleanup_errors=True) as tmp:
        wb = open_workbook(sink, tmp)
        try:
            fill(wb)
            wb.close()
        except BaseException as exc:
            sink.abandon()
            _close_rows(wb)
            if isinstance(exc, FileCreateError) and exc.args and isinstance(exc.args[0], OSError):
                raise exc.args[0] from None
            raise


class _Sink:
    """The file xlsxwriter's zip writes into; once abandoned (the export failed) writes only
    move a position, so the half-made zip, closed late by the garbage collector, cannot fail
    again on a file that is gone."""

    def __init__(self, fh: IO[bytes]) -> None:
        self._fh, self._pos = fh, -1  # -1: not abandoned

    def abandon(self) -> None:
        try:
            self._pos = self._fh.tell()
        except (OSError, ValueError):
            self._pos = 0

    def write(self, data: bytes) -> int:
        if self._pos < 0:
            return self._fh.write(data)
        self._pos += len(data)
        return len(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        if self._pos < 0:
            return self._fh.seek(offset, whence)
        self._pos = offset if whence == 0 else self._pos + offset
        return self._pos

    def tell(self) -> int:
        return self._fh.tell() if self._pos < 0 else self._pos

    def flush(self) -> None:
        if self._pos < 0:
            self._fh.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)


def _close_rows(wb: Workbook) -> None:
    """Close the row files of a workbook that will not be saved (their folder is removed)."""
    for ws in wb.worksheets():
        fh = getattr(ws, "row_data_fh", None)
        if fh is not None and not fh.closed:
            fh.close()


def set_properties(wb: Workbook, **values: Any) -> None:
    """The document properties of docmeta.set_xlsx_properties (title, app, chain hash...)."""
    core, custom = docmeta.xlsx_property_values(**values)
    wb.set_properties({_CORE_NAMES[k]: v for k, v in core.items() if k in _CORE_NAMES})
    for name, text in custom:
        wb.set_custom_property(name, text, "text")


class Formats:
    """The cell formats of one table (the styles of xlsx.StyleKit), each made once, when first
    used: the named styles, one per column, and their variants."""

    NAMED: dict[str, dict[str, Any]] = {
        "header": {"bold": True, "font_color": "#FFFFFF", "pattern": 1, "bg_color": "#1F4E78",
                   "align": "center", "valign": "vcenter", "text_wrap": True, **GREY_BORDER},
        "title": {"bold": True, "font_size": 14},
        "subtitle": {"italic": True},
        "label": {"bold": True},  # the Info sheet
        "value": {"text_wrap": True, "valign": "top"},
        "when": {"num_format": "dd/mm/yyyy hh:mm", "align": "left"},
    }

    def __init__(self, wb: Workbook, columns: Sequence[Column]) -> None:
        self.wb = wb
        self.props = dict(self.NAMED)
        for i, col in enumerate(columns):
            self.props[f"col{i}"] = self._body(col)
        self._made: dict[tuple[str, str], Format] = {}
        self.body = [self.get(f"col{i}") for i in range(len(columns))]

    @staticmethod
    def _body(col: Column) -> dict[str, Any]:
        props: dict[str, Any] = {"valign": "top", **GREY_BORDER}
        if col.kind in NUMBER_FORMATS:
            props["num_format"] = NUMBER_FORMATS[col.kind]
        if col.wrap and col.kind == "text":
            props["text_wrap"] = True
        if col.kind in ("date", "datetime", "bool"):
            props["align"] = "center"
        return props

    def get(self, name: str, variant: str = "") -> Format:
        """A named style; variant "quote" marks it as text (text that looks like a formula),
        "date" / "datetime" gives it that number format (a date in a text column)."""
        key = (name, variant)
        made = self._made.get(key)
        if made is None:
            extra: dict[str, Any] = {}
            if variant == "quote":
                extra = {"quote_prefix": True}
            elif variant:
                extra = {"num_format": NUMBER_FORMATS[variant]}
            made = self._made[key] = self.wb.add_format({**self.props[name], **extra})
        return made


def write_text(ws: Worksheet, row: int, col: int, text: str, style: str, kit: Formats) -> None:
    """A text cell that stays text whatever its first character."""
    ws.write_string(row, col, text, kit.get(style, "quote" if looks_like_formula(text) else ""))


def write_table(wb: Workbook, ws: Worksheet, table: Table, *, office: str = "",
                heading: list[str] | None = None, progress: Progress | None = None,
                footer_lines: list[str] | None = None, paper: str = "A4",
                landscape: bool = True, cell_by_cell: bool = False) -> int:
    """xlsx.write_table (borders and a filter on the header) into an xlsxwriter sheet;
    returns the header row (1-based). The body rows go straight into the sheet's row file
    (xlsx_rows) unless the sheet cannot take them or `cell_by_cell` asks for xlsxwriter's
    cell methods (the same file, several times slower)."""
    layout = table_layout(table, heading, paper, landscape)
    kit = Formats(wb, table.columns)
    for i, width in enumerate(layout.widths):
        # the width as written by openpyxl: `width` characters (xlsxwriter would add padding)
        ws.set_column_pixels(i, i, width * DIGIT_PX)
    ws.freeze_panes(layout.header_row, 0)
    write_text(ws, 0, 0, safe_text(table.title), "title", kit)
    for r, line in enumerate(layout.heading, 1):
        write_text(ws, r, 0, safe_text(line), "subtitle", kit)
    head = layout.header_row - 1  # 0-based from here on
    if layout.head_height:
        ws.set_row_pixels(head, pixels(layout.head_height))
    for c, col in enumerate(table.columns):
        write_text(ws, head, c, safe_text(col.label), "header", kit)
    collecting = gc.isenabled()
    gc.disable()  # the rows make no reference cycles: the collector's passes only cost time
    try:
        if cell_by_cell or not table.columns or not can_write_rows(ws):
            _write_rows(ws, table, kit, head, layout.wrapped, progress)
        else:
            write_rows(ws, table.columns, table.rows, lambda c, variant: kit.get(f"col{c}", variant),
                       head, layout.wrapped, progress)
    finally:
        if collecting:
            gc.enable()
    r = head + len(table.rows) + 1
    if table.note or footer_lines:
        r += 1
    lines = [*fit_lines(table.note, layout.span),
             *(part for text in footer_lines or [] for part in fit_lines(text, layout.span))]
    for line in lines:
        write_text(ws, r, 0, safe_text(line), "subtitle", kit)
        r += 1
    ncols = len(table.columns)
    if ncols:
        ws.autofilter(head, 0, head + len(table.rows), ncols - 1)
    _print_setup(ws, layout.header_row, ncols, office, table.title, paper, landscape, layout)
    return layout.header_row


def _write_rows(ws: Worksheet, table: Table, kit: Formats, head: int, wrapped: list[float],
                progress: Progress | None) -> None:
    """The body rows, typed as xlsx.StyleKit.body_row types them, each as tall as its text."""
    kinds = [col.kind for col in table.columns]
    text = [kind == "text" for kind in kinds]
    body, quoted = kit.body, [kit.get(f"col{c}", "quote") for c in range(len(kinds))]
    keys = [col.key for col in table.columns]
    # the methods behind write_string / write_blank, as write_row calls them: the public
    # ones only add a check for "A1"-style arguments, a tenth of the time of a cell
    write_string = getattr(ws, "_write_string", ws.write_string)
    write_blank = getattr(ws, "_write_blank", ws.write_blank)
    write_number = getattr(ws, "_write_number", ws.write_number)
    memo: dict[tuple[str, float], int] = {}
    total = len(table.rows)
    step = max(1, total // 100)
    for i, data in enumerate(table.rows, 1):
        r = head + i
        values = [data.get(k) for k in keys]
        if len(memo) > 50_000:
            memo.clear()
        height = row_height(values, wrapped, memo)
        if height:
            ws.set_row_pixels(r, pixels(height))
        for c, raw in enumerate(values):
            value = cell_value(raw, text[c], kinds[c])
            kind = type(value)
            if kind is str:
                write_string(r, c, value, quoted[c] if value.startswith(FORMULA_STARTS)
                             else body[c])
            elif value is None:
                write_blank(r, c, None, body[c])
            elif kind is int:
                write_number(r, c, value, body[c])
            else:
                _write_typed(ws, kit, r, c, value, kinds[c])
        if progress is not None and i % step == 0:
            progress(i, total)


def _write_typed(ws: Worksheet, kit: Formats, r: int, c: int, value: Any, kind: str) -> None:
    """A float or a date (coerce's other answers) into cell (r, c) of a column of `kind`."""
    fmt = kit.body[c]
    if isinstance(value, (int, float)):
        if math.isfinite(value):
            ws.write_number(r, c, value, fmt)
        else:
            ws.write_blank(r, c, None, fmt)
        return
    if kind not in ("date", "datetime"):  # a date in a text column: shown as a date
        fmt = kit.get(f"col{c}", "datetime" if isinstance(value, dt.datetime) else "date")
    ws.write_datetime(r, c, value, fmt)


def _print_setup(ws: Worksheet, header_row: int, ncols: int, office: str, title: str,
                 paper: str, landscape: bool, layout: Any) -> None:
    """xlsx.print_setup: paper, orientation, the scale or one page wide, the header row on
    every page, margins, the office and title over every page and page numbers under it."""
    fit = layout.fit
    ws.repeat_rows(header_row - 1)
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.set_paper(int(PAPER_CODES.get(paper, "9")))
    ws.set_print_scale(fit.scale)
    if fit.one_page_wide:
        # "1" (text): xlsxwriter leaves out a fitToWidth of 1 (the default); openpyxl and the
        # files before wrote it, and readers of the file look for it
        ws.fit_to_pages("1", 0)
    elif ncols > 2:
        ws.repeat_columns(0, 1)  # the row's number and agenda on every page across
    ws.center_horizontally()
    ws.set_margins(left=SIDE_MARGIN_IN, right=SIDE_MARGIN_IN, top=0.6, bottom=0.6)
    ws.set_header(f"&L&9{_hf_escape(office)}&R&9{_hf_escape(title)}", {"margin": 0.25})
    ws.set_footer(f"&C&9Halaman &P dari &N&R&8{_hf_escape(f'Dicetak {_today()}')}",
                  {"margin": 0.25})


def add_info_sheet(wb: Workbook, rows: list[tuple[str, object]]) -> None:
    """docmeta.add_info_sheet: the last sheet "Info" (what the file is, when and by which app
    it was made, the chain hash)."""
    ws = wb.add_worksheet("Info")
    ws.set_column_pixels(0, 0, 30 * DIGIT_PX)
    ws.set_column_pixels(1, 1, 70 * DIGIT_PX)
    ws.set_portrait()
    ws.fit_to_pages("1", 0)  # see _print_setup
    # openpyxl's margins, which the sheet had before
    ws.set_margins(left=0.75, right=0.75, top=1.0, bottom=1.0)
    ws.set_header("", {"margin": 0.5})
    ws.set_footer("", {"margin": 0.5})
    kit = Formats(wb, [])
    for r, (label, value) in enumerate(rows):
        write_text(ws, r, 0, safe_text(str(label)), "label", kit)
        if isinstance(value, dt.datetime):
            ws.write_datetime(r, 1, value, kit.get("when"))
        else:
            write_text(ws, r, 1, safe_text(str(value)), "value", kit)
