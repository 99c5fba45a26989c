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
    "kaur": "kepala urusan",
    "kades": "kepala desa",
    "kasubdit": "kepala subdirektorat",
    "kadin": "kepala dinas",
    "sekcam": "sekretaris camat",
    "sekdis": "sekretaris dinas",
    "sekban": "sekretaris badan",
    "sekdes": "sekretaris desa",
    "seklur": "sekretaris kelurahan",
    "umpeg": "umum kepegawaian",
    "tu": "tata usaha",
    "keu": "keuangan",
    "jfu": "jfu",
    "jft": "jft",
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
             "diunggah", "dibaca", "dinilai", "dijawab", "dipindah", "diparaf", "diperiksa",
             "diteliti", "dikoreksi", "dicetak", "diarsip"}
INSTRUCT_VERBS = re.compile(r"^(memerintahkan|menugaskan|menginstruksikan|mendisposisikan|"
                            r"mendisposisi|memberikan|memberi|meneruskan|menunjuk)$")
PASSIVE_INSTRUCT = re.compile(r"^(didisposisikan|didisposisi|diperintahkan|ditugaskan|"
                              r"diinstruksikan)$")
TRANSFER_WORDS = re.compile(r"^(menyerahkan\w*|mengirim\w*|menyampaikan\w*|meneruskan\w*|"
                            r"mendisposisi\w*|melaporkan\w*|mengajukan\w*|memberikan|memberi|"
                            r"disampaikan|diserahkan|dikirim\w*|diteruskan|didisposisi\w*|"
                            r"dilaporkan|diajukan|penyampaian|penyerahan|pengiriman|penerusan|"
                            r"disposisi)$")
DELIVER_WORDS = re.compile(r"^(menyerahkan\w*|mengirim\w*|menyampaikan\w*|diserahkan|"
                           r"disampaikan|dikirim\w*|penyerahan|penyampaian|pengiriman)$")
INSTRUCT_NOUNS = {"disposisi", "arahan", "perintah", "tugas", "instruksi", "penugasan"}
SUBMIT_VERBS = re.compile(r"^(menyerahkan|menyerahkannya|mengirimkan|mengirimkannya|mengirim|"
                          r"menyampaikan|menyampaikannya|melaporkan|melaporkannya|mengajukan|"
                          r"disampaikan|diserahkan|dikirimkan|dilaporkan|diajukan)$")
APPROVE_VERBS = re.compile(r"^(menyetujui|setuju|mengesahkan|menandatangani|memeriksa|meneliti|"
                           r"mengoreksi|memverifikasi|memvalidasi|mereviu|menilai|memparaf|"
                           r"ditandatangani|disetujui|disahkan|diparaf|diperiksa|diverifikasi|"
                           r"divalidasi|dikoreksi|diteliti)$")
APPROVE_NOUNS = {"setuju", "verifikasi", "pemeriksaan", "koreksi", "penandatanganan", "pembubuhan",
                 "pengesahan", "persetujuan", "paraf", "reviu"}
DRAFT_WORDS = re.compile(r"^(membuat|membuatkan|menyusun|mengonsep|mengkonsep|menyiapkan|mengetik|"
                         r"menginput|mengentri|mencatat|mengarsipkan|menghimpun|mengumpulkan|"
                         r"mengolah|pembuatan|penyusunan|pengetikan|penginputan|pencatatan|"
                         r"pengarsipan)$")
APPLY_VERBS = re.compile(r"^(menyampaikan|mengirim|mengirimkan|mengajukan|mendaftar|"
                         r"mendaftarkan|melapor|melaporkan|registrasi|mengisi|mengunggah)$")


# units that follow "Ka" (kepala) in compound titles: Ka+kan+kemenag, Ka+bid+..., Ka+subbag+...
_KA_UNITS = {"kanwil": "kantor wilayah", "kan": "kantor", "div": "divisi", "bid": "bidang",
             "subbid": "subbidang", "subid": "subbidang", "bag": "bagian", "subbag": "subbagian",
             "subag": "subbagian", "si": "seksi", "sie": "seksi", "subsi": "subseksi",
             "dis": "dinas", "din": "dinas", "ban": "badan", "pus": "pusat", "ro": "biro",
             "ur": "urusan", "subdit": "subdirektorat", "dit": "direktorat", "cab": "cabang",
             "sat": "satuan", "nit": "unit"}
