"""Text lines the detector missed on a scanned page (issue 18): small, light print (6-7 pt
kegiatan of a Word or Excel table, scanned at 150 dpi) is often not found by the text
detector on the whole page, above all where its letters touch the table's rules.

A second look is taken only where the page has ink of text size that no box covers: the rows
of such ink, grouped into lines and widened along their row up to the cell's rules, are cut
out, their long rules painted over with the paper, their contrast stretched, enlarged to about
300 dpi and given a white margin, and the detector runs on each cut-out again, in pieces of a
little over two inches along the line (it misses lines in a long thin strip that it finds in
its pieces); what that still leaves uncovered is looked at once more, a third larger (the
detector finds such print at one size and not at the next). The cost is bounded: the enlarged
cut-outs together stay under a share of the page's area (the largest stretches of uncovered
ink first). A line found there joins the boxes on its line it overlaps or touches (one box
for the whole line, not a piece of it read twice). scan.scan_page runs it on the detector's
boxes of the straightened page: `missed_lines(gray, detect_boxes(...), dpi)`.
"""

from __future__ import annotations

import cv2
import numpy as np

from sop_desktop.importers.scan_image import binarize
from sop_desktop.importers.scan_ocr import detect_boxes

Box = tuple[int, int, int, int]
TARGET_DPI = 300.0  # the cut-outs are enlarged to about this resolution (at most twice)
BUDGET = 0.4  # the enlarged cut-outs together: at most this share of the page's pixels
RULE = 0.5  # a straight run of ink this many inches long is a rule, not text
MARGIN = 8  # white pixels around a cut-out
AGAIN = 4 / 3  # the uncovered ink left after a first look is looked at this much larger
CHUNK, OVERLAP = 2.25, 0.3  # a long cut-out is looked at in pieces this long (inches)


def missed_lines(gray: np.ndarray, boxes: list[Box], dpi: float) -> list[Box]:
    """The page's text boxes with the lines the detector missed added (see the module
    docstring); `gray`: the straightened page, `boxes`: the detector's boxes on it."""
    if dpi <= 0:
        return list(boxes)
    ink = binarize(gray, smooth=True)
    rules = _rules(ink, dpi)
    scale = min(2.0, max(1.0, TARGET_DPI / dpi))
    budget = BUDGET * gray.size
    found: list[Box] = []
    for size in (scale, AGAIN * scale):  # what the first look leaves, enlarged a bit more
        seeds = _seeds(ink, rules, list(boxes) + found, dpi)
        for x0, y0, x1, y1, _weight in sorted(_regions(ink, rules, seeds, dpi),
                                              key=lambda r: -r[4]):
            cost = (x1 - x0 + 2 * MARGIN) * (y1 - y0 + 2 * MARGIN) * size * size
            if cost > budget:
                continue
            budget -= cost
            step = int((CHUNK - OVERLAP) * dpi)
            for a in range(x0, max(x0 + 1, x1 - int(OVERLAP * dpi)), step):
                found += _detect((a, y0, min(x1, a + int(CHUNK * dpi)), y1), gray, rules, size)
    return _merged(list(boxes), found) if found else list(boxes)


def _rules(ink: np.ndarray, dpi: float) -> np.ndarray:
    """The long straight runs of ink (table rules, arrow shafts), grown by two pixels."""
    long_ = max(20, int(RULE * dpi))
    rules = cv2.bitwise_or(cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, long_), np.uint8)),
                           cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((long_, 1), np.uint8)))
    return cv2.dilate(rules, np.ones((5, 5), np.uint8))


def _upright(ink: np.ndarray, dpi: float) -> np.ndarray:
    """The long vertical runs of ink (the table's column rules)."""
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((max(20, int(RULE * dpi)), 1), np.uint8))


def _seeds(ink: np.ndarray, rules: np.ndarray, boxes: list[Box], dpi: float
           ) -> list[tuple[Box, int]]:
    """Lines of text-size ink outside every box and off the rules: marks 0.03 to 0.15 inch
    high, joined along their row across gaps under 0.08 inch; a line at least 0.15 inch
    long and twice as long as high (a word or more, not a lone mark: scan.py reads those).
    Each with its count of ink pixels."""
    rest = ink.copy()
    rest[rules > 0] = 0
    for x0, y0, x1, y1 in boxes:
        rest[max(0, y0 - 1):y1 + 1, max(0, x0 - 1):x1 + 1] = 0
    n, labels, stats, _ = cv2.connectedComponentsWithStats(rest, connectivity=8)
    heights, areas = stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_AREA]
    text = (heights >= 0.03 * dpi) & (heights <= 0.15 * dpi) & (areas >= 0.0004 * dpi * dpi)
    text[0] = False
    marks = np.where(text[labels], 255, 0).astype(np.uint8)
    grown = cv2.dilate(marks, np.ones((1, max(3, int(0.08 * dpi))), np.uint8))
    grown[_upright(ink, dpi) > 0] = 0  # a line ends at a vertical rule (the cell's side)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(grown, connectivity=8)
    weight = np.bincount(labels[marks > 0], minlength=n)
    out = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if w >= 0.15 * dpi and w >= 2 * h:
            out.append(((x, y, x + w, y + h), int(weight[i])))
    return out


