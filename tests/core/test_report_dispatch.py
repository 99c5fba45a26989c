"""The one report dispatcher of the window and the CLI (issue 14): a ReportRequest is built from
the database and written as .xlsx or PDF by the kind's writer, with progress and cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sop_desktop.errors import SopError, ValidationError
from sop_desktop.ops.report_dispatch import (
    KIND_AGENDA,
    KIND_KINERJA,
    KIND_MONITORING,
    KIND_REGISTER,
    ReportCancelled,
    ReportRequest,
    build_report,
    report_pdf_bytes,
    write_report,
)
from sop_desktop.reports.periods import parse_period


def _cells(path: Path) -> list[str]:
    book = load_workbook(path, read_only=True)
    return [str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
            for v in row if v not in (None, "")]


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


@pytest.mark.parametrize(("kind", "expected"), [
    (KIND_REGISTER, "register"), (KIND_KINERJA, "kinerja"), (KIND_MONITORING, "monitoring"),
    (KIND_AGENDA, "agenda surat keluar")])
def test_every_kind_is_written_by_its_own_writer_in_both_formats(scenario_world, tmp_path,
                                                                 kind, expected):
    request = ReportRequest(kind, parse_period("2026"), signer=("Kepala", "Budi", "1970"))
    seen: list[tuple[int, int]] = []
    xlsx = write_report(scenario_world.svc, request, tmp_path / "laporan.xlsx",
                        progress=lambda d, t: seen.append((d, t)))
    assert expected in " ".join(_cells(xlsx)).lower()
    pdf = write_report(scenario_world.svc, request, tmp_path / "laporan.pdf")
    text = _pdf_text(pdf).lower()
    assert expected in text.replace("\n", " ")
    assert kind == KIND_AGENDA or "budi" in text  # the signer asked for signs the paper


def test_the_format_comes_from_the_request_or_the_suffix(scenario_world, tmp_path):
    request = ReportRequest(KIND_REGISTER, fmt="pdf")
    out = write_report(scenario_world.svc, request, tmp_path / "register.bin")
    assert out.read_bytes().startswith(b"%PDF")
    with pytest.raises(ValidationError, match="harus berakhiran .xlsx atau .pdf"):
        write_report(scenario_world.svc, ReportRequest(KIND_REGISTER), tmp_path / "r.docx")
    assert not (tmp_path / "r.docx").exists()


def test_bad_requests_are_refused_in_indonesian(scenario_world, tmp_path):
    with pytest.raises(ValidationError, match="Pilih periode laporan"):
        build_report(scenario_world.svc, ReportRequest(KIND_KINERJA))
    with pytest.raises(ValidationError, match="tidak dikenal"):
        build_report(scenario_world.svc, ReportRequest("neraca"))


def test_cancel_stops_the_writer_and_leaves_no_file(scenario_world, tmp_path):
    target = tmp_path / "register.pdf"
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 1  # Batal pressed after the writer started

    with pytest.raises(ReportCancelled) as caught:
        write_report(scenario_world.svc, ReportRequest(KIND_REGISTER), target, cancel=cancel)
    assert isinstance(caught.value, SopError) and str(caught.value) == "Dibatalkan oleh pengguna."
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_the_preview_is_cut_but_says_how_many_rows_there_are(scenario_world):
    request = ReportRequest(KIND_REGISTER)
    whole, shown, rows = report_pdf_bytes(scenario_world.svc, request)
    assert whole.startswith(b"%PDF") and shown == rows > 2
    cut, shown, total = report_pdf_bytes(scenario_world.svc, request, max_rows=2)
    assert (shown, total) == (2, rows) and cut.startswith(b"%PDF")



def test_the_cli_agenda_goes_through_the_dispatcher(scenario_world, tmp_path, capsys):
    """`letter register -o` writes the agenda the Laporan dialog writes (same request)."""
    from sop_desktop.cli import main

    db = str(scenario_world.svc.target)
    out = tmp_path / "agenda.xlsx"
    assert main(["--db", db, "letter", "register", "--period", "2026", "-o", str(out)]) == 0
    direct = write_report(scenario_world.svc, ReportRequest(KIND_AGENDA, parse_period("2026")),
                          tmp_path / "direct.xlsx")
    first = [load_workbook(p, read_only=True).worksheets[0] for p in (out, direct)]
    assert [list(ws.values) for ws in first[:1]] == [list(ws.values) for ws in first[1:]]
    assert "agenda surat keluar tahun 2026" in " ".join(_cells(out)).lower()
    assert main(["--db", db, "letter", "register", "-o", str(tmp_path / "a.docx")]) == 1
    assert ".xlsx atau .pdf" in capsys.readouterr().err and not (tmp_path / "a.docx").exists()
