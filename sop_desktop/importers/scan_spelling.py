"""One spelling per word across a scanned document: a word the recogniser read less surely
with a look-alike letter ("Penilal" in a small bold lane header) takes the spelling the same
document gives it elsewhere, read surely ("Tim Penilai" in a step's kegiatan).

Only letters that OCR confuses in print and that Indonesian words seldom tell apart by
themselves are looked at: i and l, g and q. A word read less than surely is respelled only
when the other spelling is read surely more often in the document than its own (at least
once), both have at least four letters and they differ in one letter.

The document's sure readings mend two more slips of the recogniser (issue 18, H52): a thin
letter dropped inside a word ("Pengkajan" in a lane header, "Pengkajian" elsewhere) and a space
put inside a word whose two parts stand no wider apart than its letters ("Yanku" "mham",
"Yankumham" elsewhere).
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
    changed = _first_letters(pages, readings) + _rejoined(pages) + _lost_letters(pages)
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


THIN = "iltjf"  # letters a recogniser drops inside a word (one or two columns of ink)
CLOSE = 0.15  # two words this share of their height apart or closer are one word cut


def _sure_counts(pages: list[Page]) -> tuple[dict[str, int], dict[str, int]]:
    """({word: times read surely}, {word: times read}) of the document, lower case."""
    sure: dict[str, int] = defaultdict(int)
    seen: dict[str, int] = defaultdict(int)
    for page in pages:
        for w in page.words:
            core = _core(w.text)[1].lower()
            seen[core] += 1
            sure[core] += w.conf >= SURE
    return sure, seen


def _lost_letters(pages: list[Page]) -> int:
    """Words that lost a thin letter inside them ("Pengkajan" in a lane header: the "i"
    between "j" and "a" dropped) take it back when the document reads, surely and at least
    as often as this spelling is read, exactly one word that is this one with one thin
    letter (THIN) put inside it, not first or last: a recogniser drops such a letter far
    more often than it adds one, and a suffix ("ditandatangan"/"ditandatangani") is left
    alone.
    Both words have more than MIN_LETTERS letters; the number of words changed."""
    sure, seen = _sure_counts(pages)
    changed = 0
    for page in pages:
        for w in page.words:
            lead, core, trail = _core(w.text)
            low = core.lower()
            if len(core) <= MIN_LETTERS or not core.isalpha():
                continue
            found = {(i, ch) for i in range(1, len(core)) for ch in THIN
                     if sure[low[:i] + ch + low[i:]] >= max(1, seen[low])}
            words = {low[:i] + ch + low[i:] for i, ch in found}
            if len(words) != 1:
                continue
            i, ch = min(found)
            w.text = lead + core[:i] + ch + core[i:] + trail
            changed += 1
    return changed


def _rejoined(pages: list[Page]) -> int:
    """Two words of one line that stand no wider apart than CLOSE of their height ("Yanku"
    "mham": a space put inside a word where the recogniser set its letters unevenly) made
    one when the document reads them joined, surely, as one word ("Yankumham"); neither
    part may be read surely on its own elsewhere. The number of words joined."""
    sure, _ = _sure_counts(pages)
    joined = 0
    for page in pages:
        order = sorted(page.words, key=lambda w: (round(w.cy), w.x0))
        for a, b in zip(order, order[1:], strict=False):
            if a not in page.words or b not in page.words:
                continue
            height = min(a.y1 - a.y0, b.y1 - b.y0)
            if not (-CLOSE * height <= b.x0 - a.x1 <= CLOSE * height) or \
                    abs(a.cy - b.cy) > 0.3 * height:
                continue
            left, right = _core(a.text), _core(b.text)
            whole = (left[1] + right[1]).lower()
            alone = sure[left[1].lower()] - (a.conf >= SURE), \
                sure[right[1].lower()] - (b.conf >= SURE)  # read surely elsewhere
            if left[2] or right[0] or not whole.isalpha() or len(whole) <= MIN_LETTERS or \
                    not sure[whole] or any(alone):
                continue
            a.text = left[0] + left[1] + right[1] + right[2]
            a.x1, a.y0, a.y1 = b.x1, min(a.y0, b.y0), max(a.y1, b.y1)
            a.conf = min(a.conf, b.conf)
            page.words.remove(b)
            joined += 1
    return joined


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
