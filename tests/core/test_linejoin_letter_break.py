"""A word longer than its table cell, broken by Word or LibreOffice between letters without a
hyphen, joins back into one word; a normal wrap at a space keeps its space."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from sop_desktop.importers.geometry import Page, Word
from sop_desktop.importers.linejoin import join_words
from sop_desktop.importers.pdf import read_pdf_pages

FONT, SIZE, PAD = "Helvetica", 10.0, 5.5


def _cell_pdf(path: Path, left: float, width: float, lines: list[str]) -> None:
    """A PDF with one ruled cell at `left`, `width` wide, its text printed line by line."""
    c = canvas.Canvas(str(path), pagesize=A4)
    top = A4[1] - 100
    c.rect(left, top - 14 * len(lines) - 6, width, 14 * len(lines) + 6)
    c.setFont(FONT, SIZE)
    for n, line in enumerate(lines):
        c.drawString(left + PAD, top - 14 * (n + 1), line)
    c.save()


def _words_in(page: Page, left: float, right: float) -> list[Word]:
    return [w for w in page.words if left <= w.cx <= right]


def _read_cell(tmp_path: Path, lines: list[str], width: float) -> str:
    """The cell's text as the PDF route reads it back."""
    path = tmp_path / "sel.pdf"
    _cell_pdf(path, 100.0, width, lines)
    page = read_pdf_pages(path)[0][0]
    return join_words(_words_in(page, 100.0, 100.0 + width), width, page, left=100.0)


def _filled(piece: str, slack: float) -> float:
    """The width of a cell whose text width `piece` fills, with `slack` points left over."""
    return 2 * PAD + stringWidth(piece, FONT, SIZE) + slack


def test_a_word_filling_a_narrow_cell_continues_on_the_next_line(tmp_path: Path) -> None:
    # "Terselenggarany" fills the line: the "a" did not fit, the writer broke the word there
    width = _filled("Terselenggarany", 2.0)
    assert stringWidth("a", FONT, SIZE) > 2.0
    got = _read_cell(tmp_path, ["Terselenggarany", "a kegiatan"], width)
    assert got == "Terselenggaranya kegiatan"
    # a word broken twice: each full line continues on the next
    width = _filled("Tersele", 1.0)
    got = _read_cell(tmp_path, ["Tersele", "nggara", "nya"], width)
    assert got == "Terselenggaranya"


def test_a_normal_wrap_keeps_its_space(tmp_path: Path) -> None:
    # the word ends well short of the margin: the next word wrapped at a space
    width = _filled("Terselenggaranya", 14.0)
    got = _read_cell(tmp_path, ["Laporan", "kegiatan"], width)
    assert got == "Laporan kegiatan"
    # a full line with several words is a wrap, even when it reaches the margin
    width = _filled("Surat masuk", 1.0)
    got = _read_cell(tmp_path, ["Surat masuk", "diagendakan"], width)
    assert got == "Surat masuk diagendakan"
    # a word filling the line but with room for the next letter was not broken there
    width = _filled("Laporan", stringWidth("k", FONT, SIZE) + 2.0)
    got = _read_cell(tmp_path, ["Laporan", "kegiatan"], width)
    assert got == "Laporan kegiatan"


def test_without_the_cell_edge_or_the_page_the_break_stays_two_words() -> None:
    words = [Word("Terselenggarany", 105.5, 0, 171.0, 10), Word("a", 105.5, 14, 110.5, 24)]
    page = Page(600, 800, 1, words=list(words))
    assert join_words(words, 78.0) == "Terselenggarany a"
    assert join_words(words, 78.0, left=100.0) == "Terselenggarany a"  # no document to ask
    assert join_words(words, 78.0, page) == "Terselenggarany a"
    assert join_words(words, 78.0, page, left=100.0) == "Terselenggaranya"


def test_a_whole_word_ending_at_the_margin_by_chance_keeps_its_space() -> None:
    """Both halves fill the geometry of a break, but the document shows them as words: a
    capital after a small letter, or a half printed elsewhere a space away from a word."""
    sasaran = [Word("Sasaran", 105.5, 0, 171.0, 10), Word("Kinerja", 105.5, 14, 140.0, 24)]
    page = Page(600, 800, 1, words=list(sasaran))
    assert join_words(sasaran, 78.0, page, left=100.0) == "Sasaran Kinerja"
    laporan = [Word("Laporan", 105.5, 0, 171.0, 10), Word("kinerja", 105.5, 14, 140.0, 24)]
    alone = Page(600, 800, 1, words=list(laporan))
    assert join_words(laporan, 78.0, alone, left=100.0) == "Laporankinerja"  # paper alone
    elsewhere = [Word("Laporan", 300, 100, 335, 110), Word("akhir", 337, 100, 360, 110)]
    seen = Page(600, 800, 1, words=laporan + elsewhere)
    assert join_words(laporan, 78.0, seen, left=100.0) == "Laporan kinerja"
    other = Page(600, 800, 1, words=laporan + [Word("hasil", 300, 100, 322, 110),
                                               Word("kinerja", 324, 100, 355, 110)])
    assert join_words(laporan, 78.0, other, left=100.0) == "Laporan kinerja"


