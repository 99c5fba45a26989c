"""Scanned and photographed SOPs (image-only PDFs, .jpg/.png/.tif): OCR of the printed table
and its flowchart, offline, into the format-neutral geometry.Page model.

Per page: straighten (90/180/270 turns, skew) and fade coloured ink (scan_image.py), find the
text lines (RapidOCR detector), take the text out of the ink and find the rules, symbols and
arrow heads in what is left (scan_draw.py, scan_arrows.py), recognise every text line and cut
it into words with boxes and confidence (scan_ocr.py); pixels become points (y down) in the
straightened page. `import_pages` then applies the same table, lane, kind and branch logic as
for a PDF with a text layer.

`scan_page(rgb, dpi)` reads one page image; a PDF reader that meets a page without a text
layer can call `scan_pdf_page(path, index)` for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import cv2
import numpy as np

from sop_desktop.errors import ImportFailed
from sop_desktop.importers.flowread import import_pages
from sop_desktop.importers.geometry import Arrow, Page, PageSource, Segment, Shape, Word, covered
from sop_desktop.importers.pdf_check import Cancelled, check_pdf_size
from sop_desktop.importers.scan_arrows import build_arrows
from sop_desktop.importers.scan_detect import missed_lines
from sop_desktop.importers.scan_draw import (
    Box,
    Piece,
    clear_boxes,
    find_heads,
    find_shapes,
    line_masks,
    pieces,
    remove_text,
    rule_mask,
    snap_corners,
    split_dashed,
)
from sop_desktop.importers.scan_image import (
    binarize,
    decode_bytes,
    image_frames,
    straighten,
)
from sop_desktop.importers.scan_ocr import detect_boxes, line_words, recognize
from sop_desktop.importers.scan_paper import neutral_paper
from sop_desktop.importers.scan_photo import flatten
from sop_desktop.importers.scan_repeat import settle_repeats
from sop_desktop.importers.scan_spelling import respell
from sop_desktop.importers.scan_turned import outside, redetect, split_turned, turned_words
from sop_desktop.importers.scan_vocabulary import office_spelling

if TYPE_CHECKING:  # pypdfium2 is imported where a PDF is rendered (it ships no types)
    import pypdfium2 as pdfium

    from sop_desktop.importers.result import ImportResult

MAX_SCAN_PAGES = 60
RENDER_DPI = 200.0
MAX_RENDER_SIDE = 2400
MIN_WORD_CONF = 0.4
SURE_CONF = 0.85
LOW_CONF = 0.8  # words below this are marked for the review screen
_NUMBER = re.compile(r"\d{1,3}[.)]?")

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]


def _cancelled(cancel: Cancel | None, name: str) -> None:
    if cancel is not None and cancel():
        raise Cancelled(f"{name}: impor dibatalkan")


def _erase_qr(gray: np.ndarray, *masks: np.ndarray) -> None:
    """QR codes (e-signature marks) are blanked out before reading."""
    try:
        found, points = cv2.QRCodeDetector().detectMulti(gray)
    except cv2.error:
        return
    if not found or points is None:
        return
    for quad in points:
        xs, ys = quad[:, 0], quad[:, 1]
        pad = 0.1 * max(xs.max() - xs.min(), ys.max() - ys.min())
        x0, y0 = max(0, int(xs.min() - pad)), max(0, int(ys.min() - pad))
        x1, y1 = int(xs.max() + pad) + 1, int(ys.max() + pad) + 1
        for mask in masks:
            mask[y0:y1, x0:x1] = 0
        gray[y0:y1, x0:x1] = 255


def _orphans(ink: np.ndarray, dpi: float) -> list[tuple[int, int, int, int]]:
    """Boxes of small marks of text size the detector missed (a lone "1" in the No column).
    The ink is closed vertically first: a digit printed against a rule, once the rule is
    taken out, falls into pieces each below a mark's size."""
    tall = max(3, int(0.02 * dpi))
    joined = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((tall, 1), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    marks = []
    for i in range(1, n):
        x, y, w, h, area = stats[i]
        if 0.045 * dpi <= h <= 0.2 * dpi and w <= 0.25 * dpi and area >= 0.0003 * dpi * dpi:
            marks.append([int(x), int(y), int(x + w), int(y + h)])
    marks.sort(key=lambda b: (b[1], b[0]))
    boxes: list[list[int]] = []
    for b in sorted(marks, key=lambda b: b[0]):
        for g in boxes:
            if min(g[3], b[3]) - max(g[1], b[1]) > 0.5 * (b[3] - b[1]) and \
                    b[0] - g[2] <= 0.06 * dpi:
                g[0], g[1], g[2], g[3] = min(g[0], b[0]), min(g[1], b[1]), max(g[2], b[2]), \
                    max(g[3], b[3])
                break
        else:
            boxes.append(list(b))
    pad = max(2, int(0.02 * dpi))
    return [(b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad) for b in boxes]


def _read_words(gray: np.ndarray, ink: np.ndarray, rules: np.ndarray,
                boxes: list[tuple[int, int, int, int]], k: float, detected: int,
                turned: tuple[list[tuple[int, int, int, int]], np.ndarray] = ([], np.zeros(0))
                ) -> list[Word]:
    """Recognise every text box; words in points (k = 72 / dpi). Boxes from `detected` on are
    loose marks the detector missed: only a sure reading of them is kept. `turned`: the
    lines of text turned a quarter and the mask of the vertical rules (scan_turned.py)."""
    clean = gray.copy()
    clean[rules > 0] = 255
    text_ink = ink.copy()
    text_ink[rules > 0] = 0
    vrules = turned[1] if turned[1].shape == rules.shape else rules
    words: list[Word] = []
    if turned[0]:
        words = turned_words(clean, text_ink, turned[1], turned[0], k, MIN_WORD_CONF)
    h, w = gray.shape
    crops: list[np.ndarray] = []
    spots: list[tuple[int, int, int, int, int, float, int]] = []
    for n, (x0, y0, x1, y1) in enumerate(boxes):
        x0, y0, x1, y1 = max(0, x0 - 2), max(0, y0 - 2), min(w, x1 + 2), min(h, y1 + 2)
        if x1 - x0 < 3 or y1 - y0 < 5 or not text_ink[y0:y1, x0:x1].any():
            continue
        if x1 - x0 < y1 - y0:  # a lone number: widened over its ink, tried two ways
            x0 = _glyph_start(text_ink[y0:y1], x0)
        elif n < detected:
            x0 = _from_rule(text_ink[y0:y1], vrules[y0:y1], x0)
        variants, side = _crop_variants(clean[y0:y1, x0:x1])
        if n >= detected and rules[y0:y1, x0:x1].any():
            # a digit against a rule loses its edge with the rule: read it with the rule too
            variants += _crop_variants(gray[y0:y1, x0:x1])[0]
        crops.extend(variants)
        spots.append((x0, y0, x1, y1, side, MIN_WORD_CONF if n < detected else SURE_CONF,
                      len(variants)))
    readings = recognize(crops) if crops else []
    seen: dict[str, list[Word]] = {}
    doubtful: list[Word] = []  # loose marks read unsurely as a step number
    at = 0
    for x0, y0, x1, y1, side, least, count in spots:
        chars = max(readings[at:at + count], key=_mean_prob)
        at += count
        chars = [(ch, x - side, p) for ch, x, p in chars]
        if least > MIN_WORD_CONF and _sure_number(chars):
            least = MIN_WORD_CONF
        for ow in line_words(chars, text_ink[y0:y1, x0:x1], x0, y0):
            text = ow.text.strip()
            word = Word(text, ow.x0 * k, ow.y0 * k, ow.x1 * k, ow.y1 * k, round(ow.conf, 3))
            if MIN_WORD_CONF <= ow.conf < least and _NUMBER.fullmatch(text):
                doubtful.append(word)
            if ow.conf < least or not text or all(c in "|!_-.,'`~" for c in text):
                continue
            if not any(_same_word(word, other) for other in seen.setdefault(text, [])):
                seen[text].append(word)
                words.append(word)
    return _without_partial_readings(words + _in_sequence(doubtful, words))


def _without_partial_readings(words: list[Word]) -> list[Word]:
    """The words less those read a second time from part of a longer word's ink: two text
    boxes the detector laid over one word ("Pelak" inside "Pelaksana", "T" inside "Terima").
    A word goes when most of its box lies inside a longer word's box and its letters are a
    part of that word's. A number stays (a step number read apart from the text it touches)."""
    order = sorted(words, key=lambda w: w.y0)
    letters = {id(w): w.text.casefold().strip(".,:;()[]|") for w in words}
    drop: set[int] = set()
    for i, a in enumerate(order):
        for b in order[i + 1:]:
            if b.y0 >= a.y1:
                break
            for short, long_ in ((a, b), (b, a)):
                part = letters[id(short)]
                if len(short.text) < len(long_.text) and part and not part.isdigit() and \
                        part in long_.text.casefold() and covered(short, long_) > 0.6:
                    drop.add(id(short))
    return [w for w in words if id(w) not in drop]


def _in_sequence(doubtful: list[Word], words: list[Word]) -> list[Word]:
    """The loose marks read unsurely as a step number that continue their column's
    numbering: the nearest number under one in its column is the next number, or the
    nearest above it the one before (a "1." printed close to its row's rule)."""
    numbers = [(w, int(w.text.rstrip(".)"))) for w in words if _NUMBER.fullmatch(w.text)]
    kept = []
    for mark in doubtful:
        n = int(mark.text.rstrip(".)"))
        column = [(w, v) for w, v in numbers if min(w.x1, mark.x1) > max(w.x0, mark.x0)]
        below = min(((w.cy, v) for w, v in column if w.cy > mark.y1), default=None)
        above = max(((w.cy, v) for w, v in column if w.cy < mark.y0), default=None)
        if (below is not None and below[1] == n + 1) or (above is not None and
                                                          above[1] == n - 1):
            kept.append(mark)
    return kept


def _sure_number(chars: list[tuple[str, float, float]]) -> bool:
    """A loose mark read as a step number ("4.", "12)") whose digits the recogniser is sure
    of: the dot or bracket after them, a speck it is seldom sure of, does not make the
    number doubtful."""
    text = "".join(ch for ch, _, _ in chars).strip()
    return bool(_NUMBER.fullmatch(text)) and all(p >= SURE_CONF for ch, _, p in chars
                                                  if ch.isdigit())


def _mean_prob(chars: list[tuple[str, float, float]]) -> float:
    return sum(p for _, _, p in chars) / len(chars) if chars else 0.0


def _crop_variants(crop: np.ndarray) -> tuple[list[np.ndarray], int]:
    """A text crop as the recogniser gets it (BGR) and the room added on its left. A crop
    narrower than tall (a lone step number) is given room as in its cell, in two versions
    the recogniser reads differently well: the paper around it repeated, and the crop
    levelled to white paper with white room; the surer reading is kept."""
    if crop.shape[1] >= crop.shape[0]:
        return [cv2.cvtColor(crop, cv2.COLOR_GRAY2BGR)], 0
    side = (crop.shape[0] - crop.shape[1]) // 2 + 2
    repeated = cv2.copyMakeBorder(crop, 0, 0, side, side, cv2.BORDER_REPLICATE)
    paper = max(1.0, float(np.median(crop)))
    level = np.clip(crop.astype(np.float32) * (255.0 / paper), 0, 255).astype(np.uint8)
    white = cv2.copyMakeBorder(level, 0, 0, side, side, cv2.BORDER_CONSTANT, value=255)
    return [cv2.cvtColor(c, cv2.COLOR_GRAY2BGR) for c in (repeated, white)], side


def _glyph_start(band: np.ndarray, x0: int) -> int:
    """The left end of a narrow text box moved over the ink columns that continue it (a
    detector box that cut off part of a lone digit; its right end is a rule or a gap)."""
    cols = np.asarray(band.any(axis=0))
    a = x0
    while a > 0 and x0 - a < band.shape[0] and cols[a - 1]:
        a -= 1
    return a


def _from_rule(band: np.ndarray, ruled: np.ndarray, x0: int) -> int:
    """The left end of a text box moved back onto the vertical rule left of it when the
    line's ink runs on to the rule with no gap wider than half a glyph: the first letters or
    words printed against their cell's rule, which the detector leaves out of the line
    ("enerima" for "Menerima")."""
    h = band.shape[0]
    lo = max(0, x0 - 40 * h)
    cols = np.nonzero(ruled[:, lo:x0].astype(bool).mean(axis=0) >= 0.6)[0]
    if not len(cols):
        return x0
    start = lo + int(cols[-1]) + 1
    inked = np.flatnonzero(band[:, start:x0].any(axis=0))
    if not len(inked):
        return x0
    steps = np.diff(np.concatenate(([-1], inked, [x0 - start])))
    return start if int(steps.max()) - 1 <= h // 2 else x0


def _same_word(a: Word, b: Word) -> bool:
    """The same word read twice (from two text boxes covering most of the smaller one)."""
    return a.text == b.text and max(covered(a, b), covered(b, a)) > 0.5


def _drawing(ink: np.ndarray, dark: np.ndarray, boxes: list[Box], dpi: float, k: float, number: int
             ) -> tuple[list[Segment], list[Shape], list[Arrow], np.ndarray, np.ndarray]:
    """Rules, symbols and arrows of the page (`ink`: faint lines kept; `dark`: thin strokes)
    -> (segments, shapes, arrows, mask of the long rules, mask of the long vertical rules)."""
    drawn = remove_text(ink, boxes, dpi)
    hmask, vmask = line_masks(drawn, dpi)
    shapes = find_shapes(drawn, hmask, vmask, dpi)
    heads = find_heads(remove_text(dark, boxes, dpi), hmask, vmask, dpi)  # thin strokes
    outline = [s.box for s in shapes]
    grow = max(2, int(0.01 * dpi))
    hs, dashed = split_dashed(drawn, pieces(clear_boxes(hmask, outline, grow), True, dpi),
                              dpi)
    vs, vdashed = split_dashed(drawn, pieces(clear_boxes(vmask, outline, grow), False, dpi),
                               dpi)
    dashed += vdashed
    rules = rule_mask(ink.shape, hs + vs, dpi)
    snap_corners(hs, vs, max(3.0, 0.03 * dpi))
    allp: list[Piece] = hs + vs
    found = build_arrows(allp, heads, shapes, dpi, 0.45 * max(ink.shape))
    used = set().union(*(u for *_, u in found)) if found else set()
    short = 0.18 * dpi  # a loose stroke this short is a mark or noise, not a rule
    segments = [Segment([(p.x0 * k, p.y0 * k), (p.x1 * k, p.y1 * k)], width=1.0)
                for n, p in enumerate(allp) if n not in used and
                max(p.x1 - p.x0, p.y1 - p.y0) >= short]
    segments += [Segment([(p.x0 * k, p.y0 * k), (p.x1 * k, p.y1 * k)], dashed=True)
                 for p in dashed]
    page_shapes = [Shape(s.kind, _in_points(s.box, k), id=f"p{number}s{n}", conf=s.conf)
                   for n, s in enumerate(shapes)]
    arrows: list[Arrow] = []
    for points, start, end, _ in found:
        pts = [(x * k, y * k) for x, y in points]
        segments.append(Segment(pts, head=True))
        arrows.append(Arrow(pts, page_shapes[start].id if start is not None else None,
                            page_shapes[end].id if end is not None else None))
    return segments, page_shapes, arrows, rules, rule_mask(ink.shape, vs, dpi, 0)


def _in_points(box: Box, k: float) -> tuple[float, float, float, float]:
    """A pixel box in points (k: points per pixel)."""
    return box[0] * k, box[1] * k, box[2] * k, box[3] * k


def _in_pixels(bbox: tuple[float, float, float, float], k: float) -> Box:
    """A box in points back in pixels."""
    return int(bbox[0] / k), int(bbox[1] / k), int(bbox[2] / k), int(bbox[3] / k)


def _split_at_rules(boxes: list[tuple[int, int, int, int]], vlong: np.ndarray
                    ) -> list[tuple[int, int, int, int]]:
    """Text boxes cut where a vertical rule runs through them (a number printed against
    the rule of its cell, next to the text of the following cell)."""
    out = []
    for x0, y0, x1, y1 in boxes:
        sub = vlong[y0:y1, x0:x1]
        if sub.size == 0:
            continue
        ruled = [*(sub.astype(bool).mean(axis=0) >= 0.6), True]
        start = None
        for i, r in enumerate(ruled):
            if not r and start is None:
                start = i
            elif r and start is not None:
                if i - start >= 2:  # up to the middle of the rule: a glyph may touch it
                    end = next((j for j in range(i, len(ruled)) if not ruled[j]), len(ruled))
                    out.append((x0 + start, y0, min(x1, x0 + (i + end) // 2), y1))
                start = None
    return out


def scan_page(rgb: np.ndarray, dpi: float, number: int = 1,
              source: PageSource | None = None, cancel: Cancel | None = None) -> Page:
    """One page image (RGB array, pixels per inch) -> a Page in points, y down."""
    flat = flatten(rgb, dpi)  # a photo taken at an angle made a rectangle (a scan: unchanged)
    img = straighten(neutral_paper(flat.rgb), flat.dpi)  # yellowish paper made white first
    dpi = flat.dpi
    gray = img.gray
    ink = binarize(gray, smooth=True)
    faint = binarize(gray, 225, untint=True)
    _erase_qr(gray, ink, faint)
    k = 72.0 / dpi
    boxes = missed_lines(gray, detect_boxes(cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)), dpi)
    _cancelled(cancel, source.path if source else "gambar")
    segments, shapes, arrows, rules, vlong = _drawing(faint, ink, boxes, dpi, k, number)
    boxes, turned = split_turned(boxes, dpi)
    turned = redetect(gray, turned, dpi)
    boxes = outside(boxes, turned)
    boxes = _split_at_rules(boxes, vlong)
    rest = clear_boxes(remove_text(ink, boxes + turned, dpi),
                       [_in_pixels(s.bbox, k) for s in shapes], max(3, int(0.03 * dpi)))
    # a digit printed against a rule is a mark of its own once the rules are out of the ink
    rest[cv2.dilate(rules, np.ones((3, 3), np.uint8)) > 0] = 0
    detected = len(boxes)
    boxes = boxes + _orphans(rest, dpi)
    words = _read_words(gray, ink, rules, boxes, k, detected, (turned, vlong))
    h, w = gray.shape
    page = Page(w * k, h * k, number, words=words, segments=segments, shapes=shapes,
                arrows=arrows, source=source or PageSource("", number - 1, "image"))
    page.flattened = flat.how  # type: ignore[attr-defined]  # for the review screen
    page.turned = img.turned  # type: ignore[attr-defined]  # for the review screen
    page.skew = img.skew  # type: ignore[attr-defined]
    _fill_shape_text(page)
    return page


def _fill_shape_text(page: Page) -> None:
    """Words inside a symbol become its text (a connector's letter its label)."""
    for shape in page.shapes:
        x0, y0, x1, y1 = shape.bbox
        inside = [w for w in page.words if x0 <= w.cx <= x1 and y0 <= w.cy <= y1]
        shape.text = " ".join(w.text for w in sorted(inside, key=lambda w: (w.cy, w.x0)))
        if shape.kind == "connector":
            shape.label = shape.text.strip()


# ------------------------------------------------------------------ files


def _pdf_document(path: Path) -> pdfium.PdfDocument:
    """The PDF opened by pdfium (a clear refusal for a locked or damaged one)."""
    import pypdfium2 as pdfium

    check_pdf_size(path)
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ImportFailed(f"{path.name}: PDF terkunci kata sandi; buka kuncinya dulu lalu "
                               "impor lagi") from None
        raise ImportFailed(f"{path.name}: berkas PDF rusak atau tidak dapat dibaca") from None


def pdf_text_pages(path: str | Path, limit: int = 20) -> list[bool] | None:
    """For the first `limit` pages of a PDF, whether each has a text layer (None: the file
    cannot be opened here; the PDF reader then says what is wrong with it)."""
    try:
        pdf = _pdf_document(Path(path))
    except Exception:  # any damage: the PDF reader names it in its own words
        return None
    try:
        out = []
        for i in range(min(limit, len(pdf))):
            page = pdf[i]
            text = page.get_textpage()
            out.append(text.count_chars() > 0)
            text.close()
            page.close()
        return out
    except Exception:  # a damaged page tree: let the PDF reader say what is wrong
        return None
    finally:
        pdf.close()


def is_scanned_pdf(path: str | Path) -> bool:
    """A PDF whose pages have no text layer (a copier's or phone app's scan)."""
    flags = pdf_text_pages(path)
    return flags is not None and len(flags) > 0 and not any(flags)


def _render(pdf: pdfium.PdfDocument, index: int) -> tuple[np.ndarray, float]:
    """Page `index` rendered at the scan resolution -> (RGB, dpi)."""
    page = pdf[index]
    try:
        w, h = page.get_size()
        scale = min(RENDER_DPI / 72, MAX_RENDER_SIDE / max(1.0, w, h))
        bitmap = page.render(scale=scale)
        rgb = np.array(bitmap.to_pil().convert("RGB"))
        bitmap.close()
    finally:
        page.close()
    return rgb, scale * 72


def scan_pdf_page(path: str | Path, index: int, cancel: Cancel | None = None) -> Page:
    """One page of a PDF (0-based) read by OCR: for a page without a text layer."""
    path = Path(path)
    pdf = _pdf_document(path)
    try:
        rgb, dpi = _render(pdf, index)
    finally:
        pdf.close()
    return scan_page(rgb, dpi, index + 1, PageSource(str(path), index, "pdf"), cancel)


Frame = tuple[np.ndarray, float, PageSource]  # RGB, dpi, where it comes from


def _frames(path: Path) -> tuple[int, Iterator[Frame]]:
    """(count, iterator of (RGB, dpi, source)) of a scanned PDF or image file."""
    if path.suffix.lower() == ".pdf" or _head(path).startswith(b"%PDF"):
        pdf = _pdf_document(path)
        count = len(pdf)
        if count > MAX_SCAN_PAGES:
            pdf.close()
            raise ImportFailed(f"{path.name}: PDF hasil pindai berisi {count} halaman; paling "
                               f"banyak {MAX_SCAN_PAGES} halaman per impor (pisahkan berkasnya)")
        if count == 0:
            pdf.close()
            raise ImportFailed(f"{path.name}: PDF tidak berisi halaman")

        def pdf_pages() -> Iterator[Frame]:
            try:
                for i in range(count):
                    rgb, dpi = _render(pdf, i)
                    yield rgb, dpi, PageSource(str(path), i, "pdf")
            finally:
                pdf.close()
        return count, pdf_pages()
    frames = image_frames(path)
    return len(frames), ((rgb, dpi, PageSource(str(path), i, "image"))
                         for i, (rgb, dpi) in enumerate(frames))


def _head(path: Path) -> bytes:
    """The first bytes of the file (b"" when it cannot be read)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(8)
    except OSError:
        return b""


def read_scan_pages(path: str | Path, progress: Progress | None = None,
                    cancel: Cancel | None = None) -> tuple[list[Page], list[str]]:
    """Every page of a scan (image-only PDF or image file) read by OCR -> (pages, warnings)."""
    path = Path(path)
    count, frames = _frames(path)
    pages: list[Page] = []
    warnings: list[str] = []
    for index, (rgb, dpi, source) in enumerate(frames):
        _cancelled(cancel, path.name)
        if progress is not None:
            progress(index, count, f"membaca (OCR) halaman {index + 1} dari {count}")
        try:
            page = scan_page(rgb, dpi, index + 1, source, cancel)
        except (ImportFailed, MemoryError):
            raise
        except Exception as exc:  # one unreadable page does not lose the others
            warnings.append(f"halaman {index + 1}: gambar tidak dapat dibaca "
                            f"({type(exc).__name__}); dilewati")
            continue
        del rgb
        pages.append(page)
        warnings.extend(_page_notes(page))
    # one spelling per word in the document ("Penilal" in a lane header), one reading per
    # cell of a header printed again on each page, office words as offices spell them
    # ("Kakanwli" in a lane header)
    if respell(pages) + settle_repeats(pages) + office_spelling(pages):
        for page in pages:
            _fill_shape_text(page)
    if progress is not None:
        progress(count, count, "selesai membaca")
    return pages, warnings


def _page_notes(page: Page) -> list[str]:
    notes = []
    flattened = getattr(page, "flattened", "")
    if flattened:
        seen = "tepi halaman" if flattened == "halaman" else "garis tepi tabel"
        notes.append(f"halaman {page.number}: foto yang diambil miring diratakan menurut "
                     f"{seen}; periksa hasilnya")
    turned, skew = getattr(page, "turned", 0), getattr(page, "skew", 0.0)
    if turned or abs(skew) >= 0.3:
        notes.append(f"halaman {page.number}: diluruskan (diputar {turned}°, miring "
                     f"{abs(skew):.1f}°)".replace(".", ","))
    low = sum(1 for w in page.words if w.conf < LOW_CONF)
    if low:
        notes.append(f"halaman {page.number}: {low} kata hasil OCR kurang yakin; periksa teksnya")
    return notes


def import_scan(path: str | Path, progress: Progress | None = None,
                cancel: Cancel | None = None) -> ImportResult:
    """Every SOP of a scanned PDF or page image, read by OCR -> ImportResult."""
    path = Path(path)
    pages, warnings = read_scan_pages(path, progress, cancel)
    if not any(p.words for p in pages):
        what = "PDF tanpa lapisan teks" if path.suffix.lower() == ".pdf" else "gambar"
        raise ImportFailed(f"{path.name}: {what}; OCR tidak menemukan teks yang dapat dibaca "
                           "(pindai ulang lebih tajam, paling sedikit 150 dpi)")
    result = import_pages(pages, path.name, None, cancel)
    result.warnings[:0] = warnings
    return result


def decode_image(data: bytes, name: str = "gambar") -> tuple[np.ndarray, float]:
    """An image in memory -> (RGB at the working size, dpi), for `scan_page`."""
    return decode_bytes(data, name)


def self_check(pdf: bytes, steps: int) -> str:
    """The installation's OCR check: the table page (the second page, after the identity
    page) of an SOP PDF the app printed, rendered at 150 dpi like a scan, reads back with its
    `steps` steps (raises ImportFailed otherwise)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        index = min(1, len(doc) - 1)
        rgb = np.array(doc[index].render(scale=150 / 72).to_pil().convert("RGB"))
    finally:
        doc.close()
    page = scan_page(rgb, 150.0, 1, PageSource("uji", index, "image"))
    result = import_pages([page], "uji-pindai")
    found = len(result.sops[0].steps) if result.sops else 0
    if found != steps:
        raise ImportFailed(f"OCR membaca {found} dari {steps} langkah SOP uji")
    return f"{len(page.words)} kata dan {found} langkah terbaca dari halaman pindaian uji"


__all__ = ["MAX_SCAN_PAGES", "decode_image", "import_scan", "is_scanned_pdf",
           "pdf_text_pages", "read_scan_pages", "scan_page", "scan_pdf_page", "self_check"]
