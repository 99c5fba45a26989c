"""The SOP document as PDF (identity page + flowchart pages), drawn from the layout."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from sop_desktop.errors import SopError
from sop_desktop.flowchart.layout import SopLayout, layout_sop
from sop_desktop.model import SopDefinition


def layout_pdf_bytes(layout: SopLayout, *, flowchart_only: bool = False) -> bytes:
    """Render the layout's pages to PDF bytes (every page has the layout's paper size)."""
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen import canvas

    from sop_desktop.flowchart.drawing import page_drawing

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(layout.width, layout.height), pageCompression=1)
    from sop_desktop.reports.docmeta import pdf_info

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


def sop_pdf_bytes(defn: SopDefinition, paper: str = "A4", landscape: bool = True) -> bytes:
    return layout_pdf_bytes(layout_sop(defn, paper, landscape))


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
                  landscape: bool = True) -> Path:
    """Write the complete SOP document to `path` atomically."""
    return write_atomic(path, sop_pdf_bytes(defn, paper, landscape))
