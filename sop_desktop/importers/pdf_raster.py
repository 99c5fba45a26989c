"""Pictures inside a PDF with a text layer (issue 18): a flowchart drawn in Visio or similar
and pasted over the lane columns of a typed table, or a copier's "searchable" scan (the page
an image, an invisible OCR text layer on top). The words come from the text layer (better
than OCR); the symbols, arrows, dashed co-actor links (and, when the page has no vector
rules, the table rules) are found in the rendered page's pixels by the scan route's
functions (scan_draw.py, scan_arrows.py) and added to the Page in points. Text written
inside a pasted symbol that the text layer lacks is read by OCR (it only goes into the
step's note); empty symbols load no OCR engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sop_desktop.importers.geometry import Arrow, Page, Segment, Shape, Word

if TYPE_CHECKING:  # numpy comes with the scan machinery, imported only when a picture is read
    import numpy as np

    from sop_desktop.importers.scan_draw import Piece, PixShape

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
PdfObject = dict[str, Any]

RENDER_DPI = 200.0  # when the picture's own resolution is not known
MIN_DPI, MAX_DPI = 120.0, 300.0
MAX_RENDER_SIDE = 2400  # pixels on the longer side: bounds memory and time on a huge page
MIN_COVER = 0.2  # share of the table (or page) a picture must cover to hold its flowchart
MIN_RULE = 20.0  # points: a shorter vector line is no table rule
MAX_SYMBOL_LINES = 80  # text lines inside pasted symbols read by OCR on one page
MIN_SYMBOL_CONF = 0.5


def _area(box: Box) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def _cut(a: Box, b: Box) -> Box:
    return max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])


def _inside(x: float, y: float, boxes: Sequence[Box]) -> bool:
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def _vector_rules(page: Page) -> list[Segment]:
    """The page's long solid horizontal and vertical vector lines (its table rules)."""
    out = []
    for s in page.segments:
        x0, y0, x1, y1 = s.bbox
        if not s.dashed and not s.head and (s.horizontal or s.vertical) and \
                max(x1 - x0, y1 - y0) >= MIN_RULE:
            out.append(s)
    return out


def flowchart_pictures(page: Page, images: Sequence[PdfObject]) -> list[Box]:
    """The boxes (points) of the pictures that hold the page's flowchart: together they cover
    a large part of the table (of the page when it has no vector rules) and no vector symbol
    lies on them ([] when the vector drawing is the flowchart, or no picture is large)."""
    boxes = []
    for im in images:
        try:
            box = (float(im["x0"]), float(im["top"]), float(im["x1"]), float(im["bottom"]))
        except (KeyError, TypeError, ValueError):
            continue
        if _area(_cut(box, (0.0, 0.0, page.width, page.height))) > 0:
            boxes.append(_cut(box, (0.0, 0.0, page.width, page.height)))
    if not boxes:
        return []
    rules = _vector_rules(page)
    area: Box = (0.0, 0.0, page.width, page.height)
    if rules:
        area = (min(s.bbox[0] for s in rules), min(s.bbox[1] for s in rules),
                max(s.bbox[2] for s in rules), max(s.bbox[3] for s in rules))
    covered = sum(_area(_cut(b, area)) for b in boxes)
    if covered < MIN_COVER * max(1.0, _area(area)):
        return []
    if any(_inside(s.cx, s.cy, boxes) for s in page.shapes):
        return []
    return boxes


def read_pictures(page: Page, images: Sequence[PdfObject], word_boxes: Sequence[Box],
                  path: Path, index: int, warnings: list[str]) -> bool:
    """Symbols, arrows and dashed links of a flowchart pasted as a picture, read from the
    rendered page and added to `page` (the rules too when it has no vector rules); True
    when a flowchart was read from a picture (then the page is named in a warning).
    `word_boxes`: the text layer's words (points)."""
    pictures = flowchart_pictures(page, images)
    if not pictures:
        return False
    number = index + 1
    try:
        found = _read_drawing(path, index, page, pictures, word_boxes,
                              _picture_dpi(images, pictures))
    except MemoryError:
        raise
    except Exception as exc:  # a picture pdfium or OpenCV cannot take: keep the text layer
        warnings.append(f"halaman {number}: bagan alir berupa gambar tidak dapat dibaca "
                        f"({type(exc).__name__}); periksa lajur dan jenis langkahnya")
        return True
    segments, shapes, arrows, words = found
    if not shapes:  # a scanned identity page (its grid taken), a letterhead, a photo
        page.segments.extend(s for s in segments if not s.dashed and not s.head)
        return False
    page.segments.extend(segments)
    page.words.extend(words)
    page.shapes.extend(shapes)
    page.arrows.extend(arrows)
    warnings.append(f"halaman {number}: bagan alir berupa gambar; simbol dan panah dibaca dari "
                    "gambar, periksa hasilnya")
    return True


