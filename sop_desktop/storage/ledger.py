"""The global history chain ("rantai global"): one chain over every event, in commit order,
that also covers each case's own row and each user's names.

Every event written (integrity.append_event) adds one entry: the case's id, the event's id
and per-case hash, and a digest of the case row as the event left it (intake fields, times,
due time, status, step...). Every user created or changed adds an entry with a digest of the
user's names. Each entry's hash = sha256(previous entry's hash + canonical JSON of the entry);
the first entry chains from a digest of the database's ledger id (meta `ledger.id`).

The chain is appended inside the writing transaction with a lock held until commit (SQLite:
BEGIN IMMEDIATE lets one writer in at a time; PostgreSQL: a transaction-level advisory lock,
like the migration lock), so entry numbers follow commit order and never repeat (the number
is also the table's primary key). Appending reads only the newest entry: no rehashing.

sop_desktop.storage.ledger_check verifies it; sop_desktop.storage.anchors keeps its head outside the database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from json.encoder import encode_basestring as _text_json  # ensure_ascii=False, one str
from json.encoder import encode_basestring_ascii as _ascii_json  # json.dumps of one str
from typing import Any, Literal, overload

import peewee as pw

from sop_desktop.storage import db as dbm
from sop_desktop.storage.row_writes import runner

KIND_CASE = "kasus"
KIND_USER = "pengguna"
LEDGER_ID_KEY = "ledger.id"
PG_LEDGER_LOCK = 7_160_303  # beside migrations' 7_160_301 (migration) and 7_160_302 (seeding)
# What a digest covers, by column (a column added later is not covered, so old digests stay
# valid). Not cases.updated_at (bookkeeping) nor any user column that changes at log-in.
CASE_COLUMNS = ("id", "number", "sop_version_id", "sop_code", "year", "seq", "status",
                "current_step", "current_lane", "current_position_id", "step_started_at",
                "current_due", "fields", "created_by_id", "created_at", "recorded_at",
                "closed_at")
USER_COLUMNS = ("id", "username", "name", "nip", "jabatan", "role", "active")
_TIMES = frozenset({"step_started_at", "current_due", "created_at", "recorded_at", "closed_at"})
_INTS = frozenset({"id", "sop_version_id", "year", "seq", "current_step",
                   "current_position_id", "created_by_id"})
_TABLES = {KIND_CASE: ("cases", CASE_COLUMNS), KIND_USER: ("user", USER_COLUMNS)}
_BATCH = 2000
# one entry to append: (kind, ref, event id, event hash, state digest)
LedgerItem = tuple[str, int, int | None, str | None, str]


# -- hashing -------------------------------------------------------------------------------------

def _norm(column: str, value: Any) -> Any:
    """A column value as both engines give it back, in one form (times as ISO text...)."""
    if value is None:
        return None
    if column in _TIMES:
        if isinstance(value, dt.datetime):
            return value.isoformat()
        if isinstance(value, dt.date):
            return dt.datetime.combine(value, dt.time()).isoformat()
        try:
            return dt.datetime.fromisoformat(str(value)).isoformat()
        except ValueError:
            return str(value)
    if column in _INTS:
        return int(value)
    if column == "active":
        return bool(value)
    if column == "fields":
        try:
            return json.loads(value) if isinstance(value, str) else value
        except ValueError:
            return value
    return value if isinstance(value, str) else str(value)


def state_digest(kind: str, row: Sequence[Any]) -> str:
    """sha256 of a case's or user's own fields (`row`: values in CASE_COLUMNS/USER_COLUMNS
    order, as read from the database): of json.dumps([kind, values normalised by _norm],
    ensure_ascii=False, sort_keys=True, separators=(",", ":")), each column's _norm chosen
    once (issue 19: every step transition digests its case row)."""
    parts = ["null" if v is None else (typed.get(type(v)) or encode)(v)
             for (encode, typed), v in zip(_ENCODERS[kind], row, strict=False)]
    return hashlib.sha256((_STARTS[kind] + ",".join(parts) + "]]").encode("utf-8")).hexdigest()


_STATE_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def _encoder_of(column: str) -> Callable[[Any], str]:
    """_STATE_JSON(_norm(column, value)) for a value that is not None: the text that value
    has inside the digest's JSON list (a list's items are encoded one by one, joined by ",")."""
    if column in _INTS:
        return lambda value: int.__repr__(int(value))
    if column == "active":
        return lambda value: "true" if value else "false"
    if column == "fields":
        return _fields_json
    if column in _TIMES:
        return lambda value: (_stored_time_json(value) if isinstance(value, str)
                              else _text_json(_norm(column, value)))
    return lambda value: _text_json(value if isinstance(value, str) else str(value))


def _fields_json(value: Any) -> str:
    return _stored_fields_json(value) if isinstance(value, str) else _STATE_JSON(
        _norm("fields", value))


@functools.lru_cache(maxsize=4096)
def _stored_time_json(text: str) -> str:
    """A time as SQLite stores it, in the digest's JSON (a case's times recur): _norm's ISO
    text (no character of it needs escaping), or the text as it is when it is none."""
    try:
        return f'"{dt.datetime.fromisoformat(text).isoformat()}"'
    except ValueError:
        return _text_json(text)


@functools.lru_cache(maxsize=1024)
def _stored_fields_json(text: str) -> str:
    """A case's intake fields as stored, in the digest's JSON (they rarely change)."""
    return _STATE_JSON(_norm("fields", text))


def _typed_of(column: str) -> dict[type, Callable[[Any], str]]:
    """The encoder of each column's usual type of value, written by one call (exactly what
    _encoder_of's gives for it); other types go through _encoder_of's."""
    if column in _INTS:
        return {int: int.__repr__}
    if column == "fields":
        return {str: _stored_fields_json}
    if column in _TIMES:
        return {str: _stored_time_json}
    return {} if column == "active" else {str: _text_json}


_ENCODERS = {kind: tuple((_encoder_of(c), _typed_of(c)) for c in columns)
             for kind, (_, columns) in _TABLES.items()}
_STARTS = {kind: f"[{_STATE_JSON(kind)},[" for kind in _TABLES}


def _state_column(column: str, values: Sequence[Any],
                  caches: dict[tuple[str, Any], dict[Any, str]]) -> list[str]:
    """The JSON of each normalised value of one column, each distinct value encoded once
    (`caches`: one per column and type of value, kept by the caller between batches)."""
    kinds = set(map(type, values))
    kinds.discard(type(None))
    if len(kinds) > 1:  # 1 and True or 1.0 hash alike but may encode differently
        return [_STATE_JSON(_norm(column, v)) for v in values]
    if kinds == {int} and column in _INTS:  # ids: each one differs, nothing to share
        return ["null" if v is None else int.__repr__(v) for v in values]
    cache = caches.setdefault((column, next(iter(kinds), None)), {})
    try:
        for v in set(values).difference(cache):
            cache[v] = _STATE_JSON(_norm(column, v))
    except TypeError:  # unhashable values: one by one
        return [_STATE_JSON(_norm(column, v)) for v in values]
    return list(map(cache.__getitem__, values))


def state_digests(kind: str, rows: Sequence[Sequence[Any]],
                  caches: dict[tuple[str, Any], dict[Any, str]] | None = None) -> list[str]:
    """state_digest of each row (all rows as long), column by column: bulk writers hold rows
    whose times, codes and intake values repeat a lot. The same text, so the same digests.
    `caches`: the values' JSON kept from an earlier call (pass the same dict each batch)."""
    if not rows:
        return []
    columns = _TABLES[kind][1]
    caches = {} if caches is None else caches
    encoded = [_state_column(c, values, caches)
               for c, values in zip(columns, zip(*rows, strict=False), strict=False)]
    start = f"[{_STATE_JSON(kind)},["
    sha256 = hashlib.sha256
    return [sha256((start + ",".join(parts) + "]]").encode("utf-8")).hexdigest()
            for parts in zip(*encoded, strict=False)]


