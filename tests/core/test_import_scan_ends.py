"""The rounded "Mulai"/"Selesai" terminators of a scanned SOP (issue 18, bench_scan_unseen.py
--set documents): Word and Excel draw a flowChartTerminator as a stadium (ends rounded with a
radius of half its height). Scanned at 150 dpi, blurred and JPEG-compressed, binarised and
read again at 200 dpi, its hole's corners fill by a pixel or two: a small patch at each
corner (the old test) then looks filled, and the stadium was read as a process box (or as
nothing, its last step without a lane). `scan_draw.corner_room` measures the empty share of
each corner's whole square instead (a stadium leaves 0.21 of it, a box's blurred corner a few
hundredths):

- drawn pages: stadiums of the Word size at 150 and 200 dpi, one with an arrow head against
  its end, are terminators; rectangles and rounded rectangles of a small radius beside them
  stay process boxes;
- a Word-made fixture scanned at 150 dpi (tests/fixtures/documents/diseminasi_ham.pdf, one
  page, degraded as the benchmark does): its first step is read as start and its last as
  end, with the key's lanes;
- a decision crossed from tip to tip by a link, most of its lower half taken by an opaque
  signature stroke (the fixture's blue wave, faded to paper): its upper half, a closed
  triangle on the link, is the decision (`scan_diamond.half_diamonds`); a right triangle
  (an arrow leg and a slanted stroke) is none.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from sop_desktop.importers import read_sop_file
from sop_desktop.importers.scan_draw import corner_room, find_shapes, line_masks
from sop_desktop.importers.scan_image import binarize
from tests.core.scan_support import draw_head

FIXTURES = Path(__file__).parent.parent / "fixtures"
sys.path.insert(0, str(FIXTURES / "scans"))
from make_scans import degrade, jpeg, render  # noqa: E402

INK = (0, 0, 0)
PAPER = (255, 255, 255)
UP = 4  # drawn this many times larger and reduced, as a PDF renderer smooths its lines


def _rounded(img: np.ndarray, box: tuple[int, int, int, int], rx: int, ry: int,
             colour: tuple[int, int, int]) -> None:
    """A filled rectangle whose corners are quarter ellipses of radii (rx, ry)."""
    x0, y0, x1, y1 = box
    cv2.rectangle(img, (x0 + rx, y0), (x1 - rx, y1), colour, -1)
    cv2.rectangle(img, (x0, y0 + ry), (x1, y1 - ry), colour, -1)
    if rx and ry:
        for cx, cy in ((x0 + rx, y0 + ry), (x1 - rx, y0 + ry), (x0 + rx, y1 - ry),
                       (x1 - rx, y1 - ry)):
            cv2.ellipse(img, (cx, cy), (rx, ry), 0, 0, 360, colour, -1)


def _outline(img: np.ndarray, box: tuple[int, int, int, int], rx: int, ry: int,
             stroke: int) -> None:
    """A symbol's outline `stroke` pixels wide (drawn scale), corners of radii (rx, ry)."""
    x0, y0, x1, y1 = box
    _rounded(img, box, rx, ry, INK)
    _rounded(img, (x0 + stroke, y0 + stroke, x1 - stroke, y1 - stroke), max(0, rx - stroke),
             max(0, ry - stroke), PAPER)


# (kind wanted, width and height in inches, corners): the terminator sizes Word and Excel
# draw in the fixtures' lanes, Word's flowChartTerminator ends (radii 3475/21600 of its width
# and half its height), a plain stadium; boxes with square corners and with corners of a
# sixth of their height
SYMBOLS = (("terminator", 0.58, 0.24, "word"), ("terminator", 0.47, 0.2, "word"),
           ("terminator", 0.42, 0.2, "word"), ("terminator", 0.58, 0.24, "stadium"),
           ("process", 0.58, 0.24, "square"), ("process", 0.47, 0.2, "sixth"))


