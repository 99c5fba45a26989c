"""Flowchart layout tests: geometry assertions on every bundled SOP plus hand-built ones.

The hand-built SOP definitions (from the seed documents) always cover an 18-step SOP with
eight lanes, a 12-step SOP with decisions going back across a page break, and decisions whose
Tidak goes back up to an earlier step. Other flowchart tests import them from here.
"""

from __future__ import annotations

import itertools

import pytest

from sop_desktop.domain.model import Lane, SopDefinition, Step
from sop_desktop.flowchart.layout import (
    FOOTER_H,
    MARGIN,
    TIDAK,
    YA,
    Rect,
    SopLayout,
    _pieces_of,
    layout_sop,
    text_width,
    wrap,
)
from tests.core.flowchart_support import co_actors, immigration, sigap, yankomas


def sample_sops() -> list[SopDefinition]:
    return [immigration(), yankomas(), sigap(), co_actors()]




def all_sops(services) -> list[SopDefinition]:
    """Every bundled SOP of the library plus the hand-built samples."""
    return list(services.sops.latest_all()) + sample_sops()


# --------------------------------------------------------------------------- geometry checks


def _on_boundary(sym, pt, tol=0.6) -> bool:
    x, y = pt
    r = sym.rect
    if sym.kind == "decision":
        return abs(abs(x - r.cx) / (r.w / 2) + abs(y - r.cy) / (r.h / 2) - 1) < 0.05
    inside = r.x - tol <= x <= r.right + tol and r.y - tol <= y <= r.bottom + tol
    edge = min(abs(x - r.x), abs(x - r.right), abs(y - r.y), abs(y - r.bottom)) < tol
    return inside and edge


def _strictly_inside(sym, x, y) -> bool:
    r = sym.rect
    if sym.kind == "decision":
        return abs(x - r.cx) / (r.w / 2) + abs(y - r.cy) / (r.h / 2) < 0.97
    return r.x + 0.5 < x < r.right - 0.5 and r.y + 0.5 < y < r.bottom - 0.5


def _samples(a, b, step=0.5):
    (x0, y0), (x1, y1) = a, b
    n = max(1, int(max(abs(x1 - x0), abs(y1 - y0)) / step))
    return [(x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n) for i in range(n + 1)]


def _overlap(s1, s2, tol=0.5) -> bool:
    """Two axis-parallel segments that run on top of each other (not a mere crossing)."""
    (a0, a1), (b0, b1) = s1, s2
    if abs(a0[1] - a1[1]) < 0.01 and abs(b0[1] - b1[1]) < 0.01 and abs(a0[1] - b0[1]) < tol:
        lo, hi = max(min(a0[0], a1[0]), min(b0[0], b1[0])), min(max(a0[0], a1[0]), max(b0[0], b1[0]))
        return hi - lo > tol
    if abs(a0[0] - a1[0]) < 0.01 and abs(b0[0] - b1[0]) < 0.01 and abs(a0[0] - b0[0]) < tol:
        lo, hi = max(min(a0[1], a1[1]), min(b0[1], b1[1])), min(max(a0[1], a1[1]), max(b0[1], b1[1]))
        return hi - lo > tol
    return False


def _crosses(s1, s2, tol=0.3) -> bool:
    """A horizontal and a vertical segment that cross inside both (touching ends do not count)."""
    for h, v in ((s1, s2), (s2, s1)):
        (h0, h1), (v0, v1) = h, v
        if abs(h0[1] - h1[1]) < 0.01 and abs(v0[0] - v1[0]) < 0.01:
            x, y = v0[0], h0[1]
            if min(h0[0], h1[0]) + tol < x < max(h0[0], h1[0]) - tol and \
                    min(v0[1], v1[1]) + tol < y < max(v0[1], v1[1]) - tol:
                return True
    return False


def _lane_centre(page, k: int) -> float:
    """The centre of lane k's own width (the last lane's column also holds the return channels)."""
    cells = sorted((c for c in page.cells if c.role.startswith("lane:")), key=lambda c: c.rect.x)
    width = cells[0].rect.w if len(cells) > 1 else None
    cell = cells[k]
    if k < len(cells) - 1 or width is None:
        return cell.rect.cx if width is not None or not page.symbols else page.symbols[0].rect.cx
    return cell.rect.x + width / 2


