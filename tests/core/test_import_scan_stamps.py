"""Black print under a stamp's coloured ink (issue 18, `scan_stamps.print_under_ink`): each
page drawn with cv2, a purple stamp laid over it as make_scans.py lays one (transparent
ink: the print shows through, darker), a pen signature drawn beside or across it, blurred,
noised, lit unevenly and JPEG-compressed as a scan, then faded and read as scan.py does.

- a box and a diamond under the stamp's ring and letters are found, and the arrow between
  them (their outlines were painted out with the stamp's ink before);
- a pen stroke as dark as print, lying across the stamp's ring over blank paper, is not
  kept as print (it continues no print outside the ink): it leaves no stroke behind;
- a table rule crossing the ring is kept whole, and the ring itself is faded to paper.
"""

from __future__ import annotations

import io
import math

import cv2
import numpy as np
from PIL import Image

from sop_desktop.importers.scan_draw import line_masks
from sop_desktop.importers.scan_image import binarize, to_gray
from tests.core.scan_support import PixShape, find_drawing

INK = (25, 25, 25)
STAMP = (110, 40, 150)  # the purple of make_scans.py's stamp


def _page(width: int, height: int) -> np.ndarray:
    return np.full((height, width, 3), 250, np.uint8)


def _stamp(img: np.ndarray, centre: tuple[int, int], r: int) -> None:
    """Two rings and a word in transparent purple ink over whatever is printed there."""
    layer = img.copy()
    cv2.circle(layer, centre, r, STAMP, max(2, r // 18))
    cv2.circle(layer, centre, int(r * 0.72), STAMP, max(1, r // 30))
    cv2.putText(layer, "DISAHKAN", (centre[0] - int(r * 0.62), centre[1] + r // 10),
                cv2.FONT_HERSHEY_SIMPLEX, r / 95, STAMP, max(1, r // 30))
    img[:] = cv2.addWeighted(layer, 0.75, img, 0.25, 0)


def _signature(img: np.ndarray, x0: int, y0: int, length: int, colour: tuple[int, int, int],
               thick: int = 3) -> list[tuple[int, int]]:
    """A pen's free-form stroke (opaque) -> its points."""
    pts = [(x0 + int(t * length), y0 + int(30 * math.sin(t * 17) * (1 + 0.5 * math.cos(t * 7))))
           for t in np.linspace(0, 1, 200)]
    cv2.polylines(img, [np.array(pts, np.int32)], False, colour, thick, lineType=cv2.LINE_AA)
    return pts


def _scanned(img: np.ndarray) -> np.ndarray:
    """Blur, uneven light, noise and JPEG as a copier's scan."""
    h, w = img.shape[:2]
    out = cv2.GaussianBlur(img, (0, 0), 0.6).astype(np.float32)
    light = 0.8 + 0.2 * np.linspace(0, 1, w)[None, :, None]
    out = out * light + np.random.default_rng(3).normal(0, 5, out.shape)
    buf = io.BytesIO()
    Image.fromarray(np.clip(out, 0, 255).astype(np.uint8)).save(buf, "JPEG", quality=72)
    return np.array(Image.open(buf).convert("RGB"))


def _drawing(gray: np.ndarray, dpi: float) -> tuple[list[PixShape], list]:
    """The symbols and arrows of a faded page as scan.py finds them on a page without text."""
    return find_drawing(binarize(gray, smooth=True), binarize(gray, 225, untint=True), dpi,
                        0.45 * max(gray.shape))


def _at(shapes: list[PixShape], p: tuple[int, int]) -> int | None:
    return next((n for n, s in enumerate(shapes) if s.box[0] <= p[0] <= s.box[2] and
                 s.box[1] <= p[1] <= s.box[3]), None)


def _flowchart_under_a_stamp() -> tuple[np.ndarray, np.ndarray]:
    """A lane with a diamond and a box, the stamp over both: the ring runs along the
    diamond's lower right edge and its word lies on the box (the D's stem on the box's left
    side, the letters' feet on its bottom edge); a blue signature beside -> (scan, the print
    alone as a mask)."""
    img = _page(1400, 1000)
    for x in (80, 320, 760, 1100):
        cv2.line(img, (x, 40), (x, 960), INK, 2)
    for y in (40, 230, 520, 700, 960):
        cv2.line(img, (80, y), (1100, y), INK, 2)
    centre, r = (600, 470), 150
    # the diamond's lower right edge touches the ring where its radius points up-left
    cv2.polylines(img, [np.array([(464, 274), (524, 334), (464, 394), (404, 334)], np.int32)],
                  True, INK, 2)
    cv2.line(img, (524, 334), (580, 334), INK, 2)  # Ya: right, then down into the box
    cv2.line(img, (580, 334), (580, 414), INK, 2)
    cv2.fillPoly(img, [np.array([(580, 426), (573, 412), (587, 412)], np.int32)], INK)
    word_x, word_y = centre[0] - int(r * 0.62), centre[1] + r // 10
    cv2.rectangle(img, (word_x + 3, 426), (word_x + 150, word_y), INK, 2)
    printed = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY) < 128
    _stamp(img, centre, r)
    _signature(img, 800, 560, 260, (30, 50, 170))
    return _scanned(img), printed


def test_a_box_and_a_diamond_under_a_stamp_are_found():
    """The black print shows through the stamp's transparent ink darker than the ink over
    paper, and is kept: the diamond whose edge the ring lies along and the box under the
    stamp's word are found, and the arrow from the diamond to the box (both outlines were
    painted out with the ink before)."""
    scan, _ = _flowchart_under_a_stamp()
    shapes, arrows = _drawing(to_gray(scan), 200.0)
    diamond, box = _at(shapes, (464, 334)), _at(shapes, (580, 460))
    assert diamond is not None and shapes[diamond].kind == "decision", \
        [(s.kind, s.box) for s in shapes]
    assert box is not None and shapes[box].kind == "process", [(s.kind, s.box) for s in shapes]
    assert any(start == diamond and end == box for _, start, end, _ in arrows)


def test_a_rule_across_the_ring_stays_whole_and_the_ring_is_faded():
    """A table rule crossing the stamp's ring twice is one stroke again, and the ring itself
    (away from any print) is paper."""
    scan, printed = _flowchart_under_a_stamp()
    gray = to_gray(scan)
    faint = binarize(gray, 225, untint=True) > 0
    row = faint[513:528, 330:750].any(axis=0)  # the row rule at y = 520 crosses the ring
    assert row.mean() > 0.98, np.flatnonzero(~row)[:20]
    ring = np.zeros(gray.shape, np.uint8)
    cv2.circle(ring, (600, 470), 150, 255, 6)
    near = cv2.dilate(printed.astype(np.uint8), np.ones((9, 9), np.uint8)) > 0
    assert np.median(gray[(ring > 0) & ~near]) > 150
    assert faint[(ring > 0) & ~near].mean() < 0.02


def test_a_dark_pen_stroke_across_the_ring_is_not_kept_as_print():
    """A signature in a pen as dark as print, drawn across the stamp's ring over blank
    paper: where it crosses the ring it is darker than the ring's ink, as print under the
    ink is, but it continues no print outside the ink, so it is painted out with the rest
    of the coloured ink and leaves no stroke (a false connector) behind."""
    img = _page(1000, 700)
    cv2.rectangle(img, (60, 60), (940, 640), INK, 2)
    _stamp(img, (420, 350), 150)
    points = _signature(img, 330, 300, 320, (60, 40, 110), thick=4)
    gray = to_gray(_scanned(img))
    faint = binarize(gray, 225, untint=True) > 0
    stroke = np.zeros(gray.shape, np.uint8)
    cv2.polylines(stroke, [np.array(points, np.int32)], False, 255, 4)
    left = faint[stroke > 0].mean()
    assert left < 0.02, left
    hmask, vmask = line_masks(binarize(gray, 225, untint=True), 200.0)
    inner = np.zeros(gray.shape, bool)
    inner[90:610, 90:910] = True
    assert not ((hmask > 0) | (vmask > 0))[inner].any()
