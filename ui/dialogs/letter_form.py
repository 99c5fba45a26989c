"""The Surat dialog's form: the letter PDF, the template's header and field inputs and the
signer box, built for LetterDialog (their strings keep the LetterDialog translation context).
"""

from __future__ import annotations

import dataclasses
import io
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from sop_desktop.letters.render import fill, render_pdf
from sop_desktop.letters.service import LetterService
from sop_desktop.services import office

# printed on the letter as chosen: Indonesian in every interface language, so not translated
SIFAT_CHOICES = ("Biasa", "Segera", "Sangat Segera", "Rahasia", "Terbatas")
ACTING_CHOICES = (("", QT_TRANSLATE_NOOP("LetterDialog", "Definitif")),
                  ("plt", QT_TRANSLATE_NOOP("LetterDialog", "Plt. (Pelaksana Tugas)")),
                  ("plh", QT_TRANSLATE_NOOP("LetterDialog", "Plh. (Pelaksana Harian)")))
PAPERS = ("A4", "F4")


def letter_pdf(letter, paper: str | None = None) -> bytes:
    """A filled letter as PDF bytes, on `paper` (A4, F4...) instead of the template's own."""
    tpl = letter.template
    if paper and paper != tpl.paper:
        letter = dataclasses.replace(letter, template=dataclasses.replace(tpl, paper=paper))
    buf = io.BytesIO()
    render_pdf(letter, office.load(), buf)
    return buf.getvalue()


def lenient_template(tpl):
    """The template with every required field defaulting to "": the form is prefilled from what
    the case holds, and a letter whose required fields are still empty can be previewed."""
    return dataclasses.replace(tpl, fields={
        k: dataclasses.replace(f, default="" if f.default is None else f.default)
        for k, f in tpl.fields.items()})


def header_keys(tpl) -> list[str]:
    """The header texts a template prints (and so the user may change) besides its own fields."""
    if tpl.kind in ("surat", "nota_dinas"):
        keys = ["sifat", "lampiran", "hal", "kepada"]
        if tpl.kind == "surat":
            keys.append("di")
        return keys
    if tpl.kind in ("naskah",) and tpl.texts.get("kepada"):
        return ["kepada", "di"]
    return []


def text_of(edit: QWidget) -> str:
    """The text an input of the form holds, whatever its kind."""
    if isinstance(edit, QPlainTextEdit):
        return edit.toPlainText()
    if isinstance(edit, QComboBox):
        return edit.currentText()
    return cast(QLineEdit, edit).text()


def preview_letter(service: LetterService, user: Any, case_id: int, choices: dict,
                   paper: str | None) -> tuple[bytes, dict, list[str]]:
    """The letter as the form fills it, neither numbered nor recorded: (PDF, header texts,
    tembusan). Runs on the window's TaskRunner, which closes the worker's connection."""
    tpl = service.template(choices["template_id"])
    who = service.resolve_signer(tpl, user, signer=choices["signer"],
                                 acting=choices["acting"], fields=choices["fields"])
    lenient = lenient_template(tpl)
    values = service.values_for(case_id, lenient, user, who, fields=choices["fields"],
                                when=choices["when"], number="…" if tpl.numbered else "")
    filled = fill(lenient, values)  # what the form's header texts show
    # a required field still empty prints as "[its label]" in the preview
    marked = {**values, **{k: f"[{f.label}]" for k, f in tpl.fields.items()
                           if f.default is None and not values.get(k, "").strip()}}
    data = letter_pdf(fill(lenient, marked), paper)
    return data, filled.texts, filled.tembusan


def show_header_texts(edits: dict[str, QWidget], skip: set[str], texts: dict,
                      tembusan: list[str]) -> None:
    """Put the derived header texts (and tembusan, one per line) in the header inputs, except
    the keys in `skip` (the ones the user typed)."""
    for key, edit in edits.items():
        if key in skip:
            continue
        value = "\n".join(tembusan) if key == "tembusan" else texts.get(key, "")
        if text_of(edit) != value:
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(value)
            elif isinstance(edit, QComboBox):
                edit.setCurrentText(value)
            else:
                cast(QLineEdit, edit).setText(value)


