"""A full disk is not a damaged database: recognise ENOSPC, SQLITE_FULL and an I/O error on a
disk with (almost) no free space, and say how much room to make, and where.

Used by the start-up check, the instance lock, backups and restores, so every path reports a
full disk with the same sentence ("Disk penuh: kosongkan N MB di FOLDER") and changes nothing.
"""

from __future__ import annotations

import errno
import math
import os
import shutil
import sqlite3
from pathlib import Path

from sop_desktop.errors import SopError

MB = 1_000_000
# the room SOP Desktop needs to work on a database: SQLite's -shm (32 KiB) and -wal (up to
# ~4 MB before a checkpoint), the log, the lock file and a margin
WORK_ROOM = 16 * MB
# an I/O error with less than this free is blamed on the disk, not on the file
TINY_FREE = 8 * MB
_FULL_WORDS = ("database or disk is full", "no space left", "disk full", "could not extend file")
_IO_WORDS = ("disk i/o error", "input/output error")


class DiskFull(SopError):
    """There is not enough free disk space; nothing was changed (message in Indonesian)."""

    def __init__(self, folder: Path, needed: int):
        self.folder = Path(folder)
        self.needed = needed
        super().__init__(disk_full_message(folder, needed))


def free_bytes(folder: str | Path) -> int | None:
    """Free bytes on the disk holding `folder` (its nearest existing parent); None if unknown."""
    folder = Path(folder)
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            try:
                return shutil.disk_usage(candidate).free
            except OSError:
                return None
    return None


def disk_full_message(folder: str | Path, needed: int) -> str:
    """'Disk penuh: kosongkan N MB di FOLDER ...' with N >= 1 (MB = 1,000,000 bytes)."""
    free = free_bytes(folder) or 0
    to_free = max(1, math.ceil(max(needed - free, 0) / MB))
    return (f"Disk penuh: kosongkan {to_free} MB di {folder} (tersisa {_mb(free)}), lalu ulangi. "
            "Basis data tidak rusak dan tidak diubah.")


def _mb(size: int) -> str:
    return f"{size // 1024} KB" if size < MB else f"{size / MB:.0f} MB"


def is_disk_full(exc: BaseException, folder: str | Path | None = None) -> bool:
    """True when `exc` comes from a full disk: ENOSPC/EDQUOT, SQLITE_FULL, or an I/O error
    while the disk holding `folder` has less than TINY_FREE bytes free."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc).lower()
    if (code is not None and code & 0xFF == sqlite3.SQLITE_FULL) or any(w in text for w in _FULL_WORDS):
        return True
    io_error = (code is not None and code & 0xFF == sqlite3.SQLITE_IOERR) or any(
        w in text for w in _IO_WORDS) or (isinstance(exc, OSError) and exc.errno == errno.EIO)
    if io_error and folder is not None:
        free = free_bytes(folder)
        return free is not None and free < TINY_FREE
    return False


def as_disk_full(exc: BaseException, folder: str | Path, needed: int = WORK_ROOM) -> DiskFull | None:
    """A DiskFull for `exc` when it comes from a full disk at `folder`, else None."""
    return DiskFull(Path(folder), needed) if is_disk_full(exc, folder) else None


def ensure_room(needs: dict[Path, int]) -> None:
    """Raise DiskFull unless each disk has room for what is to be written on it. `needs` maps
    a folder to the bytes to be written there; folders on one disk are added up."""
    per_disk: dict[int, tuple[Path, int]] = {}
    for folder, size in needs.items():
        folder = Path(folder)
        existing = next((p for p in (folder, *folder.parents) if p.exists()), folder)
        try:
            device = os.stat(existing).st_dev
        except OSError:
            continue
        first, total = per_disk.get(device, (folder, 0))
        per_disk[device] = (first, total + size)
    for folder, size in per_disk.values():
        free = free_bytes(folder)
        if free is not None and free < size:
            raise DiskFull(folder, size)


def low_on_room(folder: str | Path, needed: int = WORK_ROOM) -> bool:
    """True when the disk holding `folder` has less than `needed` bytes free."""
    free = free_bytes(folder)
    return free is not None and free < needed
