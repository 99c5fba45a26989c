"""The drawing's say on each step: lane and co-lanes from the lane columns its symbols sit in,
kind from the symbol's shape, a decision's Ya/Tidak targets from the arrows leaving it
(followed across off-page connectors with the same letter), text inside a symbol as its note.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sop_desktop.domain.model import SopDefinition, Step
from sop_desktop.errors import ImportFailed
from sop_desktop.importers.build import parse_lines
from sop_desktop.importers.cells import Line, norm_key
from sop_desktop.importers.geometry import Arrow, Page, Shape, link_arrows
from sop_desktop.importers.identity import parse_disahkan
from sop_desktop.importers.lanes import clean_lane_name, unassigned_warning
from sop_desktop.importers.pagetable import (
    UNIT_START,
    RowOrigin,
    page_lines,
    text_lines,
)
from sop_desktop.importers.result import ImportResult

if TYPE_CHECKING:
    from sop_desktop.importers.pdf import Cancel, Progress

Point = tuple[float, float]

_YES = {"ya", "y", "yes", "lengkap", "sesuai", "setuju", "disetujui", "benar", "valid", "layak",
        "memenuhi", "diterima", "terima", "ok", "sah", "lulus", "cocok", "ada", "v"}
_NO = {"tidak", "t", "no", "n", "tdk", "belum", "ditolak", "tolak", "kurang", "salah", "x",
       "tidaklengkap", "tidaksesuai", "tidaksetuju", "tidakdisetujui", "tidakvalid",
       "tidaklayak", "tidakmemenuhi", "tidakada", "revisi", "perbaikan", "koreksi"}
LOW = "geometri_ragu"  # flag: lane or kind read with low confidence


def label_sense(text: str) -> str | None:
    """"Ya"/"Tidak" or one of their synonyms -> "yes"/"no", else None."""
    key = norm_key(text)
    if key in _NO or (key.startswith("tidak") and len(key) < 18):
        return "no"
    if key in _YES:
        return "yes"
    return None


@dataclass
class Origins:
    """What the review screen needs: for each SOP and step, where it was read."""

    rows: list[list[RowOrigin | None]] = field(default_factory=list)  # per SOP, per step


def _seg_dist(p: Point, a: Point, b: Point) -> float:
    """Distance from point p to the segment a-b."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def label_words(page: Page) -> set[int]:
    """Give each arrow the Ya/Tidak word next to its first legs; returns the words used."""
    used: set[int] = set()
    cands = [w for w in page.words if label_sense(w.text) and
             not any(s.near((w.cx, w.cy), 0.0) for s in page.shapes)]
    for w in cands:
        best, score = None, 1e9
        for arrow in page.arrows:
            if arrow.label or len(arrow.points) < 2:
                continue
            legs = list(zip(arrow.points, arrow.points[1:], strict=False))[:2]
            d = min(_seg_dist((w.cx, w.cy), a, b) for a, b in legs)
            d = min(d, min(_seg_dist(c, a, b) for a, b in legs for c in
                           ((w.x0, w.cy), (w.x1, w.cy), (w.cx, w.y0), (w.cx, w.y1))) + 0.1)
            if d < score:
                best, score = arrow, d
        if best is not None and score <= 9.0:
            best.label = w.text
            used.add(id(w))
    return used


