"""How letters print: inside the margins, document properties, the shared signature block,
small typographic rules, and the agenda surat keluar as PDF."""

from __future__ import annotations

import io

import openpyxl
import pypdf
import pytest
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth

from sop_desktop import __version__
from sop_desktop.errors import ValidationError
from sop_desktop.letters import render, templates
from sop_desktop.letters.register import export_outgoing_pdf, export_outgoing_xlsx
from sop_desktop.output.fonts import SERIF, register_fonts
from sop_desktop.output.signature import Signer, acting_jabatan, format_nip, signature_column
from sop_desktop.services.office import OfficeProfile
from sop_desktop.services.users import hash_password
from tests.core.letters_support import PASSWORD, open_case, pdf_text, setup_office


def bytes_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


PROFILE = OfficeProfile(kementerian="Kementerian Uji Coba", kantor="Kantor Wilayah Contoh",
                        alamat="Jalan Contoh No. 2", kota="Palembang", telepon="(0711) 5")

TEMPLATE = """+++
id = "uji-cetak"
name = "Surat Uji Cetak"
kind = "surat"
hal = "Uji"
kepada = "Kepala Dinas"
[fields.pokok]
label = "Pokok"
[fields.kosong]
label = "Isian kosong"
default = ""
+++
Pokok pengaduan: {pokok}.

Kosong :: {kosong}
Terisi :: ada
"""


def _values(tpl, **extra):
    values = render.sample_values(tpl, PROFILE)
    values.update(nomor="W.6-UM.01.01-12", penandatangan_jabatan="Kepala Kantor Wilayah",
                  penandatangan_nama="Dr. Budi Santoso", penandatangan_nip="197001011990031001")
    values.update(extra)
    return values


def _positions(data: bytes) -> list[tuple[float, float, str]]:
    """(x, y, text) of every text run on the first page."""
    found = []

    def visit(text, cm_, tm, font, size):
        if text.strip():
            found.append((cm_[4] + tm[4] * cm_[0], cm_[5] + tm[5] * cm_[3], text))

    pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return found


def test_signature_helpers():
    assert format_nip("197001011990031001") == "19700101 199003 1 001"
    assert format_nip(" 19700101 199003 1 001 ") == "19700101 199003 1 001"
    assert format_nip("12345") == "12345" and format_nip(None) == ""
    assert acting_jabatan("plt", "Kepala Kantor Wilayah") == "Plt. Kepala Kantor Wilayah"
    assert acting_jabatan("Plh.", "Kepala Divisi") == "Plh. Kepala Divisi"
    assert acting_jabatan(None, "Kepala Divisi") == "Kepala Divisi"
    assert Signer.from_dict({"jabatan": "Kabid", "nama": None}).label() == "Kabid"
    # an operator holding no position signs by name: no empty jabatan before the brackets
    assert Signer.from_dict({"jabatan": "", "nama": "Operator Demo"}).label() == "Operator Demo"
    assert Signer.from_dict({"jabatan": "Kabid", "nama": "Dewi"}).label() == "Kabid (Dewi)"
    from sop_desktop.output.pdf import styles

    style = styles()["sign"]
    texts = [getattr(f, "text", None) for f in signature_column(Signer("Kabid", "Ani", ""), style)]
    assert texts[0] == "Kabid," and "Ani" in texts and not any(t and "NIP" in t for t in texts)
    blanks = [getattr(f, "text", "") for f in signature_column(None, style, blanks=True)]
    assert any(t.startswith("NIP ....") for t in blanks) and any(t.startswith("(....") for t in blanks)


def test_letter_pdf_metadata_names_the_app_and_the_letter():
    tpl = templates.parse(TEMPLATE, source="uji.txt")
    buf = io.BytesIO()
    render.render_letter(tpl, _values(tpl, pokok="Tanah"), PROFILE, buf)
    meta = pypdf.PdfReader(io.BytesIO(buf.getvalue())).metadata
    assert meta.creator == f"SOP Desktop {__version__}"
    assert meta.producer == f"SOP Desktop {__version__}"
    assert meta.subject == "Surat Uji Cetak" and meta.author == "Kantor Wilayah Contoh"
    assert meta.title == "Surat Uji Cetak W.6-UM.01.01-12"


def test_one_full_stop_after_a_sentence_and_a_dash_for_an_empty_row():
    tpl = templates.parse(TEMPLATE, source="uji.txt")
    buf = io.BytesIO()
    render.render_letter(tpl, _values(tpl, pokok="Tanah diserobot.", kosong=""), PROFILE, buf)
    text = bytes_text(buf.getvalue())
    assert "Pokok pengaduan: Tanah diserobot." in text and "diserobot.." not in text
    assert "Kosong : -" in text and "Terisi : ada" in text
    buf = io.BytesIO()
    render.render_letter(tpl, _values(tpl, pokok="dan seterusnya..."), PROFILE, buf)
    assert "dan seterusnya...." in bytes_text(buf.getvalue())  # an ellipsis is kept