def expected_edges(defn):
    out = []
    numbers = {s.number for s in defn.steps}
    for step in defn.steps:
        if step.kind == "decision":
            pairs = [(step.yes, YA), (step.no, TIDAK)]
        else:
            pairs = [(n, "") for n in defn.successors(step)]
        out += [(step.number, n, label) for n, label in pairs if n in numbers and n != step.number]
    return out


def check_layout(defn, layout: SopLayout) -> None:
    """Every geometric promise of the layout, as assertions."""
    numbers = [s.number for s in defn.steps]
    symbols = layout.symbols()
    # every step exactly once, in its lane, centred in its lane's cell of its row
    assert sorted(s.step for s in symbols) == sorted(numbers)
    for sym in symbols:
        step = defn.step(sym.step)
        if step.lane in defn.lane_names:
            assert sym.lane == step.lane
        page = layout.pages[sym.page - 1]
        row = page.rows[sym.step]
        cell = next(c for c in page.cells if c.role == f"lanecell:{sym.lane_index}" and c.step == sym.step)
        assert abs(_lane_centre(page, sym.lane_index) - sym.rect.cx) < 0.01 and cell.rect.contains(sym.rect)
        assert row.contains(sym.rect)
        entered = defn.incomplete and sym.step == numbers[0] > 1  # a fragment's first step
        assert sym.kind == ("decision" if step.kind == "decision" else
                            "process" if entered and step.kind != "end" else
                            "terminator" if step.kind in ("start", "end") or sym.step in (numbers[0], numbers[-1])
                            else "process")
    # co-actors: one symbol in the acting lane only; a dashed line above it reaches the farthest
    # co-actor column, with a dashed tick down at the centre of each co-actor's column
    assert not layout.co_symbols()
    lanes = defn.lane_names or ["Pelaksana"]
    for step in defn.steps:
        main = layout.symbol(step.number)
        want = sorted({lanes.index(n) for n in step.co_lanes if n in lanes and n != main.lane})
        page = layout.pages[main.page - 1]
        links = [ln for ln in page.co_links if ln.step == step.number]
        ticks = [ln for ln in links if len(ln.points) == 2]
        spans = [ln for ln in links if len(ln.points) == 3]
        assert len(ticks) == len(want) and len(spans) == len({k > main.lane_index for k in want})
        tick_x = sorted(t.points[0][0] for t in ticks)
        assert tick_x == pytest.approx(sorted(_lane_centre(page, k) for k in want)), (defn.name, step.number)
        row = page.rows[step.number]
        for ln in links:  # above the symbol's middle, inside its row
            assert all(row.y < y <= main.rect.cy for _, y in ln.points), (defn.name, step.number)
        for span in spans:  # to the farthest co-actor on its side
            far = span.points[-1][0]
            side = [x for x in tick_x if (x > main.rect.cx) == (far > main.rect.cx)]
            assert far == pytest.approx(max(side, key=lambda x: abs(x - main.rect.cx)))
    # arrows join the right symbols (directly or through a pair of off-page connectors)
    # a fragment's first step is entered through one off-page connector from the missing step
    missing = [c for c in layout.connectors() if c.from_step not in numbers]
    if defn.incomplete and numbers[0] > 1:
        assert [(c.from_step, c.to_step, c.direction, c.letter) for c in missing] == \
            [(numbers[0] - 1, numbers[0], "in", str(numbers[0] - 1))]
        first = layout.symbol(numbers[0])
        into = [a for a in layout.arrows() if a.start == ("connector", missing[0].letter)]
        assert len(into) == 1 and into[0].end == ("step", numbers[0])
        assert _touches(missing[0].rect, into[0].points[0]) and _on_boundary(first, into[0].points[-1])
    else:
        assert not missing
    conns = [c for c in layout.connectors() if c not in missing]
    letters = {}
    for c in conns:
        letters.setdefault(c.letter, []).append(c)
    for letter, pair in letters.items():
        assert sorted(c.direction for c in pair) == ["in", "out"], letter
        out, inc = sorted(pair, key=lambda c: c.direction != "out")
        assert out.page != inc.page and (out.from_step, out.to_step) == (inc.from_step, inc.to_step)
    arrows = layout.arrows()
    for src, dst, label in expected_edges(defn):
        s, t = layout.symbol(src), layout.symbol(dst)
        pieces = [a for a in arrows if (a.from_step, a.to_step) == (src, dst)
                  and (a.label == label or a.start[0] == "connector")]
        if s.page == t.page:
            direct = [a for a in pieces if a.start == ("step", src) and a.end == ("step", dst)]
            assert len(direct) == 1, (defn.name, src, dst)
            first, last = direct[0], direct[0]
        else:
            first = next(a for a in pieces if a.start == ("step", src) and a.end[0] == "connector")
            last = next(a for a in pieces if a.end == ("step", dst) and a.start == first.end)
            pair = letters[first.end[1]]
            out = next(c for c in pair if c.direction == "out")
            inc = next(c for c in pair if c.direction == "in")
            assert (out.page, inc.page) == (s.page, t.page)
            assert _touches(out.rect, first.points[-1]) and _touches(inc.rect, last.points[0])
        assert first.page == s.page and last.page == t.page
        # an arrow may touch the step's own symbol or one of its co-actor copies
        assert any(_on_boundary(m, first.points[0]) for m in [s] + layout.co_symbols(src)), \
            (defn.name, src, first.points)
        assert any(_on_boundary(m, last.points[-1]) for m in [t] + layout.co_symbols(dst)), \
            (defn.name, dst, last.points)
        if layout.co_symbols(dst):  # into a group: from above into the symbol, or from the side
            assert _on_boundary(t, last.points[-1]) or last.points[-1][0] >= max(
                m.rect.cx for m in [t] + layout.co_symbols(dst)), (defn.name, dst)
        assert first.label == label
        if label:
            assert first.label_rect is not None
    assert len(arrows) == len(missing) + sum(1 if layout.symbol(a).page == layout.symbol(b).page else 2
                                             for a, b, _ in expected_edges(defn))
    # decisions: both labels present
    for step in defn.steps:
        if step.kind == "decision":
            labels = sorted(a.label for a in arrows if a.from_step == step.number and a.start == ("step", step.number))
            assert labels == sorted(label for a, _, label in expected_edges(defn) if a == step.number)
            if step.yes not in (None, step.number) and step.no not in (None, step.number):
                assert labels == [TIDAK, YA], step.number
    for page in layout.flow_pages:
        # orthogonal arrows that never pass through a symbol or a foreign connector
        for arrow in page.arrows:
            for a, b in arrow.segments():
                assert abs(a[0] - b[0]) < 0.01 or abs(a[1] - b[1]) < 0.01, arrow.points
                box = Rect(min(a[0], b[0]) - 1, min(a[1], b[1]) - 1, abs(a[0] - b[0]) + 2, abs(a[1] - b[1]) + 2)
                near = [sym for sym in page.symbols + page.co_symbols if sym.rect.intersects(box)]
                conns = [c.rect for c in page.connectors if c.rect.intersects(box)
                         and ("connector", c.letter) not in (arrow.start, arrow.end)]
                if not near and not conns:
                    continue
                for pt in _samples(a, b):
                    for sym in near:
                        assert not _strictly_inside(sym, *pt), (defn.name, arrow.from_step, arrow.to_step, sym.step)
                    for r in conns:
                        assert not (r.x + 0.5 < pt[0] < r.right - 0.5 and r.y + 0.5 < pt[1] < r.bottom - 0.5)
        # arrows, connectors and labels stay in the lanes (and the return strip): never on text
        flow = [c.rect for c in page.cells if c.role.startswith("lanecell:") or c.role == "strip"]
        if flow:
            left, right = min(r.x for r in flow), max(r.right for r in flow)
            for arrow in page.arrows:
                assert all(left < x < right for x, _ in arrow.points), (defn.name, arrow.points)
                if arrow.label_rect:
                    assert left < arrow.label_rect.x and arrow.label_rect.right < right
            for c in page.connectors:
                assert left < c.rect.x and c.rect.right < right
        # a Ya/Tidak label lies inside one lane column: never across a column line (issue 17)
        lane_cells = [c.rect for c in page.cells if c.role.startswith("lanecell:")]
        for arrow in page.arrows:
            r = arrow.label_rect
            narrow = min(c.w for c in lane_cells) < 2 * (r.w + 4) if r is not None else True
            if not narrow:  # (a column narrower than twice a label cannot hold it beside a line)
                assert any(c.x + 0.5 <= r.x and r.right <= c.right - 0.5 and c.y < r.y and
                           r.bottom < c.bottom for c in lane_cells), (defn.name, arrow.from_step, arrow.label)
        # no arrow runs through a Ya/Tidak label
        for arrow in page.arrows:
            for labelled in page.arrows:
                r = labelled.label_rect
                if r is None:
                    continue
                for a, b in arrow.segments():
                    for x, y in _samples(a, b):
                        assert not (r.x + 0.3 < x < r.right - 0.3 and r.y + 0.3 < y < r.bottom - 0.3), \
                            (defn.name, arrow.from_step, arrow.to_step, labelled.from_step)
        # no two arrows run on top of each other
        for a1, a2 in itertools.combinations(page.arrows, 2):
            for s1 in a1.segments():
                for s2 in a2.segments():
                    assert not _overlap(s1, s2), (defn.name, a1.from_step, a1.to_step, a2.from_step, a2.to_step)
        # a co-actor line crosses no symbol, connector, label or arrow running along it
        for link in page.co_links:
            for seg in zip(link.points, link.points[1:], strict=False):
                box = Rect(min(seg[0][0], seg[1][0]) - 0.3, min(seg[0][1], seg[1][1]) - 0.3,
                           abs(seg[1][0] - seg[0][0]) + 0.6, abs(seg[1][1] - seg[0][1]) + 0.6)
                for sym in page.symbols:
                    for pt in _samples(*seg):
                        assert not _strictly_inside(sym, *pt), (defn.name, link.step, sym.step)
                for c in page.connectors:
                    assert not c.rect.intersects(box)
                for arrow in page.arrows:
                    for s2 in arrow.segments():
                        assert not _overlap(seg, s2) and not _crosses(seg, s2), \
                            (defn.name, link.step, arrow.from_step, arrow.to_step)
                    if arrow.label_rect:
                        assert not arrow.label_rect.intersects(box), (defn.name, link.step)
        # no two symbols, connectors or labels overlap
        boxes = ([("symbol", s.step, s.rect) for s in page.symbols + page.co_symbols] +
                 [("connector", c.letter, c.rect) for c in page.connectors] +
                 [("label", (a.from_step, a.to_step), a.label_rect) for a in page.arrows if a.label_rect])
        for b1, b2 in itertools.combinations(boxes, 2):
            assert not b1[2].intersects(b2[2]), (defn.name, b1[:2], b2[:2])
        # labels sit clear of every symbol and connector, everything inside the table body
        body = Rect(MARGIN, MARGIN, page.width - 2 * MARGIN, page.height - 2 * MARGIN)
        for kind, key, rect in boxes:
            assert body.contains(rect), (kind, key)
        # the header repeats on every page
        roles = {c.role for c in page.cells}
        assert {f"lane:{k}" for k in range(len(defn.lanes))} <= roles
        heads = {c.text.replace(" ", "") for c in page.cells if c.role == "header"}
        assert {"NO", "KEGIATAN", "PELAKSANA", "MUTUBAKU"} <= heads
        assert "KETERANGAN" in heads or "KET." in heads  # the usual abbreviation when narrow
        subheads = {c.text for c in page.cells if c.role == "header"}
        assert {"KELENGKAPAN", "WAKTU", "OUTPUT"} <= subheads  # never broken inside a word
        # lane names print whole words (split only after "/" or "-"), one size for all lanes
        lane_cells = [c for c in page.cells if c.role.startswith("lane:")]
        for c in lane_cells:
            name = (defn.lane_names or ["Pelaksana"])[int(c.role.split(":")[1])]
            pieces = set(_pieces_of(name))
            assert all(t.size >= 6.5 for t in c.texts), (name, c.text)  # readable on paper
            if max(text_width(p, "DejaVuSans-Bold", 6.5) for p in pieces) + 6 > c.rect.w:
                continue  # a word wider than the cell even at the smallest size must break
            assert all(p in pieces for t in c.texts for p in _pieces_of(t.text)), (name, c.text)
        assert len({t.size for c in lane_cells for t in c.texts}) == 1
        assert page.table.bottom <= page.height - MARGIN - FOOTER_H + 0.01
    # every text line stays inside its cell
    for page in layout.pages:
        for cell in page.cells:
            for t in cell.texts:
                assert t.x >= cell.rect.x - 0.01, (cell.role, t.text)
                assert t.x + text_width(t.text, t.font, t.size) <= cell.rect.right + 0.01, (cell.role, t.text)
                assert cell.rect.y < t.y <= cell.rect.bottom + 0.01, (cell.role, t.text)
    # body text breaks between words (or after "/" and "-"), never inside a word that fits its cell
    for page in layout.flow_pages:
        for cell in page.cells:
            if cell.role not in ("kegiatan", "kelengkapan", "waktu", "output", "keterangan"):
                continue
            step = defn.step(cell.step)
            source = {"kegiatan": step.kegiatan, "kelengkapan": step.kelengkapan, "output": step.output,
                      "keterangan": step.keterangan, "waktu": step.waktu.text if step.waktu else ""}[cell.role]
            pieces = set(_pieces_of(source))
            for t in cell.texts:
                if t.text.endswith("…"):
                    continue
                for piece in _pieces_of(t.text):
                    if piece not in pieces:  # a cut word: only when it could not fit whole
                        cut = piece[:-1] if piece.endswith("-") else piece  # the break's mark
                        # a cut may fall in a piece that fits when breaking at the real hyphen
                        # before it would read back as a mark ("layanan-ma-" / "gang"): it is
                        # then inside a word too wide for the cell
                        whole = pieces | set(source.split())
                        assert any(text_width(p, t.font, t.size) > cell.rect.w - 6 - 0.01 and
                                   (piece in p or cut in p) for p in whole), (defn.name, cell.role, t.text)
    # pages are numbered
    total = len(layout.pages)
    for page in layout.pages:
        footer = next(c for c in page.cells if c.role == "footer")
        assert f"Halaman {page.number} dari {total}" in footer.text


