"""Yellowish paper (issue 18): aged paper or a scanner's warm cast made every pixel look
coloured, so the print was taken for stamp ink and painted out. The page is white-balanced on
its paper first (scan_paper.neutral_paper); white paper is left as it is."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image

from sop_desktop.importers import read_sop_file
from sop_desktop.importers.scan_paper import neutral_paper, paper_colour
from tests.core.import_support import reads_as_bundled

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "scans"))
from make_scans import degrade, render, source_pdf  # noqa: E402

PAPER = np.array([235, 224, 188], np.float32)  # old, yellowed office paper
INK = np.array([40, 38, 36], np.float32)


def _on_paper(white_page: np.ndarray) -> np.ndarray:
    """A page printed on yellowed paper: white becomes the paper, black the ink."""
    share = white_page.astype(np.float32) / 255
    return np.clip(INK + (PAPER - INK) * share, 0, 255).astype(np.uint8)


def test_white_paper_is_left_as_it_is():
    page = np.full((200, 300, 3), 245, np.uint8)
    page[50:60, 20:280] = 20
    assert neutral_paper(page) is page


def test_yellow_paper_is_made_neutral_and_a_stamp_keeps_its_colour():
    page = np.full((200, 300, 3), 255, np.uint8)
    page[50:60, 20:280] = 0
    page = _on_paper(page)
    page[120:140, 100:140] = (110, 40, 150)  # purple stamp ink
    out = neutral_paper(page)
    paper = paper_colour(out)
    assert paper.max() - paper.min() <= 3
    stamp = out[130, 120].astype(int)
    assert stamp.max() - stamp.min() > 80  # still clearly coloured
    assert out[55, 150].max() < 60  # the print stays dark


def test_a_scan_of_a_page_on_yellowed_paper_reads_as_its_source(tmp_path):
    page = _on_paper(render(source_pdf("sop:rkt"), 1, 200))
    path = tmp_path / "kertas_tua.jpg"
    Image.fromarray(degrade(page, angle=0.7, seed=4)).save(path, "JPEG", quality=75,
                                                           dpi=(200, 200))
    reads_as_bundled(read_sop_file(path), "rkt")
