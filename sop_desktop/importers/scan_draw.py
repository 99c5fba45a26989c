"""The drawing of a scanned page, in pixels: ruling lines, flowchart symbols, arrow heads and
arrows, found in the ink mask once the text is taken out of it.

- Rules and arrow legs: horizontal and vertical strokes (gaps of broken lines closed, thick
  lines taken at their middle), joined when collinear.
- Symbols: the closed white regions (holes in the ink) that are not table cells (a cell's
  rules run on past its corners, a symbol's outline stops there), told apart by which corner
  and edge patches they fill: rectangle = process, stadium = terminator, rhombus = decision,
  pentagon = off-page connector. Circles (stamps), scribbles and ragged regions are dropped.
- Arrow heads: small filled blobs left after an opening that removes thin strokes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from sop_desktop.importers.scan_diamond import half_diamonds, open_diamonds

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 (exclusive), pixels


@dataclass
class Piece:
    """A horizontal or vertical stroke: from (x0, y0) to (x1, y1), pixels."""

    x0: float
    y0: float
    x1: float
    y1: float
    horizontal: bool
    thick: float = 1.0
    head: bool = False
    extra: list[tuple[float, float]] = field(default_factory=list)  # points after (x1, y1)


@dataclass
class PixShape:
    """A symbol found on the page: kind, outer box in pixels and a fit score 0..1."""

    kind: str
    box: Box
    conf: float


def remove_text(ink: np.ndarray, boxes: list[Box], dpi: float = 150.0) -> np.ndarray:
    """The ink without the text: the connected parts that lie wholly inside a text box, and
    the text inside a box that a vertical rule runs through, or along an end of a text
    line's box (letters printed against the rule are joined to it: a text line blurred into
    one band and joined to the rule its first letter touches would otherwise stay in the
    drawing as a thick horizontal stroke, and be taken for a rule and out of the text). A
    box narrower than tall (a lone step number, or the part of one left of a rule) is not
    widened: its digit, cut by the rule, is read from its own mark."""
    if not boxes:
        return ink.copy()
    inside = np.zeros(ink.shape, np.uint8)
    for x0, y0, x1, y1 in boxes:
        inside[max(0, y0 - 2):y1 + 2, max(0, x0 - 2):x1 + 2] = 1
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    counts = np.bincount(labels[inside.astype(bool)], minlength=n)
    drop = (counts >= stats[:, cv2.CC_STAT_AREA]) | (stats[:, cv2.CC_STAT_AREA] < 4)
    drop |= _cut_letters(stats, counts, boxes)
    drop[0] = False
    out = ink.copy()
    out[drop[labels]] = 0
    tall = max(8, int(0.2 * dpi))
    vlong = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((tall, 1), np.uint8))
    for x0, y0, x1, y1 in boxes:
        x0, y0 = max(0, x0), max(0, y0)
        if x1 - x0 < 3 or y1 - y0 < 3:
            continue
        if x1 - x0 >= y1 - y0:  # a text line, not a lone number (read from its own mark)
            x0, x1 = _to_rules(vlong[y0:y1], x0, x1, max(4, int(0.04 * dpi)))
        if not vlong[y0:y1, x0:x1].any():
            continue
        region = out[y0 + 1:y1 - 1, x0:x1]
        keep = vlong[y0 + 1:y1 - 1, x0:x1] > 0
        keep |= _crossing_rows(ink, (x0, y0 + 1, x1, y1 - 1), dpi)[:, None]
        region[~keep] = 0
    return out


CUT_SHARE = 0.6  # a word's letters the box's end cut off: at least this share inside it


def _cut_letters(stats: np.ndarray, counts: np.ndarray, boxes: list[Box]) -> np.ndarray:
    """Per connected part of the ink: the letters of a word whose text box stops short of
    its first or last letters (a detector's box is tight, and cuts a faint grey label's
    ends): a part mostly inside one box, within its rows and reaching out of it at either
    end by no more than a letter (the box's height), is that box's text. A line running
    through or out of a label reaches further, a symbol's outline is taller; both stay."""
    area = stats[:, cv2.CC_STAT_AREA]
    out = np.zeros(len(stats), bool)
    partly = np.flatnonzero((counts >= CUT_SHARE * area) & (counts < area))
    if not partly.size or not boxes:
        return out
    b = np.asarray(boxes, dtype=np.int64)
    for i in partly:
        x, y, w, h = (int(v) for v in stats[i, :4])
        rows = (b[:, 1] - 2 <= y) & (y + h <= b[:, 3] + 2)
        tall = b[:, 3] - b[:, 1]
        meet = (x >= b[:, 0] - tall) & (x + w <= b[:, 2] + tall) & (b[:, 2] - b[:, 0] > tall)
        out[i] = bool((rows & meet).any())
    return out


def _to_rules(vlong: np.ndarray, x0: int, x1: int, reach: int) -> tuple[int, int]:
    """A text box's ends (x0, x1) moved out onto a vertical rule within `reach` of them (the
    rule its first or last letter touches; the detector's box stops short of it)."""
    left = np.flatnonzero(vlong[:, max(0, x0 - reach):x0].any(axis=0))
    right = np.flatnonzero(vlong[:, x1:x1 + reach].any(axis=0))
    if left.size:
        x0 = max(0, x0 - reach) + int(left[-1])
    if right.size:
        x1 = x1 + int(right[0]) + 1
    return x0, x1


def _crossing_rows(ink: np.ndarray, box: Box, dpi: float) -> np.ndarray:
    """Per row of the box: a line crossing it, the row inked across the box and on past
    one of its ends (a row rule, an arrow through its label). A text line blurred into one
    band fills its rows across its box too, but stops at the box's ends."""
    x0, y0, x1, y1 = box
    rows = ink[y0:y1, x0:x1] > 0
    if rows.size == 0:
        return np.zeros(max(0, y1 - y0), bool)
    far = max(6, int(0.1 * dpi))
    before = ink[y0:y1, max(0, x0 - far):x0] > 0
    after = ink[y0:y1, x1:x1 + far] > 0
    on = [side.mean(axis=1) >= 0.8 if side.shape[1] >= far // 2 else np.zeros(y1 - y0, bool)
          for side in (before, after)]
    return np.asarray((rows.mean(axis=1) >= 0.9) & (on[0] | on[1]))


def line_masks(ink: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray]:
    """(horizontal, vertical) stroke masks: broken lines closed, short marks dropped. Two
    parallel lines a few pixels apart (an arrow leg beside a table rule) are closed across
    into a block, which joins the leg to every rule it meets: no stroke is that thick, so
    the block is cut out and the mask found again there in the ink without the long strokes
    of the other direction (the lines crossing or turning at them, up to their edge). Only
    a block thick across one direction is two lines side by side: a blot of ink (an emblem,
    a logo) is thick both ways and stays as closed before."""
    gap = max(3, int(0.03 * dpi))
    k = max(8, int(0.08 * dpi))
    deep = max(12, int(0.1 * dpi))  # longer than any stroke is thick
    ways = (((gap, 1), (k, 1), (1, deep)), ((1, gap), (1, k), (deep, 1)))
    masks = [_line_mask(ink, close, open_) for close, open_, _ in ways]
    blocks = [cv2.morphologyEx(mask, cv2.MORPH_OPEN,
                               cv2.getStructuringElement(cv2.MORPH_RECT, other))
              for mask, (_, _, other) in zip(masks, ways, strict=True)]
    for n, (close, open_, other) in enumerate(ways):
        block = _one_way(blocks[n], blocks[1 - n])
        if block.any():  # grown across by the gap: the closing bridged it only now and then
            block = cv2.dilate(block, cv2.getStructuringElement(cv2.MORPH_RECT, (
                (2 * gap + 1, 1) if open_[0] > 1 else (1, 2 * gap + 1))))
            own = ink.copy()
            own[cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                                 cv2.getStructuringElement(cv2.MORPH_RECT, other)) > 0] = 0
            masks[n][block > 0] = 0
            masks[n] |= _line_mask(own, close, open_) & block
    return masks[0], masks[1]


