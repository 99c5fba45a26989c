"""Lane inference on small synthetic tables of offices other than the seeds'."""

from __future__ import annotations

from sop_desktop.importers import import_text
from sop_desktop.importers.lanes import LaneIndex, clean_lane_name, lane_rank, tokens


def table(title: str, lanes: list[str], rows: list[tuple], marks: dict | None = None) -> str:
    """An SOP table in the extracted text layout: rows are (no, kegiatan, waktu)."""
    marks = marks or {}
    n = len(lanes)
    head1 = ["No", "Kegiatan", "Pelaksana"] + [""] * (n - 1) + ["Mutu Baku", "", "", "Keterangan"]
    head2 = ["", ""] + lanes + ["Kelengkapan", "Waktu", "Output", ""]
    lines = [title, "", "\t".join(head1), "\t".join(head2)]
    for no, text, waktu in rows:
        cells = [""] * n
        for lane_index, mark in marks.get(no, {}).items():
            cells[lane_index] = mark
        lines.append("\t".join([str(no), text] + cells + ["Berkas", waktu, "Hasil", ""]))
    return "\n".join(lines) + "\n"


def only(text: str):
    [defn] = import_text(text, source="uji.txt").sops
    return defn


def test_clean_lane_names():
    assert clean_lane_name("PEMO- HON") == "PEMOHON"
    assert clean_lane_name("KAKAN WIL") == "KAKANWIL"
    assert clean_lane_name("  Kepala   Seksi  Umum ") == "Kepala Seksi Umum"
    assert clean_lane_name("Sub Bagian Umum") == "Sub Bagian Umum"


def test_abbreviations_and_long_forms_name_the_same_lane():
    index = LaneIndex(["Sekda", "Kabag Organisasi", "Kasubbag Kelembagaan", "Analis Organisasi"])
    found = index.mentions(tokens("Sekretaris Daerah menugaskan Kepala Bagian Organisasi"))
    assert [m.lane for m in found] == [0, 1]
    found = index.mentions(tokens("Kepala Sub Bagian Kelembagaan dan Kasubbag lainnya"))
    assert found[0].lane == 2
    assert index.mentions(tokens("disampaikan kepada kepala dinas")) == []
    assert lane_rank(index, 0) < lane_rank(index, 1) < lane_rank(index, 2) < lane_rank(index, 3)


def test_subject_object_marks_and_handoffs():
    text = table("STANDAR OPERASIONAL PROSEDUR PENERBITAN IZIN REKLAME",
                 ["Pemohon", "Petugas Front Office", "Kasi Perizinan", "Kabid Pelayanan",
                  "Kepala Dinas"],
                 [(1, "Pemohon mengajukan permohonan izin reklame melalui loket", "10 menit"),
                  (2, "Petugas Front Office memeriksa kelengkapan berkas dan meneruskan kepada "
                      "Kasi Perizinan", "15 menit"),
                  (3, "Memverifikasi berkas dan membuat konsep izin", "1 hari"),
                  (4, "Berkas yang telah diverifikasi oleh Kasi Perizinan, Kabid Pelayanan "
                      "memeriksa konsep izin", "1 hari"),
                  (5, "Menandatangani surat izin", "1 hari"),
                  (6, "Menyerahkan surat izin kepada pemohon", "10 menit"),
                  (7, "Rapat evaluasi triwulanan", "1 hari")],
                 marks={5: {4: "X"}})
    defn = only(text)
    lanes = [s.lane for s in defn.steps]
    assert lanes[:5] == ["Pemohon", "Petugas Front Office", "Kasi Perizinan", "Kabid Pelayanan",
                         "Kepala Dinas"]
    assert "subjek" in defn.step(1).note
    assert "penerima dari langkah 2" in defn.step(3).note
    assert "subjek kalimat 'Kabid Pelayanan'" in defn.step(4).note  # subject after the comma
    assert "tanda" in defn.step(5).note
    # the result goes back to the applicant through the desk that took the application
    assert defn.step(6).lane == "Petugas Front Office"
    assert "menerima permohonannya pada langkah 2" in defn.step(6).note
    assert defn.step(7).lane is None and "lane_unassigned" in defn.step(7).flags
    assert any(w.startswith("langkah 7:") for w in defn.warnings)


