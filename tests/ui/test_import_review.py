"""The import dialog reads a PDF off the UI thread with page progress and stores the SOP the
drawing shows (lanes, kinds, branches) after Simpan."""

from __future__ import annotations

import pytest

from sop_desktop.flowchart.pdf import sop_pdf_bytes
from sop_desktop.importers.library import bundled_sop_dir, load
from tests.ui.support import read_file

pytestmark = pytest.mark.usefixtures("no_widgets_left")


def test_pdf_is_read_with_progress_and_saved(qtbot, dialog, ui_services, tmp_path):  # noqa: F811
    want = load(bundled_sop_dir() / "yankomas-kanwil.toml")
    path = tmp_path / "yankomas.pdf"
    path.write_bytes(sop_pdf_bytes(want, "A4", True))
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    read_file(qtbot, dialog, path)
    assert dialog.sop_list.count() == 1
    got = dialog.current_definition()
    assert [s.lane for s in got.steps] == [s.lane for s in want.steps]
    assert [(s.kind, s.yes, s.no) for s in got.steps] == [(s.kind, s.yes, s.no)
                                                          for s in want.steps]
    assert seen and max(seen) >= 1  # page progress reached the bar
    assert dialog.save_button.isEnabled()
    before = len(ui_services.sops.latest_all())
    dialog.save()
    assert len(ui_services.sops.latest_all()) in (before, before + 1)


def test_review_shows_the_page_and_edits_lane_kind_and_branches(qtbot, dialog,  # noqa: F811
                                                                 tmp_path):
    from PySide6.QtWidgets import QComboBox

    want = load(bundled_sop_dir() / "rkt.toml")
    path = tmp_path / "rkt.pdf"
    path.write_bytes(sop_pdf_bytes(want, "A4", True))
    read_file(qtbot, dialog, path)
    review = dialog.review
    assert dialog.detail.indexOf(review) >= 0
    assert review.table.rowCount() == len(want.steps)
    # the page is drawn with one outline and one number per symbol of the steps on it
    texts = [i.text() for i in review.canvas.scene().items() if hasattr(i, "text")]
    assert "1" in texts and review.canvas.highlight is not None
    first_band = review.canvas.highlight.rect()
    review.table.setCurrentCell(2, 1)
    assert review.canvas.highlight.rect() != first_band  # clicking a step shows its row
    defn = dialog.current_definition()
    step = defn.steps[2]
    assert review.step() is step  # the chosen step's fields are below the list
    lane = review.findChild(QComboBox, "review_lane")
    other = next(lane_.name for lane_ in defn.lanes if lane_.name != step.lane)
    lane.setCurrentIndex(lane.findData(other))
    assert step.lane == other
    assert review.table.item(2, 2).text() == other
    kind = review.findChild(QComboBox, "review_kind")
    kind.setCurrentIndex(kind.findData("decision"))
    assert step.kind == "decision" and step.yes == defn.steps[3].number
    no = review.findChild(QComboBox, "review_no")
    assert no.isEnabled()
    no.setCurrentIndex(no.findData(1))
    assert step.no == 1
    assert dialog.save_button.isEnabled()


def test_toml_import_has_the_line_review_without_a_page(qtbot, dialog, tmp_path):  # noqa: F811
    from sop_desktop.importers.library import dumps

    path = tmp_path / "rkt.toml"
    path.write_text(dumps(load(bundled_sop_dir() / "rkt.toml")), encoding="utf-8")
    read_file(qtbot, dialog, path)
    at = dialog.detail.indexOf(dialog.review)
    assert at >= 0 and dialog.detail.tabText(at) == "Tinjau baris sumber"
    assert dialog.review.page_side.isHidden() and not dialog.review.source_box.isHidden()


def test_cancel_while_reading_stops_the_worker(qtbot, dialog, tmp_path):  # noqa: F811
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    data = sop_pdf_bytes(load(bundled_sop_dir() / "skp.toml"))
    for _ in range(20):
        for page in PdfReader(__import__("io").BytesIO(data)).pages:
            writer.add_page(page)
    path = tmp_path / "panjang.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    messages: list[str] = []
    dialog.status.setText("")
    dialog.load_path(str(path))
    qtbot.waitUntil(lambda: "Membaca:" in dialog.status.text(), timeout=20000)
    dialog.cancel_read = True
    qtbot.waitUntil(lambda: dialog.read_button.isEnabled(), timeout=20000)
    messages.append(dialog.status.text())
    assert "dibatalkan" in messages[0]
    assert dialog.sop_list.count() == 0
