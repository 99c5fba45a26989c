"""The register's body rows written straight into xlsxwriter's row file (issue 19): the same
file, byte for byte, as xlsxwriter's own cell methods write, for every kind of cell a register
holds; user text shaped like xlsxwriter's rich strings kept as text; sheets the rows cannot go
into directly written cell by cell."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from xlsxwriter import Workbook

from sop_desktop.output import xlsx_stream
from sop_desktop.output.table import Column, Table
from sop_desktop.output.xlsx import safe_text
from sop_desktop.output.xlsx_rows import can_write_rows, text_xml
from sop_desktop.reports import write_register_xlsx
from sop_desktop.reports.registers import RegisterData, RegisterFilters
from sop_desktop.services.office import OfficeProfile

CREATED = dt.datetime(2026, 12, 7, 8, 0)
TEXTS = [
    "biasa", '=HYPERLINK("http://contoh.test","klik")', "+62 812", "-1", "@SUM(A1:A2)",
    "\tdiawali tab", "diakhiri spasi ", " kiri dan kanan ", "bel\x07 dan\x1b\x00", "cr\rlf\r\n",
    "a & b < c > d \"kutip\" 'tunggal'", "_x0041_ bukan escape", "_x00e9_\x01", "\ufffe\uffff",
    "emoji \U0001F600 dan aksara 漢字 ü", "baris satu\nbaris dua\nbaris tiga",
    "kata " * 80, "\u00a0nbsp\u2003", "x" * 40_000, "\U0001F600" * 20_000, "", None,
]
ODD = [1, 0, -7, 2**53 + 1, 10**20, 1.5, -0.0, 1e-12, 3.141592653589793, float("nan"),
       float("inf"), True, None, "", dt.date(2026, 2, 1), dt.datetime(2026, 2, 1, 13, 5, 7, 999)]


def every_kind_of_cell() -> Table:
    """Columns of every kind and rows mixing text, numbers, dates and odd values in each."""
    cols = [Column("no", "No", "int", width=5), Column("teks", "Teks", width=24),
            Column("nik", "NIK", width=18, wrap=False), Column("tgl", "Tanggal", "date"),
            Column("waktu", "Waktu", "datetime"), Column("lama", "Lama", "float"),
            Column("persen", "Persen", "percent"), Column("ya", "Ya/Tidak", "bool"),
            Column("campur", "Campuran", width=14)]
    rows = []
    for i in range(max(len(TEXTS), len(ODD)) * 2):
        text, odd = TEXTS[i % len(TEXTS)], ODD[i % len(ODD)]
        rows.append({"no": i + 1 if i % 5 else odd, "teks": text, "nik": text if i % 3 else odd,
                     "tgl": odd if i % 2 else dt.date(2026, 1, 1) + dt.timedelta(days=i),
                     "waktu": odd if i % 3 == 0 else dt.datetime(2026, 3, 1, 8) +
                     dt.timedelta(minutes=97 * i), "lama": odd, "persen": odd,
                     "ya": odd if i % 4 else i % 8 == 0, "campur": odd if i % 2 else text})
    return Table("REGISTER & UJI <semua jenis>", cols, rows, note="Catatan di bawah tabel.")


def write(path: Path, table: Table, *, cell_by_cell: bool, options: dict | None = None) -> Path:
    """`table` as a one-sheet workbook (fixed creation time) into `path`."""
    def fill(wb: Workbook) -> None:
        wb.set_properties({"created": CREATED})
        xlsx_stream.write_table(wb, wb.add_worksheet("Register"), table, office="Kantor A & B",
                                heading=["SOP: Uji", "Periode: 2026"], footer_lines=["Rantai: ab"],
                                paper="F4", cell_by_cell=cell_by_cell)

    with path.open("wb") as fh:
        xlsx_stream.save(fh, fill)
    return path


def as_excel_reads(value: object) -> object:
    """An inline string cell's text as Excel shows it: openpyxl leaves its _xHHHH_ escapes."""
    if not isinstance(value, str):
        return value
    return re.sub("_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("extra_columns", [0, 30])
def test_rows_written_directly_are_the_bytes_xlsxwriter_writes(tmp_path, extra_columns):
    table = every_kind_of_cell()
    table.columns += [Column(f"c{i}", f"Isian {i}", width=30) for i in range(extra_columns)]
    for i, row in enumerate(table.rows):
        row.update({f"c{j}": TEXTS[(i + j) % len(TEXTS)] for j in range(extra_columns)})
    cells = parts(write(tmp_path / "cells.xlsx", table, cell_by_cell=True))
    direct = parts(write(tmp_path / "direct.xlsx", table, cell_by_cell=False))
    assert direct.keys() == cells.keys()
    for name in cells:
        assert direct[name] == cells[name], name
    sheet = direct["xl/worksheets/sheet1.xml"].decode()
    assert sheet.count("<row ") == len(table.rows) + 6  # title, 2 heading lines, header, 2 under
    assert 'ht="' in sheet and "_x000D_" in sheet and "_x005F_x0041_" in sheet


def test_every_value_reads_back(tmp_path):
    table = every_kind_of_cell()
    ws = load_workbook(write(tmp_path / "r.xlsx", table, cell_by_cell=False))["Register"]
    head = 5  # title, two heading lines, a blank row
    assert [c.value for c in ws[head]][:3] == ["No", "Teks", "NIK"]
    for i, row in enumerate(table.rows):
        got, text = as_excel_reads(ws.cell(head + 1 + i, 2).value), row["teks"]
        if not text:
            assert got is None
        elif "\U0001F600" * 100 in text:
            assert got == text[:32767 // 2]  # Excel's limit counts UTF-16 units
        else:
            assert got == safe_text(text), i
    assert ws.cell(head + 2, 2).quotePrefix and ws.cell(head + 2, 2).data_type == "s"
    assert ws.auto_filter.ref == f"A{head}:I{head + len(table.rows)}"
    assert ws.cell(head + len(table.rows) + 2, 1).value == "Catatan di bawah tabel."


def test_text_shaped_like_a_rich_string_stays_text(tmp_path):
    # xlsxwriter writes such text into the file unescaped: the cell reads back empty (or as
    # whatever runs the user typed); written directly, it is the text the user typed
    texts = ["<r>teks</r>", "<r><t>=1+1</t></r>", "<r><rPr><b/></rPr><t>tebal</t></r>"]
    table = Table("T", [Column("isi", "Isian", width=30)], [{"isi": t} for t in texts])
    ws = load_workbook(write(tmp_path / "r.xlsx", table, cell_by_cell=False))["Register"]
    assert [ws.cell(6 + i, 1).value for i in range(3)] == texts


def test_text_xml_escapes_as_xlsxwriter_does():
    assert text_xml("a & b") == "<is><t>a &amp; b</t></is>"
    assert text_xml(" a") == '<is><t xml:space="preserve"> a</t></is>'
    assert text_xml("\x07_x0020_") == "<is><t>_x0007__x005F_x0020_</t></is>"
    assert text_xml("\U0001F600" * 3, limit=5) == "<is><t>\U0001F600\U0001F600</t></is>"


def test_a_sheet_not_streamed_is_written_cell_by_cell(tmp_path):
    table = every_kind_of_cell()
    buffer = io.BytesIO()
    wb = Workbook(buffer, {"in_memory": True})
    ws = wb.add_worksheet("Register")
    assert not can_write_rows(ws)
    xlsx_stream.write_table(wb, ws, table, heading=["SOP: Uji", "Periode: 2026"])
    wb.close()
    path = tmp_path / "m.xlsx"
    path.write_bytes(buffer.getvalue())
    streamed = load_workbook(write(tmp_path / "s.xlsx", table, cell_by_cell=False))["Register"]
    loaded = load_workbook(path)["Register"]
    for r in range(5, 6 + len(table.rows)):
        for c in range(1, len(table.columns) + 1):
            value, other = streamed.cell(r, c).value, loaded.cell(r, c).value
            if "_x" in f"{value}{other}":
                continue  # openpyxl reads the _xHHHH_ escapes of shared strings its own way
            assert other == value, (r, c)
            assert loaded.cell(r, c).number_format == streamed.cell(r, c).number_format


def test_a_register_reports_progress_to_the_last_row(tmp_path):
    table = every_kind_of_cell()
    table.rows = table.rows * 20
    data = RegisterData("aduan", "REGISTER", ["Periode: 2026"], table,
                        OfficeProfile(kantor="Kantor"), RegisterFilters("aduan"),
                        dt.datetime(2026, 12, 7, 9, 0))
    seen: list[tuple[int, int]] = []
    write_register_xlsx(data, tmp_path / "r.xlsx", progress=lambda d, t: seen.append((d, t)))
    assert len(seen) >= 100 and seen == sorted(seen) and seen[-1] == (len(table.rows),) * 2
    ws = load_workbook(tmp_path / "r.xlsx", read_only=True)["Register"]
    assert ws.max_row == 4 + len(table.rows) + 3  # the rows, a blank row, the note and the hash
