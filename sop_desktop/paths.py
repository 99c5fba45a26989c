"""Where things live: bundled resources, the per-user data folder, the default database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "SOPDesktop"


def resources_dir() -> Path:
    """The bundled resources folder (beside the package, or inside a PyInstaller bundle)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """Per-user data folder; SOP_DESKTOP_HOME overrides it (tests, portable installs)."""
    override = os.environ.get("SOP_DESKTOP_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_DIR_NAME, False))
    return path


def default_db_path() -> Path:
    return data_dir() / "sop-desktop.sqlite3"


def database_target(cli_value: str | None = None) -> str:
    """The database chosen by --db, then SOP_DESKTOP_DB, then the default SQLite file."""
    return cli_value or os.environ.get("SOP_DESKTOP_DB") or str(default_db_path())


def store_dir_for(target: str) -> Path:
    """Where attachments of the database `target` (path or URL) live."""
    if "://" in target and not target.startswith("sqlite:///"):
        return data_dir() / "lampiran"
    path = Path(target[len("sqlite:///"):] if target.startswith("sqlite:///") else target)
    if str(path) == ":memory:":
        return data_dir() / "lampiran"
    path = path.expanduser().resolve()
    return path.parent / f"{path.stem}-lampiran"
