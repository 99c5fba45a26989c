"""Schema versions and migrations (schema version kept in the `meta` table).

Every pending migration runs in ONE transaction. A backup is taken first when the database
already had a schema (sop_desktop.storage.backup_make.auto_backup: SQLite's backup API, or a logical dump on
PostgreSQL), and on SQLite foreign keys are switched off during the run so tables can be rebuilt
(SQLite's documented 12-step procedure); a foreign_key_check must come back empty before the
transaction commits.

History of the schema:
  1  first release: SOP library, positions, settings, users, cases, history, attachments,
     counters, refusals, agenda surat keluar.
  2  cases.current_due (the current step's due time, stored at each transition and indexed
     with current_position and status, so inbox queries need no computation).
  3  history.hash: each event's hash covers the previous event of its case (a tamper-evident
     chain checked by `sop-desktop check`); existing events are chained per case in id order.
  4  outgoing_letter: a unique index on (number, year issued): no letter number twice a year.
  5  ledger: the global history chain over every event in commit order, covering each case's
     own row and each user's names (sop_desktop.storage.ledger), append-only by trigger; existing
     users and cases get one entry each, as found.
  6  disposisi and awareness (sop_desktop.services.disposisi): cases.holder_id / held_at (who took the
     case, "Ambil") and cases.sifat; tables disposisi (named recipients with an instruction)
     and case_read (a read marker per user and case).
  7  settings in one naming style (sop_desktop.settings): office_profile, calendar,
     letter_numbering and report_signer are stored as office.profile, office.calendar,
     letters.numbering and reports.signer.
  8  history.seconds_taken in double precision on PostgreSQL (it was `real`, 4 bytes).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable

import peewee as pw

from sop_desktop.settings import CALENDAR, RENAMED
from sop_desktop.storage import db as dbm

# the version lives below this module and the backup checks (sop_desktop.storage.schema): bump
# it there with a new _vN; `migrations.SCHEMA_VERSION` stays the name everyone reads
from sop_desktop.storage.schema import SCHEMA_VERSION as SCHEMA_VERSION
from sop_desktop.storage.schema import current_version as current_version

log = logging.getLogger(__name__)

# A fixed key for PostgreSQL's advisory lock: two PCs starting at once migrate one at a time.
_PG_MIGRATION_LOCK = 7_160_301
PG_SEED_LOCK = 7_160_302

_HISTORY_GUARD_SQLITE = (
    'CREATE TRIGGER IF NOT EXISTS history_no_update BEFORE UPDATE ON "history" '
    "BEGIN SELECT RAISE(ABORT, 'riwayat kasus tidak boleh diubah'); END",
    'CREATE TRIGGER IF NOT EXISTS history_no_delete BEFORE DELETE ON "history" '
    "BEGIN SELECT RAISE(ABORT, 'riwayat kasus tidak boleh dihapus'); END",
)
_HISTORY_GUARD_PG = (
    "CREATE OR REPLACE FUNCTION history_read_only() RETURNS trigger AS $$ BEGIN "
    "RAISE EXCEPTION 'riwayat kasus tidak boleh diubah atau dihapus'; END $$ LANGUAGE plpgsql",
    'DROP TRIGGER IF EXISTS history_read_only ON "history"',
    'CREATE TRIGGER history_read_only BEFORE UPDATE OR DELETE ON "history" '
    "FOR EACH ROW EXECUTE FUNCTION history_read_only()",
)


def install_history_guard(database: pw.Database) -> None:
    """Make the history table append-only in the database itself, not only in app code."""
    for sql in (_HISTORY_GUARD_SQLITE if dbm.is_sqlite(database) else _HISTORY_GUARD_PG):
        database.execute_sql(sql)


def drop_history_guard(database: pw.Database) -> None:
    """Remove the append-only triggers (inside a migration's transaction only)."""
    if dbm.is_sqlite(database):
        database.execute_sql("DROP TRIGGER IF EXISTS history_no_update")
        database.execute_sql("DROP TRIGGER IF EXISTS history_no_delete")
    else:
        database.execute_sql('DROP TRIGGER IF EXISTS history_read_only ON "history"')


def _v1(database: pw.Database) -> None:
    # A fresh database gets today's tables directly; later steps only change what is missing.
    database.create_tables(dbm.ALL_MODELS, safe=True)
    install_history_guard(database)


def _v2(database: pw.Database) -> None:
    columns = {c.name for c in database.get_columns(dbm.Case._meta.table_name)}
    if "current_due" not in columns:
        if dbm.is_sqlite(database):
            rebuild_sqlite_table(database, dbm.Case)
        else:
            database.execute_sql('ALTER TABLE "cases" ADD COLUMN "current_due" TIMESTAMP')
            database.execute_sql('DROP INDEX IF EXISTS "cases_current_position_id_status"')
            dbm.schema_of(dbm.Case).create_indexes(safe=True)
        _fill_current_due(database)
    dbm.schema_of(dbm.Case).create_indexes(safe=True)


def _fill_current_due(database: pw.Database) -> None:
    """Compute the stored due time of every open case from its SOP version and the calendar."""
    # deferred: every start imports this module for the version check, and only this old
    # migration builds SOP definitions and the calendar (start-up, issue 19)
    from sop_desktop.domain.calendar import CalendarSettings, WorkCalendar
    from sop_desktop.domain.model import SopDefinition

    # schema 2 predates schema 7's key names: the calendar is still under its former key
    cal = WorkCalendar(CalendarSettings.from_dict(dbm.get_setting(CALENDAR.formerly or CALENDAR.key)))
    defs: dict[int, SopDefinition] = {}
    query = (dbm.Case.select(dbm.Case.id, dbm.Case.sop_version, dbm.Case.current_step,
                             dbm.Case.step_started_at)
             .where((dbm.Case.status == "berjalan") & dbm.Case.current_step.is_null(False)))
    for case in query:
        vid = case.sop_version_id
        if case.current_step is None:  # left out by the query
            continue
        if vid not in defs:
            defs[vid] = SopDefinition.from_dict(dbm.SopVersion.get_by_id(vid).definition)
        try:
            step = defs[vid].step(case.current_step)
        except KeyError:
            continue
        if step.waktu is None or case.step_started_at is None:
            continue
        due = cal.due(case.step_started_at, step.waktu)
        dbm.Case.update(current_due=due).where(dbm.Case.id == case.id).execute()


def rebuild_sqlite_table(database: pw.Database, model: type[pw.Model]) -> None:
    """Rebuild one table to the model's current definition, keeping the columns both share.

    SQLite's documented procedure: create the new table, copy, drop the old one, rename the
    new one. Foreign keys must be off (migrate() does that) so that the drop touches nothing.
    """
    table = model._meta.table_name
    tmp = f"{table}__new"
    old_cols = [c.name for c in database.get_columns(table)]
    new_cols = [f.column_name for f in model._meta.sorted_fields]
    shared = [c for c in new_cols if c in old_cols]
    create = dbm.schema_of(model)._create_table(safe=False)  # type: ignore[attr-defined]  # peewee's, not in its stubs
    sql, params = database.get_sql_context().sql(create).query()
    prefix = f'CREATE TABLE "{table}"'
    assert sql.startswith(prefix), sql
    database.execute_sql(f'CREATE TABLE "{tmp}"' + sql[len(prefix):], params)
    cols = ", ".join(f'"{c}"' for c in shared)
    database.execute_sql(f'INSERT INTO "{tmp}" ({cols}) SELECT {cols} FROM "{table}"')
    database.execute_sql(f'DROP TABLE "{table}"')
    database.execute_sql(f'ALTER TABLE "{tmp}" RENAME TO "{table}"')
    dbm.schema_of(model).create_indexes(safe=True)


def _v3(database: pw.Database) -> None:
    # deferred on purpose (as in _v5): the history chain's modules are for writing, and start-up
    # imports them only when a migration is due (issue 19)
    from sop_desktop.storage import integrity

    columns = {c.name for c in database.get_columns(dbm.History._meta.table_name)}
    if integrity.HASH_FIELD not in columns:
        # a nullable column: a plain ALTER TABLE on both engines, no rebuild
        database.execute_sql(f'ALTER TABLE "history" ADD COLUMN "{integrity.HASH_FIELD}" TEXT')
    # the append-only guard refuses the UPDATE that writes the hashes: lift it for this
    # transaction only (a failure rolls the drop back too)
    drop_history_guard(database)
    count = integrity.fill_missing_hashes(database)
    install_history_guard(database)
    dbm.schema_of(dbm.Case).create_indexes(safe=True)  # cases(current_due), new in version 3
    if count:
        log.info("rantai hash riwayat dibuat untuk %d peristiwa", count)


def _v4(database: pw.Database) -> None:
    """A letter number is issued once per year: a unique index on (number, year issued).

    Letters numbered twice in one year before this version (if any) stay as they were, and
    the index covers every letter after the last of them."""
    year = ('substr("issued_at", 1, 4)' if dbm.is_sqlite(database)
            else 'EXTRACT(YEAR FROM "issued_at")')
    twice = database.execute_sql(
        f'SELECT MAX("id") FROM "outgoing_letter" WHERE ("number", {year}) IN ('
        f'SELECT "number", {year} FROM "outgoing_letter" GROUP BY "number", {year} '
        'HAVING COUNT(*) > 1)').fetchone()[0]
    where = f' WHERE "id" > {int(twice)}' if twice else ""
    if twice:
        log.warning("nomor surat ganda dari versi lama sampai surat #%d dibiarkan", twice)
    database.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "outgoing_letter_number_year" '
                         f'ON "outgoing_letter" ("number", ({year})){where}')


