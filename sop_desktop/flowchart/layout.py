"""The geometry of a whole SOP document (identity page + swimlane flowchart pages), computed once.

The layout is plain data in points (1/72 inch) with the origin at the top-left corner of each
page and y growing downwards. Renderers (Qt scene, PDF, SVG/PNG) only project it: every
rectangle, text line, symbol, arrow and off-page connector is decided here. Text is measured
with reportlab's metrics of the shipped DejaVu fonts, never with Qt.

Routing rules (Permenpan RB 35/2012 flowchart, vertical flow):
- one row per step, its symbol centred in its lane's cell;
- the flow to the next row leaves the bottom of a symbol, runs down to the row's bottom padding,
  across, and down into the top of the next symbol;
- every other edge (back edges, skips, a Tidak that cannot drop straight into the next row)
  runs in its own channel, a vertical track in a strip right of the lanes, and enters its
  target from the right;
- an edge whose two ends are on different pages becomes two off-page connectors with one letter.

Co-actors (Step.co_lanes, e.g. "Pejabat berwenang beserta petugas YANKOMAS"): as on hand-drawn
SOP AP charts, the step's symbol is repeated, same kind and size, centred in each co-actor lane's
cell of the same row, and the copies are joined to it by a dashed line without arrowhead at the
symbols' mid-height (Page.co_symbols, Page.co_links). The step still has exactly one symbol in
`Page.symbols` (its own lane): arrows enter it from the top and leave it from the bottom. A side
exit (Tidak) or a side entry from a channel uses the outermost symbol of the group, and a Tidak
drops straight into the next row only when that row's lane lies outside the group, so no arrow
ever crosses a copy. The row holds nothing else at that height, so the dashed line crosses only
empty lane cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sop_desktop.fonts import SANS, SANS_BOLD, register_fonts
from sop_desktop.model import IDENTITY_LABELS, SopDefinition, Step
from sop_desktop.paths import resources_dir

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
DECISION_H = 24.0
CONN = 12.0  # off-page connector width and height
ROOM = CONN + 8.0  # extra row space that holds off-page connectors at a page break
CHANNEL_SP = 14.0  # distance between two channels (room for a connector on each)
STRIP_PAD = 4.0
STRIP_LEFT = 12.0  # before the first channel: room for a Tidak label leaving the last lane
ENTRY_GAP = 5.0  # vertical distance between two arrows entering one symbol from the side

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

    def intersects(self, other: "Rect", tol: float = 0.01) -> bool:
        """True when the interiors overlap (touching edges do not count)."""
        return (self.x + tol < other.right and other.x + tol < self.right and
                self.y + tol < other.bottom and other.y + tol < self.bottom)

    def contains(self, other: "Rect", tol: float = 0.01) -> bool:
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
        return list(zip(self.points, self.points[1:]))


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


# --------------------------------------------------------------------------- text


@lru_cache(maxsize=20000)
def text_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    return stringWidth(text, font, size)


@lru_cache(maxsize=64)
def ascent(font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import getAscentDescent

    register_fonts()
    return getAscentDescent(font, size)[0]


def _pieces(word: str) -> list[str]:
    """A word split after "/" and "-" ("Tinggal/Status" -> "Tinggal/", "Status")."""
    return [p for p in re.split(r"(?<=[/-])", word) if p]


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Split text into lines no wider than `width`.

    A word too long for a line breaks after a "/" or "-", and only then between letters.
    """
    lines: list[str] = []
    for para in str(text or "").split("\n"):
        words = para.split()
        if not words:
            continue
        current = ""
        for word in words:
            trial = f"{current} {word}" if current else word
            if text_width(trial, font, size) <= width:
                current = trial
                continue
            if current:
                lines.append(current)
            current = ""
            if text_width(word, font, size) <= width:
                current = word
                continue
            for piece in _pieces(word):
                trial = current + piece
                if text_width(trial, font, size) <= width:
                    current = trial
                    continue
                if current:
                    lines.append(current)
                while text_width(piece, font, size) > width and len(piece) > 1:
                    cut = len(piece) - 1
                    while cut > 1 and text_width(piece[:cut], font, size) > width:
                        cut -= 1
                    lines.append(piece[:cut])
                    piece = piece[cut:]
                current = piece
        if current:
            lines.append(current)
    return lines


SHORT_HEADERS = {"KETERANGAN": "KET."}  # the usual abbreviation on cramped printed SOP tables


def short_header(text: str, width: float) -> str:
    """A column header, abbreviated when it does not fit `width` even at the smallest size."""
    if text in SHORT_HEADERS and text_width(text, SANS_BOLD, 4.5) > width:
        return SHORT_HEADERS[text]
    return text


def _pieces_of(text: str) -> list[str]:
    """Every unbreakable piece of a text (words split after "/" and "-")."""
    return [p for w in str(text or "").split() for p in _pieces(w)] or [""]


def fit_size(text: str, font: str, size: float, width: float, smallest: float = 4.5) -> float:
    """The largest size (at most `size`) at which the longest word of `text` fits in `width`."""
    words = [p for w in str(text or "").split() for p in _pieces(w)] or [""]
    while size > smallest and max(text_width(w, font, size) for w in words) > width:
        size -= 0.25
    return size


