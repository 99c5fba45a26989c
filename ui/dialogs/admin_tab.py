"""The base of every Administration page: the Simpan row, its message line and `commit`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from sop_desktop.errors import SopError, ValidationError
from sop_desktop.services.changes import Changes
from ui.workers import TaskRunner, user_message

Save = Callable[[], tuple[str, Changes]]  # a save run on the worker: (success text, changes)


def _refusing_value_errors(work: Save) -> tuple[str, Changes]:
    """Run a save; a ValueError of a form's value is a refusal said as is, like a SopError."""
    try:
        return work()
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc


class AdminTab(QWidget):
    """One page of Administration: a Simpan button, a message line under it, and `commit`,
    which runs a save on the worker, says how it went beside the button and tells the window
    what changed (the `Changes` the core returned)."""

    changed = Signal(object)
    save_button: QPushButton
    runner: TaskRunner | None = None  # made on the first save (the application's one pool)
    saving: bool = False

    def add_save_row(self, layout: Any, text: str, name: str,
                     extra: Sequence[QWidget] = ()) -> QPushButton:
        """The row [extra buttons … stretch … Simpan] and the message line below it."""
        row = QHBoxLayout()
        for widget in extra:
            row.addWidget(widget)
        row.addStretch(1)
        button = QPushButton(text)
        button.setObjectName(f"{name}_save")
        row.addWidget(button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName(f"{name}_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        button.clicked.connect(self.save)
        self.save_button = button
        return button

    def show_message(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet("color: #1c6b2f" if ok else "color: #b00020")
        self.message.setText(text)

    def commit(self, store: Callable[[], Save],
               after: Callable[[], None] | None = None) -> bool:
        """Read the form now (`store()` returns the save to run; a refusal before it is shown
        as is), run the save on the worker with Simpan disabled, then `after()`, the message
        and `changed`. True when the save started."""
        if self.saving:
            return False
        try:
            work = store()
        except (SopError, ValueError) as exc:
            self.show_message(str(exc), False)
            return False
        if self.runner is None:
            self.runner = TaskRunner(self)
        self._set_saving(True)
        self.runner.start(lambda: _refusing_value_errors(work),
                          lambda result: self._saved(result, after), self._refused)
        return True

    def _saved(self, result: tuple[str, Changes], after: Callable[[], None] | None) -> None:
        self._set_saving(False)
        text, change = result
        if after is not None:
            after()
        self.after_commit()
        self.show_message(text, True)
        self.changed.emit(change)

    def _refused(self, message: str) -> None:
        self._set_saving(False)
        self.show_message(user_message(message), False)

    def _set_saving(self, on: bool) -> None:
        self.saving = on
        self.save_button.setEnabled(not on)

    def busy(self) -> bool:
        """True while a save runs on the worker."""
        return self.saving

    def after_commit(self) -> None:
        """Refresh what the save changed (before the success message is shown)."""

    def save(self) -> None:  # pragma: no cover - every tab defines its own
        raise NotImplementedError
