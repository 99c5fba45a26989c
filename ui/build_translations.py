"""Build the .qm translation files from resources/i18n/*.ts (and optionally refresh the .ts).

    python -m ui.build_translations            # lrelease every .ts
    python -m ui.build_translations --update   # pyside6-lupdate the ui/*.py strings first

After --update, new source strings are listed as untranslated (and the command fails) until
their English is written into resources/i18n/sop_desktop_en.ts (Qt Linguist, or by hand:
<translation>...</translation> without type="unfinished").
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from defusedxml import ElementTree as ET

from ui.i18n import LANGUAGES, build_qm, i18n_dir, ts_path


def lupdate_command() -> Path:
    """pyside6-lupdate beside the running Python (the venv's scripts folder)."""
    name = "pyside6-lupdate.exe" if sys.platform == "win32" else "pyside6-lupdate"
    return Path(sys.executable).parent / name


def source_files() -> list[str]:
    """Every ui/*.py file: the whole interface's strings."""
    return sorted(str(p) for p in Path(__file__).resolve().parent.rglob("*.py"))


def update_sources(ts_files: list[Path] | None = None) -> None:
    """Refresh the .ts files from the source strings in ui/ (keeps existing translations)."""
    if ts_files is None:
        ts_files = [ts_path(lang) for lang, _name in LANGUAGES if lang != "id"]
    for ts in ts_files:
        subprocess.run([str(lupdate_command()), "-no-obsolete", *source_files(), "-ts", str(ts)],
                       check=True, capture_output=True, timeout=300)


def untranslated(ts: Path) -> list[str]:
    """'Context: source' of every message in a .ts still without its translation."""
    missing = []
    root = ET.parse(ts).getroot()
    if root is None:  # an empty file: nothing is translated
        return []
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()).strip() if translation is not None else ""
            if translation is None or translation.get("type") == "unfinished" or not text:
                missing.append(f"{context.findtext('name')}: {message.findtext('source')}")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bangun berkas terjemahan .qm")
    parser.add_argument("--update", action="store_true", help="perbarui .ts dari kode sumber dulu")
    args = parser.parse_args(argv)
    status = 0
    if args.update:
        update_sources()
        for lang, _name in LANGUAGES:
            if lang != "id" and (missing := untranslated(ts_path(lang))):
                print(f"{ts_path(lang).name}: {len(missing)} belum diterjemahkan:")
                print("\n".join("  " + m for m in missing))
                status = 1
    for ts in sorted(i18n_dir().glob("*.ts")):
        lang = ts.stem.rsplit("_", 1)[-1]
        ts.with_suffix(".qm").unlink(missing_ok=True)
        qm = build_qm(lang)
        print(f"{ts.name}: {'OK ' + str(qm) if qm else 'GAGAL'}")
        status |= qm is None
    return status


if __name__ == "__main__":
    raise SystemExit(main())
