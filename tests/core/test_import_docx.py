"""Word (.docx) SOP documents with their flowchart drawn as DrawingML shapes: every fixture
document imports to its key, the drawing (not the text) decides lanes and branches, hostile
packages are refused with one line, older and other office formats are refused with how to
save them, and mutated documents end in a clear message or a consistent SOP.

The fixtures are made by tests/fixtures/documents/make_documents.py from bundled SOPs.
SOP_DESKTOP_FUZZ_SCALE=N runs N times as many mutated documents.
"""

from __future__ import annotations

import os
import random
import re
import zipfile
from pathlib import Path

import pytest

from sop_desktop.errors import ImportFailed
from sop_desktop.importers.docx import import_docx, office_refusal
from tests.core.import_support import run_one
from tests.office_documents import DOCUMENTS, document, keys, mismatches

DOCX_KEYS = keys(".docx")
SCALE = max(1, int(os.environ.get("SOP_DESKTOP_FUZZ_SCALE", "1") or 1))


def test_there_are_varied_word_documents():
    assert len(DOCX_KEYS) >= 5
    steps = [s for key in DOCX_KEYS for s in key["steps"]]
    assert any(s["kind"] == "decision" for s in steps)
    assert any(s["co_lanes"] for s in steps)
    assert any(key["pages"] > 1 for key in DOCX_KEYS)
    assert any(s["waktu"] is None for s in steps)


@pytest.mark.parametrize("key", DOCX_KEYS, ids=lambda k: k["document"])
def test_word_document_imports_to_its_key(key):
    result = import_docx(document(key))
    assert mismatches(result, key) == []


