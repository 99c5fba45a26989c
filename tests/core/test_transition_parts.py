"""The quick paths a step transition takes (issue 19) give exactly what the general ones give:
the event's canonical JSON, the case row's state digest, the event model, the case model read
raw, and the case's last event time and hash read with its row."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import pytest

from sop_desktop.services.case_events import read_case, read_case_head
from sop_desktop.storage import db as dbm
from sop_desktop.storage import event_canon, integrity, ledger
from tests.core.office_support import Office, field_values, install_sample, walk

_AT = dt.datetime(2026, 3, 17, 9, 30, 5)


def _events() -> list[dict[str, Any]]:
    """Events as writers give them: models or ids for foreign keys, datetimes or text, odd notes."""
    case = dbm.Case(id=7, number="X/1")
    return [
        dict(case=case, action="lanjut", from_step=1, to_step=2, decision=None, user=3,
             position=4, on_behalf_of=None, at=_AT, recorded_at=_AT, note="", attachments=[],
             seconds_taken=3600, due=_AT.date(), on_time=True),
        dict(case=7, action="keputusan", from_step=2, to_step=1, decision="tidak", user=dbm.User(id=5),
             position=None, on_behalf_of=9, at="2026-03-17 09:30:05", recorded_at=_AT,
             note='catatan "kutip" \\ ñ ✓ 100%', attachments=[{"name": "a.pdf", "size": 1}],
             seconds_taken=-0.0, due=None, on_time=0),
        dict(case=8, action="surat", user=1, at=_AT, hash="abc", id=12),  # fields missing: null
    ]


@pytest.mark.parametrize("event", _events())
def test_the_quick_canonical_json_is_the_general_one(event):
    general = event_canon._TEMPLATE % tuple(
        event_canon._value_json(name, event_canon._by_field(event)[name])
        for name in event_canon._SORTED)
    assert event_canon.canonical_json(event) == general
    assert json.loads(general) == event_canon.canonical_event(event)


def test_an_event_named_by_column_still_takes_the_general_path():
    by_field = _events()[0]
    by_column = {("case_id" if k == "case" else k): (v.id if k == "case" else v)
                 for k, v in by_field.items()}
    assert event_canon.canonical_json(by_column) == event_canon.canonical_json(by_field)


def _old_state_digest(kind: str, row: Any) -> str:
    columns = ledger._TABLES[kind][1]
    values = [ledger._norm(c, v) for c, v in zip(columns, row, strict=False)]
    text = json.dumps([kind, values], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_the_state_digest_is_the_one_of_every_column_normalised():
    rows = [
        (5, "KANWIL/2026/1", 3, "CONTOH", 2026, 1, "berjalan", 2, "Petugas Uji", 46,
         "2026-03-17 09:30:05", _AT, '{"nama": "Budi ✓", "nik": "3171"}', 2, _AT.date(),
         "2026-03-17T09:30:05", None),
        ("5", "X", "3", "C", "2026", "1", "selesai", None, None, None, None, None,
         {"b": 1, "a": [1, 2]}, "2", "bukan waktu", _AT, _AT),
        (6, "Ñ/✓/1", 3, "C", 2026, 2.0, "dihentikan", 1, 'Kepala "Uji"', 4, _AT, _AT,
         "{bukan json", 2, _AT, _AT, dt.date(2026, 3, 17)),
        (7, "Y", 3, "C", 2026, 3, "berjalan", 1, "L", 4, None, None, "{}", 2, _AT, _AT),  # short
    ]
    for row in rows:
        assert ledger.state_digest(ledger.KIND_CASE, row) == _old_state_digest(ledger.KIND_CASE, row)
    user = (3, "budi", "Budi", None, "Kepala", "pejabat", 1)
    assert ledger.state_digest(ledger.KIND_USER, user) == _old_state_digest(ledger.KIND_USER, user)


@pytest.mark.parametrize("event", _events()[:2])
def test_the_event_model_is_built_as_peewee_builds_it(event):
    values = {k: v for k, v in event.items() if k not in ("hash", "id")}
    quick, model = integrity._new_event(values), dbm.History(**values)
    assert quick.__data__ == model.__data__
    assert quick._dirty == model._dirty
    assert quick.__rel__.keys() == model.__rel__.keys()
    assert integrity._new_event({"case_id": 7, "user_id": 1}).__data__ == dbm.History(
        case_id=7, user_id=1).__data__  # named by column: through peewee


def test_the_case_read_raw_with_its_head_is_what_peewee_and_history_say(services):
    svc = services
    install_sample(svc)
    office = Office(svc)
    number = svc.cases.open_case("CONTOH", office.operator, field_values(svc.sops.get("CONTOH")),
                                 intake_done=False).numbers[0]
    svc.cases.advance(number, office.operator, note="langkah 1")
    svc.cases.record_event(number, office.operator, "surat", "surat keluar")  # moves nothing
    peewee_case = dbm.Case.get(dbm.Case.number == number)
    case, head = read_case_head(number)
    assert case.__data__ == peewee_case.__data__ == read_case(number).__data__
    events = list(dbm.History.select().where(dbm.History.case == case.id).order_by(dbm.History.id))
    assert head.last_hash == events[-1].hash
    assert head.last_at == max(e.at for e in events)
    assert events[-1].action == "surat"
    assert read_case_head(number, moves=True)[1].last_move == events[-2].id
    assert read_case_head(case.id)[1] == head
    assert read_case_head("TIDAK/ADA") is None
    done = walk(svc, office, number)
    assert done.status == "selesai"
    assert not [f for f in integrity.run_checks(svc, anchor=None) if not f.ok and not f.skipped]
