"""Decision and start/end inference: which steps branch Ya/Tidak and where Tidak goes.

Decisions are read from the text ("apabila tidak memenuhi syarat ... dikembalikan kepada X",
"apabila ada koreksi dikembalikan ke X", "menyetujui / tidak menyetujui", "setuju / tidak
setuju", "menerima atau tidak menerima") and from Y/T mark cells. Ya goes to the next step.
"""

from __future__ import annotations

import re

from sop_desktop.importers.lanes import LaneIndex, read_facts
from sop_desktop.model import Step

_RETURN = re.compile(
    r"\b(apabila|jika|bila|bilamana|kalau)\b[^.;]{0,160}?"
    r"\b(dikembalikan|kembalikan|dikembalikannya)\b", re.IGNORECASE)
_CONDITION = re.compile(
    r"\b(apabila|jika|bila|bilamana)\s+(tidak|belum|ada\s+(koreksi|perbaikan|kekurangan)|"
    r"terdapat\s+(koreksi|perbaikan|kekurangan)|ditolak|salah)", re.IGNORECASE)
_ALTERNATIVE = re.compile(
    r"\b(menyetujui\s*(/|atau)\s*tidak\s+menyetujui|setuju\s*(/|atau)\s*tidak\s+setuju|"
    r"menerima\s*(/|atau)\s*tidak\s+menerima|diterima\s*(/|atau)\s*ditolak|"
    r"sesuai\s*(/|atau)\s*tidak\s+sesuai|lengkap\s*(/|atau)\s*tidak\s+lengkap|"
    r"memenuhi\s*(/|atau)\s*tidak\s+memenuhi|disetujui\s*(/|atau)\s*tidak\s+disetujui|"
    r"bersedia\s*(/|atau)\s*tidak\s+bersedia|layak\s*(/|atau)\s*tidak\s+layak|"
    r"valid\s*(/|atau)\s*tidak\s+valid|ya\s*/\s*tidak)\b", re.IGNORECASE)


def infer_decisions(steps: list[Step], lanes: list[str], marks: list[dict[int, str]]) -> list[str]:
    """Set kind/yes/no on the steps; return warnings."""
    warnings: list[str] = []
    if not steps:
        return warnings
    index = LaneIndex(lanes)
    for i, step in enumerate(steps):
        kinds = set(marks[i].values())
        text = step.kegiatan[:2000]
        returns = bool(_RETURN.search(text)) and bool(_CONDITION.search(text))
        alternative = bool(_ALTERNATIVE.search(text))
        y_mark = "y" in kinds
        if not (returns or alternative or y_mark):
            continue
        if i + 1 >= len(steps):
            step.note = _join(step.note, "teks menyebut pilihan, tetapi ini langkah terakhir: "
                                         "tidak dijadikan keputusan")
            continue
        step.kind = "decision"
        step.yes = steps[i + 1].number
        target, why = None, ""
        if returns:
            facts = read_facts(text, index)
            if facts.returns_to is not None:
                target, why = _target_for_lane(i, steps, lanes[facts.returns_to])
        if target is None and y_mark and "t" not in kinds:
            for j in range(i - 1, -1, -1):
                if set(marks[j].values()) == {"t"} or ("t" in marks[j].values()
                                                      and "y" not in marks[j].values()):
                    target, why = steps[j].number, f"Tidak ke langkah {steps[j].number} (tanda T)"
                    break
        if target is None:
            if i == 0:
                target, why = step.number, "Tidak: tujuan tidak tertulis, kembali ke langkah ini"
            else:
                target = steps[i - 1].number
                why = f"Tidak: tujuan tidak tertulis, ke langkah sebelumnya ({target})"
            warnings.append(f"langkah {step.number}: cabang Tidak tidak tertulis; diarahkan ke "
                            f"langkah {target}")
        step.no = target
        source = "tanda Y/T" if y_mark and not (returns or alternative) else "teks keputusan"
        step.note = _join(step.note, f"keputusan dari {source}; {why}" if why else
                          f"keputusan dari {source}")
    return warnings


def _target_for_lane(i: int, steps: list[Step], lane: str) -> tuple[int | None, str]:
    for j in range(i - 1, -1, -1):
        if steps[j].lane == lane:
            return steps[j].number, f"Tidak dikembalikan ke '{lane}' (langkah {steps[j].number})"
    for j, s in enumerate(steps):
        if s.lane == lane:
            return s.number, f"Tidak dikembalikan ke '{lane}' (langkah {s.number})"
    return None, ""


def mark_start_end(steps: list[Step], marks: list[dict[int, str]]) -> None:
    """First step start, last step end (unless a decision); MULAI/SELESAI marks likewise."""
    if not steps:
        return
    if steps[0].kind == "process":
        steps[0].kind = "start"
    last = steps[-1]
    if last.kind == "process" or (last.kind == "start" and len(steps) > 1):
        last.kind = "end"
    for i, step in enumerate(steps):
        kinds = set(marks[i].values())
        if "mulai" in kinds and i != 0 and step.kind == "process":
            step.note = _join(step.note, "tanda MULAI di tengah tabel")
        if "selesai" in kinds and i != len(steps) - 1 and step.kind == "process":
            step.note = _join(step.note, "tanda SELESAI sebelum langkah terakhir")


def _join(old: str, new: str) -> str:
    return f"{old}; {new}" if old else new
