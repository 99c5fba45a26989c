"""Black print under a stamp's coloured ink (issue 18).

A stamp's ink is transparent: the print under it shows through, darker than the same ink
over paper, and dark in every colour channel, since black print lets no light through in
any. Coloured ink over paper always leaves one channel bright (that is its colour), and a
pen's stroke is as dark as itself, never darker. So among the pixels painted out as
coloured ink, those whose brightest channel is well below the brightest channel of the
coloured ink around them are print, and they are kept.

A guard keeps only what continues the print outside the ink: a piece of print under a
stamp's ring or letters is a line, an outline or a letter running in from the paper on
one side and out on the other, so it touches print outside the ink at places as far apart
as the piece is long. A speck of the ink's own noise, or a dark stroke of a pen lying
over paper, touches none; the part of a pen stroke lying across a rule touches it only
where it crosses.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

UNDER_INK = 0.8  # print under ink: its brightest channel below this share of the ink's
EDGE_INK = 0.9  # a lighter part of print joined to it under the ink: below this share
PRINT_LEVEL = 185  # darker than this against the local paper is print (scan_image.TINT_PRINT)
REACH = 0.6  # the contacts with outside print span this share of the piece's length


def print_under_ink(rgb: np.ndarray, painted: np.ndarray, coloured: np.ndarray,
                    paper: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """The pixels of `painted` (coloured ink and its fringe, about to be painted over) that
    are black print under the ink -> bool mask. `coloured`: the pixels of strongly coloured
    ink; `paper(channel)`: `channel` against the local paper brightness (255 = paper)."""
    keep = np.zeros(painted.shape, bool)
    ys, xs = np.nonzero(painted)
    if ys.size == 0:
        return keep
    pad = max(8, min(painted.shape) // 30)
    y0, y1 = max(0, ys.min() - pad), ys.max() + pad + 1
    x0, x1 = max(0, xs.min() - pad), xs.max() + pad + 1
    part = np.ascontiguousarray(rgb[y0:y1, x0:x1])
    value = paper(np.ascontiguousarray(part.max(axis=2))).astype(np.float32)
    mask = painted[y0:y1, x0:x1] > 0
    level = _ink_level(value, coloured[y0:y1, x0:x1] > 0, min(painted.shape))
    gray = paper(cv2.cvtColor(part, cv2.COLOR_RGB2GRAY))
    outside = (gray < PRINT_LEVEL) & ~mask
    keep[y0:y1, x0:x1] = _continuing(_dark(value, level, mask), outside)
    return keep


def _dark(value: np.ndarray, level: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The pixels of `mask` darker than the ink around them: those well below it, and the
    ones a little below it joined to them (a thin line under the ink, its blurred core
    lighter here and there, stays one piece)."""
    sure = mask & (value < UNDER_INK * level)
    if not sure.any():
        return sure
    weak = (mask & (value < EDGE_INK * level)) | sure
    n, labels = cv2.connectedComponents(weak.astype(np.uint8), connectivity=8)
    seeded = np.zeros(n, bool)
    seeded[np.unique(labels[sure])] = True
    seeded[0] = False
    return seeded[labels]


def _ink_level(value: np.ndarray, coloured: np.ndarray, side: int) -> np.ndarray:
    """Per pixel the brightest channel of the coloured ink over paper near it (0 where no
    ink is near): the mean over the ink's inner pixels (its blurred fringe left out), taken
    again without the pixels below the first mean (print under the ink)."""
    core = cv2.erode(coloured.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    if not core.any():
        core = coloured
    size = max(9, (side // 60) | 1)
    level = np.zeros(value.shape, np.float32)
    for _ in range(2):
        weight = cv2.blur(core.astype(np.float32), (size, size))
        total = cv2.blur(np.where(core, value, 0).astype(np.float32), (size, size))
        level = np.where(weight > 0.02, total / np.maximum(weight, 1e-6), 0)
        core &= value >= EDGE_INK * level
    return level


def _continuing(dark: np.ndarray, outside: np.ndarray) -> np.ndarray:
    """The connected pieces of `dark` that touch `outside` at places spanning most of their
    length (print continuing through the ink), as a bool mask."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(dark.astype(np.uint8),
                                                           connectivity=8)
    if n <= 1:
        return np.zeros(dark.shape, bool)
    touch = (cv2.dilate(outside.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0) & dark
    ty, tx = np.nonzero(touch)
    tl = labels[ty, tx].astype(np.intp)
    big = np.iinfo(np.int32).max
    lo_x, lo_y = np.full(n, big), np.full(n, big)
    hi_x, hi_y = np.full(n, -1), np.full(n, -1)
    np.minimum.at(lo_x, tl, tx)
    np.minimum.at(lo_y, tl, ty)
    np.maximum.at(hi_x, tl, tx)
    np.maximum.at(hi_y, tl, ty)
    span = np.maximum(hi_x - lo_x, hi_y - lo_y)
    length = np.maximum(stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]) - 1
    good = (hi_x >= 0) & (span >= REACH * length) & (span > 0)
    good[0] = False
    return good[labels]


__all__ = ["print_under_ink"]
