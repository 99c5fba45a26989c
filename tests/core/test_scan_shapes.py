"""Symbols of scanned flowcharts (issue 18): an outline a stamp broke (the stamp's colour is
painted out, and the print under it with it) is still a symbol; a table cell with the same
break is not."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from sop_desktop.importers.scan_draw import find_shapes, line_masks


@pytest.mark.parametrize("dpi", [150.0, 200.0])
def test_a_process_box_with_a_side_broken_by_a_stamp_is_still_found(dpi):
    f = dpi / 150
    s = lambda v: int(round(v * f))  # noqa: E731
    ink = np.zeros((s(400), s(600)), np.uint8)
    for x in (s(40), s(240), s(440), s(560)):  # a ruled table around the symbol
        cv2.line(ink, (x, s(20)), (x, s(380)), 255, 1)
    for y in (s(20), s(140), s(260), s(380)):
        cv2.line(ink, (s(40), y), (s(560), y), 255, 1)
    box = (s(270), s(170), s(396), s(213))
    cv2.rectangle(ink, box[:2], box[2:], 255, 1)
    gap = int(0.07 * dpi)  # wider than the gaps a faint or blurred line leaves
    ink[box[1] + s(10):box[1] + s(10) + gap, box[2] - 1:box[2] + 2] = 0
    cv2.circle(ink, (box[2] - 1, box[3] - 1), s(3), 255, -1)  # a smudge on a corner
    ink[s(60):s(60) + gap, s(240) - 1:s(240) + 2] = 0  # the same break in a cell's rule
    hmask, vmask = line_masks(ink, dpi)
    shapes = find_shapes(ink, hmask, vmask, dpi)
    assert [s.kind for s in shapes] == ["process"]
    x0, y0, x1, y1 = shapes[0].box
    assert abs(x0 - box[0]) <= s(6) and abs(x1 - box[2]) <= s(6)
    assert abs(y0 - box[1]) <= s(6) and abs(y1 - box[3]) <= s(6)
    assert shapes[0].conf < 0.9  # less sure than an outline found whole
