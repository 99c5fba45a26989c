"""An identity sheet printed across two pages: the labels' column on one page, the values'
columns on the next.

A spreadsheet wider than the paper is printed column block by column block ("down, then
over"): the page with NOMOR SOP, TGL. PEMBUATAN, ... DISAHKAN OLEH, NAMA SOP holds only the
labels and the following page holds the values, each at the height of its row. Without rules
on either page, the rows are told apart by the labels: a label marks the bottom of its row
(bottom-aligned cell text, the spreadsheet default) and a value line belongs to the first row
whose label ends below the line's top. Lines above the first label (the office names) and
below the last one are kept as printed text.
"""

from __future__ import annotations

from sop_desktop.importers.geometry import Page, Word
from sop_desktop.importers.identity import match_labels

MIN_LABELS = 3  # fewer labels on a page is a coincidence, not an identity sheet


def _text(line: list[Word]) -> str:
    return " ".join(w.text for w in line)


def label_lines(lines: list[list[Word]]) -> list[list[Word]]:
    """The lines of a labels-only identity page (each a label without a value beside it), or
    [] when the page is not one."""
    labels = []
    for line in lines:
        found = match_labels(_text(line))
        if found and all(not rest for _, rest in found):
            labels.append(line)
    return labels if len(labels) >= MIN_LABELS else []


def values_page(page: Page, nxt: Page, lines: list[list[Word]]) -> bool:
    """`nxt` (its lines given) can hold the values of `page`'s labels: same paper and not a
    single identity label of its own."""
    same = abs(page.width - nxt.width) < 1 and abs(page.height - nxt.height) < 1
    return same and bool(lines) and not any(match_labels(_text(ln)) for ln in lines)


def pair_rows(labels: list[list[Word]], values: list[list[Word]]
              ) -> tuple[list[list[Word]], list[tuple[str, str]], list[list[Word]]]:
    """(value lines above the first row, [(label, value with line breaks)], value lines below
    the last row)."""
    above: list[list[Word]] = []
    below: list[list[Word]] = []
    rows: list[list[str]] = [[] for _ in labels]
    first_top = min(w.y0 for w in labels[0])
    bottoms = [max(w.y1 for w in ln) + 1.0 for ln in labels]
    for line in values:
        top, bottom = min(w.y0 for w in line), max(w.y1 for w in line)
        if bottom <= first_top:
            above.append(line)
            continue
        k = next((i for i, b in enumerate(bottoms) if top < b), None)
        if k is None:
            below.append(line)
        else:
            rows[k].append(_text(line))
    return above, [(_text(ln), "\n".join(v)) for ln, v in zip(labels, rows, strict=False)], below


__all__ = ["label_lines", "pair_rows", "values_page"]