_KA_ORDER = sorted(_KA_UNITS, key=len, reverse=True)
_LONG_FORMS = ((re.compile(r"\b(jabatan|pejabat)\s+fungsional\s+tertentu\b"), "jft"),
               (re.compile(r"\b(jabatan|pejabat)\s+fungsional\s+umum\b"), "jfu"),
               (re.compile(r"\bpejabat\s+fungsional\b"), "jft"))


def _expand(word: str) -> list[str]:
    if word in ABBREVIATIONS:
        return ABBREVIATIONS[word].split()
    if word.startswith("ka") and len(word) >= 4:
        # compound office titles not in the list: "kakankemenag" = kepala kantor kemenag
        for unit in _KA_ORDER:
            if word[2:].startswith(unit):
                rest = word[2 + len(unit):]
                if rest and (len(rest) < 2 or rest[0] in "aeiou"):
                    continue  # "kasih", "kasir", "kabar": ordinary words
                return ["kepala"] + _KA_UNITS[unit].split() + ([rest] if rest else [])
    return [word]


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
    return list(_tokens(text))


@functools.lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[Token, ...]:
    text = re.sub(r"\bka\.\s*", "kepala ", text.lower())
    text = re.sub(r"\bhak\s+asasi\s+manusia\b", "ham", text)
    text = re.sub(r"\bsekretaris\s+kecamatan\b", "sekretaris camat", text)
    for pattern, short in _LONG_FORMS:
        text = pattern.sub(short, text)
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
    return tuple(out)


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
        self.facts_cache: dict[str, "StepFacts"] = {}  # read_facts per step text
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
            if {t for f in forms for t in f} & set(APPLICANT_SYNONYMS):
                forms += [[w] for w in APPLICANT_SYNONYMS if w not in heads]
            # a header with no letters or digits ("-", "•") still needs a form; it never matches
            self.aliases.append([f for f in forms if f] or [[f"#{len(self.aliases)}"]])
        counts: dict[str, int] = {}
        for forms in self.aliases:
            for tok in {t for f in forms for t in f}:
                counts[tok] = counts.get(tok, 0) + 1
        self.distinct: list[set[str]] = [
            {t for f in forms for t in f[1:] if counts.get(t) == 1 and t not in GENERIC
             and len(t) >= 4} for forms in self.aliases]
        # a head word that only one lane has and no other lane uses ("Pegawai Pemohon":
        # "pegawai"); titles excluded, "kepala" alone says nothing about which head
        heads = [forms[0][0] for forms in self.aliases]
        self.unique_head: list[str | None] = [
            h if heads.count(h) == 1 and counts.get(h) == 1 and h not in SENIOR_HEADS
            and h not in {"tim", "sub", "bagian", "bidang", "seksi"} else None for h in heads]
        # acronyms printed in capitals ("PPK", "PPID Pelaksana"): the text may spell them out
        self.acronyms: set[str] = set()
        for name in names:
            for word in re.findall(r"\b[A-Z]{3,6}\b", name):
                low = word.lower()
                if low not in ABBREVIATIONS and sum(ch in "aeiou" for ch in low) <= 1 \
                        and _expand(low) == [low]:
                    self.acronyms.add(low)

    def _match_at(self, texts: list[str], i: int, want: str) -> int | None:
        """End of a match of the lane word `want` at texts[i]: the word itself (or a spelling
        variant), or a spelled-out acronym ("pejabat pembuat komitmen" for "ppk")."""
        if _tok_eq(texts[i], want):
            return i + 1
        if want in self.acronyms and i + len(want) <= len(texts) and \
                "".join(t[0] for t in texts[i:i + len(want)]) == want and \
                all(len(t) > 2 for t in texts[i:i + len(want)]):
            return i + len(want)
        return None

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
                    first_end = self._match_at(texts, i, form[0])
                    if first_end is None:
                        continue
                    matched, k, end = 1, first_end, first_end
                    for want in form[1:]:
                        hit = None
                        for j in range(k, min(k + 3, len(texts))):
                            hit = self._match_at(texts, j, want)
                            if hit is not None:
                                break
                        if hit is None:
                            break
                        matched += 1
                        k = end = hit
                    full = matched == len(form)
                    if not full and matched < 2 and (form[0] in GENERIC or len(form[0]) < 3):
                        continue
                    if not full and matched == 1 and form[0] in STAFF_HEADS:
                        continue
                    found.append(Mention(lane, i, end, matched + (1.0 if full else 0.0)))
            for i, tok in enumerate(texts):
                if any(_tok_eq(tok, d) for d in self.distinct[lane]):
                    found.append(Mention(lane, i, i + 1, 0.5))
                elif self.unique_head[lane] == tok:
                    found.append(Mention(lane, i, i + 1, 0.75))
        found.sort(key=lambda m: (-m.score, m.start))
        chosen: list[Mention] = []
        for m in found:
            if any(m.start < c.end and c.start < m.end for c in chosen):
                continue
            chosen.append(m)
        chosen.sort(key=lambda m: m.start)
        return chosen


