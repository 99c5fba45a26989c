"""Administration (administrators only): users and their positions, positions and aliases,
office hours and holidays, numbering patterns, the office profile.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sop_desktop.errors import SopError
from sop_desktop.services import numbering
from sop_desktop.services.changes import Changes
from sop_desktop.services.users import ROLE_LABELS, ROLES
from ui.dialogs.admin_calendar import CalendarTab
from ui.dialogs.admin_tab import AdminTab, Save
from ui.dialogs.office_form import OfficeProfileForm, store_profile
from ui.screen import compact_rows, fit_columns, fit_size
from ui.widgets.models import ListTableModel

ROLE_TEXT = {"administrator": QT_TRANSLATE_NOOP("AdminTab", "Administrator"),
             "operator": QT_TRANSLATE_NOOP("AdminTab", "Operator"),
             "pejabat": QT_TRANSLATE_NOOP("AdminTab", "Pejabat")}


def role_label(role: str) -> str:
    """A role's name in the interface language (the core's label when it is a new role)."""
    text = ROLE_TEXT.get(role)
    return QCoreApplication.translate("AdminTab", str(text)) if text else ROLE_LABELS.get(role, role)


def _header_width(widget: QWidget, text: str) -> int:
    return widget.fontMetrics().horizontalAdvance(text) + 28


class RecordEditor(AdminTab):
    """A table of records beside (or above) the form that edits the chosen one, with Baru and
    Simpan: the users editor and the positions editor are both this.

    Subclasses give the columns (`set_columns`) and: `records()`, `load(record)` into the form,
    `clear_fields()`, and `store()` that saves the form (returns the success text)."""

    def __init__(self, name: str, orientation: Qt.Orientation, parent: QWidget | None = None):
        super().__init__(parent)
        self.editing = None  # the record shown in the form; None: a new one
        self.model = ListTableModel([], self)
        self.model.setObjectName(f"{name}_model")
        self.table = QTableView()
        self.table.setObjectName(f"{name}_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)  # one line per record; the tooltip shows a cut cell whole
        compact_rows(self.table)
        self.panel = QWidget()
        self.panel_layout = QVBoxLayout(self.panel)
        self.panel_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(orientation)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2 if orientation == Qt.Orientation.Horizontal else 0)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.new_button = QPushButton(self.tr("Baru"))
        self.new_button.setObjectName(f"{name}_new")
        self.new_button.clicked.connect(self.clear_form)
        self.name_prefix = name
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

    def set_columns(self, columns, specs) -> None:
        """The table's (header, getter) pairs and their (preferred, minimum, grow) widths."""
        self.model.set_columns(columns)
        self.fitter = fit_columns(self.table, specs)

    def finish_panel(self, save_text: str, name: str) -> None:
        """Close the form panel with [Baru … Simpan] and the message line."""
        self.save_button = self.add_save_row(self.panel_layout, save_text, name, [self.new_button])

    def reload(self) -> None:
        self.model.set_rows(self.records())

    def clear_form(self) -> None:
        self.editing = None
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.clear_fields()
        self.message.clear()

    def _row_changed(self, current, _previous) -> None:
        record = self.model.row_object(current.row()) if current.isValid() else None
        if record is None:
            return
        self.editing = record
        self.load(record)
        self.message.clear()

    def after_commit(self) -> None:
        self.reload()
        self.clear_form()

    def records(self) -> list:  # pragma: no cover - abstract
        raise NotImplementedError

    def load(self, record) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def clear_fields(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class UsersTab(RecordEditor):
    """Users: add one, change role/active, reset the password, choose the positions held."""

    def __init__(self, services, admin, parent: QWidget | None = None):
        super().__init__("users", Qt.Orientation.Horizontal, parent)
        self.services = services
        self.admin = admin
        users = services.users
        columns = [
            (self.tr("Nama pengguna"), lambda u: u.username),
            (self.tr("Nama"), lambda u: u.name),
            (self.tr("Peran"), lambda u: role_label(u.role)),
            (self.tr("Jabatan"), lambda u: ", ".join(users.position_names(u))),
            (self.tr("Aktif"), lambda u: self.tr("ya") if u.active else self.tr("tidak")),
        ]
        role = max(_header_width(self, role_label(r)) for r in ROLES)
        active = max(_header_width(self, t) for t in (self.tr("Aktif"), self.tr("tidak")))
        self.set_columns(columns, [(150, 100, 1), (170, 110, 1), (role, role, 0), (220, 110, 2),
                                   (active, active, 0)])
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
        for key in ROLES:
            self.role.addItem(role_label(key), key)
        self.active = QCheckBox(self.tr("Aktif"))
        self.active.setChecked(True)
        self.password = QLineEdit()
        self.password.setObjectName("user_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setToolTip(self.tr("Minimal 8 karakter. Untuk pengguna yang sudah ada, "
                                         "biarkan kosong agar kata sandinya tidak diubah."))
        form.addRow(self.tr("Nama pengguna"), self.username)
        form.addRow(self.tr("Nama lengkap"), self.name)
        form.addRow(self.tr("NIP"), self.nip)
        form.addRow(self.tr("Peran"), self.role)
        form.addRow("", self.active)
        form.addRow(self.tr("Kata sandi"), self.password)
        self.panel_layout.addWidget(box)
        self.panel_layout.addWidget(QLabel(self.tr("Jabatan yang dipegang:")))
        self.positions = QListWidget()
        self.positions.setObjectName("user_positions")
        self.positions.setWordWrap(True)
        self.positions.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap on resize
        self.panel_layout.addWidget(self.positions, 1)
        self.finish_panel(self.tr("Simpan pengguna"), "user")
        self.reload()
        self.clear_form()

    def records(self) -> list:
        return self.services.users.list()

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

    def clear_fields(self) -> None:
        for edit in (self.username, self.name, self.nip, self.password):
            edit.clear()
        self.username.setReadOnly(False)
        self.password.setPlaceholderText(self.tr("minimal 8 karakter"))
        self.role.setCurrentIndex(max(0, self.role.findData("pejabat")))
        self.active.setChecked(True)
        self._fill_positions(set())

    def load(self, user) -> None:
        self.username.setText(user.username)
        self.username.setReadOnly(True)
        self.name.setText(user.name)
        self.nip.setText(user.nip)
        self.role.setCurrentIndex(max(0, self.role.findData(user.role)))
        self.active.setChecked(bool(user.active))
        self.password.clear()
        self.password.setPlaceholderText(self.tr("kosong: tidak diubah"))
        self._fill_positions(set(self.services.users.position_names(user)))

    def checked_positions(self) -> list[str]:
        out = []
        for i in range(self.positions.count()):
            item = self.positions.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def store(self) -> Save:
        """The save of the form as it is now (run on the worker by `commit`)."""
        users, admin, editing = self.services.users, self.admin, self.editing
        fields = {"username": self.username.text(), "name": self.name.text(),
                  "nip": self.nip.text(), "role": str(self.role.currentData()),
                  "active": self.active.isChecked(), "password": self.password.text(),
                  "positions": self.checked_positions()}
        said = (self.tr("Pengguna %1 ditambahkan.") if editing is None
                else self.tr("Pengguna %1 disimpan."))

        def work() -> tuple[str, Changes]:
            saved = users.save_account(admin, editing, **fields)
            return said.replace("%1", saved.value.username), saved.changes
        return work

    def save(self) -> None:
        self.commit(self.store)


