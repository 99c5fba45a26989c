"""The kinerja report as an .xlsx: one sheet per table, and the charts on a sheet of their own
("Grafik") where each chart fills one printed page with its figures and full names beside it.

Charts never sit under a table: a printed table repeats its header row on every page, and a
chart below it would be cut across pages with that header drawn over it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from sop_desktop.output import docmeta
from sop_desktop.output.atomic import write_atomic
from sop_desktop.output.pdf import nice_axis
from sop_desktop.output.xlsx import PAPER_CODES, SIDE_MARGIN_IN, save_workbook, write_table
from sop_desktop.reports.kinerja_tables import (
    categories_table,
    monitoring_table,
    positions_table,
    steps_table,
    summary_table,
)

if TYPE_CHECKING:  # kinerja imports this module when writing: only the type, to avoid a cycle
    from sop_desktop.reports.kinerja import KinerjaData

CHART_SHEET = "Grafik"
PAGE_ROWS = 26  # rows of one chart's page area (a row break after each)
ROW_PT = 15.0
CHART_CM = (17.0, 11.5)  # width, height of each chart
MAX_BARS = 15  # a chart with more categories shows the largest ones (the tables hold all)
LABEL_CHARS = 22  # category labels longer than this are shortened (full name in the key)
KEY_COLUMN = 11  # the key table (label, full name, figures) starts in column K
KEY_WIDTHS = (24.0, 40.0)


@dataclass
class ChartSpec:
    """One chart: its title, full category names, series (name, values), percent or counts."""

    title: str
    names: list[str]
    series: list[tuple[str, list[float]]]
    percent: bool = False
    y_title: str = "kasus"
    note: str = ""


def short_label(index: int, name: str, limit: int = LABEL_CHARS) -> str:
    """'3. Kegiatan Diseminasi…': numbered (the key beside the chart names it in full) and cut
    at a word so that the label keeps to one line and the plot keeps its height."""
    text = f"{index}. {' '.join(name.split())}"
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut[len(str(index)) + 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,.;:-") + "…"


def top_categories(spec: ChartSpec) -> ChartSpec:
    """The MAX_BARS categories with the largest first series (in their table order)."""
    if len(spec.names) <= MAX_BARS:
        return spec
    first = spec.series[0][1]
    keep = sorted(sorted(range(len(spec.names)), key=lambda i: -(first[i] or 0))[:MAX_BARS])
    return ChartSpec(f"{spec.title} ({MAX_BARS} terbesar)", [spec.names[i] for i in keep],
                     [(n, [v[i] for i in keep]) for n, v in spec.series], spec.percent,
                     spec.y_title, spec.note)


def setup_chart_sheet(ws: Worksheet, nseries: int, paper: str = "A4") -> None:
    """Column widths, one page wide, landscape, no repeated header rows."""
    for col in range(1, KEY_COLUMN):
        ws.column_dimensions[get_column_letter(col)].width = 9
    ws.column_dimensions[get_column_letter(KEY_COLUMN)].width = KEY_WIDTHS[0]
    ws.column_dimensions[get_column_letter(KEY_COLUMN + 1)].width = KEY_WIDTHS[1]
    for i in range(nseries):
        ws.column_dimensions[get_column_letter(KEY_COLUMN + 2 + i)].width = 11
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_CODES.get(paper, "9")
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN_IN
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if ws.oddFooter is not None:  # openpyxl makes one with every sheet
        ws.oddFooter.center.text = "Halaman &P dari &N"


def add_chart_page(ws: Worksheet, index: int, spec: ChartSpec) -> int:
    """Write chart `index` (0-based) into its own page area of the chart sheet; returns its
    first row. The figures go in the key table beside the chart; a row break follows."""
    spec = top_categories(spec)
    top = 1 + index * PAGE_ROWS
    for r in range(top, top + PAGE_ROWS):
        ws.row_dimensions[r].height = ROW_PT
    ws.cell(top, 1, spec.title).font = Font(bold=True, size=12)
    key = KEY_COLUMN
    head = top + 1
    ws.cell(head, key, "Label")
    ws.cell(head, key + 1, "Nama lengkap")
    for j, (name, _) in enumerate(spec.series):
        ws.cell(head, key + 2 + j, name)
    for c in range(key, key + 2 + len(spec.series)):
        cell = ws.cell(head, c)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[head].height = 2 * ROW_PT
    for i, name in enumerate(spec.names, 1):
        r = head + i
        ws.cell(r, key, short_label(i, name))
        ws.cell(r, key + 1, name).alignment = Alignment(wrap_text=True, vertical="top")
        if len(name) > KEY_WIDTHS[1] * 1.1:  # a long name takes two lines (the page has room)
            ws.row_dimensions[r].height = 2 * ROW_PT
        for j, (_, values) in enumerate(spec.series):
            cell = ws.cell(r, key + 2 + j, values[i - 1])
            if spec.percent:
                cell.number_format = "0%"
    if spec.note:
        ws.cell(head + len(spec.names) + 2, key, spec.note).font = Font(italic=True, size=9)
    if spec.names:
        ws.add_chart(_bar_chart(ws, spec, head), f"A{top + 2}")
    ws.row_breaks.append(Break(id=top + PAGE_ROWS - 1))
    return top


def _bar_chart(ws: Worksheet, spec: ChartSpec, head: int) -> BarChart:
    """Bars lying down (labels take width, not the plot's height), round axis ticks that
    reach past the highest bar."""
    n = len(spec.names)
    chart = BarChart()
    chart.type = "bar"
    chart.title = None
    chart.y_axis.title = spec.y_title or None
    chart.width, chart.height = CHART_CM  # type: ignore[assignment]  # cm; openpyxl takes a float, its stubs say int
    for j in range(len(spec.series)):
        ref = Reference(ws, min_col=KEY_COLUMN + 2 + j, min_row=head, max_row=head + n)
        chart.add_data(ref, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=KEY_COLUMN, min_row=head + 1, max_row=head + n))
    chart.x_axis.scaling.orientation = "maxMin"  # the first category on top, as in the key
    peak = max((max((v or 0) for v in values) for _, values in spec.series if values), default=0)
    if spec.percent:
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
        chart.y_axis.majorUnit = 0.2
        chart.y_axis.numFmt = "0%"
    else:
        step, top = nice_axis(peak)
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, top
        chart.y_axis.majorUnit = step
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.legend.position = "b"
    return chart


def chart_specs(data: KinerjaData) -> list[ChartSpec]:
    """The report's charts (one page each on the xlsx "Grafik" sheet)."""
    specs = []
    if len(data.sops) == 1:
        f = data.sops[0]
        specs.append(ChartSpec(
            "Kasus pada periode ini",
            ["Diterima", "Selesai", "Selesai dalam mutu baku", "Dalam proses", "Dihentikan",
             "Melewati batas"],
            [("Kasus", [f.received, f.finished, f.finished_on_time, f.in_progress, f.stopped,
                        f.overdue])]))
        if f.steps:
            specs.append(ChartSpec(
                "% kunjungan langkah yang sesuai standar waktu",
                [f"Langkah {s.number}" for s in f.steps],
                [("% sesuai standar", [s.within_share or 0 for s in f.steps])],
                percent=True, y_title=""))
    elif data.sops:
        specs.append(ChartSpec(
            "Kasus per SOP", [f.sop.name for f in data.sops],
            [("Diterima", [f.received for f in data.sops]),
             ("Selesai", [f.finished for f in data.sops]),
             ("Dalam proses", [f.in_progress for f in data.sops]),
             ("Dihentikan", [f.stopped for f in data.sops])]))
    if data.positions:
        specs.append(ChartSpec(
            "Tunggakan per jabatan", [p.position for p in data.positions],
            [("Kasus berjalan", [p.backlog for p in data.positions]),
             ("Melewati batas", [p.overdue for p in data.positions])]))
    if len(data.sops) == 1 and data.sops[0].categories:
        f = data.sops[0]
        specs.append(ChartSpec(
            f.category_label, [c[0] for c in f.categories],
            [("Diterima dalam periode", [c[1] for c in f.categories]),
             ("Selesai dalam periode", [c[2] for c in f.categories])]))
    return specs


def write_kinerja_workbook(data: KinerjaData, path: str | Path,
                           progress: Callable[[int, int], None] | None = None) -> Path:
    """The report as an .xlsx: one sheet per table, the charts on the "Grafik" sheet;
    written atomically."""
    office = data.office.kantor or data.office.kementerian
    summary, total = summary_table(data)
    tables = [("Ringkasan", summary, total), ("Waktu Langkah", steps_table(data), None),
              ("Tunggakan Jabatan", positions_table(data), None),
              ("Kategori", categories_table(data), None)]
    monitoring = monitoring_table(data)
    heading = [data.title] + data.heading
    hash_line = f"{docmeta.HASH_LABEL}: {docmeta.hash_text(data.chain_hash)}"
    parts = len(tables) + 3

    def write(fh: BinaryIO) -> None:
        wb = Workbook()
        docmeta.set_xlsx_properties(wb, title=data.title, subject=" \u2014 ".join(data.heading),
                                    office=office, chain_hash=data.chain_hash)
        if wb.active is not None:
            wb.remove(wb.active)
        for done, (name, table, total_row) in enumerate(tables, 1):
            ws = wb.create_sheet(name)
            write_table(ws, table, office=office, heading=heading, total_row=total_row,
                        footer_lines=[hash_line] if total_row else None)
            _report(progress, done, parts)
        ws = wb.create_sheet("Monitoring SOP")
        hr = write_table(ws, monitoring, office=office, heading=heading, filters=False)
        last = hr + len(monitoring.rows) + 3
        ws.cell(last, 5, "Dinilai oleh (nama, jabatan, NIP):")
        ws.cell(last + 1, 5, "Tanggal penilaian:")
        specs = chart_specs(data)
        if specs:
            ws = wb.create_sheet(CHART_SHEET)
            setup_chart_sheet(ws, max(len(s.series) for s in specs))
            for i, spec in enumerate(specs):
                add_chart_page(ws, i, spec)
        _report(progress, parts - 1, parts)
        docmeta.add_info_sheet(wb, docmeta.info_rows(
            title=data.title, office=office, lines=data.heading, chain_hash=data.chain_hash,
            made_at=data.generated_at))
        save_workbook(wb, fh)

    out = write_atomic(path, write)
    _report(progress, parts, parts)
    return out


def _report(progress: Callable[[int, int], None] | None, done: int, total: int) -> None:
    """Tell `progress` how far the workbook is."""
    if progress is not None:
        progress(done, total)
