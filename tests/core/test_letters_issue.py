"""Issuing letters for real cases: numbering, the outgoing register, history, CLI, two processes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap

import openpyxl
import pypdf
import pytest

from sop_desktop.errors import PermissionDenied, ValidationError
from sop_desktop.letters import numbering, templates
from sop_desktop.letters.register import export_outgoing_xlsx, rows_outgoing
from sop_desktop.letters.service import CONFIRM_AGAIN, CONFIRM_OTHER_YEAR, _norm
from sop_desktop.services.users import hash_password
from sop_desktop.storage import db as dbm
from tests.conftest import ROOT, run_cli
from tests.core.letters_support import PASSWORD, open_case, pdf_text, setup_office

TRICKY = "<b>&amp; x < y"
YEAR = dbm.now_local().year  # the default letter-number pattern ends in the year
AGAIN = {CONFIRM_AGAIN}  # the same template again for one case: the person said yes


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def office_setup(services):
    return setup_office(services)


def test_rekomendasi_for_a_yankomas_case_reads_back_exactly(services, office_setup, tmp_path):
    letters, op = office_setup["letters"], office_setup["op"]
    number = open_case(services, op, "YANKOMAS-KANWIL", nama_pengadu=TRICKY,
                       pihak_teradu="Kepala Kepolisian Resor Kota Palembang",
                       pokok_aduan="Penahanan tanpa surat perintah", reach="surat-rekomendasi")
    out = tmp_path / "rekomendasi.pdf"
    issued = letters.issue(number, "surat-rekomendasi", op, out=out)
    assert issued.number == f"W.6-HAM.04.02-1/{YEAR}"
    text = pdf_text(out)
    assert f"Rekomendasi atas Pengaduan Sdr. {TRICKY}" in text  # typed markup printed literally
    assert "Yth. Kepala Kepolisian Resor Kota Palembang di Tempat" in text
    assert "Penahanan tanpa surat perintah" in text and number in text
    for piece in issued.letter.printed_texts():
        assert norm(piece) in text, piece
    # the signer: the one holder of the template's signing position, NIP grouped
    assert "Kepala Kantor Wilayah, Dr. Budi Santoso, S.H., M.H. NIP 19700101 199003 1 001" in text
    assert "Tembusan: 1. Kepala Divisi Pelayanan Hukum dan HAM 2." in text
    # agenda surat keluar and case history, with the PDF archived on the event
    row = dbm.OutgoingLetter.get(dbm.OutgoingLetter.number == issued.number)
    assert row.case.number == number and row.template == "surat-rekomendasi"
    assert row.subject == f"Rekomendasi atas Pengaduan Sdr. {TRICKY}"
    assert row.file_sha256 == issued.sha256
    events = [h for h in services.cases.history(number) if h.action == "surat"]
    assert len(events) == 1 and issued.number in events[0].note
    assert events[0].attachments and events[0].attachments[0]["sha256"] == issued.sha256


def test_plt_and_plh_print_before_the_official_position(services, office_setup, tmp_path):
    letters, op = office_setup["letters"], office_setup["op"]
    number = open_case(services, op, "YANKOMAS-KANWIL", reach="surat-rekomendasi")
    for acting, mark in (("plt", "Plt."), ("plh", "Plh.")):
        out = tmp_path / f"{acting}.pdf"
        letters.issue(number, "surat-rekomendasi", op, out=out, signer="kadiv", acting=acting,
                      confirm=AGAIN)
        text = pdf_text(out)
        assert f"{mark} Kepala Kantor Wilayah, Rina Wulandari, S.H. NIP 19800202 200501 2 002" in text
    with pytest.raises(ValidationError, match="--signer"):
        letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "x.pdf", acting="plt")


def test_numbers_are_sequential_per_pattern_and_year(services, office_setup, tmp_path):
    letters, op = office_setup["letters"], office_setup["op"]
    number = open_case(services, op, "YANKOMAS-KANWIL", reach="surat-rekomendasi")
    got = [letters.issue(number, "surat-rekomendasi", op, out=tmp_path / f"r{i}.pdf",
                         confirm=AGAIN).number for i in range(3)]
    assert got == [f"W.6-HAM.04.02-{i}/{YEAR}" for i in (1, 2, 3)]
    # another classification continues the unit's one running number (Tata Naskah Dinas)
    nota = letters.issue(number, "nota-dinas", op, out=tmp_path / "n.pdf",
                         fields={"tujuan_nota": "Kepala Divisi Administrasi", "isi_nota": "Mohon arahan."})
    assert nota.number == f"W.6-UM.01.01-4/{YEAR}"
    # an office pattern with month and year: same counter through the year
    config = numbering.load_config()
    config.templates["surat-rekomendasi"] = {"pola": "{kode_kantor}-{klasifikasi}-{nomor:03d}/{bulan_romawi}/{tahun}"}
    numbering.save_config(config)
    import datetime as dt

    yes = AGAIN | {CONFIRM_OTHER_YEAR}
    a = letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "a.pdf", when=dt.date(2026, 10, 5),
                      confirm=yes)
    b = letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "b.pdf", when=dt.date(2026, 11, 5),
                      confirm=yes)
    first = 5 if YEAR == 2026 else 1  # the unit's counter of 2026 goes on
    assert (a.number, b.number) == (f"W.6-HAM.04.02-{first:03d}/X/2026",
                                    f"W.6-HAM.04.02-{first + 1:03d}/XI/2026")
    numbers = [r.number for r in dbm.OutgoingLetter.select()]
    assert len(numbers) == len(set(numbers)) == 6


def test_missing_fields_are_listed_and_use_no_number(services, office_setup, tmp_path):
    letters, op = office_setup["letters"], office_setup["op"]
    number = open_case(services, op, "HAK-AKSES-APLIKASI", reach="berita-acara-hak-akses")
    with pytest.raises(ValidationError) as info:
        letters.issue(number, "berita-acara-hak-akses", op, out=tmp_path / "ba.pdf")
    assert "nama_akun" in str(info.value) and "--field" in str(info.value)
    assert not (tmp_path / "ba.pdf").exists()
    assert dbm.OutgoingLetter.select().count() == 0
    with pytest.raises(ValidationError, match="warna"):
        letters.issue(number, "berita-acara-hak-akses", op, out=tmp_path / "ba.pdf",
                      fields={"nama_akun": "budi", "warna": "merah"})
    issued = letters.issue(number, "berita-acara-hak-akses", op, out=tmp_path / "ba.pdf",
                           fields={"nama_akun": "budi.santoso"})
    assert issued.number.endswith(f"-1/{YEAR}")  # the failed tries used no number


def test_signer_position_without_one_holder_needs_signer(services, office_setup, tmp_path):
    letters, op = office_setup["letters"], office_setup["op"]
    number = open_case(services, op, "YANKOMAS-KANWIL", reach="surat-rekomendasi")
    services.users.create("kakanwil2", "Orang Kedua", "", "pejabat", positions=["Kepala Kantor Wilayah"],
                          password_hash=hash_password(PASSWORD, n=2 ** 10))
    with pytest.raises(ValidationError, match="dipegang 2 pengguna.*--signer"):
        letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "x.pdf")
    issued = letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "x.pdf", signer="kakanwil2",
                           confirm={"tanpa_nip"})
    assert "Orang Kedua" in pdf_text(tmp_path / "x.pdf") and issued.number.endswith(f"-1/{YEAR}")
    # a template signed by the clerk on duty (not an office position): the acting user signs
    tt = letters.issue(number, "tanda-terima", op, out=tmp_path / "tt.pdf")
    assert "Petugas Penerima" not in pdf_text(tmp_path / "tt.pdf")
    text = pdf_text(tmp_path / "tt.pdf")
    # two signature blocks side by side: jabatan lines level, then the names level
    assert "Yang menyerahkan, Palembang" in text
    assert "Pengadministrasi Umum, Nama Pengadu contoh Siti Aminah" in text
    assert tt.number


def test_only_staff_the_step_holder_or_the_signer_may_issue(services, office_setup, tmp_path):
    letters, op = office_setup["letters"], office_setup["op"]
    number = open_case(services, op, "YANKOMAS-KANWIL", reach="surat-rekomendasi")
    with pytest.raises(PermissionDenied):
        letters.issue(number, "surat-rekomendasi", office_setup["tamu"], out=tmp_path / "x.pdf",
                      signer="kakanwil")
    assert dbm.Refusal.select().where(dbm.Refusal.action == "terbitkan surat").count() == 1
    # the signer may issue their own letter
    letters.issue(number, "surat-rekomendasi", office_setup["kakanwil"], out=tmp_path / "y.pdf")


def _template_cases(services):
    """For every bundled template: one SOP it serves (a specific one before a "*")."""
    defs = services.sops.latest_all()
    out = []
    for tpl in templates.load_all().values():
        served = [d for d in defs if not d.incomplete and d.steps
                  and tpl.serves(d.code, templates.sop_haystack(d))]
        specific = [d for d in served if "*" not in tpl.sops]
        assert served, f"templat {tpl.id} tidak melayani SOP mana pun"
        out.append((tpl, (specific or served)[0]))
    return out


def test_each_template_renders_for_a_case_of_its_sop(services, office_setup, tmp_path):
    letters, op = office_setup["letters"], office_setup["op"]
    for tpl, defn in _template_cases(services):
        number = open_case(services, op, defn.code, reach=tpl.id)
        case_keys = {_norm(k) for k in services.cases.get(number).fields}
        case_keys |= {_norm(f.label) for f in defn.fields}
        # only what neither the case nor a default gives is typed, as a clerk would
        fields = {key: f"{spec.label} {TRICKY}" for key, spec in tpl.fields.items()
                  if spec.default is None and not any(_norm(s) in case_keys for s in spec.sources)}
        out = tmp_path / f"{tpl.id}.pdf"
        issued = letters.issue(number, tpl.id, op, out=out, fields=fields)
        assert bool(issued.number) == tpl.numbered
        reader = pypdf.PdfReader(str(out))
        assert len(reader.pages) == 1, tpl.id
        text = pdf_text(out)
        for piece in issued.letter.printed_texts():
            assert norm(piece) in text, (tpl.id, piece)
        assert "KANTOR WILAYAH SUMATERA SELATAN" in text
        if "nomor_agenda" in tpl.placeholders() or tpl.kind == "disposisi":
            assert number in text, tpl.id
        assert any(h.action == "surat" for h in services.cases.history(number)), tpl.id
    numbered = [t.id for t, _ in _template_cases(services) if t.numbered]
    assert sorted(r["template_id"] for r in rows_outgoing()) == sorted(numbered)


def test_register_rows_and_xlsx_export(services, office_setup, tmp_path):
    from sop_desktop.reports.periods import parse_period

    letters, op = office_setup["letters"], office_setup["op"]
    number = open_case(services, op, "YANKOMAS-KANWIL", nama_pengadu=TRICKY, reach="surat-rekomendasi")
    import datetime as dt

    first = letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "1.pdf",
                          when=dt.date.today().replace(day=1))
    rows = rows_outgoing(parse_period(dt.date.today().strftime("%Y-%m")))
    assert [r["number"] for r in rows] == [first.number]
    assert rows[0]["case_number"] == number and rows[0]["issued_by"] == "op"
    other_year = parse_period(str(dt.date.today().year - 1))
    assert rows_outgoing(other_year) == []
    path = export_outgoing_xlsx(tmp_path / "agenda.xlsx", None, office_name="Kanwil Uji")
    ws = openpyxl.load_workbook(path).active
    values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    flat = [v for row in values for v in row if v is not None]
    assert first.number in flat and number in flat
    assert f"Rekomendasi atas Pengaduan Sdr. {TRICKY}" in flat


# -- command line and two processes -------------------------------------------------------------


def _prepared_db(services, office_setup) -> tuple[str, str]:
    number = open_case(services, office_setup["op"], "YANKOMAS-KANWIL", reach="surat-rekomendasi")
    return services.target, number


def test_cli_templates_json_and_issue_prints_only_the_number(services, office_setup, tmp_path):
    db, number = _prepared_db(services, office_setup)
    services.close()
    listing = run_cli("--db", db, "letter", "templates", "--json")
    assert listing.returncode == 0, listing.stderr
    items = {t["id"]: t for t in json.loads(listing.stdout)}
    assert "YANKOMAS-KANWIL" in items["surat-rekomendasi"]["sops"]
    assert "IZIN-MAGANG" in items["surat-balasan-magang"]["sops"]
    assert all(t["name"] for t in items.values())
    out = tmp_path / "cli.pdf"
    env = {"SOP_DESKTOP_PASSWORD": PASSWORD}
    done = run_cli("--db", db, "letter", number, "surat-rekomendasi", "--as", "op", "-o", str(out),
                   "--signer", "kadiv", "--plt", "--field", f"rekomendasi=segera {TRICKY}", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"W.6-HAM.04.02-1/{YEAR}\n"
    text = pdf_text(out)
    assert f"segera {TRICKY}" in text and "Plt. Kepala Kantor Wilayah" in text
    bad = run_cli("--db", db, "letter", number, "tidak-ada", "--as", "op", "-o", str(out), env=env)
    assert bad.returncode == 1 and bad.stderr.startswith("Kesalahan: Templat surat 'tidak-ada'")
    wrong = run_cli("--db", db, "letter", number, "surat-rekomendasi", "--as", "op", "-o", str(out),
                    env={"SOP_DESKTOP_PASSWORD": "salah-sandi"})
    assert wrong.returncode == 1 and "Kesalahan:" in wrong.stderr and wrong.stdout == ""


@pytest.mark.slow
def test_two_processes_never_get_the_same_number(services, office_setup, tmp_path):
    db, number = _prepared_db(services, office_setup)
    services.close()
    per_process = 6
    code = textwrap.dedent(f"""
        import sys
        from sop_desktop.services.container import Services
        from sop_desktop.letters.service import LetterService
        s = Services(sys.argv[1])
        letters = LetterService.from_services(s)
        op = s.users.get("op")
        for i in range({per_process}):
            issued = letters.issue(sys.argv[2], "surat-rekomendasi", op,
                                   out=sys.argv[3] + f"-{{i}}.pdf", confirm={{"terbit_lagi"}})
            print(issued.number, flush=True)
        s.close()
    """)
    env = dict(os.environ)
    procs = [subprocess.Popen([sys.executable, "-c", code, db, number, str(tmp_path / f"p{k}")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(ROOT),
                              env=env) for k in range(2)]
    outputs = [p.communicate(timeout=240) for p in procs]
    for p, (_, err) in zip(procs, outputs, strict=False):
        assert p.returncode == 0, err
    got = [line for out, _ in outputs for line in out.split()]
    assert len(got) == 2 * per_process
    seqs = sorted(int(re.search(r"-(\d+)/\d{4}$", n).group(1)) for n in got)
    assert seqs == list(range(1, 2 * per_process + 1))
    from sop_desktop.services.container import Services

    with Services(db) as again:
        stored = [r.number for r in dbm.OutgoingLetter.select()]
        assert sorted(stored) == sorted(got)
        assert again.cases.history(number) and \
            sum(1 for h in again.cases.history(number) if h.action == "surat") == 2 * per_process


def test_issuing_on_postgresql(pg_services, tmp_path):
    setup = setup_office(pg_services)
    letters, op = setup["letters"], setup["op"]
    number = open_case(pg_services, op, "YANKOMAS-KANWIL", nama_pengadu=TRICKY,
                       reach="surat-rekomendasi")
    got = [letters.issue(number, "surat-rekomendasi", op, out=tmp_path / f"{i}.pdf",
                         confirm=AGAIN).number for i in range(2)]
    assert got == [f"W.6-HAM.04.02-1/{YEAR}", f"W.6-HAM.04.02-2/{YEAR}"]
    assert f"Sdr. {TRICKY}" in pdf_text(tmp_path / "1.pdf")
    assert [r["number"] for r in rows_outgoing()] == got
    assert sum(1 for h in pg_services.cases.history(number) if h.action == "surat") == 2


def test_cli_office_and_numbering_changes_need_an_administrator(services, office_setup, tmp_path):
    services.users.create("admin", "Admin Kantor", "", "administrator",
                          password_hash=hash_password(PASSWORD, n=2 ** 10))
    db = services.target
    services.close()
    env = {"SOP_DESKTOP_PASSWORD": PASSWORD}
    refused = run_cli("--db", db, "letter", "office", "--set", "kota=Bengkulu", "--as", "op", env=env)
    assert refused.returncode == 1 and "administrator" in refused.stderr
    done = run_cli("--db", db, "letter", "office", "--set", "kota=Bengkulu", "--as", "admin",
                   "--json", env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["kota"] == "Bengkulu"
    pattern = "{kode_kantor}-{klasifikasi}-{nomor}/{tahun}"
    done = run_cli("--db", db, "letter", "numbering", "--template", "nota-dinas", "--pola", pattern,
                   "--klasifikasi", "PR.01", "--as", "admin", "--json", env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["templates"]["nota-dinas"] == {"pola": pattern, "klasifikasi": "PR.01"}
    bad = run_cli("--db", db, "letter", "numbering", "--pola", "tanpa-nomor", "--as", "admin", env=env)
    assert bad.returncode == 1 and "{nomor}" in bad.stderr
