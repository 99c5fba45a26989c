"""Scanned SOPs (issue 18): page images and image-only PDFs read by OCR into the same
definition as their source; hostile images refused quickly with one clear line; progress per
page and cancel. The fixtures are made by tests/fixtures/scans/make_scans.py (pages of the
app's own SOP PDFs and of LibreOffice-made PDFs, degraded as real scans are)."""

from __future__ import annotations

import json
import struct
import tracemalloc
import zlib
from functools import cache
from pathlib import Path

import pytest

from sop_desktop.errors import ImportFailed
from sop_desktop.importers import read_sop_file
from sop_desktop.importers.library import bundled_sop_dir, load
from tests.core.import_support import char_accuracy

SCANS = Path(__file__).parent.parent / "fixtures" / "scans"
DOCS = Path(__file__).parent.parent / "fixtures" / "documents"


@cache
def _read(name: str):
    return read_sop_file(SCANS / name)


def _expected(name: str) -> tuple[list[str], list[tuple]]:
    """(lanes, [(number, lane, kind, yes, no, kegiatan, co-lanes)]) of the fixture's source."""
    source = json.loads((SCANS / "scans.json").read_text(encoding="utf-8"))[name]["source"]
    kind, stem = source.split(":", 1)
    if kind == "sop":
        defn = load(bundled_sop_dir() / f"{stem}.toml")
    else:
        key = json.loads((DOCS / stem.replace(".pdf", ".json")).read_text(encoding="utf-8"))
        defn = load(Path(__file__).parents[2] / key["source"])
    steps = [(s.number, s.lane, s.kind, s.yes, s.no, s.kegiatan, s.co_lanes) for s in defn.steps]
    return [lane.name for lane in defn.lanes], steps


def test_char_accuracy_counts_missing_and_wrong_characters():
    assert char_accuracy(["Memeriksa berkas"], ["Memeriksa berkas"]) == 1.0
    assert char_accuracy(["abcd"], ["abXd"]) == 0.75
    assert char_accuracy(["ab", "cd"], ["ab"]) == 0.5


SCAN_FIXTURES = sorted(json.loads((SCANS / "scans.json").read_text(encoding="utf-8")))


def test_every_fixture_scan_is_checked():
    assert len(SCAN_FIXTURES) >= 3 and "hak_akses_200.pdf" in SCAN_FIXTURES


@pytest.mark.parametrize("name", SCAN_FIXTURES)
def test_scan_reads_steps_lanes_kinds_and_text_of_its_source(name):
    """The full key of every fixture scan (the LibreOffice 200 dpi page too: step numbers
    printed against the cell rule, a diamond a connector is routed through, rounded
    terminators an arrow runs into, lane names in small bold print)."""
    lanes, steps = _expected(name)
    result = _read(name)
    assert len(result.sops) == 1
    defn = result.sops[0]
    assert [lane.name for lane in defn.lanes] == lanes
    assert len(defn.steps) == len(steps)
    got = [(s.number, s.lane, sorted(s.co_lanes), s.kind, s.yes, s.no) for s in defn.steps]
    assert got == [(row[0], row[1], sorted(row[6]), *row[2:5]) for row in steps]
    accuracy = char_accuracy([row[5] for row in steps], [s.kegiatan for s in defn.steps])
    assert accuracy >= 0.97, accuracy


def test_scan_keeps_pages_with_word_confidence_for_the_review_screen():
    result = _read("rkt_150.jpg")
    page = result.pages[0]
    assert page.source.kind == "image" and page.source.path.endswith("rkt_150.jpg")
    assert page.words and all(0 < w.conf <= 1 for w in page.words)
    assert {s.kind for s in page.shapes} >= {"terminator", "process"}
    assert page.lane_columns
    # 8 arrows are drawn; the stamp and the signature may hide a head or break a symbol's
    # outline (the arrow into it then ends at no symbol), never invent an arrow
    linked = [(a.start_shape, a.end_shape) for a in page.arrows if a.start_shape and a.end_shape]
    assert len(linked) >= 5 and len(page.arrows) <= 8
    assert all(a.start_shape or a.end_shape for a in page.arrows)
    order = {s.id: s.cy for s in page.shapes}
    assert all(order[b] > order[a] for a, b in linked)  # every arrow goes to the next step
    assert any("diluruskan" in w for w in result.warnings)  # the 2 degree skew was removed


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims a size (its pixel data is a few bytes: never decoded)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0"))
            + chunk(b"IEND", b""))


