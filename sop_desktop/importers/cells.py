"""Tokenizer: turn extracted text (or a spreadsheet grid) into lines of cells.

Both the text importer and the .xlsx importer produce the same `Line` objects, so one table
parser serves both. Cells keep a lightly cleaned raw form (HTML kept, for `<li>` lists and
signatures) and a display form (markup stripped, whitespace collapsed).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sop_desktop.domain.dates import tanggal

_TAG = re.compile(r"<[^>]*>")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_UNDERSCORE_BOLD = re.compile(r"__(?=\S)(.+?)(?<=\S)__")
_NUMBER_CELL = re.compile(r"^(\d{1,3})\s*[.)]?$")


def strip_markdown(text: str) -> str:
    """Remove markdown bold/italic markers (`**x**`, `*x*`, `__x__`) but keep the words."""
    text = text.replace("**", "")
    text = _UNDERSCORE_BOLD.sub(r"\1", text)
    return _ITALIC.sub(r"\1", text)


def strip_html(text: str, sep: str = " ") -> str:
    """Remove HTML tags (replaced by `sep`) and decode entities."""
    return html.unescape(_TAG.sub(sep, text))


def clean(text: str) -> str:
    """Display form of a cell: no markup, single spaces."""
    return " ".join(strip_html(strip_markdown(text)).replace("\u00a0", " ").split())


@dataclass
class Line:
    """One row of the input: its location for messages and its cells."""

    no: int  # 1-based row number in its file or sheet
    raw: list[str]  # cells with markdown removed, HTML kept, ends stripped
    cells: list[str] = field(default_factory=list)  # display form of each cell
    sheet: str = ""  # sheet name for .xlsx input

    def __post_init__(self) -> None:
        if not self.cells:
            self.cells = [clean(c) for c in self.raw]

    @property
    def where(self) -> str:
        return f"lembar '{self.sheet}' baris {self.no}" if self.sheet else f"baris {self.no}"

    @property
    def blank(self) -> bool:
        return not any(self.cells)

    def filled(self) -> list[tuple[int, str]]:
        """(column, text) of the non-empty cells."""
        return [(i, c) for i, c in enumerate(self.cells) if c]

    def cell(self, col: int | None) -> str:
        if col is None or col < 0 or col >= len(self.cells):
            return ""
        return self.cells[col]

    def text(self) -> str:
        return " ".join(c for c in self.cells if c)

    @property
    def single(self) -> bool:
        """True when the line holds one cell only (no tab-separated columns with content)."""
        return len(self.filled()) <= 1 and len(self.cells) <= 1


def raw_cell(text: str) -> str:
    """A cell as read from a text: markdown removed, HTML kept, ends stripped."""
    return strip_markdown(text.replace("\u00a0", " ")).strip()


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*(:?-{2,}:?\s*)?\|?\s*$")


def _split_cells(raw_line: str) -> list[str]:
    """Cells of one line: tab-separated, or a Markdown pipe row "| No | Kegiatan |" as some
    PDF-to-text tools write tables."""
    if "\t" not in raw_line and _PIPE_ROW.match(raw_line) and raw_line.count("|") >= 3:
        return raw_line.strip()[1:-1].split("|")
    return raw_line.split("\t")


def tokenize_text(text: str) -> list[Line]:
    """Split text into lines of tab-separated (or pipe-separated) cells."""
    out = []
    for no, raw_line in enumerate(text.splitlines(), start=1):
        raw_line = raw_line.rstrip("\r\n")
        if _PIPE_RULE.match(raw_line) and "\t" not in raw_line:
            raw_line = ""  # the |---|---| rule under a Markdown header: keeps row numbers
        cells = [raw_cell(c) for c in _split_cells(raw_line)] if raw_line.strip() else []
        out.append(Line(no, cells))
    return out


def tokenize_grid(rows: Iterable[Iterable[Any]], sheet: str) -> list[Line]:
    """Turn spreadsheet rows (sequences of values) into lines of cells."""
    out = []
    for no, row in enumerate(rows, start=1):
        cells = [raw_cell(cell_text(v)) for v in row]
        while cells and not cells[-1]:
            cells.pop()
        out.append(Line(no, cells, sheet=sheet))
    return out


def cell_text(value: object) -> str:
    """A spreadsheet value as the text a reader sees (1.0 -> "1")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.time, dt.timedelta)):
        return _duration(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return tanggal(value)  # "24 Oktober 2022", as the identity page prints dates
    return str(value)


def _duration(value: dt.time | dt.timedelta) -> str:
    """A time-formatted cell ("0:15", typed into a Waktu column) as the duration it means."""
    if isinstance(value, dt.time):
        minutes = value.hour * 60 + value.minute + (1 if value.second >= 30 else 0)
    else:
        minutes = round(value.total_seconds() / 60)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} menit"
    return f"{hours} jam {rest} menit" if rest else f"{hours} jam"


def step_number(text: str) -> int | None:
    """The step number of a No cell ("12", "12.", "12)"), else None."""
    match = _NUMBER_CELL.match(text.strip())
    return int(match.group(1)) if match else None


def norm_key(text: str) -> str:
    """Lowercase letters and digits only: a loose key to compare names."""
    return re.sub(r"[^0-9a-z]", "", text.lower())
