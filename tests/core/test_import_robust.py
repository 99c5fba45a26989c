"""Issue 15 section 3: never lose a whole file for one detail, and read what real tables also
contain (headers without "No", period units, SOPs without Mutu Baku, short decision wordings,
Ya/Tidak labels a row below, Roman or letter step numbers, lane names over two header rows,
actors read from the main clause).

The text fixtures in tests/fixtures/import/robust_*.txt are written for these tests (offices
and wordings of their own); the workbooks are made here with openpyxl and read back.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from sop_desktop.domain.validate import problems
from sop_desktop.domain.waktu import parse_waktu, read_waktu
from sop_desktop.errors import ImportFailed
from sop_desktop.importers import import_file, import_text
from tests.conftest import run_cli

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


def _steps(defn) -> list[tuple]:
    return [(s.number, s.lane, s.kind) for s in defn.steps]


# ---------------------------------------------------------------- waktu


@pytest.mark.parametrize("text, days", [
    ("1 semester", 132), ("2 semester", 264), ("1 triwulan", 66), ("1 Caturwulan", 88),
    ("1 tahun", 264), ("1-2 tahun", 528), ("setiap triwulan", 66), ("per semester", 132),
    ("Tahunan", 264), ("1 x setahun", 264), ("sebulan", 22), ("3 bulan", 66),
])
def test_period_units_become_working_days_the_case_engine_counts(text, days):
    waktu = parse_waktu(text)
    assert waktu.unit == "hari_kerja" and waktu.max == days and waktu.text == text


def test_two_alternatives_take_the_longer_with_a_warning():
    reading = read_waktu("7 hari dengan bupati; 2 hari dengan Kadin")
    assert (reading.waktu.max, reading.waktu.unit) == (7, "hari")
    assert reading.waktu.text == "7 hari"  # parses again where it is stored as text
    assert "2 pilihan" in reading.problem and "'7 hari'" in reading.problem
    assert not reading.unreadable
    # different units: the longer in time, not the larger number
    reading = read_waktu("45 menit (loket) / 1 hari (daring)")
    assert (reading.waktu.max, reading.waktu.unit) == (1, "hari")


@pytest.mark.parametrize("text, unit", [("3 windu", "windu"), ("2 shift", "shift"),
                                        ("1 sesi", "sesi")])
def test_an_unknown_unit_is_named(text, unit):
    reading = read_waktu(text)
    assert reading.waktu is None and reading.unreadable
    assert f"satuan '{unit}' tidak dikenal" in reading.problem


def test_an_unreadable_waktu_is_kept_as_text_without_a_standard():
    reading = read_waktu("segera setelah berkas diterima")
    assert reading.waktu is None and reading.unreadable
    assert "'segera setelah berkas diterima' tidak dapat dibaca" in reading.problem
    assert read_waktu("15 menit").problem == ""


# ---------------------------------------------------------------- whole files


def test_header_without_no_label_alternatives_periods_and_bad_cells():
    result = import_file(FIXTURES / "robust_kepala_tanpa_no.txt")
    [defn] = result.sops
    assert defn.name == "PENERBITAN IZIN REKLAME" and defn.nomor == "503/88/DPMPTSP/2024"
    assert [s.number for s in defn.steps] == list(range(1, 9))
    assert defn.lane_names == ["Pemohon", "Petugas Front Office", "Tim Teknis", "Kepala Dinas"]
    assert any("tanpa label 'No'" in w for w in defn.warnings)
    waktu = {s.number: s.waktu for s in defn.steps}
    assert (waktu[3].max, waktu[3].unit) == (5, "hari")  # the longer of two alternatives
    assert "2 hari dengan survei; 5 hari tanpa kendaraan dinas" in defn.step(3).keterangan
    assert (waktu[5].max, waktu[6].max, waktu[7].max) == (132, 66, 264)
    for number, text in ((4, "segera"), (8, "3 windu")):
        step = defn.step(number)
        assert step.waktu is None and "waktu_unreadable" in step.flags
        assert text in step.keterangan  # the original text is kept
        assert any(f"langkah {number}:" in w and text in w for w in defn.warnings)
    assert any("satuan 'windu' tidak dikenal" in w for w in defn.warnings)
    # "lengkap/tidak lengkap" and "disetujui atau ditolak" are decisions
    assert [s.number for s in defn.steps if s.kind == "decision"] == [2, 4]
    assert defn.step(2).no == 1 and defn.step(4).yes == 5


def test_sops_without_mutu_baku_columns():
    result = import_file(FIXTURES / "robust_puskesmas_tanpa_mutu.txt")
    rujukan, hamil = result.sops
    assert rujukan.name == "PELAYANAN RUJUKAN PASIEN"
    assert rujukan.lane_names == ["Pasien", "Petugas Pendaftaran", "Dokter", "Perawat"]
    assert [s.lane for s in rujukan.steps] == ["Pasien", "Petugas Pendaftaran", "Dokter",
                                               "Dokter", "Perawat", "Perawat"]
    assert all(s.waktu is None for s in rujukan.steps)
    assert any("tanpa kolom Mutu Baku" in w for w in rujukan.warnings)
    assert hamil.lane_names == ["Ibu Hamil", "Bidan", "Petugas Laboratorium"]
    assert [s.lane for s in hamil.steps] == ["Ibu Hamil", "Bidan", "Petugas Laboratorium",
                                             "Bidan"]
    assert hamil.step(3).keterangan == "Bila ada indikasi"
    for defn in (rujukan, hamil):
        assert problems(defn) == []


def test_roman_numbers_two_row_lane_names_and_labels_a_line_below():
    result = import_file(FIXTURES / "robust_romawi_dua_baris.txt")
    [defn] = result.sops
    assert any("angka Romawi" in w for w in result.warnings)
    assert defn.lane_names == ["Kepala Badan", "Kepala Sub Bagian Umum", "Arsiparis Pelaksana"]
    assert _steps(defn) == [(1, "Arsiparis Pelaksana", "start"),
                            (2, "Kepala Sub Bagian Umum", "decision"),
                            (3, "Kepala Badan", "process"), (4, "Arsiparis Pelaksana", "end")]
    assert (defn.step(4).waktu.max, defn.step(4).waktu.unit) == (88, "hari_kerja")


def test_actor_is_the_subject_of_the_main_clause():
    [defn] = import_file(FIXTURES / "robust_naratif_klausa.txt").sops
    lanes = {s.number: s.lane for s in defn.steps}
    # "..., lalu diteruskan ke Kasi": the recorder acts, Kasi only receives
    assert lanes[2] == "Pengelola Data"
    # "Konsep ... disiapkan, kemudian diparaf oleh Kasi": Kasi is the next actor, not this one
    assert lanes[4] != "Kasi Pendidikan Madrasah"
    # "Setelah konsep diparaf, Kepala Kantor menandatangani": the main clause after the
    # subordinate one
    assert lanes[5] == "Kepala Kantor"
    # a passive main clause: "diserahkan oleh pengelola data kepada pemohon"
    assert lanes[6] == "Pengelola Data"


@pytest.mark.parametrize("wording", ["memeriksa konsep; setuju/ tidak",
                                     "memeriksa konsep, disetujui atau ditolak",
                                     "meneliti kelengkapan: lengkap / belum lengkap",
                                     "menilai berkas (sesuai/tidak)"])
def test_short_decision_wordings(wording):
    text = ("NAMA SOP : UJI KEPUTUSAN\n\nNo\tKegiatan\tPelaksana\t\tMutu Baku\t\t\n"
            "\t\tStaf\tKepala Seksi\tKelengkapan\tWaktu\tOutput\n"
            "1\tStaf menyusun konsep surat\tX\t\tData\t1 jam\tKonsep\n"
            f"2\tKepala Seksi {wording}\t\tX\tKonsep\t30 menit\tKonsep diperiksa\n"
            "3\tStaf mengirim surat\tX\t\tSurat\t10 menit\tSurat terkirim\n")
    [defn] = import_text(text, "uji.txt").sops
    step = defn.step(2)
    assert step.kind == "decision" and (step.yes, step.no) == (3, 1)


def test_plain_check_without_alternatives_is_no_decision():
    text = ("NAMA SOP : UJI\n\nNo\tKegiatan\tPelaksana\t\tWaktu\n\t\tStaf\tKepala\t\n"
            "1\tStaf menyusun konsep\tX\t\t1 jam\n2\tKepala memeriksa konsep\t\tX\t1 jam\n"
            "3\tStaf mengirim surat ke tujuan atau ke arsip\tX\t\t1 jam\n")
    [defn] = import_text(text, "uji.txt").sops
    assert [s.kind for s in defn.steps] == ["start", "process", "end"]


# ---------------------------------------------------------------- workbooks


def _save(tmp_path: Path, rows: list[list], name: str = "sop.xlsx") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP"
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def test_workbook_with_letter_numbers_and_no_header_labels(tmp_path):
    path = _save(tmp_path, [
        ["NAMA SOP", "PEMINJAMAN KENDARAAN DINAS"],
        [],
        [None, None, "Pegawai", "Pengurus Barang", "Kasubbag Umum", "Syarat", "Waktu",
         "Hasil"],
        ["a.", "Pegawai mengisi formulir peminjaman kendaraan", "X", None, None, "Surat tugas",
         "10 menit", "Formulir"],
        ["b.", "Pengurus barang memeriksa ketersediaan kendaraan", None, "X", None, "Formulir",
         "15 menit", "Jadwal"],
        ["c.", "Kasubbag Umum menyetujui peminjaman", None, None, "X", "Jadwal", "1 hari",
         "Persetujuan"],
        ["d.", "Pengurus barang menyerahkan kunci kepada pegawai", None, "X", None,
         "Persetujuan", "5 menit", "Berita acara"],
    ])
    result = import_file(path)
    [defn] = result.sops
    assert defn.name == "PEMINJAMAN KENDARAAN DINAS"
    assert [s.number for s in defn.steps] == [1, 2, 3, 4]
    assert defn.lane_names == ["Pegawai", "Pengurus Barang", "Kasubbag Umum"]
    assert [s.lane for s in defn.steps] == ["Pegawai", "Pengurus Barang", "Kasubbag Umum",
                                            "Pengurus Barang"]
    assert any("huruf" in w for w in result.warnings)
    assert any("tanpa label 'No'" in w for w in defn.warnings)


def test_workbook_labels_on_the_row_after_the_decision(tmp_path):
    path = _save(tmp_path, [
        ["NAMA SOP", "VERIFIKASI DOKUMEN PENCAIRAN"],
        ["No", "Kegiatan", "Pelaksana", None, None, "Mutu Baku", None, None],
        [None, None, "Bendahara", "Verifikator", "PPK", "Kelengkapan", "Waktu", "Output"],
        [1, "Bendahara menyampaikan SPP", "X", None, None, "SPP", "30 menit", "SPP"],
        [2, "Verifikator memeriksa SPP. Apakah dokumen lengkap?", None, "◇", None, "SPP",
         "1 jam", "SPP diperiksa"],
        [3, "PPK menerbitkan SPM", None, "Y", "X", "SPP", "1 hari", "SPM"],
        [4, "Bendahara mengarsipkan SPM", "X", None, None, "SPM", "15 menit", "Arsip"],
    ])
    [defn] = import_file(path).sops
    assert _steps(defn) == [(1, "Bendahara", "start"), (2, "Verifikator", "decision"),
                            (3, "PPK", "process"), (4, "Bendahara", "end")]
    assert any("label Ya/Tidak di baris ini milik keputusan langkah 2" in w
               for w in defn.warnings)


def test_workbook_without_mutu_baku_and_a_bad_waktu_cell_imports(tmp_path):
    path = _save(tmp_path, [
        ["SOP PENANGANAN KELUHAN PELANGGAN"],
        ["No", "Uraian Kegiatan", "Pelaksana", None, "Waktu"],
        [None, None, "Petugas Pengaduan", "Kepala Unit", None],
        [1, "Petugas pengaduan menerima keluhan pelanggan", "X", None, "5 menit"],
        [2, "Kepala unit menindaklanjuti keluhan", None, "X", "sampai selesai"],
        [3, "Petugas pengaduan memberi tahu pelanggan", "X", None, "1 hari"],
    ])
    [defn] = import_file(path).sops
    assert [s.number for s in defn.steps] == [1, 2, 3]
    assert defn.step(2).waktu is None and "waktu_unreadable" in defn.step(2).flags
    assert "sampai selesai" in defn.step(2).keterangan


def test_one_unreadable_table_does_not_cost_the_others(tmp_path):
    good = ("NAMA SOP : {name}\n\nNo\tKegiatan\tPelaksana\t\tWaktu\n\t\tStaf\tKepala\t\n"
            "1\tStaf mencatat surat\tX\t\t5 menit\n2\tKepala membaca surat\t\tX\t10 menit\n")
    # a Pelaksana column of marks only: no lane can be named
    broken = ("NAMA SOP : RUSAK\n\nNo\tKegiatan\tPelaksana\tWaktu\tOutput\n"
              "1\tMenerima berkas\tX\t5 menit\tBerkas\n")
    text = good.format(name="PERTAMA") + "\n" + broken + "\n" + good.format(name="KETIGA")
    result = import_text(text, "campur.txt")
    assert [d.name for d in result.sops] == ["PERTAMA", "KETIGA"]
    assert any("kolom pelaksana" in w and "dilewati" in w for w in result.warnings)
    wb = Workbook()
    first = wb.active
    first.title = "Rusak"
    for line in broken.splitlines():
        first.append(line.split("\t"))
    second = wb.create_sheet("Baik")
    for line in good.format(name="KEDUA").splitlines():
        second.append(line.split("\t"))
    path = tmp_path / "campur.xlsx"
    wb.save(path)
    result = import_file(path)
    assert [d.name for d in result.sops] == ["KEDUA"]
    assert any("lembar 'Rusak'" in w and "dilewati" in w for w in result.warnings)


def test_only_a_file_without_any_sop_table_fails_with_one_line(tmp_path):
    path = tmp_path / "undangan.txt"
    path.write_text("UNDANGAN RAPAT\nHari: Senin\nTempat: Aula\n1\tPembukaan\n"
                    "2\tSambutan\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as err:
        import_file(path)
    assert "undangan.txt" in str(err.value) and "\n" not in str(err.value)
    path = _save(tmp_path, [["Daftar hadir"], ["Nama", "Jabatan"], ["Budi", "Staf"]],
                 "hadir.xlsx")
    with pytest.raises(ImportFailed) as err:
        import_file(path)
    assert "\n" not in str(err.value)


def test_an_imported_sop_with_odd_waktu_cells_round_trips_through_the_library_file():
    from sop_desktop.importers.library import dumps, loads

    [defn] = import_file(FIXTURES / "robust_kepala_tanpa_no.txt").sops
    again = loads(dumps(defn), source="ulang.toml", validate=False)
    assert [s.waktu for s in again.steps] == [s.waktu for s in defn.steps]
    assert [s.flags for s in again.steps] == [s.flags for s in defn.steps]
    text = ("NAMA SOP : UJI\n\nNo\tKegiatan\tPelaksana\t\tWaktu\n\t\tStaf\tKepala\t\n"
            "1\tStaf mencatat surat\tX\t\t14 hari kalender\n"
            "2\tKepala membaca surat\t\tX\tPaling lama 2 hari sejak diterima\n")
    [defn] = import_text(text, "uji.txt").sops
    assert defn.step(1).waktu.text == "14 hari kalender"  # the printed text, and it loads again
    again = loads(dumps(defn), source="ulang.toml", validate=False)
    assert [s.waktu for s in again.steps] == [s.waktu for s in defn.steps]


def test_cli_imports_a_file_with_unreadable_cells_and_says_so():
    done = run_cli("sop", "import", str(FIXTURES / "robust_kepala_tanpa_no.txt"), "--dry-run",
                   "--json")
    assert done.returncode == 0, done.stderr
    [sop] = json.loads(done.stdout)["sops"]
    assert len(sop["steps"]) == 8
    flagged = [s["number"] for s in sop["steps"] if "waktu_unreadable" in s["flags"]]
    assert flagged == [4, 8]


def test_the_agent_of_a_later_clause_acts_next():
    text = ("NAMA SOP : UJI PARAF\n\nNo\tKegiatan\tPelaksana\t\t\tWaktu\n"
            "\t\tStaf Umum\tKepala Seksi\tKepala Bidang\t\n"
            "1\tStaf umum menyusun konsep surat, kemudian diparaf oleh Kepala Seksi\t\t\t\t1 jam\n"
            "2\tMeneruskan konsep yang telah diparaf kepada Kepala Bidang\t\t\t\t10 menit\n"
            "3\tKepala Bidang menandatangani surat\t\t\t\t15 menit\n")
    [defn] = import_text(text, "uji.txt").sops
    assert [s.lane for s in defn.steps] == ["Staf Umum", "Kepala Seksi", "Kepala Bidang"]
    assert "penerima dari langkah 1" in defn.step(2).note