def _regions(ink: np.ndarray, rules: np.ndarray, seeds: list[tuple[Box, int]], dpi: float
             ) -> list[tuple[int, int, int, int, int]]:
    """The cut-outs around the seed lines: a band a little higher than the line, widened
    along it over its ink up to a vertical rule or a gap of 0.1 inch (a line's words the
    detector did box are read again with it, not cut off), overlapping ones joined; each with
    the seed ink it holds."""
    h, w = ink.shape
    pad, gap = max(2, int(0.06 * dpi)), max(3, int(0.1 * dpi))
    upright = _upright(ink, dpi)
    out: list[list[int]] = []
    for (x0, y0, x1, y1), weight in seeds:
        y0, y1 = max(0, y0 - pad), min(h, y1 + pad)
        ruled = np.asarray(upright[y0:y1].any(axis=0))
        inked = np.asarray(ink[y0:y1].any(axis=0)) & ~ruled
        a, b = x0, x1
        while a > 0 and not ruled[a - 1] and inked[max(0, a - gap):a].any():
            a -= 1
        while b < w and not ruled[b] and inked[b:b + gap].any():
            b += 1
        left = a - pad if a > 0 and not ruled[a - 1] else a
        right = b + pad if b < w and not ruled[b] else b
        out.append([max(0, left), y0, min(w, right), y1, weight])
    joined = True
    while joined:
        joined = False
        for i, p in enumerate(out):
            for q in out[i + 1:]:
                if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]:
                    p[:] = [min(p[0], q[0]), min(p[1], q[1]), max(p[2], q[2]),
                            max(p[3], q[3]), p[4] + q[4]]
                    out.remove(q)
                    joined = True
                    break
            if joined:
                break
    return [(r[0], r[1], r[2], r[3], r[4]) for r in out]


def _detect(region: Box, gray: np.ndarray, rules: np.ndarray, scale: float) -> list[Box]:
    """The detector's boxes (page pixels) in one cut-out: rules painted over with its paper,
    ink stretched to black on white, enlarged `scale` times, a white margin around."""
    x0, y0, x1, y1 = region
    crop = gray[y0:y1, x0:x1].copy()
    paper = float(np.percentile(crop, 75))
    crop[rules[y0:y1, x0:x1] > 0] = int(paper)
    darkest = float(np.percentile(crop, 0.5))
    if paper - darkest < 20:  # nothing darker than the paper: no print
        return []
    stretched = np.clip((crop.astype(np.float32) - darkest) * (255.0 / (paper - darkest)),
                        0, 255).astype(np.uint8)
    framed = cv2.copyMakeBorder(stretched, MARGIN, MARGIN, MARGIN, MARGIN,
                                cv2.BORDER_CONSTANT, value=255)
    big = cv2.resize(framed, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    out = []
    for a, b, c, d in detect_boxes(cv2.cvtColor(big, cv2.COLOR_GRAY2BGR)):
        bx0 = max(x0, int(a / scale) - MARGIN + x0)
        by0 = max(y0, int(b / scale) - MARGIN + y0)
        bx1 = min(x1, int(np.ceil(c / scale)) - MARGIN + x0)
        by1 = min(y1, int(np.ceil(d / scale)) - MARGIN + y0)
        if bx1 - bx0 >= 3 and by1 - by0 >= 4:
            out.append((bx0, by0, bx1, by1))
    return out


def _same_line(a: Box, b: Box) -> bool:
    """Two boxes on one text line that overlap or touch along it."""
    across = min(a[3], b[3]) - max(a[1], b[1])
    low = min(a[3] - a[1], b[3] - b[1])
    near = max(2, 0.5 * low)
    return across >= 0.6 * low and a[0] <= b[2] + near and b[0] <= a[2] + near


def _merged(boxes: list[Box], found: list[Box]) -> list[Box]:
    """The detector's boxes with the lines found again: a found line joins every box on its
    line it overlaps or touches into one; a found line that a box already holds adds
    nothing."""
    out = list(boxes)
    for f in found:
        if any(b[0] <= f[0] and f[2] <= b[2] and b[1] - 2 <= f[1] and f[3] <= b[3] + 2
               for b in out):
            continue
        group = [b for b in out if _same_line(b, f)]
        for b in group:
            out.remove(b)
        x0 = min([f[0]] + [b[0] for b in group])
        y0 = min([f[1]] + [b[1] for b in group])
        x1 = max([f[2]] + [b[2] for b in group])
        y1 = max([f[3]] + [b[3] for b in group])
        out.append((x0, y0, x1, y1))
    return out


__all__ = ["missed_lines"]
