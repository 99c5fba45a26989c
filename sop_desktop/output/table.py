"""A report table independent of the output format: typed columns and plain rows.

Registers and performance reports build these; the xlsx and PDF writers render them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

COLUMN_KINDS = ("text", "int", "float", "percent", "date", "datetime", "bool")


@dataclass
class Column:
    """One column: `key` into the row dicts, a header label, a value kind and a width hint.

    `width` is in characters (Excel's unit); None means measured from the data. `pdf_width`
    is a relative weight for the PDF table (None: derived from `width`).
    """

    key: str
    label: str
    kind: str = "text"
    width: float | None = None
    wrap: bool = True
    pdf_width: float | None = None


@dataclass
class Table:
    """A titled table: columns and rows (dicts keyed by Column.key)."""

    title: str
    columns: list[Column]
    rows: list[dict] = field(default_factory=list)
    note: str = ""

    def values(self, row: dict) -> list:
        return [row.get(col.key) for col in self.columns]


def display_value(value: Any, kind: str = "text") -> str:
    """A value as text for PDF cells and plain listings (Indonesian number and date style)."""
    if value is None or value == "":
        return ""
    if kind == "percent" and isinstance(value, (int, float)):
        return f"{value * 100:.1f}%".replace(".", ",")
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, dt.datetime):
        if kind == "date":
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H.%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        if value.is_integer() and kind != "float":
            return str(int(value))
        return f"{value:.1f}".replace(".", ",")
    return str(value)
