"""One spelling per word across a scanned document: a word the recogniser read less surely
with a look-alike letter ("Penilal" in a small bold lane header) takes the spelling the same
document gives it elsewhere, read surely ("Tim Penilai" in a step's kegiatan).

Only letters that OCR confuses in print and that Indonesian words seldom tell apart by
themselves are looked at: i and l, g and q. A word read less than surely is respelled only
when the other spelling is read surely more often in the document than its own (at least
once), both have at least four letters and they differ in one letter.
"""

from __future__ import annotations

import re
from collections import defaultdict

from sop_desktop.importers.geometry import Page, Word

_LOOK_ALIKE = str.maketrans({"l": "i", "q": "g"})
_CORE = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)
SURE = 0.95  # a reading this sure is the document's spelling of the word
MIN_LETTERS = 4


def _core(text: str) -> tuple[str, str, str]:
    """(leading punctuation, the word, trailing punctuation)."""
    m = _CORE.match(text)
    return (m.group(1), m.group(2), m.group(3)) if m else ("", text, "")


def _one_letter_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def respell(pages: list[Page]) -> int:
    """Words of the pages (one document) respelled as described in the module docstring;
    the number of words changed."""
    readings: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for page in pages:
        for w in page.words:
            core = _core(w.text)[1]
            if sum(ch.isalpha() for ch in core) >= MIN_LETTERS:
                readings[core.translate(_LOOK_ALIKE)][core].append(w.conf)
    changed = 0
    for page in pages:
        for w in page.words:
            better = _better(w, readings)
            if better is not None:
                lead, _, trail = _core(w.text)
                w.text = lead + better + trail
                changed += 1
    return changed


def _better(w: Word, readings: dict[str, dict[str, list[float]]]) -> str | None:
    """The document's spelling of `w` when it should replace this reading (else None)."""
    core = _core(w.text)[1]
    found = readings.get(core.translate(_LOOK_ALIKE))
    if w.conf >= SURE or not found or len(found) < 2 or core not in found:
        return None
    spellings: dict[str, list[float]] = found

    def sure(text: str) -> int:
        return sum(c >= SURE for c in spellings[text])

    best = max((t for t in spellings if t != core and _one_letter_apart(t, core)),
               key=lambda t: (sure(t), max(spellings[t])), default=None)
    return best if best is not None and sure(best) > sure(core) else None


__all__ = ["respell"]
