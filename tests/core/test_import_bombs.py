"""Hostile .xlsx files (issue 13 item 13): every one is refused quickly with one Indonesian line,
and `sop import` never uses more than 300 MB whatever the file.

The bombs are made here in milliseconds: a deflate block of a repeated chunk, ended by a full
flush, can be repeated as often as wanted (a 1 GiB member from a few MB of zip). Peak memory
is measured as the real CLI sees it: a small wrapper process runs `sop import --dry-run` as its
only child and reports `getrusage(RUSAGE_CHILDREN).ru_maxrss`.
"""

from __future__ import annotations

import io
import json
import random
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from openpyxl import Workbook

from sop_desktop.errors import ImportFailed
from sop_desktop.importers import import_file
from tests.conftest import ROOT

LIMIT_MB = 300
NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _deflate_repeat(chunk: bytes, times: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    """A raw deflate stream of head + chunk * times + tail, built without expanding it."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = [comp.compress(head), comp.flush(zlib.Z_FULL_FLUSH)]
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    out += [block * times, comp.compress(tail), comp.flush()]
    return b"".join(out)


def _write_zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> None:
    """A zip of (name, raw deflate data, declared size, crc), written by hand so the declared
    size may lie."""
    buf = io.BytesIO()
    central = []
    for name, data, size, crc in members:
        offset, raw_name = buf.tell(), name.encode()
        buf.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size,
                              len(raw_name), 0) + raw_name + data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc,
                                   len(data), size, len(raw_name), 0, 0, 0, 0, 0, offset)
                       + raw_name)
    directory = b"".join(central)
    start = buf.tell()
    buf.write(directory)
    buf.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                          len(directory), start, 0))
    path.write_bytes(buf.getvalue())


def _honest(name: str, raw: bytes) -> tuple[str, bytes, int, int]:
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    return name, comp.compress(raw) + comp.flush(), len(raw), zlib.crc32(raw)


def _repeated(name: str, head: bytes, chunk: bytes, times: int, tail: bytes
              ) -> tuple[str, bytes, int, int]:
    """An honestly declared member of head + chunk * times + tail, made without expanding it
    (each chunk compressed alone, so the ratio is that of one chunk)."""
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    return (name, _deflate_repeat(chunk, times, head, tail),
            len(head) + len(chunk) * times + len(tail), crc)


def _base_members(replace: dict[str, tuple[str, bytes, int, int]]) -> list:
    """The members of a small real workbook, some replaced."""
    wb = Workbook()
    ws = wb.active
    ws.append(["No", "Kegiatan", "Pelaksana", None, "Waktu"])
    ws.append([1, "Staf menerima berkas", "X", None, "5 menit"])
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        members = [replace.pop(i.filename, None) or _honest(i.filename, zf.read(i))
                   for i in zf.infolist()]
    return members + list(replace.values())


SHEET = "xl/worksheets/sheet1.xml"
HEAD = b'<?xml version="1.0"?><worksheet ' + NS + b"><sheetData>"
TAIL = b"</sheetData></worksheet>"


def bomb_lying_size(path: Path) -> None:
    """Issue 13.13: a small file whose sheet declares 1 KB and expands to 1 GiB."""
    chunk = b'<row r="1"><c r="A1" t="inlineStr"><is><t>aaaaaaaa</t></is></c></row>' * 8000
    data = _deflate_repeat(chunk, 2 ** 30 // len(chunk), HEAD, TAIL)
    _write_zip(path, _base_members({SHEET: (SHEET, data, 1024, 0)}))


def bomb_big_member(path: Path) -> None:
    """Issue 13.13: a 95 MB sheet member, honestly declared, with an ordinary ratio."""
    rng = random.Random(3)
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, rng.randrange(10 ** 9))
                    for r in range(1, 20001))
    times = 95 * 2 ** 20 // len(rows)
    data = _deflate_repeat(rows, times, HEAD, TAIL)
    size = len(HEAD) + len(rows) * times + len(TAIL)
    _write_zip(path, _base_members({SHEET: (SHEET, data, size, 0)}))


def bomb_shared_strings(path: Path) -> None:
    """Issue 13.13: 3 million shared strings, declared honestly small per string."""
    head = b'<?xml version="1.0"?><sst ' + NS + b' count="3000000" uniqueCount="3000000">'
    chunk = b"".join(b"<si><t>teks %06d</t></si>" % i for i in range(10000))
    data = _deflate_repeat(chunk, 300, head, b"</sst>")
    name = "xl/sharedStrings.xml"
    # declared under the per-member limit: only the count of strings can stop it
    _write_zip(path, _base_members({name: (name, data, 30 * 2 ** 20, 0)}))


def bomb_many_cells(path: Path) -> None:
    """A sheet of 600,000 small cells within the byte limits."""
    rng = random.Random(4)
    chunk = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>2</v></c></row>'
                     % (r, r, rng.randrange(10 ** 6), r) for r in range(1, 1001))
    _write_zip(path, _base_members({SHEET: _repeated(SHEET, HEAD, chunk, 300, TAIL)}))


def bomb_empty_cells(path: Path) -> None:
    """A sheet of two million empty cells: no value to count, still a tree to build."""
    rng = random.Random(7)
    chunk = b'<row r="1">' + b"".join(b'<c s="%d"/>' % rng.randrange(10 ** 6)
                                      for _ in range(2000)) + b"</row>"
    _write_zip(path, _base_members({SHEET: _repeated(SHEET, HEAD, chunk, 1000, TAIL)}))


def bomb_styles(path: Path) -> None:
    """A style sheet of 300,000 cell formats (openpyxl would build an object for each)."""
    rng = random.Random(5)
    xfs = b"".join(b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="%d"/>'
                   % rng.randrange(10 ** 9) for _ in range(3000))
    head = b'<?xml version="1.0"?><styleSheet ' + NS + b'><cellXfs count="300000">'
    name = "xl/styles.xml"
    _write_zip(path, _base_members({name: _repeated(name, head, xfs, 100,
                                                    b"</cellXfs></styleSheet>")}))


def bomb_many_members(path: Path) -> None:
    """A zip whose directory lists a million members (zipfile would build an object each)."""
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0) + b"a"
    entry = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0,
                        0, 0, 0, 0) + b"a"
    directory = entry * 1_000_000
    path.write_bytes(local + directory + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF,
                                                     0xFFFF, len(directory), len(local), 0))


BOMBS = {
    "lying_size": (bomb_lying_size, "tidak sesuai dengan ukuran"),
    "big_member": (bomb_big_member, "terlalu besar"),
    "shared_strings": (bomb_shared_strings, "terlalu banyak teks"),
    "many_cells": (bomb_many_cells, "terlalu banyak sel"),
    "styles": (bomb_styles, "terlalu rumit"),
    "empty_cells": (bomb_empty_cells, "lembar terlalu rumit"),
    "many_members": (bomb_many_members, "terlalu banyak isi arsip"),
}

_WRAPPER = """
import resource, subprocess, sys, time
start = time.monotonic()
done = subprocess.run([sys.executable, "-m", "sop_desktop", "sop", "import", sys.argv[1],
                       "--dry-run"], capture_output=True, text=True, timeout=120)
print(done.returncode, time.monotonic() - start,
      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, sep="\\n")
print(done.stdout + done.stderr)
"""


def measure_import(path: Path) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak RSS in MB, output) of `sop import --dry-run` on a file."""
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, str(path)], check=False,
                          capture_output=True,
                          text=True, cwd=str(ROOT), timeout=180)
    code, seconds, peak_kb, output = proc.stdout.split("\n", 3)
    return int(code), float(seconds), int(peak_kb) / 1024, output


