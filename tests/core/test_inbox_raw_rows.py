"""The inbox pages read with raw statements (services/inbox_query.py `_rows`, `row_extras`) give
exactly the rows the ORM read gave: every column, "baru", the holder and the disposisi
addressed to the user, for every scope, status, sort, filter and search, on a real SQLite file
and on the PostgreSQL test server (issue 19: the first page without peewee's models)."""

from __future__ import annotations

import datetime as dt

from sop_desktop.domain.sifat import sifat_key
from sop_desktop.errors import SopError
from sop_desktop.ops.demo import fill
from sop_desktop.services import inbox_query as iq
from sop_desktop.services.case_views import due_soon_at, overdue_at
from sop_desktop.services.disposisi import days_overdue, instructions_for
from sop_desktop.services.users import hash_password
from sop_desktop.storage import db as dbm


def _orm_extras(rows, user_id):
    """The ORM read of a page's extras, as it was before the raw statements (reference)."""
    ids = [r[0] for r in rows]
    holders = {r[1] for r in rows if r[1] is not None}
    people = ({u.id: u for u in dbm.User.select(dbm.User.id, dbm.User.username, dbm.User.name)
               .where(dbm.User.id.in_(sorted(holders)))} if holders else {})
    read, told, held = set(), {}, set()
    if user_id is not None and ids:
        UP, R = dbm.UserPosition, dbm.CaseRead
        held = {p for p, in UP.select(UP.position).where(UP.user == user_id).tuples()}
        read = {c for c, in R.select(R.case).where((R.user == user_id) & R.case.in_(ids)).tuples()}
        told = instructions_for(user_id, ids)
    out = {}
    for cid, holder_id, position_id in rows:
        who = people.get(holder_id) if holder_id is not None else None
        unread = (cid not in read and position_id in held) if user_id is not None else None
        out[cid] = iq.RowExtras(who.username if who else None, who.name if who else None,
                                unread, told.get(cid))
    return out


def _orm_rows(q, cond, order, offset, limit):
    """The ORM page read, as it was before the raw statements (reference)."""
    C = dbm.Case
    now, window = q.now, q.due_soon_window
    names = {p.id: p.name for p in dbm.Position.select(dbm.Position.id, dbm.Position.name)}
    found = list(C.select(C.id, C.number, C.sop_code, C.fields, C.current_step, C.current_lane,
                          C.current_position, C.created_at, C.current_due, C.step_started_at,
                          C.status, C.sifat, C.holder)
                 .where(cond).order_by(*order).limit(limit).offset(offset))
    extras = _orm_extras([(r.id, r.holder_id, r.current_position_id) for r in found], q.user_id)
    rows = []
    for r in found:
        late = overdue_at(r.status, r.current_due, now)
        more = extras[r.id]
        unread = more.unread if r.status == "berjalan" or more.unread is None else False
        rows.append(iq.InboxRow(
            r.id, r.number, r.sop_code, iq.subject_of(r.fields), r.current_step, r.current_lane,
            names.get(r.current_position_id) if r.current_position_id else None, r.created_at,
            r.current_due, r.status, late, due_soon_at(r.status, r.current_due, now, window),
            r.step_started_at, sifat_key(r.sifat), days_overdue(r.current_due, now) if late else 0,
            more.holder, more.holder_name, unread, more.instruction))
    return rows


def _office(svc):
    """A demo office with what the extras show: cases taken ("Ambil"), read, given a sifat,
    and passed on by disposisi to a second holder of the busiest position."""
    fill(svc, 250, seed=3)
    # the busiest position someone holds (which one is busiest depends on the day of the fill)
    held = [c for c in svc.inbox.counts() if svc.users.holders(svc.positions.get(c.position))]
    position = svc.positions.get(max(held, key=lambda c: c.open).position)
    chief = svc.users.holders(position)[0]
    staff = svc.users.create("staf", "Staf Kedua", "", "pejabat", positions=[position.name],
                             password_hash=hash_password("sandi-uji-1", n=2 ** 10))
    cases = list(dbm.Case.select().where((dbm.Case.current_position == position.id)
                                         & (dbm.Case.status == "berjalan")).order_by(dbm.Case.id))
    passed = 0
    for i, case in enumerate(cases[:12]):
        try:
            if i % 3 != 1 and passed < 4:
                svc.disposisi.disposisi(case.number, chief, [staff], ["proses"], "segera ya")
                passed += 1
            elif i % 3 != 2:
                svc.disposisi.take(case.number, chief)
                svc.disposisi.set_sifat(case.number, chief, "segera")
            else:
                svc.disposisi.mark_read(case.id, staff)
        except SopError:
            continue
    assert passed >= 2, "the office needs cases passed on by disposisi"
    return [chief, staff, svc.users.get("admin")]


