"""More real-office layouts (issue 15): several SOPs in one workbook (one per sheet, or one
below the other on one sheet), lane names abbreviated as offices write them ("Ka. Subbag TU",
"JFU / Pengadministrasi", "Kepala\\nBidang" over two lines, a name ending in a dot), each read
from the document and from its LibreOffice PDF to its key; and a "/" followed by a space where
a printed line wraps ("surat masuk/ keluar") kept through `sop export-pdf` and back.
"""

from __future__ import annotations

import copy
import zipfile

import pytest

from sop_desktop.flowchart.pdf import sop_pdf_bytes
from sop_desktop.importers import read_sop_file
from sop_desktop.importers.geometry import Page, Word
from sop_desktop.importers.lanes import clean_lane_name
from sop_desktop.importers.library import bundled_sop_dir, load
from sop_desktop.importers.linejoin import join_words, share_spellings, text_lines
from tests.office_documents import document, key_named, mismatches

WORKBOOKS = ("tiga_sop_lembar.xlsx", "dua_sop_selembar.xlsx")
ABBREVIATED = ("pelaksana_singkat.docx", "pelaksana_singkat_xlsx.xlsx")
CASES = [pytest.param(name, suffix, id=f"{name}{suffix or ''}")
         for name in WORKBOOKS + ABBREVIATED for suffix in (None, ".pdf")]


@pytest.mark.parametrize(("name", "suffix"), CASES)
def test_new_layout_reads_to_its_key(name, suffix):
    key = key_named(name)
    assert mismatches(read_sop_file(document(key, suffix)), key) == []


def test_one_sop_per_sheet_each_with_its_own_drawing():
    key = key_named("tiga_sop_lembar.xlsx")
    with zipfile.ZipFile(document(key)) as zf:
        drawings = [n for n in zf.namelist() if n.startswith("xl/drawings/drawing")]
    assert len(key["sops"]) == 3 and len(drawings) == 3
    result = read_sop_file(document(key))
    assert [d.name for d in result.sops] == [k["name"] for k in key["sops"]]
    assert [d.lane_names for d in result.sops] == [k["lanes"] for k in key["sops"]]
    assert len(result.pages) == 3  # a grid page per sheet, for the review screen


def test_two_sops_stacked_on_one_sheet_keep_their_own_lanes_and_branches():
    key = key_named("dua_sop_selembar.xlsx")
    with zipfile.ZipFile(document(key)) as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheets == ["xl/worksheets/sheet1.xml"]
    first, second = key["sops"]
    assert first["lanes"] != second["lanes"]
    for suffix in (None, ".pdf"):
        sops = read_sop_file(document(key, suffix)).sops
        assert [d.lane_names for d in sops] == [first["lanes"], second["lanes"]]
        loops = [[(s.number, s.yes, s.no) for s in d.steps if s.kind == "decision"]
                 for d in sops]
        assert loops == [[(s["number"], s["yes"], s["no"]) for s in k["steps"]
                          if s["kind"] == "decision"] for k in (first, second)]
        assert all(loop for loop in loops)


def test_abbreviated_lane_names_come_back_as_written():
    for name in ABBREVIATED:
        key = key_named(name)
        assert "Kepala Bidang" in key["lanes"] and "Ka. Subbag TU" in key["lanes"]
        assert any(lane.endswith(".") for lane in key["lanes"])
        for suffix in (None, ".pdf"):
            got = read_sop_file(document(key, suffix)).sops[0]
            assert got.lane_names == key["lanes"], (name, suffix)


def test_an_acronym_after_a_word_is_not_joined_to_it():
    assert clean_lane_name("Kadiv Yankum HAM") == "Kadiv Yankum HAM"
    assert clean_lane_name("Kabid HAM") == "Kabid HAM"
    # words the extraction broke still join back
    assert clean_lane_name("KAKAN WIL") == "KAKANWIL"
    assert clean_lane_name("Kakan wil") == "Kakanwil"


# ------------------------------------------------------------------ "/" at a line end

