"""DrawingML shared by the Word and Excel readers: package guard, shapes, connectors, labels,
and the step from a table's exact rows plus its drawing to the shared flowchart logic.

Word (`wps:wsp` in `wp:anchor`/`wp:inline`, groups `wpg:wgp`) and Excel (`xdr:sp`,
`xdr:cxnSp`, `xdr:grpSp` in two-cell anchors) write the same `a:` geometry: `a:prstGeom`
gives a symbol's kind, `a:xfrm` its flips and rotation, `a:ln` head/tail ends and dashes,
`a:stCxn`/`a:endCxn` the shapes a connector joins. Each reader places the shapes in points in
a frame of its own (one table, one sheet) as a `grid_page` and hands its `RowBand`s to
`apply_drawn_rows`, which uses geometry.py / flowread.py exactly as the PDF reader does and
returns each step's row (the `Origins` the review screen shows).
"""

from __future__ import annotations

import math
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import NoReturn
from xml.etree.ElementTree import Element

from sop_desktop.domain.model import SopDefinition
from sop_desktop.errors import ImportFailed
from sop_desktop.importers.cells import Line
from sop_desktop.importers.flowread import (
    Graph,
    apply_drawing,
    branch_state,
    keep_connected,
    label_sense,
    label_words,
)
from sop_desktop.importers.geometry import Arrow, Page, PageSource, Segment, Shape, Word, link_arrows
from sop_desktop.importers.lanes import clean_lane_name
from sop_desktop.importers.pagetable import Columns, RowOrigin
from sop_desktop.importers.table import build_header, locate_tables

ToPoints = Callable[[float, float], tuple[float, float]]  # EMU (x, y) -> points

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EMU_PT = 12700.0
MAX_MEMBERS = 3000
MAX_TOTAL_BYTES = 150 * 1024 * 1024
MAX_XML_BYTES = 25 * 1024 * 1024  # one XML part, uncompressed (lxml holds ~10x in memory)
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
MAX_SHAPES = 4000

KINDS = {
    "flowChartTerminator": "terminator", "roundRect": "terminator", "ellipse": "terminator",
    "flowChartAlternateProcess": "terminator", "snipRoundRect": "terminator",
    "flowChartProcess": "process", "rect": "process", "flowChartPredefinedProcess": "process",
    "flowChartDocument": "process", "flowChartMultidocument": "process",
    "flowChartManualOperation": "process", "flowChartPreparation": "process",
    "flowChartInputOutput": "process", "parallelogram": "process",
    "flowChartDecision": "decision", "diamond": "decision",
    "flowChartOffpageConnector": "connector", "homePlate": "connector",
    "flowChartConnector": "connector", "pentagon": "connector",
}
LINES = ("line", "straightConnector1", "bentConnector2", "bentConnector3", "bentConnector4",
         "bentConnector5", "curvedConnector2", "curvedConnector3", "curvedConnector4",
         "curvedConnector5")
_SHAPE_TAGS = (b"<wps:wsp", b"<xdr:sp", b"<xdr:cxnSp", b"<v:shape")


def guard_package(path: Path, what: str) -> None:
    """Refuse a zip that is not a sane Office package before any reader opens it: bounded
    members and sizes (zip bombs), every XML part parsed as a stream with any DTD or entity
    declaration refused (the protection defusedxml gives, without building a tree: bounded
    memory), and a bounded number of drawn shapes."""
    name = path.name
    if not zipfile.is_zipfile(path):
        raise ImportFailed(f"{name}: bukan berkas {what} yang sah (bukan arsip zip)")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise ImportFailed(f"{name}: berkas {what} ditolak: terlalu banyak isi arsip "
                                   f"({len(infos)})")
            total = 0
            for info in infos:
                total += info.file_size
                big = info.file_size > MAX_XML_BYTES and info.filename.lower().endswith(
                    (".xml", ".rels", ".vml"))
                if big or total > MAX_TOTAL_BYTES or (
                        info.file_size > RATIO_FLOOR and
                        info.file_size > MAX_RATIO * max(info.compress_size, 1)):
                    raise ImportFailed(f"{name}: berkas {what} ditolak: isi '{info.filename}' "
                                       "terlalu besar setelah dibuka (kemungkinan bom zip)")
            if "[Content_Types].xml" not in {i.filename for i in infos}:
                raise ImportFailed(f"{name}: bukan berkas {what} (tidak ada [Content_Types].xml)")
            shapes = 0
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    shapes += _check_xml(zf, info, name, what)
                    if shapes > MAX_SHAPES:
                        raise ImportFailed(f"{name}: berkas {what} ditolak: lebih dari "
                                           f"{MAX_SHAPES} bentuk gambar")
    except ImportFailed:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError,
            NotImplementedError, RuntimeError, ValueError):
        raise ImportFailed(f"{name}: berkas {what} rusak atau tidak dapat dibaca") from None


