"""Per-position inboxes: the open cases waiting on a position, ordered by due time.

Reads only stored columns (cases.current_position, status, current_due: one index), so a
page of an inbox is fast at 100,000 cases. A user's inbox is the union of their positions.

A user's rows also say what is theirs: new and unread ("baru": no read marker since the case
last moved), who took it ("Ambil"), the instruction of a disposisi addressed to them, its sifat
and days overdue; filters narrow it (unread, due soon, overdue, received between two days,
sifat, addressed to them by name). The window's inbox (ui/inbox_query.py) uses the same
conditions and row extras from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from sop_desktop.domain.sifat import sifat_code, sifat_key
from sop_desktop.services.case_fields import iso
from sop_desktop.services.disposisi import (
    addressed_condition,
    days_overdue,
    due_soon_condition,
    instructions_for,
    received_condition,
    unread_condition,
)
from sop_desktop.services.workflow import STATUS_OPEN
from sop_desktop.storage import db as dbm


@dataclass
class InboxItem:
    """One row of an inbox."""

    case_id: int
    number: str
    sop: str
    step: int | None
    lane: str | None
    position: str | None
    due: dt.datetime | None
    overdue: bool
    due_soon: bool
    started_at: dt.datetime | None
    created_at: dt.datetime
    sifat: str = "biasa"
    days_overdue: int = 0
    holder: str | None = None  # username of who took it
    holder_name: str | None = None
    unread: bool | None = None  # for the user the inbox is read for (None: no user)
    instruction: dict | None = None  # the disposisi addressed to that user on this step

    def to_dict(self) -> dict:
        return {"number": self.number, "sop": self.sop, "step": self.step, "lane": self.lane,
                "position": self.position, "due": iso(self.due), "overdue": self.overdue,
                "due_soon": self.due_soon, "started_at": iso(self.started_at),
                "created_at": iso(self.created_at), "sifat": self.sifat,
                "days_overdue": self.days_overdue, "holder": self.holder,
                "holder_name": self.holder_name, "unread": self.unread,
                "disposisi": self.instruction}


@dataclass
class RowExtras:
    """What a row says beyond the case columns, for one user (see row_extras)."""

    holder: str | None = None
    holder_name: str | None = None
    unread: bool | None = None
    instruction: dict | None = None


def _held_positions(user_id: int) -> set[int]:
    UP = dbm.UserPosition
    return {pid for pid, in UP.select(UP.position).where(UP.user == user_id).tuples()}


def row_extras(rows, user_id: int | None) -> dict[int, RowExtras]:
    """{case id: RowExtras} for rows of (case id, holder id, position id): a page costs four
    small reads. A case is "baru" only where it waits on a position the user holds."""
    ids = [r[0] for r in rows]
    holders = {r[1] for r in rows if r[1] is not None}
    people = ({u.id: u for u in dbm.User.select(dbm.User.id, dbm.User.username, dbm.User.name)
               .where(dbm.User.id.in_(sorted(holders)))} if holders else {})
    read: set[int] = set()
    told: dict[int, dict] = {}
    held: set[int] = set()
    if user_id is not None and ids:
        held = _held_positions(user_id)
        R = dbm.CaseRead
        read = {cid for cid, in R.select(R.case).where((R.user == user_id) & R.case.in_(ids))
                .tuples()}
        told = instructions_for(user_id, ids)
    out = {}
    for cid, holder_id, position_id in rows:
        who = people.get(holder_id)
        unread = (cid not in read and position_id in held) if user_id is not None else None
        out[cid] = RowExtras(who.username if who else None, who.name if who else None, unread,
                             told.get(cid))
    return out


@dataclass
class InboxFilter:
    """Narrowing an inbox: new and unread for its user, due soon, overdue, received between
    two days (inclusive), sifat, addressed to its user by name."""

    unread: bool = False
    due_soon: bool = False
    overdue: bool = False
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sifat: str | None = None
    mine: bool = False


def filter_condition(flt: InboxFilter | None, user_id: int | None, now: dt.datetime,
                     window: dt.timedelta):
    """The filter as one condition on the case table (True for no filter)."""
    C = dbm.Case
    cond = True
    if flt is None:
        return cond
    if (flt.unread or flt.mine) and user_id is None:
        raise ValueError("unread/mine need a user")
    if flt.unread:  # new in the user's own inbox: cases waiting on a position they hold
        cond = (cond & unread_condition(user_id)
                & C.current_position.in_(sorted(_held_positions(user_id)) or [-1]))
    if flt.mine:
        cond = cond & addressed_condition(user_id)
    if flt.due_soon:
        cond = cond & due_soon_condition(now, window)
    if flt.overdue:
        cond = cond & (C.current_due < now)
    if flt.date_from or flt.date_to:
        cond = cond & received_condition(flt.date_from, flt.date_to)
    if flt.sifat:
        code = sifat_code(flt.sifat)
        cond = cond & ((C.sifat == code) if code else (C.sifat.is_null() | (C.sifat == 0)))
    return cond


@dataclass
class InboxPage:
    """A page of an inbox and the total number of its cases."""

    items: list[InboxItem]
    total: int
    limit: int | None
    offset: int

    def to_dict(self) -> dict:
        return {"total": self.total, "limit": self.limit, "offset": self.offset,
                "items": [i.to_dict() for i in self.items]}


@dataclass
class InboxCount:
    position: str
    open: int
    overdue: int

    def to_dict(self) -> dict:
        return {"position": self.position, "open": self.open, "overdue": self.overdue}


class InboxService:
    """Inboxes per position and per user, with paging and counts."""

    def __init__(self, positions, users, clock=None, due_soon_window=None):
        self.positions = positions
        self.users = users
        self.clock = clock or dbm.now_local
        self._due_soon_window = due_soon_window

    def _window(self) -> dt.timedelta:
        if self._due_soon_window is not None:
            return self._due_soon_window()
        from sop_desktop.services.workflow import DEFAULT_DUE_SOON_HOURS, DUE_SOON_KEY

        return dt.timedelta(hours=float(dbm.get_setting(DUE_SOON_KEY, DEFAULT_DUE_SOON_HOURS)))

    def _page(self, condition, limit: int | None, offset: int, *, user=None,
              flt: InboxFilter | None = None) -> InboxPage:
        C = dbm.Case
        now = self.clock()
        window = self._window()
        soon = now + window
        user_id = user.id if user is not None else None
        condition = condition & filter_condition(flt, user_id, now, window)
        base = C.select().where(condition & (C.status == STATUS_OPEN))
        total = base.count()
        # NULL due (no time standard) sorts last on both SQLite and PostgreSQL
        query = (C.select(C.id, C.number, C.sop_code, C.current_step, C.current_lane,
                          C.current_position, C.current_due, C.step_started_at, C.created_at,
                          C.sifat, C.holder)
                 .where(condition & (C.status == STATUS_OPEN))
                 .order_by(C.current_due.is_null(), C.current_due, C.id))
        if limit is not None:
            query = query.limit(limit).offset(offset)
        names = {p.id: p.name for p in dbm.Position.select(dbm.Position.id, dbm.Position.name)}
        rows = list(query)
        extras = row_extras([(r.id, r.holder_id, r.current_position_id) for r in rows], user_id)
        items = []
        for row in rows:
            due = row.current_due
            more = extras[row.id]
            items.append(InboxItem(
                row.id, row.number, row.sop_code, row.current_step, row.current_lane,
                names.get(row.current_position_id), due, due is not None and due < now,
                due is not None and now <= due < soon, row.step_started_at, row.created_at,
                sifat_key(row.sifat), days_overdue(due, now), more.holder, more.holder_name,
                more.unread, more.instruction))
        return InboxPage(items, total, limit, offset)

    def for_position(self, position, *, limit: int | None = 50, offset: int = 0,
                     flt: InboxFilter | None = None) -> InboxPage:
        pos = position if isinstance(position, dbm.Position) else self.positions.get(position)
        return self._page(dbm.Case.current_position == pos.id, limit, offset, flt=flt)

    def for_positions(self, position_ids, *, limit: int | None = 50, offset: int = 0,
                      user=None, flt: InboxFilter | None = None) -> InboxPage:
        ids = sorted(set(position_ids))
        if not ids:
            return InboxPage([], 0, limit, offset)
        return self._page(dbm.Case.current_position.in_(ids), limit, offset, user=user, flt=flt)

    def for_user(self, user, *, limit: int | None = 50, offset: int = 0,
                 flt: InboxFilter | None = None) -> InboxPage:
        """The union of the inboxes of every position the user holds, with what is theirs
        (unread, taken, the disposisi addressed to them)."""
        return self.for_positions(self.users.position_ids(user), limit=limit, offset=offset,
                                  user=user, flt=flt)

    def unread_count(self, user) -> int:
        """Open cases in the user's positions they have not opened since they last moved."""
        ids = self.users.position_ids(user)
        if not ids:
            return 0
        C = dbm.Case
        return C.select().where((C.status == STATUS_OPEN) & C.current_position.in_(sorted(ids))
                                & unread_condition(user.id)).count()

    def unassigned(self, *, limit: int | None = 50, offset: int = 0) -> InboxPage:
        """Open cases whose current lane maps to no position (for operators to see)."""
        return self._page(dbm.Case.current_position.is_null(), limit, offset)

    def counts(self) -> list[InboxCount]:
        """Open and overdue cases per position (every position, zeros included)."""
        C = dbm.Case
        now = self.clock()
        overdue = pw.fn.SUM(pw.Case(None, [((C.current_due < now), 1)], 0))
        rows = (C.select(C.current_position, pw.fn.COUNT(C.id).alias("n"), overdue.alias("late"))
                .where((C.status == STATUS_OPEN) & C.current_position.is_null(False))
                .group_by(C.current_position).tuples())
        found = {pid: (int(n), int(late or 0)) for pid, n, late in rows}
        return [InboxCount(p.name, *found.get(p.id, (0, 0)))
                for p in dbm.Position.select().order_by(dbm.Position.name)]

    def count_for_user(self, user) -> InboxCount:
        ids = self.users.position_ids(user)
        C = dbm.Case
        if not ids:
            return InboxCount(user.username, 0, 0)
        base = C.select().where((C.status == STATUS_OPEN) & C.current_position.in_(sorted(ids)))
        late = base.where(C.current_due < self.clock()).count()
        return InboxCount(user.username, base.count(), late)
