"""Report file plumbing: periods, the atomic writer, safe xlsx cells, PDF scaffolding."""

from __future__ import annotations

import datetime as dt
import errno
import os

import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from sop_desktop.errors import ValidationError
from sop_desktop.output import atomic
from sop_desktop.output.atomic import ExportError, atomic_output, write_atomic
from sop_desktop.output.table import Column, Table
from sop_desktop.output.xlsx import save_workbook, write_table
from sop_desktop.reports.periods import parse_date, parse_period, resolve_period


@pytest.mark.parametrize("text,start,end", [
    ("2026", dt.date(2026, 1, 1), dt.date(2027, 1, 1)),
    ("2026-11", dt.date(2026, 11, 1), dt.date(2026, 12, 1)),
    ("2026-12", dt.date(2026, 12, 1), dt.date(2027, 1, 1)),
    ("2026-Q3", dt.date(2026, 7, 1), dt.date(2026, 10, 1)),
    ("2026-q4", dt.date(2026, 10, 1), dt.date(2027, 1, 1)),
    ("2026-S1", dt.date(2026, 1, 1), dt.date(2026, 7, 1)),
    ("2026-07-15..2026-08-02", dt.date(2026, 7, 15), dt.date(2026, 8, 3)),
])
def test_periods_are_half_open_ranges(text, start, end):
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)
    assert period.contains(dt.datetime.combine(start, dt.time()))
    assert period.contains(dt.datetime.combine(end, dt.time()) - dt.timedelta(seconds=1))
    assert not period.contains(dt.datetime.combine(end, dt.time()))
    assert not period.contains(dt.datetime.combine(start, dt.time()) - dt.timedelta(seconds=1))


def test_period_labels_and_bad_input_in_indonesian():
    assert parse_period("2026-Q3").label == "Triwulan III Tahun 2026"
    assert parse_period("2026-11").label == "November 2026"
    assert resolve_period(None, "05/11/2026", "2026-11-06").label == "5 November 2026 s.d. 6 November 2026"
    assert parse_date("5/11/2026") == dt.date(2026, 11, 5)
    assert resolve_period(None, None, None) is None
    for bad in ("2026-13", "26", "kemarin", "2026-Q5"):
        with pytest.raises(ValidationError, match="Periode"):
            parse_period(bad)
    with pytest.raises(ValidationError, match="lebih awal"):
        resolve_period(None, "2026-11-06", "2026-11-05")
    with pytest.raises(ValidationError, match="salah satu"):
        resolve_period("2026", "2026-01-01", None)


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_atomic_write_replaces_whole_file(tmp_path):
    target = tmp_path / "laporan.xlsx"
    target.write_bytes(b"lama")
    write_atomic(target, lambda fh: fh.write(b"baru"))
    assert target.read_bytes() == b"baru"
    assert _leftovers(tmp_path) == []


def test_disk_full_midway_keeps_the_old_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "register.xlsx"
    target.write_bytes(b"versi yang baik")

    def half_then_full(fh):
        fh.write(b"separuh")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError, match="Ruang penyimpanan tidak cukup"):
        write_atomic(target, half_then_full)
    assert target.read_bytes() == b"versi yang baik"
    assert _leftovers(tmp_path) == []


