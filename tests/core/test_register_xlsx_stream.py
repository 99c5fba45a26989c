"""The register .xlsx written by xlsxwriter (constant_memory, issue 19) holds what the openpyxl
writer it replaced wrote: every cell value and type, the styles that show, the column widths
and row heights, the print settings and the document properties (both files read back)."""

from __future__ import annotations

import datetime as dt
import errno
import tempfile

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from sop_desktop.output import docmeta, xlsx_stream
from sop_desktop.output.atomic import ExportError, write_atomic
from sop_desktop.output.table import Column, Table
from sop_desktop.output.xlsx import save_workbook, write_table
from sop_desktop.reports import RegisterFilters, build_register, parse_period, write_register_xlsx
from sop_desktop.reports.registers import RegisterData, default_paper
from sop_desktop.services.office import OfficeProfile


def write_with_openpyxl(data: RegisterData, path) -> None:
    """The register as the openpyxl writer made it before issue 19 (write_only workbook)."""
    office = data.office.kantor or data.office.kementerian

    def write(fh) -> None:
        wb = Workbook(write_only=True)
        docmeta.set_xlsx_properties(wb, title=data.title, subject=" \u2014 ".join(data.heading),
                                    office=office, chain_hash=data.chain_hash)
        write_table(wb.create_sheet("Register"), data.table, office=office, heading=data.heading,
                    footer_lines=[f"{docmeta.HASH_LABEL}: {docmeta.hash_text(data.chain_hash)}"],
                    paper=default_paper(data))
        docmeta.add_info_sheet(wb, docmeta.info_rows(
            title=data.title, office=office, lines=data.heading, chain_hash=data.chain_hash))
        save_workbook(wb, fh)

    write_atomic(path, write)


def rgb(color) -> str | None:
    """A colour as RRGGBB (Excel ignores the alpha byte: openpyxl writes 00, xlsxwriter FF)."""
    return color.rgb[-6:] if color is not None and color.type == "rgb" else None


def cell_look(cell) -> tuple:
    """What a reader sees of a cell: value, type, number format and the styles that show."""
    font, fill, border, align = cell.font, cell.fill, cell.border, cell.alignment
    value = cell.value
    if isinstance(value, dt.datetime) and value.hour == value.minute == 0 and \
            cell.number_format == "dd/mm/yyyy":
        value = value.date()
    return (value, cell.data_type, cell.number_format if cell.value is not None else "",
            font.name, font.sz or 10.0, bool(font.b), bool(font.i), rgb(font.color),  # no size: Arial 10
            fill.fill_type, rgb(fill.fgColor) if fill.fill_type else None,
            tuple((s.style, rgb(s.color))
                  for s in (border.left, border.right, border.top, border.bottom)),
            align.horizontal, align.vertical, bool(align.wrap_text), bool(cell.quotePrefix))


def column_widths(ws) -> dict[str, float]:
    out = {}
    for dim in ws.column_dimensions.values():
        if dim.width and dim.min:
            for i in range(dim.min, dim.max + 1):
                out[get_column_letter(i)] = dim.width
    return out


def print_settings(ws) -> dict:
    ps, margins = ws.page_setup, ws.page_margins
    return {
        "freeze": ws.freeze_panes, "titles": ws.print_title_rows, "title_cols": ws.print_title_cols,
        "filter": ws.auto_filter.ref, "orientation": ps.orientation,
        "paper": str(ps.paperSize), "fit_width": ps.fitToWidth, "fit_height": ps.fitToHeight,
        "fit_page": bool(ws.sheet_properties.pageSetUpPr.fitToPage),
        "scale": ps.scale or 100, "centred": bool(ws.print_options.horizontalCentered),
        "margins": (margins.left, margins.right, margins.top, margins.bottom, margins.header,
                    margins.footer),
        "header": [(p.text, p.size) for p in (ws.oddHeader.left, ws.oddHeader.center,
                                               ws.oddHeader.right)],
        "footer": [(p.text, p.size) for p in (ws.oddFooter.left, ws.oddFooter.center,
                                               ws.oddFooter.right)],
    }


