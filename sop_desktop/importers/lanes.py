"""Lane (pelaksana) names and lane inference for steps whose flowchart marks were lost.

General rules, not tuned to any one document:
- lane names are compared through canonical tokens: office abbreviations expand to their long
  forms (Kakanwil = Kepala Kantor Wilayah, Kasubbag = Kepala Subbagian, ...), "Sub Bagian" joins;
- evidence, strongest first: a mark in the lane's column (MULAI, SELESAI, X, [Red Box]...), the
  subject of the sentence (and co-actors named with it), the recipient of the previous step
  ("... kepada X"), the superior of the one being instructed ("Memerintahkan X"), the subordinate
  of the one being submitted to ("menyerahkan kepada X"), and role heuristics (the first step of an
  applicant, a disposition chain down the table order, an approval one level up);
- where nothing is evident the lane stays empty, flagged "lane_unassigned".
Each inferred lane says why in `step.note`.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field

from sop_desktop.model import Step

ABBREVIATIONS = {
    "kakanwil": "kepala kantor wilayah",
    "kakan": "kepala kantor",
    "kanwil": "kantor wilayah",
    "kadiv": "kepala divisi",
    "kadivmin": "kepala divisi administrasi",
    "kadivpas": "kepala divisi pemasyarakatan",
    "kadivim": "kepala divisi keimigrasian",
    "kabid": "kepala bidang",
    "kasubbid": "kepala subbidang",
    "kasubid": "kepala subbidang",
    "kasubbit": "kepala subbidang",
    "kabag": "kepala bagian",
    "kasubbag": "kepala subbagian",
    "kasubag": "kepala subbagian",
    "kabbag": "kepala bagian",
    "kasi": "kepala seksi",
    "kasie": "kepala seksi",
    "kasubsi": "kepala subseksi",
    "kasubsie": "kepala subseksi",
    "kadis": "kepala dinas",
    "kaban": "kepala badan",
    "kapus": "kepala pusat",
    "karo": "kepala biro",
    "kabiro": "kepala biro",
    "ka": "kepala",
    "sekda": "sekretaris daerah",
    "sekjen": "sekretaris jenderal",
    "dirjen": "direktur jenderal",
    "yankumham": "pelayanan hukum ham",
    "yankum": "pelayanan hukum",
    "kumham": "hukum ham",
    "kemenkumham": "kementerian hukum ham",
    "pemda": "pemerintah daerah",
    "pemkab": "pemerintah kabupaten",
    "pemkot": "pemerintah kota",
    "pemprov": "pemerintah provinsi",
    "prov": "provinsi",
    "kab": "kabupaten",
}
_JOIN = {("sub", "bagian"): "subbagian", ("sub", "bidang"): "subbidang",
         ("sub", "seksi"): "subseksi", ("sub", "bag"): "subbagian", ("sub", "bid"): "subbidang",
         ("sub", "direktorat"): "subdirektorat"}
_DROP = {"dan", "serta", "&", "para", "yang", "masing", "setiap", "seluruh", "selaku"}
GENERIC = {"kepala", "petugas", "tim", "admin", "pejabat", "staf", "staff", "anggota", "ketua",
           "pelaksana", "operator", "pegawai", "kantor", "wilayah", "divisi", "bidang", "bagian",
           "subbagian", "subbidang", "seksi", "subseksi", "hukum", "ham", "layanan", "pelayanan",
           "program", "kerja", "sistem", "informasi", "kanim", "terkait", "kementerian", "daerah",
           "pemerintah", "provinsi", "kabupaten", "kota", "pusat", "badan", "dinas", "umum",
           "administrasi", "sekretaris", "direktur", "jenderal", "dokumen", "surat", "data"}
STAFF_HEADS = {"petugas", "tim", "staf", "staff", "operator", "admin", "pelaksana", "jfu", "jft",
               "anggota", "pengelola", "pegawai", "analis", "pengadministrasi"}
SENIOR_HEADS = {"kepala", "ketua", "pejabat", "menteri", "direktur", "sekretaris", "gubernur",
                "bupati", "walikota", "wali", "camat", "lurah", "atasan", "pimpinan", "kadiv"}
EXTERNAL_WORDS = {"masyarakat", "pemohon", "pengadu", "pelapor", "stakeholder", "institusi",
                  "instansi", "peserta", "narasumber", "mitra", "pihak", "pengguna", "user",
                  "warga", "perguruan", "mahasiswa", "wajib", "pelanggan", "penerima", "tamu"}
APPLICANT_WORDS = {"masyarakat", "pemohon", "pengadu", "pelapor", "pengguna", "user", "warga",
                   "stakeholder", "pelanggan", "mahasiswa"}
APPLICANT_SYNONYMS = ("masyarakat", "pemohon", "pengadu", "pelapor")
AUTHORITY_PHRASES = (("pejabat", "berwenang"), ("pejabat", "yang", "berwenang"), ("pimpinan",))

_NOT_VERBS = {"menteri", "media", "melalui", "mekanisme", "metode", "menit", "memo", "meja",
              "mereka", "menurut", "mengenai", "menjelang", "melainkan", "meliputi", "merah",
              "mesin", "menu", "mental", "merek", "memorandum"}
_NOT_PASSIVE = {"divisi", "direktur", "direktorat", "dinas", "disposisi", "dialog", "digital",
                "dimana", "diri", "dibawah", "dibawahnya", "diatas", "dirjen", "dimensi",
                "diklat", "dirut", "disiplin", "diskusi", "dirinya", "diagram"}
_BER_VERBS = {"berkoordinasi", "berkomunikasi", "bertugas", "berkonsultasi"}
_DI_VERBS = {"dibuat", "dikirim", "diterima", "diproses", "dibahas", "dicatat", "dicek", "diinput",
             "diunggah", "dibaca", "dinilai", "dijawab", "dipindah"}
INSTRUCT_VERBS = re.compile(r"^(memerintahkan|menugaskan|menginstruksikan|mendisposisikan|"
                            r"mendisposisi|memberikan|memberi|meneruskan|menunjuk)$")
INSTRUCT_NOUNS = {"disposisi", "arahan", "perintah", "tugas", "instruksi", "penugasan"}
SUBMIT_VERBS = re.compile(r"^(menyerahkan|menyerahkannya|mengirimkan|mengirimkannya|mengirim|"
                          r"menyampaikan|menyampaikannya|melaporkan|melaporkannya|mengajukan|"
                          r"disampaikan|diserahkan|dikirimkan|dilaporkan|diajukan)$")
APPROVE_VERBS = re.compile(r"^(menyetujui|setuju|mengesahkan|menandatangani|memeriksa|meneliti|"
                           r"mengoreksi|memverifikasi|memvalidasi|mereviu|menilai|memparaf)$")
APPROVE_NOUNS = {"setuju", "verifikasi", "pemeriksaan", "koreksi", "penandatanganan", "pembubuhan",
                 "pengesahan", "persetujuan", "paraf", "reviu"}
DRAFT_WORDS = re.compile(r"^(membuat|membuatkan|menyusun|mengonsep|mengkonsep|menyiapkan|mengetik|"
                         r"menginput|mengentri|mencatat|mengarsipkan|menghimpun|mengumpulkan|"
                         r"mengolah|pembuatan|penyusunan|pengetikan|penginputan|pencatatan|"
                         r"pengarsipan)$")
APPLY_VERBS = re.compile(r"^(menyampaikan|mengirim|mengirimkan|mengajukan|mendaftar|"
                         r"mendaftarkan|melapor|melaporkan|registrasi|mengisi|mengunggah)$")


def _expand(word: str) -> list[str]:
    return ABBREVIATIONS.get(word, word).split()


@dataclass
class Token:
    """A canonical token with the index of the word it came from."""

    text: str
    word: int
    verb: bool = False


def is_verb(word: str) -> bool:
    """Active me- verbs and passive di- verbs (the end of a sentence's subject)."""
    if word in _NOT_VERBS or word in _NOT_PASSIVE or word in ABBREVIATIONS:
        return False
    if re.match(r"^me[a-z]{4,}$", word):
        return True
    if word in _BER_VERBS or word in _DI_VERBS:
        return True
    return bool(re.match(r"^di[a-z]{4,}$", word)) and word.endswith(("kan", "i", "nya", "an"))


def tokens(text: str) -> list[Token]:
    """Canonical tokens of a text (abbreviations expanded, "sub bagian" joined, "dan" dropped)."""
    text = re.sub(r"\bka\.\s*", "kepala ", text.lower())
    text = re.sub(r"\bhak\s+asasi\s+manusia\b", "ham", text)
    words = re.findall(r"[a-z0-9]+", text)
    out: list[Token] = []
    skip = False
    for i, word in enumerate(words):
        if skip:
            skip = False
            continue
        if i + 1 < len(words) and (word, words[i + 1]) in _JOIN:
            out.append(Token(_JOIN[(word, words[i + 1])], i))
            skip = True
            continue
        if word in _DROP:
            continue
        verb = is_verb(word)
        for part in _expand(word):
            out.append(Token(part, i, verb))
    return out


@functools.lru_cache(maxsize=65536)
def _tok_eq(a: str, b: str) -> bool:
    if a == b:
        return True
    # spelling variants of the same word (entri/entry, biometrik/biometric), not different
    # words that look alike (kepada/kepala)
    if len(a) < 5 or len(b) < 5 or a[:4] != b[:4]:
        return False
    if min(len(a), len(b)) < 7:
        return len(a) == len(b) and a[:-1] == b[:-1]
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8
    return False


_KNOWN_JOINED = set(ABBREVIATIONS) | {"masyarakat"}


def clean_lane_name(name: str) -> str:
    """A printed lane header cleaned: hyphen breaks joined ("MASYA- RAKAT"), words broken by the
    extraction joined when they form a known abbreviation ("KAKAN WIL"), spaces collapsed."""
    text = " ".join(name.split())
    text = re.sub(r"(\w)-\s+(\w)", r"\1\2", text)
    words = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words):
            joined = (words[i] + words[i + 1])
            if joined.lower() in _KNOWN_JOINED and words[i + 1].lower() not in _KNOWN_JOINED:
                out.append(joined)
                i += 2
                continue
        out.append(words[i])
        i += 1
    return " ".join(out).strip(" ,;:")