def _touches(rect: Rect, pt, tol=0.6) -> bool:
    x, y = pt
    return (rect.x - tol <= x <= rect.right + tol and rect.y - tol <= y <= rect.bottom + tol and
            min(abs(x - rect.x), abs(x - rect.right), abs(y - rect.y), abs(y - rect.bottom)) < tol)


# --------------------------------------------------------------------------- tests


def test_geometry_of_every_bundled_and_sample_sop(services):
    sops = all_sops(services)
    assert len(sops) >= 3
    for defn in sops:
        check_layout(defn, layout_sop(defn))


@pytest.mark.parametrize("paper,landscape", [("F4", True), ("A4", False), ("F4", False)])
def test_geometry_on_every_paper(services, paper, landscape):
    for defn in all_sops(services):
        layout = layout_sop(defn, paper, landscape)
        assert (layout.width > layout.height) == landscape
        check_layout(defn, layout)


def test_long_sop_breaks_between_rows_with_connector_pairs():
    defn = immigration()
    layout = layout_sop(defn)
    flow = layout.flow_pages
    assert len(flow) >= 2
    assert layout.pages[0].kind == "identity"
    # rows follow the table order across pages and never split
    order = [n for page in flow for n in page.rows]
    assert order == [s.number for s in defn.steps]
    crossing = [(a, b) for a, b, _ in expected_edges(defn)
                if layout.symbol(a).page != layout.symbol(b).page]
    assert crossing and len(layout.connectors()) == 2 * len(crossing)
    assert sorted({c.letter for c in layout.connectors()}) == ["ABCDEFGHIJ"[i] for i in range(len(crossing))]


