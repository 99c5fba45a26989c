"""The case rows below the engine: events that do not move a case, the time checks, holds and reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sop_desktop.errors import ValidationError
from sop_desktop.services.attachments import StoredFile
from sop_desktop.services.case_fields import iso
from sop_desktop.services.office import check_event_time
from sop_desktop.storage import db as dbm
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
               now: dt.datetime) -> dt.datetime:
    """The real time of an event: not in the future, not before the case's previous event."""
    given = at is not None
    if at is None:
        at = now
    if at.tzinfo is not None:
        at = at.astimezone().replace(tzinfo=None)
    at = at.replace(microsecond=0)
    if given:  # the office's bounds: not before its start date, not beyond the clock allowance
        check_event_time(at, now)
    if case is not None:
        last = dbm.database.execute_sql(  # prepared, not a peewee query (issue 19)
            f'SELECT MAX("at") FROM "history" WHERE "case_id" = {dbm.database.param}',
            (case.id if isinstance(case, dbm.Case) else case,)).fetchone()[0]
        if isinstance(last, str):
            last = dbm.History.at.python_value(last)
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
    dbm.run_batch(_moved_marks(case, user, now))


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
    row = dbm.update_row(case, ledger.CASE_COLUMNS, dirty_only=True,  # the row is locked
                         before=[*([notify] if notify else []), *_moved_marks(case, user, now)])
    assert row is not None  # asked for columns: the updated row comes back
    return row


def read_case(key: int | str, *, lock: bool = False) -> dbm.Case | None:
    """The case by id (an int) or agenda number, as a model, through one raw statement (a
    peewee query cost four times as much to build as to run; every action reads its case);
    `lock`: SELECT ... FOR UPDATE (PostgreSQL)."""
    column, value = ("id", key) if isinstance(key, int) else ("number", str(key).strip())
    fields = dbm.Case._meta.sorted_fields
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    sql = (f'SELECT {columns} FROM "cases" WHERE "{column}" = {dbm.database.param}'
           + (" FOR UPDATE" if lock else ""))
    row = dbm.database.execute_sql(sql, (value,)).fetchone()
    if row is None:
        return None
    # the model built as Case.raw() builds it, without its cursor wrapper (a third of the cost)
    case = dbm.Case(__no_default__=1, **{f.name: None if v is None else f.python_value(v)
                                         for f, v in zip(fields, row, strict=True)})
    case._dirty.clear()  # type: ignore[attr-defined]  # peewee's changed-field set, not in its stubs
    return case