def test_huge_image_is_refused_unread_with_bounded_memory(tmp_path):
    path = tmp_path / "besar.png"
    path.write_bytes(_png_header(20_000, 20_000))
    tracemalloc.start()
    try:
        with pytest.raises(ImportFailed, match="gambar terlalu besar .*juta piksel"):
            read_sop_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 30 * 1024 * 1024


def test_corrupt_and_tiny_images_get_one_clear_line(tmp_path):
    bad = tmp_path / "rusak.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    with pytest.raises(ImportFailed, match="rusak"):
        read_sop_file(bad)
    from PIL import Image

    tiny = tmp_path / "kecil.png"
    Image.new("L", (120, 80), 255).save(tiny)
    with pytest.raises(ImportFailed, match="terlalu kecil"):
        read_sop_file(tiny)


def test_pdf_of_500_image_pages_is_refused_before_any_page_is_read(tmp_path):
    from PIL import Image

    pages = [Image.new("L", (40, 56), 255) for _ in range(500)]
    path = tmp_path / "pindai.pdf"
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:])
    seen: list[int] = []
    with pytest.raises(ImportFailed, match="500 halaman"):
        read_sop_file(path, progress=lambda d, t, w="": seen.append(d))
    assert seen == []


def test_blank_scan_reports_progress_per_page_then_says_no_text(tmp_path):
    from PIL import Image

    path = tmp_path / "kosong.tif"
    pages = [Image.new("L", (620, 877), 255) for _ in range(2)]
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(75, 75))
    seen: list[tuple[int, int]] = []
    with pytest.raises(ImportFailed, match="OCR tidak menemukan teks"):
        read_sop_file(path, progress=lambda d, t, w="": seen.append((d, t)))
    assert seen == [(0, 2), (1, 2), (2, 2)]


def test_cancel_stops_between_pages(tmp_path):
    from PIL import Image

    path = tmp_path / "dua.tif"
    pages = [Image.new("L", (620, 877), 255) for _ in range(2)]
    pages[0].save(path, save_all=True, append_images=pages[1:])
    seen: list[int] = []
    with pytest.raises(ImportFailed, match="dibatalkan"):
        read_sop_file(path, progress=lambda d, t, w="": seen.append(d),
                      cancel=lambda: len(seen) >= 1)
    assert seen == [0]


def test_image_only_pdf_goes_to_ocr_and_text_pdf_does_not(tmp_path):
    from sop_desktop.flowchart.pdf import sop_pdf_bytes
    from sop_desktop.importers.scan import is_scanned_pdf

    text_pdf = tmp_path / "teks.pdf"
    text_pdf.write_bytes(sop_pdf_bytes(load(bundled_sop_dir() / "rkt.toml")))
    assert not is_scanned_pdf(text_pdf)
    assert is_scanned_pdf(SCANS / "hak_akses_200.pdf")
    from PIL import Image

    blank = tmp_path / "putih.pdf"
    Image.new("RGB", (620, 877), "white").save(blank, "PDF", resolution=75.0)
    with pytest.raises(ImportFailed, match="lapisan teks"):
        read_sop_file(blank)


def test_fixture_scans_stay_small():
    total = sum(p.stat().st_size for p in SCANS.iterdir() if p.is_file())
    assert total < 2 * 1024 * 1024