def pages_to_result(pages: list[Page], source: str, progress: Progress | None = None,
                    cancel: Cancel | None = None) -> ImportResult:
    """All SOPs drawn on the pages -> ImportResult (see the docstring of importers/geometry.py)."""
    skip: set[int] = set()
    for page in pages:
        link_arrows(page)
        skip |= label_words(page)
        skip |= {id(w) for w in page.words for s in page.shapes
                 if s.kind == "connector" and s.near((w.cx, w.cy), 0.0)}
    pl = page_lines(pages, skip)
    if not pl.rows and not any(not ln.blank for ln in pl.lines):
        raise ImportFailed(f"{source}: tidak ada teks yang dapat dibaca")
    sops, warnings = parse_lines(pl.lines, source)
    result = ImportResult(sops, warnings)
    origins = Origins()
    graph = Graph(pages, pl.rows)
    cursor = 0
    for defn in sops:
        rows: list[RowOrigin | None] = []
        for step in defn.steps:
            found = None
            for k in range(cursor, len(pl.rows)):
                if pl.rows[k].number == step.number:
                    found, cursor = pl.rows[k], k + 1
                    break
            rows.append(found)
        _printed_lane_names(defn, rows)
        before = branch_state(defn)
        apply_drawing(defn, rows, graph)
        keep_connected(defn, before)
        tidy_identity(defn, pages, pl.lines)
        origins.rows.append(rows)
    result.pages = pages
    result.origins = origins
    return result


import_pages = pages_to_result  # the name the readers call (geometry's docstring)


class Graph:
    """Shapes -> step rows, and arrows followed across off-page connectors."""

    def __init__(self, pages: list[Page], rows: list[RowOrigin]) -> None:
        self.row_of: dict[str, RowOrigin] = {}
        for row in rows:
            for s in row.shapes:
                self.row_of.setdefault(s.id, row)
        self.shape: dict[str, Shape] = {s.id: s for p in pages for s in p.shapes}
        self.out: dict[str, list[Arrow]] = {}
        self.into: dict[str, int] = {}
        self.connectors: dict[str, list[Shape]] = {}
        for p in pages:
            for a in p.arrows:
                if a.start_shape:
                    self.out.setdefault(a.start_shape, []).append(a)
                if a.end_shape:
                    self.into[a.end_shape] = self.into.get(a.end_shape, 0) + 1
            for s in p.shapes:
                if s.kind == "connector" and s.label:
                    self.connectors.setdefault(norm_key(s.label), []).append(s)

    def target(self, arrow: Arrow, seen: set[str] | None = None) -> RowOrigin | None:
        """The step row an arrow finally reaches (each connector is followed once: many
        connectors sharing a letter must not multiply the paths)."""
        seen = set() if seen is None else seen
        end = self.shape.get(arrow.end_shape or "")
        if end is None:
            return None
        if end.kind != "connector":
            return self.row_of.get(end.id)
        seen.add(end.id)
        for other in self.connectors.get(norm_key(end.label), []):
            if other.id in seen:
                continue
            seen.add(other.id)
            for nxt in self.out.get(other.id, []):
                row = self.target(nxt, seen)
                if row is not None:
                    return row
        return None

    def degree(self, shape: Shape) -> int:
        return len(self.out.get(shape.id, [])) + self.into.get(shape.id, 0)


def _printed_lane_names(defn: SopDefinition, rows: list[RowOrigin | None]) -> None:
    """A lane name the cleaner joined ("Yankum HAM" -> "YankumHAM", needed for broken text
    extractions) keeps its spacing as printed: a PDF's words are reliable."""
    first = next((r for r in rows if r is not None and r.columns.lanes), None)
    if first is None:
        return
    printed = [" ".join(h.split()) for _, h in first.columns.lanes]
    rename: dict[str, str] = {}
    for lane in defn.lanes:
        for text in printed:
            if text != lane.name and text.replace(" ", "") == lane.name.replace(" ", "") and \
                    text not in [other.name for other in defn.lanes]:
                rename[lane.name] = text
    if not rename:
        return
    for lane in defn.lanes:
        lane.name = rename.get(lane.name, lane.name)
    for step in defn.steps:
        step.lane = rename.get(step.lane, step.lane) if step.lane else step.lane
        step.co_lanes = [rename.get(n, n) for n in step.co_lanes]


