"""The scan route's drawing finders run on a small drawn page as scan.py runs them on a page
without text (tests of symbols, arrows and stamps): stroke masks, symbols, arrow heads, the
strokes outside the symbols (dashed links split off when asked), corners snapped, arrows."""

from __future__ import annotations

import cv2
import numpy as np

from sop_desktop.importers.scan_arrows import build_arrows
from sop_desktop.importers.scan_draw import (
    PixShape,
    clear_boxes,
    find_heads,
    find_shapes,
    line_masks,
    pieces,
    snap_corners,
    split_dashed,
)


def draw_head(img: np.ndarray, tip: tuple[int, int], dx: int, dy: int, size: int,
              ink: tuple[int, int, int] = (30, 30, 30)) -> None:
    """A filled triangle arrow head drawn at `tip`, the arrow running along (dx, dy)."""
    x, y = tip
    bx, by = x - dx * size, y - dy * size
    pts = np.array([(x, y), (bx - dy * size // 2, by + dx * size // 2),
                    (bx + dy * size // 2, by - dx * size // 2)], np.int32)
    cv2.fillPoly(img, [pts], ink)


def find_drawing(ink: np.ndarray, faint: np.ndarray, dpi: float, reach: float,
                 dashed: bool = False) -> tuple[list[PixShape], list]:
    """(symbols, arrows as build_arrows gives them) of a page: `faint` the drawing's ink mask
    (lines and symbols), `ink` the text's (arrow heads), `reach` how far an arrow may run."""
    hmask, vmask = line_masks(faint, dpi)
    shapes = find_shapes(faint, hmask, vmask, dpi)
    heads = find_heads(ink, hmask, vmask, dpi)
    grow = max(2, int(0.01 * dpi))
    outline = [s.box for s in shapes]
    hs = pieces(clear_boxes(hmask, outline, grow), True, dpi)
    vs = pieces(clear_boxes(vmask, outline, grow), False, dpi)
    if dashed:
        hs, vs = split_dashed(faint, hs, dpi)[0], split_dashed(faint, vs, dpi)[0]
    snap_corners(hs, vs, max(3.0, 0.03 * dpi))
    return shapes, build_arrows(hs + vs, heads, shapes, dpi, reach)


__all__ = ["PixShape", "draw_head", "find_drawing"]
