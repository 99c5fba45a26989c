"""Read SOP tables from .xlsx files, after refusing hostile ones.

Before openpyxl sees the file: it must be a zip, with a bounded number of members, bounded total
uncompressed size and compression ratio (zip bombs), and every XML member must parse under
defusedxml with DTDs forbidden (entity bombs, external entities). Each sheet becomes the same
line/cell grid the text importer uses.
"""

from __future__ import annotations

import warnings
import zipfile
import zlib
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from sop_desktop.errors import ImportFailed
from sop_desktop.importers.cells import Line, tokenize_grid

MAX_MEMBERS = 2000
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
MAX_ROWS = 20000
MAX_COLS = 200


def check_xlsx(path: Path) -> None:
    """Refuse a file that is not a sane .xlsx zip; raises ImportFailed with one clear line."""
    name = path.name
    if not zipfile.is_zipfile(path):
        raise ImportFailed(f"{name}: bukan berkas .xlsx yang sah (bukan arsip zip)")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise ImportFailed(f"{name}: berkas .xlsx ditolak: terlalu banyak isi arsip "
                                   f"({len(infos)})")
            total = 0
            for info in infos:
                total += info.file_size
                if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
                    raise ImportFailed(f"{name}: berkas .xlsx ditolak: isi terlalu besar setelah "
                                       "dibuka (kemungkinan bom zip)")
                if info.file_size > RATIO_FLOOR and \
                        info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise ImportFailed(f"{name}: berkas .xlsx ditolak: rasio kompresi tidak wajar "
                                       f"pada '{info.filename}' (kemungkinan bom zip)")
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names:
                raise ImportFailed(f"{name}: bukan berkas .xlsx (tidak ada [Content_Types].xml)")
            for info in infos:
                if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    continue
                data = zf.read(info)
                try:
                    fromstring(data, forbid_dtd=True, forbid_entities=True,
                               forbid_external=True)
                except DefusedXmlException:
                    raise ImportFailed(f"{name}: berkas .xlsx ditolak: '{info.filename}' memuat "
                                       "DOCTYPE/ENTITY (XML berbahaya)") from None
                except (ParseError, ValueError, UnicodeError):
                    raise ImportFailed(f"{name}: berkas .xlsx rusak: '{info.filename}' bukan XML "
                                       "yang sah") from None
    except ImportFailed:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError,
            NotImplementedError, RuntimeError, ValueError):
        raise ImportFailed(f"{name}: berkas .xlsx rusak atau tidak dapat dibaca") from None


def read_sheets(path: Path) -> list[tuple[str, list[Line]]]:
    """Every sheet of a checked workbook as lines of cells."""
    check_xlsx(path)
    from openpyxl import load_workbook

    out = []
    try:
        # our own handle, closed whatever openpyxl raises half-way through a damaged file
        with open(path, "rb") as fh, warnings.catch_warnings():
            # openpyxl warns about styles/extensions it ignores; they do not affect the values
            warnings.simplefilter("ignore", UserWarning)
            wb = load_workbook(fh, read_only=True, data_only=True)
            try:
                for ws in wb.worksheets:
                    rows = []
                    for n, row in enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLS)):
                        if n >= MAX_ROWS:
                            raise ImportFailed(f"{path.name}: lembar '{ws.title}' terlalu "
                                               f"panjang (lebih dari {MAX_ROWS} baris)")
                        rows.append(row)
                    out.append((ws.title, tokenize_grid(rows, ws.title)))
            finally:
                wb.close()
    except ImportFailed:
        raise
    except Exception:  # openpyxl raises many kinds of errors on damaged workbooks
        raise ImportFailed(f"{path.name}: berkas .xlsx rusak atau tidak dapat dibaca") from None
    return out