def _v5(database: pw.Database) -> None:
    """The global chain: its table and triggers, then one entry per existing user and case."""
    # deferred on purpose: the global chain's module is for writing, and start-up imports it
    # only when a migration is due (issue 19)
    from sop_desktop.storage import ledger

    ledger.create_ledger(database)
    users, cases = ledger.record_unledgered(database)
    if users or cases:
        log.info("rantai global dibuat: %d pengguna, %d kasus", users, cases)


def _v6(database: pw.Database) -> None:
    """Disposisi, the case holder, sifat and read markers (only what is missing is added)."""
    columns = {c.name for c in database.get_columns(dbm.Case._meta.table_name)}
    time_type = "DATETIME" if dbm.is_sqlite(database) else "TIMESTAMP"
    for name, sql_type in (("holder_id", 'INTEGER REFERENCES "user" ("id")'),
                           ("held_at", time_type), ("sifat", "INTEGER")):
        if name not in columns:
            database.execute_sql(f'ALTER TABLE "cases" ADD COLUMN "{name}" {sql_type}')
    database.create_tables([dbm.Disposisi, dbm.CaseRead], safe=True)


def _v7(database: pw.Database) -> None:
    """Setting keys in one (dotted) style: each row under a former key moves to its key; a row
    already under the new key wins and the old one is dropped."""
    mark = database.param
    for old, new in RENAMED.items():
        if database.execute_sql(f'SELECT 1 FROM "setting" WHERE "key" = {mark}', (new,)).fetchone():
            database.execute_sql(f'DELETE FROM "setting" WHERE "key" = {mark}', (old,))
        else:
            database.execute_sql(f'UPDATE "setting" SET "key" = {mark} WHERE "key" = {mark}',
                                 (new, old))


