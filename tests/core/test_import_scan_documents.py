"""Whole scanned documents (issue 18): several degraded pages of one unseen SOP in one
image-only PDF (tests/fixtures/scans/make_unseen_scans.py, DOCUMENTS) read as ONE SOP with
the hand key's steps, lanes and kinds. The rules that keep such a document whole are checked
on small drawn pages too: the black outline of a symbol filled with a pale colour is not
painted over as coloured ink; the corners a straightened page turns in are paper, not a
line along the page's edge (an extra table column); a loose step number whose dot the
recogniser doubts is kept."""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from sop_desktop.importers import read_sop_file
from sop_desktop.importers import scan as scan_module
from sop_desktop.importers.scan_image import binarize, straighten, to_gray
from tests.core.import_support import document_key

FIXTURES = Path(__file__).parent.parent / "fixtures"
SCANS = FIXTURES / "scans"
META = json.loads((SCANS / "unseen_documents.json").read_text(encoding="utf-8"))


@cache
def _read(name: str):
    return read_sop_file(SCANS / name)


def _key(name: str) -> dict:
    return document_key(META[name]["source"])


def test_the_document_scans_are_small_image_only_pdfs():
    assert META
    assert sum((SCANS / name).stat().st_size for name in META) < 400 * 1024
    for name, meta in META.items():
        data = (SCANS / name).read_bytes()
        assert data[:5] == b"%PDF-" and data.count(b"/DCTDecode") == len(meta["pages"]), name
        assert b"/Font" not in data, name  # no text layer: read by OCR


def test_a_table_continued_over_scanned_pages_reads_as_one_sop():
    """The Dinsos table over two scanned pages (symbols filled light blue, the table's
    heading repeated on each page, a stamp and a signature on one, a phone-photo
    perspective on the other): one SOP, the key's ten steps with their lanes and kinds."""
    name = "unseen_dinsos_150.pdf"
    key = _key(name)
    result = _read(name)
    assert len(result.sops) == 1, [d.name for d in result.sops]
    defn = result.sops[0]
    assert defn.lane_names == key["lanes"]
    assert [s.number for s in defn.steps] == [s["number"] for s in key["steps"]]
    assert [s.kind for s in defn.steps] == [s["kind"] for s in key["steps"]]
    assert [s.lane for s in defn.steps] == [s["lane"] for s in key["steps"]]


def _pale_symbols_page(dpi: int = 150) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """An A4 page (RGB) of boxes filled light blue with thin black outlines (drawn at four
    times the size and reduced, as a PDF renderer smooths a 0.6 pt line), blurred, dimmed
    towards one side, noisy and JPEG-compressed as a scan; a purple stamp ring over some
    text."""
    w, h, s = int(8.27 * dpi), int(11.69 * dpi), 4
    img = np.full((h * s, w * s, 3), 255, np.uint8)
    boxes = [(200 + 260 * i, 300 + 180 * j, 290 + 260 * i, 345 + 180 * j)
             for i in range(4) for j in range(3)]
    for x0, y0, x1, y1 in boxes:
        cv2.rectangle(img, (x0 * s, y0 * s), (x1 * s, y1 * s), (209, 232, 255), -1)
        cv2.rectangle(img, (x0 * s, y0 * s), (x1 * s, y1 * s), (0, 0, 0), 5)
    cv2.putText(img, "DISAHKAN KEPALA DINAS", (220 * s, 1150 * s), cv2.FONT_HERSHEY_SIMPLEX,
                1.2 * s, (0, 0, 0), 2 * s)
    img = cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA)
    cv2.circle(img, (420, 1140), 110, (146, 94, 176), 6)  # the stamp's ring
    img = cv2.GaussianBlur(img, (0, 0), 0.6)
    light = 0.8 + 0.2 * np.linspace(0, 1, w)[None, :, None]
    noise = np.random.default_rng(0).normal(0, 5, img.shape)
    img = np.clip(img.astype(np.float32) * light + noise, 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, "JPEG", quality=72)
    return np.array(Image.open(buf).convert("RGB")), boxes


