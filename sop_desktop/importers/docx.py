"""Read SOP tables from Word (.docx) files, with the flowchart drawn over them.

The text comes from python-docx's element tree: every body paragraph becomes a line, every
table row a line with one cell per grid column (merged cells: the text in the first column of
a horizontal merge, nothing in the rows a vertical merge continues), so the text importer's
header, identity, waktu and multi-SOP logic applies unchanged. The drawing comes from the
package's own XML (checked first by drawingml.guard_package: no DTDs, bounded sizes and shape
count): DrawingML shapes, groups and connectors anchored in a cell paragraph, inline in it, or
floating over the table from a paragraph before it are placed against the table's column grid
and row heights (exact heights as written, others estimated from the text), and handed to the
shared flowchart logic (drawingml.apply_drawn_rows -> flowread): lane from the column a symbol
sits in, kind from its preset geometry, Ya/Tidak targets from connectors and text boxes.
Each table with rows is also a grid page (drawingml.GridPage) and each step keeps the row it
was read from (`ImportResult.pages`/`origins`, for the review screen).
"""

from __future__ import annotations

import math
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from sop_desktop.errors import ImportFailed
from sop_desktop.importers.build import parse_lines
from sop_desktop.importers.cells import Line
from sop_desktop.importers.drawingml import (
    EMU_PT,
    A,
    Drawn,
    GridPage,
    RowBand,
    apply_drawn_rows,
    child_transform,
    grid_page,
    guard_package,
    read_shape,
    rotated_box,
)
from sop_desktop.importers.flowread import Origins
from sop_desktop.importers.geometry import Page, PageSource
from sop_desktop.importers.result import ImportResult
from sop_desktop.importers.zipguard import check_directory

if TYPE_CHECKING:  # python-docx is heavy: imported only when a Word file is read
    from docx.document import Document

# python-docx's element tree is lxml's, which ships no type information
XmlEl: TypeAlias = Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
WPG = "{http://schemas.microsoft.com/office/word/2010/wordprocessingGroup}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {f"{W}drawing", f"{W}pict", f"{MC}AlternateContent", f"{W}object", f"{W}delText"}
MAX_LINES = 40000


def import_docx(path: str | Path) -> ImportResult:
    """Every SOP table of a .docx file -> ImportResult (hostile files refused first)."""
    path = Path(path)
    guard_package(path, ".docx")
    with zipfile.ZipFile(path) as zf:
        types = zf.read("[Content_Types].xml")
        if b"wordprocessingml" not in types and b"ms-word" not in types:
            raise ImportFailed(f"{path.name}: bukan dokumen Word (.docx): tidak ada "
                               "bagian dokumen Word (word/document.xml)")
    try:
        import docx

        document = docx.Document(str(path))
    except Exception:  # python-docx raises many kinds on a damaged package
        raise ImportFailed(f"{path.name}: dokumen Word rusak atau tidak dapat dibaca") from None
    body = _Body(document, path)
    body.walk()
    if not any(not line.blank for line in body.lines):
        raise ImportFailed(f"{path.name}: dokumen Word kosong; tidak ditemukan tabel SOP")
    sops, warnings = parse_lines(body.lines, path.name)
    rows = apply_drawn_rows(sops, body.lines, body.bands)
    pages: list[Page] = list(body.pages)
    return ImportResult(sops, body.warnings + warnings, pages, Origins(rows) if pages else None)


def _twips(el: XmlEl | None, attr: str = "w", default: float = 0.0) -> float:
    """A twips attribute in points."""
    if el is None:
        return default
    try:
        value = float(el.get(f"{W}{attr}", "") or 0) / 20.0
    except ValueError:
        return default
    return value if math.isfinite(value) and abs(value) < 1e6 else default


def _count(el: XmlEl | None, default: int = 0) -> int:
    """A w:val count (gridSpan, gridBefore) as a sane non-negative integer."""
    if el is None:
        return default
    try:
        return max(0, min(int(el.get(f"{W}val", "") or default), 1000))
    except ValueError:
        return default


