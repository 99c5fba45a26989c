"""Photographed pages made flat (issue 18): a phone photo of an SOP on a desk or a notice board
shows the page as a quadrilateral, not a rectangle; its rules converge, so no single rotation
straightens them and the table is not found. This finds the page's four corners (the paper,
brighter than what lies around it) or, when the page fills the picture, the table's outer
border (its outermost long rules), and warps the picture so that quadrilateral becomes a
rectangle. A flatbed scan (a rectangle already, at most slightly rotated, nothing around it) is
returned unchanged: the scan route's own straightening handles its small rotation.

Pure numpy/OpenCV on a reduced copy for the finding; one perspective warp of the page."""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

FIND_SIDE = 1000  # the long side, in pixels, of the copy the corners are found on
MIN_PAGE_SHARE = 0.25  # a page smaller than this share of the picture is not taken as the page
FULL_PAGE_SHARE = 0.93  # above this share the page fills the picture (its edge not seen)
CORNER_TOLERANCE = 1.2  # degrees off a right angle that a scan's rectangle may show
MAX_CORNER_ERROR = 35.0  # degrees off a right angle beyond which four points are not a page


@dataclass(frozen=True)
class Flattened:
    """The picture after flattening and what was done (for the review screen's notes)."""

    rgb: np.ndarray
    dpi: float
    how: str  # "" (unchanged), "halaman" (the page's edges found) or "tabel" (the table's border)


class FlatPicture(np.ndarray):
    """A picture `flatten` has already been run on (at a higher resolution, before it was
    brought to the working size): flattening it again leaves it as it is. `how` is what
    was done ("", "halaman", "tabel"); None on a part or copy of one (flattened anew)."""

    how: str | None = None


def mark_flat(rgb: np.ndarray, how: str) -> np.ndarray:
    """`rgb` (not copied) marked as already flattened, `how` as `flatten` said."""
    out = rgb.view(FlatPicture)
    out.how = how
    return out


def flatten(rgb: np.ndarray, dpi: float, page_long_inch: float = 11.69) -> Flattened:
    """`rgb` with the photographed page made a rectangle, or unchanged when it already is
    (or was flattened before: `mark_flat`)."""
    if isinstance(rgb, FlatPicture) and rgb.how is not None:
        return Flattened(np.asarray(rgb), dpi, rgb.how)
    rgb = np.asarray(rgb)
    h, w = rgb.shape[:2]
    scale = FIND_SIDE / max(h, w)
    small = cv2.resize(rgb, (max(1, int(w * scale)), max(1, int(h * scale))),
                       interpolation=cv2.INTER_AREA)
    gray = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    page = _page_corners(gray)
    if page is not None:
        corners = page / scale
        out = _warp_to_rectangle(rgb, corners, _aspect(corners, (h, w)))
        long_side = max(out.shape[:2])
        return Flattened(out, long_side / page_long_inch, "halaman")
    border = _table_corners(gray)
    if border is not None and _off_square(border) > CORNER_TOLERANCE:
        out = _warp_keeping_all(rgb, border / scale)
        return Flattened(out, dpi * max(out.shape[:2]) / max(h, w), "tabel")
    return Flattened(rgb, dpi, "")