def _corners(w: int, h: int, how: str) -> tuple[int, int]:
    return {"word": (w * 3475 // 21600, h // 2), "stadium": (h // 2, h // 2),
            "square": (0, 0), "sixth": (h // 6, h // 6)}[how]


def _scanned_row(dpi: int) -> tuple[np.ndarray, list[tuple[str, tuple[int, int]]]]:
    """A strip of SYMBOLS (a 0.75 pt line) drawn at `dpi`, the second with an arrow into the
    middle of its left end, degraded as the benchmark degrades a page (blur, uneven light,
    noise, JPEG) and enlarged to the 200 dpi the scan route renders a PDF page at ->
    (grey page, [(kind wanted, a point inside)])."""
    stroke = max(UP, round(0.75 / 72 * dpi * UP))
    gap, top = int(0.35 * dpi) * UP, int(0.3 * dpi) * UP
    width = sum(int(w * dpi) * UP + gap for _, w, _, _ in SYMBOLS) + gap
    img = np.full((2 * top + int(0.24 * dpi) * UP, width, 3), PAPER, np.uint8)
    want, x0 = [], gap
    for n, (kind, wi, hi, how) in enumerate(SYMBOLS):
        w, h = int(wi * dpi) * UP, int(hi * dpi) * UP
        _outline(img, (x0, top, x0 + w, top + h), *_corners(w, h, how), stroke)
        want.append((kind, (x0 + w // 2, top + h // 2)))
        if n == 1:  # the last step's link
            cv2.line(img, (x0 - gap + 4 * UP, top + h // 2), (x0, top + h // 2), INK, stroke)
            draw_head(img, (x0, top + h // 2), 1, 0, int(0.06 * dpi) * UP, INK)
        x0 += w + gap
    small = cv2.resize(img, (img.shape[1] // UP, img.shape[0] // UP),
                       interpolation=cv2.INTER_AREA)
    scan = Image.open(io.BytesIO(jpeg(degrade(small, seed=18), dpi)))
    k = 200.0 / dpi
    page = cv2.resize(np.asarray(scan.convert("RGB")), None, fx=k, fy=k,
                      interpolation=cv2.INTER_LINEAR)
    return (cv2.cvtColor(page, cv2.COLOR_RGB2GRAY),
            [(kind, (int(x / UP * k), int(y / UP * k))) for kind, (x, y) in want])


def _kinds(gray: np.ndarray, points: list[tuple[int, int]]) -> list[str | None]:
    """The kind of the symbol found around each point (None: none found), as scan.py finds
    symbols in the faint ink of a 200 dpi page."""
    faint = binarize(gray, 225, untint=True)
    hmask, vmask = line_masks(faint, 200.0)
    shapes = find_shapes(faint, hmask, vmask, 200.0)
    return [next((s.kind for s in shapes if s.box[0] <= x <= s.box[2] and
                  s.box[1] <= y <= s.box[3]), None) for x, y in points]


def test_word_sized_stadiums_scanned_at_150_and_200_dpi_are_terminators():
    for dpi in (150, 200):
        gray, want = _scanned_row(dpi)
        assert _kinds(gray, [p for _, p in want]) == [k for k, _ in want], dpi


def test_corner_room_tells_a_stadium_from_a_box():
    """A stadium leaves 1 - pi/4 of each corner's square empty, a box none, a rounded box
    of radius a sixth of its height a little."""
    h, w = 60, 160
    stadium, box, rounded = (np.zeros((h, w, 3), np.uint8) for _ in range(3))
    _rounded(stadium, (0, 0, w - 1, h - 1), h // 2, h // 2, (1, 1, 1))
    _rounded(box, (0, 0, w - 1, h - 1), 0, 0, (1, 1, 1))
    _rounded(rounded, (0, 0, w - 1, h - 1), h // 6, h // 6, (1, 1, 1))
    assert all(0.18 <= c <= 0.25 for c in corner_room(stadium[:, :, 0]))
    assert max(corner_room(box[:, :, 0])) == 0.0
    assert max(corner_room(rounded[:, :, 0])) < 0.05


def _half_diamond_page(apex_centred: bool) -> np.ndarray:
    """A 200 dpi grey page: a decision (1.0 x 0.6 inch) crossed from tip to tip by a link
    with an arrow head at its left tip, a wide paper-coloured stroke over most of its lower
    half; or (apex_centred False) a right triangle on the same link."""
    img = np.full((240, 460, 3), 255, np.uint8)
    left, right, top, mid, bottom = 130, 330, 60, 120, 180
    cv2.line(img, (30, mid), (430, mid), INK, 2)
    draw_head(img, (left, mid), 1, 0, 12, INK)
    if apex_centred:
        pts = np.array([(230, top), (right, mid), (230, bottom), (left, mid)], np.int32)
        cv2.polylines(img, [pts], True, INK, 2, lineType=cv2.LINE_AA)
        cv2.line(img, (200, 185), (345, 128), PAPER, 14)  # the signature's faded stroke
    else:
        cv2.line(img, (left, top), (left, mid), INK, 2)
        cv2.line(img, (left, top), (right, mid), INK, 2, lineType=cv2.LINE_AA)
    blurred = cv2.GaussianBlur(img, (0, 0), 0.7)
    return cv2.cvtColor(blurred, cv2.COLOR_RGB2GRAY)


def test_a_crossed_decision_that_lost_half_of_its_outline_is_found():
    assert _kinds(_half_diamond_page(True), [(230, 100), (230, 150)]) == ["decision"] * 2
    assert _kinds(_half_diamond_page(False), [(180, 100), (180, 130)]) == [None, None]


def _bench_scan(pdf: Path, dpi: int, out: Path) -> Path:
    """The fixture's first page as benchmarks/bench_scan_unseen.py degrades it (the
    document's place among the Word/Excel-made fixtures gives its rotation and stamps), as
    an image-only PDF."""
    docs = [p for p in sorted(pdf.parent.glob("*.pdf"))
            if "steps" in json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))]
    n = 7 * docs.index(pdf) + (1 if dpi == 200 else 0)
    how = {"angle": ((n * 37) % 61 - 30) / 10.0, "stamp": n % 2 == 0,
           "signature": n % 2 == 0, "perspective": 0.004 if n % 3 == 1 else 0.0,
           "seed": 100 + n}
    page = jpeg(degrade(render(pdf.read_bytes(), 0, dpi), **how), dpi)
    path = out / f"{pdf.stem}_{dpi}.pdf"
    Image.open(io.BytesIO(page)).save(path, "PDF", resolution=float(dpi))
    return path


def test_a_scanned_word_sop_starts_and_ends_at_its_terminators(tmp_path):
    pdf = FIXTURES / "documents" / "diseminasi_ham.pdf"
    key = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    result = read_sop_file(_bench_scan(pdf, 150, tmp_path))
    assert len(result.sops) == 1
    steps = result.sops[0].steps
    assert [s.number for s in steps] == [s["number"] for s in key["steps"]]
    assert (steps[0].kind, steps[-1].kind) == ("start", "end")
    assert [s.kind for s in steps] == [s["kind"] for s in key["steps"]]
    assert [s.lane for s in steps] == [s["lane"] for s in key["steps"]]
