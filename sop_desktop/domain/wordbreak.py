"""How a word broken at the end of a printed line joins back: the one rule the PDF writer
follows when it must break a word between letters and the readers follow when they join the
two halves again (so a printed SOP reads back to its own text)."""

from __future__ import annotations

import re


def is_letter_break(piece: str, rest: str) -> bool:
    """`piece` (a line's last word) ends with a hyphen that only marks a word broken between
    letters, dropped when it joins `rest` (the next line's first word): a small letter on
    both sides, as opposed to a real hyphen: reduplication ("undang-" "undang"), a short
    prefix ("e-" "office") or capitals ("E-" "MONEV")."""
    stem = re.sub(r"[^A-Za-z]", "", piece)
    head = re.sub(r"[^A-Za-z]", "", rest)
    if not piece.endswith("-") or len(stem) < 3 or not head:
        return False
    if not (stem[-1].islower() and head[0].islower()):
        return False
    return not head.lower().startswith(stem.lower()[:max(3, len(stem) // 2)])


__all__ = ["is_letter_break"]