def test_back_edge_uses_its_own_channel_and_enters_from_the_side():
    defn = sigap()
    layout = layout_sop(defn)
    back = [a for a in layout.arrows() if a.label == TIDAK]
    assert len(back) == 3
    channels = []
    for arrow in back:
        target = layout.symbol(arrow.to_step)
        assert target.rect.y < layout.symbol(arrow.from_step).rect.y  # goes back up
        verticals = [a[0] for a, b in arrow.segments() if abs(a[0] - b[0]) < 0.01]
        channel = max(verticals)
        assert channel > max(s.rect.right for s in layout.symbols())
        span = sorted((target.rect.cy, layout.symbol(arrow.from_step).rect.cy))
        channels.append((channel, span))
        assert arrow.points[-1][0] >= target.rect.cx  # enters from the right
    # arrows whose vertical spans overlap run in different channels
    for (x1, (a1, b1)), (x2, (a2, b2)) in itertools.combinations(channels, 2):
        if a1 <= b2 and a2 <= b1:
            assert x1 != x2
    assert len({x for x, _ in channels}) >= 2


def test_yankomas_decisions_go_back_across_a_page_break():
    defn = yankomas()
    layout = layout_sop(defn)
    assert len(layout.flow_pages) == 2
    s11, s3 = layout.symbol(11), layout.symbol(3)
    assert s11.page != s3.page
    pieces = [a for a in layout.arrows() if (a.from_step, a.to_step) == (11, 3)]
    assert len(pieces) == 2
    first = next(a for a in pieces if a.start == ("step", 11))
    assert first.label == TIDAK and first.end[0] == "connector"


