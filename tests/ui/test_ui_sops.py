"""The SOP library in the window: search, identity page, steps table; import a text or .xlsx
file off the UI thread with a preview, its warnings and the lanes assigned before saving.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from tests.ui.support import make_user

pytestmark = pytest.mark.usefixtures("no_widgets_left")

SEED_004 = "004_344aa2d2252aadda.txt"


@pytest.fixture
def admin_window(qtbot, ui_services, app_settings):
    from ui.main_window import MainWindow

    admin = make_user(ui_services, "admin", "administrator", [])
    win = MainWindow(ui_services, app_settings, admin)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()


def test_browser_search_identity_steps(qtbot, admin_window, ui_services):
    browser = admin_window.sops
    admin_window.act_sops.trigger()
    assert admin_window.tabs.currentWidget() is browser
    total = len(ui_services.sops.latest_all())
    assert browser.proxy.rowCount() == total
    qtbot.keyClicks(browser.search, "komunikasi masyarakat")
    names = [browser.proxy.index(r, 1).data() for r in range(browser.proxy.rowCount())]
    assert names and all("komunikasi masyarakat" in n.lower() for n in names)
    assert browser.proxy.rowCount() < total
    browser.table.selectRow(0)
    defn = browser.current_definition()
    html = browser.detail.identity.toPlainText()
    assert defn.name in html
    if defn.nomor:
        assert defn.nomor in html
    assert browser.detail.steps_model.rowCount() == len(defn.steps)
    first_waktu = browser.detail.steps_model.index(0, 5).data()
    assert first_waktu == (defn.steps[0].waktu.text if defn.steps[0].waktu else "")


def _assign(dialog, step: int, lane: str) -> None:
    combo = dialog.lanes.findChild(QComboBox, f"lane_for_step_{step}")
    assert combo is not None, step
    combo.setCurrentIndex(combo.findData(lane))


def test_import_text_with_preview_warnings_and_lanes(qtbot, admin_window, ui_services, seeds_dir):
    dialog = admin_window.import_sop()
    dialog.load_path(str(seeds_dir / SEED_004))
    qtbot.waitUntil(lambda: dialog.sop_list.count() == 1, timeout=20000)
    assert dialog.runner.wait()
    assert dialog.warnings.count() >= 1  # the importer's warnings are shown
    assert dialog.detail.steps_model.rowCount() == 7
    pending = dialog.lanes.rowCount()
    assert pending >= 1
    assert not dialog.save_button.isEnabled()  # lanes still unassigned
    assert "pelaksana" in dialog.save_button.toolTip().lower()
    defn = dialog.current_definition()
    for step in [s for s in defn.steps if not s.lane]:
        _assign(dialog, step.number, defn.lanes[-2].name)
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.imported) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = saved.args[0][0]
    again = ui_services.sops.get(stored.code)
    assert all(s.lane for s in again.steps)
    assert admin_window.sops.current_definition().code == stored.code


def test_import_xlsx_and_a_file_that_is_not_an_sop(qtbot, admin_window, seeds_dir, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for line in (seeds_dir / SEED_004).read_text(encoding="utf-8").splitlines():
        ws.append(line.split("\t"))
    path = tmp_path / "sop.xlsx"
    wb.save(path)
    dialog = admin_window.import_sop()
    dialog.load_path(str(path))
    qtbot.waitUntil(lambda: dialog.sop_list.count() == 1, timeout=20000)
    assert dialog.detail.steps_model.rowCount() == 7
    junk = tmp_path / "catatan.txt"
    junk.write_text("bukan tabel SOP sama sekali\n", encoding="utf-8")
    dialog.load_path(str(junk))
    qtbot.waitUntil(lambda: dialog.read_button.isEnabled(), timeout=20000)
    assert dialog.runner.wait()
    assert "tidak dapat dibaca" in dialog.status.text() or "Tidak ada SOP" in dialog.status.text()
    dialog.close()
