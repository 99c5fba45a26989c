"""Storage: peewee models over a SQLite file (default) or a PostgreSQL server.

All models bind to `database` (a DatabaseProxy); `open_database()` chooses the engine.
Schema changes go through sop_desktop.storage.migrations (schema version in `meta`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

import peewee as pw

from sop_desktop.errors import SopError
from sop_desktop.settings import SettingKey
from sop_desktop.storage.pg_driver import attach_psycopg2

T = TypeVar("T")
_PEEWEE_LOG = logging.getLogger("peewee")  # its debug log shows every statement


class _Proxy(pw.DatabaseProxy):
    """The proxy models bind to; its savepoints are the bound engine's own (see _Savepoint)."""

    def savepoint(self) -> pw._savepoint:
        savepoint: pw._savepoint = self.obj.savepoint()
        return savepoint


database = _Proxy()

SQLITE_PRAGMAS = (
    ("journal_mode", "wal"),
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("busy_timeout", 30000),
)


class DatabaseError(SopError):
    """The database cannot be opened or used (message in Indonesian)."""


class HasDatabase(Protocol):
    """What backups read of sop_desktop.services.Services (a layer above): its open database."""

    @property
    def db(self) -> pw.Database: ...


class ServicesLike(HasDatabase, Protocol):
    """What the checks read of sop_desktop.services.Services: the open database and the path
    or URL it was opened from."""

    @property
    def target(self) -> str: ...


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class JSONField(pw.TextField):
    """JSON stored as text (portable between SQLite and PostgreSQL)."""

    def db_value(self, value: Any) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value: str | None) -> Any:
        return None if value is None else json.loads(value)


class BaseModel(pw.Model):
    """The models' base. For the type checker each model declares `id = pw.AutoField()` (the
    column peewee would add anyway) and, as annotations only, the `<fk>_id` attribute peewee adds
    for each foreign key (see [tool.mypy] in pyproject.toml)."""

    class Meta:
        database = database
        legacy_table_names = False


class Meta(BaseModel):
    """Key/value facts about the database itself (schema version, app version...)."""

    key = pw.CharField(primary_key=True)
    value = pw.TextField()


class Position(BaseModel):
    """An office position (jabatan) that users hold and inboxes are per."""

    id = pw.AutoField()
    name = pw.CharField(unique=True)
    aliases = JSONField(default=list)  # other lane names that mean this position
    external = pw.BooleanField(default=False)  # outside the office (masyarakat, pemohon...)


class SopVersion(BaseModel):
    """One version of one SOP; a case refers to the version it started on."""

    id = pw.AutoField()
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


def get_setting(key: str, default: Any = None) -> Any:
    # one prepared statement, not a peewee query: every step transition reads a setting (the
    # calendar), and building the query cost several times its run (issue 19)
    row = database.execute_sql(f'SELECT "value" FROM "setting" WHERE "key" = {database.param}',
                               (key,)).fetchone()
    return default if row is None else Setting.value.python_value(row[0])


def set_setting(key: str, value: Any) -> None:
    with database.atomic():
        upsert(Setting, Setting.key, key=key, value=value)


def read_setting(setting: SettingKey[T]) -> T:
    """A declared setting's stored value (sop_desktop.settings), or a copy of its default."""
    row = database.execute_sql(f'SELECT "value" FROM "setting" WHERE "key" = {database.param}',
                               (setting.key,)).fetchone()
    return setting.fresh_default() if row is None else cast(T, Setting.value.python_value(row[0]))


def write_setting(setting: SettingKey[T], value: T) -> None:
    """Store a declared setting's value (one transaction)."""
    set_setting(setting.key, value)


def primary_key(model: type[pw.Model]) -> pw.Field[Any]:
    """The primary-key field of a model (every model here has one)."""
    pk = model._meta.primary_key
    if pk is False:
        raise TypeError(f"{model.__name__} has no primary key")
    return pk


def schema_of(model: type[pw.Model]) -> pw.SchemaManager:
    """A model's schema manager (peewee's `Model._schema`, which its stubs leave out)."""
    manager: pw.SchemaManager = model._schema  # type: ignore[attr-defined]  # see the docstring
    return manager


def tuples_of(query: pw.SelectBase) -> Iterator[tuple[Any, ...]]:
    """The rows of a select as tuples (`query.tuples()`, whose rows peewee's stubs type as models)."""
    return iter(cast("Iterable[tuple[Any, ...]]", query.tuples()))


