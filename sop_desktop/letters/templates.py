"""Letter templates: text files an office can copy and change, checked strictly on load.

A template file (``<id>.txt`` in resources/letters/, or in <data folder>/letters/ where an office
copy overrides the bundled file with the same id) is a TOML header between two ``+++`` lines, then
the body text. See resources/letters/README.md for the whole format. In short:

    +++
    id = "surat-rekomendasi"
    name = "Surat Rekomendasi"
    kind = "surat"            # surat | nota_dinas | naskah | sertifikat | disposisi
    paper = "A4"              # A4 | F4 | F4-setengah
    sops = ["*"]              # SOP codes this template serves ("*": every SOP)
    match = ["rekomendasi"]   # ...and every SOP whose name or step outputs mention one of these
    hal = "Rekomendasi atas Pengaduan {nama_pengadu}"
    [fields.nama_pengadu]
    label = "Nama pengadu"
    from = ["nama_pengadu", "nama"]
    +++
    Body paragraph with {nama_pengadu}; a blank line starts the next paragraph.

Placeholders are ``{name}``; ``{{`` and ``}}`` print literal braces. A placeholder that is neither
standard (STANDARD_FIELDS) nor declared under [fields] is an error naming it and the file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from sop_desktop.domain.model import SopDefinition, Step
from sop_desktop.errors import NotFound, ValidationError
from sop_desktop.paths import data_dir, resources_dir

KINDS = ("surat", "nota_dinas", "naskah", "sertifikat", "disposisi")
PAPERS = ("A4", "F4", "F4-setengah")
# The lembar disposisi is a fixed boxed form: its template must declare these fields.
DISPOSISI_FIELDS = ("surat_dari", "nomor_surat", "tanggal_surat", "sifat_disposisi",
                    "diteruskan_kepada", "harap", "catatan")
ORIENTATIONS = ("portrait", "landscape")

# Placeholders every template may use without declaring them; filled by the letter service.
STANDARD_FIELDS: dict[str, str] = {
    "nomor": "Nomor surat",
    "tanggal": "Tanggal surat",
    "tahun": "Tahun surat",
    "bulan": "Bulan surat",
    "kota": "Kota kantor",
    "kementerian": "Kementerian",
    "kantor": "Nama kantor",
    "unit": "Unit kerja",
    "alamat": "Alamat kantor",
    "telepon": "Telepon kantor",
    "laman": "Laman kantor",
    "email": "Surel kantor",
    "nomor_agenda": "Nomor agenda / registrasi perkara",
    "tanggal_diterima": "Tanggal diterima",
    "perihal": "Perihal perkara",
    "sop_nama": "Nama SOP",
    "sop_nomor": "Nomor SOP",
    "sifat": "Sifat surat",
    "lampiran": "Lampiran",
    "hal": "Hal",
    "kepada": "Yth. (tujuan surat)",
    "di": "Tempat tujuan",
    "penandatangan_jabatan": "Jabatan penanda tangan",
    "penandatangan_nama": "Nama penanda tangan",
    "penandatangan_nip": "NIP penanda tangan",
    "petugas_nama": "Nama petugas yang mencetak",
    "petugas_jabatan": "Jabatan petugas yang mencetak",
    "hari": "Hari surat (Senin ... Minggu)",
    "tanggal_terbilang": "Tanggal surat dengan huruf (enam bulan Desember tahun dua ribu ...)",
}
# Standard fields a template may declare again under [fields] to read them from the case
# (e.g. the Perihal of a disposisi from the case's perihal or pokok field, editable).
REDECLARABLE = {"perihal"}

# Header keys whose text may hold placeholders, with their defaults.
TEXT_KEYS: dict[str, str] = {
    "sifat": "Biasa",
    "lampiran": "-",
    "hal": "",
    "kepada": "",
    "di": "Tempat",
    "judul": "",
    "penandatangan": "",
    "ttd_kiri_jabatan": "",
    "ttd_kiri_nama": "",
    "ttd_kiri_nip": "",
    "ttd_kanan_judul": "",  # a line above the signer's jabatan, e.g. "Yang menerima"
}
_HEADER_KEYS = {"id", "name", "kind", "paper", "orientation", "sops", "match", "numbered",
                "klasifikasi", "pola", "tembusan", "fields", "description", "setelah",
                "setelah_langkah", *TEXT_KEYS}
_FIELD_KEYS = {"label", "from", "default", "multiline"}

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class TemplateError(ValidationError):
    """A template file breaks the format (message names the file)."""


@dataclass
class TemplateField:
    """A placeholder the template declares: where its value comes from and its label."""

    key: str
    label: str
    sources: list[str] = field(default_factory=list)  # case-field keys or labels to read it from
    default: str | None = None  # None: required (an error if no value is found)
    multiline: bool = False

    def to_dict(self) -> dict:
        return {"key": self.key, "label": self.label, "from": list(self.sources),
                "default": self.default, "multiline": self.multiline}


@dataclass
class Block:
    """One block of the body: a paragraph, heading, list or label/value table."""

    kind: str  # "para" | "heading" | "list" | "data"
    lines: list[str]  # raw template text (placeholders not yet filled)


@dataclass
class Template:
    """A parsed, validated letter template."""

    id: str
    name: str
    kind: str
    paper: str = "A4"
    orientation: str = "portrait"
    sops: list[str] = field(default_factory=lambda: ["*"])
    match: list[str] = field(default_factory=list)
    numbered: bool = True
    klasifikasi: str = ""
    pola: str = ""
    texts: dict[str, str] = field(default_factory=dict)  # TEXT_KEYS values (raw)
    tembusan: list[str] = field(default_factory=list)
    fields: dict[str, TemplateField] = field(default_factory=dict)
    body: list[Block] = field(default_factory=list)
    description: str = ""
    path: Path | None = None
    bundled: bool = True
    # the step a letter belongs to (it is issued at or after it): per SOP code a step number,
    # else the first step whose kegiatan or output mentions one of the `after` words
    after: list[str] = field(default_factory=list)
    after_steps: dict[str, int] = field(default_factory=dict)

    def step_of(self, defn: SopDefinition) -> Step | None:
        """The step of SOP `defn` this letter belongs to, or None (issued at any step)."""
        number = self.after_steps.get(defn.code)
        if number is not None:
            return next((s for s in defn.steps if s.number == number), None)
        words = [w.casefold() for w in self.after if w.strip()]
        for step in defn.steps:
            text = f"{step.kegiatan}\n{step.output}".casefold()
            if any(w in text for w in words):
                return step
        return None

    def placeholders(self) -> set[str]:
        """Every placeholder name used anywhere in the template."""
        names: set[str] = set()
        for text in self._all_texts():
            names.update(placeholders_in(text))
        return names

    def _all_texts(self) -> list[str]:
        out = list(self.texts.values()) + list(self.tembusan)
        for block in self.body:
            out.extend(block.lines)
        return out

    def serves(self, code: str, haystack: str = "") -> bool:
        """True when this template is for SOP `code` (listed, "*", or a `match` word in its text)."""
        if "*" in self.sops or code in self.sops:
            return True
        low = haystack.casefold()
        return any(word.casefold() in low for word in self.match)

    def summary(self) -> dict:
        return {"id": self.id, "name": self.name, "kind": self.kind, "paper": self.paper,
                "sops": list(self.sops), "match": list(self.match), "numbered": self.numbered,
                "fields": [f.to_dict() for f in self.fields.values()],
                "file": str(self.path) if self.path else None, "bundled": self.bundled}


def placeholders_in(text: str, *, source: str = "") -> list[str]:
    """The placeholder names in `text`, in order; a malformed brace is an error."""
    names = []
    for m in _PLACEHOLDER.finditer(text):
        token = m.group(0)
        if token in ("{{", "}}"):
            continue
        if m.group(1) is None:
            raise TemplateError(f"{source}: kurung kurawal '{token}' tanpa pasangan dalam \"{text}\" "
                                "(tulis {{ atau }} untuk mencetak kurung kurawal)")
        name = m.group(1).strip()
        if not _NAME.match(name):
            raise TemplateError(f"{source}: isian '{{{m.group(1)}}}' tidak valid: nama isian hanya "
                                "huruf kecil, angka dan garis bawah (contoh {nama_pemohon})")
        names.append(name)
    return names


def substitute(text: str, values: dict[str, str], *, source: str = "") -> str:
    """Fill `{name}` placeholders from `values`; `{{`/`}}` become braces. Values are not re-read."""

    def repl(m: re.Match) -> str:
        token = m.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = (m.group(1) or "").strip()
        if name not in values:
            raise TemplateError(f"{source}: isian '{{{name}}}' tidak dikenal")
        value = str(values[name])
        # "{uraian}." with an uraian that already ends a sentence: one full stop, not two
        if text[m.end():m.end() + 1] == "." and value.endswith(".") and not value.endswith(".."):
            value = value[:-1]
        return value

    return _PLACEHOLDER.sub(repl, text)


def split_file(text: str, source: str) -> tuple[str, str]:
    """(TOML header, body) of a template file."""
    text = text.lstrip("\ufeff")  # Notepad's BOM
    lines = text.splitlines()
    if not lines or lines[0].strip() != "+++":
        raise TemplateError(f"{source}: templat harus diawali baris '+++', lalu kepala TOML, lalu '+++'")
    for i in range(1, len(lines)):
        if lines[i].strip() == "+++":
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:])
    raise TemplateError(f"{source}: baris penutup '+++' kepala templat tidak ditemukan")


def parse_body(body: str) -> list[Block]:
    """Blank lines separate blocks; see resources/letters/README.md for the block kinds."""
    blocks: list[Block] = []
    chunk: list[str] = []

    def flush() -> None:
        if not chunk:
            return
        lines = [ln.rstrip() for ln in chunk]
        if lines[0].startswith("# "):
            blocks.append(Block("heading", [ln[2:].strip() if ln.startswith("# ") else ln.strip()
                                            for ln in lines]))
        elif all("::" in ln for ln in lines):
            blocks.append(Block("data", [ln.strip() for ln in lines]))
        elif all(re.match(r"^\s*(-|\d+\.)\s+", ln) for ln in lines):
            blocks.append(Block("list", [re.sub(r"^\s*(-|\d+\.)\s+", "", ln) for ln in lines]))
        else:
            # lines of one paragraph join with a space, as when typing in a text editor
            blocks.append(Block("para", [" ".join(ln.strip() for ln in lines)]))
        chunk.clear()

    for line in body.splitlines():
        if line.strip():
            chunk.append(line)
        else:
            flush()
    flush()
    return blocks


def _str_list(value: object, key: str, source: str) -> list[str]:
    """A header value that must be a text or a list of texts, as a list."""
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TemplateError(f"{source}: '{key}' harus berupa daftar teks, misalnya [\"a\", \"b\"]")
    return list(value)


def _step_table(value: object, source: str) -> dict[str, int]:
    """`setelah_langkah = { KODE_SOP = 9 }`: the step number a letter belongs to, per SOP."""
    if not isinstance(value, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value.values()):
        raise TemplateError(f"{source}: 'setelah_langkah' harus berupa tabel kode SOP = nomor "
                            "langkah, misalnya setelah_langkah = { YANKOMAS = 9 }")
    return {str(k): int(v) for k, v in value.items()}


def parse(text: str, *, source: str = "<templat>", path: Path | None = None,
          bundled: bool = True) -> Template:
    """Parse and validate one template file's text."""
    head, body = _read_header(text, source)
    tid = head["id"].strip()
    if not _ID.match(tid):
        raise TemplateError(f"{source}: id '{tid}' tidak valid (huruf kecil, angka, - atau _)")
    kind = head["kind"]
    if kind not in KINDS:
        raise TemplateError(f"{source}: kind '{kind}' tidak dikenal; pilih salah satu: {', '.join(KINDS)}")
    paper = head.get("paper", "F4-setengah" if kind == "disposisi" else "A4")
    if paper not in PAPERS:
        raise TemplateError(f"{source}: paper '{paper}' tidak dikenal; pilih salah satu: {', '.join(PAPERS)}")
    orientation = head.get("orientation", "landscape" if kind == "sertifikat" else "portrait")
    if orientation not in ORIENTATIONS:
        raise TemplateError(f"{source}: orientation harus 'portrait' atau 'landscape'")
    texts = {}
    for key, default in TEXT_KEYS.items():
        value = head.get(key, default)
        if not isinstance(value, str):
            raise TemplateError(f"{source}: '{key}' harus berupa teks")
        texts[key] = value
    numbered = head.get("numbered", kind != "disposisi")
    if not isinstance(numbered, bool):
        raise TemplateError(f"{source}: 'numbered' harus true atau false")
    fields = _parse_fields(head.get("fields", {}), source)
    tpl = Template(
        id=tid, name=head["name"].strip(), kind=kind, paper=paper, orientation=orientation,
        sops=_str_list(head.get("sops", ["*"]), "sops", source),
        match=_str_list(head.get("match", []), "match", source),
        numbered=numbered,
        klasifikasi=str(head.get("klasifikasi", "")), pola=str(head.get("pola", "")),
        texts=texts, tembusan=_str_list(head.get("tembusan", []), "tembusan", source),
        fields=fields, body=parse_body(body), description=str(head.get("description", "")),
        path=path, bundled=bundled,
        after=_str_list(head.get("setelah", []), "setelah", source),
        after_steps=_step_table(head.get("setelah_langkah", {}), source))
    _check_template(tpl, source)
    return tpl


