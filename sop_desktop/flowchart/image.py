"""The flowchart pages as one image: SVG (reportlab renderSVG) or PNG (pypdfium2, no Qt).

Both stack the flowchart pages of the layout top to bottom (the identity page is left out:
an image is for pasting the diagram into a report or a slide); the pages keep the printed
document's numbers ("Halaman 2 dari 3" when the identity page is page 1).
PNG: reportlab's own bitmap renderer needs rlPyCairo, which must be compiled against cairo on
Linux; instead the same PDF that is printed is rasterised with pypdfium2 (prebuilt wheels) and
the pages are joined with Pillow (already a reportlab dependency).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable
from pathlib import Path

from sop_desktop.domain.model import SopDefinition
from sop_desktop.errors import SopError
from sop_desktop.flowchart.drawing import page_drawing, rect_shape
from sop_desktop.flowchart.layout import SopLayout
from sop_desktop.flowchart.pdf import layout_pdf_bytes, sop_layout, write_atomic

PAGE_GAP = 12.0  # points between stacked pages
FORMATS = ("png", "svg")


def flowchart_svg_bytes(layout: SopLayout) -> bytes:
    """All flowchart pages stacked in one SVG drawing (text kept as text)."""
    from reportlab.graphics import renderSVG, shapes
    from reportlab.lib import colors

    pages = layout.flow_pages
    total = len(pages) * layout.height + (len(pages) - 1) * PAGE_GAP
    drawing = shapes.Drawing(layout.width, total)
    drawing.add(rect_shape(0, 0, layout.width, total, fillColor=colors.HexColor("#d0d0d0"),
                           strokeColor=None))
    for i, page in enumerate(pages):
        page_drawing(page, y_offset=i * (layout.height + PAGE_GAP), drawing=drawing,
                     total_height=total)
    return clean_svg(renderSVG.drawToString(drawing)).encode("utf-8")


# reportlab names the font files; an SVG reader wants the family and its weight or style
_SVG_FAMILIES = {
    "DejaVuSans-BoldOblique": "'DejaVu Sans', sans-serif; font-weight: bold; font-style: oblique",
    "DejaVuSans-Bold": "'DejaVu Sans', sans-serif; font-weight: bold",
    "DejaVuSans-Oblique": "'DejaVu Sans', sans-serif; font-style: oblique",
    "DejaVuSans": "'DejaVu Sans', sans-serif",
}


def clean_svg(text: str) -> str:
    """reportlab's SVG made standard: `fill: none` (Qt's renderer fills an unknown `None` black,
    so every arrow became a wedge) and real font families with a weight instead of file names."""
    text = re.sub(r"fill:\s*None\b", "fill: none", text)

    def family(match: re.Match) -> str:
        name = match.group(1).strip()
        return f"font-family: {_SVG_FAMILIES.get(name, name)}"

    return re.sub(r"font-family:\s*([A-Za-z0-9_-]+)", family, text)


def flowchart_png_bytes(layout: SopLayout, dpi: int = 150) -> bytes:
    """All flowchart pages rasterised at `dpi` and stacked in one PNG."""
    try:
        import pypdfium2
    except ImportError:
        raise SopError("ekspor PNG memerlukan paket pypdfium2 (pasang ulang SOP Desktop); "
                       "gunakan .svg atau ekspor PDF") from None
    from PIL import Image

    pdf = pypdfium2.PdfDocument(layout_pdf_bytes(layout, flowchart_only=True))
    try:
        images = [pdf[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(pdf))]
    finally:
        pdf.close()
    gap = round(PAGE_GAP * dpi / 72)
    width = max(im.width for im in images)
    height = sum(im.height for im in images) + gap * (len(images) - 1)
    sheet = Image.new("RGB", (width, height), (208, 208, 208))
    y = 0
    for im in images:
        sheet.paste(im, (0, y))
        y += im.height + gap
    out = io.BytesIO()
    sheet.save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()


def image_format(path: str | os.PathLike) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise SopError(f"format gambar '{Path(path).suffix or '(tanpa akhiran)'}' tidak didukung: "
                       "gunakan nama berkas berakhiran .png atau .svg")
    return suffix


def write_flowchart_image(defn: SopDefinition, path: str | os.PathLike, paper: str = "A4",
                          landscape: bool = True, dpi: int = 150,
                          warn: Callable[[str], None] | None = None,
                          office: list[str] | None = None) -> Path:
    """Write the flowchart as PNG or SVG (chosen by the file name) atomically."""
    fmt = image_format(path)
    # laid out with the identity page, as printed, so every page says the PDF's "Halaman x dari y"
    layout = sop_layout(defn, paper, landscape, office)
    for message in layout.warnings:
        if warn:
            warn(message)
    data = flowchart_svg_bytes(layout) if fmt == "svg" else flowchart_png_bytes(layout, dpi)
    return write_atomic(path, data)
