"""Report production for the Laporan dialogs, off the UI thread: build and write a report, and
render or print its PDF pages (rasterised with pypdfium2, so what prints is what was previewed).
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from sop_desktop.errors import SopError
from sop_desktop.letters.register import export_outgoing_pdf, export_outgoing_xlsx, outgoing_table
from sop_desktop.reports.kinerja import (
    build_kinerja,
    write_kinerja_pdf,
    write_kinerja_xlsx,
    write_monitoring_pdf,
    write_monitoring_xlsx,
)
from sop_desktop.reports.registers import RegisterFilters, build_register, write_register_pdf, write_register_xlsx
from sop_desktop.services import office as office_mod

KIND_REGISTER = "register"
KIND_KINERJA = "kinerja"
KIND_MONITORING = "monitoring"
KIND_AGENDA = "agenda"
KINDS = (KIND_REGISTER, KIND_KINERJA, KIND_MONITORING, KIND_AGENDA)
PREVIEW_PAGES = 20  # a preview of a 300-page register shows its start; the file has every page
PRINT_DPI = 300  # enough for text on paper; a printer's 1200 dpi would only make huge images
_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one rendering at a time in the process


# ------------------------------------------------------------------ headless report production

@dataclass(frozen=True)
class ReportRequest:
    """What the dialog asks for: the kind of report, its period and filters, the paper."""

    kind: str
    period: object = None  # sop_desktop.reports.periods.Period, or None for all time
    sop: str | None = None  # SOP code, "aduan" (every complaint SOP) or None (every SOP)
    status: str | None = None
    position: str | None = None
    paper: str = "A4"
    signer: tuple[str, str, str] | None = None  # (jabatan, nama, NIP); None: the office setting

    def signer_dict(self) -> dict | None:
        if self.signer is None:
            return None
        return dict(zip(("jabatan", "nama", "nip"), self.signer, strict=False))


def build_report(services, request: ReportRequest):
    """Read the report's data from the database (RegisterData, KinerjaData or the agenda Table)."""
    signer = request.signer_dict()
    if request.kind == KIND_REGISTER:
        return build_register(services, RegisterFilters(request.sop, request.period,
                                                        request.status, request.position),
                              signer=signer)
    if request.kind in (KIND_KINERJA, KIND_MONITORING):
        if request.period is None:
            raise SopError("Pilih periode laporan")
        return build_kinerja(services, period=request.period, sop=request.sop, signer=signer)
    if request.kind == KIND_AGENDA:
        return outgoing_table(request.period)
    raise SopError(f"Jenis laporan '{request.kind}' tidak dikenal")


def write_built(request: ReportRequest, data, path, fmt: str, progress=None,
                total: int | None = None) -> Path:
    """Write what build_report() returned as "xlsx" or "pdf", whole or not at all."""
    pdf_out = fmt == "pdf"
    if request.kind == KIND_REGISTER:
        if pdf_out:
            return write_register_pdf(data, path, progress=progress, paper=request.paper)
        return write_register_xlsx(data, path, progress=progress)
    if request.kind == KIND_KINERJA:
        if pdf_out:
            return write_kinerja_pdf(data, path, progress=progress, paper=request.paper)
        return write_kinerja_xlsx(data, path, progress=progress)
    if request.kind == KIND_MONITORING:
        if pdf_out:
            return write_monitoring_pdf(data, path, progress=progress, paper=request.paper)
        return write_monitoring_xlsx(data, path, progress=progress)
    if pdf_out:
        return export_outgoing_pdf(path, request.period, paper=request.paper,
                                   signer=request.signer_dict(), progress=progress, table=data,
                                   total=total)
    return export_outgoing_xlsx(path, request.period, office_name=office_mod.load().kantor,
                                table=data)


def write_report(services, request: ReportRequest, path, fmt: str, progress=None) -> Path:
    """Build the requested report from the database and write it as "xlsx" or "pdf"."""
    return write_built(request, build_report(services, request), path, fmt, progress=progress)


def report_pdf_bytes(services, request: ReportRequest, progress=None,
                     max_rows: int | None = None) -> tuple[bytes, int, int]:
    """The report's PDF in memory: (pdf, rows shown, rows in the report).

    `max_rows` cuts a long register or agenda for the preview: laying out 100,000 rows takes
    minutes, and a reader checks the choices on the first pages."""
    data = build_report(services, request)
    table = getattr(data, "table", data) if request.kind in (KIND_REGISTER, KIND_AGENDA) else None
    total = shown = len(table.rows) if table is not None else 0
    if table is not None and max_rows is not None and total > max_rows:
        cut = dataclasses.replace(table, rows=table.rows[:max_rows])
        data = dataclasses.replace(data, table=cut) if request.kind == KIND_REGISTER else cut
        shown = max_rows
    with tempfile.TemporaryDirectory(prefix="sop-laporan-") as folder:
        path = Path(folder) / "laporan.pdf"
        write_built(request, data, path, "pdf", progress=progress, total=total)
        return path.read_bytes(), shown, total


