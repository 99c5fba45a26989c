"""Letter templates (format, validation, office override), number patterns, PDF from a dict."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest

from sop_desktop.errors import ValidationError
from sop_desktop.letters import numbering, render, templates
from sop_desktop.letters.templates import TemplateError
from sop_desktop.services.office import OfficeProfile

TRICKY = "<b>&amp; x < y"

PROFILE = OfficeProfile(kementerian="Kementerian Uji Coba", kantor="Kantor Wilayah Contoh",
                        alamat="Jalan Contoh No. 2", kota="Palembang", telepon="(0711) 5",
                        email="kanwil@contoh.go.id")

MINIMAL = """+++
id = "uji"
name = "Surat Uji"
kind = "surat"
hal = "Hal {nama_x}"
kepada = "Kepala Dinas"
[fields.nama_x]
label = "Nama X"
+++
Paragraf pertama untuk {nama_x}
yang berlanjut di baris berikut.

Nama :: {nama_x}
Kurung :: {{tetap}}

- butir satu
- butir dua
"""


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def norm(text: str) -> str:
    return " ".join(text.split())


def test_parse_minimal_template_blocks_and_placeholders():
    tpl = templates.parse(MINIMAL, source="uji.txt")
    assert tpl.id == "uji" and tpl.kind == "surat" and tpl.paper == "A4" and tpl.numbered
    assert [b.kind for b in tpl.body] == ["para", "data", "list"]
    assert tpl.body[0].lines == ["Paragraf pertama untuk {nama_x} yang berlanjut di baris berikut."]
    assert tpl.placeholders() == {"nama_x"}
    assert tpl.fields["nama_x"].default is None  # no default: required


@pytest.mark.parametrize("change, message", [
    (("{nama_x}\n", "{nama_y}\n"), "nama_y"),
    (('hal = "Hal {nama_x}"', 'hal = "Hal {Nama X}"'), "tidak valid"),
    (("Paragraf pertama", "Paragraf { pertama"), "tanpa pasangan"),
    (('kind = "surat"', 'kind = "memo"'), "memo"),
    (('kind = "surat"', 'kind = "surat"\nwarna = "merah"'), "warna"),
])
def test_template_errors_name_the_problem_and_the_file(change, message):
    text = MINIMAL.replace(*change)
    assert text != MINIMAL
    with pytest.raises(TemplateError) as info:
        templates.parse(text, source="kantor/uji.txt")
    assert message in str(info.value)
    assert "kantor/uji.txt" in str(info.value)


def test_unknown_placeholder_error_names_it_and_the_file(tmp_path):
    path = tmp_path / "rusak.txt"
    path.write_text(MINIMAL.replace("yang berlanjut", "untuk {alamat_rumah} yang berlanjut"),
                    encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        templates.load_file(path, bundled=False)
    assert "'{alamat_rumah}' tidak dikenal" in str(info.value)
    assert str(path) in str(info.value)


def test_header_needs_the_plus_lines():
    with pytest.raises(TemplateError, match=r"\+\+\+"):
        templates.parse("id = 'x'\nbody", source="x.txt")


def test_disposisi_must_declare_its_boxes():
    text = MINIMAL.replace('kind = "surat"', 'kind = "disposisi"')
    with pytest.raises(TemplateError, match="surat_dari"):
        templates.parse(text, source="d.txt")


def test_every_bundled_template_loads_and_covers_the_required_letters():
    found = templates.load_all(office_folder=None)
    assert {"tanda-terima", "lembar-disposisi", "surat-rekomendasi", "surat-balasan-magang",
            "surat-keterangan-penelitian", "sertifikat-magang", "berita-acara-hak-akses",
            "nota-dinas"} <= set(found)
    assert all(t.bundled for t in found.values())
    assert found["lembar-disposisi"].paper == "F4-setengah"
    assert not found["lembar-disposisi"].numbered


def test_office_copy_overrides_the_bundled_template_with_the_same_id(tmp_path):
    bundled = templates.bundled_dir() / "nota-dinas.txt"
    text = bundled.read_text(encoding="utf-8").replace('name = "Nota Dinas"',
                                                       'name = "Nota Dinas Kantor Kami"')
    (tmp_path / "nota-saya.txt").write_text(text, encoding="utf-8")
    found = templates.load_all(office_folder=tmp_path)
    assert found["nota-dinas"].name == "Nota Dinas Kantor Kami"
    assert not found["nota-dinas"].bundled
    assert found["tanda-terima"].bundled


def test_two_office_files_with_one_id_are_refused(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(MINIMAL, encoding="utf-8")
    with pytest.raises(TemplateError, match="sudah dipakai"):
        templates.load_all(office_folder=tmp_path)


def test_templates_serve_sops_by_code_star_or_words():
    class Defn:
        code = "YANKOMAS-X"
        name = "Pelayanan Komunikasi Masyarakat"
        steps = []

    found = templates.load_all(office_folder=None)
    served = {t.id for t in templates.for_sop(Defn(), found)}
    assert {"surat-rekomendasi", "tanda-terima", "nota-dinas", "lembar-disposisi"} <= served
    assert "sertifikat-magang" not in served


# -- number patterns --------------------------------------------------------------------------


def test_number_patterns_format_and_pad():
    when = dt.date(2026, 11, 21)
    assert numbering.format_number("W.6-UM.01.01-{nomor}", 12, when) == "W.6-UM.01.01-12"
    assert numbering.format_number("{kode_kantor}-{klasifikasi}-{nomor:03d}/{bulan_romawi}/{tahun}",
                                   7, when, kode_kantor="W.6", klasifikasi="HM.02.01") \
        == "W.6-HM.02.01-007/XI/2026"
    # an office without a code yet: no dangling separator
    assert numbering.format_number(numbering.DEFAULT_PATTERN, 3, when, klasifikasi="UM.01") == "UM.01-3/2026"


def test_counter_key_is_per_pattern_not_per_month():
    a = numbering.counter_key("{kode_kantor}-{klasifikasi}-{nomor}/{bulan_romawi}/{tahun}",
                              kode_kantor="W.6", klasifikasi="HM")
    b = numbering.counter_key("{kode_kantor}-{klasifikasi}-{nomor}/{bulan_romawi}/{tahun}",
                              kode_kantor="W.6", klasifikasi="UM")
    assert a != b and "{bulan_romawi}" in a and "W.6-HM" in a


@pytest.mark.parametrize("pattern, message", [
    ("W.6-UM", "{nomor}"), ("{nomor}-{nomor}", "{nomor}"), ("{nomor}/{minggu}", "minggu"),
])
def test_bad_patterns_are_refused(pattern, message):
    with pytest.raises(ValidationError, match=message):
        numbering.check_pattern(pattern)


# -- rendering from a plain dict --------------------------------------------------------------


def _values(tpl, **extra):
    values = render.sample_values(tpl, PROFILE)
    values.update(nomor="W.6-UM.01.01-12", penandatangan_jabatan="Kepala Kantor Wilayah",
                  penandatangan_nama="Dr. Budi Santoso", penandatangan_nip="19700101 199003 1 001")
    values.update(extra)
    return values


def test_typed_markup_prints_literally_and_text_reads_back():
    tpl = templates.parse(MINIMAL, source="uji.txt")
    buf = io.BytesIO()
    letter = render.render_letter(tpl, _values(tpl, nama_x=TRICKY), PROFILE, buf)
    text = pdf_text(buf.getvalue())
    assert f"Hal {TRICKY}" in text
    assert f"Paragraf pertama untuk {TRICKY} yang berlanjut" in text
    assert "{tetap}" in text  # doubled braces print single
    for piece in letter.printed_texts():
        assert norm(piece) in text, piece
    assert "Yth. Kepala Dinas" in text and "Tempat" in text


def test_missing_value_names_the_field():
    tpl = templates.parse(MINIMAL, source="uji.txt")
    values = _values(tpl)
    del values["nama_x"]
    with pytest.raises(TemplateError, match="nama_x.*Nama X"):
        render.fill(tpl, values)


@pytest.mark.parametrize("template_id", sorted(templates.load_all(office_folder=None)))
def test_every_bundled_template_renders_one_page_with_its_text(template_id):
    tpl = templates.get(template_id, office_folder=None)
    buf = io.BytesIO()
    letter = render.render_letter(tpl, _values(tpl), PROFILE, buf)
    reader = pypdf.PdfReader(io.BytesIO(buf.getvalue()))
    assert len(reader.pages) == 1
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    expected = render.page_size(tpl)
    assert (round(width), round(height)) == (round(expected[0]), round(expected[1]))
    text = pdf_text(buf.getvalue())
    for piece in letter.printed_texts():
        assert norm(piece) in text, piece
    assert "KANTOR WILAYAH CONTOH" in text


def test_f4_paper_and_plh_signature():
    tpl = templates.parse(MINIMAL.replace('kind = "surat"', 'kind = "surat"\npaper = "F4"'),
                          source="f4.txt")
    buf = io.BytesIO()
    render.render_letter(tpl, _values(tpl, penandatangan_jabatan="Plh. Kepala Kantor Wilayah"),
                         PROFILE, buf)
    page = pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages[0]
    assert round(float(page.mediabox[2]) / 72 * 2.54, 1) == 21.5
    assert round(float(page.mediabox[3]) / 72 * 2.54, 1) == 33.0
    assert "Plh. Kepala Kantor Wilayah," in pdf_text(buf.getvalue())


def test_control_characters_and_line_breaks_in_values_do_not_break_the_pdf():
    tpl = templates.parse(MINIMAL, source="uji.txt")
    buf = io.BytesIO()
    render.render_letter(tpl, _values(tpl, nama_x="Baris\x00satu\x0c\r\nbaris dua"), PROFILE, buf)
    text = pdf_text(buf.getvalue())
    assert "Barissatu baris dua" in text


def test_a_long_letter_runs_onto_numbered_pages_and_keeps_the_signature_whole():
    tpl = templates.parse(MINIMAL.replace("[fields.nama_x]", "[fields.isi]\nlabel = \"Isi\"\n"
                                          "[fields.nama_x]").replace("yang berlanjut", "{isi}"),
                          source="uji.txt")
    long_text = " ".join(f"kalimat{i}" for i in range(1400))
    buf = io.BytesIO()
    render.render_letter(tpl, _values(tpl, nama_x="Budi", isi=long_text), PROFILE, buf)
    reader = pypdf.PdfReader(io.BytesIO(buf.getvalue()))
    assert len(reader.pages) >= 2
    assert "- 2 -" in reader.pages[1].extract_text()
    assert "- 1 -" not in reader.pages[0].extract_text()
    last = " ".join(reader.pages[-1].extract_text().split())
    assert "Kepala Kantor Wilayah, Dr. Budi Santoso NIP 19700101 199003 1 001" in last
    assert "kalimat1399" in pdf_text(buf.getvalue())


def test_a_hal_longer_than_a_page_is_a_clear_error_not_a_crash():
    tpl = templates.parse(MINIMAL, source="uji.txt")
    with pytest.raises(TemplateError, match="terlalu panjang"):
        render.render_letter(tpl, _values(tpl, nama_x="kata " * 3000), PROFILE, io.BytesIO())
