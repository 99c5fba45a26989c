"""Scans of unseen SOPs (issue 18): the six generator-style PDFs of offices not in the seeds
(tests/fixtures/documents/unseen/*.pdf, each with a hand key *.json), every page rendered at
150 and 200 dpi, degraded as a scan by tests/fixtures/scans/make_scans.py's own functions
(rotation up to 3 degrees, blur, noise, uneven light, JPEG; a stamp and a signature over the
table or a slight phone-photo perspective on alternate pages; fixed seeds), joined into one
image-only PDF per document and dpi, imported by `read_sop_file` and scored against the key
with tests/core/import_support.py's `key_misses`: step count, lane names, per-step lanes
(lane and co-lanes), kinds and decision targets (Ya/Tidak).

    .venv/bin/python benchmarks/bench_scan_unseen.py [--dpi 150] [--docs bpbd,dinsos]
                                                     [--set documents] [--detail]

`--set documents` scores the Word/Excel-made PDFs instead (tests/fixtures/documents/*.pdf
whose key has "steps": LibreOffice prints of the .docx/.xlsx beside them), degraded the same
way, and also the share of the kegiatan characters read right (the kegiatan of the key's
`source` SOP, step by step, by tests/core/import_support.py's `char_accuracy`).
`--docs` takes parts of the file stems (`bpbd` for unseen_bpbd_logistik). `--detail` prints
each miss as key_misses words it. The totals line ends with seconds per page (import only)
and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "scans"))

from make_scans import degrade, jpeg, render  # noqa: E402

from tests.core.import_support import char_accuracy, key_misses  # noqa: E402

DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
UNSEEN = DOCUMENTS / "unseen"
FIELDS = ("lane", "co_lanes", "kind", "yes", "no")


def _how(k: int, page: int, dpi: int) -> dict:
    """The degradation of page `page` of document `k` at `dpi` (fixed per page)."""
    n = 7 * k + 3 * page + (1 if dpi == 200 else 0)
    return {"angle": ((n * 37) % 61 - 30) / 10.0,  # -3.0 .. 3.0 degrees
            "stamp": n % 2 == 0, "signature": n % 2 == 0,
            "perspective": 0.004 if n % 3 == 1 else 0.0, "seed": 100 + n}


def scan_file(pdf: Path, k: int, dpi: int, folder: Path) -> tuple[Path, int]:
    """The document as an image-only PDF of degraded JPEG pages -> (path, pages)."""
    import pypdfium2 as pdfium
    from PIL import Image

    data = pdf.read_bytes()
    doc = pdfium.PdfDocument(data)
    count = len(doc)
    doc.close()
    images = [Image.open(io.BytesIO(jpeg(degrade(render(data, i, dpi), **_how(k, i, dpi)),
                                         dpi))) for i in range(count)]
    path = folder / f"{pdf.stem}_{dpi}.pdf"
    images[0].save(path, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])
    return path, count


def score(result, key: dict) -> dict:
    """Right or not per measure; per-step measures over the key's steps (a step not read, or
    read under another number, counts as wrong in each)."""
    steps = key["steps"]
    out = {"count": False, "lanes": False, "lane": 0, "kind": 0, "targets": 0,
           "steps": len(steps), "decisions": sum(s["kind"] == "decision" for s in steps),
           "misses": [], "chars": _chars(result, key)}
    if len(result.sops) != 1:
        out["misses"] = key_misses(result, key)
        return out
    defn = result.sops[0]
    read = {s.number: s for s in defn.steps}
    out["count"] = len(defn.steps) == len(steps)
    out["lanes"] = defn.lane_names == key["lanes"]
    # the keys of the unseen PDFs give no kegiatan: the text read stands in (not scored here)
    common = [dict(s, kegiatan=" ".join(read[s["number"]].kegiatan.split()))
              for s in steps if s["number"] in read]
    # the steps read under the key's numbers, compared field by field by key_misses
    view = SimpleNamespace(name=defn.name, identity=defn.identity, lane_names=defn.lane_names,
                           steps=[read[s["number"]] for s in common])
    misses = key_misses(SimpleNamespace(sops=[view]), dict(key, steps=common))
    wrong: dict[int, set[str]] = {}
    for line in misses:
        field = _field(line)
        if field:
            wrong.setdefault(int(line.split()[1]), set()).add(field)
    for s in common:
        bad = wrong.get(s["number"], set())
        out["lane"] += not bad & {"lane", "co_lanes"}
        out["kind"] += "kind" not in bad
        if s["kind"] == "decision":
            out["targets"] += not bad & {"yes", "no"}
    lost = sorted({s.number for s in defn.steps} ^ {s["number"] for s in steps})
    out["misses"] = ([f"langkah tak sama nomornya: {lost}"] if lost else []) + [
        m for m in misses if _field(m) or m.startswith("pelaksana")]
    return out


def _chars(result, key: dict) -> float | None:
    """The share of the kegiatan characters of the key's `source` SOP read right, step by
    step by number (a step not read counts as nothing read); None when the key names no
    SOP file as its source (the unseen set's keys are made by hand)."""
    if not str(key.get("source", "")).endswith(".toml"):
        return None
    from sop_desktop.importers.library import load

    want = load(ROOT / key["source"]).steps
    read = {s.number: s.kegiatan for s in result.sops[0].steps} if len(result.sops) == 1 else {}
    return char_accuracy([s.kegiatan for s in want], [read.get(s.number, "") for s in want])


def _field(line: str) -> str:
    """The step field a key_misses line names ("langkah 4 yes: 3 != 5" -> "yes") when it is
    one this benchmark scores, else ""."""
    parts = line.split(" ", 3)
    field = parts[2].rstrip(":") if len(parts) > 2 and parts[0] == "langkah" else ""
    return field if field in FIELDS else ""


def _documents() -> list[Path]:
    """The Word/Excel-made PDFs whose key is of one SOP (has "steps")."""
    return [p for p in sorted(DOCUMENTS.glob("*.pdf"))
            if "steps" in json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))]


