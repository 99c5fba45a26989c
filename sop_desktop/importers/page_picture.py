"""Page pictures for the import review screen, from the reading itself.

No renderer of .docx/.xlsx pages ships with the app, so a Word table or an Excel sheet is shown
as its reading: the Word and Excel readers give each table or sheet as a `GridPage` (the cell
grid at the positions the reader computed, the rows read, the flowchart shapes drawn on it)
with each step's row (`ImportResult.origins`), and `add_pictures` writes the cells' text into
the grid, so the review screen treats every drawn document alike. `scan_view` gives a scanned
page's picture straightened as the scan reader saw it (a photo made flat, turned and deskewed,
so the outlines sit on the words) and its words read with low confidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sop_desktop.errors import ImportFailed
from sop_desktop.importers.drawingml import GridCell, GridPage
from sop_desktop.importers.geometry import Page, Word
from sop_desktop.importers.pdf import render_page_png
from sop_desktop.importers.result import ImportResult


@dataclass
class ScanView:
    """A scanned page as the reader saw it: PNG bytes (straightened, in colour) and its words
    below the confidence threshold."""

    png: bytes
    low_words: list[Word]
    threshold: float  # scan.LOW_CONF: words read with less confidence are in low_words


def add_pictures(result: ImportResult) -> ImportResult:
    """Write the cells' text into the grid pages of a Word or Excel reading (the picture the
    review screen draws); the file is not read again, any other page is left as it is."""
    for page in result.pages:
        if isinstance(page, GridPage) and not page.cells:
            page.cells = grid_cells(page)
    return result


def grid_cells(page: GridPage) -> list[GridCell]:
    """The filled cells of a grid page at their positions: row k of `page.lines` between
    page.rows[k] and page.rows[k + 1], column c between page.columns[c] and [c + 1]."""
    xs = page.columns
    cells: list[GridCell] = []
    for line, top, bottom in zip(page.lines, page.rows, page.rows[1:], strict=False):
        for col, text in line.filled():
            if col + 1 < len(xs):
                cells.append(GridCell(xs[col], top, xs[col + 1], bottom, text))
    return cells


def is_scan_page(page: Page) -> bool:
    """A page read by OCR: a picture file, or words read with a confidence (a text layer's
    words all have 1.0)."""
    return page.source.kind == "image" or any(w.conf < 1.0 for w in page.words)


def scan_view(page: Page, long_side: int = 2000) -> ScanView:
    """The scanned page's picture flattened (scan_photo), turned and deskewed exactly as the
    scan reader did
    (in colour, at most `long_side` pixels), and its words below scan.LOW_CONF."""
    # OpenCV and the scan reader are heavy: loaded only when a scanned page is shown
    import cv2
    import numpy as np

    from sop_desktop.importers.scan import LOW_CONF
    from sop_desktop.importers.scan_image import image_frames, turn
    from sop_desktop.importers.scan_photo import flatten

    src = page.source
    if src.kind == "image":
        rgb = image_frames(Path(src.path))[src.index][0]
    else:
        data = np.frombuffer(render_page_png(src.path, src.index, 200 / 72), np.uint8)
        bgr = cv2.imdecode(data, cv2.IMREAD_COLOR)
        if bgr is None:
            raise ImportFailed(f"{Path(src.path).name}: halaman tidak dapat ditampilkan")
        rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
    if getattr(page, "flattened", ""):  # a photo made flat as scan.scan_page did (same result)
        rgb = flatten(rgb, 200.0).rgb
    rgb = turn(rgb, int(getattr(page, "turned", 0)) // 90)
    skew = float(getattr(page, "skew", 0.0))
    h, w = rgb.shape[:2]
    if abs(skew) > 0.05:  # as scan_image.straighten: about the centre, same size, white corners
        m = cv2.getRotationMatrix2D((w / 2, h / 2), skew, 1.0)
        rgb = cv2.warpAffine(rgb, m, (w, h), flags=cv2.INTER_LINEAR,
                             borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 255, 255))
    k = min(1.0, long_side / max(h, w))
    if k < 1.0:
        rgb = cv2.resize(rgb, (int(w * k), int(h * k)), interpolation=cv2.INTER_AREA)
    ok, png = cv2.imencode(".png", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    if not ok:
        raise ImportFailed(f"{Path(src.path).name}: halaman tidak dapat ditampilkan")
    return ScanView(png.tobytes(), [w_ for w_ in page.words if w_.conf < LOW_CONF], LOW_CONF)


__all__ = ["GridCell", "GridPage", "ScanView", "add_pictures",
           "grid_cells", "is_scan_page", "scan_view"]