@pytest.mark.parametrize("kind", sorted(BOMBS))
def test_hostile_xlsx_is_refused_quickly_in_bounded_memory(tmp_path, kind):
    make, expected = BOMBS[kind]
    path = tmp_path / f"{kind}.xlsx"
    make(path)
    code, seconds, peak_mb, output = measure_import(path)
    assert code == 1 and "Traceback" not in output, output
    assert expected in output and f"{kind}.xlsx" in output, output
    lines = [ln for ln in output.splitlines() if ln.strip()]
    assert len(lines) == 1, output  # one line, in Indonesian
    assert peak_mb < LIMIT_MB, (kind, peak_mb)
    assert seconds < 20, (kind, seconds)  # generous for a shared 2-core machine


@pytest.mark.parametrize("kind", sorted(BOMBS))
def test_hostile_xlsx_in_process_says_what_is_wrong(tmp_path, kind):
    make, expected = BOMBS[kind]
    path = tmp_path / f"{kind}.xlsx"
    make(path)
    with pytest.raises(ImportFailed) as err:
        import_file(path)
    assert expected in str(err.value) and "\n" not in str(err.value)


def test_a_large_honest_workbook_still_imports(tmp_path):
    """The limits leave room for real workbooks: 40 sheets of SOP tables with shared text."""
    wb = Workbook()
    wb.remove(wb.active)
    for k in range(40):
        ws = wb.create_sheet(f"SOP {k + 1}")
        ws.append(["NAMA SOP", f"Pelayanan nomor {k + 1}"])
        ws.append([])
        ws.append(["No", "Kegiatan", "Pelaksana", None, "Mutu Baku", None, None])
        ws.append([None, None, "Staf Pelayanan", "Kepala Seksi", "Kelengkapan", "Waktu",
                   "Output"])
        for n in range(1, 31):
            ws.append([n, f"Staf Pelayanan memproses berkas tahap {n}", "X", None,
                       "Berkas permohonan", "15 menit", "Berkas"])
    path = tmp_path / "besar.xlsx"
    wb.save(path)
    result = import_file(path)
    assert len(result.sops) == 40 and all(len(s.steps) == 30 for s in result.sops)


def test_too_much_cell_text_is_refused(tmp_path, monkeypatch):
    # the limit scaled down so the workbook stays small; the rule is the same
    monkeypatch.setattr("sop_desktop.importers.xlsx.MAX_TEXT_CHARS", 50_000)
    wb = Workbook()
    ws = wb.active
    ws.append(["No", "Kegiatan", "Pelaksana", "Waktu"])
    for n in range(1, 200):
        ws.append([n, "Petugas mencatat aduan " * 20, "X", "5 menit"])
    path = tmp_path / "teks.xlsx"
    wb.save(path)
    with pytest.raises(ImportFailed, match="teks di sel terlalu banyak"):
        import_file(path)


def test_cli_json_reports_a_refusal_without_traceback(tmp_path):
    path = tmp_path / "bom.xlsx"
    bomb_lying_size(path)
    from tests.conftest import run_cli

    done = run_cli("sop", "import", str(path), "--dry-run", "--json")
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    assert "bom.xlsx" in done.stdout + done.stderr
    with pytest.raises(json.JSONDecodeError):
        json.loads(done.stdout or "x")  # nothing half-written on stdout
