"""Letters as an office files them (issue 17, items 9, 10, 16, 19): the lembar disposisi with
the chosen official and the case's own matter, the tanda terima with the incoming letter and the
receiver's jabatan, the berita acara with its weekday in words, a warning for a letter dated on
a Sunday or a holiday, one NIP format, a jabatan that never wraps mid-name, moderate gaps in
justified lines, and demo data that agree with themselves."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import re

import pdfplumber
from reportlab.lib.units import cm

from sop_desktop.letters import derived, render, templates
from sop_desktop.services.office import OfficeProfile
from tests.core.letters_support import open_case, pdf_text, setup_office
from tests.ui.letters_support import open_letter_dialog

SUNDAY = dt.date(2026, 12, 6)
PROFILE = OfficeProfile(kementerian="Kementerian Uji", kantor="Kantor Wilayah Contoh",
                        kota="Palembang")


def lines_of(path_or_bytes) -> list[str]:
    src = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else str(path_or_bytes)
    with pdfplumber.open(src) as pdf:
        return [" ".join(line.split()) for page in pdf.pages
                for line in (page.extract_text() or "").splitlines()]


# -- item 9: lembar disposisi ------------------------------------------------------------------

def test_disposisi_prints_the_chosen_official_and_the_cases_matter(services, tmp_path):
    setup = setup_office(services)
    letters, op = setup["letters"], setup["op"]
    number = open_case(services, op, "YANKOMAS-KANWIL", pokok_aduan="Sengketa tanah adat Ogan")
    letters.issue(number, "lembar-disposisi", op, signer="kakanwil", when=dt.date(2026, 12, 4),
                  out=tmp_path / "d.pdf")
    text = pdf_text(tmp_path / "d.pdf")
    assert "Perihal: Sengketa tanah adat Ogan" in text
    defn = services.sops.get("YANKOMAS-KANWIL")
    assert f"Perihal: {defn.name}" not in text
    assert "Dr. Budi Santoso, S.H., M.H." in text and "NIP 19700101 199003 1 001" in text
    assert "Tanggal: 4 Desember 2026" in text and "Kepala Kantor Wilayah," in text
    # the Perihal is a field of the dialog: what the user types wins
    letters.issue(number, "lembar-disposisi", op, signer="kakanwil", out=tmp_path / "e.pdf",
                  fields={"perihal": "Permohonan mediasi"}, confirm={"lagi"})
    assert "Perihal: Permohonan mediasi" in pdf_text(tmp_path / "e.pdf")
    assert "perihal" in templates.get("lembar-disposisi").fields


# -- item 10: tanda terima ---------------------------------------------------------------------

def test_receipt_names_the_incoming_letter_the_matter_and_the_receivers_jabatan(services,
                                                                                 tmp_path):
    setup = setup_office(services)
    letters, op = setup["letters"], setup["op"]
    number = open_case(services, op, "YANKOMAS-KANWIL", pokok_aduan="Sengketa tanah adat Ogan",
                       nomor_surat_masuk="045/ADV/XI/2026", tanggal_surat_masuk="2026-11-02")
    letters.issue(number, "tanda-terima", op, out=tmp_path / "t.pdf")
    lines = lines_of(tmp_path / "t.pdf")
    assert "Nomor Surat : 045/ADV/XI/2026" in lines
    assert "Tanggal Surat : 2 November 2026" in lines
    assert "Perihal : Sengketa tanah adat Ogan" in lines
    text = " ".join(lines)
    assert "Yang menerima" in text and "Pengadministrasi Umum," in text
    assert "NIP 19900101 201503 2 001" in text
    # a case without an incoming letter: no empty rows for it
    other = open_case(services, op, "YANKOMAS-KANWIL", nomor_surat_masuk="",
                      tanggal_surat_masuk="")
    letters.issue(other, "tanda-terima", op, out=tmp_path / "u.pdf")
    assert not any(line.startswith("Nomor Surat") for line in lines_of(tmp_path / "u.pdf"))


# -- item 16: berita acara, Sunday warning, NIP, jabatan, justified lines ----------------------

def test_berita_acara_says_the_weekday_and_the_date_in_words(services, tmp_path):
    setup = setup_office(services)
    letters, op = setup["letters"], setup["op"]
    number = open_case(services, op, "HAK-AKSES-APLIKASI", reach="berita-acara-hak-akses")
    letters.issue(number, "berita-acara-hak-akses", op, when=SUNDAY, out=tmp_path / "b.pdf",
                  fields={"nip_pemohon": "19681107.199403.1.001", "nama_akun": "budi.s"},
                  confirm={"tanpa_nip", "tahun_lain"})
    text = pdf_text(tmp_path / "b.pdf")
    assert ("Pada hari ini, Minggu, tanggal enam bulan Desember tahun dua ribu dua puluh enam"
            in text)
    assert "NIP 19681107 199403 1 001" in text  # the receiver's NIP, typed with dots
    # beside the receiver's block the signer's long jabatan still keeps to one line
    assert any(line.endswith("Ketua Tim Kerja Pengelolaan Sistem Informasi,")
               for line in lines_of(tmp_path / "b.pdf"))


def test_terbilang_and_dates_back_from_letters():
    assert derived.terbilang(2026) == "dua ribu dua puluh enam"
    assert derived.terbilang(11) == "sebelas" and derived.terbilang(19) == "sembilan belas"
    assert derived.terbilang(1999) == "seribu sembilan ratus sembilan puluh sembilan"
    assert derived.terbilang(31) == "tiga puluh satu" and derived.terbilang(100) == "seratus"
    assert derived.parse_tanggal("6 Desember 2026") == SUNDAY
    assert derived.parse_tanggal("[Tanggal surat]") is None


def test_a_letter_dated_on_a_sunday_or_a_holiday_gets_a_warning(services):
    cal = services.cases.calendar()
    assert "hari Minggu" in derived.date_warning(cal, SUNDAY)
    assert "hari libur" in derived.date_warning(cal, dt.date(2026, 12, 25))  # Natal
    assert derived.date_warning(cal, dt.date(2026, 12, 4)) == ""


def test_the_letter_dialog_warns_about_a_sunday_and_lets_perihal_be_edited(qtbot, window):
    from PySide6.QtCore import QDate

    dialog = open_letter_dialog(qtbot, window, "lembar-disposisi")
    assert dialog.field_edits["perihal"].text() == "Sengketa tanah adat"
    dialog.date.setDate(QDate(2026, 12, 6))
    assert dialog.date_warning.isVisibleTo(dialog)
    assert "Minggu" in dialog.date_warning.text()
    dialog.date.setDate(QDate(2026, 12, 4))
    assert not dialog.date_warning.isVisibleTo(dialog)
    dialog.close()


def test_nip_prints_in_one_format_everywhere():
    tpl = templates.parse('''+++
id = "uji-nip"
name = "Uji NIP"
kind = "naskah"
judul = "SURAT KETERANGAN"
[fields.nip_pegawai]
label = "NIP pegawai"
+++
Yang bertanda tangan di bawah ini:

NIP :: {nip_pegawai}
Penanda tangan :: {penandatangan_nip}
''', source="uji")
    values = render.sample_values(tpl, PROFILE)
    values.update(nip_pegawai="NIP. 196811071994031001", penandatangan_jabatan="Kepala",
                  penandatangan_nama="Budi", penandatangan_nip="197001011990031001")
    buf = io.BytesIO()
    render.render_letter(tpl, values, PROFILE, buf)
    lines = lines_of(buf.getvalue())
    assert "NIP : 19681107 199403 1 001" in lines
    assert "Penanda tangan : 19700101 199003 1 001" in lines
    assert "NIP 19700101 199003 1 001" in lines
    assert not any("NIP." in line for line in lines)


def test_a_long_jabatan_keeps_to_one_line_in_the_nota_dinas():
    tpl = templates.get("nota-dinas", office_folder=None)
    jabatan = "Kepala Bidang Pelayanan Hukum dan Hak Asasi Manusia"
    values = render.sample_values(tpl, PROFILE)
    values.update(nomor="W.6-UM.01.01-1/2026", penandatangan_jabatan=jabatan,
                  penandatangan_nama="Dr. Budi Santoso, S.H., M.H.",
                  penandatangan_nip="197001011990031001", perihal="Laporan",
                  tujuan_nota="Kepala Kantor Wilayah", isi_nota="Isi singkat.")
    buf = io.BytesIO()
    render.render_letter(tpl, values, PROFILE, buf)
    assert f"{jabatan}," in lines_of(buf.getvalue())


LONG = ("Sehubungan dengan pengaduan yang telah tercatat dalam buku register pengaduan "
        "dengan nomor 0001/YANKOMAS-KANWIL-SUMATERA-SELATAN/XII/2025/LAMPIRAN-TAMBAHAN "
        "tanggal lima Desember, kami sampaikan bahwa berkas telah diterima dengan lengkap "
        "dan akan ditindaklanjuti sesuai dengan ketentuan peraturan perundang-undangan.")


def _widest_gap(data: bytes) -> float:
    """The widest space between two words on one line of the body text, in points."""
    widest = 0.0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = [w for w in pdf.pages[0].extract_words() if w["top"] > 5 * cm]
    rows: dict[int, list] = {}
    for w in words:
        rows.setdefault(round(w["top"]), []).append(w)
    for row in rows.values():
        row.sort(key=lambda w: w["x0"])
        for a, b in itertools.pairwise(row):
            widest = max(widest, b["x0"] - a["x1"])
    return widest


def test_justified_lines_never_open_very_wide_gaps(monkeypatch):
    tpl = templates.parse(f'+++\nid = "uji-rata"\nname = "Uji"\nkind = "naskah"\n'
                          f'judul = "UJI"\n+++\n{LONG}\n', source="uji")
    values = render.sample_values(tpl, PROFILE)
    values.update(penandatangan_jabatan="Kepala", penandatangan_nama="Budi")

    def gap() -> float:
        buf = io.BytesIO()
        render.render_letter(tpl, values, PROFILE, buf)
        return _widest_gap(buf.getvalue())

    from reportlab.pdfbase.pdfmetrics import stringWidth

    from sop_desktop.output.fonts import SERIF, register_fonts

    register_fonts()
    space = stringWidth(" ", SERIF, 10.5)  # a space of the body text
    monkeypatch.setattr(render, "MAX_EXTRA_SPACE", 1e9)
    assert gap() > 4 * space  # stretched to the margin, this paragraph has a very wide gap
    monkeypatch.undo()
    assert gap() <= (1 + render.MAX_EXTRA_SPACE) * space + 1.0


# -- item 19: demo data ------------------------------------------------------------------------

_MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
           "september", "oktober", "november", "desember")


def test_demo_internships_start_after_the_request_and_emails_follow_the_name(services):
    from sop_desktop.ops import demo
    from sop_desktop.storage import db as dbm

    demo.fill(services, 150, seed=3, now=dt.datetime(2026, 12, 4, 10, 0), password="pelatihan")
    checked = 0
    for case in dbm.Case.select().where(dbm.Case.sop_code.in_(["IZIN-MAGANG", "SIGAP-MAGANG"])):
        fields = case.fields if isinstance(case.fields, dict) else json.loads(case.fields)
        start = re.match(r"(\w+)(?: (\d{4}))? –", fields["periode"])
        year = int(start.group(2) or fields["periode"].split()[-1])
        month = _MONTHS.index(start.group(1).lower()) + 1
        created = case.created_at if isinstance(case.created_at, dt.datetime) else \
            dt.datetime.fromisoformat(str(case.created_at))
        assert (year, month) > (created.year, created.month), (fields["periode"], created)
        first = fields["pemohon"].split()[0].lower()
        assert fields["email"].startswith(first + "."), (fields["pemohon"], fields["email"])
        checked += 1
    assert checked >= 3
