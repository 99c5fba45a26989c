"""Flowcharts in tests: hand-built SOPs of real offices (an immigration service of 18 steps
over 8 lanes, a Yankomas with decisions going back across pages, SIGAP with three decisions,
and Yankomas with co-actors), for the layout, paper, PDF and on-screen tests."""

from __future__ import annotations

from sop_desktop.domain.model import Identity, Lane, SopDefinition, Step
from sop_desktop.domain.waktu import parse_waktu


def _sop(code, name, lanes, rows, identity=None) -> SopDefinition:
    steps = []
    for row in rows:
        number, lane, kegiatan, kelengkapan, waktu, output, *rest = row
        extra = rest[0] if rest else {}
        steps.append(Step(number=number, kegiatan=kegiatan, lane=lanes[lane], kelengkapan=kelengkapan,
                          waktu=parse_waktu(waktu), output=output, **extra))
    steps[0].kind = "start" if steps[0].kind == "process" else steps[0].kind
    steps[-1].kind = "end" if steps[-1].kind == "process" else steps[-1].kind
    return SopDefinition(name=name, code=code, identity=identity or Identity(),
                         lanes=[Lane(n) for n in lanes], steps=steps)


def immigration() -> SopDefinition:
    lanes = ["Petugas Entry dan Scan Kanim", "Petugas biometric Kanim",
             "Kasubsi Izin Tinggal/Status Keimigrasian", "Kasi Izin Tinggal dan Status Keimigrasian",
             "Petugas Kantor Wilayah", "Kasubid Perizinan", "Kabid Zinfokim", "Kadiv Keimigrasian"]
    doc = "Berkas Dokumen"
    rows = [
        (1, 0, "Petugas memberikan nomor antrian sesuai urutan kedatangan di Kantor Imigrasi", "Nomor antrian", "30 detik", ""),
        (2, 0, "Petugas entri dan scan dokumen memanggil pemohon yang sudah mendapatkan nomor antrian untuk dilakukan pemeriksaan berkas dan memberikan bukti pengantar pembayaran PASTIKAN MENGISI NOMOR WHATSAPP PADA PERDIM DAN APLIKASI E OFFICE", "Perangkat SIMKIM V2", "5 Menit", ""),
        (3, 2, "Kasubsi melakukan verifikasi kelengkapan berkas", doc, "10 menit", ""),
        (4, 0, "Petugas melakukan pemindaian berkas", doc, "3 Menit", ""),
        (5, 1, "Melakukan pengambilan foto biometrik dan sidik jari", doc, "4 Menit", ""),
        (6, 1, "Petugas melakukan biometric matching system dan cekal", doc, "10 menit", ""),
        (7, 3, "Petugas membuat surat permohonan dan telaahan kepada kepala divisi imigrasi yang ditanda tangani kepala kantor imigrasi", doc, "2 Hari", ""),
        (8, 3, "Surat yang telah ditandatangani kepala kantor imigrasi dikirimkan ke kantor wilayah", doc, "1 Hari", ""),
        (9, 4, "Petugas kantor wilayah melakukan pengecekan berkas dan membuat surat yang ditujukan kepada direktur jenderal imigrasi yang ditandatangani kepala divisi imigrasi (untuk permohonan alih status) atau surat persetujuan yang ditandatangani kepala divisi imigrasi (untuk perpanjang ITAS ke V dan VI)", doc, "60 menit", ""),
        (10, 5, "Kasubid Perizinan memeriksa kelengkapan persyaratan dan meneruskan kepada Kabid Zinfokim", doc, "60 menit", ""),
        (11, 6, "Kabid Zinfokim Memeriksa keabsahan dokumen persyaratan untuk diteruskan kepada Kepala divisi Keimigrasian", doc, "60 menit", ""),
        (12, 7, "kepala Divisi Keimigrasian memberikan keputusan dan dipindah pada Aplikasi e Office", doc, "1 hari", ""),
        (13, 0, "Melakukan pemberitahuan melalui pesan elektronik kepada pemohon", doc, "10 menit", ""),
        (14, 0, "Pengeluaran register izin tinggal dan peneraan izin tinggal pada paspor", doc, "5 Menit", ""),
        (15, 2, "Kasubsi melakukan verifikasi akhir berkas permohonan", doc, "10 Menit", ""),
        (16, 3, "Kasi membubuhkan tanda tangan pada paspor", doc, "20 Menit", ""),
        (17, 0, "Pindai akhir", doc, "15 Menit", ""),
        (18, 0, "Selesai", doc, "5 Menit", ""),
    ]
    identity = Identity(
        nomor="W.6-0036.GR.01.01 TAHUN 2021", tanggal_pembuatan="24 Mei 2021", tanggal_efektif="24 Mei 2021",
        disahkan_jabatan="Kepala Divisi Keimigrasian", disahkan_nama="HERDAUS", disahkan_nip="19690111 199103 1 001",
        hierarchy=["Kementerian Hukum dan HAM R.I", "Kantor Wilayah Sumatera Selatan", "Divisi Keimigrasian"],
        dasar_hukum=["UU RI No 25 Th 2009 Tentang Pelayanan Publik",
                     "Undang-undang Nomor 6 tahun 2011 tentang Keimigrasian",
                     "Peraturan Pemerintah Nomor 31 Tahun 2013 tentang Peraturan Pelaksanaan Undang-undang Nomor 6 Tahun 2011 tentang Keimigrasian",
                     "Peraturan Menteri Hukum dan Hak Asasi Manusia Republik Indonesia Nomor 27 Tahun 2014 tentang Prosedur Teknis Pemberian, Perpanjangan, Penolakan, Pembatalan dan Berakhirnya Izin Tinggal Kunjungan, Izin Tinggal Terbatas, Izin Tinggal Tetap serta Pengecualian dari Kewajiban Memiliki Izin Tinggal"],
        kualifikasi_pelaksana=["Menguasai Pengoperasian Komputer dan Internet",
                               "Memiliki kemampuan pengolahan data izin tinggal keimigrasian"],
        keterkaitan=["SOP Perpanjangan ITAS", "SOP Alih Status Izin Tinggal Keimigrasian"],
        peralatan_perlengkapan=["Perangkat SIMKIM V2", "Printer dan Scanner", "Perangkat e-office"],
        peringatan=["Apabila SOP ini tidak dilaksanakan dengan baik, proses layanan akan terhambat"],
        pencatatan_pendataan=[],
    )
    return _sop("T-IMIGRASI", "Layanan Keimigrasian Warga Negara Asing melalui Pesan Elektronik",
                lanes, rows, identity)