def _children(el: XmlEl) -> Iterator[XmlEl]:
    """Child elements, with content controls (w:sdt) opened."""
    for child in el:
        if child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _children(content)
        elif isinstance(child.tag, str):
            yield child


def para_text(p: XmlEl) -> str:
    """A paragraph's own text (not the text inside its drawings): tabs kept, breaks as "\\n"."""
    out: list[str] = []

    def walk(el: XmlEl) -> None:
        for c in el:
            tag = c.tag if isinstance(c.tag, str) else ""
            if tag in _SKIP:
                continue
            if tag == f"{W}t" and c.text:
                out.append(c.text)
            elif tag == f"{W}tab":
                out.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                out.append("\n")
            else:
                walk(c)
            if len(out) > 100000:
                return

    walk(p)
    return "".join(out)


@dataclass
class _Table:
    """One Word table's frame: grid, row tops and the drawings placed in it."""

    index: int
    xs: list[float]
    tops: list[float] = field(default_factory=list)  # row tops, then the bottom
    drawn: list[Drawn] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # line number of each row
    indent: float = 0.0
    page_top: float = 0.0  # estimated y of the table on its page (points from the top edge)


class _Body:
    """Walks the document body into Lines and table frames with their drawings."""

    def __init__(self, document: Document, path: Path) -> None:
        """Page settings of the last section; the estimated y starts at the top margin."""
        self.path = path
        self.root = document.element.body
        self.lines: list[Line] = []
        self.bands: dict[int, RowBand] = {}
        self.warnings: list[str] = []
        self.size = _font_size(document)
        sect = self.root.find(f"{W}sectPr")
        mar = sect.find(f"{W}pgMar") if sect is not None else None
        self.margin_left = _twips(mar, "left", 72.0)
        self.margin_top = _twips(mar, "top", 72.0)
        size = sect.find(f"{W}pgSz") if sect is not None else None
        self.page_h = _twips(size, "h", 842.0)
        self.y = self.margin_top  # estimated y on the current page
        self.pending: list[tuple[XmlEl, float]] = []  # body drawings: (element, para top)
        self.tables: list[_Table] = []
        self.pages: list[GridPage] = []  # one a table with rows, in order

    def walk(self) -> None:
        """Every body paragraph and table in order, then each table's drawing placed."""
        for el in _children(self.root):
            if len(self.lines) > MAX_LINES:
                raise ImportFailed(f"{self.path.name}: dokumen terlalu panjang (lebih dari "
                                   f"{MAX_LINES} baris)")
            if el.tag == f"{W}p":
                self._paragraph(el)
            elif el.tag == f"{W}tbl":
                self._table(el)
        if self.pending and self.tables:
            self._safely(self._place_body, self.tables[-1])
        for table in self.tables:
            self._finish(table)
        if any(not any(a.tag == f"{MC}Fallback" for a in pict.iterancestors())
               for pict in self.root.iter(f"{W}pict")):
            self.warnings.append(f"{self.path.name}: gambar VML (Word lama) tidak dibaca; "
                                 "simpan ulang dokumen dengan Word baru agar bagan ikut terbaca")

    # ---- body paragraphs

    def _paragraph(self, p: XmlEl) -> None:
        """A body paragraph: its lines, its floating drawings (kept for the next table), its
        height."""
        if p.find(f".//{W}br[@{W}type='page']") is not None or \
                p.find(f"{W}pPr/{W}pageBreakBefore") is not None:
            self.y = self.margin_top
        text = para_text(p)
        for piece in text.split("\n") if text else [""]:
            self.lines.append(Line(len(self.lines) + 1, [c.strip() for c in piece.split("\t")]
                                   if piece.strip() else []))
        for drawing in p.iter(f"{W}drawing"):
            self.pending.append((drawing, self.y))
        self.y += self._para_height(p, text, 450.0)
        if self.y > self.page_h:
            self.y = self.margin_top + (self.y - self.page_h) % max(1.0, self.page_h)

    def _para_height(self, p: XmlEl, text: str, width: float) -> float:
        spacing = p.find(f"{W}pPr/{W}spacing")
        line_h = self.size * 1.17
        if spacing is not None and spacing.get(f"{W}lineRule") == "exact":
            line_h = _twips(spacing, "line", line_h)
        chars = max(8, int(width / (self.size * 0.5)))
        lines = sum(max(1, math.ceil(len(part) / chars)) for part in (text or "").split("\n"))
        for d in p.iter(f"{WP}inline"):
            ext = d.find(f"{WP}extent")
            if ext is not None:
                line_h = max(line_h, min(_emu_pt(ext.get("cy")), 2000.0))
        return lines * line_h + _twips(spacing, "before") + _twips(spacing, "after")

    # ---- tables

    def _table(self, tbl: XmlEl) -> None:
        """A table: its column grid from w:tblGrid, then its rows."""
        grid = [_twips(g) for g in tbl.findall(f"{W}tblGrid/{W}gridCol")]
        if not grid:
            grid = [60.0] * 4
        xs = [0.0]
        for w in grid:
            xs.append(xs[-1] + max(w, 1.0))
        table = _Table(len(self.tables), xs, tops=[0.0],
                       indent=_twips(tbl.find(f"{W}tblPr/{W}tblInd")), page_top=self.y)
        self.tables.append(table)
        if self.pending:
            self._safely(self._place_body, table)
        mar = tbl.find(f"{W}tblPr/{W}tblCellMar/{W}left")
        self.cell_margin = _twips(mar, "w", 5.4) if mar is not None else 5.4
        for tr in (c for c in _children(tbl) if c.tag == f"{W}tr"):
            self._row(tr, table)
        self.y = table.page_top + table.tops[-1]
        while self.y > self.page_h:
            self.y -= self.page_h - self.margin_top

    def _row(self, tr: XmlEl, table: _Table) -> None:
        """One table row -> a Line with one cell per grid column; its height; its drawings."""
        if len(self.lines) > MAX_LINES:
            raise ImportFailed(f"{self.path.name}: dokumen terlalu panjang (lebih dari "
                               f"{MAX_LINES} baris)")
        n = len(table.xs) - 1
        cells = [""] * n
        col = _count(tr.find(f"{W}trPr/{W}gridBefore"))
        top = table.tops[-1]
        content = 0.0
        placed: list[tuple[XmlEl, int, float, XmlEl]] = []  # drawing, column, y in the cell, para
        for tc in (c for c in _children(tr) if c.tag == f"{W}tc"):
            if col >= n:
                break
            span = max(1, _count(tc.find(f"{W}tcPr/{W}gridSpan"), 1))
            vmerge = tc.find(f"{W}tcPr/{W}vMerge")
            continued = vmerge is not None and vmerge.get(f"{W}val", "continue") != "restart"
            width = table.xs[min(n, col + span)] - table.xs[col]
            texts, y = [], 0.0
            for p in tc.iter(f"{W}p"):
                if any(a.tag in _SKIP for a in p.iterancestors()):
                    continue
                text = para_text(p)
                if text.strip():
                    texts.append(" ".join(text.split()))
                for drawing in p.iter(f"{W}drawing"):
                    placed.append((drawing, col, y + _twips(p.find(f"{W}pPr/{W}spacing"),
                                                            "before"), p))
                y += self._para_height(p, text, max(10.0, width - 2 * self.cell_margin))
            if not continued:
                cells[col] = "\n".join(texts)
            content = max(content, y)
            col += span
        height = tr.find(f"{W}trPr/{W}trHeight")
        given = _twips(height, "val")
        rule = height.get(f"{W}hRule", "atLeast") if height is not None else "auto"
        row_h = given if rule == "exact" and given > 0 else max(given, content + 1.0)
        table.tops.append(top + row_h)
        line = Line(len(self.lines) + 1, cells)
        self.lines.append(line)
        table.lines.append(line.no)
        for drawing, c, y, p in placed:
            self._safely(self._place_cell, drawing, table, c, top, y, p)

    # ---- drawings

    def _safely(self, place: Callable[..., None], *args: object) -> None:
        """Place drawings; one with unreadable numbers is left out (named once), the text
        of the table is read all the same."""
        try:
            place(*args)
        except (ValueError, TypeError, OverflowError, ArithmeticError):
            self.pending.clear()
            note = (f"{self.path.name}: sebagian gambar bagan rusak dan tidak dibaca; "
                    "pelaksana dan cabang langkah itu dibaca dari teks")
            if note not in self.warnings:
                self.warnings.append(note)

    def _place_cell(self, drawing: XmlEl, table: _Table, col: int, row_top: float, para_y: float,
                    p: XmlEl) -> None:
        """A drawing in a cell paragraph: positions relative to the cell (layoutInCell), or to
        the page/margin, or inline in the paragraph."""
        cell_x = table.xs[col]
        width = table.xs[col + 1] - cell_x if col + 1 < len(table.xs) else 0.0
        anchor = drawing.find(f"{WP}anchor")
        inline = drawing.find(f"{WP}inline")
        frame = anchor if anchor is not None else inline
        if frame is None:
            return
        ext = frame.find(f"{WP}extent")
        w = float(ext.get("cx", "0") or 0) / EMU_PT if ext is not None else 0.0
        h = float(ext.get("cy", "0") or 0) / EMU_PT if ext is not None else 0.0
        if inline is not None:
            jc = p.find(f"{W}pPr/{W}jc")
            align = jc.get(f"{W}val", "left") if jc is not None else "left"
            x = cell_x + self.cell_margin
            if align == "center":
                x = cell_x + (width - w) / 2
            elif align in ("right", "end"):
                x = cell_x + width - self.cell_margin - w
            self._graphic(frame, table, x, row_top + para_y, w, h)
            return
        in_cell = anchor.get("layoutInCell", "1") not in ("0", "false")
        x = self._pos(anchor, "H", cell_x + self.cell_margin, width, w, table, in_cell)
        y = self._pos_v(anchor, row_top + para_y, table, in_cell)
        self._graphic(frame, table, x, y, w, h)

    def _pos(self, anchor: XmlEl, axis: str, base: float, span: float, size: float, table: _Table,
             in_cell: bool) -> float:
        """The x of an anchored drawing in the table frame, from its horizontal position."""
        pos = anchor.find(f"{WP}position{axis}")
        rel = pos.get("relativeFrom", "column") if pos is not None else "column"
        off_el = pos.find(f"{WP}posOffset") if pos is not None else None
        align = pos.find(f"{WP}align") if pos is not None else None
        off = _emu_pt(off_el.text if off_el is not None else "0")
        if not in_cell or rel in ("page", "margin", "leftMargin", "rightMargin"):
            base = (0.0 if rel == "page" else self.margin_left) - self.margin_left - \
                table.indent
            span = table.xs[-1]
        if align is not None and align.text in ("center", "right", "left"):
            return base + {"left": 0.0, "center": (span - size) / 2,
                           "right": span - size}[align.text]
        return base + off

    def _pos_v(self, anchor: XmlEl, para_top: float, table: _Table, in_cell: bool) -> float:
        pos = anchor.find(f"{WP}positionV")
        rel = pos.get("relativeFrom", "paragraph") if pos is not None else "paragraph"
        off_el = pos.find(f"{WP}posOffset") if pos is not None else None
        off = _emu_pt(off_el.text if off_el is not None else "0")
        if rel in ("paragraph", "line"):
            return para_top + off
        base = 0.0 if rel == "page" else self.margin_top
        return base + off - table.page_top

    def _place_body(self, table: _Table) -> None:
        """Drawings anchored in body paragraphs float over the next (or last) table."""
        for drawing, para_top in self.pending:
            anchor = drawing.find(f"{WP}anchor")
            if anchor is None:
                continue
            ext = anchor.find(f"{WP}extent")
            w = float(ext.get("cx", "0") or 0) / EMU_PT if ext is not None else 0.0
            h = float(ext.get("cy", "0") or 0) / EMU_PT if ext is not None else 0.0
            x = self._pos(anchor, "H", 0.0, table.xs[-1], w, table, False)
            pos = anchor.find(f"{WP}positionV")
            rel = pos.get("relativeFrom", "paragraph") if pos is not None else "paragraph"
            off_el = pos.find(f"{WP}posOffset") if pos is not None else None
            off = _emu_pt(off_el.text if off_el is not None else "0")
            if rel in ("paragraph", "line"):
                y = para_top + off - table.page_top
            else:
                y = (0.0 if rel == "page" else self.margin_top) + off - table.page_top
            self._graphic(anchor, table, x, y, w, h)
        self.pending.clear()

    def _graphic(self, frame: XmlEl, table: _Table, x: float, y: float, w: float, h: float) -> None:
        """Read the shape or group of one drawing placed at (x, y) with size (w, h), in points."""
        data = frame.find(f"{A}graphic/{A}graphicData")
        if data is None:
            return
        doc_pr = frame.find(f"{WP}docPr")
        ident = doc_pr.get("id", "") if doc_pr is not None else ""
        wsp = data.find(f"{WPS}wsp")
        if wsp is not None:
            xfrm = wsp.find(f"{WPS}spPr/{A}xfrm")
            box = rotated_box((x, y, x + w, y + h), xfrm)
            table.drawn.append(read_shape(wsp, f"w{ident}", box, "w"))
            return
        group = data.find(f"{WPG}wgp")
        if group is None:
            group = data.find("{http://schemas.microsoft.com/office/word/2010/"
                              "wordprocessingCanvas}wpc")
        if group is None:
            return
        grp_pr = group.find(f"{WPG}grpSpPr")
        xfrm = grp_pr.find(f"{A}xfrm") if grp_pr is not None else None
        off = xfrm.find(f"{A}off") if xfrm is not None else None
        ox = float(off.get("x", "0") or 0) if off is not None else 0.0
        oy = float(off.get("y", "0") or 0) if off is not None else 0.0

        def outer(ex: float, ey: float) -> tuple[float, float]:
            return x + (ex - ox) / EMU_PT, y + (ey - oy) / EMU_PT

        self._group(group, child_transform(grp_pr, outer) if grp_pr is not None else outer,
                    table, 0)

    def _group(self, group: XmlEl, to_pt: Callable[[float, float], tuple[float, float]],
               table: _Table, depth: int) -> None:
        """The shapes of a group (and of groups inside it), mapped through `to_pt`."""
        if depth > 8:
            return
        for child in group:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == f"{WPS}wsp":
                xfrm = child.find(f"{WPS}spPr/{A}xfrm")
                off = xfrm.find(f"{A}off") if xfrm is not None else None
                ext = xfrm.find(f"{A}ext") if xfrm is not None else None
                if off is None or ext is None:
                    continue
                ox, oy = float(off.get("x", "0") or 0), float(off.get("y", "0") or 0)
                x0, y0 = to_pt(ox, oy)
                x1, y1 = to_pt(ox + float(ext.get("cx", "0") or 0),
                               oy + float(ext.get("cy", "0") or 0))
                cnv = child.find(f"{WPS}cNvPr")
                ident = cnv.get("id", "") if cnv is not None else ""
                box = rotated_box((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)), xfrm)
                table.drawn.append(read_shape(child, f"w{ident}", box, "w"))
            elif tag in (f"{WPG}grpSp", f"{WPG}wgp"):
                self._group(child, child_transform(child.find(f"{WPG}grpSpPr"), to_pt), table,
                            depth + 1)

    def _finish(self, table: _Table) -> None:
        """The table as a grid page with its drawing, and each of its rows' band on it."""
        if len(table.tops) < 2:
            return
        rows = [(self.lines[no - 1], table.tops[k], table.tops[k + 1])
                for k, no in enumerate(table.lines)]
        page = grid_page(table.drawn, table.xs, rows, table.index + 1,
                         PageSource(str(self.path), table.index, "docx"))
        self.pages.append(page)
        for line, top, bottom in rows:
            self.bands[line.no] = RowBand(line.no, page, top, bottom, table.xs)


