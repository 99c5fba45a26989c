"""The SOP document as PDF, PNG and SVG, and the export CLI: read back what was written."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from sop_desktop.flowchart.image import flowchart_png_bytes, flowchart_svg_bytes
from sop_desktop.flowchart.layout import PAPERS, layout_sop
from sop_desktop.flowchart.pdf import layout_pdf_bytes, write_atomic, write_sop_pdf
from tests.conftest import ROOT
from tests.core.flowchart_support import co_actors, immigration, sigap, yankomas


def _squash(text: str) -> str:
    """Text with every whitespace removed: wrapping may cut lines anywhere."""
    return re.sub(r"\s+", "", text)


def _pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() or "" for page in reader.pages)


def check_pdf_text(defn, data: bytes, pages: int) -> None:
    """Every kegiatan, lane name and waktu of the SOP is in the PDF's text."""
    reader, text = _pdf_text(data)
    flat = _squash(text)
    assert len(reader.pages) == pages
    for step in defn.steps:
        assert _squash(step.kegiatan) in flat, (defn.code, step.number)
        if step.waktu:
            assert _squash(step.waktu.text) in flat, (defn.code, step.number)
    unhyphened = flat.replace("-", "")  # a lane name's long word may break with a hyphen
    for lane in defn.lane_names:
        assert _squash(lane).replace("-", "") in unhyphened, (defn.code, lane)
    for head in ("NOMORSOP", "DASARHUKUM", "PELAKSANA", "MUTUBAKU", "KELENGKAPAN"):
        assert head in flat
    assert f"Halaman{pages}dari{pages}" in flat


def test_pdf_text_has_every_kegiatan_lane_and_waktu():
    for defn in (immigration(), yankomas(), sigap(), co_actors()):
        layout = layout_sop(defn)
        check_pdf_text(defn, layout_pdf_bytes(layout), len(layout.pages))


@pytest.mark.parametrize("paper,landscape", [("A4", True), ("F4", True), ("F4", False)])
def test_pdf_page_size_follows_paper(paper, landscape):
    reader, _ = _pdf_text(layout_pdf_bytes(layout_sop(yankomas(), paper, landscape)))
    w, h = PAPERS[paper]
    want = (h, w) if landscape else (w, h)
    for page in reader.pages:
        box = page.mediabox
        assert abs(float(box.width) - want[0]) < 0.5 and abs(float(box.height) - want[1]) < 0.5


def test_identity_page_text():
    defn = immigration()
    reader, _ = _pdf_text(layout_pdf_bytes(layout_sop(defn)))
    first = _squash(reader.pages[0].extract_text())
    for text in ("W.6-0036.GR.01.01", "HERDAUS", "NIP196901111991031001", "DISAHKANOLEH",
                 "KUALIFIKASIPELAKSANA", "PENCATATANDANPENDATAAN", "SOPPerpanjanganITAS"):
        assert text in first
    assert _squash(defn.steps[0].kegiatan) not in first  # the table starts on page 2


def test_long_sop_pages_repeat_the_header_and_carry_connector_letters():
    layout = layout_sop(immigration())
    reader, _ = _pdf_text(layout_pdf_bytes(layout))
    flow = reader.pages[1:]
    assert len(flow) >= 2
    letters = sorted({c.letter for c in layout.connectors()})
    for page in flow:
        text = _squash(page.extract_text())
        assert "KEGIATAN" in text and _squash(immigration().lanes[0].name) in text
    for letter in letters:
        pages = [i for i, page in enumerate(reader.pages)
                 if re.search(rf"(^|\s){letter}(\s|$)", page.extract_text())]
        assert len(pages) >= 2, letter


def test_write_is_atomic_and_keeps_the_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "sop.pdf"
    write_sop_pdf(sigap(), target)
    good = target.read_bytes()
    assert good.startswith(b"%PDF") and len(PdfReader(target).pages) >= 2

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("sop_desktop.flowchart.pdf.os.replace", broken)
    from sop_desktop.errors import SopError

    with pytest.raises(SopError, match="tidak dapat ditulis"):
        write_atomic(target, b"%PDF-truncated")
    assert target.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sop.pdf"]


def test_png_and_svg_of_the_flowchart():
    from defusedxml import ElementTree
    from PIL import Image

    layout = layout_sop(yankomas(), identity=False)
    png = flowchart_png_bytes(layout, dpi=40)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    pages = len(layout.flow_pages)
    assert pages == 2
    assert image.height > pages * layout.height * 40 / 72 - 2
    assert abs(image.width - layout.width * 40 / 72) < 2
    svg = flowchart_svg_bytes(layout)
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg")
    text = _squash("".join(root.itertext()))
    for step in yankomas().steps:
        assert _squash(step.kegiatan) in text
    assert "Tidak" in text and "Ya" in text