def _v8(database: pw.Database) -> None:
    """history.seconds_taken in double precision on PostgreSQL: `real` (4 bytes) rounded a step
    longer than 2^24 s (about 194 days) and the history check then saw a changed event. SQLite's
    REAL is 8 bytes already."""
    if not dbm.is_sqlite(database):
        database.execute_sql('ALTER TABLE "history" ALTER COLUMN "seconds_taken" TYPE DOUBLE PRECISION')


MIGRATIONS = {1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _v5, 6: _v6, 7: _v7, 8: _v8}


def migrate(database: pw.Database) -> int:
    """Bring the schema to SCHEMA_VERSION; refuse a database from a newer app."""
    version = current_version(database)
    if version > SCHEMA_VERSION:
        raise dbm.DatabaseError(
            f"Basis data ini dibuat oleh versi SOP Desktop yang lebih baru (skema {version}, "
            f"aplikasi ini mengenal sampai {SCHEMA_VERSION}). Perbarui aplikasi.")
    if version == SCHEMA_VERSION:
        return version
    sqlite = dbm.is_sqlite(database)
    if version >= 1:
        # a verified copy first (SQLite: the backup API; PostgreSQL: a logical dump of the
        # app's tables), kept beside the other backups under the safety retention; imported
        # here on purpose: making a backup (and its modules) is deferred past start-up, when no
        # migration is due (issue 19)
        from sop_desktop.storage.backup_make import auto_backup

        path = auto_backup(database, "pre-migration")
        if path is not None:
            log.info("salinan cadangan sebelum migrasi: %s", path)
    if isinstance(database, pw.SqliteDatabase):
        database.pragma("foreign_keys", 0)  # only effective outside a transaction
    try:
        with database.atomic():
            if not sqlite:
                database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_PG_MIGRATION_LOCK,))
            version = current_version(database)  # again, now that we hold the write lock
            start = version
            while version < SCHEMA_VERSION:
                MIGRATIONS[version + 1](database)
                version += 1
            if version != start:
                dbm.upsert(dbm.Meta, dbm.Meta.key, key="schema_version", value=str(version))
            if sqlite:
                broken = database.execute_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise dbm.DatabaseError(
                        "Migrasi dibatalkan: ada rujukan antartabel yang rusak "
                        f"({len(broken)} baris, mis. tabel {broken[0][0]}). Basis data tidak diubah.")
    finally:
        if isinstance(database, pw.SqliteDatabase):
            database.pragma("foreign_keys", 1)
    return version


