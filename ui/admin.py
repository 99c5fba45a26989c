"""Administration (administrators only): users and their positions, positions and aliases,
office hours and holidays, numbering patterns, the office profile.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QSplitter, QTableView,
                               QTabWidget, QTimeEdit, QVBoxLayout, QWidget)

from sop_desktop import numbering
from sop_desktop.calendar import WEEKDAY_NAMES, CalendarSettings
from sop_desktop.errors import SopError
from sop_desktop.users import ROLE_LABELS, ROLES
from ui.models import ListTableModel
from ui.office_form import OfficeProfileForm
from ui.screen import fit_size


def _message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def _show(label: QLabel, text: str, ok: bool) -> None:
    label.setStyleSheet("color: #1c6b2f" if ok else "color: #b00020")
    label.setText(text)


class UsersTab(QWidget):
    """Users: add one, change role/active, reset the password, choose the positions held."""

    changed = Signal(object)

    def __init__(self, services, admin, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.admin = admin
        users = services.users
        self.model = ListTableModel([
            (self.tr("Nama pengguna"), lambda u: u.username),
            (self.tr("Nama"), lambda u: u.name),
            (self.tr("Peran"), lambda u: ROLE_LABELS.get(u.role, u.role)),
            (self.tr("Jabatan"), lambda u: ", ".join(users.position_names(u))),
            (self.tr("Aktif"), lambda u: self.tr("ya") if u.active else self.tr("tidak")),
        ], self)
        self.model.setObjectName("users_model")
        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableView()
        self.table.setObjectName("users_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        splitter.addWidget(self.table)
        right = QWidget()
        rl = QVBoxLayout(right)
        box = QGroupBox(self.tr("Pengguna"))
        form = QFormLayout(box)
        self.username = QLineEdit()
        self.username.setObjectName("user_username")
        self.name = QLineEdit()
        self.name.setObjectName("user_name")
        self.nip = QLineEdit()
        self.nip.setObjectName("user_nip")
        self.role = QComboBox()
        self.role.setObjectName("user_role")
        for role in ROLES:
            self.role.addItem(ROLE_LABELS.get(role, role), role)
        self.active = QCheckBox(self.tr("Aktif"))
        self.active.setChecked(True)
        self.password = QLineEdit()
        self.password.setObjectName("user_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("minimal 8 karakter; kosong: tidak diubah"))
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Nama lengkap"), self.name)
        form.addRow(self.tr("NIP"), self.nip)
        form.addRow(self.tr("Peran"), self.role)
        form.addRow("", self.active)
        form.addRow(self.tr("Kata sandi"), self.password)
        rl.addWidget(box)
        rl.addWidget(QLabel(self.tr("Jabatan yang dipegang:")))
        self.positions = QListWidget()
        self.positions.setObjectName("user_positions")
        rl.addWidget(self.positions, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Baru"))
        self.new_button.setObjectName("user_new")
        self.save_button = QPushButton(self.tr("Simpan pengguna"))
        self.save_button.setObjectName("user_save")
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        rl.addLayout(buttons)
        self.message = _message_label("user_message")
        rl.addWidget(self.message)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter)
        self.new_button.clicked.connect(self.clear_form)
        self.save_button.clicked.connect(self.save)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.reload()
        self.clear_form()

    def reload(self) -> None:
        self.model.set_rows(self.services.users.list())
        self.table.resizeColumnsToContents()

    def _fill_positions(self, held: set[str]) -> None:
        self.positions.clear()
        for pos in self.services.positions.all():
            if pos.external and pos.name not in held:
                continue  # nobody in the office holds an outside party's position
            item = QListWidgetItem(pos.name + (self.tr(" (luar kantor)") if pos.external else ""))
            item.setData(Qt.ItemDataRole.UserRole, pos.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if pos.name in held else Qt.CheckState.Unchecked)
            self.positions.addItem(item)

    def clear_form(self) -> None:
        self.editing = None
        self.table.clearSelection()
        for edit in (self.username, self.name, self.nip, self.password):
            edit.clear()
        self.username.setReadOnly(False)
        self.role.setCurrentIndex(max(0, self.role.findData("pejabat")))
        self.active.setChecked(True)
        self._fill_positions(set())
        self.message.clear()

    def _row_changed(self, current, _previous) -> None:
        user = self.model.row_object(current.row()) if current.isValid() else None
        if user is None:
            return
        self.editing = user
        self.username.setText(user.username)
        self.username.setReadOnly(True)
        self.name.setText(user.name)
        self.nip.setText(user.nip)
        self.role.setCurrentIndex(max(0, self.role.findData(user.role)))
        self.active.setChecked(bool(user.active))
        self.password.clear()
        self._fill_positions(set(self.services.users.position_names(user)))
        self.message.clear()

    def checked_positions(self) -> list[str]:
        out = []
        for i in range(self.positions.count()):
            item = self.positions.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def save(self) -> None:
        users = self.services.users
        try:
            if self.editing is None:
                user = users.create(self.username.text(), self.name.text(), self.password.text(),
                                    str(self.role.currentData()), nip=self.nip.text(),
                                    positions=self.checked_positions())
                if not self.active.isChecked():
                    users.update(user, active=False)
                text = self.tr("Pengguna %1 ditambahkan.").replace("%1", user.username)
            else:
                user = self.editing
                if user.id == self.admin.id and (self.role.currentData() != "administrator"
                                                 or not self.active.isChecked()):
                    _show(self.message, self.tr("Anda tidak dapat mencabut peran administrator "
                                                "atau menonaktifkan akun Anda sendiri."), False)
                    return
                users.update(user, name=self.name.text(), nip=self.nip.text(),
                             role=str(self.role.currentData()), active=self.active.isChecked())
                users.set_positions(user, self.checked_positions())
                if self.password.text():
                    users.reset_password(self.admin, user, self.password.text())
                text = self.tr("Pengguna %1 disimpan.").replace("%1", user.username)
        except SopError as exc:
            _show(self.message, str(exc), False)
            return
        self.reload()
        self.clear_form()
        _show(self.message, text, True)
        self.changed.emit({"users": True, "positions": True, "cases": "all"})


class PositionsTab(QWidget):
    """Positions (jabatan) and the lane names (aliases) that mean them."""

    changed = Signal(object)

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.model = ListTableModel([
            (self.tr("Jabatan"), lambda p: p.name),
            (self.tr("Alias (nama pelaksana di SOP)"), lambda p: "; ".join(p.aliases)),
            (self.tr("Luar kantor"), lambda p: self.tr("ya") if p.external else ""),
            (self.tr("Pelaksana SOP"), lambda p: len(p.lanes)),
        ], self)
        layout = QVBoxLayout(self)
        self.table = QTableView()
        self.table.setObjectName("positions_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("position_name")
        self.aliases = QLineEdit()
        self.aliases.setObjectName("position_aliases")
        self.aliases.setPlaceholderText(self.tr("pisahkan dengan titik koma, mis. Kakanwil; Ka.Kanwil"))
        self.external = QCheckBox(self.tr("Di luar kantor (masyarakat, pemohon, instansi lain)"))
        form.addRow(self.tr("Nama jabatan"), self.name)
        form.addRow(self.tr("Alias"), self.aliases)
        form.addRow("", self.external)
        layout.addLayout(form)
        row = QHBoxLayout()
        new = QPushButton(self.tr("Baru"))
        save = QPushButton(self.tr("Simpan jabatan"))
        save.setObjectName("position_save")
        row.addWidget(new)
        row.addStretch(1)
        row.addWidget(save)
        layout.addLayout(row)
        self.message = _message_label("position_message")
        layout.addWidget(self.message)
        self.old_name = None
        new.clicked.connect(self.clear_form)
        save.clicked.connect(self.save)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.services.positions.listing(self.services.sops.latest_all()))
        self.table.resizeColumnToContents(0)

    def clear_form(self) -> None:
        self.old_name = None
        self.table.clearSelection()
        self.name.clear()
        self.aliases.clear()
        self.external.setChecked(False)

    def _row_changed(self, current, _previous) -> None:
        info = self.model.row_object(current.row()) if current.isValid() else None
        if info is None:
            return
        self.old_name = info.name
        self.name.setText(info.name)
        self.aliases.setText("; ".join(info.aliases))
        self.external.setChecked(info.external)

    def save(self) -> None:
        aliases = [a.strip() for a in self.aliases.text().replace(",", ";").split(";")]
        try:
            pos = self.services.positions.save(self.name.text(), aliases, self.external.isChecked(),
                                               old_name=self.old_name)
        except SopError as exc:
            _show(self.message, str(exc), False)
            return
        self.reload()
        self.clear_form()
        _show(self.message, self.tr("Jabatan %1 disimpan.").replace("%1", pos.name), True)
        self.changed.emit({"positions": True, "cases": "all"})


class CalendarTab(QWidget):
    """Office hours per weekday; extra holidays (cuti bersama...) and removed national ones."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = CalendarSettings.load()
        layout = QVBoxLayout(self)
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
        grid.setColumnStretch(4, 1)
        layout.addWidget(hours)
        holidays = QGroupBox(self.tr("Hari libur tambahan (mis. cuti bersama) dan libur nasional "
                                     "yang dihapus"))
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
        add_removed = QPushButton(self.tr("Hapus libur nasional pada tanggal ini"))
        drop = QPushButton(self.tr("Hapus dari daftar"))
        hl.addWidget(QLabel(self.tr("Tanggal")), 0, 0)
        hl.addWidget(self.date, 0, 1)
        hl.addWidget(self.holiday_name, 0, 2)
        hl.addWidget(add_extra, 1, 1)
        hl.addWidget(add_removed, 1, 2)
        hl.addWidget(QLabel(self.tr("Libur tambahan:")), 2, 0, 1, 2)
        hl.addWidget(QLabel(self.tr("Libur nasional yang dihapus (kantor buka):")), 2, 2)
        hl.addWidget(self.extra, 3, 0, 1, 2)
        hl.addWidget(self.removed, 3, 2)
        hl.addWidget(drop, 4, 0)
        hl.setColumnStretch(1, 1)
        hl.setColumnStretch(2, 2)
        layout.addWidget(holidays, 1)
        save = QPushButton(self.tr("Simpan kalender"))
        save.setObjectName("calendar_save")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        layout.addLayout(row)
        self.message = _message_label("calendar_message")
        layout.addWidget(self.message)
        add_extra.clicked.connect(self._add_extra)
        add_removed.clicked.connect(self._add_removed)
        drop.clicked.connect(self._drop)
        save.clicked.connect(self.save)
        self._fill_lists()

    def _fill_lists(self) -> None:
        self.extra.clear()
        for day, name in sorted(self.settings.extra_holidays.items()):
            item = QListWidgetItem(f"{day.strftime('%d-%m-%Y')} {name}")
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            self.extra.addItem(item)
        self.removed.clear()
        for day in sorted(self.settings.removed_holidays):
            item = QListWidgetItem(day.strftime("%d-%m-%Y"))
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            self.removed.addItem(item)

    def _chosen_date(self) -> dt.date:
        return self.date.date().toPython()

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

    def save(self) -> None:
        hours = {}
        for day, (open_box, start, end) in enumerate(self.day_rows):
            hours[day] = (start.time().toPython(), end.time().toPython()) if open_box.isChecked() else None
        try:
            settings = CalendarSettings(office_hours=hours, timezone=self.settings.timezone,
                                        plain_hari_mode=self.settings.plain_hari_mode,
                                        extra_holidays=dict(self.settings.extra_holidays),
                                        removed_holidays=set(self.settings.removed_holidays))
            settings.save()
        except (ValueError, SopError) as exc:
            _show(self.message, str(exc), False)
            return
        self.settings = settings
        _show(self.message, self.tr("Kalender kantor disimpan."), True)
        self.changed.emit({"calendar": True, "cases": "all"})


