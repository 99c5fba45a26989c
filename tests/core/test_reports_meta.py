"""What exported files say about themselves (app, version, history chain hash) and how the
printed register is laid out: compact PDF columns, words kept whole, rows tall enough in xlsx."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sop_desktop import __version__
from sop_desktop.output import docmeta
from sop_desktop.reports import (
    RegisterFilters,
    build_kinerja,
    build_register,
    parse_period,
    write_kinerja_pdf,
    write_kinerja_xlsx,
    write_register_pdf,
    write_register_xlsx,
)
from sop_desktop.reports.register_layout import pdf_table
from sop_desktop.storage import anchors

FAKE_HASH = "0123456789abcdef" * 4


@pytest.fixture
def with_hash(monkeypatch):
    """anchors.report_anchor (the anchor printed on reports) answering FAKE_HASH."""
    monkeypatch.setattr(anchors, "report_anchor", lambda: FAKE_HASH, raising=False)
    return FAKE_HASH


def pdf_all_text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def info_sheet(wb) -> dict:
    ws = wb["Info"]
    return {r[0].value: r[1] for r in ws.iter_rows() if r[0].value}


def test_chain_hash_helper_degrades_to_a_dash(monkeypatch):
    monkeypatch.delattr(anchors, "report_anchor", raising=False)
    assert docmeta.latest_chain_hash() is None
    assert docmeta.hash_text(None) == "-"
    monkeypatch.setattr(anchors, "report_anchor", lambda: None, raising=False)
    assert docmeta.latest_chain_hash() is None

    def broken():
        raise RuntimeError("database not bound")

    monkeypatch.setattr(anchors, "report_anchor", broken, raising=False)
    assert docmeta.latest_chain_hash() is None
    assert docmeta.footer_text(None).endswith(": -")


def test_register_files_carry_app_version_and_chain_hash(scenario_world, with_hash, tmp_path):
    data = build_register(scenario_world.svc, RegisterFilters("aduan", parse_period("2026-Q3")))
    assert data.chain_hash == FAKE_HASH
    pdf_path, xlsx_path = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    write_register_pdf(data, pdf_path)
    write_register_xlsx(data, xlsx_path)

    reader = PdfReader(pdf_path)
    meta = reader.metadata
    assert meta.title == "BUKU REGISTER ADUAN"
    assert meta.creator == f"SOP Desktop {__version__}"
    assert meta.producer == f"SOP Desktop {__version__}"
    assert "Triwulan III Tahun 2026" in meta.subject
    for page in reader.pages:  # the hash is in the small print of every page
        assert FAKE_HASH in page.extract_text()

    wb = load_workbook(xlsx_path)
    props = wb.properties
    assert props.creator == f"SOP Desktop {__version__}" and props.title == "BUKU REGISTER ADUAN"
    assert FAKE_HASH in props.description and FAKE_HASH in props.keywords
    custom = {p.name: p.value for p in wb.custom_doc_props.props}
    assert custom["Hash rantai riwayat terakhir"] == FAKE_HASH
    assert custom["Versi aplikasi"] == __version__
    info = info_sheet(wb)
    assert info["Hash rantai riwayat terakhir"].value == FAKE_HASH
    assert info["Aplikasi"].value == f"SOP Desktop {__version__}"
    assert info["Periode"].value == "Triwulan III Tahun 2026"
    assert isinstance(info["Dibuat"].value, dt.datetime)
    # and as the last line under the table
    ws = wb["Register"]
    last = [c.value for c in ws["A"] if c.value][-1]
    assert last == f"Hash rantai riwayat terakhir: {FAKE_HASH}"


def test_kinerja_files_carry_app_version_and_chain_hash(scenario_world, with_hash, tmp_path):
    data = build_kinerja(scenario_world.svc, period=parse_period("2026-Q3"), sop="ADUAN-UJI")
    pdf_path, xlsx_path = tmp_path / "k.pdf", tmp_path / "k.xlsx"
    write_kinerja_pdf(data, pdf_path)
    write_kinerja_xlsx(data, xlsx_path)
    reader = PdfReader(pdf_path)
    assert reader.metadata.creator == f"SOP Desktop {__version__}"
    assert reader.metadata.title == "LAPORAN KINERJA PELAKSANAAN SOP"
    assert FAKE_HASH in reader.pages[-1].extract_text()
    wb = load_workbook(xlsx_path)
    assert wb.properties.creator == f"SOP Desktop {__version__}"
    assert info_sheet(wb)["Hash rantai riwayat terakhir"].value == FAKE_HASH
    texts = [c.value for r in wb["Ringkasan"].iter_rows() for c in r if isinstance(c.value, str)]
    assert f"Hash rantai riwayat terakhir: {FAKE_HASH}" in texts


def test_without_a_chain_hash_files_print_a_dash(scenario_world, monkeypatch, tmp_path):
    monkeypatch.setattr(anchors, "report_anchor", lambda: None, raising=False)
    data = build_register(scenario_world.svc, RegisterFilters("LAPORAN-UJI", parse_period("2026")))
    assert data.chain_hash is None
    write_register_pdf(data, tmp_path / "r.pdf")
    write_register_xlsx(data, tmp_path / "r.xlsx")
    assert "Hash rantai riwayat terakhir: -" in pdf_all_text(tmp_path / "r.pdf")
    wb = load_workbook(tmp_path / "r.xlsx")
    assert info_sheet(wb)["Hash rantai riwayat terakhir"].value == "-"


def test_printed_register_groups_related_values_and_keeps_words_whole(scenario_world, tmp_path):
    from sop_desktop.storage import db as dbm

    case_b = scenario_world.cases.get(scenario_world.numbers["B"])
    if not dbm.OutgoingLetter.select().where(dbm.OutgoingLetter.number == "W8-HAM.01.02-17").count():
        dbm.OutgoingLetter.create(case=case_b, number="W8-HAM.01.02-17", subject="Rekomendasi",
                                  template="rekomendasi")
    data = build_register(scenario_world.svc, RegisterFilters("aduan", parse_period("2026-Q3")))
    table = pdf_table(data)
    labels = [c.label for c in table.columns]
    assert len(labels) <= 12 < len(data.table.columns)
    assert "Pengadu (Nama, NIK, Alamat / Kontak)" in labels
    bambang = next(r for r in data.rows if r["pengadu_nama"] == "Bambang")
    printed = next(r for r in table.rows if r["no"] == bambang["no"])
    assert printed["agenda"] == f"{bambang['agenda']}\n{bambang['tanggal_terima']:%d/%m/%Y}"
    assert printed["pengadu"].splitlines()[:2] == ["Bambang", "NIK 3201234567890123"]
    assert "W8-HAM.01.02-17" in printed["tindak"]  # the outgoing letter of case B
    assert printed["status"].startswith("Selesai\n")
    lama = printed["lama"].splitlines()[0]
    assert " / " in lama
    # F4 landscape by default; every complainant's name and agenda number reads back whole
    path = tmp_path / "r.pdf"
    write_register_pdf(data, path)
    page = PdfReader(path).pages[0]
    width_mm = float(page.mediabox.width) / 72 * 25.4
    assert width_mm == pytest.approx(330, abs=1)
    text = pdf_all_text(path)
    for row in data.rows:
        assert row["pengadu_nama"] in text
        number = row["agenda"]
        assert number.replace("/", "/\n") in text or number in text.replace("\n", "")


def test_plain_sop_register_prints_few_columns_and_folds_the_rest(scenario_world):
    data = build_register(scenario_world.svc, RegisterFilters("LAPORAN-UJI", parse_period("2026")))
    table = pdf_table(data)
    labels = [c.label for c in table.columns]
    assert labels[:2] == ["No", "Nomor Agenda / Tanggal Terima"]
    assert "Perihal" in labels and "Langkah / Posisi Saat Ini" in labels
    assert "Isian Lain" not in labels  # two intake fields: both get a column


def test_long_words_break_at_separators_before_characters():
    from sop_desktop.output.fonts import SANS, register_fonts
    from sop_desktop.output.pdf import wrap_lines

    register_fonts()
    lines = wrap_lines("0021/YANKOMAS-KANWIL/XI/2026", 60, SANS, 7)
    assert len(lines) > 1
    assert "".join(lines) == "0021/YANKOMAS-KANWIL/XI/2026"
    assert all(line.endswith(("/", "-")) for line in lines[:-1])
    digits = wrap_lines("3201234567890123456789", 30, SANS, 7)
    assert "".join(digits) == "3201234567890123456789" and len(digits) > 1


def test_xlsx_rows_are_tall_enough_for_wrapped_text(scenario_world, tmp_path):
    data = build_register(scenario_world.svc, RegisterFilters("aduan", parse_period("2026-Q3")))
    path = tmp_path / "r.xlsx"
    write_register_xlsx(data, path)
    wb = load_workbook(path)
    ws = wb["Register"]
    header = next(r[0].row for r in ws.iter_rows() if r[0].value == "No")
    assert ws.row_dimensions[header].height and ws.row_dimensions[header].height >= 30
    citra = next(r for r in range(header + 1, ws.max_row + 1)
                 if ws.cell(r, 5).value == "Citra")  # her address has two lines
    assert ws.row_dimensions[citra].height >= 30
    assert int(ws.page_setup.paperSize) == 14  # Folio = F4
    assert wb["Info"].page_setup.fitToWidth == 1


def test_info_sheet_keeps_user_text_as_text(tmp_path):
    from openpyxl import Workbook

    for write_only in (True, False):
        wb = Workbook(write_only=write_only)
        if not write_only:
            wb.remove(wb.active)
        docmeta.add_info_sheet(wb, docmeta.info_rows(
            title="=HYPERLINK(\"x\")", office="@Kantor", lines=["Saringan: jabatan +Kasubbag"],
            chain_hash=None))
        path = tmp_path / f"i{write_only}.xlsx"
        wb.save(path)
        ws = load_workbook(path)["Info"]
        cells = [c for r in ws.iter_rows() for c in r if c.value is not None]
        assert not [c.coordinate for c in cells if c.data_type == "f"]
        values = {c.value for c in cells}
        assert {"=HYPERLINK(\"x\")", "@Kantor", "jabatan +Kasubbag", "-"} <= values



def test_monitoring_sheet_alone_as_pdf(scenario_world, with_hash, tmp_path):
    from sop_desktop.reports import write_monitoring_pdf

    data = build_kinerja(scenario_world.svc, period=parse_period("2026-Q3"), sop="ADUAN-UJI",
                         signer={"jabatan": "Kepala Bidang HAM", "nama": "Penilai Uji", "nip": ""})
    path = write_monitoring_pdf(data, tmp_path / "m.pdf", paper="F4")
    reader = PdfReader(path)
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "FORMULIR MONITORING PELAKSANAAN SOP" in text and "Triwulan III Tahun 2026" in text
    assert "Berjalan dengan Baik" in text and "Tindakan yang Harus Diambil" in text
    assert data.monitoring[0].prosedur.split(" (")[0] in text
    assert "Kepala Bidang HAM, Penilai Uji NIP ...." in text  # NIP left to fill by hand
    assert FAKE_HASH in text and reader.metadata.creator.startswith("SOP Desktop ")


def test_a_letter_note_is_not_the_follow_up():
    from sop_desktop.reports.facts import CaseFacts, EventFacts
    from sop_desktop.reports.registers import follow_up
    from tests.core.reports_support import complaint_sop

    at = dt.datetime(2026, 7, 1, 9, 0)
    case = CaseFacts(1, "0001/ADUAN/VII/2026", complaint_sop(), "berjalan", at, current_step=3,
                     events=[EventFacts("buka", at, None, 1, note="dibuka"),
                             EventFacts("selesai", at + dt.timedelta(hours=1), 1, 2,
                                        note="Berkas lengkap"),
                             EventFacts("surat", at + dt.timedelta(hours=2), 2, 2,
                                        note="Tanda Terima Berkas nomor W.6-1, ditandatangani X")])
    assert follow_up(case) == "Berkas lengkap"


def test_an_unknown_category_field_is_a_clear_error(scenario_world):
    from sop_desktop.errors import ValidationError

    with pytest.raises(ValidationError, match="'warna_kulit' tidak ada.*hak_dilanggar"):
        build_kinerja(scenario_world.svc, period=parse_period("2026"), sop="ADUAN-UJI",
                      category="warna_kulit")
    data = build_kinerja(scenario_world.svc, period=parse_period("2026"), sop="ADUAN-UJI",
                         category="Media Aduan")  # a label works as well as a key
    assert data.sops[0].category_key == "media"
