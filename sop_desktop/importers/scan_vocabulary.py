"""Office words spelled as offices spell them on a scanned document (issue 18): the recogniser
confuses the thin upright letters (i, l, I, 1), g with q, and reads "m" as "rn" in small print, so a lane
header reads "Kakanwli", "Kakanwll" or "Pernohon". A word that is not an office word itself but
becomes one, and only one, once those look-alikes are made the same ("Kakanwli" and "Kakanwil"
both give "kakanwii") takes the office word's spelling, in the case it was printed in.

The office words are the lane vocabulary (importers.lane_names: abbreviations such as Kakanwil,
Kasubbag, Sekcam and the words lane names are made of, such as Kepala, Petugas, Pemohon), at
least five letters long, so that short words are never touched.
"""

from __future__ import annotations

import functools
import re

from sop_desktop.importers import lane_names
from sop_desktop.importers.geometry import Page

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


def office_spelling(pages: list[Page]) -> int:
    """Words of the pages respelled as office words (see the module docstring); the number of
    words changed."""
    known = _office_words()
    vocabulary = set(known.values())
    changed = 0
    for page in pages:
        for w in page.words:
            m = _WORD.match(w.text)
            if m is None:
                continue
            lead, core, trail = m.groups()
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
