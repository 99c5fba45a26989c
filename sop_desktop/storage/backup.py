"""Backups, restore, the start-up integrity check and the one-instance lock ("nothing lost").

SQLite backups always go through SQLite's online backup API (a consistent snapshot while the
app keeps writing), never a file copy, and carry the attachment store and issued letters'
PDFs inside the same file (sop_desktop.storage.backup_files). PostgreSQL databases get a logical dump
of the app's tables instead (JSON lines per table, sop_desktop.storage.backup_dump). Making a
backup lives in sop_desktop.storage.backup_make, the restore in sop_desktop.storage.backup_restore,
the start-up check in sop_desktop.storage.startup_check, file names, folders and retention in
sop_desktop.storage.backup_names: this module is their one entry point (it re-exports them, all
imported at the top: each lives below it) and holds the one-instance lock.
Messages are Indonesian and fit on one line.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import logging
import os
import socket
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from sop_desktop.errors import SopError
from sop_desktop.storage import diskspace
from sop_desktop.storage import startup_check as _startup_check

# names, folders and retention (backup_names)
from sop_desktop.storage.backup_names import (  # noqa: F401
    BACKUP_SETTING,
    BACKUP_SUFFIX,
    DUMP_SUFFIX,
    REASONS,
    SAFETY_KEEP,
    SAFETY_REASONS,
    BackupFile,
    _remember_folder,
    _slug,
    backup_folder,
    backup_name,
    backups_to_keep,
    default_backup_folder,
    known_backup_folders,
    list_backups,
    made_today,
    parse_backup_name,
    prune_backups,
    set_backup_folder,
)

# checking a backup file, and BackupError (backup_verify)
from sop_desktop.storage.backup_verify import (  # noqa: F401
    SQLITE_MAGIC,
    BackupError,
    _connect_ro,
    _schema_version,
    newest_good_backup,
    verify_backup_file,
)
from sop_desktop.storage.startup_check import CheckResult

# Everything below is re-exported, used as backup.X across the tree (the window, the CLI,
# services.backups, the tests); each lives in a module below this one, so nothing here is a cycle.
# Making, dumping and restoring backups (backup_make, backup_dump, backup_restore, and with them
# backup_files) are imported on first use through __getattr__ below, deferred on purpose: the
# first screen never makes or restores a backup, and the four modules cost start-up a few ms
# (issue 19). The type checker sees them as imported here.
if TYPE_CHECKING:
    # dump_logical writes and _read_dump reads a PostgreSQL dump (backup_dump)
    from sop_desktop.storage.backup_dump import _read_dump, dump_logical  # noqa: F401

    # making backups: the SQLite snapshot, the stamp of the chain head, retention runs (backup_make)
    from sop_desktop.storage.backup_make import (  # noqa: F401
        _BACKUP_KEYS,
        CHAIN_EVENT_KEY,
        CHAIN_HASH_KEY,
        MADE_AT_KEY,
        _as_services,
        _BareDatabase,
        _chain_head,
        _file_counts,
        _forget_backup_stamp,
        _free_name,
        _sqlite_path,
        _stamp_chain_head,
        _store_root,
        auto_backup,
        backup_info,
        create_backup,
        shrink_warning,
        sqlite_backup,
    )

    # restoring a backup over the live database or in place of a damaged file (backup_restore)
    from sop_desktop.storage.backup_restore import (  # noqa: F401
        HealthyDatabase,
        recover_damaged,
        restore,
        restore_logical,
    )
    from sop_desktop.storage.backup_restore import room_problem as restore_room_problem  # noqa: F401

# {name here: (module, its name there)} of the names re-exported on first use
_DEFERRED: dict[str, tuple[str, str]] = {
    **{n: ("sop_desktop.storage.backup_dump", n) for n in ("_read_dump", "dump_logical")},
    **{n: ("sop_desktop.storage.backup_make", n) for n in (
        "_BACKUP_KEYS", "CHAIN_EVENT_KEY", "CHAIN_HASH_KEY", "MADE_AT_KEY", "_as_services",
        "_BareDatabase", "_chain_head", "_file_counts", "_forget_backup_stamp", "_free_name",
        "_sqlite_path", "_stamp_chain_head", "_store_root", "auto_backup", "backup_info",
        "create_backup", "shrink_warning", "sqlite_backup")},
    **{n: ("sop_desktop.storage.backup_restore", n) for n in (
        "HealthyDatabase", "recover_damaged", "restore", "restore_logical")},
    "restore_room_problem": ("sop_desktop.storage.backup_restore", "room_problem"),
}


def __getattr__(name: str) -> Any:
    """A deferred re-export (see _DEFERRED), imported on its first use and kept here."""
    try:
        module, there = _DEFERRED[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), there)
    globals()[name] = value
    return value


log = logging.getLogger(__name__)


class InstanceLocked(SopError):
    """Another SOP Desktop already has this database open."""

    def __init__(self, message: str, holder: dict[str, Any]) -> None:
        super().__init__(message)
        self.holder = holder


class DamagedDatabase(SopError):
    """The database file failed the start-up check; `result` holds the offered backup."""

    def __init__(self, result: CheckResult) -> None:
        super().__init__(result.message)
        self.result = result


def sqlite_file_of(target: str) -> Path | None:
    """The SQLite file behind a database target (path or sqlite:/// URL); None for a server
    URL or an in-memory database."""
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///"):]
    if "://" in target or target == ":memory:":
        return None
    return Path(target).expanduser()


def check_before_open(target: str, *, light: bool = False) -> None:
    """Run the start-up check on a SQLite target; raise DamagedDatabase (one Indonesian line
    naming the newest good backup) when the file must not be opened. `light` skips the
    quick_check (which reads the whole file) when no migration is pending: see startup_check."""
    path = sqlite_file_of(target)
    if path is not None:
        result = startup_check(path, light=light)
        if result.kind == "disk_full":
            raise diskspace.DiskFull(path.parent, diskspace.WORK_ROOM)
        if not result.ok:
            raise DamagedDatabase(result)


# -- start-up check (sop_desktop.storage.startup_check) ----------------------------------------------

def startup_check(path: str | Path, backup_folders: Iterable[Path] | None = None, *,
                  light: bool = False) -> CheckResult:
    """PRAGMA quick_check (and the other start-up checks) of a database file before anything
    touches it; a CheckResult naming the newest good backup on a problem (see
    sop_desktop.storage.startup_check.startup_check)."""
    return _startup_check.startup_check(path, backup_folders, light=light)


# -- one instance per database ---------------------------------------------------------------

def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)  # signal 0 only checks; never sent on POSIX
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class InstanceLock:
    """A lock file beside the database (PID + host) so a second SOP Desktop on the same file
    is noticed; a lock left by a dead process on this host is taken over."""

    def __init__(self, db_path: str | Path) -> None:
        self.lock_path = Path(str(db_path) + ".lock")
        self.acquired = False

    def holder(self) -> dict[str, Any] | None:
        """Who holds the lock (pid, host, user, since), or None when free or stale."""
        try:
            info = json.loads(self.lock_path.read_text(encoding="utf-8"))
            pid, host = int(info["pid"]), str(info["host"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            return None  # half-written or garbage: treated as stale
        if host == socket.gethostname() and not _pid_alive(pid):
            return None
        return info

    def acquire(self) -> None:
        """Take the lock or raise InstanceLocked naming the holder."""
        me = {"pid": os.getpid(), "host": socket.gethostname(),
              "user": os.environ.get("USERNAME") or os.environ.get("USER") or "",
              "since": dt.datetime.now().replace(microsecond=0).isoformat()}
        for _ in range(3):
            try:
                fd = os.open(self.lock_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                info = self.holder()
                if info is not None:
                    if info.get("pid") == me["pid"] and info.get("host") == me["host"]:
                        return  # this very process already holds it
                    raise InstanceLocked(  # noqa: B904
                        f"Basis data ini sedang dibuka oleh SOP Desktop lain (komputer "
                        f"{info.get('host')}, proses {info.get('pid')}, pengguna "
                        f"{info.get('user') or '-'}, sejak {info.get('since')}). Tutup dulu "
                        "aplikasi itu agar data tidak bertabrakan.", info)
                try:
                    self.lock_path.unlink()  # stale: its process is gone
                except FileNotFoundError:
                    pass
                continue
            except OSError as exc:
                self._refuse_write(exc)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(me, fh)
                    fh.flush()
                    os.fsync(fh.fileno())
            except OSError as exc:  # e.g. a full disk: no empty lock file is left behind
                self.lock_path.unlink(missing_ok=True)
                self._refuse_write(exc)
            self.acquired = True
            return
        raise InstanceLocked("Berkas kunci basis data terus berubah; coba lagi.", {})

    def _refuse_write(self, exc: OSError) -> NoReturn:
        """The lock file cannot be written: DiskFull on a full disk, else BackupError."""
        full = diskspace.as_disk_full(exc, self.lock_path.parent)
        if full is not None:
            raise full from None
        raise BackupError(f"Berkas kunci {self.lock_path} tidak dapat dibuat: "
                          f"{exc.strerror or exc}") from None

    def release(self) -> None:
        if not self.acquired:
            return
        try:
            info = json.loads(self.lock_path.read_text(encoding="utf-8"))
            if int(info.get("pid", -1)) == os.getpid():
                self.lock_path.unlink()
        except (OSError, ValueError):
            pass
        self.acquired = False

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
