"""Laporan kinerja: per SOP and period, what came in, what was finished (and how much of it
within the mutu baku), step times against their standard, returns, backlog and overdue per
position, a breakdown by an intake category, and the SOP monitoring sheet of Permenpan RB
35/2012 prefilled from those figures.

`compute_kinerja(...)` is pure (CaseFacts in, figures out); `build_kinerja(services, ...)`
reads the database; `write_kinerja_xlsx` / `write_kinerja_pdf` write the files atomically.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from sop_desktop.domain.calendar import WorkCalendar
from sop_desktop.domain.dates import tanggal, tanggal_jam
from sop_desktop.domain.model import SopDefinition
from sop_desktop.errors import ValidationError
from sop_desktop.output import docmeta
from sop_desktop.output.atomic import write_atomic
from sop_desktop.output.table import Table
from sop_desktop.reports.facts import CaseFacts, is_return, mean, median, percentile, stay_at, step_stays
from sop_desktop.reports.kinerja_tables import (
    categories_table,
    monitoring_table,
    positions_table,
    steps_table,
    summary_table,
)
from sop_desktop.reports.loader import case_query, load_cases
from sop_desktop.reports.periods import Period
from sop_desktop.reports.registers import complaint_field_map
from sop_desktop.reports.timing import (
    StepStandard,
    Timer,
    elapsed,
    fast_calendar,
    step_standard,
    within_standard,
)
from sop_desktop.services import office as office_mod
from sop_desktop.services.office import OfficeProfile
from sop_desktop.services.positions import normalize_name
from sop_desktop.settings import REPORT_SIGNER
from sop_desktop.storage import db as dbm
from sop_desktop.storage.calendar_settings import load_calendar_settings

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from sop_desktop.services.container import Services

# reportlab and openpyxl (output.pdf, output.kop, output.xlsx, kinerja_xlsx) are imported in the
# functions that write files, on purpose: they load only when a report is written (start-up)

Progress = Callable[[int, int], None]
GOOD_SHARE = 0.7  # share finished within the mutu baku from which a procedure "runs well"
OVERDUE_SHARE = 0.1  # open cases past their step's time, as a share of the cases received
RETURN_SHARE = 0.1  # returns per received case above which the requirements need clearing up
NO_CATEGORY = "(tidak diisi)"
TITLE = "LAPORAN KINERJA PELAKSANAAN SOP"


@dataclass
class StepFigures:
    """Times of one step over the stays that ended in the period, against its standard."""

    number: int
    kegiatan: str
    position: str
    standard: StepStandard
    count: int = 0
    mean: float | None = None
    median: float | None = None
    p90: float | None = None
    within: int = 0  # stays that met the standard
    measured: int = 0  # stays that had a standard to meet
    returns: int = 0  # times a case was sent back from this step

    @property
    def within_share(self) -> float | None:
        return self.within / self.measured if self.measured else None


@dataclass
class SopFigures:
    """The figures of one SOP for the period."""

    sop: SopDefinition
    received: int = 0
    finished: int = 0
    finished_on_time: int = 0
    finished_measured: int = 0  # finished cases of versions with a time standard
    in_progress: int = 0  # open at the end of the period (or now)
    stopped: int = 0
    overdue: int = 0  # open and past their current step's due time at the end of the period
    returned_cases: int = 0
    returns: int = 0
    steps: list[StepFigures] = field(default_factory=list)
    category_key: str = ""
    category_label: str = ""
    categories: list[tuple[str, int, int, int]] = field(default_factory=list)  # value, in, done, open

    @property
    def on_time_share(self) -> float | None:
        return self.finished_on_time / self.finished_measured if self.finished_measured else None


@dataclass
class PositionFigures:
    """Open cases waiting at a position at the end of the period, and how many are overdue."""

    position: str
    backlog: int = 0
    overdue: int = 0


@dataclass
class MonitoringRow:
    """A row of the monitoring sheet (Permenpan RB 35/2012), prefilled for a person to complete."""

    prosedur: str
    baik: bool | None  # None: no figures to judge by
    catatan: str
    tindakan: str


@dataclass
class KinerjaData:
    """A performance report ready to write."""

    title: str
    heading: list[str]
    period: Period
    as_of: dt.datetime
    office: OfficeProfile
    sops: list[SopFigures]
    positions: list[PositionFigures]
    monitoring: list[MonitoringRow]
    signer: dict[str, Any] | None = None
    generated_at: dt.datetime | None = None  # when the report was made (the signature date)
    chain_hash: str | None = None  # the history chain head when the cases were read

    def totals(self) -> dict:
        keys = ("received", "finished", "finished_on_time", "finished_measured", "in_progress",
                "stopped", "overdue", "returned_cases", "returns")
        return {k: sum(getattr(s, k) for s in self.sops) for k in keys}


def category_field(defn: SopDefinition, key: str | None = None) -> tuple[str, str]:
    """(key, label) of the intake field to break the cases down by: `key` when given, else the
    'hak yang diduga dilanggar' of a complaint SOP, else the first choice field."""
    fields = {f.key: f for f in defn.fields}
    if key:
        if key in fields:
            return key, fields[key].label
        wanted = normalize_name(key)
        for f in defn.fields:
            if normalize_name(f.label) == wanted or normalize_name(f.key) == wanted:
                return f.key, f.label
        return "", ""
    hak = complaint_field_map(defn).get("hak")
    if hak:
        return hak, fields[hak].label
    for f in defn.fields:
        if f.type == "choice":
            return f.key, f.label
    return "", ""


def _sop_figures(defn: SopDefinition, cases: list[CaseFacts], period: Period, as_of: dt.datetime,
                 calendar: WorkCalendar, timer: Timer, category_key: str | None
                 ) -> tuple[SopFigures, list[tuple[str, bool]]]:
    """One SOP's figures, and (position, late) of each case open at `as_of`."""
    fig = SopFigures(defn)
    step_values: dict[int, list[float]] = defaultdict(list)
    step_within: Counter = Counter()
    step_measured: Counter = Counter()
    step_returns: Counter = Counter()
    standards = {s.number: step_standard(s) for s in defn.steps}
    open_stays = []
    returned_cases = set()
    for case in cases:
        if period.contains(case.created_at):
            fig.received += 1
        closed_in = case.closed_at is not None and period.contains(case.closed_at)
        if case.status == "selesai" and closed_in:
            fig.finished += 1
            timing = timer.case(case)
            if timing.on_time is not None:
                fig.finished_measured += 1
                fig.finished_on_time += int(timing.on_time)
        if case.status == "dihentikan" and closed_in:
            fig.stopped += 1
        stays = step_stays(case)
        for stay in stays:
            if stay.left is None or stay.ended != "move" or not period.contains(stay.left):
                continue
            standard = standards.get(stay.step)
            unit = standard.unit if standard else "hari kerja"
            step_values[stay.step].append(elapsed(calendar, stay.entered, stay.left, unit))
            try:
                step = case.sop.step(stay.step)
            except KeyError:
                step = None
            met = within_standard(calendar, step, stay.entered, stay.left) if step else None
            if met is not None:
                step_measured[stay.step] += 1
                step_within[stay.step] += int(met)
            if stay.event is not None and is_return(case, stay.event):
                step_returns[stay.step] += 1
                fig.returns += 1
                returned_cases.add(case.id)
        alive = case.created_at < as_of and (case.closed_at is None or case.closed_at > as_of)
        if alive:
            current = stay_at(stays, as_of)
            if current is not None:
                fig.in_progress += 1
                position = case.step_positions.get(current.step, "") or "(tanpa jabatan)"
                try:
                    waktu = case.sop.step(current.step).waktu
                except KeyError:
                    waktu = None
                late = waktu is not None and calendar.due(current.entered, waktu) < as_of
                fig.overdue += int(late)
                open_stays.append((position, late))
    fig.returned_cases = len(returned_cases)
    for step in defn.steps:
        values = step_values.get(step.number, [])
        fig.steps.append(StepFigures(
            step.number, step.kegiatan, "", standards[step.number], len(values), mean(values),
            median(values), percentile(values, 90), step_within[step.number],
            step_measured[step.number], step_returns[step.number]))
    key, label = category_field(defn, category_key)
    if key:
        fig.category_key, fig.category_label = key, label
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for case in cases:
            value = str(case.fields.get(key) or "").strip() or NO_CATEGORY
            if period.contains(case.created_at):
                counts[value][0] += 1
            if case.status == "selesai" and case.closed_at and period.contains(case.closed_at):
                counts[value][1] += 1
            if period.contains(case.created_at) and (case.closed_at is None or case.closed_at > as_of):
                counts[value][2] += 1
        order = [c for f in defn.fields if f.key == key for c in f.choices]
        shown = sorted(counts, key=lambda v: (v not in order, order.index(v) if v in order else 0,
                                              -counts[v][0], v))
        fig.categories = [(v, counts[v][0], counts[v][1], counts[v][2]) for v in shown if any(counts[v])]
    return fig, open_stays


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}".replace(".", ",")


