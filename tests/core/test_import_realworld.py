"""Real-world layouts of SOP AP tables: what offices' PDFs and workbooks look like.

The .xlsx fixtures tests/fixtures/import/real_*.xlsx are written by the builders below
(`python -m tests.core.test_import_realworld` rewrites them); every workbook test runs on the
committed file and on a freshly built one, read back from disk by the real importer.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Border, Side

from sop_desktop.errors import ImportFailed
from sop_desktop.importers import import_file, import_text
from tests.conftest import run_cli

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


def _identity(ws, row0: int, ident) -> int:
    """Identity block as offices lay it out in the sheet: office left, labels + values right."""
    ws.cell(row0, 1, "PEMERINTAH KOTA SEJAHTERA")
    ws.merge_cells(start_row=row0, start_column=1, end_row=row0, end_column=3)
    ws.cell(row0 + 1, 1, "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM")
    ws.merge_cells(start_row=row0 + 1, start_column=1, end_row=row0 + 1, end_column=3)
    r = row0
    for label, value in ident:
        ws.cell(r, 5, label)
        ws.cell(r, 6, ":")
        ws.cell(r, 7, value)
        ws.merge_cells(start_row=r, start_column=7, end_row=r, end_column=10)
        r += 1
    return r


def cuti_sheet(ws, name="Pengajuan Cuti Tahunan", nomor="800/123/BKPSDM/2023"):
    r = _identity(ws, 1, [
        ("NOMOR SOP", nomor),
        ("TGL PEMBUATAN", dt.datetime(2023, 3, 1)),
        ("TGL REVISI", None),
        ("TGL EFEKTIF", dt.date(2023, 4, 3)),
        ("DISAHKAN OLEH", "KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM"),
        ("NAMA SOP", name.upper()),
    ])
    r += 1
    ws.cell(r, 1, "DASAR HUKUM:")
    ws.cell(r, 6, "KUALIFIKASI PELAKSANA:")
    ws.cell(r + 1, 1, "1. Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen PNS")
    ws.cell(r + 1, 6, "1. Memahami ketentuan cuti PNS")
    r += 4
    head = r
    ws.cell(head, 1, "NO")
    ws.cell(head, 3, "KEGIATAN")
    ws.cell(head, 4, "PELAKSANA")
    ws.merge_cells(start_row=head, start_column=4, end_row=head, end_column=7)
    ws.cell(head, 8, "MUTU BAKU")
    ws.merge_cells(start_row=head, start_column=8, end_row=head, end_column=10)
    ws.cell(head, 11, "KETERANGAN")
    ws.merge_cells(start_row=head, start_column=1, end_row=head + 1, end_column=1)
    ws.merge_cells(start_row=head, start_column=3, end_row=head + 1, end_column=3)
    ws.merge_cells(start_row=head, start_column=11, end_row=head + 1, end_column=11)
    for col, text in zip(range(4, 11), ["Pegawai", "Kepala Sub Bagian Umum dan Kepegawaian",
                                        "Sekretaris", "Kepala Badan", "Kelengkapan",
                                        "Waktu", "Output"], strict=False):
        ws.cell(head + 1, col, text)
    rows = [
        (1.0, "Pegawai mengajukan permohonan cuti dengan mengisi formulir", "√", 4,
         "Formulir cuti", "15 menit", "Formulir terisi"),
        ("2.", "Kepala Sub Bagian Umum dan Kepegawaian memeriksa sisa cuti", "●", 5,
         "Formulir terisi, buku cuti", "30 menit", "Hasil pemeriksaan"),
        (None, "dan kelengkapan permohonan", None, None, None, None, None),
        ("3)", "Sekretaris memberi paraf persetujuan; apabila tidak setuju dikembalikan kepada "
         "Kepala Sub Bagian Umum dan Kepegawaian", "◊", 6, "Hasil pemeriksaan", "1 x 24 jam",
         "Paraf"),
        (4, "Kepala Badan menandatangani surat izin cuti", "■", 7, "Konsep surat izin cuti",
         "± 15 menit", "Surat izin cuti"),
        (5.0, "Pegawai menerima surat izin cuti", "Selesai", 4, "Surat izin cuti",
         "10 menit", "Tanda terima"),
    ]
    r = head + 2
    hidden = None
    for no, keg, mark, col, kel, waktu, out in rows:
        ws.cell(r, 1, no)
        ws.cell(r, 3, keg)
        if mark:
            ws.cell(r, col, mark)
        ws.cell(r, 8, kel)
        ws.cell(r, 9, waktu)
        ws.cell(r, 10, out)
        r += 1
        if no == 4:
            # a hidden row left from an earlier version: not printed, not read
            ws.cell(r, 1, 5)
            ws.cell(r, 3, "Langkah lama yang disembunyikan")
            ws.cell(r, 9, "bukan waktu")
            hidden = r
            r += 1
    ws.row_dimensions[hidden].hidden = True
    # a formatted but empty trailing area (borders far to the right and below)
    thin = Side(style="thin")
    ws.cell(200, 40).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.cell(150, 30, "")
    return ws


def marks_workbook():
    """Identity on its own sheet; table on the next, starting at column B, lanes known only
    from their marks (symbols and shape names), Waktu (Jam) with bare numbers and a number
    formatted as `0 "menit"`, a hidden helper column, and a hidden sheet."""
    wb = Workbook()
    ident = wb.active
    ident.title = "Identitas"
    rows = [("NOMOR SOP", "09/SOP/DISKOMINFO/2024"), ("TANGGAL PEMBUATAN", dt.date(2024, 1, 8)),
            ("TANGGAL REVISI", "-"), ("TANGGAL EFEKTIF", dt.date(2024, 2, 1)),
            ("DISAHKAN OLEH", "Kepala Dinas Komunikasi dan Informatika"),
            ("NAMA SOP", "Pengelolaan Pengaduan Layanan Jaringan"),
            ("DASAR HUKUM", "1. Peraturan Presiden Nomor 95 Tahun 2018 tentang SPBE"),
            ("PERALATAN/PERLENGKAPAN", "Komputer, aplikasi helpdesk")]
    for n, (label, value) in enumerate(rows, start=2):
        ident.cell(n, 2, label)
        ident.cell(n, 3, value)
    ws = wb.create_sheet("Sheet2")
    head = 3
    ws.cell(2, 2, "PROSEDUR")
    ws.cell(head, 2, "No")
    ws.cell(head, 3, "Uraian Kegiatan")
    ws.cell(head, 4, "Pelaksana")
    ws.merge_cells(start_row=head, start_column=4, end_row=head, end_column=6)
    ws.cell(head, 7, "catatan kerja")  # hidden helper column
    ws.cell(head, 8, "Mutu Baku")
    ws.merge_cells(start_row=head, start_column=8, end_row=head, end_column=10)
    ws.cell(head, 11, "Ket")
    for col, text in zip((4, 5, 6, 8, 9, 10),
                         ("Operator Helpdesk", "Teknisi Jaringan", "Kepala Seksi\nInfrastruktur",
                          "Kelengkapan", "Waktu (Jam)", "Output"), strict=False):
        ws.cell(head + 1, col, text)
    steps = [
        (1, "Menerima laporan gangguan jaringan", 4, "Mulai", "Laporan", 1, "Tiket"),
        (2, "Menganalisis penyebab gangguan", 5, "v", "Tiket", "1-2", "Hasil analisis"),
        (3, "Menilai perlu tidaknya penggantian perangkat", 6, "Keputusan", "Hasil analisis",
         0.5, "Keputusan"),
        (4, "Memperbaiki perangkat jaringan", 5, "Proses", "Perangkat", 4, "Jaringan normal"),
        (5, "Mengganti perangkat jaringan", 5, "X", "Perangkat baru", 30, "Jaringan normal"),
        (6, "Menutup tiket dan melapor", 4, "Selesai", "Laporan perbaikan", None, "Tiket ditutup"),
    ]
    for n, (no, keg, col, mark, kel, waktu, out) in enumerate(steps):
        r = head + 2 + n
        ws.cell(r, 2, no)
        ws.cell(r, 3, keg)
        ws.cell(r, col, mark)
        ws.cell(r, 7, "cek")
        ws.cell(r, 8, kel)
        ws.cell(r, 9, waktu)
        ws.cell(r, 10, out)
        if no == 5:
            ws.cell(r, 9).number_format = '0 "menit"'
    ws.column_dimensions["G"].hidden = True
    secret = wb.create_sheet("Arsip Lama")
    secret.sheet_state = "hidden"
    secret.cell(1, 1, "No")
    secret.cell(1, 2, "Kegiatan")
    return wb


def narrative_workbook():
    """A village office's narrative table: one "Pelaksana" column naming each step's actor,
    step numbers "1)", a kegiatan wrapped over two rows, identity in the first rows, a
    `Sheet1` title and a trailing empty area."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.cell(1, 1, "PEMERINTAH DESA SUKAJAYA")
    ws.cell(3, 1, "NAMA SOP")
    ws.cell(3, 2, ": Pelayanan Surat Pengantar SKCK")
    ws.cell(4, 1, "NOMOR SOP")
    ws.cell(4, 2, ": 140/05/DS/2024")
    ws.cell(5, 1, "TGL EFEKTIF")
    ws.cell(5, 2, dt.datetime(2024, 5, 20))
    head = 8
    for col, text in enumerate(["NO", "KEGIATAN", "PELAKSANA", "PERSYARATAN", "WAKTU",
                                "OUTPUT", "KET"], start=1):
        ws.cell(head, col, text)
    rows = [
        ("1)", "Mengajukan permohonan surat pengantar SKCK", "Pemohon", "KTP, KK", "5 menit",
         "Berkas"),
        ("2)", "Memeriksa berkas dan mengetik surat", "Kaur Pemerintahan", "Berkas",
         "15 menit", "Konsep surat"),
        (None, "pengantar SKCK", None, None, None, None),
        ("3)", "Menandatangani surat pengantar", "Kepala Desa", "Konsep surat",
         dt.time(0, 10), "Surat pengantar"),  # "0:10" typed into the cell: a time value
        ("4)", "Menyerahkan surat pengantar kepada pemohon", "Kaur Pemerintahan",
         "Surat pengantar", "5 menit", "Tanda terima"),
    ]
    for n, values in enumerate(rows):
        for col, value in enumerate(values, start=1):
            ws.cell(head + 1 + n, col, value)
    ws.cell(300, 20, "")
    return wb


