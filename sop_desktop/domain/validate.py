"""Rules every SOP definition must satisfy before it is stored or run."""

from __future__ import annotations

from sop_desktop.domain.model import FIELD_TYPES, STEP_KINDS, SopDefinition
from sop_desktop.errors import ValidationError


def problems(defn: SopDefinition, *, require_lanes: bool = True) -> list[str]:
    """Every rule the definition breaks, each as one Indonesian sentence naming the field."""
    out: list[str] = []
    if not defn.name.strip():
        out.append("name: nama SOP kosong")
    if not defn.lanes:
        out.append("lanes: SOP tidak memiliki pelaksana")
    if not defn.steps:
        out.append("steps: SOP tidak memiliki kegiatan")
        return out
    lane_names = set(defn.lane_names)
    if len(lane_names) != len(defn.lanes):
        out.append("lanes: ada nama pelaksana yang ganda")
    numbers = [s.number for s in defn.steps]
    dupes = sorted({n for n in numbers if numbers.count(n) > 1})
    if dupes:
        out.append(f"steps: nomor langkah ganda {dupes}")
    known = set(numbers)
    for step in defn.steps:
        where = f"steps[{step.number}]"
        if step.kind not in STEP_KINDS:
            out.append(f"{where}.kind: jenis '{step.kind}' tidak dikenal (pilih {', '.join(STEP_KINDS)})")
        if step.lane is None:
            if require_lanes:
                out.append(f"{where}.lane: pelaksana belum ditentukan")
        elif step.lane not in lane_names:
            out.append(f"{where}.lane: pelaksana '{step.lane}' tidak ada dalam daftar pelaksana")
        for co in step.co_lanes:
            if co not in lane_names:
                out.append(f"{where}.co_lanes: pelaksana '{co}' tidak ada dalam daftar pelaksana")
        if step.kind == "decision":
            missing = [label for label, target in (("yes", step.yes), ("no", step.no)) if target is None]
            if missing:
                # name the empty branch key so the file can be fixed where it is wrong
                out.append(f"{where}.{'/'.join(missing)}: keputusan harus memiliki cabang Ya dan Tidak")
        for label, target in (("yes", step.yes), ("no", step.no)):
            if target is not None and target not in known:
                out.append(f"{where}.{label}: langkah tujuan {target} tidak ada")
    for f in defn.fields:
        if f.type not in FIELD_TYPES:
            out.append(f"fields[{f.key}].type: jenis '{f.type}' tidak dikenal")
    keys = [f.key for f in defn.fields]
    if len(set(keys)) != len(keys):
        out.append("fields: ada kunci isian yang ganda")
    if not out:
        out.extend(_reachability(defn))
    return out


def _reachability(defn: SopDefinition) -> list[str]:
    """Every step reachable from the first, and every reachable step can reach the end."""
    graph = {s.number: defn.successors(s) for s in defn.steps}
    ends = {s.number for s in defn.steps if not graph[s.number]}
    out = []
    first = defn.steps[0].number
    seen, stack = set(), [first]
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.add(n)
        stack.extend(graph[n])
    # reverse reachability from the ends
    rev: dict[int, list[int]] = {n: [] for n in graph}
    for n, succ in graph.items():
        for m in succ:
            rev[m].append(n)
    can_end, stack = set(), list(ends)
    while stack:
        n = stack.pop()
        if n in can_end:
            continue
        can_end.add(n)
        stack.extend(rev[n])
    stuck = sorted(n for n in seen if n not in can_end)
    if stuck:
        out.append(f"steps{stuck}: alur berputar tanpa jalan menuju langkah terakhir")
    unreachable = sorted(n for n in graph if n not in seen)
    if unreachable and not defn.incomplete:
        out.append(f"steps{unreachable}: langkah tidak dapat dicapai dari langkah pertama")
    return out


def validate(defn: SopDefinition, *, source: str = "", require_lanes: bool = True) -> None:
    """Raise ValidationError listing every problem, prefixed with the source file."""
    found = problems(defn, require_lanes=require_lanes)
    if found:
        prefix = f"{source}: " if source else ""
        raise ValidationError(prefix + "; ".join(found))
