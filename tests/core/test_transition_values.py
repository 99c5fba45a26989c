"""A step transition's values converted, encoded and written without peewee's per-value and
per-statement layers (issue 19: storage.field_values, storage.row_writes, the typed JSON of
event_canon and ledger) give exactly what those layers give: the same Python values, the same
stored values, the same hashes; and the statements still go through peewee where its
first-write check, a query hook or its debug log want to see them."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

import pytest

from sop_desktop.storage import db as dbm
from sop_desktop.storage import event_canon, ledger
from sop_desktop.storage.field_values import db_values, python_values, to_db, to_python
from sop_desktop.storage.row_writes import execute
from tests.core.office_support import Office, field_values, install_sample

_WIB = dt.timezone(dt.timedelta(hours=7))
# values of every kind a column meets: as given by the engine, as SQLite or psycopg2 return it
_SAMPLES: list[Any] = [
    None, 0, 7, -3, True, False, 1.0, 2.5, -0.0, "", "abc", "12", "1.5", "ya",
    "2026-12-07 10:00:00", "2026-12-07T10:00:00", "2026-12-07 10:00:00.250000",
    "2026-12-07 10:00:00Z", "2026-12-07 10:00:00+07:00", "2026-12-07", "07/12/2026", "10:00",
    dt.datetime(2026, 12, 7, 10, 0), dt.datetime(2026, 12, 7, 10, 0, 0, 5, tzinfo=_WIB),
    dt.date(2026, 12, 7), '{"a": 1}', "[]", [], {"b": [1, "x"]}, b"bytes",
]


def _outcome(fn: Any, value: Any) -> tuple[str, Any]:
    try:
        result = fn(value)
    except Exception as exc:  # noqa: BLE001 - the same failure is what is compared
        return "raises", type(exc)
    return type(result).__name__, result


@pytest.mark.parametrize("model", [dbm.Case, dbm.History])
def test_row_conversions_equal_each_fields_own(model: Any) -> None:
    fields = model._meta.sorted_fields
    to_p, to_d = to_python(fields), to_db(fields)
    for value in _SAMPLES:
        row = [value] * len(fields)
        for name, steps, one in (("python_value", to_p, python_values),
                                 ("db_value", to_d, db_values)):
            expected = [_outcome(getattr(f, name), value) for f in fields]
            if any(kind == "raises" for kind, _ in expected):
                # peewee refuses it for some field: each field alone, where it does not
                got = [_outcome(lambda v, s=s, f=one: f([s], [v])[0], value) for s in steps]
            else:
                got = [(type(v).__name__, v) for v in one(steps, row)]
            assert got == expected, (model.__name__, name, value)


def _generic_json(event: dict[str, Any]) -> str:
    """canonical_json through its generic path (keys by column name), the reference."""
    return event_canon.canonical_json({event_canon.HASHED_COLUMNS.get(k, k): v
                                       for k, v in event.items()})


def test_event_json_of_every_kind_of_value_equals_the_generic_encoding() -> None:
    base: dict[str, Any] = {
        "case": 5, "action": "lanjut", "from_step": 2, "to_step": 3, "decision": None,
        "user": 9, "position": 4, "on_behalf_of": None, "at": dt.datetime(2026, 12, 7, 9, 30),
        "recorded_at": dt.datetime(2026, 12, 7, 9, 30, 1), "note": 'kata "kutip"\n\\ é',
        "attachments": [], "seconds_taken": 3600.0, "due": None, "on_time": True}
    variants: dict[str, list[Any]] = {
        "case": [5, "5", 5.0, True], "from_step": [2, "2", False, None],
        "action": ["lanjut", 12, "ü\u2028"], "note": ["", "\x01", 3],
        "at": [dt.datetime(2026, 1, 2, 3, 4, 5, 6), dt.datetime(2026, 1, 2, tzinfo=_WIB),
               "2026-01-02 03:04:05", dt.date(2026, 1, 2), "bukan waktu"],
        "seconds_taken": [0, 1.5, -0.0, float("inf"), "2.5", True],
        "on_time": [False, 0, 1, "x"], "attachments": ['[{"name": "a"}]', ({"n": 1},)],
    }
    assert event_canon.canonical_json(base) == _generic_json(base)
    for name, values in variants.items():
        for value in values:
            event = {**base, name: value}
            assert event_canon.canonical_json(event) == _generic_json(event), (name, value)


def _reference_digest(kind: str, row: list[Any]) -> str:
    columns = ledger.CASE_COLUMNS if kind == ledger.KIND_CASE else ledger.USER_COLUMNS
    values = [ledger._norm(c, v) for c, v in zip(columns, row, strict=True)]
    text = json.dumps([kind, values], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_state_digest_of_stored_and_driver_values_equals_its_json() -> None:
    row: list[Any] = [12, "B/0001/2026", 3, "SOP-1", 2026, 1, "berjalan", 4, "Kasubbag", 7,
                      "2026-12-07 10:00:00", "2026-12-08 10:00:00.500000", '{"b": 1, "a": "é"}',
                      2, "2026-12-01 08:00:00", "2026-12-01 08:00:05", None]
    kinds: dict[int, list[Any]] = {
        0: [12, "12", True], 8: ["Kasubbag", 5, "\u2028\""], 10: [
            dt.datetime(2026, 12, 7, 10, 0), dt.date(2026, 12, 7), "", "kemarin",
            "2026-12-07T10:00:00+07:00", dt.datetime(2026, 12, 7, tzinfo=_WIB)],
        12: [{"a": [1, 2]}, "{bukan json", '["x"]'], 16: ["2026-12-09 00:00:00", None]}
    assert ledger.state_digest(ledger.KIND_CASE, row) == _reference_digest(ledger.KIND_CASE, row)
    for at, values in kinds.items():
        for value in values:
            changed = [*row[:at], value, *row[at + 1:]]
            assert ledger.state_digest(ledger.KIND_CASE, changed) == \
                _reference_digest(ledger.KIND_CASE, changed), (at, value)
    user = [3, "budi", "Budi", "1990", "Kasubbag", "pejabat", 1]
    for active in (1, 0, True, None):
        changed = [*user[:-1], active]
        assert ledger.state_digest(ledger.KIND_USER, changed) == \
            _reference_digest(ledger.KIND_USER, changed)


class _Seen(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.sql: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.msg, tuple):
            self.sql.append(str(record.msg[0]))


def _opened(services: Any) -> tuple[Office, str]:
    """(the office, the number of a case just opened on the sample SOP)."""
    install_sample(services)
    office = Office(services)
    return office, services.cases.open_case("CONTOH", office.operator,
                                            field_values(services.sops.get("CONTOH")),
                                            intake_done=False).numbers[0]


def test_a_transition_s_statements_still_reach_peewee_s_log_and_hooks(services: Any) -> None:
    office, number = _opened(services)
    logger, handler = logging.getLogger("peewee"), _Seen()
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        services.cases.advance(number, office.operator)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    for table in ('"cases"', '"history"', '"case_read"'):
        assert any(sql.startswith(("UPDATE", "INSERT", "DELETE")) and table in sql
                   for sql in handler.sql), table
    hooked: list[str] = []
    services.db.query_hooks.append(lambda event: hooked.append(event.sql))
    try:
        assert execute('SELECT "number" FROM "cases" WHERE "number" = ?',
                       (number,)).fetchone() == (number,)
    finally:
        services.db.query_hooks.clear()
    assert hooked == ['SELECT "number" FROM "cases" WHERE "number" = ?']


def test_the_first_write_of_a_process_still_waits_for_its_file_check(services: Any) -> None:
    office, number = _opened(services)
    before = services.cases.get(number)
    checked: list[bool] = []

    def refuse() -> None:
        checked.append(True)
        raise dbm.DatabaseError("berkas rusak")

    services.db.guard_writes(refuse)
    try:
        with pytest.raises(dbm.DatabaseError):
            services.cases.advance(number, office.operator)
    finally:
        services.db.guard_writes(None)
    assert checked == [True]
    after = services.cases.get(number)  # read back: nothing of the refused move was written
    assert (after.current_step, after.status) == (before.current_step, before.status)
    assert services.cases.advance(number, office.operator).to_step != before.current_step
