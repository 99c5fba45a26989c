"""The SOP document as PDF (identity page + flowchart pages), drawn from the layout."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from sop_desktop.domain.model import SopDefinition
from sop_desktop.errors import SopError
from sop_desktop.flowchart.drawing import page_drawing
from sop_desktop.flowchart.identity import office_hierarchy
from sop_desktop.flowchart.layout import SopLayout, layout_sop
from sop_desktop.output.docmeta import pdf_info
from sop_desktop.services import office
from sop_desktop.storage import db as dbm


def layout_pdf_bytes(layout: SopLayout, *, flowchart_only: bool = False) -> bytes:
    """Render the layout's pages to PDF bytes (every page has the layout's paper size)."""
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(layout.width, layout.height), pageCompression=1)
    info = pdf_info(title=layout.name or "SOP", subject=f"SOP {layout.code}")
    c.setTitle(info["title"])
    c.setAuthor(info["author"])
    c.setSubject(info["subject"])
    c.setCreator(info["creator"])
    c.setProducer(info["producer"])
    for page in layout.pages:
        if flowchart_only and page.kind != "flowchart":
            continue
        c.setPageSize((page.width, page.height))
        renderPDF.draw(page_drawing(page), c, 0, 0)
        c.showPage()
    c.save()
    return buf.getvalue()


def open_office() -> list[str]:
    """The office hierarchy from the office profile of the open database ([] when none is open).

    The identity page prints it when an SOP's source had no office hierarchy."""
    if dbm.database.obj is None:
        return []
    try:
        return office_hierarchy(office.load())
    except (dbm.pw.PeeweeException, SopError):
        return []


def sop_layout(defn: SopDefinition, paper: str = "A4", landscape: bool = True,
               office: list[str] | None = None) -> SopLayout:
    """The printed document's layout; `office` None: the open database's office profile."""
    return layout_sop(defn, paper, landscape, office=open_office() if office is None else office)


def sop_pdf_bytes(defn: SopDefinition, paper: str = "A4", landscape: bool = True,
                  office: list[str] | None = None) -> bytes:
    return layout_pdf_bytes(sop_layout(defn, paper, landscape, office))


def write_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write bytes via a temporary file in the same folder and os.replace: never half a file."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise SopError(f"folder '{folder}' tidak ada")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(folder))
    try:
        os.chmod(tmp, _file_mode(target))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise SopError(f"berkas '{target}' tidak dapat ditulis: {exc.strerror or exc}") from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target


def _file_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (not mkstemp's 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_sop_pdf(defn: SopDefinition, path: str | os.PathLike, paper: str = "A4",
                  landscape: bool = True, office: list[str] | None = None,
                  warn: Callable[[str], None] | None = None) -> Path:
    """Write the complete SOP document to `path` atomically; `warn` hears what was cut to print."""
    layout = sop_layout(defn, paper, landscape, office)
    for message in layout.warnings:
        if warn:
            warn(message)
    return write_atomic(path, layout_pdf_bytes(layout))
