"""Decision diamonds that lost an edge (issue 18): an opaque signature or a stamp pad over a
diamond, or a scan's fading, can take one of its four edges off the page. Its inside is
then no closed hole, so scan_draw.find_shapes (which finds symbols as holes) misses it.

Three edges of a rhombus still hold all four of its corners, so the convex hull of what is
left is the whole rhombus. The diagonal strokes of the page (its ink without the
horizontal and vertical strokes and without filled blobs such as arrow heads) are joined
into pieces across the small gaps where a leg or head left a corner; a piece whose hull is
a rhombus standing on its tip (corners at the middles of its box's sides), with at least
three of its sides drawn along their length and its inside empty, is a decision.

A diamond crossed from tip to tip by a line (a link routed through it) that lost most of one
half to such a stroke keeps the other half as a closed hole: a triangle whose base is the
line, drawn from tip to tip, and whose apex stands over the base's middle. Its mirror image
across the line is the half that is gone (`half_diamonds`).
"""

from __future__ import annotations

import math

import cv2
import numpy as np

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 (exclusive), pixels

DRAWN_SIDE = 0.75  # a side is drawn when ink lies along this share of it
CORNER_OFF = 0.18  # a corner this share of its box's side off the side's middle at most
EMPTY_INSIDE = 0.12  # at most this share of the inside inked (text already taken out)
SURE = 0.8  # confidence factor: less sure than a closed outline


