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

from sop_desktop.importers.geometry import Page, Segment, Word

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
    changed = _first_letters(pages, readings)
    for page in pages:
        for w in page.words:
            better = _better(w, readings)
            if better is not None:
                lead, core, trail = _core(w.text)
                if core[:1] == "l" and better[:1] == "i":  # a capital I: the same tall stroke
                    better = "I" + better[1:]              # as l in sans-serif print ("lzin")
                w.text = lead + better + trail
                changed += 1
    return changed


RULE_TOUCH = 2.5  # points between a vertical rule and a word that lost a letter to it


def _first_letters(pages: list[Page], readings: dict[str, dict[str, list[float]]]) -> int:
    """Words that begin right at a vertical table rule and lost their first letter to it
    (a letter printed against the rule is taken out with the rule: "idak" for "Tidak" in a
    branch label beside a lane rule) take it back when the document reads, surely, exactly
    one word that is this one with one letter before it; the number of words changed."""
    whole: dict[str, set[str]] = defaultdict(set)  # the word without its first letter ->
    first: dict[str, str] = {}                      # the words read surely (their letter)
    for spellings in readings.values():
        for text, confs in spellings.items():
            if max(confs) >= SURE:
                whole[text.lower()[1:]].add(text.lower())
                first.setdefault(text.lower(), text[0])
    sure = {rest: first[next(iter(words))] for rest, words in whole.items() if len(words) == 1}
    changed = 0
    for page in pages:
        rules = [s for s in page.segments if not s.head and len(s.points) == 2 and
                 abs(s.points[0][0] - s.points[1][0]) < 1.0 and
                 abs(s.points[0][1] - s.points[1][1]) >= 36.0]
        for w in page.words:
            lead, core, trail = _core(w.text)
            found = sure.get(core.lower()) if len(core) >= MIN_LETTERS - 1 and not lead \
                else None
            if not found or not any(_against(w, r) for r in rules):
                continue
            w.text = found + core + trail  # the letter as the document prints it
            changed += 1
    return changed


def _against(w: Word, rule: Segment) -> bool:
    """Whether the word begins right of the vertical rule, touching it, along its length."""
    x = rule.points[0][0]
    top, bottom = sorted((rule.points[0][1], rule.points[1][1]))
    return 0 <= w.x0 - x <= RULE_TOUCH and top <= w.cy <= bottom


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