def _emu_pt(text: str | None) -> float:
    """An EMU count (text) in points; 0 when it is not a sane number."""
    try:
        value = float((text or "0").strip()) / EMU_PT
    except ValueError:
        return 0.0
    return value if math.isfinite(value) and abs(value) < 1e6 else 0.0


def _font_size(document: Document) -> float:
    """The Normal style's font size in points (11 when the document does not say)."""
    try:
        size = document.styles["Normal"].font.size
        if size is not None:
            return float(size.pt)
        sz = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
        return float(sz.get(f"{W}val")) / 2 if sz is not None else 11.0
    except (KeyError, ValueError, TypeError, AttributeError):
        return 11.0


def office_refusal(path: Path, head: bytes) -> str:
    """What to tell someone who picked a .doc, .xls, .odt or .ods file (one line), else ""."""
    suffix = path.suffix.lower()
    route = ("atau cetak ke PDF (Berkas → Cetak → Microsoft Print to PDF) lalu impor PDF-nya")
    if head[:4] == b"\xd0\xcf\x11\xe0" or suffix in (".doc", ".xls", ".dot", ".xlt"):
        if suffix in (".doc", ".dot") or (suffix not in (".xls", ".xlt") and
                                          _ole_has(path, b"W\x00o\x00r\x00d\x00D")):
            return ("format .doc (Word 97-2003) tidak didukung; buka di Word lalu Simpan "
                    f"Sebagai 'Dokumen Word (*.docx)', {route}")
        return ("format .xls (Excel 97-2003) tidak didukung; buka di Excel lalu Simpan "
                f"Sebagai 'Buku Kerja Excel (*.xlsx)', {route}")
    if suffix in (".odt", ".ott") or _odf_kind(path, head) == "text":
        return ("berkas OpenDocument teks (.odt) tidak didukung; buka di LibreOffice Writer lalu "
                f"Simpan Sebagai 'Word 2007-365 (.docx)', {route}")
    if suffix in (".ods", ".ots") or _odf_kind(path, head) == "spreadsheet":
        return ("berkas OpenDocument lembar kerja (.ods) tidak didukung; buka di LibreOffice "
                f"Calc lalu Simpan Sebagai 'Excel 2007-365 (.xlsx)', {route}")
    return ""


def _ole_has(path: Path, marker: bytes) -> bool:
    try:
        with open(path, "rb") as fh:
            return marker in fh.read(256 * 1024)
    except OSError:
        return False


def _odf_kind(path: Path, head: bytes) -> str:
    """The OpenDocument kind ("text", "spreadsheet") named by a zip's mimetype, else ""."""
    if head[:4] != b"PK\x03\x04":
        return ""
    try:
        check_directory(path)  # a directory of a million members is not listed here
    except ImportFailed:
        return ""  # the reader that opens it refuses it with the reason
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("mimetype")
            if info.file_size > 200:
                return ""
            mime = zf.read(info).decode("ascii", "replace")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError,
            NotImplementedError, EOFError):
        return ""
    if "opendocument.text" in mime:
        return "text"
    if "opendocument.spreadsheet" in mime:
        return "spreadsheet"
    return ""


__all__ = ["import_docx", "office_refusal", "para_text"]
