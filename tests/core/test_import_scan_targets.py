"""Decision targets on scanned flowcharts (issue 18, benchmarks/bench_scan_unseen.py): the
rules that keep a Ya/Tidak branch whole from the diamond to its target, each on a small page
drawn with cv2, blurred and noised as a scan, its drawing found as scan.py finds it.

- a branch channel drawn a few pixels beside a table rule stays an arrow leg (rules cut at
  every crossing are joined again whole; a leg's corner found where a stroke overshoots);
- a leg that runs on a little past its corner (closed to the line beside it) still turns
  there (`scan_arrows._corner`);
- a Ya/Tidak label printed across a table rule just over its branch line leaves no false
  symbol in the corner of the cell it cuts off;
- an open arrow head drawn with bold strokes is found: the opening that leaves the heads is
  wider than the page's strokes are thick (`scan_draw.stroke_width`);
- a branch whose head was not seen (merged into a shadowed outline) still leaves the
  decision's side corner for the symbol its line runs into (`scan_arrows._headless`);
- a label that lost its first letter to the lane rule it is printed against ("idak
  Lengkap") takes it back from the document's own sure reading of the word.
"""

from __future__ import annotations

import cv2
import numpy as np

from sop_desktop.importers.geometry import Page, Segment, Word
from sop_desktop.importers.scan_draw import line_masks, stroke_width
from sop_desktop.importers.scan_image import binarize
from sop_desktop.importers.scan_spelling import respell
from tests.core.scan_support import PixShape, draw_head, find_drawing

INK = (30, 30, 30)


def _page(width: int, height: int) -> np.ndarray:
    return np.full((height, width, 3), 250, np.uint8)


def _grid(img: np.ndarray, xs: list[int], ys: list[int], thick: int = 2) -> None:
    """Table rules across the whole page."""
    h, w = img.shape[:2]
    for x in xs:
        cv2.line(img, (x, 0), (x, h - 1), INK, thick)
    for y in ys:
        cv2.line(img, (0, y), (w - 1, y), INK, thick)


def _diamond(img: np.ndarray, cx: int, cy: int, rx: int, ry: int, thick: int = 2) -> None:
    pts = np.array([(cx, cy - ry), (cx + rx, cy), (cx, cy + ry), (cx - rx, cy)], np.int32)
    cv2.polylines(img, [pts], True, INK, thick)


def _drawing(img: np.ndarray, dpi: float) -> tuple[list[PixShape], list]:
    """The drawn page degraded lightly as a scan (blur, noise), then its symbols and arrows
    found as scan.py finds them on a page without text: (shapes, arrows as build_arrows
    gives them)."""
    rng = np.random.default_rng(7)
    img = cv2.GaussianBlur(img, (0, 0), 0.6).astype(np.float32)
    gray = cv2.cvtColor(np.clip(img + rng.normal(0, 4, img.shape), 0, 255).astype(np.uint8),
                        cv2.COLOR_RGB2GRAY)
    return find_drawing(binarize(gray, smooth=True), binarize(gray, 225, untint=True), dpi,
                        0.45 * max(gray.shape))


def _arrow_between(found: tuple[list[PixShape], list], first: tuple[int, int],
                   second: tuple[int, int]) -> bool:
    """Whether an arrow runs from the symbol around pixel `first` to the one around
    `second`."""
    shapes, arrows = found

    def at(p: tuple[int, int]) -> int | None:
        return next((n for n, s in enumerate(shapes) if s.box[0] <= p[0] <= s.box[2] and
                     s.box[1] <= p[1] <= s.box[3]), None)
    a, b = at(first), at(second)
    return a is not None and b is not None and any(
        start == a and end == b for _, start, end, _ in arrows)


def test_a_branch_channel_beside_a_table_rule_reaches_its_target():
    """A Tidak branch leaves the diamond to the right, runs down its lane column a few
    pixels beside the column's rule and turns left into its target: all three legs are
    one arrow from the diamond to the target (the arrow was lost before)."""
    dpi = 200.0
    img = _page(1400, 900)  # rules longer than 0.45 of the page are a table's
    _grid(img, [60, 380, 700, 1040], [60, 330, 560, 840], thick=2)
    _diamond(img, 540, 190, 70, 45, 2)
    cv2.rectangle(img, (470, 410), (610, 480), INK, 2)  # Ya: straight down
    cv2.rectangle(img, (470, 660), (610, 730), INK, 2)  # Tidak: round by the channel
    cv2.line(img, (540, 235), (540, 398), INK, 2)
    draw_head(img, (540, 408), 0, 1, 12)
    channel = 700 - 9  # 9 px left of the lane rule: a 4 to 5 px gap between the strokes
    cv2.line(img, (610, 190), (channel, 190), INK, 2)
    cv2.line(img, (channel, 190), (channel, 695), INK, 2)
    cv2.line(img, (channel, 695), (624, 695), INK, 2)
    draw_head(img, (612, 695), -1, 0, 12)
    found = _drawing(img, dpi)
    assert _arrow_between(found, (540, 190), (540, 445))
    assert _arrow_between(found, (540, 190), (540, 695))