class NumberingTab(QWidget):
    """The agenda number pattern and each SOP's short code in it."""

    changed = Signal(object)

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.pattern = QLineEdit(numbering.agenda_pattern())
        self.pattern.setObjectName("agenda_pattern")
        self.preview = QLabel()
        self.preview.setObjectName("agenda_preview")
        form.addRow(self.tr("Pola nomor agenda"), self.pattern)
        form.addRow(self.tr("Contoh"), self.preview)
        layout.addLayout(form)
        help_text = QLabel(self.tr("Isian yang dapat dipakai: {nomor} (wajib; {nomor:04d} untuk "
                                   "0001), {kode}, {bulan_romawi}, {bulan}, {tahun}, {sop}."))
        help_text.setWordWrap(True)
        layout.addWidget(help_text)
        codes = QGroupBox(self.tr("Kode SOP dalam nomor agenda"))
        cl = QFormLayout(codes)
        self.sop = QComboBox()
        self.sop.setObjectName("kode_sop")
        for defn in services.sops.latest_all():
            self.sop.addItem(defn.name, defn.code)
        self.kode = QLineEdit()
        self.kode.setObjectName("kode_value")
        cl.addRow(self.tr("SOP"), self.sop)
        cl.addRow(self.tr("Kode"), self.kode)
        layout.addWidget(codes)
        save = QPushButton(self.tr("Simpan penomoran"))
        save.setObjectName("numbering_save")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        layout.addLayout(row)
        self.message = _message_label("numbering_message")
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.pattern.textChanged.connect(self._update_preview)
        self.kode.textChanged.connect(self._update_preview)
        self.sop.currentIndexChanged.connect(self._sop_changed)
        save.clicked.connect(self.save)
        self._sop_changed()

    def _sop_changed(self) -> None:
        code = self.sop.currentData()
        self.kode.setText(numbering.sop_kode(code) if code else "")
        self._update_preview()

    def _update_preview(self) -> None:
        pattern = self.pattern.text()
        try:
            numbering.validate_pattern(pattern)
            text = numbering.format_number(pattern, 1, self.kode.text().strip() or "KODE",
                                           dt.date.today(), sop=str(self.sop.currentData() or ""))
            self.preview.setStyleSheet("")
        except SopError as exc:
            text = str(exc)
            self.preview.setStyleSheet("color: #b00020")
        self.preview.setText(text)

    def save(self) -> None:
        try:
            numbering.set_agenda_pattern(self.pattern.text().strip())
            code = self.sop.currentData()
            if code and self.kode.text().strip():
                numbering.set_sop_kode(code, self.kode.text())
        except SopError as exc:
            _show(self.message, str(exc), False)
            return
        _show(self.message, self.tr("Penomoran disimpan; berlaku untuk kasus baru."), True)
        self.changed.emit({"numbering": True})