def _one_way(block: np.ndarray, other: np.ndarray) -> np.ndarray:
    """The parts of `block` that the other direction's block does not touch."""
    n, labels, _stats, _ = cv2.connectedComponentsWithStats(block, connectivity=8)
    if n <= 1:
        return block
    touched = np.zeros(n, bool)
    touched[np.unique(labels[cv2.dilate(other, np.ones((3, 3), np.uint8)) > 0])] = True
    touched[0] = True
    return np.where(touched[labels], 0, 255).astype(np.uint8)


def _line_mask(ink: np.ndarray, close: tuple[int, int], open_: tuple[int, int]) -> np.ndarray:
    """The ink closed and opened with rectangles of (width, height) `close` and `open_`."""
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE,
                              cv2.getStructuringElement(cv2.MORPH_RECT, close))
    return cv2.morphologyEx(closed, cv2.MORPH_OPEN,
                            cv2.getStructuringElement(cv2.MORPH_RECT, open_))


def pieces(mask: np.ndarray, horizontal: bool, dpi: float) -> list[Piece]:
    """The strokes of a line mask, collinear pieces across small gaps joined."""
    n, labels, stats, cents = cv2.connectedComponentsWithStats(mask, connectivity=8)
    raw = []
    k = max(8, int(0.08 * dpi))
    found = {}
    for i in range(1, n):
        x, y, w, h, _area = stats[i]
        if (w if horizontal else h) >= k:
            found[i] = _thickness(labels[y:y + h, x:x + w] == i, horizontal)
    # a stroke is at most 0.045 inch thick, or half as thick again as the page's strokes
    # (a bold drawing): the thickness of half their length
    usual = 0.0
    if found:
        order = sorted(found, key=found.__getitem__)
        lengths = np.cumsum([stats[i][2] if horizontal else stats[i][3] for i in order])
        usual = found[order[int(np.searchsorted(lengths, lengths[-1] / 2))]]
    limit = max(0.045 * dpi, 1.5 * usual)
    for i, across in found.items():
        x, y, w, h, area = stats[i]
        length = w if horizontal else h
        if across > limit:
            continue
        thick = min(area / max(1, length), across)
        part = labels[y:y + h, x:x + w] == i
        mid = _core_line(part if horizontal else part.T) + (y if horizontal else x)
        start = x if horizontal else y
        raw.append([float(mid), float(start), float(start + length - 1), thick])
    merged = _merge(raw, max(3.0, 0.04 * dpi), 0.1 * dpi)
    if horizontal:
        return [Piece(a, m, b, m, True, t) for m, a, b, t in merged]
    return [Piece(m, a, m, b, False, t) for m, a, b, t in merged]


