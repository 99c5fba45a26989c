"""The Surat dialog: print a letter for the shown case from one of the templates serving its SOP.

The user picks the template, checks the values filled from the case (sifat, lampiran, hal, Yth.,
tembusan, the template's own fields), the signer (with Plt./Plh.), the date and the paper, and
sees the letter as it will print. Saving or printing issues it: the core service takes the number
and records the letter in the case history and the agenda surat keluar in one transaction.
Building, issuing and printing run off the UI thread.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from sop_desktop.errors import SopError
from sop_desktop.services.changes import Changes
from ui.dialogs.letter_form import (
    PAPERS,
    build_fields,
    build_sign_box,
    lenient_template,
    letter_pdf,
    preview_letter,
    show_header_texts,
    text_of,
)
from ui.dialogs.report_output import open_print_dialog, print_pdf, render_pages
from ui.dialogs.report_preview import PdfPreview
from ui.screen import fit_size
from ui.workers import user_message


class LetterDialog(QDialog):
    """A letter for one case; `issued(case_id, number)` after the core has recorded it."""

    issued = Signal(int, str)
    # the signer box's inputs (ui.dialogs.letter_form.build_sign_box sets them)
    sign_box: QGroupBox
    signer: QComboBox
    acting: QComboBox
    acting_for: QLineEdit
    acting_for_label: QLabel
    date: QDateEdit
    date_warning: QLabel
    paper: QComboBox

    def __init__(self, window: Any, case_id: int, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.services = window.services
        self.user = window.user
        self.letters = self.services.letters  # the one LetterService of Services
        self.case = self.services.cases.get(int(case_id))
        self.defn = self.services.cases.definition(self.case)
        self.templates = self.letters.templates_for_case(self.case)
        if not self.templates:
            raise SopError(self.tr("Belum ada templat surat untuk SOP %1.").replace("%1", self.defn.name))
        self.closed = False
        self.generation = 0
        self.preview_running = False
        self._refreshing = False
        self.edited_headers: set[str] = set()
        self.issued_number: str | None = None
        self.question_box: QMessageBox | None = None  # the open "issue anyway?" question
        self.issued_pdf: bytes | None = None
        self.issued_template: str | None = None
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self.printer: QPrinter | None = None
        self.field_edits: dict[str, QWidget] = {}
        self.header_edits: dict[str, QWidget] = {}
        self.setObjectName("letter_dialog")
        self.setWindowTitle(self.tr("Cetak surat — %1").replace("%1", self.case.number))
        self.setModal(False)

        outer = QVBoxLayout(self)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        side = QVBoxLayout()
        body.addLayout(side, 0)
        self._build_choices(side)
        self._build_form(side)
        self._build_side_actions(side)
        self._build_preview(body)
        self._build_buttons(outer)
        self._connect_inputs()
        fit_size(self, 1240, 780, share=0.94)
        self._template_changed()
        self._check_date()
        self.template.setFocus()

    def _build_choices(self, side: QVBoxLayout) -> None:
        """The case caption and the template choice above the form."""
        caption = QLabel(f"<b>{_html(self.case.number)}</b><br>{_html(self.defn.name)}")
        caption.setObjectName("letter_case")
        caption.setWordWrap(True)
        side.addWidget(caption)
        top = QFormLayout()
        self.template = QComboBox()
        self.template.setObjectName("letter_template")
        self.template.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template.setMinimumContentsLength(24)
        for tpl in self.templates:
            self.template.addItem(tpl.name, tpl.id)
            if tpl.description:
                self.template.setItemData(self.template.count() - 1, tpl.description,
                                          Qt.ItemDataRole.ToolTipRole)
        top.addRow(self.tr("T&emplat:"), self.template)
        side.addLayout(top)

    def _build_form(self, side: QVBoxLayout) -> None:
        """The scrolling form: header texts, template fields and the signer box."""
        # the form scrolls: a template with many fields must still fit a 1366×768 screen
        self.form_scroll = QScrollArea()  # not `scroll`: QWidget.scroll is Qt's own
        self.form_scroll.setObjectName("letter_form_scroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_scroll.setMinimumWidth(380)
        self.form_scroll.setMaximumWidth(460)
        self.form_host = QWidget()
        self.form_layout = QVBoxLayout(self.form_host)
        self.form_layout.setContentsMargins(0, 0, 6, 0)
        self.header_box = QGroupBox(self.tr("Kepala surat"))
        self.header_form = QFormLayout(self.header_box)
        self.fields_box = QGroupBox(self.tr("Isian surat"))
        self.fields_form = QFormLayout(self.fields_box)
        build_sign_box(self)
        for box in (self.header_box, self.fields_box, self.sign_box):
            self.form_layout.addWidget(box)
        self.form_layout.addStretch(1)
        self.form_scroll.setWidget(self.form_host)
        side.addWidget(self.form_scroll, 1)

    def _build_side_actions(self, side: QVBoxLayout) -> None:
        """The message line, the note on issuing and the refresh-preview button."""
        self.message = QLabel()
        self.message.setObjectName("letter_message")
        self.message.setWordWrap(True)
        self.message.setMaximumWidth(460)
        side.addWidget(self.message)
        note = QLabel(self.tr("Menyimpan atau mencetak menerbitkan surat: nomornya diambil dan surat "
                              "dicatat di riwayat kasus serta agenda surat keluar."))
        note.setObjectName("letter_note")
        note.setWordWrap(True)
        note.setMaximumWidth(460)
        note.setStyleSheet("color: palette(dark)")
        side.addWidget(note)
        self.preview_button = QPushButton(self.tr("Perbarui &pratinjau"))
        self.preview_button.setObjectName("preview_button")
        self.preview_button.clicked.connect(self.refresh_preview)
        side.addWidget(self.preview_button)

    def _build_preview(self, body: QHBoxLayout) -> None:
        """The letter number and the PDF preview on the right."""
        right = QVBoxLayout()
        body.addLayout(right, 1)
        self.number_label = QLabel()
        self.number_label.setObjectName("letter_number")
        right.addWidget(self.number_label)
        self.preview = PdfPreview()
        right.addWidget(self.preview, 1)

    def _build_buttons(self, outer: QVBoxLayout) -> None:
        """Save PDF, print and close."""
        buttons = QDialogButtonBox()
        self.save_pdf_button = buttons.addButton(self.tr("Simpan P&DF…"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
        self.save_pdf_button.setObjectName("save_pdf_button")
        self.print_button = buttons.addButton(self.tr("&Cetak…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("print_button")
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("T&utup"))
        buttons.rejected.connect(self.reject)
        self.save_pdf_button.clicked.connect(self.choose_file)
        self.print_button.clicked.connect(self.choose_printer)
        outer.addWidget(buttons)

    def _connect_inputs(self) -> None:
        """A changed input schedules a new preview (after a short pause)."""
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(500)
        self.preview_timer.timeout.connect(self.refresh_preview)
        self.template.currentIndexChanged.connect(self._template_changed)
        self.acting.currentIndexChanged.connect(self._acting_changed)
        for combo in (self.signer, self.acting, self.paper):
            combo.currentIndexChanged.connect(self.options_changed)
        self.acting_for.textEdited.connect(self.options_changed)
        self.date.dateChanged.connect(self.options_changed)
        self.date.dateChanged.connect(self._check_date)

    def _check_date(self, *_args) -> None:
        """Warn when the letter is dated on a Sunday, a closed day or a holiday."""
        from sop_desktop.letters.derived import date_warning

        day = cast(dt.date, self.date.date().toPython())
        text = date_warning(self.services.cases.calendar(), day)
        self.date_warning.setText(text)
        self.date_warning.setVisible(bool(text))

    def _apply_rights(self) -> None:
        """Who may issue is checked on opening and for each template, before any typing."""
        self.refusal = self.rights_refusal()
        for button in (self.save_pdf_button, self.print_button):
            button.setEnabled(not self.refusal)
            button.setToolTip(self.refusal)
        if self.refusal:
            self._show_error(self.refusal)

    def rights_refusal(self) -> str:
        """Why this user may not issue this letter ("" when they may): staff and the holder of
        the case's current step may; anyone else only a letter they sign themselves."""
        from sop_desktop.services.users import is_staff

        self.signer.setEnabled(True)
        if is_staff(self.user) or (self.case.current_position_id is not None and
                                   self.case.current_position_id in
                                   self.services.users.position_ids(self.user)):
            return ""
        try:
            self.letters.resolve_signer(self.current_template(), self.user, signer=self.user.username)
        except SopError:
            return self.tr("%1 bukan operator dan bukan pemegang langkah kasus %2 saat ini, dan "
                           "tidak memiliki jabatan untuk menandatangani %3: surat ini diterbitkan "
                           "oleh petugas atau pejabat yang memegang langkahnya.") \
                .replace("%1", self.user.name).replace("%2", self.case.number) \
                .replace("%3", self.current_template().name)
        self.signer.setCurrentIndex(max(0, self.signer.findData(self.user.username)))
        self.signer.setEnabled(False)
        self.signer.setToolTip(self.tr("%1 bukan pemegang langkah kasus ini: surat hanya dapat "
                                       "diterbitkan dengan tanda tangan %1 sendiri.")
                               .replace("%1", self.user.name))
        return ""

    # ----- the form for the chosen template
    def current_template(self):
        tid = self.template.currentData()
        return next(t for t in self.templates if t.id == tid)

    def _template_changed(self) -> None:
        tpl = self.current_template()
        self._fill_signers(tpl)
        self.acting_for.setText(tpl.texts.get("penandatangan", ""))
        self.paper.blockSignals(True)
        self.paper.clear()
        papers = list(PAPERS) if tpl.paper in PAPERS else [tpl.paper, *PAPERS]
        for paper in papers:
            self.paper.addItem(paper, paper)
        self.paper.setCurrentIndex(self.paper.findData(tpl.paper))
        self.paper.blockSignals(False)
        self._build_fields(tpl)
        self._acting_changed()
        self._retab()
        self._apply_rights()
        self.options_changed()

    def _fill_signers(self, tpl) -> None:
        self.signer.blockSignals(True)
        self.signer.clear()
        try:
            auto = self.letters.resolve_signer(tpl, self.user)
            self.signer.addItem(self.tr("Otomatis: %1").replace("%1", auto.label()), None)
        except SopError:  # nobody, or several people, hold the signing position: choose one
            self.signer.addItem(self.tr("(pilih penanda tangan)"), None)
        for user in sorted(self.services.users.list(), key=lambda u: u.name.casefold()):
            if not user.active:
                continue
            jabatan = (user.jabatan or "").strip() or ", ".join(self.services.users.position_names(user))
            self.signer.addItem(f"{user.name} — {jabatan}" if jabatan else user.name, user.username)
        self.signer.blockSignals(False)

    def _build_fields(self, tpl) -> None:
        """One input per header text and per template field, prefilled from the case."""
        build_fields(self, tpl, *self._prefill(tpl))

    def _header_edited(self, key: str) -> None:
        """A header text the user changed is printed as typed; the others follow the template
        (e.g. Hal and Yth. take the fields typed below them)."""
        if self._refreshing:
            return
        self.edited_headers.add(key)
        self.options_changed()

    def _show_derived_headers(self, texts: dict, tembusan: list[str]) -> None:
        """The header texts the user did not change, as the template derives them now."""
        self._refreshing = True
        try:
            show_header_texts(self.header_edits, self.edited_headers, texts, tembusan)
        finally:
            self._refreshing = False

    def _prefill(self, tpl) -> tuple[dict, list, dict]:
        """(header texts, tembusan, field values) as the service fills them from the case;
        a required field the case does not answer comes back empty for the user to type."""
        from sop_desktop.letters.render import fill

        lenient = lenient_template(tpl)
        try:
            try:
                who = self.letters.resolve_signer(tpl, self.user)
            except SopError:
                who = self.letters.resolve_signer(tpl, self.user, signer=self.user.username)
            values = self.letters.values_for(self.case, lenient, self.user, who,
                                             when=self.date.date().toPython(), number="…")
            filled = fill(lenient, values)
        except SopError as exc:
            self._show_error(str(exc))
            return {}, list(tpl.tembusan), {}
        return filled.texts, filled.tembusan, values

    def _acting_changed(self) -> None:
        on = bool(self.acting.currentData())
        self.acting_for.setEnabled(on)
        self.acting_for_label.setEnabled(on)

    def _retab(self) -> None:
        """Tab order follows the form top to bottom, then the buttons."""
        chain: list[QWidget] = [self.template]
        chain += list(self.header_edits.values()) + list(self.field_edits.values())
        chain += [self.signer, self.acting, self.acting_for, self.date, self.paper,
                  self.preview_button, self.preview, self.save_pdf_button, self.print_button,
                  self.close_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # ----- values
    def choices(self) -> dict:
        """The keyword arguments for LetterService.prepare()/issue() from the form."""
        fields: dict[str, str] = {}
        for key, edit in self.header_edits.items():
            if key in self.edited_headers:
                fields[key] = text_of(edit)
        for key, edit in self.field_edits.items():
            text = text_of(edit)
            if text.strip():  # an empty one: the service names a missing required field itself
                fields[key] = text
        acting = self.acting.currentData() or None
        if acting:
            fields["penandatangan"] = self.acting_for.text().strip()
        return {"template_id": self.template.currentData(), "signer": self.signer.currentData(),
                "acting": acting, "fields": fields, "when": self.date.date().toPython()}

    def missing_fields(self) -> list[str]:
        """Labels of the required template fields left empty in the form."""
        tpl = self.current_template()
        return [spec.label for key, spec in tpl.fields.items()
                if spec.default is None and key in self.field_edits
                and not text_of(self.field_edits[key]).strip()]

    def options_changed(self, *_args) -> None:
        self.generation += 1
        if self.issued_pdf is None:
            self.preview_timer.start()

    def _show_error(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(text)

    def _show_ok(self, text: str) -> None:
        self.message.setStyleSheet("color: #1c6b2f")
        self.message.setText(text)

    # ----- preview
    def refresh_preview(self) -> None:
        """Fill the letter (not numbered, not recorded) and render it off the UI thread."""
        if self.closed:
            return
        self.preview_timer.stop()
        if self.issued_pdf is not None:
            return  # the issued letter stays on screen
        choices = self.choices()
        paper = self.paper.currentData()
        generation = self.generation
        width = self.preview.page_width_px()
        service, user, case_id = self.letters, self.user, self.case.id
        self.preview.show_message(self.tr("Menyiapkan pratinjau…"), busy=True)
        self.preview_running = True

        def work():
            data, texts, tembusan = preview_letter(service, user, case_id, choices, paper)
            return render_pages(data, width), texts, tembusan

        def done(result) -> None:
            if self.closed:
                return
            self.preview_running = False
            if generation != self.generation or self.issued_pdf is not None:
                return
            (images, _total), texts, tembusan = result
            self._show_derived_headers(texts, tembusan)
            missing = self.missing_fields()
            if getattr(self, "refusal", ""):
                self._show_error(self.refusal)
            elif missing:
                self._show_error(self.tr("Isian wajib belum diisi: %1").replace("%1", "; ".join(missing)))
            else:
                self.message.clear()
            self.preview.set_pages(images)
            self.number_label.setText(self.tr("Pratinjau — nomor surat diberikan saat diterbitkan"))

        def failed(message: str) -> None:
            if self.closed:
                return
            self.preview_running = False
            if generation != self.generation:
                return
            text = user_message(message)
            self._show_error(text)
            self.preview.show_message(self.tr("Pratinjau tidak dapat dibuat:") + "\n" + text)

        self.window_.runner.start(work, done, failed)

    # ----- issue, save, print
    def choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Simpan surat sebagai PDF"))
        dialog.setObjectName("letter_file_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setNameFilter(self.tr("Dokumen PDF (*.pdf)"))
        stem = f"{self.template.currentData()}-{self.issued_number or self.case.number}"
        dialog.selectFile("".join(c if c.isalnum() or c in "-_." else "-" for c in stem) + ".pdf")
        dialog.fileSelected.connect(self.save_to)
        dialog.finished.connect(lambda _r, d=dialog: d.deleteLater())
        self.file_dialog = dialog
        dialog.open()

    def save_to(self, path: str):
        """Issue the letter (once) and write its PDF to `path`."""
        if not path:
            return None
        if self.issued_pdf is not None:
            return self._write_copy(path)
        return self._issue(lambda: self._write_copy(path))

    def _write_copy(self, path: str) -> Any:
        data = self.issued_pdf
        if data is None:  # nothing issued yet: _issue() calls this once it is
            return None

        def work():
            from sop_desktop.output.atomic import atomic_output

            with atomic_output(path) as fh:
                fh.write(data)
            return Path(path)

        def done(out) -> None:
            text = self.tr("Surat disimpan: %1").replace("%1", str(out))
            self.window_.statusBar().showMessage(text, 15000)
            if not self.closed:
                self._show_ok(text)

        return self.window_.run_task(self.tr("Menyimpan surat…"), work, done, parent=self)

    def choose_printer(self) -> None:
        self.printer = open_print_dialog(self, self.current_template().name,
                                         "letter_print_dialog", self.tr("Cetak surat"),
                                         self.print_on, self._show_error)

    def print_on(self, printer: QPrinter):
        """Issue the letter (once) and print it."""
        if self.issued_pdf is not None:
            return self._print(printer)
        return self._issue(lambda: self._print(printer))

    def _print(self, printer: QPrinter) -> Any:
        data = self.issued_pdf
        if data is None:  # nothing issued yet: _issue() calls this once it is
            return None

        def work(progress):
            return print_pdf(printer, data, progress=lambda d, t: progress(d, t, ""))

        def done(pages) -> None:
            self.window_.statusBar().showMessage(
                self.tr("%n halaman dikirim ke pencetak", "", pages), 15000)

        return self.window_.run_task(self.tr("Mencetak surat…"), work, done, parent=self)

    def _ask_first(self, choices: dict, paper, then, confirm) -> bool:
        """Put the core's questions (same letter again, another year, no NIP) to the person
        before issuing; True when issuing must wait for the answer (or was refused)."""
        try:
            questions = self.letters.questions(
                self.case.id, choices["template_id"], self.user, signer=choices["signer"],
                acting=choices["acting"], fields=choices["fields"], when=choices["when"],
                paper=paper)
        except SopError as exc:
            self._show_error(user_message(str(exc)))
            return True
        questions = [q for q in questions if q.key not in confirm]
        if not questions:
            return False
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Terbitkan surat?"),
                          "\n\n".join(f"{q.text} {q.ask}" for q in questions), parent=self)
        box.setObjectName("letter_question")
        yes = box.addButton(self.tr("Terbitkan"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)  # the safe answer is the default
        keys = set(confirm) | {q.key for q in questions}

        def answered(_result) -> None:
            self.question_box = None
            if box.clickedButton() is yes:
                self._issue(then, confirm=keys)

        box.finished.connect(answered)
        self.question_box = box
        box.open()
        return True

    def _issue(self, then, confirm=()):
        """Number and record the letter through the core service, then call `then()`."""
        choices = self.choices()
        paper = self.paper.currentData()
        if self._ask_first(choices, paper, then, confirm):
            return None
        width = self.preview.page_width_px()
        service, user, case_id = self.letters, self.user, self.case.id
        confirm = set(confirm)

        def work():  # on the runner's worker, which closes its database connection
            with tempfile.TemporaryDirectory(prefix="sop-surat-") as folder:
                out = Path(folder) / "surat.pdf"
                issued = service.issue(case_id, choices["template_id"], user, out=out,
                                       signer=choices["signer"], acting=choices["acting"],
                                       fields=choices["fields"], when=choices["when"],
                                       confirm=confirm, paper=paper)
                data = out.read_bytes()  # the very file whose hash the register keeps
            letter = issued.letter
            return issued.number, data, render_pages(data, width)[0], letter.texts, letter.tembusan

        def done(result) -> None:
            number, data, images, texts, tembusan = result
            self.issued_number, self.issued_pdf = number, data
            self.issued_template = choices["template_id"]
            if not isValid(self):  # closed and deleted meanwhile: refresh the case directly
                self.window_.data_changed.emit(Changes(cases=(case_id,), letters=True))
                return
            self.issued.emit(case_id, number)
            if self.closed:
                return
            self.edited_headers.clear()
            self._show_derived_headers(texts, tembusan)  # the form shows what was printed
            self._lock_form()
            self.number_label.setText(
                self.tr("Surat nomor %1 telah diterbitkan").replace("%1", number) if number
                else self.tr("Surat telah dicetak dan dicatat"))
            self._show_ok(self.tr("Tercatat di riwayat kasus dan agenda surat keluar. Menyimpan atau "
                                  "mencetak lagi memakai surat yang sama, tanpa nomor baru."))
            self.preview.set_pages(images)
            then()

        def failed(text: str) -> None:
            if not self.closed:
                self._show_error(text)

        return self.window_.run_task(self.tr("Menerbitkan surat…"), work, done, parent=self,
                                     on_error=failed)

    def _lock_form(self) -> None:
        for w in (self.template, self.form_host, self.preview_button):
            w.setEnabled(False)

    def done(self, result: int) -> None:
        self.closed = True
        self.preview_timer.stop()
        super().done(result)


def _html(text: str) -> str:
    from html import escape

    return escape(text or "")


__all__ = ["LetterDialog", "letter_pdf"]