def _pct(share: float) -> str:
    return f"{round(share * 100)}%"


def monitoring_row(fig: SopFigures) -> MonitoringRow:
    """The monitoring sheet's row for one SOP: a short judgement proposed from its figures.

    Runs well (a suggestion the assessor confirms) when at least GOOD_SHARE of the finished
    cases met the mutu baku and the open cases past their step's time are no more than
    OVERDUE_SHARE of the cases received; the notes name the figures and at most the one step
    that misses its standard most."""
    name = fig.sop.name + (f" ({fig.sop.nomor})" if fig.sop.nomor else "")
    if not (fig.received or fig.finished or fig.in_progress or fig.stopped):
        return MonitoringRow(name, None, "Tidak ada kasus pada periode ini.", "")
    share = fig.on_time_share
    notes = [f"{fig.received} diterima, {fig.finished} selesai"]
    if share is not None:
        notes[0] += f" ({_pct(share)} dalam mutu baku)"
    if fig.in_progress:
        notes.append(f"{fig.overdue} dari {fig.in_progress} yang berjalan melewati batas")
    measured = [s for s in fig.steps if s.measured and s.within_share is not None]
    worst = min(measured, key=lambda s: (s.within_share, -s.measured), default=None)
    share_ok = share is None or share >= GOOD_SHARE
    overdue_ok = fig.overdue <= max(1.0, OVERDUE_SHARE * fig.received)
    actions = []
    slow = worst if worst is not None and (worst.within_share or 0.0) < GOOD_SHARE else None
    if slow is not None:
        notes.append(f"langkah {slow.number} paling sering melewati standar "
                     f"({_pct(slow.within_share or 0.0)} sesuai)")
    if not share_ok and slow is not None:
        actions.append(f"Tinjau langkah {slow.number}: beban pelaksana atau standar waktunya.")
    elif not share_ok:
        late = fig.finished_measured - fig.finished_on_time
        actions.append(f"Telusuri {late} kasus yang selesai melewati mutu baku.")
    if not overdue_ok:
        actions.append(f"Selesaikan {fig.overdue} kasus yang melewati batas.")
    sent_back = max(fig.steps, key=lambda s: s.returns, default=None)
    if sent_back is not None and fig.received and fig.returns / fig.received > RETURN_SHARE:
        actions.append(f"Perjelas persyaratan pada langkah {sent_back.number} "
                       f"({sent_back.returns} kali dikembalikan).")
    good = share_ok and overdue_ok
    if not actions:
        actions.append("Pertahankan; pantau pada periode berikutnya.")
    return MonitoringRow(name, good, "; ".join(notes) + ".", " ".join(actions))


