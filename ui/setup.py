"""First run: the office profile (kop surat) and the first administrator; then the log-in dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QVBoxLayout, QWidget, QWizard, QWizardPage)

from sop_desktop import office
from sop_desktop.errors import SopError
from ui.office_form import OfficeProfileForm
from ui.screen import fit_size


def needs_setup(services) -> bool:
    """True until the first user exists (the very first start of an office)."""
    return not services.users.list()


class OfficePage(QWizardPage):
    """Page 1: the office profile printed on letters and reports."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Profil kantor"))
        self.setSubTitle(self.tr("Data ini dicetak pada kop surat dan laporan. Dapat diubah "
                                 "kemudian di menu Administrasi."))
        layout = QVBoxLayout(self)
        self.form = OfficeProfileForm()
        layout.addWidget(self.form)
        self.form.changed.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return not self.form.missing()

    def validatePage(self) -> bool:
        return self.form.validate()


class AdminPage(QWizardPage):
    """Page 2: the first administrator (who then adds the other users)."""

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.setTitle(self.tr("Administrator pertama"))
        self.setSubTitle(self.tr("Administrator menambah pengguna lain dan mengatur jabatan."))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("admin_username")
        self.name = QLineEdit()
        self.name.setObjectName("admin_name")
        self.nip = QLineEdit()
        self.nip.setObjectName("admin_nip")
        self.nip.setPlaceholderText(self.tr("18 angka (boleh kosong)"))
        self.position = QComboBox()
        self.position.setObjectName("admin_position")
        self.position.addItem(self.tr("(tanpa jabatan)"), None)
        for pos in services.positions.all():
            if not pos.external:
                self.position.addItem(pos.name, pos.name)
        self.password = QLineEdit()
        self.password.setObjectName("admin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setObjectName("admin_password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Nama pengguna *"), self.username)
        form.addRow(self.tr("Nama lengkap *"), self.name)
        form.addRow(self.tr("NIP"), self.nip)
        form.addRow(self.tr("Jabatan"), self.position)
        form.addRow(self.tr("Kata sandi *"), self.password)
        form.addRow(self.tr("Ulangi kata sandi *"), self.password2)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("admin_error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addStretch(1)
        for edit in (self.username, self.name, self.password, self.password2):
            edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return all(e.text().strip() for e in (self.username, self.name, self.password, self.password2))

    def validatePage(self) -> bool:
        if self.password.text() != self.password2.text():
            self.error.setText(self.tr("Kedua kata sandi tidak sama."))
            return False
        wizard = self.wizard()
        try:
            if isinstance(wizard, SetupWizard):
                wizard.office_page.form.save()
            positions = [self.position.currentData()] if self.position.currentData() else []
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                user = self.services.users.create(
                    self.username.text(), self.name.text(), self.password.text(), "administrator",
                    nip=self.nip.text(), positions=positions)
            finally:
                QGuiApplication.restoreOverrideCursor()
        except SopError as exc:
            self.error.setText(str(exc))
            return False
        self.error.setText("")
        if isinstance(wizard, SetupWizard):
            wizard.created_user = user
        return True


class SetupWizard(QWizard):
    """The first-run setup; `created_user` is the administrator once it finished."""

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.created_user = None
        self.setWindowTitle(self.tr("Penyiapan SOP Desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Lanjut >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Kembali"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Selesai"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.office_page = OfficePage()
        self.office_page.form.set_profile(office.load())
        self.admin_page = AdminPage(services)
        self.addPage(self.office_page)
        self.addPage(self.admin_page)
        fit_size(self, 620, 520)


class LoginDialog(QDialog):
    """User name (the last one remembered) and password; `user` is set when accepted."""

    logged_in = Signal(object)

    def __init__(self, services, last_user: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.user = None
        self.setWindowTitle(self.tr("Masuk — SOP Desktop"))
        layout = QVBoxLayout(self)
        profile = office.load()
        heading = QLabel(f"<b>{profile.kantor}</b><br>{profile.unit}")
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        form = QFormLayout()
        self.username = QLineEdit(last_user)
        self.username.setObjectName("login_username")
        self.password = QLineEdit()
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Nama pengguna:"), self.username)
        form.addRow(self.tr("Kata sandi:"), self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("login_error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Masuk"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if last_user else self.username).setFocus()
        self.resize(380, 0)

    def try_login(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.user = self.services.users.authenticate(self.username.text(), self.password.text())
        except SopError as exc:
            self.error.setText(str(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.logged_in.emit(self.user)
        self.accept()
