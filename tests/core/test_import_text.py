"""The text importer on the real seed SOPs (through the real CLI) and on small crafted inputs."""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from pathlib import Path

import pytest

from sop_desktop.errors import ImportFailed
from sop_desktop.importers import import_file, import_text
from tests.conftest import SEEDS, run_cli

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"

# /work/shared/seeds/README.md: file -> [(NAMA SOP, lanes in order, step count)]
EXPECTED = {
    "000_8efce2505d78da7b.txt": [
        ("Inovasi SI PAHAM (Sistem Pelaporan Aksi HAM)",
         ["Operator", "Kepala Bagian Hukum", "Sekretaris Daerah", "Stakeholder Pelapor"], 9)],
    "001_cf2c3cfdffebc010.txt": [
        ("Kegiatan Pelayanan Komunikasi Masyarakat",
         ["Masyarakat", "Kakanwil", "Kadiv Yankumham", "Kabid HAM",
          "Kasubbid Pelayanan Pengkajian dan Informasi HAM", "Institusi Terkait"], 12),
        ("Kegiatan Diseminasi Hak Asasi Manusia",
         ["Kakanwil", "Kadiv Yankumham", "Kabid HAM", "Kasubbid Pemajuan HAM",
          "Peserta dan Narasumber"], 8),
        ("Kegiatan Penilaian Kabupaten/Kota Peduli HAM",
         ["Menteri Kumham", "Dirjen HAM", "Ka.Kanwil Kumham", "Kadiv Yankum HAM", "Gubernur",
          "Bupati/Walikota", "SKPD", "Tim Penilai"], 2),
        ("Kegiatan Capaian Aksi HAM Pemerintah Daerah",
         ["Kakanwil HAM", "Kadiv Yankumham", "Kabid HAM", "Tim RANHAM Provinsi", "Bappeda"], 6),
    ],
    "002_2acf713e47850fba.txt": [
        ("Percepatan Pelayanan Research and Work Internship melalui SIGAP-SUMSEL",
         ["Admin User", "Admin Kanwil", "Sub Bagian Kepegawaian Tata Usaha dan Rumah Tangga",
          "Duta SIGAP"], 8),
        ("Penyusunan Pagu Anggaran", "KANWIL5", 9),
        ("Pelaksanaan Monev (SMART DJA, e-Monev Bappenas, TARJA, e-Performance)", "KANWIL5", 9),
        ("Pengumpulan Data Capaian Kinerja", "KANWIL5", 9),
        ("Penyusunan Perjanjian Kinerja", "KANWIL5", 9),
        ("Penyusunan Rencana Strategis (Renstra)", "KANWIL5", 10),
        ("Penyusunan Rencana Kerja Tahunan", "KANWIL5", 9),
        ("Penyusunan Sasaran Kinerja Pegawai (SKP)",
         ["Kepala Divisi", "Pejabat Eselon III", "Pejabat Eselon IV", "JFU", "JFT"], 10),
        ("Layanan Keimigrasian Warga Negara Asing melalui Pesan Elektronik",
         ["Petugas Entry dan Scan Kanim", "Petugas Biometric Kanim",
          "Kasubsi Izin Tinggal/Status Keimigrasian", "Kasi Izin Tinggal dan Status Keimigrasian",
          "Petugas Kantor Wilayah", "Kasubid Perizinan", "Kabid Zinfokim", "Kadiv Keimigrasian"],
         18),
        ("Permohonan Izin Magang dan Penelitian", "MAGANG4", 6),
        ("Permohonan Surat Keterangan Selesai Penelitian dan Sertifikat Magang", "MAGANG4", 6),
    ],
    "003_859cd7a664e7f978.txt": [
        ("Pemberian Hak Akses Sistem Aplikasi",
         ["Pemohon", "Ketua Tim Kerja Pengelolaan Sistem Informasi",
          "Anggota Tim Kerja Pengelolaan Sistem Informasi"], 8)],
    "004_344aa2d2252aadda.txt": [
        ("Pelayanan Komunikasi Masyarakat",
         ["Masyarakat", "Tim Yankomas", "Kakanwil", "Kadiv Yankum", "Kabid HAM",
          "Kasubbid Pemajuan HAM", "Institusi Terkait"], 7)],
}
SHARED_LANES = {
    "KANWIL5": ["Kakanwil", "Kadivmin", "Kabag Program dan Humas", "Kasubbag Program dan Pelaporan",
                "JFU/JFT"],
    "MAGANG4": ["Masyarakat / Pemohon", "Layanan Magang dan Penelitian",
                "Petugas Layanan Magang dan Penelitian",
                "Sub Bagian Kepegawaian Tata Usaha dan Rumah Tangga"],
}


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def same_name(printed: str, listed: str) -> bool:
    """The README lists names in its own spelling; the importer keeps them as printed."""
    a, b = _key(printed), _key(listed)
    return a == b or a.startswith(b) or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


