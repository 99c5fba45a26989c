"""Format-neutral page model of an SOP document, and the step from drawn pages to SOPs.

Every reader of a *drawn* SOP (PDF with a text layer: importers/pdf.py; Word/Excel drawings;
OCR of scans) produces a list of `Page` objects and calls `import_pages(pages, source)` (in
importers/flowread.py, which builds on this module); the table, lane, kind and branch logic
is shared, so each reader only has to find things.

How a reader fills a Page (all coordinates in PDF points, 1/72 inch, origin at the top-left
corner of the page, y growing downwards; convert pixels with `x * 72 / dpi`):
- `words`: every word with its box (`conf` < 1 for OCR words; 1.0 for a text layer).
- `segments`: every stroked straight piece: table rules (long horizontal/vertical lines, the
  edges of table cells drawn as rectangles) and arrow polylines. A polyline that ends in an
  arrow head has `head=True` (its last point is the tip); dashed lines (co-actor links) have
  `dashed=True`. A reader that only knows loose lines and small filled triangles may call
  `attach_heads(segments, triangles)` to mark them.
- `shapes`: the flowchart symbols with their kind (`terminator`, `process`, `decision`,
  `connector` = off-page pentagon, `unknown`), bounding box and, for connectors, the letter in
  `label`. A reader that has only outlines calls `shape_kind(points, curved)`. Table cells must
  not be given as shapes.
- `arrows`: optional. A reader that knows connectors (DrawingML `stCxn`/`endCxn`) gives them
  with `start_shape`/`end_shape` set to Shape ids; otherwise leave empty and `import_pages`
  derives them from the segments with heads (`link_arrows`). The Ya/Tidak label of an arrow
  is taken from the words next to its first leg when `label` is empty.
- `source`: where the page came from (file, page index, kind) for the review screen, which
  renders it again and outlines `Page.columns`/shapes on it.

`import_pages` turns the pages into the `Line` rows the text importer reads (so the header
spellings, identity fields, waktu, multi-SOP segmentation and continued tables behave exactly
as for text) and then overrides what the drawing tells better: each step's lane and co-lanes
(the lane column(s) its symbol sits in), its kind (symbol shape) and a decision's Ya/Tidak
targets (following the arrows, across off-page connectors with the same letter). Text written
inside a symbol goes into the step's note. What was read from where is kept in
`ImportResult.pages` / `ImportResult.origins` for the review screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

Point = tuple[float, float]
BBox = tuple[float, float, float, float]  # x0, y0 (top), x1, y1 (bottom)

SHAPE_KINDS = ("terminator", "process", "decision", "connector", "unknown")


@dataclass
class Word:
    """One word with its box on the page (points, y down)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    conf: float = 1.0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


def covered(a: Word, b: Word) -> float:
    """The share of a's box that lies inside b's (0 when the boxes do not meet)."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    area = (a.x1 - a.x0) * (a.y1 - a.y0)
    return w * h / area if w > 0 and h > 0 and area > 0 else 0.0


@dataclass
class Segment:
    """A stroked polyline: a table rule (2 points) or an arrow's path (tip last when `head`)."""

    points: list[Point]
    head: bool = False
    dashed: bool = False
    width: float = 1.0

    @property
    def bbox(self) -> BBox:
        key = (len(self.points), self.points[0], self.points[-1])
        cached = self.__dict__.get("_bbox")
        if cached is None or cached[0] != key:
            xs = [p[0] for p in self.points]
            ys = [p[1] for p in self.points]
            cached = (key, (min(xs), min(ys), max(xs), max(ys)))
            self.__dict__["_bbox"] = cached
        return cached[1]

    @property
    def horizontal(self) -> bool:
        x0, y0, x1, y1 = self.bbox
        return len(self.points) == 2 and y1 - y0 <= 0.6 and x1 - x0 > 0.6

    @property
    def vertical(self) -> bool:
        x0, y0, x1, y1 = self.bbox
        return len(self.points) == 2 and x1 - x0 <= 0.6 and y1 - y0 > 0.6


