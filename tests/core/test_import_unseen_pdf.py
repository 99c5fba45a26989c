"""The acceptance check on SOP PDFs in styles no other fixture has, made by
tests/fixtures/documents/make_unseen_pdfs.py into tests/fixtures/documents/unseen/ the way SOP
generator web apps and spreadsheet prints draw them: bezier, elliptic and stadium terminators
(with shadows or fills), polylines or loose segments with filled, notched or open heads,
elbows through other lanes, Ya/Tidak labels above, left of, below or halfway along the arrow,
tables continued with and without the repeated header, lane names turned up or down their
column (on one or two lines) or in two lines, rules as strokes or thin filled rectangles,
identity grids with a QR picture, e-sign footers. Each document imports to its hand key (steps,
lanes in order, per-step lanes, kinds, Ya/Tidak targets, waktu and output), also when drawn
once more in other styles. Turned text, open and notched heads and filled rules are checked
on their own too.
"""

from __future__ import annotations

import json
import time

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from sop_desktop.importers import read_sop_file
from sop_desktop.importers.pdf import read_pdf_pages
from tests.office_documents import DOCUMENTS, mismatches

UNSEEN = DOCUMENTS / "unseen"
NAMES = sorted(p.stem for p in UNSEEN.glob("unseen_*.json"))


def test_there_are_six_small_unseen_documents_with_their_pdfs():
    assert len(NAMES) == 6
    for name in NAMES:
        assert (UNSEEN / f"{name}.pdf").read_bytes()[:5] == b"%PDF-", name
    assert sum(p.stat().st_size for p in UNSEEN.iterdir()) < 96 * 1024


@pytest.mark.parametrize("name", NAMES)
def test_unseen_pdf_imports_to_its_hand_key(name):
    key = json.loads((UNSEEN / f"{name}.json").read_text(encoding="utf-8"))
    assert key["document"] == f"{name}.pdf"
    start = time.perf_counter()
    result = read_sop_file(UNSEEN / key["document"])
    took = time.perf_counter() - start
    assert mismatches(result, key) == []
    assert took < 6.0, took  # 3 s on the quiet 2-core machine; slack for a shared test run


def _turned_header(path, angle: int) -> None:
    """A ruled No | Kegiatan | two lane columns table whose lane names are turned."""
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    c.setFont("Helvetica", 8)
    for x, name in ((300, "Petugas Loket"), (360, "Kepala Seksi Kelahiran")):
        c.saveState()
        c.translate(x + 30, 400 if angle == 90 else 500)
        c.rotate(angle)
        c.drawString(0, 0, name)
        c.restoreState()
    c.showPage()
    c.save()


@pytest.mark.parametrize("angle", [90, -90])
def test_turned_text_reads_in_its_own_direction(tmp_path, angle):
    path = tmp_path / "putar.pdf"
    _turned_header(path, angle)
    [page], _ = read_pdf_pages(path)
    assert sorted(w.text for w in page.words) == ["Kepala Seksi Kelahiran", "Petugas Loket"]


@pytest.mark.parametrize("angle", [90, -90])
def test_a_turned_name_wrapped_over_two_lines_is_one_name(tmp_path, angle):
    """Two turned lines of one cell read first line first (up: left to right; down: right to
    left); the names of two cells with a rule between them stay apart."""
    path = tmp_path / "putar2.pdf"
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    c.setFont("Helvetica", 8)
    c.line(340, 380, 340, 520)  # the rule between the two lane cells
    for x, lines in ((300, ("Kabid Kedaruratan", "dan Logistik")), (350, ("Tim Reaksi", "Cepat"))):
        c.saveState()
        c.translate(x + 15, 400 if angle == 90 else 500)
        c.rotate(angle)
        for k, line in enumerate(lines):
            c.drawString(0, -10 * k, line)
        c.restoreState()
    c.showPage()
    c.save()
    [page], _ = read_pdf_pages(path)
    assert sorted(w.text for w in page.words) == ["Kabid Kedaruratan dan Logistik",
                                                  "Tim Reaksi Cepat"]


