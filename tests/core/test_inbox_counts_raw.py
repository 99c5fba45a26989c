"""The window's scope list counts (issue 19, start-up): open and overdue cases per position as
one raw statement (two index counts joined by UNION ALL) equal the cases themselves counted one
by one, on SQLite and on PostgreSQL, with the positions, held ones and outside parties right."""

from __future__ import annotations

import datetime as dt

from sop_desktop.ops.demo import fill
from sop_desktop.services.inbox import InboxCount
from sop_desktop.storage import db as dbm


def _check_counts(services) -> None:
    fill(services, 60, seed=5)
    now = services.inbox.clock()
    # one case due a moment ago and one without a due time: the edges of "overdue"
    open_cases = list(dbm.Case.select().where((dbm.Case.status == "berjalan")
                                              & dbm.Case.current_position.is_null(False)))
    open_cases[0].current_due = now - dt.timedelta(seconds=1)
    open_cases[0].save()
    open_cases[1].current_due = None
    open_cases[1].save()
    names = {p.id: p.name for p in dbm.Position.select()}
    expected: dict[str, tuple[int, int]] = {name: (0, 0) for name in names.values()}
    for case in dbm.Case.select().where(dbm.Case.status == "berjalan"):
        if case.current_position_id is None:
            continue
        n, late = expected[names[case.current_position_id]]
        overdue = case.current_due is not None and case.current_due < now
        expected[names[case.current_position_id]] = (n + 1, late + overdue)
    assert sum(late for _, late in expected.values()) > 0
    for user in dbm.User.select():
        view = services.inbox.overview(user)
        assert {name: (c.open, c.overdue) for name, c in view.counts.items()} == expected
        held_ids = services.users.position_ids(user)
        held = sorted(names[i] for i in held_ids)
        assert sorted(view.held) == held
        assert view.mine == InboxCount(user.username, sum(expected[n][0] for n in held),
                                       sum(expected[n][1] for n in held))
        assert all(expected[name][0] for name in view.recorded)
    assert {c.position: (c.open, c.overdue) for c in services.inbox.counts()} == expected


def test_the_scope_counts_equal_the_cases_counted_one_by_one(services):
    _check_counts(services)


def test_the_scope_counts_equal_the_cases_counted_one_by_one_on_postgresql(pg_services):
    _check_counts(pg_services)
