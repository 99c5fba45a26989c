"""From located tables to SopDefinitions: SOP segmentation, step builder, lane and decision passes.

Segmentation: every table part gets the lines before it as its preamble. A preamble with an
identity block starts a new SOP; without one, a part continues the previous SOP when its title (if
any) and lanes match and its numbering goes on; anything else is a new SOP (a fragment when its
numbering does not start at 1).
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
from dataclasses import dataclass, field

from sop_desktop.domain.model import Lane, SopDefinition, Step
from sop_desktop.domain.waktu import parse_waktu, read_waktu
from sop_desktop.errors import ImportFailed, ValidationError
from sop_desktop.importers.cells import Line, norm_key
from sop_desktop.importers.decisions import infer_decisions, mark_start_end, relocate_labels
from sop_desktop.importers.identity import Preamble, parse_preamble, sop_name
from sop_desktop.importers.lanes import Marks, clean_lane_name, infer_lanes
from sop_desktop.importers.layout import renumber_labels
from sop_desktop.importers.table import (
    NO_STANDARD,
    HeaderModel,
    Row,
    TablePart,
    build_header,
    classify_mark,
    locate_tables,
    with_unit,
)
from sop_desktop.importers.text_source import SourceLines

MAX_NAME = 250
NO_TABLE = ("tidak ditemukan tabel SOP (baris langkah bernomor di bawah kepala tabel No / "
            "Kegiatan / Pelaksana)")


@dataclass
class SopDraft:
    """The pieces of one SOP before it is built."""

    preamble: Preamble
    parts: list[tuple[TablePart, HeaderModel]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)  # built: the row of each step
    guessed: list[bool] = field(default_factory=list)  # built: lane only inferred from text


def parse_lines(lines: list[Line], source: str, carry: Preamble | None = None,
                sheet_name: str = "") -> tuple[list[SopDefinition], list[str]]:
    """All SOPs in one list of lines (a text file or one sheet) -> (sops, file warnings).

    `carry`: an identity block read elsewhere (a workbook's separate identity sheet) for the
    first table that has none of its own; `sheet_name` names an SOP that has no name at all.
    """
    sops, warnings, _spans = parse_lines_traced(lines, source, carry, sheet_name)
    return sops, warnings


def parse_lines_traced(lines: list[Line], source: str, carry: Preamble | None = None,
                       sheet_name: str = "") -> tuple[list[SopDefinition], list[str],
                                                      list[list[SourceLines]]]:
    """parse_lines, plus per SOP and step the input lines it was read from (its row and the
    continuation lines under it) and whether its lane was only inferred from the text."""
    lines, file_warnings = renumber_labels(lines)
    parts = locate_tables(lines)
    failures: list[str] = []
    if not parts:
        first = next((ln for ln in lines if not ln.blank), None)
        where = first.where if first else "baris 1"
        raise ImportFailed(f"{source} {where}: {NO_TABLE}")
    drafts: list[SopDraft] = []
    prev_end = 0
    pending = carry  # identity block read before a header that had no step rows under it
    for part in parts:
        preamble = parse_preamble(lines[prev_end:part.start])
        if pending is not None and not preamble.found:
            preamble = pending
        pending = None
        prev_end = part.end
        try:
            model = build_header(part, clean_lane_name)
        except ImportFailed as exc:
            # one table that cannot be read never costs the file its other SOPs
            failures.append(f"{source} {exc}")
            continue
        if not part.rows:
            file_warnings.append(f"{part.top.where if part.top else ''}: kepala tabel tanpa baris "
                                 "langkah diabaikan")
            if preamble.found:
                pending = preamble
            continue
        current = drafts[-1] if drafts else None
        if current is not None and not preamble.found and _continues(current, part, model,
                                                                     preamble):
            if part.headerless:
                current.warnings.append(f"{part.rows[0].line.where}: tabel berlanjut tanpa kepala "
                                        "tabel")
            current.parts.append((part, model))
            continue
        drafts.append(SopDraft(preamble, [(part, model)]))
    sops = []
    built: list[SopDraft] = []
    for draft in drafts:
        try:
            sops.append(build_sop(draft, source, sheet_name))
            built.append(draft)
        except ImportFailed as exc:
            failures.append(str(exc))
    if not sops and failures:
        raise ImportFailed(failures[0])
    if not sops:
        where = parts[0].top.where if parts[0].top else "baris 1"
        raise ImportFailed(f"{source} {where}: tabel SOP tidak berisi baris langkah bernomor "
                           "(kolom No kosong atau tidak berisi angka)")
    file_warnings.extend(f"{failure}; tabel ini dilewati" for failure in failures)
    return sops, file_warnings, [_step_spans(draft, lines) for draft in built]


def _step_spans(draft: SopDraft, lines: list[Line]) -> list[SourceLines]:
    """Each built step's first and last input line: its row down to the line before the next
    step row of its table part (the part's last line for its last row), blank lines left out."""
    blank = {line.no for line in lines if line.blank}
    ends: dict[int, int] = {}
    for part, _model in draft.parts:
        part_last = lines[part.end - 1].no if 0 < part.end <= len(lines) else 0
        for row, nxt in zip(part.rows, [*part.rows[1:], None], strict=True):
            end = nxt.line.no - 1 if nxt is not None else part_last
            while end > row.line.no and end in blank:
                end -= 1
            ends[id(row)] = max(end, row.line.no)
    return [SourceLines(row.line.no, ends.get(id(row), row.line.no), lane_guessed=guessed)
            for row, guessed in zip(draft.rows, draft.guessed, strict=True)]


def _lane_guessed(step: Step, marks: Marks, names: list[str]) -> bool:
    """True when the step has a lane but no mark (symbol, X, actor name) in that lane's
    column: the lane was inferred from the narrative text."""
    if step.lane is None:
        return False
    return not any(key == int(key) and 0 <= int(key) < len(names) and
                   names[int(key)] == step.lane and kind not in ("y", "t")
                   for key, kind in marks.items())


@functools.lru_cache(maxsize=4096)
def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, norm_key(a), norm_key(b)).ratio()


def _continues(draft: SopDraft, part: TablePart, model: HeaderModel, preamble: Preamble) -> bool:
    last_part, last_model = draft.parts[-1]
    last_number = last_part.rows[-1].number
    first_number = part.rows[0].number
    if first_number <= 1 or first_number > last_number + 3:
        return False
    if part.headerless:
        return True
    title = preamble.title
    if title:
        earlier = draft.preamble.title or draft.preamble.nama
        if not earlier or _similar(sop_name(title), sop_name(earlier)) < 0.85:
            return False
    if model.actor_col is not None or last_model.actor_col is not None:
        return model.actor_col is not None and last_model.actor_col is not None
    old = [n for _, n in draft.parts[0][1].lanes]
    new = [n for _, n in model.lanes]
    if len(old) != len(new):
        return False
    same = sum(1 for a, b in zip(old, new, strict=False) if _similar(a, b) >= 0.75)
    return same >= max(1, int(0.6 * len(old) + 0.5))


def _unique(names: list[str], warnings: list[str]) -> list[str]:
    out: list[str] = []
    for i, name in enumerate(names):
        if not name.strip():
            # a header of marks only ("-", "•"): the lane still needs a name a person can fix
            name = f"Pelaksana {i + 1}"
            warnings.append(f"kolom pelaksana ke-{i + 1} tanpa nama; dinamai '{name}'")
        cand, n = name, 2
        while cand in out:
            cand = f"{name} ({n})"
            n += 1
        if cand != name:
            warnings.append(f"nama pelaksana '{name}' ganda; kolom berikutnya dinamai '{cand}'")
        out.append(cand)
    return out


def _actor_names(draft: SopDraft, source: str) -> list[str]:
    """Lane names of a narrative table: the actors named in its Pelaksana column, in order."""
    names: list[str] = []
    for part, model in draft.parts:
        col = model.actor_col
        for row in part.rows:
            if col is not None and col < len(row.cells) and row.cells[col]:
                name = clean_lane_name(row.cells[col])
                if classify_mark(name) == "text" and name not in names:
                    names.append(name)
    if not names:
        where = draft.parts[0][0].rows[0].line.where
        raise ImportFailed(f"{source} {where}: kolom Pelaksana tidak berisi nama pelaksana")
    return names


def _lane_map(model: HeaderModel, first: HeaderModel, names: list[str]) -> dict[int | str, int]:
    """column of this part -> lane index of the SOP (a table with a Pelaksana column: actor
    name -> lane index)."""
    out: dict[int | str, int] = {}
    if model.actor_col is not None:
        return {n: k for k, n in enumerate(names)}
    for pos, (col, name) in enumerate(model.lanes):
        best, score = None, 0.0
        for k, known in enumerate(names):
            s = _similar(name, known)
            if s > score:
                best, score = k, s
        if best is not None and score >= 0.75:
            out[col] = best
        elif len(model.lanes) == len(first.lanes):
            out[col] = pos
    return out


_CALENDAR_DAYS = re.compile(r"\bhari\s+kalender\b", re.IGNORECASE)
_GENERIC_SHEET = re.compile(r"^\s*(sheet|lembar|lembar kerja|tabel|table)\s*\d*\s*$", re.I)


def build_sop(draft: SopDraft, source: str, sheet_name: str = "") -> SopDefinition:
    """Build one SopDefinition from its preamble and table parts."""
    pre = draft.preamble
    warnings = list(pre.warnings)
    first_part, first_model = draft.parts[0]
    if pre.nama:
        name = sop_name(pre.nama)
    elif pre.title:
        name = sop_name(pre.title)
    elif sheet_name.strip() and not _GENERIC_SHEET.match(sheet_name):
        name = sop_name(sheet_name)
        warnings.append(f"nama SOP tidak ditemukan; diambil dari nama lembar '{sheet_name}'")
    else:
        name = "SOP tanpa nama"
        warnings.append("nama SOP tidak ditemukan (tidak ada identitas maupun judul)")
    if len(name) > MAX_NAME:
        # a NAMA SOP cell that ran into its neighbours: keep a readable name, say so
        name = name[:MAX_NAME].rsplit(" ", 1)[0].rstrip(" ,;:-") + " …"
        warnings.append(f"nama SOP lebih dari {MAX_NAME} huruf; dipotong")
    if not pre.found:
        warnings.append("tidak ada blok identitas SOP; nama diambil dari judul tabel"
                        if pre.title else "tidak ada blok identitas SOP")
    if first_model.actor_col is not None:
        names = _actor_names(draft, source)
    else:
        names = _unique([n for _, n in first_model.lanes], warnings)
    steps: list[Step] = []
    marks: list[Marks] = []
    seen: dict[int, tuple] = {}
    for part, model in draft.parts:
        warnings.extend(w for w in model.warnings if w not in warnings)
        lane_of = _lane_map(model, first_model, names)
        for row in part.rows:
            step, row_marks = _row_step(row, model, lane_of, name, source, warnings)
            key = (step.kegiatan, step.kelengkapan, step.waktu, step.output, step.keterangan)
            if step.number in seen:
                if seen[step.number] == key:
                    warnings.append(f"{row.line.where}: langkah {step.number} terulang "
                                    "(isi sama); salinan dibuang")
                    continue
                warnings.append(f"{row.line.where}: nomor langkah {step.number} terulang dengan "
                                "isi berbeda; keduanya disimpan")
            elif steps and step.number != steps[-1].number + 1:
                warnings.append(f"{row.line.where}: nomor langkah melompat dari "
                                f"{steps[-1].number} ke {step.number}")
            seen[step.number] = key
            steps.append(step)
            marks.append(row_marks)
            draft.rows.append(row)
    warnings.extend(draft.warnings)
    incomplete = bool(steps) and steps[0].number > 1
    if incomplete:
        warnings.append(f"fragmen: langkah pertama bernomor {steps[0].number} "
                        "(halaman awal tidak ada); SOP ditandai tidak lengkap")
    warnings.extend(relocate_labels(steps, marks))
    warnings.extend(infer_lanes(steps, names, marks))
    warnings.extend(infer_decisions(steps, names, marks))
    mark_start_end(steps, marks)
    draft.guessed = [_lane_guessed(s, m, names) for s, m in zip(steps, marks, strict=True)]
    first_line = (pre.first_line or first_part.top or first_part.rows[0].line)
    return SopDefinition(
        name=name,
        identity=pre.identity,
        lanes=[Lane(n) for n in names],
        steps=steps,
        incomplete=incomplete,
        warnings=warnings,
        source=f"{source} {first_line.where}",
    )


def _row_shift(cells: list[str], model: HeaderModel) -> int:
    """How far this row's mutu baku cells sit from the header's columns (0, -1 or +1).

    A row is shifted when its Waktu cell is empty or unreadable while a neighbouring cell of
    the mutu baku block reads as a waktu.
    """
    col = model.roles.get("waktu")
    if col is None:
        return 0
    here = cells[col] if col < len(cells) else ""
    if here and (_readable_waktu(here) or NO_STANDARD.match(here)
                 or with_unit(here, model.waktu_unit)):
        return 0
    lanes = {c for c, _ in model.lanes}
    for shift in (-1, 1):
        other = col + shift
        if other <= model.keg_col or other in lanes or other >= len(cells):
            continue
        if cells[other] and _readable_waktu(cells[other]):
            return shift
    return 0


def _readable_waktu(text: str) -> bool:
    try:
        return parse_waktu(text) is not None
    except ValidationError:
        return False


def _row_step(row: Row, model: HeaderModel, lane_of: dict[int | str, int], sop: str, source: str,
              warnings: list[str]) -> tuple[Step, Marks]:
    """One table row as a Step, with the marks in its lane columns."""
    cells = row.cells
    shift = _row_shift(cells, model)
    if shift:
        warnings.append(f"{row.line.where}: isi mutu baku langkah {row.number} bergeser satu "
                        "kolom dari kepala tabel; dibaca sesuai isinya")

    def cell(role: str) -> str:
        col = model.roles.get(role)
        if col is None:
            return ""
        col += shift
        return cells[col] if 0 <= col < len(cells) else ""

    kegiatan = cells[model.keg_col] if model.keg_col < len(cells) else ""
    if not kegiatan:
        kegiatan = " ".join(c for i, c in enumerate(cells) if i > model.no_col and c and
                            i not in dict(model.lanes) and i not in model.roles.values()
                            and i != model.actor_col)
    waktu_text = cell("waktu")
    united = with_unit(waktu_text, model.waktu_unit)
    if united:
        note = (f"satuan waktu diambil dari kepala kolom '{model.waktu_header}' "
                f"({model.waktu_unit}) untuk angka tanpa satuan")
        if note not in warnings:
            warnings.append(note)
        waktu_text = united
    original = waktu_text
    # "hari kalender" is plain days; "1 (satu) x 24 jam" etc. are waktu.py's business
    waktu_text = _CALENDAR_DAYS.sub("hari", waktu_text)
    no_standard = ""
    if NO_STANDARD.match(waktu_text):
        # "Tentatif", "Sesuai kebutuhan": the office says there is no fixed time standard
        no_standard, waktu_text = waktu_text, ""
        warnings.append(f"{row.line.where}: waktu '{no_standard}' langkah {row.number} bukan "
                        "standar waktu; langkah tanpa standar waktu (teks disimpan di Keterangan)")
    reading = read_waktu(waktu_text)
    waktu, step_flags, step_note = reading.waktu, [], ""
    if reading.problem:
        # one unreadable cell never costs the whole file: the step keeps its text, flagged
        hint = ("; angka tanpa satuan: tulis satuannya di sel atau di kepala kolom, mis. "
                "'WAKTU (MENIT)'" if reading.unreadable and with_unit(original, "menit") else "")
        warnings.append(f"{source} {row.line.where}: SOP '{sop}' langkah {row.number}: "
                        f"{reading.problem}{hint}")
        step_note = reading.problem
        no_standard = no_standard or original  # the cell's text is kept in Keterangan
        if reading.unreadable:
            step_flags.append("waktu_unreadable")
    elif waktu is not None and waktu_text != original and not united:
        waktu = dataclasses.replace(waktu, text=original)
    row_marks: Marks = {}
    if model.actor_col is not None:
        actor = clean_lane_name(cells[model.actor_col]) if model.actor_col < len(cells) else ""
        if actor in lane_of:
            row_marks[lane_of[actor]] = "x"
    for col, _ in model.lanes:
        if col < len(cells) and cells[col] and col in lane_of:
            row_marks.setdefault(lane_of[col], classify_mark(cells[col]))
    for col, kind in row.labels:
        if col in lane_of:  # beside the lane's own mark: kept apart from it
            row_marks.setdefault(lane_of[col] + 0.5, kind)
    keterangan = cell("keterangan")
    if no_standard:
        keterangan = f"{keterangan}; Waktu: {no_standard}" if keterangan else \
            f"Waktu: {no_standard}"
    step = Step(number=row.number, kegiatan=kegiatan, kelengkapan=cell("kelengkapan"),
                waktu=waktu, output=cell("output"), keterangan=keterangan, note=step_note,
                flags=step_flags)
    return step, row_marks
