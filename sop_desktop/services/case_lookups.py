"""What a step transition looks up besides its case (issue 19): the positions (by id and by
SOP lane), the positions a user holds and the working calendar, kept between the engine's
write transactions for as long as nothing can have changed them.

SQLite: kept while `PRAGMA data_version` (it moves when another connection commits: another
process such as the CLI, or another thread's connection) and a counter of this connection's
own changes to the positions, the holders and the settings (TEMP triggers: they live in the
connection, not in the file, and count only its own writes, rolled back with them) are what
they were when the kept view was read. Checked with one statement at the start of each action;
only an outermost transaction keeps a view (a caller's outer transaction may still roll
back). PostgreSQL (other PCs write without a signal this cheap): each transaction reads them
afresh, once.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import peewee as pw

from sop_desktop.services.positions import PositionService
from sop_desktop.services.users import UserService
from sop_desktop.storage import db as dbm

if TYPE_CHECKING:  # annotations only: the SOP model loads where a definition is built (issue 19)
    from sop_desktop.domain.calendar import WorkCalendar
    from sop_desktop.domain.model import SopDefinition

# (connection, its data_version, its own changes counted): what "nothing changed" is checked on
Token = tuple[sqlite3.Connection, int, int]
# the tables whose rows the kept view holds: positions, who holds them, settings (the calendar)
WATCHED = ("position", "user_position", "setting")
_TRIGGERS = [(f"sop_lookups_{table}_{event.lower()}", table, event)
             for table in WATCHED for event in ("INSERT", "UPDATE", "DELETE")]
_MARKS = ('SELECT "n", (SELECT "data_version" FROM pragma_data_version), (SELECT count(*) FROM '
          "sqlite_temp_master WHERE \"type\" = 'trigger' AND \"name\" LIKE 'sop\\_lookups\\_%' "
          "ESCAPE '\\') FROM temp.\"sop_lookups\"")


@dataclass
class _Kept:
    """One consistent view of the looked-up rows, filled as the actions ask for them."""

    token: Token | None
    index: dict[str, dbm.Position] | None = None
    by_id: dict[int, dbm.Position] = field(default_factory=dict)
    # (id of the definition, lane) -> (the definition, kept alive so its id stays its own; position)
    lanes: dict[tuple[int, str | None], tuple[SopDefinition, dbm.Position | None]] = field(
        default_factory=dict)
    holds: dict[int, frozenset[int]] = field(default_factory=dict)
    calendar: WorkCalendar | None = None


def _token() -> Token | None:
    """This connection's change marks, inside a SQLite write transaction; None on PostgreSQL."""
    db = dbm.database.obj
    if not isinstance(db, pw.SqliteDatabase):
        return None
    conn = db.connection()
    try:
        own, version, triggers = conn.execute(_MARKS).fetchone()
    except sqlite3.OperationalError:  # the first action on this connection: no counter yet
        triggers = -1
    if triggers != len(_TRIGGERS):  # new, or a table rebuilt (its triggers went with it)
        # a failure raised as peewee's, as _guard expects (a full disk is then said so)
        with pw.__exception_wrapper__:  # type: ignore[attr-defined]  # peewee's, not in its stubs
            _count_own_changes(conn)
            own, version, triggers = conn.execute(_MARKS).fetchone()
            conn.execute('UPDATE temp."sop_lookups" SET "n" = "n" + 1')  # whatever was kept: gone
        own += 1
    return conn, int(version), int(own)


def _count_own_changes(conn: sqlite3.Connection) -> None:
    """Set up the connection's counter of its own changes to WATCHED (idempotent)."""
    conn.execute('CREATE TEMP TABLE IF NOT EXISTS "sop_lookups" ("n" INTEGER NOT NULL)')
    if conn.execute('SELECT count(*) FROM temp."sop_lookups"').fetchone()[0] == 0:
        conn.execute('INSERT INTO temp."sop_lookups" VALUES (0)')
    for name, table, event in _TRIGGERS:
        conn.execute(f'CREATE TEMP TRIGGER IF NOT EXISTS "{name}" AFTER {event} ON main."{table}" '
                     'BEGIN UPDATE "sop_lookups" SET "n" = "n" + 1; END')  # temp: searched first


