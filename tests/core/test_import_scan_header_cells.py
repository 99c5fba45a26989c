"""Lane names in the header row of scanned Word/Excel-made SOPs read letter-true (issue 18, H52).

- a slash printed between spaces in a cell of capitals ("JFU / Pengadministrasi") stands as a
  word of its own, also when the recogniser read it as an upright letter ("JFUI"): the space
  is measured against the x-height of the type, not the capitals' height, and the lone glyph
  leans as a slash does;
- the tops of the next line's letters, caught by a text box laid a little low, are not read
  into the line ("daProgram");
- a thin letter the recogniser dropped inside a word ("Pengkajan") and a space it put inside a
  word ("Yanku mham") are mended from the document's own sure readings.

The lines in tests/fixtures/ocr_lines/header_cells.json are real: the recogniser's characters
and the ink of header cells of tests/fixtures/documents/*.pdf degraded as scans.
"""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np

from sop_desktop.importers.geometry import Page, Word
from sop_desktop.importers.scan_ocr import line_words
from sop_desktop.importers.scan_spelling import respell

CELLS = Path(__file__).parent.parent / "fixtures" / "ocr_lines" / "header_cells.json"


def _words(document: str, dpi: str) -> list[str]:
    """The words line_words makes of the fixture cell of `document` at `dpi`."""
    for line in json.loads(CELLS.read_text(encoding="utf-8"))["lines"]:
        if (line["document"], line["dpi"]) == (document, dpi):
            chars = [(c, float(x), float(p)) for c, x, p in line["chars"]]
            ink = np.array([[ch == "#" for ch in row] for row in line["ink"]], np.uint8) * 255
            return [w.text for w in line_words(chars, ink, 0, 0)]
    raise AssertionError(f"no fixture cell {document} {dpi}")


def test_a_slash_between_spaces_in_a_cell_of_capitals_is_a_word_of_its_own():
    assert _words("pelaksana_singkat", "150") == ["JFU", "/"]  # read "JFU/"


def test_a_slash_read_as_an_upright_letter_stands_apart_as_a_slash():
    assert _words("pelaksana_singkat", "200") == ["JFU", "/"]  # read "JFUI"
    assert _words("pelaksana_singkat_xlsx", "150") == ["JFU", "/"]


def test_the_tops_of_the_next_lines_letters_are_not_read_into_the_line():
    assert _words("renstra_portrait", "150") == ["Program"]  # read "daProgram"


def _upright(letter_ink: np.ndarray) -> list[str]:
    """The words of a line "JFU" + one glyph drawn into its ink, read as "JFUI"."""
    ink = np.zeros((24, 60), np.uint8)
    ink[6:19, 4:34] = 255  # the touching capitals J, F, U
    ink[6:19, 40:46] = letter_ink
    chars = [("J", 8.0, 0.99), ("F", 18.0, 0.99), ("U", 28.0, 0.99), ("I", 43.0, 0.6)]
    return [w.text for w in line_words(chars, ink, 0, 0)]


def test_an_upright_capital_i_apart_stays_a_letter():
    bar = np.zeros((13, 6), np.uint8)
    bar[:, 2:4] = 255
    assert _upright(bar) == ["JFU", "I"]
    slash = np.zeros((13, 6), np.uint8)
    cv2.line(slash, (1, 12), (4, 0), 255, 2)
    assert _upright(slash) == ["JFU", "/"]


def _page(*words: tuple[str, float, float, float]) -> Page:
    """A page of words (text, x0, y0, conf), each 6 points high and 5 points a letter."""
    return Page(800, 600, 1, words=[Word(t, x, y, x + 5 * len(t), y + 6, c)
                                    for t, x, y, c in words])


def test_a_thin_letter_dropped_inside_a_word_comes_back_from_the_document():
    header = _page(("Pengkajan", 10, 10, 0.97), ("dan", 60, 10, 0.99))
    body = _page(("Pengkajian", 10, 100, 0.98), ("ditandatangani", 10, 200, 0.99),
                 ("ditandatangan", 10, 300, 0.97))
    assert respell([header, body]) == 1
    assert header.words[0].text == "Pengkajian"
    assert body.words[2].text == "ditandatangan"  # a suffix is no lost letter


def test_a_space_inside_a_word_goes_when_the_document_reads_it_whole():
    header = _page(("Kadiv", 10, 10, 0.99), ("Yanku", 40, 10, 0.99), ("mham", 65, 10, 0.99),
                   ("tanda", 10, 30, 0.99), ("tangan", 41, 30, 0.99))
    body = _page(("Yankumham", 10, 100, 0.99), ("tandatangan", 10, 200, 0.99))
    assert respell([header, body]) == 1
    assert [w.text for w in header.words] == ["Kadiv", "Yankumham", "tanda", "tangan"]
    assert (header.words[1].x0, header.words[1].x1) == (40, 85)
