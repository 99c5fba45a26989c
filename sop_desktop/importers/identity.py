"""Identity block parser: the lines before an SOP table (office hierarchy, identity fields, title).

Copes with `FIELD : value`, `FIELD<TAB>value`, `<b>` tags, two fields side by side (values in
columns or in successive paragraphs), HTML `<ol>`/`<li>` lists on one line and numbered, lettered
or dashed lists, and signatures "JABATAN  Nama NIP 19650702 198703 1 001".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sop_desktop.domain.model import Identity
from sop_desktop.importers.cells import Line, clean, strip_html

# field -> label pattern (matched at the start of a cell, uppercase, markup removed)
_LABELS = [
    # "No. Dokumen", "Judul": the SOP header of puskesmas and other accredited services
    ("nomor", r"NO(?:MOR|\.)?\s*(?:SOP(?:\s*AP)?|DOKUMEN)"),
    ("tanggal_pembuatan", r"(?:TANGGAL|TGL\.?)\s*PEMBUATAN"),
    ("tanggal_revisi", r"(?:TANGGAL|TGL\.?)\s*REVISI"),
    ("tanggal_efektif", r"(?:TANGGAL|TGL\.?)\s*EFEKTIF"),
    ("disahkan", r"DISAHKAN\s*OLEH"),
    ("nama", r"(?:(?:NAMA|JUDUL)\s*(?:SOP(?:\s*AP)?|PROSEDUR)|JUDUL)"),
    ("dasar_hukum", r"DASAR\s*HUKUM"),
    ("kualifikasi_pelaksana", r"KUALIFIKASI\s*PELAKSANA"),
    ("keterkaitan", r"KETERKAITAN"),
    ("peralatan_perlengkapan", r"PERALATAN\s*/?\s*(?:PERLENGKAPAN)?"),
    ("peringatan", r"PERINGATAN"),
    ("pencatatan_pendataan", r"PENCATATAN(?:\s*(?:DAN|&)\s*(?:PENDATAAN|PENDAFTARAN))?"),
]
_LABEL_RES = [(f, re.compile(rf"^\s*{p}(?![A-Z0-9])\s*[:：]?\s*", re.IGNORECASE))
              for f, p in _LABELS]
SCALARS = ("nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan", "nama")
_SOP_WORDS = re.compile(
    r"^\s*(?:STANDA?R[TD]?\s+OPERA(?:SIONAL|TIONAL)\s+PROSEDURE?\s*(?:\(\s*SOP\s*(?:AP)?\s*\))?"
    r"(?:\s*ADMINISTRASI\s+PEMERINTAHAN)?)?\s*(?:\bSOP(?:\s*AP)?\b\s*[-:–]?\s*)?",
    re.IGNORECASE)
_UNIT_WORDS = re.compile(
    r"\s+(?=(?:KANTOR WILAYAH|DIVISI|BAGIAN|SUBBAGIAN|SUB BAGIAN|BIDANG|SUBBIDANG|SEKSI|PUSAT|"
    r"BPSDM|BADAN|DIREKTORAT|SEKRETARIAT|BALAI|DINAS|KANTOR)\b)")
_STORE_WORDS = re.compile(r"^(disimpan|dicatat|diarsipkan|tersimpan|didokumentasikan)\b", re.I)


def match_labels(text: str) -> list[tuple[str, str]]:
    """Identity labels at the start of a cell -> [(field, rest)].

    Two labels side by side in one cell ("DASAR HUKUM : KUALIFIKASI PELAKSANA :") give two
    entries with the first value empty.
    """
    out: list[tuple[str, str]] = []
    rest = clean(text)
    while rest:
        for fld, rx in _LABEL_RES:
            m = rx.match(rest)
            if m:
                out.append((fld, ""))
                rest = rest[m.end():]
                break
        else:
            break
    if out:
        out[-1] = (out[-1][0], rest.strip())
    return out


def sop_name(text: str) -> str:
    """A NAMA SOP or title line without the "STANDAR OPERASIONAL PROSEDUR" / "SOP" words."""
    stripped = _SOP_WORDS.sub("", clean(text), count=1).strip(" -:–")
    return stripped or clean(text)


def is_title_text(text: str) -> bool:
    return bool(re.match(r"^\s*(STANDA?R[TD]?\s+OPERA|SOP\b|SOPAP\b)", clean(text), re.I))


# ---------------------------------------------------------------- lists

_INLINE_NUM_STOP = re.compile(
    r"(?:nomor|no|tahun|th|thn|pasal|ayat|angka|huruf|ke|pp|uu|perpres|permen|nomer|lantai|"
    r"ruang|tahap|tingkat|kelas|jilid|gedung|blok|lampiran|butir|versi|seri|tipe)\.?\s*:?\s*$",
    re.IGNORECASE)
_LEAD_MARKER = re.compile(
    r"^\s*(?:[-–•*·]\s*)?(?:(?:\d{1,2}|[a-zA-Z])[.)]\s*|\d{1,2}\s+(?=\S))?", re.UNICODE)


def _sequence_split(text: str) -> list[str] | None:
    """Split "1. foo 2. bar" / "1 foo;2 bar" / "a. foo; b. bar" by its own running numbering.

    Numbers inside the text ("Nomor 39 Tahun 1999") are not markers: a marker is the next
    number of the sequence, not preceded by words like Nomor/Tahun, followed by '.' or ')' or by
    a space and a capital letter.
    """
    m = re.match(r"^\s*(?:[-–•]\s*)?(\d{1,2}|[a-zA-Z])([.)]|\s+(?=[A-Z]))", text)
    if not m:
        return None
    first = m.group(1)
    if first.isalpha() and m.group(2).strip() == "":
        return None  # "A Kantor": not a letter marker
    numeric = first.isdigit()
    cur = int(first) if numeric else ord(first.lower())
    starts = [(m.start(1), m.end())]
    pos = m.end()
    while True:
        nxt = str(cur + 1) if numeric else chr(cur + 1)
        if numeric:
            pat = re.compile(rf"{re.escape(nxt)}(?!\d)(\.(?!\d)|\)|\s+(?=[A-Z\"“(])|\s*$)")
        else:
            pat = re.compile(rf"(?<![A-Za-z]){re.escape(nxt)}([.)])\s*", re.IGNORECASE)
        best = None
        fallback = None
        for cand in pat.finditer(text, pos):
            before = text[max(0, cand.start() - 12):cand.start()]
            if _INLINE_NUM_STOP.search(before):
                continue
            prev = before[-1:] if before else ""
            if not numeric and prev and prev not in " ;,.\t":
                continue
            if numeric and prev.isdigit():
                # "2020-20246. Permenpan": only with a dot marker, and only if nothing better
                if cand.group(1).startswith(".") and fallback is None:
                    fallback = cand
                continue
            if numeric and prev and prev not in " ;,.:\t)" and not prev.isalpha():
                continue
            best = cand
            break
        found = best or fallback
        if found is None:
            break
        starts.append((found.start(), found.end()))
        pos = found.end()
        cur += 1
    if len(starts) < 2:
        return None
    items = []
    for i, (_, body_start) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        items.append(text[body_start:end])
    return items


_CAMEL = re.compile(r"(?<=[a-z\)])(?=[A-Z])")


def split_items(chunks: list[str]) -> list[str]:
    """Turn the raw text chunks of an identity list field into items."""
    items: list[str] = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        is_html_list = bool(re.search(r"<\s*(ol|ul)\b", chunk, re.I))
        if re.search(r"<\s*li\b", chunk, re.I):
            pieces = [strip_html(p) for p in re.split(r"<\s*li\b[^>]*>", chunk, flags=re.I)]
        else:
            pieces = [strip_html(chunk)]
        for piece in pieces:
            piece = " ".join(piece.split())
            if not piece:
                continue
            seq = _sequence_split(piece)
            if seq is None and re.match(r"^\s*-\s+\d{1,2}\s", piece):
                seq = _sequence_split(re.sub(r"^\s*-\s+", "", piece))
            if seq is None and re.match(r"^\s*[-–•]\s", piece) and re.search(r"\s[-–•]\s", piece):
                seq = re.split(r"\s[-–•]\s", re.sub(r"^\s*[-–•]\s*", "", piece))
            if seq is None and is_html_list and ";" in piece.strip().rstrip(";"):
                seq = piece.split(";")
            if seq is None:
                seq = [piece]
            for item in seq:
                if is_html_list and not re.match(r"^\s*\d", item):
                    parts = _CAMEL.split(item)
                else:
                    parts = [item]
                for part in parts:
                    text = _LEAD_MARKER.sub("", part, count=1) if part else part
                    text = " ".join(text.split()).strip(" ;,")
                    if text and text not in {"-", "–"}:
                        items.append(text)
    return items


# ---------------------------------------------------------------- signature

_NIP = re.compile(r"\bNIP\.?\s*:?\s*((?:\d[\s.]*){8,})", re.IGNORECASE)
_SIGNED_BY = re.compile(r"ditandatangani\s+secara\s+elektronik\s+oleh\s*:?", re.IGNORECASE)


def parse_disahkan(raw: str) -> tuple[str, str, str]:
    """"KEPALA KANTOR WILAYAH  Ditandatangani ... oleh : SANTOSA NIP. 19650702 198703 1 001"
    -> (jabatan, nama, nip without spaces)."""
    text = strip_html(raw).replace("\u00a0", " ").strip()
    nip = ""
    m = _NIP.search(text)
    if m:
        nip = re.sub(r"\D", "", m.group(1))
        text = text[:m.start()]
    text = re.sub(r"#\w+", " ", text)
    # "ttd", "(TTD)", "Cap dan ttd", "dto" stand where the signature was: a separator, not a name
    text = re.sub(r"[(\[]?\b(?:cap\s*(?:dan|&|/)\s*)?(?:ttd|dto)\b\.?[)\]]?", "  ", text,
                  flags=re.IGNORECASE)
    signed = _SIGNED_BY.search(text)
    if signed:
        jabatan, nama = text[:signed.start()], text[signed.end():]
    else:
        sep = re.search(r",?\s{2,}|,\s+", text.strip())
        body = text.strip()
        if sep:
            jabatan, nama = body[:sep.start()], body[sep.end():]
        else:
            words = body.split()
            # one run of words before a NIP: the last word is the name ("KEPALA DIVISI X
            # HERDAUS NIP ..."); without a NIP it is a jabatan only ("KEPALA BADAN ... SDM")
            jabatan, nama = (" ".join(words[:-1]), words[-1]) if len(words) > 2 and nip \
                else (body, "")
    return " ".join(jabatan.split()).strip(" ,"), " ".join(nama.split()).strip(" ,"), nip


# ---------------------------------------------------------------- preamble


@dataclass
class Preamble:
    """What the lines before one table say about its SOP."""

    identity: Identity = field(default_factory=Identity)
    found: bool = False  # an identity label was seen
    title: str = ""  # title line(s) right above the table, markup removed
    nama: str = ""  # the NAMA SOP field as printed
    first_line: Line | None = None
    warnings: list[str] = field(default_factory=list)


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    out: list[list[Line]] = []
    cur: list[Line] = []
    for line in lines:
        if line.blank:
            if cur:
                out.append(cur)
                cur = []
        else:
            cur.append(line)
    if cur:
        out.append(cur)
    return out


def _is_title_paragraph(par: list[Line]) -> bool:
    if len(par) > 3 or any(len(ln.filled()) != 1 for ln in par):
        return False
    text = " ".join(ln.text() for ln in par)
    if match_labels(par[0].filled()[0][1]):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    upper = letters and sum(ch.isupper() for ch in letters) / len(letters) > 0.85
    return bool(upper or is_title_text(text))


def parse_preamble(lines: list[Line]) -> Preamble:
    """Parse the lines between two tables (hierarchy, identity block, title)."""
    pre = Preamble()
    body, pre.title = _peel_title(lines)
    reader = _IdentityReader()
    for index, line in enumerate(body):
        reader.feed(index, line)
    if reader.first_label_at is None:
        return pre
    pre.found = True
    pre.first_line = body[reader.first_label_at]
    pre.nama = reader.fill(pre.identity)
    pre.identity.hierarchy = _hierarchy(body[:reader.first_label_at], reader.office_cells)
    return pre


def _peel_title(lines: list[Line]) -> tuple[list[Line], str]:
    """Split off the title paragraph(s) right above the table -> (remaining lines, title)."""
    body = list(lines)
    while body and body[-1].blank:
        body.pop()
    titles: list[str] = []
    while body and len(titles) < 3:
        pars = _paragraphs(body)
        if not pars or not _is_title_paragraph(pars[-1]):
            break
        titles.insert(0, " ".join(ln.text() for ln in pars[-1]))
        body = body[:body.index(pars[-1][0])]
        while body and body[-1].blank:
            body.pop()
    named = [t for t in titles if _names_something(t)]
    return body, (named or titles or [""])[-1]


class _IdentityReader:
    """Collects identity values line by line.

    A label with no value on its line waits ("pending") for the following lines. Two pending
    labels side by side take values by column when the value lines have columns, else by
    paragraph: the first paragraph for the left label, the next for the right one.
    """

    def __init__(self) -> None:
        self.scalars: dict[str, str] = {}
        self.lists: dict[str, list[str]] = {}
        self.pending: list[tuple[str, int]] = []  # (field, column)
        self.filled: set[str] = set()
        self.idx = 0  # which pending label receives paragraph-mode values
        self.para_break = False
        self.first_label_at: int | None = None
        self.office_cells: list[str] = []
        self.sign_lines = 0  # lines taken after DISAHKAN OLEH (a signature spread over lines)
        self.label_col = 0  # column of the first identity label

    def put(self, fld: str, text: str) -> None:
        if not text:
            return
        self.filled.add(fld)
        if fld == "disahkan":
            # two spaces keep jabatan and name apart when the signature spans lines
            self.scalars[fld] = (self.scalars.get(fld, "") + "  " + text).strip()
        elif fld in SCALARS:
            self.scalars[fld] = text
        else:
            self.lists.setdefault(fld, []).append(text)

    def feed(self, index: int, line: Line) -> None:
        if line.blank:
            self.para_break = True
            return
        hits = [(col, labels) for col, raw in enumerate(line.raw)
                if raw.strip() and (labels := match_labels(raw))]
        if hits:
            if self.first_label_at is None:
                self.first_label_at = index
                self.office_cells = [c for col, c in line.filled() if col < hits[0][0]]
                self.label_col = hits[0][0]
            elif self.label_col and hits[0][0] == self.label_col and not self.pending:
                # spreadsheet layout: the office names sit left of the label column, one per row
                self.office_cells += [c for col, c in line.filled() if col < hits[0][0]]
            self._labels(line, hits)
            self.sign_lines = 4 if hits[-1][1][-1][0] == "disahkan" else 0
        elif self.sign_lines and not self.pending:
            self.sign_lines -= 1
            self.put("disahkan", " ".join(t for _, t in line.filled()))
        elif self.first_label_at is not None and self.pending:
            self._values(line)
        self.para_break = False

    def _labels(self, line: Line, hits: list[tuple[int, list[tuple[str, str]]]]) -> None:
        # labels still waiting for a value keep waiting ("DASAR HUKUM :" / "KUALIFIKASI ... :")
        self.pending = [(f, c) for f, c in self.pending if f not in self.filled]
        self.idx = 0
        label_cols = {col for col, _ in hits}
        for n, (col, labels) in enumerate(hits):
            next_col = hits[n + 1][0] if n + 1 < len(hits) else len(line.raw)
            self.pending.extend((fld, col) for fld, _ in labels[:-1])
            fld, rest = labels[-1]
            value = _raw_rest(line.raw[col], rest)
            if not rest:
                after = [line.raw[c] for c in range(col + 1, next_col)
                         if c not in label_cols and line.raw[c].strip()]
                value = re.sub(r"^\s*[:：]\s*", "", " ".join(after).strip())
            if value and clean(value) not in {"-", ":"}:
                self.put(fld, value)
            elif fld in SCALARS:
                self.filled.add(fld)  # printed but empty ("TANGGAL REVISI : -")
            else:
                self.pending.append((fld, col))

    def _values(self, line: Line) -> None:
        cells = [(col, line.raw[col]) for col, _ in line.filled()]
        if len({c for _, c in self.pending}) > 1 and len(line.raw) > 1:
            for col, raw in cells:  # column mode
                target = self.pending[0][0]
                for fld, c in self.pending:
                    if c <= col:
                        target = fld
                self.put(target, raw)
            return
        fields = [f for f, _ in self.pending]
        if self.para_break and self.idx < len(fields) - 1 and fields[self.idx] in self.lists:
            self.idx += 1
        text = " ".join(r for _, r in cells)
        target = fields[self.idx]
        # "Disimpan sebagai arsip" belongs to PENCATATAN even when PERINGATAN waits first
        if "pencatatan_pendataan" in fields and _STORE_WORDS.match(clean(text)) \
                and target not in self.lists:
            target = "pencatatan_pendataan"
            self.idx = fields.index(target)
        self.put(target, text)

    def fill(self, ident: Identity) -> str:
        """Write the collected values into `ident`; returns the NAMA SOP as printed."""
        for fld in ("nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif"):
            value = clean(self.scalars.get(fld, ""))
            setattr(ident, fld, "" if value in {"-", "–"} else value)
        if self.scalars.get("disahkan"):
            ident.disahkan_jabatan, ident.disahkan_nama, ident.disahkan_nip = parse_disahkan(
                self.scalars["disahkan"])
        for fld in ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan",
                    "peralatan_perlengkapan", "peringatan", "pencatatan_pendataan"):
            setattr(ident, fld, split_items(self.lists.get(fld, [])))
        return clean(self.scalars.get("nama", ""))


def _names_something(title: str) -> bool:
    """False for a bare "STANDAR OPERASIONAL PROSEDUR ..." line that names no activity."""
    return not is_title_text(title) or sop_name(title) != clean(title)


def _raw_rest(raw: str, rest: str) -> str:
    """The raw (HTML-keeping) text after a label, found by its cleaned form."""
    if not rest:
        return ""
    plain = clean(raw)
    pos = plain.rfind(rest)
    if pos < 0:
        return rest
    # keep the raw form when it ends with the same text (signatures keep their double spaces)
    raw_text = strip_html(raw)
    if len(raw_text) > 600:
        return rest
    for start in range(len(raw_text)):
        if " ".join(raw_text[start:].split()) == rest:
            return raw_text[start:].strip()
    return rest


def _hierarchy(before: list[Line], office_cells: list[str]) -> list[str]:
    pars = [p for p in _paragraphs(before)
            if not is_title_text(p[0].text()) and all(len(ln.filled()) == 1 for ln in p)]
    if pars and len(pars[-1]) <= 6:
        return [ln.text() for ln in pars[-1]]
    if office_cells:
        out: list[str] = []
        for cell in office_cells:
            out += [p.strip() for p in _UNIT_WORDS.split(clean(cell)) if p.strip()]
        return out
    return []