def assert_same_workbook(old_path, new_path) -> None:
    old, new = load_workbook(old_path), load_workbook(new_path)
    assert new.sheetnames == old.sheetnames == ["Register", "Info"]
    for name in old.sheetnames:
        a, b = old[name], new[name]
        assert (b.max_row, b.max_column) == (a.max_row, a.max_column)
        for row_a, row_b in zip(a.iter_rows(), b.iter_rows(), strict=True):
            for ca, cb in zip(row_a, row_b, strict=True):
                if name == "Info" and ca.column == 2 and isinstance(ca.value, dt.datetime):
                    assert abs(cb.value - ca.value) < dt.timedelta(minutes=1)  # "Dibuat"
                    assert cb.number_format == ca.number_format
                    continue
                assert cell_look(cb) == cell_look(ca), f"{name}!{ca.coordinate}"
        # the same widths (within a pixel of a 7-pixel digit) and row heights
        wa, wb_ = column_widths(a), column_widths(b)
        assert wb_.keys() == wa.keys()
        assert all(abs(wb_[k] - wa[k]) < 1 / 7 for k in wa), (wa, wb_)
        heights = {r: d.height for r, d in a.row_dimensions.items() if d.height}
        assert {r: d.height for r, d in b.row_dimensions.items() if d.height} == heights
        assert print_settings(b) == print_settings(a)
    pa, pb = old.properties, new.properties
    for key in ("title", "subject", "creator", "lastModifiedBy", "category", "keywords",
                "description"):
        assert getattr(pb, key) == getattr(pa, key), key
    assert abs(pb.created - pa.created) < dt.timedelta(minutes=1)
    assert {p.name: p.value for p in new.custom_doc_props.props} == \
        {p.name: p.value for p in old.custom_doc_props.props}


@pytest.mark.parametrize("sop, period", [("aduan", "2026-Q3"), ("LAPORAN-UJI", "2026"),
                                         (None, "2026")])
