"""Scanned-SOP import: accuracy, time per page and peak memory on degraded renderings.

Every bundled SOP is exported with the app's own PDF writer (A4 landscape), each of its table
pages rendered at 150 or 200 dpi and degraded as a scan (tests/fixtures/scans/make_scans.py:
rotation up to 3 degrees, blur, noise, JPEG, uneven light, a stamp and a signature over the
table on every other page), then imported by OCR. Per SOP: steps, lanes, per-step lanes, kinds
and Ya/Tidak targets right or not, and the share of kegiatan characters read right.

    .venv/bin/python benchmarks/bench_scan.py [--limit N] [--only STEM ...] [--detail]
                                              [--engines]

`--detail` prints, per SOP, each step read differently from the key (number, then (lane,
kind, Ya, Tidak) read and in the key) and the lane names read and in the key when they differ.
`--only` scans only the named SOPs, degraded as in the full run.

`--engines` also compares the recogniser with tesseract (`tesseract` with the `ind` data, when
installed) on the same pages: the share of the kegiatan words found in each engine's text.
"""

from __future__ import annotations

import argparse
import io
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "scans"))

from make_scans import degrade, jpeg, render  # noqa: E402

from sop_desktop.domain.model import SopDefinition, Step  # noqa: E402
from sop_desktop.flowchart.pdf import sop_pdf_bytes  # noqa: E402
from sop_desktop.importers.library import bundled_sop_dir, load  # noqa: E402
from sop_desktop.importers.result import ImportResult  # noqa: E402
from tests.core.import_support import char_accuracy  # noqa: E402


def _table_pages(data: bytes) -> list[int]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return [i for i in range(len(pdf))
                if "KEGIATAN" in pdf[i].get_textpage().get_text_range().upper()]
    finally:
        pdf.close()


def _scan_file(stem: str, k: int, folder: Path) -> tuple[Path, int]:
    from PIL import Image

    defn = load(bundled_sop_dir() / f"{stem}.toml")
    data = sop_pdf_bytes(defn, "A4", True)
    dpi = 150 if k % 2 == 0 else 200
    pages = [degrade(render(data, i, dpi), angle=(k % 7 - 3) * 0.9, stamp=k % 2 == 0,
                     signature=k % 2 == 0, seed=k) for i in _table_pages(data)]
    images = [Image.open(io.BytesIO(jpeg(p, dpi))) for p in pages]
    path = folder / f"{stem}.pdf"
    images[0].save(path, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])
    return path, len(pages)


def _step_key(step: Step | None) -> tuple | None:
    """What the benchmark compares of a step: (lane, kind, Ya, Tidak)."""
    return None if step is None else (step.lane, step.kind, step.yes, step.no)


def _detail(want: SopDefinition, got: SopDefinition | None) -> list[str]:
    """Lines naming each step read differently from the key, and the lane names when they
    differ: '  langkah 3: (read) bukan (key)'."""
    if got is None:
        return ["  tidak ada SOP terbaca"]
    lines = []
    read = {s.number: s for s in got.steps}
    for a in want.steps:
        b = read.get(a.number)
        if _step_key(a) != _step_key(b):
            lines.append(f"  langkah {a.number}: {_step_key(b)} bukan {_step_key(a)}")
    extra = sorted(set(read) - {s.number for s in want.steps})
    if extra:
        lines.append(f"  langkah lebih: {extra}")
    names, key = [x.name for x in got.lanes], [x.name for x in want.lanes]
    if names != key:
        lines.append(f"  pelaksana: {names} bukan {key}")
    return lines


def _score(stem: str, result: ImportResult) -> dict:
    defn = load(bundled_sop_dir() / f"{stem}.toml")
    got = result.sops[0] if result.sops else None
    steps = got.steps if got else []
    read = {s.number: s for s in steps}
    same = [_step_key(a) == _step_key(read.get(a.number)) for a in defn.steps]
    paired = [read[a.number].kegiatan if a.number in read else "" for a in defn.steps]
    return {
        "count": len(steps) == len(defn.steps),
        "lanes": got is not None and [x.name for x in got.lanes] == [x.name for x in defn.lanes],
        "steps_right": sum(same), "steps": len(defn.steps),
        "chars": char_accuracy([s.kegiatan for s in defn.steps], paired),
        "detail": _detail(defn, got),
    }


