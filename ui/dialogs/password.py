"""Change one's own password, or (administrators) reset another user's, with the messages
next to the fields they are about."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from sop_desktop.errors import PermissionDenied, SopError, ValidationError
from sop_desktop.services.users import MIN_PASSWORD_LENGTH

ERROR_STYLE = "color: #b00020"


class _FieldWithMessage(QWidget):
    """A password field with its own message line under it."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setObjectName(name)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName(f"{name}_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class PasswordDialog(QDialog):
    """The common form: optionally the old password, then the new one twice.

    Subclasses say what saving means (`_save`). `password_changed` carries the user."""

    password_changed = Signal(object)

    def __init__(self, services, user, ask_old: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.user = user
        self.setObjectName("password_dialog")
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        form = QFormLayout()
        self.old = _FieldWithMessage("old_password") if ask_old else None
        if self.old is not None:
            form.addRow(self.tr("Kata sandi lama:"), self.old)
        self.new = _FieldWithMessage("new_password")
        self.new.edit.setPlaceholderText(self.tr("minimal %1 karakter")
                                         .replace("%1", str(MIN_PASSWORD_LENGTH)))
        self.repeat = _FieldWithMessage("repeat_password")
        form.addRow(self.tr("Kata sandi baru:"), self.new)
        form.addRow(self.tr("Ulangi kata sandi baru:"), self.repeat)
        layout.addLayout(form)
        self.error = QLabel()  # what concerns no single field (e.g. not allowed)
        self.error.setObjectName("password_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for field in self._fields():
            field.edit.textChanged.connect(self.validate)
        self._fields()[0].edit.setFocus()
        self.setMinimumWidth(420)
        self.validate()

    def _fields(self) -> list[_FieldWithMessage]:
        return [f for f in (self.old, self.new, self.repeat) if f is not None]

    def validate(self) -> bool:
        """Check as the user types; messages appear only for fields already typed in."""
        new, repeat = self.new.edit.text(), self.repeat.edit.text()
        ok = True
        if self.old is not None:
            self.old.set_message("")
            ok &= bool(self.old.edit.text())
        if len(new) < MIN_PASSWORD_LENGTH:
            self.new.set_message(self.tr("Kata sandi minimal %1 karakter.")
                                 .replace("%1", str(MIN_PASSWORD_LENGTH)) if new else "")
            ok = False
        elif self.old is not None and new == self.old.edit.text():
            self.new.set_message(self.tr("Kata sandi baru harus berbeda dari kata sandi lama."))
            ok = False
        else:
            self.new.set_message("")
        if repeat and repeat != new:
            self.repeat.set_message(self.tr("Kedua kata sandi baru tidak sama."))
            ok = False
        else:
            self.repeat.set_message("")
            ok &= bool(repeat)
        self.ok_button.setEnabled(ok)
        return ok

    def save(self) -> None:
        if not self.validate():
            return
        self.error.setText("")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._save(self.new.edit.text())
        except ValidationError as exc:
            self.new.set_message(str(exc))
            return
        except PermissionDenied as exc:
            self._refused(str(exc))
            return
        except SopError as exc:
            self.error.setText(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        for field in self._fields():
            field.edit.clear()  # no password stays in a widget longer than needed
        self.password_changed.emit(self.user)
        self.accept()

    def _refused(self, message: str) -> None:
        self.error.setText(message)

    def _save(self, new: str) -> None:  # pragma: no cover - every dialog below defines it
        raise NotImplementedError


class ChangePasswordDialog(PasswordDialog):
    """The signed-in user changes their own password (the old one is asked)."""

    def __init__(self, services, user, parent: QWidget | None = None):
        super().__init__(services, user, True, parent)
        self.setWindowTitle(self.tr("Ganti kata sandi"))
        self.heading.setText(self.tr("Ganti kata sandi untuk %1 (%2).")
                             .replace("%1", user.name).replace("%2", user.username))

    def _save(self, new: str) -> None:
        self.services.users.change_password(self.user, self.old.edit.text(), new)

    def _refused(self, message: str) -> None:
        # a wrong old password (or the slow-down after several): said at the old field
        self.old.set_message(message)
        self.old.edit.selectAll()
        self.old.edit.setFocus()


class ResetPasswordDialog(PasswordDialog):
    """An administrator sets a new password for another user (who should change it later)."""

    def __init__(self, services, admin, target_user, parent: QWidget | None = None):
        super().__init__(services, target_user, False, parent)
        self.admin = admin
        self.setWindowTitle(self.tr("Atur ulang kata sandi"))
        self.heading.setText(self.tr("Kata sandi baru untuk %1 (%2). Sampaikan kepadanya secara "
                                     "langsung, dan minta ia menggantinya setelah masuk.")
                             .replace("%1", target_user.name).replace("%2", target_user.username))

    def _save(self, new: str) -> None:
        self.services.users.reset_password(self.admin, self.user, new)


def open_change_password(parent, services, user) -> ChangePasswordDialog:
    """Open (non-blocking) the dialog in which `user` changes their own password."""
    dialog = ChangePasswordDialog(services, user, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def open_reset_password(parent, services, admin, target_user) -> ResetPasswordDialog:
    """Open (non-blocking) the dialog in which an administrator resets `target_user`'s password."""
    dialog = ResetPasswordDialog(services, admin, target_user, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