class OfficeTab(QWidget):
    """The office profile (kop surat)."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from sop_desktop import office

        layout = QVBoxLayout(self)
        self.form = OfficeProfileForm()
        self.form.set_profile(office.load())
        layout.addWidget(self.form, 1)
        save = QPushButton(self.tr("Simpan profil kantor"))
        save.setObjectName("office_save")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        layout.addLayout(row)
        self.message = _message_label("office_message")
        layout.addWidget(self.message)
        save.clicked.connect(self.save)

    def save(self) -> None:
        if not self.form.validate():
            return
        try:
            self.form.save()
        except SopError as exc:
            _show(self.message, str(exc), False)
            return
        _show(self.message, self.tr("Profil kantor disimpan."), True)
        self.changed.emit({"office": True})


class AdminDialog(QDialog):
    """The administration window; every save emits `data_changed` for the main window."""

    data_changed = Signal(object)

    def __init__(self, services, admin, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Administrasi"))
        fit_size(self, 980, 640)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.users = UsersTab(services, admin)
        self.positions = PositionsTab(services)
        self.calendar = CalendarTab()
        self.numbering = NumberingTab(services)
        self.office = OfficeTab()
        self.tabs.addTab(self.users, self.tr("Pengguna"))
        self.tabs.addTab(self.positions, self.tr("Jabatan"))
        self.tabs.addTab(self.calendar, self.tr("Jam kantor dan hari libur"))
        self.tabs.addTab(self.numbering, self.tr("Penomoran"))
        self.tabs.addTab(self.office, self.tr("Profil kantor"))
        layout.addWidget(self.tabs)
        for tab in (self.users, self.positions, self.calendar, self.numbering, self.office):
            tab.changed.connect(self.data_changed)
        self.positions.changed.connect(lambda _c: self.users.reload())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