def _engines(path: Path, stem: str) -> None:
    """Kegiatan words found by RapidOCR (this importer) and by tesseract -l ind."""
    import re

    import pypdfium2 as pdfium

    from sop_desktop.importers.scan import read_scan_pages

    words = {w for s in load(bundled_sop_dir() / f"{stem}.toml").steps
             for w in re.findall(r"\w+", s.kegiatan.lower())}
    pages, _ = read_scan_pages(path)
    ours = {w for p in pages for x in p.words for w in re.findall(r"\w+", x.text.lower())}
    line = f"  kata kegiatan terbaca: rapidocr {len(words & ours) / len(words):.1%}"
    if shutil.which("tesseract"):
        pdf = pdfium.PdfDocument(str(path))
        text = ""
        for i in range(len(pdf)):
            with tempfile.NamedTemporaryFile(suffix=".png") as tmp:
                pdf[i].render(scale=200 / 72).to_pil().save(tmp.name)
                t0 = time.perf_counter()
                text += subprocess.run(["tesseract", tmp.name, "-", "-l", "ind"],
                                       capture_output=True, text=True, check=False).stdout
                line += f"; tesseract {time.perf_counter() - t0:.1f} s/halaman"
        theirs = set(re.findall(r"\w+", text.lower()))
        line += f", tesseract {len(words & theirs) / len(words):.1%}"
    print(line)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="only the first N SOPs")
    ap.add_argument("--only", nargs="+", default=[], help="only these SOPs (file stems)")
    ap.add_argument("--detail", action="store_true",
                    help="print the steps and lane names read differently from the key")
    ap.add_argument("--engines", action="store_true", help="compare with tesseract")
    args = ap.parse_args()
    from sop_desktop.errors import ImportFailed
    from sop_desktop.importers import read_sop_file

    stems = sorted(p.stem for p in bundled_sop_dir().glob("*.toml"))
    stems = stems[:args.limit] if args.limit else stems
    # each SOP keeps its place in the full list: its degradation (angle, stamp) stays the same
    chosen = [(k, stem) for k, stem in enumerate(stems) if not args.only or stem in args.only]
    totals = {"count": 0, "lanes": 0, "steps_right": 0, "steps": 0, "chars": 0.0, "pages": 0}
    seconds = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for k, stem in chosen:
            path, n = _scan_file(stem, k, Path(tmp))
            t0 = time.perf_counter()
            try:
                score = _score(stem, read_sop_file(path))
            except ImportFailed as exc:
                score = {"count": False, "lanes": False, "steps_right": 0, "chars": 0.0,
                         "steps": len(load(bundled_sop_dir() / f"{stem}.toml").steps),
                         "detail": []}
                print(f"  {stem}: {exc}")
            took = time.perf_counter() - t0
            seconds += took
            totals["pages"] += n
            for key in ("count", "lanes", "steps_right", "steps", "chars"):
                totals[key] += score[key]
            print(f"{stem:22s} {n} hlm {took / n:5.1f} s/hlm  langkah {score['steps_right']}/"
                  f"{score['steps']}  pelaksana {'ya' if score['lanes'] else 'TIDAK'}  "
                  f"karakter {score['chars']:.1%}")
            if args.detail:
                for line in score["detail"]:
                    print(line)
            if args.engines:
                _engines(path, stem)
    n = len(chosen)
    print(f"\n{n} SOP, {totals['pages']} halaman: jumlah langkah benar {totals['count']}/{n}, "
          f"nama pelaksana benar {totals['lanes']}/{n}, langkah benar (pelaksana, jenis, "
          f"cabang) {totals['steps_right']}/{totals['steps']}, karakter kegiatan "
          f"{totals['chars'] / max(1, n):.1%}, {seconds / max(1, totals['pages']):.1f} s per "
          f"halaman, memori puncak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