SLASHED = {
    0: ("Mencatat surat masuk/ keluar pada buku agenda dan meneruskan surat masuk/ keluar "
        "kepada pimpinan", "Berkas usulan/ permohonan", "Agenda surat masuk/ keluar"),
    1: ("Memeriksa berkas permohonan/ usulan dari unit kerja dan/ atau instansi terkait",
        "PC/Latop/Smartphone, Koneksi Internet", "Laporan bulanan/ triwulanan"),
    2: ("Mengunggah laporan ke https://contoh.go.id/layanan-publik/administrasi/pengaduan "
        "dan menyampaikan kepada pimpinan", "Berkas usulan/ permohonan", "Tanda terima"),
}


def _slashed_definition():
    defn = copy.deepcopy(load(bundled_sop_dir() / "sipaham-balangan.toml"))
    for i, (kegiatan, kelengkapan, output) in SLASHED.items():
        step = defn.steps[i]
        step.kegiatan, step.kelengkapan, step.output = kegiatan, kelengkapan, output
    return defn


def _alone_after_slash(result) -> set[str]:
    """The words ending in "/" printed alone on their line in their table cell."""
    out = set()
    for page in result.pages:
        xs = page.columns
        for line in text_lines(page.words) if xs else []:
            cols = [sum(1 for x in xs if x <= w.cx) for w in line]
            out |= {w.text for w, c in zip(line, cols, strict=True)
                    if w.text.endswith("/") and cols.count(c) == 1}
    return out


@pytest.mark.parametrize(("paper", "landscape"), [("A4", True), ("A4", False), ("F4", True),
                                                  ("F4", False)])
def test_a_space_after_a_slash_at_a_line_end_survives_the_pdf_round_trip(tmp_path, paper,
                                                                          landscape):
    """The exporter wraps "masuk/ keluar" or "bulanan/ triwulanan" right after the "/", in a
    narrow column with "bulanan/" alone on its line: the space comes back; a slashed chain or
    an address the exporter broke inside ("PC/Latop/" + "Smartphone", a web address) comes
    back without one."""
    defn = _slashed_definition()
    path = tmp_path / "garis_miring.pdf"
    path.write_bytes(sop_pdf_bytes(defn, paper, landscape))
    result = read_sop_file(path)
    got = result.sops[0]
    for i in SLASHED:
        for field in ("kegiatan", "kelengkapan", "output"):
            want = getattr(defn.steps[i], field)
            assert " ".join(getattr(got.steps[i], field).split()) == want, (i, field)
    # on paper "bulanan/" alone on its line, "triwulanan" under it, looks like one word
    # broken after its "/" (the case the reader must decide)
    assert "bulanan/" in _alone_after_slash(result)


def _cell(*lines: str, width: float = 40.0) -> list[Word]:
    """Words of a cell printed one line per string, 5 pt a letter, 10 pt a line."""
    out = []
    for n, line in enumerate(lines):
        x = 0.0
        for text in line.split():
            out.append(Word(text, x, 10.0 * n, x + 5 * len(text), 10.0 * n + 7))
            x += 5 * len(text) + 2
    return out


def test_a_break_after_a_slash_follows_how_the_document_writes_the_pair():
    cell = _cell("masuk/", "keluar")
    assert join_words(cell, 44.0) == "masuk/ keluar"  # text: the space is kept
    assert join_words(cell, 44.0, names=True) == "masuk/keluar"  # a position's name
    glued = Page(600, 800, 1, words=cell + [Word("masuk/keluar", 300, 500, 360, 507)])
    share_spellings([glued])
    assert join_words(cell, 44.0, glued) == "masuk/keluar"
    spaced = Page(600, 800, 1, words=cell + [Word("Bupati/", 300, 500, 335, 507),
                                             Word("Walikota", 337, 500, 377, 507)])
    names = _cell("Bupati/", "Walikota")
    share_spellings([spaced])
    assert join_words(names, 44.0, spaced, names=True) == "Bupati/ Walikota"
    # a slashed chain or an address broken by the writer has no space, whatever the default
    assert join_words(_cell("PC/Latop/", "Smartphone,"), 50.0) == "PC/Latop/Smartphone,"
    assert join_words(_cell("https://a.id/", "layanan"), 60.0) == "https://a.id/layanan"
    # both halves fitting one line were two words: the space stays
    assert join_words(_cell("dan/", "atau"), 60.0, names=True) == "dan/ atau"
