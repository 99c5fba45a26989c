"""Registers: the Buku Register Aduan for complaint SOPs and a case register for any SOP.

`build_register(services, filters)` reads the cases; `register_from_facts(...)` is the pure
part (rows from CaseFacts); `write_register_xlsx` / `write_register_pdf` write the files whole
or not at all, reporting progress(done, total) for a window to show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from sop_desktop.domain.calendar import WorkCalendar
from sop_desktop.domain.dates import tanggal_jam
from sop_desktop.domain.model import SopDefinition, Step
from sop_desktop.errors import NotFound, ValidationError
from sop_desktop.output import docmeta
from sop_desktop.output.atomic import write_atomic
from sop_desktop.output.table import Column, Table
from sop_desktop.reports.facts import FORWARD_ACTIONS, STATUS_LABELS, CaseFacts, EventFacts, is_move
from sop_desktop.reports.loader import case_query, load_cases
from sop_desktop.reports.periods import Period
from sop_desktop.reports.register_layout import pdf_table
from sop_desktop.reports.timing import CaseTiming, Timer, timeliness_label
from sop_desktop.services import office as office_mod
from sop_desktop.services.office import OfficeProfile
from sop_desktop.services.positions import normalize_name
from sop_desktop.settings import REPORT_SIGNER
from sop_desktop.storage import db as dbm
from sop_desktop.storage.calendar_settings import load_calendar_settings

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from sop_desktop.services.container import Services

Progress = Callable[[int, int], None]
AGGREGATE_COMPLAINTS = "aduan"
STATUS_CHOICES = {
    "berjalan": "berjalan", "proses": "berjalan", "dalam proses": "berjalan", "dalam_proses": "berjalan",
    "selesai": "selesai",
    "dihentikan": "dihentikan", "berhenti": "dihentikan",
    "terlambat": "terlambat",
}
SIGNER_SETTING = REPORT_SIGNER.key  # the declaration: sop_desktop.settings.REPORT_SIGNER


def parse_status(text: str | None) -> str | None:
    """A status filter typed by a user: berjalan, selesai, dihentikan or terlambat."""
    if not text:
        return None
    key = " ".join(text.strip().lower().split())
    if key not in STATUS_CHOICES:
        raise ValidationError(f"Status '{text}' tidak dikenal (pilih: berjalan, selesai, "
                              "dihentikan, terlambat)")
    return STATUS_CHOICES[key]


# -- complaint SOPs ---------------------------------------------------------------------------

# Each target is found among an SOP's intake fields by the words of its key or label, so a
# complaint SOP written by another office (other keys, same meaning) still fills the register.
COMPLAINT_TARGETS: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    ("teradu", (("teradu",),)),
    ("hak", (("hak", "langgar"), ("hakasasi",), ("kategorihak",), ("jenishak",))),
    ("nik", (("nik",),)),
    ("nama", (("namapengadu",), ("pengadu", "nama"), ("namapelapor",), ("pelapor", "nama"),
              ("namapemohon",), ("nama",))),
    ("media", (("media",), ("saluran",), ("carapenyampaian",), ("sarana",))),
    ("alamat", (("alamat",),)),
    ("kontak", (("kontak",), ("telepon",), ("telp",), ("nohp",), ("hp",), ("email",), ("surel",),
                ("whatsapp",))),
    ("pokok", (("pokokaduan",), ("pokokmasalah",), ("pokok",), ("uraian",), ("isiaduan",),
               ("perihal",), ("masalah",))),
    ("keterangan", (("keterangan",), ("catatan",))),
)


def is_complaint_sop(defn: SopDefinition) -> bool:
    """A complaint (Yankomas-like) SOP: its intake asks for the complaint or the complainant."""
    for f in defn.fields:
        key = normalize_name(f.key)
        label = normalize_name(f.label)
        for text in (key, label):
            if "pokokaduan" in text or "pengadu" in text or "aduan" in text:
                return True
    return False


def complaint_field_map(defn: SopDefinition) -> dict[str, str]:
    """Which intake field key fills each register column (media, nama, nik, ...)."""
    taken: set[str] = set()
    out: dict[str, str] = {}
    for target, rules in COMPLAINT_TARGETS:
        for rule in rules:
            found = None
            for f in defn.fields:
                if f.key in taken:
                    continue
                texts = (normalize_name(f.key), normalize_name(f.label))
                if any(all(word in text for word in rule) for text in texts):
                    found = f.key
                    break
            if found:
                out[target] = found
                taken.add(found)
                break
    return out


# -- data -------------------------------------------------------------------------------------

@dataclass
class RegisterFilters:
    """What a register shows: one SOP (code), all complaint SOPs ("aduan") or every SOP (None);
    a period of the date received; a status; a position (now at it, or acted in it)."""

    sop: str | None = None
    period: Period | None = None
    status: str | None = None
    position: str | None = None

    def describe(self) -> str:
        parts = []
        if self.status:
            parts.append(f"status {self.status}")
        if self.position:
            parts.append(f"jabatan {self.position}")
        return ", ".join(parts)


@dataclass
class RegisterData:
    """A register ready to write: title, heading lines and the table."""

    kind: str  # "aduan" or "sop"
    title: str
    heading: list[str]
    table: Table
    office: OfficeProfile
    filters: RegisterFilters
    as_of: dt.datetime
    signer: dict[str, Any] | None = None
    sops: list[SopDefinition] = field(default_factory=list)
    chain_hash: str | None = None  # the history chain head when the register was read

    @property
    def rows(self) -> list[dict]:
        return self.table.rows


@dataclass(frozen=True)
class SopTraits:
    """What the rows need of one SOP version, worked out once for it instead of for each case."""

    field_types: dict[str, str]  # intake field key -> its type (the first field of that key)
    disposition_steps: frozenset[int]  # steps whose kegiatan or output speaks of a disposisi
    names_disposition: bool  # any step does

    @classmethod
    def of(cls, defn: SopDefinition) -> SopTraits:
        types: dict[str, str] = {}
        for f in defn.fields:
            types.setdefault(f.key, f.type)
        # defn.step(n): the step a case's event names by its number (the first of that number)
        numbers = {s.number for s in defn.steps}
        return cls(types, frozenset(n for n in numbers if _speaks_of_disposition(defn.step(n))),
                   any(_speaks_of_disposition(s) for s in defn.steps))


def _speaks_of_disposition(step: Step) -> bool:
    """Whether a step's kegiatan or output names a disposisi."""
    return "disposisi" in normalize_name(step.kegiatan + " " + step.output)