def genesis(ledger_id: str) -> str:
    """What the first entry chains from: a digest of the database's ledger id."""
    return hashlib.sha256(f"sop-desktop-ledger:{ledger_id}".encode()).hexdigest()


def entry_hash(previous: str, seq: int, kind: str, ref: int, event: int | None,
               event_hash: str | None, state: str) -> str:
    """One entry's chain hash: sha256(previous hash + canonical JSON of the entry)."""
    return hashlib.sha256((previous + _entry_text(seq, kind, ref, event, event_hash, state))
                          .encode("utf-8")).hexdigest()


def _entry_text(seq: int, kind: str, ref: int, event: int | None, event_hash: str | None,
                state: str) -> str:
    """json.dumps([seq, kind, ref, event, event_hash, state], separators=(",", ":")), written
    directly for the usual types (a fill or an upgrade chains one entry per case)."""
    if type(seq) is int and type(ref) is int and type(kind) is str and type(state) is str \
            and (event is None or type(event) is int) \
            and (event_hash is None or type(event_hash) is str):
        return (f"[{seq},{_ascii_json(kind)},{ref},{'null' if event is None else event},"
                f"{'null' if event_hash is None else _ascii_json(event_hash)},"
                f"{_ascii_json(state)}]")
    return json.dumps([seq, kind, ref, event, event_hash, state], separators=(",", ":"))