def _runs(lines: list[str], rect: Rect, font: str, size: float, align: str = "left",
          valign: str = "top", indent: float = 0.0) -> list[TextRun]:
    """Place wrapped lines in a cell; `indent` shifts every line after the first (hanging)."""
    lead = size * LEADING
    block = len(lines) * lead
    if valign == "middle":
        top = rect.y + max(PAD, (rect.h - block) / 2)
    else:
        top = rect.y + PAD
    out = []
    for i, line in enumerate(lines):
        base = top + ascent(font, size) + i * lead
        width = text_width(line, font, size)
        if align == "center":
            x = rect.cx - width / 2
        elif align == "right":
            x = rect.right - PAD - width
        else:
            x = rect.x + PAD + (indent if i else 0.0)
        out.append(TextRun(x, base, line, font, size))
    return out


def _text_height(n_lines: int, size: float) -> float:
    return n_lines * size * LEADING + 2 * PAD


def _cell(rect: Rect, text: str, font: str = SANS, size: float = BODY_SIZE, *, align="left",
          valign="top", role="", fill=None, border=True, step=None) -> Cell:
    lines = wrap(text, font, size, rect.w - 2 * PAD)
    room = max(1, int((rect.h - 2 * PAD) / (size * LEADING) + 1e-6))
    if len(lines) > room:  # only for a text longer than a whole page: cut, and say so
        last = lines[room - 1]
        while last and text_width(last + " …", font, size) > rect.w - 2 * PAD:
            last = last[:-1]
        lines = lines[:room - 1] + [last.rstrip() + " …"]
    return Cell(rect, _runs(lines, rect, font, size, align, valign), role, fill, border, step)


def _numbered(items: list[str], width: float, size: float) -> list[tuple[str, float]]:
    """A numbered list wrapped to width: (line, indent) pairs; "-" when the list is empty."""
    items = [" ".join(str(i).split()) for i in items if str(i).strip()]
    if not items:
        return [("-", 0.0)]
    out = []
    for n, item in enumerate(items, 1):
        num = f"{n}. " if len(items) > 1 else ""
        indent = text_width(num, SANS, size)
        lines = wrap(item, SANS, size, width - 2 * PAD - indent)
        for i, line in enumerate(lines):
            out.append(((num if i == 0 else "") + line, 0.0 if i == 0 else indent))
    return out


def _list_cell(rect: Rect, pairs: list[tuple[str, float]], size: float, role: str) -> Cell:
    lead = size * LEADING
    runs = []
    for i, (line, indent) in enumerate(pairs):
        runs.append(TextRun(rect.x + PAD + indent, rect.y + PAD + ascent(SANS, size) + i * lead,
                            line, SANS, size))
    return Cell(rect, runs, role)


# --------------------------------------------------------------------------- document


def paper_size(paper: str = "A4", landscape: bool = True) -> tuple[float, float]:
    key = (paper or "A4").upper()
    if key not in PAPERS:
        from sop_desktop.errors import ValidationError

        raise ValidationError(f"ukuran kertas '{paper}' tidak dikenal (pilih A4 atau F4)")
    w, h = PAPERS[key]
    return (h, w) if landscape else (w, h)


def default_logo() -> str | None:
    path = resources_dir() / "logo" / "logo-default.png"
    return str(path) if path.is_file() else None


def layout_sop(defn: SopDefinition, paper: str = "A4", landscape: bool = True, *,
               identity: bool = True, logo: str | None = None) -> SopLayout:
    """The complete document geometry of an SOP: identity page (optional) and flowchart pages."""
    register_fonts()
    width, height = paper_size(paper, landscape)
    pages: list[Page] = []
    if identity:
        pages.append(_identity_page(defn, width, height, logo or default_logo()))
    pages.extend(_FlowLayout(defn, width, height, first_number=len(pages) + 1).pages())
    total = len(pages)
    for page in pages:
        page.cells.append(_footer(page, total, defn, width, height))
    return SopLayout(defn.code, defn.name, paper.upper(), landscape, width, height, pages,
                     defn.lane_names, {s.number: s for s in defn.steps})


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


# --------------------------------------------------------------------------- identity page


def _identity_page(defn: SopDefinition, width: float, height: float, logo: str | None) -> Page:
    """The identity page; the font shrinks until everything fits on one page."""
    size = 8.0
    while True:
        page = _identity_at(defn, width, height, logo, size)
        bottom = max(c.rect.bottom for c in page.cells)
        if bottom <= height - MARGIN - 4 or size <= 5.0:
            return page
        size -= 0.5


