"""Per-user interface settings (language, last user, window geometry) in an INI file.

The file lives in the data folder, so an isolated SOP_DESKTOP_HOME isolates it too.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from sop_desktop.paths import data_dir
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES


class AppSettings:
    """Typed access to the INI file."""

    def __init__(self, path=None):
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self.qs = QSettings(str(path or folder / "ui-settings.ini"), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        value = str(self.qs.value("language", DEFAULT_LANGUAGE))
        return value if value in dict(LANGUAGES) else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self.qs.setValue("language", value)

    @property
    def last_user(self) -> str:
        return str(self.qs.value("last_user", "") or "")

    @last_user.setter
    def last_user(self, value: str) -> None:
        self.qs.setValue("last_user", value)

    @property
    def last_save_folder(self) -> str:
        return str(self.qs.value("last_save_folder", "") or "")

    @last_save_folder.setter
    def last_save_folder(self, value: str) -> None:
        self.qs.setValue("last_save_folder", value)

    def state(self, key: str) -> QByteArray | None:
        """A saved widget state (e.g. a table header's column order, widths, hidden columns)."""
        value = self.qs.value(f"state/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self.qs.setValue(f"state/{key}", value)

    def geometry(self, key: str) -> QByteArray | None:
        value = self.qs.value(f"geometry/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self.qs.setValue(f"geometry/{key}", value)

    def sync(self) -> None:
        self.qs.sync()


class SettingsDialog(QDialog):
    """Choose the interface language (applied at once)."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Pengaturan"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("Bahasa antarmuka:"), self.language)
        layout.addLayout(form)
        note = QLabel(self.tr("Jendela utama dibuka ulang dalam bahasa yang dipilih."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        # Qt has no Indonesian translation of its own buttons: name them here
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen_language(self) -> str:
        return str(self.language.currentData())
