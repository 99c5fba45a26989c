"""Read SOP tables from .xlsx files, after refusing hostile ones.

Before openpyxl sees the file: it must be a zip, with a bounded number of members, bounded total
uncompressed size and compression ratio (zip bombs), and every XML member must parse under
defusedxml with DTDs forbidden (entity bombs, external entities). Each sheet becomes the same
line/cell grid the text importer uses.
"""

from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from sop_desktop.errors import ImportFailed
from sop_desktop.importers.cells import Line, cell_text, tokenize_grid

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


_LITERAL = re.compile(r'"([^"]*)"')


def shown_value(cell):
    """A cell's value as the sheet shows it where that matters: a number formatted with text
    around it (`0 "menit"`, `General" Hari"`) keeps that text, so "15" reads "15 menit"."""
    value = getattr(cell, "value", None)
    fmt = getattr(cell, "number_format", None) or ""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and '"' in fmt:
        section = fmt.split(";", 1)[0]
        literals = _LITERAL.findall(section)
        if literals:
            number = cell_text(value)
            first = section.find('"')
            code = _LITERAL.sub("", section)
            # text before the number code is a prefix, the rest a suffix
            before = "".join(literals[:1]) if first == 0 and code.strip() else ""
            after = "".join(literals[1:] if before else literals)
            return " ".join(f"{before} {number} {after}".split())
    return value


def _hidden_parts(path: Path, members: dict[str, str]) -> dict[str, tuple[str, set, set, int]]:
    """Per sheet title: (sheet state, hidden row numbers, hidden column numbers, last row with
    a value), 1-based.

    Offices hide rows and columns of an earlier version or of working notes; a printed SOP
    does not show them, so neither does the import. The last row with a value lets a sheet
    with borders drawn far below its table be read without walking the empty rows. Read from
    the sheet XML (already checked safe by check_xlsx) because openpyxl's read-only mode keeps
    neither row/column dimensions nor where the values end.
    """
    from defusedxml.ElementTree import iterparse

    out: dict[str, tuple[str, set, set, int]] = {}
    with zipfile.ZipFile(path) as zf:
        states: dict[str, str] = {}
        try:
            with zf.open("xl/workbook.xml") as fh:
                for _, el in iterparse(fh, forbid_dtd=True):
                    if el.tag.rsplit("}", 1)[-1] == "sheet":
                        states[el.get("name", "")] = el.get("state", "visible")
        except KeyError:
            pass
        for title, member in members.items():
            rows: set[int] = set()
            cols: set[int] = set()
            last = 0
            row_no = 0
            try:
                with zf.open(member) as fh:
                    for event, el in iterparse(fh, events=("start", "end"), forbid_dtd=True):
                        tag = el.tag.rsplit("}", 1)[-1]
                        if event == "start":
                            if tag == "row":
                                row_no = int(el.get("r") or row_no + 1)
                            continue
                        if tag == "row" and el.get("hidden") in ("1", "true"):
                            rows.add(row_no)
                        elif tag == "col" and el.get("hidden") in ("1", "true"):
                            low = int(el.get("min", "0") or 0)
                            high = min(int(el.get("max", "0") or 0), MAX_COLS)
                            cols.update(range(low, high + 1))
                        elif tag == "c":
                            if any(child.tag.rsplit("}", 1)[-1] in ("v", "is", "f")
                                   for child in el):
                                last = max(last, row_no)
                            el.clear()  # the values are read by openpyxl; keep memory flat
                        elif tag == "row":
                            el.clear()
            except KeyError:
                last = MAX_ROWS + 1 if member else 0  # unknown layout: read as before
            except ValueError:
                raise ImportFailed(f"{path.name}: berkas .xlsx rusak (nomor baris tidak sah)") \
                    from None
            out[title] = (states.get(title, "visible"), rows, cols, last)
    return out


def read_sheets(path: Path) -> list[tuple[str, list[Line], list[str]]]:
    """Every visible sheet of a checked workbook as (title, lines of cells, warnings).

    Hidden sheets, rows and columns are left out (with a warning); a hidden row stays as a
    blank line so messages keep the sheet's row numbers.
    """
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
                members = {ws.title: getattr(ws, "_worksheet_path", "") for ws in wb.worksheets}
                hidden = _hidden_parts(path, members)
                for ws in wb.worksheets:
                    state, hidden_rows, hidden_cols, last_row = hidden.get(
                        ws.title, ("visible", set(), set(), MAX_ROWS + 1))
                    notes: list[str] = []
                    if state != "visible":
                        notes.append(f"{path.name}: lembar '{ws.title}' tersembunyi; "
                                     "tidak dibaca")
                        out.append((ws.title, [], notes))
                        continue
                    rows = []
                    skipped = 0
                    for n, cells in enumerate(ws.iter_rows(max_col=MAX_COLS)):
                        if n >= last_row:
                            break  # only formatted, empty rows follow
                        if n >= MAX_ROWS:
                            raise ImportFailed(f"{path.name}: lembar '{ws.title}' terlalu "
                                               f"panjang (lebih dari {MAX_ROWS} baris)")
                        row = tuple(shown_value(c) for c in cells)
                        if n + 1 in hidden_rows:
                            if any(v not in (None, "") for v in row):
                                skipped += 1
                            row = ()
                        elif hidden_cols:
                            row = tuple(v for c, v in enumerate(row, start=1)
                                        if c not in hidden_cols)
                        rows.append(row)
                    if skipped:
                        notes.append(f"{path.name}: lembar '{ws.title}': {skipped} baris "
                                     "tersembunyi diabaikan")
                    if hidden_cols:
                        notes.append(f"{path.name}: lembar '{ws.title}': kolom tersembunyi "
                                     "diabaikan")
                    out.append((ws.title, tokenize_grid(rows, ws.title), notes))
            finally:
                wb.close()
    except ImportFailed:
        raise
    except Exception:  # openpyxl raises many kinds of errors on damaged workbooks
        raise ImportFailed(f"{path.name}: berkas .xlsx rusak atau tidak dapat dibaca") from None
    return out
