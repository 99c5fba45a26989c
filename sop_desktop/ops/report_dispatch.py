"""One report dispatcher for the window and the CLI (issue 14): a `ReportRequest` (register,
kinerja, monitoring sheet or agenda surat keluar; period, filters, paper, signer, format) is
built from the database and written as .xlsx or PDF, with progress and cancel.

It lives in `ops` because the agenda of outgoing letters comes from `sop_desktop.letters`, which
the `reports` layer may not import (the layers contract in pyproject.toml).
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from sop_desktop.errors import SopError, ValidationError
from sop_desktop.letters.register import export_outgoing_pdf, export_outgoing_xlsx, outgoing_table
from sop_desktop.output.table import Table
from sop_desktop.reports.kinerja import (
    KinerjaData,
    build_kinerja,
    write_kinerja_pdf,
    write_kinerja_xlsx,
    write_monitoring_pdf,
    write_monitoring_xlsx,
)
from sop_desktop.reports.periods import Period
from sop_desktop.reports.registers import (
    RegisterData,
    RegisterFilters,
    build_register,
    write_register_pdf,
    write_register_xlsx,
)
from sop_desktop.services import office as office_mod

if TYPE_CHECKING:  # the container only appears in annotations here
    from sop_desktop.services.container import Services

KIND_REGISTER = "register"
KIND_KINERJA = "kinerja"
KIND_MONITORING = "monitoring"
KIND_AGENDA = "agenda"  # the agenda (register) of outgoing letters
KINDS = (KIND_REGISTER, KIND_KINERJA, KIND_MONITORING, KIND_AGENDA)
FORMATS = ("xlsx", "pdf")
CANCELLED = "Dibatalkan oleh pengguna."

ReportData = Union[RegisterData, KinerjaData, Table]  # noqa: UP007 (a runtime alias)
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class ReportCancelled(SopError):
    """The person pressed Batal while the report was written; no file is left behind."""

    def __init__(self) -> None:
        super().__init__(CANCELLED)


@dataclass(frozen=True)
class ReportRequest:
    """What is asked for: the kind of report, its period and filters, the paper, the signer."""

    kind: str
    period: Period | None = None  # None: all time
    sop: str | None = None  # SOP code, "aduan" (every complaint SOP) or None (every SOP)
    status: str | None = None  # a register's status filter (see registers.parse_status)
    position: str | None = None  # a register's position filter
    paper: str | None = None  # None: the kind's own paper (F4 for a register, else A4)
    signer: tuple[str, str, str] | None = None  # (jabatan, nama, NIP); None: the office setting
    category: str | None = None  # the kinerja report's category field (None: its default)
    fmt: str | None = None  # "xlsx" or "pdf"; None: from the output file's suffix

    def signer_dict(self) -> dict[str, Any] | None:
        """The signer as the writers take it, or None for the office setting."""
        if self.signer is None:
            return None
        return dict(zip(("jabatan", "nama", "nip"), self.signer, strict=False))


def output_format(request: ReportRequest, path: str | Path, fmt: str | None = None) -> str:
    """"xlsx" or "pdf": the one asked for, else the request's, else the file's suffix."""
    chosen = (fmt or request.fmt or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise ValidationError(f"Berkas keluaran '{path}' harus berakhiran .xlsx atau .pdf")
    return chosen


def build_report(services: Services, request: ReportRequest) -> ReportData:
    """Read the report's data from the database (RegisterData, KinerjaData or the agenda Table)."""
    signer = request.signer_dict()
    if request.kind == KIND_REGISTER:
        return build_register(services, RegisterFilters(request.sop, request.period,
                                                        request.status, request.position),
                              signer=signer)
    if request.kind in (KIND_KINERJA, KIND_MONITORING):
        if request.period is None:
            raise ValidationError("Pilih periode laporan")
        return build_kinerja(services, period=request.period, sop=request.sop,
                             category=request.category, signer=signer)
    if request.kind == KIND_AGENDA:
        return outgoing_table(request.period)
    raise ValidationError(f"Jenis laporan '{request.kind}' tidak dikenal")


def _checked(progress: Progress | None, cancel: Cancel | None) -> Progress | None:
    """The progress callback that also stops the writer once `cancel()` says so."""
    if cancel is None:
        return progress

    def report(done: int, total: int) -> None:
        if cancel():
            raise ReportCancelled()
        if progress is not None:
            progress(done, total)

    return report


def write_built(request: ReportRequest, data: ReportData, path: str | Path,
                fmt: str | None = None, progress: Progress | None = None,
                cancel: Cancel | None = None, total: int | None = None) -> Path:
    """Write what build_report() returned as "xlsx" or "pdf", whole or not at all."""
    pdf_out = output_format(request, path, fmt) == "pdf"
    step = _checked(progress, cancel)
    if cancel is not None and cancel():
        raise ReportCancelled()
    paper = request.paper or "A4"
    if isinstance(data, RegisterData):
        if pdf_out:
            return write_register_pdf(data, path, progress=step, paper=request.paper)
        return write_register_xlsx(data, path, progress=step)
    if isinstance(data, KinerjaData):
        if request.kind == KIND_MONITORING:
            if pdf_out:
                return write_monitoring_pdf(data, path, progress=step, paper=paper)
            return write_monitoring_xlsx(data, path, progress=step)
        if pdf_out:
            return write_kinerja_pdf(data, path, progress=step, paper=paper)
        return write_kinerja_xlsx(data, path, progress=step)
    if pdf_out:
        return export_outgoing_pdf(path, request.period, paper=paper, signer=request.signer_dict(),
                                   progress=step, table=data, total=total)
    return export_outgoing_xlsx(path, request.period, office_name=office_mod.load().kantor,
                                table=data)


def write_report(services: Services, request: ReportRequest, path: str | Path,
                 fmt: str | None = None, progress: Progress | None = None,
                 cancel: Cancel | None = None) -> Path:
    """Build the requested report from the database and write it as "xlsx" or "pdf"."""
    output_format(request, path, fmt)  # a wrong suffix is refused before the database is read
    return write_built(request, build_report(services, request), path, fmt, progress=progress,
                       cancel=cancel)


def report_pdf_bytes(services: Services, request: ReportRequest, progress: Progress | None = None,
                     max_rows: int | None = None) -> tuple[bytes, int, int]:
    """The report's PDF in memory: (pdf, rows shown, rows in the report).

    `max_rows` cuts a long register or agenda for the preview: laying out 100,000 rows takes
    minutes, and a reader checks the choices on the first pages."""
    data = build_report(services, request)
    table = data.table if isinstance(data, RegisterData) else data if isinstance(data, Table) \
        else None
    total = shown = len(table.rows) if table is not None else 0
    if table is not None and max_rows is not None and total > max_rows:
        cut = dataclasses.replace(table, rows=table.rows[:max_rows])
        data = dataclasses.replace(data, table=cut) if isinstance(data, RegisterData) else cut
        shown = max_rows
    with tempfile.TemporaryDirectory(prefix="sop-laporan-") as folder:
        path = Path(folder) / "laporan.pdf"
        write_built(request, data, path, "pdf", progress=progress, total=total)
        return path.read_bytes(), shown, total
