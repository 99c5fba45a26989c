"""The application frame: first-run setup, log-in, title/about/settings, crash handler."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard

from tests.test_ui_support import (PASSWORD, app_settings, controller, dialog_button,  # noqa: F401
                                   log_in, log_out, make_user, no_leftovers, ui_services)


def test_first_run_setup_then_login_remembers_user(qtbot, controller, ui_services, app_settings,
                                                   tmp_path):
    from sop_desktop import office
    from sop_desktop import __version__
    from ui.setup import LoginDialog, SetupWizard

    controller.start()
    wizard = controller.dialog
    assert isinstance(wizard, SetupWizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # kementerian, kantor, kota are required
    logo = tmp_path / "logo.png"
    pix = QPixmap(40, 40)
    pix.fill(Qt.GlobalColor.darkGreen)
    assert pix.save(str(logo))
    form = wizard.office_page.form
    qtbot.keyClicks(form.edits["kementerian"], "KEMENTERIAN HUKUM")
    qtbot.keyClicks(form.edits["kantor"], "KANTOR WILAYAH BENGKULU")
    qtbot.keyClicks(form.edits["kota"], "Bengkulu")
    qtbot.keyClicks(form.edits["email"], "kanwil@contoh.go.id")
    form.logo_path.setText(str(logo))
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    page = wizard.admin_page
    assert wizard.currentPage() is page
    qtbot.keyClicks(page.username, "admin")
    qtbot.keyClicks(page.name, "Siti Administrator")
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClicks(page.password2, "lain-lain-1")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert "tidak sama" in page.error.text()  # passwords differ: stays on the page
    assert ui_services.users.list() == []
    page.password2.setText(PASSWORD)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert [u.username for u in ui_services.users.list()] == ["admin"]
    profile = office.load()
    assert profile.kantor == "KANTOR WILAYAH BENGKULU" and profile.kota == "Bengkulu"
    assert profile.logo_path and QPixmap(profile.logo_path).width() == 40  # copied, readable
    # log-in: the administrator's name is already filled in
    login = controller.dialog
    assert isinstance(login, LoginDialog)
    assert login.username.text() == "admin"
    login.password.setText("salah-sandi")
    qtbot.mouseClick(dialog_button(login, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "salah" in login.error.text()
    assert controller.window is None
    window = log_in(qtbot, controller, "admin")
    assert __version__ in window.windowTitle()
    assert "KANTOR WILAYAH BENGKULU" in window.windowTitle()
    log_out(qtbot, controller, window)
    assert controller.dialog.username.text() == "admin"  # remembered


def test_about_box_and_menus(qtbot, controller, ui_services):
    from sop_desktop import __version__

    make_user(ui_services, "budi", "pejabat", ["Kepala Bidang Hak Asasi Manusia"])
    controller.start()
    window = log_in(qtbot, controller, "budi")
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert "Kasus" in titles and "Bantuan" in titles
    assert "Administrasi" not in titles  # not an administrator
    assert window.act_new_case.shortcut().toString()
    box = window.about()
    assert __version__ in box.text()
    box.close()


def test_settings_switch_to_english_rebuilds_window(qtbot, controller, ui_services, app_settings):
    from ui.i18n import Translations, ensure_qm

    if ensure_qm("en") is None:
        pytest.skip("pyside6-lrelease tidak tersedia untuk membangun terjemahan")
    controller.translations = Translations(QApplication.instance())
    make_user(ui_services, "budi", "pejabat", [])
    controller.start()
    window = log_in(qtbot, controller, "budi")
    assert window.tabs.tabText(0) == "Kotak masuk"
    try:
        window.open_settings()
        dialog = window.dialogs[-1]
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        with qtbot.waitSignal(controller.main_window_shown) as blocker:
            dialog.accept()
        new_window = blocker.args[0]
        assert new_window is not window
        assert new_window.tabs.tabText(0) == "Inbox"
        assert app_settings.language == "en"
    finally:
        controller.translations.apply("id")


def test_crash_handler_writes_log_and_keeps_running(qtbot, monkeypatch):
    from sop_desktop.paths import data_dir
    from ui import crash

    shown = []
    monkeypatch.setattr(crash.CrashHandler, "_show", lambda self, msg, log: shown.append((msg, log)))
    handler = crash.CrashHandler()
    handler.install()
    try:
        assert sys.excepthook == handler.handle
        try:
            raise RuntimeError("uji kerusakan")
        except RuntimeError:
            handler.handle(*sys.exc_info())
    finally:
        handler.uninstall()
    log = data_dir() / "logs" / "crash.log"
    text = log.read_text(encoding="utf-8")
    assert "uji kerusakan" in text and "Traceback" in text
    assert shown and "RuntimeError: uji kerusakan" in shown[0][0] and shown[0][1] == log
    assert sys.excepthook != handler.handle


def test_english_translation_is_complete_and_in_sync(tmp_path):
    """Every source string of ui/*.py is in resources/i18n/sop_desktop_en.ts, translated."""
    import shutil
    import subprocess
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from ui.i18n import ts_path

    tool = Path(sys.executable).parent / "pyside6-lupdate"
    if not tool.exists():
        pytest.skip("pyside6-lupdate tidak tersedia")
    copy = tmp_path / "check_en.ts"
    shutil.copyfile(ts_path("en"), copy)
    sources = sorted(str(p) for p in (Path(__file__).resolve().parent.parent / "ui").glob("*.py"))
    subprocess.run([str(tool), "-no-obsolete", *sources, "-ts", str(copy)], check=True,
                   capture_output=True, timeout=120)
    untranslated = []
    for message in ET.parse(copy).getroot().iter("message"):
        translation = message.find("translation")
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            untranslated.append(message.find("source").text)
    assert untranslated == [], "terjemahan Inggris belum ada untuk: " + "; ".join(untranslated)
