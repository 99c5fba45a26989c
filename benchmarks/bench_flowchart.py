"""Flowchart benchmarks: layout and on-screen render of the largest SOP, PDFs of the library.

Each function returns (name, seconds). Run standalone: `.venv/bin/python benchmarks/bench_flowchart.py`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _bundled():
    """The bundled SOP library, loaded straight from resources/sops (no database needed)."""
    from sop_desktop.importers.library import load_bundled

    sops = load_bundled()
    if not sops:
        raise SystemExit("pustaka SOP bawaan (resources/sops) kosong")
    return sops


def _largest(sops):
    return max(sops, key=lambda d: (len(d.steps), len(d.lanes)))


def bench_layout_largest(repeat: int = 20) -> tuple[str, float]:
    """Layout (identity page + flowchart pages) of the largest bundled SOP, mean of `repeat`."""
    from sop_desktop.flowchart.layout import layout_sop

    defn = _largest(_bundled())
    layout_sop(defn)  # fonts registered, caches warm: measure the steady state
    start = time.perf_counter()
    for _ in range(repeat):
        layout_sop(defn)
    return (f"flowchart layout, largest SOP ({len(defn.steps)} langkah)",
            (time.perf_counter() - start) / repeat)


def bench_screen_render_largest(repeat: int = 5) -> tuple[str, float]:
    """Build the Qt scene of the largest SOP and paint it once into an image (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from ui.flowchart.view import FlowchartView

    app = QApplication.instance() or QApplication([])
    defn = _largest(_bundled())
    view = FlowchartView()
    view.resize(1366, 768)
    image = QImage(1366, 768, QImage.Format.Format_ARGB32)

    def once():
        view.set_definition(defn)
        scene = view.scene()
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), scene.sceneRect())
        painter.end()
        app.processEvents()

    once()
    start = time.perf_counter()
    for _ in range(repeat):
        once()
    seconds = (time.perf_counter() - start) / repeat
    view.deleteLater()
    app.processEvents()
    return f"flowchart scene + paint, largest SOP ({len(defn.steps)} langkah)", seconds


def bench_pdf_all() -> tuple[str, float]:
    """Write the complete PDF of every bundled SOP (layout included)."""
    from sop_desktop.flowchart.pdf import write_sop_pdf

    sops = _bundled()
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        for defn in sops:
            write_sop_pdf(defn, Path(folder) / f"{defn.code}.pdf")
        seconds = time.perf_counter() - start
    return f"PDF of all {len(sops)} bundled SOPs", seconds


def bench_pdf_slowest() -> tuple[str, float]:
    """The slowest single bundled SOP's PDF, A4 and F4, landscape and portrait (target: < 5 s)."""
    from sop_desktop.flowchart.pdf import write_sop_pdf

    worst, which = 0.0, ""
    with tempfile.TemporaryDirectory() as folder:
        for defn in _bundled():
            for paper, landscape in (("A4", True), ("A4", False), ("F4", True), ("F4", False)):
                start = time.perf_counter()
                write_sop_pdf(defn, Path(folder) / "x.pdf", paper, landscape, office=[])
                seconds = time.perf_counter() - start
                if seconds > worst:
                    worst, which = seconds, f"{defn.code} {paper}{'' if landscape else ' tegak'}"
    return f"PDF of the slowest bundled SOP ({which})", worst


def bench_pdf_long_word() -> tuple[str, float]:
    """An SOP whose identity and a step hold one 20,000-letter word each (was 115 s; cut to print)."""
    from sop_desktop.flowchart.pdf import write_sop_pdf

    defn = _largest(_bundled())
    word = "A" * 20_000
    defn.identity.disahkan_nama = word
    defn.identity.dasar_hukum = [word] + list(defn.identity.dasar_hukum)
    defn.steps[1].kegiatan = word
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        write_sop_pdf(defn, Path(folder) / "x.pdf", office=[], warn=lambda _m: None)
        seconds = time.perf_counter() - start
    return "PDF of an SOP with 20,000-letter words", seconds


BENCHMARKS = (bench_layout_largest, bench_screen_render_largest, bench_pdf_all, bench_pdf_slowest,
              bench_pdf_long_word)


if __name__ == "__main__":
    for bench in BENCHMARKS:
        name, seconds = bench()
        print(f"{name:<55} {seconds * 1000:10.1f} ms")
