"""The canonical JSON and the chained hash of one history event (chain format 1)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from json.encoder import encode_basestring as _encode_str  # ensure_ascii=False
from typing import Any

import peewee as pw

HASH_FIELD = "hash"
# What an event's hash covers (chain format 1): these fields, by their peewee names (foreign
# keys by id). Not the id (the writer learns it only after the insert) nor the hash itself.
# A column added to history later is NOT covered unless it is added here together with a new
# chain format, so that the hashes already stored stay valid.
HASHED_FIELDS = ("case", "action", "from_step", "to_step", "decision", "user", "position",
                 "on_behalf_of", "at", "recorded_at", "note", "attachments", "seconds_taken",
                 "due", "on_time")
NOT_HASHED = frozenset({HASH_FIELD, "id"})
# the history table's column for each hashed field (foreign keys end in _id)
HASHED_COLUMNS = {name: (f"{name}_id" if name in ("case", "user", "position", "on_behalf_of")
                         else name) for name in HASHED_FIELDS}
_FIELD_OF_COLUMN = {column: name for name, column in HASHED_COLUMNS.items()}
_FIELD_OF_COLUMN.update({name: name for name in HASHED_FIELDS})


# -- history hash chain ----------------------------------------------------------------------
#
# Each event's hash = sha256(hash of the previous event of the same case + canonical JSON of
# the event); a case's first event chains from "". Values are normalised to what the database
# gives back (a foreign key row or id -> the id, a datetime or its stored text -> ISO text, a
# JSON column's text -> its value, SQLite's 0/1 -> a boolean, an int in a float column -> a
# float), so the writer (values before the insert), the bulk writers (raw column values) and
# the checker (rows read back, raw or through peewee) all hash the same text.

def _as_id(value: Any) -> int:
    if type(value) is int:
        return value
    if isinstance(value, pw.Model):
        return int(value.get_id())
    return int(value)


@functools.lru_cache(maxsize=65536)
def _iso_text(text: str) -> str:
    try:
        return dt.datetime.fromisoformat(text).isoformat()
    except ValueError:
        return text


def _as_time(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):  # stored as a date, read back as midnight
        return dt.datetime.combine(value, dt.time()).isoformat()
    if isinstance(value, str):
        return _iso_text(value)
    return value


@functools.lru_cache(maxsize=4096)
def _json_text(text: str) -> Any:
    return json.loads(text)


def _as_json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return _json_text(value) if len(value) < 512 else json.loads(value)
        except ValueError:
            return value
    if isinstance(value, tuple):
        return list(value)
    return value


def _as_float(value: Any) -> float:
    # + 0.0: -0.0 becomes 0.0, so values that compare equal always encode alike
    return float(value) + 0.0


def _as_text(value: Any) -> str:
    return value if type(value) is str else str(value)


_INT, _TEXT, _TIME = _as_id, _as_text, _as_time
_NORMALISE: dict[str, Callable[[Any], Any]] = {
    "case": _INT, "action": _TEXT, "from_step": _INT, "to_step": _INT, "decision": _TEXT,
    "user": _INT, "position": _INT, "on_behalf_of": _INT, "at": _TIME, "recorded_at": _TIME,
    "note": _TEXT, "attachments": _as_json, "seconds_taken": _as_float, "due": _TIME,
    "on_time": bool,
}
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                            default=str)
_SORTED = tuple(sorted(HASHED_FIELDS))
# json.dumps(canonical_event(e), sort_keys=True, separators=(",", ":"), ensure_ascii=False) with
# the keys written out once: an event's JSON is then one string format over its values' JSON
_TEMPLATE = "{" + ",".join(f"{_ENCODER.encode(k)}:%s" for k in _SORTED) + "}"


# The JSON of one normalised value, written directly: exactly what _ENCODER.encode gives for
# it (a str through the same C escaper, float.__repr__ for a finite float), without the
# encoder's per-call overhead (bulk writers and the checker encode millions of values).
def _j_int(value: Any) -> str:
    return "null" if value is None else int.__repr__(int(_as_id(value)))


def _j_text(value: Any) -> str:
    return "null" if value is None else _encode_str(_as_text(value))


def _j_time(value: Any) -> str:
    return "null" if value is None else _encode_str(_as_text(_as_time(value)))


def _j_float(value: Any) -> str:
    if value is None:
        return "null"
    number = _as_float(value)
    return float.__repr__(number) if math.isfinite(number) else _ENCODER.encode(number)


def _j_bool(value: Any) -> str:
    return "null" if value is None else ("true" if value else "false")


def _j_json(value: Any) -> str:
    return "null" if value is None else _ENCODER.encode(_as_json(value))


_VALUE_JSON: dict[str, Callable[[Any], str]] = {
    name: {_INT: _j_int, _TEXT: _j_text, _TIME: _j_time, _as_float: _j_float, bool: _j_bool,
           _as_json: _j_json}[kind] for name, kind in _NORMALISE.items()}


# fields encoded by the same function share one cache of encoded values in _batch_parts
_CACHE_OF = {name: encode.__name__ for name, encode in _VALUE_JSON.items()}


def _value_json(name: str, value: Any) -> str:
    return _VALUE_JSON[name](value)


def _by_field(event: dict) -> dict:
    values = dict.fromkeys(HASHED_FIELDS)
    for key, value in event.items():
        name = _FIELD_OF_COLUMN.get(key)
        if name is not None:
            values[name] = value
    return values


def canonical_event(event: dict) -> dict:
    """The hashed fields of an event (by field or column name; a missing one is null),
    normalised to what the database gives back."""
    return {name: None if value is None else _NORMALISE[name](value)
            for name, value in _by_field(event).items()}


def canonical_json(event: dict) -> str:
    """The event as compact JSON with sorted keys: every hashed field (foreign keys by id,
    datetimes as ISO text, null when missing); the id and the hash left out."""
    if _BY_FIELD_NAME.issuperset(event):  # keyed by field names (a model's __data__): as is
        get = event.get
        return _TEMPLATE % tuple([
            "null" if (v := get(name)) is None else (by_type.get(type(v)) or encode)(v)
            for name, encode, by_type in _SORTED_JSON])
    values = _by_field(event)
    return _TEMPLATE % tuple(_value_json(name, values[name]) for name in _SORTED)


# canonical_json's quick path (issue 19: every step transition hashes its event)
_BY_FIELD_NAME = frozenset(HASHED_FIELDS) | NOT_HASHED
# per field, the JSON of a value of the usual type written by one call, exactly as its
# _VALUE_JSON does (an int's repr, a str through the same escaper, an ISO time needs none)
_TYPED_JSON: dict[Callable[[Any], str], dict[type, Callable[[Any], str]]] = {
    _j_int: {int: int.__repr__},
    _j_text: {str: _encode_str},
    _j_time: {dt.datetime: lambda v: f'"{v.isoformat()}"'},
    _j_bool: {bool: {True: "true", False: "false"}.__getitem__},
}
_SORTED_JSON = tuple((name, _VALUE_JSON[name], _TYPED_JSON.get(_VALUE_JSON[name], {}))
                     for name in _SORTED)


def _chain_hash(previous_hash: str | None, text: str) -> str:
    return hashlib.sha256(((previous_hash or "") + text).encode("utf-8")).hexdigest()


def event_hash(previous_hash: str | None, event: dict) -> str:
    """sha256(previous hash + canonical JSON of the event), hex; the first event has ''."""
    return _chain_hash(previous_hash, canonical_json(event))


def _column_json(name: str, values: Sequence[Any], cache: dict[Any, str]) -> list[str]:
    """_value_json over a whole column, each distinct value encoded once (steps, users, times
    and notes repeat a lot in bulk rows). Values that compare equal (1, 1.0, True) encode
    alike within one column's kind, so sharing their cache entry is safe."""
    encode = _VALUE_JSON[name]
    try:
        for value in set(values).difference(cache):
            cache[value] = encode(value)
    except TypeError:  # unhashable values (attachments given as lists): one by one
        return list(map(encode, values))
    return list(map(cache.__getitem__, values))