def _picture_dpi(images: Sequence[PdfObject], pictures: list[Box]) -> float:
    """The resolution of the largest flowchart picture as placed on the page: rendered at
    it, a scan's thin dashes are not smeared by resampling."""
    best, dpi = 0.0, RENDER_DPI
    for im in images:
        try:
            box = (float(im["x0"]), float(im["top"]), float(im["x1"]), float(im["bottom"]))
            pixels = float(im["srcsize"][0])
        except (KeyError, TypeError, ValueError, IndexError):
            continue
        if any(_area(_cut(box, b)) > 0 for b in pictures) and _area(box) > best and \
                box[2] - box[0] > 1:
            best, dpi = _area(box), pixels / ((box[2] - box[0]) / 72)
    return float(round(min(MAX_DPI, max(MIN_DPI, dpi))))  # 199.7 (a cropped picture): 200


def _render(path: Path, index: int, dpi: float) -> tuple[np.ndarray, float]:
    """Page `index` of the PDF rendered for reading its pictures -> (gray, dpi)."""
    import cv2  # deferred: OpenCV is heavy for start-up
    import numpy as np
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        pp = pdf[index]
        w, h = pp.get_size()
        scale = min(dpi / 72, MAX_RENDER_SIDE / max(1.0, w, h))
        bitmap = pp.render(scale=scale)
        rgb = np.array(bitmap.to_pil().convert("RGB"))
        bitmap.close()
        pp.close()
    finally:
        pdf.close()
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), scale * 72


def _read_drawing(path: Path, index: int, page: Page, pictures: list[Box],
                  word_boxes: Sequence[Box], dpi: float
                  ) -> tuple[list[Segment], list[Shape], list[Arrow], list[Word]]:
    """(segments, shapes, arrows, words inside symbols read by OCR) in points of the
    flowchart in the pictures."""
    # deferred: the scan machinery loads cv2 (and with it numpy's heavy parts) on first use
    from sop_desktop.importers.scan_arrows import build_arrows
    from sop_desktop.importers.scan_draw import (
        clear_boxes,
        find_heads,
        find_shapes,
        line_masks,
        pieces,
        remove_text,
        snap_corners,
        split_dashed,
    )
    from sop_desktop.importers.scan_image import binarize

    gray, dpi = _render(path, index, dpi)
    k = 72.0 / dpi
    px = [(x0 / k, y0 / k, x1 / k, y1 / k) for x0, y0, x1, y1 in pictures]
    pad = 1.5 / k
    text = [(int(x0 / k - pad), int(y0 / k - pad), int(x1 / k + pad) + 1, int(y1 / k + pad) + 1)
            for x0, y0, x1, y1 in word_boxes]
    faint, dark = binarize(gray, 225), binarize(gray, smooth=True)
    drawn = remove_text(faint, text, dpi)
    hmask, vmask = line_masks(drawn, dpi)
    shapes = [s for s in find_shapes(drawn, hmask, vmask, dpi)
              if _inside((s.box[0] + s.box[2]) / 2, (s.box[1] + s.box[3]) / 2, px)]
    heads = [h for h in find_heads(remove_text(dark, text, dpi), hmask, vmask, dpi)
             if _inside((h[0] + h[2]) / 2, (h[1] + h[3]) / 2, px)]
    outline = [s.box for s in shapes]
    grow = max(2, int(0.01 * dpi))
    hs, dashed = split_dashed(drawn, pieces(clear_boxes(hmask, outline, grow), True, dpi), dpi)
    vs, vdashed = split_dashed(drawn, pieces(clear_boxes(vmask, outline, grow), False, dpi),
                               dpi)
    snap_corners(hs, vs, max(3.0, 0.03 * dpi))
    allp: list[Piece] = hs + vs
    found = build_arrows(allp, heads, shapes, dpi, 0.45 * max(gray.shape))
    first = len(page.shapes)
    page_shapes = [Shape(s.kind, (s.box[0] * k, s.box[1] * k, s.box[2] * k, s.box[3] * k),
                         id=f"p{page.number}s{first + n}", conf=s.conf)
                   for n, s in enumerate(shapes)]
    segments = [Segment([(p.x0 * k, p.y0 * k), (p.x1 * k, p.y1 * k)], dashed=True)
                for p in dashed + vdashed if _inside((p.x0 + p.x1) / 2, (p.y0 + p.y1) / 2, px)]
    if not _vector_rules(page):  # a scanned page: its rules are only in the picture
        segments += _pixel_rules(allp, found, k, dpi)
    arrows: list[Arrow] = []
    for points, start, end, _ in found:
        pts = [(x * k, y * k) for x, y in points]
        segments.append(Segment(pts, head=True))
        arrows.append(Arrow(pts, page_shapes[start].id if start is not None else None,
                            page_shapes[end].id if end is not None else None))
    return segments, page_shapes, arrows, _symbol_words(gray, dark, shapes, text, dpi)


