"""Ask before a dialog with unsaved edits closes: edits by the user mark a page changed, a
successful save (the page's `changed` signal) marks it saved again."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


class UnsavedGuard(QObject):
    """Watches the editors of `pages` ({page widget: its title}) of `dialog`."""

    def __init__(self, dialog: QDialog, pages: dict[QWidget, str]):
        super().__init__(dialog)
        self.dialog = dialog
        self.pages = pages
        self.dirty: set[QWidget] = set()
        self.box: QMessageBox | None = None
        self.closing_anyway = False
        for page in pages:
            self._watch(page)
            if hasattr(page, "changed"):
                page.changed.connect(lambda _c, p=page: self.dirty.discard(p))

    def _watch(self, page: QWidget) -> None:
        mark = lambda *_a, p=page: self.dirty.add(p)  # noqa: E731
        for edit in page.findChildren(QLineEdit):
            if not isinstance(edit.parent(), (QComboBox, QAbstractSpinBox)):
                edit.textEdited.connect(mark)  # typed by the user, not filled by the program
        for combo in page.findChildren(QComboBox):
            combo.activated.connect(mark)
            combo_line = combo.lineEdit() if combo.isEditable() else None
            if combo_line is not None:
                combo_line.textEdited.connect(mark)
        for spin in page.findChildren(QAbstractSpinBox):
            spin_line = spin.lineEdit()
            if spin_line is not None:
                spin_line.textEdited.connect(mark)
        for button in page.findChildren(QAbstractButton):
            if button.isCheckable():
                button.clicked.connect(mark)
        texts: list[QPlainTextEdit | QTextEdit] = [*page.findChildren(QPlainTextEdit),
                                                   *page.findChildren(QTextEdit)]
        for text in texts:
            if not text.isReadOnly():
                text.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.KeyPress:
            for page in self.pages:
                if page.isAncestorOf(watched):
                    self.dirty.add(page)
        return False

    def unsaved_titles(self) -> list[str]:
        return [title for page, title in self.pages.items() if page in self.dirty]

    def should_wait(self) -> bool:
        """True (and the question asked) when closing must wait for the user's answer."""
        titles = self.unsaved_titles()
        if not titles or self.closing_anyway:
            return False
        box = QMessageBox(QMessageBox.Icon.Question, self.dialog.windowTitle(),
                          self.tr("Ada perubahan yang belum disimpan: %1.")
                          .replace("%1", ", ".join(titles)), QMessageBox.StandardButton.NoButton,
                          self.dialog)
        box.setObjectName("unsaved_box")
        box.setInformativeText(self.tr("Tutup tanpa menyimpan? Perubahan itu akan hilang."))
        discard = box.addButton(self.tr("Tutup tanpa menyimpan"),
                                QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("unsaved_discard")
        back = box.addButton(self.tr("Kembali"), QMessageBox.ButtonRole.RejectRole)
        back.setObjectName("unsaved_back")
        box.setDefaultButton(back)
        discard.clicked.connect(self._close_anyway)
        box.finished.connect(lambda _r, b=box: b.deleteLater())
        self.box = box
        box.open()
        return True

    def _close_anyway(self) -> None:
        self.closing_anyway = True
        self.dialog.reject()
