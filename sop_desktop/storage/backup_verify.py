"""A backup file checked before it is trusted (readable SQLite, integrity_check, a schema this
app knows), and BackupError, which every backup step raises. Below sop_desktop.storage.backup,
so the start-up check and the packed files use it without importing the backup module."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from sop_desktop.errors import SopError
from sop_desktop.storage.backup_names import BACKUP_SUFFIX, BackupFile, list_backups
from sop_desktop.storage.schema import SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"


class BackupError(SopError):
    """A backup or restore cannot be made (message in Indonesian)."""


def _connect_ro(path: Path) -> sqlite3.Connection:
    uri = Path(path).resolve().as_uri() + "?mode=ro"  # percent-encoded, Windows drive-safe
    conn = sqlite3.connect(uri, uri=True, timeout=30)
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def _schema_version(conn: sqlite3.Connection) -> int | None:
    """The SOP Desktop schema version stored in `meta`; None when there is no such table."""
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not has_meta:
        return None
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    try:
        return int(row[0]) if row else None
    except (TypeError, ValueError):
        return None


def verify_backup_file(path: str | Path) -> int:
    """Check a backup before restoring it: readable SQLite, integrity_check ok, an SOP Desktop
    database with a schema this app knows. Returns its schema version; else BackupError."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Berkas cadangan {path} tidak ditemukan.")
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head != SQLITE_MAGIC:
        raise BackupError(f"Berkas {path} bukan cadangan basis data SOP Desktop (bukan berkas SQLite).")
    try:
        conn = _connect_ro(path)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            version = _schema_version(conn) if result == ["ok"] else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"Berkas cadangan {path} rusak ({exc}).") from None
    if result != ["ok"]:
        raise BackupError(f"Berkas cadangan {path} rusak (pemeriksaan integritas: {result[0]}).")
    if version is None or version < 1:
        raise BackupError(f"Berkas {path} bukan cadangan basis data SOP Desktop.")
    if version > SCHEMA_VERSION:
        raise BackupError(
            f"Cadangan {path} dibuat oleh versi SOP Desktop yang lebih baru (skema {version}, "
            f"aplikasi ini mengenal sampai {SCHEMA_VERSION}). Perbarui aplikasi.")
    return version


def newest_good_backup(folders: Iterable[Path]) -> BackupFile | None:
    """The newest backup (SQLite file) in the folders that passes verify_backup_file."""
    candidates: list[BackupFile] = []
    for folder in folders:
        candidates += [b for b in list_backups(folder) if b.path.suffix == BACKUP_SUFFIX]
    for b in sorted(candidates, key=lambda b: b.when, reverse=True):
        try:
            verify_backup_file(b.path)
        except BackupError:
            continue
        return b
    return None