def test_text_wraps_and_rows_grow():
    defn = yankomas()
    defn.steps[3].kegiatan = " ".join(["Memerintahkan persiapan kegiatan Yankomas"] * 12)
    defn.steps[3].keterangan = "Sangat panjang " * 20
    layout = layout_sop(defn)
    check_layout(defn, layout)
    page = layout.pages[layout.symbol(4).page - 1]
    cell = next(c for c in page.cells if c.role == "kegiatan" and c.step == 4)
    assert len(cell.texts) > 5
    joined = " ".join(t.text for t in cell.texts)
    assert " ".join(joined.split()) == " ".join(defn.steps[3].kegiatan.split())
    assert page.rows[4].h > page.rows[5].h if 5 in page.rows else True


def test_wrap_breaks_overlong_words():
    lines = wrap("Keimigrasian" * 3 + " ok", "DejaVuSans", 7, 40)
    assert all(text_width(line, "DejaVuSans", 7) <= 40 for line in lines)
    # broken between small letters, each break marked with a "-" that a reader drops
    assert all(line.endswith("-") for line in lines[:-1])
    assert "".join(line[:-1] for line in lines[:-1]) + lines[-1] == "Keimigrasian" * 3 + " ok"


def test_identity_page_lists_and_dashes():
    defn = immigration()
    page = layout_sop(defn).pages[0]
    text = {c.role: c.text for c in page.cells}
    assert text["value:dasar_hukum"].startswith("1. UU RI No 25")
    assert "2. Undang-undang Nomor 6" in text["value:dasar_hukum"]
    assert text["value:pencatatan_pendataan"] == "-"
    assert text["value:tanggal_revisi"] == "-"
    assert "HERDAUS" in text["value:disahkan_oleh"] and "NIP 19690111 199103 1 001" in text["value:disahkan_oleh"]
    assert "KANTOR WILAYAH SUMATERA SELATAN" in text["hierarchy"]
    for key in ("nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan_oleh", "nama",
                "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan", "peringatan",
                "pencatatan_pendataan"):
        assert f"label:{key}" in text
    assert max(c.rect.bottom for c in page.cells if c.role != "footer") <= page.height - MARGIN