@functools.lru_cache(maxsize=64)
def lane_index(names: tuple[str, ...]) -> LaneIndex:
    """One LaneIndex per list of lane names (lane and decision passes share it)."""
    return LaneIndex(list(names))


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
    agent: int | None = None  # passive agent: "... diterima oleh X"
    side: set[int] = field(default_factory=set)  # named after kepada/dengan/bersama/dari...
    named: set[int] = field(default_factory=set)  # every lane the text names
    transfer: bool = False  # the text hands something on (menyerahkan, mengirim, disposisi...)
    by_word: set[int] = field(default_factory=set)  # named only by a word unique to the lane


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
    text = text[:2000]  # the actors are named early; bound the work on pathological cells
    known = index.facts_cache.get(text)
    if known is None:
        if len(index.facts_cache) > 4096:
            index.facts_cache.clear()
        known = index.facts_cache[text] = _read_facts(text, index)
    return known


def _read_facts(text: str, index: LaneIndex) -> StepFacts:
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
    facts.reports = any(w.startswith("melapor") for w in words)
    facts.named = {m.lane for m in mentions}
    facts.by_word = {m.lane for m in mentions if m.score < 1}
    facts.transfer = any(TRANSFER_WORDS.match(w) for w in words)
    for m in mentions:
        before = words[max(0, m.start - 3):m.start]
        if before[-1:] and before[-1] in _NOT_SUBJECT_BEFORE - {"oleh"}:
            facts.side.add(m.lane)
        if "oleh" in before[-2:]:
            # passive: "... diterima oleh X"; not "surat yang telah ditandatangani oleh X",
            # which tells what happened earlier to the thing being handled
            at = m.start - 1 - before[::-1].index("oleh")
            if facts.agent is None and not _earlier_deed(words, at):
                facts.agent = m.lane
            continue
        if m.start > 0 and PASSIVE_INSTRUCT.match(words[max(0, m.start - 2)]) and \
                facts.instructs is None:
            facts.instructs = m.lane  # "didisposisikan kepada X"
        if before[-1:] == ["menjadi"] and facts.becomes is None:
            facts.becomes = m.lane
        if m.start > 0 and all_toks[m.start - 1].verb and \
                INSTRUCT_VERBS.match(all_toks[m.start - 1].text) and facts.instructs is None:
            facts.instructs = m.lane
        if "kepada" in before or "ke" in before[-1:]:
            verbs = [w for w in words[max(0, m.start - 8):m.start] if w.startswith(("dikembali",
                                                                                    "kembali"))]
            if verbs:
                if facts.returns_to is None:
                    facts.returns_to = m.lane
                continue
            near = words[max(0, m.start - 6):m.start]
            if any(w in INSTRUCT_NOUNS and _given(near, n) for n, w in enumerate(near)):
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
    if not facts.subject and not facts.subject_words and facts.agent is None:
        # "... oleh petugas": a generic staff word as the passive agent
        for i, w in enumerate(words[:-1]):
            if w == "oleh" and words[i + 1] in STAFF_HEADS and not _earlier_deed(words, i):
                facts.subject_words = [words[i + 1]]
                break
    _read_main_verb(facts, tokens(first))
    return facts