def compute_kinerja(cases: list[CaseFacts], sops: list[SopDefinition], *, period: Period,
                    now: dt.datetime, calendar: WorkCalendar, office: OfficeProfile | None = None,
                    category_key: str | None = None, signer: dict[str, Any] | None = None,
                    ) -> KinerjaData:
    """The figures of the report from plain case facts (the cases alive during the period).

    The end state (in progress, backlog, overdue) is taken at the end of the period, or now
    for a period that has not ended yet."""
    as_of = min(now, period.end_dt)
    calendar = fast_calendar(calendar)
    timer = Timer(calendar, as_of)
    by_code: dict[str, list[CaseFacts]] = defaultdict(list)
    for case in cases:
        by_code[case.sop.code].append(case)
    figures = []
    positions: dict[str, PositionFigures] = {}
    for defn in sops:
        fig, open_stays = _sop_figures(defn, by_code.get(defn.code, []), period, as_of, calendar,
                                       timer, category_key)
        lane_positions = {}
        for case in by_code.get(defn.code, []):
            if case.sop.version == defn.version:
                lane_positions = case.step_positions
                break
        for step in fig.steps:
            step.position = lane_positions.get(step.number) or (
                defn.step(step.number).lane or "")
        figures.append(fig)
        for position, late in open_stays:
            item = positions.setdefault(position, PositionFigures(position))
            item.backlog += 1
            item.overdue += int(late)
    heading = [f"Periode: {period.label}"]
    if len(sops) == 1:
        defn = sops[0]
        heading.insert(0, f"SOP: {defn.name}" + (f" (Nomor {defn.nomor})" if defn.nomor else ""))
    if as_of >= period.end_dt:
        heading.append(f"Keadaan pada akhir periode: {tanggal(period.last_day)}")
    else:
        heading.append(f"Keadaan per {tanggal_jam(as_of)} (periode belum berakhir)")
    ordered_positions = sorted(positions.values(), key=lambda p: (-p.backlog, p.position))
    return KinerjaData(TITLE, heading, period, as_of, office or OfficeProfile(), figures,
                       ordered_positions, [monitoring_row(f) for f in figures], signer, now)


