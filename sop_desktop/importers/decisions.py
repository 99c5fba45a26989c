"""Decision and start/end inference: which steps branch Ya/Tidak and where Tidak goes.

Decisions are read from the text ("apabila tidak memenuhi syarat ... dikembalikan kepada X",
"apabila ada koreksi dikembalikan ke X", "menyetujui / tidak menyetujui", "setuju / tidak
setuju", "menerima atau tidak menerima", "Apakah ...? Ya: ...; Tidak: ...", "jika tidak ...,
kembali ke langkah 4") and from Y/T mark cells. Ya goes to the next step unless the text names
another that skips only the Tidak rows; Tidak goes to the step the text names, else to the lane
it returns to, else (an approval) back to the drafting step, else to the previous step (warned).
"""

from __future__ import annotations

import re

from sop_desktop.domain.model import Step
from sop_desktop.importers.lanes import LaneIndex, Marks, lane_index, read_facts

_RETURN = re.compile(
    r"\b(apabila|jika|bila|bilamana|kalau)\b[^.;]{0,160}?"
    r"\b(dikembalikan|kembalikan|dikembalikannya)\b", re.IGNORECASE)
_CONDITION = re.compile(
    r"\b(apabila|jika|bila|bilamana)\b[^.;]{0,60}?\b(tidak|belum|"
    r"ada\s+(koreksi|perbaikan|kekurangan)|"
    r"terdapat\s+(koreksi|perbaikan|kekurangan)|ditolak|salah)", re.IGNORECASE)
_ALTERNATIVE = re.compile(
    r"\b(menyetujui\s*(/|atau)\s*tidak\s+menyetujui|setuju\s*(/|atau)\s*tidak\s+setuju|"
    r"menerima\s*(/|atau)\s*tidak\s+menerima|diterima\s*(/|atau)\s*ditolak|"
    r"sesuai\s*(/|atau)\s*tidak\s+sesuai|lengkap\s*(/|atau)\s*tidak\s+lengkap|"
    r"memenuhi\s*(/|atau)\s*tidak\s+memenuhi|disetujui\s*(/|atau)\s*tidak\s+disetujui|"
    r"bersedia\s*(/|atau)\s*tidak\s+bersedia|layak\s*(/|atau)\s*tidak\s+layak|"
    r"valid\s*(/|atau)\s*tidak\s+valid|ya\s*/\s*tidak)\b", re.IGNORECASE)
# the short forms: "setuju/ tidak", "lengkap / belum", "disetujui atau ditolak", "benar/salah"
_SHORT_ALTERNATIVE = re.compile(
    r"\b(menyetujui|setuju|disetujui|menerima|diterima|sesuai|lengkap|memenuhi|bersedia|layak|"
    r"valid|benar|lulus|lolos|sah|ya)\s*(?:/|\batau\b)\s*(?:tidak|belum|ditolak|menolak|"
    r"tolak|salah|gagal|dikembalikan)\b", re.IGNORECASE)

# "Apakah berkas lengkap?" and "Ya: ...; Tidak: ..." / "jika ya ..., jika tidak ..."
_QUESTION = re.compile(r"\bapakah\b[^?]{0,200}\?", re.IGNORECASE)
# a label after a clause's end, "jika", "(", or anywhere a colon follows it ("... langkah 6
# Tidak: ...", two paragraphs of a cell run together)
_LABELS = re.compile(r"(?:\b(?:jika|apabila|bila|kalau)\s+|(?:^|[.;:,?]\s*)|\(|"
                     r"\s(?=(?:ya|tidak)\s*:))"
                     r"(ya|tidak)\b\s*[:,)]?", re.IGNORECASE)
_STEP_REF = re.compile(r"\b(?:langkah|kegiatan|tahap|no(?:mor)?\.?)\s*(?:ke\s*-?\s*)?(\d{1,3})\b",
                       re.IGNORECASE)
_GO_BACK = re.compile(r"\b(?:apabila|jika|bila|bilamana|kalau)\b[^.;]{0,80}?\b(?:tidak|belum|"
                      r"ada\s+(?:koreksi|kesalahan|kekurangan|perbaikan)|ditolak|salah|kurang)\b"
                      r"[^.;]{0,160}?\bkembali\s+(?:ke|kepada)\s+(?:langkah|kegiatan|"
                      r"tahap|no(?:mor)?\.?)\s*(\d{1,3})\b", re.IGNORECASE)


def explicit_targets(text: str, numbers: set[int]) -> tuple[int | None, int | None, bool]:
    """(Ya target, Tidak target, labelled) written in the text: "Ya: lanjut ke langkah 5;
    Tidak: kembali ke langkah 2", "jika tidak memenuhi syarat, kembali ke langkah 4"."""
    yes = no = None
    labels = list(_LABELS.finditer(text))
    kinds = {m.group(1).lower() for m in labels}
    labelled = kinds == {"ya", "tidak"}
    for n, m in enumerate(labels):
        end = labels[n + 1].start() if n + 1 < len(labels) else len(text)
        clause = re.split(r"[.;]", text[m.end():end], maxsplit=1)[0]
        ref = _STEP_REF.search(clause)
        if ref and int(ref.group(1)) in numbers:
            if m.group(1).lower() == "ya" and yes is None:
                yes = int(ref.group(1))
            elif m.group(1).lower() == "tidak" and no is None:
                no = int(ref.group(1))
    back = _GO_BACK.search(text)
    if no is None and back and int(back.group(1)) in numbers:
        no = int(back.group(1))
    return yes, no, labelled


