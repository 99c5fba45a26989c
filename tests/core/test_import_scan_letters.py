"""Words of scanned Word/Excel-made SOPs (issue 18), on small pages and lines drawn here:

- small, light 6-7 pt kegiatan printed against the table's rules, which the text detector
  misses on the whole page, are found by a second look at the uncovered ink of text size;
- a Roman numeral of capital I's whose blurred bars the recogniser miscounts ("Eselon Il") is
  recounted from the bars in the grey crop;
- two office words joined by a slash the recogniser read as an upright letter ("JFUIJFT")
  take the slash back.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from sop_desktop.importers.geometry import Page, Word
from sop_desktop.importers.scan_detect import missed_lines
from sop_desktop.importers.scan_ocr import detect_boxes, recognize
from sop_desktop.importers.scan_vocabulary import office_spelling

FONTS = "/usr/share/fonts/truetype/liberation2/"
REGULAR, BOLD = FONTS + "LiberationSans-Regular.ttf", FONTS + "LiberationSans-Bold.ttf"
KEGIATAN = ["Memerintahkan pelaksanaan kegiatan diseminasi",
            "Meneruskan perintah pelaksanaan kegiatan",
            "Menyediakan rapat persiapan dan melaporkan hasil",
            "Menerima notula rapat dan melakukan koordinasi"]


def _table(dpi: float, ink: int, pt: float = 7) -> np.ndarray:
    """A table of four rows at `dpi`: step numbers and kegiatan of grey `ink` printed
    against the rules, a lane column beside them; blurred and noisy as a scan (grey)."""
    w, h = int(11.0 * dpi), int(3.0 * dpi)
    img = Image.new("L", (w, h), 235)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(REGULAR, round(pt * dpi / 72))
    left, right = int(0.4 * dpi), int(3.4 * dpi)
    rows = [int(0.3 * dpi + i * 0.6 * dpi) for i in range(5)]
    for y in rows:
        draw.line([(int(0.1 * dpi), y), (w - int(0.1 * dpi), y)], fill=40, width=2)
    for x in (int(0.1 * dpi), left, right, int(5 * dpi), w - int(0.1 * dpi)):
        draw.line([(x, rows[0]), (x, rows[-1])], fill=40, width=2)
    for i, text in enumerate(KEGIATAN):
        draw.text((left + 2, rows[i] + 2), text, font=font, fill=ink)
        draw.text((int(0.2 * dpi), rows[i] + 2), str(i + 1), font=font, fill=ink)
    page = np.asarray(cv2.GaussianBlur(np.array(img, np.float32), (0, 0), 1.0), np.float64)
    noisy = page + np.random.default_rng(1).normal(0, 4, page.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8)


def _read(gray: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> list[str]:
    """The recogniser's text of each box, top to bottom, without spaces."""
    crops = [cv2.cvtColor(gray[y0:y1, x0:x1], cv2.COLOR_GRAY2BGR)
             for x0, y0, x1, y1 in sorted(boxes, key=lambda b: (b[1], b[0]))]
    return ["".join(ch for ch, _, _ in r if not ch.isspace()) for r in recognize(crops)]


def test_small_light_lines_against_the_rules_are_found_on_a_second_look():
    gray = _table(150, 80)
    boxes = detect_boxes(cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR))
    texts = _read(gray, missed_lines(gray, boxes, 150.0))
    for word in ("diseminasi", "perintah", "persiapan", "notula"):  # every line, once
        assert sum(word in t for t in texts) == 1, (word, texts)
    assert texts[0].startswith("Memerintahkan")  # the line the detector missed, whole


def test_print_the_detector_finds_is_not_looked_at_again():
    gray = _table(150, 20, 10)  # black 10 pt print: the detector finds every line
    once = detect_boxes(cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR))
    assert len(_read(gray, once)) >= len(KEGIATAN)
    assert sorted(missed_lines(gray, once, 150.0)) == sorted(once)


def _line(text: str, pt: float, blur: float) -> np.ndarray:
    """One line of bold print at 150 dpi, blurred, enlarged to 200 dpi as the importer
    renders a 150 dpi scan (BGR)."""
    font = ImageFont.truetype(BOLD, round(pt * 150 / 72))
    size = round(pt * 150 / 72)
    img = Image.new("L", (int(font.getlength(text)) + 20, 2 * size), 235)
    ImageDraw.Draw(img).text((10, int(0.4 * size)), text, font=font, fill=50)
    line = np.clip(cv2.GaussianBlur(np.array(img, np.float32), (0, 0), blur), 0, 255)
    big = cv2.resize(line.astype(np.uint8), None, fx=4 / 3, fy=4 / 3,
                     interpolation=cv2.INTER_CUBIC)
    return cv2.cvtColor(big, cv2.COLOR_GRAY2BGR)


def _recognized(text: str, pt: float, blur: float) -> list[str]:
    return "".join(ch for ch, _, _ in recognize([_line(text, pt, blur)])[0]).split()


def test_a_roman_numeral_with_blurred_bars_is_recounted():
    assert _recognized("Pejabat Eselon III", 7, 1.4)[-1] == "III"
    assert _recognized("Pejabat Eselon III", 8, 1.1)[-1] == "III"
    assert _recognized("Golongan II dan Eselon IV", 7, 1.4)[1] == "II"


def test_numbers_and_single_bars_stay_as_read():
    assert "11" in _recognized("Langkah 11 dan 12", 7, 1.1)
    assert not any("II" in word for word in _recognized("Pejabat Eselon I", 7, 1.1))


def _page(*texts: str) -> Page:
    return Page(800, 600, 1, words=[Word(t, 10 + 60 * i, 10, 60 + 60 * i, 20, 0.97)
                                    for i, t in enumerate(texts)])


def test_two_office_words_take_back_the_slash_read_as_an_upright_letter():
    page = _page("JFUIJFT", "JFUlJFT,", "(Kasubbag1Kasi)")
    assert office_spelling([page]) == 3
    assert [w.text for w in page.words] == ["JFU/JFT", "JFU/JFT,", "(Kasubbag/Kasi)"]


def test_words_that_are_not_two_office_words_keep_their_letters():
    texts = ["JFU/JFT", "Kakanwil", "Pemohon|Kasubbag", "Ilmu", "JFUIXYZ", "KasiIKa"]
    page = _page(*texts)
    assert office_spelling([page]) == 0
    assert [w.text for w in page.words] == texts


def test_a_slash_read_as_a_letter_before_a_space_stands_as_a_word_between_the_office_words():
    page = Page(800, 600, 1, words=[Word("JFUI", 10, 10, 24, 16, 0.9),
                                    Word("Pengadministrasi", 26, 10, 70, 16, 0.98),
                                    Word("JFUI", 10, 30, 24, 36, 0.9),  # next: no office word
                                    Word("membuat", 26, 30, 50, 36, 0.98),
                                    Word("Kasil", 10, 50, 24, 56, 0.9),  # next: a cell away
                                    Word("Pemohon", 200, 50, 230, 56, 0.98)])
    assert office_spelling([page]) == 1
    # printed "JFU / Pengadministrasi": the space after the slash was printed, so was the
    # one before it
    assert [w.text for w in page.words] == ["JFU", "/", "Pengadministrasi", "JFUI", "membuat",
                                            "Kasil", "Pemohon"]
    assert (page.words[0].x0, page.words[0].x1) == (10, 20.5)
    assert (page.words[1].x0, page.words[1].x1) == (20.5, 24)