class _TraitsCache(dict[int, tuple[SopDefinition, SopTraits]]):
    """SopTraits per SOP definition object of one register (kept alive while cached)."""

    def get_traits(self, defn: SopDefinition) -> SopTraits:
        found = self.get(id(defn))
        if found is None:
            found = self[id(defn)] = (defn, SopTraits.of(defn))
        return found[1]


def _field_value(defn: SopDefinition, key: str, value: Any,
                 traits: SopTraits | None = None) -> object:
    """An intake value typed for the register: dates as dates, integers as numbers."""
    if value is None or value == "":
        return None
    kind = (traits or SopTraits.of(defn)).field_types.get(key, "text")
    if kind == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if kind == "integer":
        try:
            return int(value)
        except (TypeError, ValueError):
            return value
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def _step_text(defn: SopDefinition, number: int | None) -> str:
    if number is None:
        return ""
    try:
        step = defn.step(number)
    except KeyError:
        return str(number)
    return f"{step.number}. {step.kegiatan}"


def first_disposition(case: CaseFacts, traits: SopTraits | None = None
                      ) -> tuple[str, dt.datetime | None]:
    """(kepada, tanggal) of the first disposition: an explicit disposition event, else the
    first move out of a step whose kegiatan or output speaks of a disposisi, else the first
    move that hands the case to another position."""
    traits = traits or SopTraits.of(case.sop)
    moves = [e for e in case.events if is_move(e) or e.action in FORWARD_ACTIONS]

    def target(event: EventFacts) -> str:
        if event.to_step is None:
            return ""
        return case.step_positions.get(event.to_step, "")

    for event in moves:
        if event.action in FORWARD_ACTIONS:
            return target(event), event.at
    for event in moves:
        if event.from_step in traits.disposition_steps and event.to_step is not None:
            return target(event), event.at
    if traits.names_disposition:
        return "", None  # the SOP names its disposition step and the case has not passed it
    first = case.sop.steps[0].number if case.sop.steps else None
    for event in moves:
        dest = target(event)
        left = case.step_positions.get(event.from_step, "") if event.from_step is not None else ""
        # leaving the first step is the intake itself (the public hands in the request)
        if event.from_step != first and dest and dest != left:
            return dest, event.at
    return "", None