def test_the_outline_of_a_pale_filled_symbol_is_not_painted_over_as_coloured_ink():
    """Black print blurred into a light blue fill (and the colour a JPEG bleeds around it)
    is dark with a slight colour cast: a high relative saturation. Painted over as a
    stamp's ink it left the outlines dashed and the symbols unfound; the stamp's ring, of a
    strong colour, is still painted over."""
    rgb, boxes = _pale_symbols_page()
    gray = to_gray(rgb)
    ink = binarize(gray, 225, untint=True) > 0
    for x0, y0, x1, y1 in boxes:
        top = ink[y0 - 3:y0 + 4, x0:x1 + 1].any(axis=0).mean()
        left = ink[y0:y1 + 1, x0 - 3:x0 + 4].any(axis=1).mean()
        assert min(top, left) > 0.97, (x0, y0, top, left)
    ring = np.zeros(gray.shape, np.uint8)
    cv2.circle(ring, (420, 1140), 110, 255, 6)
    assert np.median(gray[ring > 0]) > 150  # the stamp faded to paper


def test_the_corners_a_straightened_page_turns_in_are_paper_not_an_edge_line():
    """A scan lit greyer than white, tilted 2 degrees: straightening turns blank corners in.
    Filled white they stood against the grey paper as a line along the page's edge, which
    the table read as an extra first column on a continuation page."""
    dpi = 150
    w, h = int(8.27 * dpi), int(11.69 * dpi)
    page = np.full((h, w, 3), 205, np.uint8)  # paper as a dim scanner lights it
    for y in range(200, 1400, 120):
        cv2.line(page, (100, y), (w - 100, y), (30, 30, 30), 2)
    for x in (100, 300, 600, w - 100):
        cv2.line(page, (x, 200), (x, 1400 - 120 + 1), (30, 30, 30), 2)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), 2.0, 1.0)
    tilted = cv2.warpAffine(page, m, (w, h), borderValue=(205, 205, 205))
    img = straighten(tilted, dpi)
    assert abs(abs(img.skew) - 2.0) < 0.3
    ink = binarize(img.gray, 225, untint=True) > 0
    band = 12
    edges = [ink[:, :band], ink[:, -band:], ink[:band, :].T, ink[-band:, :].T]
    assert max(float(e.any(axis=1).mean()) for e in edges) < 0.05
    assert ink[200 - 3:200 + 4, 150:w - 150].any(axis=0).mean() > 0.95  # the rules stay


def test_a_loose_step_number_whose_dot_is_doubtful_is_kept(monkeypatch):
    """A step number the text detector missed ("4." alone in the No column) is read from
    its loose mark only when the reading is sure; the recogniser is sure of the digit but
    seldom of the dot after it, and that dot no longer drops the number (and with it the
    step). A mark read as letters, or a digit it doubts, is still left out."""
    dpi = 200
    gray = np.full((400, 600), 250, np.uint8)
    cv2.putText(gray, "4.", (100, 200), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 20, 2)
    ink = binarize(gray, smooth=True)
    ys, xs = np.nonzero(ink)
    box = (int(xs.min()) - 4, int(ys.min()) - 4, int(xs.max()) + 5, int(ys.max()) + 5)
    rules = np.zeros_like(gray)

    def read_as(chars):
        def recognize(crops):
            return [[(ch, x * crops[0].shape[1] / 3, p) for ch, x, p in chars] for _ in crops]
        monkeypatch.setattr(scan_module, "recognize", recognize)
        # the box comes after the detector's boxes (detected=0): a loose mark
        words = scan_module._read_words(gray, ink, rules, [box], 72 / dpi, 0)
        return [w.text for w in words]

    assert read_as([("4", 1, 0.99), (".", 2, 0.62)]) == ["4."]
    assert read_as([("1", 0.5, 0.97), ("2", 1.5, 0.96), (")", 2.5, 0.5)]) == ["12)"]
    assert read_as([("A", 1, 0.99), (".", 2, 0.62)]) == []
    assert read_as([("4", 1, 0.7), (".", 2, 0.9)]) == []


