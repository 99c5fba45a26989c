"""Build the .qm translation files from resources/i18n/*.ts (and optionally refresh the .ts).

    python -m ui.build_translations            # lrelease every .ts
    python -m ui.build_translations --update   # pyside6-lupdate the ui/*.py strings first
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from ui.i18n import LANGUAGES, ensure_qm, i18n_dir, ts_path


def update_sources() -> None:
    """Refresh the .ts files from the source strings in ui/ (keeps existing translations)."""
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in Path(__file__).resolve().parent.glob("*.py"))
    for lang, _name in LANGUAGES:
        if lang == "id":
            continue
        subprocess.run([str(tool), "-no-obsolete", *sources, "-ts", str(ts_path(lang))], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bangun berkas terjemahan .qm")
    parser.add_argument("--update", action="store_true", help="perbarui .ts dari kode sumber dulu")
    args = parser.parse_args(argv)
    if args.update:
        update_sources()
    status = 0
    for ts in sorted(i18n_dir().glob("*.ts")):
        lang = ts.stem.rsplit("_", 1)[-1]
        ts.with_suffix(".qm").unlink(missing_ok=True)
        qm = ensure_qm(lang)
        print(f"{ts.name}: {'OK ' + str(qm) if qm else 'GAGAL'}")
        status |= qm is None
    return status


if __name__ == "__main__":
    raise SystemExit(main())
