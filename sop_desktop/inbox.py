"""Per-position inboxes: the open cases waiting on a position, ordered by due time.

Reads only stored columns (cases.current_position, status, current_due: one index), so a
page of an inbox is fast at 100,000 cases. A user's inbox is the union of their positions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from sop_desktop import db as dbm
from sop_desktop.workflow import STATUS_OPEN, iso


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

    def to_dict(self) -> dict:
        return {"number": self.number, "sop": self.sop, "step": self.step, "lane": self.lane,
                "position": self.position, "due": iso(self.due), "overdue": self.overdue,
                "due_soon": self.due_soon, "started_at": iso(self.started_at),
                "created_at": iso(self.created_at)}


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
        from sop_desktop.workflow import DEFAULT_DUE_SOON_HOURS, DUE_SOON_KEY

        return dt.timedelta(hours=float(dbm.get_setting(DUE_SOON_KEY, DEFAULT_DUE_SOON_HOURS)))

    def _page(self, condition, limit: int | None, offset: int) -> InboxPage:
        C = dbm.Case
        now = self.clock()
        soon = now + self._window()
        base = C.select().where(condition & (C.status == STATUS_OPEN))
        total = base.count()
        # NULL due (no time standard) sorts last on both SQLite and PostgreSQL
        query = (C.select(C.id, C.number, C.sop_code, C.current_step, C.current_lane,
                          C.current_position, C.current_due, C.step_started_at, C.created_at)
                 .where(condition & (C.status == STATUS_OPEN))
                 .order_by(C.current_due.is_null(), C.current_due, C.id))
        if limit is not None:
            query = query.limit(limit).offset(offset)
        names = {p.id: p.name for p in dbm.Position.select(dbm.Position.id, dbm.Position.name)}
        items = []
        for row in query:
            due = row.current_due
            items.append(InboxItem(
                row.id, row.number, row.sop_code, row.current_step, row.current_lane,
                names.get(row.current_position_id), due, due is not None and due < now,
                due is not None and now <= due < soon, row.step_started_at, row.created_at))
        return InboxPage(items, total, limit, offset)

    def for_position(self, position, *, limit: int | None = 50, offset: int = 0) -> InboxPage:
        pos = position if isinstance(position, dbm.Position) else self.positions.get(position)
        return self._page(dbm.Case.current_position == pos.id, limit, offset)

    def for_positions(self, position_ids, *, limit: int | None = 50, offset: int = 0) -> InboxPage:
        ids = sorted(set(position_ids))
        if not ids:
            return InboxPage([], 0, limit, offset)
        return self._page(dbm.Case.current_position.in_(ids), limit, offset)

    def for_user(self, user, *, limit: int | None = 50, offset: int = 0) -> InboxPage:
        """The union of the inboxes of every position the user holds."""
        return self.for_positions(self.users.position_ids(user), limit=limit, offset=offset)

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
