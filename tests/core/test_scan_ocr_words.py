"""Word splitting of OCR'd text lines (issue 18, H21): sharp 150 dpi print leaves ink gaps
inside words ("1 har i", "Biom etric") as wide as a narrow word gap; the recogniser's own
letter positions decide whether such a gap is a word gap. The lines in
tests/fixtures/ocr_lines/ are real: the recogniser's characters and the ink of lines of the
bundled SOPs exported as pictures."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from sop_desktop.importers.scan_ocr import line_words, own_rows, pitch_spaces, upright_bars

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ocr_lines"
LINES = FIXTURES / "sharp_150dpi.json"
HEADERS = FIXTURES / "lane_headers.json"  # lane header cells and step numbers (H24)


def _words(text: str, lines: Path = LINES) -> list[str]:
    """The words line_words makes of the fixture line whose characters read `text`."""
    for line in json.loads(lines.read_text(encoding="utf-8"))["lines"]:
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



def test_a_wide_letter_set_late_opens_no_space_in_an_abbreviation():
    """"Ka.Kanwil" (kabkota-peduli-ham's lane header): the recogniser set the "w" where its
    right half is, two pitches after the "n" and half a pitch before the "i"; the lane
    read "Ka.Kan wil Kumham"."""
    assert _words("Ka.Kanwil", HEADERS) == ["Ka.Kanwil"]


def test_the_line_above_does_not_bridge_a_word_gap():
    """"Kasi Pem. & Kesra": the crop of the second header line holds the descenders of the
    first one at its top; they filled the gap after "&" and the lane read "Pem. &Kesra"."""
    assert _words("&Kesra", HEADERS) == ["&", "Kesra"]


def test_a_two_digit_step_number_at_200_dpi_stays_one_number():
    """Digits are thin in their middle rows: measured against the height of their ink, not
    an x-height of small letters, the gap inside "12" is no word gap (the whole SOP was
    refused: no numbered step rows)."""
    assert _words("12", HEADERS) == ["12"]
    assert _words("13", HEADERS) == ["13"]


def test_own_rows_drops_only_the_neighbouring_lines_ink():
    ink = np.zeros((20, 40), np.uint8)
    ink[0:2, 5:30] = 255  # descenders of the line above, at the crop's top edge
    ink[3, 12] = 255  # the dot of an "i", apart from its letter by an empty row
    ink[5:15, 4:36] = 255  # the line itself
    kept = own_rows(ink)
    assert not kept[0:2].any()
    assert kept[3, 12] and (kept[5:15] == ink[5:15]).all()
    assert (own_rows(ink[2:]) == ink[2:]).all()  # nothing at an edge to drop
    assert (own_rows(ink[5:15]) == ink[5:15]).all()


def test_a_roman_numeral_the_recogniser_miscounts_is_read_from_its_bars():
    """skp's lane "Pejabat Eselon III" in the degraded 200 dpi scan of benchmarks/bench_scan.py:
    the recogniser read the second header line "III" as one "I" at 0.24 (dropped), and the
    lane read "Pejabat Eselon"."""
    line = next(x for x in json.loads(HEADERS.read_text(encoding="utf-8"))["lines"]
                if x["sop"] == "skp")
    chars = [(c, float(x), float(p)) for c, x, p in line["chars"]]
    ink = np.array([[ch == "#" for ch in row] for row in line["ink"]], np.uint8) * 255
    [word] = line_words(chars, ink, 0, 0)
    assert word.text == "III" and 0.4 < word.conf < 0.8  # kept, marked for review


def test_only_solid_bars_of_one_height_count_as_a_numeral():
    ink = np.zeros((24, 60), np.uint8)
    for x in (10, 20, 30):
        ink[4:20, x:x + 4] = 255
    assert upright_bars(ink) == 3
    one = ink.copy()
    one[17:20, 26:40] = 255  # a foot under the last bar: "11" and "1" are no numerals
    assert upright_bars(one) == 0
    short = ink.copy()
    short[4:12, 30:34] = 0  # a bar of half the height
    assert upright_bars(short) == 0
    assert upright_bars(ink[:, :16]) == 0  # one bar: the recogniser's "I" stands
