"""PDF report scaffolding (reportlab): kop surat, title and period, long tables with the header
repeated on every page, "Halaman x dari y", a signature block and simple charts.

Long tables are split into chunks of CHUNK_ROWS rows: reportlab lays out one huge table much
more slowly than the same rows as many small tables, and the reader cannot tell them apart.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable

from sop_desktop.domain.dates import tanggal
from sop_desktop.errors import ValidationError
from sop_desktop.output import docmeta
from sop_desktop.output.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts
from sop_desktop.output.pdf_cells import TextTable
from sop_desktop.output.signature import Signer, format_nip, signature_parts, signature_table  # noqa: F401 (format_nip: re-exported)
from sop_desktop.output.table import Table, display_value

CHUNK_ROWS = 100
# Paper sizes offices print reports on (F4/Folio is common in Indonesian government offices).
PAPER_SIZES = {"A4": A4, "F4": (215 * mm, 330 * mm), "A3": A3}


def page_size(paper: str | None = "A4", *, landscape_: bool = True) -> tuple[float, float]:
    """A paper name ("A4", "F4", "A3") as a reportlab page size, landscape by default."""
    key = (paper or "A4").upper()
    if key not in PAPER_SIZES:
        raise ValidationError(f"Ukuran kertas '{paper}' tidak dikenal (pilih: A4, F4, A3)")
    size = PAPER_SIZES[key]
    return landscape(size) if landscape_ else size
HEADER_GREY = colors.HexColor("#D9D9D9")
GRID_GREY = colors.HexColor("#7F7F7F")
SERIES_COLORS = [colors.HexColor(c) for c in
                 ("#1F4E78", "#C55A11", "#548235", "#7F6000", "#7030A0", "#2E75B6", "#A5A5A5")]
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BREAK_AFTER = re.compile(r"[^/\-.@_]*(?:[/\-.@_]+|$)")


def para_text(value: object) -> str:
    """User text made safe for a reportlab Paragraph: markup escaped, control chars dropped,
    line breaks kept."""
    text = _CONTROL_RE.sub("", str(value))
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


def styles(base_size: float = 8.0) -> dict[str, ParagraphStyle]:
    """The paragraph styles of reports (DejaVu, so every Indonesian character prints)."""
    register_fonts()
    lead = base_size * 1.2
    return {
        "title": ParagraphStyle("r-title", fontName=SANS_BOLD, fontSize=13, leading=16,
                                alignment=TA_CENTER, spaceAfter=2),
        "subtitle": ParagraphStyle("r-subtitle", fontName=SANS, fontSize=10, leading=13,
                                   alignment=TA_CENTER),
        "heading": ParagraphStyle("r-heading", fontName=SANS_BOLD, fontSize=10.5, leading=13,
                                  spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "body": ParagraphStyle("r-body", fontName=SANS, fontSize=9, leading=11.5),
        "note": ParagraphStyle("r-note", fontName=SANS_ITALIC, fontSize=7.5, leading=9.5),
        "cell": ParagraphStyle("r-cell", fontName=SANS, fontSize=base_size, leading=lead),
        "cell_head": ParagraphStyle("r-cell-head", fontName=SANS_BOLD, fontSize=base_size,
                                    leading=lead, alignment=TA_CENTER),
        "sign": ParagraphStyle("r-sign", fontName=SANS, fontSize=9.5, leading=12.5,
                               alignment=TA_LEFT),
    }


class NumberedCanvas(rl_canvas.Canvas):
    """A canvas that learns the page count at the end and writes "Halaman x dari y" on every
    page, plus a small running header (office and title) from page 2 on."""

    running_left = ""
    running_right = ""
    footer = ""  # small print at the bottom right: app, version, history chain hash

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's, not in its stubs

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        width, height = self._pagesize  # type: ignore[attr-defined]  # reportlab's, not in its stubs
        self.saveState()
        self.setFont(SANS, 7.5)
        self.setFillColor(colors.HexColor("#404040"))
        self.drawCentredString(width / 2, 0.8 * cm, f"Halaman {self.getPageNumber()} dari {total}")
        if self.footer:
            self.setFont(SANS, 5.5)
            self.drawRightString(width - 1.2 * cm, 0.45 * cm, self.footer)
        if self.getPageNumber() > 1:
            if self.running_left:
                self.drawString(1.2 * cm, height - 0.8 * cm, self.running_left[:120])
            if self.running_right:
                self.drawRightString(width - 1.2 * cm, height - 0.8 * cm, self.running_right[:120])
        self.restoreState()


def numbered_canvas(left: str, right: str, footer: str = "") -> type[NumberedCanvas]:
    """A NumberedCanvas class carrying this report's running header and footer texts."""
    return type("ReportCanvas", (NumberedCanvas,),
                {"running_left": left, "running_right": right, "footer": footer})


