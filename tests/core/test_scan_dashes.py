"""Strokes of scanned flowcharts (issue 18): a short co-actor tick of only one or two breaks is
dashed when its runs are dash-sized and its breaks clear gaps (a solid stroke with a noise break,
or a degraded tick whose gaps filled in, stays solid)."""

from __future__ import annotations

import numpy as np
import pytest

from sop_desktop.importers.scan_draw import line_masks, pieces, split_dashed


def _tick(ink: np.ndarray, x: int, y: int, pattern: str, width: int = 2) -> None:
    """Draw a vertical stroke from `pattern` ('#' ink, '.' gap) with its top at (x, y)."""
    for n, c in enumerate(pattern):
        if c == "#":
            ink[y + n, x:x + width] = 255


def _dashed_xs(ink: np.ndarray, dpi: float) -> tuple[list[int], list[int]]:
    """(x of the solid vertical strokes, x of the dashed ones) found on the picture, in
    pixels at 150 dpi."""
    _, vmask = line_masks(ink, dpi)
    solid, dashed = split_dashed(ink, pieces(vmask, False, dpi), dpi)
    k = dpi / 150
    return sorted(int(p.x0 / k) for p in solid), sorted(int(p.x0 / k) for p in dashed)


def _scaled(pattern: str, factor: int) -> str:
    return "".join(c * factor for c in pattern)


@pytest.mark.parametrize("factor", [1, 2])
def test_a_short_tick_with_one_or_two_breaks_is_dashed_a_broken_solid_stroke_is_not(factor):
    dpi = 150.0 * factor  # the exporter's 2 pt dashes and 1.5 pt gaps at 150 and 300 dpi
    ink = np.zeros((200 * factor, 400 * factor), np.uint8)
    _tick(ink, 50 * factor, 20 * factor, _scaled("####..#####..##", factor), 2 * factor)
    _tick(ink, 100 * factor, 20 * factor, _scaled("###..#####...####", factor), 2 * factor)
    _tick(ink, 150 * factor, 20 * factor, _scaled("##...#############", factor), 2 * factor)
    _tick(ink, 200 * factor, 20 * factor, _scaled("#####.#######", factor), 2 * factor)
    _tick(ink, 250 * factor, 20 * factor, "#" * 25 * factor, 2 * factor)
    solid, dashed = _dashed_xs(ink, dpi)
    assert dashed == [50, 100]
    assert solid == [150, 200, 250]


def test_a_long_stroke_with_one_break_stays_solid():
    ink = np.zeros((200, 100), np.uint8)
    _tick(ink, 50, 10, "#" * 30 + ".." + "#" * 30)
    solid, dashed = _dashed_xs(ink, 150.0)
    assert dashed == [] and solid == [50]

