"""Fuzzing the importers: thousands of generated and mutated inputs, each ending in a clear
SopError (one line, no traceback) or a consistent SopDefinition, never another exception.

Inputs: mutated seed text (line, cell and character level), random bytes and junk, bit-flipped
and truncated .xlsx zips, .xlsx whose sheet XML is mutated and re-zipped, and hostile workbooks
(huge declared dimensions, far-away cells, huge strings, entity declarations).

Seeded and bounded: the same inputs on every run, a few thousand in all, well under a minute.
SOP_DESKTOP_FUZZ_SCALE=N runs N times as many (with other seeds) for a longer hunt, e.g.
`SOP_DESKTOP_FUZZ_SCALE=20 .venv/bin/pytest tests/test_import_fuzz.py`.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import re
import zipfile
from functools import cache
from pathlib import Path

import pytest

from sop_desktop.importers import import_file, import_text
from tests.conftest import SEEDS
from tests.core.import_support import run_one

SCALE = max(1, int(os.environ.get("SOP_DESKTOP_FUZZ_SCALE", "1") or 1))
SMALL_SEEDS = ["000_8efce2505d78da7b.txt", "001_cf2c3cfdffebc010.txt", "003_859cd7a664e7f978.txt",
               "004_344aa2d2252aadda.txt"]
BIG_SEED = "002_2acf713e47850fba.txt"
NOISE = ["\t", "\t\t", " ", "1.", "12", "0", "-3", "999999", "MULAI", "SELESAI", "Y", "T", "X",
         "[Red Box]", "No", "NO", "Kegiatan", "Pelaksana", "MUTU BAKU", "Mutu Buku", "Waktu",
         "Output", "Kelengkapan", "Keterangan", "DASAR HUKUM :", "NAMA SOP :", "NOMOR SOP\t:",
         "<ol>", "<li>", "</li>", "<b>", "**", "*", ":", "-", "5 menit", "1-2 hari", "0 hari",
         "99999999999999999999 menit", "2-1 hari", "\u00a0", "é", "\u200b", "\u202e", "\x0b",
         "\x0c", "\x1c", "\r", "\ufeff", "NIP. 1965", "apabila tidak", "dikembalikan kepada",
         "kepada", "oleh", "Apakah ?", "Ya: ke langkah 9999", "Tidak: kembali ke langkah 0",
         "menyetujui / tidak menyetujui", "Kakanwil", "Ka.", "&amp;", "&#0;", "%s", "{}"]


def _seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@cache
def _corpus() -> tuple[str, ...]:
    """The small seed files whole, and the big one in windows of about one SOP each."""
    texts = [_seed_text(name) for name in SMALL_SEEDS]
    lines = _seed_text(BIG_SEED).split("\n")
    texts += ["\n".join(lines[i:i + 70]) for i in range(0, len(lines), 45)]
    return tuple(texts)


def mutate_text(rng: random.Random, text: str) -> str:
    """Line, cell and character mutations of an extracted SOP text."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 8)):
        if not lines:
            lines = [""]
        op = rng.randrange(12)
        i = rng.randrange(len(lines))
        line = lines[i]
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            k = rng.randrange(len(line) + 1)
            lines[i] = line[:k] + rng.choice(NOISE) + line[k:]
        elif op == 4:
            cells = line.split("\t")
            rng.shuffle(cells)
            lines[i] = "\t".join(cells)
        elif op == 5 and line:
            lines[i] = line[:rng.randrange(len(line))]
        elif op == 6:
            lines = lines[:rng.randrange(len(lines) + 1)]
        elif op == 7:  # a cell replaced, removed or duplicated
            cells = line.split("\t")
            k = rng.randrange(len(cells))
            choice = rng.randrange(3)
            if choice == 0:
                cells[k] = rng.choice(NOISE)
            elif choice == 1:
                del cells[k]
            else:
                cells.insert(k, cells[k])
            lines[i] = "\t".join(cells)
        elif op == 8:  # a very long cell or a very wide row
            lines[i] = line + ("\t" * rng.choice([50, 500])
                               if rng.random() < 0.5 else "\t" + "kata " * rng.choice([500, 5000]))
        elif op == 9:  # random characters, any code point
            chars = "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randint(1, 20)))
            k = rng.randrange(len(line) + 1)
            lines[i] = line[:k] + chars + line[k:]
        elif op == 10:  # a number cell changed: gaps, repeats, zero, huge
            cells = line.split("\t")
            if cells and cells[0].strip().isdigit():
                cells[0] = str(rng.choice([0, 1, 2, int(cells[0]) + rng.randint(-3, 3), 999,
                                           10 ** 12]))
                lines[i] = "\t".join(cells)
        else:  # the block of lines repeated (a page break with its header)
            j = rng.randrange(len(lines))
            lo, hi = min(i, j), max(i, j)
            lines[hi:hi] = lines[lo:lo + 30]
    return "\n".join(lines)


