"""The one inbox engine (services/inbox.py over services/inbox_query.py): the window's scopes,
search, sort and paging, one row type with one overdue rule, counts per position, saved
filters' stored form, reading on a worker thread, and `sop-desktop inbox` on the same engine."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest

from sop_desktop.services.inbox import (
    SCOPE_ALL,
    SCOPE_MINE,
    SCOPE_UNASSIGNED,
    InboxFilter,
    InboxQuery,
)
from sop_desktop.services.inbox_query import (
    SORT_KEYS,
    STATUS_OVERDUE,
    dump_saved_filters,
    load_saved_filters,
    saved_filter_name,
)
from sop_desktop.storage import db as dbm
from tests.conftest import run_cli
from tests.core.users_support import make_user

YANKOMAS = "YANKOMAS-KANWIL"
OTHER = "YANKOMAS-BENGKULU"
NAMES = ["Rahmat", "Sari", "Budi", "Wati"]


def open_cases(svc, user, names=NAMES, intake_done=True):
    """One case per name, alternating between two SOPs, a minute apart and at most five minutes
    ago (the shortest step takes ten working minutes: no due has passed, whatever the clock
    says); the first has no due.
    With the intake done they wait on Petugas Yankomas (Bengkulu) and Kepala Kantor Wilayah
    (Kanwil); else all on the public's step (an outside party's position)."""
    for i, name in enumerate(names):
        svc.cases.open_case(YANKOMAS if i % 2 else OTHER, user,
                            {"nama_pengadu": f"{name} Pengadu", "pokok_aduan": f"Aduan {i}"},
                            at=dbm.now_local() - dt.timedelta(minutes=5 - i),
                            intake_done=intake_done)
    dbm.Case.update(current_due=None).where(dbm.Case.id == dbm.Case.select().first().id).execute()
    now = dbm.now_local()
    assert all(c.current_due is None or c.current_due > now for c in dbm.Case.select())


def _check_search_orders(svc):
    """snapshot() (one query, sorted matches) agrees with page() (the indexed parts)."""
    ani = make_user(svc, "ani", "operator", ["Petugas Yankomas"])
    open_cases(svc, ani)
    inbox = svc.inbox
    for key in SORT_KEYS:
        for descending in (False, True):
            flt = InboxQuery(position_ids=None, status=None, search="PENGADU", sort=key,
                             descending=descending)
            snap = inbox.snapshot(flt, 2)
            paged = [r.case_id for r in inbox.page_of(flt, 0, 10)]
            assert snap.ids == paged and len(paged) == 4, (key, descending)
            assert [r.case_id for r in snap.first_page] == paged[:2]
    flt = InboxQuery(position_ids=None, status=None, search="sari")
    assert [r.subject for r in inbox.rows_by_ids(flt, inbox.snapshot(flt).ids)] \
        == ["Sari Pengadu"]


def test_search_snapshot_orders_on_sqlite(services):
    _check_search_orders(services)


def test_search_snapshot_orders_on_postgresql(pg_services):
    _check_search_orders(pg_services)


def test_a_snapshot_is_stamped_with_the_inbox_clock_and_its_pages_agree(services):
    ani = make_user(services, "ani", "operator", ["Petugas Yankomas"])
    open_cases(services, ani)
    now = dbm.now_local() + dt.timedelta(days=400)  # a year on: every due time is past
    services.cases.clock = lambda: now
    query = InboxQuery(position_ids=None)
    snap = services.inbox.snapshot(query, 2)
    assert query.now is None  # the caller's query is left as it was
    assert snap.query.now == now and snap.query.due_soon_window == dt.timedelta(hours=24)
    assert snap.total == 4 and snap.ids is None and len(snap.first_page) == 2
    rows = services.inbox.page_of(snap.query, 0, None)  # None: every row
    assert [r.case_id for r in rows[:2]] == [r.case_id for r in snap.first_page]
    assert rows[-1].due is None  # no time standard: last
    assert all(r.overdue for r in rows if r.due is not None)
    assert services.inbox.row_index(snap.query, rows[2].case_id) == 2
    assert services.inbox.ordered_ids(snap.query) == [r.case_id for r in rows]


def test_one_overdue_rule_for_rows_counts_filters_and_the_case_page(services):
    """A row is overdue exactly when the case engine says so; so are the counts, the status
    filter "terlambat" and the filter "overdue"; a closed case is never overdue or new."""
    ani = make_user(services, "ani", "administrator", ["Petugas Yankomas"])
    open_cases(services, ani, intake_done=False)
    first, second, third, fourth = dbm.Case.select().order_by(dbm.Case.id)
    now = dbm.now_local()
    dbm.Case.update(current_due=now - dt.timedelta(days=3)).where(
        dbm.Case.id.in_([second.id, fourth.id])).execute()
    dbm.Case.update(current_due=now + dt.timedelta(hours=2)).where(
        dbm.Case.id == third.id).execute()
    services.cases.stop(fourth.number, ani, "dicabut")  # closed while late: not overdue
    services.cases.clock = lambda: now
    rows = services.inbox.page_of(InboxQuery(position_ids=None, status=None,
                                             user_id=ani.id), 0, None)
    for row in rows:
        assert row.overdue == services.cases.is_overdue(services.cases.get(row.case_id), now)
        assert row.due_soon == services.cases.is_due_soon(services.cases.get(row.case_id), now)
        assert (row.days_overdue > 0) == row.overdue
    by_id = {r.case_id: r for r in rows}
    assert by_id[second.id].overdue and by_id[second.id].days_overdue == 3
    assert not by_id[fourth.id].overdue and by_id[fourth.id].unread is False
    assert by_id[third.id].due_soon and not by_id[first.id].overdue
    late = services.inbox.snapshot(InboxQuery(position_ids=None, status=STATUS_OVERDUE))
    flt = services.inbox.snapshot(InboxQuery(position_ids=None, more=InboxFilter(overdue=True)))
    assert late.total == flt.total == 1
    counts = {c.position: c for c in services.inbox.counts()}
    waiting = services.cases.get(second.id).current_position.name
    assert counts[waiting].overdue == 1


def test_scopes_map_to_the_same_cases_as_the_fixed_inboxes(services):
    ani = make_user(services, "ani", "operator", ["Petugas Yankomas"])
    open_cases(services, ani, NAMES + ["Joko"])
    pos = "Petugas Yankomas"
    holder = make_user(services, "budi", "pejabat", [pos, "Kepala Kantor Wilayah"])
    inbox = services.inbox

    def ids(scope, user=holder):
        return services.inbox.ordered_ids(inbox.scope_query(user, scope))

    assert ids(pos) == [i.case_id for i in inbox.for_position(pos, limit=None).items]
    assert len(ids(pos)) == 3
    assert ids(SCOPE_MINE) == [i.case_id for i in inbox.for_user(holder, limit=None).items]
    assert len(ids(SCOPE_MINE)) == 5 and set(ids(pos)) < set(ids(SCOPE_MINE))
    assert sorted(ids(SCOPE_ALL)) == sorted(ids(SCOPE_MINE))
    assert ids(SCOPE_UNASSIGNED) == [i.case_id for i in inbox.unassigned(limit=None).items] == []
    assert ids(None) == []  # no scope chosen: nothing
    nobody = make_user(services, "citra", "pejabat", [])
    assert ids(SCOPE_MINE, nobody) == [] and inbox.for_user(nobody).total == 0
    with pytest.raises(ValueError):
        inbox.for_position(pos, flt=InboxFilter(unread=True))  # "baru" needs a user


def test_overview_gives_the_scope_list_with_one_count_query(services):
    ani = make_user(services, "ani", "operator", ["Petugas Yankomas"])
    open_cases(services, ani, intake_done=False)
    first = services.cases.get(dbm.Case.select().first().id)
    waiting = first.current_position  # the public's step: an outside party's position
    assert waiting.external
    holder = make_user(services, "budi", "pejabat", [waiting.name, "Petugas Yankomas"])
    view = services.inbox.overview(holder)
    assert view.held == services.users.position_names(holder) and not view.staff
    assert view.recorded == []  # only staff record outside parties' steps
    counts = {c.position: c for c in services.inbox.counts()}
    assert view.counts == counts
    mine = services.inbox.count_for_user(holder)
    assert (view.mine.open, view.mine.overdue) == (mine.open, mine.overdue) == (4, 0)
    assert view.unread == services.inbox.unread_count(holder) == 4
    staff = services.inbox.overview(ani)
    assert staff.staff and staff.recorded == [waiting.name]
    assert staff.held == ["Petugas Yankomas"]
    assert services.disposisi.mark_read(first.id, holder)  # opened: no longer "baru"
    assert services.inbox.overview(holder).unread == services.inbox.unread_count(holder) == 3


def test_snapshot_on_a_worker_thread_leaves_closing_to_the_runner(services):
    ani = make_user(services, "ani", "operator", ["Petugas Yankomas"])
    open_cases(services, ani)
    query = InboxQuery(position_ids=None, search="pengadu")
    got = {}

    def work():
        got["snap"] = services.inbox.snapshot_on_worker(query, 3)
        got["closed"] = dbm.database.is_closed()
        dbm.database.close()  # what ui.workers.TaskRunner does after every task

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    # one place closes a worker's connection (the runner), never the task itself
    assert not got["closed"] and got["snap"].ids == services.inbox.snapshot(query).ids
    assert not dbm.database.is_closed()  # this thread's connection is still open


def test_saved_filters_stored_form_survives_damage():
    state = {"scope": "mine", "search": "Sari", **InboxFilter(
        unread=True, sifat="segera", date_from=dt.date(2026, 12, 1)).state()}
    raw = dump_saved_filters({"Pagi ini": state})
    assert load_saved_filters(raw) == {"Pagi ini": state}
    back = InboxFilter.from_state(state)
    assert back.unread and back.sifat == "segera" and back.date_from == dt.date(2026, 12, 1)
    assert back.date_to is None and not back.mine
    for damaged in (b"{not json", b"\xff\xfe", b"[1, 2]", b"", None):
        assert load_saved_filters(damaged) == {}
    assert load_saved_filters(json.dumps({"a": 1, "b": {}}).encode()) == {"b": {}}
    odd = InboxFilter.from_state({"from": "2026-13-45", "sifat": "gawat", "unread": 1})
    assert odd.date_from is None and odd.sifat is None and odd.unread
    assert saved_filter_name("  Kasus   lama \n") == "Kasus lama" and saved_filter_name(None) == ""


def test_the_cli_reads_the_window_engine(services, db_path):
    """`sop-desktop inbox` lists what the window's query shows: the same rows, order, search,
    sort, SOP and total; a bad sort or a negative limit is one Indonesian line."""
    ani = make_user(services, "ani", "operator", ["Petugas Yankomas"])
    open_cases(services, ani, NAMES + ["Joko", "Sarinah"])
    holder = make_user(services, "budi", "pejabat", ["Petugas Yankomas", "Kepala Kantor Wilayah"])
    query = services.inbox.scope_query(holder, SCOPE_MINE, search="sari", sort="number",
                                       descending=True)
    want = [r.to_dict() for r in services.inbox.page_of(query, 0, None)]
    assert [r["subject"] for r in want] == ["Sarinah Pengadu", "Sari Pengadu"]
    services.close()
    out = run_cli("--db", str(db_path), "inbox", "--user", "budi", "--search", "sari",
                  "--sort", "number", "--desc", "--json")
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert [(r["number"], r["subject"], r["status"]) for r in got] == \
        [(r["number"], r["subject"], r["status"]) for r in want]
    text = run_cli("--db", str(db_path), "inbox", "--position", "Petugas Yankomas",
                   "--sop", OTHER, "--limit", "1")
    assert text.returncode == 0 and text.stdout.strip().endswith("(3 kasus)"), text.stdout
    assert len(text.stdout.strip().splitlines()) == 2  # one row of three, then the total
    bad = run_cli("--db", str(db_path), "inbox", "--user", "budi", "--limit", "-1")
    assert bad.returncode != 0 and "tidak boleh negatif" in bad.stderr
    assert "Traceback" not in bad.stderr
