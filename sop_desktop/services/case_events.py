"""The case rows below the engine: events that do not move a case, the time checks, holds and reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sop_desktop.errors import NotFound, ValidationError
from sop_desktop.services.attachments import StoredFile
from sop_desktop.services.case_fields import iso
from sop_desktop.services.case_states import STATUS_LABELS, STATUS_OPEN
from sop_desktop.services.office import check_event_time
from sop_desktop.services.stale import MOVING_ACTIONS, check_not_moved
from sop_desktop.storage import db as dbm
from sop_desktop.storage.field_values import python_values, to_python
from sop_desktop.storage.row_writes import execute, run_batch, update_row
from sop_desktop.storage.watch import notify_cases, notify_statement

# A case row, its id or its agenda number: what the engine's lookups accept.
CaseRef = dbm.Case | int | str


def record_event(case: dbm.Case, user: dbm.User, action: str, note: str = "", *,
                 at: dt.datetime | None = None,
                 attachments: Iterable[StoredFile | Mapping[str, Any]] = (),
                 position: dbm.Position | int | None = None,
                 clock: Callable[[], dt.datetime] | None = None) -> dbm.History:
    """Append an event that does not move the case (e.g. "surat": a letter was issued).

    Meant to be called inside the caller's transaction, so the event commits with the
    caller's own rows (the outgoing letter) or not at all; runs its own transaction otherwise.
    `attachments` are StoredFile objects or dicts with sha256, name and size. The caller
    checks permission. `at` may not lie in the future nor before the case's last event.
    """
    clock = clock or dbm.now_local
    with dbm.database.atomic():
        now = clock()
        when = check_time(case, at, now)
        files = [f.to_dict() if isinstance(f, StoredFile) else dict(f) for f in attachments]
        # deferred on purpose: the history chain's modules (integrity, ledger, event_canon) are
        # for writing, which the first screen never does (issue 19, start-up)
        from sop_desktop.storage.integrity import append_event  # chained to the case's last event

        drop_head(case)  # its last event changes now: later readers read the history again
        event = append_event(
            case=case, action=action, from_step=case.current_step, to_step=case.current_step,
            user=user.id, position=position.id if isinstance(position, dbm.Position) else position,
            at=when, recorded_at=now, note=note or "", attachments=files)
        for data in files:
            dbm.Attachment.create(case=case, history=event, sha256=data["sha256"],
                                  name=data["name"], size=data["size"], added_by=user.id,
                                  added_at=now)
        notify_cases([case.id])  # other PCs' windows learn of it when this commits
    return event


def check_time(case: dbm.Case | int | None, at: dt.datetime | None,
               now: dt.datetime, head: CaseHead | None = None) -> dt.datetime:
    """The real time of an event: not in the future, not before the case's previous event
    (`head`: the case's history as read with its row, else read here)."""
    given = at is not None
    if at is None:
        at = now
    if at.tzinfo is not None:
        at = at.astimezone().replace(tzinfo=None)
    at = at.replace(microsecond=0)
    if given:  # the office's bounds: not before its start date, not beyond the clock allowance
        check_event_time(at, now)
    if head is not None:
        last = head.last_at
    elif case is not None:
        last = dbm.database.execute_sql(  # prepared, not a peewee query (issue 19)
            f'SELECT MAX("at") FROM "history" WHERE "case_id" = {dbm.database.param}',
            (case.id if isinstance(case, dbm.Case) else case,)).fetchone()[0]
        if isinstance(last, str):
            last = dbm.History.at.python_value(last)
    else:
        last = None
    if last is not None and at < last:
        raise ValidationError(f"Waktu kejadian {iso(at)} tidak boleh sebelum kejadian "
                              f"sebelumnya pada kasus ini ({iso(last)})")
    return at


def held_by_other(case: dbm.Case, user: dbm.User | None) -> str:
    """Why `user` may not act on a case someone else took ("Ambil"), or "" when they may."""
    if case.holder_id is None or user is None or case.holder_id == user.id:
        return ""
    holder = dbm.User.get_or_none(dbm.User.id == case.holder_id)
    name = f"{holder.name} ({holder.username})" if holder else "pengguna lain"
    return (f"Kasus {case.number} sedang diambil oleh {name}; minta ia melepasnya (Lepas) "
            "atau minta administrator")


def mark_moved(case: dbm.Case, user: dbm.User, now: dt.datetime) -> None:
    """The case moved: it is "baru" again for everyone except the one who moved it."""
    run_batch(_moved_marks(case, user, now))


def _moved_marks(case: dbm.Case, user: dbm.User, now: dt.datetime) -> list[tuple[str, list[Any]]]:
    """mark_moved's statements: prepared, every action runs them (issue 19)."""
    p = dbm.database.param
    return [(f'DELETE FROM "case_read" WHERE "case_id" = {p}', [case.id]),
            (f'INSERT INTO "case_read" ("user_id", "case_id", "read_at") VALUES ({p}, {p}, {p})',
             [user.id, case.id, dbm.CaseRead.read_at.db_value(now)])]


def save_moved(case: dbm.Case, user: dbm.User, now: dt.datetime) -> tuple[Any, ...]:
    """Write the moved case row (its changed columns), reset its read markers (mark_moved) and tell
    other PCs (notify_cases): one round trip on PostgreSQL (issue 19). Returns the row as
    stored, in ledger.CASE_COLUMNS order, for its global chain entry."""
    # deferred on purpose: the global chain's module is for writing, which the first screen
    # never does (issue 19, start-up)
    from sop_desktop.storage import ledger

    notify = notify_statement([case.id])
    row = update_row(case, ledger.CASE_COLUMNS, dirty_only=True,  # the row is locked
                     before=[*([notify] if notify else []), *_moved_marks(case, user, now)])
    assert row is not None  # asked for columns: the updated row comes back
    return row


def read_case(key: int | str, *, lock: bool = False) -> dbm.Case | None:
    """The case by id (an int) or agenda number, as a model, through one raw statement (a
    peewee query cost four times as much to build as to run; every action reads its case);
    `lock`: SELECT ... FOR UPDATE (PostgreSQL)."""
    column, value = _case_key(key)
    sql = f'SELECT {_CASE_SELECT} FROM "cases" c WHERE c."{column}" = {dbm.database.param}'
    row = dbm.database.execute_sql(sql + (" FOR UPDATE" if lock else ""), (value,)).fetchone()
    return None if row is None else case_from_row(row)


@dataclass(frozen=True, slots=True)
class CaseHead:
    """The case's history as it stood when its row was read (in the same statement): its last
    event's time and hash, and (when asked) the id of its newest event that moved it."""

    last_at: dt.datetime | None
    last_hash: str | None
    last_move: int | None = None


def read_case_head(key: int | str, *, lock: bool = False,
                   moves: bool = False) -> tuple[dbm.Case, CaseHead] | None:
    """read_case and the case's CaseHead in one round trip (issue 19: check_time and the
    history chain would each read it again). `lock`: PostgreSQL, the row locked FOR UPDATE
    first, then read in a second statement of the same round trip, whose snapshot sees any
    event committed before the lock was granted. `moves`: with CaseHead.last_move."""
    column, value = _case_key(key)
    p = dbm.database.param
    sql = (f'SELECT {_CASE_SELECT}, {_HEAD_SELECT}{_MOVE_SELECT if moves else ""} '
           f'FROM "cases" c WHERE c."{column}" = {p}')
    if lock:
        cursor = run_batch([(f'SELECT 1 FROM "cases" WHERE "{column}" = {p} FOR UPDATE',
                             [value]), (sql, [value])])
    else:
        cursor = execute(sql, (value,))
    row = cursor.fetchone()
    if row is None:
        return None
    width = len(_CASE_NAMES)
    last_at = row[width]
    if isinstance(last_at, str):
        last_at = python_values(_AT_STEPS, (last_at,))[0]
    head = CaseHead(last_at, row[width + 1], row[width + 2] if moves else None)
    return case_from_row(row), head


def locked_case(number: CaseRef, moves: bool = False) -> dbm.Case:
    """The case re-read inside the running write transaction, with its CaseHead kept on it for
    this transaction (head_of; `moves`: with the id of its newest moving event).

    SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL needs the row lock
    (SELECT ... FOR UPDATE) so two PCs cannot move the same case at once.
    """
    key = number.id if isinstance(number, dbm.Case) else number
    found = read_case_head(key, lock=not dbm.is_sqlite(), moves=moves)
    if found is None:
        raise NotFound(f"Kasus '{key}' tidak ditemukan")
    case, head = found
    setattr(case, _HEAD, head)
    return case


def open_case_row(number: CaseRef, on_step: int | None = None,
                  on_event: int | None = None) -> dbm.Case:
    """The running case, locked for this transaction; refused first when it moved on since
    the view the action was taken on (so the later of two people hears that, not "tidak
    memegang jabatan"): checked on its CaseHead, stale.check_not_moved says how it moved."""
    case = locked_case(number, moves=on_event is not None)
    head = head_of(case)
    if head is None or (on_event is not None and head.last_move != int(on_event)) or (
            on_step is not None and (case.status != STATUS_OPEN
                                     or case.current_step != int(on_step))):
        check_not_moved(case, on_step, on_event)
    if case.status != STATUS_OPEN or case.current_step is None:
        label = STATUS_LABELS.get(case.status, case.status).lower()
        raise ValidationError(f"Kasus {case.number} sudah {label}: tidak ada langkah yang "
                              "dapat dikerjakan")
    return case


# the attribute of a case model read by locked_case holding its CaseHead (for that transaction)
_HEAD = "_sop_case_head"


def head_of(case: dbm.Case | int | None) -> CaseHead | None:
    """The CaseHead read with the case's row in this transaction (None: not read so)."""
    head: CaseHead | None = getattr(case, _HEAD, None)
    return head


def drop_head(case: dbm.Case) -> CaseHead | None:
    """head_of(case), no longer kept on it: the caller appends the case's next event, after
    which the next reader reads the history again."""
    head = head_of(case)
    if head is not None:
        setattr(case, _HEAD, None)
    return head


def case_from_row(row: Sequence[Any]) -> dbm.Case:
    """A Case model from a row of _CASE_SELECT's columns, as Case.raw() builds it, without
    its cursor wrapper nor a setattr per column (issue 19: every action reads its case)."""
    case = dbm.Case.__new__(dbm.Case)
    case.__data__ = dict(zip(_CASE_NAMES, python_values(_CASE_STEPS, row), strict=False))
    case._dirty = set()  # type: ignore[attr-defined]  # peewee's changed-field set, not in its stubs
    case.__rel__ = {}
    return case


def _case_key(key: int | str) -> tuple[str, int | str]:
    return ("id", key) if isinstance(key, int) else ("number", str(key).strip())


_CASE_NAMES = tuple(f.name for f in dbm.Case._meta.sorted_fields)
_CASE_STEPS = to_python(dbm.Case._meta.sorted_fields)
_AT_STEPS = to_python([dbm.History.at])
_CASE_SELECT = ", ".join(f'c."{f.column_name}"' for f in dbm.Case._meta.sorted_fields)
_HEAD_SELECT = ('(SELECT MAX(h."at") FROM "history" h WHERE h."case_id" = c."id"), '
                '(SELECT h."hash" FROM "history" h WHERE h."case_id" = c."id" '
                'ORDER BY h."id" DESC LIMIT 1)')
_MOVE_SELECT = (', (SELECT MAX(h."id") FROM "history" h WHERE h."case_id" = c."id" AND '
                f'h."action" IN ({", ".join(repr(a) for a in MOVING_ACTIONS)}))')
