"""The base of every Administration page: the Simpan row, its message line and `commit`."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from sop_desktop.errors import SopError


class AdminTab(QWidget):
    """One page of Administration: a Simpan button, a message line under it, and `commit`,
    which runs a save, says how it went beside the button and tells the window what changed."""

    changed = Signal(object)

    def add_save_row(self, layout, text: str, name: str, extra: list[QWidget] = ()) -> QPushButton:
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
        return button

    def show_message(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet("color: #1c6b2f" if ok else "color: #b00020")
        self.message.setText(text)

    def commit(self, store, change: dict) -> bool:
        """Run `store()` (it returns the success text); a refusal of the core is shown as is."""
        try:
            text = store()
        except (SopError, ValueError) as exc:
            self.show_message(str(exc), False)
            return False
        self.after_commit()
        self.show_message(text, True)
        self.changed.emit(change)
        return True

    def after_commit(self) -> None:
        """Refresh what the save changed (before the success message is shown)."""

    def save(self) -> None:  # pragma: no cover - every tab defines its own
        raise NotImplementedError
