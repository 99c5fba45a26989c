"""Administration: users and their positions, positions and aliases, office hours and holidays,
numbering, office profile — each saved through the dialog and read back from the core.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from sop_desktop.storage.calendar_settings import load_calendar_settings
from tests.ui.support import PASSWORD, make_user

pytestmark = pytest.mark.usefixtures("no_widgets_left")


def saved(qtbot, tab) -> None:
    """Wait until the tab's save, run on the worker, has come back."""
    qtbot.waitUntil(lambda: not tab.busy(), timeout=15000)


@pytest.fixture
def admin_dialog(qtbot, ui_services, app_settings):
    from ui.main_window import MainWindow

    admin = make_user(ui_services, "admin", "administrator", [])
    win = MainWindow(ui_services, app_settings, admin)
    qtbot.addWidget(win)
    win.show()
    win.act_admin.trigger()
    dialog = win.dialogs[-1]
    yield win, dialog
    win.shutdown()


def test_users_and_positions(qtbot, admin_dialog, ui_services):
    win, dialog = admin_dialog
    tab = dialog.users
    qtbot.keyClicks(tab.username, "dewi")
    qtbot.keyClicks(tab.name, "Dewi Kabid")
    qtbot.keyClicks(tab.password, "pendek")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.busy() and not tab.save_button.isEnabled()  # saved on the worker, one at a time
    saved(qtbot, tab)
    assert "8 karakter" in tab.message.text()  # the core's rule, shown in the dialog
    tab.password.setText(PASSWORD)
    for i in range(tab.positions.count()):
        item = tab.positions.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == "Kepala Bidang Hak Asasi Manusia":
            item.setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(win.data_changed):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    dewi = ui_services.users.get("dewi")
    assert ui_services.users.position_names(dewi) == ["Kepala Bidang Hak Asasi Manusia"]
    assert ui_services.users.authenticate("dewi", PASSWORD).id == dewi.id
    # choosing a row loads the user into the same form; saving changes that user
    names = [tab.model.row_object(r).username for r in range(tab.model.rowCount())]
    tab.table.selectRow(names.index("dewi"))
    assert tab.username.text() == "dewi" and tab.username.isReadOnly()
    assert tab.password.text() == "" and tab.password.placeholderText()
    tab.name.setText("Dewi Lestari")
    with qtbot.waitSignal(win.data_changed):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert ui_services.users.get("dewi").name == "Dewi Lestari"
    assert ui_services.users.authenticate("dewi", PASSWORD).id == dewi.id  # password kept
    assert "dewi" in tab.message.text() and tab.editing is None  # back to a blank form
    # an administrator cannot take away their own role
    tab.table.selectRow(names.index("admin"))
    tab.role.setCurrentIndex(tab.role.findData("operator"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    saved(qtbot, tab)
    assert "administrator" in tab.message.text()
    assert ui_services.users.get("admin").role == "administrator"
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert tab.editing is None and tab.username.text() == "" and not tab.username.isReadOnly()
    # positions: a new alias
    ptab = dialog.positions
    names = [ptab.model.row_object(r).name for r in range(ptab.model.rowCount())]
    ptab.table.selectRow(names.index("Kepala Bidang Hak Asasi Manusia"))
    ptab.aliases.setText(ptab.aliases.text() + "; Kabid Hak Asasi")
    with qtbot.waitSignal(win.data_changed) as changed:
        qtbot.mouseClick(ptab.findChild(type(tab.save_button), "position_save"),
                         Qt.MouseButton.LeftButton)
    assert changed.args[0].position_list and changed.args[0].all_cases  # the core's Changes
    assert ui_services.positions.resolve("KABID HAK ASASI").name == "Kepala Bidang Hak Asasi Manusia"


def test_calendar_numbering_office(qtbot, admin_dialog, tmp_path):
    from sop_desktop.services import numbering, office

    _win, dialog = admin_dialog
    cal = dialog.calendar
    open_box, start, end = cal.day_rows[5]  # Saturday
    open_box.setChecked(True)
    cal.date.setDate(QDate(2026, 12, 24))
    cal.holiday_name.setText("Cuti bersama Natal")
    cal._add_extra()
    # the year's days off are listed; choosing one puts its date in the date field
    listed = [cal.year_holidays.item(i).data(Qt.ItemDataRole.UserRole)
              for i in range(cal.year_holidays.count())]
    assert "2026-08-17" in listed and "2026-12-24" in listed  # national day, the added one
    cal.year_holidays.itemClicked.emit(cal.year_holidays.item(listed.index("2026-08-17")))
    assert cal.date.date() == QDate(2026, 8, 17)
    cal._add_removed()
    listed = [cal.year_holidays.item(i).data(Qt.ItemDataRole.UserRole)
              for i in range(cal.year_holidays.count())]
    assert "2026-08-17" not in listed  # the office opens that day now
    cal.save()
    saved(qtbot, cal)
    stored = load_calendar_settings()
    assert stored.office_hours[5] is not None
    assert stored.extra_holidays[dt.date(2026, 12, 24)] == "Cuti bersama Natal"
    assert dt.date(2026, 8, 17) in stored.removed_holidays
    # numbering: a bad pattern is refused with the reason, a good one stored
    num = dialog.numbering
    num.pattern.setText("{kode}/{tahun}")
    assert "{nomor}" in num.preview.text()
    num.save()
    saved(qtbot, num)
    assert "nomor" in num.message.text()
    num.pattern.setText("{nomor:03d}/{kode}/{tahun}")
    num.kode.setText("YKM")
    num.save()
    saved(qtbot, num)
    assert numbering.agenda_pattern() == "{nomor:03d}/{kode}/{tahun}"
    assert numbering.sop_kode(num.sop.currentData()) == "YKM"
    # office profile
    form = dialog.office.form
    form.edits["kantor"].setText("KANTOR WILAYAH CONTOH")
    form.edits["kementerian"].setText("KEMENTERIAN CONTOH")
    form.edits["kota"].setText("Palembang")
    dialog.office.save()
    saved(qtbot, dialog.office)
    assert office.load().kantor == "KANTOR WILAYAH CONTOH"
    assert "KANTOR WILAYAH CONTOH" in _win.windowTitle()