class ProgressMark(Flowable):
    """An invisible flowable placed after each table chunk: when the layout reaches it, the
    document reports `rows_done` rows laid out (a split table's pieces carry no marks)."""

    def __init__(self, rows_done: int):
        super().__init__()
        self.rows_done = rows_done
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class ReportDocument(BaseDocTemplate):
    """A report page layout (A4 landscape by default) that reports progress as flowables are
    placed: a ProgressMark advances progress(done, total)."""

    def __init__(self, fh: IO[bytes] | str, *, title: str, pagesize: tuple[float, float] | None = None,
                 progress: ProgressFn | None = None, total_rows: int = 0,
                 author: str = "", subject: str = "", keywords: str = "") -> None:
        pagesize = pagesize or landscape(A4)
        super().__init__(fh, pagesize=pagesize, leftMargin=1.2 * cm, rightMargin=1.2 * cm,
                         topMargin=1.2 * cm, bottomMargin=1.4 * cm,
                         **docmeta.pdf_info(title=title, subject=subject, author=author,
                                            keywords=keywords))
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._progress = progress
        self._total_rows = total_rows

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        done = getattr(flowable, "rows_done", None)
        if done is not None and self._progress is not None:
            self._progress(done, self._total_rows)


def title_block(title: str, lines: list[str], st: dict) -> list:
    """The report title and its subtitle lines (period, SOP, filters), centred."""
    out = [Spacer(1, 0.25 * cm), Paragraph(para_text(title), st["title"])]
    out += [Paragraph(para_text(line), st["subtitle"]) for line in lines if line]
    out.append(Spacer(1, 0.35 * cm))
    return out


def column_widths(table: Table, avail: float, font: str = SANS, size: float = 8.0,
                  pad: float = 4.0, head_font: str = SANS_BOLD) -> list[float]:
    """PDF column widths: weights from Column.pdf_width (or width), scaled to the frame; a
    column is never narrower than a whole date (dates) or the longest word of its header, so
    neither breaks in the middle."""
    weights = []
    for col in table.columns:
        weight = col.pdf_width or col.width
        if not weight:
            weight = {"date": 9, "datetime": 12, "int": 6, "float": 7, "percent": 7,
                      "bool": 6}.get(col.kind, 14)
        weights.append(float(weight))
    sample = {"date": "00/00/0000", "datetime": "00/00/0000 00.00"}
    head_floors, data_floors = [], []
    for c in table.columns:
        word = max((stringWidth(w, head_font, size) for w in c.label.split()), default=0.0)
        need = stringWidth(sample[c.kind], font, size) if c.kind in sample else 0.0
        head_floors.append(max(word, need) + pad + 1)
        data = 0.0
        if c.kind == "text":
            # the longest word of the first rows, up to ~12 characters, should not break either
            words = {w[:12] for row in table.rows[:200] for w in str(row.get(c.key) or "").split()}
            data = max((stringWidth(w, font, size) for w in words), default=0.0) + pad + 1
        data_floors.append(max(head_floors[-1], data))
    # as much as the page allows: whole data words, else whole header words and dates, else none
    floors = data_floors
    if sum(floors) > avail * 0.85:
        floors = head_floors
    if sum(floors) > avail * 0.85:
        floors = [0.0] * len(floors)
    widths = [0.0] * len(weights)
    fixed: set[int] = set()
    while True:
        free = avail - sum(widths[i] for i in fixed)
        total = sum(w for i, w in enumerate(weights) if i not in fixed) or 1.0
        changed = False
        for i, w in enumerate(weights):
            if i in fixed:
                continue
            widths[i] = free * w / total
            if widths[i] < floors[i]:
                widths[i] = floors[i]
                fixed.add(i)
                changed = True
        if not changed:
            return widths