def _rewrite(src: Path, dst: Path, change) -> Path:
    """A copy of a package with word/document.xml passed through change(text) -> text."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            zout.writestr(info.filename, data)
    return dst


def _member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def _key(name: str) -> dict:
    return next(k for k in DOCX_KEYS if k["document"] == name)


def test_the_lane_is_the_column_the_symbol_sits_in(tmp_path):
    """Moving step 2's inline symbol from the Operator column to Sekretaris Daerah moves the
    step; the sentence still names the operator, so this is read from the drawing."""
    import docx

    src = document(_key("sipaham_balangan.docx"))
    doc = docx.Document(str(src))
    table = doc.tables[-1]
    row = next(r for r in table.rows if r.cells[0].text.strip() == "2")
    lanes = [c.text.strip() for c in table.rows[1].cells]
    drawing = row.cells[lanes.index("Operator")]._tc.xpath(".//w:r[w:drawing]")[0]
    row.cells[lanes.index("Sekretaris Daerah")].paragraphs[0]._p.append(drawing)
    moved = tmp_path / "pindah.docx"
    doc.save(str(moved))
    step = import_docx(moved).sops[0].step(2)
    assert step.lane == "Sekretaris Daerah"
    assert import_docx(src).sops[0].step(2).lane == "Operator"


def test_connectors_without_connections_are_followed_by_their_geometry(tmp_path):
    """Word keeps a connector's start/end shapes only inside a group; without them the arrows
    are followed from where they start and where their heads point."""
    key = _key("yankomas_kanwil.docx")
    bare = _rewrite(document(key), tmp_path / "lepas.docx",
                    lambda text: re.sub(r"<a:(stCxn|endCxn)[^>]*/>", "", text))
    assert "stCxn" not in _member(bare, "word/document.xml").decode()
    assert mismatches(import_docx(bare), key) == []


def test_the_ya_tidak_labels_decide_the_branches(tmp_path):
    key = _key("yankomas_kanwil.docx")
    swapped = _rewrite(document(key), tmp_path / "tukar.docx",
                       lambda t: t.replace(">Y</w:t>", ">@</w:t>").replace(
                           ">T</w:t>", ">Y</w:t>").replace(">@</w:t>", ">T</w:t>"))
    step = import_docx(swapped).sops[0].step(6)
    assert (step.kind, step.yes, step.no) == ("decision", 5, 7)


def test_a_document_without_drawings_still_reads_its_text(tmp_path):
    key = _key("monev.docx")
    plain = _rewrite(document(key), tmp_path / "polos.docx",
                     lambda t: re.sub(r"<mc:AlternateContent>.*?</mc:AlternateContent>", "", t,
                                      flags=re.S))
    assert "<w:drawing>" not in _member(plain, "word/document.xml").decode()
    defn = import_docx(plain).sops[0]
    assert [s.number for s in defn.steps] == [s["number"] for s in key["steps"]]
    assert defn.lane_names == key["lanes"]


# ------------------------------------------------------------------ hostile and other files


def _package(tmp_path: Path, document_xml: bytes, name: str = "x.docx") -> Path:
    good = document(DOCX_KEYS[0])
    path = tmp_path / name
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = document_xml if info.filename == "word/document.xml" else zin.read(info)
            zout.writestr(info.filename, data)
    return path


HEAD = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
        b'openxmlformats.org/wordprocessingml/2006/main" xmlns:wps="http://schemas.microsoft.com'
        b'/office/word/2010/wordprocessingShape"><w:body>')


def test_entity_declarations_are_refused(tmp_path):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;'
            b'&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/'
            b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p>'
            b'</w:body></w:document>')
    with pytest.raises(ImportFailed, match="DOCTYPE/ENTITY"):
        import_docx(_package(tmp_path, bomb))


def test_a_huge_expanded_document_is_refused_before_it_is_read(tmp_path):
    huge = HEAD + b" " * (45 * 1024 * 1024) + b"</w:body></w:document>"
    path = _package(tmp_path, huge)
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(ImportFailed, match="bom zip"):
        import_docx(path)


def test_thousands_of_shapes_are_refused(tmp_path):
    shape = b"<wps:wsp/>"
    path = _package(tmp_path, HEAD + b"<w:p>" + shape * 5000 + b"</w:p></w:body></w:document>")
    with pytest.raises(ImportFailed, match="bentuk gambar"):
        import_docx(path)


@pytest.mark.parametrize("data, message", [
    (b"bukan zip sama sekali", "bukan arsip zip"),
    (b"PK\x03\x04" + b"\x00" * 200, "rusak|bukan arsip zip"),
])
def test_damaged_packages_get_one_line(tmp_path, data, message):
    path = tmp_path / "rusak.docx"
    path.write_bytes(data)
    with pytest.raises(ImportFailed, match=message) as err:
        import_docx(path)
    assert "\n" not in str(err.value)


def test_a_workbook_is_not_taken_for_a_word_document():
    with pytest.raises(ImportFailed, match="word/document.xml"):
        import_docx(DOCUMENTS / "diseminasi_ham.xlsx")


def _zip_with_mimetype(path: Path, mime: str) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", mime)
        zf.writestr("content.xml", "<office:document-content/>")
    return path


@pytest.mark.parametrize("name, maker, saved_as", [
    ("lama.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 +
                                         "WordDocument".encode("utf-16-le")), ".docx"),
    ("lama.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 +
                                         "Workbook".encode("utf-16-le")), ".xlsx"),
    ("teks.odt", lambda p: _zip_with_mimetype(p, "application/vnd.oasis.opendocument.text"),
     ".docx"),
    ("lembar.ods", lambda p: _zip_with_mimetype(
        p, "application/vnd.oasis.opendocument.spreadsheet"), ".xlsx"),
])
def test_older_and_other_office_formats_are_refused_with_how_to_save_them(tmp_path, name,
                                                                          maker, saved_as):
    path = tmp_path / name
    maker(path)
    message = office_refusal(path, path.read_bytes()[:4])
    assert saved_as in message and "PDF" in message and "\n" not in message
    renamed = tmp_path / "tanpa_akhiran"
    renamed.write_bytes(path.read_bytes())
    assert saved_as in office_refusal(renamed, renamed.read_bytes()[:4])


def test_a_real_word_document_is_not_refused():
    path = document(DOCX_KEYS[0])
    assert office_refusal(path, path.read_bytes()[:4]) == ""


# ------------------------------------------------------------------ fuzz


def _mutate(rng: random.Random, text: str) -> str:
    """Element- and attribute-level changes of a document.xml."""
    for _ in range(rng.randint(1, 5)):
        op = rng.randrange(8)
        k = rng.randrange(len(text) + 1)
        if op == 0:
            text = text[:k] + text[k + rng.randint(1, 200):]
        elif op == 1:
            text = re.sub(r'prst="[A-Za-z0-9]+"', lambda m: rng.choice(
                ['prst="rect"', 'prst="diamond"', 'prst="ellipse"', 'prst="bogus"', m.group(0)]),
                text)
        elif op == 2:
            text = re.sub(r"<wp:posOffset>-?\d+</wp:posOffset>", lambda m: rng.choice(
                ["<wp:posOffset>-99999999999</wp:posOffset>", "<wp:posOffset>x</wp:posOffset>",
                 m.group(0), "<wp:posOffset>0</wp:posOffset>"]), text)
        elif op == 3:
            text = re.sub(r'w:val="\d+"', lambda m: rng.choice(
                ['w:val="0"', 'w:val="999"', 'w:val="-3"', m.group(0)]), text)
        elif op == 4:
            text = re.sub(r'(id|cx|cy)="\d+"', lambda m: rng.choice(
                [f'{m.group(1)}="0"', f'{m.group(1)}="1"', m.group(0), f'{m.group(1)}="nan"',
                 f'{m.group(1)}="x"']),
                text)
        elif op == 5:
            start = text.find("<w:tr>", k)
            end = text.find("</w:tr>", start)
            if start > 0 and end > 0:
                text = text[:start] + text[end + 7:] if rng.random() < 0.5 else \
                    text[:end + 7] + text[start:end + 7] + text[end + 7:]
        elif op == 6:
            text = text[:k] + rng.choice(["<w:t>7 hari; 2 hari</w:t>", "<w:t>1 semester</w:t>",
                                          "<w:t>Tidak</w:t>", "<w:t>Ya</w:t>", "&amp;",
                                          "<w:tc/>", "</w:tc>", "<wps:wsp/>"]) + text[k:]
        else:
            text = text[:k]
    return text


def test_mutated_word_documents_end_clearly(tmp_path):
    rng = random.Random(31 * SCALE)
    sources = [document(key) for key in DOCX_KEYS]
    texts = {}
    for p in sources:
        with zipfile.ZipFile(p) as zf:
            texts[p] = zf.read("word/document.xml").decode()
    outcomes = {"ok": 0, "refused": 0}
    path = tmp_path / "mutasi.docx"
    for n in range(40 * SCALE):
        src = sources[n % len(sources)]
        if rng.random() < 0.2:  # bytes: bit flips or a truncated package
            data = bytearray(src.read_bytes())
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            if rng.random() < 0.5:
                data = data[:rng.randrange(len(data))]
            path.write_bytes(bytes(data))
        else:
            _rewrite(src, path, lambda t, s=src: _mutate(rng, texts[s]))
        outcomes[run_one(import_docx, path)] += 1
    assert outcomes["ok"] >= 5 * SCALE and outcomes["refused"] >= 3 * SCALE, outcomes


def test_fixture_documents_are_small():
    total = sum(p.stat().st_size for p in DOCUMENTS.iterdir() if p.suffix in
                (".docx", ".xlsx", ".pdf", ".json"))
    # 15 documents with their printed PDFs (about 35 KB each, fonts embedded)
    assert total < 1100 * 1024
    assert all(p.stat().st_size < 64 * 1024 for p in DOCUMENTS.iterdir())



def test_shapes_written_as_word_writes_them_are_read_without_a_vml_warning():
    """monev.docx wraps each shape in mc:AlternateContent with a VML fallback, as Word does."""
    key = _key("monev.docx")
    assert "mc:Fallback" in _member(document(key), "word/document.xml").decode()
    result = import_docx(document(key))
    assert mismatches(result, key) == []
    assert not any("VML" in w for w in result.warnings)


def test_old_vml_shapes_are_named_in_a_warning(tmp_path):
    key = _key("sipaham_balangan.docx")
    old = _rewrite(document(key), tmp_path / "vml.docx", lambda t: re.sub(
        r"<w:drawing>.*?</w:drawing>", '<w:pict><v:rect style="width:40pt;height:20pt"/></w:pict>',
        t, flags=re.S))
    result = import_docx(old)
    assert any("VML" in w for w in result.warnings)
    assert [s.number for s in result.sops[0].steps] == [s["number"] for s in key["steps"]]


def test_a_bordered_box_holding_ya_is_a_label_not_a_step(tmp_path):
    """Some offices draw the Ya/Tidak labels as small boxes with a border."""
    key = _key("yankomas_kanwil.docx")
    boxed = _rewrite(document(key), tmp_path / "kotak.docx", lambda t: t.replace(
        '<wps:cNvSpPr txBox="1"/>', "<wps:cNvSpPr/>").replace(
        '<a:noFill/><a:ln><a:noFill/></a:ln>',
        '<a:noFill/><a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'))
    assert 'txBox="1"' not in _member(boxed, "word/document.xml").decode()
    assert mismatches(import_docx(boxed), key) == []
