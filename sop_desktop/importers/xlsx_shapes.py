"""The flowchart drawn on an .xlsx sheet: its drawing part's shapes, placed on the sheet grid.

Each sheet's drawing (xl/drawings/drawingN.xml, reached through the workbook and sheet
relationships) holds two-cell, one-cell or absolute anchors of `xdr:sp` symbols, `xdr:cxnSp`
connectors (with `a:stCxn`/`a:endCxn`), text boxes and `xdr:grpSp` groups. Anchors are turned
into points with the sheet's column widths and row heights, so a symbol's column (hence its
lane) and row (hence its step) come out of the same grid the cells are read from; the shared
flowchart logic (drawingml.apply_drawn_rows -> flowread) then sets lanes, kinds and Ya/Tidak
targets. Each sheet read is also a grid page (drawingml.GridPage) and each step keeps the row
it was read from (`ImportResult.pages`/`origins`). The package was already checked by
xlsx.check_xlsx (no DTDs, bounded sizes).
"""

from __future__ import annotations

import math
import posixpath
import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring

from sop_desktop.domain.model import SopDefinition
from sop_desktop.errors import ImportFailed
from sop_desktop.importers.cells import Line
from sop_desktop.importers.drawingml import (
    EMU_PT,
    MAX_SHAPES,
    A,
    Drawn,
    GridPage,
    RowBand,
    ToPoints,
    apply_drawn_rows,
    child_transform,
    grid_page,
    read_shape,
    rotated_box,
)
from sop_desktop.importers.flowread import Origins
from sop_desktop.importers.geometry import Page, PageSource
from sop_desktop.importers.pagetable import RowOrigin
from sop_desktop.importers.result import ImportResult
from sop_desktop.importers.sheets import import_sheets
from sop_desktop.importers.xlsx import read_sheets

XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAX_ROW = 20000
MAX_COL = 200
MAX_PICTURE_ROWS = 2000  # rows of one sheet kept on its page (an SOP table has far fewer)


def import_xlsx_drawn(path: str | Path) -> ImportResult:
    """Every SOP of every sheet of an .xlsx file, cells as import_xlsx reads them plus the
    flowchart shapes drawn on each sheet -> ImportResult, with a grid page per sheet read and
    each step's row on it (`pages`, `origins`)."""
    path = Path(path)
    sheets = read_sheets(path)  # refuses hostile packages before anything else is read
    result = ImportResult()
    filled = {title: lines for title, lines, _n in sheets if any(not ln.blank for ln in lines)}
    try:
        frames = sheet_frames(path, set(filled))
    except (KeyError, SyntaxError, ValueError, TypeError, ArithmeticError, zipfile.BadZipFile):
        frames = {}  # a damaged drawing part: every sheet is read from its cells
        result.warnings.append(f"{path.name}: gambar bagan tidak dapat dibaca; pelaksana dan "
                               "cabang dibaca dari teks")
    framed = {title: frames[title].page(lines) for title, lines in filled.items()
              if title in frames}
    rows: list[list[RowOrigin | None]] = []

    def drawn(title: str, sops: list[SopDefinition], lines: list[Line]) -> None:
        if title in frames and frames[title].damaged:
            result.warnings.append(f"{path.name}: gambar bagan pada lembar '{title}' rusak; "
                                   "pelaksana dan cabang dibaca dari teks")
        bands = framed[title][1] if title in framed else {}
        rows.extend(apply_drawn_rows(sops, lines, bands))

    import_sheets(path, sheets, result, after=drawn)
    pages: list[Page] = [page for page, _bands in framed.values()]
    result.pages, result.origins = pages, Origins(rows) if pages else None
    return result


