"""Restoring a backup: over the live database (`restore`, a pre-restore backup first) or in
place of a damaged file (`recover_damaged`, the damaged file kept aside untouched), with the
attachment store the backup carries (sop_desktop.storage.backup_files).

Nothing starts without room on the disk for everything the restore writes, and a file that
passes integrity_check with cases in it is only moved aside when the person confirms.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path

from sop_desktop.paths import store_dir_for
from sop_desktop.storage import backup as bk
from sop_desktop.storage import backup_files, diskspace, known_state, migrations
from sop_desktop.storage import db as dbm

log = logging.getLogger(__name__)


def _copy_into(source: Path, target_conn: sqlite3.Connection) -> None:
    src = bk._connect_ro(source)
    try:
        src.backup(target_conn, pages=-1)
    finally:
        src.close()


def restore(services: dbm.ServicesLike, file: str | Path) -> Path | None:
    """Replace the database's contents (and its attachment store) with a verified backup; a
    backup of the current contents is taken first (returned). The live file is rewritten
    through the backup API; nothing starts without room on the disk for all of it."""
    file = Path(file)
    if not dbm.is_sqlite(services.db):
        return bk.restore_logical(services, file)
    bk.verify_backup_file(file)
    live_path = bk._sqlite_path(services)
    if live_path is None:
        raise bk.BackupError("Basis data di memori tidak dapat dipulihkan dari berkas.")
    store = _store_of(services, live_path)
    _ensure_room_for_restore(file, live_path, store)
    # no retention until the copy is done: the chosen file may itself be an old backup
    before = bk.create_backup(services, reason="pre-restore")
    live = services.db.connection()
    written: list[Path] = []
    try:
        written = _unpack_from(file, store)
        _copy_into(file, live)
    except (sqlite3.Error, OSError) as exc:
        backup_files.remove(written)
        raise _restore_failed(file, exc, live_path, f" (cadangan sebelum pemulihan: {before})") from None
    with services.db.atomic():
        bk._forget_backup_stamp(services.db.connection())
    _finish_restored(live, live_path, store)
    migrations.migrate(services.db)
    known_state.remember_file(live_path)
    bk.prune_backups(before.parent)
    return before


def _ensure_room_for_restore(file: Path, live_path: Path, store: Path) -> None:
    """DiskFull unless there is room for the pre-restore backup and the restored contents."""
    needs = _restore_room(file, live_path, store)
    folder = bk.backup_folder()
    needs[folder] = needs.get(folder, 0) + _size(live_path) + _size(store)
    diskspace.ensure_room(needs)


def room_problem(services: dbm.ServicesLike, file: str | Path) -> str | None:
    """Why a restore of `file` over the services' SQLite database would not fit on the disk
    ("Disk penuh: kosongkan N MB di ..."), or None (also for PostgreSQL and unreadable files,
    which the restore itself refuses with its own message)."""
    live_path = bk._sqlite_path(services)
    if live_path is None:
        return None
    try:
        _ensure_room_for_restore(Path(file), live_path, _store_of(services, live_path))
    except diskspace.DiskFull as exc:
        return str(exc)
    except (sqlite3.Error, OSError):
        return None
    return None


def _store_of(services: dbm.ServicesLike, db_path: Path) -> Path:
    store = getattr(getattr(services, "attachments", None), "store", None)
    if store is not None:
        return Path(store.root)
    return store_dir_for(str(db_path))


def _size(path: Path) -> int:
    """Bytes of a file, or of every file under a folder (0 when missing)."""
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else 0


def _restore_room(file: Path, db_path: Path, store: Path) -> dict[Path, int]:
    """What a restore writes where: the database (the backup's pages, then a VACUUM copy
    without the packed files) beside the live file, the packed files into the store."""
    conn = bk._connect_ro(file)
    try:
        files = backup_files.files_size(conn)
    finally:
        conn.close()
    database = max(_size(file) - files, 0)
    return {db_path.parent: _size(file) + database + diskspace.WORK_ROOM,
            store: files}


def _unpack_from(file: Path, store: Path) -> list[Path]:
    conn = bk._connect_ro(file)
    try:
        return backup_files.unpack(conn, store)
    finally:
        conn.close()


def _restore_failed(file: Path, exc: BaseException, db_path: Path, extra: str = "") -> bk.BackupError:
    full = diskspace.as_disk_full(exc, db_path.parent)
    cause = str(full) if full is not None else (getattr(exc, "strerror", None) or str(exc))
    return bk.BackupError(f"Pemulihan dari {file} gagal: {cause}; isi basis data tidak diubah{extra}.")


def _finish_restored(conn: sqlite3.Connection, db_path: Path, store: Path) -> None:
    """Drop the packed files from the restored database (VACUUM gives the room back) and move
    store files the restored database does not refer to out of the store."""
    keep = set(backup_files.referenced_files(conn))
    if backup_files.drop(conn):
        try:
            conn.execute("VACUUM")
        except sqlite3.Error as exc:  # the restore itself is done; the room comes back later
            log.warning("VACUUM sesudah pemulihan %s gagal: %s", db_path, exc)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup_files.set_aside_unreferenced(store, keep, stamp)


def _holds_cases_intact(db_path: Path) -> int:
    """The number of cases in a file that passes integrity_check; 0 when it is empty, has no
    cases, cannot be opened or is damaged."""
    if db_path.stat().st_size == 0:
        return 0  # never opened: SQLite would drop a leftover -wal that should go aside too
    try:
        conn = bk._connect_ro(db_path)
        try:
            if [r[0] for r in conn.execute("PRAGMA integrity_check")] != ["ok"]:
                return 0
            return known_state.counts(conn)["cases"]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def recover_damaged(db_path: str | Path, backup: str | Path, *, confirmed: bool = False) -> Path | None:
    """Put a damaged database aside untouched (renamed, with its -wal/-shm) and rebuild the
    file (and its attachment store) from a verified backup. Returns where the damaged file
    now is. Refused, changing nothing, without room on the disk for the restored file, and
    (HealthyDatabase) for a file that passes integrity_check with cases unless `confirmed`."""
    db_path, backup = Path(db_path), Path(backup)
    bk.verify_backup_file(backup)
    store = store_dir_for(str(db_path))
    diskspace.ensure_room(_restore_room(backup, db_path, store))
    cases = _holds_cases_intact(db_path) if db_path.exists() else 0
    if cases and not confirmed:
        raise bk.HealthyDatabase(
            f"Basis data {db_path} lulus pemeriksaan integritas dan berisi {cases} kasus, jadi "
            "tidak dipindahkan. Bila memang ingin menggantinya dengan cadangan, ulangi dengan "
            "--force (di jendela: jawab Ya pada pertanyaan).")
    try:
        written = _unpack_from(backup, store)
    except (sqlite3.Error, OSError) as exc:
        raise _restore_failed(backup, exc, db_path) from None
    aside = _move_aside(db_path)
    try:
        target = sqlite3.connect(str(db_path))
        try:
            _copy_into(backup, target)
            with target:
                bk._forget_backup_stamp(target)
            _finish_restored(target, db_path, store)
            target.execute("PRAGMA journal_mode=WAL")
        finally:
            target.close()
    except (sqlite3.Error, OSError) as exc:  # put everything back as it was
        backup_files.remove(written)
        _put_back(db_path, aside)
        raise _restore_failed(backup, exc, db_path) from None
    known_state.remember_file(db_path)
    return aside


_SIDE_FILES = ("-wal", "-shm", "-journal")


def _move_aside(db_path: Path) -> Path | None:
    """Rename a database file (and its -wal/-shm/-journal) to '<name>.rusak-STAMP'."""
    if not db_path.exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.rusak-{stamp}")
    n = 1
    while aside.exists():
        aside = db_path.with_name(f"{db_path.name}.rusak-{stamp}-{n}")
        n += 1
    os.replace(db_path, aside)
    for extra in _SIDE_FILES:
        side = Path(str(db_path) + extra)
        if side.exists():
            os.replace(side, Path(str(aside) + extra))
    return aside


def _put_back(db_path: Path, aside: Path | None) -> None:
    """Undo _move_aside after a failed rebuild: the half-made file goes, the original returns."""
    for extra in ("", *_SIDE_FILES):
        Path(str(db_path) + extra).unlink(missing_ok=True)
    if aside is None:
        return
    os.replace(aside, db_path)
    for extra in _SIDE_FILES:
        side = Path(str(aside) + extra)
        if side.exists():
            os.replace(side, Path(str(db_path) + extra))
