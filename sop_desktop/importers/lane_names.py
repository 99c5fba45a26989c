"""Lane (pelaksana) names: office vocabulary, canonical tokens and the index that finds lanes
named in step texts.

Lane names are compared through canonical tokens: office abbreviations expand to their long forms
(Kakanwil = Kepala Kantor Wilayah, Kasubbag = Kepala Subbagian, Ka. Badan, compound "Ka"+unit
titles such as Kakankemenag, Sekcam = Sekretaris Camat/Kecamatan, JFT = Jabatan Fungsional
Tertentu), "Sub Bagian" joins, and an acronym printed in capitals matches its spelled-out form
(PPK = Pejabat Pembuat Komitmen).
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

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


_NIP_LINE = re.compile(r"\s*[(\[]?\bNIP\b\.?\s*:?\s*[\d .-]*[)\]]?\s*$", re.I)


def clean_lane_name(name: str) -> str:
    """A printed lane header cleaned: hyphen breaks joined ("MASYA- RAKAT"; "Kasubbag-" ".TU":
    a hyphen before a dot or slash only marks where the header broke the word), words broken
    by the extraction joined when they form a known abbreviation ("KAKAN WIL"), spaces
    collapsed; a holder's NIP line under the position ("Kepala Sekolah" / "NIP. 1975...")
    left out, as it names the person, not the lane."""
    text = " ".join(name.split())
    text = _NIP_LINE.sub("", text) or text
    text = re.sub(r"(\w)-\s+(\w)", r"\1\2", text)
    text = re.sub(r"(\w)-\s*(?=[./]\w)", r"\1", text)
    words = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words):
            joined = (words[i] + words[i + 1])
            # an acronym after a word in small letters is its own word ("Yankum HAM"): an
            # extraction break keeps the case of the word it cuts ("KAKAN WIL", "Kakan wil")
            acronym = words[i + 1].isupper() and not words[i].isupper()
            if joined.lower() in _KNOWN_JOINED and words[i + 1].lower() not in _KNOWN_JOINED \
                    and not acronym:
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
        self.facts_cache: dict = {}  # text -> StepFacts (lane_facts.read_facts)
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
        first_words = [forms[0][0] for forms in self.aliases]
        self.unique_head: list[str | None] = [
            h if first_words.count(h) == 1 and counts.get(h) == 1 and h not in SENIOR_HEADS
            and h not in {"tim", "sub", "bagian", "bidang", "seksi"} else None
            for h in first_words]
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
                for i, tok in enumerate(texts):  # noqa: B007
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
