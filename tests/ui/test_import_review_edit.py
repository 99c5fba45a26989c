"""Corrections in the import review before Simpan: a step's kegiatan, waktu and output and the
SOP's name, checked by the core (a bad value named in place, Simpan held back); nothing is
stored before Simpan; and all of it by keyboard (tab order, next/previous step, Enter)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.office_documents import document, key_named
from tests.ui.support import read_file

pytestmark = pytest.mark.usefixtures("no_widgets_left")
KEY = key_named("monev.docx")


def _retype(qtbot, edit, text: str) -> None:
    """Select all in a field and type `text` as a person does."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_text_corrections_are_checked_in_place_and_stored_only_on_simpan(
        qtbot, dialog, ui_services):  # noqa: F811
    read_file(qtbot, dialog, document(KEY))
    review = dialog.review
    defn = dialog.current_definition()
    review.table.setCurrentCell(1, 1)
    step = defn.steps[1]
    assert review.waktu_edit.text() == step.waktu.text == "15 menit"
    # a waktu the core cannot read: its message beside the field, the step unchanged
    _retype(qtbot, review.waktu_edit, "secepatnya")
    assert review.error.isVisible()
    assert "waktu 'secepatnya' tidak dapat dibaca" in review.error.text()
    assert "langkah 2" in review.error.text()
    assert step.waktu.text == "15 menit"
    assert not dialog.save_button.isEnabled()
    assert "secepatnya" in dialog.save_button.toolTip()
    # a readable one: the message goes; it is applied when the field is left
    _retype(qtbot, review.waktu_edit, "1-2 hari")
    assert not review.error.isVisible() and dialog.save_button.isEnabled()
    assert step.waktu.text == "15 menit"
    qtbot.keyClick(review.waktu_edit, Qt.Key.Key_Tab)
    assert (step.waktu.min, step.waktu.max, step.waktu.unit) == (1, 2, "hari")
    # an empty kegiatan is refused the same way
    review.kegiatan_edit.setFocus()
    review.kegiatan_edit.selectAll()
    qtbot.keyClick(review.kegiatan_edit, Qt.Key.Key_Delete)
    assert "kegiatan tidak boleh kosong" in review.error.text()
    assert step.kegiatan and not dialog.save_button.isEnabled()
    qtbot.keyClicks(review.kegiatan_edit, "Memeriksa konsep Nota Dinas")
    assert step.kegiatan == "Memeriksa konsep Nota Dinas"
    assert review.table.item(1, 1).text() == "Memeriksa konsep Nota Dinas"
    _retype(qtbot, review.output_edit, "Nota Dinas diperiksa")
    _retype(qtbot, review.name_edit, "Monev Kinerja")
    qtbot.waitUntil(lambda: "Monev Kinerja" in dialog.sop_list.item(0).text(), timeout=3000)
    row = dialog.detail.steps_model.rowCount()
    assert row == len(defn.steps)
    # nothing is stored before Simpan
    assert "Monev Kinerja" not in {d.name for d in ui_services.sops.latest_all()}
    with qtbot.waitSignal(dialog.imported) as saved:
        dialog.save_button.click()
    [stored] = saved.args[0]
    again = ui_services.sops.get(stored.code)
    assert again.name == "Monev Kinerja"
    got = again.step(2)
    assert (got.kegiatan, got.waktu.text, got.output) == ("Memeriksa konsep Nota Dinas",
                                                           "1-2 hari", "Nota Dinas diperiksa")


def test_an_invalid_value_left_behind_is_not_applied(qtbot, dialog):  # noqa: F811
    read_file(qtbot, dialog, document(KEY))
    review = dialog.review
    step = dialog.current_definition().steps[0]
    _retype(qtbot, review.waktu_edit, "3 windu")
    assert "tidak dapat dibaca" in review.error.text()
    review.table.setCurrentCell(1, 1)  # another step: the wrong text is dropped, not stored
    assert not review.error.isVisible() and dialog.save_button.isEnabled()
    review.table.setCurrentCell(0, 1)
    assert review.waktu_edit.text() == step.waktu.text == "30 menit"


def test_everything_by_keyboard(qtbot, dialog, ui_services):  # noqa: F811
    read_file(qtbot, dialog, document(KEY))
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    review = dialog.review
    # Tab order through the review: name, steps, the step's fields, the moves
    review.name_edit.setFocus()
    order = []
    for _ in range(9):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    # step 1 is no decision (no Ya/Tidak to choose) and has no previous step
    assert order == ["review_steps", "review_lane", "review_kind", "review_kegiatan",
                     "review_waktu", "review_output", "review_next", "import_save",
                     "import_cancel"]
    # Ctrl+Down / Ctrl+Up: next and previous step, from any field of the review
    review.kegiatan_edit.setFocus()
    assert review.current == 0
    qtbot.keyClick(review.kegiatan_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert review.current == 1 and review.table.currentRow() == 1
    qtbot.keyClick(review.waktu_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert review.current == 2
    qtbot.keyClick(review.waktu_edit, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert review.current == 1
    assert review.step_title.text().startswith("<b>Langkah 2</b>")
    # Ctrl++ / Ctrl+- zoom the page, Ctrl+0 shows its whole width
    scale = review.canvas.transform().m11()
    qtbot.keyClick(review.waktu_edit, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert review.canvas.transform().m11() == pytest.approx(scale * 1.25)
    qtbot.keyClick(review.waktu_edit, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert review.canvas.transform().m11() == pytest.approx(scale)
    qtbot.keyClick(review.waktu_edit, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    view = review.canvas
    width = view.scene().sceneRect().width() * view.transform().m11()
    assert width == pytest.approx(view.viewport().width() - 4, abs=1)
    # Enter in a field goes on to the next one and saves nothing
    count = len(ui_services.sops.latest_all())
    review.waktu_edit.setFocus()
    qtbot.keyClick(review.waktu_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is review.output_edit
    assert len(ui_services.sops.latest_all()) == count and dialog.isVisible()
    # Enter on Simpan saves
    dialog.save_button.setFocus()
    with qtbot.waitSignal(dialog.imported):
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    assert not dialog.isVisible()
