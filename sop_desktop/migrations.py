"""Schema versions and migrations (schema version kept in the `meta` table).

Each entry of MIGRATIONS upgrades the schema by one version inside one transaction.
"""

from __future__ import annotations

import peewee as pw

from sop_desktop import db as dbm

SCHEMA_VERSION = 1


def _v1(database: pw.Database) -> None:
    database.create_tables(dbm.CORE_MODELS, safe=True)


MIGRATIONS = {1: _v1}


def current_version(database: pw.Database) -> int:
    if not database.table_exists("meta"):
        return 0
    row = dbm.Meta.get_or_none(dbm.Meta.key == "schema_version")
    return int(row.value) if row else 0


def migrate(database: pw.Database) -> int:
    """Bring the schema to SCHEMA_VERSION; refuse a database from a newer app."""
    version = current_version(database)
    if version > SCHEMA_VERSION:
        raise dbm.DatabaseError(
            f"Basis data ini dibuat oleh versi SOP Desktop yang lebih baru (skema {version}, "
            f"aplikasi ini mengenal sampai {SCHEMA_VERSION}). Perbarui aplikasi.")
    while version < SCHEMA_VERSION:
        with database.atomic():
            MIGRATIONS[version + 1](database)
            dbm.Meta.replace(key="schema_version", value=str(version + 1)).execute()
        version += 1
    return version