class PositionsTab(RecordEditor):
    """Positions (jabatan) and the lane names (aliases) that mean them."""

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__("positions", Qt.Orientation.Vertical, parent)
        self.services = services
        columns = [
            (self.tr("Jabatan"), lambda p: p.name),
            (self.tr("Alias (nama pelaksana di SOP)"), lambda p: "; ".join(p.aliases)),
            (self.tr("Luar kantor"), lambda p: self.tr("ya") if p.external else ""),
            (self.tr("Pelaksana SOP"), lambda p: len(p.lanes),
             lambda p: "\n".join(f"{lane['sop']}: {lane['lane']}" for lane in p.lanes)),
        ]
        narrow = [_header_width(self, str(columns[c][0])) for c in (2, 3)]
        self.set_columns(columns, [(280, 160, 2), (300, 150, 3), (narrow[0],) * 2 + (0,),
                                   (narrow[1],) * 2 + (0,)])
        self.model.header_tips = {3: self.tr("Berapa pelaksana (kolom) SOP yang berarti jabatan ini")}
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
        self.panel_layout.addLayout(form)
        self.finish_panel(self.tr("Simpan jabatan"), "position")
        self.reload()

    @property
    def old_name(self) -> str | None:
        return self.editing.name if self.editing is not None else None

    def records(self) -> list:
        return self.services.positions.listing(self.services.sops.latest_all())

    def clear_fields(self) -> None:
        self.name.clear()
        self.aliases.clear()
        self.external.setChecked(False)

    def load(self, info) -> None:
        self.name.setText(info.name)
        self.aliases.setText("; ".join(info.aliases))
        self.external.setChecked(info.external)

    def store(self) -> Save:
        """The save of the form as it is now (run on the worker by `commit`)."""
        aliases = [a.strip() for a in self.aliases.text().replace(",", ";").split(";")]
        positions, name, external = self.services.positions, self.name.text(), \
            self.external.isChecked()
        old_name, said = self.old_name, self.tr("Jabatan %1 disimpan.")

        def work() -> tuple[str, Changes]:
            saved = positions.save(name, aliases, external, old_name=old_name)
            return said.replace("%1", saved.value.name), saved.changes
        return work

    def save(self) -> None:
        self.commit(self.store)


