"""The import review for text extractions and .toml files (issue 15): no page, the steps and
the fields fill the width, each step's source is its quoted line(s) in the file, steps whose
lane is only a guess from the sentence (or missing) are marked, and corrections made there are
what Simpan stores."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sop_desktop.importers.library import bundled_sop_dir, dumps, load
from tests.ui.support import mnemonics, read_file

pytestmark = pytest.mark.usefixtures("no_widgets_left")
FIXTURE = Path(__file__).parent.parent / "fixtures" / "import" / "informasi_publik.txt"


def _open_review(dialog) -> None:
    at = dialog.detail.indexOf(dialog.review)
    assert at >= 0
    dialog.detail.setCurrentIndex(at)


def _stored(db: Path, code: str) -> dict:
    """The newest stored definition of `code`, read straight from the SQLite file."""
    with sqlite3.connect(db) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        table = next(t for t in tables if t.replace("_", "").lower() == "sopversion")
        row = con.execute(f"SELECT definition FROM {table} WHERE code = ? "  # noqa: S608
                          "ORDER BY version DESC LIMIT 1", (code,)).fetchone()
    return json.loads(row[0])


def test_a_text_import_gets_the_review_with_its_lines_and_guessed_lanes_marked(qtbot, dialog):
    read_file(qtbot, dialog, FIXTURE)
    review = dialog.review
    _open_review(dialog)
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    # no page: the page side is hidden, the steps and the source lines take the width
    assert not review.page_side.isVisible() and review.source_box.isVisible()
    assert review.table.width() > review.width() * 0.8
    defn = dialog.current_definition()
    assert review.table.rowCount() == len(defn.steps)
    # steps 2-5, 7, 8: lane from the sentence; 6: none; 1 and 9 have MULAI/SELESAI in a lane
    assert review.low_steps() == [2, 3, 4, 5, 6, 7, 8]
    tab = dialog.detail.tabText(dialog.detail.indexOf(review))
    assert tab == "Tinjau baris sumber (⚠ 7)"
    assert review.table.item(0, 0).text() == "1" and review.table.item(1, 0).text() == "⚠ 2"
    # choosing a step quotes the line it was read from, and says why it is marked
    review.table.setCurrentCell(2, 1)
    assert review.source_text.toPlainText() == lines[9]  # step 3 is line 10 of the file
    assert "informasi_publik.txt, baris 10" in review.source_title.text()
    assert review.source_why.isVisible() and "ditebak dari kalimat" in review.source_why.text()
    review.table.setCurrentCell(0, 1)
    assert review.source_text.toPlainText() == lines[7] and not review.source_why.isVisible()
    review.table.setCurrentCell(5, 1)
    assert "belum ada" in review.source_why.text()


def test_corrections_in_the_text_review_are_what_simpan_stores(qtbot, dialog, ui_services,
                                                              tmp_path):
    path = tmp_path / "informasi.txt"
    path.write_bytes(FIXTURE.read_bytes())
    read_file(qtbot, dialog, path)
    review = dialog.review
    _open_review(dialog)
    defn = dialog.current_definition()
    assert not dialog.save_button.isEnabled()  # step 6 has no lane yet
    # step 3's guessed lane corrected: no longer marked
    review.table.setCurrentCell(2, 1)
    review.lane_combo.setCurrentIndex(review.lane_combo.findData("PPID Pelaksana"))
    assert defn.steps[2].lane == "PPID Pelaksana" and 3 not in review.low_steps()
    assert review.table.item(2, 0).text() == "3" and not review.source_why.isVisible()
    # step 2 is a decision: its Tidak goes back to step 1 instead
    review.table.setCurrentCell(1, 1)
    assert defn.steps[1].kind == "decision" and review.no_combo.isEnabled()
    review.no_combo.setCurrentIndex(review.no_combo.findData(1))
    assert defn.steps[1].no == 1
    # step 6 gets its lane here too; Simpan is possible once every step has one
    review.table.setCurrentCell(5, 1)
    review.lane_combo.setCurrentIndex(review.lane_combo.findData("PPID Pelaksana"))
    assert dialog.save_button.isEnabled()
    assert dialog.detail.tabText(dialog.detail.indexOf(review)) == "Tinjau baris sumber (⚠ 5)"
    with qtbot.waitSignal(dialog.imported) as saved:
        dialog.save_button.click()
    [stored] = saved.args[0]
    raw = _stored(tmp_path / "ui.sqlite3", stored.code)
    steps = {s["number"]: s for s in raw["steps"]}
    assert steps[3]["lane"] == "PPID Pelaksana" and steps[6]["lane"] == "PPID Pelaksana"
    assert (steps[2]["kind"], steps[2]["yes"], steps[2]["no"]) == ("decision", 3, 1)
    assert steps[4]["lane"] == defn.steps[3].lane  # the untouched guesses are kept as read
    again = ui_services.sops.get(stored.code)
    assert again.step(2).no == 1 and again.step(3).lane == "PPID Pelaksana"


def test_a_lane_set_on_the_pelaksana_tab_clears_the_mark_in_the_review(qtbot, dialog):
    read_file(qtbot, dialog, FIXTURE)
    review = dialog.review
    combo = dialog.lanes.cellWidget(0, 2)
    assert combo.objectName() == "lane_for_step_6"
    combo.setCurrentIndex(combo.findData("PPID Pelaksana"))
    assert 6 not in review.low_steps()
    assert review.table.item(5, 2).text() == "PPID Pelaksana"
    assert dialog.detail.tabText(dialog.detail.indexOf(review)) == "Tinjau baris sumber (⚠ 6)"


def test_a_toml_file_quotes_each_steps_block(qtbot, dialog, tmp_path):
    want = load(bundled_sop_dir() / "rkt.toml")
    path = tmp_path / "rkt.toml"
    path.write_text(dumps(want), encoding="utf-8")
    read_file(qtbot, dialog, path)
    review = dialog.review
    _open_review(dialog)
    assert review.source_box.isVisible() and not review.page_side.isVisible()
    assert review.low_steps() == []  # every lane written in the file
    assert dialog.detail.tabText(dialog.detail.indexOf(review)) == "Tinjau baris sumber"
    review.table.setCurrentCell(3, 1)
    quoted = review.source_text.toPlainText().splitlines()
    assert quoted[0] == "[[steps]]" and "number = 4" in quoted


def test_a_pdf_after_a_text_shows_its_page_again(qtbot, dialog, tmp_path):
    from sop_desktop.flowchart.pdf import sop_pdf_bytes

    read_file(qtbot, dialog, FIXTURE)
    path = tmp_path / "rkt.pdf"
    path.write_bytes(sop_pdf_bytes(load(bundled_sop_dir() / "rkt.toml"), "A4", True))
    read_file(qtbot, dialog, path)
    _open_review(dialog)
    review = dialog.review
    assert review.page_side.isVisible() and not review.source_box.isVisible()
    assert dialog.detail.tabText(dialog.detail.indexOf(review)).startswith("Tinjau halaman sumber")


def test_the_text_review_by_keyboard(qtbot, dialog):
    read_file(qtbot, dialog, FIXTURE)
    _open_review(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    review = dialog.review
    review.table.setCurrentCell(1, 1)  # step 2, a decision
    review.name_edit.setFocus()
    order = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    assert order == ["review_steps", "review_lane", "review_kind", "review_yes", "review_no",
                     "review_kegiatan", "review_waktu", "review_output", "review_prev",
                     "review_next", "review_source", "import_cancel"]  # Simpan: step 6 has no lane
    review.kegiatan_edit.setFocus()
    qtbot.keyClick(review.kegiatan_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert review.current == 2
    assert review.source_text.toPlainText().startswith("3\t")
    # Alt+S goes to the quoted lines (read only); every Alt key of the dialog is its own
    keys = mnemonics(dialog)
    assert "s" in keys and len(keys) == len(set(keys))
    qtbot.keyClick(review.kegiatan_edit, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is review.source_text and review.source_text.isReadOnly()


def test_a_lane_looked_at_stays_so_when_another_sop_of_the_file_was_shown(qtbot, dialog):
    seeds = Path(__file__).parent.parent / "fixtures" / "seeds"
    read_file(qtbot, dialog, seeds / "001_cf2c3cfdffebc010.txt")
    assert dialog.sop_list.count() >= 2
    review = dialog.review
    first = review.low_steps()
    assert first and first[0] == 1  # step 1's lane comes from its sentence
    review.table.setCurrentCell(0, 1)
    other = review.lane_combo.findData(dialog.current_definition().lanes[1].name)
    review.lane_combo.setCurrentIndex(other)
    assert review.low_steps() == first[1:]
    dialog.sop_list.setCurrentRow(1)
    assert review.defn is dialog.result_sops[1]
    dialog.sop_list.setCurrentRow(0)
    assert review.low_steps() == first[1:]
    assert review.source_text.toPlainText().startswith("1.\tMenyampaikan surat pengaduan")