def _pick(names: str, docs: list[Path]) -> list[Path]:
    if not names:
        return docs
    parts = [n.strip() for n in names.split(",") if n.strip()]
    return [p for p in docs if any(n in p.stem for n in parts)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dpi", type=int, action="append", choices=(150, 200),
                    help="only this resolution (may be given twice)")
    ap.add_argument("--docs", default="", help="comma-separated parts of document names")
    ap.add_argument("--set", default="unseen", choices=("unseen", "documents"),
                    help="the generator-style unseen PDFs or the Word/Excel-made ones")
    ap.add_argument("--detail", action="store_true", help="print each miss")
    args = ap.parse_args()
    from sop_desktop.errors import ImportFailed
    from sop_desktop.importers import read_sop_file

    dpis = args.dpi or [150, 200]
    everything = _documents() if args.set == "documents" else sorted(UNSEEN.glob("*.pdf"))
    docs = _pick(args.docs, everything)
    sums = {"count": 0, "lanes": 0, "lane": 0, "kind": 0, "targets": 0, "steps": 0,
            "decisions": 0, "pages": 0, "runs": 0, "chars": 0.0}
    seconds = 0.0
    print(f"{'dokumen':28s} dpi hlm  s/hlm jumlah pelaksana  lajur/langkah  jenis  cabang"
          + ("  karakter" if args.set == "documents" else ""))
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in docs:
            key = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
            for dpi in dpis:
                path, n = scan_file(pdf, everything.index(pdf), dpi, Path(tmp))
                t0 = time.perf_counter()
                try:
                    got = score(read_sop_file(path), key)
                except ImportFailed as exc:
                    got = score(SimpleNamespace(sops=[]), key)
                    got["misses"] = [str(exc)]
                took = time.perf_counter() - t0
                seconds += took
                sums["pages"] += n
                sums["runs"] += 1
                for name in ("count", "lanes", "lane", "kind", "targets", "steps", "decisions"):
                    sums[name] += got[name]
                sums["chars"] += got["chars"] or 0.0
                _line(pdf.stem, dpi, n, took, got)
                if args.detail:
                    for line in got["misses"]:
                        print(f"    {line}")
    _totals(sums, seconds, args.set == "documents")


def _line(stem: str, dpi: int, n: int, took: float, got: dict) -> None:
    chars = "" if got["chars"] is None else f"  {got['chars']:8.1%}"
    print(f"{stem:28s} {dpi} {n:3d} {took / n:6.1f} "
          f"{'ya' if got['count'] else 'TIDAK':>6s} {'ya' if got['lanes'] else 'TIDAK':>9s}"
          f"  {got['lane']:5d}/{got['steps']:<3d}  {got['kind']:3d}/{got['steps']:<3d}"
          f" {got['targets']:2d}/{got['decisions']}{chars}", flush=True)


def _totals(sums: dict, seconds: float, chars: bool) -> None:
    runs, steps = max(1, sums["runs"]), max(1, sums["steps"])
    items = (sums["count"] + sums["lanes"] + sums["lane"] + sums["kind"] + sums["targets"])
    of = 2 * sums["runs"] + 2 * sums["steps"] + sums["decisions"]
    text = f", karakter kegiatan {sums['chars'] / runs:.1%}" if chars else ""
    print(f"\n{sums['runs']} pindaian, {sums['pages']} halaman: jumlah langkah benar "
          f"{sums['count']}/{runs}, nama pelaksana benar {sums['lanes']}/{runs}, pelaksana per "
          f"langkah {sums['lane']}/{steps}, jenis {sums['kind']}/{steps}, cabang Ya/Tidak "
          f"{sums['targets']}/{sums['decisions']}; semua {items}/{of} = {items / max(1, of):.1%}"
          f"{text}; {seconds / max(1, sums['pages']):.1f} s per halaman, memori puncak "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
