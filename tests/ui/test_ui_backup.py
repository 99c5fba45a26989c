"""Start-up safety and backups in the window: one instance per database, a damaged or newer
database met with a clear dialog (and the offer of a backup), the daily and on-close backups,
and the backup dialog (back up now, restore, choose the folder)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sop_desktop.storage import backup as bk
from sop_desktop.storage import db as dbm
from sop_desktop.storage import migrations
from tests.ui.support import log_in, make_user


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _office_db(path: Path, users=("budi",)) -> Path:
    """A real database file with users and a marker setting, closed again."""
    from sop_desktop.services.container import Services

    with Services(str(path)) as svc:
        for name in users:
            make_user(svc, name, "administrator" if name == "admin" else "operator", [])
        dbm.set_setting("uji.penanda", "asli")
    return path


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _button(box: QMessageBox, text: str):
    found = [b for b in box.buttons() if b.text().replace("&", "") == text]
    assert found, [b.text() for b in box.buttons()]
    return found[0]


# -- one instance per database ---------------------------------------------------------------

def test_second_instance_on_the_same_file_is_refused(qtbot, launcher, tmp_path):
    db = _office_db(tmp_path / "kantor.sqlite3")
    # another SOP Desktop process on this PC holds the file (a live process, its lock file)
    other = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE)
    lock_file = Path(str(db) + ".lock")
    holder = {"pid": other.pid, "host": socket.gethostname(), "user": "siti",
              "since": "2026-11-21T08:00:00"}
    lock_file.write_text(json.dumps(holder), encoding="utf-8")
    try:
        first = launcher(db)
        assert first.start() is False
        box = first.dialog
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert "sedang dibuka oleh SOP Desktop lain" in box.text() and str(db) in box.text()
        assert "siti" in box.informativeText() and socket.gethostname() in box.informativeText()
        assert "21 November 2026 08.00" in box.informativeText()
        assert first.services is None and first.controller is None  # nothing was opened
        with qtbot.waitSignal(first.quit_requested):
            _click(qtbot, _button(box, "Tutup"))
        first.finish()
        assert json.loads(lock_file.read_text())["pid"] == other.pid  # the other's lock stays
    finally:
        other.stdin.close()
        other.wait(timeout=30)
    # once that process is gone its lock is stale: the app opens
    second = launcher(db)
    assert second.start() is True
    assert json.loads(lock_file.read_text())["pid"] != other.pid
    second.finish()
    assert not lock_file.exists()


# -- damaged or newer database ---------------------------------------------------------------

def _damage(kind: str, path: Path) -> None:
    data = path.read_bytes()
    if kind == "first_page_zeroed":
        path.write_bytes(b"\x00" * 4096 + data[4096:])
    elif kind == "truncated":
        path.write_bytes(data[: len(data) // 3])
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "not_sqlite":
        path.write_text("Notulen rapat, bukan basis data.\n" * 40, encoding="utf-8")


@pytest.mark.parametrize("kind", ["first_page_zeroed", "truncated", "empty", "not_sqlite"])
def test_damaged_database_offers_backup_and_opens_after_restoring(qtbot, launcher, tmp_path,
                                                                   kind):
    from ui.dialogs.setup import LoginDialog

    db = _office_db(tmp_path / "kantor.sqlite3")
    folder = bk.default_backup_folder()
    good = bk.sqlite_backup(db, folder / bk.backup_name(dt.datetime(2026, 11, 20, 16, 0), "on-close"))
    _damage(kind, db)
    damaged = _digest(db)

    app = launcher(db)
    assert app.start() is False
    box = app.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert str(db) in box.text() and "Traceback" not in box.informativeText()
    assert good.name in box.informativeText() and "tanpa diubah" in box.informativeText()
    assert app.services is None
    with qtbot.waitSignal(app.opened):
        _click(qtbot, app.restore_button)
    # the app opened on the restored file; the damaged one is kept aside, byte for byte
    login = app.controller.dialog
    assert isinstance(login, LoginDialog)
    assert login.notice.isVisibleTo(login) and "20 November 2026 16.00" in login.notice.text()
    aside = [p for p in tmp_path.iterdir() if ".rusak-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and _digest(aside[0]) == damaged
    assert aside[0].name in login.notice.text()
    assert dbm.get_setting("uji.penanda") == "asli"
    window = log_in(qtbot, app.controller, "budi")
    assert window.isVisible()
    app.finish()
    assert bk.startup_check(db).ok


def test_damaged_database_without_backup_lets_the_user_pick_a_file(qtbot, launcher, tmp_path):
    db = _office_db(tmp_path / "kantor.sqlite3")
    usb = tmp_path / "usb"
    copy = bk.sqlite_backup(db, usb / "salinan-kantor.sqlite3")  # not in any known folder
    _damage("first_page_zeroed", db)
    app = launcher(db)
    assert app.start() is False
    box = app.dialog
    assert app.restore_button is None and "Tidak ada cadangan utuh" in box.informativeText()
    _click(qtbot, app.choose_button)
    chooser = app.dialog
    assert chooser.objectName() == "choose_backup_file"
    chooser.selectFile(str(copy))
    with qtbot.waitSignal(app.opened):
        chooser.accept()
    assert dbm.get_setting("uji.penanda") == "asli"


def test_database_from_a_newer_version_is_refused(qtbot, launcher, tmp_path):
    db = _office_db(tmp_path / "kantor.sqlite3")
    bk.sqlite_backup(db, bk.default_backup_folder() / bk.backup_name(dt.datetime(2026, 11, 1)))
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value=? WHERE key='schema_version'",
                 (str(migrations.SCHEMA_VERSION + 3),))
    conn.commit()
    conn.close()
    before = _digest(db)
    app = launcher(db)
    assert app.start() is False
    box = app.dialog
    assert "versi SOP Desktop yang lebih baru" in box.text()
    assert str(migrations.SCHEMA_VERSION + 3) in box.informativeText()
    assert "Perbarui SOP Desktop" in box.informativeText()
    assert [b.text() for b in box.buttons()] == ["Tutup"]  # refused: nothing else offered
    with qtbot.waitSignal(app.quit_requested):
        _click(qtbot, box.buttons()[0])
    app.finish()
    assert _digest(db) == before


# -- automatic backups -----------------------------------------------------------------------

def test_daily_backup_at_start_and_a_backup_when_closing(qtbot, launcher, tmp_path):
    db = _office_db(tmp_path / "kantor.sqlite3")
    app = launcher(db)
    assert app.start()
    qtbot.waitUntil(lambda: not app.runner.busy(), timeout=30000)
    daily = [b for b in bk.list_backups(bk.backup_folder()) if b.reason == "daily"]
    assert len(daily) == 1 and app.backups == [daily[0].path]
    window = log_in(qtbot, app.controller, "budi")
    make_user(app.services, "baru", "operator", [])  # work done in this session
    window.close()
    app.finish()
    closing = [b for b in bk.list_backups(bk.backup_folder()) if b.reason == "on-close"]
    assert len(closing) == 1 and bk.verify_backup_file(closing[0].path)
    conn = sqlite3.connect(closing[0].path)
    try:
        assert conn.execute("SELECT count(*) FROM user WHERE username='baru'").fetchone()[0] == 1
    finally:
        conn.close()
    assert not Path(str(db) + ".lock").exists()
    # retention keeps the newest backup of each day: the closing one
    assert [b.path for b in bk.list_backups(bk.backup_folder())] == [closing[0].path]
    # the same day again: today already has a backup, and without a log-in none at close
    again = launcher(db)
    assert again.start()
    qtbot.waitUntil(lambda: not again.runner.busy(), timeout=30000)
    again.finish()
    assert again.backups == []
    assert [b.path for b in bk.list_backups(bk.backup_folder())] == [closing[0].path]


# -- the backup dialog -----------------------------------------------------------------------

def _wait_task(qtbot, dialog, kind: str, action) -> None:
    with qtbot.waitSignal(dialog.task_finished, timeout=30000,
                          check_params_cb=lambda k: k == kind):
        action()


def test_backup_now_and_restore_through_the_dialog(qtbot, controller, ui_services):
    from ui.dialogs.backup import open_backup_dialog
    from ui.dialogs.setup import LoginDialog

    make_user(ui_services, "admin", "administrator", [])
    controller.start()
    window = log_in(qtbot, controller, "admin")
    dbm.set_setting("uji.penanda", "sebelum")
    dialog = open_backup_dialog(window, ui_services)
    assert dialog.isVisible() and dialog.empty_label.isVisibleTo(dialog)
    assert str(bk.backup_folder()) in dialog.folder_label.text()
    _wait_task(qtbot, dialog, "backup", lambda: _click(qtbot, dialog.backup_button))
    assert len(dialog.backups) == 1 and dialog.backups[0].reason == "manual"
    made = dialog.backups[0].path
    assert "Cadangan dibuat" in dialog.status.text() and made.exists()
    qtbot.waitUntil(lambda: dialog.table.item(0, 3).text() == "utuh", timeout=30000)
    assert dialog.table.item(0, 1).text() == "Manual"
    assert dialog.selected_backup().path == made

    # later work, then the restore: a question first, answered "Batal" changes nothing
    dbm.set_setting("uji.penanda", "sesudah")
    make_user(ui_services, "baru", "operator", [])
    box = dialog.ask_restore()
    assert "Pulihkan basis data" in box.text() and "Sebelum pemulihan" in box.informativeText()
    _click(qtbot, _button(box, "Batal"))
    assert dbm.get_setting("uji.penanda") == "sesudah"
    box = dialog.ask_restore()
    _wait_task(qtbot, dialog, "restore", lambda: _click(qtbot, dialog.confirm_button))
    assert dbm.get_setting("uji.penanda") == "sebelum"
    assert ui_services.users.list()[-1].username == "admin"  # "baru" came after the backup
    reasons = sorted(b.reason for b in dialog.backups)
    assert reasons == ["manual", "pre-restore"]
    done = dialog.box
    assert "dipulihkan" in done.text() and "pre-restore" in done.informativeText()
    # closing the message ends the session: the user logs in again on the restored data
    _click(qtbot, done.button(QMessageBox.StandardButton.Ok))
    assert controller.window is None and isinstance(controller.dialog, LoginDialog)


def test_backup_dialog_marks_broken_backups_and_uses_a_chosen_folder(qtbot, ui_services, tmp_path):
    from ui.dialogs.backup import BackupDialog

    folder = bk.default_backup_folder()
    good = bk.create_backup(ui_services, folder / bk.backup_name(dt.datetime(2026, 11, 2, 8, 0)))
    broken = folder / bk.backup_name(dt.datetime(2026, 11, 3, 8, 0), "daily")
    broken.write_bytes(good.read_bytes()[:3000])
    (folder / "catatan.txt").write_text("bukan cadangan")
    dialog = BackupDialog(ui_services)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.task_finished, timeout=30000):
        pass  # the first check was started by the constructor
    qtbot.waitUntil(lambda: "memeriksa" not in dialog.table.item(0, 3).text(), timeout=30000)
    assert [b.path for b in dialog.backups] == [broken, good]
    assert dialog.table.item(0, 3).text().startswith("RUSAK")
    assert "rusak" in dialog.table.item(0, 3).toolTip()  # the core's full message
    assert dialog.table.item(1, 3).text() == "utuh"
    dialog.select_path(broken)
    assert not dialog.restore_button.isEnabled()  # a broken file is never offered
    dialog.select_path(good)
    assert dialog.restore_button.isEnabled()

    usb = tmp_path / "usb"
    assert dialog.set_folder(str(usb))
    assert bk.backup_folder() == usb.resolve() and str(usb.resolve()) in dialog.folder_label.text()
    _wait_task(qtbot, dialog, "backup", dialog.backup_now)
    new = [b for b in dialog.backups if b.path.parent == usb.resolve()]
    assert len(new) == 1 and len(dialog.backups) == 3  # the old folder is still listed
    unwritable = tmp_path / "berkas-bukan-folder"
    unwritable.write_text("x")
    assert not dialog.set_folder(str(unwritable))
    assert "tidak dapat ditulisi" in dialog.box.text()
    dialog.box.close()
    dialog.reject()


def test_unreachable_database_server_is_a_clear_refusal(qtbot, launcher):
    app = launcher("postgresql://sop:x@127.0.0.1:9/tidak_ada")  # nothing listens on port 9
    assert app.lock is None  # a server database has no lock file
    assert app.start() is False
    box = app.dialog
    assert "tidak dapat dibuka" in box.windowTitle() + box.text()
    assert "Traceback" not in box.text() and app.services is None
    with qtbot.waitSignal(app.quit_requested):
        _click(qtbot, _button(box, "Tutup"))
