"""Printed lines of a cell joined back into its text: words grouped into lines, lines joined by
a space, except where the writer broke one word over two lines.

A word broken after "/" ("Tinggal/" + "Status") and a "/" followed by a space where the line
wrapped ("masuk/" + "keluar", written "masuk/ keluar") look the same on paper when the first
part stands alone on its line and both would not fit on it together. The document decides:
a slashed chain already glued on the line ("PC/Latop/", a web address) was broken by the
writer; otherwise the way the same pair is written elsewhere in the document on one line
("Bupati/Walikota" or "masuk/ keluar"); without either, the space is kept in text (a "/" at a
line end is a place where writers wrap) and left out in names of positions in header cells
("Bupati/Walikota", "Kab/Kota": names join their alternatives without a space).

Word and LibreOffice break a word longer than its cell between letters without a hyphen
("Terselenggarany" + "a"). A wrap at a space leaves the line short of the cell's right text
margin by more than the next letter; such a break fills it: a lone word on a line of a
left-aligned cell ending within a letter of the margin continues on the next line, unless the
case (a capital after a small letter) or the document (either half printed elsewhere a space
away from another word) shows two words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from sop_desktop.domain.wordbreak import is_letter_break
from sop_desktop.importers.geometry import Page, Word

_EDGE = re.compile(r"^\W+|\W+$")
_SPELLINGS = "_slash_spellings"  # cache key in a page's __dict__ (as pagetable caches rules)
_WHOLE = "_whole_words"  # cache key: the words the document shows whole (see `whole_words`)
T = TypeVar("T")


def _per_page(page: Page, key: str, count: Callable[[list[Page]], T]) -> T:
    """What `count` finds on the document's pages, kept in the page under `key` (set for all
    pages of a document by `share_spellings`; else counted on this page alone, once)."""
    cached = page.__dict__.get(key)
    if cached is None:
        cached = page.__dict__[key] = count([page])
    return cached


def text_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into printed lines (top to bottom, left to right)."""
    out: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.cy, w.x0)):
        for line in reversed(out[-3:]):
            ref = line[0]
            if abs(w.cy - ref.cy) <= 0.45 * max(1.0, min(w.y1 - w.y0, ref.y1 - ref.y0)):
                line.append(w)
                break
        else:
            out.append([w])
    for line in out:
        line.sort(key=lambda w: w.x0)
    out.sort(key=lambda ln: ln[0].cy)
    return out


def join_words(words: list[Word], width: float, page: Page | None = None,
               names: bool = False, left: float | None = None) -> str:
    """The words of one cell as text: printed lines joined by a space, except a word broken
    over two lines (a line holding one word only, too long to share the line with the next
    line's first word: "Tinggal/" + "Status" -> "Tinggal/Status"; a "/" the document writes
    with a space after it keeps the space, see the module docstring). `page`: the page the
    words are on, whose document's spellings decide a break after "/"; `names`: the cell
    names positions (a header cell), whose "/" joins names without a space ("Bupati/Walikota")
    unless the document writes that pair with one. `left`: the cell's left edge, which places
    its right text margin: a word longer than the cell, broken by the writer between letters
    without a hyphen, fills its line to that margin (see `_forced`)."""
    lines = text_lines(words)
    if len(lines) > 1:
        x0 = min(w.x0 for w in words)
        x1 = max(w.x1 for w in words)
        # the cell's text margin: what the fullest line leaves (at most 3.5 pt a side)
        pad = min(3.5, max(0.0, (width - (x1 - x0)) / 2))
    else:
        pad = 3.0
    margin = _right_margin(lines, width, left)
    out = ""
    prev: list[Word] | None = None
    for line in lines:
        text = " ".join(w.text for w in line)
        if prev is None:
            out = text
        elif len(prev) == 1 and _broken(prev[0], line[0], width - 2 * pad, page, names):
            if is_letter_break(prev[0].text, line[0].text):  # the PDF writer's rule too
                out = out[:-1]  # "Masyar-" + "akat": the hyphen only marks the break
            out += text
        elif len(prev) == 1 and margin is not None and page is not None and \
                not page.hyphenated_breaks and _forced(prev[0], line[0], margin,
                                                       whole_words(page)):
            out += text  # "Terselenggarany" + "a": broken where the cell ended
        else:
            out += " " + text
        prev = line
    return out


def _broken(prev: Word, nxt: Word, usable: float, page: Page | None, names: bool) -> bool:
    """`prev` (alone on its line) and `nxt` are the two halves of one word broken after a "/"
    or "-" (the whole would not fit on the line); a break between letters: `_forced`."""
    if (prev.x1 - prev.x0) + (nxt.x1 - nxt.x0) <= usable + 1:
        return False
    if prev.text.endswith("/"):
        return _glued_after_slash(prev.text, nxt.text, page, names)
    return prev.text.endswith("-")