def _queries(users, position_ids):
    now = dbm.now_local()
    window = dt.timedelta(hours=24)
    out = []
    for user in users:
        mine = sorted(position_ids(user))
        for key in iq.SORT_KEYS:
            for descending in (False, True):
                out.append(iq.InboxQuery(position_ids=mine, sort=key, descending=descending,
                                         user_id=user.id))
        for status in (None, "selesai", "dihentikan", iq.STATUS_OVERDUE):
            out.append(iq.InboxQuery(position_ids=None, status=status, user_id=user.id))
        for more in (iq.InboxFilter(unread=True), iq.InboxFilter(mine=True),
                     iq.InboxFilter(due_soon=True), iq.InboxFilter(overdue=True),
                     iq.InboxFilter(sifat="segera")):
            out.append(iq.InboxQuery(position_ids=mine, more=more, user_id=user.id))
    out += [iq.InboxQuery(position_ids=None, status=None, search="a", sort="subject"),
            iq.InboxQuery(position_ids=None, unassigned=True),
            iq.InboxQuery(position_ids=None, sop=dbm.Case.select().first().sop_code,
                          status=None, sort="number", descending=True)]
    for q in out:
        q.now, q.due_soon_window = now, window
    return out


def _check_raw_rows_equal_the_orm_rows(svc):
    users = _office(svc)
    queries = _queries(users, svc.users.position_ids)
    shown = with_extras = 0
    for q in queries:
        for cond, order in iq._parts(q):
            for offset, limit in ((0, 200), (3, 7), (0, None)):
                raw = iq._rows(q, cond, order, offset, limit)
                assert raw == _orm_rows(q, cond, order, offset, limit), (q, offset, limit)
                shown += len(raw)
                with_extras += sum(1 for r in raw if r.instruction or r.holder or r.unread)
        page = iq.page(q, 0, 50)
        assert [r.case_id for r in page] == [r.case_id for r in iq.page(q, 0, None)][:50]
    assert shown > 500 and with_extras > 20
    told = [r for q in queries for r in iq.page(q, 0, None) if r.instruction]
    assert told and told[0].instruction["to"] == "staf"
    assert told[0].instruction["instruksi"] == ["proses"]
    assert told[0].instruction["catatan"] == "segera ya"


def test_raw_inbox_rows_equal_the_orm_rows_on_sqlite(services):
    _check_raw_rows_equal_the_orm_rows(services)


def test_raw_inbox_rows_equal_the_orm_rows_on_postgresql(pg_services):
    _check_raw_rows_equal_the_orm_rows(pg_services)


def test_stored_times_are_read_as_peewee_reads_them():
    assert iq._when("2026-12-07 08:30:05") == dt.datetime(2026, 12, 7, 8, 30, 5)
    assert iq._when("2026-12-07 08:30:05.250000") == dt.datetime(2026, 12, 7, 8, 30, 5, 250000)
    assert iq._when("2026-12-07") == dt.datetime(2026, 12, 7)
    assert iq._when(None) is None and iq._when("") == ""
    when = dt.datetime(2026, 1, 2, 3, 4, 5)
    assert iq._when(when) is when
    for text in ("2026-12-07 08:30:05", "2026-12-07 08:30:05.250000", "2026-12-07"):
        assert iq._when(text) == dbm.Case.created_at.python_value(text)


def _old_subject_of(fields):
    """subject_of as it was before each key was lowered once (reference)."""
    fields = fields or {}
    for hint in iq._SUBJECT_HINTS:
        for key, value in fields.items():
            if hint in key.lower() and isinstance(value, str) and value.strip():
                return value.strip()
    for value in fields.values():
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def test_the_subject_is_the_same_best_guess_as_before():
    cases = [None, {}, {"nomor": 3}, {"alamat": " Jl. Merdeka ", "Nama_Pemohon": "  Sari "},
             {"perihal": "Izin", "nama": "Budi"}, {"judul": "  ", "catatan": "lain"},
             {"NAMA": 5, "Pokok": "Aduan air"}, {"x": ["a"], "y": " b "},
             {"pelapor": "", "pengadu": "Wati", "hal": "Sengketa"}]
    for fields in cases:
        assert iq.subject_of(fields) == _old_subject_of(fields), fields