class SheetFrame:
    """One sheet's grid in points and the shapes drawn on it."""

    def __init__(self, path: Path, index: int, member: str) -> None:
        self.path, self.index = path, index
        self.widths: dict[int, float] = {}  # 1-based column -> points (hidden: 0)
        self.heights: dict[int, float] = {}  # 1-based row -> points (hidden: 0)
        self.default_w, self.default_h = 48.0, 15.0
        self.drawn: list[Drawn] = []
        self.damaged = False
        self._grid(path, member)
        self._xs = [0.0]
        for c in range(1, MAX_COL + 2):
            self._xs.append(self._xs[-1] + self.widths.get(c, self.default_w))
        self._ys = [0.0]

    def _grid(self, path: Path, member: str) -> None:
        """Column widths and row heights (points) from the sheet XML, streamed (the cells are
        not kept); hidden ones are 0."""
        from defusedxml.ElementTree import iterparse

        with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
            for event, el in iterparse(fh, events=("start", "end"), forbid_dtd=True):
                tag = el.tag.rsplit("}", 1)[-1]
                if event == "end":
                    if tag in ("c", "row"):
                        el.clear()
                    continue
                if tag == "sheetFormatPr":
                    base = _num(el.get("baseColWidth"), 8.0) + 0.71
                    self.default_w = _col_pt(_num(el.get("defaultColWidth"), base))
                    self.default_h = _num(el.get("defaultRowHeight"), 15.0)
                elif tag == "col":
                    low = max(1, int(_num(el.get("min"), 1)))
                    high = min(int(_num(el.get("max"), 1)), MAX_COL)
                    width = 0.0 if el.get("hidden") in ("1", "true") else \
                        _col_pt(_num(el.get("width"), 8.43))
                    for c in range(low, high + 1):
                        self.widths[c] = width
                elif tag == "row":
                    r = int(_num(el.get("r"), 0))
                    if 0 < r <= MAX_ROW and el.get("hidden") in ("1", "true"):
                        self.heights[r] = 0.0
                    elif 0 < r <= MAX_ROW and el.get("ht"):
                        self.heights[r] = _num(el.get("ht"), self.default_h)

    def x(self, col0: int) -> float:
        """Left edge of a 0-based column, in points."""
        return self._xs[max(0, min(col0, MAX_COL))]

    def y(self, row0: int) -> float:
        """Top edge of a 0-based row, in points."""
        row0 = max(0, min(row0, MAX_ROW))
        while len(self._ys) <= row0:
            r = len(self._ys)  # 1-based row whose height extends the list
            self._ys.append(self._ys[-1] + self.heights.get(r, self.default_h))
        return self._ys[row0]

    def marker(self, el: Element) -> tuple[float, float]:
        """An anchor's corner (xdr:from / xdr:to: cell plus offset) in points."""
        def val(tag: str) -> float:
            found = el.find(f"{XDR}{tag}")
            return _num(found.text, 0.0) if found is not None else 0.0

        return (self.x(int(val("col"))) + val("colOff") / EMU_PT,
                self.y(int(val("row"))) + val("rowOff") / EMU_PT)

    def page(self, lines: list[Line]) -> tuple[GridPage, dict[int, RowBand]]:
        """The sheet as a grid page (its rows up to the last filled one, at most
        MAX_PICTURE_ROWS) with its drawing, and line number (= sheet row) -> where that row
        lies. The Line's cells are the visible columns, so hidden ones are left out of the
        boundaries as read_sheets leaves them out."""
        visible = [c for c in range(1, MAX_COL + 1) if self.widths.get(c, 1.0) > 0] or [1]
        width = max((len(line.cells) for line in lines), default=0)
        xs = [self.x(visible[0] - 1)] + [self.x(c) for c in visible[:max(width, 1)]]
        used = min(max((ln.no for ln in lines if not ln.blank), default=1), MAX_PICTURE_ROWS)
        shown = [(ln, self.y(ln.no - 1), self.y(ln.no)) for ln in lines if ln.no <= used]
        page = grid_page(self.drawn, xs, shown, self.index + 1,
                         PageSource(str(self.path), self.index, "xlsx"))
        bands = {line.no: RowBand(line.no, page, self.y(line.no - 1), self.y(line.no), xs)
                 for line in lines}
        return page, bands


def _num(text: str | None, default: float) -> float:
    """A numeric attribute, or `default` when it is missing, not a number or absurd."""
    try:
        value = float(text) if text not in (None, "") else default
    except ValueError:
        return default
    return value if math.isfinite(value) and -1e7 < value < 1e7 else default


def _col_pt(chars: float) -> float:
    """An Excel column width in characters -> points (7-pixel digits, 5 pixels of padding)."""
    return max(0.0, int(chars * 7 + 5) * 0.75)


def sheet_frames(path: Path, titles: set[str]) -> dict[str, SheetFrame]:
    """Sheet title -> its frame (grid and drawn shapes), for the sheets named in `titles`."""
    out: dict[str, SheetFrame] = {}
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        book = fromstring(zf.read("xl/workbook.xml"), forbid_dtd=True)
        targets = _rels(zf, "xl/_rels/workbook.xml.rels", "xl")
        total = 0
        for index, sheet in enumerate(book.iter(f"{MAIN}sheet")):
            member = targets.get(sheet.get(f"{REL}id", ""))
            if not member or member not in names or sheet.get("name", "") not in titles:
                continue
            rels = posixpath.join(posixpath.dirname(member), "_rels",
                                  posixpath.basename(member) + ".rels")
            drawings = [t for t in _rels(zf, rels, posixpath.dirname(member)).values()
                        if t.startswith("xl/drawings/") and t in names]
            frame = SheetFrame(path, index, member)
            try:
                for target in drawings:
                    _read_drawing(frame, fromstring(zf.read(target), forbid_dtd=True), index)
            except (ValueError, TypeError, OverflowError, ArithmeticError):
                frame.drawn.clear()  # a damaged drawing: the sheet is read from its text
                frame.damaged = True
            total += len(frame.drawn)
            if total > MAX_SHAPES:
                raise ImportFailed(f"{path.name}: berkas .xlsx ditolak: lebih dari {MAX_SHAPES} "
                                   "bentuk gambar")
            out[sheet.get("name", "")] = frame
    return out


