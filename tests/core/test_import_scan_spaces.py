"""Spaces between words on scanned lines (issue 18): where the recogniser left a space out but
the line itself shows that gap to be a word gap (as wide as a gap it did set a space in, and
at least twice the widest gap inside a word), the words are split: the bold title of a
scanned table, "PENYUSUNANRENCANA KERJA TAHUNAN" before, names the SOP."""

from __future__ import annotations

from pathlib import Path

from sop_desktop.importers import read_sop_file

SCANS = Path(__file__).parent.parent / "fixtures" / "scans"


def test_a_bold_title_keeps_the_space_the_recogniser_left_out():
    result = read_sop_file(SCANS / "rkt_150.jpg")
    assert len(result.sops) == 1
    assert result.sops[0].name.upper() == "PENYUSUNAN RENCANA KERJA TAHUNAN"
