"""Scanned SOPs (issue 18): page images and image-only PDFs read by OCR into the same
definition as their source; hostile images refused quickly with one clear line; progress per
page and cancel. The fixtures are made by tests/fixtures/scans/make_scans.py (pages of the
app's own SOP PDFs and of LibreOffice-made PDFs, degraded as real scans are)."""

from __future__ import annotations

import json
import struct
import tracemalloc
import zlib
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

import pytest

from sop_desktop.errors import ImportFailed
from sop_desktop.importers import read_sop_file
from sop_desktop.importers.library import bundled_sop_dir, load

SCANS = Path(__file__).parent.parent / "fixtures" / "scans"
DOCS = Path(__file__).parent.parent / "fixtures" / "documents"


@cache
def _read(name: str):
    return read_sop_file(SCANS / name)


def _expected(name: str) -> tuple[list[str], list[tuple]]:
    """(lanes, [(number, lane, kind, yes, no, kegiatan)]) of the fixture's source SOP."""
    source = json.loads((SCANS / "scans.json").read_text(encoding="utf-8"))[name]["source"]
    kind, stem = source.split(":", 1)
    if kind == "sop":
        defn = load(bundled_sop_dir() / f"{stem}.toml")
    else:
        key = json.loads((DOCS / stem.replace(".pdf", ".json")).read_text(encoding="utf-8"))
        defn = load(Path(__file__).parents[2] / key["source"])
    steps = [(s.number, s.lane, s.kind, s.yes, s.no, s.kegiatan) for s in defn.steps]
    return [lane.name for lane in defn.lanes], steps


def char_accuracy(expected: list[str], got: list[str]) -> float:
    """Share of the expected characters (spaces collapsed) found in order in what was read."""
    total = matched = 0
    for a, b in zip(expected, got, strict=False):
        a, b = " ".join(a.split()), " ".join(b.split())
        total += len(a)
        matched += sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False)
                       .get_matching_blocks())
    total += sum(len(a) for a in expected[len(got):])
    return matched / max(1, total)


def test_char_accuracy_counts_missing_and_wrong_characters():
    assert char_accuracy(["Memeriksa berkas"], ["Memeriksa berkas"]) == 1.0
    assert char_accuracy(["abcd"], ["abXd"]) == 0.75
    assert char_accuracy(["ab", "cd"], ["ab"]) == 0.5


@pytest.mark.parametrize("name", ["rkt_150.jpg", "diseminasi_turned_150.jpg"])
def test_scan_reads_steps_lanes_kinds_and_text_of_its_source(name):
    lanes, steps = _expected(name)
    result = _read(name)
    assert len(result.sops) == 1
    defn = result.sops[0]
    assert [lane.name for lane in defn.lanes] == lanes
    assert len(defn.steps) == len(steps)
    got = [(s.number, s.lane, s.kind, s.yes, s.no) for s in defn.steps]
    assert got == [row[:5] for row in steps]
    accuracy = char_accuracy([row[5] for row in steps], [s.kegiatan for s in defn.steps])
    assert accuracy >= 0.97, accuracy


def test_scan_keeps_pages_with_word_confidence_for_the_review_screen():
    result = _read("rkt_150.jpg")
    page = result.pages[0]
    assert page.source.kind == "image" and page.source.path.endswith("rkt_150.jpg")
    assert page.words and all(0 < w.conf <= 1 for w in page.words)
    assert {s.kind for s in page.shapes} >= {"terminator", "process"}
    assert page.lane_columns
    # 8 arrows are drawn; the stamp and the signature may hide a head, never invent an arrow
    linked = [(a.start_shape, a.end_shape) for a in page.arrows if a.start_shape and a.end_shape]
    assert len(linked) >= 5 and all(a.end_shape for a in page.arrows)
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
