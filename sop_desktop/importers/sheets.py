"""A workbook's sheets into SOPs (import_sheets): shared by the plain .xlsx reader and the one
that also reads the flowchart shapes drawn on the sheets (xlsx_shapes); its own module so the
package's dispatcher (sop_desktop.importers) and the readers both import it without a cycle."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from sop_desktop.domain.model import SopDefinition
from sop_desktop.errors import ImportFailed
from sop_desktop.importers.build import NO_TABLE, parse_lines
from sop_desktop.importers.cells import Line, step_number
from sop_desktop.importers.identity import parse_preamble
from sop_desktop.importers.result import ImportResult
from sop_desktop.importers.table import header_top


def import_sheets(path: Path, sheets: Iterable[tuple[str, list[Line], list[str]]], result: ImportResult,
                  after: Callable[[str, list[SopDefinition], list[Line]], None] | None = None
                  ) -> ImportResult:
    """The SOPs of a workbook's sheets (title, lines, notes) into `result`: a sheet whose table
    cannot be read is skipped with a warning, an identity sheet without a table carries over to
    the next sheet; `after(title, sops, lines)` may refine a sheet's SOPs (its drawn shapes)."""
    failures: list[str] = []
    carry = None  # an identity sheet without a table: its block goes to the next sheet's SOP
    for title, lines, notes, own in _join_continued(path, sheets):
        result.warnings.extend(notes)
        if all(line.blank for line in lines):
            continue
        try:
            sops, warnings = parse_lines(lines, path.name, carry, title)
        except ImportFailed as exc:
            failures.append(str(exc))
            if NO_TABLE not in str(exc):  # this sheet's table cannot be read; the others can
                result.warnings.append(f"{exc}; lembar ini dilewati")
                continue
            preamble = parse_preamble(lines)
            if preamble.found:
                carry = preamble
                result.warnings.append(f"{path.name}: lembar '{title}' berisi identitas SOP "
                                       "tanpa tabel; dipakai untuk tabel di lembar berikutnya")
            else:
                result.warnings.append(f"{path.name}: lembar '{title}' tidak berisi tabel SOP")
            continue
        carry = None
        if after is not None:
            after(title, sops, own)
        result.sops.extend(sops)
        result.warnings.extend(warnings)
    if not result.sops:
        cause = next((f for f in failures if NO_TABLE not in f), failures[0]) if failures else ""
        raise ImportFailed(cause or f"{path.name}: buku kerja kosong; tidak ditemukan tabel SOP")
    return result


def _has_header(lines: list[Line]) -> bool:
    return any(header_top(line) for line in lines)


def _starts_numbered(lines: list[Line]) -> bool:
    """The sheet's first filled line is a numbered step row (a table going on)."""
    first = next((line for line in lines if not line.blank), None)
    filled = first.filled() if first else []
    return bool(filled) and filled[0][0] <= 1 and step_number(filled[0][1]) is not None


def _join_continued(path: Path, sheets: Iterable[tuple[str, list[Line], list[str]]]
                    ) -> list[tuple[str, list[Line], list[str], list[Line]]]:
    """The sheets as (title, lines, notes, the sheet's own lines): a sheet whose rows go on
    numbering the table of the sheet before it, without a header of its own (a table printed
    over two sheets), is read as the rest of that table."""
    out: list[tuple[str, list[Line], list[str], list[Line]]] = []
    for title, lines, notes in sheets:
        if (out and out[-1][1] and not _has_header(lines) and _starts_numbered(lines)
                and _has_header(out[-1][3])):
            prev_title, prev_lines, prev_notes, own = out[-1]
            note = (f"{path.name}: lembar '{title}' tanpa kepala tabel dibaca sebagai lanjutan "
                    f"tabel lembar '{prev_title}'")
            out[-1] = (prev_title, prev_lines + lines, prev_notes + notes + [note], own)
        else:
            out.append((title, lines, notes, lines))
    return out