class Lookups:
    """The engine's lookups of positions, holders and the calendar, kept per _Kept view."""

    def __init__(self, positions: PositionService, users: UserService,
                 calendar: Callable[[], WorkCalendar]) -> None:
        self._positions = positions
        self._users = users
        self._read_calendar = calendar
        self._kept: _Kept | None = None
        self._local = threading.local()

    def action(self, keep: bool = True) -> _Action:
        """Around one action's body, inside its write transaction: the kept view when nothing
        changed since the last action ended, else a new one (kept afterwards on SQLite when
        the body succeeded; a failed body's writes were rolled back and leave it unkept).
        `keep=False`: the transaction is a caller's (an outer one may still roll back): a view
        of its own, neither taken from nor kept for other actions. The positions are pinned
        for the action too (PositionService.pinned: read once in it)."""
        return _Action(self, keep)

    def _view(self) -> _Kept | None:
        kept: _Kept | None = getattr(self._local, "kept", None)
        return kept

    def _index(self, kept: _Kept) -> dict[str, dbm.Position]:
        if kept.index is None:
            kept.index = self._positions._index()
            kept.by_id = {p.id: p for p in kept.index.values()}
        return kept.index

    def position(self, position_id: int) -> dbm.Position | None:
        """The position with this id (None: no such position)."""
        kept = self._view()
        if kept is None:
            return self._positions.by_id(position_id)
        self._index(kept)
        return kept.by_id.get(position_id)

    def for_lane(self, defn: SopDefinition, lane: str | None) -> dbm.Position | None:
        """The position an SOP lane maps to (PositionService.position_for_lane)."""
        kept = self._view()
        if kept is None:
            return self._positions.position_for_lane(defn, lane)
        key = (id(defn), lane)
        found = kept.lanes.get(key)
        if found is None or found[0] is not defn:
            found = kept.lanes[key] = (defn, self._positions.position_for_lane(
                defn, lane, self._index(kept)))
        return found[1]

    def holds(self, user: dbm.User | int) -> frozenset[int]:
        """The ids of the positions the user holds."""
        user_id = user if isinstance(user, int) else int(user.id)
        kept = self._view()
        if kept is None:
            return frozenset(self._users.position_ids(user_id))
        found = kept.holds.get(user_id)
        if found is None:
            found = kept.holds[user_id] = frozenset(self._users.position_ids(user_id))
        return found

    def calendar(self) -> WorkCalendar:
        """The working calendar (CaseViews.calendar)."""
        kept = self._view()
        if kept is None:
            return self._read_calendar()
        if kept.calendar is None:
            kept.calendar = self._read_calendar()
        return kept.calendar


class _Action:
    """Lookups.action()'s context (a class: entered once per action, issue 19)."""

    __slots__ = ("_lookups", "_keep", "_token", "_kept", "_pin")

    def __init__(self, lookups: Lookups, keep: bool) -> None:
        self._lookups, self._keep = lookups, keep
        self._kept: _Kept | None = None  # None: an action inside an action (nothing to do)
        self._token: Token | None = None

    def __enter__(self) -> None:
        lookups = self._lookups
        self._pin = lookups._positions.pin()
        if getattr(lookups._local, "kept", None) is not None:  # an action inside an action
            return
        try:
            token = _token() if self._keep else None
        except BaseException:
            lookups._positions.unpin(self._pin)
            raise
        kept = lookups._kept
        if token is None or kept is None or kept.token is None or not _same(kept.token, token):
            kept = _Kept(None)
        self._token, self._kept = token, kept
        lookups._local.kept = kept

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        lookups, kept = self._lookups, self._kept
        try:
            if kept is not None:
                # a body that wrote WATCHED moved the counter past it
                if exc_type is None and self._token is not None:
                    kept.token = self._token
                    lookups._kept = kept
                lookups._local.kept = None
        finally:
            lookups._positions.unpin(self._pin)


def _same(kept: Token, now: Token) -> bool:
    return kept[0] is now[0] and kept[1:] == now[1:]