def build_sign_box(dialog) -> QGroupBox:
    """The signer, Plt./Plh., date and paper inputs, set on `dialog` and grouped in one box."""
    dialog.sign_box = QGroupBox(QCoreApplication.translate("LetterDialog",
                                                       "Penanda tangan, tanggal dan kertas"))
    sign = QFormLayout(dialog.sign_box)
    dialog.signer = QComboBox()
    dialog.signer.setObjectName("letter_signer")
    dialog.signer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    dialog.signer.setMinimumContentsLength(20)
    sign.addRow(QCoreApplication.translate("LetterDialog", "Penanda ta&ngan:"), dialog.signer)
    dialog.acting = QComboBox()
    dialog.acting.setObjectName("letter_acting")
    for key, text in ACTING_CHOICES:
        dialog.acting.addItem(QCoreApplication.translate("LetterDialog", str(text)), key)
    sign.addRow(QCoreApplication.translate("LetterDialog", "&Kedudukan:"), dialog.acting)
    dialog.acting_for = QLineEdit()
    dialog.acting_for.setObjectName("letter_acting_for")
    dialog.acting_for.setPlaceholderText(QCoreApplication.translate(
        "LetterDialog", "jabatan yang diwakili, mis. Kepala Kantor Wilayah"))
    dialog.acting_for_label = QLabel(QCoreApplication.translate("LetterDialog", "Atas &jabatan:"))
    dialog.acting_for_label.setBuddy(dialog.acting_for)
    sign.addRow(dialog.acting_for_label, dialog.acting_for)
    dialog.date = QDateEdit(QDate(dialog.services.cases.clock().date()))
    dialog.date.setObjectName("letter_date")
    dialog.date.setCalendarPopup(True)
    dialog.date.setDisplayFormat("dd/MM/yyyy")
    sign.addRow(QCoreApplication.translate("LetterDialog", "Tangg&al surat:"), dialog.date)
    dialog.date_warning = QLabel()
    dialog.date_warning.setObjectName("letter_date_warning")
    dialog.date_warning.setWordWrap(True)
    dialog.date_warning.setStyleSheet("color: #9a5b00")
    dialog.date_warning.setVisible(False)
    sign.addRow("", dialog.date_warning)
    dialog.paper = QComboBox()
    dialog.paper.setObjectName("letter_paper")
    sign.addRow(QCoreApplication.translate("LetterDialog", "Ke&rtas:"), dialog.paper)
    return dialog.sign_box


def build_fields(dialog, tpl, texts: dict, tembusan: list[str], values: dict) -> None:
    """One input per header text (`texts`, `tembusan`) and per template field (`values`), set
    on `dialog` in its header and field forms in place of the previous template's."""
    for form in (dialog.header_form, dialog.fields_form):
        while form.rowCount():
            form.removeRow(0)
    dialog.header_edits, dialog.field_edits = {}, {}
    dialog.edited_headers = set()
    edit: QWidget  # a QComboBox, QLineEdit or QPlainTextEdit
    dialog._refreshing = True  # filling the form is not the user editing the headers
    labels = {"sifat": QCoreApplication.translate("LetterDialog", "&Sifat:"),
              "lampiran": QCoreApplication.translate("LetterDialog", "&Lampiran:"),
              "hal": QCoreApplication.translate("LetterDialog", "&Hal:"),
              "kepada": QCoreApplication.translate("LetterDialog", "&Yth.:"),
              "di": QCoreApplication.translate("LetterDialog", "d&i:")}
    for key in header_keys(tpl):
        if key == "sifat":
            edit = QComboBox()
            edit.setEditable(True)
            edit.addItems(list(SIFAT_CHOICES))
            edit.setCurrentText(texts.get("sifat", ""))
            edit.currentTextChanged.connect(lambda _t, k=key: dialog._header_edited(k))
        else:
            edit = QLineEdit(texts.get(key, ""))
            edit.textChanged.connect(lambda _t, k=key: dialog._header_edited(k))
        edit.setObjectName(f"letter_{key}")
        dialog.header_edits[key] = edit
        dialog.header_form.addRow(labels[key], edit)
    if tpl.kind not in ("sertifikat", "disposisi"):
        edit = QPlainTextEdit("\n".join(tembusan))
        edit.setObjectName("letter_tembusan")
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        edit.setPlaceholderText(QCoreApplication.translate("LetterDialog", "satu tujuan per baris"))
        edit.textChanged.connect(lambda k="tembusan": dialog._header_edited(k))
        dialog.header_edits["tembusan"] = edit
        dialog.header_form.addRow(QCoreApplication.translate("LetterDialog", "&Tembusan:"), edit)
    dialog.header_box.setVisible(bool(dialog.header_edits))
    for key, spec in tpl.fields.items():
        value = values.get(key, "")
        if spec.multiline:
            edit = QPlainTextEdit(value)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
            edit.textChanged.connect(dialog.options_changed)
        else:
            edit = QLineEdit(value)
            edit.textEdited.connect(dialog.options_changed)
        edit.setObjectName(f"field_{key}")
        if spec.default is None:
            edit.setToolTip(QCoreApplication.translate("LetterDialog", "Wajib diisi"))
        label = QLabel(spec.label + (" *" if spec.default is None else "") + ":")
        label.setWordWrap(True)
        label.setBuddy(edit)
        dialog.field_edits[key] = edit
        dialog.fields_form.addRow(label, edit)
    dialog.fields_box.setVisible(bool(dialog.field_edits))
    dialog._refreshing = False