def _rels(zf: zipfile.ZipFile, member: str, base: str) -> dict[str, str]:
    try:
        root = fromstring(zf.read(member), forbid_dtd=True)
    except KeyError:
        return {}
    out: dict[str, str] = {}
    for rel in root.iter(f"{PKG}Relationship"):
        target = rel.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join(base, target))
        out[rel.get("Id", "")] = full
    return out


def _read_drawing(frame: SheetFrame, root: Element, index: int) -> None:
    """Every anchor of a drawing part: its box on the sheet, then its shape(s)."""
    for anchor in root:
        tag = anchor.tag.rsplit("}", 1)[-1] if isinstance(anchor.tag, str) else ""
        start, to = anchor.find(f"{XDR}from"), anchor.find(f"{XDR}to")
        if tag == "twoCellAnchor" and start is not None and to is not None:
            (x0, y0), (x1, y1) = frame.marker(start), frame.marker(to)
        elif tag in ("oneCellAnchor", "absoluteAnchor"):
            ext = anchor.find(f"{XDR}ext")
            pos = anchor.find(f"{XDR}pos")
            if ext is None or (start is None and pos is None):
                continue
            if start is not None:
                x0, y0 = frame.marker(start)
            elif pos is not None:
                x0 = float(pos.get("x", "0") or 0) / EMU_PT
                y0 = float(pos.get("y", "0") or 0) / EMU_PT
            x1 = x0 + float(ext.get("cx", "0") or 0) / EMU_PT
            y1 = y0 + float(ext.get("cy", "0") or 0) / EMU_PT
        else:
            continue
        for child in anchor:
            _shape(frame, child, (x0, y0, x1, y1), None, index, 0)


def _shape(frame: SheetFrame, el: Element, box: tuple[float, float, float, float],
           to_pt: ToPoints | None, index: int, depth: int) -> None:
    """One anchored (or grouped) element: a symbol, connector, text box or group."""
    tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
    if tag not in ("sp", "cxnSp", "grpSp") or depth > 8:
        return
    props = el.find(f"{XDR}grpSpPr" if tag == "grpSp" else f"{XDR}spPr")
    xfrm = props.find(f"{A}xfrm") if props is not None else None
    if to_pt is not None and xfrm is not None:  # inside a group: its own child coordinates
        off, ext = xfrm.find(f"{A}off"), xfrm.find(f"{A}ext")
        if off is None or ext is None:
            return
        ox, oy = float(off.get("x", "0") or 0), float(off.get("y", "0") or 0)
        x0, y0 = to_pt(ox, oy)
        x1, y1 = to_pt(ox + float(ext.get("cx", "0") or 0), oy + float(ext.get("cy", "0") or 0))
        box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    if tag == "grpSp":
        off = xfrm.find(f"{A}off") if xfrm is not None else None
        ext = xfrm.find(f"{A}ext") if xfrm is not None else None
        if off is None or ext is None:
            return
        gx, gy = float(off.get("x", "0") or 0), float(off.get("y", "0") or 0)
        gw = float(ext.get("cx", "0") or 0) or 1.0
        gh = float(ext.get("cy", "0") or 0) or 1.0
        bx0, by0, bx1, by1 = box

        def frame_pt(ex: float, ey: float) -> tuple[float, float]:
            return bx0 + (ex - gx) / gw * (bx1 - bx0), by0 + (ey - gy) / gh * (by1 - by0)

        inner = child_transform(props, lambda ex, ey: frame_pt(ex, ey))
        for child in el:
            _shape(frame, child, box, inner, index, depth + 1)
        return
    cnv = next((c for c in el.iter() if c.tag == f"{XDR}cNvPr"), None)
    ident = cnv.get("id", "") if cnv is not None else ""
    if tag == "sp":
        box = rotated_box(box, xfrm)
    frame.drawn.append(read_shape(el, f"x{index}:{ident}", box, f"x{index}:"))


__all__ = ["MAX_PICTURE_ROWS", "SheetFrame", "import_xlsx_drawn", "sheet_frames"]