def test_a_label_across_a_rule_over_its_branch_line_makes_no_symbol():
    """"Tidak" printed across a lane rule just over the branch line leaving the diamond's
    left corner: the corner of the cell that the rules, the arrow into the diamond, the
    diamond and the branch line close (its bottom left filled by the letters) is no
    off-page connector, and the branch reaches its target."""
    dpi = 200.0
    img = _page(1000, 800)
    _grid(img, [40, 372, 640, 960], [40, 400, 620], thick=2)
    cv2.rectangle(img, (410, 250), (550, 320), INK, 2)  # the step before, one row up
    cv2.line(img, (480, 320), (480, 413), INK, 2)
    draw_head(img, (480, 424), 0, 1, 11)
    _diamond(img, 480, 470, 70, 45, 2)
    cv2.rectangle(img, (120, 220), (260, 290), INK, 2)  # the Tidak target, up in lane 1
    cv2.line(img, (410, 470), (190, 470), INK, 2)
    cv2.line(img, (190, 470), (190, 304), INK, 2)
    draw_head(img, (190, 292), 0, -1, 11)
    cv2.putText(img, "Tidak", (335, 470), cv2.FONT_HERSHEY_SIMPLEX, 0.75, INK, 2,
                cv2.LINE_AA)
    found = _drawing(img, dpi)
    kinds = sorted(s.kind for s in found[0])
    assert kinds == ["decision", "process", "process"], [(s.kind, s.box) for s in found[0]]
    assert _arrow_between(found, (480, 470), (190, 255))


def test_an_open_arrow_head_drawn_bold_is_found():
    """A bold drawing at 150 dpi (strokes about 5 px in the ink, 7 px with their blurred
    edges): an arrow between two boxes with an open head of two strokes. The opening that
    leaves the heads follows the page's measured stroke width (at a fixed 5 px the head
    stayed joined to its shaft), and a stroke as bold as the page's rules is a stroke."""
    dpi = 150.0
    img = _page(800, 600)
    _grid(img, [60, 560, 740], [40, 560], thick=3)  # the table is drawn as bold
    cv2.rectangle(img, (300, 100), (460, 170), INK, 3)
    cv2.rectangle(img, (300, 330), (460, 400), INK, 3)
    cv2.line(img, (380, 170), (380, 328), INK, 3)
    cv2.line(img, (380, 328), (375, 318), INK, 3)
    cv2.line(img, (380, 328), (385, 318), INK, 3)
    found = _drawing(img, dpi)
    assert _arrow_between(found, (380, 135), (380, 365))


def test_a_branch_whose_head_was_not_seen_leaves_the_decision_at_its_side():
    """A Tidak branch from the diamond's right corner round to the right side of a box one
    row up, its head lost (merged into the thick outline of a symbol with a shadow: here
    not drawn, its room left empty): the line from a side corner of a decision, followed
    leg by leg to the symbol it runs into, is the decision's branch to that symbol."""
    dpi = 200.0
    img = _page(1400, 900)
    _grid(img, [60, 380, 700, 1040], [60, 330, 560, 840], thick=2)
    cv2.rectangle(img, (470, 160), (610, 230), INK, 2)  # the Tidak target, one row up
    _diamond(img, 540, 440, 70, 45, 2)
    cv2.line(img, (610, 440), (900, 440), INK, 2)
    cv2.line(img, (900, 440), (900, 195), INK, 2)
    cv2.line(img, (900, 195), (628, 195), INK, 2)  # stops short: the head's room
    found = _drawing(img, dpi)
    assert _arrow_between(found, (540, 440), (540, 195))


def test_the_stroke_width_of_a_page_is_measured_from_its_rules():
    """The usual thickness of the strokes: thin rules read thin, bold ones bold, the same
    whichever way they run."""
    for thick in (2, 4, 6):
        img = np.full((400, 600), 250, np.uint8)
        for y in (50, 150, 250, 350):
            cv2.line(img, (20, y), (580, y), 30, thick)
        for x in (100, 300, 500):
            cv2.line(img, (x, 20), (x, 380), 30, thick)
        ink = binarize(img, smooth=True)
        hmask, vmask = line_masks(binarize(img, 225), 150.0)
        assert abs(stroke_width(ink, hmask, vmask) - (thick + 1)) <= 1, thick


def test_a_word_that_lost_its_first_letter_to_a_rule_takes_it_back():
    """"Tidak Lengkap" printed against a lane rule reads "idak Lengkap" (the T went with
    the rule): the word beginning at the rule takes the letter the document's sure reading
    "tidak" gives it, and is a Tidak label again (so does "erbit": "terbit"); the same
    letters away from a rule stay as read."""
    from sop_desktop.importers.flowread import label_sense

    first = Page(800, 600, 1, words=[Word("Akta", 10, 10, 30, 20, 0.99),
                                     Word("tidak", 35, 10, 60, 20, 0.99),
                                     Word("terbit", 65, 10, 90, 20, 0.99)])
    second = Page(800, 600, 2, words=[Word("idak", 201, 300, 215, 307, 0.9),
                                      Word("Lengkap", 217, 300, 240, 307, 0.98),
                                      Word("idak", 400, 300, 415, 307, 0.9),
                                      Word("erbit", 201, 320, 215, 327, 0.9)],
                  segments=[Segment([(200.0, 100.0), (200.0, 500.0)])])
    respell([first, second])
    assert [w.text for w in second.words] == ["tidak", "Lengkap", "idak", "terbit"]
    assert label_sense(second.words[0].text) == "no"