def _pixel_rules(allp: list[Piece], found: list[tuple[Any, Any, Any, set[int]]], k: float,
                 dpi: float) -> list[Segment]:
    """The solid strokes no arrow took that are part of the table's grid (long enough, and
    meeting a rule across them: the lines of an emblem or a logo are none), in points."""
    used = set().union(*(u for *_, u in found)) if found else set()
    short = 0.18 * dpi  # a loose stroke this short is a mark or noise, not a rule
    rules = [p for n, p in enumerate(allp) if n not in used and
             max(p.x1 - p.x0, p.y1 - p.y0) >= short]
    tol = max(3.0, 0.03 * dpi)
    return [Segment([(p.x0 * k, p.y0 * k), (p.x1 * k, p.y1 * k)], width=1.0)
            for p in rules if any(_meets(p, q, tol) for q in rules
                                  if q.horizontal != p.horizontal)]


def _meets(p: Piece, q: Piece, tol: float) -> bool:
    """Whether two strokes at right angles touch or cross (within `tol` pixels)."""
    h, v = (p, q) if p.horizontal else (q, p)
    return (min(h.x0, h.x1) - tol <= v.x0 <= max(h.x0, h.x1) + tol and
            min(v.y0, v.y1) - tol <= h.y0 <= max(v.y0, v.y1) + tol)


def _symbol_lines(ink: np.ndarray) -> list[tuple[int, int, int, int]]:
    """The text lines (pixel boxes) of the ink inside a symbol, its outline taken out."""
    import numpy as np  # deferred with the scan machinery

    rows = np.flatnonzero(ink.any(axis=1))
    out = []
    start = prev = None
    for r in [*rows.tolist(), None]:
        if start is not None and prev is not None and (r is None or r - prev > 1):
            cols = np.flatnonzero(ink[start:prev + 1].any(axis=0))
            if prev + 1 - start >= 4 and cols.size:
                out.append((int(cols[0]), start, int(cols[-1]) + 1, prev + 1))
            start = None
        if r is not None:
            start = r if start is None else start
            prev = r
    return out


def _interior(s: PixShape, dpi: float) -> tuple[tuple[int, int, int, int], np.ndarray]:
    """A symbol's inside, clear of its outline: (box, mask with 1 = inside) in pixels."""
    import numpy as np  # deferred with the scan machinery

    x0, y0, x1, y1 = s.box
    m = max(3, int(0.04 * dpi))  # the outline and its blur
    w, h = x1 - x0, y1 - y0
    yy, xx = np.mgrid[0:max(1, h), 0:max(1, w)]
    dx, dy = np.abs(xx - w / 2) / max(1.0, w / 2 - m), np.abs(yy - h / 2) / max(1.0, h / 2 - m)
    if s.kind == "decision":  # a rhombus: its sides run corner to corner
        inside = dx + dy <= 1
    elif s.kind == "terminator":  # rounded ends: keep clear of them
        inside = (np.abs(xx - w / 2) <= w / 2 - m - h / 2.5) & (dy <= 1)
    else:
        inside = (dx <= 1) & (dy <= 1)
    return (x0, y0, x1, y1), inside.astype(np.uint8)


def _symbol_words(gray: np.ndarray, ink: np.ndarray, shapes: list[PixShape],
                  text: list[tuple[int, int, int, int]], dpi: float) -> list[Word]:
    """Text written inside pasted symbols that the text layer lacks (a decision's question,
    a terminator's "Via Email"), read by OCR for the step's note; nothing to read (an empty
    symbol, or its words in the text layer) loads no OCR engine."""
    import cv2  # deferred: OpenCV and the OCR engine are heavy for start-up

    from sop_desktop.importers.scan_ocr import line_words, recognize

    height, width = gray.shape
    crops: list[np.ndarray] = []
    spots: list[tuple[int, int, np.ndarray]] = []
    for s in shapes:
        (x0, y0, x1, y1), inside = _interior(s, dpi)
        if x0 < 0 or y0 < 0 or x1 > width or y1 > height or any(
                x0 <= (a + c) / 2 <= x1 and y0 <= (b + d) / 2 <= y1 for a, b, c, d in text):
            continue
        part_ink = ink[y0:y1, x0:x1] * inside
        part_gray = gray[y0:y1, x0:x1].copy()
        part_gray[inside == 0] = 255
        for a, b, c, d in _symbol_lines(part_ink)[:MAX_SYMBOL_LINES - len(crops)]:
            a, b = max(0, a - 3), max(0, b - 3)
            c, d = min(x1 - x0, c + 3), min(y1 - y0, d + 3)
            crops.append(cv2.cvtColor(part_gray[b:d, a:c], cv2.COLOR_GRAY2BGR))
            spots.append((x0 + a, y0 + b, part_ink[b:d, a:c]))
    if not crops:
        return []
    k = 72.0 / dpi
    words = []
    for chars, (a, b, band) in zip(recognize(crops), spots, strict=True):
        for ow in line_words(chars, band, a, b):
            if ow.conf >= MIN_SYMBOL_CONF and ow.text.strip():
                words.append(Word(ow.text.strip(), ow.x0 * k, ow.y0 * k, ow.x1 * k, ow.y1 * k,
                                  min(0.999, round(ow.conf, 3))))  # 1.0: a text layer
    return words

__all__ = ["flowchart_pictures", "read_pictures"]
