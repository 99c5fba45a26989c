"""What every PDF reader shares before it opens a file: the size refusal, and how a long read
reports progress and is cancelled. Its own module so the text-layer reader (pdf.py) and the
OCR reader (scan.py), which one another call, both build on it without importing each other."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sop_desktop.errors import ImportFailed

MAX_PDF_BYTES = 60 * 1024 * 1024

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]


class Cancelled(ImportFailed):
    """The person cancelled a long read."""


def check_file_size(path: Path, limit: int, kind: str) -> None:
    """Refuse a file that cannot be read or is larger than `limit` bytes ("PDF", "gambar"),
    before any library opens it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFailed(f"{path.name}: berkas tidak dapat dibaca ({exc.strerror})") from None
    if size > limit:
        raise ImportFailed(f"{path.name}: berkas {kind} terlalu besar ({size // (1024 * 1024)} MB; "
                           f"paling besar {limit // (1024 * 1024)} MB)")


def check_pdf_size(path: Path) -> None:
    """Refuse a PDF that cannot be read or is too large, before any PDF library opens it."""
    check_file_size(path, MAX_PDF_BYTES, "PDF")
