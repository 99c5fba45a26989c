"""An inbox view saved as an .xlsx workbook (the window's "Ekspor ke Excel", `inbox --xlsx`).

Every text cell is written as text (a subject starting with "=" stays text, never a formula),
dates and times stay real dates, and the file is written atomically: a failed write leaves
the old file as it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell

from sop_desktop.output.atomic import write_atomic
from sop_desktop.output.xlsx import (
    HEADER_FILL,
    HEADER_FONT,
    NUMBER_FORMATS,
    Sheet,
    coerce,
    freeze_header,
    safe_text,
    setup_sheet,
    text_cell,
)

# (key, header) of the columns an inbox export has, in order
EXPORT_COLUMNS = (
    ("number", "Nomor agenda"), ("sop", "SOP"), ("subject", "Pemohon/perihal"),
    ("step", "Langkah"), ("position", "Jabatan"), ("received", "Diterima"),
    ("due", "Tenggat"), ("status", "Status"), ("days_overdue", "Lewat (hari)"),
    ("sifat", "Sifat"), ("holder", "Diambil oleh"), ("disposisi", "Disposisi"),
    ("unread", "Baru"),
)
_WIDTHS = {"number": 26, "sop": 18, "subject": 30, "step": 34, "position": 24, "received": 12,
           "due": 17, "status": 11, "days_overdue": 8, "sifat": 13, "holder": 20,
           "disposisi": 36, "unread": 6}


def _cell(ws: Sheet, value: object) -> Cell:
    """A typed cell: text stays text, dates keep a date format, numbers stay numbers."""
    if isinstance(value, dt.datetime):
        cell = WriteOnlyCell(ws, coerce(value, "datetime"))
        cell.number_format = NUMBER_FORMATS["datetime"]
        return cell
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(ws, coerce(value, "date"))
        cell.number_format = NUMBER_FORMATS["date"]
        return cell
    if isinstance(value, bool):
        return text_cell(ws, "Ya" if value else "")
    if isinstance(value, (int, float)):
        return WriteOnlyCell(ws, value)
    return text_cell(ws, safe_text("" if value is None else str(value)))


def write_inbox_xlsx(path: str | Path, rows: list[dict[str, Any]], title: str = "Kotak masuk") -> Path:
    """Write rows (dicts keyed as EXPORT_COLUMNS) to `path` as one sheet; returns the path."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(safe_text(title)[:31] or "Kotak masuk")
    setup_sheet(ws, [_WIDTHS[k] for k, _h in EXPORT_COLUMNS])
    freeze_header(ws, 1)
    header = []
    for _key, label in EXPORT_COLUMNS:
        cell = text_cell(ws, label)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        header.append(cell)
    ws.append(header)
    for row in rows:
        ws.append([_cell(ws, row.get(key)) for key, _label in EXPORT_COLUMNS])
    return write_atomic(path, wb.save)
