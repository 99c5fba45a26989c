"""The SOP document on paper (issue 17, issue 13 item 14): every check reads the produced file back.

PDF text and geometry with pdfplumber, SVG as XML and through Qt's SVG renderer, PNG pixels.
"""

from __future__ import annotations

import io
import itertools
import re
import time

import pdfplumber
import pytest

from sop_desktop.domain.model import Identity
from sop_desktop.flowchart.image import flowchart_svg_bytes, write_flowchart_image
from sop_desktop.flowchart.layout import layout_sop
from sop_desktop.flowchart.pdf import layout_pdf_bytes, write_sop_pdf
from sop_desktop.importers.library import load_bundled
from tests.core.flowchart_support import co_actors, immigration, sigap, yankomas

MM = 72 / 25.4


@pytest.fixture(scope="module")
def bundled():
    return {d.code: d for d in load_bundled()}


def _pdf(data: bytes):
    return pdfplumber.open(io.BytesIO(data))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def _svg_root(data: bytes):
    from defusedxml import ElementTree

    return ElementTree.fromstring(data)


def _style(el) -> str:
    return el.get("style") or ""


def _polyline_points(el) -> list[tuple[float, float]]:
    nums = [float(n) for n in re.split(r"[\s,]+", el.get("points").strip())]
    return list(zip(nums[::2], nums[1::2], strict=False))


# --------------------------------------------------------------------------- 1: incomplete SOP


def test_an_incomplete_sop_says_so_on_every_page_and_its_first_step_is_entered(bundled):
    defn = bundled["KABKOTA-PEDULI-HAM"]
    assert defn.incomplete and defn.steps[0].number == 12
    pdf = _pdf(layout_pdf_bytes(layout_sop(defn)))
    for page in pdf.pages:
        text = _squash(page.extract_text())
        assert "TIDAKLENGKAP" in text and "langkah1–11" in text, page.page_number
    flow = pdf.pages[1]
    words = flow.extract_words()
    row12 = next(w for w in words if w["text"] == "12" and w["x0"] < 60)
    lane = next(w for w in words if w["text"] == "Dirjen")
    entry = [w for w in words if w["text"] == "11"]  # the off-page connector from step 11
    assert len(entry) == 1 and abs(entry[0]["x0"] - lane["x0"]) < 40
    assert row12["top"] - 2 < entry[0]["top"] < row12["top"] + 20
    # rounded outlines (terminators, filled white): only the last step's, none for step 12
    ends = [c for c in flow.curves if c.get("non_stroking_color") == (1.0, 1.0, 1.0)
            and len(c["pts"]) > 6]
    assert len(ends) == 1 and ends[0]["top"] > entry[0]["bottom"] + 40
    complete = _pdf(layout_pdf_bytes(layout_sop(yankomas())))
    assert all("TIDAKLENGKAP" not in _squash(p.extract_text()) for p in complete.pages)


# --------------------------------------------------------------------------- 2 and 16: identity page


def test_identity_page_falls_back_to_the_office_profile(services, tmp_path):
    from sop_desktop.services import office

    defn = yankomas()
    defn.identity.hierarchy = []
    target = tmp_path / "a.pdf"
    write_sop_pdf(defn, target)  # the open database's profile: still the placeholders
    page = _pdf(target.read_bytes()).pages[0]
    words = page.extract_words()
    dasar = next(w for w in words if w["text"] == "DASAR")
    office_block = [w["text"] for w in words if w["x1"] < page.width * 0.42 and w["top"] < dasar["top"]]
    assert office_block == ["-"]  # "-" only when even the office profile is empty
    office.save(office.load().with_changes({"kementerian": "Kementerian Hukum",
                                            "kantor": "Kantor Wilayah Bengkulu",
                                            "unit": "Divisi Pelayanan Hukum"}))
    write_sop_pdf(defn, target)
    head = _pdf(target.read_bytes()).pages[0].extract_text()
    for line in ("KEMENTERIAN HUKUM", "KANTOR WILAYAH BENGKULU", "DIVISI PELAYANAN HUKUM"):
        assert line in head
    own = yankomas()
    own.identity.hierarchy = ["Kantor Sendiri"]
    write_sop_pdf(own, target, office=["Kementerian Lain"])
    head = _pdf(target.read_bytes()).pages[0].extract_text()
    assert "KANTOR SENDIRI" in head and "KEMENTERIAN LAIN" not in head