@dataclass
class Shape:
    """A flowchart symbol: its kind, box, the text inside it and (connectors) its letter."""

    kind: str
    bbox: BBox
    text: str = ""
    label: str = ""
    id: str = ""
    conf: float = 1.0

    @property
    def cx(self) -> float:
        return (self.bbox[0] + self.bbox[2]) / 2

    @property
    def cy(self) -> float:
        return (self.bbox[1] + self.bbox[3]) / 2

    def near(self, p: Point, tol: float = 2.5) -> bool:
        x0, y0, x1, y1 = self.bbox
        return x0 - tol <= p[0] <= x1 + tol and y0 - tol <= p[1] <= y1 + tol


@dataclass
class Arrow:
    """A directed edge between two shapes (ids), with its label ("Ya", "Tidak", ...)."""

    points: list[Point]
    start_shape: str | None = None
    end_shape: str | None = None
    label: str = ""


@dataclass
class PageSource:
    """Where a page came from, so the review screen can show it: file, 0-based index, kind."""

    path: str = ""
    index: int = 0
    kind: str = "pdf"  # "pdf", "image", "docx", "xlsx"


@dataclass
class Page:
    """One page of a drawn SOP document, as any reader delivers it (see the module docstring)."""

    width: float
    height: float
    number: int  # 1-based, as printed
    words: list[Word] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    source: PageSource = field(default_factory=PageSource)
    # coloured cell backgrounds (x0, y0, x1, y1): a table whose lanes are marked by filling
    # the lane's cell (a spreadsheet printed to PDF) keeps the fill and nothing else
    fills: list[tuple[float, float, float, float]] = field(default_factory=list)
    # the document's writer marks every break inside a word with a hyphen (this program's own
    # PDFs, domain.wordbreak): a line ending at the cell's margin is then never a word broken
    # without one (importers.linejoin)
    hyphenated_breaks: bool = False
    # filled in by import_pages, for the review screen: x boundaries of the table columns and
    # the lane columns as (x0, x1, lane name)
    columns: list[float] = field(default_factory=list)
    lane_columns: list[tuple[float, float, str]] = field(default_factory=list)


def filled_cells(fills: list[tuple[float, float, float, float]], xs: list[float],
                 columns: list[int], top: float, bottom: float) -> list[int]:
    """Which of `columns` (between boundaries xs[c] and xs[c + 1]) a coloured fill marks in the
    row top..bottom: a fill covering most of the cell and lying inside that one column (a fill
    across the whole row shades the row, it marks no cell)."""
    out = []
    for c in columns:
        x0, x1 = xs[c], xs[c + 1]
        for f0, g0, f1, g1 in fills:
            if f0 < x0 - 2 or f1 > x1 + 2:
                continue
            if min(x1, f1) - max(x0, f0) >= 0.6 * (x1 - x0) and \
                    min(bottom, g1) - max(top, g0) >= 0.6 * (bottom - top):
                out.append(c)
                break
    return out


# ------------------------------------------------------------------ shape recognition