def test_open_arrow_heads_point_their_arrows(tmp_path):
    """A flow drawn with open heads (two short strokes, one three-point stroke, or a wing
    drawn on in the shaft's own path) into a box is an arrow ending at the box; the head's
    strokes are no rules."""
    path = tmp_path / "panah.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(100, 600, 60, 20)
    c.rect(100, 500, 60, 20)
    c.rect(300, 500, 60, 20)
    c.line(130, 600, 130, 520)  # down into the lower box: two strokes
    c.line(127, 525, 130, 520)
    c.line(133, 525, 130, 520)
    c.line(160, 510, 300, 510)  # right into the third box: one three-point stroke
    p = c.beginPath()
    p.moveTo(295, 513)
    p.lineTo(300, 510)
    p.lineTo(295, 507)
    c.drawPath(p, stroke=1, fill=0)
    c.rect(300, 600, 60, 20)  # up into the fourth box: the shaft's own path runs on into a
    p = c.beginPath()  # wing, the other wing is a second stroke of the same path
    p.moveTo(330, 520)
    p.lineTo(330, 600)
    p.lineTo(327, 595)
    p.moveTo(330, 600)
    p.lineTo(333, 595)
    c.drawPath(p, stroke=1, fill=0)
    c.showPage()
    c.save()
    [page], _ = read_pdf_pages(path)
    heads = sorted(s.points[-1] for s in page.segments if s.head)
    assert [(round(x), round(y)) for x, y in heads] == [(130, 322), (300, 332), (330, 242)]
    assert not any(max(abs(s.bbox[2] - s.bbox[0]), abs(s.bbox[3] - s.bbox[1])) < 8
                   for s in page.segments)


def test_rules_drawn_as_thin_filled_rectangles_are_rules(tmp_path):
    """Browsers' print to PDF and Office's "Save as PDF" draw cell borders as thin filled
    rectangles: they are the table's rules; a filled shadow or band is not."""
    path = tmp_path / "garis.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(100, 700, 200, 0.5, stroke=0, fill=1)  # a horizontal rule
    c.rect(100, 600, 0.5, 100, stroke=0, fill=1)  # a vertical rule
    c.rect(100, 500, 60, 20, stroke=0, fill=1)  # a filled band: no rule
    c.drawString(100, 400, "Teks")
    c.showPage()
    c.save()
    [page], _ = read_pdf_pages(path)
    assert len(page.segments) == 2
    horizontal, vertical = sorted(page.segments, key=lambda s: s.vertical)
    assert horizontal.horizontal and round(horizontal.bbox[2] - horizontal.bbox[0]) == 200
    assert vertical.vertical and round(vertical.bbox[3] - vertical.bbox[1]) == 100


def test_a_notched_filled_head_points_its_arrow(tmp_path):
    """An arrow head drawn as a filled four-point dart (SVG markers) ends the arrow at its tip
    and is not read as a small diamond."""
    path = tmp_path / "takik.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(100, 500, 60, 20)
    c.line(130, 600, 130, 525)
    p = c.beginPath()
    for k, (x, y) in enumerate([(130, 520), (127, 527), (130, 524.5), (133, 527)]):
        (p.lineTo if k else p.moveTo)(x, y)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    c.showPage()
    c.save()
    [page], _ = read_pdf_pages(path)
    assert [s.kind for s in page.shapes] == ["process"]
    [shaft] = [s for s in page.segments if s.head]
    assert [round(v) for v in shaft.points[-1]] == [130, 322]


# Each document drawn once more in other styles (the same hand key): what one generator does
# to one document another does to the next.
RESTYLED = [
    ("unseen_puskesmas_rujukan", {"head": "inline", "labels": "middle", "middle": True}),
    ("unseen_dukcapil_akta", {"lane_head": "rotated_cw", "rules": "filled", "head": "open",
                              "turned_wrap": True}),
    ("unseen_bpbd_logistik", {"lane_head": "rotated", "head": "notched", "upper": True,
                              "gap": 3.0, "turned_wrap": True}),
    ("unseen_dinsos_bansos", {"term": "bezier", "arrow": "segments", "shadow": True,
                              "labels": "left"}),
    ("unseen_kecamatan_iumk", {"head": "inline", "cell_rules": False, "rules": "filled",
                               "labels": "below"}),
    ("unseen_sekolah_mutasi", {"lane_head": "rotated", "term": "ellipse", "rules": "",
                               "head": "notched"}),
]


@pytest.mark.parametrize("stem,style", RESTYLED, ids=[s for s, _ in RESTYLED])
def test_a_restyled_unseen_document_imports_to_the_same_key(tmp_path, stem, style):
    import dataclasses

    from tests.fixtures.documents.make_unseen_pdfs import key_of, render
    from tests.fixtures.documents.unseen_sops import DOCS

    doc = next(d for d in DOCS if d.stem == stem)
    restyled = dataclasses.replace(doc, style={**doc.style, **style})
    path = tmp_path / f"{stem}.pdf"
    render(restyled, path)
    key = key_of(restyled)
    assert key == json.loads((UNSEEN / f"{stem}.json").read_text(encoding="utf-8"))
    assert mismatches(read_sop_file(path), key) == []
