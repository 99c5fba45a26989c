"""Single-row writes of the hot paths (a step transition's case row and event, issue 19): one
prepared statement each, as peewee's `save()` would write them, without its query building;
the SQL is built once per shape of row, the values converted by storage.field_values."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import peewee as pw

from sop_desktop.storage import db as dbm
from sop_desktop.storage.field_values import Step, db_values, to_db


def insert_row(instance: pw.Model) -> int:
    """instance.save(force_insert=True) as one prepared INSERT of the values it holds; sets and
    returns its new id. For hot single-row writers (a step transition's event): peewee's query
    building cost more than the write itself (issue 19)."""
    model, data = type(instance), instance.__data__
    pk = dbm.primary_key(model)
    sqlite = dbm.is_sqlite()
    sql, fields, steps = _insert_sql(model, tuple(data), data.get(pk.name) is None,
                                     dbm.database.param, sqlite)
    values = db_values(steps, [data[f.name] for f in fields])
    if sqlite:
        new_id = runner(dbm.database.obj)(sql, values).lastrowid
    else:
        new_id = dbm.database.execute_sql(sql, values).fetchone()[0]
    data[pk.name] = new_id
    instance._dirty.clear()  # type: ignore[attr-defined]  # peewee's changed-field set, not in its stubs
    return int(new_id)


def update_row(instance: pw.Model, returning: Sequence[str] = (),
               before: Sequence[tuple[str, Sequence[Any]]] = (),
               dirty_only: bool = False) -> tuple[Any, ...] | None:
    """instance.save() of a row read before, as one prepared UPDATE of every column it holds
    (what peewee's save writes), for the same hot paths as insert_row. `returning`: columns
    of the row as stored after the update, returned (UPDATE ... RETURNING); `before`:
    statements sent ahead of it in the same round trip (run_batch); `dirty_only`: only the
    columns assigned since the row was read (save(only=...)), for a row locked since."""
    model, data = type(instance), instance.__data__
    pk = dbm.primary_key(model)
    dirty = instance._dirty if dirty_only else None  # type: ignore[attr-defined]  # peewee's, not in its stubs
    sql, fields, steps = _update_sql(model, tuple(data), frozenset(dirty or ()),
                                     tuple(returning), dbm.database.param)
    cursor = run_batch([*before, (sql, [*db_values(steps, [data[f.name] for f in fields]),
                                        data[pk.name]])])
    instance._dirty.clear()  # type: ignore[attr-defined]  # peewee's changed-field set, not in its stubs
    return tuple(cursor.fetchall()[0]) if returning else None


@functools.lru_cache(maxsize=256)
def _insert_sql(model: type[pw.Model], names: tuple[str, ...], no_id: bool, param: str,
                sqlite: bool) -> tuple[str, list[pw.Field[Any]], tuple[Step, ...]]:
    """insert_row's statement, fields and their db_value steps for a row holding `names`
    (built once per shape)."""
    pk = dbm.primary_key(model)
    fields = [f for f in model._meta.sorted_fields
              if f.name in names and not (f is pk and no_id)]
    sql = (f'INSERT INTO "{model._meta.table_name}" '
           f'({", ".join(chr(34) + f.column_name + chr(34) for f in fields)}) '
           f'VALUES ({", ".join([param] * len(fields))})')
    return (sql if sqlite else f'{sql} RETURNING "{pk.column_name}"'), fields, to_db(fields)


@functools.lru_cache(maxsize=256)
def _update_sql(model: type[pw.Model], names: tuple[str, ...], dirty: frozenset[str],
                returning: tuple[str, ...], param: str
                ) -> tuple[str, list[pw.Field[Any]], tuple[Step, ...]]:
    """update_row's statement and fields (built once per shape; empty `dirty`: every field)."""
    pk = dbm.primary_key(model)
    fields = [f for f in model._meta.sorted_fields if f.name in names and f is not pk
              and (not dirty or f.name in dirty)]
    sets = ", ".join(f'"{f.column_name}" = {param}' for f in fields)
    back = (" RETURNING " + ", ".join(f'"{c}"' for c in returning)) if returning else ""
    return (f'UPDATE "{model._meta.table_name}" SET {sets} WHERE "{pk.column_name}" = '
            f'{param}{back}'), fields, to_db(fields)


def execute(sql: str, params: Sequence[Any]) -> Any:
    """dbm.database.execute_sql(sql, params), through runner() (a hot path's read)."""
    return runner(dbm.database.obj)(sql, params)


def run_batch(statements: Sequence[tuple[str, Sequence[Any]]]) -> Any:
    """Run statements in order, returning the last one's cursor. PostgreSQL: sent as one
    text in one round trip (psycopg2 binds the parameters on this side, and returns the last
    statement's rows); SQLite runs them one by one (in-process: no trip to save) (issue 19)."""
    db = dbm.database.obj
    if isinstance(db, pw.SqliteDatabase):
        cursor, run = None, runner(db)
        for sql, params in statements:
            cursor = run(sql, params)
        return cursor
    return dbm.database.execute_sql(";\n".join(sql for sql, _ in statements),
                                    [p for _, params in statements for p in params])


def runner(db: pw.Database) -> Any:
    """The database's execute_hot (dbm's SQLite class), else its execute_sql: what a hot
    path runs its statements with, execute(sql, params) -> cursor."""
    return getattr(db, "execute_hot", db.execute_sql)
