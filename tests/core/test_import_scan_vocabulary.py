"""Office words on scanned documents (issue 18): a lane header the recogniser read with a thin
letter swapped or "m" as "rn" ("Kakanwli", "Pernohon") takes the office's spelling; words that
are no office word, and short words, are left as read. End to end: a black-and-white office
copier scan (CCITT group 4 TIFF, 200 dpi) of a bundled SOP's table page reads its lanes."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image

from sop_desktop.importers import read_sop_file
from sop_desktop.importers.geometry import Page, Word
from sop_desktop.importers.scan_vocabulary import office_spelling
from tests.core.import_support import reads_as_bundled

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "scans"))
from make_scans import degrade, render, source_pdf  # noqa: E402


def _page(*texts: str) -> Page:
    return Page(800, 600, 1, words=[Word(t, 10 + 60 * i, 10, 60 + 60 * i, 20, 0.9)
                                    for i, t in enumerate(texts)])


def test_look_alike_letters_in_office_words_take_the_office_spelling():
    page = _page("Kakanwli", "KAKANWLL", "Pernohon", "Kadivrnin", "(Kasubbaq)", "Sekcarn,")
    assert office_spelling([page]) == 6
    assert [w.text for w in page.words] == ["Kakanwil", "KAKANWIL", "Pemohon", "Kadivmin",
                                            "(Kasubbag)", "Sekcam,"]


def test_other_words_short_words_and_office_words_stay_as_read():
    texts = ["Kakanwil", "Pemohon", "bila", "Tlm", "menyiapkan", "Kelurahan", "2024", "l1l1l"]
    page = _page(*texts)
    assert office_spelling([page]) == 0
    assert [w.text for w in page.words] == texts


def test_a_black_and_white_copier_scan_reads_the_lanes_of_its_source(tmp_path):
    degraded = degrade(render(source_pdf("sop:rkt"), 1, 200), angle=1.0, seed=5)
    gray = np.asarray(Image.fromarray(degraded).convert("L"))
    path = tmp_path / "salinan.tif"
    Image.fromarray(((gray > 150) * 255).astype(np.uint8)).convert("1").save(
        path, "TIFF", compression="group4", dpi=(200, 200))
    reads_as_bundled(read_sop_file(path), "rkt")
