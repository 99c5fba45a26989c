"""Letters the recogniser miscounts, recounted from the grey crop of their text line (issue 18).

A Roman numeral of capital I's in a line of text ("Eselon III", "Golongan II") is read as "Il",
"ll" or "Ill": in small bold print the bars blur into one another, and the recogniser keeps
two of three or takes some for a small l. In the grey crop the bars still stand apart: each is
a column band of full darkness, the narrow paper between two of them lighter, however much the
blur joined them in a black-and-white mask. A word made only of upright strokes (I, l, |; not a
number of 1s, which has a flag) is rewritten as as many I's as its crop shows bars, when the
bars are of one height and taller than the line's small letters, as capitals are.
"""

from __future__ import annotations

import numpy as np

Char = tuple[str, float, float]
UPRIGHT = set("Il|1")
VALLEY = 0.88  # between two bars the darkness drops below this share of the lower bar's
APART = 0.3  # two bars stand at least this many x-heights apart
TALL = 1.1  # a bar is this many times as tall as the line's small letters (a capital)


def roman_numerals(gray: np.ndarray, chars: list[Char]) -> list[Char]:
    """The characters of one line (x in crop pixels) with each word of upright strokes
    recounted from the crop (see the module docstring)."""
    out: list[Char] = []
    n = 0
    while n < len(chars):
        end = n
        while end < len(chars) and chars[end][0] in UPRIGHT:
            end += 1
        if end == n:
            out.append(chars[n])
            n += 1
            continue
        word = chars[n:end]
        apart = (n == 0 or chars[n - 1][0].isspace()) and \
            (end == len(chars) or chars[end][0].isspace())
        text = "".join(ch for ch, _, _ in word)
        bars = _bars(gray, chars, n, end) if apart and set(text) != {"1"} else []
        if len(bars) >= 2 and text != "I" * len(bars):
            conf = sum(p for _, _, p in word) / len(word)
            out.extend(("I", x, conf) for x in bars)
        else:
            out.extend(word)
        n = end
    return out


def _bars(gray: np.ndarray, chars: list[Char], n: int, end: int) -> list[float]:
    """The x of each upright bar in the crop between the characters before chars[n] and
    after chars[end - 1] (empty when that ink is not bars of one height)."""
    h, w = gray.shape
    left = int((chars[n - 1][1] + chars[n][1]) / 2) if n > 0 else 0
    right = int((chars[end - 1][1] + chars[end][1]) / 2) + 1 if end < len(chars) else w
    if right - left < 3:
        return []
    g = gray.astype(np.float32)
    paper, darkest = float(np.percentile(g, 90)), float(g.min())
    if paper - darkest < 30:
        return []
    dark = np.clip((paper - g) / (paper - darkest), 0, 1)
    rows = (dark > 0.5).sum(axis=1)
    if rows.max() == 0:
        return []
    small = int((rows >= 0.6 * rows.max()).sum())  # the line's x-height (its fullest rows)
    part = dark[:, left:right]
    profile = part.sum(axis=0)
    peaks = _peaks(profile)
    if len(peaks) < 2 or min(np.diff(peaks)) < APART * small:
        return []
    heights = [int((part[:, p] > 0.5).sum()) for p in peaks]
    if min(heights) < TALL * small or min(heights) < 0.85 * max(heights):
        return []
    return [float(left + p) for p in peaks]


def _peaks(profile: np.ndarray) -> list[int]:
    """The columns of the profile's bars: maxima parted by a valley below VALLEY times the
    lower of the two, and none lower than half the highest."""
    top = float(profile.max())
    peaks: list[int] = []
    low = top  # the least value since the last peak
    for i, v in enumerate(profile):
        v = float(v)
        if peaks and v < low:
            low = v
        if v < 0.5 * top:
            continue
        is_max = (i == 0 or v >= profile[i - 1]) and (i == len(profile) - 1 or
                                                      v >= profile[i + 1])
        if not is_max:
            continue
        if not peaks:
            peaks.append(i)
            low = v
        elif low < VALLEY * min(v, float(profile[peaks[-1]])):
            peaks.append(i)
            low = v
        elif v > profile[peaks[-1]]:
            peaks[-1] = i
            low = v
    return peaks


__all__ = ["roman_numerals"]