@dataclass
class Mention:
    """A lane named in a text: token span and score (higher = more certain)."""

    lane: int
    start: int
    end: int
    score: float


class LaneIndex:
    """Finds lanes named in step texts, abbreviations and long forms alike."""

    def __init__(self, names: list[str]):
        self.names = names
        self.aliases: list[list[list[str]]] = []
        for name in names:
            toks = [t.text for t in tokens(name)]
            forms = [toks]
            if "/" in name:
                parts = [p for p in re.split(r"/", name) if p.strip()]
                sub = [[t.text for t in tokens(p)] for p in parts]
                if len(sub) == 2 and all(0 < len(s) <= 2 for s in sub):
                    forms += sub
            # strip a parenthesised qualifier: "GUBERNUR (PEMDA PROV)"
            bare = re.sub(r"\(.*?\)", " ", name)
            if bare != name:
                forms.append([t.text for t in tokens(bare)])
            heads = {f[0] for f in forms if f}
            if heads & set(APPLICANT_SYNONYMS):
                forms += [[w] for w in APPLICANT_SYNONYMS if w not in heads]
            self.aliases.append([f for f in forms if f])
        counts: dict[str, int] = {}
        for forms in self.aliases:
            for tok in {t for f in forms for t in f}:
                counts[tok] = counts.get(tok, 0) + 1
        self.distinct: list[set[str]] = [
            {t for f in forms for t in f[1:] if counts.get(t) == 1 and t not in GENERIC
             and len(t) >= 4} for forms in self.aliases]

    def head(self, lane: int) -> str:
        return self.aliases[lane][0][0]

    def is_external(self, lane: int) -> bool:
        return bool({t for f in self.aliases[lane] for t in f} & EXTERNAL_WORDS)

    def is_applicant(self, lane: int) -> bool:
        return bool({t for f in self.aliases[lane] for t in f} & APPLICANT_WORDS)

    def is_staff(self, lane: int) -> bool:
        return self.head(lane) in STAFF_HEADS

    def mentions(self, toks: list[Token]) -> list[Mention]:
        """Every lane mention in the tokens, overlapping ones resolved to the best."""
        found: list[Mention] = []
        texts = [t.text for t in toks]
        for lane, forms in enumerate(self.aliases):
            for form in forms:
                for i, tok in enumerate(texts):
                    if not _tok_eq(tok, form[0]):
                        continue
                    matched, k, end = 1, i + 1, i + 1
                    for want in form[1:]:
                        hit = None
                        for j in range(k, min(k + 3, len(texts))):
                            if _tok_eq(texts[j], want):
                                hit = j
                                break
                        if hit is None:
                            break
                        matched += 1
                        k = end = hit + 1
                    full = matched == len(form)
                    if not full and matched < 2 and (form[0] in GENERIC or len(form[0]) < 3):
                        continue
                    if not full and matched == 1 and form[0] in STAFF_HEADS:
                        continue
                    found.append(Mention(lane, i, end, matched + (1.0 if full else 0.0)))
            for i, tok in enumerate(texts):
                if any(_tok_eq(tok, d) for d in self.distinct[lane]):
                    found.append(Mention(lane, i, i + 1, 0.5))
        found.sort(key=lambda m: (-m.score, m.start))
        chosen: list[Mention] = []
        for m in found:
            if any(m.start < c.end and c.start < m.end for c in chosen):
                continue
            chosen.append(m)
        chosen.sort(key=lambda m: m.start)
        return chosen


