"""The .xlsx importer: real workbooks written with openpyxl, and hostile files refused."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from sop_desktop.errors import ImportFailed
from sop_desktop.importers import import_file, import_text, import_xlsx
from tests.conftest import SEEDS, run_cli


def seed_section(name: str, start: str, end_line: int | None = None) -> str:
    """Lines of a seed file from the first line containing `start` (to `end_line`)."""
    lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if start in line)
    return "\n".join(lines[first:end_line])


def write_rows(ws, text: str) -> None:
    for line in text.splitlines():
        cells = line.split("\t") if line.strip() else []
        ws.append([int(c) if c.strip().isdigit() else (c or None) for c in cells])


def monev_text() -> str:
    # identity block + table of the Monev SOP (lines 141-167 of seed 002)
    return seed_section("002_2acf713e47850fba.txt", "5 JANUARI 2022", 167).replace(
        "TANGGAL PEMBUATAN", "NOMOR SOP\tW.6-MONEV\nTANGGAL PEMBUATAN", 1)


def test_seed_table_in_a_sheet_imports_like_the_text(seeds_dir, tmp_path):
    text = monev_text()
    wb = Workbook()
    write_rows(wb.active, text)
    path = tmp_path / "monev.xlsx"
    wb.save(path)
    [from_xlsx] = import_file(path).sops
    [from_text] = import_text(text, source="monev.txt").sops
    assert from_xlsx.name == from_text.name
    assert from_xlsx.lane_names == from_text.lane_names
    assert [s.to_dict() for s in from_xlsx.steps] == [s.to_dict() for s in from_text.steps]
    assert from_xlsx.identity.to_dict() == from_text.identity.to_dict()
    assert from_xlsx.identity.nomor == "W.6-MONEV"
    assert (from_xlsx.step(2).kind, from_xlsx.step(2).no) == ("decision", 1)
    assert "lembar 'Sheet'" in from_xlsx.source


def test_one_sheet_per_sop_several_per_sheet_and_a_notes_sheet(seeds_dir, tmp_path):
    wb = Workbook()
    wb.active.title = "Monev"
    write_rows(wb.active, monev_text())
    both = wb.create_sheet("Dua SOP")
    write_rows(both, (SEEDS / "003_859cd7a664e7f978.txt").read_text(encoding="utf-8"))
    write_rows(both, (SEEDS / "004_344aa2d2252aadda.txt").read_text(encoding="utf-8"))
    notes = wb.create_sheet("Catatan")
    notes.append(["Catatan revisi", "Dibuat oleh Subbagian Umum"])
    path = tmp_path / "pustaka.xlsx"
    wb.save(path)
    result = import_xlsx(path)
    assert [len(d.steps) for d in result.sops] == [9, 8, 7]
    assert result.sops[2].identity.disahkan_nama == "SANTOSA"
    assert any("Catatan" in w for w in result.warnings)


def test_workbook_without_sop_table_fails_with_one_line(tmp_path):
    wb = Workbook()
    wb.active.append(["Nama", "Alamat"])
    wb.active.append(["Budi", "Palembang"])
    path = tmp_path / "daftar.xlsx"
    wb.save(path)
    with pytest.raises(ImportFailed) as err:
        import_file(path)
    assert "daftar.xlsx" in str(err.value) and "tidak ditemukan tabel SOP" in str(err.value)


def _valid_xlsx_bytes() -> bytes:
    wb = Workbook()
    wb.active.append(["No", "Kegiatan"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _rewrite(data: bytes, member: str, new: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, new if info.filename == member else src.read(info))
    return out.getvalue()


def test_xml_entity_bomb_is_refused(tmp_path):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>'
            b'</sheetData></worksheet>')
    path = tmp_path / "bom.xlsx"
    path.write_bytes(_rewrite(_valid_xlsx_bytes(), "xl/worksheets/sheet1.xml", bomb))
    with pytest.raises(ImportFailed) as err:
        import_file(path)
    assert "DOCTYPE/ENTITY" in str(err.value) and "bom.xlsx" in str(err.value)


def test_external_entity_is_refused(tmp_path):
    xxe = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">&x;'
           b'</Types>')
    path = tmp_path / "xxe.xlsx"
    path.write_bytes(_rewrite(_valid_xlsx_bytes(), "[Content_Types].xml", xxe))
    with pytest.raises(ImportFailed, match="DOCTYPE/ENTITY"):
        import_xlsx(path)


def test_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "zipbom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"0" * (20 * 1024 * 1024))
    with pytest.raises(ImportFailed, match="bom zip"):
        import_file(path)


def test_too_many_members_is_refused(tmp_path):
    path = tmp_path / "banyak.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        for i in range(2001):
            zf.writestr(f"x/{i}.txt", "")
    with pytest.raises(ImportFailed, match="terlalu banyak"):
        import_file(path)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "not_xml"])
def test_broken_files_are_refused(tmp_path, damage):
    good = _valid_xlsx_bytes()
    path = tmp_path / "rusak.xlsx"
    if damage == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "garbage":
        path.write_bytes(b"bukan zip sama sekali" * 10)
    else:
        path.write_bytes(_rewrite(good, "xl/workbook.xml", b"<workbook><sheets>"))
    with pytest.raises(ImportFailed) as err:
        import_file(path)
    assert "rusak.xlsx" in str(err.value) and "\n" not in str(err.value)


def test_cli_refuses_a_bomb_with_one_line(tmp_path):
    path = tmp_path / "zipbom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/sharedStrings.xml", b" " * (20 * 1024 * 1024))
    proc = run_cli("sop", "import", str(path), "--dry-run", "--json")
    assert proc.returncode != 0
    assert len(proc.stderr.strip().splitlines()) == 1 and "bom zip" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_typed_cells_read_as_printed(tmp_path):
    import datetime as dt

    wb = Workbook()
    ws = wb.active
    ws.append(["NOMOR SOP", "045/7/SET/2024"])
    ws.append(["TANGGAL PEMBUATAN", dt.datetime(2024, 3, 5)])
    ws.append(["NAMA SOP", "Penerimaan Tamu Dinas"])
    ws.append([])
    ws.append(["No", "Kegiatan", "Pelaksana", None, "Mutu Baku", None, None])
    ws.append([None, None, "Resepsionis", "Kasubbag Umum", "Kelengkapan", "Waktu", "Output"])
    ws.append([1.0, "Resepsionis mencatat tamu di buku tamu", None, None, "Buku tamu", "5 menit",
               "Catatan"])
    ws.append([2, "Kasubbag Umum menerima tamu", None, "X", "Catatan", "30 menit", "Notula"])
    path = tmp_path / "tamu.xlsx"
    wb.save(path)
    [defn] = import_xlsx(path).sops
    assert defn.identity.tanggal_pembuatan == "5 Maret 2024"
    assert [s.number for s in defn.steps] == [1, 2]
    assert [s.lane for s in defn.steps] == ["Resepsionis", "Kasubbag Umum"]


def test_zip_claiming_a_future_version_is_refused_clearly(tmp_path):
    """zipfile raises NotImplementedError for an unknown 'version needed to extract' (found by
    the fuzz run); the import must still end in one clear line."""
    import io
    import struct
    import zipfile

    from sop_desktop.errors import SopError
    from sop_desktop.importers import import_file

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    data = bytearray(buf.getvalue())
    at = data.find(b"PK\x01\x02")
    data[at + 6:at + 8] = struct.pack("<H", 148)  # "needs version 14.8"
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(bytes(data))
    with pytest.raises(SopError, match="rusak"):
        import_file(path)
