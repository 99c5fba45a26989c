"""SOP importers: text extracted from PDFs (tab-separated tables), .xlsx in the same layout, and
PDFs with a text layer read from their drawing (pdf.py -> geometry.py page model), and Word
(.docx) and Excel (.xlsx) files with their drawn flowchart shapes (docx.py, xlsx_shapes.py).

`read_sop_file(path, progress, cancel)` is the one place that chooses the importer by file type
(the CLI and the import dialog both call it).

Pipeline: tokenize lines (cells.py) -> locate tables (table.py) -> identity block per table
(identity.py) -> header model and row grid (table.py) -> steps (build.py) -> lane and decision
inference (lanes.py, decisions.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sop_desktop.errors import ImportFailed

if TYPE_CHECKING:
    from sop_desktop.importers.pdf import Cancel, Progress
    from sop_desktop.importers.result import ImportResult

# The readers are imported inside the functions on purpose (start-up speed): services import
# this package at start (importers.bundled, the bundled files' list) and the readers with their
# libraries cost ~0.1 s; ImportResult too, as it brings the SOP model (domain.model, waktu),
# which the first screen does not build (issue 19). `ImportResult` is still a name of this
# package (module __getattr__ below).

MAX_TEXT_BYTES = 20 * 1024 * 1024


def read_sop_file(path: str | Path, progress: Progress | None = None,
                  cancel: Cancel | None = None) -> ImportResult:
    """Import any SOP file the product reads: .toml library file, PDF, scan, .docx, .xlsx or text.

    `progress(done, total, what)` is called during long reads; `cancel()` returning True stops
    the read with ImportFailed("... dibatalkan").
    """
    path = Path(path)
    if path.suffix.lower() == ".toml":
        # deferred: the readers and their libraries, for start-up (see the note at the top)
        from sop_desktop.importers.library import load
        from sop_desktop.importers.result import ImportResult
        from sop_desktop.importers.text_source import toml_origins

        defn = load(path)
        result = ImportResult([defn], [])
        try:  # the review quotes each step's [[steps]] block
            result.text_origins = toml_origins(path.read_text(encoding="utf-8"), defn)
        except (OSError, UnicodeDecodeError):
            result.text_origins = None
        return result
    return import_file(path, progress, cancel)


def import_text(text: str, source: str = "teks") -> ImportResult:
    """Import every SOP table in a text (tab-separated rows, as extracted from PDF); each
    step's lines are kept for the review (`ImportResult.text_origins`)."""
    # deferred: the readers and their libraries, for start-up (see the note at the top)
    from sop_desktop.importers.build import parse_lines_traced
    from sop_desktop.importers.layout_text import text_lines
    from sop_desktop.importers.result import ImportResult
    from sop_desktop.importers.text_source import quote

    sops, warnings, spans = parse_lines_traced(text_lines(text), source)
    result = ImportResult(sops, warnings)
    result.text_origins = quote(text, spans)
    return result


def import_xlsx(path: str | Path) -> ImportResult:
    """Import every SOP table of every sheet of an .xlsx file (hostile files are refused)."""
    # deferred: the readers and their libraries, for start-up (see the note at the top)
    from sop_desktop.importers.result import ImportResult
    from sop_desktop.importers.sheets import import_sheets
    from sop_desktop.importers.xlsx import read_sheets

    path = Path(path)
    return import_sheets(path, read_sheets(path), ImportResult())


def import_file(path: str | Path, progress: Progress | None = None,
                cancel: Cancel | None = None) -> ImportResult:
    """Import a PDF, scan, .docx, .xlsx or text SOP file, chosen by content and extension."""
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
    if head.startswith(b"%PDF") or (path.suffix.lower() == ".pdf" and b"%PDF" in _head(path)):
        # deferred: the readers and their libraries, for start-up (see the note at the top)
        from sop_desktop.importers.pdf import import_pdf
        from sop_desktop.importers.scan import import_scan, is_scanned_pdf

        if is_scanned_pdf(path):  # every page an image: OCR
            return import_scan(path, progress, cancel)
        return import_pdf(path, progress, cancel)
    from sop_desktop.importers.scan_image import is_image_file

    if is_image_file(path, head):  # a scan or photo of the SOP pages: OCR
        from sop_desktop.importers.scan import import_scan

        return import_scan(path, progress, cancel)
    refused = _known_other_format(path, head)
    if refused:
        raise ImportFailed(f"{path.name}: {refused}")
    if path.suffix.lower() in (".docx", ".docm") or _is_word_package(path, head):
        from sop_desktop.importers.docx import import_docx

        return import_docx(path)
    if path.suffix.lower() in (".xlsx", ".xlsm") or head == b"PK\x03\x04":
        from sop_desktop.importers.xlsx_shapes import import_xlsx_drawn

        return import_xlsx_drawn(path)
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


def _head(path: Path) -> bytes:
    """The first KiB (a PDF may start with a few bytes of junk before %PDF)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(1024)
    except OSError:
        return b""


def _known_other_format(path: Path, head: bytes) -> str:
    """What to tell a user who picked a broken PDF or a .doc, .xls, .odt or .ods file."""
    # deferred: the readers and their libraries, for start-up (see the note at the top)
    from sop_desktop.importers.docx import office_refusal

    if path.suffix.lower() == ".pdf":
        return "bukan berkas PDF yang sah (tanda %PDF tidak ditemukan)"
    return office_refusal(path, head)


def _is_word_package(path: Path, head: bytes) -> bool:
    """A zip holding word/document.xml (a .docx saved under another name)."""
    if head != b"PK\x03\x04":
        return False
    import zipfile

    # deferred: the readers and their libraries, for start-up (see the note at the top)
    from sop_desktop.importers.zipguard import check_directory

    try:
        check_directory(path)  # a zip listing millions of members is refused unread
        with zipfile.ZipFile(path) as zf:
            return "word/document.xml" in set(zf.namelist()[:5000])
    except (ImportFailed, zipfile.BadZipFile, OSError, ValueError, RuntimeError,
            NotImplementedError, EOFError):  # damaged: the .xlsx checks say what is wrong
        return False


def __getattr__(name: str) -> object:
    """`ImportResult` on first use (see the note at the top)."""
    if name == "ImportResult":
        # deferred: it brings the SOP model, which the first screen does not build
        from sop_desktop.importers.result import ImportResult

        return ImportResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["ImportResult", "import_file", "import_text", "import_xlsx", "read_sop_file"]