WORKBOOKS = {
    "real_bkpsdm_gabung.xlsx": lambda: _two_sheets(),
    "real_diskominfo_tanda.xlsx": marks_workbook,
    "real_desa_naratif.xlsx": narrative_workbook,
}


def _two_sheets():
    """One SOP per sheet, plus an empty sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Cuti"
    cuti_sheet(ws)
    cuti_sheet(wb.create_sheet("Izin Belajar"), "Pemberian Izin Belajar", "800/124/BKPSDM/2023")
    wb.create_sheet("Kosong")
    return wb


def write_fixtures(folder: Path = FIXTURES) -> None:
    """(Re)write the committed workbook fixtures."""
    for name, build in WORKBOOKS.items():
        build().save(folder / name)


# ---------------------------------------------------------------- helpers


def steps_of(sop) -> dict[int, object]:
    return {s.number: s for s in sop.steps}


def waktu_of(step) -> tuple | None:
    return None if step.waktu is None else (step.waktu.text, step.waktu.min, step.waktu.max,
                                            step.waktu.unit)


@pytest.fixture(params=["berkas", "dibuat"])
def workbook(request, tmp_path):
    """Path factory: the committed fixture, or the same workbook freshly built and saved."""
    def get(name: str) -> Path:
        if request.param == "berkas":
            return FIXTURES / name
        path = tmp_path / name
        WORKBOOKS[name]().save(path)
        return path
    return get


# ---------------------------------------------------------------- text (PDF extraction)


def test_upper_case_header_with_group_cells_column_numbers_and_long_lane_titles():
    result = import_file(FIXTURES / "real_dinas_huruf_besar.txt")
    assert len(result.sops) == 1
    assert not any("tanpa baris langkah" in w for w in result.warnings)
    sop = result.sops[0]
    assert sop.name == "PELAYANAN IZIN REKLAME"
    ident = sop.identity
    assert ident.nomor == "503/012/DPMPTSP/2023"
    assert ident.tanggal_pembuatan == "2 Januari 2023"
    assert ident.tanggal_revisi == ""
    assert ident.tanggal_efektif == "16 Januari 2023"
    assert (ident.disahkan_jabatan, ident.disahkan_nama, ident.disahkan_nip) == (
        "KEPALA DINAS", "Ir. SITI RAHMAH, M.T.", "197503122000032004")  # "ttd" is no name
    assert ident.hierarchy == ["PEMERINTAH KABUPATEN SUKA MAKMUR",
                               "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU"]
    assert len(ident.dasar_hukum) == 2 and len(ident.kualifikasi_pelaksana) == 2
    assert sop.lane_names == ["Pemohon", "Petugas Front Office",
                              "Pejabat Fungsional Analis Kebijakan",
                              "Kepala Sub Bagian Tata Usaha"]
    steps = steps_of(sop)
    assert list(steps) == [1, 2, 3, 4, 5]  # "1." and "3)" are step numbers
    assert steps[2].kegiatan == ("Petugas Front Office memeriksa kelengkapan berkas permohonan; "
                                 "apabila tidak lengkap dikembalikan kepada pemohon")
    assert [steps[n].lane for n in steps] == ["Pemohon", "Petugas Front Office",
                                              "Pejabat Fungsional Analis Kebijakan",
                                              "Kepala Sub Bagian Tata Usaha",
                                              "Petugas Front Office"]
    assert steps[1].kelengkapan == "Formulir permohonan, KTP"
    assert steps[3].output == "Hasil kajian"
    assert steps[3].keterangan == "Survei lapangan bila perlu"
    assert waktu_of(steps[1]) == ("± 15 menit", 15, 15, "menit")
    assert waktu_of(steps[3]) == ("1 x 24 jam", 1, 1, "hari")
    assert steps[2].kind == "decision" and (steps[2].yes, steps[2].no) == (3, 1)


def test_waktu_unit_written_in_the_header_applies_to_bare_numbers_with_a_warning():
    sop = import_file(FIXTURES / "real_waktu_satuan_kepala.txt").sops[0]
    steps = steps_of(sop)
    assert waktu_of(steps[1]) == ("30 menit", 30, 30, "menit")
    assert waktu_of(steps[2]) == ("120 menit", 120, 120, "menit")
    assert waktu_of(steps[3]) == ("15-30 menit", 15, 30, "menit")
    assert waktu_of(steps[4]) == ("10 menit", 10, 10, "menit")  # a cell with its own unit
    assert [s.lane for s in sop.steps] == ["Pengelola Arsip", "Pengelola Arsip",
                                           "Kasubbag Umum", "Sekretaris"]
    # the branch is written in the Keterangan column
    assert steps[3].kind == "decision" and (steps[3].yes, steps[3].no) == (4, 2)
    notes = [w for w in sop.warnings if "kepala kolom 'Waktu (Menit)'" in w]
    assert len(notes) == 1  # once per SOP, not once per row


def test_bare_number_without_any_unit_is_one_clear_line():
    text = ("NAMA SOP : UJI\n\nNo\tKegiatan\tPelaksana\t\tMutu Baku\t\t\n"
            "\t\tStaf\tKepala\tKelengkapan\tWaktu\tOutput\n"
            "1\tStaf menerima berkas\tX\t\tBerkas\t5\tBerkas\n")
    [sop] = import_text(text, "uji.txt").sops  # a warning on the step, not a lost file
    [message] = [w for w in sop.warnings if "waktu '5'" in w]
    assert "\n" not in message and "waktu_unreadable" in sop.steps[0].flags
    assert message.startswith("uji.txt baris 5: SOP 'UJI' langkah 1: waktu '5'")
    assert "WAKTU (MENIT)" in message


def test_calendar_days_read_as_days_keeping_the_printed_text():
    text = ("NAMA SOP : UJI\n\nNo\tKegiatan\tPelaksana\t\tMutu Baku\t\t\n"
            "\t\tStaf\tKepala\tKelengkapan\tWaktu\tOutput\n"
            "1\tStaf menerima berkas\tX\t\tBerkas\t3 hari kalender\tBerkas\n"
            "2\tKepala menandatangani\t\tX\tBerkas\t1 Hari Kalender\tSurat\n")
    sop = import_text(text).sops[0]
    assert [waktu_of(s) for s in sop.steps] == [("3 hari kalender", 3, 3, "hari"),
                                                ("1 Hari Kalender", 1, 1, "hari")]


def test_waktu_that_says_no_fixed_standard_is_none_with_the_text_kept():
    text = ("NAMA SOP : UJI\n\nNo\tKegiatan\tPelaksana\t\tMutu Baku\t\t\t\n"
            "\t\tStaf\tKepala\tKelengkapan\tWaktu\tOutput\tKeterangan\n"
            "1\tStaf menyiapkan bahan rapat\tX\t\tBahan\tTentatif\tBahan rapat\t\n"
            "2\tKepala memimpin rapat\t\tX\tBahan rapat\tSesuai jadwal\tNotula\tRapat pimpinan\n"
            "3\tStaf mengarsipkan notula\tX\t\tNotula\t10 menit\tArsip\t\n")
    sop = import_text(text).sops[0]
    one, two, three = sop.steps
    assert (one.waktu, two.waktu) == (None, None)
    assert one.keterangan == "Waktu: Tentatif"
    assert two.keterangan == "Rapat pimpinan; Waktu: Sesuai jadwal"
    assert (one.output, two.output) == ("Bahan rapat", "Notula")  # columns did not move
    assert waktu_of(three) == ("10 menit", 10, 10, "menit")
    assert sum("bukan standar waktu" in w for w in sop.warnings) == 2


def test_narrative_table_with_one_pelaksana_column_names_the_lanes():
    sop = import_file(FIXTURES / "real_pelaksana_satu_kolom.txt").sops[0]
    assert sop.name == "PELAYANAN SURAT KETERANGAN DOMISILI"
    assert sop.lane_names == ["Pemohon", "Kaur Umum", "Sekretaris Desa"]
    assert [s.lane for s in sop.steps] == ["Pemohon", "Kaur Umum", "Kaur Umum",
                                           "Sekretaris Desa", "Kaur Umum"]
    steps = steps_of(sop)
    assert steps[2].kind == "decision" and steps[2].no == 1
    assert steps[4].keterangan == "Atas nama Kepala Desa"
    assert steps[1].kelengkapan == "KTP, KK, surat pengantar RT/RW"
    assert any("satu kolom 'Pelaksana'" in w for w in sop.warnings)


def test_rows_shifted_one_column_from_the_header_are_realigned_with_their_continuations():
    text = ("NAMA SOP : UJI\n\nNo\tKegiatan\tPelaksana\t\tMutu Baku\t\t\tKet\n"
            "\t\tStaf\tKepala\tKelengkapan\tWaktu\tOutput\t\n"
            "\t1\tStaf menerima berkas\tX\t\tBerkas\t5 menit\tTanda terima\n"
            "\t\tdan mencatatnya\t\t\tdan agenda\t\t\n"
            "\t2\tKepala menandatangani surat\t\tX\tKonsep\t1 jam\tSurat\n")
    sop = import_text(text).sops[0]
    one, two = sop.steps
    assert (one.kegiatan, one.kelengkapan, one.output) == (
        "Staf menerima berkas dan mencatatnya", "Berkas dan agenda", "Tanda terima")
    assert (one.lane, two.lane) == ("Staf", "Kepala")
    assert waktu_of(two) == ("1 jam", 1, 1, "jam")
    assert sum("bergeser satu kolom dari kepala" in w for w in sop.warnings) == 1


def test_markdown_pipe_table_from_a_pdf_to_text_tool():
    sop = import_file(FIXTURES / "real_markdown_pipa.txt").sops[0]
    assert sop.name == "Penerbitan Surat Tugas Perjalanan Dinas"  # NAMA PROSEDUR label
    assert sop.identity.nomor == "094/015/SEKRE/2024"
    assert sop.identity.tanggal_efektif == "2 Mei 2024"
    assert sop.lane_names == ["Pegawai", "Kepala Sub Bagian Umum", "Sekretaris"]
    assert [s.number for s in sop.steps] == [1, 2, 3, 4]  # under a "TAHAPAN" header
    assert sop.steps[1].kegiatan == "Menyiapkan konsep surat tugas dan SPPD"  # <br> kept apart
    assert [s.lane for s in sop.steps] == ["Pegawai", "Kepala Sub Bagian Umum", "Sekretaris",
                                           "Pegawai"]
    assert sop.steps[2].keterangan == "Dapat diwakilkan"
    assert [s.output for s in sop.steps][-1] == "Surat tugas diterima"


def test_step_numbers_written_inside_the_kegiatan_cell():
    sop = import_file(FIXTURES / "real_nomor_di_kegiatan.txt").sops[0]
    assert sop.name == "PENYUSUNAN LAPORAN KEUANGAN BULANAN"  # JUDUL SOP label
    assert [s.number for s in sop.steps] == [1, 2, 3]
    # the numbered list inside step 1 stays its text, it does not become steps
    assert sop.steps[0].kegiatan == ("Bendahara menghimpun bukti transaksi bulan berjalan: "
                                     "1) kuitansi dan nota 2) rekening koran")
    assert sop.steps[1].kegiatan == "Kasubbag Keuangan menyusun laporan keuangan bulanan"
    assert [s.lane for s in sop.steps] == ["Bendahara", "Kasubbag Keuangan", "Sekretaris"]
    assert [waktu_of(s)[3] for s in sop.steps] == ["hari", "hari", "hari"]
    assert any("nomor langkah tertulis di kolom Kegiatan" in w for w in sop.warnings)


def test_sub_steps_stay_with_their_step_and_add_up_their_waktu():
    text = ("NAMA SOP : UJI\n\nNo\tKegiatan\tPelaksana\t\tMutu Baku\t\t\n"
            "\t\tStaf\tKepala\tKelengkapan\tWaktu\tOutput\n"
            "1\tStaf menerima berkas\tX\t\tBerkas\t5 menit\tBerkas\n"
            "2\tStaf memeriksa berkas:\tX\t\tBerkas\t\tBerkas diperiksa\n"
            "2.a\tmemeriksa identitas\tX\t\tKTP\t5 menit\tBerkas diperiksa\n"
            "2.b\tmemeriksa surat pengantar\tX\t\tSurat pengantar\t10 menit\t\n"
            "3\tKepala menandatangani surat\t\tX\tKonsep\t1 jam\tSurat\n")
    sop = import_text(text).sops[0]
    assert [s.number for s in sop.steps] == [1, 2, 3]
    two = sop.steps[1]
    assert two.kegiatan == ("Staf memeriksa berkas: 2.a memeriksa identitas "
                            "2.b memeriksa surat pengantar")
    assert two.kelengkapan == "Berkas KTP Surat pengantar"
    assert two.output == "Berkas diperiksa"
    assert waktu_of(two) == ("15 menit", 15, 15, "menit")
    assert sum("sub-langkah" in w for w in sop.warnings) == 2


def test_table_without_step_numbers_is_one_clear_line():
    text = ("No\tKegiatan\tPelaksana\t\tWaktu\n\t\tStaf\tKepala\t\n"
            "\tStaf menerima berkas\tX\t\t5 menit\n")
    with pytest.raises(ImportFailed) as exc:
        import_text(text, "uji.txt")
    assert str(exc.value) == ("uji.txt baris 1: tabel SOP tidak berisi baris langkah bernomor "
                              "(kolom No kosong atau tidak berisi angka)")


def test_a_pelaksana_column_of_marks_only_is_a_clear_error():
    text = ("No\tKegiatan\tPelaksana\tWaktu\tOutput\n"
            "1\tMenerima berkas\tX\t5 menit\tBerkas\n")
    with pytest.raises(ImportFailed) as exc:
        import_text(text, "uji.txt")
    assert "\n" not in str(exc.value) and "kolom pelaksana" in str(exc.value)


# ---------------------------------------------------------------- xlsx


def test_merged_headers_identity_in_sheet_one_sop_per_sheet(workbook):
    result = import_file(workbook("real_bkpsdm_gabung.xlsx"))
    assert [s.name for s in result.sops] == ["PENGAJUAN CUTI TAHUNAN", "PEMBERIAN IZIN BELAJAR"]
    assert [s.identity.nomor for s in result.sops] == ["800/123/BKPSDM/2023",
                                                       "800/124/BKPSDM/2023"]
    # the hidden row of each sheet is reported, not read; the empty sheet says nothing
    assert sum("baris tersembunyi diabaikan" in w for w in result.warnings) == 2
    assert not any("Kosong" in w for w in result.warnings)
    sop = result.sops[0]
    ident = sop.identity
    assert ident.tanggal_pembuatan == "1 Maret 2023"  # a real Excel date
    assert ident.tanggal_efektif == "3 April 2023"
    assert ident.tanggal_revisi == ""
    assert ident.disahkan_jabatan == "KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM"
    assert ident.disahkan_nama == ""
    assert ident.hierarchy == ["PEMERINTAH KOTA SEJAHTERA",
                               "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM"]
    assert ident.dasar_hukum == ["Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen PNS"]
    assert ident.kualifikasi_pelaksana == ["Memahami ketentuan cuti PNS"]
    assert sop.lane_names == ["Pegawai", "Kepala Sub Bagian Umum dan Kepegawaian",
                              "Sekretaris", "Kepala Badan"]
    steps = steps_of(sop)
    assert list(steps) == [1, 2, 3, 4, 5]  # 1.0, "2.", "3)", 4, 5.0
    assert not any("disembunyikan" in s.kegiatan for s in sop.steps)
    assert steps[2].kegiatan == ("Kepala Sub Bagian Umum dan Kepegawaian memeriksa sisa cuti "
                                 "dan kelengkapan permohonan")
    assert [steps[n].lane for n in steps] == ["Pegawai", "Kepala Sub Bagian Umum dan Kepegawaian",
                                              "Sekretaris", "Kepala Badan", "Pegawai"]
    assert steps[2].kelengkapan == "Formulir terisi, buku cuti"
    assert steps[4].output == "Surat izin cuti"
    assert waktu_of(steps[3]) == ("1 x 24 jam", 1, 1, "hari")
    assert steps[3].kind == "decision" and (steps[3].yes, steps[3].no) == (4, 2)
    assert steps[5].kind == "end"
    assert "lembar 'Izin Belajar'" in result.sops[1].source


def test_identity_sheet_marks_and_shapes_hidden_column_and_sheet(workbook):
    result = import_file(workbook("real_diskominfo_tanda.xlsx"))
    assert len(result.sops) == 1
    sop = result.sops[0]
    assert any("lembar 'Identitas' berisi identitas" in w for w in result.warnings)
    assert any("kolom tersembunyi diabaikan" in w for w in result.warnings)
    assert any("'Arsip Lama' tersembunyi" in w for w in result.warnings)
    assert sop.name == "Pengelolaan Pengaduan Layanan Jaringan"
    assert sop.identity.nomor == "09/SOP/DISKOMINFO/2024"
    assert sop.identity.tanggal_pembuatan == "8 Januari 2024"
    assert sop.identity.peralatan_perlengkapan == ["Komputer, aplikasi helpdesk"]
    # the hidden "catatan kerja" column is no lane; a wrapped lane title is one name
    assert sop.lane_names == ["Operator Helpdesk", "Teknisi Jaringan",
                              "Kepala Seksi Infrastruktur"]
    steps = steps_of(sop)
    # the kegiatan texts name nobody: the lanes come from the marks alone
    assert [steps[n].lane for n in steps] == ["Operator Helpdesk", "Teknisi Jaringan",
                                              "Kepala Seksi Infrastruktur", "Teknisi Jaringan",
                                              "Teknisi Jaringan", "Operator Helpdesk"]
    assert steps[1].kind == "start" and steps[6].kind == "end"
    assert steps[3].kind == "decision" and steps[3].yes == 4  # "Keputusan" in a lane cell
    assert steps[4].kind == "process"  # "Proses"
    # Waktu (Jam) header over bare numbers; a cell formatted `0 "menit"` keeps its unit
    assert waktu_of(steps[1]) == ("1 jam", 1, 1, "jam")
    assert waktu_of(steps[2]) == ("1-2 jam", 1, 2, "jam")
    assert waktu_of(steps[3]) == ("0.5 jam", 0.5, 0.5, "jam")
    assert waktu_of(steps[5]) == ("30 menit", 30, 30, "menit")
    assert steps[6].waktu is None
    assert steps[2].kelengkapan == "Tiket" and steps[2].output == "Hasil analisis"


def test_narrative_workbook_with_wrapped_kegiatan(workbook):
    sop = import_file(workbook("real_desa_naratif.xlsx")).sops[0]
    assert sop.name == "Pelayanan Surat Pengantar SKCK"
    assert sop.identity.nomor == "140/05/DS/2024"
    assert sop.identity.tanggal_efektif == "20 Mei 2024"
    assert sop.lane_names == ["Pemohon", "Kaur Pemerintahan", "Kepala Desa"]
    assert [s.number for s in sop.steps] == [1, 2, 3, 4]
    assert sop.steps[1].kegiatan == "Memeriksa berkas dan mengetik surat pengantar SKCK"
    assert [s.lane for s in sop.steps] == ["Pemohon", "Kaur Pemerintahan", "Kepala Desa",
                                           "Kaur Pemerintahan"]
    assert [waktu_of(s) for s in sop.steps][1:3] == [("15 menit", 15, 15, "menit"),
                                                     ("10 menit", 10, 10, "menit")]


def test_formatted_empty_area_far_below_the_table_is_not_an_error(tmp_path, monkeypatch):
    # the limits scaled down so the workbook stays small; the rule is the same
    monkeypatch.setattr("sop_desktop.importers.xlsx.MAX_ROWS", 300)
    wb = Workbook()
    ws = wb.active
    for row in (["No", "Kegiatan", "Pelaksana", None, "Waktu", "Output"],
                [None, None, "Staf", "Kepala", None, None],
                [1, "Staf mengetik konsep surat", "X", None, "30 menit", "Konsep"],
                [2, "Kepala menandatangani surat", None, "X", "10 menit", "Surat"]):
        ws.append(row)
    thin = Side(style="thin")
    for r in range(5, 601):  # borders drawn down a whole print area: more rows than allowed
        ws.cell(r, 1).border = Border(left=thin)
    path = tmp_path / "panjang.xlsx"
    wb.save(path)
    sop = import_file(path).sops[0]
    assert [s.number for s in sop.steps] == [1, 2]


def test_sheet_title_names_an_sop_without_identity(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "SOP Surat Keluar"
    for row in (["No", "Kegiatan", "Pelaksana", None, "Waktu", "Output"],
                [None, None, "Staf", "Kepala", None, None],
                [1, "Staf mengetik konsep surat", "X", None, "30 menit", "Konsep"],
                [2, "Kepala menandatangani surat", None, "X", "10 menit", "Surat"]):
        ws.append(row)
    path = tmp_path / "surat.xlsx"
    wb.save(path)
    sop = import_file(path).sops[0]
    assert sop.name == "Surat Keluar"
    assert any("nama lembar 'SOP Surat Keluar'" in w for w in sop.warnings)
    assert [s.lane for s in sop.steps] == ["Staf", "Kepala"]


def test_identity_without_any_table_is_one_clear_line(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["NAMA SOP", "Pengelolaan Barang"])
    ws.append(["NOMOR SOP", "1/2024"])
    path = tmp_path / "identitas.xlsx"
    wb.save(path)
    with pytest.raises(ImportFailed) as exc:
        import_file(path)
    assert "\n" not in str(exc.value) and "tidak ditemukan tabel SOP" in str(exc.value)


def _docx(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<document/>")


@pytest.mark.parametrize("name, make, expected", [
    ("sop.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj"), "berkas PDF"),
    ("sop.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(600)), "format .xls"),
    ("sop.docx", _docx, "bukan dokumen Word (.docx)"),  # read since issue 15: a broken one is named
])
def test_other_office_formats_are_named_in_one_line(tmp_path, name, make, expected):
    path = tmp_path / name
    make(path)
    with pytest.raises(ImportFailed) as exc:
        import_file(path)
    assert str(exc.value).startswith(f"{name}: {expected}")
    assert "\n" not in str(exc.value)


def test_cli_imports_a_real_world_workbook_and_warns_of_bad_waktu_without_traceback(tmp_path):
    done = run_cli("sop", "import", str(FIXTURES / "real_bkpsdm_gabung.xlsx"), "--dry-run",
                   "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [len(s["steps"]) for s in data["sops"]] == [5, 5]
    assert data["sops"][0]["steps"][2]["waktu"] == {"text": "1 x 24 jam", "min": 1, "max": 1,
                                                    "unit": "hari"}
    bad = tmp_path / "buruk.txt"
    bad.write_text("NAMA SOP : UJI\n\nNo\tKegiatan\tPelaksana\tWaktu\tOutput\n"
                   "\t\tStaf\t\t\n1\tStaf menerima\tX\tsegera\tBerkas\n", encoding="utf-8")
    done = run_cli("sop", "import", str(bad), "--dry-run")
    assert done.returncode == 0  # one unreadable waktu is a warning, not a lost file
    assert "Traceback" not in done.stderr + done.stdout
    assert "waktu 'segera' tidak dapat dibaca" in done.stderr + done.stdout


if __name__ == "__main__":
    write_fixtures()
