"""PostgreSQL backups: a logical dump of the app's tables (JSON lines per table), written and
read back. Works on any engine; SQLite uses the backup API instead. Restoring a dump (a backup
first, then one transaction) is in sop_desktop.storage.backup_restore, above this module."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import peewee as pw

from sop_desktop.paths import store_dir_for
from sop_desktop.storage import backup_files, integrity
from sop_desktop.storage import db as dbm
from sop_desktop.storage.backup_verify import BackupError
from sop_desktop.storage.schema import SCHEMA_VERSION, current_version


def _app_models() -> list[type[pw.Model]]:
    models = getattr(dbm, "ALL_MODELS", None) or dbm.CORE_MODELS
    return [m for m in models if m.table_exists()]


def _encode(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return {"$dt": value.isoformat()}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$bytes": bytes(value).hex()}
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def dump_logical(services: dbm.HasDatabase, dest: str | Path) -> Path:
    """A logical dump: one JSON header line, then per table a marker and its rows as JSON lines
    (raw column values, so JSON fields stay text). Works on any engine; used for PostgreSQL."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    models = dbm_sort(_app_models())
    try:
        with services.db.atomic(), open(part, "w", encoding="utf-8") as fh:
            if not dbm.is_sqlite(services.db):
                # one snapshot for every table while others keep working
                services.db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            # the columns the database really has: before a migration (the pre-migration
            # dump) the models may already name columns the tables do not have yet
            present = {m: {c.name for c in services.db.get_columns(m._meta.table_name)}
                       for m in models}
            event_id = digest = None
            if "hash" in present.get(dbm.History, ()):
                head = services.db.execute_sql('SELECT MAX("id") FROM "history"').fetchone()
                event_id = head[0] if head else None
                digest = integrity.heads_digest(
                    services.db.execute_sql(integrity.HEADS_SQL).fetchall())
            header = {"format": "sop-desktop-dump", "format_version": 1,
                      "schema_version": current_version(services.db),
                      "tables": [m._meta.table_name for m in models],
                      "latest_chain_hash": digest, "latest_event_id": event_id,
                      "made_at": dt.datetime.now().replace(microsecond=0).isoformat(),
                      "files": True}  # the attachment store follows the tables
            fh.write(json.dumps(header) + "\n")
            wanted: dict[str, str] = {}
            for model in models:
                columns = [f.column_name for f in model._meta.sorted_fields
                           if f.column_name in present[model]]
                fh.write(json.dumps({"table": model._meta.table_name, "columns": columns}) + "\n")
                # raw SQL: the stored values, without the fields' Python conversions
                order = ", ".join(_q(f.column_name) for f in _pk_fields(model))
                cursor = services.db.execute_sql(
                    f"SELECT {', '.join(_q(c) for c in columns)} FROM {_q(model._meta.table_name)}"
                    + (f" ORDER BY {order}" if order else ""))
                table = model._meta.table_name
                for row in cursor:
                    backup_files.note_dumped_row(wanted, table, columns, row)
                    fh.write(json.dumps([_encode(v) for v in row], ensure_ascii=False) + "\n")
            backup_files.write_dump_files(fh, wanted, _store_of(services))
        os.replace(part, dest)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise BackupError(f"Cadangan tidak dapat ditulis ke {dest.parent}: {exc.strerror or exc}") from None
    return dest


def _store_of(services: dbm.HasDatabase) -> Path:
    """The attachment store of the services (PostgreSQL: <data folder>/lampiran)."""
    store = getattr(getattr(services, "attachments", None), "store", None)
    if store is not None:
        return Path(store.root)
    return store_dir_for(getattr(services, "target", None) or "postgresql://")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _pk_fields(model: type[pw.Model]) -> list[pw.Field[Any]]:
    pk = model._meta.primary_key
    if not pk:
        return []
    names = getattr(pk, "field_names", None)  # a CompositeKey
    return [model._meta.fields[n] for n in names] if names else [pk]


def dbm_sort(models: Iterable[type[pw.Model]]) -> list[type[pw.Model]]:
    """Models ordered so that every table comes after the tables it refers to."""
    ordered: list[type[pw.Model]] = pw.sort_models(models)  # type: ignore[attr-defined]  # in peewee, not in its stubs
    return ordered


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "$dt" in value:
        text = value["$dt"]
        if "T" in text:
            return dt.datetime.fromisoformat(text)
        return dt.time.fromisoformat(text) if ":" in text else dt.date.fromisoformat(text)
    if isinstance(value, dict) and "$bytes" in value:
        return bytes.fromhex(value["$bytes"])
    return value


def _read_dump(path: Path) -> tuple[dict[str, Any], dict[str, tuple[list[str], list[list[Any]]]]]:
    with open(path, encoding="utf-8") as fh:
        try:
            header = json.loads(fh.readline())
        except ValueError:
            header = None
        if not isinstance(header, dict) or header.get("format") != "sop-desktop-dump":
            raise BackupError(f"Berkas {path} bukan cadangan SOP Desktop.")
        version = int(header.get("schema_version") or 0)
        if version > SCHEMA_VERSION:
            raise BackupError(f"Cadangan {path} dibuat oleh versi SOP Desktop yang lebih baru "
                                 f"(skema {version}). Perbarui aplikasi.")
        tables: dict[str, tuple[list[str], list[list[Any]]]] = {}
        current: tuple[list[str], list[list[Any]]] | None = None
        for line in fh:
            if line.startswith('{"file"'):
                break  # the attachment store follows: read by backup_files.read_dump_files
            item = json.loads(line)
            if isinstance(item, dict):
                current = tables.setdefault(item["table"], (item["columns"], []))
            elif current is not None:
                current[1].append([_decode(v) for v in item])
            else:
                raise BackupError(f"Berkas {path} rusak: baris data sebelum nama tabelnya.")
    return header, tables
