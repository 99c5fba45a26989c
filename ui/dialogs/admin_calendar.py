"""The Administration page of office hours per weekday and the office's holidays."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from sop_desktop.domain.calendar import CalendarSettings, WorkCalendar
from sop_desktop.services.office_calendar import load_calendar, save_calendar
from ui.dialogs.admin_tab import AdminTab, Save
from ui.i18n import date_text


def _time(value: QTime) -> dt.time:
    """A QTime as the core's time of day."""
    return dt.time(value.hour(), value.minute(), value.second())


class CalendarTab(AdminTab):
    """Office hours per weekday; extra holidays (cuti bersama...) and removed national ones."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = load_calendar()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()  # hours and holidays side by side: fits a 1366×768 screen at 125 %
        left = QVBoxLayout()
        left.addWidget(self._build_hours())
        left.addStretch(1)
        top.addLayout(left)
        top.addWidget(self._build_holidays(), 1)
        layout.addLayout(top, 1)
        self.add_save_row(layout, self.tr("Simpan kalender"), "calendar")
        self.shown_year: int | None = None
        self._fill_lists()

    def _build_hours(self) -> QGroupBox:
        """Office hours per weekday: open or not, from and until."""
        hours = QGroupBox(self.tr("Jam kantor"))
        grid = QGridLayout(hours)
        self.day_rows = []
        day_names = (self.tr("Senin"), self.tr("Selasa"), self.tr("Rabu"), self.tr("Kamis"),
                     self.tr("Jumat"), self.tr("Sabtu"), self.tr("Minggu"))
        for day in range(7):
            span = self.settings.office_hours.get(day)
            open_box = QCheckBox(day_names[day])
            open_box.setObjectName(f"day_open_{day}")
            start = QTimeEdit(QTime(7, 30) if span is None else QTime(span[0].hour, span[0].minute))
            end = QTimeEdit(QTime(16, 0) if span is None else QTime(span[1].hour, span[1].minute))
            for edit in (start, end):
                edit.setDisplayFormat("HH:mm")
            open_box.setChecked(span is not None)
            open_box.toggled.connect(start.setEnabled)
            open_box.toggled.connect(end.setEnabled)
            start.setEnabled(span is not None)
            end.setEnabled(span is not None)
            grid.addWidget(open_box, day, 0)
            grid.addWidget(start, day, 1)
            grid.addWidget(QLabel("–"), day, 2)
            grid.addWidget(end, day, 3)
            self.day_rows.append((open_box, start, end))
        return hours

    def _build_holidays(self) -> QGroupBox:
        """The year's days off, the extra holidays and the removed national ones."""
        # the year's days off as the office counts them: pick one to open the office on it
        self.year_label = QLabel()
        self.year_holidays = QListWidget()
        self.year_holidays.setObjectName("year_holidays")
        self.year_holidays.setToolTip(self.tr("Hari libur nasional, cuti bersama dan libur "
                                              "tambahan kantor; klik untuk memilih tanggalnya"))
        holidays = QGroupBox(self.tr("Hari libur tambahan dan libur nasional yang dihapus"))
        hl = QGridLayout(holidays)
        self.extra = QListWidget()
        self.extra.setObjectName("extra_holidays")
        self.removed = QListWidget()
        self.removed.setObjectName("removed_holidays")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("holiday_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.holiday_name = QLineEdit()
        self.holiday_name.setObjectName("holiday_name")
        self.holiday_name.setPlaceholderText(self.tr("keterangan, mis. Cuti bersama Idulfitri"))
        add_extra = QPushButton(self.tr("Tambah hari libur"))
        add_extra.setObjectName("add_extra_holiday")
        add_removed = QPushButton(self.tr("Kantor buka pada libur nasional ini"))
        add_removed.setObjectName("add_removed_holiday")
        add_removed.setToolTip(self.tr("Hapus libur nasional pada tanggal ini dari hari libur "
                                       "kantor"))
        drop = QPushButton(self.tr("Hapus dari daftar"))
        drop.setObjectName("drop_holiday")
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Tanggal")))
        form.addWidget(self.date)
        form.addWidget(self.holiday_name, 1)
        hl.addLayout(form, 0, 0, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(add_extra)
        buttons.addWidget(add_removed)
        buttons.addStretch(1)
        hl.addLayout(buttons, 1, 0, 1, 3)
        for column, (label, widget) in enumerate((
                (self.year_label, self.year_holidays),
                (QLabel(self.tr("Libur tambahan:")), self.extra),
                (QLabel(self.tr("Libur nasional yang dihapus (kantor buka):")), self.removed))):
            label.setWordWrap(True)
            hl.addWidget(label, 2, column, Qt.AlignmentFlag.AlignBottom)
            hl.addWidget(widget, 3, column)
        hl.addWidget(drop, 4, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
        hl.setColumnStretch(0, 3)
        hl.setColumnStretch(1, 2)
        hl.setColumnStretch(2, 2)
        hl.setRowStretch(3, 1)
        add_extra.clicked.connect(self._add_extra)
        add_removed.clicked.connect(self._add_removed)
        drop.clicked.connect(self._drop)
        self.date.dateChanged.connect(self._date_changed)
        self.year_holidays.itemClicked.connect(
            lambda item: self.date.setDate(QDate.fromString(item.data(Qt.ItemDataRole.UserRole),
                                                            Qt.DateFormat.ISODate)))
        return holidays

    def _fill_lists(self) -> None:
        self.extra.clear()
        for day, name in sorted(self.settings.extra_holidays.items()):
            item = QListWidgetItem(f"{date_text(day, short=True)} — {name}")
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            self.extra.addItem(item)
        self.removed.clear()
        for day in sorted(self.settings.removed_holidays):
            item = QListWidgetItem(date_text(day, short=True))
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            self.removed.addItem(item)
        self._fill_year()

    def _date_changed(self, date: QDate) -> None:
        if date.year() != self.shown_year:
            self._fill_year()

    def _fill_year(self) -> None:
        """The chosen year's days off as the calendar counts them with the edits made here."""
        year = self._chosen_date().year
        self.shown_year = year
        self.year_label.setText(self.tr("Hari libur %1:").replace("%1", str(year)))
        self.year_holidays.clear()
        days = WorkCalendar(self.settings).holidays_in(year)
        for day, name in days.items():
            item = QListWidgetItem(f"{date_text(day, short=True)} — {name}")
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            item.setToolTip(name)
            self.year_holidays.addItem(item)

    def _chosen_date(self) -> dt.date:
        day = self.date.date()
        return dt.date(day.year(), day.month(), day.day())

    def _add_extra(self) -> None:
        name = self.holiday_name.text().strip() or self.tr("Libur kantor")
        self.settings.extra_holidays[self._chosen_date()] = name
        self.holiday_name.clear()
        self._fill_lists()

    def _add_removed(self) -> None:
        self.settings.removed_holidays.add(self._chosen_date())
        self._fill_lists()

    def _drop(self) -> None:
        """Remove the selected dates from either list."""
        for widget in (self.extra, self.removed):
            for item in widget.selectedItems():
                day = dt.date.fromisoformat(item.data(Qt.ItemDataRole.UserRole))
                if widget is self.extra:
                    self.settings.extra_holidays.pop(day, None)
                else:
                    self.settings.removed_holidays.discard(day)
        self._fill_lists()

    def store(self) -> Save:
        """The save of the hours and holidays as shown (run on the worker by `commit`)."""
        hours: dict[int, tuple[dt.time, dt.time] | None] = {}
        for day, (open_box, start, end) in enumerate(self.day_rows):
            hours[day] = (_time(start.time()), _time(end.time())) if open_box.isChecked() else None
        settings = CalendarSettings(office_hours=hours, timezone=self.settings.timezone,
                                    plain_hari_mode=self.settings.plain_hari_mode,
                                    extra_holidays=dict(self.settings.extra_holidays),
                                    removed_holidays=set(self.settings.removed_holidays))
        said = self.tr("Kalender kantor disimpan.")
        self.stored = settings
        return lambda: (said, save_calendar(settings))

    def save(self) -> None:
        self.commit(self.store, self._stored)

    def _stored(self) -> None:
        self.settings = self.stored