def test_unknown_paper_is_a_clear_error():
    from sop_desktop.errors import ValidationError

    with pytest.raises(ValidationError, match="A4 atau F4"):
        layout_sop(sigap(), "Letter")


def _random_sop(seed: int) -> SopDefinition:
    """A random but valid-shaped SOP: many lanes, long texts, decisions jumping anywhere."""
    import random

    rnd = random.Random(seed)
    lanes = [f"Pelaksana {i} " + "Subbagian " * rnd.randint(0, 3) for i in range(rnd.randint(1, 9))]
    n = rnd.randint(2, 30)
    steps = []
    for i in range(n):
        kind = "start" if i == 0 else "end" if i == n - 1 else "decision" if rnd.random() < 0.3 else "process"
        step = Step(number=i + 1, kegiatan="memeriksa berkas " * rnd.randint(1, 25), lane=rnd.choice(lanes),
                    kind=kind, kelengkapan="surat " * rnd.randint(0, 12), output="hasil " * rnd.randint(0, 6))
        if kind == "decision":
            step.yes = min(n, i + 2) if rnd.random() < 0.8 else rnd.randint(1, n)
            step.no = rnd.randint(1, n)
        if rnd.random() < 0.3:  # co-actors, sometimes including unknown or repeated lanes
            step.co_lanes = rnd.sample(lanes, rnd.randint(1, len(lanes))) + ["Tak dikenal"]
        steps.append(step)
    return SopDefinition(name=f"Acak {seed}", lanes=[Lane(x) for x in lanes], steps=steps)


@pytest.mark.parametrize("seed", range(0, 40, 3))
def test_geometry_of_random_sops(seed):
    defn = _random_sop(seed)
    for paper, landscape in (("A4", True), ("F4", False)):
        check_layout(defn, layout_sop(defn, paper, landscape))