def test_identity_page_leaves_room_to_sign_and_prints_one_date_and_nip_format(bundled):
    defn = immigration()
    defn.identity.tanggal_pembuatan = "6 MEI 2024"
    defn.identity.tanggal_revisi = "2024-06-07"
    defn.identity.disahkan_nip = "196901111991031001"
    page = _pdf(layout_pdf_bytes(layout_sop(defn))).pages[0]
    words = page.extract_words()
    jabatan = next(w for w in words if w["text"] == "Keimigrasian" and w["x0"] > page.width / 2)
    name = next(w for w in words if w["text"] == "HERDAUS")
    assert name["top"] - jabatan["bottom"] >= 25 * MM
    text = page.extract_text()
    assert "6 Mei 2024" in text and "7 Juni 2024" in text and "MEI" not in text
    assert "NIP 19690111 199103 1 001" in text and "NIP." not in text
    for code in ("YANKOMAS-BENGKULU", "SKP", "HAK-AKSES-APLIKASI"):  # typed in capitals
        text = _pdf(layout_pdf_bytes(layout_sop(bundled[code]))).pages[0].extract_text()
        months = "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember"
        found = re.findall(rf"\d{{1,2}} (?i:{months}) \d{{4}}", text)
        assert found and all(re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", d) for d in found), found


@pytest.mark.parametrize("landscape", [True, False])
def test_lane_names_print_at_six_and_a_half_points_or_more(bundled, landscape):
    for defn in list(bundled.values()) + [immigration()]:
        layout = layout_sop(defn, "A4", landscape, identity=False)
        page = _pdf(layout_pdf_bytes(layout)).pages[0]
        cells = [c.rect for c in layout.flow_pages[0].cells if c.role.startswith("lane:")]
        chars = [ch for ch in page.chars if any(
            r.x - 0.5 <= ch["x0"] and ch["x1"] <= r.right + 0.5 and r.y <= ch["top"] and
            ch["bottom"] <= r.bottom for r in cells)]
        assert chars, defn.code
        assert min(round(ch["size"], 2) for ch in chars) >= 6.5, defn.code


# --------------------------------------------------------------------------- 11: no fake column


def _header_fills(page) -> list[dict]:
    return [r for r in page.rects if r.get("fill") and
            tuple(round(c, 2) for c in r.get("non_stroking_color") or ()) == (0.9, 0.9, 0.9)]


def test_return_arrows_need_no_column_of_their_own(bundled):
    for defn in (sigap(), yankomas(), bundled["YANKOMAS-BENGKULU"]):
        layout = layout_sop(defn, identity=False)
        page = _pdf(layout_pdf_bytes(layout)).pages[0]
        words = page.extract_words()
        pelaksana = next(w for w in words if w["text"] == "PELAKSANA")
        mutu = next(w for w in words if w["text"] == "MUTU")
        lane_row = [r for r in _header_fills(page) if r["top"] > pelaksana["bottom"] and
                    r["x0"] > pelaksana["x0"] - 400 and r["x1"] < mutu["x0"] - 5]
        columns = sorted({round(r["x0"], 1) for r in lane_row})
        assert len(columns) == len(defn.lanes), (defn.code, columns)
        # every arrow still runs inside the lane area
        left, right = columns[0], max(r["x1"] for r in lane_row)
        for arrow in layout.arrows():
            assert all(left < x < right for x, _ in arrow.points)


# --------------------------------------------------------------------------- 12: labels, corridors


def _grid_edges(page) -> list[tuple[float, float, float]]:
    """Vertical grid lines of the table: (x, top, bottom) of every stroked cell's sides."""
    out = []
    for r in page.rects:
        if r.get("stroke") and r["height"] > 8:
            out += [(r["x0"], r["top"], r["bottom"]), (r["x1"], r["top"], r["bottom"])]
    return out


def test_ya_tidak_labels_sit_clear_of_the_grid(bundled):
    for defn in (sigap(), yankomas(), immigration(), bundled["SIGAP-MAGANG"], bundled["YANKOMAS-KANWIL"]):
        for landscape in (True, False):
            pdf = _pdf(layout_pdf_bytes(layout_sop(defn, "A4", landscape, identity=False)))
            for page in pdf.pages:
                edges = _grid_edges(page)
                for w in page.extract_words():
                    if w["text"] not in ("Ya", "Tidak"):
                        continue
                    for x, top, bottom in edges:
                        assert not (w["x0"] - 1 < x < w["x1"] + 1 and top < w["bottom"] and
                                    w["top"] < bottom), (defn.code, landscape, w["text"], w["x0"])


def _arrow_segments(svg: bytes) -> list[list[tuple]]:
    root = _svg_root(svg)
    arrows = [el for el in root.iter() if el.tag.endswith("polyline") and
              "dasharray" not in _style(el) and "stroke-width: 0.8" in _style(el)]
    return [list(zip(pts, pts[1:], strict=False)) for pts in map(_polyline_points, arrows)]


def test_no_two_arrows_share_a_corridor(bundled):
    gap = 5.9
    for defn in (sigap(), yankomas(), bundled["SIGAP-MAGANG"], bundled["YANKOMAS-KANWIL"],
                 bundled["YANKOMAS-BENGKULU"]):
        arrows = _arrow_segments(flowchart_svg_bytes(layout_sop(defn, identity=False)))
        assert arrows, defn.code
        for a1, a2 in itertools.combinations(arrows, 2):
            for (p, q), (r, s) in itertools.product(a1, a2):
                for axis in (0, 1):  # 0: horizontal runs (same y), 1: vertical runs (same x)
                    o = 1 - axis
                    if abs(p[o] - q[o]) > 0.01 or abs(r[o] - s[o]) > 0.01:
                        continue
                    lo = max(min(p[axis], q[axis]), min(r[axis], s[axis]))
                    hi = min(max(p[axis], q[axis]), max(r[axis], s[axis]))
                    if hi - lo > 1.0:
                        assert abs(p[o] - r[o]) >= gap, (defn.code, p, q, r, s)


# --------------------------------------------------------------------------- 13: SVG


def test_svg_styles_lines_and_fonts_the_standard_way():
    svg = flowchart_svg_bytes(layout_sop(sigap(), identity=False))
    assert b"fill: None" not in svg
    root = _svg_root(svg)
    for el in root.iter():
        if el.tag.endswith("polyline"):
            assert "fill: none" in _style(el)
        if el.tag.endswith("text"):
            family = re.search(r"font-family:\s*([^;]+)", _style(el)).group(1)
            assert "DejaVu Sans" in family and "DejaVuSans" not in family
    bold = [el for el in root.iter() if el.tag.endswith("text") and "font-weight: bold" in _style(el)]
    assert any(el.text == "PELAKSANA" for el in bold)


def test_qt_draws_svg_arrows_as_lines_not_wedges(qtbot):
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    layout = layout_sop(sigap(), identity=False)
    svg = flowchart_svg_bytes(layout)
    renderer = QSvgRenderer(QByteArray(svg))
    assert renderer.isValid()
    scale = 2.0
    size = renderer.defaultSize()
    image = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    height = size.height()
    checked = dark = 0
    for pts in map(_polyline_points, [el for el in _svg_root(svg).iter() if el.tag.endswith("polyline")
                                      and "stroke-width: 0.8" in _style(el)]):
        if len(pts) < 3:
            continue
        (x0, y0), (x1, y1), (x2, y2) = pts[0], pts[1], pts[2]
        cx, cy = (x0 + x1 + x2) / 3, (y0 + y1 + y2) / 3  # inside the bend: filled only as a wedge
        if min(abs(x2 - x0), abs(y2 - y0)) < 6:
            continue
        checked += 1
        # the SVG's own y axis (reportlab writes y up inside a flipping group)
        px, py = int(cx * scale), int((height - cy) * scale)
        if QColor(image.pixel(px, py)).lightness() < 128:
            dark += 1
    assert checked >= 5 and dark <= checked // 5, (checked, dark)


# --------------------------------------------------------------------------- 14: co-actors


def test_a_step_with_co_actors_has_one_symbol_and_a_line_over_their_columns(bundled):
    for defn in (bundled["SKP"], bundled["YANKOMAS-BENGKULU"], co_actors()):
        layout = layout_sop(defn, identity=False)
        root = _svg_root(flowchart_svg_bytes(layout))
        rounded = [el for el in root.iter() if el.tag.endswith("rect") and el.get("rx")
                   and float(el.get("rx")) > 0]
        assert len(rounded) == sum(1 for s in layout.symbols() if s.kind == "terminator"), defn.code
        boxes = [el for el in root.iter() if el.tag.endswith("polygon") and "stroke-width: 0.9" in _style(el)]
        assert len(boxes) == sum(1 for s in layout.symbols() if s.kind != "terminator"), defn.code
        dashed = [el for el in root.iter() if "dasharray" in _style(el)]
        with_co = [s for s in defn.steps if s.co_lanes]
        assert with_co and len(dashed) >= len(with_co), defn.code


# --------------------------------------------------------------------------- 17: export-image


def test_exported_image_pages_are_numbered_like_the_pdf(tmp_path):
    import pypdfium2
    from PIL import Image, ImageChops

    defn = yankomas()
    pdf_layout = layout_sop(defn)
    total = len(pdf_layout.pages)
    svg_path = tmp_path / "alir.svg"
    write_flowchart_image(defn, svg_path, office=[])
    text = _squash(" ".join(_svg_root(svg_path.read_bytes()).itertext()))
    for n in range(2, total + 1):
        assert f"Halaman{n}dari{total}" in text
    assert "Halaman1dari" not in text
    png_path = tmp_path / "alir.png"
    write_flowchart_image(defn, png_path, dpi=40, office=[])
    sheet = Image.open(png_path).convert("RGB")
    doc = pypdfium2.PdfDocument(layout_pdf_bytes(pdf_layout))
    try:
        second = doc[1].render(scale=40 / 72).to_pil().convert("RGB")
    finally:
        doc.close()
    first = sheet.crop((0, 0, second.width, second.height))
    assert ImageChops.difference(first, second).getbbox() is None


# --------------------------------------------------------------------------- issue 13 item 14


def test_a_twenty_thousand_letter_word_is_cut_with_a_warning(db_path, services, tmp_path, capsys):
    from sop_desktop.cli import main

    defn = yankomas()
    defn.code = "PANJANG"
    word = "A" * 20000
    defn.identity = Identity(nomor="1", disahkan_nama=word, dasar_hukum=[word, "UU 25/2009"])
    defn.steps[1].kegiatan = "Kata " + "b" * 20000
    services.sops.save_import(defn, "PANJANG")
    target = tmp_path / "panjang.pdf"
    start = time.perf_counter()
    code = main(["--db", str(db_path), "sop", "export-pdf", "PANJANG", "-o", str(target)])
    seconds = time.perf_counter() - start
    err = capsys.readouterr().err
    assert code == 0, err
    assert seconds < 60  # a guard against hangs only; the speed figure is in benchmarks/
    assert "peringatan" in err and "20000 huruf" in err and "langkah 2" in err
    pdf = _pdf(target.read_bytes())
    text = _squash("".join(p.extract_text() for p in pdf.pages))
    assert "A" * 300 + "…" in text and "A" * 301 not in text and "UU25/2009" in text
    assert len(pdf.pages) == len(layout_sop(yankomas()).pages)