def test_failing_fsync_or_replace_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "r.pdf"
    target.write_bytes(b"baik")

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", no_space)
    with pytest.raises(ExportError):
        write_atomic(target, lambda fh: fh.write(b"x" * 1000))
    monkeypatch.undo()

    def locked(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(ExportError, match="dibuka di program lain"):
        write_atomic(target, lambda fh: fh.write(b"x"))
    assert target.read_bytes() == b"baik"
    assert _leftovers(tmp_path) == []


def test_an_error_inside_the_writer_passes_through_and_cleans_up(tmp_path):
    target = tmp_path / "a.xlsx"
    with pytest.raises(ZeroDivisionError):
        with atomic_output(target) as fh:
            fh.write(b"a")
            1 / 0  # noqa: B018
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_openpyxl_failing_midway_keeps_the_old_xlsx(tmp_path):
    """The real writer (openpyxl writing a zip) hits a full disk in the middle of the file."""
    target = tmp_path / "reg.xlsx"
    wb = Workbook()
    wb.active.append(["lama"])
    wb.save(target)
    before = target.read_bytes()

    class FillingDisk:
        """The temp file as openpyxl sees it: the disk fills up after 2,000 bytes."""

        def __init__(self, fh):
            self.fh, self.n = fh, 0

        def write(self, data):
            self.n += len(data)
            if self.n > 2000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.fh.write(data)

        def __getattr__(self, name):
            return getattr(self.fh, name)

    table = Table("Uji", [Column("a", "A")], [{"a": f"baris {i} " * 20} for i in range(3000)])

    def build(fh):
        new = Workbook(write_only=True)
        write_table(new.create_sheet("R"), table)
        save_workbook(new, FillingDisk(fh))

    with pytest.raises(ExportError):
        write_atomic(target, build)
    assert target.read_bytes() == before
    assert load_workbook(target).active["A1"].value == "lama"
    assert _leftovers(tmp_path) == []


def _sheet_table():
    cols = [Column("t", "Teks"), Column("d", "Tanggal", "date"), Column("n", "Jumlah", "int"),
            Column("f", "Lama", "float")]
    rows = [
        {"t": '=HYPERLINK("http://contoh.test","klik")', "d": dt.date(2026, 7, 1), "n": 3, "f": 1.25},
        {"t": "+62 812 3456", "d": dt.datetime(2026, 7, 2, 14, 5), "n": 0, "f": None},
        {"t": "-1+2", "d": None, "n": None, "f": 0.5},
        {"t": "@SUM(A1:A2)", "d": None, "n": 7, "f": 2.0},
        {"t": "bel\x07 dan\x1b escape\x00", "d": None, "n": 1, "f": 1.0},
    ]
    return Table("Judul", cols, rows)


@pytest.mark.parametrize("write_only", [True, False])
def test_user_text_never_becomes_a_formula_and_types_survive(tmp_path, write_only):
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("Data") if write_only else wb.active
    header = write_table(ws, _sheet_table(), office="Kantor A & B", heading=["Periode X"])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    sheet = load_workbook(path).worksheets[0]
    assert [c.value for c in sheet[header]] == ["Teks", "Tanggal", "Jumlah", "Lama"]
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = [sheet.cell(header + i, 1) for i in range(1, 6)]
    assert [c.value for c in texts[:4]] == ['=HYPERLINK("http://contoh.test","klik")',
                                             "+62 812 3456", "-1+2", "@SUM(A1:A2)"]
    assert all(c.quotePrefix for c in texts[:4])
    assert texts[4].value == "bel dan escape"
    date = sheet.cell(header + 1, 2)
    assert date.is_date and date.value == dt.datetime(2026, 7, 1)
    assert sheet.cell(header + 2, 2).value == dt.datetime(2026, 7, 2)
    assert sheet.cell(header + 1, 3).value == 3 and sheet.cell(header + 1, 3).data_type == "n"
    assert sheet.cell(header + 1, 4).value == 1.25
    # print setup, frozen header, filter
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.auto_filter.ref == f"A{header}:D{header + 5}"
    assert sheet.print_title_rows == f"${header}:${header}"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.oddHeader.left.text == "Kantor A && B"
    assert sheet.oddFooter.center.text == "Halaman &P dari &N"
    assert sheet.column_dimensions["A"].width > 10


def test_pdf_scaffold_repeats_header_and_numbers_pages(tmp_path):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import cm

    from sop_desktop.output import pdf
    from sop_desktop.output.kop import KopSurat
    from sop_desktop.services.office import OfficeProfile

    st = pdf.styles(7)
    rows = [{"no": i, "nama": f"Pengadu{i:03d}", "isi": "kata <b>&amp; " * (i % 9)}
            for i in range(1, 251)]
    table = Table("T", [Column("no", "No", "int"), Column("nama", "NamaKolom"),
                        Column("isi", "Uraian", pdf_width=40)], rows)
    avail = landscape(A4)[0] - 2.4 * cm
    profile = OfficeProfile(kementerian="Kementerian Uji", kantor="Kantor Wilayah Uji", kota="Palembang")
    story = [KopSurat(profile)] + pdf.title_block("JUDUL", ["Periode Uji"], st)
    story += pdf.table_flowables(table, avail, st, chunk=100)
    story.append(pdf.signature_block(pdf.Signer("Kepala Kantor", "Nama Pejabat", "196507021987031001"),
                                     "Palembang", dt.date(2026, 11, 21), avail, st))
    seen = []
    path = tmp_path / "s.pdf"
    with open(path, "wb") as fh:
        pdf.build_pdf(fh, story, title="JUDUL", running_left="Kantor Wilayah Uji",
                      progress=lambda d, t: seen.append((d, t)), total_rows=len(rows))
    reader = PdfReader(path)
    pages = [p.extract_text() for p in reader.pages]
    total = len(pages)
    assert total > 2
    for i, text in enumerate(pages, 1):
        assert f"Halaman {i} dari {total}" in text
    table_pages = [t for t in pages if "Pengadu" in t]
    assert all("NamaKolom" in t for t in table_pages)  # header repeated on every page
    alltext = "\n".join(pages)
    for i in (1, 100, 101, 250):
        assert f"Pengadu{i:03d}" in alltext
    assert "KANTOR WILAYAH UJI" in pages[0]
    assert "Palembang, 21 November 2026" in alltext
    assert "NIP 19650702 198703 1 001" in alltext
    assert "<b>" in alltext  # user markup printed as text, not interpreted
    assert seen == [(100, 250), (200, 250), (250, 250)]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="tidak ada"):
        write_atomic(tmp_path / "tidak-ada" / "x.pdf", lambda fh: fh.write(b"x"))
    assert not os.path.exists(tmp_path / "tidak-ada")


def test_fast_calendar_gives_the_same_answers_as_the_work_calendar():
    import random

    from sop_desktop.domain.calendar import CalendarSettings, WorkCalendar
    from sop_desktop.domain.waktu import parse_waktu
    from sop_desktop.reports.timing import fast_calendar

    slow = WorkCalendar(CalendarSettings(extra_holidays={dt.date(2026, 3, 2): "Libur kantor"}))
    fast = fast_calendar(slow)
    assert fast is not slow and fast_calendar(fast) is fast
    rnd = random.Random(35)
    base = dt.datetime(2025, 12, 1)
    waktus = [parse_waktu(t) for t in ("15 menit", "3 jam", "1 hari", "2 hari", "22 hari")]
    for _ in range(400):
        a = base + dt.timedelta(minutes=rnd.randrange(0, 500 * 1440))
        b = a + dt.timedelta(minutes=rnd.randrange(-5000, 420 * 1440))
        assert fast.working_days_between(a, b) == pytest.approx(slow.working_days_between(a, b))
        assert fast.working_minutes_between(a, b) == pytest.approx(slow.working_minutes_between(a, b))
        w = rnd.choice(waktus)
        assert fast.due(a, w) == slow.due(a, w)
    assert not fast.is_working_day(dt.date(2026, 3, 2))