# ---------------------------------------------------------------- inference


@dataclass
class StepFacts:
    """What the text of one step says, read once."""

    subject: list[Mention] = field(default_factory=list)
    subject_words: list[str] = field(default_factory=list)
    authority: bool = False
    recipient: int | None = None  # lane the work is handed to ("kepada X")
    instructs: int | None = None  # lane being instructed ("Memerintahkan X")
    submits_to: int | None = None  # lane submitted to ("menyerahkan kepada X")
    instruct_verb: bool = False
    approve_verb: bool = False
    apply_verb: bool = False
    draft_verb: bool = False  # drafting/recording work ("Membuat surat", "Pencatatan")
    reports: bool = False  # "... melaporkan hasil ..." (to a superior)
    becomes: int | None = None  # "(setuju) menjadi X": X decides/acts
    receives: bool = False  # starts with "Menerima ..."
    returns_to: int | None = None  # "dikembalikan kepada X"


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;])\s+(?=[A-Z])", text) if s.strip()]


def _subject_span(toks: list[Token]) -> int:
    """Tokens before the first verb; 0 when the clause has no verb (a noun phrase)."""
    for i, t in enumerate(toks):
        if t.verb:
            return i
    return 0


_NOT_SUBJECT_BEFORE = {"kepada", "ke", "dengan", "dari", "oleh", "untuk", "bersama", "pada"}