def test_register_xlsx_is_the_same_as_the_openpyxl_one(scenario_world, tmp_path, sop, period):
    data = build_register(scenario_world.svc, RegisterFilters(sop, parse_period(period)))
    assert data.rows
    write_with_openpyxl(data, tmp_path / "old.xlsx")
    seen: list[tuple[int, int]] = []
    write_register_xlsx(data, tmp_path / "new.xlsx", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (len(data.rows), len(data.rows))
    assert_same_workbook(tmp_path / "old.xlsx", tmp_path / "new.xlsx")
    ws = load_workbook(tmp_path / "new.xlsx")["Register"]
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0  # written, not implied


def tricky_register(columns: int = 0) -> RegisterData:
    """User text that looks like a formula, control characters, long wrapped text, empty and
    typed cells; `columns` more wide columns make the table print two pages across."""
    cols = [Column("no", "No", "int", width=5), Column("agenda", "Nomor Agenda", width=16),
            Column("tanggal", "Tanggal Terima", "date", width=12),
            Column("waktu", "Waktu", "datetime"), Column("pokok", "Pokok Masalah", width=32),
            Column("nik", "NIK", width=18, wrap=False), Column("lama", "Lama", "float"),
            Column("persen", "Tepat Waktu", "percent"), Column("setuju", "Disetujui", "bool")]
    cols += [Column(f"c{i}", f"Isian Nomor {i}", width=30) for i in range(columns)]
    texts = ['=HYPERLINK("http://contoh.test","klik")', "+62 812 3456", "-1+2", "@SUM(A1:A2)",
             "bel\x07 dan\x1b escape\x00", "baris satu\nbaris dua\nbaris tiga",
             "kata " * 60, "", None]
    rows = []
    for i, text in enumerate(texts, 1):
        rows.append({"no": i, "agenda": f"{i:04d}/ADUAN/XI/2026", "pokok": text,
                     "tanggal": dt.date(2026, 11, i) if i % 3 else None,
                     "waktu": dt.datetime(2026, 11, i, 9, 30, 15) if i % 2 else None,
                     "nik": "3201234567890123", "lama": 1.25 * i if i % 4 else None,
                     "persen": i / 10, "setuju": i % 2 == 0,
                     **{f"c{j}": f"isi {j} " * 6 for j in range(columns)}})
    table = Table("BUKU REGISTER ADUAN", cols, rows, note="Catatan & keterangan di bawah tabel.")
    return RegisterData("aduan", "BUKU REGISTER ADUAN", ["SOP: Uji & Coba", "Periode: 2026"],
                        table, OfficeProfile(kantor="Kantor A & B", kota="Bengkulu"),
                        RegisterFilters("aduan"), dt.datetime(2026, 11, 20, 10, 0),
                        chain_hash="ab" * 32)


@pytest.mark.parametrize("columns", [0, 30])
def test_tricky_cells_and_a_table_two_pages_wide_are_the_same(tmp_path, columns):
    data = tricky_register(columns)
    write_with_openpyxl(data, tmp_path / "old.xlsx")
    write_register_xlsx(data, tmp_path / "new.xlsx")
    assert_same_workbook(tmp_path / "old.xlsx", tmp_path / "new.xlsx")
    ws = load_workbook(tmp_path / "new.xlsx")["Register"]
    head = next(r[0].row for r in ws.iter_rows() if r[0].value == "No")
    assert [c.value for c in ws[head]][:2] == ["No", "Nomor Agenda"]
    assert not [c.coordinate for r in ws.iter_rows() for c in r if c.data_type == "f"]
    assert ws.cell(head + 1, 5).quotePrefix and ws.cell(head + 5, 5).value == "bel dan escape"
    if columns:
        assert ws.print_title_cols == "$A:$B" and not ws.sheet_properties.pageSetUpPr.fitToPage


def test_a_date_in_a_text_column_prints_as_a_date(tmp_path):
    table = Table("T", [Column("isi", "Isian")], [{"isi": dt.date(2026, 12, 7)},
                                                   {"isi": dt.datetime(2026, 12, 7, 8, 5)}])
    data = RegisterData("sop", "T", [], table, OfficeProfile(), RegisterFilters(),
                        dt.datetime(2026, 12, 7, 9, 0))
    ws = load_workbook(write_register_xlsx(data, tmp_path / "d.xlsx"))["Register"]
    assert ws["A3"].value == "Isian"
    assert ws["A4"].is_date and ws["A4"].number_format == "dd/mm/yyyy"
    assert ws["A5"].is_date and ws["A5"].number_format == "dd/mm/yyyy hh:mm"


def test_a_full_disk_keeps_the_old_file_and_leaves_no_temp_files(tmp_path, monkeypatch):
    scratch = tmp_path / "temp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    target = tmp_path / "reg.xlsx"
    target.write_bytes(b"lama")

    class FillingDisk:
        """The temp file as the writer sees it: the disk fills up after 2,000 bytes."""

        def __init__(self, fh) -> None:
            self.fh, self.n = fh, 0

        def write(self, data: bytes) -> int:
            self.n += len(data)
            if self.n > 2000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.fh.write(data)

        def __getattr__(self, name: str):
            return getattr(self.fh, name)

    data = tricky_register()
    data.table.rows = data.table.rows * 300

    def fill(wb: xlsx_stream.Workbook) -> None:
        xlsx_stream.write_table(wb, wb.add_worksheet("Register"), data.table)

    with pytest.raises(ExportError, match="Ruang penyimpanan tidak cukup"):
        write_atomic(target, lambda fh: xlsx_stream.save(FillingDisk(fh), fill))
    assert target.read_bytes() == b"lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reg.xlsx", "temp"]
    assert list(scratch.iterdir()) == []


def test_an_empty_register_is_the_same(tmp_path):
    data = tricky_register()
    data.table.rows = []
    write_with_openpyxl(data, tmp_path / "old.xlsx")
    write_register_xlsx(data, tmp_path / "new.xlsx")
    assert_same_workbook(tmp_path / "old.xlsx", tmp_path / "new.xlsx")
