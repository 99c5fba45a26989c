"""Password dialogs: a user changes their own, an administrator resets another's; messages
appear next to the field they are about."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.support import PASSWORD, make_user


def _type(qtbot, field, text: str) -> None:
    field.edit.clear()
    qtbot.keyClicks(field.edit, text)


def _visible_message(field) -> str:
    return field.message.text() if field.message.isVisibleTo(field) else ""


def test_change_own_password_validates_next_to_the_fields(qtbot, ui_services):
    from ui.dialogs.password import open_change_password

    budi = make_user(ui_services, "budi", "operator", [])
    dialog = open_change_password(None, ui_services, budi)
    assert dialog.isVisible() and not dialog.ok_button.isEnabled()
    assert "budi" in dialog.heading.text()
    assert dialog.new.edit.echoMode() == dialog.new.edit.EchoMode.Password
    _type(qtbot, dialog.old, PASSWORD)
    _type(qtbot, dialog.new, "pendek")
    assert "minimal 8" in _visible_message(dialog.new) and not dialog.ok_button.isEnabled()
    _type(qtbot, dialog.new, PASSWORD)
    assert "berbeda" in _visible_message(dialog.new)
    _type(qtbot, dialog.new, "sandi-baru-99")
    assert _visible_message(dialog.new) == ""
    _type(qtbot, dialog.repeat, "sandi-baru-9")
    assert "tidak sama" in _visible_message(dialog.repeat) and not dialog.ok_button.isEnabled()
    _type(qtbot, dialog.repeat, "sandi-baru-99")
    assert _visible_message(dialog.repeat) == "" and dialog.ok_button.isEnabled()
    # a wrong old password: said at the old field, nothing changed
    _type(qtbot, dialog.old, "bukan-sandinya")
    with qtbot.waitSignal(dialog.save_done):  # scrypt runs on the worker
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "lama salah" in _visible_message(dialog.old) and dialog.isVisible()
    assert ui_services.users.authenticate("budi", PASSWORD).id == budi.id
    _type(qtbot, dialog.old, PASSWORD)
    with qtbot.waitSignal(dialog.password_changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.new.edit.text() == ""  # nothing left in the widget
    assert ui_services.users.authenticate("budi", "sandi-baru-99").id == budi.id


def test_change_password_shows_the_slow_down(qtbot, ui_services):
    from sop_desktop.services import users as users_mod
    from ui.dialogs.password import open_change_password

    budi = make_user(ui_services, "budi", "operator", [])
    dialog = open_change_password(None, ui_services, budi)
    _type(qtbot, dialog.new, "sandi-baru-99")
    _type(qtbot, dialog.repeat, "sandi-baru-99")
    for _ in range(users_mod.FREE_ATTEMPTS):
        _type(qtbot, dialog.old, "tebakan-salah")
        with qtbot.waitSignal(dialog.save_done):
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Terlalu banyak percobaan" in _visible_message(dialog.old)
    dialog.reject()


def test_administrator_resets_a_password(qtbot, ui_services):
    from ui.dialogs.password import open_reset_password

    admin = make_user(ui_services, "admin", "administrator", [])
    budi = make_user(ui_services, "budi", "operator", [], name="Budi Santoso")
    dialog = open_reset_password(None, ui_services, admin, budi)
    assert dialog.old is None and "Budi Santoso" in dialog.heading.text()
    _type(qtbot, dialog.new, "dari-admin-1")
    _type(qtbot, dialog.repeat, "dari-admin-1")
    with qtbot.waitSignal(dialog.password_changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert ui_services.users.authenticate("budi", "dari-admin-1").id == budi.id

    # a non-administrator is refused in the core, and the dialog says so
    dialog = open_reset_password(None, ui_services, budi, admin)
    _type(qtbot, dialog.new, "ambil-alih-1")
    _type(qtbot, dialog.repeat, "ambil-alih-1")
    with qtbot.waitSignal(dialog.save_done):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "administrator" in dialog.error.text() and dialog.isVisible()
    assert ui_services.users.authenticate("admin", PASSWORD).id == admin.id
    dialog.reject()


def test_password_is_stored_off_the_ui_thread_with_simpan_disabled(qtbot, ui_services):
    """scrypt takes noticeable time: the reset runs on the worker, Simpan stays disabled (even
    while the person types) and Batal waits, until the worker says how it went."""
    from ui.dialogs.password import open_reset_password

    admin = make_user(ui_services, "admin", "administrator", [])
    budi = make_user(ui_services, "budi", "operator", [])
    dialog = open_reset_password(None, ui_services, admin, budi)
    _type(qtbot, dialog.new, "dari-admin-2")
    _type(qtbot, dialog.repeat, "dari-admin-2")
    with qtbot.waitSignal(dialog.password_changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.saving and not dialog.ok_button.isEnabled()
        qtbot.keyClicks(dialog.repeat.edit, "x")  # validation runs, Simpan stays disabled
        assert not dialog.ok_button.isEnabled()
        dialog.reject()  # Batal while the save runs: the dialog stays until it ends
        assert dialog.isVisible()
    assert not dialog.saving and not dialog.isVisible()
    assert ui_services.users.authenticate("budi", "dari-admin-2").id == budi.id
