"""The start-up check of a SQLite database file, before anything (migrations, the first write)
touches it: header, `quick_check`, schema version, and whether a file that held cases is now
empty (sop_desktop.storage.known_state). A full disk is told apart from damage (sop_desktop.storage.diskspace).
On any problem the one-line message names the newest backup that passes integrity_check."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sop_desktop.domain.dates import tanggal_jam
from sop_desktop.domain.record import Record
from sop_desktop.storage import diskspace, known_state
from sop_desktop.storage.backup_names import BackupFile, known_backup_folders
from sop_desktop.storage.backup_verify import SQLITE_MAGIC, _connect_ro, _schema_version, newest_good_backup
from sop_desktop.storage.schema import SCHEMA_VERSION


class CheckResult(Record):
    """What the start-up check found; `message` is one Indonesian line for the user."""

    __slots__ = ("ok", "kind", "message", "path", "backup", "details")
    ok: bool
    # ok, new, empty, emptied, not_sqlite, corrupt, newer_schema, not_sop, unreadable, disk_full
    kind: str
    message: str
    path: Path
    backup: BackupFile | None
    details: list[str]

    def __init__(self, ok: bool, kind: str, message: str, path: Path,
                 backup: BackupFile | None = None, details: list[str] | None = None) -> None:
        self.ok, self.kind, self.message, self.path = ok, kind, message, path
        self.backup, self.details = backup, details if details is not None else []

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "kind": self.kind, "message": self.message, "path": str(self.path),
                "backup": str(self.backup.path) if self.backup else None, "details": self.details}


def _offer(path: Path, problem: str, backup: BackupFile | None, folders: Iterable[Path]) -> str:
    if backup is None:
        where = ", ".join(str(f) for f in folders)
        return (f"{problem} Tidak ada cadangan utuh yang ditemukan (dicari di: {where}). "
                "Jangan hapus berkas ini; hubungi administrator.")
    return (f"{problem} Cadangan utuh terbaru: {backup.path} ({tanggal_jam(backup.when)}). "
            f"Pulihkan dengan: sop-desktop --db \"{path}\" restore \"{backup.path}\" "
            "(berkas yang rusak disimpan terpisah tanpa diubah).")


def startup_check(path: str | Path, backup_folders: Iterable[Path] | None = None, *,
                  light: bool = False) -> CheckResult:
    """PRAGMA quick_check on the database file BEFORE migrations touch it. On any problem the
    message names the newest backup that passes integrity_check; nothing is changed.

    `light` (every Services() start, so every CLI command): the header, the schema table and
    the schema version are still checked, but the quick_check, which reads the whole file
    (seconds on a large database), only runs when a migration is about to rewrite tables."""
    path = Path(path)
    wal = Path(str(path) + "-wal")

    def fail(kind: str, problem: str, details: Iterable[str] = ()) -> CheckResult:
        folders = list(backup_folders) if backup_folders else known_backup_folders(path)
        backup = newest_good_backup(folders)
        return CheckResult(False, kind, _offer(path, problem, backup, folders), path, backup,
                           list(details))

    if not path.exists():
        return CheckResult(True, "new", "Basis data baru akan dibuat.", path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        if (full := diskspace.as_disk_full(exc, path.parent)) is not None:
            return CheckResult(False, "disk_full", str(full), path)
        return fail("unreadable", f"Berkas basis data {path} tidak dapat dibaca ({exc.strerror or exc}).")
    if size == 0 and (emptied := known_state.emptied_problem(path, {"cases": 0})):
        return fail("emptied", emptied)  # before SQLite opens it: a leftover -wal stays as is
    if size == 0 and not (wal.exists() and wal.stat().st_size > 0):
        return fail("empty", f"Berkas basis data {path} kosong (0 bita): isinya hilang.")
    if size and not head.startswith(SQLITE_MAGIC):
        if not head.strip(b"\x00"):
            return fail("corrupt", f"Basis data {path} rusak: awal berkas berisi nol.")
        return fail("not_sqlite", f"Berkas {path} bukan basis data SOP Desktop (bukan berkas SQLite).")
    try:
        conn = _connect_ro(path)
        try:
            version = _schema_version(conn) if light else None
            if light and version == SCHEMA_VERSION:
                result = ["ok"]  # nothing will be rewritten: the full check is the window's
            else:
                result = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
                version = _schema_version(conn) if result == ["ok"] else None
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
            now = known_state.counts(conn) if result == ["ok"] else {}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        # SQLite cannot even make its -shm file on a full disk: "disk I/O error", not damage
        if (full := diskspace.as_disk_full(exc, path.parent)) is not None:
            return CheckResult(False, "disk_full", str(full), path)
        return fail("corrupt", f"Basis data {path} rusak ({exc}).")
    if result != ["ok"]:
        return fail("corrupt", f"Basis data {path} rusak (pemeriksaan integritas: {result[0]}).",
                    result[:20])
    if version is None and tables:
        return fail("not_sop", f"Berkas {path} bukan basis data SOP Desktop.")
    if version is not None and version > SCHEMA_VERSION:
        return fail("newer_schema",
                    f"Basis data {path} dibuat oleh versi SOP Desktop yang lebih baru (skema "
                    f"{version}, aplikasi ini mengenal sampai {SCHEMA_VERSION}). "
                    "Perbarui aplikasi, atau pakai cadangan yang cocok.")
    emptied = known_state.emptied_problem(path, now)
    if emptied is not None:
        return fail("emptied", emptied)
    return CheckResult(True, "ok", "Basis data utuh.", path)