def _header_page(number: int, last_lane: tuple[str, float], step: tuple[str, float]):
    """A continued table's page as OCR gives it: the header's lane names turned up their
    columns (boxes tall and narrow), one step row under it."""
    from sop_desktop.importers.geometry import Page, Word

    lanes = [("Pemohon", 0.99), ("Petugas Loket", 0.99), ("Operator SIAK", 0.98),
             ("Kepala Seksi Kelahiran", 0.97), last_lane]
    words = [Word(text, 400 + 58 * i, 134 - 5 * len(text), 410 + 58 * i, 134, conf)
             for i, (text, conf) in enumerate(lanes)]
    words += [Word("No", 40, 110, 52, 118), Word("Kegiatan", 200, 110, 240, 118)]
    words.append(Word(step[0], 70, 160, 70 + 6 * len(step[0]), 168, step[1]))
    words.append(Word(str(number + 5), 45, 160, 50, 168))
    return Page(935.6, 609.7, number, words=words)


def test_a_header_cell_read_doubtfully_takes_its_sure_reading_on_another_page():
    """A lane name read "Kepala E...." on one page of a continued table and "Kepala Dinas"
    (surely) at the same place on the next, where the rest of the header reads alike:
    the doubtful reading takes the sure one. A step's text, whose row reads otherwise on
    the other page, keeps its own reading, doubtful or not."""
    from sop_desktop.importers.scan_repeat import settle_repeats

    first = _header_page(1, ("Kepala E....", 0.80), ("Memeriksa data usulan", 0.7))
    second = _header_page(2, ("Kepala Dinas", 0.99), ("Memasukkan data usulan", 0.99))
    assert settle_repeats([first, second]) == 1
    assert [w.text for w in first.words[:5]] == [w.text for w in second.words[:5]]
    assert first.words[4].text == "Kepala Dinas"
    assert first.words[-2].text == "Memeriksa data usulan"
    # another SOP's header on the second page: its names read otherwise beside the cell
    other = _header_page(2, ("Kepala Dinas", 0.99), ("Memasukkan data", 0.99))
    for n, name in enumerate(("Pengadu", "Staf Yankomas", "Kasubbid", "Kabid")):
        other.words[n].text = name
    lone = _header_page(1, ("Kepala E....", 0.80), ("Memeriksa", 0.9))
    assert settle_repeats([lone, other]) == 0 and lone.words[4].text == "Kepala E...."


def test_a_doubtful_step_number_is_kept_where_it_continues_its_columns_numbering():
    """A loose "1." printed close to its row's rule and read unsurely is kept when the
    number under it in its column is 2 (or the one above it the number before); a doubtful
    number that does not continue the column, or stands in another column, is left out."""
    from sop_desktop.importers.geometry import Word

    column = [Word("2.", 47, 134, 51, 139, 0.97), Word("3.", 47, 174, 51, 180, 0.95),
              Word("1", 470, 94, 473, 99, 0.99)]  # "1 hari" in the waktu column
    one = Word("1.", 47, 94, 50, 99, 0.56)
    four = Word("4.", 47, 214, 51, 219, 0.6)
    seven = Word("7.", 47, 60, 51, 66, 0.6)
    stray = Word("2", 300, 94, 303, 99, 0.6)
    kept = scan_module._in_sequence([one, four, seven, stray], column)
    assert [w.text for w in kept] == ["1.", "4."]


def test_a_return_arrow_beside_a_column_rule_keeps_the_row_rules(tmp_path):
    """The whole Dinsos document scanned at 150 dpi as benchmarks/bench_scan_unseen.py
    degrades it: where a return arrow runs a few pixels beside a column rule the closing
    joined the two into a block that took the row rules crossing them, and rows 2-4 merged
    (three SOPs were read). The block is cut out only where it is thick across one
    direction; an emblem's blot, thick both ways, is left as before (the identity page
    test in test_import_pdf_raster.py)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from bench_scan_unseen import UNSEEN, scan_file

    docs = sorted(UNSEEN.glob("*.pdf"))
    pdf = UNSEEN / "unseen_dinsos_bansos.pdf"
    path, _pages = scan_file(pdf, docs.index(pdf), 150, tmp_path)
    key = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    result = read_sop_file(path)
    assert len(result.sops) == 1
    defn = result.sops[0]
    assert defn.lane_names == key["lanes"]
    assert [(s.number, s.lane, s.kind) for s in defn.steps] == [
        (s["number"], s["lane"], s["kind"]) for s in key["steps"]]
