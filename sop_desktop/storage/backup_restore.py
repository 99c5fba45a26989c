"""Restoring a backup: over the live database (`restore`, a pre-restore backup first; a
PostgreSQL dump through `restore_logical`) or in place of a damaged file (`recover_damaged`,
the damaged file kept aside untouched), with the attachment store the backup carries
(sop_desktop.storage.backup_files). Builds on sop_desktop.storage.backup_make; the entry point
for everyone else is sop_desktop.storage.backup, which re-exports these.

Nothing starts without room on the disk for everything the restore writes, and a file that
passes integrity_check with cases in it is only moved aside when the person confirms.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path

import peewee as pw

from sop_desktop.paths import store_dir_for
from sop_desktop.storage import backup_dump, backup_files, diskspace, known_state, migrations
from sop_desktop.storage import db as dbm
from sop_desktop.storage.backup_make import _forget_backup_stamp, _sqlite_path, create_backup
from sop_desktop.storage.backup_names import backup_folder, prune_backups
from sop_desktop.storage.backup_verify import BackupError, _connect_ro, verify_backup_file

log = logging.getLogger(__name__)


class HealthyDatabase(BackupError):
    """The file a restore would put aside passes integrity_check and holds cases: it is only
    moved when the person confirms (`confirmed=True`, CLI `restore --force`)."""


def _copy_into(source: Path, target_conn: sqlite3.Connection) -> None:
    src = _connect_ro(source)
    try:
        src.backup(target_conn, pages=-1)
    finally:
        src.close()


def _restore_contents(services: dbm.ServicesLike, file: Path) -> Path | None:
    """Replace the database's contents (and its attachment store) with a verified backup; a
    backup of the current contents is taken first (returned). The live file is rewritten
    through the backup API; nothing starts without room on the disk for all of it."""
    if not dbm.is_sqlite(services.db):
        return restore_logical(services, file)
    verify_backup_file(file)
    live_path = _sqlite_path(services)
    if live_path is None:
        raise BackupError("Basis data di memori tidak dapat dipulihkan dari berkas.")
    store = _store_of(services, live_path)
    _ensure_room_for_restore(file, live_path, store)
    # no retention until the copy is done: the chosen file may itself be an old backup
    before = create_backup(services, reason="pre-restore")
    live = services.db.connection()
    written: list[Path] = []
    try:
        written = _unpack_from(file, store)
        _copy_into(file, live)
    except (sqlite3.Error, OSError) as exc:
        backup_files.remove(written)
        raise _restore_failed(file, exc, live_path, f" (cadangan sebelum pemulihan: {before})") from None
    with services.db.atomic():
        _forget_backup_stamp(services.db.connection())
    _finish_restored(live, live_path, store)
    migrations.migrate(services.db)
    known_state.remember_file(live_path)
    prune_backups(before.parent)
    return before


def _ensure_room_for_restore(file: Path, live_path: Path, store: Path) -> None:
    """DiskFull unless there is room for the pre-restore backup and the restored contents."""
    needs = _restore_room(file, live_path, store)
    folder = backup_folder()
    needs[folder] = needs.get(folder, 0) + _size(live_path) + _size(store)
    diskspace.ensure_room(needs)


def room_problem(services: dbm.ServicesLike, file: str | Path) -> str | None:
    """Why a restore of `file` over the services' SQLite database would not fit on the disk
    ("Disk penuh: kosongkan N MB di ..."), or None (also for PostgreSQL and unreadable files,
    which the restore itself refuses with its own message)."""
    live_path = _sqlite_path(services)
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
    conn = _connect_ro(file)
    try:
        files = backup_files.files_size(conn)
    finally:
        conn.close()
    database = max(_size(file) - files, 0)
    return {db_path.parent: _size(file) + database + diskspace.WORK_ROOM,
            store: files}


def _unpack_from(file: Path, store: Path) -> list[Path]:
    conn = _connect_ro(file)
    try:
        return backup_files.unpack(conn, store)
    finally:
        conn.close()


def _restore_failed(file: Path, exc: BaseException, db_path: Path, extra: str = "") -> BackupError:
    full = diskspace.as_disk_full(exc, db_path.parent)
    cause = str(full) if full is not None else (getattr(exc, "strerror", None) or str(exc))
    return BackupError(f"Pemulihan dari {file} gagal: {cause}; isi basis data tidak diubah{extra}.")


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
        conn = _connect_ro(db_path)
        try:
            if [r[0] for r in conn.execute("PRAGMA integrity_check")] != ["ok"]:
                return 0
            return known_state.counts(conn)["cases"]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _recover_from(db_path: Path, backup: Path, *, confirmed: bool) -> Path | None:
    """Put a damaged database aside untouched (renamed, with its -wal/-shm) and rebuild the
    file (and its attachment store) from a verified backup. Returns where the damaged file
    now is. Refused, changing nothing, without room on the disk for the restored file, and
    (HealthyDatabase) for a file that passes integrity_check with cases unless `confirmed`."""
    verify_backup_file(backup)
    store = store_dir_for(str(db_path))
    diskspace.ensure_room(_restore_room(backup, db_path, store))
    cases = _holds_cases_intact(db_path) if db_path.exists() else 0
    if cases and not confirmed:
        raise HealthyDatabase(
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
                _forget_backup_stamp(target)
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


def restore(services: dbm.ServicesLike, file: str | Path) -> Path | None:
    """Replace the database's contents and attachment store with a verified backup (a backup
    of the current contents first, returned); the anchor log notes the restore and anchors the
    restored history, which is the office's history now."""
    # deferred on purpose: the anchor log is for a backup or a restore, not start-up (issue 19)
    from sop_desktop.storage.anchors import location_of, note_restore, write_anchor

    before = _restore_contents(services, Path(file))
    note_restore(location_of(services.db))
    write_anchor("pemulihan", services.db)
    return before