@cache
def seed(name: str):
    return import_file(SEEDS / name)


def sop(file: str, name_part: str):
    for defn in seed(file).sops:
        if _key(name_part) in _key(defn.name):
            return defn
    raise AssertionError(f"{name_part} tidak ada di {file}: {[d.name for d in seed(file).sops]}")


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_every_seed_file_imports_through_the_cli(seeds_dir, file):
    proc = run_cli("sop", "import", str(seeds_dir / file), "--dry-run", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    expected = EXPECTED[file]
    assert len(out["sops"]) == len(expected)
    for got, (name, lanes, steps) in zip(out["sops"], expected, strict=False):
        lanes = SHARED_LANES[lanes] if isinstance(lanes, str) else lanes
        assert same_name(got["name"], name) or _key(got["name"]).startswith(
            _key(name)[:20]), (got["name"], name)
        assert len(got["steps"]) == steps, got["name"]
        assert len(got["lanes"]) == len(lanes), (got["lanes"], lanes)
        for printed, listed in zip(got["lanes"], lanes, strict=False):
            assert same_name(printed, listed), (printed, listed)
        for step in got["steps"]:
            assert step["kegiatan"]
            assert "**" not in step["kegiatan"] and "<i>" not in step["kegiatan"]
            assert step["lane"] is None or step["lane"] in got["lanes"]


def test_eighteen_sops_in_all_and_one_fragment(seeds_dir):
    sops = [d for f in EXPECTED for d in seed(f).sops]
    assert len(sops) == 18
    fragments = [d for d in sops if d.incomplete]
    assert [d.name for d in fragments] == [sop("001_cf2c3cfdffebc010.txt", "Penilaian").name]
    frag = fragments[0]
    assert [s.number for s in frag.steps] == [12, 13]
    assert any("fragmen" in w for w in frag.warnings)
    assert any("di atas kolom pelaksana" in w for w in frag.warnings)


def test_identity_with_electronic_signature_and_inline_lists():
    defn = sop("004_344aa2d2252aadda.txt", "Pelayanan Komunikasi")
    ident = defn.identity
    assert ident.nomor == "W.8.OT.02.01-74"
    assert ident.tanggal_pembuatan == "6 MEI 2024" and ident.tanggal_efektif == "6 MEI 2024"
    assert ident.tanggal_revisi == ""
    assert (ident.disahkan_jabatan, ident.disahkan_nama, ident.disahkan_nip) == (
        "KEPALA KANTOR WILAYAH", "SANTOSA", "196507021987031001")
    assert ident.hierarchy == ["KANTOR WILAYAH KEMENTERIAN HUKUM DAN HAM BENGKULU"]
    assert ident.dasar_hukum == [
        "Undang–Undang Nomor 39 Tahun 1999 tentang Hak Asasi Manusia",
        "Undang–Undang Nomor 25 Tahun 2009 tentang Pengelolaan Pengaduan Pelayanan Publik",
        "SOP Nomor HAM-HA.01.07-06 Tahun 2020"]
    assert len(ident.peralatan_perlengkapan) == 11
    assert ident.peralatan_perlengkapan[8:] == ["Musholla", "Kantin",
                                                "Kursi roda bagi penyandang disabilitas"]
    assert ident.keterkaitan == ["SOP Pengelolaan Surat Masuk"]
    assert ident.peringatan and ident.pencatatan_pendataan == []


def test_identity_hierarchy_dashed_lists_and_side_by_side_paragraphs():
    defn = sop("002_2acf713e47850fba.txt", "Research and Work")
    ident = defn.identity
    assert ident.hierarchy == ["KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA",
                               "KANTOR WILAYAH SUMATERA SELATAN", "DIVISI ADMINISTRASI"]
    assert (ident.disahkan_jabatan, ident.disahkan_nama, ident.disahkan_nip) == (
        "KEPALA KANTOR WILAYAH", "HARUN SULIANTO", "196504081987031002")
    assert len(ident.dasar_hukum) == 6 and ident.dasar_hukum[0].startswith("Undang-Undang Nomor 14")
    assert len(ident.kualifikasi_pelaksana) == 3
    assert "*" not in ident.kualifikasi_pelaksana[1]
    assert len(ident.keterkaitan) == 3 and len(ident.peralatan_perlengkapan) == 4
    assert ident.pencatatan_pendataan == ["Disimpan sebagai data secara elektronik dan manual"]
    assert not defn.name.upper().startswith("SOP")


def test_identity_bold_tags_columns_and_lettered_lists():
    defn = sop("000_8efce2505d78da7b.txt", "SI PAHAM")
    ident = defn.identity
    assert defn.name == "INOVASI SI PAHAM (SISTEM PELAPORAN AKSI HAM)"
    assert ident.nomor == "188.45/1/Kum Tahun 2022"
    assert (ident.disahkan_jabatan, ident.disahkan_nama, ident.disahkan_nip) == (
        "Kepala Bagian Hukum", "MUHAMMAD ROJI, S.H.", "198301102010011020")
    assert ident.hierarchy == ["BAGIAN HUKUM SEKRETARIAT DAERAH", "KABUPATEN BALANGAN"]
    assert len(ident.kualifikasi_pelaksana) == 7
    assert ident.peralatan_perlengkapan[:2] == ["Komputer dengan Link SI PAHAM", "Printer"]
    assert ident.keterkaitan == [] and len(ident.peringatan) == 1


def test_identity_office_cell_numbers_inside_items_and_joined_numbering():
    ident = sop("003_859cd7a664e7f978.txt", "Hak Akses").identity
    assert ident.hierarchy == ["KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA", "BPSDM HUKUM DAN HAM",
                               "PUSAT PENILAIAN KOMPETENSI"]
    assert (ident.disahkan_jabatan, ident.disahkan_nama) == ("KEPALA BPSDM HUKUM DAN HAM", "RAZILU")
    assert len(ident.dasar_hukum) == 6
    assert ident.keterkaitan == ["STANDAR OPERASIONAL PROSEDUR FASILITASI PENDAMPINGAN TEKNIS "
                                 "PENGGUNAAN APLIKASI DI BPSDM HUKUM DAN HAM"]
    rkt = sop("002_2acf713e47850fba.txt", "Rencana Kerja Tahunan").identity
    assert len(rkt.dasar_hukum) == 9
    assert rkt.dasar_hukum[4].endswith("Tahun 2020-2024")
    assert rkt.dasar_hukum[5].startswith("Permenpan dan RB Nomor 53 Tahun 2014")
    monev = sop("002_2acf713e47850fba.txt", "Monev").identity
    assert monev.keterkaitan == ["SOP Penyusunan Laporan Capaian Kinerja",
                                 "SOP Penyusunan Laporan Triwulan",
                                 "SOP Penyusunan Laporan Tahunan"]
    assert len(monev.dasar_hukum) == 6
    imigrasi = sop("002_2acf713e47850fba.txt", "Keimigrasian")
    assert imigrasi.identity.hierarchy == ["KEMENTERIAN HUKUM DAN HAM R.I",
                                           "KANTOR WILAYAH SUMATERA SELATAN", "DIVISI KEIMIGRASIAN"]
    assert imigrasi.identity.disahkan_nip == "196901111991031001"
    assert len(imigrasi.identity.kualifikasi_pelaksana) == 4


def test_waktu_values():
    paham = sop("000_8efce2505d78da7b.txt", "SI PAHAM")
    assert paham.step(6).waktu.unit == "hari_kerja" and paham.step(6).waktu.max == 5
    assert paham.step(1).waktu is None
    imigrasi = sop("002_2acf713e47850fba.txt", "Keimigrasian")
    assert (imigrasi.step(1).waktu.max, imigrasi.step(1).waktu.unit) == (30, "detik")
    assert (imigrasi.step(7).waktu.max, imigrasi.step(7).waktu.unit) == (2, "hari")
    sigap = sop("002_2acf713e47850fba.txt", "Research and Work")
    assert (sigap.step(1).waktu.min, sigap.step(1).waktu.max) == (10, 20)
    magang = sop("002_2acf713e47850fba.txt", "Izin Magang")
    assert (magang.step(7).waktu.min, magang.step(7).waktu.max) == (60, 120)
    monev = sop("002_2acf713e47850fba.txt", "Monev")
    assert monev.step(5).waktu.minutes() == 480
    pagu = sop("002_2acf713e47850fba.txt", "Pagu")
    assert (pagu.step(8).waktu.max, pagu.step(8).waktu.unit) == (3, "jam")


def test_shifted_mutu_baku_columns_follow_the_data():
    yankomas = sop("001_cf2c3cfdffebc010.txt", "Pelayanan Komunikasi")
    six = yankomas.step(6)
    assert six.output == "Disposisi dan usulan audiensi"
    assert six.keterangan == "Apabila hasil penelaahan diperlukan audiensi"
    assert yankomas.step(1).waktu.text == "10 menit"
    bengkulu = sop("004_344aa2d2252aadda.txt", "Pelayanan Komunikasi")
    assert bengkulu.step(5).output == "Disposisi dan usulan audiensi"
    assert bengkulu.step(5).keterangan.startswith("Apabila")
    skp = sop("002_2acf713e47850fba.txt", "SKP")
    assert skp.step(1).output.startswith("Matrik Peran Hasil")
    assert skp.step(1).keterangan.startswith("Dialog kinerja")
    imigrasi = sop("002_2acf713e47850fba.txt", "Keimigrasian")
    assert imigrasi.step(3).kelengkapan == "Berkas Dokumen" and imigrasi.step(3).output == ""


def test_page_breaks_gaps_and_misspelt_headers_warn():
    yankomas = sop("001_cf2c3cfdffebc010.txt", "Pelayanan Komunikasi")
    assert [s.number for s in yankomas.steps] == list(range(1, 13))
    assert any("MUTU BARU" in w for w in yankomas.warnings)
    assert yankomas.lane_names[0] == "MASYARAKAT" and yankomas.lane_names[1] == "KAKANWIL"
    imigrasi = sop("002_2acf713e47850fba.txt", "Keimigrasian")
    assert [s.number for s in imigrasi.steps] == list(range(1, 19))
    assert any("Mutu Buku" in w for w in imigrasi.warnings)
    magang = sop("002_2acf713e47850fba.txt", "Izin Magang")
    assert [s.number for s in magang.steps] == [1, 2, 3, 4, 5, 7]
    assert any("melompat dari 5 ke 7" in w for w in magang.warnings)
    paham = sop("000_8efce2505d78da7b.txt", "SI PAHAM")
    assert "Aktor Inovasi" not in paham.lane_names


def test_decisions_from_text_in_sigap():
    sigap = sop("002_2acf713e47850fba.txt", "Research and Work")
    two, three, four = sigap.step(2), sigap.step(3), sigap.step(4)
    assert (two.kind, two.lane, two.yes, two.no) == ("decision", "Admin Kanwil", 3, 1)
    assert sigap.step(1).lane == "Admin User"
    assert (three.kind, three.yes, three.no) == ("decision", 4, 2)
    assert three.lane.startswith("Sub Bagian Kepegawaian")
    assert (four.kind, four.lane, four.no) == ("decision", "DUTA SIGAP", 4)
    assert sigap.steps[0].kind == "start" and sigap.steps[-1].kind == "end"
    for step in (two, three, four):
        assert "Tidak" in step.note


def test_decisions_from_alternatives_and_yt_marks():
    monev = sop("002_2acf713e47850fba.txt", "Monev")
    assert (monev.step(1).kind, monev.step(1).lane) == ("start", "JFU/JFT")
    assert (monev.step(2).kind, monev.step(2).yes, monev.step(2).no) == ("decision", 3, 1)
    assert monev.step(8).kind == "decision" and monev.step(8).yes == 9
    assert (monev.step(9).kind, monev.step(9).lane) == ("end", "JFU/JFT")
    assert monev.step(3).lane == "Kabag Program dan Humas"
    assert "kotak" in monev.step(3).note
    yankomas = sop("001_cf2c3cfdffebc010.txt", "Pelayanan Komunikasi")
    assert [s.number for s in yankomas.steps if s.kind == "decision"] == [6, 9, 11]
    assert yankomas.step(6).no == 5 and "sebelumnya" in yankomas.step(6).note
    diseminasi = sop("001_cf2c3cfdffebc010.txt", "Diseminasi")
    assert diseminasi.step(6).kind == "decision"


def test_magang_sops_have_no_invented_decisions():
    magang = sop("002_2acf713e47850fba.txt", "Izin Magang")
    assert [s.kind for s in magang.steps] == ["start"] + ["process"] * 4 + ["end"]
    assert magang.step(1).lane == "Masyarakat / Pemohon"
    assert magang.step(3).lane == "Petugas Layanan Magang dan Penelitian"


def test_unassigned_lanes_are_flagged_and_named_in_warnings():
    for file in EXPECTED:
        for defn in seed(file).sops:
            for step in defn.steps:
                if step.lane is None:
                    assert "lane_unassigned" in step.flags
                    assert any(f"langkah {step.number}:" in w for w in defn.warnings)
                else:
                    assert step.note, (defn.name, step.number)


def test_crafted_identity_page_break_and_duplicate_row():
    result = import_file(FIXTURES / "dukcapil.txt")
    [defn] = result.sops
    assert defn.name == "PENERBITAN KARTU KELUARGA"
    ident = defn.identity
    assert ident.hierarchy == ["PEMERINTAH KABUPATEN MAJU JAYA",
                               "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
                               "BIDANG PELAYANAN PENDAFTARAN PENDUDUK"]
    assert (ident.disahkan_jabatan, ident.disahkan_nama, ident.disahkan_nip) == (
        "KEPALA DINAS", "Dra. SITI AMINAH, M.Si.", "197001011995032004")
    assert ident.kualifikasi_pelaksana == ["Memahami SIAK", "Mampu mengoperasikan komputer"]
    assert ident.peralatan_perlengkapan == ["Komputer", "Printer"]
    assert ident.keterkaitan == ["SOP Pelayanan Loket"]
    assert [s.number for s in defn.steps] == [1, 2, 3, 4, 5, 6, 7]
    assert any("terulang" in w for w in defn.warnings)
    assert defn.step(7).keterangan == "Diambil di loket"
    assert defn.step(2).kind == "decision" and defn.step(2).no == 1


def test_no_identity_block_uses_the_title():
    [defn] = import_file(FIXTURES / "tanpa_identitas.txt").sops
    assert defn.name == "PENGADUAN LAYANAN AIR BERSIH"
    assert defn.lane_names == ["PELANGGAN", "PETUGAS PENGADUAN", "KEPALA SEKSI DISTRIBUSI"]
    assert any("identitas" in w for w in defn.warnings)
    assert any("MUTU BUKU" in w for w in defn.warnings)
    assert any("melompat dari 2 ke 4" in w for w in defn.warnings)


def test_unreadable_waktu_is_a_warning_naming_sop_step_and_text():
    # one unreadable cell never costs the whole file (issue 15): the step keeps its text
    [defn] = import_file(FIXTURES / "waktu_salah.txt").sops
    [message] = [w for w in defn.warnings if "secepatnya" in w]
    assert "PEMINJAMAN RUANG RAPAT" in message and "langkah 2" in message
    assert "baris 5" in message
    step = defn.step(2)
    assert step.waktu is None and "waktu_unreadable" in step.flags
    assert "secepatnya" in step.keterangan


def test_repeated_step_with_different_text_is_kept_and_warned():
    text = "\n".join([
        "STANDAR OPERASIONAL PROSEDUR ARSIP",
        "No\tKegiatan\tPelaksana\t\tMutu Baku\t\t",
        "\t\tArsiparis\tKepala Subbagian Umum\tKelengkapan\tWaktu\tOutput",
        "1\tArsiparis menerima berkas\t\t\tBerkas\t5 menit\tBerkas",
        "2\tArsiparis mencatat berkas\t\t\tBerkas\t5 menit\tRegister",
        "No\tKegiatan\tPelaksana\t\tMutu Baku\t\t",
        "\t\tArsiparis\tKepala Subbagian Umum\tKelengkapan\tWaktu\tOutput",
        "2\tArsiparis mencatat berkas di buku agenda\t\t\tBerkas\t5 menit\tRegister",
        "3\tKepala Subbagian Umum memeriksa register\t\t\tRegister\t10 menit\tParaf",
    ])
    [defn] = import_text(text, source="arsip.txt").sops
    assert [s.number for s in defn.steps] == [1, 2, 2, 3]
    assert any("terulang dengan isi berbeda" in w for w in defn.warnings)


@pytest.mark.parametrize("text", [
    "",
    "Surat ini bukan SOP.\nTidak ada tabel.\n",
    "No\tNama\tAlamat\n1\tBudi\tJakarta\n",
    # (No / Kegiatan / Pelaksana without Mutu Baku is an SOP since issue 15: see
    # tests/test_import_robust.py)
])
def test_input_without_sop_table_fails_with_one_line(tmp_path, text):
    path = tmp_path / "berkas.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFailed) as err:
        import_file(path)
    assert "berkas.txt" in str(err.value) and "\n" not in str(err.value)


def test_cli_refuses_unknown_input_with_one_line(tmp_path):
    path = tmp_path / "catatan.txt"
    path.write_text("Rapat hari Senin\nNotulen: Budi\n", encoding="utf-8")
    proc = run_cli("sop", "import", str(path), "--dry-run", "--json")
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "catatan.txt baris 1" in lines[0]
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    binary = tmp_path / "gambar.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    proc = run_cli("sop", "import", str(binary), "--dry-run")
    assert proc.returncode != 0 and len(proc.stderr.strip().splitlines()) == 1


def test_single_header_row_and_table_continued_without_header():
    text = "\n".join([
        "SOP PENGELOLAAN SURAT MASUK",
        "No\tUraian Kegiatan\tSekretaris\tKepala Kantor\tStaf Arsip\tKelengkapan\tWaktu\tOutput"
        "\tKeterangan",
        "1\tStaf Arsip menerima dan mencatat surat masuk\t\t\tX\tSurat\t10 menit\tAgenda\t",
        "2\tKepala Kantor mendisposisikan surat kepada Sekretaris\t\tX\t\tAgenda\t1 hari"
        "\tDisposisi\t",
        "",
        "Halaman 2 dari 2",
        "3\tSekretaris menindaklanjuti disposisi\t\t\t\tDisposisi\t2 hari\tSurat balasan"
        "\tsesuai isi disposisi",
    ])
    [defn] = import_text(text, source="surat.txt").sops
    assert defn.name == "PENGELOLAAN SURAT MASUK"
    assert defn.lane_names == ["Sekretaris", "Kepala Kantor", "Staf Arsip"]
    assert [s.lane for s in defn.steps] == ["Staf Arsip", "Kepala Kantor", "Sekretaris"]
    assert defn.step(3).keterangan == "sesuai isi disposisi"
    assert any("tanpa kepala tabel" in w for w in defn.warnings)


def test_duplicate_lane_names_are_made_unique():
    text = "\n".join([
        "STANDAR OPERASIONAL PROSEDUR PENGAMANAN",
        "No\tKegiatan\tPelaksana\t\tMutu Baku\t\t",
        "\t\tPetugas Jaga\tPetugas Jaga\tKelengkapan\tWaktu\tOutput",
        "1\tMemeriksa tamu\t\t\tBuku tamu\t5 menit\tCatatan",
    ])
    [defn] = import_text(text).sops
    assert defn.lane_names == ["Petugas Jaga", "Petugas Jaga (2)"]
    assert any("ganda" in w for w in defn.warnings)


def test_list_items_are_split_by_their_own_numbering():
    from sop_desktop.importers.identity import split_items

    assert split_items(["<ol><li>Komputer</li><li>Printer</li></ol>"]) == ["Komputer", "Printer"]
    assert split_items(["1. UU Nomor 39 Tahun 1999 tentang HAM2. PP Nomor 5 Tahun 2010"]) == [
        "UU Nomor 39 Tahun 1999 tentang HAM", "PP Nomor 5 Tahun 2010"]
    assert split_items(["<ol>1 UU Nomor 5 Tahun 2014 tentang ASN;2 Perpres Nomor 3 Tahun 2015"]) \
        == ["UU Nomor 5 Tahun 2014 tentang ASN", "Perpres Nomor 3 Tahun 2015"]
    assert split_items(["- 1 Laptop", "- 2 Jaringan internet"]) == ["Laptop", "Jaringan internet"]
    assert split_items(["a. Teliti; b. Jujur; c. Tepat waktu"]) == ["Teliti", "Jujur",
                                                                     "Tepat waktu"]
    assert split_items(["<ul> - Printer - Scanner </ul>"]) == ["Printer", "Scanner"]
    assert split_items(["Disimpan sebagai arsip"]) == ["Disimpan sebagai arsip"]
    assert split_items(["-", "  "]) == []
    assert split_items(["1. Ruang rapat lantai 2"]) == ["Ruang rapat lantai 2"]
    # a dangling empty marker at the end of an inline list (seed 003)
    assert split_items(["<ol> 1 SOP Fasilitasi Aplikasi 2 </ol>"]) == ["SOP Fasilitasi Aplikasi"]


def test_signature_lines():
    from sop_desktop.importers.identity import parse_disahkan

    assert parse_disahkan("KEPALA KANTOR WILAYAH Ditandatangani secara elektronik oleh : "
                          "SANTOSA NIP. 19650702 198703 1 001") == (
        "KEPALA KANTOR WILAYAH", "SANTOSA", "196507021987031001")
    assert parse_disahkan("Camat Sukamaju,  <b>Drs. H. ABDUL MALIK</b> NIP 196801011990031005") \
        == ("Camat Sukamaju", "Drs. H. ABDUL MALIK", "196801011990031005")
    assert parse_disahkan("KEPALA DINAS") == ("KEPALA DINAS", "", "")


def test_signature_spread_over_lines():
    text = "\n".join([
        "NOMOR SOP\t: 800/1/2024",
        "DISAHKAN OLEH\t: KEPALA DINAS PERPUSTAKAAN",
        "\tDrs. BUDI HARTONO",
        "\tNIP. 19700101 199503 1 004",
        "NAMA SOP\t: LAYANAN PEMINJAMAN BUKU",
        "",
        "No\tKegiatan\tPelaksana\t\tMutu Baku\t\t",
        "\t\tAnggota\tPustakawan\tKelengkapan\tWaktu\tOutput",
        "1\tAnggota menyerahkan kartu\t\t\tKartu\t1 menit\tData",
        "2\tPustakawan mencatat peminjaman\t\t\tData\t2 menit\tBuku",
    ])
    [defn] = import_text(text).sops
    ident = defn.identity
    assert defn.name == "LAYANAN PEMINJAMAN BUKU" and ident.nomor == "800/1/2024"
    assert (ident.disahkan_jabatan, ident.disahkan_nama, ident.disahkan_nip) == (
        "KEPALA DINAS PERPUSTAKAAN", "Drs. BUDI HARTONO", "197001011995031004")
    assert [s.lane for s in defn.steps] == ["Anggota", "Pustakawan"]


def test_single_rows_shifted_against_the_header_are_read_by_their_content():
    text = "\n".join([
        "STANDAR OPERASIONAL PROSEDUR PENGARSIPAN",
        "No\tKegiatan\tPelaksana\t\tMutu Baku\t\t\tKeterangan",
        "\t\tStaf\tKepala Seksi\tKelengkapan\tWaktu\tOutput\t",
        "1\tStaf menyiapkan berkas\t\t\tBerkas\t10 menit\tDraf\t",
        "2\tKepala Seksi memeriksa berkas\t\t\t15 menit\tParaf\t\t",
        "3\tStaf mengarsipkan\t\t\t\tArsip\t5 menit\tDisimpan\t",
    ])
    [defn] = import_text(text).sops
    assert [(s.kelengkapan, s.waktu.text, s.output) for s in defn.steps] == [
        ("Berkas", "10 menit", "Draf"), ("", "15 menit", "Paraf"), ("Arsip", "5 menit", "Disimpan")]
    assert defn.step(3).keterangan == ""
    assert sum("bergeser satu kolom" in w for w in defn.warnings) == 2