def follow_up(case: CaseFacts) -> str:
    """Tindak lanjut: the latest note written on the case, else where the case stands."""
    for event in reversed(case.events):
        # letters are listed in their own column (surat keluar); their notes are not a follow-up
        if event.note.strip() and event.action not in ("buka", "surat"):
            return event.note.strip()
    if case.status == "berjalan":
        return _step_text(case.sop, case.current_step)
    moves = case.moves()
    if moves:
        return _step_text(case.sop, moves[-1].from_step)
    return ""


def _remark(case: CaseFacts, timing: CaseTiming, fields_note: str = "") -> str:
    parts = []
    if case.status == "dihentikan":
        reason = next((e.note for e in reversed(case.events) if e.action == "hentikan"), "")
        parts.append(f"Dihentikan: {reason}" if reason else "Dihentikan")
    if (timing.on_time is False and timing.lama_days is not None
            and timing.mutu_baku_days is not None):
        over = timing.lama_days - timing.mutu_baku_days
        parts.append(f"melewati mutu baku {over:.1f} hari kerja".replace(".", ","))
    if fields_note:
        parts.append(fields_note)
    return "; ".join(parts)


def _status_matches(case: CaseFacts, timing: CaseTiming, status: str | None) -> bool:
    if not status:
        return True
    if status == "terlambat":
        return timing.on_time is False
    return case.status == status


AGENDA_COLUMNS = [
    Column("no", "No", "int", width=5, pdf_width=3),
    Column("agenda", "Nomor Agenda", width=16, pdf_width=9),
    Column("tanggal_terima", "Tanggal Terima", "date", width=12, pdf_width=8),
]
TAIL_COLUMNS = [
    Column("status", "Status", width=12, pdf_width=7),
    Column("tanggal_selesai", "Tanggal Selesai", "date", width=12, pdf_width=8),
    Column("lama", "Lama (hari kerja)", "float", width=10, pdf_width=6),
    Column("mutu_baku", "Mutu Baku (hari kerja)", "float", width=10, pdf_width=6),
    Column("ketepatan", "Ketepatan Waktu", width=13, pdf_width=8),
]


def aduan_columns() -> list[Column]:
    return [
        *AGENDA_COLUMNS,
        Column("media", "Media", width=12, pdf_width=7),
        Column("pengadu_nama", "Nama Pengadu", width=20, pdf_width=9),
        Column("pengadu_nik", "NIK", width=18, pdf_width=11, wrap=False),  # 16 digits whole
        Column("alamat_kontak", "Alamat / Kontak", width=24, pdf_width=10),
        Column("teradu", "Pihak Teradu", width=20, pdf_width=9),
        Column("pokok", "Pokok Masalah", width=32, pdf_width=14),
        Column("hak", "Hak yang Diduga Dilanggar", width=22, pdf_width=10),
        Column("disposisi_kepada", "Disposisi Kepada", width=18, pdf_width=8),
        Column("disposisi_tanggal", "Tanggal Disposisi", "date", width=12, pdf_width=8),
        Column("tindak_lanjut", "Tindak Lanjut", width=28, pdf_width=12),
        Column("surat_keluar", "Nomor Surat Keluar", width=22, pdf_width=10),
        *TAIL_COLUMNS,
        Column("keterangan", "Keterangan", width=24, pdf_width=9),
    ]


