"""A lane the text could not give but the drawing did leaves no warning behind: the review
lists only what is still open."""

from __future__ import annotations

import pytest

from sop_desktop.importers import read_sop_file
from tests.office_documents import document, keys

DRAWN = keys(".docx") + keys(".xlsx")


@pytest.mark.parametrize("key", DRAWN, ids=lambda k: k["document"])
@pytest.mark.parametrize("suffix", [None, ".pdf"], ids=["office", "printed"])
def test_lanes_found_in_the_drawing_leave_no_lane_warning(key, suffix):
    result = read_sop_file(document(key, suffix))
    defn = result.sops[0]
    open_lanes = {s.number for s in defn.steps if s.lane is None}
    for warning in defn.warnings + result.warnings:
        if "pelaksana tidak dapat ditentukan" in warning:
            number = int(warning.split("langkah ", 1)[1].split(":", 1)[0])
            assert number in open_lanes, warning
    assert all(s.lane for s in defn.steps)  # the keys give every step a lane