# -- reading -------------------------------------------------------------------------------------

@overload
def ledger_id(database: pw.Database, create: Literal[True]) -> str: ...
@overload
def ledger_id(database: pw.Database, create: bool = False) -> str | None: ...


def ledger_id(database: pw.Database, create: bool = False) -> str | None:
    """The database's ledger id (meta `ledger.id`); made on first use when `create`."""
    param = database.param
    row = database.execute_sql(f'SELECT "value" FROM "meta" WHERE "key" = {param}',
                               (LEDGER_ID_KEY,)).fetchone()
    if row and row[0]:
        return str(row[0])
    if not create:
        return None
    value = uuid.uuid4().hex
    database.execute_sql(f'INSERT INTO "meta" ("key", "value") VALUES ({param}, {param})',
                         (LEDGER_ID_KEY, value))
    return value


def has_ledger(database: pw.Database) -> bool:
    return database.table_exists("ledger")


def head(database: pw.Database) -> tuple[int, str | None]:
    """(number, hash) of the newest entry; (0, None) when the chain is empty."""
    row = runner(database)('SELECT "seq", "hash" FROM "ledger" ORDER BY "seq" DESC LIMIT 1',
                           ()).fetchone()
    return (int(row[0]), row[1]) if row else (0, None)


def read_states(database: pw.Database, kind: str, ids: Iterable[int]) -> dict[int, str]:
    """{id: state digest} of the given cases or users (absent ids are left out)."""
    table, columns = _TABLES[kind]
    cols = ", ".join(f'"{c}"' for c in columns)
    wanted = sorted(set(ids))
    out: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ", ".join([database.param] * len(chunk))
        for row in database.execute_sql(
                f'SELECT {cols} FROM "{table}" WHERE "id" IN ({marks})', chunk).fetchall():
            out[int(row[0])] = state_digest(kind, row)
    return out


# -- writing -------------------------------------------------------------------------------------

def _locked_head(database: pw.Database) -> tuple[int, str | None]:
    """Hold the chain until commit, then read its head(). SQLite: the write transaction
    (BEGIN IMMEDIATE) already admits one writer at a time; PostgreSQL: a transaction-level
    advisory lock, taken in the same round trip as the read (issue 19)."""
    if dbm.is_sqlite(database):
        return head(database)
    row = database.execute_sql(
        "SELECT pg_advisory_xact_lock(%s);\n"
        'SELECT "seq", "hash" FROM "ledger" ORDER BY "seq" DESC LIMIT 1',
        (PG_LEDGER_LOCK,)).fetchone()
    return (int(row[0]), row[1]) if row else (0, None)


