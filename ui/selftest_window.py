"""The self-test's window check (`sop-desktop --self-test`): Qt plugins, the compiled
translations and the main window, offscreen. Lives in ui/ because the core never imports Qt;
sop_desktop.ops.selftest calls it only when that check runs, as the CLI calls ui.app to open the
window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sop_desktop import APP_NAME


def check_main_window(services, user, settings_path: Path, version: str) -> str:
    """Build the main window for `user` offscreen and return what was seen; raises
    ValueError naming the first thing that is wrong (a .qm Qt cannot load, a title
    without the version)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is ever shown
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from sop_desktop.paths import resources_dir
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    loaded = []
    for qm in sorted((resources_dir() / "i18n").glob("*.qm")):
        if not QTranslator().load(str(qm)):
            raise ValueError(f"Qt tidak dapat memuat {qm.name}")
        loaded.append(qm.name)
    window = MainWindow(services, AppSettings(settings_path), user)
    try:
        app.processEvents()
        title = window.windowTitle()
    finally:
        window.shutdown()
        window.close()
        window.deleteLater()
        app.processEvents()
    if version not in title:
        raise ValueError(f"judul jendela '{title}' tidak memuat versi {version}")
    return f"'{title}' (platform {QGuiApplication.platformName()}" + \
        (f", terjemahan {', '.join(loaded)})" if loaded else ")")
