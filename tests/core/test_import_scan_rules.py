"""Table rules on scans of Word/Excel-made SOPs (issue 18, benchmarks/bench_scan_unseen.py
--set documents): small pages drawn with cv2 and blurred as a 150-dpi scan is, their drawing
found as scan.py finds it.

- a kegiatan line printed against the No|Kegiatan column rule, its letters blurred into one
  band and joined to the rule by its first letter, is text, not a thick horizontal rule:
  the text box whose end stops short of the rule is widened onto it and its ink taken out
  (`scan_draw.remove_text`); before, the band stayed in the drawing as a "rule", and the
  rule mask then erased the line from the text (the step's kegiatan lost);
- a line that crosses such a box and runs on past its end (a row rule, an arrow through
  its label) is kept;
- step numbers printed against a rule neither move it nor widen it (`scan_draw.pieces`:
  the middle and thickness of the stroke along most of its length), so the mask that
  takes the rule out of the text leaves the digits' last columns.
"""

from __future__ import annotations

import cv2
import numpy as np

from sop_desktop.importers.scan import scan_page
from sop_desktop.importers.scan_draw import line_masks, pieces, remove_text
from sop_desktop.importers.scan_image import binarize

DPI = 200


def _ruled_row(text: str) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """(grey page, the detector's box of the text line): a column rule at x = 100, a row rule
    over the row, a step number printed left of the column rule and a bold text line whose
    first letter touches it on the right, blurred so the letters run into one band."""
    gray = np.full((300, 900), 235, np.uint8)
    cv2.line(gray, (100, 20), (100, 280), 60, 3)
    cv2.line(gray, (20, 150), (880, 150), 60, 3)
    cv2.putText(gray, "2", (84, 200), cv2.FONT_HERSHEY_SIMPLEX, 0.45, 90, 1)
    cv2.putText(gray, text, (101, 200), cv2.FONT_HERSHEY_SIMPLEX, 0.5, 90, 2)
    gray = cv2.GaussianBlur(gray, (0, 0), 1.0)
    ink = binarize(gray, 225, untint=True)
    ys, xs = np.nonzero(ink[185:205, 103:])
    # the detector's box stops a few pixels short of the rule the first letter touches
    return gray, (105, 185 + int(ys.min()) - 2, 103 + int(xs.max()) + 3, 185 + int(ys.max()) + 3)


def test_a_text_line_joined_to_a_column_rule_is_no_horizontal_rule():
    gray, box = _ruled_row("Menugaskan anggota tim melakukan")
    ink = binarize(gray, 225, untint=True)
    drawn = remove_text(ink, [box], DPI)
    hmask, vmask = line_masks(drawn, DPI)
    rows = [round(p.y0) for p in pieces(hmask, True, DPI) if p.x1 - p.x0 >= 0.2 * DPI]
    assert rows == [150]  # the row rule only, not the text line at y ~ 196
    columns = [(round(p.x0), round(p.y0), round(p.y1)) for p in pieces(vmask, False, DPI)]
    assert len(columns) == 1 and abs(columns[0][0] - 100) <= 1
    assert columns[0][2] - columns[0][1] >= 250  # the column rule stays whole
    assert not drawn[box[1] + 1:box[3] - 1, 104:box[2]].any()  # the letters are gone


def test_a_line_crossing_a_text_box_and_running_on_is_kept():
    """A rule through a text box that a vertical rule meets (a label printed on a line)
    stays in the drawing; only what stops at the box's ends is text."""
    gray = np.full((300, 900), 235, np.uint8)
    cv2.line(gray, (100, 20), (100, 280), 60, 3)
    cv2.line(gray, (20, 190), (880, 190), 60, 3)
    cv2.putText(gray, "Ya", (300, 185), cv2.FONT_HERSHEY_SIMPLEX, 0.5, 90, 2)
    gray = cv2.GaussianBlur(gray, (0, 0), 1.0)
    ink = binarize(gray, 225, untint=True)
    drawn = remove_text(ink, [(96, 172, 330, 196)], DPI)
    hmask, _ = line_masks(drawn, DPI)
    found = [p for p in pieces(hmask, True, DPI) if abs(p.y0 - 190) <= 2]
    assert found and found[0].x0 <= 25 and found[0].x1 >= 875


def test_the_kegiatan_printed_against_the_column_rule_is_read():
    """The whole scan route on a small page: the text of the row is read (before, its
    blurred band was taken for a rule and erased from the text)."""
    gray, _ = _ruled_row("Menugaskan anggota tim melakukan")
    page = scan_page(cv2.cvtColor(gray, cv2.COLOR_GRAY2RGB), DPI)
    row = sorted((w for w in page.words if 180 * 72 / DPI < w.cy < 210 * 72 / DPI),
                 key=lambda w: w.x0)
    words = [w.text for w in row if w.x0 > 100 * 72 / DPI]
    assert words == ["Menugaskan", "anggota", "tim", "melakukan"], words


def test_print_touching_one_side_of_a_rule_does_not_move_or_widen_it():
    """Step numbers printed against the left of a column rule, row after row, join its
    stroke mask there. The rule is placed at the middle of its own stroke and as thick as
    it is along most of its length (not pulled towards the numbers and widened by them), so
    the mask that takes it out of the text leaves the numbers' last columns to be read."""
    mask = np.zeros((600, 200), np.uint8)
    mask[20:580, 100:104] = 255  # the rule: columns 100-103, middle 101.5
    for y in range(60, 560, 50):
        mask[y:y + 14, 92:100] = 255  # a digit's ink against it
    found = pieces(mask, False, DPI)
    assert len(found) == 1
    assert abs(found[0].x0 - 101.5) <= 0.5, found[0].x0
    assert found[0].thick <= 4.5, found[0].thick
