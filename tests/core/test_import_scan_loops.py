"""Loops on scanned flowcharts (issue 18, benchmarks/bench_scan_unseen.py --set documents): a
decision's branch that goes back up to an earlier step, drawn by Word or Excel as an elbow
connector whose middle leg lies right over a table rule (the connector routed along a cell's
edge). In the ink that leg is one stroke with the rule, so the arrow traced back from its
head stopped where its leg met the rule, and the branch lost its decision. Each test draws a
small page with cv2, blurs and noises it as a scan and finds its drawing as scan.py does
(`scan_arrows._along`):

- a branch that leaves the diamond's side and runs up over a lane column's rule, then turns
  into the earlier step's box, is one arrow from the diamond to that box;
- a branch that runs up from the diamond and then along a row's rule (of a table too short
  for its rules to be taken as a page's) to the earlier step is one arrow too;
- a column rule that ends on a row rule (a cell's edge, from one rule to the next) is no
  line going on: an arrow that stops on a rule is not tied to whatever symbol lies beyond;
- a loop found while the other branch's end was lost (its target symbol under a stamp or a
  signature) still counts when that other branch's label was read: the loop is the other
  branch, and the lost one is taken from the text (`flowread._branches`); with no label
  read, the text's branches stay.
"""

from __future__ import annotations

import cv2
import numpy as np

from sop_desktop.domain.model import Lane, SopDefinition, Step
from sop_desktop.importers.flowread import Graph, apply_drawing
from sop_desktop.importers.geometry import Arrow, Page, Shape
from sop_desktop.importers.pagetable import Columns, RowOrigin
from sop_desktop.importers.scan_image import binarize
from tests.core.scan_support import PixShape, draw_head, find_drawing

INK = (30, 30, 30)


def _page(width: int, height: int) -> np.ndarray:
    return np.full((height, width, 3), 250, np.uint8)


def _diamond(img: np.ndarray, cx: int, cy: int, rx: int, ry: int) -> None:
    pts = np.array([(cx, cy - ry), (cx + rx, cy), (cx, cy + ry), (cx - rx, cy)], np.int32)
    cv2.polylines(img, [pts], True, INK, 2)


def _drawing(img: np.ndarray, dpi: float, reach: float) -> tuple[list[PixShape], list]:
    """The page degraded lightly as a scan, then its symbols and arrows found as scan.py
    finds them on a page without text."""
    rng = np.random.default_rng(11)
    img = cv2.GaussianBlur(img, (0, 0), 0.6).astype(np.float32)
    gray = cv2.cvtColor(np.clip(img + rng.normal(0, 4, img.shape), 0, 255).astype(np.uint8),
                        cv2.COLOR_RGB2GRAY)
    return find_drawing(binarize(gray, smooth=True), binarize(gray, 225, untint=True), dpi,
                        reach)


def _at(shapes: list[PixShape], p: tuple[int, int]) -> int | None:
    return next((n for n, s in enumerate(shapes) if s.box[0] <= p[0] <= s.box[2] and
                 s.box[1] <= p[1] <= s.box[3]), None)


def _arrow_between(found: tuple[list[PixShape], list], first: tuple[int, int],
                   second: tuple[int, int]) -> bool:
    """Whether an arrow runs from the symbol around pixel `first` to the one around
    `second`."""
    shapes, arrows = found
    a, b = _at(shapes, first), _at(shapes, second)
    return a is not None and b is not None and any(
        start == a and end == b for _, start, end, _ in arrows)


def test_a_loop_over_a_lane_rule_goes_back_to_the_earlier_step():
    """Step 1's box in lane 1, the decision two rows down in lane 2. Its Tidak branch leaves
    the right corner, runs up right over the rule between lanes 2 and 3 and turns left into
    step 1's box; Ya goes straight down. Both are arrows from the decision (the Tidak one
    was an arrow from nowhere into step 1)."""
    dpi = 200.0
    img = _page(1300, 1000)
    for x in (60, 340, 620, 900, 1240):
        cv2.line(img, (x, 40), (x, 960), INK, 2)  # the rules run longer than half the page
    for y in (40, 300, 560, 960):
        cv2.line(img, (60, y), (1240, y), INK, 2)
    cv2.rectangle(img, (130, 135), (270, 205), INK, 2)  # step 1
    _diamond(img, 480, 430, 80, 50)  # the decision
    cv2.rectangle(img, (410, 700), (550, 770), INK, 2)  # the step after it
    cv2.line(img, (480, 480), (480, 688), INK, 2)
    draw_head(img, (480, 698), 0, 1, 12)
    cv2.line(img, (560, 430), (620, 430), INK, 2)  # to the lane rule
    cv2.line(img, (620, 430), (620, 170), INK, 2)  # up over it
    cv2.line(img, (620, 170), (284, 170), INK, 2)  # left into step 1
    draw_head(img, (272, 170), -1, 0, 12)
    found = _drawing(img, dpi, 0.45 * 1300)
    assert _arrow_between(found, (480, 430), (200, 170)), found[1]
    assert _arrow_between(found, (480, 430), (480, 735)), found[1]


