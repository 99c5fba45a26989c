"""The drawing's say on each step (importers/flowread.py): arrows followed across off-page
connectors in linear time however many connectors share a letter, notes of the text reader
cleaned once the drawing decides a step, and drawn branches that would cut the flow put back
to the text's on the PDF path as on the Word/Excel path.
"""

from __future__ import annotations

from sop_desktop.domain.model import Lane, SopDefinition, Step
from sop_desktop.flowchart.pdf import sop_pdf_bytes
from sop_desktop.importers.flowread import (
    Graph,
    apply_drawing,
    flow_broken,
    pages_to_result,
)
from sop_desktop.importers.geometry import Arrow, Page, Shape, link_arrows
from sop_desktop.importers.library import bundled_sop_dir, load
from sop_desktop.importers.pagetable import Columns, RowOrigin
from sop_desktop.importers.pdf import read_pdf_pages


class _CountingGraph(Graph):
    """A Graph that counts how often `target` is entered."""

    calls = 0

    def target(self, arrow, seen=None):
        type(self).calls += 1
        return super().target(arrow, seen)


def _connector_page(count: int) -> tuple[Page, RowOrigin]:
    """A page with `count` off-page connectors all lettered "A", each connector leading to the
    next two by arrows (a dense web, as a mutated workbook had), and one step symbol that only
    the last connector reaches."""
    page = Page(600, 800, 1)
    for k in range(count):
        page.shapes.append(Shape("connector", (10 + k, 10, 20 + k, 20), "A", "A", f"c{k}"))
    page.shapes.append(Shape("process", (300, 700, 360, 730), "", "", "step"))
    for k in range(count - 1):
        for j in (k + 1, min(k + 2, count - 1)):
            page.arrows.append(Arrow([(0, 0), (1, 1)], f"c{k}", f"c{j}"))
    page.arrows.append(Arrow([(0, 0), (1, 1)], f"c{count - 1}", "step"))
    row = RowOrigin(page, 1, 1, 690, 740, Columns([0, 600], 0, 0), [page.shapes[-1]])
    return page, row


def test_many_connectors_with_one_letter_are_followed_once_each():
    page, row = _connector_page(60)
    graph = _CountingGraph([page], [row])
    _CountingGraph.calls = 0
    assert graph.target(Arrow([(0, 0), (1, 1)], None, "c0")) is row
    # each connector is left once: calls grow with the arrows, not with the paths through them
    assert _CountingGraph.calls <= len(page.arrows) + 1


def test_connectors_that_reach_no_step_end_without_a_target():
    page, row = _connector_page(60)
    page.arrows.pop()  # the last connector no longer reaches the step
    graph = _CountingGraph([page], [row])
    _CountingGraph.calls = 0
    assert graph.target(Arrow([(0, 0), (1, 1)], None, "c0")) is None
    assert _CountingGraph.calls <= len(page.arrows) + 1


def test_a_text_decision_drawn_as_a_process_loses_the_text_readers_notes():
    defn = SopDefinition(name="Uji", lanes=[Lane("Staf"), Lane("Kepala")], steps=[
        Step(1, "Staf menerima berkas", "Staf", kind="start"),
        Step(2, "Kepala memeriksa berkas, apakah lengkap?", "Kepala", kind="decision", yes=3,
             no=1, note="dicatat; keputusan dari teks keputusan; Tidak ke langkah 1 (tertulis "
                        "di teks)"),
        Step(3, "Staf mengarsipkan berkas", "Staf", kind="end"),
    ])
    page = Page(600, 800, 1)
    cols = Columns([0, 40, 200, 400, 600], 0, 1, {2, 3}, [(2, "Staf"), (3, "Kepala")])
    rows = []
    for number, (kind, x) in enumerate([("terminator", 300), ("process", 500),
                                        ("terminator", 300)], start=1):
        shape = Shape(kind, (x - 30, number * 100, x + 30, number * 100 + 30), "", "", f"s{number}")
        page.shapes.append(shape)
        rows.append(RowOrigin(page, number, number, number * 100 - 10, number * 100 + 50, cols,
                              [shape]))
    for a, b in ((1, 2), (2, 3)):
        page.arrows.append(Arrow([(0, 0), (1, 1)], f"s{a}", f"s{b}"))
    apply_drawing(defn, rows, Graph([page], rows))
    step = defn.step(2)
    assert (step.kind, step.yes, step.no) == ("process", None, None)
    assert step.note == "dicatat"


def _decision_sop() -> SopDefinition:
    for path in sorted(bundled_sop_dir().glob("*.toml")):
        defn = load(path)
        if any(s.kind == "decision" for s in defn.steps):
            return defn
    raise AssertionError("no bundled SOP with a decision")


def test_drawn_branches_that_cut_the_flow_give_way_to_the_texts_on_a_pdf(tmp_path):
    defn = _decision_sop()
    path = tmp_path / "sop.pdf"
    path.write_bytes(sop_pdf_bytes(defn, "A4", True))
    pages, _ = read_pdf_pages(path)
    decisions = set()
    for page in pages:
        link_arrows(page)
        decisions |= {s.id for s in page.shapes if s.kind == "decision"}
    assert decisions
    for page in pages:  # a damaged drawing: every arrow out of a diamond comes back into it
        for arrow in page.arrows:
            if arrow.start_shape in decisions:
                arrow.end_shape = arrow.start_shape
    [read] = pages_to_result(pages, path.name).sops
    assert not flow_broken(read)
    assert any("cabang dari gambar memutus alur" in w for w in read.warnings)
    for step in read.steps:
        if step.kind == "decision":
            assert step.number not in (step.yes, step.no) or step.yes != step.no
