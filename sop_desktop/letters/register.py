"""The agenda surat keluar (register of outgoing letters) as rows, a report table and an xlsx file."""

from __future__ import annotations

from pathlib import Path

import peewee as pw

from sop_desktop import db as dbm
from sop_desktop.reports.table import Column, Table

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


def export_outgoing_xlsx(path: str | Path, period=None, *, office_name: str = "") -> Path:
    """Write the register to an .xlsx file (atomically), with the reports' house style."""
    from openpyxl import Workbook

    from sop_desktop.reports.atomic import atomic_output
    from sop_desktop.reports.xlsx import write_table

    table = outgoing_table(period)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Surat Keluar")
    heading = [office_name] if office_name else []
    write_table(ws, table, office=office_name, heading=heading)
    with atomic_output(path) as fh:
        wb.save(fh)
    return Path(path)
