"""Excel (.xlsx) SOP tables with the flowchart drawn on the sheet (drawing parts with
two-cell anchors, connectors joined to their shapes): every fixture workbook imports to its
key, the shapes (not the text) decide lanes and branches, a workbook without drawings reads
as before, and hostile or mutated drawings end in a clear message or a consistent SOP.

SOP_DESKTOP_FUZZ_SCALE=N runs N times as many mutated workbooks.
"""

from __future__ import annotations

import os
import random
import re
import zipfile
from pathlib import Path

import pytest

from sop_desktop.errors import ImportFailed
from sop_desktop.importers import import_xlsx
from sop_desktop.importers.xlsx_shapes import import_xlsx_drawn
from tests.conftest import ROOT
from tests.core.import_support import run_one
from tests.office_documents import document, keys, mismatches

XLSX_KEYS = keys(".xlsx")
SCALE = max(1, int(os.environ.get("SOP_DESKTOP_FUZZ_SCALE", "1") or 1))
DRAWING = r"xl/drawings/drawing1\.xml"
SHEETS = r"xl/worksheets/sheet\d+\.xml"


def _member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def _key(name: str) -> dict:
    return next(k for k in XLSX_KEYS if k["document"] == name)


def test_there_are_varied_workbooks():
    assert len(XLSX_KEYS) >= 5
    steps = [s for key in XLSX_KEYS for s in key["steps"]]
    assert any(s["kind"] == "decision" for s in steps)
    assert any(s["co_lanes"] for s in steps)
    assert any(key["pages"] > 1 for key in XLSX_KEYS)
    assert any(len(key["lanes"]) >= 8 for key in XLSX_KEYS)


@pytest.mark.parametrize("key", XLSX_KEYS, ids=lambda k: k["document"])
def test_workbook_imports_to_its_key(key):
    assert mismatches(import_xlsx_drawn(document(key)), key) == []


@pytest.mark.parametrize("key", XLSX_KEYS, ids=lambda k: k["document"])
def test_the_cells_alone_do_not_give_the_key(key):
    """The lane cells are empty: without the shapes the lanes come from the wording only, so
    the key is only reached by reading the drawing."""
    assert mismatches(import_xlsx(document(key)), key) != []


def _rewrite(src: Path, dst: Path, member: str, change) -> Path:
    """A copy of a workbook with the members matching `member` (a regex) changed."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if re.fullmatch(member, info.filename):
                data = change(data.decode("utf-8")).encode("utf-8")
            zout.writestr(info.filename, data)
    return dst


def _step_row(path: Path, number: int) -> int:
    """The 0-based sheet row of a step (as drawing anchors count rows)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        for n, row in enumerate(wb.worksheets[-1].iter_rows(max_col=1, values_only=True)):
            if row and row[0] == number:
                return n
    finally:
        wb.close()
    raise AssertionError(number)


def test_the_lane_is_the_column_the_shape_is_anchored_in(tmp_path):
    key = _key("diseminasi_ham.xlsx")
    src = document(key)
    row = _step_row(src, 3)
    lanes = key["lanes"]
    assert key["steps"][2]["lane"] == lanes[2]

    def move(text: str) -> str:
        def shift(m: re.Match) -> str:
            block = m.group(0)
            if f"<xdr:row>{row}</xdr:row>" not in block or "flowChart" not in block:
                return block
            return re.sub(r"<xdr:col>(\d+)</xdr:col>",
                          lambda c: f"<xdr:col>{int(c.group(1)) + 2}</xdr:col>", block)
        return re.sub(r"<xdr:twoCellAnchor[^>]*>.*?</xdr:twoCellAnchor>", shift, text,
                      flags=re.S)

    moved = _rewrite(src, tmp_path / "pindah.xlsx", DRAWING, move)
    assert import_xlsx_drawn(moved).sops[0].step(3).lane == lanes[4]


def _symbol_id(text: str, row: int) -> str:
    """The id of the main flowchart symbol anchored in a sheet row."""
    for block in re.findall(r"<xdr:twoCellAnchor[^>]*>.*?</xdr:twoCellAnchor>", text, re.S):
        if "<xdr:from><xdr:col>" in block and re.search(
                rf"<xdr:from><xdr:col>\d+</xdr:col><xdr:colOff>\d+</xdr:colOff><xdr:row>{row}<",
                block) and "flowChart" in block and "<xdr:sp " in block:
            return re.search(r'<xdr:cNvPr id="(\d+)"', block).group(1)
    raise AssertionError(row)


def test_connectors_decide_the_branches(tmp_path):
    """Step 6's Tidak connector re-joined to step 3's symbol: the decision follows it."""
    key = _key("diseminasi_ham.xlsx")
    src = document(key)
    assert (key["steps"][5]["yes"], key["steps"][5]["no"]) == (7, 5)
    text = _member(src, "xl/drawings/drawing1.xml").decode()
    six, five, three = (_symbol_id(text, _step_row(src, n)) for n in (6, 5, 3))
    old = f'<a:stCxn id="{six}" idx="0"/><a:endCxn id="{five}" idx="0"/>'
    assert old in text
    moved = _rewrite(src, tmp_path / "cabang.xlsx", DRAWING, lambda t: t.replace(
        old, f'<a:stCxn id="{six}" idx="0"/><a:endCxn id="{three}" idx="0"/>'))
    step = import_xlsx_drawn(moved).sops[0].step(6)
    assert (step.kind, step.yes, step.no) == ("decision", 7, 3)