def _tick_lanes(row: RowOrigin, names: list[str], home: float | None = None) -> list[str]:
    """Co-actors drawn as a dashed line from the symbol with a dashed tick in each co-actor's
    column (a line without ticks: the column at its far end from the symbol, or from `home`,
    the middle of the step's own lane column when its symbol was not found)."""
    ticks = [s for s in row.dashed if s.vertical]
    xs = [(s.bbox[0] + s.bbox[2]) / 2 for s in ticks]
    start = row.shapes[0].cx if row.shapes else home
    if not xs and start is not None:
        xs = [s.bbox[2] if abs(s.bbox[0] - start) < abs(s.bbox[2] - start)
              else s.bbox[0] for s in row.dashed if s.horizontal]
    out = []
    for x in xs:
        lane = _lane_at(row, x, names)
        if lane is not None and lane not in out:
            out.append(lane)
    return out


def _co_lanes_without_symbol(step: Step, row: RowOrigin, names: list[str]) -> None:
    """A step whose symbol was lost (a stamp over its outline) keeps the co-actors its dashed
    link shows, measured from the middle of its own lane column."""
    if not step.lane or not row.dashed:
        return
    home = next(((row.columns.xs[c] + row.columns.xs[c + 1]) / 2 for c, _ in row.columns.lanes
                 if _lane_at(row, (row.columns.xs[c] + row.columns.xs[c + 1]) / 2, names)
                 == step.lane), None)
    if home is None:
        return
    co = set(_tick_lanes(row, names, home))
    step.co_lanes = [n for n in names if n in co and n != step.lane] or step.co_lanes


def _lane_of(row: RowOrigin, shape: Shape, names: list[str]) -> str | None:
    return _lane_at(row, shape.cx, names)


def _lane_at(row: RowOrigin, x: float, names: list[str]) -> str | None:
    col = row.columns.col_of(x)
    for k, (c, header) in enumerate(row.columns.lanes):
        if c == col:
            cleaned = clean_lane_name(header)
            if cleaned in names:
                return cleaned
            low = {norm_key(n): n for n in names}
            if norm_key(cleaned) in low:
                return low[norm_key(cleaned)]
            return names[k] if k < len(names) else None
    return None


def apply_drawing(defn: SopDefinition, rows: list[RowOrigin | None], graph: Graph) -> None:
    """Override lane, co-lanes, kind and branches of each step with what the drawing shows."""
    names = [lane.name for lane in defn.lanes]
    by_row = {id(r): s for r, s in zip(rows, defn.steps, strict=False) if r is not None}
    for i, (step, row) in enumerate(zip(defn.steps, rows, strict=False)):
        if row is None or not row.shapes:
            if row is not None and row.columns.lanes:
                _flag(step, "simbol tidak ditemukan di kolom pelaksana")
                _co_lanes_without_symbol(step, row, names)
            continue
        shapes = sorted(row.shapes, key=lambda s: (-graph.degree(s), s.cx))
        main = shapes[0]
        lanes = [_lane_of(row, s, names) for s in shapes]
        if lanes[0] is not None:
            step.lane = lanes[0]
            co = set(lanes[1:]) | set(_tick_lanes(row, names))
            step.co_lanes = [n for n in names if n in co and n != step.lane]
            if "lane_unassigned" in step.flags:  # the drawing answers what the text could not
                step.flags.remove("lane_unassigned")
                defn.warnings = [w for w in defn.warnings if w != unassigned_warning(step)]
        kind = _kind(main, i, len(defn.steps), graph)
        inside = " ".join(s.text for s in shapes if s.text).strip()
        if inside and norm_key(inside) not in (norm_key(step.kegiatan),):
            step.note = _join(step.note, f"teks dalam simbol: {inside}")
        if kind == "decision":
            _branches(step, shapes, i, defn.steps, graph, by_row)
        elif kind is not None:
            if step.kind == "decision":
                step.yes = step.no = None
                step.note = drop_decision_notes(step.note)
            step.kind = kind
        else:
            _flag(step, "bentuk simbol tidak dikenali")


