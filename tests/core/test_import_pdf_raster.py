"""PDFs with a text layer whose flowchart is a picture (issue 18): a copier's "searchable" scan
(the page an image under an invisible OCR text layer) and a typed table with the flowchart
pasted over its lane columns as one picture. The words come from the text layer, the symbols,
arrows and (for the scan) the rules from the pixels; both read back to the bundled SOP's
steps, lanes, per-step lanes, co-lanes, kinds and Ya/Tidak targets."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from sop_desktop.domain.model import SopDefinition
from sop_desktop.flowchart.pdf import sop_pdf_bytes
from sop_desktop.importers import read_sop_file
from sop_desktop.importers.library import bundled_sop_dir, load
from sop_desktop.importers.pdf import read_pdf_pages
from sop_desktop.importers.pdf_raster import flowchart_pictures
from sop_desktop.paths import resources_dir

TABLE_PAGE = 1  # the exporter prints the identity page first, then the table
WARNING = "bagan alir berupa gambar; simbol dan panah dibaca dari gambar, periksa hasilnya"


@cache
def _original(stem: str) -> tuple[SopDefinition, bytes]:
    defn = load(bundled_sop_dir() / f"{stem}.toml")
    return defn, sop_pdf_bytes(defn, "A4", True)


def _render(data: bytes, index: int, dpi: int) -> Image.Image:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return pdf[index].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        pdf.close()


def _words(data: bytes, index: int) -> list[dict]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return pdf.pages[index].extract_words(x_tolerance_ratio=0.15, y_tolerance=1.0)


def _put_words(c: canvas.Canvas, words: list[dict], height: float, mode: int) -> None:
    """Each word at its place and width (`mode` 3: invisible, as a copier's OCR layer)."""
    for w in words:
        size = max(3.0, (w["bottom"] - w["top"]) * 0.86)
        text = c.beginText()
        text.setTextRenderMode(mode)
        text.setFont("Helvetica", size)
        natural = stringWidth(w["text"], "Helvetica", size)
        text.setHorizScale(100.0 * (w["x1"] - w["x0"]) / max(0.1, natural))
        text.setTextOrigin(w["x0"], height - w["bottom"] + 0.2 * size)
        text.textOut(w["text"])
        c.drawText(text)


def _searchable_scan(stem: str, tmp_path: Path, dpi: int, pages: tuple[int, ...] = (TABLE_PAGE,)
                     ) -> Path:
    """Case (b): each page an image at `dpi`, its words on it as an invisible text layer."""
    _, data = _original(stem)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        width, height = float(pdf.pages[TABLE_PAGE].width), float(pdf.pages[TABLE_PAGE].height)
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(width, height))
    for index in pages:
        c.drawImage(ImageReader(_render(data, index, dpi)), 0, 0, width, height)
        _put_words(c, _words(data, index), height, 3)
        c.showPage()
    c.save()
    path = tmp_path / f"{stem}-pindai-cari.pdf"
    path.write_bytes(out.getvalue())
    return path


def _is_cell(r: dict, rects: list[dict]) -> bool:
    """A table cell's rectangle: it shares an edge with another one (cells tile)."""
    for o in rects:
        if o is r:
            continue
        ov_y = min(r["bottom"], o["bottom"]) - max(r["top"], o["top"]) > 1
        ov_x = min(r["x1"], o["x1"]) - max(r["x0"], o["x0"]) > 1
        if ov_y and any(abs(r[a] - o[b]) < 0.8 for a in ("x0", "x1") for b in ("x0", "x1")):
            return True
        if ov_x and any(abs(r[a] - o[b]) < 0.8 for a in ("top", "bottom")
                        for b in ("top", "bottom")):
            return True
    return False


def _pasted_flowchart(stem: str, tmp_path: Path, dpi: int, inside: bool = False) -> Path:
    """Case (a): the table typed (words and rules as vectors), the flowchart one picture
    over the lane columns (cut from the rendered page), no vector symbol; `inside`: the
    picture has text inside its symbols too (a decision's question), which has no text
    layer."""
    _, data = _original(stem)
    first = read_sop_file(_write(tmp_path / f"{stem}-asli.pdf", data)).pages[TABLE_PAGE]
    lanes = first.lane_columns
    heads = sorted(s.bbox[1] for s in first.shapes)
    rules_y = sorted({s.bbox[1] for s in first.segments if s.horizontal})
    top = max(y for y in rules_y if y <= heads[0])
    x0, x1, y1 = lanes[0][0], lanes[-1][1], max(rules_y)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[TABLE_PAGE]
        width, height = float(page.width), float(page.height)
        rects = [r for r in page.rects if r.get("stroke")]
        cells = [r for r in rects if _is_cell(r, rects)]
    k = dpi / 72
    rendered = _render(data, TABLE_PAGE, dpi)
    if inside:
        _write_in_symbols(rendered, first.shapes, k)
    picture = rendered.crop((round(x0 * k), round(top * k), round(x1 * k),
                                              round(y1 * k)))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(width, height))
    c.drawImage(ImageReader(picture), x0, height - y1, x1 - x0, y1 - top)
    c.setLineWidth(0.75)
    for r in cells:
        c.rect(r["x0"], height - r["bottom"], r["x1"] - r["x0"], r["bottom"] - r["top"])
    _put_words(c, _words(data, TABLE_PAGE), height, 0)
    c.showPage()
    c.save()
    return _write(tmp_path / f"{stem}-tempel.pdf", out.getvalue())