@pytest.mark.parametrize("template_id", ["surat-rekomendasi", "tanda-terima", "lembar-disposisi"])
def test_letters_stay_inside_the_margins(template_id):
    register_fonts()
    tpl = templates.get(template_id, office_folder=None)
    buf = io.BytesIO()
    render.render_letter(tpl, _values(tpl), PROFILE, buf)
    page_w = render.page_size(tpl)[0]
    left, right = (1.2 * cm, 1.2 * cm) if tpl.kind == "disposisi" else (2.5 * cm, 2.0 * cm)
    runs = _positions(buf.getvalue())
    assert runs
    for x, _, text in runs:
        assert x >= left - 0.5, (text, x)
    # the date of a surat ends at the right margin at the latest (it used to stick out)
    for x, _, text in runs:
        if text.startswith("Palembang, "):
            assert x + stringWidth(text.strip(), SERIF, 10.5) <= page_w - right + 0.5, text


def test_nota_dinas_needs_a_signer_with_a_jabatan(services, tmp_path):
    setup = setup_office(services)
    quick = hash_password(PASSWORD, n=2 ** 10)
    plain = services.users.create("op2", "Operator Tanpa Jabatan", "", "operator",
                                  password_hash=quick)
    number = open_case(services, setup["op"], "YANKOMAS-KANWIL")
    letters = setup["letters"]
    fields = {"tujuan_nota": "Kepala Kantor Wilayah", "isi_nota": "Mohon arahan."}
    with pytest.raises(ValidationError, match="tidak memiliki jabatan.*--signer"):
        letters.issue(number, "nota-dinas", plain, out=tmp_path / "n.pdf", fields=fields)
    assert not (tmp_path / "n.pdf").exists()
    # naming a signer, or the jabatan to print, fixes it
    issued = letters.issue(number, "nota-dinas", plain, out=tmp_path / "n.pdf",
                           fields={**fields, "penandatangan": "Kepala Subbagian Umum"},
                           confirm={"tanpa_nip"})  # op2 has no NIP: the person said yes
    assert "Dari : Kepala Subbagian Umum" in pdf_text(tmp_path / "n.pdf")
    assert issued.number


def test_agenda_surat_keluar_as_pdf_and_xlsx(services, tmp_path, monkeypatch):
    from sop_desktop.storage import anchors

    monkeypatch.setattr(anchors, "report_anchor", lambda: "ab" * 32, raising=False)
    setup = setup_office(services)
    letters, op = setup["letters"], setup["op"]
    number = open_case(services, op, "YANKOMAS-KANWIL", reach="surat-rekomendasi")
    receipt = letters.issue(number, "tanda-terima", op, out=tmp_path / "t.pdf")
    rec = letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "r.pdf")
    path = export_outgoing_pdf(tmp_path / "agenda.pdf")
    text = pdf_text(path)
    assert "AGENDA SURAT KELUAR" in text and "KANTOR WILAYAH SUMATERA SELATAN" in text
    assert receipt.number in text and rec.number in text
    assert "TANDA TERIMA" in text  # a naskah without "hal" is listed by its title
    assert "ab" * 32 in text and "Halaman 1 dari 1" in text
    assert "NIP ...." in text  # the signature block, to sign by hand
    meta = pypdf.PdfReader(str(path)).metadata
    assert meta.creator == f"SOP Desktop {__version__}"
    xlsx = export_outgoing_xlsx(tmp_path / "agenda.xlsx", office_name="Kanwil Uji")
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["Surat Keluar", "Info"]
    assert wb.properties.creator == f"SOP Desktop {__version__}"
    info = {r[0].value: r[1].value for r in wb["Info"].iter_rows()}
    assert info["Hash rantai riwayat terakhir"] == "ab" * 32


def test_a_letter_can_be_issued_on_f4_instead_of_its_paper(services, tmp_path):
    setup = setup_office(services)
    letters, op = setup["letters"], setup["op"]
    number = open_case(services, op, "YANKOMAS-KANWIL", reach="surat-rekomendasi")
    issued = letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "f4.pdf", paper="F4")
    box = pypdf.PdfReader(str(tmp_path / "f4.pdf")).pages[0].mediabox
    assert (round(float(box.width) / cm, 1), round(float(box.height) / cm, 1)) == (21.5, 33.0)
    assert issued.number in pdf_text(tmp_path / "f4.pdf")
    with pytest.raises(ValidationError, match="kertas 'B5'"):
        letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "x.pdf", paper="B5")


def test_typed_tembusan_replaces_the_templates_one_per_line():
    tpl = templates.get("surat-rekomendasi", office_folder=None)
    buf = io.BytesIO()
    letter = render.render_letter(tpl, _values(tpl, tembusan="Kepala Kantor & Staf;Arsip <umum>"),
                                  PROFILE, buf)
    assert letter.tembusan == ["Kepala Kantor & Staf", "Arsip <umum>"]
    assert "Tembusan: 1. Kepala Kantor & Staf 2. Arsip <umum>" in bytes_text(buf.getvalue())