def dicts_of(query: pw.SelectBase) -> Iterator[dict[str, Any]]:
    """The rows of a select as dicts (`query.dicts()`, whose rows peewee's stubs type as models)."""
    return iter(cast("Iterable[dict[str, Any]]", query.dicts()))


def upsert(model: type[pw.Model], key_field: pw.Field[Any], **values: Any) -> None:
    """Insert or replace by primary/unique key, portable (REPLACE is SQLite/MySQL only)."""
    updates = {getattr(model, k): v for k, v in values.items() if k != key_field.name}
    model.insert(**values).on_conflict(conflict_target=[key_field], update=updates).execute()


def now_local() -> dt.datetime:
    """The office's wall-clock time (the PC's local time, WIB in most offices), to the second.

    Case times (`at`, `recorded_at`, due times) are stored as naive local office time.
    """
    return dt.datetime.now().replace(microsecond=0)


ROLES = ("administrator", "operator", "pejabat")
CASE_STATUSES = ("berjalan", "selesai", "dihentikan")


class User(BaseModel):
    """A person who signs in: an administrator, an operator (clerk) or a pejabat (official)."""

    id = pw.AutoField()
    username = pw.CharField(unique=True)
    name = pw.TextField()
    nip = pw.CharField(default="")
    jabatan = pw.TextField(default="")
    password_hash = pw.TextField()
    role = pw.CharField(default="pejabat")
    active = pw.BooleanField(default=True)
    failed_logins = pw.IntegerField(default=0)
    locked_until = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField(default=now_local)


class UserPosition(BaseModel):
    """Which positions a user holds (many to many)."""

    id = pw.AutoField()
    user = pw.ForeignKeyField(User, backref="position_links", on_delete="CASCADE")
    user_id: int
    position = pw.ForeignKeyField(Position, backref="user_links", on_delete="CASCADE")
    position_id: int

    class Meta:
        indexes = ((("user", "position"), True),)


class Case(BaseModel):
    """One case (perkara/berkas) run through the steps of one SOP version.

    current_position and current_due are stored at each transition so that inbox queries
    are plain index lookups.
    """

    id = pw.AutoField()
    number = pw.CharField(unique=True)
    sop_version = pw.ForeignKeyField(SopVersion, backref="cases", index=False)
    sop_version_id: int
    sop_code = pw.CharField()  # indexed through (sop_code, year, seq) below
    year = pw.IntegerField()
    seq = pw.IntegerField()
    status = pw.CharField(default="berjalan")
    current_step = pw.IntegerField(null=True)
    current_lane = pw.TextField(null=True)
    # indexed through the (current_position, status, current_due) index below
    current_position = pw.ForeignKeyField(Position, null=True, backref="cases", index=False)
    current_position_id: int | None
    step_started_at = pw.DateTimeField(null=True)
    current_due = pw.DateTimeField(null=True)
    fields = JSONField(default=dict)
    created_by = pw.ForeignKeyField(User, backref="created_cases", index=False)
    created_by_id: int
    created_at = pw.DateTimeField(index=True)  # when it really started (may be entered later)
    recorded_at = pw.DateTimeField(default=now_local)
    closed_at = pw.DateTimeField(null=True)
    updated_at = pw.DateTimeField(default=now_local)
    # schema 6 (sop_desktop.services.disposisi): who took the case at its step ("Ambil"), since when,
    # and its sifat (0 biasa, 1 segera, 2 sangat segera, 3 rahasia; null = biasa)
    holder = pw.ForeignKeyField(User, null=True, backref="held_cases", index=False)
    holder_id: int | None
    held_at = pw.DateTimeField(null=True)
    sifat = pw.IntegerField(null=True)

    class Meta:
        table_name = "cases"
        indexes = (
            (("current_position", "status", "current_due"), False),
            (("status", "current_due"), False),
            (("current_due",), False),  # "all cases" sorted by due, a page at a time
            (("sop_code", "year", "seq"), True),
        )


