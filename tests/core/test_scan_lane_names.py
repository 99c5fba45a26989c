"""Lane names read from scans (issues 18 and 15): short, abbreviated office titles with dots,
slashes and capitals, often over two lines of the header cell, come back as printed; a lane
name the recogniser misreads by a look-alike letter takes the spelling the document gives it
elsewhere. The picture test reads an SOP of another office's positions exported by
`sop export-image`, the way tests/core/test_import_scan_export.py does."""

from __future__ import annotations

from pathlib import Path

from sop_desktop.flowchart.image import write_flowchart_image
from sop_desktop.importers import read_sop_file
from sop_desktop.importers.geometry import Page, Word
from sop_desktop.importers.lanes import clean_lane_name
from sop_desktop.importers.library import loads
from sop_desktop.importers.scan_spelling import respell

LANES = ["Ka.Kanwil Kumham", "Kasubbag.TU", "JF/JFU", "Kepala Sub Bagian / Tata Usaha",
         "Masyarakat / Pemohon", "Ka. Subbag Umum", "Kasi Pem. & Kesra",
         "Staf Sub.Bag. Keuangan"]

SOP = """
code = "UJI-PELAKSANA"
name = "Penyampaian Surat Masuk"
lanes = [{lanes}]

[[steps]]
number = 1
kegiatan = "Menerima surat masuk dan mencatatnya dalam agenda"
lane = "Masyarakat / Pemohon"
kind = "start"
kelengkapan = "Surat masuk"
waktu = "15 menit"
output = "Agenda surat"

[[steps]]
number = 2
kegiatan = "Meneliti surat dan meneruskan kepada Kasubbag.TU"
lane = "Kasi Pem. & Kesra"
kind = "process"
kelengkapan = "Agenda surat"
waktu = "1 jam"
output = "Lembar disposisi"

[[steps]]
number = 3
kegiatan = "Menandatangani disposisi surat"
lane = "Ka.Kanwil Kumham"
kind = "end"
kelengkapan = "Lembar disposisi"
waktu = "1 hari"
output = "Disposisi"
"""


def test_abbreviated_two_line_lane_names_of_a_picture_read_as_printed(tmp_path: Path):
    """Read wrong before: "Kasubbag-.TU" (the header broke the word before the dot with a
    hyphen) and "Masyarakat /Pemohon" (the ink of the line above bridged the word gap after
    the "/"); the OCR lines of tests/core/test_scan_ocr_words.py show the other cases."""
    lanes = ", ".join(f'{{ name = "{name}" }}' for name in LANES)
    defn = loads(SOP.format(lanes=lanes))
    path = write_flowchart_image(defn, tmp_path / "uji.png", "A4", True, dpi=150)
    [got] = read_sop_file(path).sops
    assert got.lane_names == LANES
    assert [s.lane for s in got.steps] == [s.lane for s in defn.steps]


def test_a_hyphen_before_a_dot_or_slash_only_marks_the_header_break():
    assert clean_lane_name("Kasubbag-.TU") == "Kasubbag.TU"
    assert clean_lane_name("Ka.Subbag- .TU") == "Ka.Subbag.TU"
    assert clean_lane_name("Kasi Pem-/Kesra") == "Kasi Pem/Kesra"
    # a real hyphen stays
    assert clean_lane_name("Admin E-Office") == "Admin E-Office"
    assert clean_lane_name("Kasi - Umum") == "Kasi - Umum"


def _page(*words: tuple[str, float]) -> Page:
    """A page holding the words (text, confidence) on one line each."""
    return Page(800, 600, 1, words=[Word(t, 10, 10 + 12 * n, 60, 20 + 12 * n, c)
                                    for n, (t, c) in enumerate(words)])


def test_a_header_word_misread_by_a_look_alike_letter_takes_the_documents_spelling():
    header = _page(("Tim", 0.98), ("Penilal", 0.93))
    body = _page(("meneruskan", 0.99), ("Penilai,", 0.97))
    assert respell([header, body]) == 1
    assert [w.text for w in header.words] == ["Tim", "Penilai"]
    assert [w.text for w in body.words] == ["meneruskan", "Penilai,"]  # punctuation kept


def test_a_capital_i_read_as_l_stays_a_capital_when_respelled():
    # "Izin" in a lane header, its capital I read as the same tall stroke l: the document's
    # "izin" gives the spelling, the header keeps its capital
    header = _page(("lzin", 0.84), ("Tinggal", 0.98))
    body = _page(("permohonan", 0.99), ("izin", 0.99))
    assert respell([header, body]) == 1
    assert [w.text for w in header.words] == ["Izin", "Tinggal"]


def test_a_sure_reading_or_an_unsure_other_spelling_is_left_alone():
    # both readings sure: two words of the document
    page = _page(("Kasl", 0.97), ("Kasi", 0.98))
    assert respell([page]) == 0
    # the other spelling never read surely
    page = _page(("Penilal", 0.90), ("Penilai", 0.92))
    assert respell([page]) == 0
    # the misreading is itself read surely more often
    page = _page(("Penilal", 0.90), ("Penilal", 0.97), ("Penilai", 0.96))
    assert respell([page]) == 0
    # look-alikes only (i/l, g/q), one letter apart, words of four letters or more
    page = _page(("Penilar", 0.90), ("Penilai", 0.99), ("ml", 0.5), ("mi", 0.99))
    assert respell([page]) == 0
    page = _page(("Keqiatan", 0.93), ("Kegiatan", 0.99))
    assert respell([page]) == 1
    assert page.words[0].text == "Kegiatan"
