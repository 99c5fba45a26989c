"""Peewee's value conversions (`Field.db_value` / `Field.python_value`) over a whole row at
once, skipping the call wherever peewee would give the value back unchanged (issue 19: a
step transition converts some fifty values; most are already an int, a str or a datetime).

A field's conversion is skipped only for values of the one type its peewee class returns as
it is (IntegerField and a foreign key to one: int; CharField and TextField: str; FloatField:
float; BooleanField: bool; DateTimeField: datetime) and only for the stock peewee classes: a
field whose class changes a conversion (JSONField...) always runs its own. None is None both
ways for every field (peewee's Field.db_value/python_value and JSONField alike).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import peewee as pw

# one field's conversion: (the type passed through unchanged, or None; the conversion)
Step = tuple[type | None, Callable[[Any], Any]]

_ADAPTS: dict[Any, type] = {
    pw.IntegerField.adapt: int,
    pw.FloatField.adapt: float,
    pw._StringField.adapt: str,
    pw.DateTimeField.adapt: dt.datetime,
    pw.BooleanField.adapt: bool,
}


def _kept_type(field: pw.Field[Any]) -> type | None:
    """The type whose values `field` converts to themselves both ways, or None."""
    cls = type(field)
    if isinstance(field, pw.ForeignKeyField):
        if cls.db_value is not pw.ForeignKeyField.db_value or \
                cls.python_value is not pw.ForeignKeyField.python_value:
            return None
        return _kept_type(field.rel_field)
    if cls.db_value is not pw.Field.db_value or cls.python_value is not pw.Field.python_value:
        return None
    return _ADAPTS.get(cls.adapt)


def _time_value(field: pw.Field[Any]) -> Callable[[Any], Any]:
    """DateTimeField.python_value, with a stored text read by datetime.fromisoformat directly
    (peewee's first try: it puts a 'T' at the separator and reads a final 'Z' as +00:00,
    which Python 3.11's fromisoformat reads alike); anything else goes through peewee."""
    peewee_value = field.python_value
    parse = dt.datetime.fromisoformat

    def value(text: Any) -> Any:
        if type(text) is str and text:
            try:
                return parse(text)
            except ValueError:
                pass
        return peewee_value(text)

    return value


def to_db(fields: Iterable[pw.Field[Any]]) -> tuple[Step, ...]:
    """The db_value steps of `fields`, for db_values()."""
    return tuple((_kept_type(f), f.db_value) for f in fields)


def to_python(fields: Iterable[pw.Field[Any]]) -> tuple[Step, ...]:
    """The python_value steps of `fields`, for python_values()."""
    out = []
    for f in fields:
        kept = _kept_type(f)
        out.append((kept, _time_value(f) if kept is dt.datetime else f.python_value))
    return tuple(out)


def db_values(steps: Sequence[Step], values: Iterable[Any]) -> list[Any]:
    """[field.db_value(v) for each field and value], calling only where it changes v."""
    return [v if v is None or type(v) is kept else convert(v)
            for (kept, convert), v in zip(steps, values, strict=False)]


def python_values(steps: Sequence[Step], values: Iterable[Any]) -> list[Any]:
    """[field.python_value(v) for each field and value], calling only where it changes v."""
    return [v if v is None or type(v) is kept else convert(v)
            for (kept, convert), v in zip(steps, values, strict=False)]