def _dist(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def shape_kind(points: list[Point], curved: bool = False) -> str:
    """The symbol kind of a closed outline (vertices in order; `curved`: it has Bézier parts).

    Rounded ends (curves) = terminator, 4 axis-aligned corners = process, 4 corners at the
    middles of the box sides = decision, 5 corners with one point = off-page connector.
    """
    pts = [p for i, p in enumerate(points) if i == 0 or _dist(p, points[i - 1]) > 0.3]
    if len(pts) > 1 and _dist(pts[0], pts[-1]) <= 0.3:
        pts = pts[:-1]
    if len(pts) < 3:
        return "unknown"
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    w, h = x1 - x0, y1 - y0
    if w < 2 or h < 2:
        return "unknown"
    if curved:
        return "terminator"
    tol = 0.12 * min(w, h) + 0.3

    def on_edge(p: Point) -> tuple[bool, bool]:
        return (abs(p[0] - x0) < tol or abs(p[0] - x1) < tol,
                abs(p[1] - y0) < tol or abs(p[1] - y1) < tol)

    corners = sum(1 for p in pts if all(on_edge(p)))
    if len(pts) == 4 and corners == 4:
        return "process"
    mids = sum(1 for p in pts if (abs(p[0] - (x0 + x1) / 2) < tol and on_edge(p)[1]) or
               (abs(p[1] - (y0 + y1) / 2) < tol and on_edge(p)[0]))
    if len(pts) == 4 and mids == 4:
        return "decision"
    if len(pts) == 5 and corners >= 2 and mids >= 1:
        return "connector"
    if len(pts) >= 8 and corners == 0:
        return "terminator"  # a polygon approximating rounded ends
    return "unknown"


def attach_heads(segments: list[Segment], triangles: list[list[Point]]) -> None:
    """Mark the segments that end at an arrow head (a small filled triangle) and make the
    head's tip their last point."""
    for tri in triangles:
        if len(tri) < 3:
            continue
        base = tri[:3]
        for seg in segments:
            if seg.head or seg.dashed:
                continue
            for end, rev in ((seg.points[-1], False), (seg.points[0], True)):
                tip = _tip_for(base, end)
                if tip is not None:
                    if rev:
                        seg.points.reverse()
                    if _dist(seg.points[-1], tip) > 0.3:
                        seg.points.append(tip)
                    seg.head = True
                    break
            if seg.head and _dist(seg.points[-1], _tip_for(base, seg.points[-1]) or
                                  (1e9, 1e9)) < 0.5:
                break


MAX_WING = 10.0  # longest stroke of an open arrow head


def open_heads(segments: list[Segment]) -> list[list[Point]]:
    """Arrow heads drawn open: two short strokes spreading back from one point (the tip), as
    two lines or one three-point polyline, where a longer stroke ends at that point and runs
    back between them. Each becomes a triangle (tip, wing, wing) for attach_heads; its strokes
    leave `segments`."""
    folded = _fold_ends(segments)
    short = [s for s in segments if not s.dashed and 2 <= len(s.points) <= 3 and
             max(_dist(a, b) for a, b in zip(s.points, s.points[1:], strict=False)) <= MAX_WING]
    if not short:
        return []
    vees: list[tuple[Point, Point, Point, list[Segment]]] = []
    by_end: dict[tuple[int, int], list[tuple[Point, Point, Segment]]] = {}
    for seg in short:
        if len(seg.points) == 3:
            vees.append((seg.points[1], seg.points[0], seg.points[2], [seg]))
            continue
        for tip, wing in ((seg.points[0], seg.points[1]), (seg.points[1], seg.points[0])):
            by_end.setdefault((round(tip[0]), round(tip[1])), []).append((tip, wing, seg))
    for (gx, gy), ends in by_end.items():  # pairs of strokes from one point (3x3 cells around)
        near = [e for dx in (-1, 0, 1) for dy in (-1, 0, 1) for e in by_end.get((gx + dx, gy + dy), ())]
        for tip, a, sa in ends:
            for tip2, b, sb in near:
                if id(sa) < id(sb) and _dist(tip, tip2) < 0.6:
                    vees.append((tip, a, b, [sa, sb]))
    wings = {id(s) for s in short}
    shafts = [s for s in segments if id(s) not in wings and not s.dashed]
    out: list[list[Point]] = []
    used: set[int] = set()
    for tip, a, b, strokes in vees:
        if any(id(s) in used for s in strokes) or not _is_vee(tip, a, b, shafts):
            continue
        used.update(id(s) for s in strokes)
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)  # base narrowed: the apex is the tip
        out.append([tip] + [(mid[0] + 0.3 * (q[0] - mid[0]), mid[1] + 0.3 * (q[1] - mid[1]))
                            for q in (a, b)])
    for shaft, cut, at_end in folded:  # a folded end that made no head is put back
        if id(cut) not in used:
            if at_end:
                shaft.points.append(cut.points[1])
            else:
                shaft.points.insert(0, cut.points[1])
    put_back = {id(cut) for _, cut, _ in folded if id(cut) not in used}
    segments[:] = [s for s in segments if id(s) not in used and id(s) not in put_back]
    return out


def _fold_ends(segments: list[Segment]) -> list[tuple[Segment, Segment, bool]]:
    """A head's first wing drawn in the shaft's own path (the pen runs on from the tip back
    along a short stroke): that stroke is cut off as its own segment, to be paired with the
    other wing by open_heads. Returns (shaft, wing, at the shaft's end) for each cut."""
    out = []
    for seg in list(segments):
        if seg.dashed or len(seg.points) < 3:
            continue
        for at_end in (True, False):
            pts = seg.points
            a, b, c = (pts[-3], pts[-2], pts[-1]) if at_end else (pts[2], pts[1], pts[0])
            back = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1])
            if 0.5 < _dist(b, c) <= MAX_WING and _dist(a, b) > _dist(b, c) and back < 0:
                wing = Segment([b, c], width=seg.width)
                if at_end:
                    seg.points.pop()
                else:
                    seg.points.pop(0)
                segments.append(wing)
                out.append((seg, wing, at_end))
                break
    return out


