"""What a start imports before its first screens: `python -X importtime` of a fresh process
up to the log-in dialog and up to the main window's first paint (inbox rows shown).

    .venv/bin/python benchmarks/startup_imports.py DB USERNAME [--runs 3]

Prints, for each stage, the median wall time, the summed import time, the number of modules,
which heavy modules were loaded, and the slowest top-level imports. A script, not a test
(tests/test_startup_imports.py asserts only which modules are absent).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("reportlab", "openpyxl", "pdfplumber", "sop_desktop.importers", "holidays", "PIL",
         "lxml", "sop_desktop.reports", "sop_desktop.letters", "docx", "pypdfium2")

LOGIN = """
import json, sys, time
START = time.perf_counter()
from PySide6.QtWidgets import QApplication
from ui.app import AppLauncher
from ui.settings import AppSettings
app = QApplication(sys.argv)
launcher = AppLauncher(sys.argv[1], AppSettings())
launcher.start()
dialog = launcher.controller.dialog
while not dialog.isVisible():
    app.processEvents()
app.processEvents()
seconds = time.perf_counter() - START
print(json.dumps({"seconds": seconds, "modules": sorted(sys.modules)}))
launcher.finish()
"""

WINDOW = """
import json, sys
sys.path.insert(0, sys.argv[3])
import ui_launch
result = ui_launch.real(sys.argv[1], sys.argv[2])
result["modules"] = sorted(sys.modules)
print(json.dumps(result))
"""


def _run(code: str, db: str, user: str) -> tuple[dict, list[tuple[str, int, int]]]:
    """One fresh process: its JSON result and its -X importtime rows (name, self, cumulative)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               SOP_DESKTOP_HOME=os.environ.get("SOP_DESKTOP_HOME", str(Path(db).parent / "home")))
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", code, db, user,
                          str(ROOT / "benchmarks")], capture_output=True, text=True, env=env,
                         timeout=300, cwd=str(ROOT))
    if out.returncode != 0:
        raise SystemExit(out.stderr[-2000:])
    rows = []
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        parts = line[len("import time:"):].split("|")
        own, cumulative, name = int(parts[0]), int(parts[1]), parts[2].rstrip()
        rows.append((name, own, cumulative))
    return json.loads(out.stdout.strip().splitlines()[-1]), rows


def stage(code: str, db: str, user: str, runs: int) -> dict:
    """Median figures of `runs` fresh processes of one stage."""
    results = [_run(code, db, user) for _ in range(runs)]
    seconds = statistics.median(r[0]["seconds"] for r in results)
    imports = statistics.median(sum(own for _, own, _ in r[1]) for r in results) / 1e6
    result, rows = results[-1]
    top = sorted(((n.strip(), c) for n, _, c in rows if not n.startswith("  ")),
                 key=lambda x: -x[1])[:8]
    return {"seconds": seconds, "imports": imports, "modules": len(result["modules"]),
            "heavy": [h for h in HEAVY if h in result["modules"]], "top": top,
            "rss_mb": result.get("rss_mb")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("user")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    for label, code in (("dialog masuk", LOGIN), ("jendela utama, lukisan pertama", WINDOW)):
        s = stage(code, args.db, args.user, args.runs)
        rss = f", {s['rss_mb']:.0f} MB" if s["rss_mb"] else ""
        print(f"{label}: {s['seconds'] * 1000:.0f} ms{rss}; impor {s['imports'] * 1000:.0f} ms, "
              f"{s['modules']} modul; berat: {', '.join(s['heavy']) or '-'}")
        for name, cumulative in s["top"]:
            print(f"    {cumulative / 1000:8.1f} ms  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