def read_facts(text: str, index: LaneIndex) -> StepFacts:
    """What one step's text says about who acts, who receives and who is instructed."""
    facts = StepFacts()
    text = text[:2000]  # the actors are named early; bound the work on pathological cells
    sentences = _sentences(text) or [text]
    first = sentences[0]
    clauses = [c for c in re.split(r",\s+", first) if c.strip()]
    for n, clause in enumerate(clauses[:4]):
        toks = tokens(clause)
        span = _subject_span(toks)
        if n > 0 and span == 0:
            break
        span = span or (1 if toks else 0)
        subject_toks = toks[:span]
        mentions = [m for m in index.mentions(toks) if m.start < span or m.start == 0]
        mentions = [m for m in mentions
                    if m.start == 0 or toks[m.start - 1].text not in _NOT_SUBJECT_BEFORE]
        words = [t.text for t in subject_toks]
        authority = any(_has_phrase(words, p) for p in AUTHORITY_PHRASES)
        if mentions or authority:
            facts.subject = mentions
            facts.subject_words = words
            facts.authority = authority
            break
        if words and words[0] in STAFF_HEADS and n == 0:
            facts.subject_words = words
            break
        if n == 0 and span == 0:
            break
    all_toks = tokens(text)
    mentions = index.mentions(all_toks)
    words = [t.text for t in all_toks]
    first_toks = tokens(first)
    if first_toks and first_toks[0].verb:
        verb = first_toks[0].text
        facts.instruct_verb = bool(INSTRUCT_VERBS.match(verb)) and (
            verb not in {"memberikan", "memberi", "meneruskan"} or
            any(w in INSTRUCT_NOUNS for w in [t.text for t in first_toks[1:4]]))
        facts.approve_verb = bool(APPROVE_VERBS.match(verb))
        facts.apply_verb = bool(APPLY_VERBS.match(verb))
    elif first_toks and first_toks[0].text in APPROVE_NOUNS:
        facts.approve_verb = True  # "Verifikasi surat", "Pembubuhan tanda tangan"
    if first_toks:
        facts.draft_verb = bool(DRAFT_WORDS.match(first_toks[0].text))
        facts.receives = first_toks[0].text == "menerima"
    facts.reports = any(w.startswith("melapor") for w in words)
    for m in mentions:
        before = words[max(0, m.start - 3):m.start]
        if before[-1:] == ["menjadi"] and facts.becomes is None:
            facts.becomes = m.lane
        if m.start > 0 and all_toks[m.start - 1].verb and \
                INSTRUCT_VERBS.match(all_toks[m.start - 1].text) and facts.instructs is None:
            facts.instructs = m.lane
        if "kepada" in before or "ke" in before[-1:]:
            pos = max(i for i, w in enumerate(before) if w in {"kepada", "ke"})
            lead = before[:pos]
            verbs = [w for w in words[max(0, m.start - 8):m.start] if w.startswith(("dikembali",
                                                                                    "kembali"))]
            if verbs:
                if facts.returns_to is None:
                    facts.returns_to = m.lane
                continue
            if any(w in INSTRUCT_NOUNS for w in lead + words[max(0, m.start - 5):m.start]):
                facts.instructs = facts.instructs if facts.instructs is not None else m.lane
            window = words[max(0, m.start - 12):m.start]
            if any(SUBMIT_VERBS.match(w) for w in window) and facts.submits_to is None:
                facts.submits_to = m.lane
            if facts.recipient is None:
                facts.recipient = m.lane
    if facts.recipient is None:
        # "... arahan kepada pelaksana/staf": a generic staff word names the staff lane
        staff = [k for k in range(len(index.names)) if index.is_staff(k)]
        for i, w in enumerate(words[:-1]):
            if w == "kepada" and words[i + 1] in STAFF_HEADS and len(staff) == 1:
                facts.recipient = staff[0]
                if any(x in INSTRUCT_NOUNS for x in words[max(0, i - 3):i]):
                    facts.instructs = staff[0]
                break
    if facts.instructs is not None and facts.recipient is None:
        facts.recipient = facts.instructs
    return facts


