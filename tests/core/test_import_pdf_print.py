"""What spreadsheet prints do to a PDF and the reader undoes: a right-aligned step number glued
by the text layer to the next cell's first word across the cell rule, and an identity sheet
wider than the paper printed as a page of labels followed by a page of their values.
The PDFs are written here with reportlab and read back through the real PDF reader.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from sop_desktop.importers import read_sop_file
from sop_desktop.importers.pdf import read_pdf_pages

LABELS = ["NOMOR SOP", "TGL. PEMBUATAN", "TGL. REVISI", "TGL. EFEKTIF", "DISAHKAN OLEH",
          "NAMA SOP", "DASAR HUKUM", "PERINGATAN"]


def _glued_rows(c: canvas.Canvas, top: float) -> None:
    """A ruled table: No | Kegiatan | Staf | Kepala, numbers right-aligned on the rule."""
    xs = [40, 80, 300, 400, 500]
    rows = [("No", "Kegiatan", "Staf", "Kepala"), ("1", "Menerima berkas permohonan", "", ""),
            ("2", "Memeriksa berkas permohonan", "", ""), ("3", "Menandatangani surat", "", "")]
    height = 40
    bottom = top - height * len(rows)
    for x in xs:
        c.line(x, top, x, bottom)
    for k in range(len(rows) + 1):
        c.line(xs[0], top - k * height, xs[-1], top - k * height)
    c.setFont("Helvetica", 9)
    for k, row in enumerate(rows):
        y = top - k * height - 14
        if k == 0:
            for x, text in zip(xs, row, strict=False):
                c.drawString(x + 3, y, text)
            continue
        c.drawRightString(xs[1], y, row[0])  # the number touches the rule
        c.drawString(xs[1], y, row[1])  # and the Kegiatan text starts on it
        lane = 2 if k != 3 else 3
        c.rect(xs[lane] + 20, top - (k + 1) * height + 8, 50, 22)


def test_a_step_number_glued_across_the_cell_rule_is_its_own_word(tmp_path):
    path = tmp_path / "lekat.pdf"
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    _glued_rows(c, 500)
    c.showPage()
    c.save()
    [page], _ = read_pdf_pages(path)
    texts = [w.text for w in page.words]
    assert "1" in texts and "Menerima" in texts, texts
    assert not any(t[:1].isdigit() and t[1:2].isalpha() for t in texts), texts


def _identity_over_two_pages() -> bytes:
    """Labels on page 1 (bottom of each row), values on page 2 (top of each row), no rules."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape(A4))
    _, height = landscape(A4)
    values = [["UPT/01/2025"], ["2 Januari 2025"], [], ["6 Januari 2025"],
              ["KEPALA UPT", "Budi Santoso", "NIP. 197001011990031001"],
              ["Pelayanan Surat Keterangan"], ["1. Undang-undang Nomor 25 Tahun 2009",
                                               "2. Peraturan Bupati Nomor 3 Tahun 2020"],
              ["Surat terlambat bila berkas tidak lengkap"]]
    row_top = 110.0
    tops = []
    for lines in values:
        rows = max(1, len(lines))
        tops.append((row_top, row_top + rows * 12 + 4))
        row_top += rows * 12 + 4
    c.setFont("Helvetica", 8)
    for label, (top, bottom) in zip(LABELS, tops, strict=False):  # noqa: B007
        c.drawString(55, height - bottom + 3, label)  # bottom-aligned
    c.showPage()
    c.setFont("Helvetica", 8)
    c.drawString(55, height - 80, "DINAS KOMUNIKASI DAN INFORMATIKA")
    for lines, (top, _) in zip(values, tops, strict=False):
        for k, text in enumerate(lines):
            c.drawString(55, height - top - 9 - 12 * k, text)  # top-aligned
    c.showPage()
    _glued_rows(c, height - 60)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_an_identity_sheet_printed_as_labels_then_values_is_read(tmp_path):
    path = tmp_path / "identitas.pdf"
    path.write_bytes(_identity_over_two_pages())
    [defn] = read_sop_file(path).sops
    ident = defn.identity
    assert defn.name == "Pelayanan Surat Keterangan"
    assert ident.nomor == "UPT/01/2025"
    assert ident.tanggal_pembuatan == "2 Januari 2025"
    assert ident.tanggal_revisi == ""
    assert ident.tanggal_efektif == "6 Januari 2025"
    assert ident.disahkan_jabatan == "KEPALA UPT" and ident.disahkan_nama == "Budi Santoso"
    assert ident.disahkan_nip == "197001011990031001"
    assert ident.dasar_hukum == ["Undang-undang Nomor 25 Tahun 2009",
                                 "Peraturan Bupati Nomor 3 Tahun 2020"]
    assert ident.peringatan == ["Surat terlambat bila berkas tidak lengkap"]
    assert [s.number for s in defn.steps] == [1, 2, 3]
    assert [s.lane for s in defn.steps] == ["Staf", "Staf", "Kepala"]