def _write_in_symbols(image: Image.Image, shapes: list, k: float) -> None:
    """Each symbol of the rendered page gets a word inside it, as a Visio drawing has."""
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(resources_dir() / "fonts" / "DejaVuSans.ttf"), round(6 * k))
    for s in shapes:
        word = "Lengkap?" if s.kind == "decision" else "Arsip"
        draw.text((s.cx * k, s.cy * k), word, fill=(0, 0, 0), anchor="mm", font=font)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _differences(want: SopDefinition, got: SopDefinition) -> list[str]:
    """What the read SOP has differently from the bundled one (the table's structure)."""
    out = []
    if [x.name for x in got.lanes] != [x.name for x in want.lanes]:
        out.append(f"pelaksana {[x.name for x in got.lanes]}")
    if [s.number for s in got.steps] != [s.number for s in want.steps]:
        out.append(f"langkah {[s.number for s in got.steps]}")
    read = {s.number: s for s in got.steps}
    for a in want.steps:
        b = read.get(a.number)
        if b is None:
            continue
        key_a = (a.lane, sorted(a.co_lanes), a.kind, a.yes, a.no)
        key_b = (b.lane, sorted(b.co_lanes), b.kind, b.yes, b.no)
        if key_a != key_b:
            out.append(f"langkah {a.number}: {key_b} bukan {key_a}")
    return out


# rkt: the SOP the issue names; diseminasi-ham: a decision with Ya/Tidak and co-actor links
STEMS = ["rkt", "diseminasi-ham"]


@pytest.mark.parametrize("stem", STEMS)
def test_a_searchable_scan_reads_its_drawing_from_the_picture(tmp_path, stem):
    path = _searchable_scan(stem, tmp_path, 150)
    pages, _ = read_pdf_pages(path)
    assert pages[0].words and pages[0].shapes  # text layer kept, symbols from the picture
    assert all(w.conf == 1.0 for w in pages[0].words)  # no OCR word: the layer is better
    result = read_sop_file(path)
    assert len(result.sops) == 1
    assert _differences(_original(stem)[0], result.sops[0]) == []
    assert f"halaman 1: {WARNING}" in result.warnings


def test_a_searchable_scan_of_the_whole_sop_reads_its_identity_page_too(tmp_path):
    """The identity page (no symbols: no warning) gets its grid from the pixels; the emblem's
    strokes are no rules, so the office hierarchy beside it reads whole."""
    want = read_sop_file(_write(tmp_path / "asli.pdf", _original("rkt")[1])).sops[0]
    result = read_sop_file(_searchable_scan("rkt", tmp_path, 200, (0, TABLE_PAGE)))
    got = result.sops[0]
    assert got.identity == want.identity
    assert _differences(_original("rkt")[0], got) == []
    assert [w for w in result.warnings if WARNING in w] == [f"halaman 2: {WARNING}"]


@pytest.mark.parametrize("stem", STEMS)
def test_a_flowchart_pasted_over_a_typed_table_reads_from_the_picture(tmp_path, stem):
    path = _pasted_flowchart(stem, tmp_path, 200)
    with pdfplumber.open(path) as pdf:  # the fixture: no vector symbol, one picture
        assert len(pdf.pages[0].images) == 1 and not pdf.pages[0].curves
    result = read_sop_file(path)
    assert len(result.sops) == 1
    assert _differences(_original(stem)[0], result.sops[0]) == []
    assert f"halaman 1: {WARNING}" in result.warnings


def test_text_inside_pasted_symbols_is_read_into_the_step_notes(tmp_path):
    """Words written inside the pasted symbols (no text layer) are read by OCR into the
    step's note; the table's reading stays the same."""
    path = _pasted_flowchart("diseminasi-ham", tmp_path, 200, inside=True)
    result = read_sop_file(path)
    want = _original("diseminasi-ham")[0]
    got = result.sops[0]
    assert _differences(want, got) == []
    decision = next(s.number for s in want.steps if s.kind == "decision")
    notes = {s.number: s.note for s in got.steps}
    assert "Lengkap?" in notes[decision]
    assert sum("Arsip" in n for n in notes.values()) >= len(want.steps) - 2
    assert all(w.conf < 1 for w in result.pages[0].words if w.text in ("Lengkap?", "Arsip"))


def test_a_small_picture_on_a_vector_page_is_not_read_as_a_flowchart(tmp_path):
    """The emblem on the identity page of the app's own PDF: no picture reading, no warning."""
    path = _write(tmp_path / "rkt.pdf", _original("rkt")[1])
    pages, warnings = read_pdf_pages(path)
    with pdfplumber.open(path) as pdf:
        images = pdf.pages[0].images
    assert images and flowchart_pictures(pages[0], images) == []
    assert not any(WARNING in w for w in warnings)
