"""Round trip through the scan route (issue 15 "Done when", issue 18): every bundled SOP written
as a PNG by `sop export-image` (its flowchart pages stacked in one picture, 150 dpi) reads back
by OCR to the same steps, lanes, co-lanes, kinds, Ya/Tidak targets, waktu and output. The
picture has no identity page, so only the table is compared; kegiatan and output text by their
characters (OCR), everything else exactly. The reads are shared by the tests (one OCR pass per SOP)."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image

from sop_desktop.domain.model import SopDefinition
from sop_desktop.flowchart.image import write_flowchart_image
from sop_desktop.importers import read_sop_file
from sop_desktop.importers.library import bundled_sop_dir, load
from sop_desktop.importers.scan_image import split_stacked
from tests.core.import_support import chars_found

SOPS = sorted(p.stem for p in bundled_sop_dir().glob("*.toml"))


@cache
def _read_back(stem: str) -> tuple[SopDefinition, SopDefinition | None]:
    """(the bundled SOP, what its exported picture reads back as) for one SOP."""
    want = load(bundled_sop_dir() / f"{stem}.toml")
    with tempfile.TemporaryDirectory() as folder:
        path = write_flowchart_image(want, Path(folder) / f"{stem}.png", "A4", True, dpi=150)
        result = read_sop_file(path)
    return want, (result.sops[0] if len(result.sops) == 1 else None)


def _differences(stem: str, waktu: bool = False) -> tuple[list[str], int, int]:
    """What the picture of one SOP reads back differently (the table's structure, or only
    the waktu), and its kegiatan and output text (characters, of them matched)."""
    want, got = _read_back(stem)
    if got is None:
        return [f"{stem}: bukan satu SOP terbaca"], 1, 0
    out = []
    if [x.name for x in got.lanes] != [x.name for x in want.lanes] and not waktu:
        out.append(f"{stem}: pelaksana {[x.name for x in got.lanes]}")
    if [s.number for s in got.steps] != [s.number for s in want.steps] and not waktu:
        out.append(f"{stem}: langkah {[s.number for s in got.steps]}")
    total = matched = 0
    read = {s.number: s for s in got.steps}
    for a in want.steps:
        b = read.get(a.number)
        if b is None:
            continue
        key_a = (a.waktu,) if waktu else (a.lane, sorted(a.co_lanes), a.kind, a.yes, a.no)
        key_b = (b.waktu,) if waktu else (b.lane, sorted(b.co_lanes), b.kind, b.yes, b.no)
        if key_a != key_b:
            out.append(f"{stem} langkah {a.number}: {key_b} bukan {key_a}")
        for x, y in ((a.kegiatan, b.kegiatan), (a.output, b.output)):
            n, m = chars_found(x or "", y or "")
            total, matched = total + n, matched + m
    return out, total, matched


def test_stacked_pages_of_a_picture_are_cut_at_the_bands_between_them():
    page = np.full((300, 400, 3), 255, np.uint8)
    page[100:110, 50:350] = 0  # a rule on each page
    band = np.full((12, 400, 3), 208, np.uint8)
    sheet = np.vstack([page, band, page, band, page])
    parts = split_stacked(sheet)
    assert [p.shape[0] for p in parts] == [300, 300, 300]
    assert len(split_stacked(page)) == 1
    noisy = sheet.astype(np.int16) + np.random.default_rng(1).normal(0, 6, sheet.shape)
    assert len(split_stacked(np.clip(noisy, 0, 255).astype(np.uint8))) == 1


def test_a_stacked_picture_reads_as_pages_with_their_own_resolution(tmp_path):
    from sop_desktop.importers.scan_image import image_frames

    page = np.full((1240, 1754, 3), 255, np.uint8)
    band = np.full((25, 1754, 3), 208, np.uint8)
    path = tmp_path / "tumpuk.png"
    Image.fromarray(np.vstack([page, band, page])).save(path, dpi=(150, 150))
    frames = image_frames(path)
    assert len(frames) == 2
    assert all(abs(dpi - 150) < 1 and rgb.shape[:2] == (1240, 1754) for rgb, dpi in frames)


def test_exported_pictures_keep_their_text():
    """At least 97% of the kegiatan and output characters of every SOP read back."""
    total = matched = 0
    for stem in SOPS:
        _, n, m = _differences(stem)
        total, matched = total + n, matched + m
    assert matched / max(1, total) >= 0.97, matched / max(1, total)


def test_every_bundled_sop_exported_as_an_image_reads_back():
    """Steps, lanes, per-step lanes, co-lanes, kinds and Ya/Tidak targets exactly."""
    problems = [p for stem in SOPS for p in _differences(stem)[0]]
    assert problems == [], "\n".join(problems)


def test_every_bundled_sop_exported_as_an_image_reads_back_its_waktu():
    problems = [p for stem in SOPS for p in _differences(stem, waktu=True)[0]]
    assert problems == [], "\n".join(problems)
