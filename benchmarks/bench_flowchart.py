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
    from sop_desktop.library import load_bundled

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

    from ui.flowchart_view import FlowchartView

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


BENCHMARKS = (bench_layout_largest, bench_screen_render_largest, bench_pdf_all)


if __name__ == "__main__":
    for bench in BENCHMARKS:
        name, seconds = bench()
        print(f"{name:<55} {seconds * 1000:10.1f} ms")