def _has_phrase(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1))


_MARK_NAMES = {"mulai": "MULAI", "selesai": "SELESAI", "x": "tanda", "box": "kotak",
               "text": "isi"}


def infer_lanes(steps: list[Step], lanes: list[str], marks: list[dict[int, str]]) -> list[str]:
    """Fill step.lane / co_lanes / note from marks and text; return warnings for the gaps.

    `marks[i]` maps lane index -> mark kind ("mulai", "selesai", "y", "t", "x", "box", "text")
    for step i.
    """
    index = LaneIndex(lanes)
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
            warnings.append(f"langkah {step.number}: pelaksana tidak dapat ditentukan dari teks "
                            f"('{_short(step.kegiatan)}')")
            continue
        chosen[i] = lane
        used.add(lane)
        step.lane = lanes[lane]
        step.co_lanes = [lanes[c] for c in co if c != lane]
        step.note = _join_note(step.note, why)
    return warnings


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
    marks: list[dict[int, str]]
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
    if not lane_marks:
        return None
    k, kind = lane_marks[0]
    f = c.f
    co = [m.lane for m in f.subject[1:]] if f.subject and f.subject[0].lane == k else []
    return k, co, f"pelaksana dari {_MARK_NAMES.get(kind, 'tanda')} di kolom '{c.names[k]}'"