def wrap_lines(text: str, width: float, font: str, size: float,
               memo: dict[str, float] | None = None) -> list[str]:
    """Break text into lines no wider than `width` at spaces; a word too long for the
    column is broken between characters. Kept line breaks of the text stay. `memo` keeps
    the words' widths in this font and size across calls (words repeat)."""
    lines: list[str] = []
    space = stringWidth(" ", font, size)
    memo = {} if memo is None else memo
    for para in text.splitlines() or [""]:
        line, used = "", 0.0
        for word in para.split():
            w = memo.get(word)
            if w is None:
                w = memo[word] = stringWidth(word, font, size)
            if w > width:  # a long word (agenda number, e-mail, URL): break it
                if line:
                    lines.append(line)
                    line, used = "", 0.0
                chunk = ""
                # after a / - . or @ where possible ("0021/YANKOMAS-KANWIL/XI/2026"), else
                # between characters (a long number)
                for piece in _BREAK_AFTER.findall(word):
                    if chunk and stringWidth(chunk + piece, font, size) > width:
                        lines.append(chunk)
                        chunk = ""
                    if stringWidth(piece, font, size) > width:
                        for ch in piece:
                            if chunk and stringWidth(chunk + ch, font, size) > width:
                                lines.append(chunk)
                                chunk = ""
                            chunk += ch
                    else:
                        chunk += piece
                line, used = chunk, stringWidth(chunk, font, size)
                continue
            if line and used + space + w > width:
                lines.append(line)
                line, used = word, w
            else:
                used = used + space + w if line else w
                line = f"{line} {word}" if line else word
        lines.append(line)
    return lines


