"""The report period picker: a month, quarter, semester, year, date range or all time."""

from __future__ import annotations

import datetime as dt
from typing import cast

from PySide6.QtCore import QDate, QLocale, QObject
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QSpinBox, QWidget

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
            return periods.date_range(cast(dt.date, self.date_from.date().toPython()),
                                      cast(dt.date, self.date_to.date().toPython()))
        return None

    def widgets(self) -> list[QWidget]:
        """The input widgets in tab order."""
        return [self.kind, self.year, self.month, self.quarter, self.semester, self.date_from,
                self.date_to]
