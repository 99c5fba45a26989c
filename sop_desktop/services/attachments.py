"""The attachment store: files copied beside the database and named by their SHA-256.

<db folder>/<db stem>-lampiran/ab/abcdef... for a SQLite file; <data folder>/lampiran for
PostgreSQL. The original file name is metadata only (kept in the database); a file is checked
against its hash whenever it is read, and exported under a sanitised name.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sop_desktop.domain.record import FrozenRecord
from sop_desktop.errors import NotFound, SopError, ValidationError
from sop_desktop.paths import store_dir_for  # noqa: F401 (re-exported: the store lives beside the database)
from sop_desktop.storage import db as dbm
from sop_desktop.storage.hashing import file_sha256

_HEX = re.compile(r"^[0-9a-f]{64}$")
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}
MAX_NAME = 120


class AttachmentCorrupt(SopError):
    """A stored file no longer matches its hash."""


class StoredFile(FrozenRecord):
    """A file in the store: content hash, original name, size in bytes."""

    __slots__ = ("sha256", "name", "size")
    sha256: str
    name: str
    size: int

    def __init__(self, sha256: str, name: str, size: int) -> None:
        self._fill(sha256, name, size)

    def to_dict(self) -> dict[str, str | int]:
        """The file as the history event's attachment entry."""
        return {"sha256": self.sha256, "name": self.name, "size": self.size}


def safe_file_name(name: str, default: str = "lampiran") -> str:
    """A file name safe on Windows and Linux: no folders, no reserved names or characters."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]  # drop any folder part (path traversal)
    name = re.sub(r'[<>:"|?*\x00-\x1f]', "_", name)
    name = name.strip().strip(".").strip()
    if not name or set(name) <= {"."}:
        name = default
    stem, dot, ext = name.partition(".")
    if stem.upper().rstrip() in _WINDOWS_RESERVED:
        name = f"_{name}"
    if len(name) > MAX_NAME:
        base, ext = os.path.splitext(name)
        name = base[: MAX_NAME - len(ext)] + ext
    return name


class AttachmentStore:
    """Add, read (verified) and export files by SHA-256."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def path_of(self, sha256: str) -> Path:
        if not _HEX.match(sha256 or ""):
            raise ValidationError(f"Kode lampiran '{sha256}' tidak valid")
        return self.root / sha256[:2] / sha256

    def add(self, source: str | Path, name: str | None = None) -> StoredFile:
        """Copy a file into the store (atomically, synced to disk); the same content is stored once."""
        return self.add_new(source, name)[0]

    def add_new(self, source: str | Path, name: str | None = None) -> tuple[StoredFile, bool]:
        """As `add`, and whether this call brought the content into the store (False when
        the same content was there already)."""
        source = Path(source)
        if not source.is_file():
            raise NotFound(f"Berkas lampiran '{source}' tidak ditemukan")
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".masuk-")
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path_of(sha)
            final.parent.mkdir(parents=True, exist_ok=True)
            new = not (final.exists() and file_sha256(final) == sha)
            if new:
                os.replace(tmp, final)
            else:
                os.unlink(tmp)
        except OSError as exc:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise SopError(f"Lampiran '{source.name}' tidak dapat disimpan: {exc}") from None
        return StoredFile(sha, safe_file_name(name or source.name), final.stat().st_size), new

    def add_bytes(self, data: bytes, name: str) -> StoredFile:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "data"
            path.write_bytes(data)
            return self.add(path, name)

    def verify(self, sha256: str) -> Path:
        """The stored file's path after checking its content still has this hash."""
        path = self.path_of(sha256)
        if not path.is_file():
            raise NotFound(f"Berkas lampiran {sha256[:12]}… tidak ada di folder lampiran {self.root}")
        if file_sha256(path) != sha256:
            raise AttachmentCorrupt(
                f"Berkas lampiran {sha256[:12]}… rusak (isinya tidak cocok dengan kodenya); "
                "pulihkan dari cadangan")
        return path

    def read(self, sha256: str) -> bytes:
        data = self.verify(sha256).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:  # changed between check and read
            raise AttachmentCorrupt(f"Berkas lampiran {sha256[:12]}… rusak")
        return data

    def export(self, sha256: str, name: str, folder: str | Path) -> Path:
        """Write the file into `folder` under a sanitised name; never overwrites (adds ' (2)')."""
        folder = Path(folder)
        if not folder.is_dir():
            raise NotFound(f"Folder tujuan '{folder}' tidak ada")
        data = self.read(sha256)
        clean = safe_file_name(name)
        base, ext = os.path.splitext(clean)
        target, n = folder / clean, 2
        while target.exists():
            target, n = folder / f"{base} ({n}){ext}", n + 1
        tmp = folder / f".{target.name}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, target)
        # the name is sanitised above; this check guards the rule itself
        if target.resolve().parent != folder.resolve():
            target.unlink()
            raise ValidationError(f"Nama berkas '{name}' tidak aman")
        return target

    def copy_from(self, other: AttachmentStore, sha256: str) -> None:
        source = other.verify(sha256)
        final = self.path_of(sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, final)


class AttachmentService:
    """The attachments of cases: the store on disk and the rows that name its files."""

    def __init__(self, store: AttachmentStore):
        self.store = store

    def add(self, source: str | Path, name: str | None = None) -> StoredFile:
        """Copy a file into the store (see AttachmentStore.add)."""
        return self.store.add(source, name)

    @contextmanager
    def staged(self, files: Iterable[str | Path]) -> Iterator[list[StoredFile]]:
        """Copy `files` into the store for one change: when the change fails (the block
        raises), the files it brought in are removed again unless a row refers to them, so a
        refused or rolled-back action leaves no orphan file behind."""
        brought: list[str] = []
        try:
            stored: list[StoredFile] = []
            for f in files:
                item, new = self.store.add_new(Path(f))
                stored.append(item)
                if new:
                    brought.append(item.sha256)
            yield stored
        except BaseException:
            for sha in brought:
                self.discard_unused(sha)
            raise

    def discard_unused(self, sha256: str) -> bool:
        """Remove a stored file no attachment row or letter refers to; True when removed."""
        if (dbm.Attachment.select().where(dbm.Attachment.sha256 == sha256).exists()
                or dbm.OutgoingLetter.select().where(
                    dbm.OutgoingLetter.file_sha256 == sha256).exists()):
            return False
        try:
            self.store.path_of(sha256).unlink()
        except FileNotFoundError:
            return False
        return True

    def for_case(self, case: dbm.Case | int) -> list[dbm.Attachment]:
        """The case's attachment rows, oldest first."""
        return list(dbm.Attachment.select().where(dbm.Attachment.case == case)
                    .order_by(dbm.Attachment.id))

    def read(self, sha256: str) -> bytes:
        """A stored file's bytes, checked against its hash."""
        return self.store.read(sha256)

    def export(self, attachment: dbm.Attachment | StoredFile, folder: str | Path) -> Path:
        """Write an attachment (row or StoredFile) into a folder under its sanitised name."""
        return self.store.export(attachment.sha256, attachment.name, folder)
