"""Column boundaries of a table printed without rules (a spreadsheet without cell borders saved
as PDF): from the header words, set right by what the body shows.

- A group title over several columns ("Pelaksana", "Mutu Baku" above the names) is no column
  of its own: it is left out when other header words stand on a lower line near it.
- The No column ends at its numbers: a spreadsheet sets numbers to the right of their cell
  and text to the left of the next, so the kegiatan starts right after the number.
- A boundary lies on the edge of a coloured cell fill that stands between the two header
  words (the fill is a whole cell), else where it cuts the fewest body phrases (runs of words
  one space apart) between the two header words: headers are centred, body text is set left
  and may overflow, and a cell's text is never split over two columns.
- The last column reaches as far as the text that starts in it.
- A group title without a rule under it ("Pelaksana Dokter" read in one column) is split
  from the column titles (split_group_titles).
"""

from __future__ import annotations

import re

from sop_desktop.importers.cells import step_number
from sop_desktop.importers.geometry import Page, Word
from sop_desktop.importers.layout import label_value
from sop_desktop.importers.linejoin import text_lines

_GROUP = re.compile(r"^(pelaksana|pelaku|aktor|mutu|baku)$", re.IGNORECASE)


def _header_spans(words: list[Word]) -> list[list[float]]:
    """The x spans of the header's columns: words closer than 4 pt are one title; a group
    title with header words on a lower line within 40 pt of it is left out."""
    titles = []
    for line in text_lines(words):
        run = [line[0]]
        for w in line[1:]:
            if w.x0 - run[-1].x1 > 4:
                titles.append(run)
                run = []
            run.append(w)
        titles.append(run)
    keep = []
    for run in titles:
        x0, x1, y1 = run[0].x0, run[-1].x1, max(w.y1 for w in run)
        group = all(_GROUP.match(w.text) for w in run)
        if not (group and any(o.y0 > y1 - 0.5 and o.x1 > x0 - 40 and o.x0 < x1 + 40
                              for o in words)):
            keep += run
    merged: list[list[float]] = []
    for x0, x1 in sorted((w.x0, w.x1) for w in keep):
        if merged and x0 <= merged[-1][1] + 4:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return merged


def _phrases(words: list[Word]) -> list[tuple[float, float]]:
    """The x spans of the runs of words one space apart on each printed line (a cell's text)."""
    out: list[tuple[float, float]] = []
    for line in text_lines(words):
        start, end = line[0].x0, line[0].x1
        for w in line[1:]:
            if w.x0 - end > 0.6 * (w.y1 - w.y0):
                out.append((start, end))
                start = w.x0
            end = max(end, w.x1)
        out.append((start, end))
    return out


def _least_cut(body: list[tuple[float, float]], left: float, right: float, mid: float
               ) -> float:
    """The x between two header titles (left..right) that cuts the fewest body phrases; of
    equals, the one nearest the middle."""
    spots = [mid] + [x for x0, x1 in body for x in (x0 - 0.5, x1 + 0.5) if left <= x <= right]
    return min(spots, key=lambda x: (sum(x0 < x < x1 for x0, x1 in body), abs(x - mid)))


def word_columns(page: Page, top: float, bottom: float, w_no: Word) -> list[float]:
    """A table without rules -> its column boundaries (see the module docstring)."""
    spans = _header_spans([w for w in page.words if top - 1 <= w.cy <= bottom + 1])
    xs = [min(w_no.x0, spans[0][0]) - 2] if spans else [w_no.x0 - 2]
    body = [w for w in page.words if w.y0 > bottom]
    fills = [f for f in page.fills if f[1] >= bottom - 1]
    right = spans[1][0] if len(spans) > 1 else w_no.x1 + 40
    numbers = [w for w in body if w.x0 >= xs[0] and w.x1 < right
               and (step_number(w.text) is not None or label_value(w.text, "roman"))]
    phrases = _phrases([w for w in body if w not in numbers])
    for k, (a, b) in enumerate(zip(spans, spans[1:], strict=False)):
        mid = (a[1] + b[0]) / 2
        edges = [x for f in fills for x in (f[0], f[2]) if a[1] - 1 <= x <= b[0] + 1]
        if k == 0 and numbers and w_no.x1 <= max(w.x1 for w in numbers) + 0.5 < b[0]:
            xs.append(max(w.x1 for w in numbers) + 0.5)  # the No column ends at its numbers
        elif edges:
            xs.append(min(edges, key=lambda x: abs(x - mid)))
        else:
            xs.append(_least_cut(phrases, a[1], b[0], mid))
    end = (spans[-1][1] if spans else w_no.x1) + 40
    # the last column reaches as far as the text that starts in it
    xs.append(max([end] + [x1 + 0.5 for x0, x1 in phrases if xs[-1] <= x0 < end]))
    return xs


_GROUP_FIRST = re.compile(r"^((?:pelaksana|pelaku|aktor|mutu|baku)(?:\s+baku)?)\s+(\S.*)$",
                          re.IGNORECASE)


def split_group_titles(tops: list[str], subs: list[str], tall: set[int]) -> None:
    """A header without a rule under its group titles reads "Pelaksana Dokter" in one column:
    when any column does, every column's text but the `tall` ones (No, Kegiatan, Keterangan:
    titles standing over both tiers) goes to the lower tier and the group titles alone to the
    upper one, as a ruled two-tier header gives them."""
    if any(subs) or not any(_GROUP_FIRST.match(t) for t in tops):
        return
    for c, text in enumerate(tops):
        match = _GROUP_FIRST.match(text)
        if c in tall and not match:
            continue
        tops[c], subs[c] = (match.group(1), match.group(2)) if match else ("", text)
    for c in range(len(tops) - 1):  # a title centred over two columns: its words split
        if tops[c].lower() == "mutu" and tops[c + 1].lower() == "baku":
            tops[c], tops[c + 1] = f"{tops[c]} {tops[c + 1]}", ""