def _read_main_verb(facts: StepFacts, first_toks: list[Token]) -> None:
    """What kind of work the first sentence's main verb names (instruct, approve, draft...)."""
    # the main verb: the first word, or the first verb after a named subject
    lead = next((i for i, t in enumerate(first_toks[:12]) if t.verb), None)
    if lead is not None and (lead == 0 or facts.subject or facts.subject_words or facts.authority
                             or facts.agent is not None):
        verb = first_toks[lead].text
        facts.instruct_verb = bool(INSTRUCT_VERBS.match(verb)) and (
            verb not in {"memberikan", "memberi", "meneruskan"} or
            any(w in INSTRUCT_NOUNS for w in [t.text for t in first_toks[lead + 1:lead + 4]]))
        # "Menerima dan mendisposisikan ...": a second verb joined to the first by "dan"
        for t in first_toks[lead + 1:lead + 6]:
            if t.verb and t.text in {"mendisposisikan", "mendisposisi", "memerintahkan",
                                     "menugaskan", "menginstruksikan"}:
                facts.instruct_verb = True
                break
        facts.approve_verb = bool(APPROVE_VERBS.match(verb))
        facts.apply_verb = bool(APPLY_VERBS.match(verb))
    elif first_toks and first_toks[0].text in APPROVE_NOUNS:
        facts.approve_verb = True  # "Verifikasi surat", "Pembubuhan tanda tangan"
    if first_toks:
        main = (first_toks[lead].text if lead is not None and (
            facts.subject or facts.subject_words or facts.agent is not None)
                else first_toks[0].text)
        facts.draft_verb = bool(DRAFT_WORDS.match(main))
        facts.receives = main in ("menerima", "diterima")


def _earlier_deed(words: list[str], at: int) -> bool:
    """True when "oleh" at words[at] belongs to a clause about what was done before
    ("surat yang telah ditandatangani oleh X"), not to the sentence's own passive verb."""
    ahead = words[max(0, at - 3):at - 1]
    return bool({"telah", "sudah"} & set(ahead)) or words[max(0, at - 2):at - 1] == ["yang"]


def _given(words: list[str], n: int) -> bool:
    """True when the instruction noun words[n] is given ("memberikan disposisi", "arahan"),
    not a form being handed over ("lembar disposisi")."""
    before = words[max(0, n - 2):n]
    if before[-1:] in (["lembar"], ["kartu"], ["buku"], ["formulir"]):
        return False
    return not before or any(w in {"memberikan", "memberi", "menyampaikan", "membuat",
                                   "mengeluarkan", "menuliskan", "dengan", "berupa"}
                             for w in before) or words[n] != "disposisi"


def _has_phrase(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1))


_MARK_NAMES = {"mulai": "MULAI", "selesai": "SELESAI", "x": "tanda", "box": "kotak",
               "decision": "belah ketupat", "text": "isi"}


def infer_lanes(steps: list[Step], lanes: list[str], marks: list[dict[int, str]]) -> list[str]:
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
    branch = [k for k, kind in c.marks[c.i].items() if kind in ("y", "t")]
    if branch:
        # Y/T labels sit beside the decision symbol: a box far from them was misplaced by
        # the extraction and is no evidence of the lane
        lane_marks = [(k, kind) for k, kind in lane_marks if min(abs(k - b) for b in branch) <= 1]
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
        if c.chosen[j] == applicant and c.chosen[j + 1] is not None and \
                c.chosen[j + 1] in c.internal:
            k = c.chosen[j + 1]
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
        if c.facts[j].draft_verb and c.chosen[j] is not None:
            k = c.chosen[j]
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
        if c.facts[j].instructs == lane and c.chosen[j] is not None and c.chosen[j] != lane:
            k = c.chosen[j]
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
    if all(r is not None for r in ranks.values()):
        return sorted(internal, key=lambda k: (ranks[k], internal.index(k)))
    known = [ranks[k] for k in internal if ranks[k] is not None]
    pairs = list(zip(known, known[1:]))
    if pairs and all(a >= b for a, b in pairs) and any(a > b for a, b in pairs):
        return list(reversed(internal))
    return list(internal)


def _neighbour(lane: int, internal: list[int], index: LaneIndex | None, up: bool) -> int | None:
    """The lane one level above (up) or below a lane. With every rank known: the nearest
    strictly higher/lower rank, None when two lanes share it (which one is not evident)."""
    if lane not in internal:
        return None
    ranks = {k: lane_rank(index, k) for k in internal} if index else {}
    if ranks and all(r is not None for r in ranks.values()):
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
