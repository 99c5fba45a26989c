"""The import dialog: read a file off the UI thread, preview it with its warnings, assign the
lanes the importer could not, choose new SOP or new version, and save into the SopService.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from tests.ui.support import read_file

pytestmark = pytest.mark.usefixtures("no_widgets_left")

SEED_004 = "004_344aa2d2252aadda.txt"


def _combo(dlg, step: int) -> QComboBox:
    combo = dlg.lanes.findChild(QComboBox, f"lane_for_step_{step}")
    assert combo is not None, step
    return combo


def test_seed_becomes_a_new_version_after_the_lanes_are_assigned(qtbot, dialog, ui_services,
                                                                  seeds_dir):
    before = ui_services.sops.get("YANKOMAS-BENGKULU")
    assert before.version == 1
    read_file(qtbot, dialog, seeds_dir / SEED_004)
    assert dialog.sop_list.count() == 1
    defn = dialog.current_definition()
    # preview: steps, the importer's warnings, and what saving will do
    assert dialog.detail.steps_model.rowCount() == len(defn.steps) == 7
    shown = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert any("pelaksana tidak dapat ditentukan" in w for w in shown)
    assert dialog.target_combo.currentData() == "YANKOMAS-BENGKULU"
    assert "Versi 2 dari YANKOMAS-BENGKULU" in dialog.target_combo.currentText()
    # one combo per unassigned step; saving waits until every one has a lane
    pending = [s.number for s in defn.steps if s.lane is None]
    assert pending and dialog.lanes.rowCount() == len(pending)
    assert not dialog.save_button.isEnabled()
    assert "pelaksana" in dialog.save_button.toolTip().lower()
    for number in pending:
        combo = _combo(dialog, number)
        assert [combo.itemData(i) for i in range(1, combo.count())] == defn.lane_names
        combo.setCurrentIndex(combo.findData("Kasubbid Pemajuan HAM"))
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.imported) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [stored] = saved.args[0]
    assert (stored.code, stored.version) == ("YANKOMAS-BENGKULU", 2)
    latest = ui_services.sops.get("YANKOMAS-BENGKULU")
    assert latest.version == 2 and ui_services.sops.versions("YANKOMAS-BENGKULU") == [1, 2]
    for number in pending:
        step = latest.step(number)
        assert step.lane == "Kasubbid Pemajuan HAM" and "lane_unassigned" not in step.flags
    # the curated version is still readable, unchanged
    assert ui_services.sops.get("YANKOMAS-BENGKULU", 1).to_dict() == before.to_dict()
    # the intake fields came along from the version it revises
    assert [f.key for f in latest.fields] == [f.key for f in before.fields]


def test_choosing_new_sop_and_unchecking(qtbot, dialog, ui_services, seeds_dir):
    codes = set(ui_services.sops.codes())
    read_file(qtbot, dialog, seeds_dir / SEED_004)
    index = dialog.target_combo.findData("__baru__")
    dialog.target_combo.setCurrentIndex(index)
    dialog.target_combo.activated.emit(index)
    defn = dialog.current_definition()
    for step in [s for s in defn.steps if s.lane is None]:
        combo = _combo(dialog, step.number)
        combo.setCurrentIndex(combo.findData("Tim Yankomas"))
    dialog.sop_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.save_button.isEnabled()  # nothing chosen to save
    dialog.sop_list.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.imported) as saved:
        dialog.save_button.click()
    [stored] = saved.args[0]
    assert stored.code not in codes and stored.version == 1
    assert ui_services.sops.get("YANKOMAS-BENGKULU").version == 1


def test_a_file_that_is_not_an_sop_says_so_and_saves_nothing(qtbot, dialog, ui_services,
                                                             tmp_path):
    junk = tmp_path / "catatan.txt"
    junk.write_text("Daftar belanja kantor\nkertas\ttinta\n", encoding="utf-8")
    count = len(ui_services.sops.codes())
    read_file(qtbot, dialog, junk)
    assert dialog.status.text().startswith("Berkas tidak dapat dibaca: catatan.txt")
    assert "Traceback" not in dialog.status.text()
    assert dialog.sop_list.count() == 0 and not dialog.save_button.isEnabled()
    assert len(ui_services.sops.codes()) == count


def test_two_sops_of_one_file_follow_the_core_plan(qtbot, dialog, ui_services, seeds_dir,
                                                   tmp_path):
    """The dialog's choices come from the core's import plan (the CLI's too): the second SOP
    matching the same stored SOP is offered as a new SOP, with the note; saving hands the
    window the Changes the core returned."""
    from sop_desktop.services.changes import Changes

    text = (seeds_dir / SEED_004).read_text(encoding="utf-8")
    both = tmp_path / "dua.txt"
    both.write_text(text + "\n\n" + text.replace("22 hari", "21 hari"), encoding="utf-8")
    read_file(qtbot, dialog, both)
    assert dialog.sop_list.count() == 2
    assert dialog.target_combo.currentData() == "YANKOMAS-BENGKULU"
    dialog.sop_list.setCurrentRow(1)
    assert dialog.target_combo.currentData() == "__baru__"
    shown = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert any("sudah menjadi versi barunya" in w for w in shown)
    for row in (0, 1):
        dialog.sop_list.setCurrentRow(row)  # the lanes tab's combos are the current SOP's
        for pending in range(dialog.lanes.rowCount()):
            combo = dialog.lanes.cellWidget(pending, 2)
            combo.setCurrentIndex(combo.findData("Tim Yankomas"))
    assert dialog.save_button.isEnabled(), dialog.save_button.toolTip()
    with qtbot.waitSignal(dialog.imported) as saved:
        dialog.save_button.click()
    first, second = saved.args[0]
    assert (first.code, first.version) == ("YANKOMAS-BENGKULU", 2)
    assert second.code != "YANKOMAS-BENGKULU" and second.version == 1
    assert saved.args[1] == Changes(sops=True)
