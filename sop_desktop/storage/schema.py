"""The schema version this app writes and knows (its history: sop_desktop.storage.migrations).

Its own module, below both the migrations and the backup modules, so the backup checks
(startup_check, backup_verify, backup_dump) compare files against it without importing the
migrations, and the migrations take their pre-migration backup with a top-level import."""

from __future__ import annotations

SCHEMA_VERSION = 8  # a new migration bumps this (and adds its _vN to migrations.MIGRATIONS)