def _read_header(text: str, source: str) -> tuple[dict, str]:
    """(TOML header as a dict, body text) of a template file, the header's keys checked and its
    id, name and kind present."""
    header_text, body = split_file(text, source)
    try:
        head = tomllib.loads(header_text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{source}: kepala templat bukan TOML yang valid ({exc})") from None
    unknown = sorted(set(head) - _HEADER_KEYS)
    if unknown:
        raise TemplateError(f"{source}: kunci kepala tidak dikenal: {', '.join(unknown)}")
    for key in ("id", "name", "kind"):
        if not isinstance(head.get(key), str) or not head[key].strip():
            raise TemplateError(f"{source}: kepala templat harus memiliki '{key}'")
    return head, body


def _parse_fields(raw_fields: object, source: str) -> dict[str, TemplateField]:
    """The fields a template declares under [fields], each checked."""
    if not isinstance(raw_fields, dict):
        raise TemplateError(f"{source}: [fields] harus berupa tabel, misalnya [fields.nama_pemohon]")
    fields: dict[str, TemplateField] = {}
    for key, spec in raw_fields.items():
        if not _NAME.match(key):
            raise TemplateError(f"{source}: nama isian '{key}' tidak valid (huruf kecil, angka, _)")
        if key in STANDARD_FIELDS and key not in REDECLARABLE:
            raise TemplateError(f"{source}: isian '{key}' sudah baku; jangan dideklarasikan di [fields]")
        if not isinstance(spec, dict):
            raise TemplateError(f"{source}: [fields.{key}] harus berupa tabel dengan 'label'")
        bad = sorted(set(spec) - _FIELD_KEYS)
        if bad:
            raise TemplateError(f"{source}: [fields.{key}] memiliki kunci tidak dikenal: {', '.join(bad)}")
        default = spec.get("default")
        if default is not None and not isinstance(default, str):
            raise TemplateError(f"{source}: [fields.{key}] default harus berupa teks")
        fields[key] = TemplateField(
            key=key, label=str(spec.get("label") or key),
            sources=_str_list(spec.get("from", [key]), f"fields.{key}.from", source),
            default=default, multiline=bool(spec.get("multiline", False)))
    return fields


def _check_template(tpl: Template, source: str) -> None:
    """A parsed template as a whole: a body (but for a disposisi), the disposisi's fields, and
    every placeholder standard or declared."""
    if not tpl.body and tpl.kind != "disposisi":
        raise TemplateError(f"{source}: badan templat kosong")
    if tpl.kind == "disposisi":
        missing = [k for k in DISPOSISI_FIELDS if k not in tpl.fields]
        if missing:
            raise TemplateError(f"{source}: lembar disposisi harus mendeklarasikan isian "
                                + ", ".join(f"[fields.{k}]" for k in missing))
    known = set(STANDARD_FIELDS) | set(tpl.fields)
    for text in tpl._all_texts():
        for name in placeholders_in(text, source=source):
            if name not in known:
                raise TemplateError(
                    f"{source}: isian '{{{name}}}' tidak dikenal. Deklarasikan di kepala templat "
                    f"sebagai [fields.{name}] (dengan label), atau pakai isian baku: "
                    f"{', '.join(sorted(STANDARD_FIELDS))}")


def load_file(path: Path, *, bundled: bool) -> Template:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TemplateError(f"{path}: templat harus disimpan sebagai UTF-8") from None
    except OSError as exc:
        raise TemplateError(f"{path}: tidak dapat dibaca ({exc.strerror})") from None
    return parse(text, source=str(path), path=path, bundled=bundled)


def bundled_dir() -> Path:
    return resources_dir() / "letters"


def office_dir() -> Path:
    """Where an office puts its own copies: <data folder>/letters/."""
    return data_dir() / "letters"


def load_all(*, office_folder: Path | None = None) -> dict[str, Template]:
    """Every template by id: the bundled ones, overridden by office copies with the same id."""
    found: dict[str, Template] = {}
    for folder, bundled in ((bundled_dir(), True), (office_folder or office_dir(), False)):
        if not folder.is_dir():
            continue
        seen: dict[str, Path] = {}
        for path in sorted(folder.glob("*.txt")):
            if path.name.lower() == "readme.txt":
                continue
            tpl = load_file(path, bundled=bundled)
            if tpl.id in seen:
                raise TemplateError(f"{path}: id '{tpl.id}' sudah dipakai oleh {seen[tpl.id]}")
            seen[tpl.id] = path
            found[tpl.id] = tpl
    return dict(sorted(found.items()))


def get(template_id: str, *, office_folder: Path | None = None) -> Template:
    templates = load_all(office_folder=office_folder)
    if template_id not in templates:
        raise NotFound(f"Templat surat '{template_id}' tidak ada. Templat yang tersedia: "
                       f"{', '.join(templates) or '(tidak ada)'}")
    return templates[template_id]


def sop_haystack(defn: SopDefinition) -> str:
    """The text of an SOP that `match` words are looked up in: its name and step outputs."""
    parts = [defn.name]
    for step in defn.steps:
        parts.append(step.output)
        parts.append(step.kegiatan)
    return "\n".join(p for p in parts if p)


def for_sop(defn: SopDefinition, templates: dict[str, Template] | None = None) -> list[Template]:
    """The templates that serve SOP `defn` (a SopDefinition)."""
    templates = load_all() if templates is None else templates
    haystack = sop_haystack(defn)
    return [t for t in templates.values() if t.serves(defn.code, haystack)]
