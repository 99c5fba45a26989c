"""Change one's own password, or (administrators) reset another user's, with the messages
next to the fields they are about."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from sop_desktop.errors import PermissionDenied, SopError, ValidationError
from sop_desktop.services.users import MIN_PASSWORD_LENGTH
from ui.workers import TaskRunner, user_message

ERROR_STYLE = "color: #b00020"


def _refusal_of(save: Callable[[], None]) -> tuple[str, str] | None:
    """Run `save` (on the worker): None when it stored, else where its refusal is said: "field"
    (the new password), "refused" (not allowed, a wrong old password) or "form"."""
    try:
        save()
    except ValidationError as exc:
        return "field", str(exc)
    except PermissionDenied as exc:
        return "refused", str(exc)
    except SopError as exc:
        return "form", str(exc)
    return None


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

    Subclasses say what saving means (`_store`, run on the worker). `password_changed` carries the user."""

    password_changed = Signal(object)
    save_done = Signal()  # a save ended (stored or refused)
    runner: TaskRunner | None = None  # made on the first save (the application's one pool)
    saving: bool = False

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
        self.ok_button.setEnabled(ok and not self.saving)
        return ok

    def save(self) -> None:
        """Store the new password on the worker (scrypt is slow), Simpan disabled meanwhile."""
        if self.saving or not self.validate():
            return
        self.error.setText("")
        if self.runner is None:
            self.runner = TaskRunner(self)
        work = self._store(self.new.edit.text())  # the fields are read here, on the UI thread
        self._set_saving(True)
        self.runner.start(lambda: _refusal_of(work), self._saved, self._failed)

    def _set_saving(self, on: bool) -> None:
        self.saving = on
        self.ok_button.setEnabled(not on)
        if on:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()
            self.validate()

    def _saved(self, refusal: tuple[str, str] | None) -> None:
        """The worker's answer: None when stored, else (kind, message) said where it belongs."""
        self._set_saving(False)
        if refusal is not None:
            kind, message = refusal
            if kind == "field":
                self.new.set_message(message)
            elif kind == "refused":
                self._refused(message)
            else:
                self.error.setText(message)
            self.save_done.emit()
            return
        for field in self._fields():
            field.edit.clear()  # no password stays in a widget longer than needed
        self.save_done.emit()
        self.password_changed.emit(self.user)
        self.accept()

    def _failed(self, message: str) -> None:
        self._set_saving(False)
        self.error.setText(user_message(message))
        self.save_done.emit()

    def reject(self) -> None:
        """Batal waits for a save already running (the password may be stored by then)."""
        if self.saving:
            return
        super().reject()

    def _refused(self, message: str) -> None:
        self.error.setText(message)

    def _store(self, new: str) -> Callable[[], None]:  # pragma: no cover - defined below
        """The save to run on the worker, with what it needs read from the fields now."""
        raise NotImplementedError


class ChangePasswordDialog(PasswordDialog):
    """The signed-in user changes their own password (the old one is asked)."""

    def __init__(self, services, user, parent: QWidget | None = None):
        super().__init__(services, user, True, parent)
        self.setWindowTitle(self.tr("Ganti kata sandi"))
        self.heading.setText(self.tr("Ganti kata sandi untuk %1 (%2).")
                             .replace("%1", user.name).replace("%2", user.username))

    def _old(self) -> _FieldWithMessage:
        assert self.old is not None  # asked for (ask_old) in this dialog
        return self.old

    def _store(self, new: str) -> Callable[[], None]:
        old, users, user = self._old().edit.text(), self.services.users, self.user
        return lambda: users.change_password(user, old, new)

    def _refused(self, message: str) -> None:
        # a wrong old password (or the slow-down after several): said at the old field
        old = self._old()
        old.set_message(message)
        old.edit.selectAll()
        old.edit.setFocus()


class ResetPasswordDialog(PasswordDialog):
    """An administrator sets a new password for another user (who should change it later)."""

    def __init__(self, services, admin, target_user, parent: QWidget | None = None):
        super().__init__(services, target_user, False, parent)
        self.admin = admin
        self.setWindowTitle(self.tr("Atur ulang kata sandi"))
        self.heading.setText(self.tr("Kata sandi baru untuk %1 (%2). Sampaikan kepadanya secara "
                                     "langsung, dan minta ia menggantinya setelah masuk.")
                             .replace("%1", target_user.name).replace("%2", target_user.username))

    def _store(self, new: str) -> Callable[[], None]:
        users, admin, user = self.services.users, self.admin, self.user
        return lambda: users.reset_password(admin, user, new)


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