def aduan_row(case: CaseFacts, timing: CaseTiming, mapping: dict[str, str],
              traits: SopTraits | None = None) -> dict:
    """One row of the Buku Register Aduan."""
    values = case.fields
    known = traits or SopTraits.of(case.sop)

    def get(target: str) -> object:
        key = mapping.get(target)
        return _field_value(case.sop, key, values.get(key), known) if key else None

    alamat = get("alamat")
    kontak = get("kontak")
    nik = get("nik")
    kepada, tanggal_disposisi = first_disposition(case, known)
    return {
        "agenda": case.number,
        "tanggal_terima": case.created_at.date(),
        "media": get("media"),
        "pengadu_nama": get("nama"),
        "pengadu_nik": None if nik is None else str(nik),
        "alamat_kontak": "\n".join(str(v) for v in (alamat, kontak) if v not in (None, "")) or None,
        "teradu": get("teradu"),
        "pokok": get("pokok"),
        "hak": get("hak"),
        "disposisi_kepada": kepada or None,
        "disposisi_tanggal": tanggal_disposisi.date() if tanggal_disposisi else None,
        "tindak_lanjut": follow_up(case) or None,
        "surat_keluar": "; ".join(case.letters) or None,
        **_tail(case, timing),
        "keterangan": _remark(case, timing, str(get("keterangan") or "")) or None,
    }


def _tail(case: CaseFacts, timing: CaseTiming) -> dict:
    done = case.closed_at if case.status == "selesai" else None
    return {
        "status": STATUS_LABELS.get(case.status, case.status),
        "tanggal_selesai": done.date() if done else None,
        "lama": None if timing.lama_days is None else round(timing.lama_days, 1),
        "mutu_baku": None if timing.mutu_baku_days is None else round(timing.mutu_baku_days, 1),
        "ketepatan": timeliness_label(case, timing) or None,
    }


def sop_columns(sops: list[SopDefinition], multi: bool) -> list[Column]:
    """Columns of the case register: one per intake field for one SOP, one summary column
    for several SOPs (their fields differ)."""
    cols = list(AGENDA_COLUMNS)
    if multi:
        cols.append(Column("sop", "SOP", width=28, pdf_width=12))
        cols.append(Column("isian", "Isian", width=45, pdf_width=22))
    else:
        seen: dict[str, Column] = {}
        for defn in sorted(sops, key=lambda d: -d.version):
            for f in defn.fields:
                if f.key not in seen:
                    kind = {"date": "date", "integer": "int"}.get(f.type, "text")
                    seen[f.key] = Column(f"f:{f.key}", f.label, kind,
                                         pdf_width=14 if f.type == "textarea" else None)
        cols += list(seen.values())
    cols += [Column("langkah", "Langkah Saat Ini", width=36, pdf_width=16),
             Column("posisi", "Posisi Saat Ini", width=20, pdf_width=9)]
    cols += TAIL_COLUMNS
    return cols


def sop_row(case: CaseFacts, timing: CaseTiming, multi: bool,
            traits: SopTraits | None = None) -> dict:
    row = {"agenda": case.number, "tanggal_terima": case.created_at.date()}
    if multi:
        row["sop"] = case.sop.name
        labels = {f.key: f.label for f in case.sop.fields}
        row["isian"] = "\n".join(f"{labels.get(k, k)}: {v}" for k, v in case.fields.items()
                                 if v not in (None, "")) or None
    else:
        known = traits or SopTraits.of(case.sop)
        for key, value in case.fields.items():
            row[f"f:{key}"] = _field_value(case.sop, key, value, known)
    running = case.status == "berjalan"
    row["langkah"] = _step_text(case.sop, case.current_step) if running else None
    at_step = case.step_positions.get(case.current_step, "") if case.current_step is not None else ""
    row["posisi"] = (case.current_position or at_step) if running else None
    row.update(_tail(case, timing))
    return row


