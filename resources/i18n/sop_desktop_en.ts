<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../../ui/admin.py" line="533" />
        <source>Administrasi</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="542" />
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="543" />
        <source>Jabatan</source>
        <translation>Positions</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="544" />
        <source>Jam kantor dan hari libur</source>
        <translation>Office hours and holidays</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="545" />
        <source>Penomoran</source>
        <translation>Numbering</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="546" />
        <source>Profil kantor</source>
        <translation>Office profile</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="552" />
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/setup.py" line="47" />
        <source>Administrator pertama</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="48" />
        <source>Administrator menambah pengguna lain dan mengatur jabatan.</source>
        <translation>The administrator adds the other users and manages positions.</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="57" />
        <source>18 angka (boleh kosong)</source>
        <translation>18 digits (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="60" />
        <source>(tanpa jabatan)</source>
        <translation>(no position)</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="70" />
        <source>Nama pengguna *</source>
        <translation>User name *</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="71" />
        <source>Nama lengkap *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="72" />
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="73" />
        <source>Jabatan</source>
        <translation>Positions</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="74" />
        <source>Kata sandi *</source>
        <translation>Password *</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="75" />
        <source>Ulangi kata sandi *</source>
        <translation>Repeat password *</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="91" />
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../ui/case_view.py" line="159" />
        <source>Seret berkas ke sini untuk melampirkannya.</source>
        <translation>Drag files here to attach them.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="163" />
        <source>Tambah…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="165" />
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="167" />
        <source>Simpan salinan…</source>
        <translation>Save a copy…</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../ui/admin.py" line="290" />
        <source>Jam kantor</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="293" />
        <source>Senin</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="293" />
        <source>Selasa</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="293" />
        <source>Rabu</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="293" />
        <source>Kamis</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="294" />
        <source>Jumat</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="294" />
        <source>Sabtu</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="294" />
        <source>Minggu</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="315" />
        <source>Hari libur tambahan (mis. cuti bersama) dan libur nasional yang dihapus</source>
        <translation>Extra holidays (e.g. collective leave) and removed national holidays</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="328" />
        <source>keterangan, mis. Cuti bersama Idulfitri</source>
        <translation>description, e.g. Eid collective leave</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="329" />
        <source>Tambah hari libur</source>
        <translation>Add holiday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="331" />
        <source>Hapus libur nasional pada tanggal ini</source>
        <translation>Remove the national holiday on this date</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="332" />
        <source>Hapus dari daftar</source>
        <translation>Remove from list</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="333" />
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="338" />
        <source>Libur tambahan:</source>
        <translation>Extra holidays:</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="339" />
        <source>Libur nasional yang dihapus (kantor buka):</source>
        <translation>Removed national holidays (office open):</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="346" />
        <source>Simpan kalender</source>
        <translation>Save calendar</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="376" />
        <source>Libur kantor</source>
        <translation>Office holiday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="410" />
        <source>Kalender kantor disimpan.</source>
        <translation>Office calendar saved.</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../ui/case_view.py" line="27" />
        <source>Kasus dibuka</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="28" />
        <source>Langkah diselesaikan</source>
        <translation>Step completed</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="29" />
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="30" />
        <source>Dikembalikan</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="31" />
        <location filename="../../ui/case_view.py" line="39" />
        <source>Dihentikan</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="32" />
        <source>Dibuka kembali</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="33" />
        <source>Surat diterbitkan</source>
        <translation>Letter issued</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="34" />
        <source>Lampiran ditambahkan</source>
        <translation>Attachment added</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="37" />
        <source>Berjalan</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="38" />
        <location filename="../../ui/case_view.py" line="297" />
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="79" />
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="80" />
        <source>Kejadian</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="81" />
        <location filename="../../ui/case_view.py" line="136" />
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="82" />
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="83" />
        <source>Linimasa</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="102" />
        <source>selesai</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="107" />
        <source>terlambat</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="118" />
        <source>atas nama %1</source>
        <translation>on behalf of %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="133" />
        <source>Nama berkas</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="134" />
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="135" />
        <source>Ditambahkan</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="211" />
        <location filename="../../ui/case_view.py" line="350" />
        <source>Pilih kasus di kotak masuk.</source>
        <translation>Choose a case in the inbox.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="226" />
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="229" />
        <source>Diagram alir</source>
        <translation>Flowchart</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="239" />
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="241" />
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="260" />
        <source>Tindakan</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="274" />
        <source>Catatan (wajib untuk Kembalikan dan Hentikan)</source>
        <translation>Note (required for Return and Stop)</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="277" />
        <source>Catatan:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="279" />
        <source>sekarang</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="290" />
        <source>Waktu kejadian:</source>
        <translation>Time of action:</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="293" />
        <source>Atas nama:</source>
        <translation>On behalf of:</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="98" />
        <location filename="../../ui/case_view.py" line="299" />
        <location filename="../../ui/case_view.py" line="536" />
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="99" />
        <location filename="../../ui/case_view.py" line="301" />
        <location filename="../../ui/case_view.py" line="536" />
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="310" />
        <source>Kembalikan ke</source>
        <translation>Return to</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="312" />
        <source>Hentikan</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="314" />
        <source>Buka kembali</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="380" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="380" />
        <source>Langkah</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="381" />
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="381" />
        <source>Tenggat</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="411" />
        <source>Diterima:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="412" />
        <source>Dicatat oleh:</source>
        <translation>Recorded by:</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="414" />
        <source>Perkiraan selesai:</source>
        <translation>Expected finish:</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="441" />
        <source>Langkah %1: %2</source>
        <translation>Step %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="445" />
        <source>Belum ada pengguna yang memegang jabatan %1; minta administrator menambahkannya agar langkah ini dapat dicatat atas namanya.</source>
        <translation>No user holds the position %1 yet; ask the administrator to add one so this step can be recorded on their behalf.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="450" />
        <source>Anda dapat mencatat langkah ini.</source>
        <translation>You may record this step.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="452" />
        <source>Langkah ini milik %1: pilih atas nama siapa Anda mencatatnya.</source>
        <translation>This step belongs to %1: choose on whose behalf you record it.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="456" />
        <source>Langkah ini dikerjakan oleh %1; Anda tidak memegang jabatan itu.</source>
        <translation>This step is done by %1; you do not hold that position.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="461" />
        <source>Kasus tidak sedang berjalan.</source>
        <translation>The case is not running.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="529" />
        <source>Langkah diselesaikan.</source>
        <translation>Step completed.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="536" />
        <source>Keputusan dicatat: %1</source>
        <translation>Decision recorded: %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="541" />
        <source>Tulis alasan pengembalian pada Catatan.</source>
        <translation>Write the reason for the return in Note.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="546" />
        <source>Kasus dikembalikan ke langkah %1.</source>
        <translation>Case returned to step %1.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="550" />
        <source>Tulis alasan penghentian pada Catatan.</source>
        <translation>Write the reason for stopping in Note.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="555" />
        <source>Kasus dihentikan.</source>
        <translation>Case stopped.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="559" />
        <source>Tulis alasan membuka kembali pada Catatan.</source>
        <translation>Write the reason for reopening in Note.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="564" />
        <source>Kasus dibuka kembali.</source>
        <translation>Case reopened.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="575" />
        <source>Tambah lampiran</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="590" />
        <source>Lampiran: %1</source>
        <translation>Attachment: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/case_view.py" line="598" />
        <source>%n lampiran ditambahkan.</source>
        <translation>
            <numerusform>%n attachment added.</numerusform>
            <numerusform>%n attachments added.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="620" />
        <source>Simpan salinan ke folder</source>
        <translation>Save a copy to folder</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="635" />
        <source>Salinan disimpan: %1</source>
        <translation>Copy saved: %1</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../ui/crash.py" line="82" />
        <source>Terjadi kesalahan tak terduga. Pekerjaan yang sudah disimpan tetap aman.</source>
        <translation>An unexpected error occurred. Work already saved is safe.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="84" />
        <source>Kesalahan</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="88" />
        <source>Rincian ditulis ke berkas log:</source>
        <translation>Details were written to the log file:</translation>
    </message>
</context>
<context>
    <name>FlowchartView</name>
    <message>
        <location filename="../../ui/flowchart_view.py" line="197" />
        <source>Diagram alir SOP</source>
        <translation>SOP flowchart</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="200" />
        <source>Perbesar (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="201" />
        <source>Perkecil (−)</source>
        <translation>Zoom out (−)</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="202" />
        <source>Sesuaikan dengan jendela (0)</source>
        <translation>Fit to window (0)</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="224" />
        <source>Belum ada SOP yang dipilih.</source>
        <translation>No SOP chosen yet.</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="230" />
        <source>Diagram alir tidak dapat digambar: {0}</source>
        <translation>The flowchart cannot be drawn: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="251" />
        <source>Langkah {0}: {1}</source>
        <translation>Step {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="252" />
        <source>Pelaksana: {0}</source>
        <translation>Lane: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="253" />
        <source>Kelengkapan: {0}</source>
        <translation>Requirements: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="254" />
        <source>Waktu: {0}</source>
        <translation>Time: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="255" />
        <source>Output: {0}</source>
        <translation>Output: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="257" />
        <source>Ya → langkah {0}; Tidak → langkah {1}</source>
        <translation>Yes → step {0}; No → step {1}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="89" />
        <location filename="../../ui/import_dialog.py" line="261" />
        <source>Impor SOP</source>
        <translation>Import SOP</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="95" />
        <source>Berkas SOP: teks (.txt) atau Excel (.xlsx)</source>
        <translation>SOP file: text (.txt) or Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="96" />
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="98" />
        <source>Baca</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="109" />
        <source>Pilih berkas SOP untuk dibaca. Tidak ada yang disimpan sebelum Anda menekan Simpan.</source>
        <translation>Choose an SOP file to read. Nothing is stored before you press Save.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="118" />
        <source>SOP yang terbaca (centang untuk disimpan):</source>
        <translation>SOPs read (tick to save):</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="122" />
        <source>Peringatan:</source>
        <translation>Warnings:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="131" />
        <source>Pelaksana belum ditentukan</source>
        <translation>Lanes not assigned</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="139" />
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="141" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="150" />
        <source>Pilih berkas SOP</source>
        <translation>Choose an SOP file</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="151" />
        <source>Berkas SOP (*.txt *.xlsx *.toml)</source>
        <translation>SOP files (*.txt *.xlsx *.toml)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="151" />
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="160" />
        <source>Pilih berkas terlebih dahulu.</source>
        <translation>Choose a file first.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="163" />
        <source>Berkas tidak ditemukan: %1</source>
        <translation>File not found: %1</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="169" />
        <source>Membaca %1 …</source>
        <translation>Reading %1 …</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="175" />
        <source>Berkas tidak dapat dibaca: %1</source>
        <translation>The file cannot be read: %1</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="191" />
        <source>Tidak ada SOP yang terbaca dari berkas ini.</source>
        <translation>No SOP was read from this file.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/import_dialog.py" line="193" />
        <source>%n SOP terbaca. Periksa peringatan dan pelaksana, lalu Simpan.</source>
        <translation>
            <numerusform>%n SOP read. Check the warnings and lanes, then Save.</numerusform>
            <numerusform>%n SOPs read. Check the warnings and lanes, then Save.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="218" />
        <source>Pelaksana belum ditentukan (%1)</source>
        <translation>Lanes not assigned (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="242" />
        <source>Tentukan pelaksana untuk %1 langkah dulu (%2).</source>
        <translation>Assign a lane to %1 steps first (%2).</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../ui/inbox_model.py" line="24" />
        <source>Nomor agenda</source>
        <translation>Agenda number</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="25" />
        <source>SOP</source>
        <translation>SOP</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="26" />
        <source>Pemohon / perihal</source>
        <translation>Applicant / subject</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="27" />
        <source>Langkah sekarang</source>
        <translation>Current step</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="28" />
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="29" />
        <source>Tenggat</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="30" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="33" />
        <source>Berjalan</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="34" />
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="35" />
        <source>Dihentikan</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="140" />
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="158" />
        <source>Terlambat: melewati tenggat %1</source>
        <translation>Overdue: past the due time %1</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="173" />
        <source>(terlambat)</source>
        <translation>(overdue)</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../ui/inbox_page.py" line="43" />
        <source>&lt;b&gt;Jabatan&lt;/b&gt;</source>
        <translation>&lt;b&gt;Positions&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="62" />
        <source>Cari nomor, nama, perihal… (Ctrl+F)</source>
        <translation>Search number, name, subject… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="69" />
        <source>Berjalan</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="70" />
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="71" />
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="72" />
        <source>Dihentikan</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="73" />
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="146" />
        <source>Semua SOP</source>
        <translation>All SOPs</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="164" />
        <source>Kotak masuk saya</source>
        <translation>My inbox</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="172" />
        <source>(dicatat petugas)</source>
        <translation>(recorded by staff)</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="173" />
        <source>Tanpa jabatan</source>
        <translation>No position</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="174" />
        <source>Semua kasus</source>
        <translation>All cases</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="188" />
        <source>%1 berjalan</source>
        <translation>%1 running</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="190" />
        <source>%1 terlambat</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="195" />
        <source>Ada kasus yang melewati tenggat</source>
        <translation>Some cases are past their due time</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inbox_page.py" line="243" />
        <source>%n kasus</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../ui/intake_form.py" line="73" />
        <source>(pilih)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="84" />
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="89" />
        <source>16 angka</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="89" />
        <source>18 angka</source>
        <translation>18 digits</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="90" />
        <source>mis. 0812 3456 7890</source>
        <translation>e.g. 0812 3456 7890</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="90" />
        <source>mis. nama@contoh.id</source>
        <translation>e.g. name@example.id</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="91" />
        <source>angka</source>
        <translation>number</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="121" />
        <source>%1 wajib diisi</source>
        <translation>%1 is required</translation>
    </message>
</context>
<context>
    <name>LaneAssignment</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="34" />
        <source>No</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="34" />
        <source>Kegiatan</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="34" />
        <source>Pelaksana</source>
        <translation>Lane</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="59" />
        <source>(pilih pelaksana)</source>
        <translation>(choose lane)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/setup.py" line="144" />
        <source>Masuk — SOP Desktop</source>
        <translation>Log in — SOP Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="156" />
        <source>Nama pengguna:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="157" />
        <source>Kata sandi:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="166" />
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="167" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="39" />
        <source>Kotak masuk</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="40" />
        <source>Pustaka SOP</source>
        <translation>SOP library</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79" />
        <source>&amp;Kasus baru…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81" />
        <source>&amp;Impor SOP…</source>
        <translation>&amp;Import SOP…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83" />
        <source>&amp;Pengaturan…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85" />
        <source>Ke&amp;luar akun</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86" />
        <source>&amp;Tutup aplikasi</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88" />
        <source>&amp;Selesai</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90" />
        <source>Tandai langkah sekarang selesai</source>
        <translation>Mark the current step done</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91" />
        <source>&amp;Ya</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92" />
        <source>Keputusan: Ya</source>
        <translation>Decision: Yes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93" />
        <source>&amp;Tidak</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94" />
        <source>Keputusan: Tidak</source>
        <translation>Decision: No</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97" />
        <source>Kembalikan ke langkah sebelumnya</source>
        <translation>Return to an earlier step</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95" />
        <source>&amp;Kembalikan</source>
        <translation>&amp;Return</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98" />
        <source>&amp;Hentikan</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99" />
        <source>Hentikan kasus</source>
        <translation>Stop the case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100" />
        <source>Tambah &amp;lampiran…</source>
        <translation>Add &amp;attachment…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102" />
        <source>&amp;Kotak masuk</source>
        <translation>&amp;Inbox</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104" />
        <source>&amp;Pustaka SOP</source>
        <translation>SOP &amp;library</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>&amp;Muat ulang</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108" />
        <source>&amp;Cari kasus</source>
        <translation>&amp;Find case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110" />
        <source>&amp;Ekspor register ke Excel…</source>
        <translation>&amp;Export register to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112" />
        <source>&amp;Cadangkan basis data</source>
        <translation>&amp;Back up the database</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114" />
        <source>&amp;Administrasi…</source>
        <translation>&amp;Administration…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>&amp;Tentang SOP Desktop</source>
        <translation>&amp;About SOP Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122" />
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128" />
        <source>&amp;Kasus</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <source>&amp;Lihat</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>A&amp;dministrasi</source>
        <translation>A&amp;dministration</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <source>Ban&amp;tuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141" />
        <source>Alat utama</source>
        <translation>Main tools</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155" />
        <location filename="../../ui/main_window.py" line="172" />
        <source>tanpa jabatan</source>
        <translation>no position</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159" />
        <source>Siap</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188" />
        <source>Dimuat ulang</source>
        <translation>Reloaded</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215" />
        <source>Kasus %1 dibuat</source>
        <translation>Case %1 created</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="231" />
        <source>%n SOP disimpan</source>
        <translation>
            <numerusform>%n SOP saved</numerusform>
            <numerusform>%n SOPs saved</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268" />
        <source>Simpan register</source>
        <translation>Save register</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271" />
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292" />
        <source>Mengekspor register…</source>
        <translation>Exporting the register…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293" />
        <source>Register disimpan: %1</source>
        <translation>Register saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="308" />
        <source>Mencadangkan basis data…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="309" />
        <source>Cadangan dibuat: %1</source>
        <translation>Backup made: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="329" />
        <source>Hanya administrator yang dapat membuka Administrasi.</source>
        <translation>Only administrators can open Administration.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="341" />
        <source>Tentang SOP Desktop</source>
        <translation>About SOP Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345" />
        <source>SOP AP (Permenpan RB 35/2012) sebagai alat kerja kantor: pustaka SOP, diagram alir, kasus dengan kotak masuk per jabatan, register dan laporan.</source>
        <translation>SOP AP (Permenpan RB 35/2012) as an office tool: SOP library, flowcharts, cases with per-position inboxes, registers and reports.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="347" />
        <source>Basis data: %1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/new_case.py" line="24" />
        <source>Kasus baru</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="33" />
        <source>SOP:</source>
        <translation>SOP:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="35" />
        <source>sekarang</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="46" />
        <source>Diterima:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="59" />
        <source>Catatan (boleh kosong)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="70" />
        <source>Buat kasus</source>
        <translation>Create case</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="72" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="101" />
        <source>Langkah pertama: %1 — %2</source>
        <translation>First step: %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="109" />
        <source>Periksa isian yang ditandai merah.</source>
        <translation>Check the fields marked in red.</translation>
    </message>
</context>
<context>
    <name>NumberingTab</name>
    <message>
        <location filename="../../ui/admin.py" line="428" />
        <source>Pola nomor agenda</source>
        <translation>Agenda number pattern</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="429" />
        <source>Contoh</source>
        <translation>Example</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="431" />
        <source>Isian yang dapat dipakai: {nomor} (wajib; {nomor:04d} untuk 0001), {kode}, {bulan_romawi}, {bulan}, {tahun}, {sop}.</source>
        <translation>Placeholders: {nomor} (required; {nomor:04d} for 0001), {kode}, {bulan_romawi}, {bulan}, {tahun}, {sop}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="435" />
        <source>Kode SOP dalam nomor agenda</source>
        <translation>SOP code in the agenda number</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="443" />
        <source>SOP</source>
        <translation>SOP</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="444" />
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="446" />
        <source>Simpan penomoran</source>
        <translation>Save numbering</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="487" />
        <source>Penomoran disimpan; berlaku untuk kasus baru.</source>
        <translation>Numbering saved; it applies to new cases.</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../ui/setup.py" line="26" />
        <source>Profil kantor</source>
        <translation>Office profile</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="27" />
        <source>Data ini dicetak pada kop surat dan laporan. Dapat diubah kemudian di menu Administrasi.</source>
        <translation>This is printed on the letterhead and reports. It can be changed later under Administration.</translation>
    </message>
</context>
<context>
    <name>OfficeProfileForm</name>
    <message>
        <location filename="../../ui/office_form.py" line="38" />
        <source>Kementerian / lembaga *</source>
        <translation>Ministry / agency *</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="39" />
        <source>Nama kantor *</source>
        <translation>Office name *</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="40" />
        <source>Unit / satuan kerja</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="41" />
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="42" />
        <source>Kota *</source>
        <translation>City *</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="43" />
        <source>Telepon</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="44" />
        <source>Laman</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="45" />
        <source>Surel</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="48" />
        <source>mis. KEMENTERIAN HUKUM</source>
        <translation>e.g. KEMENTERIAN HUKUM</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="49" />
        <source>mis. KANTOR WILAYAH SUMATERA SELATAN</source>
        <translation>e.g. KANTOR WILAYAH SUMATERA SELATAN</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="50" />
        <source>tempat penandatanganan surat, mis. Palembang</source>
        <translation>where letters are signed, e.g. Palembang</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="51" />
        <source>mis. kanwil@contoh.go.id</source>
        <translation>e.g. kanwil@example.go.id</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="67" />
        <source>kosong: logo netral bawaan</source>
        <translation>empty: the bundled neutral logo</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="69" />
        <source>Pilih logo…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="73" />
        <source>Logo kop surat</source>
        <translation>Letterhead logo</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="95" />
        <source>Pilih logo</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="96" />
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="104" />
        <source>(gambar tidak dapat dibaca)</source>
        <translation>(image cannot be read)</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="110" />
        <source>Kementerian / lembaga</source>
        <translation>Ministry / agency</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="110" />
        <source>Nama kantor</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="111" />
        <source>Kota</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="124" />
        <source>Wajib diisi: %1</source>
        <translation>Required: %1</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="127" />
        <source>Logo tidak dapat dibaca: pilih berkas PNG atau JPG.</source>
        <translation>The logo cannot be read: choose a PNG or JPG file.</translation>
    </message>
</context>
<context>
    <name>OfficeTab</name>
    <message>
        <location filename="../../ui/admin.py" line="504" />
        <source>Simpan profil kantor</source>
        <translation>Save office profile</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="522" />
        <source>Profil kantor disimpan.</source>
        <translation>Office profile saved.</translation>
    </message>
</context>
<context>
    <name>PositionsTab</name>
    <message>
        <location filename="../../ui/admin.py" line="206" />
        <source>Jabatan</source>
        <translation>Positions</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="207" />
        <source>Alias (nama pelaksana di SOP)</source>
        <translation>Aliases (lane names in SOPs)</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="208" />
        <source>Luar kantor</source>
        <translation>Outside the office</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="208" />
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="209" />
        <source>Pelaksana SOP</source>
        <translation>SOP lanes</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="225" />
        <source>pisahkan dengan titik koma, mis. Kakanwil; Ka.Kanwil</source>
        <translation>separate with semicolons, e.g. Kakanwil; Ka.Kanwil</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="226" />
        <source>Di luar kantor (masyarakat, pemohon, instansi lain)</source>
        <translation>Outside the office (public, applicants, other agencies)</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="227" />
        <source>Nama jabatan</source>
        <translation>Position name</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="228" />
        <source>Alias</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="232" />
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="233" />
        <source>Simpan jabatan</source>
        <translation>Save position</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="277" />
        <source>Jabatan %1 disimpan.</source>
        <translation>Position %1 saved.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings.py" line="58" />
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="66" />
        <source>Bahasa antarmuka:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="68" />
        <source>Jendela utama dibuka ulang dalam bahasa yang dipilih.</source>
        <translation>The main window is reopened in the chosen language.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/setup.py" line="121" />
        <source>Penyiapan SOP Desktop</source>
        <translation>SOP Desktop setup</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="123" />
        <source>Lanjut &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="124" />
        <source>&lt; Kembali</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="125" />
        <source>Selesai</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="126" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SopBrowser</name>
    <message>
        <location filename="../../ui/sop_browser.py" line="96" />
        <source>Cari SOP (nama atau nomor)…</source>
        <translation>Search SOPs (name or number)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sop_browser.py" line="146" />
        <source>%n SOP</source>
        <translation>
            <numerusform>%n SOP</numerusform>
            <numerusform>%n SOPs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SopDetail</name>
    <message>
        <location filename="../../ui/sop_browser.py" line="32" />
        <source>Identitas</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="33" />
        <source>Langkah dan mutu baku</source>
        <translation>Steps and quality standards</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="34" />
        <source>Diagram alir</source>
        <translation>Flowchart</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="40" />
        <source>Nama SOP</source>
        <translation>SOP name</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="41" />
        <source>Nomor SOP</source>
        <translation>SOP number</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="42" />
        <source>Tanggal pembuatan</source>
        <translation>Date made</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="43" />
        <source>Tanggal revisi</source>
        <translation>Date revised</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="44" />
        <source>Tanggal efektif</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="48" />
        <source>Disahkan oleh</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="50" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="51" />
        <source>Dasar hukum</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="51" />
        <source>Kualifikasi pelaksana</source>
        <translation>Staff qualifications</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="52" />
        <source>Keterkaitan</source>
        <translation>Related SOPs</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="52" />
        <source>Peralatan/perlengkapan</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="53" />
        <source>Peringatan</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="53" />
        <source>Pencatatan dan pendataan</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="60" />
        <source>Pelaksana</source>
        <translation>Lane</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="62" />
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="62" />
        <source>SOP ini tidak lengkap (sebagian halaman hilang).</source>
        <translation>This SOP is incomplete (some pages are missing).</translation>
    </message>
</context>
<context>
    <name>TableModels</name>
    <message>
        <location filename="../../ui/models.py" line="69" />
        <source>Nomor SOP</source>
        <translation>SOP number</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="70" />
        <source>Nama SOP</source>
        <translation>SOP name</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="71" />
        <source>Versi</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="72" />
        <source>Langkah</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="80" />
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="81" />
        <source>Proses</source>
        <translation>Process</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="82" />
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="83" />
        <source>Selesai</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="91" />
        <source>No</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="92" />
        <source>Kegiatan</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="93" />
        <source>Pelaksana</source>
        <translation>Lane</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="95" />
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="96" />
        <source>Kelengkapan</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="97" />
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="98" />
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="99" />
        <source>Keterangan</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="106" />
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="107" />
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="93" />
        <source>(belum ditentukan)</source>
        <translation>(not assigned)</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../ui/admin.py" line="47" />
        <location filename="../../ui/admin.py" line="84" />
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="48" />
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="49" />
        <location filename="../../ui/admin.py" line="87" />
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="50" />
        <source>Jabatan</source>
        <translation>Positions</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="51" />
        <location filename="../../ui/admin.py" line="78" />
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="51" />
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="51" />
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="66" />
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="83" />
        <source>minimal 8 karakter; kosong: tidak diubah</source>
        <translation>at least 8 characters; empty: unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="85" />
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="86" />
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="89" />
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="91" />
        <source>Jabatan yang dipegang:</source>
        <translation>Positions held:</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="96" />
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="98" />
        <source>Simpan pengguna</source>
        <translation>Save user</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="125" />
        <source> (luar kantor)</source>
        <translation> (outside the office)</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="174" />
        <source>Pengguna %1 ditambahkan.</source>
        <translation>User %1 added.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="179" />
        <source>Anda tidak dapat mencabut peran administrator atau menonaktifkan akun Anda sendiri.</source>
        <translation>You cannot remove your own administrator role or deactivate your own account.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="187" />
        <source>Pengguna %1 disimpan.</source>
        <translation>User %1 saved.</translation>
    </message>
</context>
</TS>