def _by_subject(c: _Ctx) -> _Choice | None:
    """The subject of the sentence, and the co-actors named with it."""
    f = c.f
    lanes_in = list(dict.fromkeys(m.lane for m in f.subject))
    if f.authority:
        order = _ordered(c.index, c.internal)
        senior = next((k for k in order if c.index.head(k) in SENIOR_HEADS), None)
        if senior is None:
            senior = next((k for k in order if not c.index.is_staff(k) and k not in lanes_in),
                          None)
        if senior is not None:
            co = [k for k in lanes_in if k != senior]
            return senior, co, ("'pejabat berwenang' dibaca sebagai pimpinan tertinggi "
                                f"'{c.names[senior]}'")
    if lanes_in:
        return lanes_in[0], lanes_in[1:], f"pelaksana dari subjek kalimat '{c.names[lanes_in[0]]}'"
    return None


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
    if prev.recipient in (f.instructs, f.recipient, f.submits_to):
        return None  # this step hands work to that lane: it is not the actor
    k = prev.recipient
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
    k = _above(lane, c.internal, c.index)
    if k is None:
        return None
    return k, [], (f"menerima laporan dari langkah {c.prev_number}: atasan '{c.names[lane]}'")


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
    k = staff[0]
    return k, [], f"pekerjaan menyusun/mencatat: satu-satunya pelaksana staf '{c.names[k]}'"


# strongest evidence first
_RULES = (_by_mark, _by_subject, _by_staff_word, _by_handoff, _by_instruction_object,
          _by_submission, _after_instruction, _by_becoming, _by_report_receipt, _by_applicant,
          _by_disposition, _by_approval, _by_drafting)


def _choose(i, steps, facts, marks, chosen, used, index: LaneIndex):
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
    ({"camat"}, 2.5), ({"lurah"}, 3.5), ({"eselon", "ii"}, 2.5), ({"kepala", "divisi"}, 3.0),
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
    """Internal lanes from most senior down: by rank when every lane has one, else table order."""
    ranks = {k: lane_rank(index, k) for k in internal}
    if any(r is None for r in ranks.values()):
        return list(internal)
    return sorted(internal, key=lambda k: (ranks[k], internal.index(k)))


def _above(lane: int, internal: list[int], index: LaneIndex | None = None) -> int | None:
    order = _ordered(index, internal) if index else list(internal)
    if lane not in order:
        return None
    pos = order.index(lane)
    return order[pos - 1] if pos > 0 else None


def _below(lane: int, internal: list[int], index: LaneIndex | None = None) -> int | None:
    order = _ordered(index, internal) if index else list(internal)
    if lane not in order:
        return None
    pos = order.index(lane)
    return order[pos + 1] if pos + 1 < len(order) else None