# ------------------------------------------------------------------ PDF pages as images

def render_pages(data: bytes, width_px: int, max_pages: int = PREVIEW_PAGES
                 ) -> tuple[list[QImage], int]:
    """The first `max_pages` pages as images `width_px` wide, and the number of pages.

    Safe off the UI thread (QImage, not QPixmap)."""
    import pypdfium2

    with _PDFIUM:
        doc = pypdfium2.PdfDocument(data)
        try:
            total = len(doc)
            images = []
            for i in range(min(total, max_pages)):
                page = doc[i]
                width_pt, _height = page.get_size()
                images.append(_page_image(page, max(width_px, 50) / width_pt))
                page.close()
            return images, total
        finally:
            doc.close()


def _page_image(page, scale: float) -> QImage:
    bitmap = page.render(scale=scale, prefer_bgrx=True)
    try:
        # BGRx bytes in memory are QImage's RGB32 on a little-endian machine
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGB32)
        return image.copy()  # own the pixels: the bitmap's buffer is freed below
    finally:
        bitmap.close()


def print_pdf(printer: QPrinter, data: bytes, progress=None) -> int:
    """Print every page of a PDF on `printer`, each on paper of its own size; returns pages.

    A QPainter may paint on a QPrinter from a worker thread, so this can run off the UI thread.
    """
    import pypdfium2

    with _PDFIUM:
        doc = pypdfium2.PdfDocument(data)
        painter = QPainter()
        try:
            total = len(doc)
            printer.setFullPage(True)
            for i in range(total):
                page = doc[i]
                w_pt, h_pt = page.get_size()
                landscape = w_pt > h_pt
                size = QPageSize(QSizeF(min(w_pt, h_pt), max(w_pt, h_pt)), QPageSize.Unit.Point,
                                 "", QPageSize.SizeMatchPolicy.FuzzyMatch)
                orientation = (QPageLayout.Orientation.Landscape if landscape
                               else QPageLayout.Orientation.Portrait)
                printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
                if i == 0:
                    if not painter.begin(printer):
                        raise SopError("Pencetak tidak dapat dibuka. Periksa pencetak lalu ulangi.")
                elif not printer.newPage():
                    raise SopError("Pencetak menolak halaman berikutnya. Periksa pencetak lalu ulangi.")
                dpi = min(printer.resolution(), PRINT_DPI)
                image = _page_image(page, dpi / 72.0)
                page.close()
                target = printer.paperRect(QPrinter.Unit.DevicePixel)
                painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
                if progress is not None:
                    progress(i + 1, total)
            return total
        finally:
            if painter.isActive():
                painter.end()
            doc.close()


def printer_available(printer: QPrinter) -> bool:
    """False where the system print dialog cannot open: Windows and macOS with no printer
    installed (Qt then falls back to PDF output, which their native dialogs refuse)."""
    if sys.platform.startswith("linux"):
        return True  # Qt's own dialog prints to a PDF file when no printer is set up
    return printer.outputFormat() == QPrinter.OutputFormat.NativeFormat


def open_print_dialog(parent: QWidget, doc_name: str, object_name: str, title: str,
                      on_accept, on_no_printer) -> QPrinter | None:
    """The system print dialog, opened window-modal; `on_accept(printer)` runs when the user
    confirms. Without any printer, `on_no_printer(message)` is told instead and None returned."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc_name)
    if not printer_available(printer):
        on_no_printer(QCoreApplication.translate(
            "ReportDialog", "Belum ada pencetak yang terpasang di komputer ini. Simpan "
                            "sebagai PDF, lalu cetak dari komputer yang memiliki pencetak."))
        return None
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName(object_name)
    dialog.setWindowTitle(title)
    dialog.accepted.connect(lambda p=printer: on_accept(p))
    dialog.finished.connect(lambda _r, d=dialog: d.deleteLater())
    parent.print_dialog = dialog
    QDialog.open(dialog)  # QPrintDialog.open() wants a receiver; the plain one is enough
    return printer