class NumberingTab(AdminTab):
    """The agenda number pattern and each SOP's short code in it."""

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.pattern = QLineEdit(numbering.agenda_pattern())
        self.pattern.setObjectName("agenda_pattern")
        self.preview = QLabel()
        self.preview.setObjectName("agenda_preview")
        self.preview.setWordWrap(True)
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
        for defn in sorted(services.sops.latest_all(), key=lambda d: d.name.casefold()):
            self.sop.addItem(defn.name, defn.code)
        self.kode = QLineEdit()
        self.kode.setObjectName("kode_value")
        cl.addRow(self.tr("SOP"), self.sop)
        cl.addRow(self.tr("Kode"), self.kode)
        layout.addWidget(codes)
        self.add_save_row(layout, self.tr("Simpan penomoran"), "numbering")
        layout.addStretch(1)
        self.pattern.textChanged.connect(self._update_preview)
        self.kode.textChanged.connect(self._update_preview)
        self.sop.currentIndexChanged.connect(self._sop_changed)
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

    def store(self) -> Save:
        """The save of the form as it is now (run on the worker by `commit`)."""
        pattern, code, kode = self.pattern.text(), self.sop.currentData(), self.kode.text()
        said = self.tr("Penomoran disimpan; berlaku untuk kasus baru.")
        return lambda: (said, numbering.save_numbering(pattern, code, kode))

    def save(self) -> None:
        self.commit(self.store)


class OfficeTab(AdminTab):
    """The office profile (kop surat)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from sop_desktop.services import office

        layout = QVBoxLayout(self)
        self.form = OfficeProfileForm()
        self.form.set_profile(office.load())
        layout.addWidget(self.form, 1)
        self.add_save_row(layout, self.tr("Simpan profil kantor"), "office")

    def store(self) -> Save:
        """The save of the profile as typed (the logo copied in on the worker too)."""
        profile, said = self.form.profile(), self.tr("Profil kantor disimpan.")
        self.stored = profile

        def work() -> tuple[str, Changes]:
            return said, store_profile(profile)
        return work

    def save(self) -> None:
        if self.form.validate():  # the form names what is missing beside its fields
            self.commit(self.store, lambda: self.form.set_profile(self.stored))


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
        from sop_desktop.services.users import admin_refusal

        self.refusal = admin_refusal(admin, "kelola_pengguna")
        if self.refusal is not None:  # opened by someone else than an administrator: read only
            note = QLabel(self.refusal)
            note.setObjectName("admin_refusal")
            note.setWordWrap(True)
            layout.insertWidget(0, note)
            self.tabs.setEnabled(False)
        for tab in (self.users, self.positions, self.calendar, self.numbering, self.office):
            tab.changed.connect(self.data_changed)
        self.positions.changed.connect(lambda _c: self.users.reload())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        from ui.widgets.unsaved import UnsavedGuard

        pages = ((self.tabs.widget(i), self.tabs.tabText(i)) for i in range(self.tabs.count()))
        self.guard = UnsavedGuard(self, {page: text for page, text in pages if page is not None})

    def reject(self) -> None:
        """Close (Tutup, Esc, the window's ✕: QDialog routes it here), asking first about
        unsaved edits."""
        if not self.guard.should_wait():
            super().reject()

