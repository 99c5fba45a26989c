"""Arrow heads and decisions on damaged scans (issue 18, benchmarks/bench_scan_unseen.py), each
on a small page drawn with cv2, blurred and noised as a scan, its drawing found as scan.py
finds it:

- a branch label whose text box the detector drew tight, cutting off its first and last
  letters: the letters cut off are the label's text, not arrow heads, and the branch line
  does not run on into them (`scan_draw.remove_text`, its letters cut by the box's end);
  a line running through a label, or a rule crossing it, stays in the drawing;
- a decision diamond that an opaque signature took an edge off: its three edges still
  hold its four corners, so it is found and its arrows meet it (`scan_diamond.py`); two
  edges, or three sides of a box, are no diamond;
- a branch corner where the signature took a stretch of one of the two strokes: while the
  other reaches the corner, the branch still turns there (`scan_arrows._corner`), with its
  head seen or not.
"""

from __future__ import annotations

import cv2
import numpy as np

from sop_desktop.importers.scan_draw import remove_text
from sop_desktop.importers.scan_image import binarize
from tests.core.scan_support import PixShape, draw_head, find_drawing

INK = (30, 30, 30)
PAPER = (250, 250, 250)
GREY = (110, 110, 110)  # a branch label printed in grey, as generated SOPs print them
DPI = 200.0


def _page(width: int, height: int) -> np.ndarray:
    return np.full((height, width, 3), 250, np.uint8)


def _grid(img: np.ndarray, xs: list[int], ys: list[int]) -> None:
    h, w = img.shape[:2]
    for x in xs:
        cv2.line(img, (x, 0), (x, h - 1), INK, 2)
    for y in ys:
        cv2.line(img, (0, y), (w - 1, y), INK, 2)


def _scanned(img: np.ndarray, blur: float) -> np.ndarray:
    """The drawn page blurred and noised as a scan -> grey."""
    rng = np.random.default_rng(7)
    img = cv2.GaussianBlur(img, (0, 0), blur).astype(np.float32)
    return cv2.cvtColor(np.clip(img + rng.normal(0, 4, img.shape), 0, 255).astype(np.uint8),
                        cv2.COLOR_RGB2GRAY)


def _drawing(gray: np.ndarray, boxes: list[tuple[int, int, int, int]]
             ) -> tuple[list[PixShape], list]:
    """Symbols and arrows as scan.py finds them, the text boxes' text taken out first."""
    ink = remove_text(binarize(gray, smooth=True), boxes, DPI)
    faint = remove_text(binarize(gray, 225, untint=True), boxes, DPI)
    return find_drawing(ink, faint, DPI, 0.45 * max(gray.shape))


def _at(shapes: list[PixShape], p: tuple[int, int]) -> int | None:
    return next((n for n, s in enumerate(shapes) if s.box[0] <= p[0] <= s.box[2] and
                 s.box[1] <= p[1] <= s.box[3]), None)


def _arrow_between(found: tuple[list[PixShape], list], first: tuple[int, int],
                   second: tuple[int, int]) -> bool:
    shapes, arrows = found
    a, b = _at(shapes, first), _at(shapes, second)
    return a is not None and b is not None and any(
        start == a and end == b for _, start, end, _ in arrows)


def _ya_branch_page() -> np.ndarray:
    """A decision whose Ya branch leaves its bottom tip, turns left a little below it and
    runs down into a box in the next lane; its grey bold label "Sesuai" is printed just
    right of the turn, on the height of the branch line."""
    img = _page(1000, 700)
    _grid(img, [60, 330, 640, 960], [40, 360, 660])
    pts = np.array([(480, 120), (540, 160), (480, 200), (420, 160)], np.int32)
    cv2.polylines(img, [pts], True, INK, 2)
    cv2.rectangle(img, (130, 420), (260, 480), INK, 2)
    cv2.line(img, (480, 200), (480, 222), INK, 2)
    cv2.line(img, (480, 222), (195, 222), INK, 2)
    cv2.line(img, (195, 222), (195, 408), INK, 2)
    draw_head(img, (195, 418), 0, 1, 12)
    cv2.putText(img, "Sesuai", (488, 229), cv2.FONT_HERSHEY_SIMPLEX, 0.7, GREY, 3,
                cv2.LINE_AA)
    return img


LABEL_INK = (489, 553)  # the columns the label's letters cover (blurred)
TIGHT_BOX = (496, 212, 554, 237)  # the detector's box: its first letter and last stroke cut


def test_a_label_cut_short_by_its_text_box_is_no_arrow_head():
    """The label's letters the tight box cut off were left in the drawing: bold grey
    letters blurred together, they passed for arrow heads, the branch line was closed on
    into them and the branch was read from the label to the box, not from the decision.
    Mostly inside the box, within its rows and reaching out of it by less than a letter,
    they are the box's text."""
    gray = _scanned(_ya_branch_page(), 1.2)
    ink = binarize(gray, smooth=True)
    assert ink[214:236, LABEL_INK[0]:TIGHT_BOX[0]].any()  # the box does cut the label
    found = _drawing(gray, [TIGHT_BOX])
    assert _arrow_between(found, (480, 160), (195, 450)), found[1]
    shapes, arrows = found
    assert sorted(s.kind for s in shapes) == ["decision", "process"]
    assert all(start is not None and end is not None for _, start, end, _ in arrows)