def test_a_scanned_page_inside_a_text_pdf_is_read_by_ocr(tmp_path):
    """A generated PDF whose table page is a scan: the text page by its layer, the scan by OCR."""
    import pypdf
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from sop_desktop.flowchart.pdf import write_sop_pdf

    defn = load(bundled_sop_dir() / "rkt.toml")
    printed = tmp_path / "rkt.pdf"
    write_sop_pdf(defn, printed)  # page 1: identity (text), page 2: the table
    identity = pypdf.PdfReader(printed).pages[0]
    scan = tmp_path / "scan.pdf"
    image = ImageReader(str(SCANS / "rkt_150.jpg"))
    width, height = image.getSize()
    pdf = canvas.Canvas(str(scan), pagesize=(width * 72 / 150, height * 72 / 150))
    pdf.drawImage(image, 0, 0, width * 72 / 150, height * 72 / 150)
    pdf.save()
    mixed = pypdf.PdfWriter()
    mixed.add_page(identity)
    mixed.add_page(pypdf.PdfReader(scan).pages[0])
    target = tmp_path / "campuran.pdf"
    with open(target, "wb") as fh:
        mixed.write(fh)
    result = read_sop_file(target)
    assert any("OCR" in w for w in result.warnings), result.warnings
    lanes, steps = _expected("rkt_150.jpg")
    defn = result.sops[0]
    assert [lane.name for lane in defn.lanes] == lanes
    assert [(s.number, s.lane, s.kind) for s in defn.steps] == [row[:3] for row in steps]
    assert defn.name.lower() == load(bundled_sop_dir() / "rkt.toml").name.lower()


def _drawn_symbols(draw) -> list[tuple[str, tuple[int, int, int, int]]]:
    """The symbols find_shapes sees on a white 200 dpi page drawn by `draw(ink)`."""
    import numpy as np

    from sop_desktop.importers.scan_draw import find_shapes, line_masks

    ink = np.zeros((700, 1400), np.uint8)
    draw(ink)
    hmask, vmask = line_masks(ink, 200.0)
    return [(s.kind, s.box) for s in find_shapes(ink, hmask, vmask, 200.0)]


def test_a_diamond_with_a_connector_drawn_through_it_is_still_a_decision():
    """LibreOffice routes a Tidak connector from the diamond's right tip back across it: the
    line cuts the inside in two triangles, read together as the decision."""
    import cv2
    import numpy as np

    def draw(ink):
        diamond = np.array([[300, 200], [400, 140], [500, 200], [400, 260]], np.int32)
        cv2.polylines(ink, [diamond], True, 255, 3)
        cv2.line(ink, (150, 200), (500, 200), 255, 3)  # through, tip to tip, and on
        cv2.rectangle(ink, (700, 150), (900, 250), 255, 3)  # a plain process box
        cv2.line(ink, (900, 250), (900, 400), 255, 3)  # an arrow leaving along its edge

    kinds = sorted(kind for kind, _ in _drawn_symbols(draw))
    assert kinds == ["decision", "process"]


def test_a_rounded_box_whose_ends_are_not_half_circles_is_a_terminator():
    """LibreOffice draws a terminator as a box with corners rounded less than half its
    height; its corners are partly filled, still not square as a process box's."""
    import cv2

    def draw(ink):
        x0, y0, x1, y1, r = 300, 160, 600, 240, 36
        for cx, cy, start in ((x0 + r, y0 + r, 180), (x1 - r, y0 + r, 270),
                              (x1 - r, y1 - r, 0), (x0 + r, y1 - r, 90)):
            cv2.ellipse(ink, (cx, cy), (r, r), 0, start, start + 90, 255, 3)
        for a, b in (((x0 + r, y0), (x1 - r, y0)), ((x0 + r, y1), (x1 - r, y1)),
                     ((x0, y0 + r), (x0, y1 - r)), ((x1, y0 + r), (x1, y1 - r))):
            cv2.line(ink, a, b, 255, 3)
        cv2.line(ink, (560, 240), (760, 240), 255, 3)  # an arrow leaving along its edge

    assert [kind for kind, _ in _drawn_symbols(draw)] == ["terminator"]


def test_table_cells_are_not_symbols_even_with_a_line_through_them():
    import cv2

    def draw(ink):
        for x in range(100, 1301, 200):
            cv2.line(ink, (x, 100), (x, 600), 255, 3)
        for y in range(100, 601, 100):
            cv2.line(ink, (100, y), (1300, y), 255, 3)
        cv2.line(ink, (100, 350), (1300, 350), 255, 3)  # a rule splitting a row in two

    assert _drawn_symbols(draw) == []


