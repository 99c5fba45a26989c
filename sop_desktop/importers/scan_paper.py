"""Paper that is not white (issue 18): aged or recycled paper, a scanner's warm colour cast, a
photo taken under a lamp. The scan route tells coloured ink (stamps, signatures) from print by
how far a pixel's channels spread; on yellowish paper every pixel spreads, and the print would
be taken for ink and painted out. The picture is therefore white-balanced on its paper first:
each channel scaled so that the paper comes out neutral. A page on white paper (its paper's
channels within a few levels of each other) is returned as it is."""

from __future__ import annotations

import numpy as np

CAST = 12  # the paper's channels spread more than this: the page has a colour cast


def paper_colour(rgb: np.ndarray) -> np.ndarray:
    """The paper's colour: the median of the brightest 40% of the pixels (the page is mostly
    paper), sampled on every fourth pixel each way."""
    sample = rgb[::4, ::4].reshape(-1, 3).astype(np.int32)
    light = sample.sum(axis=1)
    return np.median(sample[light >= np.percentile(light, 60)], axis=0)


def neutral_paper(rgb: np.ndarray) -> np.ndarray:
    """`rgb` with its paper made neutral (each channel scaled to the paper's brightest), or
    `rgb` itself when its paper already is."""
    paper = paper_colour(rgb)
    if float(paper.max() - paper.min()) <= CAST or float(paper.min()) < 60:
        return rgb
    gain = (float(paper.max()) / np.maximum(paper, 1.0)).astype(np.float32)
    lut = np.clip(np.arange(256, dtype=np.float32)[:, None] * gain[None, :], 0, 255)
    lut = lut.astype(np.uint8)
    out = np.empty_like(rgb)
    for c in range(3):  # one table look-up per channel: no float copy of the whole page
        out[:, :, c] = lut[:, c][rgb[:, :, c]]
    return out


__all__ = ["neutral_paper", "paper_colour"]