def test_the_ya_tidak_labels_decide_the_branches(tmp_path):
    src = document(_key("diseminasi_ham.xlsx"))
    swapped = _rewrite(src, tmp_path / "tukar.xlsx", DRAWING, lambda t: t.replace(
        ">Ya<", ">@<").replace(">Tidak<", ">Ya<").replace(">@<", ">Tidak<"))
    step = import_xlsx_drawn(swapped).sops[0].step(6)
    assert (step.yes, step.no) == (5, 7)


def test_a_workbook_without_drawings_reads_as_before():
    for path in sorted((ROOT / "tests" / "fixtures" / "import").glob("*.xlsx")):
        assert import_xlsx_drawn(path).sops[0].to_dict() == import_xlsx(path).sops[0].to_dict()


def test_thousands_of_shapes_are_refused(tmp_path):
    key = XLSX_KEYS[0]
    anchor = ('<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff>'
              '<xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3'
              '</xdr:col><xdr:colOff>9</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>9'
              '</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="9"'
              ' name="s"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"/>'
              '</xdr:spPr></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>')
    many = _rewrite(document(key), tmp_path / "banyak.xlsx", DRAWING,
                    lambda t: t.replace("</xdr:wsDr>", anchor * 4500 + "</xdr:wsDr>"))
    with pytest.raises(ImportFailed, match="bentuk gambar|terlalu rumit"):
        import_xlsx_drawn(many)


def test_entities_in_a_drawing_are_refused(tmp_path):
    bad = _rewrite(document(XLSX_KEYS[0]), tmp_path / "entitas.xlsx", DRAWING,
                   lambda t: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' +
                   t.split("?>", 1)[1])
    with pytest.raises(ImportFailed, match="DOCTYPE/ENTITY"):
        import_xlsx_drawn(bad)


def _mutate(rng: random.Random, text: str) -> str:
    """Anchor-, geometry-, id- and label-level changes of a drawing part."""
    for _ in range(rng.randint(1, 5)):
        op = rng.randrange(6)
        k = rng.randrange(len(text) + 1)
        if op == 0:
            text = text[:k] + text[k + rng.randint(1, 300):]
        elif op == 1:
            text = re.sub(r"<xdr:(col|row)>\d+</xdr:\1>", lambda m: rng.choice(
                [m.group(0), f"<xdr:{m.group(1)}>0</xdr:{m.group(1)}>",
                 f"<xdr:{m.group(1)}>99999999</xdr:{m.group(1)}>",
                 f"<xdr:{m.group(1)}>-1</xdr:{m.group(1)}>"]), text)
        elif op == 2:
            text = re.sub(r'prst="[A-Za-z0-9]+"', lambda m: rng.choice(
                ['prst="flowChartDecision"', 'prst="line"', 'prst="x"', m.group(0)]), text)
        elif op == 3:
            text = re.sub(r'id="\d+"', lambda m: rng.choice(['id="1"', 'id="x"', m.group(0)]),
                          text)
        elif op == 4:
            text = text.replace(">Tidak<", ">Ya<", 1) if rng.random() < 0.5 else \
                text.replace("<a:tailEnd", "<a:headEnd", rng.randint(1, 9))
            text = re.sub(r'(cx|cy|x|y|rot)="-?\d+"', lambda m: rng.choice(
                [m.group(0), f'{m.group(1)}="x"', f'{m.group(1)}="nan"']), text)
        else:
            text = text[:k]
    return text


def test_mutated_drawings_end_clearly(tmp_path):
    rng = random.Random(17 * SCALE)
    sources = [document(key) for key in XLSX_KEYS]
    texts = {}
    for p in sources:
        with zipfile.ZipFile(p) as zf:
            texts[p] = zf.read("xl/drawings/drawing1.xml").decode()
    outcomes = {"ok": 0, "refused": 0}
    path = tmp_path / "mutasi.xlsx"
    for n in range(30 * SCALE):
        src = sources[n % len(sources)]
        if rng.random() < 0.3:  # the sheet's grid: widths and heights the anchors rely on
            _rewrite(src, path, SHEETS, lambda t: re.sub(r'(width|ht|min|max|r)="[\d.]+"',
                                                         lambda m: rng.choice(
                [m.group(0), f'{m.group(1)}="x"', f'{m.group(1)}="-1e300"',
                 f'{m.group(1)}="1e300"', f'{m.group(1)}="0"']), t))
        else:
            _rewrite(src, path, DRAWING, lambda t, s=src: _mutate(rng, texts[s]))
        outcomes[run_one(import_xlsx_drawn, path)] += 1
    assert outcomes["ok"] >= 5 * SCALE, outcomes