def _identity_at(defn: SopDefinition, width: float, height: float, logo: str | None,
                 size: float) -> Page:
    ident = defn.identity
    page = Page(1, "identity", width, height)
    x0, y0 = MARGIN, MARGIN
    total_w = width - 2 * MARGIN
    left_w = round(total_w * 0.42, 2)
    label_w = max(text_width(IDENTITY_LABELS["disahkan_oleh"], SANS_BOLD, size) + 2 * PAD + 4, 96)
    value_w = total_w - left_w - label_w
    rx = x0 + left_w

    # right block: label / value rows
    def value_lines(text: str, bold=False) -> list[str]:
        return wrap(text or "-", SANS_BOLD if bold else SANS, size, value_w - 2 * PAD) or ["-"]

    signer = []
    if ident.disahkan_jabatan:
        signer += [(ln, SANS_BOLD) for ln in value_lines(ident.disahkan_jabatan, True)]
    signer.append(("", SANS))
    signer.append(("", SANS))
    signer += [(ln, SANS_BOLD) for ln in value_lines(ident.disahkan_nama or "-", True)]
    if ident.disahkan_nip:
        signer += [(ln, SANS) for ln in value_lines(f"NIP. {ident.disahkan_nip}")]
    rows = [
        ("nomor", [(ln, SANS) for ln in value_lines(ident.nomor)]),
        ("tanggal_pembuatan", [(ln, SANS) for ln in value_lines(ident.tanggal_pembuatan)]),
        ("tanggal_revisi", [(ln, SANS) for ln in value_lines(ident.tanggal_revisi)]),
        ("tanggal_efektif", [(ln, SANS) for ln in value_lines(ident.tanggal_efektif)]),
        ("disahkan_oleh", signer),
        ("nama", [(ln, SANS_BOLD) for ln in value_lines(defn.name.upper(), True)]),
    ]
    lead = size * LEADING
    y = y0
    for key, lines in rows:
        h = _text_height(len(lines), size)
        label = Rect(rx, y, label_w, h)
        page.cells.append(_cell(label, IDENTITY_LABELS[key], SANS_BOLD, size, role=f"label:{key}"))
        value = Rect(rx + label_w, y, value_w, h)
        runs = []
        for i, (line, font) in enumerate(lines):
            if line:
                center = key == "disahkan_oleh"
                lw = text_width(line, font, size)
                x = value.cx - lw / 2 if center else value.x + PAD
                runs.append(TextRun(x, y + PAD + ascent(font, size) + i * lead, line, font, size))
        page.cells.append(Cell(value, runs, f"value:{key}"))
        y += h
    right_bottom = y

    # left block: logo above the office hierarchy
    hierarchy = [h for h in ident.hierarchy if str(h).strip()]
    logo_h = 62.0
    hier_lines = []
    for item in hierarchy:
        hier_lines += wrap(str(item).upper(), SANS_BOLD, size + 0.5, left_w - 4 * PAD)
    block_h = max(right_bottom - y0,
                  logo_h + 12 + _text_height(len(hier_lines), size + 0.5) + 6)
    left = Rect(x0, y0, left_w, block_h)
    if logo:
        page.images.append(Image(Rect(left.cx - logo_h / 2, y0 + 8, logo_h, logo_h), logo))
    text_rect = Rect(x0, y0 + logo_h + 12, left_w, block_h - logo_h - 12)
    page.cells.append(Cell(left, _runs(hier_lines, text_rect, SANS_BOLD, size + 0.5, "center"),
                           "hierarchy"))
    if block_h > right_bottom - y0:  # stretch the NAMA SOP row to the left block's height
        last = page.cells[-2]
        extra = block_h - (right_bottom - y0)
        last.rect.h += extra
        page.cells[-3].rect.h += extra
    y = y0 + block_h

    # lower block: three pairs of numbered lists
    half = total_w / 2
    pairs = (("dasar_hukum", "kualifikasi_pelaksana"), ("keterkaitan", "peralatan_perlengkapan"),
             ("peringatan", "pencatatan_pendataan"))
    for a, b in pairs:
        h = _text_height(1, size)
        for i, key in enumerate((a, b)):
            rect = Rect(x0 + i * half, y, half, h)
            page.cells.append(_cell(rect, IDENTITY_LABELS[key] + ":", SANS_BOLD, size,
                                    role=f"label:{key}", fill=HEADER_FILL))
        y += h
        lists = [_numbered(getattr(ident, key), half, size) for key in (a, b)]
        h = _text_height(max(len(x) for x in lists), size)
        for i, key in enumerate((a, b)):
            page.cells.append(_list_cell(Rect(x0 + i * half, y, half, h), lists[i], size,
                                         f"value:{key}"))
        y += h
    return page


# --------------------------------------------------------------------------- flowchart


@dataclass
class _Edge:
    src: int  # row index
    dst: int
    label: str
    channel: int | None = None
    kind: str = ""  # straight | drop | channel


def _letters(i: int) -> str:
    """A, B, ..., Z, AA, AB, ... for connector pairs."""
    out = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        out = chr(65 + rem) + out
    return out