def _kind(shape: Shape, i: int, count: int, graph: Graph) -> str | None:
    if shape.kind == "decision":
        return "decision" if i + 1 < count else None
    if shape.kind == "process":
        return "start" if i == 0 else "process"
    if shape.kind == "terminator":
        if i == 0:
            return "start"
        if i == count - 1 or not graph.out.get(shape.id):
            return "end" if i == count - 1 else "process"
        return "process"
    return None


def _branches(step: Step, shapes: list[Shape], i: int, steps: list[Step], graph: Graph,
              by_row: dict[int, Step]) -> None:
    outs: list[tuple[str | None, Step]] = []
    lost: set[str] = set()  # the labels of branches whose end was not found
    for s in shapes:
        for arrow in graph.out.get(s.id, []):
            row = graph.target(arrow)
            target = by_row.get(id(row)) if row is not None else None
            sense = label_sense(arrow.label) if arrow.label else None
            if target is not None:
                outs.append((sense, target))
            elif sense is not None:
                lost.add(sense)
    yes = next((t.number for sense, t in outs if sense == "yes"), None)
    no = next((t.number for sense, t in outs if sense == "no"), None)
    rest = [t.number for sense, t in outs if sense is None]
    if yes is None and no is None and len(rest) == 1 and len(lost) == 1:
        # the other branch's label was read on an arrow whose end was not found
        yes, no = (None, rest.pop()) if "yes" in lost else (rest.pop(), None)
    sure = yes is not None or no is not None  # a branch known by its label
    nxt = steps[i + 1].number
    if yes is None and rest:
        yes = nxt if nxt in rest and (no is not None or len(rest) > 1) else rest.pop(0)
        if yes in rest:
            rest.remove(yes)
        if no is None:
            _flag(step, "label Ya/Tidak tidak terbaca; cabang ditebak dari urutan")
    if no is None and rest:
        no = rest[0]
    if yes is None or no is None:
        if step.kind == "decision" and step.yes is not None and step.no is not None:
            # the branch the drawing shows by its label, the other as the text says
            mixed = (step.yes if yes is None else yes, step.no if no is None else no)
            if not sure or mixed[0] == mixed[1]:
                _flag(step, "panah keputusan tidak lengkap; cabang dari teks")
                return
            yes, no = mixed
            _flag(step, "panah keputusan tidak lengkap; satu cabang dari teks")
        yes = yes if yes is not None else nxt
        if no is None:
            _flag(step, "panah Tidak tidak ditemukan; diarahkan ke langkah sebelumnya")
            no = steps[i - 1].number if i else step.number
    step.kind, step.yes, step.no = "decision", yes, no
    step.note = _join(drop_decision_notes(step.note), "keputusan dari gambar (panah Ya/Tidak)")


def drop_decision_notes(note: str) -> str:
    """A note without what the text reader said about a decision ("keputusan dari teks
    keputusan; Tidak ke langkah 5 ..."), once the drawing has decided the step."""
    parts = note.split("; ") if note else []
    kept: list[str] = []
    dropping = False
    for part in parts:
        if part.startswith("keputusan dari "):
            dropping = True
            continue
        if dropping and part.startswith("Tidak"):
            continue
        dropping = False
        kept.append(part)
    return "; ".join(kept)


def keep_connected(defn: SopDefinition, before: list[tuple]) -> None:
    """Branches read from a damaged or odd drawing must not cut the flow: while a step cannot
    be reached (or cannot reach the end), the drawn branches are put back to what the text
    said (`before`: kind, yes, no, note per step), one step at a time, with a warning."""
    if not flow_broken(defn):
        return
    for step, (kind, yes, no, note) in zip(defn.steps, before, strict=False):
        if (step.kind, step.yes, step.no) == (kind, yes, no):
            continue
        step.kind, step.yes, step.no, step.note = kind, yes, no, note
        defn.warnings.append(f"langkah {step.number}: cabang dari gambar memutus alur; dipakai "
                             "cabang yang terbaca dari teks")
        if not flow_broken(defn):
            return


def branch_state(defn: SopDefinition) -> list[tuple]:
    """What keep_connected puts back: kind, yes, no and note of each step."""
    return [(s.kind, s.yes, s.no, s.note) for s in defn.steps]


