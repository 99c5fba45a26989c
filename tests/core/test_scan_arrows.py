"""Arrows of scanned flowcharts (issue 18): each arrow head is followed back along its shaft to
the symbol the arrow leaves. Drawn the way the exporter draws them (thin outlines, a filled
head whose base is stroked), in ink masks at 150 and 200 dpi, and read with the scan route's
own stroke, symbol and head finders."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from tests.core.scan_support import PixShape, find_drawing


def _head(ink: np.ndarray, tip: tuple[int, int], towards: str, size: int) -> None:
    """A filled arrow head with its tip at `tip` pointing 'left', 'down' or 'right', `size`
    long and as wide, its base stroked across its back as the exporter's outlined polygon
    looks in a scan (a stroke as long as the shaft's last piece may be short)."""
    x, y = tip
    half, over = size // 2, 0
    if towards == "left":
        poly, base = [(x, y), (x + size, y - half), (x + size, y + half)], \
            ((x + size, y - half - over), (x + size, y + half + over))
    elif towards == "right":
        poly, base = [(x, y), (x - size, y - half), (x - size, y + half)], \
            ((x - size, y - half - over), (x - size, y + half + over))
    else:
        poly, base = [(x, y), (x - half, y - size), (x + half, y - size)], \
            ((x - half - over, y - size), (x + half + over, y - size))
    cv2.fillPoly(ink, [np.array(poly, np.int32)], 255)
    cv2.line(ink, base[0], base[1], 255, 1)


def _arrows(ink: np.ndarray, dpi: float) -> tuple[list[PixShape], list[tuple]]:
    """(symbols, arrows as (start index, end index)) found on an ink mask."""
    # arrows may run as far as on an A4 page
    shapes, found = find_drawing(ink, ink, dpi, 0.45 * 11.69 * dpi, dashed=True)
    return shapes, [(start, end) for _, start, end, _ in found]


def _index(shapes: list[PixShape], x: int, y: int) -> int:
    """The symbol whose box holds (x, y)."""
    return next(n for n, s in enumerate(shapes)
                if s.box[0] <= x <= s.box[2] and s.box[1] <= y <= s.box[3])


@pytest.mark.parametrize("dpi", [150.0, 200.0])
def test_a_return_arrow_into_a_symbols_side_leaves_the_decision_not_the_heads_base(dpi):
    """A Tidak arrow from a decision's right corner, up and back left into the right side of
    the first symbol: its head's stroked base (across the head) touches the head as closely as
    the shaft does; the shaft, which runs on out of the head, is the arrow."""
    f = dpi / 150
    s = lambda v: int(round(v * f))  # noqa: E731
    ink = np.zeros((s(420), s(700)), np.uint8)
    start = (s(60), s(40), s(186), s(78))  # the first step's symbol, top left
    cv2.rectangle(ink, start[:2], start[2:], 255, 1)
    mid = (s(300), s(150), s(426), s(193))  # the step after it, an arrow down into it
    cv2.rectangle(ink, mid[:2], mid[2:], 255, 1)
    cx, top, bottom = s(363), s(250), s(313)  # the decision below, a diamond
    left, right, cy = s(300), s(426), (s(250) + s(313)) // 2
    diamond = np.array([(cx, top), (right, cy), (cx, bottom), (left, cy)], np.int32)
    cv2.polylines(ink, [diamond], True, 255, 1)
    size = s(12)
    cv2.line(ink, (start[2] - s(60), start[3]), (start[2] - s(60), s(120)), 255, 1)
    cv2.line(ink, (start[2] - s(60), s(120)), (cx, s(120)), 255, 1)
    cv2.line(ink, (cx, s(120)), (cx, mid[1] - size), 255, 1)
    _head(ink, (cx, mid[1]), "down", size)
    cv2.line(ink, (cx, mid[3]), (cx, top - size), 255, 1)
    _head(ink, (cx, top), "down", size)
    # Tidak: right corner -> right, up to the first symbol's row, left into its right side
    back_y = (start[1] + start[3]) // 2
    cv2.line(ink, (right, cy), (s(520), cy), 255, 1)
    cv2.line(ink, (s(520), cy), (s(520), back_y), 255, 1)
    cv2.line(ink, (s(520), back_y), (start[2] + size, back_y), 255, 1)
    _head(ink, (start[2], back_y), "left", size)
    shapes, arrows = _arrows(ink, dpi)
    first = _index(shapes, start[0] + s(5), start[1] + s(5))
    second = _index(shapes, mid[0] + s(5), mid[1] + s(5))
    decision = _index(shapes, cx, cy)
    assert shapes[decision].kind == "decision"
    assert sorted(arrows, key=str) == sorted([(first, second), (second, decision), (decision, first)])


@pytest.mark.parametrize("dpi", [150.0, 200.0])
def test_an_arrow_down_keeps_its_shaft_beside_a_stub_across_its_head(dpi):
    """A head pointing down with a short thick stroke across its back (its base, blurred
    wide, touching the head as closely as the shaft): the arrow is the vertical shaft from
    the symbol above, not the stub."""
    f = dpi / 150
    s = lambda v: int(round(v * f))  # noqa: E731
    ink = np.zeros((s(300), s(400)), np.uint8)
    upper = (s(40), s(30), s(166), s(73))
    lower = (s(200), s(160), s(326), s(203))
    for x0, y0, x1, y1 in (upper, lower):
        cv2.rectangle(ink, (x0, y0), (x1, y1), 255, 1)
    size = s(12)
    x = s(263)
    cv2.line(ink, (s(103), upper[3]), (s(103), s(110)), 255, 1)
    cv2.line(ink, (s(103), s(110)), (x, s(110)), 255, 1)
    cv2.line(ink, (x, s(110)), (x, lower[1] - size), 255, 1)
    _head(ink, (x, lower[1]), "down", size)
    cv2.line(ink, (x - s(5), lower[1] - size), (x + s(6), lower[1] - size), 255, 2)
    shapes, arrows = _arrows(ink, dpi)
    assert arrows == [(_index(shapes, s(60), s(40)), _index(shapes, s(220), s(170)))]


@pytest.mark.parametrize("dpi", [150.0, 200.0])
def test_a_labels_letter_beside_a_decisions_corner_is_no_arrow_head(dpi):
    """The "Ya" printed just below a decision's bottom corner, right of the leg leaving it:
    blurred in a scan, its "a" is a filled blob of a head's size and the line masks join the
    letters to the leg. The blob touches the diamond without pointing into it, so it is no
    head: the Ya arrow runs from the decision down into the next symbol."""
    f = dpi / 150
    s = lambda v: int(round(v * f))  # noqa: E731
    ink = np.zeros((s(300), s(500)), np.uint8)
    cx, top, bottom, left, right = s(150), s(30), s(93), s(87), s(213)
    cy = (top + bottom) // 2
    diamond = np.array([(cx, top), (right, cy), (cx, bottom), (left, cy)], np.int32)
    cv2.polylines(ink, [diamond], True, 255, 1)
    nxt = (s(300), s(180), s(426), s(223))
    cv2.rectangle(ink, nxt[:2], nxt[2:], 255, 1)
    size, turn, x = s(12), s(130), s(363)
    cv2.line(ink, (cx, bottom), (cx, turn), 255, 1)
    cv2.line(ink, (cx, turn), (x, turn), 255, 1)
    cv2.line(ink, (x, turn), (x, nxt[1] - size), 255, 1)
    _head(ink, (x, nxt[1]), "down", size)
    # "Ya": a Y whose stem ends on the label's baseline and an "a" blurred into a blob
    base = bottom + s(5)
    cv2.line(ink, (cx + s(4), base - s(6)), (cx + s(7), base - s(3)), 255, 1)
    cv2.line(ink, (cx + s(10), base - s(6)), (cx + s(7), base - s(3)), 255, 1)
    cv2.line(ink, (cx + 1, base), (cx + s(12), base), 255, 1)
    cv2.ellipse(ink, (cx + s(15), base - s(2)), (s(3), s(4)), 0, 0, 360, 255, -1)
    shapes, arrows = _arrows(ink, dpi)
    decision = _index(shapes, cx, cy)
    assert shapes[decision].kind == "decision"
    assert arrows == [(decision, _index(shapes, nxt[0] + s(5), nxt[1] + s(5)))]