def _is_vee(tip: Point, a: Point, b: Point, shafts: list[Segment]) -> bool:
    """Wings of like length at an angle a head has, and a shaft ending at the tip that runs
    back between them."""
    la, lb = _dist(tip, a), _dist(tip, b)
    if min(la, lb) < 1.5 or max(la, lb) > 1.6 * min(la, lb):
        return False
    cos = ((a[0] - tip[0]) * (b[0] - tip[0]) + (a[1] - tip[1]) * (b[1] - tip[1])) / (la * lb)
    if not -0.5 < cos < 0.95:  # between about 18 and 120 degrees
        return False
    mid = ((a[0] + b[0]) / 2 - tip[0], (a[1] + b[1]) / 2 - tip[1])
    norm = math.hypot(*mid) or 1.0
    for shaft in shafts:
        for end, prev in ((shaft.points[-1], shaft.points[-2]), (shaft.points[0], shaft.points[1])):
            back = (prev[0] - end[0], prev[1] - end[1])
            length = math.hypot(*back)
            if _dist(end, tip) < 0.8 and length > 0 and \
                    (back[0] * mid[0] + back[1] * mid[1]) / (length * norm) > 0.9:
                return True
    return False


def _tip_for(tri: list[Point], end: Point) -> Point | None:
    """The triangle's tip when `end` touches the triangle (at its tip or its base)."""
    size = max(_dist(tri[0], tri[1]), _dist(tri[1], tri[2]), _dist(tri[0], tri[2]))
    if size > 14 or min(_dist(p, end) for p in tri) > size + 0.8:
        return None
    cx = sum(p[0] for p in tri) / 3
    cy = sum(p[1] for p in tri) / 3
    if _dist((cx, cy), end) > size:
        return None
    # the tip: the vertex farthest from the other two's midpoint, i.e. the apex
    best, score = None, -1.0
    for i, p in enumerate(tri):
        a, b = tri[(i + 1) % 3], tri[(i + 2) % 3]
        s = _dist(p, ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2))
        if s > score:
            best, score = p, s
    return best


def link_arrows(page: Page) -> None:
    """Build `page.arrows` from the segments that end in a head: connected pieces are chained
    back from the tip to where the path leaves a shape."""
    if page.arrows:
        return
    loose = [s for s in page.segments if not s.dashed and len(s.points) >= 2
             and _short_of_page(s, page)]
    for seg in page.segments:
        if not seg.head:
            continue
        points = list(seg.points)
        used = {id(seg)}
        while not _touching_shape(points[0], page, exclude_tip=points[-1]):
            nxt = _extend(points[0], loose, used)
            if nxt is None:
                break
            points = nxt + points[1:]
        start = _touching_shape(points[0], page, exclude_tip=points[-1])
        end = _touching_shape(points[-1], page)
        page.arrows.append(Arrow(points, start.id if start else None, end.id if end else None))


def _short_of_page(seg: Segment, page: Page) -> bool:
    x0, y0, x1, y1 = seg.bbox
    return (x1 - x0) < 0.6 * page.width and (y1 - y0) < 0.6 * page.height


def _extend(p: Point, loose: list[Segment], used: set[int]) -> list[Point] | None:
    for seg in loose:
        if id(seg) in used or seg.head:
            continue
        if _dist(seg.points[-1], p) < 0.8:
            used.add(id(seg))
            return list(seg.points)
        if _dist(seg.points[0], p) < 0.8:
            used.add(id(seg))
            return list(reversed(seg.points))
    return None


def _touching_shape(p: Point, page: Page, exclude_tip: Point | None = None) -> Shape | None:
    best, score = None, 1e9
    for shape in page.shapes:
        if shape.near(p, 3.0):
            if exclude_tip is not None and shape.near(exclude_tip, 1.0) and not \
                    shape.near(p, 0.5):
                continue
            d = _dist(p, (shape.cx, shape.cy))
            if d < score:
                best, score = shape, d
    return best


__all__ = ["Arrow", "Page", "PageSource", "Segment", "Shape", "Word", "attach_heads",
           "link_arrows", "open_heads", "shape_kind"]
