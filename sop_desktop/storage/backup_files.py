"""The files a backup carries beside the database: the attachment store and the PDFs of issued
letters (both live in the store, named by SHA-256), packed into the backup file itself.

A backup stays one SQLite file: after the snapshot, every file the snapshot refers to is
written into two extra tables of the COPY (`sopbackup_file`, `sopbackup_chunk`, 4 MB chunks),
so it survives being copied to a USB disk or another PC. A restore writes the files back into
the store (each checked against its hash) and drops the tables from the restored database.
Backups made before this (database only) have no such tables and restore as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO

from sop_desktop.storage.backup_verify import BackupError
from sop_desktop.storage.hashing import file_sha256

FILES = "sopbackup_file"
CHUNKS = "sopbackup_chunk"
CHUNK = 4 * 1024 * 1024
_HEX = "0123456789abcdef"


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
                        (name,)).fetchone() is not None


def _is_sha(text: object) -> bool:
    return isinstance(text, str) and len(text) == 64 and all(c in _HEX for c in text)


def referenced_files(conn: sqlite3.Connection) -> dict[str, str]:
    """SHA-256 -> file name of every file the database refers to: attachment rows, the
    attachments of history events and the PDFs of issued letters."""
    found: dict[str, str] = {}
    if _has_table(conn, "attachment"):
        for sha, name in conn.execute('SELECT "sha256", "name" FROM "attachment"'):
            if _is_sha(str(sha).lower()):
                found.setdefault(str(sha).lower(), name or "")
    if _has_table(conn, "history"):
        for (items,) in conn.execute(
                'SELECT "attachments" FROM "history" WHERE "attachments" NOT IN (\'[]\', \'\')'):
            try:
                parsed = json.loads(items) if items else []
            except ValueError:
                continue
            for item in parsed if isinstance(parsed, list) else []:
                if isinstance(item, dict) and _is_sha(str(item.get("sha256", "")).lower()):
                    found.setdefault(str(item["sha256"]).lower(), str(item.get("name") or ""))
    if _has_table(conn, "outgoing_letter"):
        for (sha,) in conn.execute('SELECT "file_sha256" FROM "outgoing_letter"'):
            if _is_sha(str(sha or "").lower()):
                found.setdefault(str(sha).lower(), "surat.pdf")
    return found


def _store_path(store_dir: Path, sha: str) -> Path:
    return Path(store_dir) / sha[:2] / sha


def pack(conn: sqlite3.Connection, store_dir: Path) -> list[str]:
    """Write every referenced file found in the store into the backup copy `conn` (checked
    against its hash while read). Returns the names of the files that could not be packed
    (missing or altered in the store); they are listed in the backup as not present."""
    wanted = referenced_files(conn)
    missing: list[str] = []
    with conn:
        conn.execute(f'CREATE TABLE IF NOT EXISTS "{FILES}" ("sha256" TEXT PRIMARY KEY, '
                     '"name" TEXT NOT NULL, "size" INTEGER NOT NULL, "present" INTEGER NOT NULL)')
        conn.execute(f'CREATE TABLE IF NOT EXISTS "{CHUNKS}" ("sha256" TEXT NOT NULL, '
                     '"seq" INTEGER NOT NULL, "data" BLOB NOT NULL, PRIMARY KEY ("sha256", "seq"))')
    for sha, name in sorted(wanted.items()):
        path = _store_path(store_dir, sha)
        with conn:  # one transaction per file: a large store never sits in memory at once
            size = _pack_one(conn, sha, path)
            if size is None:
                conn.execute(f'DELETE FROM "{CHUNKS}" WHERE "sha256"=?', (sha,))
                missing.append(name or sha)
            conn.execute(f'INSERT OR REPLACE INTO "{FILES}" VALUES (?, ?, ?, ?)',
                         (sha, name, size or 0, 1 if size is not None else 0))
    return missing


def _pack_one(conn: sqlite3.Connection, sha: str, path: Path) -> int | None:
    digest, size, seq = hashlib.sha256(), 0, 0
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(CHUNK), b""):
                digest.update(block)
                conn.execute(f'INSERT OR REPLACE INTO "{CHUNKS}" VALUES (?, ?, ?)', (sha, seq, block))
                size, seq = size + len(block), seq + 1
    except FileNotFoundError:
        return None
    return size if digest.hexdigest() == sha else None


def carries_files(conn: sqlite3.Connection) -> bool:
    """True for a backup made with its files (even when there were none to pack)."""
    return _has_table(conn, FILES)


def files_size(conn: sqlite3.Connection) -> int:
    """Bytes of the files packed into a backup (0 for a database-only backup)."""
    if not carries_files(conn):
        return 0
    return int(conn.execute(f'SELECT COALESCE(SUM("size"), 0) FROM "{FILES}" WHERE "present"=1')
               .fetchone()[0])


def unpack(conn: sqlite3.Connection, store_dir: Path) -> list[Path]:
    """Write the backup's files into the store (each checked against its hash; files already
    there intact are kept). Returns the files written, so a failed restore can remove them."""
    if not carries_files(conn):
        return []
    written: list[Path] = []
    try:
        for sha, name in conn.execute(f'SELECT "sha256", "name" FROM "{FILES}" WHERE "present"=1').fetchall():
            final = _store_path(store_dir, sha)
            if final.is_file() and file_sha256(final) == sha:
                continue
            _unpack_one(conn, sha, name, final)
            written.append(final)
    except BaseException:
        remove(written)
        raise
    return written


def _unpack_one(conn: sqlite3.Connection, sha: str, name: str, final: Path) -> None:
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".pulih-")
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out:
            for (block,) in conn.execute(
                    f'SELECT "data" FROM "{CHUNKS}" WHERE "sha256"=? ORDER BY "seq"', (sha,)):
                digest.update(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != sha:
            raise BackupError(f"Lampiran '{name}' di dalam cadangan rusak (isinya tidak cocok "
                              "dengan kodenya); pemulihan dibatalkan.")
        os.replace(tmp, final)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def remove(paths: Iterable[str | Path]) -> None:
    for path in paths:
        try:
            Path(path).unlink()
        except OSError:
            pass


def drop(conn: sqlite3.Connection) -> bool:
    """Drop the packed files from a restored database; True when there was something to drop
    (the caller then VACUUMs to give the space back)."""
    if not carries_files(conn):
        return False
    with conn:
        conn.execute(f'DROP TABLE IF EXISTS "{CHUNKS}"')
        conn.execute(f'DROP TABLE IF EXISTS "{FILES}"')
    return True


def set_aside_unreferenced(store_dir: Path, keep: set[str], stamp: str) -> Path | None:
    """Move store files the restored database does not refer to out of the store, into
    '<store>.sebelum-pemulihan-STAMP' beside it (nothing is deleted; a restore over a working
    database also has them in its pre-restore backup). Returns that folder, or None."""
    store_dir = Path(store_dir)
    if not store_dir.is_dir():
        return None
    aside = store_dir.with_name(f"{store_dir.name}.sebelum-pemulihan-{stamp}")
    moved = False
    for path in sorted(store_dir.glob("??/*")):
        if path.is_file() and _is_sha(path.name) and path.name not in keep:
            target = aside / path.parent.name / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
            moved = True
    return aside if moved else None


# -- the same files in a PostgreSQL dump (JSON lines) ----------------------------------------

def note_dumped_row(found: dict[str, str], table: str, columns: list[str], row: Sequence[Any]) -> None:
    """Add to `found` (SHA-256 -> name) the files one dumped row refers to (raw values)."""
    values = dict(zip(columns, row, strict=False))
    if table == "attachment" and _is_sha(str(values.get("sha256") or "").lower()):
        found.setdefault(str(values["sha256"]).lower(), str(values.get("name") or ""))
    elif table == "outgoing_letter" and _is_sha(str(values.get("file_sha256") or "").lower()):
        found.setdefault(str(values["file_sha256"]).lower(), "surat.pdf")
    elif table == "history" and values.get("attachments") not in (None, "", "[]"):
        try:
            items = json.loads(values["attachments"])
        except (TypeError, ValueError):
            return
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and _is_sha(str(item.get("sha256", "")).lower()):
                found.setdefault(str(item["sha256"]).lower(), str(item.get("name") or ""))


def write_dump_files(fh: IO[str], wanted: dict[str, str], store_dir: Path) -> list[str]:
    """Append the files section to a dump: per file a header line {"file", "name", "size",
    "present"} and its content as base64 JSON string lines. Returns the names not packed."""
    import base64

    missing: list[str] = []
    for sha, name in sorted(wanted.items()):
        path = _store_path(store_dir, sha)
        present = path.is_file() and file_sha256(path) == sha
        size = path.stat().st_size if present else 0
        fh.write(json.dumps({"file": sha, "name": name, "size": size, "present": present}) + "\n")
        if not present:
            missing.append(name or sha)
            continue
        with open(path, "rb") as src:
            for block in iter(lambda: src.read(CHUNK // 4 * 3), b""):
                fh.write(json.dumps(base64.b64encode(block).decode("ascii")) + "\n")
    return missing


def read_dump_files(dump: Path, store_dir: Path) -> list[Path]:
    """Write the files section of a dump into the store (each checked against its hash;
    files already there intact are kept). Returns the files written."""
    written: list[Path] = []
    current: _Dumped | None = None
    try:
        with open(dump, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith('{"file"'):
                    if current:
                        written += _close_dumped(current)
                    current = _open_dumped(json.loads(line), store_dir)
                elif current and current.out is not None and line.startswith('"'):
                    import base64

                    block = base64.b64decode(json.loads(line))
                    current.digest.update(block)
                    current.out.write(block)
            if current:
                written += _close_dumped(current)
    except BaseException:
        if current and current.out is not None:
            current.out.close()
            Path(current.tmp).unlink(missing_ok=True)
        remove(written)
        raise
    return written


@dataclass
class _Dumped:
    """One file of a dump's files section; `out` is None when there is nothing to write."""

    sha: str
    name: str
    final: Path
    tmp: str = ""
    out: BinaryIO | None = None
    digest: hashlib._Hash = field(default_factory=hashlib.sha256)


def _open_dumped(info: dict[str, Any], store_dir: Path) -> _Dumped | None:
    """None when the file is not stored under a SHA-256 name; nothing is written when it was
    not present in the dump or is already in the store intact."""
    sha, name = str(info.get("file", "")), str(info.get("name") or "")
    if not _is_sha(sha):
        return None
    final = _store_path(store_dir, sha)
    if not info.get("present") or (final.is_file() and file_sha256(final) == sha):
        return _Dumped(sha, name, final)  # nothing to write
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".pulih-")
    return _Dumped(sha, name, final, tmp, os.fdopen(fd, "wb"), hashlib.sha256())


def _close_dumped(current: _Dumped) -> list[Path]:
    if current.out is None:
        return []
    out = current.out
    out.flush()
    os.fsync(out.fileno())
    out.close()
    if current.digest.hexdigest() != current.sha:
        os.unlink(current.tmp)
        raise BackupError(f"Lampiran '{current.name}' di dalam cadangan rusak (isinya tidak cocok "
                          "dengan kodenya); pemulihan dibatalkan.")
    os.replace(current.tmp, current.final)
    return [current.final]