def _core_line(part: np.ndarray) -> float:
    """The middle of a stroke across its length (rows across, columns along): the median of
    each column's middle, so print touching one side of a rule does not pull it over."""
    rows = np.arange(part.shape[0], dtype=np.float64)[:, None]
    count = part.sum(axis=0)
    centres = (part * rows).sum(axis=0)[count > 0] / count[count > 0]
    return float(np.median(centres)) if centres.size else part.shape[0] / 2


def _merge(raw: list[list[float]], tol: float, reach: float) -> list[list[float]]:
    """[middle, start, end, thickness] strokes joined while two lie on one line (middles
    `tol` apart: a stroke and its shadow, a fill's edge, a thick line, are one) with at most
    `reach` between them; the longer keeps its place. Repeated until none joins: a rule cut
    at every line that crosses it is one rule again."""
    merged = [list(r) for r in raw]
    while True:
        out: list[list[float]] = []
        for r in sorted(merged, key=lambda r: -(r[2] - r[1])):
            for m in out:
                if abs(m[0] - r[0]) <= tol and r[1] - m[2] <= reach and m[1] - r[2] <= reach:
                    m[1], m[2], m[3] = min(m[1], r[1]), max(m[2], r[2]), max(m[3], r[3])
                    break
            else:
                out.append(list(r))
        if len(out) == len(merged):
            return out
        merged = out


def _thickness(part: np.ndarray, horizontal: bool) -> float:
    """A stroke's usual thickness: the median across it along its length, so what widens
    it at one end (an open arrow head's two wings) does not make it too thick for a stroke
    (its mean thickness, area over length, stays its measure otherwise)."""
    counts = (part if horizontal else part.T).sum(axis=0)
    return float(np.median(counts[counts > 0])) if counts.any() else 0.0


