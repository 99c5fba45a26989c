"""Laporan kinerja: the figures equal figures computed here, independently, from the known
cases of SCENARIO (their explicit times), and the files read back."""

from __future__ import annotations

import statistics
from collections import Counter

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sop_desktop.domain.calendar import WorkCalendar
from sop_desktop.reports import build_kinerja, parse_period, write_kinerja_pdf, write_kinerja_xlsx
from sop_desktop.storage.calendar_settings import load_calendar_settings
from tests.conftest import run_cli
from tests.core.reports_support import NOW, SCENARIO, closed_at, current_step_of, status_of, stays_of


@pytest.fixture(scope="module")
def report(scenario_world):
    return scenario_world


def p90(values):
    """PERCENTILE.INC, computed another way than the report does (statistics.quantiles)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[8]


def expected_figures(world, code, period):
    cal = WorkCalendar(load_calendar_settings())
    defn = world.svc.sops.get(code)
    as_of = min(NOW, period.end_dt)
    specs = {n: s for n, s in SCENARIO.items() if s["sop"] == code}
    waktus = [s.waktu for s in defn.steps]
    out = {
        "received": sum(period.contains(s["open"]) for s in specs.values()),
        "finished": sum(status_of(s) == "selesai" and period.contains(closed_at(s))
                        for s in specs.values()),
        "stopped": sum(status_of(s) == "dihentikan" and period.contains(closed_at(s))
                       for s in specs.values()),
    }
    out["on_time"] = sum(status_of(s) == "selesai" and period.contains(closed_at(s))
                         and closed_at(s) <= cal.expected_finish(s["open"], waktus)
                         for s in specs.values())
    # where each case stood at the end of the period
    waiting = []
    for s in specs.values():
        if s["open"] >= as_of or (closed_at(s) is not None and closed_at(s) <= as_of):
            continue
        done_by_then = [m for m in s["moves"] if m[1] <= as_of]
        step, since = current_step_of({**s, "moves": done_by_then})
        waktu = defn.step(step).waktu
        pos = world.svc.positions.position_for_lane(defn, defn.step(step).lane).name
        waiting.append((pos, cal.due(since, waktu) < as_of))
    out["in_progress"] = len(waiting)
    out["overdue"] = sum(late for _, late in waiting)
    out["positions"] = waiting
    # step times: stays that ended in the period
    steps = {}
    for step in defn.steps:
        unit_minutes = step.waktu.unit in ("detik", "menit", "jam")
        values, met = [], 0
        for s in specs.values():
            for st, entered, left in stays_of(s):
                if st != step.number or not period.contains(left):
                    continue
                values.append(cal.working_minutes_between(entered, left) if unit_minutes
                              else cal.working_days_between(entered, left))
                met += left <= cal.due(entered, step.waktu)
        steps[step.number] = (len(values), values, met)
    out["steps"] = steps
    returns = [(st, name) for name, s in specs.items() for st, at, d in s["moves"]
               if d == "tidak" and period.contains(at)]
    out["returns"] = len(returns)
    out["returned_cases"] = len({name for _, name in returns})
    out["returns_by_step"] = Counter(st for st, _ in returns)
    return out


@pytest.mark.parametrize("period_text", ["2026-Q3", "2026-07", "2026"])
def test_figures_equal_an_independent_computation(report, period_text):
    period = parse_period(period_text)
    data = build_kinerja(report.svc, period=period, sop="ADUAN-UJI")
    fig = data.sops[0]
    want = expected_figures(report, "ADUAN-UJI", period)
    assert fig.received == want["received"]
    assert fig.finished == want["finished"]
    assert fig.finished_on_time == want["on_time"]
    assert fig.on_time_share == (pytest.approx(want["on_time"] / want["finished"])
                                 if want["finished"] else None)
    assert fig.stopped == want["stopped"]
    assert fig.in_progress == want["in_progress"]
    assert fig.overdue == want["overdue"]
    assert fig.returns == want["returns"] and fig.returned_cases == want["returned_cases"]
    for step in fig.steps:
        count, values, met = want["steps"][step.number]
        assert step.count == count, step.number
        assert step.returns == want["returns_by_step"].get(step.number, 0)
        if count:
            assert step.mean == pytest.approx(statistics.fmean(values))
            assert step.median == pytest.approx(statistics.median(values))
            assert step.p90 == pytest.approx(p90(values))
            assert step.within_share == pytest.approx(met / count)
        else:
            assert step.mean is None and step.within_share is None
    expected_positions = Counter(pos for pos, _ in want["positions"])
    assert {p.position: p.backlog for p in data.positions} == dict(expected_positions)
    expected_overdue = Counter(pos for pos, late in want["positions"] if late)
    assert {p.position: p.overdue for p in data.positions if p.overdue} == dict(expected_overdue)


def test_q3_is_not_trivial(report):
    """Guards the test above: Q3 has finished, late, stopped, returned and open cases."""
    want = expected_figures(report, "ADUAN-UJI", parse_period("2026-Q3"))
    assert want["finished"] >= 2 and 0 < want["on_time"] < want["finished"]
    assert want["stopped"] == 1 and want["returns"] == 1 and want["overdue"] >= 1
    assert want["in_progress"] > want["overdue"]
    assert sum(1 for c, _, _ in want["steps"].values() if c > 1) >= 3


def test_category_breakdown_and_all_sops(report):
    q3 = parse_period("2026-Q3")
    data = build_kinerja(report.svc, period=q3)
    assert [f.sop.code for f in data.sops] == sorted({s["sop"] for s in SCENARIO.values()})
    aduan = next(f for f in data.sops if f.sop.code == "ADUAN-UJI")
    assert aduan.category_label == "Hak yang Diduga Dilanggar"
    received = Counter(s["fields"]["hak_dilanggar"] or "(tidak diisi)"
                       for s in SCENARIO.values()
                       if s["sop"] == "ADUAN-UJI" and q3.contains(s["open"]))
    assert {v: n for v, n, _, _ in aduan.categories} == dict(received)
    plain = next(f for f in data.sops if f.sop.code == "LAPORAN-UJI")
    want = expected_figures(report, "LAPORAN-UJI", q3)
    assert (plain.received, plain.finished, plain.in_progress, plain.overdue) == (
        want["received"], want["finished"], want["in_progress"], want["overdue"])
    totals = data.totals()
    assert totals["received"] == aduan.received + plain.received
    # the monitoring sheet is prefilled from the figures
    rows = {m.prosedur: m for m in data.monitoring}
    assert rows["Layanan Pengaduan Uji"].baik is False  # late and overdue cases
    assert "diterima" in rows["Layanan Pengaduan Uji"].catatan
    assert rows["Layanan Pengaduan Uji"].tindakan


def test_kinerja_xlsx_has_tables_charts_and_no_formulas(report, tmp_path):
    data = build_kinerja(report.svc, period=parse_period("2026-Q3"), sop="ADUAN-UJI")
    path = tmp_path / "kinerja.xlsx"
    seen = []
    write_kinerja_xlsx(data, path, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1]
    wb = load_workbook(path)
    assert wb.sheetnames == ["Ringkasan", "Waktu Langkah", "Tunggakan Jabatan", "Kategori",
                             "Monitoring SOP", "Grafik", "Info"]
    ws = wb["Ringkasan"]
    header = next(r[0].row for r in ws.iter_rows() if r[0].value == "No")
    headers = [c.value for c in ws[header]]
    row = [c.value for c in ws[header + 1]]
    fig = data.sops[0]
    assert row[headers.index("Diterima")] == fig.received
    assert row[headers.index("Selesai")] == fig.finished
    assert row[headers.index("% dalam Mutu Baku")] == pytest.approx(fig.on_time_share)
    assert ws.cell(header + 1, headers.index("% dalam Mutu Baku") + 1).number_format == "0.0%"
    assert len(wb["Grafik"]._charts) >= 1  # charts print on pages of their own
    steps = wb["Waktu Langkah"]
    h = next(r[0].row for r in steps.iter_rows() if r[0].value == "Langkah")
    last = h + len(fig.steps)
    assert [row[0].value for row in steps.iter_rows(min_row=h + 1, max_row=last, max_col=1)] == [
        s.number for s in fig.steps]
    heads = [c.value for c in steps[h]]

    def median_cell(r, s):  # each unit has its own column
        return steps.cell(r, heads.index(f"Median ({s.standard.unit})") + 1).value
    assert [median_cell(h + 1 + i, s) for i, s in enumerate(fig.steps)] == [
        pytest.approx(s.median) if s.median is not None else None for s in fig.steps]
    for sheet in wb.worksheets[:-1]:  # the last one is the Info sheet (portrait)
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.oddFooter.center.text == "Halaman &P dari &N"
        assert [c.coordinate for r in sheet.iter_rows() for c in r if c.data_type == "f"] == []
    mon = wb["Monitoring SOP"]
    texts = [c.value for r in mon.iter_rows() for c in r if isinstance(c.value, str)]
    assert "Tidak Berjalan dengan Baik" in texts and "Catatan Hasil Penilaian" in texts


def test_kinerja_pdf_reads_back(report, tmp_path):
    data = build_kinerja(report.svc, period=parse_period("2026-Q3"), sop="ADUAN-UJI")
    path = tmp_path / "kinerja.pdf"
    write_kinerja_pdf(data, path)
    pages = [p.extract_text() for p in PdfReader(path).pages]
    text = "\n".join(pages)
    assert "LAPORAN KINERJA PELAKSANAAN SOP" in text and "Triwulan III Tahun 2026" in text
    assert "Formulir Monitoring Pelaksanaan SOP" in text
    assert "Tunggakan per Jabatan" in text
    for step in data.sops[0].steps:
        assert step.kegiatan.split(":")[0] in text.replace("\n", " ")
    assert f"Halaman {len(pages)} dari {len(pages)}" in pages[-1]


def test_cli_export_kinerja(report, tmp_path):
    db = report.svc.target
    out = tmp_path / "k.pdf"
    done = run_cli("--db", db, "export", "kinerja", "ADUAN-UJI", "--period", "2026-Q3", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert PdfReader(out).pages
    missing = run_cli("--db", db, "export", "kinerja", "-o", str(tmp_path / "k.xlsx"))
    assert missing.returncode == 1 and "periode" in missing.stderr