class History(BaseModel):
    """One event of a case; append-only (a trigger refuses UPDATE and DELETE) and hash-chained
    per case (sop_desktop.storage.integrity: `sop-desktop check` finds any edit, deletion or reordering).

    `user` recorded it; `on_behalf_of` is the official who really did it (operators enter
    steps for officials); `at` is when it happened, `recorded_at` when it was entered.
    """

    id = pw.AutoField()
    case = pw.ForeignKeyField(Case, backref="history")
    case_id: int
    action = pw.CharField()
    from_step = pw.IntegerField(null=True)
    to_step = pw.IntegerField(null=True)
    decision = pw.CharField(null=True)  # "ya" / "tidak" for a decision
    user = pw.ForeignKeyField(User, backref="events")
    user_id: int
    position = pw.ForeignKeyField(Position, null=True, index=False)  # the position acted in
    position_id: int | None
    on_behalf_of = pw.ForeignKeyField(User, null=True, backref="events_on_behalf", index=False)
    on_behalf_of_id: int | None
    at = pw.DateTimeField()
    recorded_at = pw.DateTimeField(default=now_local)
    note = pw.TextField(default="")
    attachments = JSONField(default=list)  # [{"sha256", "name", "size"}]
    seconds_taken = pw.DoubleField(null=True)  # time spent on from_step (8 bytes on PostgreSQL too)
    due = pw.DateTimeField(null=True)  # from_step's due time (mutu baku)
    on_time = pw.BooleanField(null=True)
    # sha256(previous event's hash of the same case + canonical JSON of this event), written
    # with the insert by sop_desktop.storage.integrity (null only between the schema 3 upgrade's
    # ALTER TABLE and its backfill)
    hash = pw.TextField(null=True)

    class Meta:
        # the index on case_id also orders by id (rowid) within a case
        indexes = ((("at",), False),)


class Attachment(BaseModel):
    """A file attached to a case; the content lives in the attachment store under its SHA-256."""

    id = pw.AutoField()
    case = pw.ForeignKeyField(Case, backref="attachment_rows")
    case_id: int
    history = pw.ForeignKeyField(History, null=True, backref="attachment_rows")
    history_id: int | None
    sha256 = pw.CharField(index=True)
    name = pw.TextField()  # the original file name: metadata only
    size = pw.BigIntegerField()
    added_by = pw.ForeignKeyField(User, null=True)
    added_by_id: int | None
    added_at = pw.DateTimeField(default=now_local)


class Counter(BaseModel):
    """A per-key, per-year counter that never repeats (agenda numbers, letter numbers)."""

    id = pw.AutoField()
    key = pw.CharField()
    year = pw.IntegerField()
    value = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("key", "year"), True),)


class Refusal(BaseModel):
    """Every refused action (deny by default), for the administrator to review."""

    id = pw.AutoField()
    at = pw.DateTimeField(default=now_local)
    user = pw.ForeignKeyField(User, null=True)
    user_id: int | None
    username = pw.CharField(default="")
    case = pw.ForeignKeyField(Case, null=True)
    case_id: int | None
    action = pw.CharField()
    reason = pw.TextField()


class OutgoingLetter(BaseModel):
    """The agenda surat keluar: one row per letter issued (with or without a case)."""

    id = pw.AutoField()
    case = pw.ForeignKeyField(Case, null=True, backref="letters")
    case_id: int | None
    template = pw.CharField(default="")
    number = pw.CharField(index=True)
    subject = pw.TextField(default="")
    addressee = pw.TextField(default="")
    issued_at = pw.DateTimeField(default=now_local)
    issued_by = pw.ForeignKeyField(User, null=True)
    issued_by_id: int | None
    signer = pw.TextField(default="")
    file_sha256 = pw.CharField(default="")


class Ledger(BaseModel):
    """The global history chain (sop_desktop.storage.ledger), append-only by trigger: one entry per
    event written (the case's state after it) and per change of a user's names, in commit
    order; `hash` chains every entry to the one before it across all cases and users."""

    seq = pw.IntegerField(primary_key=True)  # 1, 2, 3... in commit order, never reused
    kind = pw.CharField()  # "kasus" or "pengguna"
    ref = pw.IntegerField()  # the case's or the user's id (no foreign key: a deletion shows)
    event = pw.IntegerField(null=True)  # the history event this entry records (cases)
    state = pw.CharField()  # sha256 of the case's or user's own fields after the change
    recorded_at = pw.DateTimeField()
    hash = pw.CharField()

    class Meta:
        table_name = "ledger"
        indexes = ((("kind", "ref"), False),)