def test_disposition_chain_down_the_hierarchy_and_approval_up():
    text = table("STANDAR OPERASIONAL PROSEDUR PENYUSUNAN LAPORAN TAHUNAN",
                 ["Kepala Badan", "Sekretaris", "Kabag Umum", "Kasubbag Perencanaan", "Staf"],
                 [(1, "Memerintahkan penyusunan laporan tahunan", "15 menit"),
                  (2, "Mendisposisikan perintah penyusunan laporan", "15 menit"),
                  (3, "Mendisposisikan perintah penyusunan laporan", "15 menit"),
                  (4, "Memberikan arahan kepada staf untuk menghimpun data", "30 menit"),
                  (5, "Menghimpun data dan menyusun draf laporan", "3 hari"),
                  (6, "Memeriksa draf laporan", "1 hari")])
    defn = only(text)
    assert [s.lane for s in defn.steps] == ["Kepala Badan", "Sekretaris", "Kabag Umum",
                                            "Kasubbag Perencanaan", "Staf", "Kasubbag Perencanaan"]
    assert "rantai disposisi" in defn.step(3).note
    assert "atasan" in defn.step(6).note


def test_hierarchy_from_titles_when_table_runs_bottom_up():
    text = table("STANDAR OPERASIONAL PROSEDUR CUTI PEGAWAI",
                 ["Pegawai", "Kasubbag Kepegawaian", "Kabag Umum", "Sekda"],
                 [(1, "Pegawai mengisi formulir cuti", "10 menit"),
                  (2, "Mengoreksi formulir dan menyerahkan kepada Kabag Umum", "1 hari"),
                  (3, "Memerintahkan Kasubbag Kepegawaian menyiapkan surat cuti", "1 hari")])
    defn = only(text)
    assert defn.step(2).lane == "Kasubbag Kepegawaian"  # the one below Kabag Umum
    assert defn.step(3).lane == "Kabag Umum"  # the one above Kasubbag Kepegawaian


def test_co_actors_authority_and_generic_staff_words():
    text = table("STANDAR OPERASIONAL PROSEDUR PENANGANAN PENGADUAN",
                 ["Pengadu", "Tim Penanganan Pengaduan", "Inspektur Pembantu", "Inspektur"],
                 [(1, "Menyampaikan surat pengaduan", "10 menit"),
                  (2, "Petugas mencatat pengaduan di buku register", "10 menit"),
                  (3, "Pejabat berwenang beserta petugas Tim Penanganan Pengaduan menelaah "
                      "pengaduan", "2 hari"),
                  (4, "Inspektur Pembantu dan Tim Penanganan Pengaduan melakukan klarifikasi",
                   "5 hari"),
                  (5, "Pejabat yang berwenang menandatangani surat jawaban pengaduan", "1 hari")])
    defn = only(text)
    assert defn.step(1).lane == "Pengadu" and "pihak luar" in defn.step(1).note
    assert defn.step(2).lane == "Tim Penanganan Pengaduan"
    # an unnamed official doing the work: which one is not evident, and the co-actor named
    # with it does not lead -> flagged for a person rather than guessed
    assert defn.step(3).lane is None and "lane_unassigned" in defn.step(3).flags
    assert (defn.step(4).lane, defn.step(4).co_lanes) == ("Inspektur Pembantu",
                                                         ["Tim Penanganan Pengaduan"])
    # signing is the head's: "pejabat yang berwenang" then reads as the most senior lane
    assert defn.step(5).lane == "Inspektur" and "pimpinan tertinggi" in defn.step(5).note


def test_return_decision_targets_the_named_lane():
    text = table("STANDAR OPERASIONAL PROSEDUR PENGAJUAN SPJ",
                 ["Bendahara", "Verifikator", "PPK"],
                 [(1, "Bendahara menyusun berkas SPJ", "1 hari"),
                  (2, "Verifikator memeriksa berkas SPJ. Apabila tidak memenuhi syarat berkas "
                      "dikembalikan kepada Bendahara", "1 hari"),
                  (3, "PPK menyetujui atau tidak menyetujui SPJ, jika ada koreksi dikembalikan "
                      "ke Verifikator", "1 hari"),
                  (4, "Bendahara mengarsipkan SPJ", "30 menit")])
    defn = only(text)
    assert (defn.step(2).kind, defn.step(2).yes, defn.step(2).no) == ("decision", 3, 1)
    assert (defn.step(3).kind, defn.step(3).yes, defn.step(3).no) == ("decision", 4, 2)
    assert defn.steps[0].kind == "start" and defn.steps[-1].kind == "end"