def infer_decisions(steps: list[Step], lanes: list[str], marks: list[Marks]) -> list[str]:
    """Set kind/yes/no on the steps; return warnings."""
    warnings: list[str] = []
    if not steps:
        return warnings
    index = lane_index(tuple(lanes))
    for i, step in enumerate(steps):
        kinds = set(marks[i].values())
        text = step.kegiatan[:2000]
        if step.keterangan:
            # offices often write the branch in the Keterangan column ("Tidak: kembali ke 2")
            text = f"{text.rstrip(' .;')}. {step.keterangan[:500]}"
        returns = bool(_RETURN.search(text)) and bool(_CONDITION.search(text))
        alternative = bool(_ALTERNATIVE.search(text) or _SHORT_ALTERNATIVE.search(text))
        y_mark = "y" in kinds or "decision" in kinds  # Y label or a diamond in a lane column
        numbers = {s.number for s in steps}
        yes_to, no_to, labelled = explicit_targets(text, numbers)
        question = bool(_QUESTION.search(text))
        if no_to is not None or labelled or question:
            returns = returns or no_to is not None or (
                labelled and re.search(r"\bdikembalikan\b", text, re.IGNORECASE) is not None)
            alternative = True
        if not (returns or alternative or y_mark):
            continue
        if i + 1 >= len(steps):
            step.note = _join(step.note, "teks menyebut pilihan, tetapi ini langkah terakhir: "
                                         "tidak dijadikan keputusan")
            continue
        step.kind = "decision"
        step.yes = steps[i + 1].number
        if yes_to is not None and yes_to != step.yes:
            if _skips_safely(i, steps, yes_to, no_to):
                step.yes = yes_to
            else:
                warnings.append(f"langkah {step.number}: 'Ya ke langkah {yes_to}' akan melewati "
                                "langkah yang tidak dapat dicapai; Ya diarahkan ke langkah "
                                "berikutnya")
        target, why = None, ""
        if no_to is not None:
            target, why = no_to, f"Tidak ke langkah {no_to} (tertulis di teks)"
        if returns and target is None:
            facts = read_facts(text, index)
            if facts.returns_to is not None:
                target, why = _target_for_lane(i, steps, lanes[facts.returns_to])
        if target is None and y_mark and "t" not in kinds:
            for j in range(i - 1, -1, -1):
                if set(marks[j].values()) == {"t"} or ("t" in marks[j].values()
                                                      and "y" not in marks[j].values()):
                    target, why = steps[j].number, f"Tidak ke langkah {steps[j].number} (tanda T)"
                    break
        if target is None and (alternative or returns):
            target, why = _back_to_draft(i, steps, index)
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


def _text_of(step: Step) -> str:
    text = step.kegiatan[:2000]
    if step.keterangan:
        text = f"{text.rstrip(' .;')}. {step.keterangan[:500]}"
    return text


def _decision_cue(step: Step) -> bool:
    """The step's own text says it decides (a question, alternatives, a return)."""
    text = _text_of(step)
    return bool(_QUESTION.search(text) or _ALTERNATIVE.search(text) or
                _SHORT_ALTERNATIVE.search(text) or
                (_RETURN.search(text) and _CONDITION.search(text)))


def relocate_labels(steps: list[Step], marks: list[Marks]) -> list[str]:
    """Ya/Tidak labels printed on the row after a decision (where the arrows leaving the
    diamond run) moved to that decision, so the row below does not become one; warnings."""
    warnings: list[str] = []
    for i in range(1, len(steps)):
        labels = {k: v for k, v in marks[i].items() if v in ("y", "t")}
        if not labels or "decision" in marks[i].values() or _decision_cue(steps[i]):
            continue
        before = marks[i - 1]
        if any(v in ("y", "t") for v in before.values()) or not (
                "decision" in before.values() or _decision_cue(steps[i - 1])):
            continue
        for k, v in labels.items():
            del marks[i][k]
            before[k if k not in before else k + 0.25] = v
        warnings.append(f"langkah {steps[i].number}: label Ya/Tidak di baris ini milik "
                        f"keputusan langkah {steps[i - 1].number}")
    return warnings


def _skips_safely(i: int, steps: list[Step], yes_to: int, no_to: int | None) -> bool:
    """A written Ya target further down is kept only when the rows it skips are the Tidak
    branch (Tidak goes to the next row), so every step stays reachable."""
    numbers = [s.number for s in steps]
    if yes_to not in numbers or numbers.index(yes_to) <= i:
        return False
    return no_to == steps[i + 1].number


def _back_to_draft(i: int, steps: list[Step], index: LaneIndex) -> tuple[int | None, str]:
    """An approval that says no sends the draft back: walk back over the checks and approvals
    before it to the step that drafted the document."""
    facts = read_facts(steps[i].kegiatan[:2000], index)
    if not facts.approve_verb:
        return None, ""
    for j in range(i - 1, -1, -1):
        earlier = read_facts(steps[j].kegiatan[:2000], index)
        if earlier.draft_verb:
            return steps[j].number, (f"Tidak: kembali ke penyusunan pada langkah "
                                     f"{steps[j].number}")
        if not earlier.approve_verb:
            return None, ""
    return None, ""


def _target_for_lane(i: int, steps: list[Step], lane: str) -> tuple[int | None, str]:
    for j in range(i - 1, -1, -1):
        if steps[j].lane == lane:
            return steps[j].number, f"Tidak dikembalikan ke '{lane}' (langkah {steps[j].number})"
    for j, s in enumerate(steps):  # noqa: B007
        if s.lane == lane:
            return s.number, f"Tidak dikembalikan ke '{lane}' (langkah {s.number})"
    return None, ""


def mark_start_end(steps: list[Step], marks: list[Marks]) -> None:
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