def joined(database: pw.Database | pw.DatabaseProxy) -> AbstractContextManager[Any]:
    """The caller's running transaction (no savepoint: a failure rolls the caller back
    anyway, and each savepoint is a round trip per event), or a new one."""
    return contextlib.nullcontext() if database.in_transaction() else database.atomic()


def append(database: pw.Database, items: Iterable[LedgerItem]) -> tuple[int, str]:
    """Append entries [(kind, ref, event id, event hash, state digest)] after the newest one,
    inside the caller's write transaction (or its own). Returns the new (number, hash)."""
    with joined(database):
        seq, previous = _locked_head(database)
        if previous is None:
            previous = genesis(ledger_id(database, create=True))
        now = dbm.now_local()
        stamp = now.isoformat(" ") if dbm.is_sqlite(database) else now
        rows: list[tuple[Any, ...]] = []
        for kind, ref, event, event_hash, state in items:
            seq += 1
            previous = entry_hash(previous, seq, kind, int(ref), event, event_hash, state)
            rows.append((seq, kind, int(ref), event, state, stamp, previous))
        _insert(database, rows)
    return seq, previous


def _insert(database: pw.Database, rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    columns = '"seq", "kind", "ref", "event", "state", "recorded_at", "hash"'
    if dbm.is_sqlite(database) or len(rows) < 20:
        p = database.param
        database.cursor().executemany(
            f'INSERT INTO "ledger" ({columns}) VALUES ({", ".join([p] * 7)})', rows)
        return
    from psycopg2.extras import execute_values

    execute_values(database.cursor(), f'INSERT INTO "ledger" ({columns}) VALUES %s', rows,
                   page_size=2000)


def record_case(case_id: int, event_id: int, event_hash: str, database: pw.Database | None = None,
                *, state: str | None = None) -> None:
    """The entry for an event just written: the case's row as it stands now, with the event.
    Call it inside the transaction that wrote the event and saved the case row. `state`: the
    row's digest when the caller has it (state_digest of the row its UPDATE ... RETURNING
    gave back), else read here."""
    database = database or dbm.database.obj
    if state is None:
        state = read_states(database, KIND_CASE, [case_id])[int(case_id)]
    append(database, [(KIND_CASE, case_id, int(event_id), event_hash, state)])


def record_user(user_id: int, database: pw.Database | None = None) -> None:
    """The entry for a user created or changed (names, NIP, jabatan, role, active); call it
    inside the transaction that saved the user row."""
    database = database or dbm.database.obj
    state = read_states(database, KIND_USER, [user_id])[int(user_id)]
    append(database, [(KIND_USER, user_id, None, None, state)])


def record_unledgered(database: pw.Database, cases_from: int = 0) -> tuple[int, int]:
    """Give every user and every case (id >= `cases_from`) that has no entry yet one entry
    with its state as found (the schema upgrade that starts the chain). Never
    called on rows the chain already covers. Returns (users, cases) recorded."""
    users = record_unledgered_users(database)
    cols = ", ".join(f'c."{c}"' for c in CASE_COLUMNS)
    p = database.param
    done, last = 0, max(int(cases_from), 1) - 1
    while True:
        rows = database.execute_sql(
            f'SELECT {cols}, h."id", h."hash" FROM "cases" c LEFT JOIN "history" h ON h."id" = '
            '(SELECT MAX(h2."id") FROM "history" h2 WHERE h2."case_id" = c."id") '
            f'WHERE c."id" > {p} AND NOT EXISTS (SELECT 1 FROM "ledger" l WHERE l."kind" = {p} '
            f'AND l."ref" = c."id") ORDER BY c."id" LIMIT {_BATCH}', (last, KIND_CASE)).fetchall()
        if not rows:
            return users, done
        width = len(CASE_COLUMNS)
        states = state_digests(KIND_CASE, [r[:width] for r in rows])
        append(database, [(KIND_CASE, r[0], r[width], r[width + 1], state)
                          for r, state in zip(rows, states, strict=True)])
        done += len(rows)
        last = rows[-1][0]


def record_unledgered_users(database: pw.Database) -> int:
    """Give every user without an entry one entry with its state as found; returns how many
    (record_unledgered's first part; a demo fill chains its cases from the rows it holds)."""
    users = [r[0] for r in database.execute_sql(
        'SELECT "id" FROM "user" u WHERE NOT EXISTS (SELECT 1 FROM "ledger" l WHERE '
        f'l."kind" = {database.param} AND l."ref" = u."id") ORDER BY "id"',
        (KIND_USER,)).fetchall()]
    for start in range(0, len(users), _BATCH):
        chunk = users[start:start + _BATCH]
        states = read_states(database, KIND_USER, chunk)
        append(database, [(KIND_USER, i, None, None, states[i]) for i in chunk])
    return len(users)


# -- the append-only guard -----------------------------------------------------------------------

GUARD_TABLES = ("history", "ledger")


def _sqlite_guard(table: str) -> list[tuple[str, str]]:
    """(name, CREATE TRIGGER) of the two SQLite triggers that keep `table` append-only."""
    what = {"history": "riwayat kasus", "ledger": "rantai riwayat global"}[table]
    out: list[tuple[str, str]] = []
    for event, verb in (("update", "diubah"), ("delete", "dihapus")):
        name = f"{table}_no_{event}"
        sql = (f'CREATE TRIGGER IF NOT EXISTS {name} BEFORE {event.upper()} ON "{table}" '
               f"BEGIN SELECT RAISE(ABORT, '{what} tidak boleh {verb}'); END")
        out.append((name, sql))
    return out


def _pg_guard(table: str) -> list[tuple[str, str]]:
    """(name, CREATE TRIGGER) of the PostgreSQL trigger that keeps `table` append-only."""
    name = "history_read_only" if table == "history" else f"{table}_read_only"
    sql = (f'CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON "{table}" '
           "FOR EACH ROW EXECUTE FUNCTION history_read_only()")
    return [(name, sql)]


_PG_FUNCTION = ("CREATE OR REPLACE FUNCTION history_read_only() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'riwayat kasus tidak boleh diubah atau dihapus'; END $$ "
                "LANGUAGE plpgsql")


def _existing_triggers(database: pw.Database) -> dict[str, bool]:
    """{trigger name: enabled} of the app's tables."""
    if dbm.is_sqlite(database):
        rows = database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
        return {r[0]: True for r in rows}
    rows = database.execute_sql(
        "SELECT t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE NOT t.tgisinternal AND c.relname IN ('history', 'ledger') "
        "AND c.relnamespace = to_regnamespace(current_schema())::oid").fetchall()
    return {r[0]: r[1] != "D" for r in rows}


def missing_guards(database: pw.Database) -> list[str]:
    """The append-only triggers that are absent (or, on PostgreSQL, disabled)."""
    present = _existing_triggers(database)
    out: list[str] = []
    for table in GUARD_TABLES:
        if not database.table_exists(table):
            continue
        for name, _ in (_sqlite_guard(table) if dbm.is_sqlite(database) else _pg_guard(table)):
            if not present.get(name):
                out.append(name)
    return out


def install_guards(database: pw.Database) -> None:
    """Make history and the global chain append-only in the database itself (idempotent);
    a disabled PostgreSQL trigger is dropped and made again."""
    sqlite = dbm.is_sqlite(database)
    with database.atomic():
        if not sqlite:
            database.execute_sql(_PG_FUNCTION)
        present = _existing_triggers(database)
        for table in GUARD_TABLES:
            if not database.table_exists(table):
                continue
            for name, sql in (_sqlite_guard(table) if sqlite else _pg_guard(table)):
                if present.get(name):
                    continue
                if not sqlite:
                    database.execute_sql(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
                database.execute_sql(sql)


def create_ledger(database: pw.Database) -> None:
    """The ledger table, its index, its id and the append-only triggers (idempotent)."""
    database.create_tables([dbm.Ledger], safe=True)
    ledger_id(database, create=True)
    install_guards(database)