class _FlowLayout:
    """Computes the flowchart pages: columns, header, rows, page breaks, symbols, arrows."""

    def __init__(self, defn: SopDefinition, width: float, height: float, first_number: int):
        self.defn = defn
        self.width, self.height = width, height
        self.first_number = first_number
        self.steps = list(defn.steps)
        self.index = {s.number: i for i, s in enumerate(self.steps)}
        self.lanes = defn.lane_names or ["Pelaksana"]
        self.edges = self._edges()
        self.channels = self._assign_channels()
        self._columns()

    # ---- graph

    def _edges(self) -> list[_Edge]:
        edges = []
        for i, step in enumerate(self.steps):
            if step.kind == "decision":
                targets = [(step.yes, YA), (step.no, TIDAK)]
            else:
                targets = [(n, "") for n in self.defn.successors(step)]
            for number, label in targets:
                if number is None or number not in self.index or self.index[number] == i:
                    continue
                edges.append(_Edge(i, self.index[number], label))
        return edges

    def _assign_channels(self) -> int:
        """Give every edge that may need a channel its own track where their spans overlap."""
        tracks: list[list[tuple[int, int]]] = []
        for edge in sorted(self.edges, key=lambda e: (min(e.src, e.dst), max(e.src, e.dst))):
            straight = edge.dst == edge.src + 1 and edge.label != TIDAK
            if straight:
                continue
            span = (min(edge.src, edge.dst), max(edge.src, edge.dst))
            for k, used in enumerate(tracks):
                if all(span[1] < a or span[0] > b for a, b in used):
                    used.append(span)
                    edge.channel = k
                    break
            else:
                tracks.append([span])
                edge.channel = len(tracks) - 1
        return len(tracks)

    def _lane_index(self, step: Step) -> int:
        try:
            return self.lanes.index(step.lane)
        except ValueError:
            return 0

    # ---- columns and header

    def _columns(self) -> None:
        usable = self.width - 2 * MARGIN
        n = len(self.lanes)
        self.strip_w = (self.channels * CHANNEL_SP + STRIP_LEFT + STRIP_PAD
                        if self.channels else 0.0)
        widths = {"no": 22.0, "kegiatan": 170.0, "kelengkapan": 88.0, "waktu": 46.0,
                  "output": 78.0, "keterangan": 70.0}
        minimum = {"kegiatan": 110.0, "kelengkapan": 58.0, "output": 52.0, "keterangan": 44.0}
        fixed = sum(widths.values())
        lane_w = (usable - fixed - self.strip_w) / n
        want = 48.0
        if lane_w < want:  # narrow the text columns (never below their minimum) for the lanes
            self._shrink(widths, minimum, (want - lane_w) * n)
            lane_w = (usable - sum(widths.values()) - self.strip_w) / n
        # many lanes on narrow paper: squeeze the text columns harder, down to the width the
        # longest word of a lane name needs at the smallest header size (never below 34)
        narrow = min(44.0, max([34.0] + [text_width(w, SANS_BOLD, 4.5) + 2 * PAD + 1
                                         for name in self.lanes for w in _pieces_of(name)]))
        if lane_w < narrow:
            hard = {"no": 16.0, "kegiatan": 72.0, "kelengkapan": 40.0, "waktu": 34.0,
                    "output": 30.0, "keterangan": 30.0}
            self._shrink(widths, hard, (narrow - lane_w) * n)
        elif lane_w > 92:  # few lanes: give the width back to the kegiatan column
            widths["kegiatan"] += (lane_w - 92) * n
        self._share_text_width(widths)
        fixed = sum(widths.values())
        self.lane_w = (usable - fixed - self.strip_w) / n
        x = MARGIN
        self.col: dict[str, tuple[float, float]] = {}
        for key in ("no", "kegiatan"):
            self.col[key] = (x, widths[key])
            x += widths[key]
        self.lanes_x = x
        x += self.lane_w * n
        self.strip_x = x
        x += self.strip_w
        for key in ("kelengkapan", "waktu", "output", "keterangan"):
            self.col[key] = (x, widths[key])
            x += widths[key]
        self.table_right = x
        self.sym_w = min(max(16.0, min(self.lane_w - 12, 58.0)), self.lane_w - 4)
        self.dec_w = min(max(18.0, min(self.lane_w - 10, 62.0)), self.lane_w - 2)

    TEXT_COLUMNS = {"kegiatan": "KEGIATAN", "kelengkapan": "KELENGKAPAN", "output": "OUTPUT",
                    "keterangan": "KETERANGAN"}

    def _share_text_width(self, widths: dict) -> None:
        """Share the width of the four text columns by how much text each holds.

        An empty column (e.g. no OUTPUT in the whole SOP) keeps just its header's width, a
        column full of long remarks gets more, so no row grows tall for one narrow column.
        """
        total = sum(widths[k] for k in self.TEXT_COLUMNS)
        rows = max(1, len(self.steps))
        weight, lower, upper = {}, {}, {}
        for key, head in self.TEXT_COLUMNS.items():
            texts = [self._row_texts(s)[key] for s in self.steps]
            words = [w for t in texts for w in t.split()] or [""]
            area = sum(text_width(t, SANS, BODY_SIZE) for t in texts)
            longest = max(text_width(w, SANS, BODY_SIZE) for w in words)
            weight[key] = max(area, min(longest, 80.0) * rows * 1.5) if area else 0.0
            # an empty column keeps its header legible: 6.5 pt when there is room, 4.5 at least
            # (KETERANGAN is printed "KET." in a column too narrow for it, see _header)
            head = short_header(head, 0.0) if total <= 330 else head
            head_w = text_width(head, SANS_BOLD, 6.5 if total > 330 else 4.5) + 2 * PAD + 2
            if key == "kegiatan":
                lower[key], upper[key] = 0.3 * total, total
            else:
                # a filled column is at least as wide as its longest word (within reason), so
                # words like "rekomendasi" are not cut in the middle
                lower[key] = head_w if not area else max(
                    head_w, 0.12 * total, min(longest + 2 * PAD + 1, 0.25 * total))
                upper[key] = 0.34 * total
        if sum(lower.values()) >= total or not any(weight.values()):
            return
        fixed: dict[str, float] = {}
        while True:  # water-filling: proportional shares, clamped, until nothing moves
            free = [k for k in self.TEXT_COLUMNS if k not in fixed]
            room = total - sum(fixed.values())
            mass = sum(weight[k] for k in free)
            if not free:
                break
            share = {k: room * weight[k] / mass if mass else room / len(free) for k in free}
            clamped = {k: lower[k] for k in free if share[k] < lower[k]}
            if not clamped:
                clamped = {k: upper[k] for k in free if share[k] > upper[k]}
            if not clamped:
                fixed.update(share)
                break
            fixed.update(clamped)
        if abs(sum(fixed.values()) - total) < 0.5:
            widths.update(fixed)
        self._balance(widths, lower, upper)

    def _balance(self, widths: dict, lower: dict, upper: dict, quantum: float = 6.0) -> None:
        """Move width between the text columns while that makes the table shorter.

        A row is as tall as its fullest cell, so the share by text amount above is only a
        start: greedy moves of `quantum` points from one column to another, kept when the
        sum of row heights drops.
        """
        keys = list(self.TEXT_COLUMNS)
        texts = {k: [self._row_texts(s)[k] for s in self.steps] for k in keys}
        cache: dict[tuple[str, int], list[int]] = {}
        lead = BODY_SIZE * LEADING
        floor = PROCESS_H + 2 * SYM_PAD - 2 * PAD

        def lines(key: str, width: float) -> list[int]:
            q = int(round(width * 4))
            if (key, q) not in cache:
                cache[key, q] = [len(wrap(t, SANS, BODY_SIZE, width - 2 * PAD)) for t in texts[key]]
            return cache[key, q]

        def cost(ws: dict) -> float:
            counts = [lines(k, ws[k]) for k in keys]
            return sum(max(floor, max(c[i] for c in counts) * lead) for i in range(len(self.steps)))

        best = cost(widths)
        for _ in range(40):
            moved = False
            for src in keys:
                for dst in keys:
                    if src == dst or widths[src] - quantum < lower[src] or \
                            widths[dst] + quantum > upper[dst]:
                        continue
                    trial = dict(widths)
                    trial[src] -= quantum
                    trial[dst] += quantum
                    c = cost(trial)
                    if c < best - 0.01:
                        best, moved = c, True
                        widths.update(trial)
            if not moved:
                break

    @staticmethod
    def _shrink(widths: dict, minimum: dict, need: float) -> None:
        """Take `need` points from the columns in `minimum`, in proportion to their slack."""
        spare = sum(max(0.0, widths[k] - minimum[k]) for k in minimum)
        if spare <= 0:
            return
        take = min(need, spare)
        for k in minimum:
            widths[k] -= take * max(0.0, widths[k] - minimum[k]) / spare

    def lane_cx(self, k: int) -> float:
        return self.lanes_x + (k + 0.5) * self.lane_w

    def channel_x(self, k: int) -> float:
        return self.strip_x + STRIP_LEFT + (k + 0.5) * CHANNEL_SP

    def _title(self, y: float) -> tuple[list[Cell], float]:
        width = self.width - 2 * MARGIN
        name = " ".join(self.defn.name.split()).upper() or "SOP"
        lines = wrap(name, SANS_BOLD, 9.0, width - 2 * PAD)
        h = _text_height(len(lines), 9.0)
        rect = Rect(MARGIN, y, width, h)
        cells = [Cell(rect, _runs(lines, rect, SANS_BOLD, 9.0, "center"), "title", border=False)]
        return cells, h + 4

    def _header(self, y: float) -> tuple[list[Cell], float]:
        # one size for every lane name (the one the longest word needs), so the header reads evenly
        lane_size = min(fit_size(name, SANS_BOLD, LANE_SIZE, self.lane_w - 2 * PAD)
                        for name in self.lanes)
        lane_lines = [wrap(name, SANS_BOLD, lane_size, self.lane_w - 2 * PAD) for name in self.lanes]
        mutu = [("kelengkapan", "KELENGKAPAN"), ("waktu", "WAKTU"), ("output", "OUTPUT")]
        mutu_size = min(fit_size(t, SANS_BOLD, LANE_SIZE, self.col[k][1] - 2 * PAD) for k, t in mutu)
        mutu_lines = [wrap(t, SANS_BOLD, mutu_size, self.col[k][1] - 2 * PAD) for k, t in mutu]
        h1 = _text_height(1, HEAD_SIZE)
        h2 = max(_text_height(max(len(x) for x in lane_lines + mutu_lines), LANE_SIZE), 20.0)
        cells = []

        def head(x, w, top, h, text, size=HEAD_SIZE, role="header"):
            rect = Rect(x, top, w, h)
            size = fit_size(text, SANS_BOLD, size, w - 2 * PAD)
            cells.append(_cell(rect, text, SANS_BOLD, size, align="center", valign="middle",
                               role=role, fill=HEADER_FILL))

        head(*self.col["no"], y, h1 + h2, "NO")
        head(*self.col["kegiatan"], y, h1 + h2, "KEGIATAN")
        head(self.lanes_x, self.lane_w * len(self.lanes) + self.strip_w, y, h1, "PELAKSANA")
        kx = self.col["kelengkapan"][0]
        head(kx, self.col["keterangan"][0] - kx, y, h1, "MUTU BAKU")
        head(*self.col["keterangan"], y, h1 + h2,
             short_header("KETERANGAN", self.col["keterangan"][1] - 2 * PAD))
        for k, name in enumerate(self.lanes):
            head(self.lanes_x + k * self.lane_w, self.lane_w, y + h1, h2, name, lane_size,
                 role=f"lane:{k}")
        if self.strip_w:
            cells.append(Cell(Rect(self.strip_x, y + h1, self.strip_w, h2), [], "strip",
                              HEADER_FILL))
        for key, text in mutu:
            head(*self.col[key], y + h1, h2, text, mutu_size)
        return cells, h1 + h2

    # ---- rows and pages

    def _row_texts(self, step: Step) -> dict[str, str]:
        return {"no": str(step.number), "kegiatan": " ".join(step.kegiatan.split()),
                "kelengkapan": step.kelengkapan, "waktu": step.waktu.text if step.waktu else "",
                "output": step.output, "keterangan": step.keterangan}

    def _row_height(self, step: Step, size: float = BODY_SIZE) -> float:
        band = PROCESS_H + 2 * SYM_PAD
        if step.kind == "decision":  # more room below a diamond for the "Ya" label
            band = DECISION_H + 2 * (SYM_PAD + 3)
        texts = self._row_texts(step)
        for key, text in texts.items():
            n = len(wrap(text, SANS, size, self.col[key][1] - 2 * PAD))
            band = max(band, _text_height(n, size))
        return band

    def _fit_row(self, step: Step, limit: float, base: float = BODY_SIZE) -> tuple[float, float]:
        """(font size, height) of a row; a row taller than a page gets smaller text, then is cut."""
        size = base
        height = self._row_height(step, size)
        while height > limit and size > 5.0:
            size -= 0.5
            height = self._row_height(step, size)
        return size, min(height, limit)

    @staticmethod
    def _breaks(heights: list[float], body_h: float) -> list[list[int]]:
        """Greedy page breaks between rows; the last row of a page and the first of the next
        keep room for off-page connectors."""
        groups: list[list[int]] = [[]]
        used = 0.0
        for i, h in enumerate(heights):
            top_room = ROOM if (len(groups) > 1 and not groups[-1]) else 0.0
            need = h + top_room + (ROOM if i < len(heights) - 1 else 0.0)
            if groups[-1] and used + need > body_h:
                groups.append([])
                used = 0.0
                top_room = ROOM
            groups[-1].append(i)
            used += h + top_room
        return groups

    def pages(self) -> list[Page]:
        title_cells, title_h = self._title(MARGIN)
        _, header_h = self._header(0)
        body_top = MARGIN + title_h + header_h
        body_h = self.height - MARGIN - FOOTER_H - body_top
        limit = body_h - 2 * ROOM
        fitted = [self._fit_row(s, limit) for s in self.steps]
        groups = self._breaks([h for _, h in fitted], body_h)
        # a last page holding only a row or two: as one would in a word processor, try slightly
        # smaller text for the whole table and keep it when that saves the page
        for base in (BODY_SIZE - 0.5, BODY_SIZE - 1.0):
            if len(groups) < 2 or len(groups[-1]) > 2:
                break
            smaller = [self._fit_row(s, limit, base) for s in self.steps]
            tried = self._breaks([h for _, h in smaller], body_h)
            if len(tried) < len(groups):
                fitted, groups = smaller, tried
        heights = [h for _, h in fitted]
        self.row_size = [size for size, _ in fitted]
        self.page_of = {}
        for p, rows in enumerate(groups):
            for i in rows:
                self.page_of[i] = p
        # row rectangles and symbol bands
        self.row_rect: dict[int, Rect] = {}
        self.band: dict[int, tuple[float, float]] = {}
        pages = []
        for p, rows in enumerate(groups):
            page = Page(self.first_number + p, "flowchart", self.width, self.height)
            page.cells.extend(Cell(c.rect, list(c.texts), c.role, c.fill, c.border)
                              for c in title_cells)
            header, _ = self._header(MARGIN + title_h)
            page.cells.extend(header)
            y = body_top
            for j, i in enumerate(rows):
                top_room = ROOM if (p > 0 and j == 0) else 0.0
                bottom_room = ROOM if (p < len(groups) - 1 and j == len(rows) - 1) else 0.0
                h = heights[i] + top_room + bottom_room
                rect = Rect(MARGIN, y, self.table_right - MARGIN, h)
                self.row_rect[i] = rect
                self.band[i] = (y + top_room, y + h - bottom_room)
                page.rows[self.steps[i].number] = rect
                page.cells.extend(self._row_cells(self.steps[i], y, h, self.row_size[i]))
                y += h
            page.table = Rect(MARGIN, MARGIN + title_h, self.table_right - MARGIN,
                              y - MARGIN - title_h)
            if self.strip_w:
                page.cells.append(Cell(Rect(self.strip_x, body_top, self.strip_w, y - body_top), [],
                                       "strip"))
            pages.append(page)
        self.page_list = pages
        self._symbols()
        self._route()
        return pages

    def _row_cells(self, step: Step, y: float, h: float, size: float) -> list[Cell]:
        texts = self._row_texts(step)
        cells = []
        for key in ("no", "kegiatan"):
            x, w = self.col[key]
            cells.append(_cell(Rect(x, y, w, h), texts[key], SANS, size,
                               align="center" if key == "no" else "left", role=key, step=step.number))
        for k in range(len(self.lanes)):
            cells.append(Cell(Rect(self.lanes_x + k * self.lane_w, y, self.lane_w, h), [],
                              f"lanecell:{k}", step=step.number))
        if self.strip_w:  # no grid line across the return-arrow strip: it reads as one gutter
            cells.append(Cell(Rect(self.strip_x, y, self.strip_w, h), [], "strip", border=False,
                              step=step.number))
        for key in ("kelengkapan", "waktu", "output", "keterangan"):
            x, w = self.col[key]
            cells.append(_cell(Rect(x, y, w, h), texts[key], SANS, size,
                               align="center" if key == "waktu" else "left", role=key, step=step.number))
        return cells

    def _symbols(self) -> None:
        self.sym: dict[int, Symbol] = {}
        self.group: dict[int, list[Symbol]] = {}  # row -> its symbol and co-actor copies, by x
        last = len(self.steps) - 1
        for i, step in enumerate(self.steps):
            if step.kind == "decision":
                kind, w, h = "decision", self.dec_w, DECISION_H
            elif step.kind in ("start", "end") or i in (0, last):
                kind, w, h = "terminator", self.sym_w, TERMINATOR_H
            else:
                kind, w, h = "process", self.sym_w, PROCESS_H
            k = self._lane_index(step)
            top, bottom = self.band[i]
            cy = (top + bottom) / 2
            rect = Rect(self.lane_cx(k) - w / 2, cy - h / 2, w, h)
            page = self.page_list[self.page_of[i]]
            sym = Symbol(kind, rect, step.number, self.lanes[k], k, page.number)
            page.symbols.append(sym)
            self.sym[i] = sym
            group = [sym]
            for c in self._co_lane_indexes(step, k):
                co = Symbol(kind, Rect(self.lane_cx(c) - w / 2, rect.y, w, h), step.number,
                            self.lanes[c], c, page.number, co=True)
                page.co_symbols.append(co)
                group.append(co)
            group.sort(key=lambda s: s.lane_index)
            self.group[i] = group
            for left, right in zip(group, group[1:]):
                page.co_links.append(CoLink(step.number, [(left.rect.right, cy), (right.rect.x, cy)],
                                            page.number))

    def _co_lane_indexes(self, step: Step, main: int) -> list[int]:
        """The lanes of a step's co-actors: known lanes only, without its own lane, no repeats."""
        out = []
        for name in step.co_lanes or []:
            if name in self.lanes:
                k = self.lanes.index(name)
                if k != main and k not in out:
                    out.append(k)
        return out

    # ---- arrows

    def _route(self) -> None:
        self.letter_count = 0
        incoming: dict[int, int] = {}
        for edge in self.edges:
            src, dst = self.sym[edge.src], self.sym[edge.dst]
            same_page = self.page_of[edge.src] == self.page_of[edge.dst]
            adjacent = edge.dst == edge.src + 1
            if adjacent and edge.label != TIDAK:
                if same_page:
                    self._straight(edge, src, dst)
                else:
                    self._straight_across(edge, src, dst)
                continue
            twin = self.steps[edge.src].yes == self.steps[edge.src].no  # both branches, one target
            lanes = [s.lane_index for s in self.group[edge.src]]
            outside = dst.lane_index > max(lanes) or dst.lane_index < min(lanes)
            if adjacent and same_page and outside and not twin:
                self._drop(edge, src, dst)
                continue
            slot = incoming.get(edge.dst, 0)
            incoming[edge.dst] = slot + 1
            self._channel(edge, src, dst, slot)

    def _page(self, row: int) -> Page:
        return self.page_list[self.page_of[row]]

    def _gap_y(self, row: int) -> float:
        """The y in a row's bottom padding where an arrow turns across the lanes.

        Below a decision it leaves room for the "Ya" label; elsewhere it runs midway, clear
        of both the symbol and the table's grid line.
        """
        sym = self.sym[row]
        free = self.band[row][1] - sym.rect.bottom
        if sym.kind == "decision":
            return sym.rect.bottom + min(max(LABEL_SIZE * 1.1 + 2, free - 4), free - 1.5)
        return sym.rect.bottom + free / 2

    def _add_arrow(self, page: Page, points, edge: _Edge, start, end, label_at=None) -> Arrow:
        pts = [points[0]]
        for pt in points[1:]:  # drop repeated points and merge collinear runs
            if abs(pt[0] - pts[-1][0]) < 0.01 and abs(pt[1] - pts[-1][1]) < 0.01:
                continue
            if len(pts) >= 2:
                a, b = pts[-2], pts[-1]
                if (abs(a[0] - b[0]) < 0.01 and abs(b[0] - pt[0]) < 0.01) or \
                        (abs(a[1] - b[1]) < 0.01 and abs(b[1] - pt[1]) < 0.01):
                    pts[-1] = pt
                    continue
            pts.append(pt)
        arrow = Arrow(pts, self.steps[edge.src].number, self.steps[edge.dst].number, page.number,
                      edge.label if label_at else "", start=start, end=end)
        if label_at and edge.label:
            x, y, side = label_at
            w = text_width(edge.label, SANS, LABEL_SIZE)
            h = LABEL_SIZE * 1.1
            if side == "below-right":
                rect = Rect(x + 2, y + 1, w + 2, h)
            elif side == "above-right":
                rect = Rect(x + 2, y - h - 1, w + 2, h)
            else:  # above-left
                rect = Rect(x - w - 4, y - h - 1, w + 2, h)
            arrow.label_rect = rect
            arrow.label_run = TextRun(rect.x + 1, rect.y + ascent(SANS, LABEL_SIZE) * 0.98,
                                      edge.label, SANS, LABEL_SIZE)
        page.arrows.append(arrow)
        return arrow

    def _straight(self, edge, src: Symbol, dst: Symbol) -> None:
        sx, tx = src.rect.cx, dst.rect.cx
        gy = self._gap_y(edge.src)
        pts = [(sx, src.rect.bottom), (sx, gy), (tx, gy), (tx, dst.rect.y)]
        self._add_arrow(self._page(edge.src), pts, edge, ("step", src.step), ("step", dst.step),
                        (sx, src.rect.bottom, "below-right"))

    def _new_letter(self) -> str:
        letter = _letters(self.letter_count)
        self.letter_count += 1
        return letter

    def _connector(self, page: Page, cx: float, cy: float, letter: str, direction: str,
                   edge: _Edge) -> Connector:
        rect = Rect(cx - CONN / 2, cy - CONN / 2, CONN, CONN)
        size = 6.0 if len(letter) == 1 else 5.0
        w = text_width(letter, SANS_BOLD, size)
        run = TextRun(cx - w / 2, rect.y + 2 + ascent(SANS_BOLD, size), letter, SANS_BOLD, size)
        conn = Connector(letter, rect, page.number, direction, self.steps[edge.src].number,
                         self.steps[edge.dst].number, run)
        page.connectors.append(conn)
        return conn

    def _straight_across(self, edge, src: Symbol, dst: Symbol) -> None:
        letter = self._new_letter()
        sp, tp = self._page(edge.src), self._page(edge.dst)
        sx, tx = src.rect.cx, dst.rect.cx
        out = self._connector(sp, sx, self.band[edge.src][1] + ROOM / 2, letter, "out", edge)
        self._add_arrow(sp, [(sx, src.rect.bottom), (sx, out.rect.y)], edge, ("step", src.step),
                        ("connector", letter), (sx, src.rect.bottom, "below-right"))
        inc = self._connector(tp, tx, self.band[edge.dst][0] - ROOM / 2, letter, "in", edge)
        self._add_arrow(tp, [(tx, inc.rect.bottom), (tx, dst.rect.y)], edge,
                        ("connector", letter), ("step", dst.step))

    def _drop(self, edge, src: Symbol, dst: Symbol) -> None:
        """Tidak into the next row in another lane: out of the side vertex, across, then down.

        It leaves from the outermost symbol of the step's group (its co-actor copies included),
        so it never crosses one of them.
        """
        right = dst.lane_index > src.lane_index
        group = self.group[edge.src]
        src = group[-1] if right else group[0]
        vx = src.rect.right if right else src.rect.x
        tx = dst.rect.cx
        pts = [(vx, src.rect.cy), (tx, src.rect.cy), (tx, dst.rect.y)]
        self._add_arrow(self._page(edge.src), pts, edge, ("step", src.step), ("step", dst.step),
                        (vx, src.rect.cy, "above-right" if right else "above-left"))

    def _exit(self, edge, src: Symbol, cx: float) -> tuple[list, tuple]:
        """Points from the source to its channel x, and where the label goes.

        A side exit leaves the rightmost symbol of the step's group (co-actor copies included).
        """
        if edge.label == TIDAK:
            side = self.group[edge.src][-1]
            start = (side.rect.right, side.rect.cy)
            return [start, (cx, src.rect.cy)], (start[0], start[1], "above-right")
        sx = src.rect.cx
        gy = self._gap_y(edge.src)
        return ([(sx, src.rect.bottom), (sx, gy), (cx, gy)],
                (sx, src.rect.bottom, "below-right"))

    def _entry(self, dst: Symbol, slot: int) -> tuple[float, float]:
        """Where the k-th side arrow enters a symbol on its right side."""
        r = dst.rect
        if dst.kind == "decision":  # lower-right edge, away from the Tidak exit and its label
            f = (0.45, 0.25, 0.65, 0.15, 0.8)[slot % 5]
            y = r.cy + f * r.h / 2
            x = r.right - f * r.w / 2
            return x, y
        offsets = (0.0, -ENTRY_GAP, ENTRY_GAP, -2 * ENTRY_GAP / 1.25, 2 * ENTRY_GAP / 1.25)
        return r.right, r.cy + offsets[slot % 5]

    def _channel(self, edge, src: Symbol, dst: Symbol, slot: int) -> None:
        cx = self.channel_x(edge.channel or 0)
        head, label_at = self._exit(edge, src, cx)
        ex, ey = self._entry(self.group[edge.dst][-1], slot)
        if self.page_of[edge.src] == self.page_of[edge.dst]:
            pts = head + [(cx, ey), (ex, ey)]
            self._add_arrow(self._page(edge.src), pts, edge, ("step", src.step),
                            ("step", dst.step), label_at)
            return
        letter = self._new_letter()
        sp, tp = self._page(edge.src), self._page(edge.dst)
        forward = edge.dst > edge.src
        sp_rows = [i for i, p in self.page_of.items() if p == self.page_of[edge.src]]
        tp_rows = [i for i, p in self.page_of.items() if p == self.page_of[edge.dst]]
        if forward:
            last = max(sp_rows)
            out = self._connector(sp, cx, self.band[last][1] + ROOM / 2, letter, "out", edge)
            self._add_arrow(sp, head + [(cx, out.rect.y)], edge, ("step", src.step),
                            ("connector", letter), label_at)
            first = min(tp_rows)
            inc = self._connector(tp, cx, self.band[first][0] - ROOM / 2, letter, "in", edge)
            self._add_arrow(tp, [(cx, inc.rect.bottom), (cx, ey), (ex, ey)], edge,
                            ("connector", letter), ("step", dst.step))
        else:
            first = min(sp_rows)
            out = self._connector(sp, cx, self.band[first][0] - ROOM / 2, letter, "out", edge)
            self._add_arrow(sp, head + [(cx, out.rect.bottom)], edge, ("step", src.step),
                            ("connector", letter), label_at)
            last = max(tp_rows)
            inc = self._connector(tp, cx, self.band[last][1] + ROOM / 2, letter, "in", edge)
            self._add_arrow(tp, [(cx, inc.rect.y), (cx, ey), (ex, ey)], edge,
                            ("connector", letter), ("step", dst.step))