def table_flowables(table: Table, avail: float, st: dict, *, chunk: int = CHUNK_ROWS,
                    total_row: dict | None = None, zebra: bool = True,
                    empty_text: str = "Tidak ada data untuk periode dan saringan ini.") -> list:
    """The table as a list of reportlab Tables of at most `chunk` rows, each repeating the
    header row when it runs onto a new page. Each chunk is followed by a ProgressMark."""
    cell = st["cell"]
    font, size = cell.fontName, cell.fontSize
    pad = 4.0
    widths = column_widths(table, avail, font, size, pad, st["cell_head"].fontName)
    head = [Paragraph(para_text(col.label), st["cell_head"]) for col in table.columns]
    numeric = [i for i, col in enumerate(table.columns)
               if col.kind in ("int", "float", "percent")]
    centred = [i for i, col in enumerate(table.columns) if col.kind in ("date", "datetime", "bool")]
    kinds = [col.kind for col in table.columns]

    memo: dict[str, float] = {}  # widths of words and whole cells in the cell font

    def render(row: dict) -> list:
        out = []
        if len(memo) > 200_000:
            memo.clear()
        for col, width, kind in zip(table.columns, widths, kinds, strict=False):
            text = display_value(row.get(col.key), kind)
            text = _CONTROL_RE.sub("", text)
            # Plain (pre-wrapped) strings lay out several times faster than Paragraphs.
            if "\n" not in text:
                used = memo.get(text)
                if used is None:
                    used = memo[text] = stringWidth(text, font, size)
                if used <= width - pad:
                    out.append(text)
                    continue
            out.append("\n".join(wrap_lines(text, width - pad, font, size, memo)))
        return out

    base: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, size, cell.leading),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID_GREY),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad / 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad / 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    base += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i in numeric]
    base += [("ALIGN", (i, 1), (i, -1), "CENTER") for i in centred]
    rows = table.rows
    if not rows:
        return [Paragraph(para_text(empty_text), st["note"])]
    out = []
    for start in range(0, len(rows), chunk):
        part = rows[start:start + chunk]
        data = [head] + [render(r) for r in part]
        commands = list(base)
        last_chunk = start + chunk >= len(rows)
        if total_row is not None and last_chunk:
            data.append(render(total_row))
            commands += [("FONT", (0, -1), (-1, -1), SANS_BOLD, size),
                         ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F2F2F2"))]
        if zebra:
            commands += [("BACKGROUND", (0, i), (-1, i), colors.HexColor("#F7F9FC"))
                         for i in range(2, len(part) + 1, 2)]
        flow = TextTable(data, colWidths=widths, repeatRows=1, style=TableStyle(commands),
                       hAlign="LEFT")
        out += [flow, ProgressMark(start + len(part))]
    if table.note:
        out.append(Spacer(1, 0.15 * cm))
        out.append(Paragraph(para_text(table.note), st["note"]))
    return out


def signature_block(signer: Signer | None, kota: str, when: dt.date, avail: float,
                    st: dict) -> KeepTogether:
    """Kota and date in Indonesian, jabatan, space to sign, nama and NIP, on the right.

    Empty parts print as dotted lines for a person to fill in by hand."""
    place = f"{kota}, {tanggal(when)}" if kota else tanggal(when)
    parts = signature_parts(signer, st["sign"], place_date=place, blanks=True, bold_name=True)
    block = signature_table(parts, avail, column_width=min(8.5 * cm, avail / 2),
                            space_before=0.6 * cm, space=1.8 * cm)
    # a mark: build_pdf keeps the block with the last rows of the table above
    block.signature_block = True  # type: ignore[attr-defined]
    return block


KEEP_ROWS = 3  # table rows that stay on the signature's page


class RowsWithSignature(Flowable):
    """The end of a table and what follows it (its note, the signature block) laid out so
    that the signature never stands alone on a page: when the page runs out, at least the
    last KEEP_ROWS rows move with it to the next page (under the repeated header)."""

    def __init__(self, table: RLTable, after: list, keep: int = KEEP_ROWS):
        super().__init__()
        self.table, self.after, self.keep = table, after, keep
        self._after_h = 0.0

    def _wrap_after(self, aw: float, ah: float) -> float:
        total = 0.0
        for f in self.after:
            total += f.getSpaceBefore() + f.wrapOn(self.canv, aw, ah)[1] + f.getSpaceAfter()
        return total

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        _, h = self.table.wrapOn(self.canv, aw, ah)
        self._after_h = self._wrap_after(aw, ah)
        self.width, self.height = aw, h + self._after_h
        return self.width, self.height

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, self._after_h)
        y = self._after_h
        for f in self.after:
            y -= f.getSpaceBefore()
            _, h = f.wrapOn(self.canv, self.width, self.height)
            y -= h
            f.drawOn(self.canv, 0, y)
            y -= f.getSpaceAfter()

    def split(self, aw: float, ah: float) -> list[Flowable]:
        table = self.table
        table.wrapOn(self.canv, aw, ah)
        heights = list(table._rowHeights)  # type: ignore[attr-defined]  # set by wrap; not in its stubs
        head = table.repeatRows if isinstance(table.repeatRows, int) else len(table.repeatRows)
        body = len(heights) - head
        used, fit = sum(heights[:head]), 0
        for h in heights[head:]:
            if used + h > ah:
                break
            used, fit = used + h, fit + 1
        fit = min(fit, body - min(self.keep, body))
        if fit > 0:
            parts = table.split(aw, sum(heights[:head + fit]) + 0.01)
            if len(parts) == 2 and isinstance(parts[1], RLTable):
                return [parts[0], RowsWithSignature(parts[1], self.after, self.keep)]
        if not getattr(self, "_postponed", False):
            return []  # the whole end moves to the next page
        # even a fresh page cannot hold the last rows and the signature: let them run on
        return table.split(aw, ah) + list(self.after)


def keep_signature_with_rows(story: list) -> list:
    """The story with every signature block (signature_block) joined to the last rows of
    the table just above it (between them only progress marks, spacers and the table note)."""
    out = list(story)
    i = len(out)
    while i > 0:
        i -= 1
        if not getattr(out[i], "signature_block", False):
            continue
        j = i - 1
        while j >= 0 and isinstance(out[j], (ProgressMark, Spacer, Paragraph)):
            j -= 1
        if j < 0 or not isinstance(out[j], RLTable):
            continue
        between = out[j + 1:i]
        marks = [f for f in between if isinstance(f, ProgressMark)]
        after = [f for f in between if not isinstance(f, ProgressMark)]
        after += list(out[i]._content)  # the signature's KeepTogether, unpacked
        out[j:i + 1] = [RowsWithSignature(out[j], after), *marks]
        i = j
    return out


def _short(label: str, n: int = 28, lines: int = 1) -> str:
    """A chart label cut to `lines` lines of about `n` characters (broken at spaces)."""
    if len(label) <= n:
        return label
    if lines > 1:
        import textwrap

        parts = textwrap.wrap(label, n)
        if len(parts) > lines:
            parts = parts[:lines]
            parts[-1] = _short(parts[-1] + " …", n)
        return "\n".join(parts)
    return label[:n - 1] + "…"


