"""Changes made by other connections (other PCs, the CLI, another process), noticed cheaply.

A window polls a watcher every second or two and refreshes its inbox and open case when
something changed. PostgreSQL: every case change NOTIFYs `CHANNEL` in the writer's own
transaction (`notify_cases`, so a rolled-back change tells nobody) and the watcher LISTENs on
a connection of its own. SQLite: `PRAGMA data_version` changes whenever another connection
commits; the watcher then reads which cases got new history events. No Qt here.
"""

from __future__ import annotations

import logging
import select
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

import peewee as pw

from sop_desktop.domain.record import Record
from sop_desktop.storage import db as dbm

if TYPE_CHECKING:
    from psycopg2.extensions import connection as PgConnection

log = logging.getLogger(__name__)

CHANNEL = "sop_desktop_cases"
_PAYLOAD_LIMIT = 7000  # PostgreSQL refuses payloads of 8000 bytes and more
_RECONNECT_SECONDS = 5.0


class Changes(Record):
    """What changed since the last poll: these cases, or (everything) something unnamed."""

    __slots__ = ("case_ids", "everything")
    case_ids: set[int]
    everything: bool

    def __init__(self, case_ids: set[int] | None = None, everything: bool = False) -> None:
        self.case_ids = case_ids if case_ids is not None else set()
        self.everything = everything

    def touches(self, case_id: int | None) -> bool:
        """True when the case with this id may have changed."""
        return self.everything or (case_id is not None and case_id in self.case_ids)


def notify_cases(case_ids: Iterable[int | None]) -> None:
    """Tell other PCs' watchers that these cases changed (PostgreSQL; nothing on SQLite).

    Call it inside the write transaction of the change: PostgreSQL delivers the notification
    only when that transaction commits."""
    statement = notify_statement(case_ids)
    if statement is not None:
        dbm.database.execute_sql(*statement)


def notify_statement(case_ids: Iterable[int | None]) -> tuple[str, list[str]] | None:
    """notify_cases as a statement (sql, parameters) for the caller to send along with its
    own in one round trip (row_writes.run_batch); None on SQLite."""
    if dbm.database.obj is None or dbm.is_sqlite():
        return None
    ids = sorted({int(i) for i in case_ids if i is not None})
    payload = ",".join(map(str, ids))
    if not payload or len(payload) > _PAYLOAD_LIMIT:
        payload = "*"
    return "SELECT pg_notify(%s, %s)", [CHANNEL, payload]


def parse_payload(payload: str, into: Changes) -> None:
    """Add one notification's case ids (or '*' for any case) to `into`."""
    if payload.strip() in ("", "*"):
        into.everything = True
        return
    for part in payload.split(","):
        try:
            into.case_ids.add(int(part))
        except ValueError:
            into.everything = True


class SqliteWatcher:
    """`PRAGMA data_version` on the polling thread's own connection (the window's): it moves
    when another connection commits; the new history rows then name the cases."""

    def __init__(self, database: pw.Database | pw.DatabaseProxy | None = None) -> None:
        self.database = database or dbm.database
        self.version = self._data_version()
        self.last_event = self._max_event()

    def _data_version(self) -> int:
        return int(self.database.execute_sql("PRAGMA data_version").fetchone()[0])

    def _max_event(self) -> int:
        if not self.database.table_exists("history"):
            return 0
        return int(self.database.execute_sql('SELECT MAX("id") FROM "history"').fetchone()[0] or 0)

    def poll(self) -> Changes | None:
        """None when no other connection committed since the last poll (one PRAGMA)."""
        version = self._data_version()
        if version == self.version:
            return None
        self.version = version
        rows = self.database.execute_sql(
            'SELECT "case_id", "id" FROM "history" WHERE "id" > ?', (self.last_event,)).fetchall()
        changes = Changes()
        for case_id, event_id in rows:
            changes.case_ids.add(int(case_id))
            self.last_event = max(self.last_event, int(event_id))
        if not rows:  # a commit without a new event (a user, a setting, an SOP): say so
            changes.everything = True
        return changes

    def close(self) -> None:
        """Nothing to release: the connection is the caller's."""


class PostgresWatcher:
    """LISTEN on a connection of its own; notifications from the polling thread's own
    connection (this window's own actions, already shown) are left out."""

    def __init__(self, database: pw.Database | None = None, *, ignore_own: bool = True) -> None:
        self.database: pw.Database = database or dbm.database.obj
        self.ignore_own = ignore_own
        self.conn: PgConnection | None = None
        self._retry_at = 0.0
        self._connect()

    def _connect(self) -> None:
        import psycopg2

        params = dict(self.database.connect_params)
        conn = psycopg2.connect(dbname=self.database.database, **params)
        conn.autocommit = True
        conn.cursor().execute(f"LISTEN {CHANNEL}")
        self.conn = conn

    def _own_pid(self) -> int | None:
        if not self.ignore_own:
            return None
        try:
            return int(self.database.connection().get_backend_pid())
        except Exception:  # no connection on this thread yet: nothing of ours to leave out
            return None

    def poll(self) -> Changes | None:
        """None when nothing arrived; a lost server connection reports everything changed
        once it is back (what happened meanwhile is unknown)."""
        import psycopg2

        if self.conn is None:
            if time.monotonic() < self._retry_at:
                return None
            try:
                self._connect()
            except psycopg2.Error:
                self._retry_at = time.monotonic() + _RECONNECT_SECONDS
                return None
            return Changes(everything=True)
        try:
            ready, _w, _x = select.select([self.conn], [], [], 0)
            if ready:
                self.conn.poll()
        except (psycopg2.Error, OSError, ValueError) as exc:
            log.warning("Pemantau perubahan terputus dari server: %s", exc)
            self.close()
            self._retry_at = time.monotonic() + _RECONNECT_SECONDS
            return None
        notes, self.conn.notifies[:] = list(self.conn.notifies), []
        own = self._own_pid()
        changes = Changes()
        for note in notes:
            if own is not None and note.pid == own:
                continue
            parse_payload(note.payload, changes)
        return changes if (changes.case_ids or changes.everything) else None

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:  # already gone with the server
                pass
            self.conn = None


def open_watcher(database: pw.Database | None = None) -> SqliteWatcher | PostgresWatcher:
    """The watcher for the bound database (or `database`): SqliteWatcher or PostgresWatcher.

    Poll it from one thread (the window's); raises dbm.DatabaseError when the server cannot
    be reached for LISTEN."""
    database = database or dbm.database.obj
    if dbm.is_sqlite(database):
        return SqliteWatcher(dbm.database if database is dbm.database.obj else database)
    try:
        return PostgresWatcher(database)
    except Exception as exc:
        raise dbm.DatabaseError(f"Pemantau perubahan tidak dapat tersambung ke server: {exc}") \
            from None