def test_letters_a_word_apart_get_a_space_the_recogniser_left_out():
    from sop_desktop.importers.scan_ocr import pitch_spaces

    def read(pairs: list[tuple[str, float]]) -> str:
        return "".join(ch for ch, _, _ in pitch_spaces([(ch, x, 0.9) for ch, x in pairs]))

    # "Anggota Tim" then "Kerja" a letter further on than the usual pitch (small bold print)
    line = [("A", 10), ("n", 18), ("g", 26), ("g", 38), ("o", 46), ("t", 54), ("a", 58),
            (" ", 66), ("T", 70), ("i", 78), ("m", 86), ("K", 102), ("e", 110), ("r", 118),
            ("j", 126), ("a", 130)]
    assert read(line) == "Anggota Tim Kerja"
    # a wide letter pair inside a word ("gg", "me") is no space; a short line is left alone
    word = [("m", 0), ("e", 12), ("l", 16), ("a", 24), ("k", 28), ("u", 36), ("k", 44),
            ("a", 52), ("n", 60), ("g", 72), ("g", 84)]
    assert read(word) == "melakukangg"
    assert read([("a", 0), ("B", 40)]) == "aB"


def test_a_number_cut_by_an_ink_gap_stays_one_word():
    """A sharp rendering leaves a gap between "1" and "5" of "15 menit"; the recogniser set
    them a letter apart with no space, so they stay one number (else the waktu reads 5)."""
    import numpy as np

    from sop_desktop.importers.scan_ocr import line_words

    ink = np.zeros((20, 100), np.uint8)
    ink[5:15, 10:14] = 255  # "1"
    ink[5:15, 18:24] = 255  # "5"
    ink[5:15, 34:70] = 255  # "menit"
    chars = [("1", 12, 0.99), ("5", 21, 0.99), (" ", 28, 0.9), ("m", 38, 0.99),
             ("e", 46, 0.99), ("n", 54, 0.99), ("i", 60, 0.99), ("t", 66, 0.99)]
    assert [w.text for w in line_words(chars, ink, 0, 0)] == ["15", "menit"]
    far = [("1", 12, 0.99), ("5", 32, 0.99), ("m", 44, 0.99), ("e", 52, 0.99),
           ("n", 60, 0.99), ("i", 66, 0.99)]  # a real space between two numbers stays
    ink2 = np.zeros((20, 100), np.uint8)
    ink2[5:15, 10:14] = ink2[5:15, 30:34] = ink2[5:15, 40:70] = 255
    assert [w.text for w in line_words(far, ink2, 0, 0)][:2] == ["1", "5"]


def test_the_digits_of_one_line_in_the_no_column_are_one_step_number():
    from sop_desktop.importers.geometry import Word
    from sop_desktop.importers.pagetable import _one_number_a_line

    words = [Word("1", 36, 100, 38, 106), Word("1", 40, 100, 42, 106),  # "11" read as two
             Word("12", 36, 130, 43, 136), Word("x", 36, 160, 38, 166)]
    assert [w.text for w in _one_number_a_line(words)] == ["11", "12"]


@pytest.mark.parametrize(("suffix", "kind"), [(".pdf", "PDF"), (".png", "gambar")])
def test_a_file_over_the_size_limit_is_refused_before_it_is_opened(tmp_path, suffix, kind):
    """A 61 MB PDF or picture (sparse: no disk used) is refused by its size alone, in one line."""
    big = tmp_path / f"besar{suffix}"
    with big.open("wb") as fh:
        fh.write(b"%PDF-1.7\n" if suffix == ".pdf" else b"\x89PNG\r\n\x1a\n")
        fh.truncate(61 * 1024 * 1024)
    message = f"besar{suffix}: berkas {kind} terlalu besar \\(61 MB; paling besar 60 MB\\)"
    with pytest.raises(ImportFailed, match=message):
        read_sop_file(big)