# -- the schema as released in version 1 (kept to test the upgrade path) ---------------------------

SCHEMA_V1_SQLITE = [
    # version 1 had no cases.current_due: inboxes computed due times on the fly
    'CREATE TABLE "attachment" ("id" INTEGER NOT NULL PRIMARY KEY, "case_id" INTEGER NOT NULL, '
    '"history_id" INTEGER, "sha256" VARCHAR(255) NOT NULL, "name" TEXT NOT NULL, "size" INTEGER '
    'NOT NULL, "added_by_id" INTEGER, "added_at" DATETIME NOT NULL, FOREIGN KEY ("case_id") '
    'REFERENCES "cases" ("id"), FOREIGN KEY ("history_id") REFERENCES "history" ("id"), FOREIGN '
    'KEY ("added_by_id") REFERENCES "user" ("id"))',
    'CREATE TABLE "cases" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, '
    '"sop_version_id" INTEGER NOT NULL, "sop_code" VARCHAR(255) NOT NULL, "year" INTEGER NOT '
    'NULL, "seq" INTEGER NOT NULL, "status" VARCHAR(255) NOT NULL, "current_step" INTEGER, '
    '"current_lane" TEXT, "current_position_id" INTEGER, "step_started_at" DATETIME, "fields" '
    'TEXT NOT NULL, "created_by_id" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, '
    '"recorded_at" DATETIME NOT NULL, "closed_at" DATETIME, "updated_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("sop_version_id") REFERENCES "sop_version" ("id"), FOREIGN KEY '
    '("current_position_id") REFERENCES "position" ("id"), FOREIGN KEY ("created_by_id") '
    'REFERENCES "user" ("id"))',
    'CREATE TABLE "counter" ("id" INTEGER NOT NULL PRIMARY KEY, "key" VARCHAR(255) NOT NULL, '
    '"year" INTEGER NOT NULL, "value" INTEGER NOT NULL)',
    'CREATE TABLE "history" ("id" INTEGER NOT NULL PRIMARY KEY, "case_id" INTEGER NOT NULL, '
    '"action" VARCHAR(255) NOT NULL, "from_step" INTEGER, "to_step" INTEGER, "decision" '
    'VARCHAR(255), "user_id" INTEGER NOT NULL, "position_id" INTEGER, "on_behalf_of_id" INTEGER, '
    '"at" DATETIME NOT NULL, "recorded_at" DATETIME NOT NULL, "note" TEXT NOT NULL, "attachments"'
    ' TEXT NOT NULL, "seconds_taken" REAL, "due" DATETIME, "on_time" INTEGER, FOREIGN KEY '
    '("case_id") REFERENCES "cases" ("id"), FOREIGN KEY ("user_id") REFERENCES "user" ("id"), '
    'FOREIGN KEY ("position_id") REFERENCES "position" ("id"), FOREIGN KEY ("on_behalf_of_id") '
    'REFERENCES "user" ("id"))',
    'CREATE TABLE "meta" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "outgoing_letter" ("id" INTEGER NOT NULL PRIMARY KEY, "case_id" INTEGER, '
    '"template" VARCHAR(255) NOT NULL, "number" VARCHAR(255) NOT NULL, "subject" TEXT NOT NULL, '
    '"addressee" TEXT NOT NULL, "issued_at" DATETIME NOT NULL, "issued_by_id" INTEGER, "signer" '
    'TEXT NOT NULL, "file_sha256" VARCHAR(255) NOT NULL, FOREIGN KEY ("case_id") REFERENCES '
    '"cases" ("id"), FOREIGN KEY ("issued_by_id") REFERENCES "user" ("id"))',
    'CREATE TABLE "position" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, '
    '"aliases" TEXT NOT NULL, "external" INTEGER NOT NULL)',
    'CREATE TABLE "refusal" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, "user_id"'
    ' INTEGER, "username" VARCHAR(255) NOT NULL, "case_id" INTEGER, "action" VARCHAR(255) NOT '
    'NULL, "reason" TEXT NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id"), FOREIGN KEY '
    '("case_id") REFERENCES "cases" ("id"))',
    'CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "sop_version" ("id" INTEGER NOT NULL PRIMARY KEY, "code" VARCHAR(255) NOT NULL,'
    ' "version" INTEGER NOT NULL, "name" TEXT NOT NULL, "definition" TEXT NOT NULL, "created_at" '
    'DATETIME NOT NULL, "source" TEXT NOT NULL)',
    'CREATE TABLE "user" ("id" INTEGER NOT NULL PRIMARY KEY, "username" VARCHAR(255) NOT NULL, '
    '"name" TEXT NOT NULL, "nip" VARCHAR(255) NOT NULL, "jabatan" TEXT NOT NULL, "password_hash" '
    'TEXT NOT NULL, "role" VARCHAR(255) NOT NULL, "active" INTEGER NOT NULL, "failed_logins" '
    'INTEGER NOT NULL, "locked_until" DATETIME, "created_at" DATETIME NOT NULL)',
    'CREATE TABLE "user_position" ("id" INTEGER NOT NULL PRIMARY KEY, "user_id" INTEGER NOT NULL,'
    ' "position_id" INTEGER NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE '
    'CASCADE, FOREIGN KEY ("position_id") REFERENCES "position" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "attachment_added_by_id" ON "attachment" ("added_by_id")',
    'CREATE INDEX "attachment_case_id" ON "attachment" ("case_id")',
    'CREATE INDEX "attachment_history_id" ON "attachment" ("history_id")',
    'CREATE INDEX "attachment_sha256" ON "attachment" ("sha256")',
    'CREATE INDEX "cases_created_at" ON "cases" ("created_at")',
    'CREATE INDEX "cases_created_by_id" ON "cases" ("created_by_id")',
    'CREATE INDEX "cases_current_position_id" ON "cases" ("current_position_id")',
    'CREATE UNIQUE INDEX "cases_number" ON "cases" ("number")',
    'CREATE INDEX "cases_sop_code" ON "cases" ("sop_code")',
    'CREATE UNIQUE INDEX "cases_sop_code_year_seq" ON "cases" ("sop_code", "year", "seq")',
    'CREATE INDEX "cases_sop_version_id" ON "cases" ("sop_version_id")',
    'CREATE UNIQUE INDEX "counter_key_year" ON "counter" ("key", "year")',
    'CREATE INDEX "history_at" ON "history" ("at")',
    'CREATE INDEX "history_case_id" ON "history" ("case_id")',
    'CREATE INDEX "history_case_id_id" ON "history" ("case_id", "id")',
    'CREATE INDEX "history_on_behalf_of_id" ON "history" ("on_behalf_of_id")',
    'CREATE INDEX "history_position_id" ON "history" ("position_id")',
    'CREATE INDEX "history_user_id" ON "history" ("user_id")',
    'CREATE INDEX "outgoing_letter_case_id" ON "outgoing_letter" ("case_id")',
    'CREATE INDEX "outgoing_letter_issued_by_id" ON "outgoing_letter" ("issued_by_id")',
    'CREATE INDEX "outgoing_letter_number" ON "outgoing_letter" ("number")',
    'CREATE UNIQUE INDEX "position_name" ON "position" ("name")',
    'CREATE INDEX "refusal_case_id" ON "refusal" ("case_id")',
    'CREATE INDEX "refusal_user_id" ON "refusal" ("user_id")',
    'CREATE INDEX "sop_version_code" ON "sop_version" ("code")',
    'CREATE UNIQUE INDEX "sop_version_code_version" ON "sop_version" ("code", "version")',
    'CREATE INDEX "user_position_position_id" ON "user_position" ("position_id")',
    'CREATE INDEX "user_position_user_id" ON "user_position" ("user_id")',
    'CREATE UNIQUE INDEX "user_position_user_id_position_id" ON "user_position" ("user_id", '
    '"position_id")',
    'CREATE UNIQUE INDEX "user_username" ON "user" ("username")',
    'CREATE INDEX "cases_current_position_id_status" ON "cases" ("current_position_id", "status")',
    *_HISTORY_GUARD_SQLITE,
    """INSERT INTO "meta" ("key", "value") VALUES ('schema_version', '1')""",
]


