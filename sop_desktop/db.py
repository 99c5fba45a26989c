"""Storage: peewee models over a SQLite file (default) or a PostgreSQL server.

All models bind to `database` (a DatabaseProxy); `open_database()` chooses the engine.
Schema changes go through sop_desktop.migrations (schema version in `meta`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import peewee as pw

from sop_desktop.errors import SopError

database = pw.DatabaseProxy()

SQLITE_PRAGMAS = (
    ("journal_mode", "wal"),
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("busy_timeout", 30000),
)


class DatabaseError(SopError):
    """The database cannot be opened or used (message in Indonesian)."""


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class JSONField(pw.TextField):
    """JSON stored as text (portable between SQLite and PostgreSQL)."""

    def db_value(self, value):
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value):
        return None if value is None else json.loads(value)


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class Meta(BaseModel):
    """Key/value facts about the database itself (schema version, app version...)."""

    key = pw.CharField(primary_key=True)
    value = pw.TextField()


class Position(BaseModel):
    """An office position (jabatan) that users hold and inboxes are per."""

    name = pw.CharField(unique=True)
    aliases = JSONField(default=list)  # other lane names that mean this position
    external = pw.BooleanField(default=False)  # outside the office (masyarakat, pemohon...)


class SopVersion(BaseModel):
    """One version of one SOP; a case refers to the version it started on."""

    code = pw.CharField(index=True)
    version = pw.IntegerField()
    name = pw.TextField()
    definition = JSONField()  # SopDefinition.to_dict()
    created_at = pw.DateTimeField(default=utcnow)
    source = pw.TextField(default="")

    class Meta:
        indexes = ((("code", "version"), True),)


class Setting(BaseModel):
    """Office configuration as JSON values (office profile, calendar, numbering patterns...)."""

    key = pw.CharField(primary_key=True)
    value = JSONField()


def get_setting(key: str, default=None):
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else row.value


def set_setting(key: str, value) -> None:
    with database.atomic():
        Setting.replace(key=key, value=value).execute()


CORE_MODELS = [Meta, Position, SopVersion, Setting]


def is_network_path(path: str) -> bool:
    """True for UNC paths (\\\\server\\share) and Windows drive letters mapped to a network."""
    if path.startswith("\\\\") or path.startswith("//"):
        return True
    if re.match(r"^[A-Za-z]:", path):
        try:
            import ctypes  # Windows only

            drive_type = ctypes.windll.kernel32.GetDriveTypeW(path[:2] + "\\")  # type: ignore[attr-defined]
            return drive_type == 4  # DRIVE_REMOTE
        except (AttributeError, OSError):
            return False
    return False


def make_database(target: str) -> pw.Database:
    """A peewee database for a path or URL, not yet connected."""
    if "://" in target:
        if target.startswith(("postgres://", "postgresql://")):
            from playhouse.db_url import connect

            try:
                return connect(target)
            except Exception as exc:  # driver missing or bad URL
                raise DatabaseError(f"Tidak dapat memakai basis data {target}: {exc}") from None
        if target.startswith("sqlite:///"):
            target = target[len("sqlite:///"):]
        else:
            raise DatabaseError(
                f"Alamat basis data '{target}' tidak dikenal: gunakan path berkas SQLite "
                "atau postgresql://pengguna:sandi@server/nama")
    if is_network_path(target):
        raise DatabaseError(
            "Berkas basis data SQLite tidak boleh berada di folder jaringan "
            f"({target}): SQLite dapat rusak bila dibuka bersama lewat jaringan. "
            "Untuk beberapa PC, pasang server PostgreSQL dan gunakan --db postgresql://... "
            "(lihat README, bagian PostgreSQL).")
    if target != ":memory:":
        Path(target).expanduser().parent.mkdir(parents=True, exist_ok=True)
    return pw.SqliteDatabase(target, pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE",
                             timeout=30, check_same_thread=False)


def is_sqlite(db: pw.Database | None = None) -> bool:
    db = db or database.obj
    return isinstance(db, pw.SqliteDatabase)
