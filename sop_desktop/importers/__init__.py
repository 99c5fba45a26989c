"""SOP importers: text extracted from PDFs (tab-separated tables) and .xlsx in the same layout.

Pipeline: tokenize lines (cells.py) -> locate tables (table.py) -> identity block per table
(identity.py) -> header model and row grid (table.py) -> steps (build.py) -> lane and decision
inference (lanes.py, decisions.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sop_desktop.errors import ImportFailed
from sop_desktop.model import SopDefinition

MAX_TEXT_BYTES = 20 * 1024 * 1024


@dataclass
class ImportResult:
    """The SOPs read from one file, plus warnings about the file as a whole."""

    sops: list[SopDefinition] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def import_text(text: str, source: str = "teks") -> ImportResult:
    """Import every SOP table in a text (tab-separated rows, as extracted from PDF)."""
    from sop_desktop.importers.build import parse_lines
    from sop_desktop.importers.cells import tokenize_text

    sops, warnings = parse_lines(tokenize_text(text), source)
    return ImportResult(sops, warnings)


def import_xlsx(path: str | Path) -> ImportResult:
    """Import every SOP table of every sheet of an .xlsx file (hostile files are refused)."""
    from sop_desktop.importers.build import NO_TABLE, parse_lines
    from sop_desktop.importers.identity import parse_preamble
    from sop_desktop.importers.xlsx import read_sheets

    path = Path(path)
    result = ImportResult()
    failures: list[str] = []
    carry = None  # an identity sheet without a table: its block goes to the next sheet's SOP
    for title, lines, notes in read_sheets(path):
        result.warnings.extend(notes)
        if all(line.blank for line in lines):
            continue
        try:
            sops, warnings = parse_lines(lines, path.name, carry, title)
        except ImportFailed as exc:
            if NO_TABLE not in str(exc):
                raise
            failures.append(str(exc))
            preamble = parse_preamble(lines)
            if preamble.found:
                carry = preamble
                result.warnings.append(f"{path.name}: lembar '{title}' berisi identitas SOP "
                                       "tanpa tabel; dipakai untuk tabel di lembar berikutnya")
            else:
                result.warnings.append(f"{path.name}: lembar '{title}' tidak berisi tabel SOP")
            continue
        carry = None
        result.sops.extend(sops)
        result.warnings.extend(warnings)
    if not result.sops:
        raise ImportFailed(failures[0] if failures else f"{path.name}: buku kerja kosong; "
                           "tidak ditemukan tabel SOP")
    return result


def import_file(path: str | Path) -> ImportResult:
    """Import a text or .xlsx SOP file, chosen by content (zip) and extension."""
    path = Path(path)
    if not path.exists():
        raise ImportFailed(f"{path}: berkas tidak ditemukan")
    if not path.is_file():
        raise ImportFailed(f"{path}: bukan berkas")
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFailed(f"{path.name}: berkas tidak dapat dibaca ({exc.strerror})") from None
    refused = _known_other_format(path, head)
    if refused:
        raise ImportFailed(f"{path.name}: {refused}")
    if path.suffix.lower() in (".xlsx", ".xlsm") or head == b"PK\x03\x04":
        return import_xlsx(path)
    if size > MAX_TEXT_BYTES:
        raise ImportFailed(f"{path.name}: berkas teks terlalu besar ({size} bita)")
    data = path.read_bytes()
    if b"\x00" in data:
        raise ImportFailed(f"{path.name}: bukan berkas teks atau .xlsx yang dikenal")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFailed(f"{path.name}: pengodean teks tidak dikenal (simpan sebagai UTF-8)")
    return import_text(text, source=path.name)


def _known_other_format(path: Path, head: bytes) -> str:
    """What to tell a user who picked a PDF, an old .xls, a Word or an OpenDocument file."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        return ("berkas PDF tidak dibaca langsung; salin tabelnya sebagai teks (kolom dipisah "
                "tab) atau simpan tabel sebagai .xlsx")
    if head == b"\xd0\xcf\x11\xe0" or suffix == ".xls":
        return "format .xls (Excel 97-2003) tidak didukung; simpan ulang sebagai .xlsx"
    if head == b"PK\x03\x04":
        import zipfile

        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist()[:5000])
        except Exception:  # a damaged zip raises many kinds; the .xlsx checks say what is wrong
            return ""
        if "word/document.xml" in names:
            return ("berkas Word (.docx) tidak didukung; salin tabel SOP ke .xlsx atau simpan "
                    "sebagai teks")
        if "mimetype" in names and "content.xml" in names:
            return "berkas OpenDocument (.ods/.odt) tidak didukung; simpan ulang sebagai .xlsx"
    return ""


__all__ = ["ImportResult", "import_file", "import_text", "import_xlsx"]
