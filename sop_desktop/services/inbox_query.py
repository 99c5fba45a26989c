"""The inbox engine's reading: which cases an inbox shows, one row type, paging, sort, search.

An InboxQuery says whose cases (positions, unassigned, every case), which SOP and status, the
search text, the order and the narrowing filters (InboxFilter: new and unread, addressed by
name, due soon, overdue, received between two days, sifat). Each filter is an indexed column or
one LIKE over the intake text, so a page of 200 is fast at 100,000 cases. InboxService
(services/inbox.py) stamps the query's clock and due-soon window; the window's inbox table and
`sop-desktop inbox` both read through it. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sop_desktop.domain.record import Record
from sop_desktop.domain.sifat import sifat_code, sifat_key
from sop_desktop.errors import ValidationError
from sop_desktop.services.case_fields import iso
from sop_desktop.services.case_states import (
    DEFAULT_DUE_SOON_HOURS,
    STATUS_DONE,
    STATUS_OPEN,
    STATUS_STOPPED,
)
from sop_desktop.services.case_views import due_soon_at, overdue_at, overdue_condition
from sop_desktop.services.disposisi import (
    DisposisiRow,
    addressed_condition,
    days_overdue,
    due_soon_condition,
    instruksi_text,
    received_condition,
    unread_condition,
)
from sop_desktop.storage import db as dbm

Condition = Any  # a peewee expression, or True for "no condition"

STATUS_OVERDUE = "terlambat"  # a status filter value: open and past its due time
SORT_KEYS = ("number", "sop", "subject", "step", "received", "due", "status", "sifat", "late",
             "holder")
DEFAULT_DUE_SOON = dt.timedelta(hours=float(DEFAULT_DUE_SOON_HOURS))
# Intake keys that name the applicant or the subject of a case, best first.
_SUBJECT_HINTS = ("pemohon", "pengadu", "pelapor", "nama", "perihal", "subjek", "hal", "judul",
                  "pokok")


def subject_of(fields: dict | None) -> str:
    """The applicant or subject of a case from its intake values (a readable best guess)."""
    # each key lowered once (not once per hint: 200 rows a page)
    texts = [(key.lower(), value) for key, value in (fields or {}).items()
             if isinstance(value, str) and value.strip()]
    for hint in _SUBJECT_HINTS:
        for key, value in texts:
            if hint in key:
                return value.strip()
    return texts[0][1].strip() if texts else ""


class InboxFilter(Record):
    """Narrowing an inbox: new and unread for its user, due soon, overdue, received between
    two days (inclusive), sifat, addressed to its user by name."""

    __slots__ = ("unread", "due_soon", "overdue", "date_from", "date_to", "sifat", "mine")
    unread: bool
    due_soon: bool
    overdue: bool
    date_from: dt.date | None
    date_to: dt.date | None
    sifat: str | None
    mine: bool

    def __init__(self, unread: bool = False, due_soon: bool = False, overdue: bool = False,
                 date_from: dt.date | None = None, date_to: dt.date | None = None,
                 sifat: str | None = None, mine: bool = False) -> None:
        self.unread, self.due_soon, self.overdue = unread, due_soon, overdue
        self.date_from, self.date_to, self.sifat, self.mine = date_from, date_to, sifat, mine

    def state(self) -> dict[str, Any]:
        """The filter as plain data, the part of a saved filter it makes up."""
        return {"unread": self.unread, "mine": self.mine, "due_soon": self.due_soon,
                "overdue": self.overdue, "sifat": self.sifat or "",
                "from": self.date_from.isoformat() if self.date_from else "",
                "to": self.date_to.isoformat() if self.date_to else ""}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> InboxFilter:
        """The filter of a saved state; a value that cannot be read is no filter."""
        def day(key: str) -> dt.date | None:
            try:
                return dt.date.fromisoformat(str(state.get(key) or "")) if state.get(key) else None
            except ValueError:
                return None

        sifat = str(state.get("sifat") or "")
        try:
            sifat_code(sifat)
        except ValidationError:
            sifat = ""  # a sifat this version does not know: no narrowing by sifat
        return cls(unread=bool(state.get("unread")), due_soon=bool(state.get("due_soon")),
                   overdue=bool(state.get("overdue")), date_from=day("from"),
                   date_to=day("to"), sifat=sifat or None, mine=bool(state.get("mine")))


def saved_filter_name(name: str | None) -> str:
    """A saved filter's name as stored: its words, single-spaced ("" when there are none)."""
    return " ".join((name or "").split())


def load_saved_filters(raw: bytes | None) -> dict[str, dict]:
    """Saved filters ({name: state}) from their stored JSON; damaged data: none, no error."""
    if not raw:
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:  # also a UnicodeDecodeError
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, dict)}


