"""The agenda surat keluar (register of outgoing letters) as rows, a report table and an xlsx file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import peewee as pw

from sop_desktop.output.table import Column, Table
from sop_desktop.storage import db as dbm

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


def rows_outgoing(period=None) -> list[dict]:
    """Letters issued in `period` (a reports.periods.Period, or None for all), oldest first."""
    from sop_desktop.letters import templates as tmod

    names = {}
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


def outgoing_table(period=None) -> Table:
    title = "Agenda Surat Keluar"
    if period is not None:
        title += f" {period.label}"
    return Table(title, list(COLUMNS), rows_outgoing(period))


def export_outgoing_xlsx(path: str | Path, period=None, *, office_name: str = "",
                         table=None) -> Path:
    """Write the register to an .xlsx file (atomically), with the reports' house style, the
    document properties, an "Info" sheet and the history chain hash under the table.
    `table`: the rows already read by outgoing_table() (default: read them for `period`)."""
    from openpyxl import Workbook

    from sop_desktop.output import docmeta
    from sop_desktop.output.atomic import write_atomic
    from sop_desktop.output.xlsx import discard_workbook, save_workbook, write_table

    table = outgoing_table(period) if table is None else table
    chain = docmeta.latest_chain_hash()
    heading = [office_name] if office_name else []
    heading.append(f"Periode: {period.label}" if period is not None else "Periode: seluruhnya")

    def write(fh):
        wb = Workbook(write_only=True)
        docmeta.set_xlsx_properties(wb, title=table.title, office=office_name, chain_hash=chain)
        ws = wb.create_sheet("Surat Keluar")
        try:
            write_table(ws, table, office=office_name, heading=heading,
                        footer_lines=[f"{docmeta.HASH_LABEL}: {docmeta.hash_text(chain)}"])
            docmeta.add_info_sheet(wb, docmeta.info_rows(title=table.title, office=office_name,
                                                          lines=heading[1:], chain_hash=chain))
        except BaseException:
            discard_workbook(wb)
            raise
        save_workbook(wb, fh)

    return write_atomic(path, write)


def export_outgoing_pdf(path: str | Path, period=None, *, paper: str = "A4",
                        signer: dict | None = None, now=None, progress=None,
                        table=None, total: int | None = None) -> Path:
    """The agenda surat keluar as a PDF (landscape, kop surat, header on every page, page
    numbers, a signature block, the chain hash in the small print), written atomically.

    `signer`: {"jabatan", "nama", "nip"} (default: the report signer setting); `now`: the
    signature date (default: today); `progress(done, total)` as rows are laid out; `table`:
    the rows already read by outgoing_table() (e.g. cut for a preview) and `total` the number
    of letters the full register holds."""
    from reportlab.lib.units import cm

    from sop_desktop.output import docmeta, pdf
    from sop_desktop.output.atomic import write_atomic
    from sop_desktop.output.kop import KopSurat
    from sop_desktop.reports.registers import SIGNER_SETTING
    from sop_desktop.services import office

    table = outgoing_table(period) if table is None else dataclasses.replace(table)
    table.title = "AGENDA SURAT KELUAR"
    profile = office.load()
    chain = docmeta.latest_chain_hash()
    if signer is None:
        signer = dbm.get_setting(SIGNER_SETTING)
    st = pdf.styles(7.5)
    pagesize = pdf.page_size(paper)
    avail = pagesize[0] - 2.4 * cm
    lines = [f"Periode: {period.label}" if period is not None else "Periode: seluruhnya",
             f"{len(table.rows) if total is None else total} surat"]
    story = [KopSurat(profile, scale=0.85)]
    story += pdf.title_block(table.title, lines, st)
    story += pdf.table_flowables(table, avail, st, empty_text="Tidak ada surat keluar pada periode ini.")
    story.append(pdf.signature_block(pdf.Signer.from_dict(signer), profile.kota,
                                     (now or dbm.now_local()).date(), avail, st))

    def write(fh):
        pdf.build_pdf(fh, story, title=table.title, running_left=profile.kantor or profile.kementerian,
                      pagesize=pagesize, subject=" \u2014 ".join(lines), chain_hash=chain,
                      progress=progress, total_rows=len(table.rows))

    return write_atomic(path, write)