def test_a_row_longer_than_a_page_shrinks_then_is_cut_but_never_splits():
    defn = sigap()
    defn.steps[2].kegiatan = "memeriksa kembali surat permohonan " * 600
    layout = layout_sop(defn)
    check_layout(defn, layout)
    page = layout.pages[layout.symbol(3).page - 1]
    cell = next(c for c in page.cells if c.role == "kegiatan" and c.step == 3)
    assert cell.texts[0].size < 7.0
    assert cell.texts[-1].text.endswith("…")
    assert cell.rect.bottom <= page.height - MARGIN - FOOTER_H


def test_degenerate_definitions_still_lay_out():
    empty = SopDefinition(name="Kosong")
    layout = layout_sop(empty)
    assert [p.kind for p in layout.pages] == ["identity", "flowchart"]
    odd = SopDefinition(name="Aneh", lanes=[Lane("A"), Lane("B")],
                        steps=[Step(1, "mulai", lane=None), Step(2, "lane tak dikenal", lane="Z"),
                               Step(3, "putuskan", lane="B", kind="decision", yes=None, no=1),
                               Step(4, "selesai", lane="A")])
    check_layout(odd, layout_sop(odd))
    assert layout_sop(odd).symbol(1).lane == "A"  # a step without a lane goes to the first lane


# --------------------------------------------------------------------------- co-actors


def test_co_actors_are_one_symbol_and_a_line_spanning_their_columns():
    defn = co_actors()
    layout = layout_sop(defn)
    check_layout(defn, layout)
    assert not layout.co_symbols()  # one symbol per step, in the acting lane
    page = layout.pages[layout.symbol(4).page - 1]
    ticks = [ln for ln in page.co_links if ln.step == 4 and len(ln.points) == 2]
    assert len(ticks) == 2  # Kasubbid and Kakanwil
    nine = layout.pages[layout.symbol(9).page - 1]
    assert len([ln for ln in nine.co_links if ln.step == 9 and len(ln.points) == 2]) == 1  # no repeats
    tidak = next(a for a in layout.arrows() if a.from_step == 6 and a.label == TIDAK)
    six = layout.symbol(6)
    assert tidak.points[0] == (six.rect.right, six.rect.cy)


def test_a_tidak_into_a_co_actor_lane_drops_straight_down():
    lanes = ["A", "B", "C", "D"]
    steps = [Step(1, "mulai", lane="A", kind="start"),
             Step(2, "periksa", lane="B", kind="decision", yes=4, no=3, co_lanes=["D"]),
             Step(3, "perbaiki", lane="C"),
             Step(4, "selesai", lane="A", kind="end")]
    defn = SopDefinition(name="Kelompok", lanes=[Lane(n) for n in lanes], steps=steps)
    layout = layout_sop(defn)
    check_layout(defn, layout)
    tidak = next(a for a in layout.arrows() if a.from_step == 2 and a.label == TIDAK)
    two = layout.symbol(2)
    assert tidak.points[0] == (two.rect.right, two.rect.cy) and len(tidak.points) == 3


def test_a_last_page_with_a_row_or_two_is_saved_by_slightly_smaller_text():
    from sop_desktop.flowchart.layout import ROOM, _FlowLayout, paper_size

    shrunk = 0
    for times in range(1, 9):
        defn = sigap()
        for step in defn.steps:
            step.kegiatan = " ".join([step.kegiatan] * times)
        layout = layout_sop(defn, identity=False)
        check_layout(defn, layout)
        flow = layout.flow_pages
        sizes = {t.size for p in flow for c in p.cells if c.role == "kegiatan" for t in c.texts}
        if max(sizes) < 7.0:
            shrunk += 1
        if len(flow) > 1 and len(flow[-1].rows) <= 2:  # then even 6 pt text would not save a page
            fl = _FlowLayout(defn, *paper_size("A4", True), first_number=1)
            fl.pages()
            body_top = min(r.y for r in flow[0].rows.values())
            body_h = flow[0].height - MARGIN - FOOTER_H - body_top
            small = [fl._fit_row(s, body_h - 2 * ROOM, 6.0)[1] for s in defn.steps]
            assert len(fl._breaks(small, body_h)) >= len(flow), times
    assert shrunk >= 1
