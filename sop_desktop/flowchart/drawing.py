"""Project one layout page onto a reportlab Drawing (used for PDF, SVG and PNG alike).

Pure projection: every coordinate comes from the layout; only the y axis is flipped
(the layout grows downwards, reportlab upwards).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sop_desktop.flowchart.layout import Page, Rect, Symbol

if TYPE_CHECKING:  # reportlab itself is imported where a page is drawn (start-up speed)
    from PIL.Image import Image as PILImageType
    from reportlab.graphics import shapes

ARROW_W = 0.8
HEAD_LEN = 4.5
HEAD_HALF = 2.2
CO_LINE_W = 0.7
CO_DASH = (2.0, 1.5)


def arrow_head(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The triangle at the end of a polyline (layout coordinates)."""
    (x0, y0), (x1, y1) = points[-2], points[-1]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    bx, by = x1 - ux * HEAD_LEN, y1 - uy * HEAD_LEN
    return [(x1, y1), (bx - uy * HEAD_HALF, by + ux * HEAD_HALF),
            (bx + uy * HEAD_HALF, by - ux * HEAD_HALF)]


def pentagon(rect: Rect) -> list[tuple[float, float]]:
    """The off-page connector outline: a square whose bottom is a point (layout coordinates)."""
    tip = rect.h * 0.35
    return [(rect.x, rect.y), (rect.right, rect.y), (rect.right, rect.bottom - tip),
            (rect.cx, rect.bottom), (rect.x, rect.bottom - tip)]


def symbol_outline(sym: Symbol) -> list[tuple[float, float]]:
    return sym.vertices()


@lru_cache(maxsize=8)
def _small_image(path: str) -> PILImageType:
    """The logo scaled down to print resolution (about 300 dpi at its size on the page)."""
    from PIL import Image as PILImage

    with PILImage.open(path) as im:
        im.load()
        image = im.convert("RGBA") if im.mode not in ("RGB", "RGBA") else im.copy()
    image.thumbnail((260, 260))
    if image.mode == "RGBA":  # flatten on white: PDF viewers differ on soft masks
        flat = PILImage.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.split()[3])
        image = flat
    return image


def rect_shape(x: float, y: float, w: float, h: float, **style: Any) -> shapes.Rect:
    """A reportlab Rect with its style keywords (fillColor=..., rx=...): reportlab's stubs type
    each keyword as the whole keyword dict, so style is passed on untyped."""
    from reportlab.graphics import shapes  # deferred like page_drawing's (start-up)

    return shapes.Rect(x, y, w, h, **style)


def page_drawing(page: Page, *, y_offset: float = 0.0, drawing: shapes.Drawing | None = None,
                 total_height: float | None = None) -> shapes.Drawing:
    """A Drawing of the page; with `drawing` given, add to it shifted down by `y_offset`."""
    # deferred: reportlab is only needed to draw on paper; the on-screen flowchart imports this
    # module for its arrow geometry before the first window is painted (start-up, issue 19)
    from reportlab.graphics import shapes
    from reportlab.lib import colors

    LINE = colors.black  # noqa: N806 - the module constant it was, made where reportlab is
    height = total_height if total_height is not None else page.height
    d = drawing or shapes.Drawing(page.width, height)

    def Y(y: float) -> float:
        return height - (y + y_offset)

    def flat(points: Iterable[tuple[float, float]]) -> list[float]:
        out: list[float] = []
        for x, y in points:
            out += [x, Y(y)]
        return out

    d.add(rect_shape(0, Y(page.height), page.width, page.height, fillColor=colors.white,
                     strokeColor=None))
    for cell in page.cells:
        r = cell.rect
        if cell.fill or cell.border:
            d.add(rect_shape(r.x, Y(r.bottom), r.w, r.h,
                             fillColor=colors.HexColor(cell.fill) if cell.fill else None,
                             strokeColor=LINE if cell.border else None, strokeWidth=0.5))
        for t in cell.texts:
            d.add(shapes.String(t.x, Y(t.y), t.text, fontName=t.font, fontSize=t.size,
                                fillColor=LINE))
    for image in page.images:
        if os.path.isfile(image.path):
            r = image.rect
            d.add(shapes.Image(r.x, Y(r.bottom), r.w, r.h, _small_image(image.path)))
    for arrow in page.arrows:
        d.add(shapes.PolyLine(flat(arrow.points), strokeColor=LINE, strokeWidth=ARROW_W))
        d.add(shapes.Polygon(flat(arrow_head(arrow.points)), fillColor=LINE, strokeColor=LINE,
                             strokeWidth=0.3))
    for link in page.co_links:  # co-actor lines: dashed, no head, under the symbols they join
        d.add(shapes.PolyLine(flat(link.points), strokeColor=LINE, strokeWidth=CO_LINE_W,
                              strokeDashArray=list(CO_DASH)))
    for sym in page.symbols + page.co_symbols:
        r = sym.rect
        if sym.kind == "terminator":
            d.add(rect_shape(r.x, Y(r.bottom), r.w, r.h, rx=r.h / 2, ry=r.h / 2,
                             fillColor=colors.white, strokeColor=LINE, strokeWidth=0.9))
        else:
            d.add(shapes.Polygon(flat(symbol_outline(sym)), fillColor=colors.white,
                                 strokeColor=LINE, strokeWidth=0.9))
    for arrow in page.arrows:
        if arrow.label_rect and arrow.label_run:
            lr, t = arrow.label_rect, arrow.label_run
            d.add(rect_shape(lr.x, Y(lr.bottom), lr.w, lr.h, fillColor=colors.white,
                             strokeColor=None))
            d.add(shapes.String(t.x, Y(t.y), t.text, fontName=t.font, fontSize=t.size,
                                fillColor=LINE))
    for conn in page.connectors:
        d.add(shapes.Polygon(flat(pentagon(conn.rect)), fillColor=colors.white, strokeColor=LINE,
                             strokeWidth=0.8))
        if conn.label:
            t = conn.label
            d.add(shapes.String(t.x, Y(t.y), t.text, fontName=t.font, fontSize=t.size,
                                fillColor=LINE))
    return d
