"""A form generated from an SOP's intake fields, validated as the clerk types.

Each field has its message right beside it; `values()` gives the typed values by key.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from sop_desktop.errors import SopError
from sop_desktop.services.case_fields import _clean_field as clean_field  # the core's per-field rule
from ui.widgets.date_edit import DateEdit


class IntakeForm(QWidget):
    """Builds one editor per IntakeField; `validity_changed(bool)` follows every keystroke."""

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(1, 1)
        self.fields: list = []
        self.editors: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.touched: set[str] = set()

    def set_fields(self, fields) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:  # gone from view now, freed later
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.fields = list(fields)
        self.editors.clear()
        self.messages.clear()
        self.touched.clear()
        for row, field in enumerate(self.fields):
            label = QLabel(field.label + (" *" if field.required else ""))
            editor = self._editor(field)
            editor.setObjectName(f"field_{field.key}")
            label.setBuddy(editor)
            message = QLabel()
            message.setObjectName(f"error_{field.key}")
            message.setStyleSheet("color: #b00020")
            message.setWordWrap(True)
            message.setVisible(False)
            # a label beside a tall text box sits at its top line, not in its middle
            align = Qt.AlignmentFlag.AlignTop if field.type == "textarea" else Qt.AlignmentFlag.AlignVCenter
            self.grid.addWidget(label, row * 2, 0, align)
            self.grid.addWidget(editor, row * 2, 1)
            self.grid.addWidget(message, row * 2 + 1, 1)
            self.editors[field.key] = editor
            self.messages[field.key] = message
        # a short form stays at the top instead of spreading its rows over the height
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 0)
        self.grid.setRowStretch(len(self.fields) * 2, 1)
        self.revalidate()

    def _editor(self, field) -> QWidget:
        if field.type == "textarea":
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(70)
            editor.textChanged.connect(lambda k=field.key: self._edited(k))
            return editor
        if field.type == "choice":
            combo = QComboBox()
            combo.addItem(self.tr("(pilih)"), "")
            for choice in field.choices:
                combo.addItem(choice, choice)
            combo.currentIndexChanged.connect(lambda _i, k=field.key: self._edited(k))
            return combo
        if field.type == "date":
            # an optional date starts empty: nothing recorded unasked
            date_edit = DateEdit(dt.date.today() if field.required else None)
            date_edit.dateChanged.connect(lambda _d, k=field.key: self._edited(k))
            return date_edit
        line = QLineEdit()
        hints = {"nik": self.tr("16 angka"), "nip": self.tr("18 angka"),
                 "phone": self.tr("mis. 0812 3456 7890"), "email": self.tr("mis. nama@contoh.id"),
                 "integer": self.tr("angka")}
        line.setPlaceholderText(hints.get(field.type, ""))
        if field.type == "integer" and field.key == "tahun":
            line.setText(str(dt.date.today().year))
        line.textChanged.connect(lambda _t, k=field.key: self._edited(k))
        return line

    def _edited(self, key: str) -> None:
        self.touched.add(key)
        self.revalidate()

    def raw_value(self, field) -> str:
        editor = self.editors[field.key]
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip()
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        if isinstance(editor, DateEdit):
            value = editor.date()
            return value.isoformat() if value is not None else editor.text()
        return cast(QLineEdit, editor).text().strip()

    def problem(self, field) -> str:
        """The message for one field, or "" when its value is acceptable.

        The value check is the core's own (the same rule and message the case engine applies).
        """
        value = self.raw_value(field)
        editor = self.editors.get(field.key)
        if isinstance(editor, DateEdit) and not editor.is_valid():
            return self.tr("%1: tanggal tidak dikenal, tulis hh-bb-tttt (mis. 06-12-2026)") \
                .replace("%1", field.label)
        if not value:
            return self.tr("%1 wajib diisi").replace("%1", field.label) if field.required else ""
        try:
            clean_field(field, value, value)
        except SopError as exc:
            return str(exc)
        return ""

    def revalidate(self) -> bool:
        ok = True
        for field in self.fields:
            message = self.problem(field)
            ok = ok and not message
            # an untouched empty field is not scolded yet; a wrong value always is
            shown = message if (field.key in self.touched or self.raw_value(field)) else ""
            self.messages[field.key].setText(shown)
            self.messages[field.key].setVisible(bool(shown))  # no empty gap under valid fields
        self.validity_changed.emit(ok)
        return ok

    def show_all_problems(self) -> bool:
        self.touched.update(self.editors)
        return self.revalidate()

    def values(self) -> dict:
        """The entered values, cleaned by the core's rule (digits only for NIK, phone...)."""
        out = {}
        for field in self.fields:
            value = self.raw_value(field)
            if not value:
                continue
            try:
                out[field.key] = clean_field(field, value, value)
            except SopError:
                out[field.key] = value  # the core names the problem when the case is opened
        return out
