"""The application frame: first-run setup, log-in, title/about/settings, crash handler."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard

from tests.core.users_support import FakeClock
from tests.ui.support import PASSWORD, dialog_button, log_in, log_out, make_user


def test_first_run_setup_then_login_remembers_user(qtbot, controller, ui_services, app_settings,
                                                   tmp_path):
    from sop_desktop import __version__
    from sop_desktop.services import office
    from ui.dialogs.setup import LoginDialog, SetupWizard

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
    from ui.i18n import Translations, build_qm

    if build_qm("en") is None:
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
        controller.translations.remove()


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
    sources = sorted(str(p) for p in (Path(__file__).resolve().parent.parent.parent / "ui").glob("*.py"))
    subprocess.run([str(tool), "-no-obsolete", *sources, "-ts", str(copy)], check=True,
                   capture_output=True, timeout=120)
    untranslated = []
    for message in ET.parse(copy).getroot().iter("message"):
        translation = message.find("translation")
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            untranslated.append(message.find("source").text)
    assert untranslated == [], "terjemahan Inggris belum ada untuk: " + "; ".join(untranslated)


def test_login_dialog_shows_the_slow_down_and_counts_down(qtbot, controller, ui_services):
    from sop_desktop.services import users as users_mod

    clock = FakeClock()
    ui_services.users.clock = clock
    make_user(ui_services, "budi", "operator", [])
    controller.start()
    login = controller.dialog
    login.username.setText("budi")
    ok = dialog_button(login, QDialogButtonBox.StandardButton.Ok)
    for _ in range(users_mod.FREE_ATTEMPTS):
        login.password.setText("tebakan-salah")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    wait = users_mod.BASE_DELAY
    assert f"Terlalu banyak percobaan. Coba lagi dalam {wait} detik." in login.error.text()
    assert not ok.isEnabled() and login.wait_timer.isActive()
    clock.advance(wait - 2)
    login.update_wait()  # what the one-second timer does
    assert login.error.text() == "Terlalu banyak percobaan. Coba lagi dalam 2 detik."
    login.username.setText("orang-lain")  # another name is not slowed down
    assert ok.isEnabled() and login.error.text() == ""
    login.username.setText("budi")
    assert not ok.isEnabled()
    clock.advance(2)
    login.update_wait()
    assert ok.isEnabled() and not login.wait_timer.isActive() and login.error.text() == ""
    window = log_in(qtbot, controller, "budi")
    assert window.user.username == "budi"


def test_crash_log_and_app_log_never_hold_a_typed_password(qtbot, controller, ui_services,
                                                          monkeypatch):
    from sop_desktop.paths import data_dir
    from ui import crash

    secret = "Rahasia-Sekali-42"
    make_user(ui_services, "budi", "operator", [])
    handler = crash.CrashHandler()
    shown = []
    monkeypatch.setattr(crash.CrashHandler, "_show", lambda self, msg, log: shown.append(msg))
    app_log = crash.install_app_log()
    handler.install()
    try:
        controller.start()
        login = controller.dialog
        login.username.setText("budi")
        login.password.setText(secret)
        qtbot.mouseClick(dialog_button(login, QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)  # a failed log-in, logged as a refusal
        login.username.setText(secret)  # typed into the name box by mistake
        qtbot.mouseClick(dialog_button(login, QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        login.username.setText("budi")
        try:  # a crash whose message quotes what was typed
            raise ValueError(f"nilai tak terduga: {secret!r}")
        except ValueError:
            handler.handle(*sys.exc_info())
    finally:
        handler.uninstall()
        crash.remove_app_log(app_log)
    crash_text = (data_dir() / "logs" / "crash.log").read_text(encoding="utf-8")
    app_text = (data_dir() / "logs" / "sop-desktop.log").read_text(encoding="utf-8")
    assert "nilai tak terduga" in crash_text and crash.MASK in crash_text
    assert "ditolak: masuk oleh budi" in app_text  # the refusal is in the app's log
    for text in (crash_text, app_text, *shown):
        assert secret not in text


def test_laporan_menu_for_every_user(qtbot, controller, ui_services):
    """Officials who are not administrators send the monthly reports too."""
    make_user(ui_services, "budi", "pejabat", ["Kepala Bidang Hak Asasi Manusia"])
    controller.start()
    window = log_in(qtbot, controller, "budi")
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    actions = [a for a in menus["Laporan"].actions() if not a.isSeparator()]
    assert len(actions) == 4 and all(a.isEnabled() for a in actions)
    assert window.act_letter in menus["Kasus"].actions()
    assert not window.act_letter.isEnabled()  # no case shown yet


def test_file_menu_opens_backups_and_changes_own_password(qtbot, controller, ui_services):
    """Berkas → Ganti kata sandi changes the signed-in user's password through the core;
    Berkas → Cadangan & pemulihan opens the backup list."""
    make_user(ui_services, "budi", "pejabat", ["Kepala Bidang Hak Asasi Manusia"])
    controller.start()
    window = log_in(qtbot, controller, "budi")
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert window.act_password in menus["Berkas"].actions()
    assert window.act_backups in menus["Berkas"].actions()
    dialog = window.change_password()
    dialog.old.edit.setText(PASSWORD)
    dialog.new.edit.setText("sandi-baru-budi-123")
    dialog.repeat.edit.setText("sandi-baru-budi-123")
    with qtbot.waitSignal(dialog.finished, timeout=10000):  # saved on the worker, then closed
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert ui_services.users.authenticate("budi", "sandi-baru-budi-123").username == "budi"
    backups = window.open_backups()
    qtbot.waitUntil(backups.isVisible)
    assert backups.table.columnCount() >= 3
    backups.close()