def nice_axis(peak: float, *, ticks: int = 6, whole: bool = True) -> tuple[float, float]:
    """(step, top) of a value axis from 0: a round step (1, 2, 2.5, 5 x 10^n; whole numbers
    for counts) and the first tick at or above `peak`, with at most about `ticks` steps."""
    if peak <= 0:
        return 1.0, 1.0
    raw = peak / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = magnitude * 10
    for factor in (1, 2, 2.5, 5, 10):
        candidate = factor * magnitude
        if candidate >= raw and (not whole or float(candidate).is_integer()):
            step = candidate
            break
    if whole:
        step = max(1.0, float(step))
    top = math.ceil(peak / step - 1e-9) * step
    return float(step), float(top)


def bar_chart(categories: list[str], series: list[tuple[str, list[float]]], *, width: float,
              height: float = 6.5 * cm, title: str = "", horizontal: bool = False,
              value_label: str = "") -> Drawing:
    """A grouped bar chart with a legend (reportlab graphics), for figures a reader would
    rather look at than read."""
    register_fonts()
    drawing = Drawing(width, height)
    top_pad = 16 if title else 4
    legend_h = 14 if len(series) > 1 else 0
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    left = 5.6 * cm if horizontal else 1.3 * cm
    bottom = (0.6 * cm if horizontal else 1.5 * cm) + legend_h
    # reportlab takes any number here; its stubs say int
    chart.x, chart.y = left, bottom  # type: ignore[assignment]
    chart.width = width - left - 0.5 * cm  # type: ignore[assignment]
    chart.height = height - bottom - top_pad - 4  # type: ignore[assignment]
    chart.data = [[float(v or 0) for v in values] for _, values in series] or [[0]]
    if horizontal:  # lying bars are drawn bottom up: the first category goes on top, as listed
        categories = list(reversed(categories))
        chart.data = [list(reversed(values)) for values in chart.data]
    tilt = not horizontal and len(categories) > 8
    chart.categoryAxis.categoryNames = [_short(c, 36, 2) if horizontal
                                        else _short(c, 16) if tilt else _short(c, 14, 2)
                                        for c in categories]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 6.5
    if not horizontal:
        chart.categoryAxis.labels.angle = 25 if tilt else 0
        chart.categoryAxis.labels.boxAnchor = "ne" if tilt else "n"
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    peak = max((max(vals) for vals in chart.data if vals), default=0)
    # round ticks (1, 2, 5 x 10^n) up to one at or above the highest bar
    step, top = nice_axis(peak, whole=all(float(v).is_integer()
                                          for vals in chart.data for v in vals))
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = top
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i in range(len(chart.data)):
        chart.bars[i].fillColor = SERIES_COLORS[i % len(SERIES_COLORS)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if title:
        drawing.add(String(width / 2, height - 11, title, fontName=SANS_BOLD, fontSize=8.5,
                           textAnchor="middle"))
    if value_label:
        drawing.add(String(2, height - 11, value_label, fontName=SANS, fontSize=6.5))
    if len(series) > 1:
        legend = Legend()
        legend.fontName = SANS
        legend.fontSize = 7
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.dx = legend.dy = 6
        legend.deltax = 10
        legend.x, legend.y = left, 8  # type: ignore[assignment]  # any number, as above
        legend.colorNamePairs = [(SERIES_COLORS[i % len(SERIES_COLORS)], name)
                                 for i, (name, _) in enumerate(series)]
        drawing.add(legend)
    return drawing


def build_pdf(fh: IO[bytes] | str, story: list[Flowable], *, title: str, running_left: str = "",
              progress: ProgressFn | None = None, total_rows: int = 0,
              pagesize: tuple[float, float] | None = None, subject: str = "",
              chain_hash: str | None = None) -> None:
    """Lay out `story` into `fh` with page numbers "Halaman x dari y", the app and the history
    chain hash in the small print, and the document properties filled in."""
    doc = ReportDocument(fh, title=title, pagesize=pagesize, progress=progress,
                         total_rows=total_rows, author=running_left, subject=subject,
                         keywords=f"{docmeta.HASH_LABEL}: {docmeta.hash_text(chain_hash)}")
    doc.build(keep_signature_with_rows(story), canvasmaker=numbered_canvas(running_left, title,
                                                 docmeta.footer_text(chain_hash)))


ProgressFn = Callable[[int, int], None]
