"""The plain data of a laid-out SOP document: rectangles, text runs, cells, symbols, arrows, pages.

Points (1/72 inch), origin at the top-left corner of each page, y growing downwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sop_desktop.domain.model import Step

CM = 72 / 2.54
PAPERS = {"A4": (21.0 * CM, 29.7 * CM), "F4": (21.5 * CM, 33.0 * CM)}

MARGIN = 1.0 * CM
FOOTER_H = 14.0
PAD = 3.0  # text padding inside a cell
BODY_SIZE = 7.0
HEAD_SIZE = 7.0
LANE_SIZE = 6.5
LABEL_SIZE = 6.0
LEADING = 1.22
HEADER_FILL = "#e6e6e6"

SYM_PAD = 10.0  # free space above and below a symbol inside its row (arrows and labels)
PROCESS_H = 18.0
TERMINATOR_H = 16.0
DECISION_H = 28.0
CONN = 12.0  # off-page connector width and height
ROOM = CONN + 8.0  # extra row space that holds off-page connectors at a page break
CHANNEL_SP = 14.0  # distance between two channels (room for a connector on each)
STRIP_PAD = 4.0
STRIP_LEFT = 12.0  # before the first channel: room for a Tidak label leaving the last lane
ENTRY_GAP = 6.0  # vertical distance between two arrows entering one symbol from the side
MIN_GAP = 6.0  # closest two parallel arrows may run beside each other (readable on paper)

SYMBOL_KINDS = ("terminator", "process", "decision")
YA, TIDAK = "Ya", "Tidak"


# --------------------------------------------------------------------------- data


@dataclass
class Rect:
    """An axis-aligned rectangle (x, y = top-left corner)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def intersects(self, other: Rect, tol: float = 0.01) -> bool:
        """True when the interiors overlap (touching edges do not count)."""
        return (self.x + tol < other.right and other.x + tol < self.right and
                self.y + tol < other.bottom and other.y + tol < self.bottom)

    def contains(self, other: Rect, tol: float = 0.01) -> bool:
        return (other.x >= self.x - tol and other.y >= self.y - tol and
                other.right <= self.right + tol and other.bottom <= self.bottom + tol)


@dataclass
class TextRun:
    """One line of text: `x` is where it starts, `y` its baseline."""

    x: float
    y: float
    text: str
    font: str
    size: float


@dataclass
class Cell:
    """A table cell or a free text block; `role` says what it holds (e.g. "kegiatan", "lane")."""

    rect: Rect
    texts: list[TextRun] = field(default_factory=list)
    role: str = ""
    fill: str | None = None
    border: bool = True
    step: int | None = None

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.texts)


@dataclass
class Symbol:
    """A flowchart symbol for one step: kind is terminator, process or decision."""

    kind: str
    rect: Rect
    step: int
    lane: str
    lane_index: int
    page: int
    co: bool = False  # a co-actor's copy of the step's symbol (see CoLink)

    def vertices(self) -> list[tuple[float, float]]:
        """The outline as a polygon (diamond corners; rectangle corners for the others)."""
        r = self.rect
        if self.kind == "decision":
            return [(r.cx, r.y), (r.right, r.cy), (r.cx, r.bottom), (r.x, r.cy)]
        return [(r.x, r.y), (r.right, r.y), (r.right, r.bottom), (r.x, r.bottom)]


@dataclass
class Connector:
    """An off-page connector (pentagon pointing down) carrying a letter; `direction` out|in."""

    letter: str
    rect: Rect
    page: int
    direction: str
    from_step: int
    to_step: int
    label: TextRun | None = None


@dataclass
class Arrow:
    """An orthogonal arrow: polyline `points`, arrowhead at the last point.

    `start` / `end` say what the ends touch: ("step", n) or ("connector", letter).
    """

    points: list[tuple[float, float]]
    from_step: int
    to_step: int
    page: int
    label: str = ""
    label_rect: Rect | None = None
    label_run: TextRun | None = None
    start: tuple = ()
    end: tuple = ()

    def segments(self) -> list[tuple[tuple[float, float], tuple[float, float]]]:
        return list(zip(self.points, self.points[1:], strict=False))


@dataclass
class CoLink:
    """A dashed line without arrowhead joining a step's symbol to its co-actor copy (same row)."""

    step: int
    points: list[tuple[float, float]]
    page: int


@dataclass
class Image:
    """A picture (the office logo) to draw inside `rect`, keeping its aspect ratio."""

    rect: Rect
    path: str


@dataclass
class Page:
    """One printed page: identity or flowchart; `number` counts from 1."""

    number: int
    kind: str
    width: float
    height: float
    cells: list[Cell] = field(default_factory=list)
    symbols: list[Symbol] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    co_symbols: list[Symbol] = field(default_factory=list)  # co-actor copies, never in `symbols`
    co_links: list[CoLink] = field(default_factory=list)
    rows: dict[int, Rect] = field(default_factory=dict)  # step number -> its row's rectangle
    table: Rect | None = None  # flowchart table (header + rows) on this page


@dataclass
class SopLayout:
    """The whole document: pages in print order plus lookups by step."""

    code: str
    name: str
    paper: str
    landscape: bool
    width: float
    height: float
    pages: list[Page]
    lanes: list[str]
    steps: dict[int, Step]
    warnings: list[str] = field(default_factory=list)  # what was changed to print (long words cut)

    @property
    def flow_pages(self) -> list[Page]:
        return [p for p in self.pages if p.kind == "flowchart"]

    def symbol(self, step: int) -> Symbol:
        for page in self.pages:
            for sym in page.symbols:
                if sym.step == step:
                    return sym
        raise KeyError(step)

    def symbols(self) -> list[Symbol]:
        return [s for p in self.pages for s in p.symbols]

    def arrows(self) -> list[Arrow]:
        return [a for p in self.pages for a in p.arrows]

    def co_symbols(self, step: int | None = None) -> list[Symbol]:
        return [s for p in self.pages for s in p.co_symbols if step is None or s.step == step]

    def connectors(self) -> list[Connector]:
        return [c for p in self.pages for c in p.connectors]

