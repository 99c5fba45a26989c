"""Blind audit of the text and .xlsx importers (issue 15's acceptance on unseen offices'
documents): SOP tables of offices the other fixtures do not have, written the ways those files
come: `pdftotext -layout` text (columns by spaces, lane names wrapped over header lines, page
footers, cells set at the top, middle or bottom of their row), Word copy-paste (a cell's second
paragraph breaking its row), workbooks whose lanes are a symbol, a filled cell, or drawn shapes
glued or not to their connectors, a table going on over a second sheet, Roman step numbers with
"kembali ke langkah I", a lane header with its holder's NIP line, "10 menit s.d 15 menit".

Each document in tests/fixtures/import/unseen (made by make_unseen.py there) has a key written
by hand from the table it is made of; every document must read to its key, in under 3 s.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import PatternFill

from sop_desktop.domain.waktu import parse_waktu, read_waktu
from sop_desktop.importers import import_text, read_sop_file
from sop_desktop.importers.lane_names import clean_lane_name
from sop_desktop.importers.layout_text import text_lines
from tests.core.import_support import key_misses

UNSEEN = Path(__file__).parent.parent / "fixtures" / "import" / "unseen"
KEYS = sorted(UNSEEN.glob("*.json"))


def test_the_documents_cover_the_styles_and_offices():
    keys = [json.loads(p.read_text(encoding="utf-8")) for p in KEYS]
    names = [k["document"] for k in keys]
    assert sum(n.endswith(".txt") for n in names) >= 6
    assert sum(n.endswith(".xlsx") for n in names) >= 6
    for key in keys:
        assert (UNSEEN / key["document"]).is_file()
        assert 5 <= len(key["steps"]) <= 14 and 3 <= len(key["lanes"]) <= 6
        assert any(s["kind"] == "decision" for s in key["steps"])
    assert len({k["nomor"] for k in keys}) == len(keys)


@pytest.mark.parametrize("key_path", KEYS, ids=[p.stem for p in KEYS])
def test_unseen_document_reads_to_its_hand_key(key_path):
    key = json.loads(key_path.read_text(encoding="utf-8"))
    start = time.perf_counter()
    result = read_sop_file(UNSEEN / key["document"])
    assert time.perf_counter() - start < 3.0
    assert key_misses(result, key) == []


# ---------------------------------------------------------------- the rules, one by one

LAYOUT = """\
NAMA SOP : UJI TATA LETAK

                                        Pelaksana                      Mutu Baku
 No   Kegiatan                   Staf        Kepala         Kelengkapan    Waktu      Output
                                 Umum        Bagian
1     Staf umum menyusun          X                         Data           1 hari     Konsep
      konsep surat
2     Kepala bagian menanda                    X            Konsep         1 jam      Surat
      tangani surat
3     Staf umum mengirim surat    X                         Surat          10 menit   Tanda
                                                                                      terima

                                  Halaman 1 dari 1