def test_yt_marks_make_a_decision_back_to_the_t_row():
    text = table("STANDAR OPERASIONAL PROSEDUR PENGESAHAN DOKUMEN",
                 ["Kepala Kantor", "Kasubbag TU", "Pengadministrasi"],
                 [(1, "Menyusun draf dokumen", "1 jam"),
                  (2, "Memeriksa draf dokumen", "30 menit"),
                  (3, "Mengesahkan dokumen", "15 menit")],
                 marks={1: {1: "T", 2: "MULAI"}, 2: {1: "Y"}, 3: {0: "SELESAI"}})
    defn = only(text)
    assert defn.step(1).lane == "Pengadministrasi" and defn.step(1).kind == "start"
    assert (defn.step(2).kind, defn.step(2).yes, defn.step(2).no) == ("decision", 3, 1)
    assert (defn.step(3).lane, defn.step(3).kind) == ("Kepala Kantor", "end")


def test_noun_phrase_steps_drafting_then_checks_up_the_hierarchy():
    text = table("STANDAR OPERASIONAL PROSEDUR PENERBITAN SURAT KETERANGAN",
                 ["Lurah", "Sekretaris Kelurahan", "Kasi Pemerintahan", "Pengadministrasi Umum",
                  "Warga"],
                 [(1, "Pembuatan konsep surat keterangan", "30 menit"),
                  (2, "Verifikasi konsep surat keterangan", "15 menit"),
                  (3, "Paraf konsep surat keterangan", "10 menit"),
                  (4, "Penandatanganan surat keterangan", "10 menit"),
                  (5, "Penyerahan surat keterangan", "5 menit")])
    defn = only(text)
    assert [s.lane for s in defn.steps[:4]] == ["Pengadministrasi Umum", "Kasi Pemerintahan",
                                                "Sekretaris Kelurahan", "Lurah"]
    assert "satu-satunya pelaksana staf" in defn.step(1).note
    # handing out the signed letter: the unit that drafted it
    assert defn.step(5).lane == "Pengadministrasi Umum" and "penyusunnya" in defn.step(5).note


def test_report_received_by_the_superior_and_invitees_deciding():
    text = table("STANDAR OPERASIONAL PROSEDUR PENYULUHAN HUKUM",
                 ["Kepala Dinas", "Kabid Bantuan Hukum", "Kasi Penyuluhan", "Narasumber"],
                 [(1, "Memerintahkan pelaksanaan penyuluhan hukum", "10 menit"),
                  (2, "Mendisposisikan perintah penyuluhan", "10 menit"),
                  (3, "Menyiapkan bahan dan melaporkan kesiapan penyuluhan", "1 hari"),
                  (4, "Menerima laporan kesiapan dan mengundang narasumber", "1 hari"),
                  (5, "Bersedia / tidak bersedia menjadi narasumber", "2 hari")])
    defn = only(text)
    assert [s.lane for s in defn.steps] == ["Kepala Dinas", "Kabid Bantuan Hukum",
                                            "Kasi Penyuluhan", "Kabid Bantuan Hukum", "Narasumber"]
    assert "menerima laporan dari langkah 3" in defn.step(4).note
    assert "menjadi" in defn.step(5).note


def test_titles_abbreviated_compounded_and_spelled_out():
    index = LaneIndex(["Kakankemenag", "Kasi Bimas Islam", "JFT Penyuluh", "PPK", "Sekcam"])
    found = index.mentions(tokens("Kepala Kantor Kemenag mendisposisikan kepada Kepala Seksi "
                                  "Bimas Islam"))
    assert [m.lane for m in found] == [0, 1]
    assert [m.lane for m in index.mentions(tokens("Jabatan Fungsional Tertentu Penyuluh"))] == [2]
    # an acronym printed in capitals matches its spelled-out form
    assert [m.lane for m in index.mentions(tokens("Pejabat Pembuat Komitmen meneliti"))] == [3]
    assert [m.lane for m in index.mentions(tokens("Sekretaris Kecamatan memberi catatan"))] == [4]
    # ordinary words starting with "ka" are not split into titles
    assert tokens("kasir kabar")[0].text == "kasir"
    assert lane_rank(index, 0) < lane_rank(index, 1)