def _docx(path: Path) -> None:
    """A .docx whose middle column (2 cm) is narrower than the long words in it."""
    docx = pytest.importorskip("docx")
    from docx.shared import Cm

    doc = docx.Document()
    table = doc.add_table(rows=2, cols=3)
    table.style = "Table Grid"
    table.autofit = False
    widths = (Cm(1), Cm(2), Cm(3))
    for col, w in zip(table.columns, widths, strict=True):
        col.width = w
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w
    for c, text in enumerate(("No", "Kegiatan", "Output")):
        table.cell(0, c).text = text
    for c, text in enumerate(("1", "Terselenggaranya kegiatan diseminasi", "Laporan kegiatan")):
        table.cell(1, c).text = text
    doc.save(str(path))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_a_cell_printed_by_libreoffice_reads_back_whole(tmp_path: Path) -> None:
    source = tmp_path / "sempit.docx"
    _docx(source)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profil'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    page = read_pdf_pages(tmp_path / "sempit.pdf")[0][0]
    xs = sorted({round(s.points[0][0], 1) for s in page.segments
                 if abs(s.points[0][0] - s.points[-1][0]) < 0.5})
    ys = sorted({round(s.points[0][1], 1) for s in page.segments
                 if abs(s.points[0][1] - s.points[-1][1]) < 0.5})
    assert len(xs) == 4 and len(ys) == 3, (xs, ys)

    def cell(row: int, col: int) -> str:
        words = [w for w in _words_in(page, xs[col], xs[col + 1])
                 if ys[row] <= w.cy <= ys[row + 1]]
        return join_words(words, xs[col + 1] - xs[col], page, left=xs[col])

    # LibreOffice broke the long words between letters (the bug's precondition)
    assert "Terselenggaranya" not in {w.text for w in page.words}
    assert cell(0, 1) == "Kegiatan"
    assert cell(1, 1) == "Terselenggaranya kegiatan diseminasi"
    assert cell(1, 2) == "Laporan kegiatan"  # a wrap at a space keeps it


def test_centred_lines_are_never_read_as_a_broken_word(tmp_path: Path) -> None:
    """Centred text (a lane's name in a header): its widest line seems to fill the cell
    whatever the padding, so it never counts as a word broken by the writer."""
    lines = ["Kasubbid", "Pemajuan", "HAM"]
    width = _filled("Pemajuan", 3.0)
    path = tmp_path / "tengah.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT, SIZE)
    for n, line in enumerate(lines):
        c.drawCentredString(100.0 + width / 2, A4[1] - 100 - 14 * (n + 1), line)
    c.save()
    page = read_pdf_pages(path)[0][0]
    got = join_words(_words_in(page, 100.0, 100.0 + width), width, page, True, 100.0)
    assert got == "Kasubbid Pemajuan HAM"


def test_this_programs_own_pdfs_never_glue_two_words_at_the_margin(tmp_path: Path) -> None:
    """Our PDF writer hyphenates every word it breaks, so a line of its own that ends at the
    margin is a wrap at a space: printed portrait, yankomas-kanwil has a keterangan whose
    "penelaahan" ends 1 pt from the margin, before "diperlukan" (both nowhere else)."""
    import re

    from sop_desktop.flowchart.pdf import write_sop_pdf
    from sop_desktop.importers import read_sop_file
    from sop_desktop.importers.library import bundled_sop_dir, load

    want = load(bundled_sop_dir() / "yankomas-kanwil.toml")
    path = write_sop_pdf(want, tmp_path / "yankomas.pdf", "A4", False)
    got = read_sop_file(path).sops[0]
    assert read_pdf_pages(path)[0][0].hyphenated_breaks
    words = {w for s in want.steps for t in (s.kegiatan, s.output, s.keterangan)
             for w in re.findall(r"[\w.,()]+", t)}
    glued = [w for s in got.steps for t in (s.kegiatan, s.output, s.keterangan)
             for w in re.findall(r"[\w.,()]+", t) if w not in words]
    assert glued == []