def flow_broken(defn: SopDefinition) -> bool:
    """A branch to no step, or a step the first cannot reach or that cannot reach an end."""
    known = {s.number for s in defn.steps}
    if not known:
        return False
    succ = {s.number: [n for n in defn.successors(s)] for s in defn.steps}
    if any(n not in known for targets in succ.values() for n in targets):
        return True
    seen, stack = set(), [defn.steps[0].number]
    while stack:
        n = stack.pop()
        if n not in seen:
            seen.add(n)
            stack.extend(succ[n])
    rev: dict[int, list[int]] = {n: [] for n in succ}
    for n, targets in succ.items():
        for m in targets:
            rev[m].append(n)
    can_end, stack = set(), [n for n, targets in succ.items() if not targets]
    while stack:
        n = stack.pop()
        if n not in can_end:
            can_end.add(n)
            stack.extend(rev[n])
    unreachable = known - seen and not defn.incomplete
    return bool(unreachable or seen - can_end)


_PLACEHOLDER = re.compile(r"^[\s\-–—.]*$")


def _disahkan_cell(lines: list[Line]) -> str | None:
    """The printed lines of the DISAHKAN OLEH value cell, when the page keeps them apart."""
    for line in lines:
        raw = [c for c in line.raw if c.strip()]
        if len(raw) >= 2 and re.match(r"^\s*DISAHKAN\s*OLEH\b", raw[0], re.IGNORECASE) \
                and "\n" in raw[1]:
            return raw[1]
    return None


def tidy_identity(defn: SopDefinition, pages: list[Page], lines: list[Line]) -> None:
    """A "-" printed for an empty identity field is no value; the lines of the DISAHKAN cell
    separate jabatan and nama; an office name printed over two lines is one office; a name
    printed in capitals takes its letter case from another line that spells it (a footer)."""
    ident = defn.identity
    cell = _disahkan_cell(lines)
    if cell is not None and ident.disahkan_jabatan:
        jab, nama, nip = parse_disahkan(cell.replace("\n", "   "))
        if jab and nama:
            ident.disahkan_jabatan, ident.disahkan_nama = jab, nama
            ident.disahkan_nip = nip or ident.disahkan_nip
    merged: list[str] = []
    for item in ident.hierarchy:  # a printed line that does not name a unit continues one
        if merged and not UNIT_START.match(item) and item.isupper():
            merged[-1] = f"{merged[-1]} {item}"
        else:
            merged.append(item)
    ident.hierarchy = merged

    for key, value in list(ident.__dict__.items()):
        if isinstance(value, str) and value and _PLACEHOLDER.match(value):
            setattr(ident, key, "")
        elif isinstance(value, list):
            setattr(ident, key, [v for v in value if not _PLACEHOLDER.match(str(v))])
    name = " ".join(defn.name.split())
    if not name or name != name.upper() or not any(ch.isalpha() for ch in name):
        return
    found: list[tuple[int, str]] = []  # (preference, spelling): footers and titles first
    for page in pages:
        for line in text_lines(page.words):
            text = " ".join(w.text for w in line)
            at = text.upper().find(name.upper())
            if at < 0 or text[at:at + len(name)] == name:
                continue
            spelt = text[at:at + len(name)]
            footer = line[0].cy > 0.9 * page.height
            found.append((0 if footer else 1 if at == 0 else 2, spelt))
    if found:
        defn.name = min(found, key=lambda f: f[0])[1]


def _flag(step: Step, why: str) -> None:
    if LOW not in step.flags:
        step.flags.append(LOW)
    step.note = _join(step.note, why)


def _join(old: str, new: str) -> str:
    return f"{old}; {new}" if old else new


__all__ = ["LOW", "Graph", "Origins", "apply_drawing", "drop_decision_notes", "flow_broken",
           "keep_connected", "label_sense", "label_words", "pages_to_result"]

