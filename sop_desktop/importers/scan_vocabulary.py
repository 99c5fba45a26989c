"""Office words spelled as offices spell them on a scanned document (issue 18): the recogniser
confuses the thin upright letters (i, l, I, 1), g with q, and reads "m" as "rn" in small print, so a lane
header reads "Kakanwli", "Kakanwll" or "Pernohon". A word that is not an office word itself but
becomes one, and only one, once those look-alikes are made the same ("Kakanwli" and "Kakanwil"
both give "kakanwii") takes the office word's spelling, in the case it was printed in.

The office words are the lane vocabulary (importers.lane_names: abbreviations such as Kakanwil,
Kasubbag, Sekcam and the words lane names are made of, such as Kepala, Petugas, Pemohon), at
least five letters long, so that short words are never touched.

Two office words printed with a slash between them ("JFU/JFT", "Kasubbag/Kasi") lose the slash
in small bold print: the recogniser reads the thin slanted stroke as an upright letter
("JFUIJFT"). A word that is no office word itself but is two office words of three letters or
more joined by one upright letter (I, l, 1) takes the slash back; so does an office word
ending in such a letter that the next word on its line, an office word too, follows closely
("JFUI Pengadministrasi": the slash, printed between spaces, read as a letter and the space
after it), as a word of its own ("JFU" "/" "Pengadministrasi").
"""

from __future__ import annotations

import functools
import re

from sop_desktop.importers import lane_names
from sop_desktop.importers.geometry import Page, Word

MIN_LETTERS = 5
_WORD = re.compile(r"^(\W*)([A-Za-z0-9|!]+)(\W*)$")
_THIN = str.maketrans({"l": "i", "1": "i", "|": "i", "!": "i", "q": "g"})


def _skeleton(word: str) -> str:
    """The word with its look-alikes made the same: lower case, "rn" as "m", every thin
    upright letter as "i", "q" as "g"."""
    return word.lower().replace("rn", "m").translate(_THIN)


@functools.cache
def _office_words() -> dict[str, str]:
    """{skeleton: office word} for the office words whose skeleton no other shares."""
    words = set(lane_names.ABBREVIATIONS) | set(lane_names.GENERIC) | \
        set(lane_names.STAFF_HEADS) | set(lane_names.SENIOR_HEADS) | \
        set(lane_names.EXTERNAL_WORDS)
    words = {w for w in words if len(w) >= MIN_LETTERS and w.isalpha()}
    by_skeleton: dict[str, set[str]] = {}
    for w in words:
        by_skeleton.setdefault(_skeleton(w), set()).add(w)
    return {k: next(iter(v)) for k, v in by_skeleton.items() if len(v) == 1}


def _in_case_of(word: str, like: str) -> str:
    """`word` in the case `like` was printed in (KAKANWIL, Kakanwil or kakanwil)."""
    letters = [ch for ch in like if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        return word.upper()
    return word.capitalize() if like[:1].isupper() else word


_UPRIGHT = "Il1"  # not "|": a rule between two header cells is no slash
MIN_PART = 3  # letters of each office word joined by a slash


@functools.cache
def _all_office_words() -> frozenset[str]:
    """Every office word of the lane vocabulary (lower case, any length)."""
    return frozenset(w for w in set(lane_names.ABBREVIATIONS) | set(lane_names.GENERIC) |
                     set(lane_names.STAFF_HEADS) | set(lane_names.SENIOR_HEADS) |
                     set(lane_names.EXTERNAL_WORDS) if w.isalpha())


def _slashed(core: str) -> str | None:
    """`core` with its upright letter put back as the slash between two office words
    ("JFUIJFT" -> "JFU/JFT"), or None when it is not two office words joined so."""
    words = _all_office_words()
    if core.lower() in words:
        return None
    found = [i for i in range(MIN_PART, len(core) - MIN_PART) if core[i] in _UPRIGHT
             and core[:i].lower() in words and core[i + 1:].lower() in words]
    return core[:found[0]] + "/" + core[found[0] + 1:] if len(found) == 1 else None


def _slash_before(word: Word, after: list[Word]) -> Word | None:
    """The word right after `word` on its line when `word` is an office word ending in an
    upright letter read for a slash and that next word is an office word too (else None)."""
    m = _WORD.match(word.text)
    words = _all_office_words()
    if m is None or m.group(1) or m.group(3) or m.group(2)[-1:] not in set(_UPRIGHT):
        return None
    first = m.group(2)[:-1]
    if len(first) < MIN_PART or first.lower() not in words or m.group(2).lower() in words:
        return None
    height = word.y1 - word.y0
    nxt = min((w for w in after if 0 <= w.x0 - word.x1 <= height and
               min(w.y1, word.y1) - max(w.y0, word.y0) >= 0.5 * height),
              key=lambda w: w.x0, default=None)
    if nxt is None:
        return None
    m2 = _WORD.match(nxt.text)
    ok = m2 is not None and not m2.group(1) and len(m2.group(2)) >= MIN_PART and \
        m2.group(2).lower() in words
    return nxt if ok else None


def _slashes_before_spaces(page: Page) -> int:
    """Office words parted by a slash read as a letter and a space: the letter made a slash
    word of its own ("JFUI" "Pengadministrasi" -> "JFU" "/" "Pengadministrasi"), since a
    space the recogniser saw after the slash was printed, and print sets a slash between
    words with a space on both sides or on neither; the number of slashes put back."""
    found = 0
    for word in list(page.words):
        if _slash_before(word, [w for w in page.words if w is not word]) is None:
            continue
        share = (word.x1 - word.x0) / max(1, len(word.text))  # the letter's part of the box
        slash = Word("/", word.x1 - share, word.y0, word.x1, word.y1, word.conf)
        word.text, word.x1 = word.text[:-1], word.x1 - share
        page.words.insert(page.words.index(word) + 1, slash)
        found += 1
    return found


def office_spelling(pages: list[Page]) -> int:
    """Words of the pages respelled as office words (see the module docstring); the number of
    words changed."""
    known = _office_words()
    vocabulary = set(known.values())
    changed = sum(_slashes_before_spaces(page) for page in pages)
    for page in pages:
        for w in page.words:
            m = _WORD.match(w.text)
            if m is None:
                continue
            lead, core, trail = m.groups()
            slashed = _slashed(core)
            if slashed is not None:
                w.text = lead + slashed + trail
                changed += 1
                continue
            if len(core) < MIN_LETTERS or core.lower() in vocabulary or \
                    sum(ch.isalpha() for ch in core) < MIN_LETTERS - 1:
                continue
            word = known.get(_skeleton(core))
            if word is None:
                continue
            w.text = lead + _in_case_of(word, core) + trail
            changed += 1
    return changed


__all__ = ["office_spelling"]
