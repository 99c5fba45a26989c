"""Making backups: the SQLite snapshot through the online backup API (with the attachment
store packed inside and the history chain's head stamped into the copy), the PostgreSQL logical
dump (sop_desktop.storage.backup_dump), automatic backups and their retention.

Its own module below the restore (sop_desktop.storage.backup_restore) and the migrations, which
both take a backup first; sop_desktop.storage.backup re-exports everything here.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee as pw

from sop_desktop.paths import store_dir_for
from sop_desktop.storage import backup_files, diskspace, integrity, known_state
from sop_desktop.storage import db as dbm
from sop_desktop.storage.backup_dump import dump_logical
from sop_desktop.storage.backup_names import (
    BACKUP_SUFFIX,
    DUMP_SUFFIX,
    _remember_folder,
    _slug,
    backup_folder,
    backup_name,
    default_backup_folder,
    list_backups,
    made_today,
    prune_backups,
)
from sop_desktop.storage.backup_shrink import shrink_warning as _shrink_warning
from sop_desktop.storage.backup_verify import SQLITE_MAGIC, BackupError, _connect_ro, _schema_version

log = logging.getLogger(__name__)

# The latest history chain hash travels INSIDE each backup, so it survives any copy of the one
# file (to a USB disk, by e-mail): in a SQLite backup as rows of its `meta` table (written into
# the copy only, after the snapshot), in a PostgreSQL dump in the header line. A sidecar file
# would be lost the first time someone copies only the .sqlite3.
CHAIN_HASH_KEY = "backup.latest_chain_hash"
CHAIN_EVENT_KEY = "backup.latest_event_id"
MADE_AT_KEY = "backup.made_at"
_BACKUP_KEYS = (CHAIN_HASH_KEY, CHAIN_EVENT_KEY, MADE_AT_KEY)


def _chain_head(conn: sqlite3.Connection) -> tuple[int | None, str | None]:
    """(id of the newest history event, integrity.heads_digest of every case's chain head) over
    a sqlite3 connection; (None, None) when there is no event, no history table or no hash
    column."""
    columns = {r[1] for r in conn.execute('PRAGMA table_info("history")')}
    if "hash" not in columns:
        return None, None
    row = conn.execute('SELECT MAX("id") FROM "history"').fetchone()
    if not row or row[0] is None:
        return None, None
    return int(row[0]), integrity.heads_digest(conn.execute(integrity.HEADS_SQL).fetchall())


def _stamp_chain_head(conn: sqlite3.Connection) -> None:
    """Write the copy's latest chain hash, its event id and the backup time into its `meta`."""
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not has_meta:
        return
    event_id, digest = _chain_head(conn)
    made = dt.datetime.now().replace(microsecond=0).isoformat()
    with conn:
        conn.executemany('INSERT OR REPLACE INTO "meta" ("key", "value") VALUES (?, ?)',
                         [(CHAIN_HASH_KEY, digest or ""), (CHAIN_EVENT_KEY, str(event_id or "")),
                          (MADE_AT_KEY, made)])


def _forget_backup_stamp(conn: sqlite3.Connection) -> None:
    """A restored database is live again: drop the stamp its backup carried."""
    marks = ", ".join("?" * len(_BACKUP_KEYS))
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if has_meta:
        conn.execute(f'DELETE FROM "meta" WHERE "key" IN ({marks})', _BACKUP_KEYS)


def backup_info(path: str | Path) -> dict[str, Any]:
    """What a backup file says about itself: {"chain_hash", "event_id", "made_at",
    "schema_version"} (None where unknown). Reads a SQLite backup read-only, or a dump's
    header line."""
    path = Path(path)
    info: dict[str, Any] = {"chain_hash": None, "event_id": None, "made_at": None,
                            "schema_version": None}
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
        if head == SQLITE_MAGIC:
            conn = _connect_ro(path)
            try:
                info["schema_version"] = _schema_version(conn)
                if info["schema_version"] is None:
                    return info
                stamp = dict(conn.execute(
                    'SELECT "key", "value" FROM "meta" WHERE "key" IN (?, ?, ?)',
                    _BACKUP_KEYS).fetchall())
                if CHAIN_HASH_KEY in stamp:
                    info["chain_hash"] = stamp[CHAIN_HASH_KEY] or None
                    info["event_id"] = int(stamp[CHAIN_EVENT_KEY]) if stamp.get(CHAIN_EVENT_KEY) else None
                    info["made_at"] = stamp.get(MADE_AT_KEY) or None
                else:  # a backup made before the stamp existed: read its history directly
                    info["event_id"], info["chain_hash"] = _chain_head(conn)
            finally:
                conn.close()
        else:
            with open(path, encoding="utf-8") as fh:
                header = json.loads(fh.readline())
            if isinstance(header, dict) and header.get("format") == "sop-desktop-dump":
                info.update(chain_hash=header.get("latest_chain_hash"),
                            event_id=header.get("latest_event_id"),
                            made_at=header.get("made_at"),
                            schema_version=header.get("schema_version"))
    except (OSError, ValueError, sqlite3.Error):
        pass
    return info


def sqlite_backup(source: str | Path, dest: str | Path, store_dir: str | Path | None = None) -> Path:
    """Snapshot a live SQLite file into `dest` with the online backup API, pack the files of
    its attachment store (`store_dir`, by default the one beside `source`) into the copy
    (sop_desktop.storage.backup_files), then verify it."""
    source, dest = Path(source), Path(dest)
    store = Path(store_dir) if store_dir is not None else store_dir_for(str(source))
    if not source.is_file():
        raise BackupError(f"Basis data {source} tidak ditemukan; tidak ada yang dicadangkan.")
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    part.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(str(source), timeout=30)
        try:
            dst = sqlite3.connect(str(part))
            try:
                # pages=-1: the whole database in one step, under one read snapshot, so a
                # concurrent writer neither blocks it nor restarts it
                src.backup(dst, pages=-1)
                # a backup is a standalone file: no -wal/-shm beside it when it is opened
                dst.execute("PRAGMA journal_mode=DELETE")
                _stamp_chain_head(dst)
                if _schema_version(dst) is not None:
                    backup_files.pack(dst, store)
                result = dst.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if result != "ok":
            raise BackupError(f"Cadangan gagal diperiksa ({result}); basis data mungkin rusak.")
        os.replace(part, dest)
    except (sqlite3.Error, OSError) as exc:
        part.unlink(missing_ok=True)
        needed = source.stat().st_size + diskspace.WORK_ROOM
        if (full := diskspace.as_disk_full(exc, dest.parent, needed)) is not None:
            raise BackupError(f"Cadangan tidak dapat dibuat. {full}") from None
        if isinstance(exc, sqlite3.Error):
            raise BackupError(f"Cadangan tidak dapat dibuat di {dest.parent}: {exc}") from None
        raise BackupError(f"Cadangan tidak dapat ditulis ke {dest.parent}: {exc.strerror or exc}") from None
    return dest


@dataclass
class _BareDatabase:
    """A peewee Database standing in for Services (migrations back up before Services exist)."""

    db: pw.Database


def _as_services(target: dbm.HasDatabase | pw.Database | pw.DatabaseProxy) -> dbm.HasDatabase:
    """Accept Services or a bare peewee Database (migrations back up before Services exist)."""
    if isinstance(target, pw.DatabaseProxy):
        return _BareDatabase(target.obj)
    if isinstance(target, pw.Database):
        return _BareDatabase(target)
    return target


def _sqlite_path(services: dbm.HasDatabase) -> Path | None:
    if not dbm.is_sqlite(services.db):
        return None
    name = services.db.database
    return None if name == ":memory:" else Path(name)


def _store_root(services: dbm.HasDatabase) -> Path | None:
    """The services' attachment store folder; None: the one beside the database file."""
    store = getattr(getattr(services, "attachments", None), "store", None)
    return Path(store.root) if store is not None else None


def _file_counts(path: Path) -> dict[str, Any]:
    """known_state.counts() of a SQLite file, read-only ({} when unreadable)."""
    try:
        conn = _connect_ro(path)
        try:
            return known_state.counts(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


def _free_name(folder: Path, when: dt.datetime, reason: str, suffix: str) -> Path:
    serial = 0
    while True:
        path = folder / backup_name(when, reason, suffix, serial)
        if not path.exists() and not Path(str(path) + ".part").exists():
            return path
        serial += 1


def create_backup(services: dbm.HasDatabase | pw.Database | pw.DatabaseProxy,
                  dest: str | Path | None = None, reason: str = "manual") -> Path:
    """Back up the services' database (or a peewee Database) to `dest` (or a new file in the
    backup folder)."""
    owner = _as_services(services)
    when = dt.datetime.now().replace(microsecond=0)
    sqlite_path = _sqlite_path(owner)
    suffix = BACKUP_SUFFIX if dbm.is_sqlite(owner.db) else DUMP_SUFFIX
    if dest is None:
        folder = backup_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BackupError(f"Folder cadangan {folder} tidak dapat dipakai "
                              f"({exc.strerror or exc}); periksa disk USB atau pengaturan.") from None
        dest = _free_name(folder, when, reason, suffix)
        if folder != default_backup_folder():
            _remember_folder(folder)
    if sqlite_path is not None:
        if Path(dest).resolve() == sqlite_path.resolve():
            raise BackupError("Berkas cadangan tidak boleh sama dengan berkas basis data itu sendiri.")
        made = sqlite_backup(sqlite_path, dest, _store_root(owner))
        known_state.remember(sqlite_path, _file_counts(made))
    else:
        if owner.db.database == ":memory:":
            raise BackupError("Basis data di memori tidak dapat dicadangkan.")
        made = dump_logical(owner, dest)
    # deferred on purpose: the anchor log is written when a backup is made, not at start (issue 19)
    from sop_desktop.storage.anchors import write_anchor

    write_anchor("cadangan", owner.db)  # each backup: the chain's head into the anchor log
    return made


def auto_backup(services: dbm.HasDatabase | pw.Database | pw.DatabaseProxy, reason: str) -> Path | None:
    """An automatic backup ("on close", "daily", "pre-migration", "pre-import", "pre-restore")
    into the backup folder, then retention. "daily" is skipped when today has a backup.
    Returns the new file, or None when nothing was needed. Takes Services or a peewee Database."""
    owner = _as_services(services)
    slug = _slug(reason)
    if _sqlite_path(owner) is None and dbm.is_sqlite(owner.db):
        return None  # in-memory database
    folder = backup_folder()
    if slug == "daily" and made_today(folder):
        return None
    path = create_backup(owner, reason=slug)
    warning = shrink_warning(path)
    if warning:
        log.warning("%s", warning)
    prune_backups(folder)
    return path


def shrink_warning(path: Path) -> str | None:
    """A warning when the new backup `path` holds far fewer cases than the newest older
    backup in its folder (sop_desktop.storage.backup_shrink); None when all is well."""
    return _shrink_warning(path, list_backups(Path(path).parent))