def register_from_facts(cases: list[CaseFacts], *, kind: str, filters: RegisterFilters,
                        calendar: WorkCalendar, as_of: dt.datetime, office: OfficeProfile,
                        sops: list[SopDefinition], signer: dict[str, Any] | None = None) -> RegisterData:
    """The register of `cases` (already read for the SOP and period): rows in the order
    received, numbered, with the status filter applied (it needs the timing for 'terlambat')."""
    timer = Timer(calendar, as_of)
    multi = kind == "sop" and len({c.sop.code for c in cases} | {d.code for d in sops}) > 1
    columns = aduan_columns() if kind == "aduan" else sop_columns(
        [c.sop for c in cases] + list(sops), multi)
    maps: dict[tuple[str, int], dict[str, str]] = {}
    traits = _TraitsCache()
    rows: list[dict[str, Any]] = []
    for case in sorted(cases, key=lambda c: (c.created_at, c.id)):
        if filters.period is not None and not filters.period.contains(case.created_at):
            continue
        timing = timer.case(case)
        if not _status_matches(case, timing, filters.status):
            continue
        if kind == "aduan":
            key = (case.sop.code, case.sop.version)
            if key not in maps:
                maps[key] = complaint_field_map(case.sop)
            row = aduan_row(case, timing, maps[key], traits.get_traits(case.sop))
        else:
            row = sop_row(case, timing, multi, traits.get_traits(case.sop))
        row["no"] = len(rows) + 1
        rows.append(row)
    if kind == "aduan":
        title = "BUKU REGISTER ADUAN"
    else:
        title = "BUKU REGISTER"  # the SOP (or "Semua SOP") is named on the line below
    heading = []
    if kind == "aduan" and sops:
        heading.append("SOP: " + "; ".join(sorted({d.name for d in sops})))
    names = sorted({d.name for d in sops}) if sops else sorted({c.sop.name for c in cases})
    if kind == "sop" and len(names) == 1:
        nomor = next((d.nomor for d in sops if d.nomor), "")
        heading.append(f"SOP: {names[0]}" + (f" (Nomor {nomor})" if nomor else ""))
    elif kind == "sop" and not filters.sop:
        heading.append("Semua SOP")
    heading.append(f"Periode: {filters.period.label}" if filters.period else "Periode: seluruhnya")
    if filters.describe():
        heading.append(f"Saringan: {filters.describe()}")
    heading.append(f"Keadaan per {tanggal_jam(as_of)}; {len(rows)} kasus")
    table = Table(title, columns, rows,
                  note="Lama dan mutu baku dalam hari kerja menurut kalender kerja kantor; mutu "
                       "baku = jumlah waktu semua langkah SOP.")
    return RegisterData(kind, title, heading, table, office, filters, as_of, signer, list(sops))


def build_register(services: Services, filters: RegisterFilters, *, now: dt.datetime | None = None,
                   calendar: WorkCalendar | None = None, signer: dict[str, Any] | None = None
                   ) -> RegisterData:
    """Read the cases for `filters` from the database and build the register."""
    latest = services.sops.latest_all()
    if filters.sop and filters.sop.lower() == AGGREGATE_COMPLAINTS:
        kind = "aduan"
        sops = [d for d in latest if is_complaint_sop(d)]
        if not sops:
            raise NotFound("Tidak ada SOP pengaduan (SOP dengan isian pengadu / pokok aduan)")
    elif filters.sop:
        defn = services.sops.get(filters.sop)
        sops = [defn]
        kind = "aduan" if is_complaint_sop(defn) else "sop"
    else:
        kind, sops = "sop", []
    codes = [d.code for d in sops] if sops else None
    status = parse_status(filters.status)
    filters = RegisterFilters(filters.sop, filters.period, status, filters.position)
    period = filters.period
    query = case_query(
        codes=codes,
        created_from=period.start_dt if period else None,
        created_before=period.end_dt if period else None,
        statuses=[status] if status and status != "terlambat" else None)
    cases = load_cases(query, events=kind == "aduan", letters=kind == "aduan",
                       position=filters.position)
    now = now or services.cases.clock()
    calendar = calendar or WorkCalendar(load_calendar_settings())
    if signer is None:
        signer = dbm.read_setting(REPORT_SIGNER)
    data = register_from_facts(cases, kind=kind, filters=filters, calendar=calendar, as_of=now,
                               office=office_mod.load(), sops=sops, signer=signer)
    data.chain_hash = docmeta.latest_chain_hash()
    return data