def yankomas() -> SopDefinition:
    lanes = ["Masyarakat", "Kakanwil", "Kadiv Yankumham", "Kabid HAM",
             "Kasubbid Pelayanan Pengkajian dan Informasi HAM", "Institusi Terkait"]
    sp = "Surat pengaduan"
    rows = [
        (1, 0, "Menyampaikan surat pengaduan", "", "10 menit", ""),
        (2, 1, "Mendisposisikan surat pengaduan dugaan pelanggaran/ permasalahan HAM", sp, "1 hari", "Disposisi"),
        (3, 2, "Mendisposisikan surat pengaduan dugaan pelanggaran/ permasalahan HAM", sp, "1 hari", "Disposisi"),
        (4, 3, "Memerintahkan persiapan kegiatan Yankomas", sp, "1 hari", "Disposisi"),
        (5, 4, "Menelaah dan menyampaikan draft telaahan", sp, "30 hari", "Disposisi"),
        (6, 3, "Menyetujui / tidak menyetujui draft telaahan serta menyusun surat koordinasi / rekomendasi dan mengusulkan kegiatan koordinasi/audiensi",
         "Surat pengaduan dan surat rekomendasi", "7 hari", "Disposisi dan usulan audiensi",
         {"kind": "decision", "yes": 7, "no": 5, "keterangan": "Apabila hasil penelaahan diperlukan audiensi"}),
        (7, 4, "Melaksanakan kegiatan koordinasi/ audiensi", sp, "1 hari", "Surat Koordinasi"),
        (8, 4, "Menyiapkan surat rekomendasi", sp, "3 hari", "Konfirmasi"),
        (9, 1, "Menyetujui / tidak menyetujui surat koordinasi / rekomendasi", sp, "3 hari", "Konfirmasi",
         {"kind": "decision", "yes": 10, "no": 8}),
        (10, 4, "Menyampaikan surat rekomendasi", "Surat rekomendasi", "20 menit", "Ekspedisi surat rekomendasi"),
        (11, 5, "Menerima atau tidak menerima surat rekomendasi", "Surat rekomendasi", "30 hari", "Tindak lanjut",
         {"kind": "decision", "yes": 12, "no": 3}),
        (12, 0, "Penyelesaian rekomendasi", "Surat rekomendasi", "1 hari", "Hasil evaluasi"),
    ]
    identity = Identity(hierarchy=["Kementerian Hukum dan HAM R.I", "Kantor Wilayah"],
                        disahkan_jabatan="Kepala Kantor Wilayah")
    return _sop("T-YANKOMAS", "Kegiatan Pelayanan Komunikasi Masyarakat (Yankomas)", lanes, rows, identity)


