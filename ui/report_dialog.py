"""The Laporan dialogs: registers, laporan kinerja, the SOP monitoring sheet and the agenda surat
keluar, each with its choices, a preview of the PDF pages, and save (Excel, PDF) and print.

Building and writing a report, and rendering its pages, run off the UI thread; the PDF pages are
rasterised with pypdfium2 (the same PDF that is saved is what is previewed and printed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QObject, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sop_desktop.errors import SopError
from ui.screen import fit_size
from ui.workers import user_message

KIND_REGISTER = "register"
KIND_KINERJA = "kinerja"
KIND_MONITORING = "monitoring"
KIND_AGENDA = "agenda"
KINDS = (KIND_REGISTER, KIND_KINERJA, KIND_MONITORING, KIND_AGENDA)
PREVIEW_PAGES = 20  # a preview of a 300-page register shows its start; the file has every page
PREVIEW_ROWS = 300  # rows of a register laid out for the preview (about 20 pages)
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
    from sop_desktop.letters.register import outgoing_table
    from sop_desktop.reports.kinerja import build_kinerja
    from sop_desktop.reports.registers import RegisterFilters, build_register

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
    from sop_desktop.letters.register import export_outgoing_pdf, export_outgoing_xlsx
    from sop_desktop.reports.kinerja import (
        write_kinerja_pdf,
        write_kinerja_xlsx,
        write_monitoring_pdf,
        write_monitoring_xlsx,
    )
    from sop_desktop.reports.registers import write_register_pdf, write_register_xlsx
    from sop_desktop.services import office as office_mod

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


class PdfPreview(QScrollArea):
    """The pages of a PDF, one under the other on a grey desk, scrolled like a document."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys and PgUp/PgDn scroll
        desk = QWidget()
        desk.setObjectName("pdf_desk")
        desk.setStyleSheet("#pdf_desk { background: #8a8f96; }")
        self.pages_layout = QVBoxLayout(desk)
        self.pages_layout.setContentsMargins(12, 12, 12, 12)
        self.pages_layout.setSpacing(12)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.message = QLabel()
        self.message.setObjectName("preview_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: white; font-size: 11pt; padding: 24px;")
        self.busy = QProgressBar()
        self.busy.setObjectName("preview_busy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(240)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.pages_layout.addWidget(self.message, 0, Qt.AlignmentFlag.AlignHCenter)
        self.pages_layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        self.setWidget(desk)

    def page_width_px(self) -> int:
        """How wide a page image should be to fill the view, in device pixels."""
        width = self.viewport().width()
        if not self.verticalScrollBar().isVisible():  # it appears once the pages are in
            width -= self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        logical = max(300, width - 2 * 12 - 6)
        return int(logical * self.devicePixelRatioF())

    def show_message(self, text: str, busy: bool = False) -> None:
        self._clear_pages()
        self.message.setText(text)
        self.message.show()
        self.busy.setVisible(busy)

    def set_pages(self, images: list[QImage], note: str = "") -> None:
        self._clear_pages()
        self.busy.hide()
        self.message.setVisible(bool(note))
        self.message.setText(note)
        ratio = self.devicePixelRatioF()
        for i, image in enumerate(images):
            pix = QPixmap.fromImage(image)
            pix.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setObjectName(f"preview_page_{i + 1}")
            label.setPixmap(pix)
            label.setFrameShape(QFrame.Shape.Box)
            label.setStyleSheet("background: white; border: 1px solid #444;")
            self.pages_layout.insertWidget(self.pages_layout.count() - 2, label, 0,
                                           Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self.verticalScrollBar().setValue(0)

    def _clear_pages(self) -> None:
        for label in self.page_labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []


# ------------------------------------------------------------------ period picker

PERIOD_MONTH, PERIOD_QUARTER, PERIOD_SEMESTER, PERIOD_YEAR, PERIOD_RANGE, PERIOD_ALL = (
    "bulan", "triwulan", "semester", "tahun", "rentang", "semua")


class PeriodPicker(QObject):
    """A report period: a month, quarter, semester or year, a date range, or (optionally) all.

    Its rows go into the dialog's own form (add_to), so every label lines up."""

    def __init__(self, today: dt.date, allow_all: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.form: QFormLayout | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("period_kind")
        for key, text in ((PERIOD_MONTH, self.tr("Bulan")), (PERIOD_QUARTER, self.tr("Triwulan")),
                          (PERIOD_SEMESTER, self.tr("Semester")), (PERIOD_YEAR, self.tr("Tahun")),
                          (PERIOD_RANGE, self.tr("Rentang tanggal"))):
            self.kind.addItem(text, key)
        if allow_all:
            self.kind.addItem(self.tr("Seluruhnya"), PERIOD_ALL)
        self.year = QSpinBox()
        self.year.setObjectName("period_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.month = QComboBox()
        self.month.setObjectName("period_month")
        locale = QLocale()
        for m in range(1, 13):
            name = locale.standaloneMonthName(m, QLocale.FormatType.LongFormat)
            self.month.addItem(name[:1].upper() + name[1:], m)
        self.month.setCurrentIndex(today.month - 1)
        self.quarter = QComboBox()
        self.quarter.setObjectName("period_quarter")
        for q, roman in enumerate(("I", "II", "III", "IV"), 1):
            self.quarter.addItem(self.tr("Triwulan %1").replace("%1", roman), q)
        self.quarter.setCurrentIndex((today.month - 1) // 3)
        self.semester = QComboBox()
        self.semester.setObjectName("period_semester")
        self.semester.addItem(self.tr("Semester I (Januari–Juni)"), 1)
        self.semester.addItem(self.tr("Semester II (Juli–Desember)"), 2)
        self.semester.setCurrentIndex(0 if today.month <= 6 else 1)
        self.date_from = self._date_edit("period_from", QDate(today.year, today.month, 1))
        self.date_to = self._date_edit("period_to", QDate(today.year, today.month, today.day))
        self.kind.currentIndexChanged.connect(self._kind_changed)

    def add_to(self, form: QFormLayout) -> None:
        """Add the period rows to `form` (labels with mnemonics and buddies)."""
        self.form = form
        form.addRow(self.tr("&Periode:"), self.kind)
        form.addRow(self.tr("Ta&hun:"), self.year)
        form.addRow(self.tr("&Bulan:"), self.month)
        form.addRow(self.tr("T&riwulan:"), self.quarter)
        form.addRow(self.tr("Se&mester:"), self.semester)
        form.addRow(self.tr("Dari tangga&l:"), self.date_from)
        form.addRow(self.tr("Sampai tangg&al:"), self.date_to)
        self._kind_changed()

    def _date_edit(self, name: str, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        return edit

    def _kind_changed(self) -> None:
        if self.form is None:
            return
        kind = self.kind.currentData()
        shown = {self.year: kind in (PERIOD_MONTH, PERIOD_QUARTER, PERIOD_SEMESTER, PERIOD_YEAR),
                 self.month: kind == PERIOD_MONTH, self.quarter: kind == PERIOD_QUARTER,
                 self.semester: kind == PERIOD_SEMESTER,
                 self.date_from: kind == PERIOD_RANGE, self.date_to: kind == PERIOD_RANGE}
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def period(self):
        """The chosen Period, or None for "Seluruhnya"; a ValidationError for a bad range."""
        from sop_desktop.reports import periods

        kind = self.kind.currentData()
        y = self.year.value()
        if kind == PERIOD_MONTH:
            return periods.month(y, self.month.currentData())
        if kind == PERIOD_QUARTER:
            return periods.quarter(y, self.quarter.currentData())
        if kind == PERIOD_SEMESTER:
            return periods.semester(y, self.semester.currentData())
        if kind == PERIOD_YEAR:
            return periods.year(y)
        if kind == PERIOD_RANGE:
            return periods.date_range(self.date_from.date().toPython(), self.date_to.date().toPython())
        return None

    def widgets(self) -> list[QWidget]:
        """The input widgets in tab order."""
        return [self.kind, self.year, self.month, self.quarter, self.semester, self.date_from,
                self.date_to]


# ------------------------------------------------------------------ the dialog

class ReportDialog(QDialog):
    """One Laporan dialog: choices on the left, the preview on the right, save and print below.

    `window` is the MainWindow: it brings the services, the task runner and run_task()."""

    def __init__(self, window, kind: str, parent: QWidget | None = None):
        super().__init__(parent or window)
        if kind not in KINDS:
            raise ValueError(kind)
        self.window_ = window
        self.services = window.services
        self.kind = kind
        self.closed = False
        self.generation = 0  # bumps at every change: a preview of older choices is dropped
        self.preview_pdf: bytes | None = None
        self.preview_request: ReportRequest | None = None
        self.preview_running = False
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self.printer: QPrinter | None = None
        self.last_saved: Path | None = None
        self.setObjectName(f"report_dialog_{kind}")
        self.setWindowTitle(self._title())
        self.setModal(False)
        today = self.services.cases.clock().date()

        outer = QVBoxLayout(self)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        side = QVBoxLayout()
        body.addLayout(side, 0)
        options = QGroupBox(self.tr("Pilihan"))
        options.setObjectName("report_options")
        options.setMinimumWidth(320)
        options.setMaximumWidth(380)
        form = QFormLayout(options)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        side.addWidget(options)
        self.register_kind = self.sop = self.status = self.position = None
        tab_chain: list[QWidget] = []
        latest = sorted(self.services.sops.latest_all(), key=lambda d: (d.name.casefold(), d.code))
        if kind == KIND_REGISTER:
            self.register_kind = QComboBox()
            self.register_kind.setObjectName("register_kind")
            self.register_kind.addItem(self.tr("Register kasus SOP"), "sop")
            self.register_kind.addItem(self.tr("Buku Register Aduan"), "aduan")
            form.addRow(self.tr("&Jenis register:"), self.register_kind)
            tab_chain.append(self.register_kind)
        if kind in (KIND_REGISTER, KIND_KINERJA, KIND_MONITORING):
            self.sop = QComboBox()
            self.sop.setObjectName("report_sop")
            self.sop.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.sop.setMinimumContentsLength(20)
            self.latest = latest
            form.addRow(self.tr("&SOP:"), self.sop)
            tab_chain.append(self.sop)
        self.period = PeriodPicker(today, allow_all=kind in (KIND_REGISTER, KIND_AGENDA), parent=self)
        self.period.setObjectName("report_period")
        self.period.add_to(form)
        tab_chain += self.period.widgets()
        if kind == KIND_REGISTER:
            self.status = QComboBox()
            self.status.setObjectName("report_status")
            for text, key in ((self.tr("Semua status"), None), (self.tr("Berjalan"), "berjalan"),
                              (self.tr("Selesai"), "selesai"), (self.tr("Dihentikan"), "dihentikan"),
                              (self.tr("Terlambat (melewati mutu baku)"), "terlambat")):
                self.status.addItem(text, key)
            form.addRow(self.tr("Stat&us:"), self.status)
            self.position = QComboBox()
            self.position.setObjectName("report_position")
            self.position.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.position.setMinimumContentsLength(20)
            self.position.addItem(self.tr("Semua jabatan"), None)
            for pos in sorted(self.services.positions.all(), key=lambda p: p.name):
                if not pos.external:
                    self.position.addItem(pos.name, pos.name)
            form.addRow(self.tr("Jabata&n:"), self.position)
            tab_chain += [self.status, self.position]
        self.paper = QComboBox()
        self.paper.setObjectName("report_paper")
        self.paper.addItem(self.tr("A4 mendatar"), "A4")
        self.paper.addItem(self.tr("F4 (folio) mendatar"), "F4")
        if kind == KIND_REGISTER:  # the register's many columns read best on folio
            self.paper.setCurrentIndex(self.paper.findData("F4"))
        form.addRow(self.tr("&Kertas PDF:"), self.paper)
        tab_chain.append(self.paper)
        signing = QGroupBox(self.tr("Penanda tangan PDF"))
        signing.setObjectName("report_signer")
        signing.setMaximumWidth(380)
        sform = QFormLayout(signing)
        sform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        saved = self._saved_signer()
        self.signer_edits = {}
        for key, label in (("jabatan", self.tr("Jabatan:")), ("nama", self.tr("Nama:")),
                           ("nip", self.tr("NIP:"))):
            edit = QLineEdit(saved.get(key, ""))
            edit.setObjectName(f"signer_{key}")
            edit.setPlaceholderText(self.tr("kosong: diisi tangan sesudah dicetak"))
            edit.textEdited.connect(self.options_changed)
            sform.addRow(label, edit)
            self.signer_edits[key] = edit
            tab_chain.append(edit)
        side.addWidget(signing)
        self.error = QLabel()
        self.error.setObjectName("report_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        side.addWidget(self.error)
        self.preview_button = QPushButton(self.tr("Perbarui prat&injau"))
        self.preview_button.setObjectName("preview_button")
        self.preview_button.clicked.connect(self.refresh_preview)
        side.addWidget(self.preview_button)
        tab_chain.append(self.preview_button)
        side.addStretch(1)

        right = QVBoxLayout()
        body.addLayout(right, 1)
        self.pages_label = QLabel()
        self.pages_label.setObjectName("preview_pages")
        right.addWidget(self.pages_label)
        self.preview = PdfPreview()
        right.addWidget(self.preview, 1)
        tab_chain.append(self.preview)

        buttons = QDialogButtonBox()
        self.save_xlsx_button = buttons.addButton(self.tr("Simpan &Excel…"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.save_xlsx_button.setObjectName("save_xlsx_button")
        self.save_pdf_button = buttons.addButton(self.tr("Simpan P&DF…"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
        self.save_pdf_button.setObjectName("save_pdf_button")
        self.print_button = buttons.addButton(self.tr("&Cetak…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("print_button")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Tutup"))
        buttons.rejected.connect(self.reject)
        self.save_xlsx_button.clicked.connect(lambda: self.choose_file("xlsx"))
        self.save_pdf_button.clicked.connect(lambda: self.choose_file("pdf"))
        self.print_button.clicked.connect(self.choose_printer)
        outer.addWidget(buttons)
        tab_chain += [self.save_xlsx_button, self.save_pdf_button, self.print_button, close]
        for first, second in zip(tab_chain, tab_chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(400)
        self.preview_timer.timeout.connect(self.refresh_preview)
        if self.register_kind is not None:
            self.register_kind.currentIndexChanged.connect(self._fill_sops)
        self._fill_sops()
        for combo in (self.register_kind, self.sop, self.status, self.position, self.paper,
                      self.period.kind, self.period.month, self.period.quarter, self.period.semester):
            if combo is not None:
                combo.currentIndexChanged.connect(self.options_changed)
        for edit in (self.period.year,):
            edit.valueChanged.connect(self.options_changed)
        for edit in (self.period.date_from, self.period.date_to):
            edit.dateChanged.connect(self.options_changed)
        fit_size(self, 1280, 760, share=0.94)
        self.preview.show_message(self.tr("Menyiapkan pratinjau…"), busy=True)
        QTimer.singleShot(0, self, self.refresh_preview)
        first = tab_chain[0]
        first.setFocus()

    def _title(self) -> str:
        return {KIND_REGISTER: self.tr("Buku register"), KIND_KINERJA: self.tr("Laporan kinerja"),
                KIND_MONITORING: self.tr("Lembar monitoring SOP"),
                KIND_AGENDA: self.tr("Agenda surat keluar")}[self.kind]

    def _fill_sops(self) -> None:
        """The SOP choices: every SOP, or for the Buku Register Aduan the complaint SOPs."""
        if self.sop is None:
            return
        from sop_desktop.reports.registers import is_complaint_sop

        aduan = self.register_kind is not None and self.register_kind.currentData() == "aduan"
        previous = self.sop.currentData()
        self.sop.blockSignals(True)
        self.sop.clear()
        if aduan:
            self.sop.addItem(self.tr("Semua SOP pengaduan"), "aduan")
        else:
            self.sop.addItem(self.tr("Semua SOP"), None)
        for defn in sorted(self.latest, key=lambda d: d.name.casefold()):
            if aduan and not is_complaint_sop(defn):
                continue
            self.sop.addItem(defn.name, defn.code)
            self.sop.setItemData(self.sop.count() - 1, f"{defn.code} — {defn.name}",
                                 Qt.ItemDataRole.ToolTipRole)
        index = self.sop.findData(previous)
        self.sop.setCurrentIndex(max(index, 0))
        self.sop.blockSignals(False)
        self.options_changed()

    # ----- choices
    def set_sop(self, code: str | None) -> bool:
        """Choose an SOP by code (None: every SOP); False when it is not offered."""
        index = self.sop.findData(code)
        if index < 0:
            return False
        self.sop.setCurrentIndex(index)
        return True

    def request(self) -> ReportRequest:
        """The choices as a ReportRequest; a SopError (shown next to them) when they are wrong."""
        period = self.period.period()
        return ReportRequest(self.kind, period,
                             self.sop.currentData() if self.sop is not None else None,
                             self.status.currentData() if self.status is not None else None,
                             self.position.currentData() if self.position is not None else None,
                             self.paper.currentData(), self._signer())

    def _saved_signer(self) -> dict:
        """Who signs reports by default (the office setting the CLI uses too)."""
        from sop_desktop.reports.registers import SIGNER_SETTING
        from sop_desktop.storage import db as dbm

        saved = dbm.get_setting(SIGNER_SETTING) or {}
        return {k: str(saved.get(k) or "") for k in ("jabatan", "nama", "nip")}

    def _signer(self) -> tuple[str, str, str]:
        return tuple(self.signer_edits[k].text().strip() for k in ("jabatan", "nama", "nip"))

    def _checked_request(self) -> ReportRequest | None:
        try:
            request = self.request()
        except SopError as exc:
            self.error.setText(str(exc))
            return None
        self.error.clear()
        return request

    def options_changed(self, *_args) -> None:
        self.generation += 1
        self.preview_timer.start()

    # ----- preview
    def refresh_preview(self) -> None:
        """Build the PDF and render its first pages off the UI thread."""
        if self.closed:
            return
        self.preview_timer.stop()
        request = self._checked_request()
        if request is None:
            self.preview.show_message(self.tr("Perbaiki pilihan untuk melihat pratinjau."))
            return
        generation = self.generation
        width = self.preview.page_width_px()
        services = self.services
        self.preview_running = True
        self.preview.show_message(self.tr("Menyiapkan pratinjau…"), busy=True)
        self.pages_label.setText("")

        def work():
            from sop_desktop.storage import db as dbm

            try:
                data, shown, rows = report_pdf_bytes(services, request, max_rows=PREVIEW_ROWS)
            finally:
                dbm.database.close()  # this worker thread's own connection
            images, total = render_pages(data, width)
            if shown < rows:  # the whole report's pages, estimated from the rows per page
                total = max(total, -(-total * rows // max(shown, 1)))
            return data, images, total, shown < rows

        def done(result) -> None:
            if self.closed:
                return
            self.preview_running = False
            if generation != self.generation:
                return  # the choices changed meanwhile; their own preview follows
            data, images, total, cut = result
            # a cut preview is not what prints: printing builds the whole report
            self.preview_pdf, self.preview_request = (None, None) if cut else (data, request)
            note = ""
            if cut:
                note = self.tr("Pratinjau menampilkan %1 baris pertama (%2 halaman pertama dari "
                               "sekitar %3); berkas dan cetakan memuat semua baris.") \
                    .replace("%1", str(PREVIEW_ROWS)).replace("%2", str(len(images))) \
                    .replace("%3", str(total))
            elif total > len(images):
                note = self.tr("Pratinjau menampilkan %1 halaman pertama dari %2; berkas dan cetakan "
                               "memuat semua halaman.").replace("%1", str(len(images))) \
                    .replace("%2", str(total))
            self.preview.set_pages(images, note)
            if cut:
                self.pages_label.setText(self.tr("Pratinjau: %1 halaman pertama dari sekitar %2")
                                         .replace("%1", str(len(images))).replace("%2", str(total)))
            else:
                self.pages_label.setText(self.tr("Pratinjau: %n halaman", "", total))

        def failed(message: str) -> None:
            if self.closed:
                return
            self.preview_running = False
            if generation != self.generation:
                return
            self.preview_pdf = self.preview_request = None
            self.preview.show_message(self.tr("Pratinjau tidak dapat dibuat:") + "\n"
                                      + user_message(message))

        self.window_.runner.start(work, done, failed)

    # ----- save
    def choose_file(self, fmt: str) -> None:
        request = self._checked_request()
        if request is None:
            return
        from ui.file_dialogs import save_dialog

        save_dialog(self, self.tr("Simpan Excel") if fmt == "xlsx" else self.tr("Simpan PDF"),
                    f"{self._file_stem(request)}.{fmt}",
                    self.tr("Buku kerja Excel (*.xlsx)") if fmt == "xlsx"
                    else self.tr("Dokumen PDF (*.pdf)"), fmt,
                    lambda path, f=fmt: self.save_to(path, f), "report_file_dialog")

    def _file_stem(self, request: ReportRequest) -> str:
        base = {KIND_REGISTER: "register", KIND_KINERJA: "laporan-kinerja",
                KIND_MONITORING: "monitoring-sop", KIND_AGENDA: "agenda-surat-keluar"}[self.kind]
        if self.kind == KIND_REGISTER and request.sop == "aduan":
            base = "register-aduan"
        parts = [base]
        if request.sop and request.sop != "aduan":
            parts.append(request.sop)
        if request.period is not None:
            parts.append(request.period.key.replace("..", "_sd_"))
        return "-".join(p for p in parts if p)

    def save_to(self, path: str, fmt: str):
        """Write the report to `path` off the UI thread, with a progress dialog."""
        request = self._checked_request()
        if request is None or not path:
            return None
        services = self.services

        def work(progress):
            from sop_desktop.storage import db as dbm

            try:
                return write_report(services, request, path, fmt,
                                    progress=lambda d, t: progress(d, t, ""))
            finally:
                dbm.database.close()

        def done(out) -> None:
            self.last_saved = Path(out)
            text = self.tr("Laporan disimpan: %1").replace("%1", str(out))
            self.window_.statusBar().showMessage(text, 15000)
            if not self.closed:
                from ui.file_dialogs import offer_open

                self.error.setStyleSheet("color: #1c6b2f")
                self.error.setText(text)
                offer_open(self, out, self.tr("Laporan disimpan."))

        self.error.setStyleSheet("color: #b00020")
        return self.window_.run_task(self.tr("Menyimpan laporan…"), work, done, parent=self)

    # ----- print
    def choose_printer(self) -> None:
        request = self._checked_request()
        if request is None:
            return
        def no_printer(message: str) -> None:
            self.error.setStyleSheet("color: #b00020")
            self.error.setText(message)

        self.printer = open_print_dialog(self, self._title(), "report_print_dialog",
                                         self.tr("Cetak"), self.print_on, no_printer)

    def print_on(self, printer: QPrinter):
        """Print the report: the previewed PDF when it is of the current choices, else a new one."""
        request = self._checked_request()
        if request is None:
            return None
        cached = self.preview_pdf if request == self.preview_request else None
        services = self.services

        def work(progress):
            from sop_desktop.storage import db as dbm

            data = cached
            if data is None:
                try:
                    data = report_pdf_bytes(services, request)[0]
                finally:
                    dbm.database.close()
            return print_pdf(printer, data, progress=lambda d, t: progress(d, t, ""))

        def done(pages) -> None:
            self.window_.statusBar().showMessage(
                self.tr("%n halaman dikirim ke pencetak", "", pages), 15000)

        return self.window_.run_task(self.tr("Mencetak…"), work, done, parent=self)

    # ----- closing
    def done(self, result: int) -> None:
        self.closed = True
        self.preview_timer.stop()
        super().done(result)


__all__ = ["ReportDialog", "ReportRequest", "PdfPreview", "PeriodPicker", "build_report",
           "print_pdf", "render_pages", "report_pdf_bytes", "write_built", "write_report"]
