"""Write a file whole or not at all: temp file in the same folder, fsync, os.replace.

A full disk, a crash or an error while writing never leaves a truncated file where the last
good one was, and no temp file is left behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from sop_desktop.errors import SopError


class ExportError(SopError):
    """A report file could not be written (message in Indonesian)."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open a directory this way.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _replace(tmp: str, path: Path) -> None:
    # On Windows a virus scanner or the search indexer may hold the new file for a moment.
    for attempt in range(5):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if attempt == 4 or os.name != "nt":
                raise
            time.sleep(0.2 * (attempt + 1))


def describe_os_error(exc: OSError, path: Path) -> str:
    """An Indonesian sentence for why writing `path` failed."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return (f"Ruang penyimpanan tidak cukup untuk menulis {path.name}. "
                "Berkas lama (bila ada) tidak diubah. Kosongkan ruang disk lalu ulangi.")
    if isinstance(exc, PermissionError):
        return (f"Tidak dapat menulis {path}: tidak ada izin, atau berkas sedang dibuka di program "
                "lain (mis. Excel atau pembaca PDF). Tutup berkas itu lalu ulangi.")
    if isinstance(exc, FileNotFoundError):
        return f"Folder {path.parent} tidak ada"
    return f"Tidak dapat menulis {path}: {exc.strerror or exc}"


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """Yield a binary file to write; on success it replaces `path`, on any error it vanishes.

    OSErrors become ExportError with an Indonesian message; other exceptions pass through
    (after the temp file is removed).
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"Folder {folder} tidak ada")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(describe_os_error(exc, target)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); a report should get the usual permissions.
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o666 & ~_umask())
        _replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ExportError(describe_os_error(exc, target)) from exc
        raise
    _fsync_dir(folder)


def write_atomic(path: str | os.PathLike, write: Callable[[BinaryIO], None]) -> Path:
    """Call `write(file)` inside atomic_output(path); returns the path written."""
    with atomic_output(path) as fh:
        write(fh)
    return Path(path)