def _batch_json(columns: Sequence[str], rows: Sequence[Sequence[Any]],
                caches: dict[str, dict[Any, str]] | None = None) -> list[str]:
    """canonical_json of each row (a sequence of values named by `columns`), column-wise."""
    template = _TEMPLATE
    parts = _batch_parts(columns, rows, {} if caches is None else caches)
    return [template % values for values in parts]


def _batch_parts(columns: Iterable[str], rows: Sequence[Sequence[Any]],
                 caches: dict[str, dict[Any, str]]) -> Iterator[tuple[str, ...]]:
    """Per row, the JSON of its hashed values in _TEMPLATE's order; `caches` keeps the
    encoded distinct values between batches of one bulk call, one cache per kind of value
    (at, recorded_at and due share theirs: the same times recur across the three)."""
    if not rows:
        return iter(())
    where: dict[str, int] = {}
    for i, column in enumerate(columns):
        name = _FIELD_OF_COLUMN.get(column)
        if name is not None:
            where[name] = i
    cols = list(zip(*rows, strict=False))
    nulls = ("null",) * len(rows)
    parts = [_column_json(name, cols[where[name]], caches.setdefault(_CACHE_OF[name], {}))
             if name in where else nulls for name in _SORTED]
    return zip(*parts, strict=False)


# -- fast path for bulk writers ----------------------------------------------------------------

def value_json(name: str, value: Any) -> str:
    """The JSON of one hashed field's value (by field name) as canonical_json writes it; a
    bulk writer keeps it with the value (a time's JSON next to its stored text)."""
    return _value_json(name, value)


def event_format(fixed: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    """A %-format string for canonical_json of the events that share the values in `fixed`
    (by field name), and the names of its open fields in slot order (sorted). Filling the
    slots with those fields' value_json gives canonical_json's exact text, in one format
    (a bulk writer prepares one per step and action instead of encoding every field)."""
    unknown = set(fixed).difference(HASHED_FIELDS)
    if unknown:
        raise ValueError(f"bukan kolom riwayat yang di-hash: {', '.join(sorted(unknown))}")
    parts: list[str] = []
    slots: list[str] = []
    for name in _SORTED:
        if name in fixed:
            parts.append(_value_json(name, fixed[name]).replace("%", "%%"))
        else:
            parts.append("%s")
            slots.append(name)
    return _TEMPLATE % tuple(parts), tuple(slots)
