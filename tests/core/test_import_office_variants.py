"""SOP documents laid out the ways other offices lay them out (tests/fixtures/documents,
made by make_documents.py with variants.py): several SOPs in one document, header titles
spelled otherwise, an extra "Dasar Hukum" column, no Keterangan, lane names broken over lines,
waktu as "1 x 24 jam", "30'", "2 HK", "Setiap bulan" or two alternatives, empty output cells,
a decision whose Ya loops back and whose Tidak goes to the end, a table continued without its
header. Each reads (document and its LibreOffice PDF) to its key, through read_sop_file.
"""

from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from sop_desktop.domain.waktu import parse_waktu, read_waktu
from sop_desktop.importers import read_sop_file
from sop_desktop.importers.pdf import read_pdf_pages
from tests.office_documents import document, keys, mismatches

SEVERAL = keys(".docx", several=True) + keys(".xlsx", several=True)
ALL = keys(".docx") + keys(".xlsx") + SEVERAL
# the documents made with variants.py / drawn_layout.Style (the others are read to their keys
# in test_import_docx, test_import_xlsx_shapes and test_import_office_pdf)
VARIANTS = ("renstra_portrait.xlsx", "pagu_anggaran.docx", "capaian_kinerja.docx",
            "izin_magang_xlsx.xlsx", "tiga_sop.docx")
CASES = [pytest.param(key, suffix, id=document(key, suffix).name)
         for key in ALL if key["document"] in VARIANTS for suffix in (None, ".pdf")]


def _steps(key: dict) -> list[dict]:
    return [s for sop in key.get("sops", [key]) for s in sop["steps"]]


def test_the_fixtures_cover_what_other_offices_do():
    assert any(len(key["sops"]) >= 2 for key in SEVERAL)
    assert len(CASES) == 2 * len(VARIANTS)
    steps = [s for key in ALL for s in _steps(key)]
    # a Ya going back (a loop) and a Tidak to the last step
    loops = [s for s in steps if s["kind"] == "decision" and s["yes"] < s["number"]]
    assert loops
    assert any(s["output"] == "" for s in steps)
    waktu = {s["waktu"] for s in steps}
    assert {"1 x 24 jam", "30'", "2 HK", "Setiap bulan", "7 hari"} <= waktu


@pytest.mark.parametrize(("key", "suffix"), CASES)
def test_variant_document_reads_to_its_key(key, suffix):
    assert mismatches(read_sop_file(document(key, suffix)), key) == []


def test_several_sops_in_one_word_document_keep_their_own_lanes():
    key = SEVERAL[0]
    result = read_sop_file(document(key))
    assert [d.name for d in result.sops] == [k["name"] for k in key["sops"]]
    assert [d.lane_names for d in result.sops] == [k["lanes"] for k in key["sops"]]


def test_a_dasar_hukum_column_beside_the_lanes_is_not_a_lane():
    key = next(k for k in keys(".docx") if k["document"] == "pagu_anggaran.docx")
    for suffix in (None, ".pdf"):
        names = read_sop_file(document(key, suffix)).sops[0].lane_names
        assert not any("hukum" in n.lower() for n in names), names
        assert names == key["lanes"]


@pytest.mark.parametrize(("text", "low", "unit"), [("30'", 30, "menit"), ("45\"", 45, "detik"),
                                                   ("15’", 15, "menit")])
def test_minute_and_second_marks_are_read(text, low, unit):
    waktu = parse_waktu(text)
    assert (waktu.min, waktu.max, waktu.unit, waktu.text) == (low, low, unit, text)
    assert parse_waktu(waktu.text) == waktu  # stored text parses again
    assert read_waktu(text).problem == ""


def test_a_mark_that_is_not_after_a_number_is_still_unreadable():
    assert read_waktu("'").unreadable


def test_a_label_written_over_a_cell_rule_stays_one_word(tmp_path):
    """A Ya/Tidak label beside a decision often runs over the lane column's rule: the rule
    through its letters does not cut it (a rule between a number and a text still does)."""
    path = tmp_path / "label.pdf"
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    for x in (100, 200, 300):
        c.line(x, 500, x, 300)
    c.setFont("Helvetica", 7)
    c.drawString(190, 420, "Sesuai")  # over the rule at x=200
    c.drawString(285, 360, "12")  # a number against the rule at 300, text on the other side
    c.drawString(300.5, 360, "Menerima")
    c.showPage()
    c.save()
    [page], _ = read_pdf_pages(path)
    texts = [w.text for w in page.words]
    assert "Sesuai" in texts, texts
    assert "12" in texts and "Menerima" in texts, texts
