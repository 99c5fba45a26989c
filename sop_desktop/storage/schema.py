"""The schema version this app writes and knows (its history: sop_desktop.storage.migrations).

Its own module, below both the migrations and the backup modules, so the backup checks
(startup_check, backup_verify, backup_dump) compare files against it without importing the
migrations, and the migrations take their pre-migration backup with a top-level import.
`current_version` reads a database's version, for the same reason."""

from __future__ import annotations

import peewee as pw

from sop_desktop.storage import db as dbm

SCHEMA_VERSION = 8  # a new migration bumps this (and adds its _vN to migrations.MIGRATIONS)


def current_version(database: pw.Database) -> int:
    """The schema version a database records in its `meta` table (0: none yet)."""
    if not database.table_exists("meta"):
        return 0
    row = dbm.Meta.get_or_none(dbm.Meta.key == "schema_version")
    return int(row.value) if row else 0
