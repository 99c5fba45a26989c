"""Per-user interface settings (language, last user, window geometry) in an INI file.

The file lives in the data folder, so an isolated SOP_DESKTOP_HOME isolates it too. Its keys
are declared here once, typed and with their defaults, like the office settings of the
database (sop_desktop.settings).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from sop_desktop.paths import data_dir
from sop_desktop.settings import SettingKey
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES

LANGUAGE: SettingKey[str] = SettingKey("language", DEFAULT_LANGUAGE, "The interface language.")
LAST_USER: SettingKey[str] = SettingKey("last_user", "", "The user name the log-in dialog offers.")
LAST_SAVE_FOLDER: SettingKey[str] = SettingKey("last_save_folder", "",
                                               "Where the last file was saved (save dialogs).")
STATE_GROUP = "state/"  # + a widget's key: a saved widget state (QByteArray)
GEOMETRY_GROUP = "geometry/"  # + a window's key: its saved geometry (QByteArray)


class AppSettings:
    """Typed access to the INI file."""

    def __init__(self, path: str | Path | None = None):
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self.qs = QSettings(str(path or folder / "ui-settings.ini"), QSettings.Format.IniFormat)

    def _text(self, setting: SettingKey[str]) -> str:
        return str(self.qs.value(setting.key, setting.default) or setting.default)

    @property
    def language(self) -> str:
        value = self._text(LANGUAGE)
        return value if value in dict(LANGUAGES) else LANGUAGE.default

    @language.setter
    def language(self, value: str) -> None:
        self.qs.setValue(LANGUAGE.key, value)

    @property
    def last_user(self) -> str:
        return self._text(LAST_USER)

    @last_user.setter
    def last_user(self, value: str) -> None:
        self.qs.setValue(LAST_USER.key, value)

    @property
    def last_save_folder(self) -> str:
        return self._text(LAST_SAVE_FOLDER)

    @last_save_folder.setter
    def last_save_folder(self, value: str) -> None:
        self.qs.setValue(LAST_SAVE_FOLDER.key, value)

    def state(self, key: str) -> QByteArray | None:
        """A saved widget state (e.g. a table header's column order, widths, hidden columns)."""
        value = self.qs.value(STATE_GROUP + key)
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self.qs.setValue(STATE_GROUP + key, value)

    def geometry(self, key: str) -> QByteArray | None:
        value = self.qs.value(GEOMETRY_GROUP + key)
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self.qs.setValue(GEOMETRY_GROUP + key, value)

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
