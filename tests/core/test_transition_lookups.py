"""The positions, holders and calendar a step transition looks up are kept between actions
(issue 19, services.case_lookups), and every change to them counts at the next action: made in
this window, by another process or PC, or rolled back with an outer transaction."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from typing import Any

import psycopg2
import pytest

from sop_desktop.errors import PermissionDenied
from sop_desktop.settings import CALENDAR
from sop_desktop.storage import db as dbm
from tests.core.office_support import Office, field_values, install_sample


def _waiting_on_step_2(svc: Any, office: Office, count: int) -> list[str]:
    """`count` cases on the sample SOP's step 2 (Petugas Uji), moved there at the same times."""
    now = dbm.now_local()
    numbers = []
    for _ in range(count):
        number = svc.cases.open_case("CONTOH", office.operator,
                                     field_values(svc.sops.get("CONTOH")), intake_done=False,
                                     at=now - dt.timedelta(hours=3)).numbers[0]
        svc.cases.advance(number, office.operator, at=now - dt.timedelta(hours=2))
        numbers.append(number)
    return numbers


def _office(svc: Any, count: int) -> tuple[Office, list[str], dbm.User]:
    install_sample(svc)
    office = Office(svc)
    numbers = _waiting_on_step_2(svc, office, count)
    holder = office.actor(svc.cases.get(numbers[0]))
    assert holder.role == "pejabat"
    svc.cases.decide(numbers[0], holder, "ya")  # allowed: the lookups are kept from here on
    return office, numbers, holder


def _other_sqlite(svc: Any, sql: str, params: tuple[Any, ...]) -> None:
    """Write through another connection to the same file (another process, the CLI)."""
    con = sqlite3.connect(svc.target, timeout=30)
    with con:
        con.execute(sql, params)
    con.close()


def _statements(svc: Any, fn: Callable[[], Any]) -> list[str]:
    seen: list[str] = []
    conn = svc.db.connection()
    conn.set_trace_callback(seen.append)
    try:
        fn()
    finally:
        conn.set_trace_callback(None)
    return [s for s in seen if not s.startswith("--")]


def test_kept_lookups_are_not_read_again_while_nothing_changed(services):
    svc = services
    office, numbers, holder = _office(svc, 3)
    sent = _statements(svc, lambda: svc.cases.decide(numbers[1], holder, "ya"))
    assert not [s for s in sent if 'FROM "position"' in s or 'FROM "user_position"' in s
                or 'FROM "setting"' in s], sent
    assert svc.cases.get(numbers[1]).current_position.name == "Kepala Uji"


def test_a_holder_removed_in_this_window_is_refused_at_the_next_step(services):
    svc = services
    office, numbers, holder = _office(svc, 3)
    svc.users.set_positions(holder, [])
    with pytest.raises(PermissionDenied, match="tidak memegang jabatan"):
        svc.cases.decide(numbers[1], holder, "ya")
    svc.users.set_positions(holder, ["Petugas Uji"])  # and given back: allowed again
    assert svc.cases.decide(numbers[1], holder, "ya").to_step == 3


def test_a_holder_removed_by_another_process_is_refused_at_the_next_step(services):
    svc = services
    office, numbers, holder = _office(svc, 3)
    _other_sqlite(svc, 'DELETE FROM "user_position" WHERE "user_id" = ?', (holder.id,))
    with pytest.raises(PermissionDenied, match="tidak memegang jabatan"):
        svc.cases.decide(numbers[1], holder, "ya")
    position = svc.positions.get("Petugas Uji")
    _other_sqlite(svc, 'INSERT INTO "user_position" ("user_id", "position_id") VALUES (?, ?)',
                  (holder.id, position.id))
    assert svc.cases.decide(numbers[1], holder, "ya").to_step == 3


def test_a_view_read_inside_a_callers_transaction_is_not_kept(services):
    svc = services
    office, numbers, holder = _office(svc, 3)  # numbers[0] waits on Kepala Uji now
    kepala = office.holders[svc.positions.get("Kepala Uji").id]
    with pytest.raises(RuntimeError), svc.db.atomic():
        svc.users.set_positions(holder, ["Petugas Uji", "Kepala Uji"])  # 3 rows changed
        assert svc.cases.advance(numbers[0], holder).to_step == 4  # allowed inside it
        raise RuntimeError("batal")
    assert svc.cases.get(numbers[0]).current_step == 3  # rolled back
    svc.users.set_positions(kepala, ["Kepala Uji", "Petugas Uji"])  # 3 rows too, committed
    with pytest.raises(PermissionDenied, match="tidak memegang jabatan"):
        svc.cases.advance(numbers[0], holder)
    assert svc.cases.advance(numbers[0], kepala).to_step == 4


def test_a_position_renamed_by_another_process_maps_the_lanes_anew(services):
    svc = services
    office, numbers, holder = _office(svc, 3)
    assert svc.cases.get(numbers[0]).current_position.name == "Kepala Uji"
    _other_sqlite(svc, 'UPDATE "position" SET "name" = ? WHERE "name" = ?',
                  ("Kepala Bagian Lain", "Kepala Uji"))
    svc.cases.decide(numbers[1], holder, "ya")
    moved = svc.cases.get(numbers[1])
    assert moved.current_step == 3 and moved.current_position_id is None  # no position maps it


def test_a_position_saved_in_this_window_maps_the_lanes_anew(services):
    svc = services
    office, numbers, holder = _office(svc, 3)
    svc.positions.save("Kepala Bagian Lain", [], old_name="Kepala Uji")
    svc.cases.decide(numbers[1], holder, "ya")
    moved = svc.cases.get(numbers[1])
    assert moved.current_step == 3 and moved.current_position_id is None  # no position maps it


def test_a_calendar_changed_by_another_process_sets_the_next_due_time(services):
    svc = services
    install_sample(svc)
    office = Office(svc)
    first = _waiting_on_step_2(svc, office, 1)
    due_before = svc.cases.get(first[0]).current_due
    calendar = dict(dbm.read_setting(CALENDAR) or {})
    today = dbm.now_local().date()
    calendar["extra_holidays"] = {(today + dt.timedelta(days=i)).isoformat(): "Libur uji"
                                  for i in range(0, 15)}
    _other_sqlite(svc, 'INSERT OR REPLACE INTO "setting" ("key", "value") VALUES (?, ?)',
                  (CALENDAR.key, json.dumps(calendar)))
    second = _waiting_on_step_2(svc, office, 1)
    due_after = svc.cases.get(second[0]).current_due
    assert due_before is not None and due_after is not None
    assert due_after.date() > today + dt.timedelta(days=14) >= due_before.date()


@pytest.mark.postgres
def test_on_postgresql_a_holder_removed_by_another_pc_is_refused(pg_services):
    svc = pg_services
    office, numbers, holder = _office(svc, 3)
    con = psycopg2.connect(svc.target)
    with con, con.cursor() as cur:
        cur.execute('DELETE FROM "user_position" WHERE "user_id" = %s', (holder.id,))
    con.close()
    with pytest.raises(PermissionDenied, match="tidak memegang jabatan"):
        svc.cases.decide(numbers[1], holder, "ya")
