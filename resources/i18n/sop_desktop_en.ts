<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../../ui/admin.py" line="609"/>
        <source>Administrasi</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="618"/>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="619"/>
        <source>Jabatan</source>
        <translation>Positions</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="620"/>
        <source>Jam kantor dan hari libur</source>
        <translation>Office hours and holidays</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="621"/>
        <source>Penomoran</source>
        <translation>Numbering</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="622"/>
        <source>Profil kantor</source>
        <translation>Office profile</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="628"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/setup.py" line="50"/>
        <source>Administrator pertama</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="51"/>
        <source>Administrator menambah pengguna lain dan mengatur jabatan.</source>
        <translation>The administrator adds the other users and manages positions.</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="60"/>
        <source>18 angka (boleh kosong)</source>
        <translation>18 digits (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="63"/>
        <source>(tanpa jabatan)</source>
        <translation>(no position)</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="73"/>
        <source>Nama pengguna *</source>
        <translation>User name *</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="74"/>
        <source>Nama lengkap *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="75"/>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="76"/>
        <source>Jabatan</source>
        <translation>Positions</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="77"/>
        <source>Kata sandi *</source>
        <translation>Password *</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="78"/>
        <source>Ulangi kata sandi *</source>
        <translation>Repeat password *</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="94"/>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>AdminTab</name>
    <message>
        <location filename="../../ui/admin.py" line="26"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="27"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="28"/>
        <source>Pejabat</source>
        <translation>Official</translation>
    </message>
</context>
<context>
    <name>AppLauncher</name>
    <message>
        <location filename="../../ui/app.py" line="213"/>
        <location filename="../../ui/app.py" line="231"/>
        <location filename="../../ui/app.py" line="242"/>
        <source>Basis data tidak dapat dibuka</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="244"/>
        <source>Rincian ditulis ke berkas log: %1</source>
        <translation>Details were written to the log file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="284"/>
        <source>Cadangan otomatis gagal: %1</source>
        <translation>Automatic backup failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="336"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="349"/>
        <source>Komputer: %1
Pengguna: %2
Sejak: %3

Dua SOP Desktop pada berkas yang sama dapat membuat data bertabrakan, jadi yang ini tidak dibuka. Pakai jendela SOP Desktop yang sudah terbuka (lihat taskbar), atau tutup dulu lalu buka lagi.</source>
        <translation>Computer: %1
User: %2
Since: %3

Two SOP Desktops on the same file could make their data collide, so this one was not opened. Use the SOP Desktop window that is already open (see the taskbar), or close it first and open it again.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="361"/>
        <source>SOP Desktop sudah terbuka</source>
        <translation>SOP Desktop is already open</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="362"/>
        <source>Basis data ini sedang dibuka oleh SOP Desktop lain:
%1</source>
        <translation>This database is open in another SOP Desktop:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="369"/>
        <source>Basis data ini dibuat oleh versi SOP Desktop yang lebih baru, jadi tidak dibuka oleh versi %1 ini.</source>
        <translation>This database was made by a newer version of SOP Desktop, so this version %1 does not open it.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="371"/>
        <source>Skema basis data: %1; versi ini mengenal sampai skema %2.

Perbarui SOP Desktop ke versi terbaru, lalu buka lagi. Berkas basis data tidak diubah.</source>
        <translation>Database schema: %1; this version knows schemas up to %2.

Update SOP Desktop to the latest version, then open it again. The database file was not changed.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="377"/>
        <source>Versi aplikasi terlalu lama</source>
        <translation>The application is too old</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="379"/>
        <source>Berkas basis data kosong: isinya hilang.</source>
        <translation>The database file is empty: its content is gone.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="380"/>
        <location filename="../../ui/app.py" line="381"/>
        <source>Berkas ini bukan basis data SOP Desktop.</source>
        <translation>This file is not an SOP Desktop database.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="382"/>
        <source>Berkas basis data tidak dapat dibaca.</source>
        <translation>The database file cannot be read.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="384"/>
        <source>Basis data rusak dan tidak dapat dibuka dengan aman.</source>
        <translation>The database is damaged and cannot be opened safely.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="387"/>
        <source>Basis data rusak</source>
        <translation>Damaged database</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="397"/>
        <source>Cadangan utuh terbaru: %1 (%2), di folder %3.

Pulihkan dari cadangan itu? Perubahan sesudah waktu cadangan tidak ada di dalamnya. Berkas yang rusak disimpan terpisah tanpa diubah.</source>
        <translation>Newest intact backup: %1 (%2), in the folder %3.

Restore from that backup? Changes made after the backup was taken are not in it. The damaged file is kept aside unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="403"/>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="407"/>
        <source>Tidak ada cadangan utuh yang ditemukan. Jika cadangan ada di disk USB atau folder lain, pilih berkasnya. Jangan hapus berkas yang rusak; hubungi administrator.</source>
        <translation>No intact backup was found. If a backup is on a USB disk or in another folder, choose its file. Do not delete the damaged file; contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="411"/>
        <source>Pilih berkas cadangan…</source>
        <translation>Choose a backup file…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="413"/>
        <source>Tutup aplikasi</source>
        <translation>Close the application</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="432"/>
        <source>Pilih berkas cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="435"/>
        <source>Cadangan SOP Desktop (*.sqlite3);;Semua berkas (*)</source>
        <translation>SOP Desktop backups (*.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="461"/>
        <source>Cadangan %1 tidak dapat dipakai: %2</source>
        <translation>Backup %1 cannot be used: %2</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="467"/>
        <source>Pemulihan gagal</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="479"/>
        <source>Basis data dipulihkan dari cadangan %1.</source>
        <translation>The database was restored from backup %1.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="481"/>
        <source>Berkas yang rusak disimpan tanpa diubah sebagai %1.</source>
        <translation>The damaged file was kept unchanged as %1.</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../ui/case_view.py" line="178"/>
        <source>Seret berkas ke sini untuk melampirkannya.</source>
        <translation>Drag files here to attach them.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="183"/>
        <source>Tambah…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="185"/>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="187"/>
        <source>Simpan salinan…</source>
        <translation>Save a copy…</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/backup_dialog.py" line="63"/>
        <source>Cadangan basis data</source>
        <translation>Database backups</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="72"/>
        <source>Pilih folder cadangan…</source>
        <translation>Choose backup folder…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="74"/>
        <source>Misalnya disk USB yang disimpan di tempat lain</source>
        <translation>For example a USB disk kept somewhere else</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="82"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="82"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="82"/>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="83"/>
        <source>Pemeriksaan</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="83"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="98"/>
        <source>Belum ada cadangan di folder ini.</source>
        <translation>There are no backups in this folder yet.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="114"/>
        <source>Cadangkan sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="117"/>
        <source>Pulihkan…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="120"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="144"/>
        <source>Folder cadangan: %1</source>
        <translation>Backup folder: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="174"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="175"/>
        <source>Harian</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="176"/>
        <source>Saat aplikasi ditutup</source>
        <translation>When the application closed</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="177"/>
        <source>Sebelum pembaruan basis data</source>
        <translation>Before a database upgrade</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="178"/>
        <source>Sebelum impor</source>
        <translation>Before an import</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="179"/>
        <source>Sebelum pemulihan</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="185"/>
        <source>memeriksa…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="185"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="186"/>
        <source>utuh</source>
        <translation>intact</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="186"/>
        <source>RUSAK, tidak dapat dipakai</source>
        <translation>DAMAGED, cannot be used</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="291"/>
        <source>Mencadangkan basis data…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="294"/>
        <source>Cadangan dibuat: %1</source>
        <translation>Backup made: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="303"/>
        <source>Pulihkan basis data dari cadangan %1?</source>
        <translation>Restore the database from backup %1?</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="305"/>
        <source>Seluruh isi basis data sekarang diganti dengan isi cadangan itu; perubahan sesudah waktu cadangan hilang dari data kerja. Sebelumnya isi sekarang dicadangkan dulu (jenis &quot;Sebelum pemulihan&quot;), jadi dapat dikembalikan. Setelah pemulihan Anda perlu masuk kembali.</source>
        <translation>The whole database is replaced by the content of that backup; changes made after the backup was taken leave the working data. The current content is backed up first (kind &quot;Before a restore&quot;), so it can be brought back. After the restore you need to log in again.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="309"/>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="310"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="326"/>
        <source>Memulihkan basis data…</source>
        <translation>Restoring the database…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="330"/>
        <source>Dipulihkan dari %1.</source>
        <translation>Restored from %1.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="332"/>
        <source>Basis data dipulihkan dari cadangan %1.</source>
        <translation>The database was restored from backup %1.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="335"/>
        <source>Isi sebelumnya dicadangkan ke %1.</source>
        <translation>The previous content was backed up to %1.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="336"/>
        <source>Masuk kembali agar semua data dimuat ulang dari basis data yang dipulihkan.</source>
        <translation>Log in again so that all data is reloaded from the restored database.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="347"/>
        <source>Pilih folder cadangan</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="369"/>
        <source>Folder %1 tidak dapat ditulisi. Periksa disk USB atau pilih folder lain.</source>
        <translation>The folder %1 cannot be written to. Check the USB disk or choose another folder.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="373"/>
        <source>Cadangan berikutnya disimpan di %1.</source>
        <translation>The next backups are stored in %1.</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../ui/admin.py" line="355"/>
        <source>Jam kantor</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="358"/>
        <source>Senin</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="358"/>
        <source>Selasa</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="358"/>
        <source>Rabu</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="358"/>
        <source>Kamis</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="359"/>
        <source>Jumat</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="359"/>
        <source>Sabtu</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="359"/>
        <source>Minggu</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="386"/>
        <source>Hari libur nasional, cuti bersama dan libur tambahan kantor; klik untuk memilih tanggalnya</source>
        <translation>National holidays, collective leave days (cuti bersama) and the office&apos;s extra days off; click one to choose its date</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="388"/>
        <source>Hari libur tambahan dan libur nasional yang dihapus</source>
        <translation>Extra holidays and removed national holidays</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="403"/>
        <source>Kantor buka pada libur nasional ini</source>
        <translation>Office open on this national holiday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="405"/>
        <source>Hapus libur nasional pada tanggal ini dari hari libur kantor</source>
        <translation>Remove the national holiday on this date from the office&apos;s days off</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="465"/>
        <source>Hari libur %1:</source>
        <translation>Days off in %1:</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="400"/>
        <source>keterangan, mis. Cuti bersama Idulfitri</source>
        <translation>description, e.g. Eid collective leave</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="401"/>
        <source>Tambah hari libur</source>
        <translation>Add holiday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="407"/>
        <source>Hapus dari daftar</source>
        <translation>Remove from list</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="410"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="421"/>
        <source>Libur tambahan:</source>
        <translation>Extra holidays:</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="422"/>
        <source>Libur nasional yang dihapus (kantor buka):</source>
        <translation>Removed national holidays (office open):</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="433"/>
        <source>Simpan kalender</source>
        <translation>Save calendar</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="478"/>
        <source>Libur kantor</source>
        <translation>Office holiday</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="508"/>
        <source>Kalender kantor disimpan.</source>
        <translation>Office calendar saved.</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../ui/case_view.py" line="28"/>
        <source>Kasus dibuka</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="29"/>
        <source>Langkah diselesaikan</source>
        <translation>Step completed</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="30"/>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="31"/>
        <source>Dikembalikan</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="32"/>
        <location filename="../../ui/case_view.py" line="40"/>
        <source>Dihentikan</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="33"/>
        <source>Dibuka kembali</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="34"/>
        <source>Surat diterbitkan</source>
        <translation>Letter issued</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="35"/>
        <source>Lampiran ditambahkan</source>
        <translation>Attachment added</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="38"/>
        <source>Berjalan</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="39"/>
        <location filename="../../ui/case_view.py" line="347"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="90"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="91"/>
        <source>Kejadian</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="92"/>
        <location filename="../../ui/case_view.py" line="148"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="93"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="94"/>
        <source>Linimasa</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="113"/>
        <source>selesai</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="118"/>
        <source>terlambat</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="129"/>
        <source>atas nama %1</source>
        <translation>on behalf of %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="144"/>
        <source>Nama berkas</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="145"/>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="146"/>
        <source>Ditambahkan</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="231"/>
        <location filename="../../ui/case_view.py" line="404"/>
        <source>Pilih kasus di kotak masuk.</source>
        <translation>Choose a case in the inbox.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="246"/>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="254"/>
        <source>Langkah sekarang</source>
        <translation>Current step</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="256"/>
        <source>Perbesar diagram pada langkah yang sedang dikerjakan</source>
        <translation>Zoom the flowchart in on the step being worked on</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="258"/>
        <source>Seluruh halaman</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="267"/>
        <source>Diagram alir</source>
        <translation>Flowchart</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="277"/>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="279"/>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="310"/>
        <source>Tindakan</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="324"/>
        <source>Catatan (wajib untuk Kembalikan dan Hentikan)</source>
        <translation>Note (required for Return and Stop)</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="327"/>
        <source>Catatan:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="329"/>
        <source>sekarang</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="340"/>
        <source>Waktu kejadian:</source>
        <translation>Time of action:</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="343"/>
        <source>Atas nama:</source>
        <translation>On behalf of:</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="109"/>
        <location filename="../../ui/case_view.py" line="349"/>
        <location filename="../../ui/case_view.py" line="609"/>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="110"/>
        <location filename="../../ui/case_view.py" line="351"/>
        <location filename="../../ui/case_view.py" line="609"/>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="364"/>
        <source>Kembalikan ke</source>
        <translation>Return to</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="366"/>
        <source>Hentikan</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="368"/>
        <source>Buka kembali</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="452"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="452"/>
        <source>Langkah</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="453"/>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="453"/>
        <source>Tenggat</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="483"/>
        <source>Diterima:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="484"/>
        <source>Dicatat oleh:</source>
        <translation>Recorded by:</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="486"/>
        <source>Perkiraan selesai:</source>
        <translation>Expected finish:</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="513"/>
        <source>Langkah %1: %2</source>
        <translation>Step %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="517"/>
        <source>Belum ada pengguna yang memegang jabatan %1; minta administrator menambahkannya agar langkah ini dapat dicatat atas namanya.</source>
        <translation>No user holds the position %1 yet; ask the administrator to add one so this step can be recorded on their behalf.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="522"/>
        <source>Anda dapat mencatat langkah ini.</source>
        <translation>You may record this step.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="524"/>
        <source>Langkah ini milik %1: pilih atas nama siapa Anda mencatatnya.</source>
        <translation>This step belongs to %1: choose on whose behalf you record it.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="528"/>
        <source>Langkah ini dikerjakan oleh %1; Anda tidak memegang jabatan itu.</source>
        <translation>This step is done by %1; you do not hold that position.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="533"/>
        <source>Kasus tidak sedang berjalan.</source>
        <translation>The case is not open.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="602"/>
        <source>Langkah diselesaikan.</source>
        <translation>Step completed.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="609"/>
        <source>Keputusan dicatat: %1</source>
        <translation>Decision recorded: %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="614"/>
        <source>Tulis alasan pengembalian pada Catatan.</source>
        <translation>Write the reason for the return in Note.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="619"/>
        <source>Kasus dikembalikan ke langkah %1.</source>
        <translation>Case returned to step %1.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="623"/>
        <source>Tulis alasan penghentian pada Catatan.</source>
        <translation>Write the reason for stopping in Note.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="628"/>
        <source>Kasus dihentikan.</source>
        <translation>Case stopped.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="632"/>
        <source>Tulis alasan membuka kembali pada Catatan.</source>
        <translation>Write the reason for reopening in Note.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="637"/>
        <source>Kasus dibuka kembali.</source>
        <translation>Case reopened.</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="648"/>
        <source>Tambah lampiran</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="663"/>
        <source>Lampiran: %1</source>
        <translation>Attachment: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/case_view.py" line="671"/>
        <source>%n lampiran ditambahkan.</source>
        <translation>
            <numerusform>%n attachment added.</numerusform>
            <numerusform>%n attachments added.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="693"/>
        <source>Simpan salinan ke folder</source>
        <translation>Save a copy to folder</translation>
    </message>
    <message>
        <location filename="../../ui/case_view.py" line="708"/>
        <source>Salinan disimpan: %1</source>
        <translation>Copy saved: %1</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/password_dialog.py" line="150"/>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="151"/>
        <source>Ganti kata sandi untuk %1 (%2).</source>
        <translation>Change the password of %1 (%2).</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../ui/crash.py" line="109"/>
        <source>Terjadi kesalahan tak terduga. Pekerjaan yang sudah disimpan tetap aman.</source>
        <translation>An unexpected error occurred. Work already saved is safe.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="111"/>
        <source>Kesalahan</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="115"/>
        <source>Rincian ditulis ke berkas log:</source>
        <translation>Details were written to the log file:</translation>
    </message>
</context>
<context>
    <name>FlowchartView</name>
    <message>
        <location filename="../../ui/flowchart_view.py" line="206"/>
        <source>Diagram alir SOP</source>
        <translation>SOP flowchart</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="209"/>
        <source>Perbesar (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="210"/>
        <source>Perkecil (−)</source>
        <translation>Zoom out (−)</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="211"/>
        <source>Sesuaikan dengan jendela (0)</source>
        <translation>Fit to window (0)</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="234"/>
        <source>Belum ada SOP yang dipilih.</source>
        <translation>No SOP chosen yet.</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="241"/>
        <source>Diagram alir tidak dapat digambar: {0}</source>
        <translation>The flowchart cannot be drawn: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="265"/>
        <source>Langkah {0}: {1}</source>
        <translation>Step {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="266"/>
        <source>Pelaksana: {0}</source>
        <translation>Lane: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="267"/>
        <source>Kelengkapan: {0}</source>
        <translation>Requirements: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="268"/>
        <source>Waktu: {0}</source>
        <translation>Time: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="269"/>
        <source>Output: {0}</source>
        <translation>Output: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="271"/>
        <source>Bersama: {0}</source>
        <translation>Shared: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart_view.py" line="273"/>
        <source>Ya → langkah {0}; Tidak → langkah {1}</source>
        <translation>Yes → step {0}; No → step {1}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="99"/>
        <location filename="../../ui/import_dialog.py" line="325"/>
        <source>Impor SOP</source>
        <translation>Import SOP</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="105"/>
        <source>Berkas SOP: teks (.txt) atau Excel (.xlsx)</source>
        <translation>SOP file: text (.txt) or Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="106"/>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="108"/>
        <source>Baca</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="119"/>
        <source>Pilih berkas SOP untuk dibaca. Tidak ada yang disimpan sebelum Anda menekan Simpan.</source>
        <translation>Choose an SOP file to read. Nothing is stored before you press Save.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="128"/>
        <source>SOP yang terbaca (centang untuk disimpan):</source>
        <translation>SOPs read (tick to save):</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="132"/>
        <source>Simpan sebagai:</source>
        <translation>Save as:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="135"/>
        <source>SOP baru, atau versi baru dari SOP yang sudah ada (versi lama tetap tersimpan dan dapat dibaca)</source>
        <translation>A new SOP, or a new version of an existing SOP (the old version stays stored and readable)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="138"/>
        <source>Peringatan:</source>
        <translation>Warnings:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="147"/>
        <source>Pelaksana belum ditentukan</source>
        <translation>Lanes not assigned</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="155"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="157"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="167"/>
        <source>Pilih berkas SOP</source>
        <translation>Choose an SOP file</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="168"/>
        <source>Berkas SOP (*.txt *.xlsx *.toml)</source>
        <translation>SOP files (*.txt *.xlsx *.toml)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="168"/>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="177"/>
        <source>Pilih berkas terlebih dahulu.</source>
        <translation>Choose a file first.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="180"/>
        <source>Berkas tidak ditemukan: %1</source>
        <translation>File not found: %1</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="186"/>
        <source>Membaca %1 …</source>
        <translation>Reading %1 …</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="192"/>
        <source>Berkas tidak dapat dibaca: %1</source>
        <translation>The file cannot be read: %1</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="209"/>
        <source>mirip SOP %1, tetapi SOP lain dalam berkas ini sudah menjadi versi barunya; akan disimpan sebagai SOP baru</source>
        <translation>similar to SOP %1, but another SOP in this file is already its new version; it will be stored as a new SOP</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="225"/>
        <source>Tidak ada SOP yang terbaca dari berkas ini.</source>
        <translation>No SOP was read from this file.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/import_dialog.py" line="227"/>
        <source>%n SOP terbaca. Periksa peringatan dan pelaksana, lalu Simpan.</source>
        <translation>
            <numerusform>%n SOP read. Check the warnings and lanes, then Save.</numerusform>
            <numerusform>%n SOPs read. Check the warnings and lanes, then Save.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="257"/>
        <source>SOP baru</source>
        <translation>New SOP</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="260"/>
        <source>Versi %1 dari %2 — %3</source>
        <translation>Version %1 of %2 — %3</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="276"/>
        <source>Pelaksana belum ditentukan (%1)</source>
        <translation>Lanes not assigned (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="300"/>
        <source>Tentukan pelaksana untuk %1 langkah dulu (%2).</source>
        <translation>Assign a lane to %1 steps first (%2).</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../ui/inbox_model.py" line="29"/>
        <source>Nomor agenda</source>
        <translation>Agenda number</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="30"/>
        <source>SOP</source>
        <translation>SOP</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="31"/>
        <source>Pemohon/perihal</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="32"/>
        <source>Langkah</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="33"/>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="34"/>
        <source>Tenggat</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="35"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="38"/>
        <source>Pemohon, pengadu atau perihal kasus</source>
        <translation>The applicant, complainant or subject of the case</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="39"/>
        <source>Langkah SOP yang sedang dikerjakan</source>
        <translation>The SOP step being worked on</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="40"/>
        <source>Tenggat langkah sekarang menurut mutu baku waktu</source>
        <translation>Due time of the current step by its time standard (mutu baku)</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="43"/>
        <source>Berjalan</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="44"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="45"/>
        <source>Dihentikan</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="273"/>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="291"/>
        <source>Terlambat: melewati tenggat %1</source>
        <translation>Overdue: past the due time %1</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_model.py" line="310"/>
        <source>(terlambat)</source>
        <translation>(overdue)</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../ui/inbox_page.py" line="57"/>
        <source>&lt;b&gt;Jabatan&lt;/b&gt;</source>
        <translation>&lt;b&gt;Positions&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="74"/>
        <source>Cari nomor, nama, perihal… (Ctrl+F)</source>
        <translation>Search number, name, subject… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="81"/>
        <source>Berjalan</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="82"/>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="83"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="84"/>
        <source>Dihentikan</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="85"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="171"/>
        <source>Semua SOP</source>
        <translation>All SOPs</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="189"/>
        <source>Kotak masuk saya</source>
        <translation>My inbox</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="197"/>
        <source>(dicatat petugas)</source>
        <translation>(recorded by staff)</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="198"/>
        <source>Tanpa jabatan</source>
        <translation>No position</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="199"/>
        <source>Semua kasus</source>
        <translation>All cases</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="213"/>
        <source>%1 berjalan</source>
        <translation>%1 open</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="215"/>
        <source>%1 terlambat</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <location filename="../../ui/inbox_page.py" line="220"/>
        <source>Ada kasus yang melewati tenggat</source>
        <translation>Some cases are past their due time</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inbox_page.py" line="309"/>
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
        <location filename="../../ui/intake_form.py" line="75"/>
        <source>(pilih)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="86"/>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="91"/>
        <source>16 angka</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="91"/>
        <source>18 angka</source>
        <translation>18 digits</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="92"/>
        <source>mis. 0812 3456 7890</source>
        <translation>e.g. 0812 3456 7890</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="92"/>
        <source>mis. nama@contoh.id</source>
        <translation>e.g. name@example.id</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="93"/>
        <source>angka</source>
        <translation>number</translation>
    </message>
    <message>
        <location filename="../../ui/intake_form.py" line="123"/>
        <source>%1 wajib diisi</source>
        <translation>%1 is required</translation>
    </message>
</context>
<context>
    <name>LaneAssignment</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="42"/>
        <source>No</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="42"/>
        <source>Kegiatan</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="42"/>
        <source>Pelaksana</source>
        <translation>Lane</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="67"/>
        <source>(pilih pelaksana)</source>
        <translation>(choose lane)</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <location filename="../../ui/letter_dialog.py" line="33"/>
        <source>Definitif</source>
        <translation>Definitive</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="34"/>
        <source>Plt. (Pelaksana Tugas)</source>
        <translation>Plt. (acting official)</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="35"/>
        <source>Plh. (Pelaksana Harian)</source>
        <translation>Plh. (daily acting official)</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="96"/>
        <source>Belum ada templat surat untuk SOP %1.</source>
        <translation>There is no letter template for SOP %1 yet.</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="111"/>
        <source>Cetak surat — %1</source>
        <translation>Print letter — %1</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="133"/>
        <source>T&amp;emplat:</source>
        <translation>T&amp;emplate:</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="146"/>
        <source>Kepala surat</source>
        <translation>Letter heading</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="148"/>
        <source>Isian surat</source>
        <translation>Letter fields</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="150"/>
        <source>Penanda tangan, tanggal dan kertas</source>
        <translation>Signatory, date and paper</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="156"/>
        <source>Penanda ta&amp;ngan:</source>
        <translation>Sig&amp;natory:</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="161"/>
        <source>&amp;Kedudukan:</source>
        <translation>&amp;Capacity:</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="164"/>
        <source>jabatan yang diwakili, mis. Kepala Kantor Wilayah</source>
        <translation>the position acted for, e.g. Kepala Kantor Wilayah</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="165"/>
        <source>Atas &amp;jabatan:</source>
        <translation>On behalf of &amp;position:</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="172"/>
        <source>Tangg&amp;al surat:</source>
        <translation>Letter d&amp;ate:</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="175"/>
        <source>Ke&amp;rtas:</source>
        <translation>Pape&amp;r:</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="186"/>
        <source>Menyimpan atau mencetak menerbitkan surat: nomornya diambil dan surat dicatat di riwayat kasus serta agenda surat keluar.</source>
        <translation>Saving or printing issues the letter: its number is taken and the letter is recorded in the case history and the outgoing letter log.</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="193"/>
        <source>Perbarui &amp;pratinjau</source>
        <translation>Refresh &amp;preview</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="207"/>
        <source>Simpan P&amp;DF…</source>
        <translation>Save P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="210"/>
        <source>&amp;Cetak…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="213"/>
        <source>T&amp;utup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="259"/>
        <source>Otomatis: %1</source>
        <translation>Automatic: %1</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="261"/>
        <source>(pilih penanda tangan)</source>
        <translation>(choose the signatory)</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="278"/>
        <source>&amp;Sifat:</source>
        <translation>&amp;Nature:</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="278"/>
        <source>&amp;Lampiran:</source>
        <translation>&amp;Enclosures:</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="279"/>
        <source>&amp;Hal:</source>
        <translation>&amp;Subject:</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="279"/>
        <source>&amp;Yth.:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="279"/>
        <source>d&amp;i:</source>
        <translation>&amp;in:</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="298"/>
        <source>satu tujuan per baris</source>
        <translation>one addressee per line</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="301"/>
        <source>&amp;Tembusan:</source>
        <translation>&amp;Copies to:</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="315"/>
        <source>Wajib diisi</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="433"/>
        <source>Menyiapkan pratinjau…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="468"/>
        <source>Isian wajib belum diisi: %1</source>
        <translation>Required fields not filled in: %1</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="472"/>
        <source>Pratinjau — nomor surat diberikan saat diterbitkan</source>
        <translation>Preview — the letter number is given when it is issued</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="482"/>
        <source>Pratinjau tidak dapat dibuat:</source>
        <translation>The preview cannot be made:</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="488"/>
        <source>Simpan surat sebagai PDF</source>
        <translation>Save the letter as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="492"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="519"/>
        <source>Surat disimpan: %1</source>
        <translation>Letter saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="524"/>
        <source>Menyimpan surat…</source>
        <translation>Saving the letter…</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="528"/>
        <source>Cetak surat</source>
        <translation>Print letter</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/letter_dialog.py" line="545"/>
        <source>%n halaman dikirim ke pencetak</source>
        <translation>
            <numerusform>%n page sent to the printer</numerusform>
            <numerusform>%n pages sent to the printer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="547"/>
        <source>Mencetak surat…</source>
        <translation>Printing the letter…</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="592"/>
        <source>Surat nomor %1 telah diterbitkan</source>
        <translation>Letter number %1 has been issued</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="593"/>
        <source>Surat telah dicetak dan dicatat</source>
        <translation>The letter has been printed and recorded</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="594"/>
        <source>Tercatat di riwayat kasus dan agenda surat keluar. Menyimpan atau mencetak lagi memakai surat yang sama, tanpa nomor baru.</source>
        <translation>Recorded in the case history and the outgoing letter log. Saving or printing again uses the same letter, without a new number.</translation>
    </message>
    <message>
        <location filename="../../ui/letter_dialog.py" line="603"/>
        <source>Menerbitkan surat…</source>
        <translation>Issuing the letter…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/setup.py" line="151"/>
        <source>Masuk — SOP Desktop</source>
        <translation>Log in — SOP Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="170"/>
        <source>Nama pengguna:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="171"/>
        <source>Kata sandi:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="181"/>
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="182"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="235"/>
        <source>Terlalu banyak percobaan. Coba lagi dalam %1 detik.</source>
        <translation>Too many attempts. Try again in %1 seconds.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="47"/>
        <source>Kotak masuk</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="48"/>
        <source>Pustaka SOP</source>
        <translation>SOP library</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>&amp;Kasus baru…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>&amp;Impor SOP…</source>
        <translation>&amp;Import SOP…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>&amp;Pengaturan…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Ke&amp;luar akun</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>&amp;Tutup aplikasi</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>&amp;Selesai</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>Tandai langkah sekarang selesai</source>
        <translation>Mark the current step done</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>&amp;Ya</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>Keputusan: Ya</source>
        <translation>Decision: Yes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>&amp;Tidak</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>Keputusan: Tidak</source>
        <translation>Decision: No</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>Kembalikan ke langkah sebelumnya</source>
        <translation>Return to an earlier step</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>&amp;Kembalikan</source>
        <translation>&amp;Return</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>&amp;Hentikan</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>Hentikan kasus</source>
        <translation>Stop the case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>Tambah &amp;lampiran…</source>
        <translation>Add &amp;attachment…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>&amp;Kotak masuk</source>
        <translation>&amp;Inbox</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>&amp;Pustaka SOP</source>
        <translation>SOP &amp;library</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>&amp;Muat ulang</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>&amp;Cari kasus</source>
        <translation>&amp;Find case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>&amp;Ekspor register ke Excel…</source>
        <translation>&amp;Export register to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>&amp;Cadangkan basis data</source>
        <translation>&amp;Back up the database</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>Cadangan &amp;&amp; &amp;pemulihan…</source>
        <translation>Backup &amp;&amp; &amp;restore…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>Daftar cadangan, cadangkan sekarang, pulihkan, pilih folder cadangan</source>
        <translation>List the backups, back up now, restore, choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>&amp;Ganti kata sandi…</source>
        <translation>&amp;Change password…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>&amp;Administrasi…</source>
        <translation>&amp;Administration…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>&amp;Tentang SOP Desktop</source>
        <translation>&amp;About SOP Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>C&amp;etak surat…</source>
        <translation>&amp;Print letter…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>Cetak surat untuk kasus yang dipilih</source>
        <translation>Print a letter for the selected case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>&amp;Buku register…</source>
        <translation>&amp;Register book…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>Laporan &amp;kinerja…</source>
        <translation>&amp;Performance report…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>Lembar &amp;monitoring SOP…</source>
        <translation>SOP &amp;monitoring sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>&amp;Agenda surat keluar…</source>
        <translation>Outgoing letter &amp;log…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157"/>
        <source>&amp;Kasus</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <source>La&amp;poran</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>&amp;Lihat</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>A&amp;dministrasi</source>
        <translation>A&amp;dministration</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>Ban&amp;tuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>Alat utama</source>
        <translation>Main tools</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>tanpa jabatan</source>
        <translation>no position</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>Siap</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>Dimuat ulang</source>
        <translation>Reloaded</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="252"/>
        <source>Kasus %1 dibuat</source>
        <translation>Case %1 created</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="268"/>
        <source>%n SOP disimpan</source>
        <translation>
            <numerusform>%n SOP saved</numerusform>
            <numerusform>%n SOPs saved</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="316"/>
        <source>Simpan register</source>
        <translation>Save register</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319"/>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="340"/>
        <source>Mengekspor register…</source>
        <translation>Exporting the register…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="341"/>
        <source>Register disimpan: %1</source>
        <translation>Register saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="356"/>
        <source>Mencadangkan basis data…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>Cadangan dibuat: %1</source>
        <translation>Backup made: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="401"/>
        <source>Pilih kasus dahulu untuk mencetak surat.</source>
        <translation>Select a case first to print a letter.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="421"/>
        <source>Surat %1 diterbitkan dan dicatat</source>
        <translation>Letter %1 issued and recorded</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="422"/>
        <source>Surat dicetak dan dicatat di riwayat kasus</source>
        <translation>Letter printed and recorded in the case history</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="442"/>
        <source>Hanya administrator yang dapat membuka Administrasi.</source>
        <translation>Only administrators can open Administration.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="454"/>
        <source>Tentang SOP Desktop</source>
        <translation>About SOP Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="458"/>
        <source>SOP AP (Permenpan RB 35/2012) sebagai alat kerja kantor: pustaka SOP, diagram alir, kasus dengan kotak masuk per jabatan, register dan laporan.</source>
        <translation>SOP AP (Permenpan RB 35/2012) as an office tool: SOP library, flowcharts, cases with per-position inboxes, registers and reports.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="460"/>
        <source>Basis data: %1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/new_case.py" line="24"/>
        <source>Kasus baru</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="33"/>
        <source>SOP:</source>
        <translation>SOP:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="35"/>
        <source>sekarang</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="46"/>
        <source>Diterima:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="59"/>
        <source>Catatan (boleh kosong)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="70"/>
        <source>Buat kasus</source>
        <translation>Create case</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="72"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="101"/>
        <source>Langkah pertama: %1 — %2</source>
        <translation>First step: %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/new_case.py" line="109"/>
        <source>Periksa isian yang ditandai merah.</source>
        <translation>Check the fields marked in red.</translation>
    </message>
</context>
<context>
    <name>NumberingTab</name>
    <message>
        <location filename="../../ui/admin.py" line="527"/>
        <source>Pola nomor agenda</source>
        <translation>Agenda number pattern</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="528"/>
        <source>Contoh</source>
        <translation>Example</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="530"/>
        <source>Isian yang dapat dipakai: {nomor} (wajib; {nomor:04d} untuk 0001), {kode}, {bulan_romawi}, {bulan}, {tahun}, {sop}.</source>
        <translation>Placeholders: {nomor} (required; {nomor:04d} for 0001), {kode}, {bulan_romawi}, {bulan}, {tahun}, {sop}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="534"/>
        <source>Kode SOP dalam nomor agenda</source>
        <translation>SOP code in the agenda number</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="542"/>
        <source>SOP</source>
        <translation>SOP</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="543"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="545"/>
        <source>Simpan penomoran</source>
        <translation>Save numbering</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="574"/>
        <source>Penomoran disimpan; berlaku untuk kasus baru.</source>
        <translation>Numbering saved; it applies to new cases.</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../ui/setup.py" line="29"/>
        <source>Profil kantor</source>
        <translation>Office profile</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="30"/>
        <source>Data ini dicetak pada kop surat dan laporan. Dapat diubah kemudian di menu Administrasi.</source>
        <translation>This is printed on the letterhead and reports. It can be changed later under Administration.</translation>
    </message>
</context>
<context>
    <name>OfficeProfileForm</name>
    <message>
        <location filename="../../ui/office_form.py" line="38"/>
        <source>Kementerian / lembaga *</source>
        <translation>Ministry / agency *</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="39"/>
        <source>Nama kantor *</source>
        <translation>Office name *</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="40"/>
        <source>Unit / satuan kerja</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="41"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="42"/>
        <source>Kota *</source>
        <translation>City *</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="43"/>
        <source>Telepon</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="44"/>
        <source>Laman</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="45"/>
        <source>Surel</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="48"/>
        <source>mis. KEMENTERIAN HUKUM</source>
        <translation>e.g. KEMENTERIAN HUKUM</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="49"/>
        <source>mis. KANTOR WILAYAH SUMATERA SELATAN</source>
        <translation>e.g. KANTOR WILAYAH SUMATERA SELATAN</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="50"/>
        <source>tempat penandatanganan surat, mis. Palembang</source>
        <translation>where letters are signed, e.g. Palembang</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="51"/>
        <source>mis. kanwil@contoh.go.id</source>
        <translation>e.g. kanwil@example.go.id</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="67"/>
        <source>kosong: logo netral bawaan</source>
        <translation>empty: the bundled neutral logo</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="69"/>
        <source>Pilih logo…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="73"/>
        <source>Logo kop surat</source>
        <translation>Letterhead logo</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="95"/>
        <source>Pilih logo</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="96"/>
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="104"/>
        <source>(gambar tidak dapat dibaca)</source>
        <translation>(image cannot be read)</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="110"/>
        <source>Kementerian / lembaga</source>
        <translation>Ministry / agency</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="110"/>
        <source>Nama kantor</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="111"/>
        <source>Kota</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="124"/>
        <source>Wajib diisi: %1</source>
        <translation>Required: %1</translation>
    </message>
    <message>
        <location filename="../../ui/office_form.py" line="127"/>
        <source>Logo tidak dapat dibaca: pilih berkas PNG atau JPG.</source>
        <translation>The logo cannot be read: choose a PNG or JPG file.</translation>
    </message>
</context>
<context>
    <name>OfficeTab</name>
    <message>
        <location filename="../../ui/admin.py" line="591"/>
        <source>Simpan profil kantor</source>
        <translation>Save office profile</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="595"/>
        <source>Profil kantor disimpan.</source>
        <translation>Office profile saved.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/password_dialog.py" line="60"/>
        <source>Kata sandi lama:</source>
        <translation>Old password:</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="62"/>
        <source>minimal %1 karakter</source>
        <translation>at least %1 characters</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="65"/>
        <source>Kata sandi baru:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="66"/>
        <source>Ulangi kata sandi baru:</source>
        <translation>Repeat the new password:</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="76"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="77"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="98"/>
        <source>Kata sandi minimal %1 karakter.</source>
        <translation>A password has at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="102"/>
        <source>Kata sandi baru harus berbeda dari kata sandi lama.</source>
        <translation>The new password must differ from the old one.</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="107"/>
        <source>Kedua kata sandi baru tidak sama.</source>
        <translation>The two new passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../ui/report_dialog.py" line="328"/>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="328"/>
        <source>Triwulan</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="329"/>
        <source>Semester</source>
        <translation>Half-year</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="329"/>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="330"/>
        <source>Rentang tanggal</source>
        <translation>Date range</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="333"/>
        <source>Seluruhnya</source>
        <translation>Everything</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="348"/>
        <source>Triwulan %1</source>
        <translation>Quarter %1</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="352"/>
        <source>Semester I (Januari–Juni)</source>
        <translation>First half (January–June)</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="353"/>
        <source>Semester II (Juli–Desember)</source>
        <translation>Second half (July–December)</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="362"/>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="363"/>
        <source>Ta&amp;hun:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="364"/>
        <source>&amp;Bulan:</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="365"/>
        <source>T&amp;riwulan:</source>
        <translation>&amp;Quarter:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="366"/>
        <source>Se&amp;mester:</source>
        <translation>&amp;Half-year:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="367"/>
        <source>Dari tangga&amp;l:</source>
        <translation>Fro&amp;m date:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="368"/>
        <source>Sampai tangg&amp;al:</source>
        <translation>&amp;To date:</translation>
    </message>
</context>
<context>
    <name>PositionsTab</name>
    <message>
        <location filename="../../ui/admin.py" line="296"/>
        <source>Jabatan</source>
        <translation>Positions</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="297"/>
        <source>Alias (nama pelaksana di SOP)</source>
        <translation>Aliases (lane names in SOPs)</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="298"/>
        <source>Luar kantor</source>
        <translation>Outside the office</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="298"/>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="299"/>
        <source>Pelaksana SOP</source>
        <translation>SOP lanes</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="305"/>
        <source>Berapa pelaksana (kolom) SOP yang berarti jabatan ini</source>
        <translation>How many SOP actors (lanes) mean this position</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="311"/>
        <source>pisahkan dengan titik koma, mis. Kakanwil; Ka.Kanwil</source>
        <translation>separate with semicolons, e.g. Kakanwil; Ka.Kanwil</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="312"/>
        <source>Di luar kantor (masyarakat, pemohon, instansi lain)</source>
        <translation>Outside the office (public, applicants, other agencies)</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="313"/>
        <source>Nama jabatan</source>
        <translation>Position name</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="314"/>
        <source>Alias</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="317"/>
        <source>Simpan jabatan</source>
        <translation>Save position</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="341"/>
        <source>Jabatan %1 disimpan.</source>
        <translation>Position %1 saved.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../ui/admin.py" line="120"/>
        <source>Baru</source>
        <translation>New</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/report_dialog.py" line="449"/>
        <source>Pilihan</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="462"/>
        <source>Register kasus SOP</source>
        <translation>SOP case register</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="463"/>
        <source>Buku Register Aduan</source>
        <translation>Complaint register book</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="464"/>
        <source>&amp;Jenis register:</source>
        <translation>Register &amp;type:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="472"/>
        <source>&amp;SOP:</source>
        <translation>&amp;SOP:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="481"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="481"/>
        <source>Berjalan</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="482"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="482"/>
        <source>Dihentikan</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="483"/>
        <source>Terlambat (melewati mutu baku)</source>
        <translation>Late (past the time standard)</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="485"/>
        <source>Stat&amp;us:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="491"/>
        <source>Semua jabatan</source>
        <translation>All positions</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="495"/>
        <source>Jabata&amp;n:</source>
        <translation>Positio&amp;n:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="499"/>
        <source>A4 mendatar</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="500"/>
        <source>F4 (folio) mendatar</source>
        <translation>F4 (folio) landscape</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="503"/>
        <source>&amp;Kertas PDF:</source>
        <translation>PDF &amp;paper:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="505"/>
        <source>Penanda tangan PDF</source>
        <translation>PDF signatory</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="512"/>
        <source>Jabatan:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="512"/>
        <source>Nama:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="513"/>
        <source>NIP:</source>
        <translation>NIP:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="516"/>
        <source>kosong: diisi tangan sesudah dicetak</source>
        <translation>empty: filled in by hand after printing</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="527"/>
        <source>Perbarui prat&amp;injau</source>
        <translation>Refresh prev&amp;iew</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="544"/>
        <source>Simpan &amp;Excel…</source>
        <translation>Save &amp;Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="547"/>
        <source>Simpan P&amp;DF…</source>
        <translation>Save P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="550"/>
        <source>&amp;Cetak…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="553"/>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="579"/>
        <location filename="../../ui/report_dialog.py" line="670"/>
        <source>Menyiapkan pratinjau…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="585"/>
        <source>Buku register</source>
        <translation>Register book</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="585"/>
        <source>Laporan kinerja</source>
        <translation>Performance report</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="586"/>
        <source>Lembar monitoring SOP</source>
        <translation>SOP monitoring sheet</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="587"/>
        <source>Agenda surat keluar</source>
        <translation>Outgoing letter log</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="600"/>
        <source>Semua SOP pengaduan</source>
        <translation>All complaint SOPs</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="602"/>
        <source>Semua SOP</source>
        <translation>All SOPs</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="664"/>
        <source>Perbaiki pilihan untuk melihat pratinjau.</source>
        <translation>Correct the options to see the preview.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="694"/>
        <source>Pratinjau menampilkan %1 baris pertama; berkas dan cetakan memuat semua baris.</source>
        <translation>The preview shows the first %1 rows; the file and the printout hold every row.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="697"/>
        <source>Pratinjau menampilkan %1 halaman pertama dari %2; berkas dan cetakan memuat semua halaman.</source>
        <translation>The preview shows the first %1 pages of %2; the file and the printout hold every page.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/report_dialog.py" line="702"/>
        <source>Pratinjau: %n halaman pertama</source>
        <translation>
            <numerusform>Preview: the first page</numerusform>
            <numerusform>Preview: the first %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/report_dialog.py" line="704"/>
        <source>Pratinjau: %n halaman</source>
        <translation>
            <numerusform>Preview: %n page</numerusform>
            <numerusform>Preview: %n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="713"/>
        <source>Pratinjau tidak dapat dibuat:</source>
        <translation>The preview cannot be made:</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="723"/>
        <source>Simpan Excel</source>
        <translation>Save Excel</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="723"/>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="727"/>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="728"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="765"/>
        <source>Laporan disimpan: %1</source>
        <translation>Report saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="772"/>
        <source>Menyimpan laporan…</source>
        <translation>Saving the report…</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="226"/>
        <source>Belum ada pencetak yang terpasang di komputer ini. Simpan sebagai PDF, lalu cetak dari komputer yang memiliki pencetak.</source>
        <translation>No printer is installed on this computer. Save as PDF, then print from a computer that has a printer.</translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="784"/>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/report_dialog.py" line="807"/>
        <source>%n halaman dikirim ke pencetak</source>
        <translation>
            <numerusform>%n page sent to the printer</numerusform>
            <numerusform>%n pages sent to the printer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/report_dialog.py" line="809"/>
        <source>Mencetak…</source>
        <translation>Printing…</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/password_dialog.py" line="170"/>
        <source>Atur ulang kata sandi</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="171"/>
        <source>Kata sandi baru untuk %1 (%2). Sampaikan kepadanya secara langsung, dan minta ia menggantinya setelah masuk.</source>
        <translation>New password for %1 (%2). Tell it to them in person, and ask them to change it after logging in.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings.py" line="58"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="66"/>
        <source>Bahasa antarmuka:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="68"/>
        <source>Jendela utama dibuka ulang dalam bahasa yang dipilih.</source>
        <translation>The main window is reopened in the chosen language.</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="74"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="75"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/setup.py" line="124"/>
        <source>Penyiapan SOP Desktop</source>
        <translation>SOP Desktop setup</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="126"/>
        <source>Lanjut &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="127"/>
        <source>&lt; Kembali</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="128"/>
        <source>Selesai</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="129"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SopBrowser</name>
    <message>
        <location filename="../../ui/sop_browser.py" line="100"/>
        <source>Cari SOP (nama atau nomor)…</source>
        <translation>Search SOPs (name or number)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sop_browser.py" line="161"/>
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
        <location filename="../../ui/sop_browser.py" line="39"/>
        <source>Identitas</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="40"/>
        <source>Langkah dan mutu baku</source>
        <translation>Steps and quality standards</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="41"/>
        <source>Diagram alir</source>
        <translation>Flowchart</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="47"/>
        <source>Nama SOP</source>
        <translation>SOP name</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="48"/>
        <source>Nomor SOP</source>
        <translation>SOP number</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="49"/>
        <source>Tanggal pembuatan</source>
        <translation>Date made</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="50"/>
        <source>Tanggal revisi</source>
        <translation>Date revised</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="51"/>
        <source>Tanggal efektif</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="55"/>
        <source>Disahkan oleh</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="57"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="58"/>
        <source>Dasar hukum</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="58"/>
        <source>Kualifikasi pelaksana</source>
        <translation>Staff qualifications</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="59"/>
        <source>Keterkaitan</source>
        <translation>Related SOPs</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="59"/>
        <source>Peralatan/perlengkapan</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="60"/>
        <source>Peringatan</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="60"/>
        <source>Pencatatan dan pendataan</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="67"/>
        <source>Pelaksana</source>
        <translation>Lane</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="69"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/sop_browser.py" line="69"/>
        <source>SOP ini tidak lengkap (sebagian halaman hilang).</source>
        <translation>This SOP is incomplete (some pages are missing).</translation>
    </message>
</context>
<context>
    <name>TableModels</name>
    <message>
        <location filename="../../ui/models.py" line="82"/>
        <source>Nomor SOP</source>
        <translation>SOP number</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="83"/>
        <source>Nama SOP</source>
        <translation>SOP name</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="84"/>
        <source>Versi</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="85"/>
        <source>Langkah</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="93"/>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="94"/>
        <source>Proses</source>
        <translation>Process</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="95"/>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="96"/>
        <source>Selesai</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="104"/>
        <source>No</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="105"/>
        <source>Kegiatan</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="106"/>
        <source>Pelaksana</source>
        <translation>Lane</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="108"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="109"/>
        <source>Kelengkapan</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="110"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="111"/>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="112"/>
        <source>Keterangan</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="114"/>
        <source>Mutu baku: %1</source>
        <translation>Quality standard (mutu baku): %1</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="116"/>
        <source>kelengkapan / persyaratan yang harus ada</source>
        <translation>the inputs / requirements that must be present</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="118"/>
        <source>waktu standar</source>
        <translation>standard time</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="119"/>
        <source>keluaran langkah</source>
        <translation>the step&apos;s output</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="126"/>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="127"/>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="106"/>
        <source>(belum ditentukan)</source>
        <translation>(not assigned)</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../ui/workers.py" line="25"/>
        <source>Terjadi kesalahan tak terduga (%1). Rinciannya dicatat di berkas log aplikasi.</source>
        <translation>An unexpected error occurred (%1). The details were written to the application log file.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../ui/admin.py" line="176"/>
        <location filename="../../ui/admin.py" line="205"/>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="177"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="178"/>
        <location filename="../../ui/admin.py" line="208"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="179"/>
        <source>Jabatan</source>
        <translation>Positions</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="180"/>
        <location filename="../../ui/admin.py" line="183"/>
        <location filename="../../ui/admin.py" line="198"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="180"/>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="180"/>
        <location filename="../../ui/admin.py" line="183"/>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="186"/>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="203"/>
        <source>Minimal 8 karakter. Untuk pengguna yang sudah ada, biarkan kosong agar kata sandinya tidak diubah.</source>
        <translation>At least 8 characters. For an existing user, leave it empty to keep the password unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="206"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="207"/>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="210"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="212"/>
        <source>Jabatan yang dipegang:</source>
        <translation>Positions held:</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="218"/>
        <source>Simpan pengguna</source>
        <translation>Save user</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="230"/>
        <source> (luar kantor)</source>
        <translation> (outside the office)</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="240"/>
        <source>minimal 8 karakter</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="253"/>
        <source>kosong: tidak diubah</source>
        <translation>empty: unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="272"/>
        <source>Pengguna %1 ditambahkan.</source>
        <translation>User %1 added.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="276"/>
        <source>Anda tidak dapat mencabut peran administrator atau menonaktifkan akun Anda sendiri.</source>
        <translation>You cannot remove your own administrator role or deactivate your own account.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="283"/>
        <source>Pengguna %1 disimpan.</source>
        <translation>User %1 saved.</translation>
    </message>
</context>
</TS>