def dump_saved_filters(filters: dict[str, dict]) -> bytes:
    """Saved filters as the JSON stored for them."""
    return json.dumps(filters, ensure_ascii=False).encode("utf-8")


class InboxQuery(Record):
    """What an inbox shows: whose cases, which SOP and status, the search text, the order,
    the narrowing filters and whose marks ("baru", the disposisi) the rows show."""

    __slots__ = ("position_ids", "unassigned", "sop", "status", "search", "sort", "descending",
                 "user_id", "more", "now", "due_soon_window")
    position_ids: list[int] | None  # None: every case (staff); []: nothing
    unassigned: bool  # open cases whose current step maps to no position
    sop: str | None
    status: str | None  # berjalan / terlambat / selesai / dihentikan / None = all
    search: str
    sort: str
    descending: bool
    user_id: int | None
    more: InboxFilter
    now: dt.datetime | None  # None: stamped by InboxService when read
    due_soon_window: dt.timedelta | None  # None: the office's setting, when read

    def __init__(self, position_ids: list[int] | None = None, unassigned: bool = False,
                 sop: str | None = None, status: str | None = STATUS_OPEN, search: str = "",
                 sort: str = "due", descending: bool = False, user_id: int | None = None,
                 more: InboxFilter | None = None, now: dt.datetime | None = None,
                 due_soon_window: dt.timedelta | None = None) -> None:
        self.position_ids, self.unassigned, self.sop, self.status = (position_ids, unassigned,
                                                                     sop, status)
        self.search, self.sort, self.descending, self.user_id = search, sort, descending, user_id
        self.more = more if more is not None else InboxFilter()
        self.now, self.due_soon_window = now, due_soon_window


class InboxRow(Record):
    """One row of an inbox (the window's table, the CLI's lines and JSON)."""

    __slots__ = ("case_id", "number", "sop", "subject", "step", "lane", "position", "received",
                 "due", "status", "overdue", "due_soon", "started_at", "sifat", "days_overdue",
                 "holder", "holder_name", "unread", "instruction")
    case_id: int
    number: str
    sop: str
    subject: str
    step: int | None
    lane: str | None
    position: str | None
    received: dt.datetime
    due: dt.datetime | None
    status: str
    overdue: bool
    due_soon: bool
    started_at: dt.datetime | None
    sifat: str
    days_overdue: int
    holder: str | None  # username of who took it ("Ambil")
    holder_name: str | None
    unread: bool | None  # "baru" for the query's user (None: no user)
    instruction: DisposisiRow | None  # the disposisi addressed to that user on this step

    def __init__(self, case_id: int, number: str, sop: str, subject: str, step: int | None,
                 lane: str | None, position: str | None, received: dt.datetime,
                 due: dt.datetime | None, status: str, overdue: bool, due_soon: bool = False,
                 started_at: dt.datetime | None = None, sifat: str = "biasa",
                 days_overdue: int = 0, holder: str | None = None,
                 holder_name: str | None = None, unread: bool | None = None,
                 instruction: DisposisiRow | None = None) -> None:
        self.case_id, self.number, self.sop, self.subject = case_id, number, sop, subject
        self.step, self.lane, self.position = step, lane, position
        self.received, self.due, self.status, self.overdue = received, due, status, overdue
        self.due_soon, self.started_at, self.sifat = due_soon, started_at, sifat
        self.days_overdue, self.holder, self.holder_name = days_overdue, holder, holder_name
        self.unread, self.instruction = unread, instruction

    def to_dict(self) -> dict:
        return {"number": self.number, "sop": self.sop, "subject": self.subject,
                "step": self.step, "lane": self.lane, "position": self.position,
                "status": self.status, "due": iso(self.due), "overdue": self.overdue,
                "due_soon": self.due_soon, "started_at": iso(self.started_at),
                "created_at": iso(self.received), "sifat": self.sifat,
                "days_overdue": self.days_overdue, "holder": self.holder,
                "holder_name": self.holder_name, "unread": self.unread,
                "disposisi": self.instruction}


class RowExtras(Record):
    """What a row says beyond the case columns, for one user (see row_extras)."""

    __slots__ = ("holder", "holder_name", "unread", "instruction")
    holder: str | None
    holder_name: str | None
    unread: bool | None
    instruction: DisposisiRow | None

    def __init__(self, holder: str | None = None, holder_name: str | None = None,
                 unread: bool | None = None, instruction: DisposisiRow | None = None) -> None:
        self.holder, self.holder_name, self.unread, self.instruction = (holder, holder_name,
                                                                        unread, instruction)


