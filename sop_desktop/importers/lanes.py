"""Lane (pelaksana) names and lane inference for steps whose flowchart marks were lost.

General rules, not tuned to any one document:
- lane names are compared through canonical tokens: office abbreviations expand to their long
  forms (Kakanwil = Kepala Kantor Wilayah, Kasubbag = Kepala Subbagian, Ka. Badan, compound
  "Ka"+unit titles such as Kakankemenag, Sekcam = Sekretaris Camat/Kecamatan, JFT = Jabatan
  Fungsional Tertentu), "Sub Bagian" joins, and an acronym printed in capitals matches its
  spelled-out form (PPK = Pejabat Pembuat Komitmen);
- evidence, strongest first: a mark in the lane's column (MULAI, SELESAI, X, [Red Box]...; a box
  far from the row's Y/T labels is no evidence), the subject of the sentence (and co-actors named
  with it), the agent of a passive sentence ("diterima oleh X", not "yang telah ... oleh X"), the
  desk that took the application when a result goes back to the applicant, the recipient of the
  previous step ("... menyerahkan kepada X"), the superior of the one being instructed
  ("Memerintahkan X", "didisposisikan kepada X"), the subordinate of the one being submitted to,
  and office routines (a disposition chain down the hierarchy, whoever received something
  processes it, a report goes back to whoever instructed, an approval one level up, the drafter
  dispatches a signed letter, a word only one lane has);
- seniority comes from the titles (Menteri ... Kepala Subseksi, staff); when a title is unknown
  the table order is used, read bottom-up when the known titles show it runs that way; two lanes
  of one rank make "the one above/below" not evident;
- where nothing is evident the lane stays empty, flagged "lane_unassigned": a wrong lane is worse
  than one a person fills in.
Each inferred lane says why in `step.note`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sop_desktop.domain.model import Step
from sop_desktop.importers.lane_facts import StepFacts, read_facts
from sop_desktop.importers.lane_names import (
    DELIVER_WORDS,
    GENERIC,
    SENIOR_HEADS,
    STAFF_HEADS,
    TRANSFER_WORDS,
    LaneIndex,
    clean_lane_name,
    lane_index,
    tokens,
)

__all__ = ["LaneIndex", "StepFacts", "clean_lane_name", "infer_lanes", "lane_index",
           "lane_rank", "read_facts", "tokens", "unassigned_warning"]


# lane index -> mark kind of one row; a Ya/Tidak label beside a lane's symbol sits at the lane's
# index + 0.5 (+ 0.25 when moved to the decision above), so it never takes the symbol's place
Marks = dict[float, str]

_MARK_NAMES = {"mulai": "MULAI", "selesai": "SELESAI", "x": "tanda", "box": "kotak",
               "decision": "belah ketupat", "text": "isi"}


def infer_lanes(steps: list[Step], lanes: list[str], marks: list[Marks]) -> list[str]:
    """Fill step.lane / co_lanes / note from marks and text; return warnings for the gaps.

    `marks[i]` maps lane index -> mark kind ("mulai", "selesai", "y", "t", "x", "box", "text")
    for step i.
    """
    index = lane_index(tuple(lanes))
    facts = [read_facts(s.kegiatan, index) for s in steps]
    chosen: list[int | None] = [None] * len(steps)
    used: set[int] = set()
    warnings: list[str] = []
    for i, step in enumerate(steps):
        lane, co, why = _choose(i, steps, facts, marks, chosen, used, index)
        if lane is None:
            step.lane = None
            if "lane_unassigned" not in step.flags:
                step.flags.append("lane_unassigned")
            warnings.append(unassigned_warning(step))
            continue
        chosen[i] = lane
        used.add(lane)
        step.lane = lanes[lane]
        step.co_lanes = [lanes[c] for c in co if c != lane]
        step.note = _join_note(step.note, why)
    return warnings


def unassigned_warning(step: Step) -> str:
    """The warning for a step whose lane the text does not give (dropped when a drawing does)."""
    return f"langkah {step.number}: pelaksana tidak dapat ditentukan dari teks ('{_short(step.kegiatan)}')"


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


def _join_note(old: str, new: str) -> str:
    return f"{old}; {new}" if old else new


@dataclass
class _Ctx:
    """What the lane rules may look at for step i."""

    i: int
    steps: list[Step]
    facts: list[StepFacts]
    marks: list[Marks]
    chosen: list[int | None]
    used: set[int]
    index: LaneIndex

    @property
    def f(self) -> StepFacts:
        return self.facts[self.i]

    @property
    def names(self) -> list[str]:
        return self.index.names

    @property
    def internal(self) -> list[int]:
        return [k for k in range(len(self.names)) if not self.index.is_external(k)]

    @property
    def prev(self) -> StepFacts | None:
        return self.facts[self.i - 1] if self.i > 0 else None

    @property
    def prev_lane(self) -> int | None:
        return self.chosen[self.i - 1] if self.i > 0 else None

    @property
    def prev_number(self) -> int:
        return self.steps[self.i - 1].number


_Choice = tuple[int, list[int], str]  # lane, co-lanes, why


def _by_mark(c: _Ctx) -> _Choice | None:
    """A mark (MULAI, SELESAI, X, [Red Box]...) in a lane column; Y/T only mark decisions."""
    lane_marks = [(k, kind) for k, kind in sorted(c.marks[c.i].items()) if kind not in ("y", "t")]
    branch = [k for k, kind in c.marks[c.i].items() if kind in ("y", "t")]
    if branch:
        # Y/T labels sit beside the decision symbol: a box far from them was misplaced by
        # the extraction and is no evidence of the lane
        lane_marks = [(k, kind) for k, kind in lane_marks if min(abs(k - b) for b in branch) <= 1]
    if not lane_marks:
        return None
    k, kind = int(lane_marks[0][0]), lane_marks[0][1]  # a symbol's key is a whole lane index
    f = c.f
    co = [m.lane for m in f.subject[1:]] if f.subject and f.subject[0].lane == k else []
    return k, co, f"pelaksana dari {_MARK_NAMES.get(kind, 'tanda')} di kolom '{c.names[k]}'"


def _by_subject(c: _Ctx) -> _Choice | None:
    """The subject of the sentence, and the co-actors named with it."""
    f = c.f
    lanes_in = list(dict.fromkeys(m.lane for m in f.subject))
    if f.authority and (f.approve_verb or f.instruct_verb):
        # "pejabat berwenang menandatangani / mendisposisikan": the head signs and instructs;
        # for other work the phrase does not say which official, so it decides nothing
        order = _ordered(c.index, c.internal)
        senior = next((k for k in order if c.index.head(k) in SENIOR_HEADS), None)
        if senior is None:
            senior = next((k for k in order if not c.index.is_staff(k) and k not in lanes_in),
                          None)
        if senior is not None:
            co = [k for k in lanes_in if k != senior]
            return senior, co, ("'pejabat berwenang' dibaca sebagai pimpinan tertinggi "
                                f"'{c.names[senior]}'")
    if f.authority:
        return None  # an unnamed official acts; the co-actors named with it do not lead
    if lanes_in:
        return lanes_in[0], lanes_in[1:], f"pelaksana dari subjek kalimat '{c.names[lanes_in[0]]}'"
    return None


def _by_agent(c: _Ctx) -> _Choice | None:
    """The agent of a passive sentence: "Berkas diterima oleh Petugas Loket"."""
    k = c.f.agent
    if k is None:
        return None
    return k, [], f"pelaku kalimat pasif ('oleh {c.names[k]}')"


def _by_receipt(c: _Ctx) -> _Choice | None:
    """After a lane received something ("Menerima berkas", "Berkas diterima oleh X"), a step
    that names no actor is that lane processing what it received."""
    prev, lane, f = c.prev, c.prev_lane, c.f
    if prev is None or lane is None or not prev.receives or lane not in c.internal:
        return None
    if prev.recipient is not None or prev.instruct_verb or prev.reports:
        return None  # it already passed the work on
    if f.subject or f.subject_words or f.authority or f.receives or f.instruct_verb:
        return None
    if f.named - f.side:
        return None
    return lane, [], (f"mengolah yang diterima pada langkah {c.prev_number} "
                      f"('{c.names[lane]}')")


def _by_front_office(c: _Ctx) -> _Choice | None:
    """Handing the result to the applicant with no actor named ("Surat diserahkan kepada
    pemohon"): the office lane that took the application from them serves them again."""
    f = c.f
    applicant = f.recipient if f.recipient is not None else f.submits_to
    if applicant is None or not c.index.is_external(applicant):
        return None
    if not any(DELIVER_WORDS.match(t.text) for t in tokens(c.steps[c.i].kegiatan[:160])[:8]):
        return None  # delivering a document, not "memberikan tutorial kepada pemohon"
    if f.subject or f.subject_words or f.authority or f.agent is not None or \
            f.named - f.side - {applicant}:
        return None
    for j in range(c.i - 1):
        k = c.chosen[j + 1]
        if c.chosen[j] == applicant and k is not None and k in c.internal:
            return k, [], (f"menyerahkan kepada '{c.names[applicant]}': pelaksana yang menerima "
                           f"permohonannya pada langkah {c.steps[j + 1].number} ('{c.names[k]}')")
    return None


def _by_holder(c: _Ctx) -> _Choice | None:
    """Passing something on ("Meneruskan berkas kepada X") with no actor named, right after an
    office lane worked on it without handing it on: that lane holds it and passes it."""
    prev, lane, f = c.prev, c.prev_lane, c.f
    if prev is None or lane is None or lane not in c.internal or \
            c.steps[c.i - 1].kind == "decision":
        return None
    if prev.instruct_verb or prev.reports or prev.approve_verb:
        return None
    if prev.recipient is not None and not c.index.is_external(prev.recipient):
        return None  # handed to another office lane (a receipt for the public does not count)
    if f.subject or f.subject_words or f.authority or f.agent is not None:
        return None
    first = tokens(c.steps[c.i].kegiatan[:120])
    if not first or not first[0].verb or not TRANSFER_WORDS.match(first[0].text):
        return None
    if f.recipient is None or f.recipient == lane or f.named - f.side:
        return None
    return lane, [], (f"meneruskan yang dikerjakan pada langkah {c.prev_number} "
                      f"('{c.names[lane]}')")


def _by_joint(c: _Ctx) -> _Choice | None:
    """A joint act with the outside party the previous step dealt with ("Penandatanganan berita
    acara bersama pemohon" after "... kepada pemohon"): the office lane that dealt with them."""
    prev, lane, f = c.prev, c.prev_lane, c.f
    if prev is None or lane is None or lane not in c.internal or prev.recipient is None:
        return None
    if f.subject or f.subject_words or f.authority or f.agent is not None:
        return None
    if not c.index.is_external(prev.recipient) or prev.recipient not in f.side:
        return None
    if f.named - f.side:
        return None
    return lane, [prev.recipient], (f"bersama '{c.names[prev.recipient]}' seperti pada langkah "
                                    f"{c.prev_number}: pelaksana yang sama ('{c.names[lane]}')")


def _by_lane_word(c: _Ctx) -> _Choice | None:
    """The work named by a word only one lane has ("pengambilan foto biometrik" for "Petugas
    Biometrik"), when nothing else in the text names an actor."""
    f = c.f
    if f.subject or f.subject_words or f.authority or f.agent is not None:
        return None
    lanes = f.by_word - f.side
    if len(lanes) != 1 or (f.named - f.side) != lanes:
        return None
    k = next(iter(lanes))
    return k, [], f"kata khas pelaksana '{c.names[k]}' pada teks"


def _by_dispatch(c: _Ctx) -> _Choice | None:
    """Sending out a document right after it was approved or signed, with no actor named:
    the lane that drafted it (the drafting unit handles the dispatch)."""
    f, prev = c.f, c.prev
    if prev is None or not prev.approve_verb or f.subject or f.subject_words or not f.transfer:
        return None
    first = tokens(c.steps[c.i].kegiatan[:200])
    if not first or not TRANSFER_WORDS.match(first[0].text):
        return None
    for j in range(c.i - 1, -1, -1):
        k = c.chosen[j]
        if c.facts[j].draft_verb and k is not None:
            if k in f.named:
                return None
            return k, [], (f"mengirim dokumen yang disetujui pada langkah {c.prev_number}: "
                           f"penyusunnya di langkah {c.steps[j].number} ('{c.names[k]}')")
        if not c.facts[j].approve_verb:
            return None
    return None


def _by_partner(c: _Ctx) -> _Choice | None:
    """"Menerima ..." after a step that worked with one other lane ("berkoordinasi dengan X")."""
    prev, lane = c.prev, c.prev_lane
    if not c.f.receives or prev is None or c.f.subject:
        return None
    partners = [k for k in prev.side if k != lane]
    if len(partners) != 1 or prev.recipient is not None:
        return None
    k = partners[0]
    return k, [], f"pihak yang diajak pada langkah {c.prev_number} ('{c.names[k]}')"


def _by_staff_word(c: _Ctx) -> _Choice | None:
    """A generic staff word as subject ("Petugas mencatat ..."): the matching staff lane."""
    words = c.f.subject_words
    if not words or words[0] not in STAFF_HEADS:
        return None
    word, index = words[0], c.index
    n_lanes = len(c.names)
    cands = [k for k in range(n_lanes) if index.head(k) == word] or \
            [k for k in range(n_lanes) if index.is_staff(k)]
    if not cands:
        return None
    text_words = {t.text for t in tokens(c.steps[c.i].kegiatan)}
    sharing = [k for k in cands
               if ({t for form in index.aliases[k] for t in form} - GENERIC) & text_words]
    if sharing:
        k = sharing[0]
    elif c.prev_lane in cands:
        k = c.prev_lane
    else:
        k = cands[0]
    return k, [], f"subjek '{word}' dibaca sebagai '{c.names[k]}'"


def _by_handoff(c: _Ctx) -> _Choice | None:
    """The recipient of the previous step ("... kepada X") acts next."""
    prev, f = c.prev, c.f
    if prev is None or prev.recipient is None or prev.recipient == c.prev_lane:
        return None
    if prev.recipient in (f.instructs, f.recipient, f.submits_to) or prev.recipient in f.side:
        return None  # this step hands work to that lane or works with it: not the actor
    if not prev.transfer and prev.instructs is None:
        return None  # "membuat surat kepada X": a letter addressed to X, not yet handed over
    k = prev.recipient
    if c.index.is_external(k) and not (f.receives or f.apply_verb):
        return None  # a receipt or copy handed to the public; the office goes on working
    return k, [], f"penerima dari langkah {c.prev_number} ('{c.names[k]}')"


def _by_instruction_object(c: _Ctx) -> _Choice | None:
    """Instructing someone ("Memerintahkan X"): the lane above X."""
    if c.f.instructs is None:
        return None
    k = _above(c.f.instructs, c.internal, c.index)
    if k is None:
        return None
    return k, [], f"memberi perintah kepada '{c.names[c.f.instructs]}': pelaksana di atasnya"


def _by_submission(c: _Ctx) -> _Choice | None:
    """Submitting up to a head ("menyerahkan kepada Kabag"): the lane below them."""
    target = c.f.submits_to
    if target is None or c.index.head(target) not in SENIOR_HEADS:
        return None
    k = _below(target, c.internal, c.index)
    if k is None:
        return None
    return k, [], f"menyerahkan kepada '{c.names[target]}': pelaksana di bawahnya"


def _after_instruction(c: _Ctx) -> _Choice | None:
    """After an instruction with no named recipient, the next lane down acts."""
    prev, lane = c.prev, c.prev_lane
    if prev is None or lane is None or not prev.instruct_verb or prev.recipient is not None \
            or c.f.instruct_verb:
        return None
    k = _below(lane, c.internal, c.index)
    if k is None:
        return None
    return k, [], (f"menerima perintah dari langkah {c.prev_number}: pelaksana di bawah "
                   f"'{c.names[lane]}'")


def _by_becoming(c: _Ctx) -> _Choice | None:
    """"(Setuju / tidak setuju) menjadi narasumber": the lane named after "menjadi"."""
    k = c.f.becomes
    if k is None:
        return None
    return k, [], f"'menjadi {c.names[k]}': pelaksana yang dimaksud"


def _by_report_receipt(c: _Ctx) -> _Choice | None:
    """"Menerima ..." right after someone reported with no recipient named: their superior."""
    prev, lane = c.prev, c.prev_lane
    if not c.f.receives or prev is None or lane is None or not prev.reports \
            or prev.recipient is not None:
        return None
    for j in range(c.i - 1, -1, -1):
        k = c.chosen[j]
        if c.facts[j].instructs == lane and k is not None and k != lane:
            return k, [], (f"menerima laporan dari langkah {c.prev_number}: pemberi perintah "
                           f"pada langkah {c.steps[j].number} ('{c.names[k]}')")
    k = _above(lane, c.internal, c.index)
    if k is None:
        return None
    return k, [], (f"menerima laporan dari langkah {c.prev_number}: atasan '{c.names[lane]}'")


def _by_own_report(c: _Ctx) -> _Choice | None:
    """"Melaporkan hasil ..." with no actor named: whoever did the work just before reports it."""
    f, lane = c.f, c.prev_lane
    if not f.reports or lane is None or lane not in c.internal or f.subject or f.subject_words:
        return None
    first = tokens(c.steps[c.i].kegiatan[:120])
    if not first or not first[0].text.startswith("melapor"):
        return None
    if c.steps[c.i - 1].kind == "decision" or (c.prev is not None and c.prev.reports):
        return None
    return lane, [], f"melaporkan hasil kerja langkah {c.prev_number} ('{c.names[lane]}')"


def _by_applicant(c: _Ctx) -> _Choice | None:
    """A first step that submits or applies is done by the applicant lane."""
    if c.i != 0 or not c.f.apply_verb:
        return None
    k = next((k for k in range(len(c.names)) if c.index.is_applicant(k)), None)
    if k is None:
        return None
    return k, [], f"langkah pertama mengajukan/menyampaikan: pihak luar '{c.names[k]}'"


def _by_disposition(c: _Ctx) -> _Choice | None:
    """Instructing with no named object: down the chain, or the most senior lane not yet used."""
    if not c.f.instruct_verb:
        return None
    lane, prev = c.prev_lane, c.prev
    if lane is not None and lane in c.internal and prev is not None and prev.instruct_verb:
        k = _below(lane, c.internal, c.index)
        if k is not None:
            return k, [], f"rantai disposisi: pelaksana di bawah '{c.names[lane]}'"
    k = next((k for k in _ordered(c.index, c.internal) if k not in c.used), None)
    if k is None:
        return None
    return k, [], "memerintahkan/mendisposisikan: pimpinan tertinggi yang belum bertugas"


def _by_approval(c: _Ctx) -> _Choice | None:
    """An approval or check of the previous step's work: one level above its actor."""
    lane = c.prev_lane
    if not c.f.approve_verb or lane is None or lane not in c.internal:
        return None
    if any(c.index.is_external(k) for k in c.f.side):
        return None  # signing "bersama pemohon": a joint act, not a check of the work above
    k = _above(lane, c.internal, c.index)
    if k is None:
        return None
    return k, [], f"menyetujui/memeriksa hasil langkah {c.prev_number}: atasan '{c.names[lane]}'"


def _by_drafting(c: _Ctx) -> _Choice | None:
    """Drafting or recording work with no actor named: the staff lane, when there is only one."""
    if not c.f.draft_verb:
        return None
    staff = [k for k in c.internal if c.index.is_staff(k)]
    if len(staff) != 1:
        return None
    k, lane = staff[0], c.prev_lane
    if lane is not None and lane != k and lane in c.internal and lane_rank(c.index, lane) is None:
        return None  # a unit of unknown level just acted: it may well draft for itself
    return k, [], f"pekerjaan menyusun/mencatat: satu-satunya pelaksana staf '{c.names[k]}'"


# strongest evidence first
_RULES = (_by_mark, _by_subject, _by_agent, _by_staff_word, _by_front_office, _by_handoff,
          _by_instruction_object, _by_submission, _after_instruction, _by_becoming,
          _by_report_receipt, _by_applicant, _by_disposition, _by_receipt, _by_own_report,
          _by_approval, _by_dispatch, _by_holder, _by_joint, _by_lane_word, _by_partner,
          _by_drafting)


def _choose(i: int, steps: list[Step], facts: list[StepFacts], marks: list[Marks],
            chosen: list[int | None], used: set[int], index: LaneIndex
            ) -> tuple[int | None, list[int], str]:
    """The first rule's lane for step i, with its co-lanes and why; None when none applies."""
    ctx = _Ctx(i, steps, facts, marks, chosen, used, index)
    for rule in _RULES:
        found = rule(ctx)
        if found is not None:
            return found
    return None, [], ""


_RANKS = (  # (words that must all appear, rank): lower rank = more senior
    ({"menteri"}, 0.0), ({"direktur", "jenderal"}, 1.0), ({"sekretaris", "jenderal"}, 1.0),
    ({"gubernur"}, 1.5), ({"kepala", "kantor"}, 2.0), ({"kepala", "dinas"}, 2.0),
    ({"kepala", "badan"}, 2.0), ({"kepala", "pusat"}, 2.0), ({"kepala", "biro"}, 2.0),
    ({"sekretaris", "daerah"}, 2.0), ({"bupati"}, 2.0), ({"walikota"}, 2.0),
    ({"inspektur"}, 2.0), ({"inspektur", "pembantu"}, 3.0),
    ({"sekretaris"}, 2.5), ({"camat"}, 2.5), ({"lurah"}, 3.5), ({"kepala", "desa"}, 3.5),
    ({"sekretaris", "kecamatan"}, 3.0), ({"sekretaris", "camat"}, 3.0),
    ({"sekretaris", "desa"}, 4.0), ({"sekretaris", "kelurahan"}, 4.0), ({"kepala", "urusan"}, 4.5),
    ({"direktur"}, 2.0), ({"kepala", "subdirektorat"}, 3.5), ({"eselon", "ii"}, 2.5),
    ({"kepala", "divisi"}, 3.0),
    ({"kepala", "bidang"}, 3.5), ({"kepala", "bagian"}, 3.5), ({"eselon", "iii"}, 3.5),
    ({"ketua"}, 3.5), ({"kepala", "subbidang"}, 4.5), ({"kepala", "subbagian"}, 4.5),
    ({"kepala", "seksi"}, 4.5), ({"eselon", "iv"}, 4.5), ({"kepala", "subseksi"}, 5.5),
)


def lane_rank(index: LaneIndex, lane: int) -> float | None:
    """Seniority of a lane from its name (lower = more senior), None when unknown.

    The most specific title named wins ("Sekretaris Daerah" over "Sekretaris"), and among
    equally specific ones the junior-most ("Kepala Subbagian ... Kantor Wilayah" is a Kasubbag).
    """
    words = set(index.aliases[lane][0])
    best: tuple[int, float] | None = None
    for need, rank in _RANKS:
        if need <= words and (best is None or (len(need), rank) > best):
            best = (len(need), rank)
    if best is None:
        return 6.0 if index.head(lane) in STAFF_HEADS else None
    return best[1]


def _ordered(index: LaneIndex, internal: list[int]) -> list[int]:
    """Internal lanes from most senior down: by rank when every lane has one, else table order
    (reversed when the lanes whose rank is known show the table runs from junior to senior)."""
    ranks = {k: lane_rank(index, k) for k in internal}
    full = _full_ranks(ranks)
    if full is not None:
        return sorted(internal, key=lambda k: (full[k], internal.index(k)))
    known = [r for k in internal if (r := ranks[k]) is not None]
    pairs = list(zip(known, known[1:], strict=False))
    if pairs and all(a >= b for a, b in pairs) and any(a > b for a, b in pairs):
        return list(reversed(internal))
    return list(internal)


def _full_ranks(ranks: dict[int, float | None]) -> dict[int, float] | None:
    """The ranks when every lane has one, else None."""
    full = {k: r for k, r in ranks.items() if r is not None}
    return full if len(full) == len(ranks) else None


def _neighbour(lane: int, internal: list[int], index: LaneIndex | None, up: bool) -> int | None:
    """The lane one level above (up) or below a lane. With every rank known: the nearest
    strictly higher/lower rank, None when two lanes share it (which one is not evident)."""
    if lane not in internal:
        return None
    ranks = _full_ranks({k: lane_rank(index, k) for k in internal}) if index else None
    if ranks:
        mine = ranks[lane]
        cands = [k for k in internal if (ranks[k] < mine if up else ranks[k] > mine)]
        if not cands:
            return None
        best = max(ranks[k] for k in cands) if up else min(ranks[k] for k in cands)
        nearest = [k for k in cands if ranks[k] == best]
        return nearest[0] if len(nearest) == 1 else None
    order = _ordered(index, internal) if index else list(internal)
    pos = order.index(lane) + (-1 if up else 1)
    return order[pos] if 0 <= pos < len(order) else None


def _above(lane: int, internal: list[int], index: LaneIndex | None = None) -> int | None:
    return _neighbour(lane, internal, index, up=True)


def _below(lane: int, internal: list[int], index: LaneIndex | None = None) -> int | None:
    return _neighbour(lane, internal, index, up=False)
