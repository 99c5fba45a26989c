"""A table page with one step row (issue 18, scans of Word/Excel-made SOPs): a long SOP's last
page often holds its header and a single step. There the No column (its header cell and the
step's cell, one above the other) and the Keterangan column look like a tall box cut by a line,
which the symbol finder joins as it joins a symbol a connector crosses. Taken for process boxes,
their outlines left the rules, the table lost its first column and the step was not read.

The pages are the last pages of two fixtures printed by LibreOffice (a Word table and an Excel
sheet, tests/fixtures/documents/), rendered and degraded as benchmarks/bench_scan_unseen.py
--set documents degrades them (skew, a stamp and a signature, a slight perspective)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from sop_desktop.importers import read_sop_file
from sop_desktop.importers.scan import scan_page

FIXTURES = Path(__file__).parent.parent / "fixtures"
sys.path.insert(0, str(FIXTURES / "scans"))
from make_scans import degrade, jpeg, render  # noqa: E402

CASES = [  # document, its last page, dpi, degradation, the step on it, its lane
    ("imigrasi_wna_pesan", 4, 200, {"angle": 0.8, "perspective": 0.004, "seed": 134}, 18,
     "Petugas Entry dan Scan Kanim"),
    ("yankomas_kanwil_xlsx", 3, 150, {"angle": -2.1, "seed": 214}, 12,
     "Kasubbid Pelayanan Pengkajian dan Informasi HAM"),
]


def _scan(name: str, index: int, dpi: int, how: dict) -> np.ndarray:
    data = (FIXTURES / "documents" / f"{name}.pdf").read_bytes()
    page = degrade(render(data, index, dpi), stamp=True, signature=True, **how)
    return np.asarray(Image.open(io.BytesIO(jpeg(page, dpi))).convert("RGB"))


@pytest.mark.parametrize(("name", "index", "dpi", "how", "number", "lane"), CASES)
def test_a_page_with_one_step_row_keeps_its_first_and_last_columns(
        name, index, dpi, how, number, lane, tmp_path):
    rgb = _scan(name, index, dpi, how)
    page = scan_page(rgb, dpi)
    lanes = page.lane_columns or []
    assert page.shapes, "the step's symbol is found"
    left = min(w.x0 for w in page.words if w.text == "NO")
    for shape in page.shapes:  # symbols only in the lanes, none in the No or Keterangan column
        assert shape.bbox[0] > left + 40, shape
        assert all(shape.bbox[2] < w.x0 for w in page.words if w.text == "KETERANGAN"), shape
    picture = tmp_path / f"{name}.png"
    Image.fromarray(rgb).save(picture, dpi=(dpi, dpi))
    result = read_sop_file(picture)
    assert len(result.sops) == 1, lanes
    steps = result.sops[0].steps
    assert [s.number for s in steps] == [number]
    assert steps[0].lane == lane
