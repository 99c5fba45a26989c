"""Draws resources/logo/logo-default.png: a neutral emblem (no real institution's arms).

Run once by a developer (`python resources/logo/make_default_logo.py`); the PNG is committed.
An office sets its own logo in the office profile (logo_path).
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 512
SCALE = 4  # draw large, then shrink: smooth edges without an anti-aliasing library

NAVY = (24, 52, 102, 255)
GOLD = (201, 154, 38, 255)
WHITE = (255, 255, 255, 255)


def _star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw(path: Path) -> None:
    s = SIZE * SCALE
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = s / 2
    # outer gold ring, navy disc, thin gold inner ring
    d.ellipse((0.02 * s, 0.02 * s, 0.98 * s, 0.98 * s), fill=GOLD)
    d.ellipse((0.07 * s, 0.07 * s, 0.93 * s, 0.93 * s), fill=NAVY)
    d.ellipse((0.12 * s, 0.12 * s, 0.88 * s, 0.88 * s), outline=GOLD, width=int(0.012 * s))
    # a five-pointed star above an open book: "service" and "rules", no real arms
    d.polygon(_star(c, 0.33 * s, 0.13 * s, 0.055 * s), fill=GOLD)
    top, bottom, spine = 0.52 * s, 0.74 * s, 0.77 * s
    d.polygon([(0.24 * s, top), (c, top + 0.04 * s), (c, spine), (0.24 * s, bottom)], fill=WHITE)
    d.polygon([(0.76 * s, top), (c, top + 0.04 * s), (c, spine), (0.76 * s, bottom)], fill=WHITE)
    for k in range(1, 4):  # text lines on each page
        y = top + 0.045 * s * k
        d.line([(0.29 * s, y + 0.01 * s), (0.46 * s, y + 0.035 * s)], fill=NAVY, width=int(0.01 * s))
        d.line([(0.54 * s, y + 0.035 * s), (0.71 * s, y + 0.01 * s)], fill=NAVY, width=int(0.01 * s))
    d.line([(c, top + 0.04 * s), (c, spine)], fill=GOLD, width=int(0.012 * s))
    img.resize((SIZE, SIZE), Image.LANCZOS).save(path, optimize=True)


if __name__ == "__main__":
    draw(Path(__file__).with_name("logo-default.png"))