def build_kinerja(services: Services, *, period: Period, sop: str | None = None,
                  now: dt.datetime | None = None, calendar: WorkCalendar | None = None,
                  category: str | None = None, signer: dict[str, Any] | None = None) -> KinerjaData:
    """Read the cases alive during the period (one SOP or every SOP with cases) and compute."""
    codes = [services.sops.get(sop).code] if sop else None
    query = case_query(codes=codes, created_before=period.end_dt, alive_from=period.start_dt)
    cases = load_cases(query, events=True, letters=False)
    if sop:
        sops = [services.sops.get(sop)]
    else:
        present = sorted({c.sop.code for c in cases})
        sops = [services.sops.get(code) for code in present]
    if category and sops and not any(category_field(d, category)[0] for d in sops):
        known = sorted({f.key for d in sops for f in d.fields})
        raise ValidationError(f"Isian kategori '{category}' tidak ada pada SOP yang dilaporkan; "
                              f"isian yang ada: {', '.join(known) or '(tidak ada)'}")
    now = now or services.cases.clock()
    calendar = calendar or WorkCalendar(load_calendar_settings())
    if signer is None:
        signer = dbm.read_setting(REPORT_SIGNER)
    data = compute_kinerja(cases, sops, period=period, now=now, calendar=calendar,
                           office=office_mod.load(), category_key=category, signer=signer)
    data.chain_hash = docmeta.latest_chain_hash()
    return data


# -- files ------------------------------------------------------------------------------------

def write_kinerja_xlsx(data: KinerjaData, path: str | Path, progress: Progress | None = None) -> Path:
    """The report as an .xlsx: one sheet per table, the charts on a "Grafik" sheet of their
    own (each on its own printed page); written atomically."""
    # deferred: openpyxl loads only when a file is written (start-up speed)
    from sop_desktop.reports.kinerja_xlsx import write_kinerja_workbook

    return write_kinerja_workbook(data, path, progress)