def open_diamonds(ink: np.ndarray, hmask: np.ndarray, vmask: np.ndarray, dpi: float,
                  taken: list[Box], stroke: int) -> list[tuple[Box, float]]:
    """(box, confidence) of the decisions drawn with an edge missing (or broken) where no
    symbol was found yet (`taken`). `ink`: the drawing's ink without the text; `hmask`,
    `vmask`: its horizontal and vertical strokes; `stroke`: the page's usual stroke width."""
    thin = _diagonal_ink(ink, hmask, vmask, dpi, stroke)
    join = max(5, int(0.06 * dpi))  # the gap a leg or head left at a corner
    groups = cv2.dilate(thin, np.ones((join, join), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(groups, connectivity=8)
    near = cv2.dilate(thin, np.ones((2 * max(1, stroke) + 1,) * 2, np.uint8)) > 0
    out: list[tuple[Box, float]] = []
    for i in range(1, n):
        gx, gy, gw, gh, _area = (int(v) for v in stats[i])
        if not (0.3 * dpi <= gw <= 3.3 * dpi and 0.2 * dpi <= gh <= 1.7 * dpi):
            continue
        ys, xs = np.nonzero((labels[gy:gy + gh, gx:gx + gw] == i) &
                            (thin[gy:gy + gh, gx:gx + gw] > 0))
        x, y = gx + int(xs.min()), gy + int(ys.min())
        w, h = int(xs.max() - xs.min()) + 1, int(ys.max() - ys.min()) + 1
        box = (x, y, x + w, y + h)
        if not (0.3 * dpi <= w <= 3.2 * dpi and 0.2 * dpi <= h <= 1.6 * dpi) or \
                xs.size < 0.5 * (w + h) or \
                any(_overlap(box, t) for t in taken + [b for b, _ in out]):
            continue
        points = np.column_stack([xs + gx - x, ys + gy - y])
        fit = _rhombus_fit(points, (w, h), near[y:y + h, x:x + w], ink[y:y + h, x:x + w])
        if fit is not None:
            grow = max(2, int(0.02 * dpi))
            out.append(((x - grow, y - grow, x + w + grow, y + h + grow),
                        round((0.6 + 0.4 * fit) * SURE, 3)))
    return out


HALF_WIDE = (2.2, 5.0)  # a half diamond's width over its height (a diamond's 1.1 to 2.5)
HALF_FILL = (0.42, 0.66)  # a triangle fills half its box (its base line a little more)
APEX_OFF = 0.12  # the apex this share of the width off the base's middle at most


def half_diamonds(ink: np.ndarray, hmask: np.ndarray, dpi: float, taken: list[Box]
                  ) -> list[tuple[Box, float]]:
    """(box, confidence) of the decisions of which one half is a closed triangle on a line
    drawn from tip to tip, the other half gone (see the module docstring), where no symbol
    was found yet (`taken`). `ink`: the drawing's ink; `hmask`: its horizontal strokes."""
    sealed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    contours, hier = cv2.findContours(sealed, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    out: list[tuple[Box, float]] = []
    if hier is None:
        return out
    for i, cnt in enumerate(contours):
        x, y, w, h = cv2.boundingRect(cnt)
        if hier[0][i][3] == -1 or not (0.3 * dpi <= w <= 3.2 * dpi and 0.08 * dpi <= h):
            continue
        region = np.zeros((h, w), np.uint8)
        cv2.drawContours(region, [cnt - [x, y]], -1, 1, thickness=-1)
        up = _apex_side(region)
        if up is None or not HALF_WIDE[0] <= w / h <= HALF_WIDE[1] or \
                not _tip_to_tip(hmask, (x, y, x + w, y + h), up, dpi):
            continue
        grow = max(2, int(0.02 * dpi))
        box = (x - grow, y - grow, x + w + grow, y + 2 * h + grow) if up else \
            (x - grow, y - h - grow, x + w + grow, y + h + grow)
        if not any(_overlap(box, t) for t in taken + [b for b, _ in out]):
            out.append((box, round(0.6 * SURE, 3)))
    return out


def _apex_side(region: np.ndarray) -> bool | None:
    """True when the filled region is a triangle standing on its base (apex up), False when
    hanging from it (apex down), None when it is no such triangle: it fills half its box,
    one end row is full (the base), and the rows narrow towards the other end to an apex
    over the base's middle."""
    h, w = region.shape
    if not HALF_FILL[0] <= float(region.mean()) <= HALF_FILL[1]:
        return None
    widths = region.sum(axis=1)
    for up, rows in ((True, region), (False, region[::-1])):
        span = widths if up else widths[::-1]
        base = span[-max(1, h // 8):].max()
        if base < 0.85 * w or span[: max(1, h // 5)].max() > 0.45 * w:
            continue
        cols = np.flatnonzero(rows[: max(1, h // 5)].any(axis=0))
        if cols.size and abs((cols[0] + cols[-1]) / 2 - (w - 1) / 2) <= APEX_OFF * w:
            return up
    return None


def _tip_to_tip(hmask: np.ndarray, box: Box, up: bool, dpi: float) -> bool:
    """Whether a horizontal stroke runs along the triangle's base from one tip to the other
    (the line that crossed the diamond), across at least nine tenths of its width."""
    x0, y0, x1, y1 = box
    near = max(3, int(0.03 * dpi))
    y = y1 if up else y0
    band = hmask[max(0, y - near):y + near, x0:x1]
    return band.size > 0 and float(band.any(axis=0).mean()) >= 0.9


def _diagonal_ink(ink: np.ndarray, hmask: np.ndarray, vmask: np.ndarray, dpi: float,
                  stroke: int) -> np.ndarray:
    """The ink without its horizontal and vertical strokes (legs, rules: thin across) and
    without small filled blobs (arrow heads, letters left over); a diagonal edge drawn thick
    (with a shadow) stays, though the stroke masks hold it as a band."""
    k = max(max(3, int(0.03 * dpi)), stroke + 2) | 1
    solid = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                             cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=8)
    blob = np.maximum(stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]) <= 0.16 * dpi
    blob[0] = False
    limit = max(0.045 * dpi, 2 * stroke)
    straight = cv2.dilate(cv2.bitwise_or(_thin_across(hmask, True, limit),
                                         _thin_across(vmask, False, limit)),
                          np.ones((3, 3), np.uint8))
    # a blob with its blurred fringe (the opening shaved the head's edges, not the ink)
    blobs = cv2.dilate(np.where(blob[labels], 255, 0).astype(np.uint8), np.ones((k, k), np.uint8))
    return np.where((ink > 0) & (blobs == 0) & (straight == 0), 255, 0).astype(np.uint8)


def _thin_across(mask: np.ndarray, horizontal: bool, limit: float) -> np.ndarray:
    """The parts of a stroke mask no thicker across than `limit` (strokes, not bands)."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    across = stats[:, cv2.CC_STAT_HEIGHT if horizontal else cv2.CC_STAT_WIDTH]
    keep = across <= limit
    keep[0] = False
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def _overlap(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _rhombus_fit(points: np.ndarray, size: tuple[int, int], near: np.ndarray,
                 ink: np.ndarray) -> float | None:
    """How well the points (x, y in their box of `size`) outline a rhombus standing on its
    tip, 0..1, or None when they do not: the hull's four corners at the middles of the
    box's sides, three sides or more drawn (`near`: the strokes grown by their width), the
    inside empty of `ink` (its own edges, drawn thick or with a shadow, left out)."""
    w, h = size
    hull = cv2.convexHull(points.astype(np.int32))
    quad = cv2.approxPolyDP(hull, 0.04 * cv2.arcLength(hull, True), True).reshape(-1, 2)
    if len(quad) != 4:
        return None
    want = np.array([[w / 2, 0], [w - 1, h / 2], [w / 2, h - 1], [0, h / 2]])
    corners = []
    for target in want:  # top, right, bottom, left
        d = np.abs(quad - target) / (w, h)
        best = int(np.argmin(d.max(axis=1)))
        if d[best].max() > CORNER_OFF:
            return None
        corners.append(quad[best].astype(np.float64))
    drawn = [_drawn_share(near, corners[s], corners[(s + 1) % 4]) for s in range(4)]
    if sum(d >= DRAWN_SIDE for d in drawn) < 3:
        return None
    inside = np.zeros((h, w), np.uint8)
    cv2.fillPoly(inside, [np.array(corners, np.int32)], 1)
    margin = max(3, int(0.12 * min(w, h)))
    core = cv2.erode(inside, np.ones((margin, margin), np.uint8)) > 0
    if not core.any() or float(((ink[core] > 0) & ~near[core]).mean()) > EMPTY_INSIDE:
        return None
    return float(np.mean(sorted(drawn)[1:]))


def _drawn_share(near: np.ndarray, a: np.ndarray, b: np.ndarray) -> float:
    """The share of points along the side from a to b (its ends left out: the corners
    where legs join) with ink on them."""
    count = max(8, int(math.hypot(*(b - a)) / 2))
    ts = np.linspace(0.1, 0.9, count)
    xs = np.clip(np.round(a[0] + ts * (b[0] - a[0])).astype(int), 0, near.shape[1] - 1)
    ys = np.clip(np.round(a[1] + ts * (b[1] - a[1])).astype(int), 0, near.shape[0] - 1)
    return float(near[ys, xs].mean())


__all__ = ["half_diamonds", "open_diamonds"]
