"""The printed register drawn with TextTable (one text object per cell, issue 19) puts every
character where reportlab's own Table put it: the same pages, the same text at the same
places in the same font and size, the same lines and fills (both PDFs read back)."""

from __future__ import annotations

import datetime as dt

import pdfplumber
import pytest
from reportlab.platypus import Table as RLTable

from sop_desktop.output import pdf
from sop_desktop.output.table import Column, Table
from sop_desktop.reports import RegisterFilters, build_register, parse_period, write_register_pdf
from sop_desktop.reports.registers import RegisterData
from sop_desktop.services.office import OfficeProfile


def page_marks(path) -> list[dict]:
    """Per page: the characters (text, place, font, size) and the lines and rectangles."""
    out = []
    with pdfplumber.open(path) as doc:
        for page in doc.pages:
            out.append({
                "chars": [(c["text"], round(c["x0"], 2), round(c["top"], 2), c["fontname"],
                           round(c["size"], 2)) for c in page.chars],
                "rects": sorted((round(r["x0"], 2), round(r["top"], 2), round(r["width"], 2),
                                 round(r["height"], 2), str(r.get("non_stroking_color")))
                                for r in page.rects),
                "lines": sorted((round(ln["x0"], 2), round(ln["top"], 2), round(ln["x1"], 2),
                                 round(ln["bottom"], 2)) for ln in page.lines),
            })
    return out


def both_ways(data: RegisterData, tmp_path, monkeypatch) -> tuple[list[dict], list[dict]]:
    write_register_pdf(data, tmp_path / "new.pdf")
    with monkeypatch.context() as m:
        m.setattr(pdf, "TextTable", RLTable)  # reportlab's own cell drawing, as before
        write_register_pdf(data, tmp_path / "old.pdf")
    return page_marks(tmp_path / "old.pdf"), page_marks(tmp_path / "new.pdf")


def test_register_pdf_marks_are_the_same_as_reportlab_tables(scenario_world, tmp_path,
                                                             monkeypatch):
    data = build_register(scenario_world.svc, RegisterFilters("aduan", parse_period("2026-Q3")),
                          signer={"jabatan": "Kepala Bidang", "nama": "Nama Pejabat",
                                  "nip": "196507021987031001"})
    old, new = both_ways(data, tmp_path, monkeypatch)
    assert new == old
    text = "".join(c[0] for page in new for c in page["chars"])
    assert "BUKU REGISTER ADUAN" in text and "Nama Pejabat" in text


def test_many_pages_of_multi_line_and_empty_cells_are_the_same(tmp_path, monkeypatch):
    cols = [Column("no", "No", "int", pdf_width=3), Column("agenda", "Nomor Agenda", pdf_width=9),
            Column("tanggal", "Tanggal", "date", pdf_width=8),
            Column("isi", "Uraian", pdf_width=30), Column("kosong", "Catatan", pdf_width=8)]
    rows = [{"no": i, "agenda": f"{i:04d}/YANKOMAS-KANWIL/XI/2026",
             "tanggal": dt.date(2026, 11, 1 + i % 28) if i % 3 else None,
             "isi": ("baris pertama\nbaris kedua " + "kata panjang " * (i % 9)) if i % 2
             else "satu baris", "kosong": None if i % 4 else "ada"} for i in range(1, 261)]
    table = Table("BUKU REGISTER", cols, rows, note="Catatan di bawah tabel.")
    data = RegisterData("sop", "BUKU REGISTER", ["Periode: 2026"], table,
                        OfficeProfile(kantor="Kantor Uji", kota="Bengkulu"), RegisterFilters(),
                        dt.datetime(2026, 12, 7, 9, 0))
    old, new = both_ways(data, tmp_path, monkeypatch)
    assert len(new) == len(old) > 3
    for page_old, page_new in zip(old, new, strict=True):
        assert page_new == page_old
    assert any(c[0] == "H" for c in new[-1]["chars"])  # "Halaman x dari y" on the last page


@pytest.mark.parametrize("value", ["", "a", "satu\n\ndua"])
def test_text_table_draws_what_table_draws_for_one_cell(tmp_path, value):
    from reportlab.pdfgen import canvas

    from sop_desktop.output.pdf_cells import TextTable

    marks = []
    for cls in (RLTable, TextTable):
        path = tmp_path / f"{cls.__name__}.pdf"
        c = canvas.Canvas(str(path))
        t = cls([["Kepala", value]], colWidths=[80, 80])
        t.wrapOn(c, 400, 400)
        t.drawOn(c, 50, 600)
        c.save()
        marks.append(page_marks(path))
    assert marks[0] == marks[1]
