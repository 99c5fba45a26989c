"""The Qt side of the Laporan dialogs: render or print a report's PDF pages (rasterised with
pypdfium2, so what prints is what was previewed). Building and writing a report is the core's
dispatcher (sop_desktop.ops.report_dispatch), shared with the CLI.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from sop_desktop.errors import SopError

PREVIEW_PAGES = 20  # a preview of a 300-page register shows its start; the file has every page
PRINT_DPI = 300  # enough for text on paper; a printer's 1200 dpi would only make huge images
_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one rendering at a time in the process


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
    setattr(parent, "print_dialog", dialog)  # noqa: B010 (tests find the open dialog there)
    QDialog.open(dialog)  # QPrintDialog.open() wants a receiver; the plain one is enough
    return printer
