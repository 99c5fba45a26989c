"""The geometry of a whole SOP document (identity page + swimlane flowchart pages), computed once.

The layout is plain data in points (1/72 inch) with the origin at the top-left corner of each
page and y growing downwards (geometry.py). Renderers (Qt scene, PDF, SVG/PNG) only project it:
every rectangle, text line, symbol, arrow and off-page connector is decided here. Text is
measured with reportlab's metrics of the shipped DejaVu fonts, never with Qt (text.py).

Modules: geometry.py (the data), text.py (measuring and wrapping), identity.py (the identity
page), flow.py (columns, header, rows, page breaks, symbols), routing.py (arrows and off-page
connectors); this module puts the document together and numbers its pages. The names other
modules import from here (Page, SopLayout, Symbol, TextRun, Rect, wrap, text_width, ...) stay
importable from here.

Routing rules (Permenpan RB 35/2012 flowchart, vertical flow):
- one row per step, its symbol centred in its lane's cell;
- the flow to the next row leaves the bottom of a symbol, runs down to the row's bottom padding,
  across, and down into the top of the next symbol;
- every other edge (back edges, skips, a Tidak that cannot drop straight into the next row)
  runs in its own channel, a vertical track in the lane area right of the last lane's symbols
  (the last lane's cells are wider by the channels' room: no column of its own), and enters its
  target from the right;
- an edge whose two ends are on different pages becomes two off-page connectors with one letter.

Co-actors (Step.co_lanes, e.g. "Pejabat berwenang beserta petugas YANKOMAS"): one symbol only,
in the acting lane; a dashed line without arrowhead runs from it across to the farthest co-actor
lane at the symbol's mid-height, with a short dashed tick at the centre of each co-actor's
column (Page.co_links). Arrows never run along it.
"""

from __future__ import annotations

from sop_desktop.domain.model import SopDefinition
from sop_desktop.errors import ValidationError
from sop_desktop.flowchart.flow import _FlowLayout
from sop_desktop.flowchart.geometry import (
    BODY_SIZE,
    CM,
    CONN,
    FOOTER_H,
    HEAD_SIZE,
    LABEL_SIZE,
    LANE_SIZE,
    MARGIN,
    PAD,
    PAPERS,
    ROOM,
    TIDAK,
    YA,
    Arrow,
    Cell,
    CoLink,
    Connector,
    Image,
    Page,
    Rect,
    SopLayout,
    Symbol,
    TextRun,
)
from sop_desktop.flowchart.identity import _identity_page, office_hierarchy, print_date
from sop_desktop.flowchart.notes import banner_cell, incomplete_note, tame_long_words
from sop_desktop.flowchart.text import _pieces_of, _runs, ascent, fit_size, text_width, wrap
from sop_desktop.output.fonts import SANS, register_fonts
from sop_desktop.paths import resources_dir

__all__ = ["BODY_SIZE", "CM", "CONN", "FOOTER_H", "HEAD_SIZE", "LABEL_SIZE", "LANE_SIZE", "MARGIN",
           "PAD", "PAPERS", "ROOM", "TIDAK", "YA", "Arrow", "Cell", "CoLink", "Connector", "Image",
           "Page", "Rect", "SopLayout", "Symbol", "TextRun", "_FlowLayout", "_pieces_of", "ascent",
           "fit_size", "layout_sop", "office_hierarchy", "paper_size", "print_date", "text_width",
           "wrap"]

# --------------------------------------------------------------------------- document


def paper_size(paper: str = "A4", landscape: bool = True) -> tuple[float, float]:
    key = (paper or "A4").upper()
    if key not in PAPERS:
        raise ValidationError(f"ukuran kertas '{paper}' tidak dikenal (pilih A4 atau F4)")
    w, h = PAPERS[key]
    return (h, w) if landscape else (w, h)


def default_logo() -> str | None:
    path = resources_dir() / "logo" / "logo-default.png"
    return str(path) if path.is_file() else None


def layout_sop(defn: SopDefinition, paper: str = "A4", landscape: bool = True, *,
               identity: bool = True, logo: str | None = None,
               office: list[str] | None = None) -> SopLayout:
    """The complete document geometry of an SOP: identity page (optional) and flowchart pages.

    `office`: the office hierarchy (kementerian, kantor, unit) the identity page prints when the
    SOP's own is empty (see identity.office_hierarchy). Words too long to print are cut first
    (notes.tame_long_words); what was cut is in the layout's `warnings`.
    """
    register_fonts()
    width, height = paper_size(paper, landscape)
    defn, warnings = tame_long_words(defn)
    note = incomplete_note(defn)
    pages: list[Page] = []
    if identity:
        top = MARGIN
        banner = None
        if note:
            banner, h = banner_cell(note, MARGIN, width)
            top += h
        page = _identity_page(defn, width, height, logo or default_logo(), top=top, office=office)
        if banner:
            page.cells.insert(0, banner)
        pages.append(page)
    pages.extend(_FlowLayout(defn, width, height, first_number=len(pages) + 1, note=note).pages())
    total = len(pages)
    for page in pages:
        page.cells.append(_footer(page, total, defn, width, height))
    return SopLayout(defn.code, defn.name, paper.upper(), landscape, width, height, pages,
                     defn.lane_names, {s.number: s for s in defn.steps}, warnings=warnings)


def _footer(page: Page, total: int, defn: SopDefinition, width: float, height: float) -> Cell:
    rect = Rect(MARGIN, height - MARGIN + 2, width - 2 * MARGIN, FOOTER_H - 2)
    text = f"Halaman {page.number} dari {total}"
    runs = _runs([text], rect, SANS, 6.5, align="right")
    left = " ".join(f"{defn.identity.nomor or ''}  {defn.name}".split())
    if left:
        avail = rect.w - text_width(text, SANS, 6.5) - 30
        line = wrap(left, SANS, 6.5, avail)[:1]
        runs += _runs(line, rect, SANS, 6.5)
    return Cell(rect, runs, "footer", border=False)


