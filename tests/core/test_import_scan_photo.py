"""Phone photos of SOP pages (issue 18): a page photographed at an angle shows converging rules,
which no rotation straightens. `scan_photo.flatten` finds the page's corners (on a desk) or the
table's border (a close-up whose page fills the picture) and warps it into a rectangle; a
flatbed scan is left as it is. The photos are made here from the LibreOffice-printed
Word document tests/fixtures/documents/pagu_anggaran.pdf (tests/core/photo_support.py)."""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import cv2
import numpy as np

from sop_desktop.importers import read_sop_file
from sop_desktop.importers.scan_photo import flatten
from tests.core import photo_support as photos

DOCS = Path(__file__).parent.parent / "fixtures" / "documents"
SOURCE = DOCS / "pagu_anggaran.pdf"  # page 2 holds the table's first seven steps


@cache
def _page(dpi: int) -> np.ndarray:
    return photos.render(SOURCE.read_bytes(), 1, dpi)


def _worst_slant(rgb: np.ndarray) -> float:
    """Degrees by which the most slanted long rule of the picture's middle (15% of each side
    left out: where a warped picture meets its fill) is off the horizontal or the vertical
    (0 for a page whose rules are all square to it)."""
    h, w = rgb.shape[:2]
    rgb = rgb[int(0.15 * h):int(0.85 * h), int(0.15 * w):int(0.85 * w)]
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                31, 12)
    side = min(gray.shape)
    lines = cv2.HoughLinesP(ink, 1, np.pi / 1440, threshold=int(0.2 * side),
                            minLineLength=int(0.35 * side), maxLineGap=6)
    assert lines is not None
    worst = 0.0
    for x1, y1, x2, y2 in lines.reshape(-1, 4):
        angle = math.degrees(math.atan2(float(y2 - y1), float(x2 - x1))) % 90
        worst = max(worst, min(angle, 90 - angle))
    return worst


def test_a_page_photographed_on_a_desk_is_cut_out_square():
    page = _page(150)
    photo = photos.on_desk(page, 0.05)
    assert _worst_slant(photo) > 2.0  # the photo's rules converge
    flat = flatten(photo, 150.0)
    assert flat.how == "halaman"
    assert _worst_slant(flat.rgb) < 0.6
    h, w = flat.rgb.shape[:2]
    assert abs(w / h - page.shape[1] / page.shape[0]) < 0.04  # the page's own proportions
    # the desk is gone: the picture's edges are paper
    edge = np.concatenate([flat.rgb[2, :], flat.rgb[-3, :], flat.rgb[:, 2], flat.rgb[:, -3]])
    assert np.median(edge.mean(axis=1)) > 170
    assert 130 < flat.dpi < 260  # the page taken as A4 across its long side


def test_a_close_up_whose_page_fills_the_picture_is_squared_on_its_table():
    photo = photos.close_up(_page(150), 0.04)
    assert _worst_slant(photo) > 1.5
    flat = flatten(photo, 150.0)
    assert flat.how == "tabel"
    assert _worst_slant(flat.rgb) < 0.6


def test_a_flatbed_scan_is_left_as_it_is():
    scan = photos.flat_scan(_page(150), 1.5)
    flat = flatten(scan, 150.0)
    assert flat.how == "" and flat.rgb is scan and flat.dpi == 150.0


def test_a_dark_band_printed_across_a_scan_is_not_taken_for_the_page_edge():
    page = _page(150).copy()
    h = page.shape[0]
    page[int(0.05 * h):int(0.2 * h), :] = (40, 60, 120)  # a coloured heading band
    scan = photos.flat_scan(page, 0.0)
    flat = flatten(scan, 150.0)
    assert flat.how == "" and flat.rgb is scan


def test_a_photo_on_a_desk_reads_as_its_source(tmp_path):
    """Imported as a phone's JPEG (no resolution tag), the photo reads the table's steps on
    that page with the source's lanes and kinds."""
    from sop_desktop.importers.library import load

    path = tmp_path / "foto.jpg"
    path.write_bytes(photos.jpeg(photos.on_desk(_page(200), 0.05)))
    result = read_sop_file(path)
    assert len(result.sops) == 1
    got = [(s.number, s.lane, s.kind) for s in result.sops[0].steps]
    defn = load(Path(__file__).parents[2] / "resources" / "sops" / "pagu-anggaran.toml")
    want = [(s.number, s.lane, s.kind) for s in defn.steps][:7]
    assert got == want
    assert any("foto yang diambil miring diratakan" in w for w in result.warnings)
    # the review screen shows the page flattened as it was read: its picture has the page's
    # proportions, so the outlines drawn in the page's points sit on what they outline
    from sop_desktop.importers.page_picture import scan_view

    page = result.pages[0]
    view = cv2.imdecode(np.frombuffer(scan_view(page).png, np.uint8), cv2.IMREAD_COLOR)
    assert abs(view.shape[1] / view.shape[0] - page.width / page.height) < 0.01


