"""Made-up but plausible values for demo cases: Indonesian names, addresses, intake records.

Pure functions of a random generator (no database), used by the demo fill's generator
(sop_desktop.ops.demo_gen) and for the demo users' names (sop_desktop.ops.demo).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Sequence

from sop_desktop.domain.model import IntakeField

FIRST_NAMES = ("Budi", "Siti", "Agus", "Dewi", "Rina", "Andi", "Sri", "Hendra", "Putri",
               "Yusuf", "Wahyu", "Ratna", "Fajar", "Lestari", "Bambang", "Nur", "Eko", "Indah",
               "Rizki", "Maya")
LAST_NAMES = ("Santoso", "Rahayu", "Wijaya", "Lestari", "Hidayat", "Saputra", "Kurniawan",
              "Pratama", "Nasution", "Siregar", "Harahap", "Simanjuntak", "Utami", "Setiawan",
              "Gunawan")
_PERIHAL = ("Permohonan informasi", "Pengaduan pelayanan", "Permohonan izin penelitian",
            "Permohonan data kinerja", "Laporan kegiatan", "Usulan anggaran",
            "Permohonan rekomendasi", "Penyampaian dokumen", "Permintaan klarifikasi")

_KOTA = ("Palembang", "Prabumulih", "Lubuklinggau", "Pagar Alam", "Baturaja", "Kayuagung",
         "Sekayu", "Muara Enim", "Lahat", "Martapura")
_JALAN = ("Jl. Jenderal Sudirman", "Jl. Merdeka", "Jl. Kapten Rivai", "Jl. Demang Lebar Daun",
          "Jl. Angkatan 45", "Jl. Veteran", "Jl. Basuki Rahmat", "Jl. Kolonel Atmo")
_TERADU = ("Dinas Kependudukan dan Pencatatan Sipil", "Rumah Sakit Umum Daerah",
           "Kepolisian Sektor", "PT Perkebunan Nusantara", "Pemerintah Desa", "Dinas Pendidikan",
           "Badan Pertanahan Nasional", "Lembaga Pemasyarakatan", "Dinas Sosial")
_ADUAN = ("Pengaduan atas penggusuran lahan tanpa ganti rugi yang layak",
          "Pengaduan atas penolakan layanan kesehatan bagi peserta BPJS",
          "Pengaduan atas penahanan yang melebihi batas waktu",
          "Pengaduan atas pemutusan hubungan kerja sepihak",
          "Pengaduan atas penolakan pencatatan kelahiran anak",
          "Pengaduan atas intimidasi dalam sengketa tanah adat",
          "Pengaduan atas diskriminasi penerimaan siswa baru")
_KAMPUS = ("Universitas Sriwijaya", "Universitas Muhammadiyah Palembang", "UIN Raden Fatah",
           "Politeknik Negeri Sriwijaya", "Universitas PGRI Palembang", "SMK Negeri 2 Palembang",
           "Universitas Bina Darma", "Politeknik Ilmu Pemasyarakatan")
_JUDUL = ("Efektivitas layanan komunikasi masyarakat di bidang HAM",
          "Implementasi kebijakan kabupaten/kota peduli HAM",
          "Peran kantor wilayah dalam harmonisasi peraturan daerah",
          "Pelayanan publik berbasis HAM di tingkat daerah",
          "Tata kelola kearsipan dinamis di instansi vertikal")
_UNIT = ("Bagian Umum", "Bagian Program dan Humas", "Divisi Pelayanan Hukum dan HAM",
         "Bidang Hak Asasi Manusia", "Subbagian Kepegawaian", "Subbagian Keuangan")
_APLIKASI = ("SIMPEG", "e-Office", "SIMAK BMN", "SAKTI", "e-Kinerja", "SIPKUMHAM")
_HAK = ("Operator", "Verifikator", "Administrator unit", "Pengguna baca saja")
_MAIL_DOMAINS = ("gmail.com", "yahoo.co.id", "student.unsri.ac.id", "mail.contoh.id")
_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
_ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _person(rng: random.Random) -> str:
    """A made-up Indonesian name."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _field_value(f: IntakeField, rng: random.Random, when: dt.datetime) -> str | int:
    """A plausible value for an intake field, by its type and then by what its key means."""
    if f.type == "nik":
        return "".join(rng.choice("0123456789") for _ in range(16))
    if f.type == "nip":
        return "19" + "".join(rng.choice("0123456789") for _ in range(16))
    if f.type == "phone":
        return "08" + "".join(rng.choice("0123456789") for _ in range(rng.randint(9, 11)))
    if f.type == "email":
        return f"{rng.choice(FIRST_NAMES)}.{rng.choice(LAST_NAMES)}".lower() + "@contoh.id"
    if f.type == "date":
        return (when.date() - dt.timedelta(days=rng.randint(0, 30))).isoformat()
    if f.type == "integer":
        return when.year if "tahun" in f.key.lower() else rng.randint(1, 12)
    if f.type == "choice":
        return rng.choice(f.choices) if f.choices else ""
    key = f"{f.key} {f.label}".lower()
    if "alamat" in key:
        return f"{rng.choice(_JALAN)} No. {rng.randint(1, 250)}, {rng.choice(_KOTA)}"
    if "teradu" in key:
        return f"{rng.choice(_TERADU)} {rng.choice(_KOTA)}"
    if "pokok" in key or "aduan" in key or "uraian" in key:
        return f"{rng.choice(_ADUAN)} di {rng.choice(_KOTA)}."
    if "nomor_surat" in key or "nomor surat" in key:
        return (f"{rng.randint(1, 999):03d}/{rng.choice(('UND', 'SK', 'B', 'PH'))}/"
                f"{_ROMAWI[when.month - 1]}/{when.year}")
    if "paspor" in key:
        return rng.choice("ABCEX") + "".join(rng.choice("0123456789") for _ in range(7))
    if "warga" in key:
        return rng.choice(("Malaysia", "Singapura", "Tiongkok", "Australia", "Belanda"))
    if "instansi" in key or "perguruan" in key or "sekolah" in key:
        return rng.choice(_KAMPUS)
    if "judul" in key:
        return rng.choice(_JUDUL)
    if "aplikasi" in key:
        return rng.choice(_APLIKASI)
    if "hak_akses" in key or "hak akses" in key:
        return rng.choice(_HAK)
    if "unit" in key or "bagian" in key:
        return rng.choice(_UNIT)
    if "periode" in key:
        start = rng.randint(0, 11)
        return f"{_BULAN[start]} – {_BULAN[(start + rng.randint(1, 3)) % 12]} {when.year}"
    if any(w in key for w in ("nama", "pemohon", "pengadu", "pelapor", "peserta")):
        return _person(rng)
    if f.type == "textarea":
        return f"{rng.choice(_PERIHAL)} atas nama {_person(rng)}."
    return rng.choice(_PERIHAL)


