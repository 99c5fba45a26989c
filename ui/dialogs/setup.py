"""First run: the office profile (kop surat) and the first administrator; then the log-in dialog."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sop_desktop.errors import SopError
from sop_desktop.services import office
from sop_desktop.services.users import LoginThrottled
from ui.dialogs.office_form import OfficeProfileForm
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

    def problems(self) -> list[tuple[QLineEdit, str]]:
        """Every problem of the form at once (the core's rules), each with its field."""
        import re

        from sop_desktop.services import users as users_mod

        out: list[tuple[QLineEdit, str]] = []
        name = self.username.text().strip()
        if not users_mod._USERNAME.match(name):
            out.append((self.username, self.tr("Nama pengguna: 2–64 huruf, angka, titik, garis bawah "
                                               "atau tanda minus, diawali huruf atau angka.")))
        if not self.name.text().strip():
            out.append((self.name, self.tr("Nama lengkap wajib diisi.")))
        nip = self.nip.text().strip().replace(" ", "")
        if nip and not re.fullmatch(r"\d{18}", nip):
            out.append((self.nip, self.tr("NIP harus 18 angka (atau kosongkan).")))
        try:
            users_mod.check_password_strength(self.password.text())
        except SopError as exc:
            out.append((self.password, str(exc) + "."))
        if self.password.text() != self.password2.text():
            out.append((self.password2, self.tr("Kedua kata sandi tidak sama.")))
        return out

    def validatePage(self) -> bool:
        problems = self.problems()
        if problems:  # all of them in one go, the cursor in the first field to fix
            self.error.setText("\n".join("• " + text for _w, text in problems))
            problems[0][0].setFocus()
            problems[0][0].selectAll()
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
                    nip=self.nip.text(), positions=positions, by=None)  # the first one: free
            finally:
                QGuiApplication.restoreOverrideCursor()
        except SopError as exc:
            self.error.setText(str(exc))
            if "pengguna" in str(exc).lower():
                self.username.setFocus()
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
    """User name (the last one remembered) and password; `user` is set when accepted.

    After repeated failures the core slows log-ins down: the dialog then counts down the wait
    ("Terlalu banyak percobaan. Coba lagi dalam N detik.") with the Masuk button disabled."""

    logged_in = Signal(object)

    def __init__(self, services, last_user: str = "", parent: QWidget | None = None, *,
                 notice: str = ""):
        super().__init__(parent)
        self.services = services
        self.user = None
        self.setWindowTitle(self.tr("Masuk — SOP Desktop"))
        layout = QVBoxLayout(self)
        profile = office.load()
        heading = QLabel(f"<b>{html.escape(profile.kantor)}</b><br>{html.escape(profile.unit)}")
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setVisible(not profile.is_unset())  # no "NAMA KANTOR" placeholder at log-in
        layout.addWidget(heading)
        self.notice = QLabel(notice)
        self.notice.setObjectName("login_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff4ce; border: 1px solid #e0c060; padding: 6px")
        self.notice.setVisible(bool(notice))
        layout.addWidget(self.notice)
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
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Masuk"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # the wait is re-read from the core each second: it is the truth, also for the CLI
        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(1000)
        self.wait_timer.timeout.connect(self.update_wait)
        self.username.textChanged.connect(self._name_changed)
        (self.password if last_user else self.username).setFocus()
        self.setMinimumWidth(420)
        # height from the wrapped labels' height-for-width (a long notice must not be clipped)
        box = self.layout()
        self.resize(420, box.heightForWidth(420) if notice and box is not None else 0)
        if last_user:
            self.update_wait()

    def try_login(self) -> None:
        if not self.ok_button.isEnabled():  # Enter pressed while the wait runs
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.user = self.services.users.authenticate(self.username.text(), self.password.text())
        except LoginThrottled as exc:
            self.password.clear()
            self.error.setText(str(exc))
            self._start_wait()
            return
        except SopError as exc:
            self.error.setText(str(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.wait_timer.stop()
        self.logged_in.emit(self.user)
        self.accept()

    def _start_wait(self) -> None:
        self.ok_button.setEnabled(False)
        self.wait_timer.start()

    def _name_changed(self) -> None:
        self.update_wait()  # one indexed lookup per keystroke: each name has its own wait

    def update_wait(self) -> int:
        """Show the seconds left for the typed name; the button comes back at zero."""
        try:
            seconds = self.services.users.login_wait(self.username.text())
        except SopError:
            seconds = 0
        if seconds > 0:
            self.ok_button.setEnabled(False)
            self.error.setText(self.tr("Terlalu banyak percobaan. Coba lagi dalam %1 detik.")
                               .replace("%1", str(seconds)))
            if not self.wait_timer.isActive():
                self.wait_timer.start()
        else:
            if self.wait_timer.isActive() or not self.ok_button.isEnabled():
                self.error.setText("")
            self.wait_timer.stop()
            self.ok_button.setEnabled(True)
        return seconds

    def done(self, result: int) -> None:
        self.wait_timer.stop()
        super().done(result)