# -- the schema as version 2 left it (kept to test the upgrade to the hash chain) ----------------

_CASES_V2 = (
    'CREATE TABLE "cases" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(255) NOT NULL, '
    '"sop_version_id" INTEGER NOT NULL, "sop_code" VARCHAR(255) NOT NULL, "year" INTEGER NOT '
    'NULL, "seq" INTEGER NOT NULL, "status" VARCHAR(255) NOT NULL, "current_step" INTEGER, '
    '"current_lane" TEXT, "current_position_id" INTEGER, "step_started_at" DATETIME, '
    '"current_due" DATETIME, "fields" TEXT NOT NULL, "created_by_id" INTEGER NOT NULL, '
    '"created_at" DATETIME NOT NULL, "recorded_at" DATETIME NOT NULL, "closed_at" DATETIME, '
    '"updated_at" DATETIME NOT NULL, FOREIGN KEY ("sop_version_id") REFERENCES "sop_version" '
    '("id"), FOREIGN KEY ("current_position_id") REFERENCES "position" ("id"), FOREIGN KEY '
    '("created_by_id") REFERENCES "user" ("id"))'
)

SCHEMA_V2_SQLITE = [
    # version 2 rebuilt `cases` with current_due and its inbox indexes; history had no hash
    *[sql for sql in SCHEMA_V1_SQLITE
      if not sql.startswith(('CREATE TABLE "cases"', 'CREATE INDEX "cases_',
                             'CREATE UNIQUE INDEX "cases_', 'INSERT INTO "meta"'))],
    _CASES_V2,
    'CREATE INDEX "cases_created_at" ON "cases" ("created_at")',
    'CREATE INDEX "cases_current_position_id_status_current_due" ON "cases" '
    '("current_position_id", "status", "current_due")',
    'CREATE UNIQUE INDEX "cases_number" ON "cases" ("number")',
    'CREATE UNIQUE INDEX "cases_sop_code_year_seq" ON "cases" ("sop_code", "year", "seq")',
    'CREATE INDEX "cases_status_current_due" ON "cases" ("status", "current_due")',
    """INSERT INTO "meta" ("key", "value") VALUES ('schema_version', '2')""",
]


def _create_frozen(path: str, statements: Iterable[str]) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode=wal")
        with con:
            for sql in statements:
                con.execute(sql)
    finally:
        con.close()


def create_v1_database(path: str) -> None:
    """Write an empty database exactly as schema version 1 created it (for upgrade tests)."""
    _create_frozen(path, SCHEMA_V1_SQLITE)


def create_v2_database(path: str) -> None:
    """Write an empty database exactly as schema version 2 left it (for upgrade tests)."""
    _create_frozen(path, SCHEMA_V2_SQLITE)