def test_a_loop_along_a_row_rule_of_a_short_table_goes_back_to_the_earlier_step():
    """A table in the top third of a tall page (its rules shorter than 0.45 of the page: no
    page-long rules). The Ya branch leaves the decision's right corner, runs up to the rule
    above the decision's row, left along it past the lane rule and up into the bottom of
    step 2's box, one row higher and one lane to the left."""
    dpi = 200.0
    img = _page(1500, 2300)
    for x in (60, 360, 660, 960):
        cv2.line(img, (x, 60), (x, 760), INK, 2)
    for y in (60, 300, 520, 760):
        cv2.line(img, (60, y), (960, y), INK, 2)
    cv2.rectangle(img, (140, 380), (280, 450), INK, 2)  # step 2
    _diamond(img, 510, 640, 80, 50)  # the decision
    cv2.line(img, (590, 640), (700, 640), INK, 2)  # off the right corner
    cv2.line(img, (700, 640), (700, 520), INK, 2)  # up to the row rule
    cv2.line(img, (700, 520), (210, 520), INK, 2)  # along it
    cv2.line(img, (210, 520), (210, 464), INK, 2)  # up into step 2
    draw_head(img, (210, 452), 0, -1, 12)
    found = _drawing(img, dpi, 0.45 * 2300)
    assert _arrow_between(found, (510, 640), (210, 415)), found[1]


def test_a_cell_rule_ending_on_a_row_rule_is_no_line_going_on():
    """An arrow runs down from a box and stops on a row rule (its lower part lost); along
    that rule a short column rule of the header ends on it, running up to the next rule,
    with a box beside its upper end. The arrow does not go on up that cell rule to that
    box: it stays an arrow from nowhere."""
    dpi = 200.0
    img = _page(1300, 1000)
    for x in (60, 1240):
        cv2.line(img, (x, 40), (x, 960), INK, 2)
    for y in (40, 300, 560, 960):
        cv2.line(img, (60, y), (1240, y), INK, 2)
    cv2.line(img, (700, 40), (700, 300), INK, 2)  # a header cell's rule, rule to rule
    cv2.rectangle(img, (712, 52), (852, 122), INK, 2)  # a box beside its top
    cv2.rectangle(img, (300, 700), (440, 770), INK, 2)  # the arrow's target
    cv2.line(img, (370, 300), (370, 688), INK, 2)  # from the rule down into the target
    draw_head(img, (370, 698), 0, 1, 12)
    shapes, arrows = _drawing(img, dpi, 0.45 * 1300)
    target = _at(shapes, (370, 735))
    box = _at(shapes, (780, 87))
    assert target is not None and box is not None, shapes
    into = [(start, end) for _, start, end, _ in arrows if end == target]
    assert into and all(start != box for start, _ in into), arrows


def _looped(label: str) -> Step:
    """Step 4 of a five-step SOP, a decision by its text (Ya to 5, Tidak guessed back to 3),
    after the drawing: from its diamond an arrow labelled `label` whose end was not found,
    and an unlabelled one back up to step 2's box."""
    defn = SopDefinition(name="Uji", lanes=[Lane("Staf"), Lane("Kepala")], steps=[
        Step(1, "Staf menerima berkas", "Staf", kind="start"),
        Step(2, "Staf menyusun konsep", "Staf"),
        Step(3, "Staf menyerahkan konsep", "Staf"),
        Step(4, "Kepala memeriksa konsep, apakah masih ada perbaikan?", "Kepala",
             kind="decision", yes=5, no=3),
        Step(5, "Staf mengarsipkan konsep", "Staf", kind="end"),
    ])
    page = Page(600, 800, 1)
    cols = Columns([0, 40, 200, 400, 600], 0, 1, {2, 3}, [(2, "Staf"), (3, "Kepala")])
    rows = []
    for number, (kind, x) in enumerate([("terminator", 300), ("process", 300),
                                        ("process", 300), ("decision", 500),
                                        ("terminator", 300)], start=1):
        shape = Shape(kind, (x - 30, number * 100, x + 30, number * 100 + 30), "", "", f"s{number}")
        page.shapes.append(shape)
        rows.append(RowOrigin(page, number, number, number * 100 - 10, number * 100 + 50, cols,
                              [shape]))
    for a, b in ((1, 2), (2, 3), (3, 4)):
        page.arrows.append(Arrow([(0, 0), (1, 1)], f"s{a}", f"s{b}"))
    page.arrows.append(Arrow([(500, 430), (500, 480)], "s4", None, label))
    page.arrows.append(Arrow([(530, 415), (560, 415), (560, 215), (330, 215)], "s4", "s2"))
    apply_drawing(defn, rows, Graph([page], rows))
    return defn.step(4)


def test_a_loop_beside_a_labelled_branch_whose_end_was_lost_is_the_other_branch():
    step = _looped("Ya")
    assert (step.kind, step.yes, step.no) == ("decision", 5, 2)
    step = _looped("Tidak")
    assert (step.kind, step.yes, step.no) == ("decision", 2, 3)
    step = _looped("")  # nothing read: which branch the loop is stays unknown
    assert (step.kind, step.yes, step.no) == ("decision", 5, 3)