def _padded(photo: np.ndarray, height: int, width: int) -> np.ndarray:
    """The photo widened on all sides alike (its desk's edge repeated), so that the page stays
    in the middle of the picture as a camera's axis leaves it (the focal length solved from
    the page's corners assumes the picture's centre on that axis)."""
    h, w = photo.shape[:2]
    dy, dx = max(0, height - h), max(0, width - w)
    return np.pad(photo, ((dy // 2, dy - dy // 2), (dx // 2, dx - dx // 2), (0, 0)), "edge")


def test_a_phone_photo_is_flattened_before_it_is_brought_to_the_working_size(tmp_path):
    """A 12-megapixel phone photo (4000 x 3000) of a landscape page on a desk: the page is
    cut out at the photo's own resolution and only then brought to the working size, so it
    is read with more pixels per inch than when the whole photo was reduced first; the scan
    reader's own flattening then leaves it as it is and still says it was flattened."""
    from sop_desktop.importers.library import load
    from sop_desktop.importers.scan_image import WORK_LONG_SIDE, image_frames

    page = _page(200)  # 2339 px wide: with the desk around it, 60% of the photo's width
    photo = _padded(photos.on_desk(page, 0.05), 3000, 4000)
    path = tmp_path / "foto.jpg"
    path.write_bytes(photos.jpeg(photo))
    [(rgb, dpi)] = image_frames(path)
    # the frame is the page alone (the desk is gone), in the page's proportions
    edge = np.concatenate([rgb[2, :], rgb[-3, :], rgb[:, 2], rgb[:, -3]])
    assert np.median(edge.mean(axis=1)) > 170
    assert abs(rgb.shape[1] / rgb.shape[0] - page.shape[1] / page.shape[0]) < 0.04
    # before: the whole photo reduced to the working size, then flattened
    reduced = cv2.resize(photo, (WORK_LONG_SIDE, 1800), interpolation=cv2.INTER_AREA)
    before = flatten(reduced, WORK_LONG_SIDE / 11.69)
    assert before.how == "halaman"
    assert max(rgb.shape[:2]) == WORK_LONG_SIDE  # the page alone at the working size
    assert max(rgb.shape[:2]) > 1.15 * max(before.rgb.shape[:2])
    assert dpi > 1.15 * before.dpi and dpi > 190, (dpi, before.dpi)
    again = flatten(rgb, dpi)
    assert again.how == "halaman" and again.dpi == dpi and np.shares_memory(again.rgb, rgb)
    result = read_sop_file(path)
    assert len(result.sops) == 1
    got = [(s.number, s.lane, s.kind) for s in result.sops[0].steps]
    defn = load(Path(__file__).parents[2] / "resources" / "sops" / "pagu-anggaran.toml")
    assert got == [(s.number, s.lane, s.kind) for s in defn.steps][:7]
    assert any("foto yang diambil miring diratakan" in w for w in result.warnings)


def test_a_flatbed_scan_file_is_brought_to_the_working_size_as_before(tmp_path):
    """A scan (nothing to flatten) larger than the working size is reduced from its own
    pixels exactly as before, and marked so the scan reader does not look again."""
    from PIL import Image

    from sop_desktop.importers.scan_image import WORK_LONG_SIDE, image_frames

    scan = photos.flat_scan(photos.render(SOURCE.read_bytes(), 1, 250), 1.0)
    path = tmp_path / "pindai.png"
    Image.fromarray(scan).save(path, dpi=(250, 250))
    [(rgb, dpi)] = image_frames(path)
    h, w = scan.shape[:2]
    k = WORK_LONG_SIDE / max(h, w)
    want = cv2.resize(scan, (int(w * k), int(h * k)), interpolation=cv2.INTER_AREA)
    assert np.array_equal(np.asarray(rgb), want)
    assert abs(dpi - 250 * max(want.shape[:2]) / max(h, w)) < 0.05  # the tag in dots per metre
    again = flatten(rgb, dpi)
    assert again.how == "" and np.shares_memory(again.rgb, rgb) and again.dpi == dpi
