"""Text turned a quarter on a scanned page: a lane name written up or down its narrow header
cell. The detector finds such a line as one or more tall boxes in one column (it often cuts it
at the word gaps); the pieces are joined into the line, its crop is turned both ways a quarter
and the surer reading is kept. Like a turned line of a PDF's text layer (pdf.py), each turned
line becomes one Word with the line's tall box, and the lines of one name wrapped in its cell
(side by side, no rule between, the same direction) are joined: text turned up reads its lines
left to right, text turned down right to left.
"""

from __future__ import annotations

import cv2
import numpy as np

from sop_desktop.importers.geometry import Word
from sop_desktop.importers.scan_ocr import detect_boxes, line_words, recognize

Box = tuple[int, int, int, int]
TALL = 1.5  # a detector box this many times taller than wide may be a piece of turned text
TURNED = 3.0  # a joined line this many times taller than wide is turned text


def _join_pieces(tall: list[list[int]]) -> list[list[int]]:
    """Tall boxes of one column (overlapping across, a line's width apart or overlapping
    down) joined into one turned line."""
    lines: list[list[int]] = []
    for b in sorted(tall, key=lambda b: (b[1], b[0])):
        for g in lines:
            across = min(g[2], b[2]) - max(g[0], b[0])
            narrow = min(g[2] - g[0], b[2] - b[0])
            if across >= 0.6 * narrow and b[1] - g[3] <= max(g[2] - g[0], b[2] - b[0]):
                g[0], g[1] = min(g[0], b[0]), min(g[1], b[1])
                g[2], g[3] = max(g[2], b[2]), max(g[3], b[3])
                break
        else:
            lines.append(list(b))
    return lines


def split_turned(boxes: list[Box], dpi: float) -> tuple[list[Box], list[Box]]:
    """(flat boxes, turned lines) of the detector's boxes. A turned line is at least a third
    of an inch long (a lone step number is a short tall box and stays flat)."""
    tall = [list(b) for b in boxes if b[3] - b[1] >= TALL * (b[2] - b[0])]
    lines: list[Box] = [(g[0], g[1], g[2], g[3]) for g in _join_pieces(tall)
                        if g[3] - g[1] >= TURNED * (g[2] - g[0]) and g[3] - g[1] >= 0.33 * dpi]
    if not lines:
        return list(boxes), []

    def inside(b: Box) -> bool:
        return any(g[0] - 2 <= b[0] and b[2] <= g[2] + 2 and g[1] - 2 <= b[1] and
                   b[3] <= g[3] + 2 for g in lines)
    return [b for b in boxes if not inside(b)], lines


def redetect(gray: np.ndarray, lines: list[Box], dpi: float) -> list[Box]:
    """The turned lines found again by the detector on the band of the page that holds them,
    turned a quarter so they lie flat: the detector finds flat lines whole, while turned it
    misses short ones ("Pemohon") and cuts others short. Its flat boxes there are turned
    lines here; the first finding is kept where this finds nothing."""
    if not lines:
        return lines
    pad = int(0.1 * dpi)
    top = max(0, min(b[1] for b in lines) - pad)
    bottom = min(gray.shape[0], max(b[3] for b in lines) + pad)
    band = np.ascontiguousarray(cv2.rotate(gray[top:bottom], cv2.ROTATE_90_CLOCKWISE))
    height = bottom - top
    found = []
    for x0, y0, x1, y1 in detect_boxes(cv2.cvtColor(band, cv2.COLOR_GRAY2BGR)):
        # (x, y) of the turned band is (y, height - 1 - x) of the page
        box = (y0, top + height - x1, y1, top + height - x0)
        if x1 - x0 >= TURNED * (y1 - y0) and x1 - x0 >= 0.25 * dpi:
            found.append(box)
    kept = [b for b in lines if not any(_overlaps(b, f) for f in found)]
    return [tuple(g) for g in _join_pieces([list(b) for b in found])] + kept  # type: ignore


def outside(boxes: list[Box], lines: list[Box]) -> list[Box]:
    """The flat boxes that are no piece of a turned line (their middle lies outside them)."""
    return [b for b in boxes if not any(g[0] <= (b[0] + b[2]) / 2 <= g[2] and
                                        g[1] <= (b[1] + b[3]) / 2 <= g[3] for g in lines)]


def _overlaps(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _reading(clean: np.ndarray, ink: np.ndarray, box: Box
             ) -> tuple[str, float, bool] | None:
    """(text, confidence, turned up) of one turned line, read both ways."""
    h, w = clean.shape
    x0, y0 = max(0, box[0] - 2), max(0, box[1] - 2)
    x1, y1 = min(w, box[2] + 2), min(h, box[3] + 2)
    crop, band = clean[y0:y1, x0:x1], ink[y0:y1, x0:x1]
    if crop.size == 0 or not band.any():
        return None
    ways = ((cv2.ROTATE_90_CLOCKWISE, True), (cv2.ROTATE_90_COUNTERCLOCKWISE, False))
    crops = [cv2.cvtColor(np.ascontiguousarray(cv2.rotate(crop, r)), cv2.COLOR_GRAY2BGR)
             for r, _ in ways]
    readings = recognize(crops)
    best = max(range(2), key=lambda i: sum(p for ch, _, p in readings[i] if not ch.isspace()))
    chars = readings[best]
    if not chars:
        return None
    turned_ink = np.ascontiguousarray(cv2.rotate(band, ways[best][0]))
    words = line_words(chars, turned_ink, 0, 0)
    text = " ".join(ow.text.strip() for ow in words if ow.text.strip())
    if not text:
        return None
    conf = sum(p for _, _, p in chars) / len(chars)
    return text, conf, ways[best][1]


def turned_words(clean: np.ndarray, ink: np.ndarray, vrules: np.ndarray, lines: list[Box],
                 k: float, least: float) -> list[Word]:
    """The turned lines read into Words in points (k = 72 / dpi), the lines of one name
    wrapped in its cell joined; `vrules`: mask of the vertical rules."""
    read: list[tuple[Box, str, float, bool]] = []
    for box in sorted(lines, key=lambda b: b[0]):
        got = _reading(clean, ink, box)
        if got is not None and got[1] >= least:
            read.append((box, *got))
    joined: list[list] = []
    for box, text, conf, up in read:
        prev = joined[-1] if joined else None
        if prev is not None and prev[3] == up and _same_cell(prev[0], box, vrules):
            first, second = (prev[1], text) if up else (text, prev[1])
            b = prev[0]
            prev[0] = (b[0], min(b[1], box[1]), box[2], max(b[3], box[3]))
            prev[1], prev[2] = f"{first} {second}", min(prev[2], conf)
            continue
        joined.append([box, text, conf, up])
    return [Word(text, b[0] * k, b[1] * k, b[2] * k, b[3] * k, round(conf, 3))
            for b, text, conf, _ in joined]


def _same_cell(a: Box, b: Box, vrules: np.ndarray) -> bool:
    """Two turned lines side by side in one cell: a line's width apart at most, overlapping
    down the page, and no vertical rule in the gap between them."""
    width = b[2] - b[0]
    top, bottom = max(a[1], b[1]), min(a[3], b[3])
    if b[0] - a[2] >= 0.8 * width or bottom <= top:
        return False
    gap = vrules[top:bottom, max(0, a[2] - 1):b[0] + 1]
    return not (gap.size and (gap > 0).mean(axis=0).max() >= 0.6)
