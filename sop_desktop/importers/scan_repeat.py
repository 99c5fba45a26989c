"""The table's header printed again on each page of a scanned document: a header cell read
doubtfully on one page ("Kepala E...." for a lane name turned up its narrow column, under a
stamp or blur) takes the sure reading of the same cell on another page.

A cell is "the same" when the two pages have the same size, the two readings' boxes overlap
(most of the smaller one) and the band of the page the word lies in is printed alike on both
pages: at least MIN_ALIKE other words beside it (overlapping it from top to bottom) read the
same at the same places on both pages, as the other names of a repeated header row do and
the texts of different steps do not. The sure reading must still resemble the doubtful one
(a misread, not another SOP's lane at that place).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from sop_desktop.importers.geometry import Page, Word, covered

DOUBTFUL = 0.85  # a reading below this may be replaced
SURE = 0.95  # by a reading at least this sure
MIN_ALIKE = 3
MIN_RESEMBLANCE = 0.5


def _overlap(a: Word, b: Word) -> float:
    """Share of the smaller box both boxes cover."""
    return max(covered(a, b), covered(b, a))


def _same_size(a: Page, b: Page) -> bool:
    return abs(a.width - b.width) <= 0.02 * a.width and \
        abs(a.height - b.height) <= 0.02 * a.height


def _alike_beside(word: Word, page: Page, other: Page) -> int:
    """How many words beside `word` (overlapping its rows) read the same at the same place
    on `other`."""
    count = 0
    for w in page.words:
        if w is word or min(w.y1, word.y1) <= max(w.y0, word.y0):
            continue
        if any(o.text == w.text and _overlap(o, w) >= 0.5 for o in other.words):
            count += 1
    return count


def _better(word: Word, page: Page, pages: list[Page]) -> Word | None:
    """The surest resembling reading of `word`'s cell on another page alike in that band."""
    best: Word | None = None
    for other in pages:
        if other is page or not _same_size(page, other):
            continue
        twins = [o for o in other.words if o.conf >= SURE and o.text != word.text and
                 _overlap(o, word) >= 0.6 and
                 SequenceMatcher(None, o.text, word.text).ratio() >= MIN_RESEMBLANCE]
        if not twins or _alike_beside(word, page, other) < MIN_ALIKE:
            continue
        top = max(twins, key=lambda o: o.conf)
        if best is None or top.conf > best.conf:
            best = top
    return best


def settle_repeats(pages: list[Page]) -> int:
    """Doubtful readings of a repeated header cell replaced as the module docstring says;
    the number of words changed."""
    if len(pages) < 2:
        return 0
    changes: list[tuple[Word, Word]] = []
    for page in pages:
        for word in page.words:
            if word.conf < DOUBTFUL:
                better = _better(word, page, pages)
                if better is not None:
                    changes.append((word, better))
    for word, better in changes:
        word.text, word.conf = better.text, better.conf
    return len(changes)


__all__ = ["settle_repeats"]
