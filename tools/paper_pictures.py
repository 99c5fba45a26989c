"""Print bundled SOPs to PDF and PNG pictures (pdftoppm -r 70) to look at them: out/paper/.

Usage: .venv/bin/python tools/paper_pictures.py [CODE ...]
Without codes: a set that covers decisions and returns, co-actors, the incomplete fragment,
A4 and F4, landscape and portrait; with codes: each on A4 landscape and portrait.
Writes each SOP's PDF, its flowchart as SVG (export-image) and one PNG per PDF page.
Needs `pdftoppm` (poppler-utils) on PATH.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT = ROOT / "out" / "paper"
DEFAULT = (  # (code, paper, landscape)
    ("YANKOMAS-BENGKULU", "A4", True),
    ("YANKOMAS-BENGKULU", "F4", False),
    ("SKP", "A4", True),
    ("SIGAP-MAGANG", "F4", True),
    ("KABKOTA-PEDULI-HAM", "A4", True),
    ("IMIGRASI-WNA-PESAN", "A4", False),
)


def main(argv: list[str]) -> int:
    """Write PDFs, SVGs and page PNGs of the chosen SOPs into out/paper/."""
    from sop_desktop.flowchart.image import flowchart_svg_bytes
    from sop_desktop.flowchart.layout import layout_sop
    from sop_desktop.flowchart.pdf import layout_pdf_bytes
    from sop_desktop.importers.library import load_bundled

    sops = {d.code: d for d in load_bundled()}
    wanted = [(c.upper(), "A4", ls) for c in argv for ls in (True, False)] if argv else list(DEFAULT)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm tidak ada: apt-get install -y poppler-utils", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for code, paper, landscape in wanted:
        if code not in sops:
            print(f"SOP {code} tidak ada; ada: {', '.join(sorted(sops))}", file=sys.stderr)
            continue
        layout = layout_sop(sops[code], paper, landscape)
        stem = f"{code.lower()}-{paper.lower()}-{'ls' if landscape else 'pt'}"
        pdf = OUT / f"{stem}.pdf"
        pdf.write_bytes(layout_pdf_bytes(layout))
        (OUT / f"{stem}.svg").write_bytes(flowchart_svg_bytes(layout))
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(pdf), str(OUT / stem)], check=True)
        print(f"{stem}: {len(layout.pages)} halaman")
    print(f"gambar di {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
