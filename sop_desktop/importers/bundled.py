"""The bundled SOP library's files and the code each declares, read without parsing them.

Its own light module (no SOP model, no TOML): every start checks which bundled SOPs are stored
(`services.sops.SopService.seed_bundled`), and the definitions' modules load only where a
definition is built (start-up, issue 19). `importers.library` gives the same names.
"""

from __future__ import annotations

import re
from pathlib import Path

from sop_desktop.paths import resources_dir

_CODE_LINE = re.compile(r'^code\s*=\s*"([^"\\\n]+)"\s*(?:#.*)?$', re.MULTILINE)
_FIRST_TABLE = re.compile(r"^\s*\[", re.MULTILINE)


def bundled_sop_dir() -> Path:
    """The folder of the bundled SOP files (resources/sops)."""
    return resources_dir() / "sops"


def bundled_files(directory: Path | None = None) -> list[tuple[Path, str | None]]:
    """The bundled SOP files with the code each declares on its top-level `code = "..."` line,
    read without parsing the file (every start checks which are stored: issue 19); None where
    there is no such line, so the caller loads that file to learn its code."""
    out: list[tuple[Path, str | None]] = []
    for path in sorted(Path(directory or bundled_sop_dir()).glob("*.toml")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            out.append((path, None))  # load() says what is wrong with it
            continue
        top = _FIRST_TABLE.split(text, maxsplit=1)[0]  # before any table
        found = _CODE_LINE.findall(top)
        out.append((path, found[0].strip() if len(found) == 1 else None))
    return out
