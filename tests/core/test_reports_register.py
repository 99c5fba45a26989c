"""Registers from real cases (CaseService with explicit times) to .xlsx and PDF, read back."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sop_desktop.domain.calendar import WorkCalendar
from sop_desktop.reports import (
    RegisterFilters,
    build_register,
    parse_period,
    write_register_pdf,
    write_register_xlsx,
)
from sop_desktop.reports.periods import date_range
from sop_desktop.storage import db as dbm
from sop_desktop.storage.calendar_settings import load_calendar_settings
from tests.conftest import run_cli
from tests.core.reports_support import NOW, SCENARIO, closed_at, current_step_of, status_of

ADUAN_HEADERS = ["No", "Nomor Agenda", "Tanggal Terima", "Media", "Nama Pengadu", "NIK",
                 "Alamat / Kontak", "Pihak Teradu", "Pokok Masalah", "Hak yang Diduga Dilanggar",
                 "Disposisi Kepada", "Tanggal Disposisi", "Tindak Lanjut", "Nomor Surat Keluar",
                 "Status", "Tanggal Selesai", "Lama (hari kerja)", "Mutu Baku (hari kerja)",
                 "Ketepatan Waktu", "Keterangan"]


@pytest.fixture(scope="module")
def scenario(scenario_world):
    world, numbers = scenario_world, scenario_world.numbers
    # an outgoing letter of case B, as the letters module records it
    dbm.OutgoingLetter.create(case=world.cases.get(numbers["B"]), number="W8-HAM.01.02-17",
                              subject="Rekomendasi", template="rekomendasi")
    return world, numbers


def names_in(spec_names):
    return [SCENARIO[n]["fields"]["nama_pengadu"] for n in spec_names]


def aduan_in(period, pred=lambda name, spec: True):
    """Complaint cases received in the period, in the order received (from SCENARIO)."""
    chosen = [(spec["open"], name) for name, spec in SCENARIO.items()
              if spec["sop"] == "ADUAN-UJI" and period.contains(spec["open"]) and pred(name, spec)]
    return [name for _, name in sorted(chosen)]


def test_period_filter_includes_and_excludes_the_right_cases(scenario):
    world, numbers = scenario
    for text in ("2026-Q3", "2026-09", "2026-10", "2026", "2026-06"):
        period = parse_period(text)
        data = build_register(world.svc, RegisterFilters("aduan", period))
        expected = aduan_in(period)
        assert [r["pengadu_nama"] for r in data.rows] == names_in(expected), text
        assert [r["agenda"] for r in data.rows] == [numbers[n] for n in expected]
        assert [r["no"] for r in data.rows] == list(range(1, len(expected) + 1))
    # the boundaries: 30 Sep 23.59 is in Q3, 1 Oct 00.00 is not
    q3 = [r["pengadu_nama"] for r in build_register(
        world.svc, RegisterFilters("aduan", parse_period("2026-Q3"))).rows]
    assert "Endang" in q3 and "Fajar" not in q3 and "Ani" not in q3
    one_day = build_register(world.svc, RegisterFilters("aduan", date_range(dt.date(2026, 10, 1),
                                                                           dt.date(2026, 10, 1))))
    assert [r["pengadu_nama"] for r in one_day.rows] == ["Fajar"]


def test_status_and_position_filters(scenario):
    world, _ = scenario
    q3 = parse_period("2026-Q3")
    cal = WorkCalendar(load_calendar_settings())
    done = build_register(world.svc, RegisterFilters("aduan", q3, status="selesai"))
    assert [r["pengadu_nama"] for r in done.rows] == names_in(
        aduan_in(q3, lambda n, s: status_of(s) == "selesai"))
    stopped = build_register(world.svc, RegisterFilters("aduan", q3, status="dihentikan"))
    assert [r["pengadu_nama"] for r in stopped.rows] == ["Dodi"]
    assert "mencabut" in stopped.rows[0]["keterangan"]

    defn = world.svc.sops.get("ADUAN-UJI")
    waktus = [s.waktu for s in defn.steps]

    def late(name, spec):
        if status_of(spec) == "dihentikan":
            return False
        return (closed_at(spec) or NOW) > cal.expected_finish(spec["open"], waktus)

    late_rows = build_register(world.svc, RegisterFilters("aduan", q3, status="terlambat"))
    assert 0 < len(aduan_in(q3, late)) < len(aduan_in(q3))  # the filter has work to do
    assert [r["pengadu_nama"] for r in late_rows.rows] == names_in(aduan_in(q3, late))
    assert {r["ketepatan"] for r in late_rows.rows} <= {"Terlambat", "Melewati batas"}

    kakanwil = world.svc.positions.get("Kakanwil")
    step_of_kakanwil = next(s.number for s in defn.steps
                            if world.svc.positions.position_for_lane(defn, s.lane).id == kakanwil.id)

    def touched(name, spec):
        acted = any(step == step_of_kakanwil for step, _, _ in spec["moves"])
        return acted or current_step_of(spec)[0] == step_of_kakanwil

    assert 0 < len(aduan_in(q3, touched)) < len(aduan_in(q3))
    by_position = build_register(world.svc, RegisterFilters("aduan", q3, position="Kakanwil"))
    assert [r["pengadu_nama"] for r in by_position.rows] == names_in(aduan_in(q3, touched))


def test_register_row_content(scenario):
    world, numbers = scenario
    data = build_register(world.svc, RegisterFilters("aduan", parse_period("2026-Q3")))
    row = {r["pengadu_nama"]: r for r in data.rows}
    b = row["Bambang"]
    spec = SCENARIO["B"]
    cal = WorkCalendar(load_calendar_settings())
    defn = world.svc.sops.get("ADUAN-UJI")
    assert b["tanggal_terima"] == spec["open"].date()
    assert b["pengadu_nik"] == "3201234567890123"
    assert b["media"] == "Surat" and b["teradu"] == "PT Contoh"
    assert "Jl. Mawar 1" in b["alamat_kontak"] and "081234567890" in b["alamat_kontak"]
    assert b["hak"] == "Hak atas rasa aman"
    # the disposition: leaving step 3 ("memberikan disposisi") to the position of step 4
    left_3 = next(at for step, at, _ in spec["moves"] if step == 3)
    assert b["disposisi_tanggal"] == left_3.date()
    assert b["disposisi_kepada"] == world.svc.positions.position_for_lane(defn, defn.step(4).lane).name
    assert b["surat_keluar"] == "W8-HAM.01.02-17"
    assert b["status"] == "Selesai" and b["tanggal_selesai"] == closed_at(spec).date()
    lama = cal.working_days_between(spec["open"], closed_at(spec))
    standard = cal.working_days_between(spec["open"], cal.expected_finish(
        spec["open"], [s.waktu for s in defn.steps]))
    assert b["lama"] == pytest.approx(round(lama, 1))
    assert b["mutu_baku"] == pytest.approx(round(standard, 1))
    assert b["ketepatan"] == ("Tepat waktu" if lama <= standard else "Terlambat")
    # a case waiting at step 3 has no disposition yet
    assert row["Gita"]["disposisi_kepada"] is None and row["Gita"]["status"] == "Dalam proses"


def test_register_xlsx_reads_back_typed_and_without_formulas(scenario, tmp_path):
    world, numbers = scenario
    data = build_register(world.svc, RegisterFilters("aduan", parse_period("2026-Q3")))
    path = tmp_path / "register.xlsx"
    seen = []
    write_register_xlsx(data, path, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (len(data.rows), len(data.rows))
    wb = load_workbook(path)
    ws = wb.active
    header_row = next(r[0].row for r in ws.iter_rows() if r[0].value == "No")
    assert [c.value for c in ws[header_row]] == ADUAN_HEADERS
    body = list(ws.iter_rows(min_row=header_row + 1, max_row=header_row + len(data.rows)))
    col = {h: i for i, h in enumerate(ADUAN_HEADERS)}
    assert [r[col["Nama Pengadu"]].value for r in body] == [r["pengadu_nama"] for r in data.rows]
    assert all(isinstance(r[col["No"]].value, int) for r in body)
    assert all(r[col["Tanggal Terima"]].is_date for r in body)
    assert all(isinstance(r[col["Lama (hari kerja)"]].value, float) for r in body)
    nik = next(r[col["NIK"]] for r in body if r[col["Nama Pengadu"]].value == "Bambang")
    assert nik.value == "3201234567890123" and nik.data_type == "s"  # 16 digits kept whole
    citra = next(r for r in body if r[col["Nama Pengadu"]].value == "Citra")
    assert citra[col["Pokok Masalah"]].value == SCENARIO["C"]["fields"]["pokok_aduan"]
    assert citra[col["Pihak Teradu"]].value == "@Dinas X"
    assert [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"] == []
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.auto_filter.ref.startswith(f"A{header_row}:")
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1


def test_register_pdf_has_the_rows(scenario, tmp_path):
    world, _ = scenario
    from sop_desktop.services.office import OfficeProfile, save

    save(OfficeProfile(kementerian="Kementerian Uji", kantor="Kantor Wilayah Uji", kota="Bengkulu"))
    q3 = parse_period("2026-Q3")
    data = build_register(world.svc, RegisterFilters("aduan", q3),
                          signer={"jabatan": "Kepala Bidang HAM", "nama": "Nama Pejabat",
                                  "nip": "196507021987031001"})
    path = tmp_path / "register.pdf"
    write_register_pdf(data, path)
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    for name in names_in(aduan_in(q3)):
        assert name in text
    for name in ("Ani", "Fajar"):
        assert name not in text
    assert "BUKU REGISTER ADUAN" in text and "Triwulan III Tahun 2026" in text
    assert "KANTOR WILAYAH UJI" in text
    assert "Bengkulu, 20 November 2026" in text and "NIP 19650702 198703 1 001" in text
    assert "Halaman 1 dari" in text


def test_register_of_a_plain_sop_has_its_intake_columns(scenario, tmp_path):
    world, numbers = scenario
    data = build_register(world.svc, RegisterFilters("LAPORAN-UJI", parse_period("2026")))
    assert data.kind == "sop"
    assert [r["agenda"] for r in data.rows] == [numbers["J"], numbers["H"]]
    labels = [c.label for c in data.table.columns]
    assert "Perihal" in labels and "Tahun" in labels and "Langkah Saat Ini" in labels
    path = tmp_path / "lap.xlsx"
    write_register_xlsx(data, path)
    ws = load_workbook(path).active
    header_row = next(r[0].row for r in ws.iter_rows() if r[0].value == "No")
    headers = [c.value for c in ws[header_row]]
    tahun = ws.cell(header_row + 1, headers.index("Tahun") + 1)
    assert tahun.value == 2026 and tahun.data_type == "n"
    h_row = ws.cell(header_row + 2, headers.index("Langkah Saat Ini") + 1).value
    assert h_row.startswith(f"{current_step_of(SCENARIO['H'])[0]}. ")
    every = build_register(world.svc, RegisterFilters(None, parse_period("2026-Q3")))
    assert {"SOP", "Isian"} <= {c.label for c in every.table.columns}
    assert len(every.rows) == sum(1 for s in SCENARIO.values()
                                  if parse_period("2026-Q3").contains(s["open"]))


def test_cli_export_register_and_errors(scenario, tmp_path):
    world, _ = scenario
    db = world.svc.target
    out = tmp_path / "aduan.xlsx"
    done = run_cli("--db", db, "export", "register", "aduan", "--period", "2026-Q3", "--status",
                   "selesai", "-o", str(out))
    assert done.returncode == 0, done.stderr
    ws = load_workbook(out).active
    values = {c.value for row in ws.iter_rows() for c in row}
    assert "Bambang" in values and "Dodi" not in values
    bad = run_cli("--db", db, "export", "register", "aduan", "--period", "2026-13", "-o", str(out))
    assert bad.returncode == 1 and bad.stderr.startswith("Kesalahan: Periode '2026-13'")
    assert "Traceback" not in bad.stderr
    bad = run_cli("--db", db, "export", "register", "aduan", "-o", str(tmp_path / "a.docx"))
    assert bad.returncode == 1 and ".xlsx atau .pdf" in bad.stderr