def recover_damaged(db_path: str | Path, backup: str | Path, *, confirmed: bool = False) -> Path | None:
    """Put a damaged database aside untouched and rebuild it from a verified backup (see
    _recover_from); returns where the damaged file now is. The anchors of the damaged file no
    longer apply; the next closing anchors the recovered one."""
    # deferred on purpose: the anchor log is for a backup or a restore, not start-up (issue 19)
    from sop_desktop.storage.anchors import note_restore

    aside = _recover_from(Path(db_path), Path(backup), confirmed=confirmed)
    note_restore(str(Path(db_path).expanduser().resolve()))
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


def restore_logical(services: dbm.HasDatabase, file: Path) -> Path | None:
    """Restore a logical dump into the current database in one transaction: delete the app's
    tables in reverse FK order, insert in FK order, then fix PostgreSQL sequences."""
    header, tables = backup_dump._read_dump(file)
    models = backup_dump.dbm_sort(backup_dump._app_models())
    by_table = {m._meta.table_name: m for m in models}
    unknown = set(tables) - set(by_table)
    if unknown:
        raise BackupError(f"Cadangan {file} berisi tabel yang tidak dikenal aplikasi ini: "
                             f"{', '.join(sorted(unknown))}.")
    store = backup_dump._store_of(services)
    diskspace.ensure_room({store: file.stat().st_size})  # the packed files, at most
    before = create_backup(services, reason="pre-restore")
    written = backup_files.read_dump_files(file, store)
    try:
        with services.db.atomic():
            if isinstance(services.db, pw.PostgresqlDatabase):
                # TRUNCATE fires no row triggers (history is append-only by trigger) and
                # empties every app table at once regardless of foreign keys
                names = ", ".join(f'"{m._meta.table_name}"' for m in models)
                services.db.execute_sql(f"TRUNCATE {names}")
            else:
                for model in reversed(models):
                    model.delete().execute()
            for model in models:
                name = model._meta.table_name
                if name not in tables:
                    continue
                columns, rows = tables[name]
                known = {f.column_name for f in model._meta.sorted_fields}
                cols = [c for c in columns if c in known]
                idx = [columns.index(c) for c in cols]
                table = pw.Table(name, cols)
                for start in range(0, len(rows), 500):
                    chunk = [[row[i] for i in idx] for row in rows[start:start + 500]]
                    services.db.execute(table.insert(chunk, columns=[pw.Column(table, c) for c in cols]))
            if isinstance(services.db, pw.PostgresqlDatabase):
                for model in models:
                    pk = model._meta.primary_key
                    if isinstance(pk, pw.AutoField):
                        t = model._meta.table_name
                        services.db.execute_sql(
                            f"SELECT setval(pg_get_serial_sequence('\"{t}\"', '{pk.column_name}'), "
                            f"COALESCE((SELECT MAX(\"{pk.column_name}\") FROM \"{t}\"), 0) + 1, false)")
    except pw.DatabaseError as exc:
        backup_files.remove(written)
        raise BackupError(f"Pemulihan dari {file} gagal: {exc}; isi basis data tidak diubah "
                             f"(cadangan sebelum pemulihan: {before}).") from None
    migrations.migrate(services.db)
    keep: dict[str, str] = {}
    for name, (columns, rows) in tables.items():
        for row in rows:
            backup_files.note_dumped_row(keep, name, columns, row)
    backup_files.set_aside_unreferenced(store, set(keep), dt.datetime.now().strftime("%Y%m%d-%H%M%S"))
    prune_backups(before.parent)
    return before
