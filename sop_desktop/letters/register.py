"""The agenda surat keluar (register of outgoing letters) as rows, a report table and an xlsx file."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import peewee as pw

from sop_desktop.letters import templates as tmod
from sop_desktop.output import docmeta
from sop_desktop.output.atomic import write_atomic
from sop_desktop.output.table import Column, Table
from sop_desktop.reports.periods import Period
from sop_desktop.services import office
from sop_desktop.settings import REPORT_SIGNER
from sop_desktop.storage import db as dbm

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

COLUMNS = [
    Column("no", "No.", "int", 5),
    Column("number", "Nomor Surat", "text", 28),
    Column("issued_at", "Tanggal", "date", 12),
    Column("subject", "Hal", "text", 40),
    Column("addressee", "Kepada", "text", 30),
    Column("template", "Jenis Surat", "text", 26),
    Column("case_number", "Nomor Agenda Kasus", "text", 24),
    Column("signer", "Penanda Tangan", "text", 30),
    Column("issued_by", "Dicatat oleh", "text", 18),
]


def rows_outgoing(period: Period | None = None) -> list[dict[str, Any]]:
    """Letters issued in `period` (a reports.periods.Period, or None for all), oldest first."""
    names: dict[str, str] = {}
    try:
        names = {tid: t.name for tid, t in tmod.load_all().items()}
    except tmod.TemplateError:
        pass  # a broken office template must not hide the register
    OL = dbm.OutgoingLetter
    query = (OL.select(OL, dbm.Case.number.alias("case_number"), dbm.User.username.alias("username"))
             .join(dbm.Case, on=(OL.case == dbm.Case.id), join_type=pw.JOIN.LEFT_OUTER)
             .switch(OL).join(dbm.User, on=(OL.issued_by == dbm.User.id), join_type=pw.JOIN.LEFT_OUTER)
             .order_by(OL.issued_at, OL.id))
    if period is not None:
        query = query.where((OL.issued_at >= period.start_dt) & (OL.issued_at < period.end_dt))
    rows = []
    for i, row in enumerate(query.objects(), 1):
        rows.append({
            "no": i, "id": row.id, "number": row.number, "issued_at": row.issued_at,
            "subject": row.subject, "addressee": row.addressee,
            "template": names.get(row.template, row.template), "template_id": row.template,
            "case_number": getattr(row, "case_number", None) or "",
            "signer": row.signer, "issued_by": getattr(row, "username", None) or "",
            "file_sha256": row.file_sha256,
        })
    return rows


def outgoing_table(period: Period | None = None) -> Table:
    """The agenda surat keluar of `period` (None: every letter) as a report table."""
    title = "Agenda Surat Keluar"
    if period is not None:
        title += f" {period.label}"
    return Table(title, list(COLUMNS), rows_outgoing(period))


def export_outgoing_xlsx(path: str | Path, period: Period | None = None, *, office_name: str = "",
                         table: Table | None = None) -> Path:
    """Write the register to an .xlsx file (atomically), with the reports' house style, the
    document properties, an "Info" sheet and the history chain hash under the table.
    `table`: the rows already read by outgoing_table() (default: read them for `period`)."""
    # deferred on purpose: xlsxwriter loads only when a file is written (start-up speed)
    from sop_desktop.output import xlsx_stream

    table = outgoing_table(period) if table is None else table
    chain = docmeta.latest_chain_hash()
    heading = [office_name] if office_name else []
    heading.append(f"Periode: {period.label}" if period is not None else "Periode: seluruhnya")

    def fill(wb: xlsx_stream.Workbook) -> None:
        xlsx_stream.set_properties(wb, title=table.title, office=office_name, chain_hash=chain)
        xlsx_stream.write_table(wb, wb.add_worksheet("Surat Keluar"), table, office=office_name,
                                heading=heading,
                                footer_lines=[f"{docmeta.HASH_LABEL}: {docmeta.hash_text(chain)}"])
        xlsx_stream.add_info_sheet(wb, docmeta.info_rows(title=table.title, office=office_name,
                                                         lines=heading[1:], chain_hash=chain))

    return write_atomic(path, lambda fh: xlsx_stream.save(fh, fill))


def export_outgoing_pdf(path: str | Path, period: Period | None = None, *, paper: str = "A4",
                        signer: dict[str, Any] | None = None, now: dt.datetime | None = None,
                        progress: Callable[[int, int], None] | None = None,
                        table: Table | None = None, total: int | None = None) -> Path:
    """The agenda surat keluar as a PDF (landscape, kop surat, header on every page, page
    numbers, a signature block, the chain hash in the small print), written atomically.

    `signer`: {"jabatan", "nama", "nip"} (default: the report signer setting); `now`: the
    signature date (default: today); `progress(done, total)` as rows are laid out; `table`:
    the rows already read by outgoing_table() (e.g. cut for a preview) and `total` the number
    of letters the full register holds."""
    # deferred on purpose: reportlab loads only when a file is written (start-up speed)
    from reportlab.lib.units import cm

    from sop_desktop.output import pdf
    from sop_desktop.output.kop import KopSurat

    table = outgoing_table(period) if table is None else dataclasses.replace(table)
    table.title = "AGENDA SURAT KELUAR"
    profile = office.load()
    chain = docmeta.latest_chain_hash()
    if signer is None:
        signer = dbm.read_setting(REPORT_SIGNER)
    st = pdf.styles(7.5)
    pagesize = pdf.page_size(paper)
    avail = pagesize[0] - 2.4 * cm
    lines = [f"Periode: {period.label}" if period is not None else "Periode: seluruhnya",
             f"{len(table.rows) if total is None else total} surat"]
    story: list[Flowable] = [KopSurat(profile, scale=0.85)]
    story += pdf.title_block(table.title, lines, st)
    story += pdf.table_flowables(table, avail, st, empty_text="Tidak ada surat keluar pada periode ini.")
    story.append(pdf.signature_block(pdf.Signer.from_dict(signer), profile.kota,
                                     (now or dbm.now_local()).date(), avail, st))

    def write(fh: BinaryIO) -> None:
        pdf.build_pdf(fh, story, title=table.title, running_left=profile.kantor or profile.kementerian,
                      pagesize=pagesize, subject=" \u2014 ".join(lines), chain_hash=chain,
                      progress=progress, total_rows=len(table.rows))

    return write_atomic(path, write)
