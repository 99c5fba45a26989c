"""Page pictures for the import review: a Word or Excel reading drawn from itself (cell grid,
text, shapes, each step's row and symbols). The scanned page's picture is checked where it is
shown, in tests/ui/test_import_review_pages.py (one OCR reading for both)."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from sop_desktop.importers import import_file, read_sop_file
from sop_desktop.importers.page_picture import GridPage, add_pictures, is_scan_page
from tests.conftest import ROOT
from tests.office_documents import document, key_named, keys


@pytest.mark.parametrize("key", keys(".docx") + keys(".xlsx"), ids=lambda k: k["document"])
def test_every_step_has_its_row_with_text_and_its_symbols_in_its_lanes(key):
    path = document(key)
    result = add_pictures(read_sop_file(path))
    assert result.pages and all(isinstance(p, GridPage) for p in result.pages)
    [defn] = result.sops
    [rows] = result.origins.rows
    assert len(rows) == len(defn.steps)
    for step, origin in zip(defn.steps, rows, strict=True):
        assert origin is not None and origin.number == step.number
        page = origin.page
        assert page in result.pages and page.source.path == str(path)
        # the row's kegiatan cell is in the picture, where the row is
        assert any(abs(c.y0 - origin.top) < 0.01 and c.text == step.kegiatan for c in page.cells)
        assert page.rows[0] <= origin.top < origin.bottom <= page.rows[-1]
        # its symbols sit in the row and in the lane columns of its lane (and co-lanes)
        assert origin.shapes, step.number
        lanes = dict(origin.columns.lanes)
        seen = {lanes.get(origin.columns.col_of(s.cx)) for s in origin.shapes}
        assert step.lane in seen and seen <= {step.lane, *step.co_lanes}, step.number
        assert all(origin.top - 1 <= s.cy <= origin.bottom + 1 for s in origin.shapes)


def test_a_workbook_without_drawing_gets_its_cell_grid(tmp_path):
    path = tmp_path / "tanpa_gambar.xlsx"
    wb = Workbook()
    ws = wb.active
    rows = (["NAMA SOP", ":", "PENCATATAN SURAT"], [],
            ["No", "Kegiatan", "Pelaksana", None, "Waktu", "Output"],
            [None, None, "Staf", "Kepala", None, None],
            [1, "Staf mencatat surat", "X", None, "5 menit", "Agenda"],
            [2, "Kepala membaca surat", None, "X", "10 menit", "Disposisi"])
    for row in rows:
        ws.append(row)
    ws.column_dimensions["B"].width = 40
    wb.save(path)
    result = add_pictures(import_file(path))
    [page] = result.pages
    assert isinstance(page, GridPage) and not page.shapes
    assert page.source.kind == "xlsx"
    widths = [b - a for a, b in zip(page.columns, page.columns[1:], strict=False)]
    assert widths[1] > 3 * widths[0]  # the sheet's own column widths
    [rows_] = result.origins.rows
    assert [o.number for o in rows_] == [1, 2]
    texts = {c.text for c in page.cells}
    assert {"Staf mencatat surat", "Kepala membaca surat", "Kegiatan", "5 menit"} <= texts


def test_other_readings_are_left_as_they_are():
    pdf = ROOT / "tests" / "fixtures" / "documents" / "monev.pdf"
    result = read_sop_file(pdf)
    pages = result.pages
    assert add_pictures(result).pages is pages  # a PDF reading has its own pages
    assert pages and not any(is_scan_page(p) for p in pages)  # its text layer is no OCR


@pytest.mark.parametrize("key", [key_named("monev.docx"), key_named("diseminasi_ham.xlsx")],
                         ids=lambda k: k["document"])
def test_the_reader_gives_pages_and_origins_and_the_picture_needs_no_second_reading(key, tmp_path):
    copy = tmp_path / f"salinan{document(key).suffix}"
    copy.write_bytes(document(key).read_bytes())
    result = import_file(copy)  # the Word or Excel reader alone, without add_pictures
    assert result.pages and all(isinstance(p, GridPage) for p in result.pages)
    assert result.origins is not None and len(result.origins.rows) == len(result.sops)
    assert all(o is not None and o.page in result.pages for o in result.origins.rows[0])
    copy.unlink()  # the picture is built from the reading: the file is not opened again
    add_pictures(result)
    [defn] = result.sops
    texts = {c.text for p in result.pages for c in p.cells}
    assert {s.kegiatan for s in defn.steps} <= texts