"""


def test_a_table_laid_out_with_spaces_reads_like_a_tab_separated_one():
    lines = text_lines(LAYOUT)
    assert lines[2].cells[:3] == ["No", "Kegiatan", "Pelaksana"]
    assert "Mutu Baku" in lines[2].cells  # a group title centred over two columns stays whole
    assert lines[3].cells[2:4] == ["Staf Umum", "Kepala Bagian"]  # wrapped names joined
    assert lines[4].blank
    [defn] = import_text(LAYOUT, "uji.txt").sops
    assert defn.lane_names == ["Staf Umum", "Kepala Bagian"]
    assert [s.lane for s in defn.steps] == ["Staf Umum", "Kepala Bagian", "Staf Umum"]
    assert defn.step(3).output == "Tanda terima"  # the page footer is not in it
    assert "Halaman" not in " ".join(s.output + s.kegiatan for s in defn.steps)


def test_a_step_whose_number_stands_below_its_first_line_keeps_its_lines():
    centred = ("No  Kegiatan                        Pemohon    Petugas    Waktu\n"
               "    Pemohon mengisi formulir\n"
               "1   permohonan dan menyerahkan        X                   5 menit\n"
               "    berkas\n"
               "2   Petugas memeriksa berkas                     X        10 menit\n"
               "    Petugas menyerahkan\n"
               "3   surat kepada pemohon                         X        5 menit\n"
               "    di loket\n")
    [defn] = import_text(centred, "tengah.txt").sops
    assert [s.kegiatan for s in defn.steps] == [
        "Pemohon mengisi formulir permohonan dan menyerahkan berkas",
        "Petugas memeriksa berkas", "Petugas menyerahkan surat kepada pemohon di loket"]


def test_tab_and_pipe_tables_are_not_read_as_layout():
    piped = ("| No  | Kegiatan         | Staf  | Waktu   |\n|-----|---|---|---|\n"
             "| 1   | Staf menyusun    | X     | 1 jam   |\n| 2   | Staf mengirim    | X     "
             "| 1 jam   |\n")
    [defn] = import_text(piped, "pipa.txt").sops
    assert [s.kegiatan for s in defn.steps] == ["Staf menyusun", "Staf mengirim"]


def test_a_word_copy_that_broke_a_row_is_put_back_together():
    text = ("No\tKegiatan\tStaf\tKepala\tWaktu\tOutput\tKeterangan\n"
            "1\tStaf menyusun konsep\tX\t\t1 jam\tKonsep\t\n"
            "2\tKepala memeriksa konsep\t\tX\t1 jam\tKonsep diperiksa\tYa: ke langkah 3\n"
            "Tidak: kembali ke langkah 1\n"
            "3\tStaf mengirim\tX\t\t10 menit\tSurat\t\n"
            "4\tStaf mengarsipkan surat\n"
            "dan tanda terima\tX\t\t5 menit\tArsip\t\n")
    [defn] = import_text(text, "salin.txt").sops
    assert [s.number for s in defn.steps] == [1, 2, 3, 4]
    step = defn.step(2)
    assert (step.kind, step.yes, step.no) == ("decision", 3, 1)
    assert defn.step(4).kegiatan == "Staf mengarsipkan surat dan tanda terima"
    assert (defn.step(4).lane, defn.step(4).output) == ("Staf", "Arsip")


def test_a_reference_to_a_roman_step_number_follows_the_renumbering():
    text = ("No\tKegiatan\tStaf\tKepala\tWaktu\tKeterangan\n"
            "I\tStaf menyusun konsep\tX\t\t1 jam\t\n"
            "II\tStaf memeriksa lampiran\tX\t\t1 jam\t\n"
            "III\tKepala menilai konsep; disetujui atau ditolak\t\tX\t1 jam\tJika ditolak "
            "kembali ke langkah I\n"
            "IV\tStaf mengirim surat\tX\t\t1 jam\t\n")
    step = import_text(text, "romawi.txt").sops[0].step(3)
    assert (step.kind, step.yes, step.no) == ("decision", 4, 1)
    assert step.keterangan == "Jika ditolak kembali ke langkah 1"


def test_a_holders_nip_line_is_not_part_of_the_lane_name():
    assert clean_lane_name("Kepala Sekolah NIP. 19750312 200003 1 004") == "Kepala Sekolah"
    assert clean_lane_name("Kasubbag Umum (NIP: 197503122000031004)") == "Kasubbag Umum"
    assert clean_lane_name("Pejabat Pembina Kepegawaian") == "Pejabat Pembina Kepegawaian"


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("10 menit s.d 15 menit", 10, 15, "menit"), ("1 jam - 2 jam", 1, 2, "jam"),
    ("2 hari kerja s/d 3 hari kerja", 2, 3, "hari_kerja"), ("1 bulan s.d 2 bulan", 22, 44,
                                                            "hari_kerja")])
def test_a_range_with_its_unit_at_both_ends_is_one_range(text, low, high, unit):
    waktu = parse_waktu(text)
    assert (waktu.min, waktu.max, waktu.unit, waktu.text) == (low, high, unit, text)
    assert read_waktu(text).problem == ""
    # different units are still two alternatives, the longer taken
    assert read_waktu("10 menit - 1 jam").waktu.unit == "jam"


def test_puskesmas_document_header_gives_nomor_and_name():
    text = ("No. Dokumen\t:\t445/01/PKM\nJudul\t:\tPELAYANAN IMUNISASI\n\n"
            "No\tKegiatan\tBidan\tPerawat\tWaktu\n1\tBidan menyiapkan vaksin\tX\t\t5 menit\n"
            "2\tPerawat menyuntikkan vaksin\t\tX\t5 menit\n")
    [defn] = import_text(text, "pkm.txt").sops
    assert (defn.identity.nomor, defn.name) == ("445/01/PKM", "PELAYANAN IMUNISASI")


def _workbook(tmp_path: Path, fill_header: bool) -> Path:
    wb = Workbook()
    ws = wb.active
    head = ["No", "Kegiatan", "Pemohon", "Petugas", "Kepala", "Waktu", "Output"]
    for c, text in enumerate(head, 1):
        cell = ws.cell(1, c, text)
        if fill_header:
            cell.fill = PatternFill("solid", fgColor="D9D9D9")
    ws.cell(1, 8).fill = PatternFill("solid", fgColor="D9D9D9")  # an empty header cell
    rows = [("Mengajukan permohonan", 0), ("Memeriksa berkas", 1), ("Menandatangani izin", 2),
            ("Menyerahkan izin", 1)]
    for r, (text, lane) in enumerate(rows, 2):
        ws.cell(r, 1, r - 1)
        ws.cell(r, 2, text)
        ws.cell(r, 3 + lane).fill = PatternFill("solid", fgColor="FFC000")
        ws.cell(r, 6, "10 menit")
        ws.cell(r, 7, "Berkas")
    path = tmp_path / "warna.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("fill_header", [False, True])
def test_a_filled_cell_marks_the_lane_and_a_coloured_header_does_not(tmp_path, fill_header):
    [defn] = read_sop_file(_workbook(tmp_path, fill_header)).sops
    assert defn.lane_names == ["Pemohon", "Petugas", "Kepala"]
    assert [s.lane for s in defn.steps] == ["Pemohon", "Petugas", "Kepala", "Petugas"]


def test_a_table_going_on_over_a_second_sheet_without_its_header(tmp_path):
    wb = Workbook()
    first = wb.active
    first.append(["NAMA SOP", "UJI DUA LEMBAR"])
    first.append(["No", "Kegiatan", "Staf", "Kepala", "Waktu"])
    first.append([1, "Staf menyusun konsep", "X", None, "1 jam"])
    first.append([2, "Kepala memeriksa konsep", None, "X", "1 jam"])
    second = wb.create_sheet("Hal 2")
    second.append([3, "Staf mengirim surat", "X", None, "1 jam"])
    second.append([4, "Staf mengarsipkan surat", "X", None, "1 jam"])
    path = tmp_path / "dua.xlsx"
    wb.save(path)
    result = read_sop_file(path)
    [defn] = result.sops
    assert [s.number for s in defn.steps] == [1, 2, 3, 4]
    assert [s.kind for s in defn.steps] == ["start", "process", "process", "end"]
    assert any("lanjutan" in w and "Hal 2" in w for w in result.warnings)