# -- the printed layout (pdf_table: see reports.register_layout) -------------------------

def default_paper(data: RegisterData) -> str:
    """F4 (folio, the paper of Indonesian offices) landscape: a register is wide."""
    return "F4"


# -- files ------------------------------------------------------------------------------------

def _office_name(data: RegisterData) -> str:
    return data.office.kantor or data.office.kementerian


def write_register_xlsx(data: RegisterData, path: str | Path, progress: Progress | None = None) -> Path:
    """The register as an .xlsx (streamed by xlsxwriter: fine for 100,000 rows), written
    atomically; an "Info" sheet and the document properties say what it is, which app made it
    and the chain hash."""
    # deferred: xlsxwriter and the writers are not needed before the first export
    from sop_desktop.output import xlsx_stream

    office = _office_name(data)

    def fill(wb: xlsx_stream.Workbook) -> None:
        xlsx_stream.set_properties(wb, title=data.title, subject=" \u2014 ".join(data.heading),
                                   office=office, chain_hash=data.chain_hash)
        xlsx_stream.write_table(
            wb, wb.add_worksheet("Register"), data.table, office=office, heading=data.heading,
            progress=progress, paper=default_paper(data),
            footer_lines=[f"{docmeta.HASH_LABEL}: {docmeta.hash_text(data.chain_hash)}"])
        xlsx_stream.add_info_sheet(wb, docmeta.info_rows(
            title=data.title, office=office, lines=data.heading, chain_hash=data.chain_hash))

    out = write_atomic(path, lambda fh: xlsx_stream.save(fh, fill))
    if progress is not None:
        progress(len(data.rows), len(data.rows))
    return out


def write_register_pdf(data: RegisterData, path: str | Path, progress: Progress | None = None,
                       paper: str | None = None) -> Path:
    """The register as a PDF: kop surat, title and period, the table with its header on every
    page, page numbers, a signature block and the chain hash in the small print; written
    atomically. `paper`: A4, F4 or A3, landscape (None: F4, see default_paper)."""
    # deferred on purpose: reportlab loads only when a file is written (start-up speed)
    from reportlab.lib.units import cm

    from sop_desktop.output import pdf
    from sop_desktop.output.kop import KopSurat

    table = pdf_table(data)
    st = pdf.styles(7.0 if len(table.columns) <= 12 else 6.3)
    pagesize = pdf.page_size(paper or default_paper(data))
    avail = pagesize[0] - 2.4 * cm
    story: list[Flowable] = [KopSurat(data.office, scale=0.85)]
    story += pdf.title_block(data.title, data.heading, st)
    story += pdf.table_flowables(table, avail, st)
    story.append(pdf.signature_block(pdf.Signer.from_dict(data.signer), data.office.kota,
                                     data.as_of.date(), avail, st))
    running = _office_name(data)

    def write(fh: BinaryIO) -> None:
        pdf.build_pdf(fh, story, title=data.title, running_left=running, progress=progress,
                      total_rows=len(data.rows), pagesize=pagesize,
                      subject=" \u2014 ".join(data.heading), chain_hash=data.chain_hash)

    out = write_atomic(path, write)
    if progress is not None:
        progress(len(data.rows), len(data.rows))
    return out