def test_mutated_seed_text_never_crashes():
    corpus = _corpus()
    outcomes = {"ok": 0, "refused": 0}
    for n in range(1200 * SCALE):
        rng = random.Random(20240611 * SCALE + n)
        text = mutate_text(rng, rng.choice(corpus))
        try:
            outcomes[run_one(import_text, text, f"fuzz{n}.txt")] += 1
        except AssertionError as exc:
            raise AssertionError(f"masukan fuzz #{n}: {exc}\n{text[:3000]}") from exc
    # mild enough that most inputs still import, and some are refused
    assert outcomes["ok"] > 400 * SCALE and outcomes["refused"] > 20 * SCALE


def test_random_bytes_never_crash(tmp_path):
    rng = random.Random(7 * SCALE)
    corpus = _corpus()
    for n in range(400 * SCALE):
        size = rng.randint(0, 4000)
        kind = n % 5
        if kind == 0:
            data = bytes(rng.randrange(256) for _ in range(size))
        elif kind == 1:  # printable junk with tabs and newlines
            data = "".join(rng.choice("ab1. \t\nNoKegiatanMULAIY") for _ in range(size)).encode()
        elif kind == 2:  # a zip header followed by junk
            data = b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(size))
        elif kind == 3:  # seed text with random bytes spliced in (other encodings, NULs)
            seed = rng.choice(corpus).encode("utf-8")
            k = rng.randrange(len(seed))
            data = seed[:k] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 40))) + \
                seed[k:]
        else:  # seed text in another encoding
            data = rng.choice(corpus).encode(rng.choice(["utf-16", "cp1252", "latin-1"]),
                                             errors="replace")
        path = tmp_path / f"acak{n}{'.xlsx' if kind == 2 and n % 2 else '.txt'}"
        path.write_bytes(data)
        run_one(import_file, path)


@cache
def _workbook(name: str) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.created = wb.properties.modified = dt.datetime(2026, 1, 1)
    for line in _seed_text(name).splitlines():
        wb.active.append(line.split("\t") if line.strip() else [])
    buf = io.BytesIO()
    wb.save(buf)
    # the same bytes on every run (zip entry times are "now"), so a failure replays exactly
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" on save
                data = re.sub(rb"<dcterms:modified([^>]*)>[^<]*<",
                              rb"<dcterms:modified\1>2026-01-01T00:00:00Z<", data)
            dst.writestr(fixed, data)
    return out.getvalue()


