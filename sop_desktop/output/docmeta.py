"""What every exported file says about itself: the app and version that made it, and (for
registers and reports) the latest history chain hash, so a printed or mailed register can be
matched against the database it came from.

PDF: reportlab document attributes (title, author, subject, creator, producer, keywords).
XLSX: the workbook's core properties, custom properties and an "Info" sheet.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sop_desktop import APP_NAME, __version__
from sop_desktop.storage import anchors

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

APP = f"{APP_NAME} {__version__}"
NO_HASH = "-"
HASH_LABEL = "Hash rantai riwayat terakhir"


def latest_chain_hash() -> str | None:
    """The anchor of the bound database's history (NUMBER-HASH: the head of the global chain,
    sop_desktop.storage.anchors), also written to the anchor log; None when there is no history yet."""
    try:
        value = anchors.report_anchor()
    except Exception:  # noqa: BLE001 - a missing hash must never stop a register from printing
        return None
    return str(value) if value else None


def hash_text(value: str | None) -> str:
    """The hash as printed: the hex string, or "-" when there is none."""
    return value or NO_HASH


def pdf_info(*, title: str, subject: str = "", author: str = "", keywords: str = "") -> dict[str, Any]:
    """Keyword arguments for a reportlab DocTemplate: who made the file and what it is."""
    return {"title": title, "subject": subject or title, "author": author or APP_NAME,
            "creator": APP, "producer": APP, "keywords": keywords}


def footer_text(chain_hash: str | None) -> str:
    """The small print under every page of a register or report."""
    return f"{APP} \u00b7 {HASH_LABEL}: {hash_text(chain_hash)}"


def set_xlsx_properties(wb: Workbook, *, title: str, subject: str = "", office: str = "",
                        chain_hash: str | None = None, description: str = "") -> None:
    """Core and custom document properties: title, subject, creator/app, the chain hash."""
    from openpyxl.packaging.custom import StringProperty  # openpyxl: loaded only when an .xlsx is made

    core, custom = xlsx_property_values(title=title, subject=subject, office=office,
                                        chain_hash=chain_hash, description=description)
    props = wb.properties
    for name, value in core.items():
        setattr(props, name, value)
    for name, text in custom:
        wb.custom_doc_props.append(StringProperty(name=name, value=text))  # type: ignore[attr-defined]  # not in its stubs


def xlsx_property_values(*, title: str, subject: str = "", office: str = "",
                         chain_hash: str | None = None, description: str = ""
                         ) -> tuple[dict[str, str | dt.datetime], list[tuple[str, str]]]:
    """The core properties (openpyxl's names) and the custom (name, text) properties of an
    .xlsx, whichever library writes it."""
    core: dict[str, str | dt.datetime] = {
        "title": title[:250],
        "subject": (subject or title)[:250],
        "creator": APP,
        "lastModifiedBy": APP,
        "category": "Laporan",
        "keywords": f"{HASH_LABEL}: {hash_text(chain_hash)}",
        "description": (description + "\n" if description else "")
        + f"Dibuat dengan {APP}. {HASH_LABEL}: {hash_text(chain_hash)}",
        "created": dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0),
    }
    custom = [("Aplikasi", APP_NAME), ("Versi aplikasi", __version__),
              (HASH_LABEL, hash_text(chain_hash))]
    if office:
        custom.append(("Kantor", office[:250]))
    return core, custom


def info_rows(*, title: str, office: str = "", lines: list[str] | None = None,
              chain_hash: str | None = None, made_at: dt.datetime | None = None
              ) -> list[tuple[str, object]]:
    """The (label, value) rows of a file's "Info" sheet."""
    rows: list[tuple[str, object]] = [("Judul", title)]
    if office:
        rows.append(("Kantor", office))
    for line in lines or []:
        label, sep, value = line.partition(": ")
        rows.append((label, value) if sep else ("Keterangan", line))
    rows += [("Dibuat", (made_at or dt.datetime.now()).replace(microsecond=0)),
             ("Aplikasi", APP),
             (HASH_LABEL, hash_text(chain_hash))]
    return rows


def add_info_sheet(wb: Workbook, rows: list[tuple[str, object]]) -> None:
    """A last sheet "Info" listing what the file is, when and by which app it was made, and the
    chain hash (works for streaming and normal workbooks)."""
    # openpyxl (and output.xlsx, built on it): loaded only when an .xlsx is made
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.properties import PageSetupProperties

    from sop_desktop.output.xlsx import layout_of, safe_text, style_of, text_cell

    ws = wb.create_sheet("Info")
    sheet = layout_of(ws)
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 70
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    bold = WriteOnlyCell(ws, None)
    bold.font = Font(name="Arial", bold=True)  # the reports' print font (reports.xlsx)
    plain = WriteOnlyCell(ws, None)
    plain.alignment = Alignment(wrap_text=True, vertical="top")
    for label, value in rows:
        head = text_cell(ws, safe_text(str(label)), style_of(bold))
        if isinstance(value, dt.datetime):
            cell = WriteOnlyCell(ws, value)
            cell.number_format = "dd/mm/yyyy hh:mm"
            cell.alignment = Alignment(horizontal="left")
        else:
            cell = text_cell(ws, safe_text(str(value)), style_of(plain))
        # Cell objects append the same way to streaming and normal sheets
        ws.append([head, cell])