def _right_margin(lines: list[list[Word]], width: float, left: float | None
                  ) -> float | None:
    """The right text margin of a cell whose lines start at one left margin: its right edge
    less the padding its text keeps on the left (writers pad both sides alike). None without
    the cell's edge, with a padding no writer uses (a column edge guessed from the text), or
    for lines that do not all start at one x (centred text: its widest line would seem to
    fill the cell whatever its padding)."""
    starts = [line[0].x0 for line in lines if line]
    if left is None or len(starts) < 2 or max(starts) - min(starts) > 0.5:
        return None
    pad = min(starts) - left
    if not 0.5 <= pad <= 8.0:
        return None
    return left + width - pad


def _forced(prev: Word, nxt: Word, margin: float, whole: WholeWords) -> bool:
    """`prev` (alone on its line) and `nxt` are one word the writer broke between letters
    because it was longer than the cell: `prev` fills the line, its right edge at the text
    margin with less room left than `nxt`'s first letter needs (a word wrapped at a space
    ends short of the margin by more than that). A whole word may end there too by chance:
    then a capital after a small letter ("Sasaran" + "Kinerja") or a half the document shows
    as a whole word elsewhere (`whole`: "Disposisi" + "dan") keeps the two words."""
    if not (prev.text[-1:].isalnum() and nxt.text[:1].isalnum()):
        return False
    if prev.text[-1].islower() and nxt.text[0].isupper():
        return False
    letter = (nxt.x1 - nxt.x0) / max(1, len(nxt.text))
    room = margin - prev.x1
    if not -1.5 <= room < min(letter, 0.8 * (prev.y1 - prev.y0)):
        return False
    ends, starts = whole
    return _key(prev.text) not in ends and _key(nxt.text) not in starts


def _key(text: str) -> str:
    return _EDGE.sub("", text).lower()


WholeWords = tuple[frozenset[str], frozenset[str]]


def whole_words(page: Page) -> WholeWords:
    """(ends, starts): the words (lower case, without edge punctuation) the document prints
    followed by / after another word a space away on the same line, hence whole at that
    end; on the pages `share_spellings` gave this page (else on this page alone)."""
    return _per_page(page, _WHOLE, _whole)


def _whole(pages: list[Page]) -> WholeWords:
    """(ends, starts) of `whole_words` over `pages`: a gap under 0.6 of the line's height is
    a space (two cells' paddings are wider)."""
    ends: set[str] = set()
    starts: set[str] = set()
    for page in pages:
        for line in text_lines(page.words):
            for a, b in zip(line, line[1:], strict=False):
                if 0 <= b.x0 - a.x1 < 0.6 * max(1.0, a.y1 - a.y0):
                    ends.add(_key(a.text))
                    starts.add(_key(b.text))
    return frozenset(ends), frozenset(starts)


def _glued_after_slash(piece: str, rest: str, page: Page | None, names: bool) -> bool:
    """Whether `piece` (ending in "/", alone on its line) and `rest` were written as one word
    (see the module docstring); `names`: the default for names (glued) instead of text."""
    if "/" in piece[:-1] or "://" in piece or piece.lower().startswith("www."):
        return True  # a slashed chain or an address the writer broke where it had to
    pair = _pair(piece, rest)
    if page is None or pair is None:
        return names
    glued, spaced = spellings(page)
    if glued[pair] != spaced[pair]:
        return glued[pair] > spaced[pair]
    return names


def _pair(before: str, after: str) -> tuple[str, str] | None:
    """The two words on both sides of a "/" (`before` ends with it), lower case, without
    punctuation; None when either side has no letters."""
    left = _EDGE.sub("", before[:-1].rsplit("/", 1)[-1]).lower()
    right = _EDGE.sub("", after.split("/", 1)[0]).lower()
    return (left, right) if left and right else None


Spellings = tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]


def spellings(page: Page) -> Spellings:
    """(glued, spaced): how often each pair of words around a "/" is written on one line as
    one word ("masuk/keluar") and with a space after the "/" ("masuk/ keluar"), on the pages
    `share_spellings` gave this page (else on this page alone)."""
    return _per_page(page, _SPELLINGS, _count)


def share_spellings(pages: list[Page]) -> None:
    """Count the "/" spellings and the whole words of all `pages` (one document) once, for
    each of them."""
    counted = _count(pages)
    whole = _whole(pages)
    for page in pages:
        page.__dict__[_SPELLINGS] = counted
        page.__dict__[_WHOLE] = whole


def _count(pages: list[Page]) -> Spellings:
    """(glued, spaced) counts of the pairs around a "/" on one printed line of `pages`."""
    glued: Counter[tuple[str, str]] = Counter()
    spaced: Counter[tuple[str, str]] = Counter()
    for page in pages:
        for word in page.words:
            parts = word.text.split("/")
            for left, right in zip(parts, parts[1:], strict=False):
                pair = _pair(left + "/", right)
                if pair is not None:
                    glued[pair] += 1
        for line in text_lines(page.words):
            for a, b in zip(line, line[1:], strict=False):
                pair = _pair(a.text, b.text) if a.text.endswith("/") else None
                if pair is not None and b.x0 - a.x1 < 3 * max(1.0, a.y1 - a.y0):
                    spaced[pair] += 1
    return glued, spaced


__all__ = ["join_words", "share_spellings", "spellings", "text_lines", "whole_words"]
