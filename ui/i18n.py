"""Translations: Indonesian source strings, English from resources/i18n/sop_desktop_en.ts;
sop_desktop_id.ts gives Qt's own buttons, text menus and file dialog in Indonesian (Qt ships no
Indonesian translation of them).

The .qm files are built from the .ts sources with pyside6-lrelease (never edited by hand and not
kept in git) by the setup (`./dev`, `python -m ui.build_translations`) and the installer build;
start-up only looks for them (`find_qm`) and never runs a compiler.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sop_desktop.domain.dates import format_pattern  # not Babel: its locale data loads slowly
from sop_desktop.paths import resources_dir

LANGUAGES = (("id", "Bahasa Indonesia"), ("en", "English"))
DEFAULT_LANGUAGE = "id"
_current_language = DEFAULT_LANGUAGE  # set by Translations.apply; dates follow it


def ui_language() -> str:
    """The language the interface is drawn in now ("id" or "en")."""
    return _current_language


def _as_datetime(value) -> dt.datetime | dt.date | None:
    if not value:
        return None
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return value


def _date_pattern(value: dt.date, short: bool, compact: bool) -> str:
    if compact and value.year == dt.date.today().year:
        return "d MMM"  # this year's dates in a narrow table column: '27 Nov'
    return "d MMM y" if short or compact else "d MMMM y"


def date_text(value, short: bool = False, compact: bool = False) -> str:
    """A date in the interface language: '27 November 2026'; '27 Nov 2026' when short;
    compact (table cells) also leaves out the current year: '27 Nov'."""
    value = _as_datetime(value)
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_pattern(value, _date_pattern(value, short, compact), ui_language())


def datetime_text(value, short: bool = False, compact: bool = False) -> str:
    """A moment in the interface language: '27 November 2026 10.05' (Indonesian writes the
    time with a dot, English with a colon); short and compact as for `date_text`."""
    value = _as_datetime(value)
    if value is None:
        return ""
    if not isinstance(value, dt.datetime):
        return date_text(value, short, compact)
    time = "HH.mm" if ui_language() == "id" else "HH:mm"
    pattern = _date_pattern(value.date(), short, compact) + " " + time
    return format_pattern(value, pattern, ui_language())


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def ts_path(lang: str) -> Path:
    return i18n_dir() / f"sop_desktop_{lang}.ts"


def qm_path(lang: str) -> Path:
    return i18n_dir() / f"sop_desktop_{lang}.qm"


def lrelease_command() -> list[str] | None:
    """The lrelease tool shipped with PySide6 (venv script first, then the bundled binary)."""
    script = Path(sys.executable).parent / "pyside6-lrelease"
    if script.exists():
        return [str(script)]
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    try:
        import PySide6

        binary = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
        if binary.exists():
            return [str(binary)]
    except ImportError:  # pragma: no cover - PySide6 is always there for the UI
        pass
    return None


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime)


def find_qm(lang: str) -> Path | None:
    """The compiled translation for `lang` (beside the .ts, else in the data folder), or None."""
    from sop_desktop.paths import data_dir

    for candidate in (qm_path(lang), data_dir() / "i18n" / qm_path(lang).name):
        if candidate.exists():
            return candidate
    return None


def build_qm(lang: str) -> Path | None:
    """The compiled translation for `lang`, built from its .ts when missing or older (setup and
    installer build only).

    Built beside the .ts (a source checkout) or, where that folder is read-only (an installed
    copy), into the user's data folder.
    """
    import subprocess  # deferred on purpose: only a missing .qm is built, never at start (issue 19)

    from sop_desktop.paths import data_dir

    ts, qm = ts_path(lang), qm_path(lang)
    fallback = data_dir() / "i18n" / qm.name
    for candidate in (qm, fallback):
        if _fresh(candidate, ts):
            return candidate
    cmd = lrelease_command()
    if cmd is None or not ts.exists():
        return qm if qm.exists() else (fallback if fallback.exists() else None)
    for target in (qm, fallback):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([*cmd, str(ts), "-qm", str(target)], check=True, capture_output=True,
                           timeout=120)
        except (OSError, subprocess.SubprocessError):
            continue
        if target.exists():
            return target
    return None


class Translations:
    """The translators installed on the application for the chosen language."""

    def __init__(self, app: QCoreApplication):
        self.app = app
        self.installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def remove(self) -> None:
        """Uninstall every translator (back to the bare source strings)."""
        global _current_language
        for tr in self.installed:
            self.app.removeTranslator(tr)
        self.installed.clear()
        self.language = _current_language = DEFAULT_LANGUAGE

    def apply(self, lang: str) -> bool:
        """Switch to `lang`; returns True when a translation file was loaded (or none is needed)."""
        for tr in self.installed:
            self.app.removeTranslator(tr)
        self.installed.clear()
        global _current_language
        self.language = lang if lang in dict(LANGUAGES) else DEFAULT_LANGUAGE
        _current_language = self.language
        QLocale.setDefault(QLocale("id_ID" if self.language == "id" else "en_GB"))
        qt_tr = QTranslator(self.app)
        if qt_tr.load(QLocale(self.language), "qtbase", "_",
                      QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self.app.installTranslator(qt_tr)
            self.installed.append(qt_tr)
        qm = find_qm(self.language)
        ours = QTranslator(self.app)
        if qm is None or not ours.load(str(qm)):
            # the source strings are Indonesian: without its file only Qt's own buttons and
            # menus (sop_desktop_id.ts) stay English
            return self.language == DEFAULT_LANGUAGE
        self.app.installTranslator(ours)
        self.installed.append(ours)
        return True