def split_dashed(ink: np.ndarray, found: list[Piece], dpi: float
                 ) -> tuple[list[Piece], list[Piece]]:
    """(solid, dashed): a stroke whose own ink breaks again and again along its length is
    dashed (a co-actor link); the line masks close the gaps between dashes, the ink does not.
    A scanned solid line breaks a few times at most."""
    solid: list[Piece] = []
    dashed: list[Piece] = []
    h, w = ink.shape
    for p in found:
        r = max(1, round(p.thick / 2))
        if p.horizontal:
            y = round(p.y0)
            band = ink[max(0, y - r):min(h, y + r + 1), int(p.x0):int(p.x1) + 1]
            along = np.asarray(band.any(axis=0)) if band.size else np.ones(1, bool)
        else:
            x = round(p.x0)
            band = ink[int(p.y0):int(p.y1) + 1, max(0, x - r):min(w, x + r + 1)]
            along = np.asarray(band.any(axis=1)) if band.size else np.ones(1, bool)
        breaks = int(np.count_nonzero(along[1:] & ~along[:-1]))
        many = breaks >= max(3, along.size / (0.1 * dpi))
        (dashed if many or _short_dashed(along, dpi) else solid).append(p)
    return solid, dashed


def _runs(along: np.ndarray) -> tuple[list[int], list[int]]:
    """(lengths of the ink runs, lengths of the gaps between two ink runs) along a stroke."""
    edges = np.flatnonzero(np.diff(along.astype(np.int8))) + 1
    bounds = [0, *edges.tolist(), along.size]
    spans = [(bool(along[a]), b - a) for a, b in zip(bounds, bounds[1:], strict=False)]
    ink = [n for on, n in spans if on]
    inner = spans[1:-1] if len(spans) > 2 else []
    return ink, [n for on, n in inner if not on]


def _short_dashed(along: np.ndarray, dpi: float) -> bool:
    """A co-actor tick: a stroke under 0.2 inch with only one or two breaks, dashed when every
    ink run is dash-sized and every break a clear gap (the exporter draws 2 pt dashes with
    1.5 pt gaps). A solid line broken by noise, or a degraded dash whose gaps filled in, has a
    longer run or a one-pixel break and stays solid."""
    if along.size >= 0.2 * dpi:
        return False
    ink, gaps = _runs(along)
    dash, gap = 2.0 / 72 * dpi, 1.5 / 72 * dpi
    return (bool(gaps) and max(ink) <= 1.5 * dash and min(gaps) >= 0.5 * gap
            and 1 - float(along.mean()) >= 0.25)


def rule_mask(shape: tuple[int, ...], found: list[Piece], dpi: float, pad: int = 1
              ) -> np.ndarray:
    """The long thin rules drawn back as a mask (to be taken out of the text), `pad` pixels
    wider than measured."""
    mask = np.zeros(shape[:2], np.uint8)
    for p in found:
        if max(p.x1 - p.x0, p.y1 - p.y0) >= 0.2 * dpi:
            cv2.line(mask, (int(p.x0), int(p.y0)), (int(p.x1), int(p.y1)), 255,
                     max(1, round(0.6 * p.thick) + pad))  # the core of a blurred rule
    return mask


