"""A backup never silently replaces good ones with an empty or far smaller database.

Retention keeps every older backup that holds far more cases than the newest one, and the
new backup's maker is told (`shrink_warning`), so an emptied database (a 0-byte file, a lost
-wal) can never push the last good backups out of the folder.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sop_desktop.storage.known_state import counts

if TYPE_CHECKING:  # backup_names imports this module
    from sop_desktop.storage.backup_names import BackupFile

SQLITE_MAGIC = b"SQLite format 3\x00"


def cases_in(path: str | Path) -> int | None:
    """The number of cases in a SQLite backup file (read-only); None when unreadable or not a
    SQLite file (a PostgreSQL dump)."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                return None
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=10)
        try:
            return counts(conn)["cases"]
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return None


def far_smaller(new: int | None, old: int | None) -> bool:
    """True when `new` cases is empty or under half of `old` (both known, old non-empty)."""
    if new is None or not old:
        return False
    return new == 0 or new * 2 < old


def protected(backups: Sequence[BackupFile]) -> set[Path]:
    """Backups (BackupFile, newest first) retention must keep: those holding far more cases
    than the newest backup."""
    if not backups:
        return set()
    newest = cases_in(backups[0].path)
    if newest is None:
        return set()
    return {b.path for b in backups[1:] if far_smaller(newest, cases_in(b.path))}


def shrink_warning(new_path: Path, backups: Sequence[BackupFile]) -> str | None:
    """One Indonesian sentence when the new backup holds far fewer cases than the fullest
    older backup kept beside it (`backups`: BackupFile, may include the new one); else None."""
    new = cases_in(new_path)
    older = [(cases_in(b.path) or 0, b.path) for b in backups
             if Path(b.path).resolve() != Path(new_path).resolve()]
    if new is None or not older:
        return None
    old, fullest = max(older, key=lambda item: item[0])
    if not far_smaller(new, old):
        return None
    return (f"Peringatan: cadangan baru {Path(new_path).name} berisi {new} kasus, jauh lebih "
            f"sedikit daripada cadangan {fullest.name} ({old} kasus). Cadangan lama yang lebih "
            "lengkap tidak dihapus; periksa basis data sebelum memakainya.")
