"""Backup file names, the backup folders, listing them and the 7/4/12 retention schedule."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path

from sop_desktop.domain.record import FrozenRecord
from sop_desktop.paths import data_dir
from sop_desktop.settings import BACKUP_FOLDER
from sop_desktop.storage import db as dbm
from sop_desktop.storage.backup_shrink import protected

BACKUP_SETTING = BACKUP_FOLDER.key  # the declaration: sop_desktop.settings.BACKUP_FOLDER
BACKUP_SUFFIX = ".sqlite3"
DUMP_SUFFIX = ".sopdump"
REASONS = ("manual", "on-close", "daily", "pre-migration", "pre-import", "pre-restore")
SAFETY_REASONS = ("pre-migration", "pre-import", "pre-restore")
SAFETY_KEEP = 5  # safety backups kept per reason on top of the 7/4/12 schedule
_NAME_RE = re.compile(
    r"^sop-desktop-(\d{8})-(\d{6})(?:-(\d+))?(?:-([a-z][a-z-]*))?(\.sqlite3|\.sopdump)$")
_REMEMBERED = "backup-folders.json"


# -- names and folders -----------------------------------------------------------------------

def _slug(reason: str) -> str:
    slug = re.sub(r"[^a-z]+", "-", reason.lower()).strip("-")
    if slug not in REASONS:
        raise ValueError(f"alasan cadangan tidak dikenal: {reason}")
    return slug


def backup_name(when: dt.datetime, reason: str = "manual", suffix: str = BACKUP_SUFFIX,
                serial: int = 0) -> str:
    """'sop-desktop-20261121-170000.sqlite3'; automatic backups carry their reason."""
    slug = _slug(reason)
    parts = [f"sop-desktop-{when:%Y%m%d-%H%M%S}"]
    if serial:
        parts.append(str(serial))
    if slug != "manual":
        parts.append(slug)
    return "-".join(parts) + suffix


def parse_backup_name(name: str) -> tuple[dt.datetime, str] | None:
    """(time, reason) of a backup file name; None for any other file."""
    match = _NAME_RE.match(name)
    if not match:
        return None
    try:
        when = dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return when, match.group(4) or "manual"


def default_backup_folder() -> Path:
    return data_dir() / "backups"


def backup_folder() -> Path:
    """The configured backup folder (Setting BACKUP_FOLDER, e.g. a USB disk) or the default."""
    configured = None
    if dbm.database.obj is not None:
        try:
            configured = dbm.read_setting(BACKUP_FOLDER)
        except Exception:  # table not there yet (before migrations): use the default
            configured = None
    return Path(configured).expanduser() if configured else default_backup_folder()


def set_backup_folder(folder: str | Path | None) -> None:
    """Back up to `folder` from now on; None: the default folder again (the setting is removed:
    a stored null would break the setting table's NOT NULL value)."""
    if not folder:
        with dbm.database.atomic():
            dbm.Setting.delete().where(dbm.Setting.key == BACKUP_FOLDER.key).execute()
        return
    dbm.write_setting(BACKUP_FOLDER, str(folder))


def _remember_folder(folder: Path) -> None:
    """Note a backup folder outside the database, so a damaged database can still find it."""
    path = data_dir() / _REMEMBERED
    try:
        known = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    except (OSError, ValueError):
        known = []
    if str(folder) not in known:
        known.append(str(folder))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(known[-10:], ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass


def known_backup_folders(db_path: Path | None = None) -> list[Path]:
    """Every folder where backups may be: the default, remembered ones, beside the database."""
    folders = [default_backup_folder()]
    try:
        folders += [Path(p) for p in json.loads((data_dir() / _REMEMBERED).read_text("utf-8"))]
    except (OSError, ValueError):
        pass
    if db_path is not None:
        folders.append(Path(db_path).resolve().parent / "backups")
    unique = []
    for folder in folders:
        if folder not in unique:
            unique.append(folder)
    return unique


class BackupFile(FrozenRecord):
    """A backup file found in a folder: its path, when it was made and why (from its name)."""

    __slots__ = ("path", "when", "reason")
    path: Path
    when: dt.datetime
    reason: str

    def __init__(self, path: Path, when: dt.datetime, reason: str) -> None:
        self._fill(path, when, reason)


def list_backups(folder: Path) -> list[BackupFile]:
    """Backup files in a folder, newest first (other files are ignored)."""
    found = []
    if Path(folder).is_dir():
        for path in Path(folder).iterdir():
            parsed = parse_backup_name(path.name)
            if parsed and path.is_file():
                found.append(BackupFile(path, parsed[0], parsed[1]))
    return sorted(found, key=lambda b: (b.when, b.path.name), reverse=True)



def made_today(folder: Path) -> bool:
    """True when `folder` holds a backup made today: the daily backup is then not due."""
    today = dt.date.today()
    return any(b.when.date() == today for b in list_backups(folder))


# -- retention -------------------------------------------------------------------------------

def backups_to_keep(stamps: Iterable[dt.datetime], daily: int = 7, weekly: int = 4,
                    monthly: int = 12) -> set[dt.datetime]:
    """Which backup times to keep: the newest backup of each of the last `daily` days,
    `weekly` ISO weeks and `monthly` months that have backups (a pure function)."""
    ordered = sorted(set(stamps), reverse=True)
    keep: set[dt.datetime] = set()
    periods: tuple[tuple[int, Callable[[dt.datetime], Hashable]], ...] = (
        (daily, lambda t: t.date()),
        (weekly, lambda t: t.isocalendar()[:2]),
        (monthly, lambda t: (t.year, t.month)))
    for count, period in periods:
        seen: set[Hashable] = set()
        for stamp in ordered:
            key = period(stamp)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(key)
            keep.add(stamp)
    return keep


def prune_backups(folder: Path, daily: int = 7, weekly: int = 4, monthly: int = 12) -> list[Path]:
    """Delete the backups the schedule no longer keeps; safety backups (before a migration,
    import or restore) are kept SAFETY_KEEP per reason on top. Returns the deleted files."""
    backups = list_backups(folder)
    routine = [b for b in backups if b.reason not in SAFETY_REASONS]
    keep_times = backups_to_keep([b.when for b in routine], daily, weekly, monthly)
    kept_per_time: set[dt.datetime] = set()
    keep: set[Path] = set()
    for b in routine:  # newest first: one file per kept time
        if b.when in keep_times and b.when not in kept_per_time:
            kept_per_time.add(b.when)
            keep.add(b.path)
    for reason in SAFETY_REASONS:
        keep.update(b.path for b in [b for b in backups if b.reason == reason][:SAFETY_KEEP])
    if any(b.path not in keep for b in backups):
        keep.update(protected(backups))  # never let an emptied database push good ones out
    deleted = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
                deleted.append(b.path)
            except OSError:
                pass
    return deleted