def test_passive_agents_dispositions_and_dispatch():
    text = table("STANDAR OPERASIONAL PROSEDUR PENERBITAN REKOMENDASI",
                 ["Pemohon", "Petugas PTSP", "Kasubbag TU", "Kakankemenag", "Kasi Bimas"],
                 [(1, "Berkas permohonan diterima oleh Petugas PTSP", "10 menit"),
                  (2, "Memeriksa kelengkapan dan mencatat dalam register", "15 menit"),
                  (3, "Berkas yang telah dicatat oleh Petugas PTSP didisposisikan kepada Kasi "
                      "Bimas", "1 jam"),
                  (4, "Kasi Bimas menyusun konsep surat rekomendasi", "1 hari"),
                  (5, "Konsep diparaf oleh Kepala Sub Bagian Tata Usaha", "1 jam"),
                  (6, "Kepala Kantor menandatangani surat rekomendasi", "1 hari"),
                  (7, "Menyampaikan surat rekomendasi kepada pemohon", "15 menit")])
    defn = only(text)
    assert [s.lane for s in defn.steps] == ["Petugas PTSP", "Petugas PTSP", "Kakankemenag",
                                            "Kasi Bimas", "Kasubbag TU", "Kakankemenag",
                                            "Kasi Bimas"]
    assert "pasif" in defn.step(1).note
    # "yang telah dicatat oleh Petugas" tells the past, not who acts; the disposition to the
    # Kasi comes from the head above it
    assert "memberi perintah kepada 'Kasi Bimas'" in defn.step(3).note
    assert "penyusunnya di langkah 4" in defn.step(7).note


def test_marks_far_from_the_decision_labels_are_no_evidence():
    text = table("STANDAR OPERASIONAL PROSEDUR PENYUSUNAN LAPORAN",
                 ["Kepala Biro", "Kabag Perencanaan", "Kasubbag Evaluasi", "Analis"],
                 [(1, "Menyusun konsep laporan", "1 hari"),
                  (2, "Memeriksa konsep laporan", "1 jam"),
                  (3, "Menyetujui laporan", "1 jam")],
                 marks={1: {3: "MULAI"}, 2: {0: "[Red Box]", 2: "T", 3: "Y"}})
    defn = only(text)
    # the box sits in the first lane, far from the Y/T labels: read from the text instead
    assert defn.step(2).lane == "Kasubbag Evaluasi"
    assert defn.step(2).kind == "decision"


def test_question_decisions_with_written_targets():
    text = table("STANDAR OPERASIONAL PROSEDUR PELAYANAN LEGALISIR",
                 ["Pemohon", "Petugas Loket", "Kasi Layanan"],
                 [(1, "Pemohon menyerahkan dokumen yang akan dilegalisir", "5 menit"),
                  (2, "Petugas Loket memeriksa dokumen. Apakah dokumen asli ada? Ya: lanjut ke "
                      "langkah 3; Tidak: dikembalikan kepada pemohon", "10 menit"),
                  (3, "Kasi Layanan menandatangani legalisir. Jika ada kesalahan, kembali ke "
                      "langkah 2", "10 menit"),
                  (4, "Pemohon menerima dokumen", "5 menit")])
    defn = only(text)
    assert (defn.step(2).kind, defn.step(2).yes, defn.step(2).no) == ("decision", 3, 1)
    assert (defn.step(3).kind, defn.step(3).yes, defn.step(3).no) == ("decision", 4, 2)
    assert "tertulis di teks" in defn.step(3).note


def test_capitals_dotted_abbreviations_and_noun_phrases():
    text = table("SOP PELAYANAN SURAT KETERANGAN DOMISILI",
                 ["Masyarakat", "Staf Pelayanan", "Ka. Sub. Bag. Umum", "Sekretaris Kelurahan",
                  "Lurah"],
                 [(1, "MASYARAKAT DATANG MEMBAWA SURAT PENGANTAR RT/RW DAN KTP", "5 menit"),
                  (2, "PEMERIKSAAN BERKAS OLEH STAF PELAYANAN, JIKA TIDAK LENGKAP DIKEMBALIKAN "
                      "KEPADA MASYARAKAT", "10 menit"),
                  (3, "PENGETIKAN SURAT KETERANGAN DOMISILI", "15 menit"),
                  (4, "KASUBBAG UMUM MEMERIKSA DAN MEMARAF KONSEP SURAT", "10 menit"),
                  (5, "PARAF SEKRETARIS KELURAHAN", "10 menit"),
                  (6, "LURAH MENANDATANGANI SURAT KETERANGAN DOMISILI", "10 menit"),
                  (7, "PENYERAHAN SURAT KEPADA MASYARAKAT", "5 menit")],
                 marks={1: {0: "MULAI"}})
    defn = only(text)
    assert [s.lane for s in defn.steps] == ["Masyarakat", "Staf Pelayanan", "Staf Pelayanan",
                                            "Ka. Sub. Bag. Umum", "Sekretaris Kelurahan",
                                            "Lurah", "Staf Pelayanan"]
    assert (defn.step(2).kind, defn.step(2).yes, defn.step(2).no) == ("decision", 3, 1)