def _patch(region: np.ndarray, fx: float, fy: float, size: int) -> float:
    """Filled fraction of a small square patch centred at (fx, fy) of the region's box."""
    h, w = region.shape
    cx, cy = int(fx * (w - 1)), int(fy * (h - 1))
    half = max(1, size // 2)
    sub = region[max(0, cy - half):cy + half + 1, max(0, cx - half):cx + half + 1]
    return float(sub.mean()) if sub.size else 0.0


ROUND_ENDS = 0.09  # a corner's square this share empty at least: the end is rounded
STADIUM_ROOM = 1 - np.pi / 4  # the empty share of a corner square of a stadium (r = h/2)


def corner_room(region: np.ndarray) -> list[float]:
    """The empty share of each corner's square of a filled region (1 = inside), its side
    half the region's shorter side: (top-left, top-right, bottom-left, bottom-right). A
    stadium (ends of radius half its height) leaves 1 - pi/4 = 0.21 of each empty, Word's
    and Excel's terminator (ends of a flatter ellipse, 0.16 of its width across) about 0.15,
    a rectangle a few hundredths (its corners' blur), a rounded rectangle of radius r about
    0.21 * (2r / h)^2. Measured on the whole square, not on a patch near the corner: blur
    and binarisation move the curve by a pixel or two, which fills a small patch at the
    corner of a small symbol but leaves most of the square's empty part."""
    h, w = region.shape
    s = max(2, round(min(w, h) / 2))
    return [1.0 - float(q.mean()) for q in
            (region[:s, :s], region[:s, w - s:], region[h - s:, :s], region[h - s:, w - s:])]


def _stadium(region: np.ndarray, fill: float, mids: list[float]) -> float:
    """How much a wide filled region looks like a stadium by its corners (0 = not): three
    corners or more with their square's rounded share empty (one corner may be filled by an
    arrow that joins it there), its middle filled."""
    h, w = region.shape
    if w < 1.5 * h or not 0.78 < fill < 0.97 or min(mids) <= 0.7:
        return 0.0
    room = sorted(corner_room(region))[1]
    return min(1.0, room / STADIUM_ROOM) if room >= ROUND_ENDS else 0.0


def classify(region: np.ndarray) -> tuple[str, float]:
    """The symbol kind of a filled region (1 = inside) -> (kind, fit 0..1)."""
    h, w = region.shape
    fill = float(region.mean())
    d = max(1.0, 0.12 * min(w, h))
    size = max(2, int(0.1 * min(w, h)))
    fx, fy = d / w, d / h
    corners = [_patch(region, a, b, size) for a, b in
               ((fx, fy), (1 - fx, fy), (fx, 1 - fy), (1 - fx, 1 - fy))]
    mids = [_patch(region, a, b, size) for a, b in
            ((fx, 0.5), (1 - fx, 0.5), (0.5, fy), (0.5, 1 - fy))]
    if fill > 0.9 and min(corners) > 0.7:
        return "process", min(1.0, fill)
    rounded = sorted(corners)[2]  # one corner may be filled by an arrow that joins it there
    if w >= 1.5 * h and 0.78 < fill < 0.97 and min(mids) > 0.7 and (
            max(corners) < 0.35 or (rounded < 0.5 and sum(corners) < 2.0)):
        return "terminator", 1.0 - rounded
    stadium = _stadium(region, fill, mids)
    if stadium > 0:
        return "terminator", stadium
    if 0.4 < fill < 0.68 and max(corners) < 0.2 and min(mids) > 0.5:
        return "decision", 1.0 - abs(fill - 0.5) * 2
    top, bottom = corners[:2], corners[2:]
    if 0.68 < fill < 0.92 and min(top) > 0.7 and max(bottom) < 0.3 and mids[3] > 0.5:
        return "connector", min(top)
    return "unknown", 0.0


def _continues(hmask: np.ndarray, vmask: np.ndarray, box: Box, dpi: float) -> int:
    """How many of the box's eight edge ends run on past its corners as rules (a table cell's
    rules do, a symbol's outline stops at its corners)."""
    ext, near, band = max(6, int(0.08 * dpi)), max(3, int(0.025 * dpi)), max(4, int(0.03 * dpi))
    count = 0
    for mask, (x0, y0, x1, y1) in ((hmask, box), (vmask.T, (box[1], box[0], box[3], box[2]))):
        h, w = mask.shape
        for ya, yb in ((y0 - band, y0 + 2), (y1 - 2, y1 + band)):
            ya, yb = max(0, ya), min(h, yb)
            for xa, xb in ((x0 - near - ext, x0 - near), (x1 + near, x1 + near + ext)):
                xa, xb = max(0, xa), min(w, xb)
                if xb > xa and yb > ya and mask[ya:yb, xa:xb].any(axis=0).mean() > 0.6:
                    count += 1
    return count


def find_shapes(ink: np.ndarray, hmask: np.ndarray, vmask: np.ndarray, dpi: float
                ) -> list[PixShape]:
    """The flowchart symbols: closed regions of the size of a symbol that are not cells.
    Further passes with wider gaps closed find outlines a stamp or a faint scan broke (less
    sure, and only where no symbol was found yet), and a last one diamonds that lost an
    edge (scan_diamond.py)."""
    found = _shapes(cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8)),
                    hmask, vmask, dpi)
    for wide, sure in ((max(5, int(0.045 * dpi)), 0.85), (max(11, int(0.1 * dpi)), 0.75)):
        sealed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((wide, wide), np.uint8))
        for s in _shapes(sealed, hmask, vmask, dpi):
            if not any(_overlap(s.box, f.box) for f in found):
                found.append(PixShape(s.kind, s.box, round(s.conf * sure, 3)))
    # a diamond an opaque signature or stamp took an edge off: its inside is no hole
    stroke = stroke_width(ink, hmask, vmask)
    found += [PixShape("decision", box, conf) for box, conf in
              open_diamonds(ink, hmask, vmask, dpi, [f.box for f in found], stroke)]
    found += [PixShape("decision", box, conf) for box, conf in
              half_diamonds(ink, hmask, dpi, [f.box for f in found])]
    return found