def _page_corners(gray: np.ndarray) -> np.ndarray | None:
    """The four corners (top-left, top-right, bottom-right, bottom-left) of the paper when it
    lies on something darker with its edges in the picture; None when no such page is seen,
    or when the page fills the picture as a flatbed scan does."""
    blur = cv2.GaussianBlur(gray, (5, 5), 0)
    level, _ = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # the print on the paper is dark too: closed over so the paper is one region
    k = max(3, gray.shape[1] // 60)
    bright = cv2.morphologyEx((blur > level).astype(np.uint8), cv2.MORPH_CLOSE,
                              np.ones((k, k), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(bright, connectivity=4)
    if count < 2:
        return None
    biggest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    area = float(stats[biggest, cv2.CC_STAT_AREA])
    total = float(gray.shape[0] * gray.shape[1])
    if not MIN_PAGE_SHARE <= area / total <= FULL_PAGE_SHARE:
        return None
    region = (labels == biggest).astype(np.uint8)
    contours, _ = cv2.findContours(region, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    hull = cv2.convexHull(max(contours, key=cv2.contourArea))
    quad = _four_corners(hull)
    if quad is None or cv2.contourArea(quad.astype(np.float32)) < 0.9 * cv2.contourArea(hull):
        return None
    if _off_square(quad) > MAX_CORNER_ERROR or _on_frame(quad, gray.shape) or \
            not _stands_out(gray, quad):
        return None
    return quad


def _on_frame(quad: np.ndarray, shape: tuple[int, ...]) -> bool:
    """Whether a corner lies on the picture's edge: the page runs out of the picture there,
    and the edge of the picture is not the page's."""
    h, w = shape[:2]
    margin = 0.01 * max(h, w)
    return bool(((quad[:, 0] <= margin) | (quad[:, 0] >= w - 1 - margin)
                 | (quad[:, 1] <= margin) | (quad[:, 1] >= h - 1 - margin)).any())


def _stands_out(gray: np.ndarray, quad: np.ndarray) -> bool:
    """Whether the quadrilateral is the paper's edge: a band just inside it is clearly
    brighter than the band just outside, all round (a dark band printed across the page, or
    a second sheet beside it, would leave paper on both sides)."""
    inside = np.zeros(gray.shape, np.uint8)
    cv2.fillPoly(inside, [quad.astype(np.int32)], 1)
    d = max(3, int(0.015 * max(gray.shape)))
    kernel = np.ones((2 * d + 1, 2 * d + 1), np.uint8)
    outer = (cv2.dilate(inside, kernel) > 0) & (inside == 0)
    inner = (inside > 0) & (cv2.erode(inside, kernel) == 0)
    if outer.sum() < 50 or inner.sum() < 50:
        return False
    return float(np.percentile(gray[outer], 75)) < float(np.median(gray[inner])) - 30


def _four_corners(hull: np.ndarray) -> np.ndarray | None:
    """The hull simplified to four points, in order, or None when it is no quadrilateral."""
    perimeter = cv2.arcLength(hull, True)
    for share in (0.01, 0.02, 0.03, 0.05, 0.08):
        approx = cv2.approxPolyDP(hull, share * perimeter, True)
        if len(approx) == 4:
            return _ordered(approx.reshape(4, 2).astype(np.float64))
        if len(approx) < 4:
            return None
    return None


def _ordered(points: np.ndarray) -> np.ndarray:
    """Four points as top-left, top-right, bottom-right, bottom-left."""
    total = points.sum(axis=1)
    diff = points[:, 0] - points[:, 1]
    return np.array([points[np.argmin(total)], points[np.argmax(diff)],
                     points[np.argmax(total)], points[np.argmin(diff)]])


def _off_square(quad: np.ndarray) -> float:
    """The largest number of degrees by which a corner of the quadrilateral is off 90."""
    worst = 0.0
    for i in range(4):
        a, b, c = quad[i - 1], quad[i], quad[(i + 1) % 4]
        u, v = a - b, c - b
        norm = float(np.linalg.norm(u) * np.linalg.norm(v))
        if norm == 0:
            return 90.0
        angle = math.degrees(math.acos(max(-1.0, min(1.0, float(np.dot(u, v)) / norm))))
        worst = max(worst, abs(angle - 90.0))
    return worst


def _table_corners(gray: np.ndarray) -> np.ndarray | None:
    """The corners of the table's outer border on a page that fills the picture: the
    outermost long solid near-horizontal and near-vertical rules (a line of text is not
    solid), each fitted as a straight line to its ink, intersected; None when there are not
    two of each."""
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                31, 12)
    h, w = gray.shape
    lines = cv2.HoughLinesP(ink, 1, np.pi / 720, threshold=int(0.15 * min(h, w)),
                            minLineLength=int(0.3 * min(h, w)), maxLineGap=8)
    if lines is None:
        return None
    across: list[tuple[float, ...]] = []
    down: list[tuple[float, ...]] = []
    for seg in lines.reshape(-1, 4).astype(np.float64):
        x1, y1, x2, y2 = seg
        angle = math.degrees(math.atan2(y2 - y1, x2 - x1)) % 180
        upright = 78 < angle < 102
        if not (upright or angle < 12 or angle > 168) or _solidity(ink, seg) < 0.85:
            continue
        fitted = _fit(ink, seg, upright)
        if fitted is not None:
            (down if upright else across).append(fitted)
    if len(across) < 2 or len(down) < 2:
        return None
    top, bottom = min(across, key=lambda s: s[1] + s[3]), max(across, key=lambda s: s[1] + s[3])
    left, right = min(down, key=lambda s: s[0] + s[2]), max(down, key=lambda s: s[0] + s[2])
    if (bottom[1] + bottom[3]) / 2 - (top[1] + top[3]) / 2 < 0.3 * h or \
            (right[0] + right[2]) / 2 - (left[0] + left[2]) / 2 < 0.3 * w:
        return None
    corners = [_meet(top, left), _meet(top, right), _meet(bottom, right), _meet(bottom, left)]
    if any(c is None for c in corners):
        return None
    quad = np.array(corners, dtype=np.float64)
    if _off_square(quad) > MAX_CORNER_ERROR:
        return None
    return quad


def _solidity(ink: np.ndarray, seg: np.ndarray) -> float:
    """The share of points along the segment with ink within a pixel of them: a rule is
    solid, a line of text (found by the same transform along its letters) is not."""
    x1, y1, x2, y2 = seg
    n = max(2, int(math.hypot(x2 - x1, y2 - y1)))
    xs = np.clip(np.linspace(x1, x2, n).round().astype(int), 1, ink.shape[1] - 2)
    ys = np.clip(np.linspace(y1, y2, n).round().astype(int), 1, ink.shape[0] - 2)
    near = np.zeros(n, bool)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            near |= ink[ys + dy, xs + dx] > 0
    return float(near.mean())


def _fit(ink: np.ndarray, seg: np.ndarray, upright: bool) -> tuple[float, ...] | None:
    """The segment re-fitted by least squares to the ink within 3 pixels of it (its two end
    points on the fitted line), or None with too little ink."""
    x1, y1, x2, y2 = seg
    if upright:  # fitted as x = a*y + b
        ink = ink.T
        x1, y1, x2, y2 = y1, x1, y2, x2
    lo, hi = sorted((int(x1), int(x2)))
    ys, xs = np.nonzero(ink[:, lo:hi + 1])
    xs = xs + lo
    slope = (y2 - y1) / (x2 - x1) if x2 != x1 else 0.0
    near = np.abs(ys - (y1 + slope * (xs - x1))) <= 3
    if near.sum() < 0.5 * (hi - lo):
        return None
    a, b = np.polyfit(xs[near].astype(np.float64), ys[near].astype(np.float64), 1)
    fitted = (float(lo), float(a * lo + b), float(hi), float(a * hi + b))
    return (fitted[1], fitted[0], fitted[3], fitted[2]) if upright else fitted


def _meet(a: tuple[float, ...], b: tuple[float, ...]) -> tuple[float, float] | None:
    """Where the straight lines through segments a and b cross (None when parallel)."""
    x1, y1, x2, y2 = a
    x3, y3, x4, y4 = b
    d = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    if abs(d) < 1e-9:
        return None
    p = x1 * y2 - y1 * x2
    q = x3 * y4 - y3 * x4
    return ((p * (x3 - x4) - (x1 - x2) * q) / d, (p * (y3 - y4) - (y1 - y2) * q) / d)


def _sides(quad: np.ndarray) -> tuple[float, float]:
    """The width and height of the rectangle a quadrilateral stands for (its longer sides)."""
    tl, tr, br, bl = quad
    width = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))
    height = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    return float(width), float(height)


def _aspect(quad: np.ndarray, shape: tuple[int, int]) -> float | None:
    """The width/height of the rectangle the camera saw as `quad` (tl, tr, br, bl): a side
    seen at a slant looks shorter than it is, so the sides' lengths alone give the wrong
    proportions. Solved for the camera's focal length with its centre at the picture's
    (Zhang and He, "Whiteboard scanning and image enhancement", 2007); None when the sides are
    too nearly parallel to tell (then the sides' lengths stand)."""
    u0, v0 = shape[1] / 2.0, shape[0] / 2.0
    m1, m2, m4, m3 = (np.array([x, y, 1.0]) for x, y in quad)  # tl, tr, br, bl
    k2 = np.dot(np.cross(m1, m4), m3) / np.dot(np.cross(m2, m4), m3)
    k3 = np.dot(np.cross(m1, m4), m2) / np.dot(np.cross(m3, m4), m2)
    n2, n3 = k2 * m2 - m1, k3 * m3 - m1
    if abs(n2[2]) < 1e-9 or abs(n3[2]) < 1e-9:
        return None
    f2 = -((n2[0] * n3[0] - (n2[0] * n3[2] + n2[2] * n3[0]) * u0 + n2[2] * n3[2] * u0 * u0)
           + (n2[1] * n3[1] - (n2[1] * n3[2] + n2[2] * n3[1]) * v0 + n2[2] * n3[2] * v0 * v0)
           ) / (n2[2] * n3[2])
    if not f2 > 0:
        return None
    a_inv = np.linalg.inv(np.array([[math.sqrt(f2), 0, u0], [0, math.sqrt(f2), v0], [0, 0, 1]]))
    metric = a_inv.T @ a_inv
    ratio = float(n2 @ metric @ n2) / float(n3 @ metric @ n3)
    return math.sqrt(ratio) if ratio > 0 else None


def _warp_to_rectangle(rgb: np.ndarray, quad: np.ndarray, aspect: float | None = None
                       ) -> np.ndarray:
    """The quadrilateral's content as an upright rectangle (the page cut out of its desk), of
    the proportions `aspect` (width/height) when known."""
    width, height = _sides(quad)
    if aspect is not None and 0.8 < aspect / (width / height) < 1.25:
        # the longer of the seen sides kept, the other from the true proportions
        if width / height < aspect:
            width = height * aspect
        else:
            height = width / aspect
    limit = max(rgb.shape[:2])
    scale = min(1.0, limit / max(width, height))
    w, h = max(1, int(width * scale)), max(1, int(height * scale))
    target = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    return cv2.warpPerspective(rgb, m, (w, h), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)


def _warp_keeping_all(rgb: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The whole picture warped so that the quadrilateral (the table's border) becomes an
    upright rectangle, with what lies around it (identity block, signatures) kept."""
    width, height = _sides(quad)
    tl = quad[0]
    target = np.array([tl, tl + (width, 0), tl + (width, height), tl + (0, height)],
                      dtype=np.float32)
    m = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    h, w = rgb.shape[:2]
    edge = np.asarray(cv2.perspectiveTransform(
        np.array([[[0, 0]], [[w, 0]], [[w, h]], [[0, h]]], dtype=np.float32), m)).reshape(4, 2)
    x0, y0 = edge.min(axis=0)
    x1, y1 = edge.max(axis=0)
    # what the warp throws far out (a corner seen at a steep angle) is cut at 15% beyond
    x0, y0 = max(x0, -0.15 * w), max(y0, -0.15 * h)
    x1, y1 = min(x1, 1.15 * w), min(y1, 1.15 * h)
    shift = np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1]], dtype=np.float64)
    out_w, out_h = int(x1 - x0), int(y1 - y0)
    limit = max(h, w)
    scale = min(1.0, limit / max(out_w, out_h))
    resize = np.diag([scale, scale, 1.0])
    full = resize @ shift @ m
    # what lies outside the picture is filled with its paper, not white: no edge to be read
    # as a rule where the two meet
    return cv2.warpPerspective(rgb, full, (max(1, int(out_w * scale)), max(1, int(out_h * scale))),
                               flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                               borderValue=_paper(rgb))


def _paper(rgb: np.ndarray) -> tuple[int, int, int]:
    """The colour of the picture's paper: the median of its brighter half."""
    sample = rgb[::8, ::8].reshape(-1, 3)
    light = sample.sum(axis=1)
    bright = sample[light >= np.median(light)]
    return tuple(int(v) for v in np.median(bright, axis=0))  # type: ignore[return-value]


__all__ = ["FlatPicture", "Flattened", "flatten", "mark_flat"]