def _progress(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


CM = 72.0 / 2.54  # reportlab's cm (reportlab.lib.units), without loading reportlab for it


def _cases_chart(data: KinerjaData, avail: float, page_height: float) -> tuple[float, dict] | None:
    """The PDF's chart of the cases (one SOP: its figures; several: per SOP) as (room to keep
    free on the page before it, pdf.bar_chart arguments), or None without SOPs."""
    if len(data.sops) == 1:
        f = data.sops[0]
        return 7 * CM, dict(
            categories=["Diterima", "Selesai", "Selesai dalam mutu baku", "Dalam proses",
                        "Dihentikan", "Melewati batas"],
            series=[("Kasus", [f.received, f.finished, f.finished_on_time, f.in_progress,
                               f.stopped, f.overdue])],
            width=avail * 0.6, height=6 * CM, title="Kasus pada periode ini", value_label="kasus")
    if not data.sops:
        return None
    names = [f.sop.name for f in data.sops]
    many = len(names) > 6
    # lying bars: each SOP gets a band tall enough for its two-line name and four bars
    height = max(6.5 * CM, 1.0 * CM * len(names) + 2.5 * CM) if many else 6.5 * CM
    height = min(height, page_height - 4 * CM)
    return height + 0.5 * CM, dict(
        categories=names, series=[("Diterima", [f.received for f in data.sops]),
                                  ("Selesai", [f.finished for f in data.sops]),
                                  ("Dalam proses", [f.in_progress for f in data.sops]),
                                  ("Dihentikan", [f.stopped for f in data.sops])],
        width=avail, height=height, title="Kasus per SOP", value_label="kasus",
        horizontal=many)


def _table_charts(data: KinerjaData, steps: Table, positions: Table, categories: Table,
                  avail: float) -> dict[str, tuple[float, dict[str, Any]]]:
    """The PDF's charts below the step, backlog and category tables, by table ("steps",
    "positions", "categories"): (room to keep free before it, pdf.bar_chart arguments)."""
    charts: dict[str, tuple[float, dict[str, Any]]] = {}
    if len(data.sops) == 1 and steps.rows:
        charts["steps"] = 7 * CM, dict(
            categories=[f"{r['step']}" for r in steps.rows],
            series=[("% sesuai standar", [round((r["within"] or 0) * 100, 1) for r in steps.rows])],
            width=avail * 0.6, height=5.5 * CM,
            title="% kunjungan langkah yang sesuai standar waktu (per nomor langkah)",
            value_label="%")
    if positions.rows:
        charts["positions"] = 7 * CM, dict(
            categories=[r["position"] for r in positions.rows],
            series=[("Kasus berjalan", [r["backlog"] for r in positions.rows]),
                    ("Melewati batas", [r["overdue"] for r in positions.rows])],
            width=avail * 0.8, height=max(5 * CM, 0.55 * CM * len(positions.rows) + 2.5 * CM),
            title="Tunggakan per jabatan", horizontal=True)
    if len(data.sops) == 1 and categories.rows:
        charts["categories"] = 7 * CM, dict(
            categories=[r["value"] for r in categories.rows],
            series=[("Diterima", [r["received"] for r in categories.rows]),
                    ("Selesai", [r["finished"] for r in categories.rows])],
            width=avail * 0.8, height=max(5 * CM, 0.6 * CM * len(categories.rows) + 2.5 * CM),
            title=categories.rows[0]["category"], horizontal=True)
    return charts


def write_kinerja_pdf(data: KinerjaData, path: str | Path, progress: Progress | None = None,
                      paper: str = "A4") -> Path:
    """The report as a PDF: kop surat, title and period, the tables and charts, the monitoring
    sheet and a signature block; written atomically. `paper`: A4, F4 or A3 (landscape)."""
    from reportlab.lib.units import cm
    from reportlab.platypus import CondPageBreak, PageBreak, Paragraph

    # deferred with reportlab: only when a PDF is written (start-up speed)
    from sop_desktop.output import pdf
    from sop_desktop.output.kop import KopSurat

    st = pdf.styles(7.5)
    pagesize = pdf.page_size(paper)
    avail = pagesize[0] - 2.4 * cm
    summary, total = summary_table(data)
    steps, positions = steps_table(data), positions_table(data)
    categories, monitoring = categories_table(data), monitoring_table(data)
    charts = _table_charts(data, steps, positions, categories, avail)
    cases_chart = _cases_chart(data, avail, pagesize[1])
    if cases_chart is not None:
        charts["summary"] = cases_chart
    story: list[Flowable] = [KopSurat(data.office, scale=0.85)]
    story += pdf.title_block(data.title, data.heading, st)

    def section(table: Table, name: str, total_row: dict[str, Any] | None = None) -> None:
        story.append(CondPageBreak(3 * cm))
        story.append(Paragraph(pdf.para_text(table.title), st["heading"]))
        story.extend(pdf.table_flowables(table, avail, st, total_row=total_row))
        if name in charts:
            room, chart = charts[name]
            story.append(CondPageBreak(room))
            story.append(pdf.bar_chart(**chart))

    section(summary, "summary", total)
    _progress(progress, 1, 5)
    section(steps, "steps")
    _progress(progress, 2, 5)
    section(positions, "positions")
    _progress(progress, 3, 5)
    section(categories, "categories")
    _progress(progress, 4, 5)
    story.append(PageBreak())
    story.append(Paragraph(pdf.para_text(monitoring.title), st["heading"]))
    story.append(Paragraph(pdf.para_text(f"Unit kerja: {data.office.unit or data.office.kantor}"
                                         f" — Periode: {data.period.label}"), st["body"]))
    story.extend(pdf.table_flowables(monitoring, avail, st))
    story.append(pdf.signature_block(pdf.Signer.from_dict(data.signer), data.office.kota,
                                     (data.generated_at or data.as_of).date(), avail, st))
    running = data.office.kantor or data.office.kementerian

    def write(fh: BinaryIO) -> None:
        pdf.build_pdf(fh, story, title=data.title, running_left=running, pagesize=pagesize,
                      subject=" \u2014 ".join(data.heading), chain_hash=data.chain_hash)

    out = write_atomic(path, write)
    _progress(progress, 5, 5)
    return out


def write_monitoring_pdf(data: KinerjaData, path: str | Path, progress: Progress | None = None,
                         paper: str = "A4") -> Path:
    """The SOP monitoring sheet alone (Permenpan RB 35/2012) as a PDF for the assessor to
    complete: kop surat, title, unit and period, the prefilled table, a signature block and
    the chain hash in the small print; written atomically."""
    from reportlab.lib.units import cm

    # deferred with reportlab: only when a PDF is written (start-up speed)
    from sop_desktop.output import pdf
    from sop_desktop.output.kop import KopSurat

    table = monitoring_table(data)
    st = pdf.styles(8.0)
    pagesize = pdf.page_size(paper)
    avail = pagesize[0] - 2.4 * cm
    lines = [f"Unit kerja: {data.office.unit or data.office.kantor}", f"Periode: {data.period.label}"]
    story: list[Flowable] = [KopSurat(data.office, scale=0.85)]
    story += pdf.title_block(table.title.upper(), lines, st)
    story += pdf.table_flowables(table, avail, st)
    story.append(pdf.signature_block(pdf.Signer.from_dict(data.signer), data.office.kota,
                                     (data.generated_at or data.as_of).date(), avail, st))
    running = data.office.kantor or data.office.kementerian

    def write(fh: BinaryIO) -> None:
        pdf.build_pdf(fh, story, title=table.title, running_left=running, pagesize=pagesize,
                      subject=" \u2014 ".join(lines), chain_hash=data.chain_hash)

    out = write_atomic(path, write)
    _progress(progress, 1, 1)
    return out


def write_monitoring_xlsx(data: KinerjaData, path: str | Path, progress: Progress | None = None) -> Path:
    """The SOP monitoring sheet alone as an .xlsx for the assessor to complete: the prefilled
    table, lines for the assessor's name and date, the document properties and the chain hash;
    written atomically."""
    from openpyxl import Workbook

    # deferred with openpyxl: only when a file is written (start-up speed)
    from sop_desktop.output.xlsx import save_workbook, write_table

    table = monitoring_table(data)
    office = data.office.kantor or data.office.kementerian
    heading = [f"Unit kerja: {data.office.unit or data.office.kantor}",
               f"Periode: {data.period.label}"]

    def write(fh: BinaryIO) -> None:
        wb = Workbook()
        docmeta.set_xlsx_properties(wb, title=table.title, subject=" \u2014 ".join(heading),
                                    office=office, chain_hash=data.chain_hash)
        ws = wb.worksheets[0]  # a new workbook's one sheet
        ws.title = "Monitoring SOP"
        hr = write_table(ws, table, office=office, heading=heading, filters=False)
        last = hr + len(table.rows) + 3
        ws.cell(last, 5, "Dinilai oleh (nama, jabatan, NIP):")
        ws.cell(last + 1, 5, "Tanggal penilaian:")
        ws.cell(last + 3, 1, docmeta.footer_text(data.chain_hash))
        save_workbook(wb, fh)

    out = write_atomic(path, write)
    _progress(progress, 1, 1)
    return out