def _rezip(good: bytes, change) -> bytes:
    """The workbook with every member passed through change(name, data) -> data."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, change(info.filename, src.read(info)))
    return out.getvalue()


def mutate_xml(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        k = rng.randrange(len(text) + 1)
        if op == 0:
            text = text[:k] + text[k + rng.randint(1, 40):]
        elif op == 1:
            text = text[:k] + rng.choice(['<c r="ZZ9"><v>1</v></c>', "</row>", "<row>", "&amp;",
                                          "&#xFFFF;", '<c r="A1" t="s"><v>99999</v></c>',
                                          '<c t="n"><v>abc</v></c>', "\x00"]) + text[k:]
        elif op == 2:
            text = text.replace('<dimension ref="', '<dimension ref="A1:XFD1048576" x="', 1)
        elif op == 3:
            text = text.replace("<v>", "<v>-", 1)
        elif op == 4:
            text = text[:k]
        else:
            text = text.replace('r="', 'r="X', 1)
    return text.encode("utf-8", errors="replace")


def test_damaged_workbooks_never_crash(tmp_path):
    rng = random.Random(11 * SCALE)
    goods = [_workbook(name) for name in SMALL_SEEDS]
    path = tmp_path / "rusak.xlsx"
    for good in goods:
        path.write_bytes(good)
        assert run_one(import_file, path) == "ok"
    outcomes = {"ok": 0, "refused": 0}
    for n in range(450 * SCALE):
        good = rng.choice(goods)
        kind = n % 3
        if kind == 0:  # bit flips anywhere in the zip
            data = bytearray(good)
            for _ in range(rng.randint(1, 10)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            data = bytes(data)
        elif kind == 1:  # truncated
            data = good[:rng.randrange(len(good))]
        else:  # a sheet or shared-strings XML mutated, re-zipped with valid checksums
            target = rng.choice(["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                 "xl/workbook.xml", "[Content_Types].xml"])
            data = _rezip(good, lambda name, d, t=target: mutate_xml(rng, d) if name == t else d)
        path.write_bytes(data)
        try:
            outcome = run_one(import_file, path)
        except AssertionError as exc:
            raise AssertionError(f"buku kerja fuzz #{n} (jenis {kind}): {exc}") from exc
        outcomes[outcome] += 1
    assert outcomes["refused"] > 100 * SCALE and outcomes["ok"] > 10 * SCALE


def _hostile(kind: str) -> bytes:
    from openpyxl import Workbook

    good = _workbook("004_344aa2d2252aadda.txt")
    if kind == "entity":
        bomb = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')
        return _rezip(good, lambda name, d: bomb.encode() + d.split(b"?>", 1)[-1]
                      if name == "xl/worksheets/sheet1.xml" else d)
    if kind == "dimension":  # claims the whole sheet; the data is small
        return _rezip(good, lambda name, d: d.replace(b'<dimension ref="', b'<dimension ref="A1:'
                                                      b'XFD1048576" y="')
                      if name.startswith("xl/worksheets/") else d)
    wb = Workbook()
    ws = wb.active
    for line in _seed_text("004_344aa2d2252aadda.txt").splitlines():
        ws.append(line.split("\t") if line.strip() else [])
    if kind == "far_row":
        ws.cell(row=200000, column=1, value="x")
    elif kind == "far_col":
        ws.cell(row=3, column=16000, value="x")
    elif kind == "huge_string":
        ws.cell(row=30, column=2, value="Petugas mencatat aduan " * 100000)
    elif kind == "many_sheets":
        for k in range(60):
            wb.create_sheet(f"L{k}").append(["No", "Kegiatan"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("kind", ["entity", "dimension", "far_row", "far_col", "huge_string",
                                  "many_sheets"])
def test_hostile_workbooks_end_clearly(tmp_path, kind):
    path = tmp_path / f"{kind}.xlsx"
    path.write_bytes(_hostile(kind))
    outcome = run_one(import_file, path)
    if kind in ("entity", "far_row"):
        assert outcome == "refused"


def test_fuzz_inputs_are_reproducible():
    """The same seed gives the same input: a failure report can be replayed."""
    corpus = _corpus()
    first = mutate_text(random.Random(5), corpus[0])
    assert mutate_text(random.Random(5), corpus[0]) == first
    assert Path(SEEDS).is_dir()
