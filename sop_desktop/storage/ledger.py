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
import hashlib
import json
import uuid

import peewee as pw

from sop_desktop.storage import db as dbm

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


# -- hashing -------------------------------------------------------------------------------------

def _norm(column: str, value):
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


def state_digest(kind: str, row) -> str:
    """sha256 of a case's or user's own fields (`row`: values in CASE_COLUMNS/USER_COLUMNS
    order, as read from the database)."""
    columns = _TABLES[kind][1]
    values = [_norm(c, v) for c, v in zip(columns, row, strict=False)]
    text = json.dumps([kind, values], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def genesis(ledger_id: str) -> str:
    """What the first entry chains from: a digest of the database's ledger id."""
    return hashlib.sha256(f"sop-desktop-ledger:{ledger_id}".encode()).hexdigest()


def entry_hash(previous: str, seq: int, kind: str, ref: int, event: int | None,
               event_hash: str | None, state: str) -> str:
    """One entry's chain hash: sha256(previous hash + canonical JSON of the entry)."""
    text = json.dumps([seq, kind, ref, event, event_hash, state], separators=(",", ":"))
    return hashlib.sha256((previous + text).encode("utf-8")).hexdigest()


# -- reading -------------------------------------------------------------------------------------

def ledger_id(database, create: bool = False) -> str | None:
    """The database's ledger id (meta `ledger.id`); made on first use when `create`."""
    param = database.param
    row = database.execute_sql(f'SELECT "value" FROM "meta" WHERE "key" = {param}',
                               (LEDGER_ID_KEY,)).fetchone()
    if row and row[0]:
        return row[0]
    if not create:
        return None
    value = uuid.uuid4().hex
    database.execute_sql(f'INSERT INTO "meta" ("key", "value") VALUES ({param}, {param})',
                         (LEDGER_ID_KEY, value))
    return value


def has_ledger(database) -> bool:
    return database.table_exists("ledger")


def head(database) -> tuple[int, str | None]:
    """(number, hash) of the newest entry; (0, None) when the chain is empty."""
    row = database.execute_sql(
        'SELECT "seq", "hash" FROM "ledger" ORDER BY "seq" DESC LIMIT 1').fetchone()
    return (int(row[0]), row[1]) if row else (0, None)


def read_states(database, kind: str, ids) -> dict[int, str]:
    """{id: state digest} of the given cases or users (absent ids are left out)."""
    table, columns = _TABLES[kind]
    cols = ", ".join(f'"{c}"' for c in columns)
    ids = sorted(set(ids))
    out = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join([database.param] * len(chunk))
        for row in database.execute_sql(
                f'SELECT {cols} FROM "{table}" WHERE "id" IN ({marks})', chunk).fetchall():
            out[int(row[0])] = state_digest(kind, row)
    return out


# -- writing -------------------------------------------------------------------------------------

def _lock(database) -> None:
    """Hold the chain until commit. SQLite: the write transaction (BEGIN IMMEDIATE) already
    admits one writer at a time; PostgreSQL: a transaction-level advisory lock."""
    if not dbm.is_sqlite(database):
        database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (PG_LEDGER_LOCK,))


def joined(database):
    """The caller's running transaction (no savepoint: a failure rolls the caller back
    anyway, and each savepoint is a round trip per event), or a new one."""
    return contextlib.nullcontext() if database.in_transaction() else database.atomic()


def append(database, items) -> tuple[int, str]:
    """Append entries [(kind, ref, event id, event hash, state digest)] after the newest one,
    inside the caller's write transaction (or its own). Returns the new (number, hash)."""
    with joined(database):
        _lock(database)
        seq, previous = head(database)
        if previous is None:
            previous = genesis(ledger_id(database, create=True))
        now = dbm.now_local()
        stamp = now.isoformat(" ") if dbm.is_sqlite(database) else now
        rows = []
        for kind, ref, event, event_hash, state in items:
            seq += 1
            previous = entry_hash(previous, seq, kind, int(ref), event, event_hash, state)
            rows.append((seq, kind, int(ref), event, state, stamp, previous))
        _insert(database, rows)
    return seq, previous


def _insert(database, rows) -> None:
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


def record_case(case_id: int, event_id: int, event_hash: str, database=None) -> None:
    """The entry for an event just written: the case's row as it stands now, with the event.
    Call it inside the transaction that wrote the event and saved the case row."""
    database = database or dbm.database.obj
    state = read_states(database, KIND_CASE, [case_id])[int(case_id)]
    append(database, [(KIND_CASE, case_id, int(event_id), event_hash, state)])


def record_user(user_id: int, database=None) -> None:
    """The entry for a user created or changed (names, NIP, jabatan, role, active); call it
    inside the transaction that saved the user row."""
    database = database or dbm.database.obj
    state = read_states(database, KIND_USER, [user_id])[int(user_id)]
    append(database, [(KIND_USER, user_id, None, None, state)])


def record_unledgered(database, cases_from: int = 0) -> tuple[int, int]:
    """Give every user and every case (id >= `cases_from`) that has no entry yet one entry
    with its state as found (the schema upgrade that starts the chain, a demo fill). Never
    called on rows the chain already covers. Returns (users, cases) recorded."""
    users = [r[0] for r in database.execute_sql(
        'SELECT "id" FROM "user" u WHERE NOT EXISTS (SELECT 1 FROM "ledger" l WHERE '
        f'l."kind" = {database.param} AND l."ref" = u."id") ORDER BY "id"',
        (KIND_USER,)).fetchall()]
    for start in range(0, len(users), _BATCH):
        chunk = users[start:start + _BATCH]
        states = read_states(database, KIND_USER, chunk)
        append(database, [(KIND_USER, i, None, None, states[i]) for i in chunk])
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
            return len(users), done
        width = len(CASE_COLUMNS)
        append(database, [(KIND_CASE, r[0], r[width], r[width + 1],
                            state_digest(KIND_CASE, r[:width])) for r in rows])
        done += len(rows)
        last = rows[-1][0]


# -- the append-only guard -----------------------------------------------------------------------

GUARD_TABLES = ("history", "ledger")


def _sqlite_guard(table: str) -> list[tuple[str, str]]:
    """(name, CREATE TRIGGER) of the two SQLite triggers that keep `table` append-only."""
    what = {"history": "riwayat kasus", "ledger": "rantai riwayat global"}[table]
    out = []
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


def _existing_triggers(database) -> dict[str, bool]:
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


def missing_guards(database) -> list[str]:
    """The append-only triggers that are absent (or, on PostgreSQL, disabled)."""
    present = _existing_triggers(database)
    out = []
    for table in GUARD_TABLES:
        if not database.table_exists(table):
            continue
        for name, _ in (_sqlite_guard(table) if dbm.is_sqlite(database) else _pg_guard(table)):
            if not present.get(name):
                out.append(name)
    return out


def install_guards(database) -> None:
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
