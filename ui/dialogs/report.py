"""The Laporan dialogs: registers, laporan kinerja, the SOP monitoring sheet and the agenda surat
keluar, each with its choices, a preview of the PDF pages, and save (Excel, PDF) and print.

Building and writing a report, and rendering its pages, run off the UI thread
(sop_desktop.ops.report_dispatch, ui.dialogs.report_output); the same PDF that is saved is
what is previewed and printed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sop_desktop.errors import SopError
from sop_desktop.ops.report_dispatch import (
    KIND_AGENDA,
    KIND_KINERJA,
    KIND_MONITORING,
    KIND_REGISTER,
    KINDS,
    ReportRequest,
    report_pdf_bytes,
    write_report,
)
from sop_desktop.settings import REPORT_SIGNER
from ui.dialogs.report_output import open_print_dialog, print_pdf, render_pages
from ui.dialogs.report_preview import PdfPreview
from ui.screen import fit_size
from ui.widgets.period_picker import PeriodPicker
from ui.workers import user_message

PREVIEW_ROWS = 300  # rows of a register laid out for the preview (about 20 pages)


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

        outer = QVBoxLayout(self)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        side = QVBoxLayout()
        body.addLayout(side, 0)
        tab_chain: list[QWidget] = []
        self._build_options(side, tab_chain)
        self._build_signer(side, tab_chain)
        self._build_side_actions(side, tab_chain)
        self._build_preview(body, tab_chain)
        self._build_buttons(outer, tab_chain)
        for first, second in zip(tab_chain, tab_chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._connect_choices()
        fit_size(self, 1280, 760, share=0.94)
        self.preview.show_message(self.tr("Menyiapkan pratinjau…"), busy=True)
        QTimer.singleShot(0, self, self.refresh_preview)
        first = tab_chain[0]
        first.setFocus()

    def _build_options(self, side: QVBoxLayout, tab_chain: list[QWidget]) -> None:
        """The Pilihan group: register kind, SOP, period, status, position and paper."""
        kind = self.kind
        today = self.services.cases.clock().date()
        options = QGroupBox(self.tr("Pilihan"))
        options.setObjectName("report_options")
        options.setMinimumWidth(320)
        options.setMaximumWidth(380)
        form = QFormLayout(options)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        side.addWidget(options)
        self.register_kind: QComboBox | None = None
        self.sop: QComboBox | None = None
        self.status: QComboBox | None = None
        self.position: QComboBox | None = None
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
            self._build_register_filters(form, tab_chain)
        self.paper = QComboBox()
        self.paper.setObjectName("report_paper")
        self.paper.addItem(self.tr("A4 mendatar"), "A4")
        self.paper.addItem(self.tr("F4 (folio) mendatar"), "F4")
        if kind == KIND_REGISTER:  # the register's many columns read best on folio
            self.paper.setCurrentIndex(self.paper.findData("F4"))
        form.addRow(self.tr("&Kertas PDF:"), self.paper)
        tab_chain.append(self.paper)

    def _build_register_filters(self, form: QFormLayout, tab_chain: list[QWidget]) -> None:
        """The register's status and position choices."""
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

    def _build_signer(self, side: QVBoxLayout, tab_chain: list[QWidget]) -> None:
        """The Penanda tangan PDF group, filled from the office setting."""
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

    def _build_side_actions(self, side: QVBoxLayout, tab_chain: list[QWidget]) -> None:
        """The error line and the refresh-preview button under the choices."""
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

    def _build_preview(self, body: QHBoxLayout, tab_chain: list[QWidget]) -> None:
        """The page count and the PDF preview on the right."""
        right = QVBoxLayout()
        body.addLayout(right, 1)
        self.pages_label = QLabel()
        self.pages_label.setObjectName("preview_pages")
        right.addWidget(self.pages_label)
        self.preview = PdfPreview()
        right.addWidget(self.preview, 1)
        tab_chain.append(self.preview)

    def _build_buttons(self, outer: QVBoxLayout, tab_chain: list[QWidget]) -> None:
        """Save Excel, save PDF, print and close."""
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

    def _connect_choices(self) -> None:
        """A changed choice schedules a new preview (after a short pause)."""
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
        for date_edit in (self.period.date_from, self.period.date_to):
            date_edit.dateChanged.connect(self.options_changed)

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
        index = self.sop.findData(code) if self.sop is not None else -1
        if self.sop is None or index < 0:
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
        saved = self.services.read_setting(REPORT_SIGNER) or {}
        return {k: str(saved.get(k) or "") for k in ("jabatan", "nama", "nip")}

    def _signer(self) -> tuple[str, str, str]:
        jabatan, nama, nip = (self.signer_edits[k].text().strip() for k in ("jabatan", "nama", "nip"))
        return jabatan, nama, nip

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

        def work():  # the runner closes this worker's database connection
            data, shown, rows = report_pdf_bytes(services, request, max_rows=PREVIEW_ROWS)
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
        from ui.widgets.file_dialogs import save_dialog

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
            return write_report(services, request, path, fmt,
                                progress=lambda d, t: progress(d, t, ""))

        def done(out) -> None:
            self.last_saved = Path(out)
            text = self.tr("Laporan disimpan: %1").replace("%1", str(out))
            self.window_.statusBar().showMessage(text, 15000)
            if not self.closed:
                from ui.widgets.file_dialogs import offer_open

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
            data = cached if cached is not None else report_pdf_bytes(services, request)[0]
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


__all__ = ["PREVIEW_ROWS", "ReportDialog"]