def test_lines_through_a_text_box_stay_in_the_drawing():
    """A line running through a label and on well past its ends (an arrow through its
    label), and a rule crossing a text box from top to bottom, are not its text; the
    letters it cuts off at its ends are."""
    ink = np.zeros((200, 400), np.uint8)
    box = (100, 80, 220, 100)  # 20 px high
    for x in range(92, 228, 12):  # letters from 92 to 227: cut at both ends by the box
        ink[84:97, x:x + 8] = 255
    ink[94:97, 92:228] = 255  # blurred together into one piece
    ink[140:143, 60:260] = 255  # a line through a second box, 40 px past each end
    ink[20:190, 330:333] = 255  # a rule crossing a third box
    boxes = [box, (100, 130, 220, 152), (300, 80, 360, 100)]
    out = remove_text(ink, boxes, DPI)
    assert not out[84:97, 92:228].any()
    assert out[140:143, 60:260].all()
    assert out[20:190, 330:333].all()


def _signed_diamond_page(erase: list[tuple[tuple[int, int], tuple[int, int]]],
                         head: bool = True) -> np.ndarray:
    """A step box, an arrow down into a decision (its edges drawn with a shadow, as the
    generated SOPs draw symbols), a Ya branch from its bottom tip down into a box and a
    Tidak branch from its right corner round up into the first box; the stretches of the
    diamond's outline in `erase` painted over with paper (an opaque signature's ink faded
    by the scan route)."""
    img = _page(1100, 800)
    _grid(img, [60, 360, 760, 1060], [40, 240, 520, 760])
    cv2.rectangle(img, (480, 90), (620, 150), INK, 2)
    cv2.line(img, (550, 150), (550, 262), INK, 2)
    draw_head(img, (550, 272), 0, 1, 12)
    top, right, bottom, left = (550, 272), (610, 312), (550, 352), (490, 312)
    cv2.polylines(img, [np.array([top, right, bottom, left], np.int32)], True, INK, 2)
    cv2.line(img, (553, 352), (613, 312), (120, 120, 120), 4)  # the shadow
    cv2.rectangle(img, (480, 600), (620, 660), INK, 2)
    cv2.line(img, (550, 352), (550, 588), INK, 2)
    draw_head(img, (550, 598), 0, 1, 12)
    cv2.line(img, (610, 312), (700, 312), INK, 2)
    cv2.line(img, (700, 312), (700, 120), INK, 2)
    cv2.line(img, (700, 120), (634, 120), INK, 2)
    if head:
        draw_head(img, (622, 120), -1, 0, 12)
    for a, b in erase:
        cv2.line(img, a, b, PAPER, 9)
    return img


def test_a_decision_a_signature_took_an_edge_off_is_found():
    """The upper left edge painted over from near the top corner to near the left one: the
    diamond's inside is no closed hole; its three other edges hold all four corners, so it
    is a decision, and its arrows leave and enter it."""
    whole = _drawing(_scanned(_signed_diamond_page([]), 0.8), [])
    assert sorted(s.kind for s in whole[0]) == ["decision", "process", "process"]
    gray = _scanned(_signed_diamond_page([((542, 278), (498, 307))]), 0.8)
    found = _drawing(gray, [])
    assert sorted(s.kind for s in found[0]) == ["decision", "process", "process"], \
        [(s.kind, s.box) for s in found[0]]
    decision = found[0][_at(found[0], (550, 312)) or 0]
    assert decision.kind == "decision"
    x0, y0, x1, y1 = decision.box
    assert abs((x0 + x1) / 2 - 550) < 8 and abs((y0 + y1) / 2 - 312) < 8
    assert _arrow_between(found, (550, 120), (550, 312))
    assert _arrow_between(found, (550, 312), (550, 630))
    assert _arrow_between(found, (550, 312), (550, 120))


def test_two_edges_or_three_sides_of_a_box_are_no_decision():
    """Half a diamond (two edges: a chevron) and a box with one side painted over are no
    decision."""
    two = _signed_diamond_page([((542, 278), (498, 307)), ((498, 317), (542, 346))])
    found = _drawing(_scanned(two, 0.8), [])
    assert sorted(s.kind for s in found[0]) == ["process", "process"]
    img = _page(900, 600)
    _grid(img, [60, 440, 840], [40, 560])
    cv2.rectangle(img, (150, 200), (330, 300), INK, 2)
    cv2.line(img, (150, 205), (150, 295), PAPER, 9)
    found = _drawing(_scanned(img, 0.8), [])
    assert found[0] == []


def test_a_branch_corner_a_signature_took_a_stretch_of_still_turns():
    """The Tidak branch's lower corner lost 0.12 inch of its upright stroke (more than a
    stroke ever runs on past a corner): the branch still runs from the diamond's right
    corner round to its target, followed from its head or, its head not seen, from the
    diamond."""
    for head in (True, False):
        img = _signed_diamond_page([], head)
        img[284:306, 692:709] = PAPER  # the upright stroke from 284 to 306 painted out
        found = _drawing(_scanned(img, 0.8), [])
        assert _arrow_between(found, (550, 312), (550, 120)), (head, found[1])
        assert _arrow_between(found, (550, 312), (550, 630))
