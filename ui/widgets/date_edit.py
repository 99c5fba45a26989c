"""A date field clerks can fill: type dd-mm-yyyy (any usual separator), pick from a calendar
that opens at today, or clear it. An empty field means "no date" (optional fields).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QDate, QPoint, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCalendarWidget, QMenu

_SEPARATED = re.compile(r"^\s*(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{2}|\d{4})\s*$")
_DIGITS = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(text: str) -> dt.date | None:
    """The date in `text` ("06-12-2026", "6/12/2026", "06.12.26", "06122026", "2026-12-06");
    None for an empty text; ValueError when it is not a date."""
    if not (text or "").strip():
        return None
    if m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := (_SEPARATED.match(text) or _DIGITS.match(text)):
        day, month, year = (int(g) for g in m.groups())
        if year < 100:
            year += 2000
    else:
        raise ValueError(text)
    return dt.date(year, month, day)


def date_field_text(value: dt.date | None) -> str:
    """How a date is written in the field: dd-mm-yyyy."""
    return value.strftime("%d-%m-%Y") if value else ""


class DateEdit(QWidget):
    """A typed date with a calendar button; `date()` is a datetime.date or None (empty).

    `dateChanged` follows every edit; `is_valid()` is False while the text is not a date."""

    dateChanged = Signal(object)

    def __init__(self, value: dt.date | None = None, parent: QWidget | None = None, *,
                 today=None):
        super().__init__(parent)
        self._today = today or dt.date.today
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line = QLineEdit()
        self.line.setObjectName("date_text")
        self.line.setPlaceholderText(self.tr("hh-bb-tttt"))
        self.line.setClearButtonEnabled(True)
        self.line.setToolTip(self.tr("Ketik tanggal, mis. 06-12-2026 (pemisah - / . atau spasi), "
                                     "atau pilih dari kalender"))
        self.line.setMaxLength(10)
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("00-00-00000") + 30)
        self.button = QToolButton()
        self.button.setObjectName("date_calendar_button")
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Pilih dari kalender"))
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        # the calendar and its popup are built when first opened: the inbox's first screen has
        # two date fields (start-up, issue 19)
        self._calendar: QCalendarWidget | None = None
        self._menu: QMenu | None = None
        self.button.clicked.connect(self.open_calendar)
        self.line.textChanged.connect(self._edited)
        self.line.editingFinished.connect(self._tidy)
        self.setFocusProxy(self.line)
        self.setDate(value)

    @property
    def calendar(self) -> QCalendarWidget:
        """The calendar of the popup, built on first use."""
        if self._calendar is None:
            self._build_calendar()
        return cast("QCalendarWidget", self._calendar)

    @property
    def menu(self) -> QMenu:
        """The popup holding the calendar, built on first use."""
        if self._menu is None:
            self._build_calendar()
        return cast("QMenu", self._menu)

    def _build_calendar(self) -> None:
        # deferred for start-up (see __init__): QCalendarWidget is needed only when opened
        from PySide6.QtWidgets import QCalendarWidget, QMenu, QWidgetAction

        calendar = self._calendar = QCalendarWidget()
        calendar.setObjectName("date_calendar")
        calendar.setGridVisible(True)
        menu = self._menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)
        calendar.clicked.connect(self._picked)
        calendar.activated.connect(self._picked)

    def date(self) -> dt.date | None:
        try:
            return parse_date(self.line.text())
        except ValueError:
            return None

    def is_valid(self) -> bool:
        try:
            parse_date(self.line.text())
        except ValueError:
            return False
        return True

    def text(self) -> str:
        return self.line.text().strip()

    def setDate(self, value: dt.date | None) -> None:
        self.line.setText(date_field_text(value))

    def clear(self) -> None:
        self.line.clear()

    def open_calendar(self) -> None:
        """Show the calendar at the field's date, or at today when the field is empty."""
        shown = self.date() or self._today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.menu.popup(self.mapToGlobal(QPoint(0, self.height())))

    def _picked(self, qdate: QDate) -> None:
        self.setDate(cast(dt.date, qdate.toPython()))
        if self._menu is not None:
            self._menu.hide()
        self.line.setFocus()

    def _edited(self, _text: str) -> None:
        self.line.setStyleSheet("" if self.is_valid() else "color: #b00020")
        self.dateChanged.emit(self.date())

    def _tidy(self) -> None:
        """A typed date is rewritten as dd-mm-yyyy once the clerk leaves the field."""
        value = self.date()
        if value is not None and self.line.text() != date_field_text(value):
            self.setDate(value)