def _email_of(name: str, rng: random.Random) -> str:
    """An e-mail address made from a person's name: 'Siti Aminah' -> siti.aminah@..."""
    local = ".".join(re.sub(r"[^a-z]", "", part) for part in name.lower().split()[:2])
    return f"{local.strip('.') or 'pemohon'}{rng.choice(('', '', str(rng.randint(1, 99))))}@" \
           f"{rng.choice(_MAIL_DOMAINS)}"


def _period_after(rng: random.Random, when: dt.datetime) -> str:
    """An internship or research period that starts one to three months after the request
    and lasts one to three months: 'Januari – Maret 2027' (years named when they differ)."""
    first = when.year * 12 + when.month - 1 + rng.randint(1, 3)
    last = first + rng.randint(1, 3)
    (y1, m1), (y2, m2) = divmod(first, 12), divmod(last, 12)
    if y1 == y2:
        return f"{_BULAN[m1]} – {_BULAN[m2]} {y2}"
    return f"{_BULAN[m1]} {y1} – {_BULAN[m2]} {y2}"


def record(fields: Sequence[IntakeField], rng: random.Random,
            when: dt.datetime) -> dict[str, str | int]:
    """One case's intake values that agree with each other: the e-mail is made from the
    applicant's name, a requested period lies after the request date."""
    values = {f.key: _field_value(f, rng, when) for f in fields}
    person = next((str(values[f.key]) for f in fields if f.type not in ("email", "textarea")
                   and isinstance(values.get(f.key), str) and _is_person(f)), None)
    for f in fields:
        if f.type == "email":
            values[f.key] = _email_of(person or _person(rng), rng)
        elif f.type == "text" and "periode" in f"{f.key} {f.label}".lower():
            values[f.key] = _period_after(rng, when)
    return values


def _is_person(f: IntakeField) -> bool:
    """True for a field that names a person (the applicant), not an institution."""
    key = f"{f.key} {f.label}".lower()
    return any(w in key for w in ("nama", "pemohon", "pengadu", "pelapor", "peserta")) and \
        not any(w in key for w in ("instansi", "unit", "aplikasi", "akun", "teradu"))

