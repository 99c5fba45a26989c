"""The unseen offices' workbooks printed to PDF (H41): each tests/fixtures/import/unseen/*.xlsx
set up as an office prints it (A4 landscape, one page wide, borders round the table, columns
fitted to their text, drawn shapes outlined) and saved as PDF by make_unseen_pdf.py there; three
also printed as they are, without borders (<name>_tanpa_garis.pdf). Each PDF must read to the
same hand key as its workbook, in under 3 s: lanes marked only by a filled cell, by a symbol
character or by drawn shapes, Roman step numbers, a holder's NIP line under the lane name, a
table going on over a second sheet printed with other column widths, a table without rules
(columns from the gaps between words, group titles without a rule under them).

The committed PDFs are always read; only the regeneration needs LibreOffice (`soffice`).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from sop_desktop.importers import read_sop_file
from tests.core.import_support import key_misses

UNSEEN = Path(__file__).parent.parent / "fixtures" / "import" / "unseen"
WORKBOOKS = sorted(UNSEEN.glob("*.xlsx"))
PLAIN = "_tanpa_garis"  # printed as it is, without borders (make_unseen_pdf.PLAIN)
PDFS = sorted(p for p in UNSEEN.glob("*.pdf")
              if (UNSEEN / f"{p.stem.removesuffix(PLAIN)}.xlsx").is_file())


def test_every_workbook_has_its_small_printed_pdf():
    assert len(WORKBOOKS) >= 6
    for book in WORKBOOKS:
        assert book.with_suffix(".pdf").read_bytes()[:5] == b"%PDF-", book.name
    assert sum(p.stem.endswith(PLAIN) for p in PDFS) >= 3
    assert sum(p.stat().st_size for p in PDFS) < 300 * 1024


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_printed_workbook_reads_to_the_workbooks_hand_key(pdf):
    key = json.loads((UNSEEN / f"{pdf.stem.removesuffix(PLAIN)}.json").read_text(
        encoding="utf-8"))
    start = time.perf_counter()
    result = read_sop_file(pdf)
    assert time.perf_counter() - start < 3.0
    assert key_misses(result, key) == []
    assert not [w for w in result.warnings if "dilewati" in w]  # no table or page skipped


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak ada")
def test_printing_again_gives_a_pdf_that_reads_the_same(tmp_path):
    names = ["kelurahan_warna_tanpa_subjek.xlsx", "disdik_simbol_dua_lembar.xlsx"]
    subprocess.run([sys.executable, str(UNSEEN / "make_unseen_pdf.py"), "--outdir",
                    str(tmp_path), *names], check=True, timeout=300)
    for name in names:
        key = json.loads((UNSEEN / name).with_suffix(".json").read_text(encoding="utf-8"))
        assert key_misses(read_sop_file(tmp_path / Path(name).with_suffix(".pdf").name),
                          key) == []


# ---------------------------------------------------------------- the rules, one by one

COLS = [40, 75, 260, 330, 400, 470, 540, 620]  # No | Kegiatan | 3 lanes | Waktu | Output
LANES = ["Pemohon", "Petugas", "Kepala"]


def _draw_table(c: canvas.Canvas, cols: list[float], texts: list[list[str]],
                lanes: list[int | None], shade_row: int | None = None,
                cell_by_cell: bool = False) -> None:
    """Ruled rows of `texts` from the top of the page; the lane cell lanes[r] filled orange
    (no text in it), row `shade_row` shaded grey all across (`cell_by_cell`: each of its cells
    filled on its own, as a spreadsheet prints a row's fill)."""
    top = landscape(A4)[1] - 80
    for r, (row, lane) in enumerate(zip(texts, lanes, strict=True)):
        y_bot = top - 20 * (r + 1)
        if shade_row == r:
            c.setFillColorRGB(0.85, 0.85, 0.85)
            for x0, x1 in (zip(cols, cols[1:], strict=False) if cell_by_cell
                           else [(cols[0], cols[-1])]):
                c.rect(x0, y_bot, x1 - x0, 20, stroke=0, fill=1)
        if lane is not None:
            c.setFillColorRGB(1.0, 0.75, 0.0)
            c.rect(cols[2 + lane], y_bot, cols[3 + lane] - cols[2 + lane], 20, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        for k, text in enumerate(row):
            c.drawString(cols[k] + 3, y_bot + 7, text)
    c.setLineWidth(0.5)
    for r in range(len(texts) + 1):
        c.line(cols[0], top - 20 * r, cols[-1], top - 20 * r)
    for x in cols:
        c.line(x, top, x, top - 20 * len(texts))


def _ruled_table(path: Path, rows: list[tuple[str, str, int | None, str, str]],
                 shade_row: int | None = None, more: list | None = None,
                 more_cols: list[float] | None = None, cell_by_cell: bool = False) -> Path:
    """A ruled SOP table as a spreadsheet prints it, lanes marked by a filled cell; `more`:
    rows going on on a second page without the header, with columns `more_cols`."""
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    c.setFont("Helvetica", 9)
    c.drawString(40, landscape(A4)[1] - 40, "NAMA SOP : UJI WARNA SEL")
    head = ["No", "Kegiatan", *LANES, "Waktu", "Output"]
    _draw_table(c, COLS, [head] + [[n, k, "", "", "", w, o] for n, k, _, w, o in rows],
                [None] + [lane for _, _, lane, _, _ in rows], shade_row, cell_by_cell)
    if more:
        c.showPage()
        c.setFont("Helvetica", 9)
        _draw_table(c, more_cols or COLS, [[n, k, "", "", "", w, o] for n, k, _, w, o in more],
                    [lane for _, _, lane, _, _ in more])
    c.save()
    return path


STEPS = [("1", "Mengajukan permohonan", 0, "5 menit", "Berkas"),
         ("2", "Memeriksa berkas", 1, "10 menit", "Berkas diperiksa"),
         ("3", "Menandatangani izin", 2, "1 hari", "Izin"),
         ("4", "Menyerahkan izin", 1, "5 menit", "Tanda terima")]


def test_a_filled_lane_cell_in_a_pdf_marks_the_lane(tmp_path):
    [defn] = read_sop_file(_ruled_table(tmp_path / "warna.pdf", STEPS)).sops
    assert defn.lane_names == LANES
    assert [s.lane for s in defn.steps] == ["Pemohon", "Petugas", "Kepala", "Petugas"]
    assert [s.output for s in defn.steps] == ["Berkas", "Berkas diperiksa", "Izin",
                                              "Tanda terima"]


@pytest.mark.parametrize("cell_by_cell", [False, True])
def test_a_row_shaded_all_across_marks_no_lane(tmp_path, cell_by_cell):
    steps = [*STEPS[:2], (*STEPS[2][:2], None, *STEPS[2][3:]), STEPS[3]]
    [defn] = read_sop_file(_ruled_table(tmp_path / "belang.pdf", steps, shade_row=3,
                                        cell_by_cell=cell_by_cell)).sops
    assert defn.step(3).co_lanes == []  # nor a mark in every lane
    assert defn.step(3).lane != "Pemohon"  # the grey band over the first lane is no mark
    assert [defn.step(n).lane for n in (1, 2, 4)] == ["Pemohon", "Petugas", "Petugas"]


def test_roman_step_numbers_in_a_pdf_table(tmp_path):
    steps = [(roman, *rest) for roman, (_, *rest) in zip(["I", "II", "III", "IV"], STEPS,
                                                          strict=True)]
    result = read_sop_file(_ruled_table(tmp_path / "romawi.pdf", steps))
    [defn] = result.sops
    assert [s.number for s in defn.steps] == [1, 2, 3, 4]
    assert [s.lane for s in defn.steps] == ["Pemohon", "Petugas", "Kepala", "Petugas"]
    assert any("Romawi" in w for w in result.warnings)


def test_a_second_page_with_other_column_widths_goes_on_with_the_table(tmp_path):
    # a continuation sheet printed apart: the same columns in the same order, other widths
    # (the disdik workbook also leaves its empty last column out)
    more = [("5", "Mengarsipkan berkas", 1, "5 menit", "Arsip"),
            ("6", "Melaporkan hasil", 2, "1 jam", "Laporan")]
    other = [40, 90, 330, 380, 430, 480, 560, 700]
    result = read_sop_file(_ruled_table(tmp_path / "dua.pdf", STEPS, more=more,
                                        more_cols=other))
    [defn] = result.sops
    assert [s.number for s in defn.steps] == [1, 2, 3, 4, 5, 6]
    assert [defn.step(5).lane, defn.step(6).lane] == ["Petugas", "Kepala"]
    assert (defn.step(5).kegiatan, defn.step(6).waktu.unit) == ("Mengarsipkan berkas", "jam")


def test_a_table_without_rules_takes_its_columns_from_the_gaps(tmp_path):
    """A spreadsheet printed without borders: numbers set right against the kegiatan, header
    titles centred over left-set text, "Pelaksana" and "Mutu Baku" over their columns with no
    rule under them, the kegiatan of a row running past the middle between two headers."""
    path = tmp_path / "polos.pdf"
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    top = landscape(A4)[1] - 60
    c.setFont("Helvetica", 8)
    c.drawString(40, top + 30, "NAMA SOP : UJI TANPA GARIS")
    cols = [40, 56, 250, 310, 370, 430, 500, 560, 660]  # No Keg 3 lanes Kel Waktu Output
    c.drawCentredString(340, top, "Pelaksana")
    c.drawCentredString(560, top, "Mutu Baku")
    for k, text in enumerate(["No", "Kegiatan"]):
        c.drawCentredString((cols[k] + cols[k + 1]) / 2, top - 6, text)
    for k, text in enumerate([*LANES, "Kelengkapan", "Waktu", "Output"], start=2):
        c.drawCentredString((cols[k] + cols[k + 1]) / 2, top - 12, text)
    rows = [("1", "Pemohon mengajukan permohonan izin usaha mikro", 0, "KTP", "5 menit",
             "Berkas"), ("2", "Petugas memeriksa berkas", 1, "Berkas", "10 menit",
                         "Berkas diperiksa"),
            ("3", "Kepala menandatangani izin", 2, "Konsep", "1 hari", "Izin")]
    for r, (num, keg, lane, kel, waktu, out) in enumerate(rows):
        y = top - 26 - 12 * r
        c.drawRightString(cols[1] - 1, y, num)
        c.drawString(cols[1] + 1, y, keg)
        c.drawString(cols[2 + lane] + 2, y, "v")
        for k, text in zip((5, 6, 7), (kel, waktu, out), strict=True):
            c.drawString(cols[k] + 2, y, text)
    c.save()
    [defn] = read_sop_file(path).sops
    assert defn.lane_names == LANES
    assert [s.lane for s in defn.steps] == ["Pemohon", "Petugas", "Kepala"]
    assert defn.step(1).kegiatan == "Pemohon mengajukan permohonan izin usaha mikro"
    assert [s.output for s in defn.steps] == ["Berkas", "Berkas diperiksa", "Izin"]
    assert [s.waktu.unit for s in defn.steps] == ["menit", "menit", "hari"]