# --------------------------------------------------------------------------- CLI


def _cli(*argv, capsys):
    from sop_desktop.cli import main

    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.slow
def test_cli_export_pdf_one_and_all(db_path, tmp_path, capsys, services):
    codes = [d.code for d in services.sops.latest_all()]
    if not codes:
        pytest.skip("pustaka SOP bawaan belum ada")
    target = tmp_path / "one.pdf"
    code, out, err = _cli("--db", str(db_path), "sop", "export-pdf", codes[0], "-o", str(target),
                          "--paper", "F4", "--portrait", capsys=capsys)
    assert code == 0, err
    page = PdfReader(target).pages[0]
    assert float(page.mediabox.width) < float(page.mediabox.height)
    folder = tmp_path / "semua"
    code, out, err = _cli("--db", str(db_path), "sop", "export-pdf", "--all", "-o", str(folder),
                          capsys=capsys)
    assert code == 0, err
    written = sorted(p.stem for p in folder.glob("*.pdf"))
    assert written == sorted(codes)
    for defn in services.sops.latest_all():  # every bundled SOP, read back
        pages = len(layout_sop(defn).pages)
        check_pdf_text(defn, (folder / f"{defn.code}.pdf").read_bytes(), pages)


def test_cli_export_errors_are_indonesian_and_leave_no_file(db_path, tmp_path, capsys, services):
    target = tmp_path / "x.pdf"
    code, _, err = _cli("--db", str(db_path), "sop", "export-pdf", "TIDAK-ADA", "-o", str(target),
                        capsys=capsys)
    assert code == 1 and err.startswith("Kesalahan:") and "tidak ditemukan" in err
    code, _, err = _cli("--db", str(db_path), "sop", "export-image", "TIDAK-ADA", "-o",
                        str(tmp_path / "x.jpg"), capsys=capsys)
    assert code == 1 and ".png atau .svg" in err
    code, _, err = _cli("--db", str(db_path), "sop", "export-pdf", "-o", str(target), capsys=capsys)
    assert code == 1 and "--all" in err
    assert list(tmp_path.glob("x.*")) == []


def test_cli_export_image_never_loads_qt(db_path, tmp_path, services):
    codes = [d.code for d in services.sops.latest_all()]
    if not codes:
        pytest.skip("pustaka SOP bawaan belum ada")
    png, svg = tmp_path / "alir.png", tmp_path / "alir.svg"
    code = (
        "import sys\n"
        "from sop_desktop.cli import main\n"
        "db, code, png, svg = sys.argv[1:]\n"
        "assert main(['--db', db, 'sop', 'export-image', code, '-o', png, '--dpi', '50']) == 0\n"
        "assert main(['--db', db, 'sop', 'export-image', code, '-o', svg]) == 0\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "sys.stderr.write('QT:' + ','.join(bad) + '\\n')\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(db_path), codes[-1], str(png), str(svg)],
                         capture_output=True, text=True, cwd=str(ROOT), timeout=300)
    assert "QT:\n" in out.stderr, out.stderr
    assert png.read_bytes().startswith(b"\x89PNG") and b"<svg" in svg.read_bytes()


def test_co_actor_lines_are_dashed_in_svg_and_pdf():
    from defusedxml import ElementTree

    layout = layout_sop(co_actors(), identity=False)
    root = ElementTree.fromstring(flowchart_svg_bytes(layout))
    dashed = [el for el in root.iter() if "stroke-dasharray" in (el.get("style") or "") or
              el.get("stroke-dasharray")]
    assert len(dashed) == sum(len(p.co_links) for p in layout.flow_pages) > 0
    plain = layout_sop(yankomas(), identity=False)
    root = ElementTree.fromstring(flowchart_svg_bytes(plain))
    assert not [el for el in root.iter() if "stroke-dasharray" in (el.get("style") or "") or
                el.get("stroke-dasharray")]


def test_sop_pdf_metadata_names_the_app_and_version(tmp_path):
    from pypdf import PdfReader

    from sop_desktop import __version__
    from sop_desktop.flowchart.pdf import write_sop_pdf
    from sop_desktop.importers.library import load_bundled

    defn = load_bundled()[0]
    path = tmp_path / "sop.pdf"
    write_sop_pdf(defn, path)
    meta = PdfReader(str(path)).metadata
    assert __version__ in meta.creator and "SOP Desktop" in meta.producer
    assert meta.title == defn.name