class _Refused(Exception):
    """A DOCTYPE or entity declaration met while checking a part."""


def _refuse(*_args: object) -> NoReturn:
    raise _Refused()


def _check_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, what: str) -> int:
    """Parse one XML part as a stream with expat, no tree built (flat memory, C speed), any
    DOCTYPE or entity declaration refused; returns how many shapes it draws."""
    import pyexpat

    parser = pyexpat.ParserCreate()
    for handler in ("StartDoctypeDeclHandler", "EntityDeclHandler",
                    "UnparsedEntityDeclHandler", "ExternalEntityRefHandler"):
        setattr(parser, handler, _refuse)
    shapes, tail = 0, b""
    try:
        with zf.open(info) as raw:
            while True:
                data = raw.read(1 << 16)
                window = tail + data
                shapes += sum(window.count(t) for t in _SHAPE_TAGS) - \
                    sum(tail.count(t) for t in _SHAPE_TAGS)
                tail = data[-16:]
                parser.Parse(data, not data)
                if not data:
                    break
    except _Refused:
        raise ImportFailed(f"{name}: berkas {what} ditolak: '{info.filename}' memuat "
                           "DOCTYPE/ENTITY (XML berbahaya)") from None
    except (pyexpat.ExpatError, UnicodeError, ValueError):
        raise ImportFailed(f"{name}: berkas {what} rusak: '{info.filename}' bukan XML yang "
                           "sah") from None
    return shapes


# ------------------------------------------------------------------ shapes


@dataclass
class Drawn:
    """One drawn thing in reader coordinates (points): symbol, line or label."""

    id: str
    kind: str  # terminator, process, decision, connector, unknown, line, label
    bbox: tuple[float, float, float, float]
    text: str = ""
    points: list[tuple[float, float]] = field(default_factory=list)  # lines: start .. end
    head_start: bool = False
    head_end: bool = False
    dashed: bool = False
    start: str | None = None  # ids of the shapes a connector joins (stCxn / endCxn)
    end: str | None = None


def text_of(el: Element) -> str:
    """The words written in a shape (Word `w:t` or DrawingML `a:t`)."""
    parts = []
    for t in el.iter():
        tag = t.tag if isinstance(t.tag, str) else ""
        if tag.endswith("}t") and t.text:
            parts.append(t.text)
        elif tag.endswith("}p") and parts:
            parts.append(" ")
    return " ".join("".join(parts).split())


def read_shape(el: Element, ident: str, box: tuple[float, float, float, float], prefix: str) -> Drawn:
    """A shape element (wps:wsp, xdr:sp, xdr:cxnSp) placed at `box` (points) -> Drawn."""
    sp_pr = next((c for c in el if _local(c) == "spPr"), None)
    geom = sp_pr.find(f"{A}prstGeom") if sp_pr is not None else None
    prst = geom.get("prst", "") if geom is not None else ""
    cnv = next((c for c in el.iter() if _local(c) in ("cNvCnPr", "cNvCxnSpPr")), None)
    text = text_of(el)
    x0, y0, x1, y1 = box
    if cnv is not None or prst in LINES:
        xfrm = sp_pr.find(f"{A}xfrm") if sp_pr is not None else None
        ln = sp_pr.find(f"{A}ln") if sp_pr is not None else None
        drawn = Drawn(ident, "line", box, text, _path(prst, box, xfrm, geom))
        if ln is not None:
            drawn.head_start = _has_end(ln.find(f"{A}headEnd"))
            drawn.head_end = _has_end(ln.find(f"{A}tailEnd"))
            dash = ln.find(f"{A}prstDash")
            drawn.dashed = dash is not None and dash.get("val", "solid") != "solid"
        if cnv is not None:
            st, en = cnv.find(f"{A}stCxn"), cnv.find(f"{A}endCxn")
            drawn.start = f"{prefix}{st.get('id')}" if st is not None else None
            drawn.end = f"{prefix}{en.get('id')}" if en is not None else None
        return drawn
    label = _is_text_box(el, sp_pr) or (prst in ("rect", "") and _says_ya_tidak(text))
    if label or (not prst and text):
        return Drawn(ident, "label", box, text)
    return Drawn(ident, KINDS.get(prst, "unknown"), box, text)


def _says_ya_tidak(text: str) -> bool:
    """A plain box holding only "Ya", "Tidak" or a synonym is a branch label, not a step."""
    return bool(text) and len(text) <= 20 and label_sense(text) is not None


