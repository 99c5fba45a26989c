"""Errors the core raises for bad input; each carries a message fit to show a user."""

import errno


class SopError(Exception):
    """Base of every expected, user-facing error of the core (message in Indonesian)."""


class ImportFailed(SopError):
    """An input file is not an SOP table (or cannot be read)."""


class ValidationError(SopError):
    """An SOP definition (or another input) breaks a rule."""


class PermissionDenied(SopError):
    """The acting user may not do this."""


class NotFound(SopError):
    """A named thing (SOP, case, user, position) does not exist."""


class StorageError(SopError):
    """The database could not store a change (disk full, I/O error); nothing was applied."""


_STORAGE_CAUSES = (
    (("database or disk is full", "no space left", "disk full", "could not extend file"),
     "Disk penyimpanan penuh"),
    (("disk i/o error", "input/output error"), "Kesalahan baca/tulis disk"),
    (("readonly database", "read-only file system"), "Basis data hanya dapat dibaca"),
    (("database is locked",), "Basis data sedang dipakai proses lain terlalu lama"),
)


def storage_error(exc: BaseException) -> StorageError | None:
    """A clear Indonesian StorageError naming the real cause of a failed write, or None.

    Recognises SQLite's and PostgreSQL's messages (through peewee, sqlite3 or psycopg2) and
    OSError ENOSPC, so every layer reports a full disk the same way.
    """
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        cause = "Disk penyimpanan penuh"
    else:
        text = str(exc).lower()
        if getattr(exc, "pgcode", None) == "53100":  # PostgreSQL disk_full
            text = "disk full"
        found = next((label for needles, label in _STORAGE_CAUSES
                      if any(n in text for n in needles)), None)
        if found is None:
            return None
        cause = found
    return StorageError(f"{cause}: perubahan tidak disimpan dan data sebelumnya tetap utuh. "
                        "Kosongkan ruang disk (atau tutup program lain) lalu ulangi. "
                        f"(rincian: {exc})")
