"""Per-position inboxes: open cases by due time, overdue flags, counts, a user's union, paging."""

from __future__ import annotations

import datetime as dt

from tests.core.office_support import Office, field_values, install_sample


def _setup(services):
    install_sample(services)
    office = Office(services)
    values = field_values(services.sops.get("CONTOH"))
    return office, values


def test_inbox_orders_by_due_and_flags_overdue(services):
    office, values = _setup(services)
    now = dt.datetime(2026, 3, 10, 12, 0)  # Tuesday
    services.cases.clock = services.inbox.clock = lambda: now
    numbers = []
    for day in (2, 9, 5, 10):  # opened on different days of March 2026
        at = dt.datetime(2026, 3, day, 8, 0)
        number = services.cases.open_case("CONTOH", office.operator, values, at=at,
                                            intake_done=False).numbers[0]
        services.cases.advance(number, office.operator, at=at + dt.timedelta(minutes=5))
        numbers.append(number)
    page = services.inbox.for_position("Petugas Uji")
    assert page.total == 4
    assert [i.number for i in page.items] == [numbers[0], numbers[2], numbers[1], numbers[3]]
    dues = [i.due for i in page.items]
    assert dues == sorted(dues)
    # 2 hari from 2 and 5 March are past on 10 March noon; from 9 and 10 March they are not
    assert [i.overdue for i in page.items] == [True, True, False, False]
    # due within the next 24 hours (the default window): only the one due 11 March 08:05
    assert [i.due_soon for i in page.items] == [False, False, True, False]
    assert all(i.step == 2 and i.sop == "CONTOH" for i in page.items)
    assert services.inbox.for_position("Kepala Uji").total == 0


def test_counts_and_a_users_inbox_is_the_union_of_positions(services):
    office, values = _setup(services)
    services.users.create("ganda", "Pejabat Ganda", "sandi-rahasia-1", "pejabat",
                          positions=["Petugas Uji", "Kepala Uji"])
    petugas = next(u for u in office.holders.values()
                   if services.users.position_names(u) == ["Petugas Uji"])
    numbers = [services.cases.open_case("CONTOH", office.operator, values,
                                              intake_done=False).numbers[0]
               for _ in range(5)]
    for n in numbers[:3]:
        services.cases.advance(n, office.operator)  # to Petugas Uji
    services.cases.decide(numbers[0], petugas, "ya")  # to Kepala Uji
    services.cases.stop(numbers[4], office.admin, "dicabut")  # stopped: in no inbox
    counts = {c.position: (c.open, c.overdue) for c in services.inbox.counts()}
    assert counts["Pemohon Uji"] == (1, 0)
    assert counts["Petugas Uji"] == (2, 0)
    assert counts["Kepala Uji"] == (1, 0)
    both = services.inbox.for_user(services.users.get("ganda"))
    assert both.total == 3
    assert {i.number for i in both.items} == set(numbers[:3])
    assert services.inbox.for_user(petugas).total == 2
    assert services.inbox.for_user(office.operator).total == 0  # holds no position


def test_paging_with_total(services):
    office, values = _setup(services)
    numbers = [services.cases.open_case("CONTOH", office.operator, values,
                                              intake_done=False).numbers[0]
               for _ in range(7)]
    first = services.inbox.for_position("Pemohon Uji", limit=3, offset=0)
    second = services.inbox.for_position("Pemohon Uji", limit=3, offset=3)
    third = services.inbox.for_position("Pemohon Uji", limit=3, offset=6)
    assert first.total == second.total == third.total == 7
    got = [i.number for p in (first, second, third) for i in p.items]
    assert sorted(got) == sorted(numbers) and len(third.items) == 1


def test_inbox_query_uses_the_index(services):
    rows = services.db.execute_sql(
        'EXPLAIN QUERY PLAN SELECT "id" FROM "cases" WHERE "current_position_id" = ? AND '
        '"status" = ? ORDER BY "current_due"', (1, "berjalan")).fetchall()
    assert "cases_current_position_id_status_current_due" in " ".join(str(r) for r in rows)
