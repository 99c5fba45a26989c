<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="414"/>
        <source>Administrasi</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="423"/>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="424"/>
        <source>Jabatan</source>
        <translation>Positions</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="425"/>
        <source>Jam kantor dan hari libur</source>
        <translation>Office hours and holidays</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="426"/>
        <source>Penomoran</source>
        <translation>Numbering</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="427"/>
        <source>Profil kantor</source>
        <translation>Office profile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="442"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="60"/>
        <source>Administrator pertama</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="61"/>
        <source>Administrator menambah pengguna lain dan mengatur jabatan.</source>
        <translation>The administrator adds the other users and manages positions.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="70"/>
        <source>18 angka (boleh kosong)</source>
        <translation>18 digits (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="73"/>
        <source>(tanpa jabatan)</source>
        <translation>(no position)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="83"/>
        <source>Nama pengguna *</source>
        <translation>User name *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="84"/>
        <source>Nama lengkap *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="85"/>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="86"/>
        <source>Jabatan</source>
        <translation>Positions</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="87"/>
        <source>Kata sandi *</source>
        <translation>Password *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="88"/>
        <source>Ulangi kata sandi *</source>
        <translation>Repeat password *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="111"/>
        <source>Nama pengguna: 2–64 huruf, angka, titik, garis bawah atau tanda minus, diawali huruf atau angka.</source>
        <translation>User name: 2–64 letters, digits, dots, underscores or hyphens, starting with a letter or digit.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="114"/>
        <source>Nama lengkap wajib diisi.</source>
        <translation>The full name is required.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="117"/>
        <source>NIP harus 18 angka (atau kosongkan).</source>
        <translation>The NIP must be 18 digits (or leave it empty).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="123"/>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>AdminTab</name>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="38"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="39"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="40"/>
        <source>Pejabat</source>
        <translation>Official</translation>
    </message>
</context>
<context>
    <name>AppLauncher</name>
    <message>
        <location filename="../../ui/app.py" line="208"/>
        <location filename="../../ui/app.py" line="221"/>
        <location filename="../../ui/app.py" line="291"/>
        <source>Disk penuh</source>
        <translation>Disk full</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="425"/>
        <source>Basis data kosong, padahal sebelumnya berisi kasus: isinya hilang.</source>
        <translation>The database is empty although it held cases before: its content is lost.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="545"/>
        <source>Basis data tampak utuh</source>
        <translation>The database looks intact</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="546"/>
        <source>Berkas basis data ini lulus pemeriksaan integritas dan berisi kasus. Tetap ganti dengan cadangan %1?</source>
        <translation>This database file passes the integrity check and holds cases. Replace it with backup %1 anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="549"/>
        <source>Ya, ganti dengan cadangan</source>
        <translation>Yes, replace it with the backup</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="551"/>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="211"/>
        <location filename="../../ui/app.py" line="239"/>
        <location filename="../../ui/app.py" line="250"/>
        <source>Basis data tidak dapat dibuka</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="252"/>
        <source>Rincian ditulis ke berkas log: %1</source>
        <translation>Details were written to the log file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="326"/>
        <source>Cadangan otomatis gagal: %1</source>
        <translation>Automatic backup failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="381"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="394"/>
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
        <location filename="../../ui/app.py" line="406"/>
        <source>SOP Desktop sudah terbuka</source>
        <translation>SOP Desktop is already open</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="407"/>
        <source>Basis data ini sedang dibuka oleh SOP Desktop lain:
%1</source>
        <translation>This database is open in another SOP Desktop:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="414"/>
        <source>Basis data ini dibuat oleh versi SOP Desktop yang lebih baru, jadi tidak dibuka oleh versi %1 ini.</source>
        <translation>This database was made by a newer version of SOP Desktop, so this version %1 does not open it.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="416"/>
        <source>Skema basis data: %1; versi ini mengenal sampai skema %2.

Perbarui SOP Desktop ke versi terbaru, lalu buka lagi. Berkas basis data tidak diubah.</source>
        <translation>Database schema: %1; this version knows schemas up to %2.

Update SOP Desktop to the latest version, then open it again. The database file was not changed.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="422"/>
        <source>Versi aplikasi terlalu lama</source>
        <translation>The application is too old</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="424"/>
        <source>Berkas basis data kosong: isinya hilang.</source>
        <translation>The database file is empty: its content is gone.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="427"/>
        <location filename="../../ui/app.py" line="428"/>
        <source>Berkas ini bukan basis data SOP Desktop.</source>
        <translation>This file is not an SOP Desktop database.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="429"/>
        <source>Berkas basis data tidak dapat dibaca.</source>
        <translation>The database file cannot be read.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="431"/>
        <source>Basis data rusak dan tidak dapat dibuka dengan aman.</source>
        <translation>The database is damaged and cannot be opened safely.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="434"/>
        <source>Basis data rusak</source>
        <translation>Damaged database</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="444"/>
        <source>Cadangan utuh terbaru: %1 (%2), di folder %3.

Pulihkan dari cadangan itu? Perubahan sesudah waktu cadangan tidak ada di dalamnya. Berkas yang rusak disimpan terpisah tanpa diubah.</source>
        <translation>Newest intact backup: %1 (%2), in the folder %3.

Restore from that backup? Changes made after the backup was taken are not in it. The damaged file is kept aside unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="450"/>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="454"/>
        <source>Tidak ada cadangan utuh yang ditemukan. Jika cadangan ada di disk USB atau folder lain, pilih berkasnya. Jangan hapus berkas yang rusak; hubungi administrator.</source>
        <translation>No intact backup was found. If a backup is on a USB disk or in another folder, choose its file. Do not delete the damaged file; contact the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="458"/>
        <source>Pilih berkas cadangan…</source>
        <translation>Choose a backup file…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="460"/>
        <source>Tutup aplikasi</source>
        <translation>Close the application</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="479"/>
        <source>Pilih berkas cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="482"/>
        <source>Cadangan SOP Desktop (*.sqlite3);;Semua berkas (*)</source>
        <translation>SOP Desktop backups (*.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="517"/>
        <source>Cadangan %1 tidak dapat dipakai: %2</source>
        <translation>Backup %1 cannot be used: %2</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="523"/>
        <source>Pemulihan gagal</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="535"/>
        <source>Basis data dipulihkan dari cadangan %1.</source>
        <translation>The database was restored from backup %1.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="537"/>
        <source>Berkas yang rusak disimpan tanpa diubah sebagai %1.</source>
        <translation>The damaged file was kept unchanged as %1.</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../ui/cases/parts.py" line="171"/>
        <source>Seret berkas ke sini untuk melampirkannya.</source>
        <translation>Drag files here to attach them.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="176"/>
        <source>Tambah…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="178"/>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="180"/>
        <source>Simpan salinan…</source>
        <translation>Save a copy…</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="70"/>
        <source>Cadangan basis data</source>
        <translation>Database backups</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="79"/>
        <source>Pilih folder cadangan…</source>
        <translation>Choose backup folder…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="81"/>
        <location filename="../../ui/dialogs/backup.py" line="259"/>
        <source>Misalnya disk USB yang disimpan di tempat lain</source>
        <translation>For example a USB disk kept somewhere else</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="89"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="89"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="89"/>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="90"/>
        <source>Pemeriksaan</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="90"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="105"/>
        <source>Belum ada cadangan di folder ini.</source>
        <translation>There are no backups in this folder yet.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="121"/>
        <source>Cadangkan sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="124"/>
        <source>Pulihkan…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="127"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="151"/>
        <source>Folder cadangan: %1</source>
        <translation>Backup folder: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="181"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="182"/>
        <source>Harian</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="183"/>
        <source>Saat aplikasi ditutup</source>
        <translation>When the application closed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="184"/>
        <source>Sebelum pembaruan basis data</source>
        <translation>Before a database upgrade</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="185"/>
        <source>Sebelum impor</source>
        <translation>Before an import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="186"/>
        <source>Sebelum pemulihan</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="192"/>
        <source>memeriksa…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="192"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="193"/>
        <source>utuh</source>
        <translation>intact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="193"/>
        <source>RUSAK, tidak dapat dipakai</source>
        <translation>DAMAGED, cannot be used</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="305"/>
        <source>Mencadangkan basis data…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="309"/>
        <source>Cadangan dibuat: %1</source>
        <translation>Backup made: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="322"/>
        <source>Pulihkan basis data dari cadangan %1?</source>
        <translation>Restore the database from backup %1?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="324"/>
        <source>Seluruh isi basis data sekarang (dan lampiran serta surat yang tersimpan) diganti dengan isi cadangan itu; perubahan sesudah waktu cadangan hilang dari data kerja. Sebelumnya isi sekarang dicadangkan dulu (jenis &quot;Sebelum pemulihan&quot;), jadi dapat dikembalikan. Setelah pemulihan Anda perlu masuk kembali.</source>
        <translation>The whole database (and the stored attachments and letters) is replaced by the content of that backup; changes made after the backup was taken leave the working data. The current content is backed up first (kind &quot;Before a restore&quot;), so it can be brought back. After the restore you need to log in again.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="320"/>
        <source>Disk penuh</source>
        <translation>Disk full</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="329"/>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="330"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="373"/>
        <source>Memulihkan basis data…</source>
        <translation>Restoring the database…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="377"/>
        <source>Dipulihkan dari %1.</source>
        <translation>Restored from %1.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="379"/>
        <source>Basis data dipulihkan dari cadangan %1.</source>
        <translation>The database was restored from backup %1.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="382"/>
        <source>Isi sebelumnya dicadangkan ke %1.</source>
        <translation>The previous content was backed up to %1.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="383"/>
        <source>Masuk kembali agar semua data dimuat ulang dari basis data yang dipulihkan.</source>
        <translation>Log in again so that all data is reloaded from the restored database.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="394"/>
        <source>Pilih folder cadangan</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="418"/>
        <source>Folder %1 tidak dapat ditulisi. Periksa disk USB atau pilih folder lain.</source>
        <translation>The folder %1 cannot be written to. Check the USB disk or choose another folder.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup.py" line="425"/>
        <source>Cadangan berikutnya disimpan di %1.</source>
        <translation>The next backups are stored in %1.</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="50"/>
        <source>Jam kantor</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="53"/>
        <source>Senin</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="53"/>
        <source>Selasa</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="53"/>
        <source>Rabu</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="53"/>
        <source>Kamis</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="54"/>
        <source>Jumat</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="54"/>
        <source>Sabtu</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="54"/>
        <source>Minggu</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="81"/>
        <source>Hari libur nasional, cuti bersama dan libur tambahan kantor; klik untuk memilih tanggalnya</source>
        <translation>National holidays, collective leave days (cuti bersama) and the office&apos;s extra days off; click one to choose its date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="83"/>
        <source>Hari libur tambahan dan libur nasional yang dihapus</source>
        <translation>Extra holidays and removed national holidays</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="98"/>
        <source>Kantor buka pada libur nasional ini</source>
        <translation>Office open on this national holiday</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="100"/>
        <source>Hapus libur nasional pada tanggal ini dari hari libur kantor</source>
        <translation>Remove the national holiday on this date from the office&apos;s days off</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="156"/>
        <source>Hari libur %1:</source>
        <translation>Days off in %1:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="95"/>
        <source>keterangan, mis. Cuti bersama Idulfitri</source>
        <translation>description, e.g. Eid collective leave</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="96"/>
        <source>Tambah hari libur</source>
        <translation>Add holiday</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="102"/>
        <source>Hapus dari daftar</source>
        <translation>Remove from list</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="105"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="116"/>
        <source>Libur tambahan:</source>
        <translation>Extra holidays:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="117"/>
        <source>Libur nasional yang dihapus (kantor buka):</source>
        <translation>Removed national holidays (office open):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="44"/>
        <source>Simpan kalender</source>
        <translation>Save calendar</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="169"/>
        <source>Libur kantor</source>
        <translation>Office holiday</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin_calendar.py" line="199"/>
        <source>Kalender kantor disimpan.</source>
        <translation>Office calendar saved.</translation>
    </message>
</context>
<context>
    <name>CaseHolding</name>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="76"/>
        <source>Ambil</source>
        <translation>Take</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="78"/>
        <source>Lepas</source>
        <translation>Release</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="80"/>
        <source>Disposisi…</source>
        <translation>Disposition…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="84"/>
        <source>Sifat kasus</source>
        <translation>Case urgency</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="85"/>
        <source>Biasa</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="85"/>
        <source>Segera</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="85"/>
        <source>Sangat segera</source>
        <translation>Very urgent</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="86"/>
        <source>Rahasia</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="115"/>
        <source>Diambil oleh %1 sejak %2</source>
        <translation>Taken by %1 since %2</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="116"/>
        <source>Belum diambil siapa pun</source>
        <translation>Not taken by anyone</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="125"/>
        <source>Tidak ada pemegang jabatan langkah ini atau berikutnya</source>
        <translation>Nobody holds the position of this step or the next one</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="139"/>
        <source>ditugaskan</source>
        <translation>assigned</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="167"/>
        <source>Kasus diambil: rekan sejabatan melihat Anda memegangnya</source>
        <translation>Case taken: colleagues in the position see that you hold it</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="171"/>
        <source>Kasus dilepas</source>
        <translation>Case released</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="178"/>
        <source>Sifat kasus diubah</source>
        <translation>Case urgency changed</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="183"/>
        <source>Disposisi dikirim</source>
        <translation>Disposition sent</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../ui/cases/parts.py" line="18"/>
        <source>Kasus dibuka</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="19"/>
        <source>Langkah diselesaikan</source>
        <translation>Step completed</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="20"/>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="21"/>
        <source>Dikembalikan</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="22"/>
        <location filename="../../ui/cases/parts.py" line="34"/>
        <source>Dihentikan</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="23"/>
        <source>Dibuka kembali</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="24"/>
        <source>Surat diterbitkan</source>
        <translation>Letter issued</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="25"/>
        <source>Lampiran ditambahkan</source>
        <translation>Attachment added</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="26"/>
        <source>Disposisi</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="27"/>
        <source>Diambil</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="28"/>
        <source>Dilepas</source>
        <translation>Released</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="29"/>
        <source>Sifat diubah</source>
        <translation>Urgency changed</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="32"/>
        <source>Berjalan</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="33"/>
        <location filename="../../ui/cases/view.py" line="254"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="83"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="84"/>
        <source>Kejadian</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="85"/>
        <location filename="../../ui/cases/parts.py" line="141"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="86"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="87"/>
        <source>Linimasa</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="106"/>
        <source>selesai</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="111"/>
        <source>terlambat</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="122"/>
        <source>atas nama %1</source>
        <translation>on behalf of %1</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="137"/>
        <source>Nama berkas</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="138"/>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="139"/>
        <source>Ditambahkan</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="87"/>
        <location filename="../../ui/cases/view.py" line="318"/>
        <location filename="../../ui/cases/view.py" line="408"/>
        <source>Pilih kasus di kotak masuk.</source>
        <translation>Choose a case in the inbox.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="133"/>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="142"/>
        <source>Diagram alir</source>
        <translation>Flowchart</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="152"/>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="154"/>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="188"/>
        <source>Tindakan</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="229"/>
        <source>Catatan (wajib untuk Kembalikan dan Hentikan)</source>
        <translation>Note (required for Return and Stop)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="232"/>
        <source>Catatan:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="234"/>
        <source>sekarang</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="245"/>
        <source>Waktu kejadian:</source>
        <translation>Time of action:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="248"/>
        <source>Atas nama:</source>
        <translation>On behalf of:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="102"/>
        <location filename="../../ui/cases/texts.py" line="79"/>
        <location filename="../../ui/cases/view.py" line="257"/>
        <location filename="../../ui/cases/view.py" line="517"/>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/cases/parts.py" line="103"/>
        <location filename="../../ui/cases/texts.py" line="80"/>
        <location filename="../../ui/cases/view.py" line="259"/>
        <location filename="../../ui/cases/view.py" line="517"/>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="276"/>
        <source>Kembalikan ke</source>
        <translation>Return to</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="542"/>
        <source>Hentikan</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="280"/>
        <source>Buka kembali</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="278"/>
        <source>Hentikan…</source>
        <translation>Stop…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="356"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="356"/>
        <source>Langkah</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="357"/>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="357"/>
        <source>Tenggat</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="387"/>
        <source>Diterima:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="388"/>
        <source>Dicatat oleh:</source>
        <translation>Recorded by:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="393"/>
        <source>Perkiraan selesai:</source>
        <translation>Expected finish:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/texts.py" line="60"/>
        <source>Belum ada pengguna yang memegang jabatan %1; minta administrator menambahkannya agar langkah ini dapat dicatat atas namanya.</source>
        <translation>No user holds the position %1 yet; ask the administrator to add one so this step can be recorded on their behalf.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/texts.py" line="65"/>
        <source>Anda dapat mencatat langkah ini.</source>
        <translation>You may record this step.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/texts.py" line="67"/>
        <source>Langkah ini milik %1: pilih atas nama siapa Anda mencatatnya.</source>
        <translation>This step belongs to %1: choose on whose behalf you record it.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/texts.py" line="71"/>
        <source>Langkah ini dikerjakan oleh %1; Anda tidak memegang jabatan itu.</source>
        <translation>This step is done by %1; you do not hold that position.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/texts.py" line="50"/>
        <source>Kasus tidak sedang berjalan.</source>
        <translation>The case is not open.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="510"/>
        <source>Langkah diselesaikan.</source>
        <translation>Step completed.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="517"/>
        <source>Keputusan dicatat: %1</source>
        <translation>Decision recorded: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="522"/>
        <source>Tulis alasan pengembalian pada Catatan.</source>
        <translation>Write the reason for the return in Note.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="527"/>
        <source>Kasus dikembalikan ke langkah %1.</source>
        <translation>Case returned to step %1.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="534"/>
        <source>Tulis alasan penghentian pada Catatan.</source>
        <translation>Write the reason for stopping in Note.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="559"/>
        <source>Kasus dihentikan.</source>
        <translation>Case stopped.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="472"/>
        <source>Kasus ini sudah diubah oleh %1 pada %2; tampilan dimuat ulang. Periksa langkahnya sebelum bertindak.</source>
        <translation>This case was changed by %1 at %2; the view has been reloaded. Check the step before acting.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/texts.py" line="40"/>
        <source>segera setelah langkah %1 selesai (tenggatnya sudah lewat)</source>
        <translation>as soon as step %1 is done (its deadline has passed)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/texts.py" line="43"/>
        <source>%1 bila langkah %2 selesai hari ini (tenggatnya sudah lewat)</source>
        <translation>%1 if step %2 is done today (its deadline has passed)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/texts.py" line="54"/>
        <source>&lt;b&gt;Keputusan langkah %1:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Decision at step %1:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location filename="../../ui/cases/texts.py" line="55"/>
        <source>&lt;b&gt;Langkah %1:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Step %1:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location filename="../../ui/cases/texts.py" line="83"/>
        <source>(tujuan tidak disebut SOP)</source>
        <translation>(the SOP names no target)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/texts.py" line="92"/>
        <source>kembali ke %1</source>
        <translation>back to %1</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="536"/>
        <source>Hentikan kasus</source>
        <translation>Stop the case</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="537"/>
        <source>Hentikan kasus %1? Kasus tidak dapat dikerjakan lagi kecuali dibuka kembali oleh administrator.</source>
        <translation>Stop case %1? It cannot be worked on again unless an administrator reopens it.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="541"/>
        <source>Alasan: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="544"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="563"/>
        <source>Tulis alasan membuka kembali pada Catatan.</source>
        <translation>Write the reason for reopening in Note.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="568"/>
        <source>Kasus dibuka kembali.</source>
        <translation>Case reopened.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/attachments.py" line="22"/>
        <source>Tambah lampiran</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <location filename="../../ui/cases/view.py" line="582"/>
        <source>Lampiran: %1</source>
        <translation>Attachment: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/cases/view.py" line="589"/>
        <source>%n lampiran ditambahkan.</source>
        <translation>
            <numerusform>%n attachment added.</numerusform>
            <numerusform>%n attachments added.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/cases/attachments.py" line="46"/>
        <source>Simpan salinan ke folder</source>
        <translation>Save a copy to folder</translation>
    </message>
    <message>
        <location filename="../../ui/cases/attachments.py" line="61"/>
        <source>Salinan disimpan: %1</source>
        <translation>Copy saved: %1</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/password.py" line="149"/>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="150"/>
        <source>Ganti kata sandi untuk %1 (%2).</source>
        <translation>Change the password of %1 (%2).</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../ui/crash.py" line="121"/>
        <source>Terjadi kesalahan tak terduga. Pekerjaan yang sudah disimpan tetap aman.</source>
        <translation>An unexpected error occurred. Work already saved is safe.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="123"/>
        <source>Kesalahan</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="127"/>
        <source>Rincian ditulis ke berkas log:</source>
        <translation>Details were written to the log file:</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../ui/widgets/date_edit.py" line="63"/>
        <source>hh-bb-tttt</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/date_edit.py" line="65"/>
        <source>Ketik tanggal, mis. 06-12-2026 (pemisah - / . atau spasi), atau pilih dari kalender</source>
        <translation>Type the date, e.g. 06-12-2026 (separators - / . or space), or pick it from the calendar</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/date_edit.py" line="72"/>
        <source>Pilih dari kalender</source>
        <translation>Pick from the calendar</translation>
    </message>
</context>
<context>
    <name>DisposisiDialog</name>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="39"/>
        <source>Tanggapan dan Saran</source>
        <translation>Response and advice</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="40"/>
        <source>Proses lebih lanjut</source>
        <translation>Process further</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="41"/>
        <source>Koordinasikan/konfirmasikan</source>
        <translation>Coordinate/confirm</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="42"/>
        <source>Untuk diketahui</source>
        <translation>For your information</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="43"/>
        <source>Untuk diselesaikan</source>
        <translation>To be settled</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="44"/>
        <source>Untuk dijawab</source>
        <translation>To be answered</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="45"/>
        <source>Hadiri/wakili</source>
        <translation>Attend/represent</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="46"/>
        <source>Simpan/arsipkan</source>
        <translation>Keep/file</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="199"/>
        <source>Disposisi %1</source>
        <translation>Disposition %1</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="201"/>
        <source>Teruskan kasus %1 kepada pemegang jabatan langkah ini atau langkah berikutnya. Bila diteruskan ke langkah berikutnya, langkah Anda sekarang ikut selesai.</source>
        <translation>Pass case %1 on to holders of the position of this step or the next one. Passing it on to the next step also completes your current step.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="206"/>
        <source>Kepada (pilih satu orang atau lebih)</source>
        <translation>To (choose one or more people)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="211"/>
        <source>langkah ini</source>
        <translation>this step</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="212"/>
        <source>langkah berikutnya %1</source>
        <translation>next step %1</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="220"/>
        <source>Dengan hormat harap</source>
        <translation>Kindly</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="229"/>
        <source>Catatan:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="241"/>
        <source>Kirim disposisi</source>
        <translation>Send disposition</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="244"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/cases/disposisi_dialog.py" line="259"/>
        <source>Pilih setidaknya satu penerima</source>
        <translation>Choose at least one recipient</translation>
    </message>
</context>
<context>
    <name>FlowchartPane</name>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="59"/>
        <source>Langkah sekarang</source>
        <translation>Current step</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="60"/>
        <source>Perbesar diagram pada langkah yang sedang dikerjakan</source>
        <translation>Zoom the flowchart in on the step being worked on</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="63"/>
        <source>Satu halaman</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="64"/>
        <source>Tampilkan satu halaman utuh</source>
        <translation>Show one whole page</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="65"/>
        <source>Jendela besar</source>
        <translation>Large window</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="66"/>
        <source>Buka diagram alir di jendela besar</source>
        <translation>Open the flowchart in a large window</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="72"/>
        <location filename="../../ui/flowchart/pane.py" line="77"/>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="73"/>
        <source>Cetak atau simpan dokumen SOP resmi (identitas dan diagram alir)</source>
        <translation>Print or save the official SOP document (identity page and flowchart)</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="80"/>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="82"/>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="150"/>
        <source>Simpan dokumen SOP</source>
        <translation>Save SOP document</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="151"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="165"/>
        <source>Dokumen SOP disimpan.</source>
        <translation>SOP document saved.</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="173"/>
        <source>Cetak dokumen SOP</source>
        <translation>Print SOP document</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="193"/>
        <source>Dokumen SOP</source>
        <translation>SOP document</translation>
    </message>
</context>
<context>
    <name>FlowchartView</name>
    <message>
        <location filename="../../ui/flowchart/view.py" line="268"/>
        <source>Diagram alir SOP</source>
        <translation>SOP flowchart</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/view.py" line="271"/>
        <source>Perbesar (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/view.py" line="272"/>
        <source>Perkecil (−)</source>
        <translation>Zoom out (−)</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/view.py" line="273"/>
        <source>Sesuaikan dengan jendela (0)</source>
        <translation>Fit to window (0)</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/view.py" line="306"/>
        <source>Belum ada SOP yang dipilih.</source>
        <translation>No SOP chosen yet.</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/view.py" line="310"/>
        <source>(pelaksana belum ditentukan)</source>
        <translation>(actor not chosen yet)</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/view.py" line="314"/>
        <source>Diagram alir tidak dapat digambar: {0}</source>
        <translation>The flowchart cannot be drawn: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/view.py" line="338"/>
        <source>Langkah {0}: {1}</source>
        <translation>Step {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/view.py" line="339"/>
        <source>Pelaksana: {0}</source>
        <translation>Lane: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/view.py" line="340"/>
        <source>Kelengkapan: {0}</source>
        <translation>Requirements: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/view.py" line="341"/>
        <source>Waktu: {0}</source>
        <translation>Time: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/view.py" line="342"/>
        <source>Output: {0}</source>
        <translation>Output: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/view.py" line="344"/>
        <source>Bersama: {0}</source>
        <translation>Shared: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/view.py" line="346"/>
        <source>Ya → langkah {0}; Tidak → langkah {1}</source>
        <translation>Yes → step {0}; No → step {1}</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/view.py" line="366"/>
        <source>▶ Langkah {0} · {1}: {2}</source>
        <translation>▶ Step {0} · {1}: {2}</translation>
    </message>
</context>
<context>
    <name>FlowchartWindow</name>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="208"/>
        <source>Diagram alir — %1</source>
        <translation>Flowchart — %1</translation>
    </message>
    <message>
        <location filename="../../ui/flowchart/pane.py" line="220"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Tinjau baris sumber</source>
        <translation>Review source lines</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="110"/>
        <location filename="../../ui/sops/import_dialog.py" line="405"/>
        <source>Impor SOP</source>
        <translation>Import SOP</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="136"/>
        <source>Berkas SOP: PDF, Word (.docx), Excel (.xlsx), teks (.txt) atau hasil pindaian</source>
        <translation>SOP file: PDF, Word (.docx), Excel (.xlsx), text (.txt) or a scan</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="137"/>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="139"/>
        <source>Baca</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="151"/>
        <source>Pilih berkas SOP untuk dibaca. Tidak ada yang disimpan sebelum Anda menekan Simpan.</source>
        <translation>Choose an SOP file to read. Nothing is stored before you press Save.</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="162"/>
        <source>SOP yang terbaca (centang untuk disimpan):</source>
        <translation>SOPs read (tick to save):</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="166"/>
        <source>Simpan sebagai:</source>
        <translation>Save as:</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="169"/>
        <source>SOP baru, atau versi baru dari SOP yang sudah ada (versi lama tetap tersimpan dan dapat dibaca)</source>
        <translation>A new SOP, or a new version of an existing SOP (the old version stays stored and readable)</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="172"/>
        <source>Peringatan:</source>
        <translation>Warnings:</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="184"/>
        <source>Pelaksana belum ditentukan</source>
        <translation>Lanes not assigned</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="195"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="197"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="203"/>
        <source>Pilih berkas SOP</source>
        <translation>Choose an SOP file</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="205"/>
        <source>Berkas SOP (*.pdf *.docx *.xlsx *.txt *.md *.toml *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>SOP files (*.pdf *.docx *.xlsx *.txt *.md *.toml *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="188"/>
        <source>Tinjau halaman sumber</source>
        <translation>Review source pages</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="206"/>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="215"/>
        <source>Pilih berkas terlebih dahulu.</source>
        <translation>Choose a file first.</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="218"/>
        <source>Berkas tidak ditemukan: %1</source>
        <translation>File not found: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="225"/>
        <source>Membaca %1 …</source>
        <translation>Reading %1 …</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="236"/>
        <source>Membaca: %1</source>
        <translation>Reading: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="241"/>
        <source>Berkas tidak dapat dibaca: %1</source>
        <translation>The file cannot be read: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="265"/>
        <source>mirip SOP %1, tetapi SOP lain dalam berkas ini sudah menjadi versi barunya; akan disimpan sebagai SOP baru</source>
        <translation>similar to SOP %1, but another SOP in this file is already its new version; it will be stored as a new SOP</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="281"/>
        <source>Tidak ada SOP yang terbaca dari berkas ini.</source>
        <translation>No SOP was read from this file.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sops/import_dialog.py" line="283"/>
        <source>%n SOP terbaca. Periksa peringatan dan pelaksana, lalu Simpan.</source>
        <translation>
            <numerusform>%n SOP read. Check the warnings and lanes, then Save.</numerusform>
            <numerusform>%n SOPs read. Check the warnings and lanes, then Save.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="313"/>
        <source>SOP baru</source>
        <translation>New SOP</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="316"/>
        <source>Versi %1 dari %2 — %3</source>
        <translation>Version %1 of %2 — %3</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="333"/>
        <source>Pelaksana belum ditentukan (%1)</source>
        <translation>Lanes not assigned (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="375"/>
        <source>Tentukan pelaksana untuk %1 langkah dulu (%2).</source>
        <translation>Assign a lane to %1 steps first (%2).</translation>
    </message>
    <message>
        <source>Perbaiki isian yang salah dulu: %1</source>
        <translation>Correct the wrong entries first: %1</translation>
    </message>
</context>
<context>
    <name>ImportReview</name>
    <message>
        <source>Langkah bertanda ⚠: pelaksananya ditebak dari kalimat atau belum ada; periksa pelaksana, jenis dan cabangnya.</source>
        <translation>Steps marked ⚠: their lane was guessed from the sentence or is missing; check the lane, kind and branches.</translation>
    </message>
    <message>
        <source>&amp;Sumber: baris langkah %1 tidak ditemukan di %2</source>
        <translation>&amp;Source: the line of step %1 was not found in %2</translation>
    </message>
    <message>
        <source>&amp;Sumber: %1, baris %2</source>
        <translation>&amp;Source: %1, line %2</translation>
    </message>
    <message>
        <source>⚠ Pelaksana belum ada: pilih pada isian Pelaksana.</source>
        <translation>⚠ No lane yet: choose one in the Lane field.</translation>
    </message>
    <message>
        <source>⚠ Pelaksana ditebak dari kalimat: %1</source>
        <translation>⚠ Lane guessed from the sentence: %1</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_review.py" line="101"/>
        <source>Langkah bertanda ⚠ dibaca dengan keyakinan rendah; periksa pelaksana, jenis dan cabangnya.</source>
        <translation>Steps marked ⚠ were read with low confidence; check their actor, kind and branches.</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_review.py" line="110"/>
        <source>No</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_review.py" line="110"/>
        <source>Kegiatan</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_review.py" line="111"/>
        <source>Pelaksana</source>
        <translation>Lane</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_review.py" line="111"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_review.py" line="112"/>
        <source>Ya ke</source>
        <translation>Yes to</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_review.py" line="112"/>
        <source>Tidak ke</source>
        <translation>No to</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_review.py" line="169"/>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_review.py" line="169"/>
        <source>Proses</source>
        <translation>Process</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_review.py" line="170"/>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_review.py" line="170"/>
        <source>Selesai</source>
        <translation>End</translation>
    </message>
    <message>
        <source>&amp;Nama SOP:</source>
        <translation>SOP &amp;name:</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>mis. 15 menit, 1-2 hari, 5 hari kerja</source>
        <translation>e.g. 15 menit, 1-2 hari, 5 hari kerja</translation>
    </message>
    <message>
        <source>&amp;Pelaksana:</source>
        <translation>&amp;Lane:</translation>
    </message>
    <message>
        <source>&amp;Jenis:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Ya ke:</source>
        <translation>&amp;Yes to:</translation>
    </message>
    <message>
        <source>&amp;Tidak ke:</source>
        <translation>&amp;No to:</translation>
    </message>
    <message>
        <source>&amp;Kegiatan:</source>
        <translation>&amp;Activity:</translation>
    </message>
    <message>
        <source>&amp;Waktu:</source>
        <translation>&amp;Time:</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>&amp;Output:</translation>
    </message>
    <message>
        <source>◀ Langkah sebelumnya</source>
        <translation>◀ Previous step</translation>
    </message>
    <message>
        <source>Ctrl+↑</source>
        <translation>Ctrl+↑</translation>
    </message>
    <message>
        <source>Langkah berikutnya ▶</source>
        <translation>Next step ▶</translation>
    </message>
    <message>
        <source>Ctrl+↓</source>
        <translation>Ctrl+↓</translation>
    </message>
    <message>
        <source>simbol yang terbaca, bernomor seperti langkahnya</source>
        <translation>symbols read, numbered like their steps</translation>
    </message>
    <message>
        <source>kolom pelaksana</source>
        <translation>lane columns</translation>
    </message>
    <message>
        <source>baris langkah yang dipilih</source>
        <translation>row of the chosen step</translation>
    </message>
    <message>
        <source>kata hasil OCR yang kurang yakin (di bawah %1%)</source>
        <translation>OCR words read with low confidence (below %1%)</translation>
    </message>
    <message>
        <source>(halaman digambar dari isi tabel dan bentuk bagan yang terbaca)</source>
        <translation>(page drawn from the table cells and flowchart shapes read)</translation>
    </message>
    <message>
        <source>· perbesar: Ctrl+roda tetikus atau Ctrl++ / Ctrl+- (Ctrl+0: selebar halaman)</source>
        <translation>· zoom: Ctrl+mouse wheel or Ctrl++ / Ctrl+- (Ctrl+0: page width)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Langkah %1&lt;/b&gt; dari %2</source>
        <translation>&lt;b&gt;Step %1&lt;/b&gt; of %2</translation>
    </message>
</context>
<context>
    <name>PageCanvas</name>
    <message>
        <source>Keyakinan OCR %1%: "%2"</source>
        <translation>OCR confidence %1%: "%2"</translation>
    </message>
    <message>
        <source>Langkah %1</source>
        <translation>Step %1</translation>
    </message>
</context>
<context>
    <name>InboxColumns</name>
    <message>
        <location filename="../../ui/inbox/columns.py" line="31"/>
        <source>Seret judul kolom untuk memindahkan, tepinya untuk mengubah lebar; klik kanan untuk menampilkan atau menyembunyikan kolom</source>
        <translation>Drag a column title to move it, its edge to change its width; right-click to show or hide columns</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/columns.py" line="54"/>
        <source>Kembalikan susunan kolom semula</source>
        <translation>Restore the original column layout</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../ui/inbox/model.py" line="28"/>
        <source>Nomor agenda</source>
        <translation>Agenda number</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="29"/>
        <source>SOP</source>
        <translation>SOP</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="30"/>
        <source>Pemohon/perihal</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="31"/>
        <source>Langkah</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="32"/>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="33"/>
        <source>Tenggat</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="34"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="35"/>
        <source>Lewat</source>
        <translation>Late by</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="36"/>
        <source>Sifat</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="37"/>
        <source>Diambil</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="38"/>
        <source>Disposisi</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="41"/>
        <source>Biasa</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="42"/>
        <source>Segera</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="43"/>
        <source>Sangat segera</source>
        <translation>Very urgent</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="44"/>
        <source>Rahasia</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="48"/>
        <source>Pemohon, pengadu atau perihal kasus</source>
        <translation>The applicant, complainant or subject of the case</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="49"/>
        <source>Langkah SOP yang sedang dikerjakan</source>
        <translation>The SOP step being worked on</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="50"/>
        <source>Tenggat langkah sekarang menurut mutu baku waktu</source>
        <translation>Due time of the current step by its time standard (mutu baku)</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="51"/>
        <source>Berapa hari melewati tenggat</source>
        <translation>How many days past the due time</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="52"/>
        <source>Sifat: biasa, segera, sangat segera, rahasia</source>
        <translation>Urgency: ordinary, urgent, very urgent, confidential</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="53"/>
        <source>Siapa yang mengambil kasus ini</source>
        <translation>Who took this case</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="54"/>
        <source>Disposisi kepada Anda: instruksi dan catatan</source>
        <translation>Disposition to you: instruction and note</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="57"/>
        <source>Berjalan</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="58"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="59"/>
        <source>Dihentikan</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="296"/>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="311"/>
        <source>%1 hari</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="320"/>
        <source>Ditugaskan</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="344"/>
        <source>Baru: belum Anda buka</source>
        <translation>New: you have not opened it yet</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="349"/>
        <source>Terlambat: melewati tenggat %1</source>
        <translation>Overdue: past the due time %1</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="368"/>
        <source>(terlambat)</source>
        <translation>(overdue)</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="370"/>
        <source>(baru)</source>
        <translation>(new)</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../ui/inbox/page.py" line="94"/>
        <source>&lt;b&gt;Jabatan&lt;/b&gt;</source>
        <translation>&lt;b&gt;Positions&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="127"/>
        <source>Cari nomor, nama, perihal… (Ctrl+F)</source>
        <translation>Search number, name, subject… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="134"/>
        <source>Berjalan</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="135"/>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="136"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="137"/>
        <source>Dihentikan</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="138"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="246"/>
        <source>Semua SOP</source>
        <translation>All SOPs</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="265"/>
        <source>Kotak masuk saya</source>
        <translation>My inbox</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="273"/>
        <source>(dicatat petugas)</source>
        <translation>(recorded by staff)</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="274"/>
        <source>Tanpa jabatan</source>
        <translation>No position</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="275"/>
        <source>Semua kasus</source>
        <translation>All cases</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="233"/>
        <location filename="../../ui/inbox/page.py" line="289"/>
        <source>%1 berjalan</source>
        <translation>%1 open</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="234"/>
        <location filename="../../ui/inbox/page.py" line="291"/>
        <source>%1 terlambat</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="298"/>
        <source>Ada kasus yang melewati tenggat</source>
        <translation>Some cases are past their due time</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/inbox/page.py" line="407"/>
        <source>%n kasus</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxTools</name>
    <message>
        <location filename="../../ui/inbox/tools.py" line="77"/>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="79"/>
        <source>Hanya kasus yang belum Anda buka sejak sampai kepada Anda</source>
        <translation>Only cases you have not opened since they reached you</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="80"/>
        <source>Untuk saya</source>
        <translation>For me</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="82"/>
        <source>Hanya kasus yang didisposisikan kepada Anda</source>
        <translation>Only cases passed on to you by disposition</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="83"/>
        <source>Hampir jatuh tempo</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="85"/>
        <source>Tenggatnya dalam %1 jam ke depan</source>
        <translation>Due within the next %1 hours</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="89"/>
        <source>Semua sifat</source>
        <translation>Any urgency</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="90"/>
        <source>Biasa</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="90"/>
        <source>Segera</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="90"/>
        <source>Sangat segera</source>
        <translation>Very urgent</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="91"/>
        <source>Rahasia</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="99"/>
        <source>Diterima:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="106"/>
        <source>Saringan tersimpan</source>
        <translation>Saved filters</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="111"/>
        <source>Ambil</source>
        <translation>Take</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="112"/>
        <source>Ambil kasus yang dipilih agar rekan sejabatan tidak mengerjakannya dua kali</source>
        <translation>Take the selected cases so that colleagues in the position do not work on them twice</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="116"/>
        <location filename="../../ui/inbox/tools.py" line="120"/>
        <source>Lainnya</source>
        <translation>More</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="141"/>
        <source>Simpan saringan ini…</source>
        <translation>Save this filter…</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="142"/>
        <source>Hapus saringan tersimpan yang dipilih</source>
        <translation>Delete the chosen saved filter</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="143"/>
        <source>Ekspor tampilan ke Excel (.xlsx)…</source>
        <translation>Export this view to Excel (.xlsx)…</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="144"/>
        <source>Cetak tanda terima kasus yang dipilih…</source>
        <translation>Print receipts for the selected cases…</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="228"/>
        <source>Nama saringan wajib diisi</source>
        <translation>A filter name is required</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="234"/>
        <source>Saringan &quot;%1&quot; disimpan</source>
        <translation>Filter &quot;%1&quot; saved</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="240"/>
        <source>Pilih dulu saringan tersimpan yang akan dihapus</source>
        <translation>First choose the saved filter to delete</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="248"/>
        <source>Simpan saringan</source>
        <translation>Save filter</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="249"/>
        <source>Nama saringan:</source>
        <translation>Filter name:</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="256"/>
        <source>Saringan tersimpan…</source>
        <translation>Saved filters…</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="282"/>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="297"/>
        <location filename="../../ui/inbox/tools.py" line="393"/>
        <source>Kotak masuk</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="309"/>
        <source>%1 kasus diekspor</source>
        <translation>%1 cases exported</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="313"/>
        <source>Ekspor kotak masuk</source>
        <translation>Export inbox</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="313"/>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="332"/>
        <source>%1 kasus diambil</source>
        <translation>%1 cases taken</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="339"/>
        <source>%1 kasus dilepas</source>
        <translation>%1 cases released</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="166"/>
        <source>Lepas kasus yang dipilih</source>
        <translation>Release the selected cases</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="337"/>
        <source>%1 ditolak: %2</source>
        <translation>%1 refused: %2</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="340"/>
        <location filename="../../ui/inbox/tools.py" line="372"/>
        <source>Pilih satu atau beberapa kasus dulu (Ctrl/Shift + klik)</source>
        <translation>First select one or more cases (Ctrl/Shift + click)</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="362"/>
        <location filename="../../ui/inbox/tools.py" line="379"/>
        <source>%1 tanda terima dicetak</source>
        <translation>%1 receipts printed</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="374"/>
        <source>Simpan tanda terima ke folder</source>
        <translation>Save receipts to folder</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="382"/>
        <source>Tanda terima</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/tools.py" line="391"/>
        <source>Kotak masuk (%1 baru)</source>
        <translation>Inbox (%1 new)</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../ui/cases/intake_form.py" line="76"/>
        <source>(pilih)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/intake_form.py" line="87"/>
        <source>16 angka</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <location filename="../../ui/cases/intake_form.py" line="87"/>
        <source>18 angka</source>
        <translation>18 digits</translation>
    </message>
    <message>
        <location filename="../../ui/cases/intake_form.py" line="88"/>
        <source>mis. 0812 3456 7890</source>
        <translation>e.g. 0812 3456 7890</translation>
    </message>
    <message>
        <location filename="../../ui/cases/intake_form.py" line="88"/>
        <source>mis. nama@contoh.id</source>
        <translation>e.g. name@example.id</translation>
    </message>
    <message>
        <location filename="../../ui/cases/intake_form.py" line="89"/>
        <source>angka</source>
        <translation>number</translation>
    </message>
    <message>
        <location filename="../../ui/cases/intake_form.py" line="119"/>
        <source>%1: tanggal tidak dikenal, tulis hh-bb-tttt (mis. 06-12-2026)</source>
        <translation>%1: unknown date, write dd-mm-yyyy (e.g. 06-12-2026)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/intake_form.py" line="122"/>
        <source>%1 wajib diisi</source>
        <translation>%1 is required</translation>
    </message>
</context>
<context>
    <name>LaneAssignment</name>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="53"/>
        <source>No</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="53"/>
        <source>Kegiatan</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="53"/>
        <source>Pelaksana</source>
        <translation>Lane</translation>
    </message>
    <message>
        <location filename="../../ui/sops/import_dialog.py" line="78"/>
        <source>(pilih pelaksana)</source>
        <translation>(choose lane)</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="502"/>
        <source>Terbitkan surat?</source>
        <translation>Issue the letter?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="505"/>
        <source>Terbitkan</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="506"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="29"/>
        <source>Definitif</source>
        <translation>Definitive</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="30"/>
        <source>Plt. (Pelaksana Tugas)</source>
        <translation>Plt. (acting official)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="31"/>
        <source>Plh. (Pelaksana Harian)</source>
        <translation>Plh. (daily acting official)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="68"/>
        <source>Belum ada templat surat untuk SOP %1.</source>
        <translation>There is no letter template for SOP %1 yet.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="84"/>
        <source>Cetak surat — %1</source>
        <translation>Print letter — %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="119"/>
        <source>T&amp;emplat:</source>
        <translation>T&amp;emplate:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="134"/>
        <source>Kepala surat</source>
        <translation>Letter heading</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="136"/>
        <source>Isian surat</source>
        <translation>Letter fields</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="115"/>
        <source>Penanda tangan, tanggal dan kertas</source>
        <translation>Signatory, date and paper</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="122"/>
        <source>Penanda ta&amp;ngan:</source>
        <translation>Sig&amp;natory:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="127"/>
        <source>&amp;Kedudukan:</source>
        <translation>&amp;Capacity:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="130"/>
        <source>jabatan yang diwakili, mis. Kepala Kantor Wilayah</source>
        <translation>the position acted for, e.g. Kepala Kantor Wilayah</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="132"/>
        <source>Atas &amp;jabatan:</source>
        <translation>On behalf of &amp;position:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="139"/>
        <source>Tangg&amp;al surat:</source>
        <translation>Letter d&amp;ate:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="148"/>
        <source>Ke&amp;rtas:</source>
        <translation>Pape&amp;r:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="152"/>
        <source>Menyimpan atau mencetak menerbitkan surat: nomornya diambil dan surat dicatat di riwayat kasus serta agenda surat keluar.</source>
        <translation>Saving or printing issues the letter: its number is taken and the letter is recorded in the case history and the outgoing letter log.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="159"/>
        <source>Perbarui &amp;pratinjau</source>
        <translation>Refresh &amp;preview</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="177"/>
        <source>Simpan P&amp;DF…</source>
        <translation>Save P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="180"/>
        <source>&amp;Cetak…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="183"/>
        <source>T&amp;utup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="233"/>
        <source>%1 bukan operator dan bukan pemegang langkah kasus %2 saat ini, dan tidak memiliki jabatan untuk menandatangani %3: surat ini diterbitkan oleh petugas atau pejabat yang memegang langkahnya.</source>
        <translation>%1 is neither an operator nor the holder of the current step of case %2, and has no position to sign %3: this letter is issued by staff or by the official holding the step.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="240"/>
        <source>%1 bukan pemegang langkah kasus ini: surat hanya dapat diterbitkan dengan tanda tangan %1 sendiri.</source>
        <translation>%1 does not hold this case&apos;s step: a letter can only be issued with %1&apos;s own signature.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="272"/>
        <source>Otomatis: %1</source>
        <translation>Automatic: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="274"/>
        <source>(pilih penanda tangan)</source>
        <translation>(choose the signatory)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="161"/>
        <source>&amp;Sifat:</source>
        <translation>&amp;Nature:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="162"/>
        <source>&amp;Lampiran:</source>
        <translation>&amp;Enclosures:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="163"/>
        <source>&amp;Hal:</source>
        <translation>&amp;Subject:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="164"/>
        <source>&amp;Yth.:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="165"/>
        <source>d&amp;i:</source>
        <translation>&amp;in:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="184"/>
        <source>satu tujuan per baris</source>
        <translation>one addressee per line</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="187"/>
        <source>&amp;Tembusan:</source>
        <translation>&amp;Copies to:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter_form.py" line="201"/>
        <source>Wajib diisi</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="386"/>
        <source>Menyiapkan pratinjau…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="405"/>
        <source>Isian wajib belum diisi: %1</source>
        <translation>Required fields not filled in: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="409"/>
        <source>Pratinjau — nomor surat diberikan saat diterbitkan</source>
        <translation>Preview — the letter number is given when it is issued</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="419"/>
        <source>Pratinjau tidak dapat dibuat:</source>
        <translation>The preview cannot be made:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="425"/>
        <source>Simpan surat sebagai PDF</source>
        <translation>Save the letter as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="429"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="456"/>
        <source>Surat disimpan: %1</source>
        <translation>Letter saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="461"/>
        <source>Menyimpan surat…</source>
        <translation>Saving the letter…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="465"/>
        <source>Cetak surat</source>
        <translation>Print letter</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/letter.py" line="482"/>
        <source>%n halaman dikirim ke pencetak</source>
        <translation>
            <numerusform>%n page sent to the printer</numerusform>
            <numerusform>%n pages sent to the printer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="484"/>
        <source>Mencetak surat…</source>
        <translation>Printing the letter…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="562"/>
        <source>Surat nomor %1 telah diterbitkan</source>
        <translation>Letter number %1 has been issued</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="563"/>
        <source>Surat telah dicetak dan dicatat</source>
        <translation>The letter has been printed and recorded</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="564"/>
        <source>Tercatat di riwayat kasus dan agenda surat keluar. Menyimpan atau mencetak lagi memakai surat yang sama, tanpa nomor baru.</source>
        <translation>Recorded in the case history and the outgoing letter log. Saving or printing again uses the same letter, without a new number.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/letter.py" line="573"/>
        <source>Menerbitkan surat…</source>
        <translation>Issuing the letter…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="190"/>
        <source>Masuk — SOP Desktop</source>
        <translation>Log in — SOP Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="209"/>
        <source>Nama pengguna:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="210"/>
        <source>Kata sandi:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="220"/>
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="221"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="274"/>
        <source>Terlalu banyak percobaan. Coba lagi dalam %1 detik.</source>
        <translation>Too many attempts. Try again in %1 seconds.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <source>Kotak masuk</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="59"/>
        <source>Pustaka SOP</source>
        <translation>SOP library</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>&amp;Kasus baru…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>&amp;Impor SOP…</source>
        <translation>&amp;Import SOP…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>&amp;Pengaturan…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>Ke&amp;luar akun</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>&amp;Tutup aplikasi</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>&amp;Selesai</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>Tandai langkah sekarang selesai</source>
        <translation>Mark the current step done</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>&amp;Ya</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>Keputusan: Ya</source>
        <translation>Decision: Yes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>&amp;Tidak</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127"/>
        <source>Keputusan: Tidak</source>
        <translation>Decision: No</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>Kembalikan ke langkah sebelumnya</source>
        <translation>Return to an earlier step</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>&amp;Kembalikan</source>
        <translation>&amp;Return</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>&amp;Hentikan</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>Hentikan kasus</source>
        <translation>Stop the case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>Tambah &amp;lampiran…</source>
        <translation>Add &amp;attachment…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>&amp;Kotak masuk</source>
        <translation>&amp;Inbox</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>&amp;Pustaka SOP</source>
        <translation>SOP &amp;library</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Muat ulang</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>&amp;Cari kasus</source>
        <translation>&amp;Find case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>&amp;Ekspor register ke Excel…</source>
        <translation>&amp;Export register to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145"/>
        <source>&amp;Cadangkan basis data</source>
        <translation>&amp;Back up the database</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>Cadangan &amp;&amp; &amp;pemulihan…</source>
        <translation>Backup &amp;&amp; &amp;restore…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>Daftar cadangan, cadangkan sekarang, pulihkan, pilih folder cadangan</source>
        <translation>List the backups, back up now, restore, choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>&amp;Ganti kata sandi…</source>
        <translation>&amp;Change password…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153"/>
        <source>&amp;Administrasi…</source>
        <translation>&amp;Administration…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155"/>
        <source>&amp;Tentang SOP Desktop</source>
        <translation>&amp;About SOP Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>&amp;Panduan pengguna</source>
        <translation>User &amp;manual</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>C&amp;etak surat…</source>
        <translation>&amp;Print letter…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160"/>
        <source>Cetak surat untuk kasus yang dipilih</source>
        <translation>Print a letter for the selected case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>&amp;Buku register…</source>
        <translation>&amp;Register book…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>Laporan &amp;kinerja…</source>
        <translation>&amp;Performance report…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>Lembar &amp;monitoring SOP…</source>
        <translation>SOP &amp;monitoring sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>&amp;Agenda surat keluar…</source>
        <translation>Outgoing letter &amp;log…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>&amp;Kasus</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>La&amp;poran</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <source>&amp;Lihat</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>A&amp;dministrasi</source>
        <translation>A&amp;dministration</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>Ban&amp;tuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>Alat utama</source>
        <translation>Main tools</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>tanpa jabatan</source>
        <translation>no position</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Siap</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>Dimuat ulang</source>
        <translation>Reloaded</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>Kasus %1 dibuat</source>
        <translation>Case %1 created</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="322"/>
        <source>%n SOP disimpan</source>
        <translation>
            <numerusform>%n SOP saved</numerusform>
            <numerusform>%n SOPs saved</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="398"/>
        <source>Simpan register</source>
        <translation>Save register</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="399"/>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="417"/>
        <source>Mengekspor register…</source>
        <translation>Exporting the register…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="422"/>
        <source>Register disimpan: %1</source>
        <translation>Register saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423"/>
        <source>Register disimpan.</source>
        <translation>Register saved.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="437"/>
        <source>Mencadangkan basis data…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="438"/>
        <source>Cadangan dibuat: %1</source>
        <translation>Backup made: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="482"/>
        <source>Pilih kasus dahulu untuk mencetak surat.</source>
        <translation>Select a case first to print a letter.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="502"/>
        <source>Surat %1 diterbitkan dan dicatat</source>
        <translation>Letter %1 issued and recorded</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="503"/>
        <source>Surat dicetak dan dicatat di riwayat kasus</source>
        <translation>Letter printed and recorded in the case history</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="523"/>
        <source>Hanya administrator yang dapat membuka Administrasi.</source>
        <translation>Only administrators can open Administration.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="544"/>
        <source>Tentang SOP Desktop</source>
        <translation>About SOP Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="548"/>
        <source>SOP AP (Permenpan RB 35/2012) sebagai alat kerja kantor: pustaka SOP, diagram alir, kasus dengan kotak masuk per jabatan, register dan laporan.</source>
        <translation>SOP AP (Permenpan RB 35/2012) as an office tool: SOP library, flowcharts, cases with per-position inboxes, registers and reports.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="550"/>
        <source>Basis data: %1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../ui/dialogs/manual.py" line="23"/>
        <source>Panduan pengguna</source>
        <translation>User manual</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual.py" line="32"/>
        <source>Berkas panduan tidak ditemukan: %1</source>
        <translation>Manual file not found: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/manual.py" line="37"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/cases/new_case.py" line="35"/>
        <source>Kasus baru</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case.py" line="47"/>
        <source>SOP:</source>
        <translation>SOP:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case.py" line="49"/>
        <source>sekarang</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case.py" line="60"/>
        <source>Diterima:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case.py" line="63"/>
        <source>Biasa</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case.py" line="63"/>
        <source>Segera</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case.py" line="64"/>
        <source>Sangat segera</source>
        <translation>Very urgent</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case.py" line="64"/>
        <source>Rahasia</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case.py" line="66"/>
        <source>Sifat:</source>
        <translation>Urgency:</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case.py" line="79"/>
        <source>Catatan (boleh kosong)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case.py" line="90"/>
        <source>Buat kasus</source>
        <translation>Create case</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case.py" line="92"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case.py" line="121"/>
        <source>Langkah pertama: %1 — %2</source>
        <translation>First step: %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case.py" line="126"/>
        <source>Selesai saat kasus ini dicatat; kasus lalu menunggu di langkah %1: %2</source>
        <translation>Done when this case is recorded; the case then waits at step %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/cases/new_case.py" line="135"/>
        <source>Periksa isian yang ditandai merah.</source>
        <translation>Check the fields marked in red.</translation>
    </message>
</context>
<context>
    <name>NumberingTab</name>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="332"/>
        <source>Pola nomor agenda</source>
        <translation>Agenda number pattern</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="333"/>
        <source>Contoh</source>
        <translation>Example</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="335"/>
        <source>Isian yang dapat dipakai: {nomor} (wajib; {nomor:04d} untuk 0001), {kode}, {bulan_romawi}, {bulan}, {tahun}, {sop}.</source>
        <translation>Placeholders: {nomor} (required; {nomor:04d} for 0001), {kode}, {bulan_romawi}, {bulan}, {tahun}, {sop}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="339"/>
        <source>Kode SOP dalam nomor agenda</source>
        <translation>SOP code in the agenda number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="347"/>
        <source>SOP</source>
        <translation>SOP</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="348"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="350"/>
        <source>Simpan penomoran</source>
        <translation>Save numbering</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="379"/>
        <source>Penomoran disimpan; berlaku untuk kasus baru.</source>
        <translation>Numbering saved; it applies to new cases.</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="39"/>
        <source>Profil kantor</source>
        <translation>Office profile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="40"/>
        <source>Data ini dicetak pada kop surat dan laporan. Dapat diubah kemudian di menu Administrasi.</source>
        <translation>This is printed on the letterhead and reports. It can be changed later under Administration.</translation>
    </message>
</context>
<context>
    <name>OfficeProfileForm</name>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="46"/>
        <source>Kementerian / lembaga *</source>
        <translation>Ministry / agency *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="47"/>
        <source>Nama kantor *</source>
        <translation>Office name *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="48"/>
        <source>Unit / satuan kerja</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="49"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="50"/>
        <source>Kota *</source>
        <translation>City *</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="51"/>
        <source>Telepon</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="52"/>
        <source>Laman</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="53"/>
        <source>Surel</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="56"/>
        <source>mis. KEMENTERIAN HUKUM</source>
        <translation>e.g. KEMENTERIAN HUKUM</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="57"/>
        <source>mis. KANTOR WILAYAH SUMATERA SELATAN</source>
        <translation>e.g. KANTOR WILAYAH SUMATERA SELATAN</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="58"/>
        <source>tempat penandatanganan surat, mis. Palembang</source>
        <translation>where letters are signed, e.g. Palembang</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="59"/>
        <source>mis. kanwil@contoh.go.id</source>
        <translation>e.g. kanwil@example.go.id</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="75"/>
        <source>kosong: logo netral bawaan</source>
        <translation>empty: the bundled neutral logo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="77"/>
        <source>Pilih logo…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="81"/>
        <source>Logo kop surat</source>
        <translation>Letterhead logo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="104"/>
        <source>Pilih logo</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="105"/>
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="113"/>
        <source>(gambar tidak dapat dibaca)</source>
        <translation>(image cannot be read)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="119"/>
        <source>Kementerian / lembaga</source>
        <translation>Ministry / agency</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="119"/>
        <source>Nama kantor</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="120"/>
        <source>Kota</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="136"/>
        <source>Wajib diisi: %1</source>
        <translation>Required: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/office_form.py" line="139"/>
        <source>Logo tidak dapat dibaca: pilih berkas PNG atau JPG.</source>
        <translation>The logo cannot be read: choose a PNG or JPG file.</translation>
    </message>
</context>
<context>
    <name>OfficeTab</name>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="396"/>
        <source>Simpan profil kantor</source>
        <translation>Save office profile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="400"/>
        <source>Profil kantor disimpan.</source>
        <translation>Office profile saved.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/password.py" line="59"/>
        <source>Kata sandi lama:</source>
        <translation>Old password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="61"/>
        <source>minimal %1 karakter</source>
        <translation>at least %1 characters</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="64"/>
        <source>Kata sandi baru:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="65"/>
        <source>Ulangi kata sandi baru:</source>
        <translation>Repeat the new password:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="75"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="76"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="97"/>
        <source>Kata sandi minimal %1 karakter.</source>
        <translation>A password has at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="101"/>
        <source>Kata sandi baru harus berbeda dari kata sandi lama.</source>
        <translation>The new password must differ from the old one.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="106"/>
        <source>Kedua kata sandi baru tidak sama.</source>
        <translation>The two new passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="24"/>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="24"/>
        <source>Triwulan</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="25"/>
        <source>Semester</source>
        <translation>Half-year</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="25"/>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="26"/>
        <source>Rentang tanggal</source>
        <translation>Date range</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="29"/>
        <source>Seluruhnya</source>
        <translation>Everything</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="44"/>
        <source>Triwulan %1</source>
        <translation>Quarter %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="48"/>
        <source>Semester I (Januari–Juni)</source>
        <translation>First half (January–June)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="49"/>
        <source>Semester II (Juli–Desember)</source>
        <translation>Second half (July–December)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="58"/>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="59"/>
        <source>Ta&amp;hun:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="60"/>
        <source>&amp;Bulan:</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="61"/>
        <source>T&amp;riwulan:</source>
        <translation>&amp;Quarter:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="62"/>
        <source>Se&amp;mester:</source>
        <translation>&amp;Half-year:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="63"/>
        <source>Dari tangga&amp;l:</source>
        <translation>Fro&amp;m date:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/period_picker.py" line="64"/>
        <source>Sampai tangg&amp;al:</source>
        <translation>&amp;To date:</translation>
    </message>
</context>
<context>
    <name>PositionsTab</name>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="268"/>
        <source>Jabatan</source>
        <translation>Positions</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="269"/>
        <source>Alias (nama pelaksana di SOP)</source>
        <translation>Aliases (lane names in SOPs)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="270"/>
        <source>Luar kantor</source>
        <translation>Outside the office</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="270"/>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="271"/>
        <source>Pelaksana SOP</source>
        <translation>SOP lanes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="277"/>
        <source>Berapa pelaksana (kolom) SOP yang berarti jabatan ini</source>
        <translation>How many SOP actors (lanes) mean this position</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="283"/>
        <source>pisahkan dengan titik koma, mis. Kakanwil; Ka.Kanwil</source>
        <translation>separate with semicolons, e.g. Kakanwil; Ka.Kanwil</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="284"/>
        <source>Di luar kantor (masyarakat, pemohon, instansi lain)</source>
        <translation>Outside the office (public, applicants, other agencies)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="285"/>
        <source>Nama jabatan</source>
        <translation>Position name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="286"/>
        <source>Alias</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="289"/>
        <source>Simpan jabatan</source>
        <translation>Save position</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="313"/>
        <source>Jabatan %1 disimpan.</source>
        <translation>Position %1 saved.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="86"/>
        <source>Baru</source>
        <translation>New</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/dialogs/report.py" line="100"/>
        <source>Pilihan</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="112"/>
        <source>Register kasus SOP</source>
        <translation>SOP case register</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="113"/>
        <source>Buku Register Aduan</source>
        <translation>Complaint register book</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="114"/>
        <source>&amp;Jenis register:</source>
        <translation>Register &amp;type:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="122"/>
        <source>&amp;SOP:</source>
        <translation>&amp;SOP:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="143"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="143"/>
        <source>Berjalan</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="144"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="144"/>
        <source>Dihentikan</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="145"/>
        <source>Terlambat (melewati mutu baku)</source>
        <translation>Late (past the time standard)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="147"/>
        <source>Stat&amp;us:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="153"/>
        <source>Semua jabatan</source>
        <translation>All positions</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="157"/>
        <source>Jabata&amp;n:</source>
        <translation>Positio&amp;n:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="132"/>
        <source>A4 mendatar</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="133"/>
        <source>F4 (folio) mendatar</source>
        <translation>F4 (folio) landscape</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="136"/>
        <source>&amp;Kertas PDF:</source>
        <translation>PDF &amp;paper:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="162"/>
        <source>Penanda tangan PDF</source>
        <translation>PDF signatory</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="169"/>
        <source>Jabatan:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="169"/>
        <source>Nama:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="170"/>
        <source>NIP:</source>
        <translation>NIP:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="173"/>
        <source>kosong: diisi tangan sesudah dicetak</source>
        <translation>empty: filled in by hand after printing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="187"/>
        <source>Perbarui prat&amp;injau</source>
        <translation>Refresh prev&amp;iew</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="208"/>
        <source>Simpan &amp;Excel…</source>
        <translation>Save &amp;Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="211"/>
        <source>Simpan P&amp;DF…</source>
        <translation>Save P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="214"/>
        <source>&amp;Cetak…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="217"/>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="91"/>
        <location filename="../../ui/dialogs/report.py" line="329"/>
        <source>Menyiapkan pratinjau…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="244"/>
        <source>Buku register</source>
        <translation>Register book</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="244"/>
        <source>Laporan kinerja</source>
        <translation>Performance report</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="245"/>
        <source>Lembar monitoring SOP</source>
        <translation>SOP monitoring sheet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="246"/>
        <source>Agenda surat keluar</source>
        <translation>Outgoing letter log</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="259"/>
        <source>Semua SOP pengaduan</source>
        <translation>All complaint SOPs</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="261"/>
        <source>Semua SOP</source>
        <translation>All SOPs</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="323"/>
        <source>Perbaiki pilihan untuk melihat pratinjau.</source>
        <translation>Correct the options to see the preview.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="360"/>
        <source>Pratinjau menampilkan %1 halaman pertama dari %2; berkas dan cetakan memuat semua halaman.</source>
        <translation>The preview shows the first %1 pages of %2; the file and the printout hold every page.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/report.py" line="368"/>
        <source>Pratinjau: %n halaman</source>
        <translation>
            <numerusform>Preview: %n page</numerusform>
            <numerusform>Preview: %n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="377"/>
        <source>Pratinjau tidak dapat dibuat:</source>
        <translation>The preview cannot be made:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="389"/>
        <source>Simpan Excel</source>
        <translation>Save Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="389"/>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="391"/>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="392"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="425"/>
        <source>Laporan disimpan: %1</source>
        <translation>Report saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="432"/>
        <source>Laporan disimpan.</source>
        <translation>Report saved.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="435"/>
        <source>Menyimpan laporan…</source>
        <translation>Saving the report…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_output.py" line="216"/>
        <source>Belum ada pencetak yang terpasang di komputer ini. Simpan sebagai PDF, lalu cetak dari komputer yang memiliki pencetak.</source>
        <translation>No printer is installed on this computer. Save as PDF, then print from a computer that has a printer.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="355"/>
        <source>Pratinjau menampilkan %1 baris pertama (%2 halaman pertama dari sekitar %3); berkas dan cetakan memuat semua baris.</source>
        <translation>The preview shows the first %1 rows (the first %2 pages of about %3); the file and the printout hold every row.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="365"/>
        <source>Pratinjau: %1 halaman pertama dari sekitar %2</source>
        <translation>Preview: first %1 pages of about %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="447"/>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/report.py" line="470"/>
        <source>%n halaman dikirim ke pencetak</source>
        <translation>
            <numerusform>%n page sent to the printer</numerusform>
            <numerusform>%n pages sent to the printer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report.py" line="472"/>
        <source>Mencetak…</source>
        <translation>Printing…</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/password.py" line="169"/>
        <source>Atur ulang kata sandi</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="170"/>
        <source>Kata sandi baru untuk %1 (%2). Sampaikan kepadanya secara langsung, dan minta ia menggantinya setelah masuk.</source>
        <translation>New password for %1 (%2). Tell it to them in person, and ask them to change it after logging in.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings.py" line="73"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="81"/>
        <source>Bahasa antarmuka:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="83"/>
        <source>Jendela utama dibuka ulang dalam bahasa yang dipilih.</source>
        <translation>The main window is reopened in the chosen language.</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="89"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="90"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="163"/>
        <source>Penyiapan SOP Desktop</source>
        <translation>SOP Desktop setup</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="165"/>
        <source>Lanjut &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="166"/>
        <source>&lt; Kembali</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="167"/>
        <source>Selesai</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/setup.py" line="168"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SopBrowser</name>
    <message>
        <location filename="../../ui/sops/browser.py" line="113"/>
        <source>Cari SOP (nama atau nomor)…</source>
        <translation>Search SOPs (name or number)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sops/browser.py" line="174"/>
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
        <location filename="../../ui/sops/browser.py" line="51"/>
        <source>Identitas</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="52"/>
        <source>Langkah dan mutu baku</source>
        <translation>Steps and quality standards</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="53"/>
        <source>Diagram alir</source>
        <translation>Flowchart</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="59"/>
        <source>Nama SOP</source>
        <translation>SOP name</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="60"/>
        <source>Nomor SOP</source>
        <translation>SOP number</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="61"/>
        <source>Tanggal pembuatan</source>
        <translation>Date made</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="62"/>
        <source>Tanggal revisi</source>
        <translation>Date revised</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="63"/>
        <source>Tanggal efektif</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="67"/>
        <source>Disahkan oleh</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="69"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="70"/>
        <source>Dasar hukum</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="70"/>
        <source>Kualifikasi pelaksana</source>
        <translation>Staff qualifications</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="71"/>
        <source>Keterkaitan</source>
        <translation>Related SOPs</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="71"/>
        <source>Peralatan/perlengkapan</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="72"/>
        <source>Peringatan</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="72"/>
        <source>Pencatatan dan pendataan</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="79"/>
        <source>Pelaksana</source>
        <translation>Lane</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="81"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/sops/browser.py" line="81"/>
        <source>SOP ini tidak lengkap (sebagian halaman hilang).</source>
        <translation>This SOP is incomplete (some pages are missing).</translation>
    </message>
</context>
<context>
    <name>TableModels</name>
    <message>
        <location filename="../../ui/widgets/models.py" line="82"/>
        <source>Nomor SOP</source>
        <translation>SOP number</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="83"/>
        <source>Nama SOP</source>
        <translation>SOP name</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="84"/>
        <source>Versi</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="85"/>
        <source>Langkah</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="93"/>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="94"/>
        <source>Proses</source>
        <translation>Process</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="95"/>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="96"/>
        <source>Selesai</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="104"/>
        <source>No</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="105"/>
        <source>Kegiatan</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="106"/>
        <source>Pelaksana</source>
        <translation>Lane</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="108"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="109"/>
        <source>Kelengkapan</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="110"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="111"/>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="112"/>
        <source>Keterangan</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="114"/>
        <source>Mutu baku: %1</source>
        <translation>Quality standard (mutu baku): %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="116"/>
        <source>kelengkapan / persyaratan yang harus ada</source>
        <translation>the inputs / requirements that must be present</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="118"/>
        <source>waktu standar</source>
        <translation>standard time</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="119"/>
        <source>keluaran langkah</source>
        <translation>the step&apos;s output</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="126"/>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="127"/>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/models.py" line="106"/>
        <source>(belum ditentukan)</source>
        <translation>(not assigned)</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../ui/workers.py" line="35"/>
        <source>Terjadi kesalahan tak terduga (%1). Rinciannya dicatat di berkas log aplikasi.</source>
        <translation>An unexpected error occurred (%1). The details were written to the application log file.</translation>
    </message>
</context>
<context>
    <name>UnsavedGuard</name>
    <message>
        <location filename="../../ui/widgets/unsaved.py" line="72"/>
        <source>Ada perubahan yang belum disimpan: %1.</source>
        <translation>There are unsaved changes: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unsaved.py" line="76"/>
        <source>Tutup tanpa menyimpan? Perubahan itu akan hilang.</source>
        <translation>Close without saving? Those changes will be lost.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unsaved.py" line="77"/>
        <source>Tutup tanpa menyimpan</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unsaved.py" line="80"/>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="142"/>
        <location filename="../../ui/dialogs/admin.py" line="171"/>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="143"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="144"/>
        <location filename="../../ui/dialogs/admin.py" line="174"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="145"/>
        <source>Jabatan</source>
        <translation>Positions</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="146"/>
        <location filename="../../ui/dialogs/admin.py" line="149"/>
        <location filename="../../ui/dialogs/admin.py" line="164"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="146"/>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="146"/>
        <location filename="../../ui/dialogs/admin.py" line="149"/>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="152"/>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="169"/>
        <source>Minimal 8 karakter. Untuk pengguna yang sudah ada, biarkan kosong agar kata sandinya tidak diubah.</source>
        <translation>At least 8 characters. For an existing user, leave it empty to keep the password unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="172"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="173"/>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="176"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="178"/>
        <source>Jabatan yang dipegang:</source>
        <translation>Positions held:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="184"/>
        <source>Simpan pengguna</source>
        <translation>Save user</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="196"/>
        <source> (luar kantor)</source>
        <translation> (outside the office)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="206"/>
        <source>minimal 8 karakter</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="219"/>
        <source>kosong: tidak diubah</source>
        <translation>empty: unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="241"/>
        <source>Pengguna %1 ditambahkan.</source>
        <translation>User %1 added.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="245"/>
        <source>Anda tidak dapat mencabut peran administrator atau menonaktifkan akun Anda sendiri.</source>
        <translation>You cannot remove your own administrator role or deactivate your own account.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/admin.py" line="255"/>
        <source>Pengguna %1 disimpan.</source>
        <translation>User %1 saved.</translation>
    </message>
</context>
</TS>