def sigap() -> SopDefinition:
    lanes = ["Admin User", "Admin Kanwil", "Sub Bagian Kepegawaian, Tata Usaha, dan Rumah Tangga", "Duta SIGAP"]
    kel = "PC/Latop/Smartphone, Koneksi Jaringan Internet, Surat Permohonan"
    rows = [
        (1, 0, "Admin User Perguruan Tinggi/ Sekolah mengirim surat permohonan melalui Sistem Informasi SIGAP-SUMSEL", kel, "10-20 menit", "Notifikasi"),
        (2, 1, "Admin Kanwil memeriksa dan menelaah surat permohonan; apabila tidak memenuhi syarat dikembalikan kepada Admin User", kel, "1-2 hari", "Disposisi",
         {"kind": "decision", "yes": 3, "no": 1}),
        (3, 2, "Kepala Sub Bagian menganalisa dan memeriksa kembali surat permohonan; apabila ada koreksi dikembalikan ke Admin Kanwil", kel, "1-2 hari", "Disposisi",
         {"kind": "decision", "yes": 4, "no": 2}),
        (4, 3, "Duta SIGAP mengonsep surat balasan berdasarkan disposisi", kel, "30-60 menit", "Konsep surat balasan"),
        (5, 2, "Surat balasan diteruskan untuk persetujuan secara berjenjang; apabila ada koreksi dikembalikan kepada Duta SIGAP", kel, "1-2 hari", "Surat balasan",
         {"kind": "decision", "yes": 6, "no": 4}),
        (6, 3, "Duta SIGAP meneruskan surat balasan kepada Admin Kanwil", kel, "5-10 menit", "Surat balasan"),
        (7, 1, "Admin Kanwil mengunggah surat balasan ke dalam Sistem Informasi SIGAP-SUMSEL", kel, "5-10 menit", "Surat balasan"),
        (8, 0, "Admin User mengunduh surat balasan", kel, "5-10 menit", "Surat balasan"),
    ]
    return _sop("T-SIGAP", "Percepatan Pelayanan Research and Work Internship melalui SIGAP-SUMSEL", lanes, rows)


def co_actors() -> SopDefinition:
    """Yankomas with co-actors: on processes, on decisions whose Tidak goes back up, both sides."""
    defn = yankomas()
    lanes = defn.lane_names
    defn.steps[3].co_lanes = [lanes[4], lanes[1]]  # 4: Kabid HAM with Kasubbid and Kakanwil
    defn.steps[5].co_lanes = [lanes[4], lanes[0]]  # 6: decision, Tidak -> 5 from the Kasubbid copy
    defn.steps[8].co_lanes = [lanes[5], lanes[5], lanes[1], "Tidak ada"]  # 9: repeats, own, unknown
    defn.steps[10].co_lanes = [lanes[0]]  # 11: across a page break
    return defn