def _overlap(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _shapes(sealed: np.ndarray, hmask: np.ndarray, vmask: np.ndarray, dpi: float
            ) -> list[PixShape]:
    contours, hier = cv2.findContours(sealed, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hier is None:
        return []
    out: list[PixShape] = []
    halves: list[tuple[Box, np.ndarray]] = []  # holes that may be part of a crossed symbol
    small = max(4, int(0.04 * dpi))
    for i, cnt in enumerate(contours):
        if hier[0][i][3] == -1:
            continue  # an outer boundary; holes are the insides of closed outlines
        x, y, w, h = cv2.boundingRect(cnt)
        if not (small <= w <= 3.2 * dpi and small <= h <= 1.6 * dpi):
            continue
        region = np.zeros((h, w), np.uint8)
        cv2.drawContours(region, [cnt - [x, y]], -1, 1, thickness=-1)
        halves.append(((x, y, x + w, y + h), region))
        if not (0.2 * dpi <= w and 0.12 * dpi <= h):
            continue
        area = cv2.contourArea(cnt)
        hull = cv2.contourArea(cv2.convexHull(cnt))
        if hull <= 0 or area / hull < 0.93:
            continue
        shape = _symbol(region, (x, y, x + w, y + h), hmask, vmask, dpi)
        if shape is not None:
            out.append(shape)
    for box, region in _crossed(halves, dpi):
        # two table cells joined are no symbol: their rules run on past the corners (two
        # of them at least where the cells are a table's first or last column, one row high)
        if not any(_overlap(box, s.box) for s in out) and _continues(hmask, vmask, box, dpi) < 2:
            shape = _symbol(region, box, hmask, vmask, dpi)
            if shape is not None and shape.kind != "connector":
                out.append(PixShape(shape.kind, shape.box, round(shape.conf * 0.9, 3)))
    return out


def _symbol(region: np.ndarray, box: Box, hmask: np.ndarray, vmask: np.ndarray, dpi: float
            ) -> PixShape | None:
    """The symbol a filled hole (`region`, 1 = inside, at `box`) is, or None (a table cell,
    an unknown form)."""
    kind, fit = classify(region)
    if kind == "unknown":
        return None
    if kind != "decision" and _continues(hmask, vmask, box, dpi) >= 3:
        return None  # a cell, or a corner of one cut off by a line (a label's letters in it)
    stroke = max(2, int(0.02 * dpi))
    x0, y0, x1, y1 = box
    return PixShape(kind, (x0 - stroke, y0 - stroke, x1 + stroke, y1 + stroke),
                    round(0.6 + 0.4 * fit, 3))


def _crossed(halves: list[tuple[Box, np.ndarray]], dpi: float
             ) -> list[tuple[Box, np.ndarray]]:
    """Symbols that a line drawn straight through cuts in two (a connector routed across a
    decision from tip to tip, an arrow through a box): two holes that face each other across
    a stroke, joined into one region with the stroke filled."""
    gap = max(3, int(0.045 * dpi))
    out = []
    for n, (a, ra) in enumerate(halves):
        for b, rb in halves[n + 1:]:
            for axis in (1, 0):  # 1: one above the other, 0: side by side
                first, second = (a, b) if a[axis] <= b[axis] else (b, a)
                space = second[axis] - first[axis + 2]
                lo, hi = max(a[1 - axis], b[1 - axis]), min(a[3 - axis], b[3 - axis])
                least = min(a[3 - axis] - a[1 - axis], b[3 - axis] - b[1 - axis])
                if 0 <= space <= gap and hi - lo >= 0.6 * least:
                    out.append(_join(a, ra, b, rb, axis, space))
    return [(box, region) for box, region in out
            if 0.2 * dpi <= box[2] - box[0] <= 3.2 * dpi and
            0.12 * dpi <= box[3] - box[1] <= 1.6 * dpi]


def _join(a: Box, ra: np.ndarray, b: Box, rb: np.ndarray, axis: int, space: int
          ) -> tuple[Box, np.ndarray]:
    """Two facing holes as one filled region, the stroke between them filled."""
    box = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
    region = np.zeros((box[3] - box[1], box[2] - box[0]), np.uint8)
    for (x0, y0, x1, y1), r in ((a, ra), (b, rb)):
        region[y0 - box[1]:y1 - box[1], x0 - box[0]:x1 - box[0]] |= r
    size = (1, space + 3) if axis == 0 else (space + 3, 1)  # (rows, columns) of the kernel
    return box, cv2.morphologyEx(region, cv2.MORPH_CLOSE, np.ones(size, np.uint8))


def stroke_width(ink: np.ndarray, hmask: np.ndarray, vmask: np.ndarray) -> int:
    """The usual thickness of the page's strokes in `ink`, in pixels: the median run of ink
    across the horizontal strokes (down a column) and across the vertical ones (along a
    row); 0 when the page has no strokes."""
    runs = []
    for mask, cells in ((hmask, lambda m: m.T), (vmask, lambda m: m)):
        on = cells((ink > 0) & (mask > 0)).astype(np.int8)
        edges = np.diff(np.pad(on, ((0, 0), (1, 1))), axis=1)
        starts, ends = np.nonzero(edges == 1), np.nonzero(edges == -1)
        runs.append(ends[1] - starts[1])  # row-major: the n-th start and end pair up
    both = np.concatenate(runs)
    return int(np.median(both)) if both.size else 0


def find_heads(ink: np.ndarray, hmask: np.ndarray, vmask: np.ndarray, dpi: float) -> list[Box]:
    """Boxes of small filled blobs (arrow heads); the corners and crossings of thick strokes
    are none. The opening that leaves them is wider than the page's strokes are thick (a
    bold drawing's strokes would survive one of a fixed size, and an open head's two
    strokes stay joined to the shaft)."""
    k = max(max(3, int(0.03 * dpi)), stroke_width(ink, hmask, vmask) + 2) | 1
    solid = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                             cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    n, _, stats, cents = cv2.connectedComponentsWithStats(solid, connectivity=8)
    out = []
    reach = max(4, int(0.04 * dpi))
    for i in range(1, n):
        x, y, w, h, area = stats[i]
        # the lower bound: bigger than the blob the opening leaves where a stroke meets a
        # symbol's sharp corner (a diamond's tip a branch leaves from)
        if not (0.045 * dpi <= max(w, h) <= 0.16 * dpi and min(w, h) >= 0.015 * dpi and
                0.25 <= area / (w * h) <= 0.85):
            continue
        cx, cy = int(cents[i][0]), int(cents[i][1])
        # a stroke runs on out of the blob to a side (measured outside the blob: a bold
        # head is as wide as the horizontal mask's shortest stroke)
        across = _runs_on(hmask[cy, max(0, x - reach):x], hmask[cy, x + w:x + w + reach])
        down = _runs_on(vmask[max(0, y - reach):y, cx], vmask[y + h:y + h + reach, cx])
        if across and down:
            continue  # where two strokes meet or cross (a corner of a thick line)
        out.append((int(x), int(y), int(x + w), int(y + h)))
    return out


def _runs_on(before: np.ndarray, after: np.ndarray) -> bool:
    """Whether a stroke mask fills most of the stretch before or after a blob."""
    return any(side.size and side.astype(bool).mean() > 0.5 for side in (before, after))


def clear_boxes(mask: np.ndarray, boxes: list[Box], grow: int) -> np.ndarray:
    """The mask with the given boxes (grown by `grow` pixels) cleared."""
    out = mask.copy()
    for x0, y0, x1, y1 in boxes:
        out[max(0, y0 - grow):y1 + grow, max(0, x0 - grow):x1 + grow] = 0
    return out


def snap_corners(hs: list[Piece], vs: list[Piece], tol: float) -> None:
    """Make the ends of horizontal and vertical pieces that meet at a corner coincide."""
    for h in hs:
        for end in (0, 1):
            hx = h.x0 if end == 0 else h.x1
            for v in vs:
                for vend in (0, 1):
                    vy = v.y0 if vend == 0 else v.y1
                    if abs(hx - v.x0) <= tol and abs(h.y0 - vy) <= tol:
                        if end == 0:
                            h.x0 = v.x0
                        else:
                            h.x1 = v.x0
                        if vend == 0:
                            v.y0 = h.y0
                        else:
                            v.y1 = h.y0


__all__ = ["Box", "Piece", "PixShape", "classify", "clear_boxes", "find_heads", "find_shapes",
           "line_masks", "pieces", "remove_text", "rule_mask", "snap_corners",
           "split_dashed", "stroke_width"]