class Disposisi(BaseModel):
    """One recipient of a disposisi: an official passed the case on to this named person with
    an instruction (sop_desktop.services.disposisi); the history event `history` records it."""

    id = pw.AutoField()
    case = pw.ForeignKeyField(Case, backref="disposisi_rows")
    case_id: int
    history = pw.ForeignKeyField(History, backref="disposisi_rows", index=False)
    history_id: int
    from_user = pw.ForeignKeyField(User, backref="disposisi_given", index=False)
    from_user_id: int
    to_user = pw.ForeignKeyField(User, backref="disposisi_received", index=False)
    to_user_id: int
    position = pw.ForeignKeyField(Position, null=True, index=False)  # the recipient's position
    position_id: int | None
    step = pw.IntegerField(null=True)  # the step the case waits on for the recipient
    instruksi = JSONField(default=list)  # instruction keys (sop_desktop.services.disposisi.INSTRUKSI)
    catatan = pw.TextField(default="")
    at = pw.DateTimeField()

    class Meta:
        table_name = "disposisi"
        indexes = ((("to_user", "case"), False),)


class CaseRead(BaseModel):
    """A read marker: `user` opened `case` since it last moved (no row: "baru" for them)."""

    id = pw.AutoField()
    user = pw.ForeignKeyField(User, backref="read_marks", on_delete="CASCADE", index=False)
    user_id: int
    case = pw.ForeignKeyField(Case, backref="read_marks", on_delete="CASCADE")
    case_id: int
    read_at = pw.DateTimeField()

    class Meta:
        table_name = "case_read"
        indexes = ((("user", "case"), True),)


CORE_MODELS = [Meta, Position, SopVersion, Setting]
CASE_MODELS = [User, UserPosition, Case, History, Attachment, Counter, Refusal, OutgoingLetter,
               Ledger, Disposisi, CaseRead]
ALL_MODELS = CORE_MODELS + CASE_MODELS


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
                attach_psycopg2()  # peewee was imported without it (storage.pg_driver)
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
    return _SqliteDatabase(target, pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE",
                           timeout=30, check_same_thread=False)


# statements that change the file (SELECT, PRAGMA, BEGIN... do not)
_WRITE_SQL = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|WITH\b.*\b(INSERT|UPDATE|DELETE))\b",
                        re.IGNORECASE | re.DOTALL)


class _SqliteDatabase(pw.SqliteDatabase):
    """SQLite as peewee drives it, except after SQLITE_FULL or an I/O error: SQLite has then
    already rolled the transaction back itself, and peewee's own ROLLBACK would fail with
    "no transaction is active" and hide the real cause (a full disk) from the user."""

    _write_check: Callable[[], None] | None = None  # run once before the first write of the process (see guard_writes)
    _write_check_lock = threading.Lock()

    def guard_writes(self, check: Callable[[], None] | None) -> None:
        """Run `check()` (the file's quick_check) before the first write statement of this
        process; reads never wait for it. If it raises, every later write raises again.
        None disarms it (the check already ran)."""
        self._write_check = check

    def execute_sql(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        if self._write_check is not None and _WRITE_SQL.match(sql):
            with self._write_check_lock:
                check = self._write_check
                if check is not None:
                    check()  # raises (and stays armed) when the file is damaged
                    self._write_check = None
        return super().execute_sql(sql, params)

    def execute_hot(self, sql: str, params: Sequence[Any]) -> Any:
        """execute_sql without peewee's layers per statement (a step transition's, issue 19):
        straight on this thread's open connection, errors raised as peewee's; through
        execute_sql while the first-write check is armed, a query hook or its debug log on."""
        conn = self._state.conn  # type: ignore[attr-defined]  # peewee's per-thread state
        if conn is None or self._write_check is not None or self.query_hooks or \
                _PEEWEE_LOG.isEnabledFor(logging.DEBUG):
            return self.execute_sql(sql, params)
        with pw.__exception_wrapper__:  # type: ignore[attr-defined]  # peewee's, not in stubs
            return conn.execute(sql, params)

    def _rolled_back_already(self) -> bool:
        conn = self._state.conn  # type: ignore[attr-defined]  # peewee's per-thread connection state
        return conn is not None and not conn.in_transaction

    def rollback(self) -> None:
        if not self._rolled_back_already():
            super().rollback()

    def savepoint(self) -> pw._savepoint:
        return _Savepoint(self)


class _Savepoint(pw._savepoint):
    """A savepoint whose rollback is a no-op once SQLite has undone the whole transaction."""

    def rollback(self, begin: bool = True) -> None:
        if self.db._rolled_back_already():
            return
        super().rollback(begin)


def is_sqlite(db: pw.Database | None = None) -> bool:
    db = db or database.obj
    return isinstance(db, pw.SqliteDatabase)