def tuples(query: Any) -> list[tuple[Any, ...]]:
    """A query's rows as plain tuples."""
    return list(query.tuples())


def _marks(n: int) -> str:
    """n parameter marks of the open database's driver, comma-separated."""
    return ", ".join([dbm.database.param] * n)


def read_raw(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """The rows of one prepared raw statement (the driver's own tuples: no model built)."""
    return list(dbm.database.execute_sql(sql, params).fetchall())



def _when(value: Any) -> dt.datetime | None:
    """A stored time as peewee's DateTimeField reads it (SQLite gives text, PostgreSQL a
    datetime); ISO text parsed directly, strptime only for a form fromisoformat refuses."""
    if isinstance(value, str) and value:
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return cast("dt.datetime | None", dbm.Case.created_at.python_value(value))
    return cast("dt.datetime | None", value)


def held_positions(user_id: int) -> set[int]:
    """The ids of the positions a user holds."""
    return {pid for pid, in read_raw('SELECT "position_id" FROM "user_position" WHERE "user_id" = '
                                  f'{dbm.database.param}', (user_id,))}


def _instructions(user_id: int, ids: list[int]) -> dict[int, DisposisiRow]:
    """disposisi.instructions_for as one prepared statement (the names joined in, not read
    row by row): {case id: the newest disposisi to the user on the case's current step}."""
    p = dbm.database.param
    out: dict[int, DisposisiRow] = {}
    for (cid, event, giver, giver_name, to, to_name, position, step, keys, note,
         at) in read_raw(
            'SELECT d."case_id", d."history_id", f."username", f."name", t."username", '
            't."name", p."name", d."step", d."instruksi", d."catatan", d."at" '
            'FROM "disposisi" AS d JOIN "cases" AS c ON d."case_id" = c."id" '
            'JOIN "user" AS f ON f."id" = d."from_user_id" '
            'JOIN "user" AS t ON t."id" = d."to_user_id" '
            'LEFT JOIN "position" AS p ON p."id" = d."position_id" '
            f'WHERE d."to_user_id" = {p} AND d."case_id" IN ({_marks(len(ids))}) '
            'AND d."step" = c."current_step" ORDER BY d."id"', [user_id, *ids]):
        instruksi = dbm.Disposisi.instruksi.python_value(keys)
        out[cid] = {"event": event, "from": giver, "from_name": giver_name, "to": to,
                    "to_name": to_name, "position": position, "step": step,
                    "instruksi": list(instruksi or []), "instruksi_text": instruksi_text(instruksi),
                    "catatan": note, "at": iso(_when(at))}
    return out


def row_extras(rows: list[tuple[int, int | None, int | None]],
               user_id: int | None) -> dict[int, RowExtras]:
    """{case id: RowExtras} for rows of (case id, holder id, position id): a page costs four
    small prepared reads. A case is "baru" only where it waits on a position the user holds."""
    ids = [r[0] for r in rows]
    holders = sorted({r[1] for r in rows if r[1] is not None})
    people = ({uid: (username, name) for uid, username, name in read_raw(
        f'SELECT "id", "username", "name" FROM "user" WHERE "id" IN ({_marks(len(holders))})',
        holders)} if holders else {})
    read: set[int] = set()
    told: dict[int, DisposisiRow] = {}
    held: set[int] = set()
    if user_id is not None and ids:
        held = held_positions(user_id)
        read = {cid for cid, in read_raw(
            f'SELECT "case_id" FROM "case_read" WHERE "user_id" = {dbm.database.param} '
            f'AND "case_id" IN ({_marks(len(ids))})', [user_id, *ids])}
        told = _instructions(user_id, ids)
    out = {}
    for cid, holder_id, position_id in rows:
        who = people.get(holder_id) if holder_id is not None else None
        unread = (cid not in read and position_id in held) if user_id is not None else None
        out[cid] = RowExtras(who[0] if who else None, who[1] if who else None, unread,
                             told.get(cid))
    return out


def filter_condition(flt: InboxFilter | None, user_id: int | None, now: dt.datetime,
                     window: dt.timedelta) -> Condition:
    """The filter as one condition on the case table (True for no filter)."""
    C = dbm.Case
    cond: Condition = True
    if flt is None:
        return cond
    if flt.unread or flt.mine:
        if user_id is None:
            raise ValueError("unread/mine need a user")
        if flt.unread:  # new in the user's own inbox: cases waiting on a position they hold
            cond = (cond & unread_condition(user_id)
                    & C.current_position.in_(sorted(held_positions(user_id)) or [-1]))
        if flt.mine:
            cond = cond & addressed_condition(user_id)
    if flt.due_soon:
        cond = cond & due_soon_condition(now, window)
    if flt.overdue:
        cond = cond & overdue_condition(now)
    if flt.date_from or flt.date_to:
        cond = cond & received_condition(flt.date_from, flt.date_to)
    if flt.sifat:
        code = sifat_code(flt.sifat)
        cond = cond & ((C.sifat == code) if code else (C.sifat.is_null() | (C.sifat == 0)))
    return cond


def _now(q: InboxQuery) -> dt.datetime:
    return q.now if q.now is not None else dbm.now_local()


def _condition(q: InboxQuery) -> Condition:
    C = dbm.Case
    cond: Condition = True
    now = _now(q)
    if q.unassigned:
        cond = C.current_position.is_null() & (C.status == STATUS_OPEN)
    elif q.position_ids is not None:
        ids = sorted(set(q.position_ids))
        if not ids:
            return C.id < 0  # holds no position: an empty inbox
        cond = C.current_position.in_(ids)
    if q.sop:
        cond = cond & (C.sop_code == q.sop)
    if q.status == STATUS_OVERDUE:
        cond = cond & overdue_condition(now)
    elif q.status in (STATUS_OPEN, STATUS_DONE, STATUS_STOPPED):
        cond = cond & (C.status == q.status)
    if (q.more.unread or q.more.mine) and q.user_id is None:
        return C.id < 0  # "baru" and "untuk saya" need a user
    cond = cond & filter_condition(q.more, q.user_id, now, q.due_soon_window or DEFAULT_DUE_SOON)
    text = q.search.strip()
    if text:
        like = f"%{text}%"
        cond = cond & (C.number.contains(text) | C.fields.cast("text").ilike(like)
                       | C.sop_code.contains(text))
    return cond


def _parts(q: InboxQuery) -> list[tuple[Condition, list]]:
    """The matching cases as (condition, order) parts, read one after the other.

    Sorting by due time puts cases without a time standard last both ways. Written as one
    `ORDER BY current_due IS NULL, ...` that expression defeats the (position, status, due)
    index and sorts every matching row (~50 ms at 100,000 cases); as two parts, the first is
    read straight from the index (well under a millisecond)."""
    C = dbm.Case
    cond = _condition(q)
    key = q.sort if q.sort in SORT_KEYS else "due"

    def order(columns: list) -> list:
        return [c.desc() if q.descending else c.asc() for c in columns]

    if key == "due":
        return [(cond & C.current_due.is_null(False), order([C.current_due, C.id])),
                (cond & C.current_due.is_null(), order([C.id]))]
    table: dict[str, list[Any]] = {
        "number": [C.year, C.seq, C.number],
        "sop": [C.sop_code, C.id],
        "subject": [C.fields, C.id],  # the intake text: groups cases with the same first values
        "step": [C.sop_code, C.current_step, C.id],
        "received": [C.created_at, C.id],
        "status": [C.status, C.current_due, C.id],
        "sifat": [C.sifat, C.current_due, C.id],
        "late": [C.current_due.desc() if not q.descending else C.current_due, C.id],
        "holder": [C.holder, C.id],
    }
    columns = table[key]
    if key == "late":  # most days late first; the order of the due column reversed
        return [(cond, [columns[0], C.id.desc() if q.descending else C.id])]
    return [(cond, order(columns))]


def copy_query(q: InboxQuery) -> InboxQuery:
    """An independent copy (a worker reads it while the window goes on changing its own)."""
    ids = list(q.position_ids) if q.position_ids is not None else None
    return q.replaced(position_ids=ids, more=q.more.replaced())


def count(q: InboxQuery) -> int:
    """How many cases the query matches."""
    return int(dbm.Case.select().where(_condition(q)).count())


# the columns a row shows, in the order _rows reads them
_ROW_COLUMNS = ("id", "number", "sop_code", "fields", "current_step", "current_lane",
                "current_position", "created_at", "current_due", "step_started_at", "status",
                "sifat", "holder")


def _rows(q: InboxQuery, cond: Condition, order: list, offset: int,
          limit: int | None) -> list[InboxRow]:
    """One page: its statement is written by peewee from the query's condition (~0.3 ms, the
    same SQL for every filter), run raw, and the driver's tuples turned into rows here; the
    models peewee would build for 200 rows and its extras' reads cost several times that."""
    C = dbm.Case
    now = _now(q)
    window = q.due_soon_window or DEFAULT_DUE_SOON
    names = dict(read_raw('SELECT "id", "name" FROM "position"', ()))
    sql, params = (C.select(*(getattr(C, name) for name in _ROW_COLUMNS))
                   .where(cond).order_by(*order).limit(limit).offset(offset).sql())
    found = read_raw(sql, params)
    extras = row_extras([(r[0], r[12], r[6]) for r in found], q.user_id)
    rows = []
    for (cid, number, sop, fields, step, lane, position_id, created, due, started, status,
         sifat, _holder) in found:
        due = _when(due)
        late = overdue_at(status, due, now)
        more = extras[cid]
        unread = more.unread if status == STATUS_OPEN or more.unread is None else False
        rows.append(InboxRow(
            cid, number, sop, subject_of(json.loads(fields) if fields is not None else None),
            step, lane, names.get(position_id) if position_id else None,
            cast(dt.datetime, _when(created)), due,
            status, late, due_soon_at(status, due, now, window), _when(started),
            sifat_key(sifat), days_overdue(due, now) if late else 0, more.holder,
            more.holder_name, unread, more.instruction))
    return rows


def page(q: InboxQuery, offset: int, limit: int | None) -> list[InboxRow]:
    """`limit` rows (None: every row) from `offset` in the query's order."""
    if limit is None:
        limit = max(0, count(q) - offset)
    rows: list[InboxRow] = []
    skip = offset
    parts = _parts(q)
    for i, (cond, order) in enumerate(parts):
        need = limit - len(rows)
        if need <= 0:
            break
        got = _rows(q, cond, order, skip, need)
        rows += got
        if i + 1 < len(parts) and len(got) < need:  # this part ends here: on to the next
            skip = 0 if got else max(0, skip - dbm.Case.select().where(cond).count())
    return rows


def row_index(q: InboxQuery, case_id: int, limit: int = 5000) -> int | None:
    """Where a case sits in the query's order (searched among the first `limit` rows)."""
    C = dbm.Case
    seen = 0
    for cond, order in _parts(q):
        for cid, in tuples(C.select(C.id).where(cond).order_by(*order).limit(limit - seen)):
            if cid == case_id:
                return seen
            seen += 1
        if seen >= limit:
            break
    return None


class Snapshot(Record):
    """What an inbox shows for one query, read in one go (on a worker thread or not).

    With search text `ids` holds every matching case in order: one scan of the case table
    gives the count, the first page and every later page (read by id), instead of a COUNT
    scan and then an OFFSET scan per page. Without search text the indexes answer the count
    and each page directly, so `ids` is None and pages are read by offset."""

    __slots__ = ("query", "total", "ids", "first_page")
    query: InboxQuery
    total: int
    ids: list[int] | None
    first_page: list[InboxRow] | None

    def __init__(self, query: InboxQuery, total: int, ids: list[int] | None = None,
                 first_page: list[InboxRow] | None = None) -> None:
        self.query, self.total, self.ids, self.first_page = query, total, ids, first_page


def ordered_ids(q: InboxQuery) -> list[int]:
    """Every case matching the query, in its order, from one query.

    Unlike a page, every match is read anyway, so sorting the matches once is cheapest; the
    two parts of the due order as two queries would let SQLite (without statistics) read the
    "no due time" part through the due index, row by row across the whole table."""
    C = dbm.Case
    parts = _parts(q)
    if len(parts) == 1:
        cond, order = parts[0]
    else:  # due first (cases without a time standard last both ways), then the case id
        cond = _condition(q)
        direction = (lambda c: c.desc()) if q.descending else (lambda c: c.asc())
        order = [C.current_due.is_null().asc(), direction(C.current_due), direction(C.id)]
    # the raw cursor: ids need no conversion, and peewee's per-row work doubles a large result
    cursor: Any = dbm.database.execute(C.select(C.id).where(cond).order_by(*order))
    return [cid for cid, in cursor]


def rows_by_ids(q: InboxQuery, ids: Iterable[int]) -> list[InboxRow]:
    """The rows of these cases in the given order (a case deleted meanwhile is left out)."""
    ids = list(ids)
    if not ids:
        return []
    by_id = {r.case_id: r for r in _rows(q, dbm.Case.id.in_(ids), [dbm.Case.id], 0, len(ids))}
    return [by_id[i] for i in ids if i in by_id]


def snapshot(q: InboxQuery, page_size: int = 0) -> Snapshot:
    """Count (and with page_size the first page of) a query; see Snapshot."""
    if q.search.strip():
        ids = ordered_ids(q)
        first = rows_by_ids(q, ids[:page_size]) if page_size else None
        return Snapshot(q, len(ids), ids, first)
    total = count(q)
    first = page(q, 0, page_size) if page_size and total else ([] if page_size else None)
    return Snapshot(q, total, None, first)