def _local(el: Element) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _has_end(el: Element | None) -> bool:
    return el is not None and el.get("type", "none") != "none"


def _is_text_box(el: Element, sp_pr: Element | None) -> bool:
    for c in el.iter():
        if _local(c) == "cNvSpPr" and c.get("txBox") in ("1", "true"):
            return True
    if sp_pr is None:
        return False
    ln = sp_pr.find(f"{A}ln")
    no_line = ln is not None and ln.find(f"{A}noFill") is not None
    return no_line and sp_pr.find(f"{A}noFill") is not None


def _path(prst: str, box: tuple[float, float, float, float], xfrm: Element | None,
          geom: Element | None) -> list[tuple[float, float]]:
    """A connector's path (start .. end) in points, from its box, flips and rotation."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if prst == "bentConnector2":
        local = [(0.0, 0.0), (w, 0.0), (w, h)]
    elif prst == "bentConnector3":
        adj = _adj(geom, 50000) / 100000.0
        local = [(0.0, 0.0), (adj * w, 0.0), (adj * w, h), (w, h)]
    else:
        local = [(0.0, 0.0), (w, h)]
    flip_h = xfrm is not None and xfrm.get("flipH") in ("1", "true")
    flip_v = xfrm is not None and xfrm.get("flipV") in ("1", "true")
    pts = [(x0 + (w - x if flip_h else x), y0 + (h - y if flip_v else y)) for x, y in local]
    rot = int(xfrm.get("rot", "0") or 0) if xfrm is not None else 0
    if rot % 21600000:
        cx, cy, a = (x0 + x1) / 2, (y0 + y1) / 2, math.radians(rot / 60000.0)
        pts = [(cx + (x - cx) * math.cos(a) - (y - cy) * math.sin(a),
                cy + (x - cx) * math.sin(a) + (y - cy) * math.cos(a)) for x, y in pts]
    return pts


def _adj(geom: Element | None, default: int) -> int:
    if geom is None:
        return default
    for gd in geom.iter(f"{A}gd"):
        fmla = gd.get("fmla", "")
        if gd.get("name") == "adj1" and fmla.startswith("val "):
            try:
                return int(fmla[4:].strip())
            except ValueError:
                return default
    return default


def rotated_box(box: tuple[float, float, float, float], xfrm: Element | None
                ) -> tuple[float, float, float, float]:
    """A symbol's box after a quarter-turn rotation (other angles keep the box)."""
    rot = int(xfrm.get("rot", "0") or 0) if xfrm is not None else 0
    if (rot // 5400000) % 2 == 1 and rot % 5400000 == 0:
        x0, y0, x1, y1 = box
        cx, cy, w, h = (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0
        return cx - h / 2, cy - w / 2, cx + h / 2, cy + w / 2
    return box


def child_transform(grp_pr: Element | None, outer: ToPoints) -> ToPoints:
    """The mapping of a group's child coordinates (EMU) into its parent frame, composed with
    `outer` (a function EMU -> points)."""
    xfrm = grp_pr.find(f"{A}xfrm") if grp_pr is not None else None
    if xfrm is None:
        return outer

    def val(tag: str, a: str, b: str) -> tuple[float, float]:
        el = xfrm.find(f"{A}{tag}")
        if el is None:
            return 0.0, 0.0
        return float(el.get(a, "0") or 0), float(el.get(b, "0") or 0)

    (ox, oy), (ex, ey) = val("off", "x", "y"), val("ext", "cx", "cy")
    (cx, cy), (cex, cey) = val("chOff", "x", "y"), val("chExt", "cx", "cy")
    sx = ex / cex if cex else 1.0
    sy = ey / cey if cey else 1.0

    def inner(x: float, y: float) -> tuple[float, float]:
        return outer(ox + (x - cx) * sx, oy + (y - cy) * sy)

    return inner


# ------------------------------------------------------------------ to the shared logic


@dataclass
class RowBand:
    """Where one table row lies in its page frame (points): the reader's exact geometry."""

    line_no: int
    page: Page
    top: float
    bottom: float
    xs: list[float]  # column boundaries of the row's table (grid), len = columns + 1


def drawn_page(drawn: list[Drawn], width: float, height: float, number: int,
               source: PageSource) -> Page:
    """The geometry page of one frame: symbols as shapes, connectors as arrows (joined
    shapes) or segments (followed by geometry.link_arrows), Ya/Tidak text boxes as words
    that flowread gives to the arrow beside them."""
    page = Page(width, height, number, source=source)
    seen: dict[str, int] = {}
    for d in drawn:
        if d.kind not in ("line", "label"):
            seen[d.id] = seen.get(d.id, 0) + 1
            ident = d.id if seen[d.id] == 1 else f"{d.id}#{seen[d.id]}"  # ids must be unique
            page.shapes.append(Shape(d.kind, d.bbox, d.text,
                                     d.text if d.kind == "connector" else "", ident))
    # a connection to an id two shapes share says nothing: such a line is followed by geometry
    known = {s.id for s in page.shapes} - {i for i, n in seen.items() if n > 1}
    loose: list[Segment] = []
    for d in (d for d in drawn if d.kind == "line" and len(d.points) >= 2):
        pts, start, end = list(d.points), d.start, d.end
        if d.head_start and not d.head_end:
            pts, start, end = pts[::-1], end, start
        if d.dashed:
            page.segments.append(Segment(pts, dashed=True))
        elif start in known and end in known and start != end:
            page.arrows.append(Arrow(pts, start, end))
        else:
            loose.append(Segment(pts, head=d.head_start or d.head_end))
    if loose:
        probe = Page(width, height, number, shapes=page.shapes, segments=loose)
        link_arrows(probe)
        page.arrows.extend(a for a in probe.arrows if a.start_shape or a.end_shape)
        page.segments.extend(loose)
    for d in drawn:
        if d.kind == "label" and d.text and len(d.text) <= 20:
            x0, y0 = d.bbox[0], d.bbox[1]
            page.words.append(Word(d.text, x0, y0, x0 + 3.6 * len(d.text), y0 + 8.0))
    label_words(page)
    return page


@dataclass
class GridCell:
    """One table cell of a Word or Excel reading at its position (points, y down), its text."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass
class GridPage(Page):
    """A Word table or an Excel sheet as its reader framed it: `columns` are the column
    boundaries, `rows` the row boundaries, `lines` the rows read (lines[k] lies between
    rows[k] and rows[k + 1]), `cells` the filled cells once page_picture has drawn them."""

    rows: list[float] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    cells: list[GridCell] = field(default_factory=list)


def grid_page(drawn: list[Drawn], xs: list[float], rows: Sequence[tuple[Line, float, float]],
              number: int, source: PageSource) -> GridPage:
    """One table or sheet as a page: its drawing (see drawn_page) on the column grid `xs`,
    with `rows` its rows in order as (line, top, bottom)."""
    base = drawn_page(drawn, xs[-1], rows[-1][2] if rows else 0.0, number, source)
    page = GridPage(**{f.name: getattr(base, f.name) for f in fields(Page)})
    page.columns = list(xs)
    page.rows = [rows[0][1]] + [bottom for _, _, bottom in rows] if rows else []
    page.lines = [line for line, _, _ in rows]
    return page


def apply_drawn_rows(sops: list[SopDefinition], lines: list[Line], bands: dict[int, RowBand]
                     ) -> list[list[RowOrigin | None]]:
    """Give each SOP built from `lines` what its drawing shows (lane, co-lanes, kind, Ya/Tidak
    targets) through flowread.apply_drawing; `bands` maps a line number to where that table
    row lies. Returns per SOP and step the row it was read from (None: not found)."""
    origins: list[RowOrigin] = []
    for part in locate_tables(lines):
        try:
            model = build_header(part, clean_lane_name)
        except ImportFailed:
            continue
        for row in part.rows:
            band = bands.get(row.line.no)
            if band is None:
                continue
            cols = Columns(band.xs, model.no_col, model.keg_col,
                           {c for c, _ in model.lanes}, list(model.lanes))
            shapes = [s for s in band.page.shapes if s.kind != "connector" and
                      band.top - 1 <= s.cy <= band.bottom + 1 and
                      band.xs[0] <= s.cx <= band.xs[-1]]
            origins.append(RowOrigin(band.page, row.line.no, row.number, band.top, band.bottom,
                                     cols, shapes, row.cells[model.keg_col]
                                     if model.keg_col < len(row.cells) else ""))
    pages = list({id(o.page): o.page for o in origins}.values())
    graph = Graph(pages, origins)
    out: list[list[RowOrigin | None]] = []
    cursor = 0
    for defn in sops:
        rows: list[RowOrigin | None] = []
        for step in defn.steps:
            found = None
            for k in range(cursor, len(origins)):
                if origins[k].number == step.number:
                    found, cursor = origins[k], k + 1
                    break
            rows.append(found)
        if any(r is not None and r.shapes for r in rows):
            before = branch_state(defn)
            apply_drawing(defn, rows, graph)
            keep_connected(defn, before)
        out.append(rows)
    return out
