"""The backups of the open database as a service (issue 14): what the window's backup list,
its menu entry and the daily / on-close backups call, over sop_desktop.storage.backup."""

from __future__ import annotations

from pathlib import Path

from sop_desktop.storage import backup as bk
from sop_desktop.storage import db as dbm
from sop_desktop.storage.backup_names import BackupFile

__all__ = ["BackupFile", "BackupService"]


class BackupService:
    """Create, list, verify and restore backups of one open database, and choose their folder."""

    def __init__(self, owner: dbm.ServicesLike) -> None:
        self.owner = owner  # the Services whose database is backed up

    @property
    def suffix(self) -> str:
        """The backup files' suffix: an SQLite copy, or a logical dump for PostgreSQL."""
        return bk.BACKUP_SUFFIX if dbm.is_sqlite(self.owner.db) else bk.DUMP_SUFFIX

    @property
    def checkable(self) -> bool:
        """True when the backups are SQLite files whose integrity can be checked."""
        return self.suffix == bk.BACKUP_SUFFIX

    def create(self) -> Path:
        """A backup now (the "Manual" kind), in the configured folder."""
        return bk.create_backup(self.owner)

    def create_now(self) -> tuple[Path, str | None]:
        """A manual backup, its shrink warning (far fewer cases than the last one), and the
        folder pruned to the retention schedule."""
        path = self.create()
        warning = bk.shrink_warning(path)
        bk.prune_backups(path.parent)
        return path, warning

    def auto(self, reason: str) -> Path | None:
        """The automatic backup of `reason` ("daily", "on-close"): None when none was due."""
        if reason == "daily" and bk.made_today(bk.backup_folder()):
            return None  # every start but the day's first: making a backup is not even imported
        return bk.auto_backup(self.owner, reason)

    def folder(self) -> Path:
        """The folder new backups go to (the office's setting, or the default)."""
        return bk.backup_folder()

    def default_folder(self) -> Path:
        """The default backup folder in the data folder."""
        return bk.default_backup_folder()

    def set_folder(self, folder: Path | None) -> None:
        """Use `folder` for backups from now on (None: the default folder)."""
        bk.set_backup_folder(None if folder is None or folder == self.default_folder().resolve() else folder)

    def folders(self) -> list[Path]:
        """The configured folder first, then every other folder that may hold backups."""
        db_path = bk.sqlite_file_of(self.owner.target)
        found = [self.folder()]
        for folder in bk.known_backup_folders(db_path):
            if folder not in found:
                found.append(folder)
        return found

    def list(self) -> list[BackupFile]:
        """This database kind's backups in every folder, each file once, newest first."""
        seen: dict[Path, BackupFile] = {}
        for each in self.folders():
            for found in bk.list_backups(each):
                if found.path.suffix == self.suffix:
                    seen.setdefault(found.path.resolve(), found)
        return sorted(seen.values(), key=lambda b: (b.when, b.path.name), reverse=True)

    def verify(self, path: Path) -> int:
        """Check a backup file (readable, intact, a known schema); its schema version, else
        a BackupError saying what is wrong."""
        return bk.verify_backup_file(path)

    def restore_room_problem(self, path: Path) -> str | None:
        """Why there is no room to restore `path` ("Disk penuh: ..."), None when there is."""
        return bk.restore_room_problem(self.owner, path)

    def restore(self, path: Path) -> Path | None:
        """Restore from `path` (verified first); the backup taken just before, if any."""
        return bk.restore(self.owner, path)
