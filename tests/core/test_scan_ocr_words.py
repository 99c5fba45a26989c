"""Word splitting of OCR'd text lines (issue 18, H21): sharp 150 dpi print leaves ink gaps
inside words ("1 har i", "Biom etric") as wide as a narrow word gap; the recogniser's own
letter positions decide whether such a gap is a word gap. The lines in
tests/fixtures/ocr_lines/ are real: the recogniser's characters and the ink of lines of the
bundled SOPs exported as pictures."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from sop_desktop.importers.scan_ocr import line_words, pitch_spaces

LINES = Path(__file__).parent.parent / "fixtures" / "ocr_lines" / "sharp_150dpi.json"


def _words(text: str) -> list[str]:
    """The words line_words makes of the fixture line whose characters read `text`."""
    for line in json.loads(LINES.read_text(encoding="utf-8"))["lines"]:
        chars = [(c, float(x), float(p)) for c, x, p in line["chars"]]
        if "".join(c for c, _, _ in chars) == text:
            ink = np.array([[ch == "#" for ch in row] for row in line["ink"]], np.uint8) * 255
            return [w.text for w in line_words(chars, ink, 0, 0)]
    raise AssertionError(f"no fixture line {text!r}")


def test_a_kerning_gap_inside_a_word_is_no_space():
    assert _words("1 hari") == ["1", "hari"]
    assert _words("Kasubid Perizinan memeriksa kelengkapan persyaratan") == \
        ["Kasubid", "Perizinan", "memeriksa", "kelengkapan", "persyaratan"]
    assert _words("Petugas melakukan biometric matching system dan cekal") == \
        ["Petugas", "melakukan", "biometric", "matching", "system", "dan", "cekal"]


def test_a_wide_letter_is_no_word_gap():
    assert _words("Biometric") == ["Biometric"]


def test_word_gaps_the_recogniser_left_out_still_split():
    assert _words("danmembuat surat yang ditujukankepada direktur")[:2] == ["dan", "membuat"]
    # a line whose recogniser left out every space, its letters set coarsely apart
    assert _words("terimahakaksesbersamapemohon")[:2] == ["terima", "hak"]


def test_an_ink_gap_is_a_word_gap_only_where_the_letters_stand_apart():
    """Synthetic ink: "ab" and "cd" a word gap apart; the recogniser places "c" either a
    usual pitch after "b" (a kerning gap: one word) or twice as far (a space left out)."""
    ink = np.zeros((20, 80), np.uint8)
    for x in (10, 18, 34, 42):  # four letters, 6 px wide, a 10 px gap after the second
        ink[6:16, x:x + 6] = 255
    near = [("a", 13.0, 0.9), ("b", 21.0, 0.9), ("c", 29.0, 0.9), ("d", 37.0, 0.9)]
    far = [("a", 13.0, 0.9), ("b", 21.0, 0.9), ("c", 37.0, 0.9), ("d", 45.0, 0.9)]
    assert [w.text for w in line_words(near, ink, 0, 0)] == ["abcd"]
    assert [w.text for w in line_words(far, ink, 0, 0)] == ["ab", "cd"]


def test_pitch_spaces_discount_wide_letters():
    def read(pairs: list[tuple[str, float]]) -> str:
        return "".join(ch for ch, _, _ in pitch_spaces([(ch, x, 0.9) for ch, x in pairs]))

    # "pengambilan": the "m" stands two pitches from "b" by its own width
    word = [("p", 0), ("e", 7), ("n", 14), ("g", 21), ("a", 28), ("m", 35), ("b", 49),
            ("i", 56), ("l", 59.5), ("a", 63), ("n", 70)]
    assert read(word) == "pengambilan"
    # a real jump of two and a half pitches after a wide letter still splits
    assert read([("a", 0), ("n", 8), ("a", 16), ("m", 24), ("k", 48), ("u", 56),
                 ("i", 60), ("t", 64), ("a", 72)]) == "anam kuita"


def test_a_two_digit_step_number_cut_by_an_ink_gap_stays_one_number():
    """Too few letters for a pitch: the gap inside "11" and "17" is narrower than a word gap
    at the size of the digits (steps 11, 13 and 17 of imigrasi-wna-pesan were lost)."""
    assert _words("11") == ["11"]
    assert _words("17") == ["17"]

