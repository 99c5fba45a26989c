"""Paged, filtered, sorted case queries for the inbox table (no Qt here).

The core's InboxService pages one fixed order of open cases; the table also filters by SOP and
status, searches as the clerk types and sorts by any column, so it queries the stored case
columns directly (each filter is an indexed column or one LIKE over the intake text).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sop_desktop.domain.sifat import sifat_key
from sop_desktop.services.disposisi import days_overdue
from sop_desktop.services.inbox import InboxFilter, filter_condition, row_extras
from sop_desktop.services.workflow import DEFAULT_DUE_SOON_HOURS, STATUS_DONE, STATUS_OPEN, STATUS_STOPPED
from sop_desktop.storage import db as dbm

STATUS_OVERDUE = "terlambat"  # a filter value: open and past its due time
SORT_KEYS = ("number", "sop", "subject", "step", "received", "due", "status", "sifat", "late",
             "holder")
# Intake keys that name the applicant or the subject of a case, best first.
_SUBJECT_HINTS = ("pemohon", "pengadu", "pelapor", "nama", "perihal", "subjek", "hal", "judul",
                  "pokok")


def subject_of(fields: dict | None) -> str:
    """The applicant or subject of a case from its intake values (a readable best guess)."""
    fields = fields or {}
    for hint in _SUBJECT_HINTS:
        for key, value in fields.items():
            if hint in key.lower() and isinstance(value, str) and value.strip():
                return value.strip()
    for value in fields.values():
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


@dataclass
class CaseFilter:
    """What the inbox shows: whose cases, which SOP and status, the search text, the order."""

    position_ids: list[int] | None = None  # None: every case (staff); []: nothing
    unassigned: bool = False  # cases whose current step maps to no position
    sop: str | None = None
    status: str | None = STATUS_OPEN  # berjalan / terlambat / selesai / dihentikan / None = all
    search: str = ""
    sort: str = "due"
    descending: bool = False
    now: dt.datetime = field(default_factory=dbm.now_local)
    # the core's inbox filter (sop_desktop.services.inbox.InboxFilter: unread, due soon, received
    # between, sifat, addressed by name) and whose marks the rows show
    user_id: int | None = None
    more: InboxFilter = field(default_factory=InboxFilter)
    due_soon_window: dt.timedelta = dt.timedelta(hours=DEFAULT_DUE_SOON_HOURS)


@dataclass
class CaseRow:
    """One row of the inbox table."""

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
    sifat: str = "biasa"
    days_overdue: int = 0
    holder_name: str | None = None  # who took it ("Ambil")
    unread: bool | None = None  # "baru" for the filter's user
    instruction: dict | None = None  # the disposisi addressed to that user on this step


def _condition(flt: CaseFilter):
    C = dbm.Case
    cond = True
    if flt.unassigned:
        cond = C.current_position.is_null() & (C.status == STATUS_OPEN)
    elif flt.position_ids is not None:
        ids = sorted(set(flt.position_ids))
        if not ids:
            return C.id < 0  # holds no position: an empty inbox
        cond = C.current_position.in_(ids)
    if flt.sop:
        cond = cond & (C.sop_code == flt.sop)
    if flt.status == STATUS_OVERDUE:
        cond = cond & (C.status == STATUS_OPEN) & (C.current_due < flt.now)
    elif flt.status in (STATUS_OPEN, STATUS_DONE, STATUS_STOPPED):
        cond = cond & (C.status == flt.status)
    if (flt.more.unread or flt.more.mine) and flt.user_id is None:
        return C.id < 0  # "baru" and "untuk saya" need a user
    cond = cond & filter_condition(flt.more, flt.user_id, flt.now, flt.due_soon_window)
    text = flt.search.strip()
    if text:
        like = f"%{text}%"
        cond = cond & (C.number.contains(text) | C.fields.cast("text").ilike(like)
                       | C.sop_code.contains(text))
    return cond


def _parts(flt: CaseFilter) -> list[tuple[object, list]]:
    """The filtered cases as (condition, order) parts, read one after the other.

    Sorting by due time puts cases without a time standard last both ways. Written as one
    `ORDER BY current_due IS NULL, ...` that expression defeats the (position, status, due)
    index and sorts every matching row (~50 ms at 100,000 cases); as two parts, the first is
    read straight from the index (well under a millisecond)."""
    C = dbm.Case
    cond = _condition(flt)
    key = flt.sort if flt.sort in SORT_KEYS else "due"

    def order(columns):
        return [c.desc() if flt.descending else c.asc() for c in columns]

    if key == "due":
        return [(cond & C.current_due.is_null(False), order([C.current_due, C.id])),
                (cond & C.current_due.is_null(), order([C.id]))]
    columns = {
        "number": [C.year, C.seq, C.number],
        "sop": [C.sop_code, C.id],
        "subject": [C.fields, C.id],  # the intake text: groups cases with the same first values
        "step": [C.sop_code, C.current_step, C.id],
        "received": [C.created_at, C.id],
        "status": [C.status, C.current_due, C.id],
        "sifat": [C.sifat, C.current_due, C.id],
        "late": [C.current_due.desc() if not flt.descending else C.current_due, C.id],
        "holder": [C.holder, C.id],
    }[key]
    if key == "late":  # most days late first; the order of the due column reversed
        return [(cond, [columns[0], C.id.desc() if flt.descending else C.id])]
    return [(cond, order(columns))]


def copy_filter(flt: CaseFilter) -> CaseFilter:
    """An independent copy (a worker reads it while the UI goes on changing its own)."""
    ids = list(flt.position_ids) if flt.position_ids is not None else None
    return replace(flt, position_ids=ids, more=replace(flt.more))


def count(flt: CaseFilter) -> int:
    return dbm.Case.select().where(_condition(flt)).count()


def _rows(flt: CaseFilter, cond, order, offset: int, limit: int) -> list[CaseRow]:
    C = dbm.Case
    names = {p.id: p.name for p in dbm.Position.select(dbm.Position.id, dbm.Position.name)}
    query = (C.select(C.id, C.number, C.sop_code, C.fields, C.current_step, C.current_lane,
                      C.current_position, C.created_at, C.current_due, C.status, C.sifat,
                      C.holder)
             .where(cond).order_by(*order).limit(limit).offset(offset))
    found = list(query)
    extras = row_extras([(r.id, r.holder_id, r.current_position_id) for r in found], flt.user_id)
    rows = []
    for r in found:
        overdue = r.status == STATUS_OPEN and r.current_due is not None and r.current_due < flt.now
        more = extras[r.id]
        rows.append(CaseRow(r.id, r.number, r.sop_code, subject_of(r.fields), r.current_step,
                            r.current_lane, names.get(r.current_position_id), r.created_at,
                            r.current_due, r.status, overdue, sifat_key(r.sifat),
                            days_overdue(r.current_due, flt.now) if overdue else 0,
                            more.holder_name, more.unread if r.status == STATUS_OPEN else False,
                            more.instruction))
    return rows


def page(flt: CaseFilter, offset: int, limit: int) -> list[CaseRow]:
    """`limit` rows from `offset` in the filter's order."""
    rows: list[CaseRow] = []
    skip = offset
    parts = _parts(flt)
    for i, (cond, order) in enumerate(parts):
        need = limit - len(rows)
        if need <= 0:
            break
        got = _rows(flt, cond, order, skip, need)
        rows += got
        if i + 1 < len(parts) and len(got) < need:  # this part ends here: on to the next
            skip = 0 if got else max(0, skip - dbm.Case.select().where(cond).count())
    return rows


def row_index(flt: CaseFilter, case_id: int, limit: int = 5000) -> int | None:
    """Where a case sits in the filtered order (searched among the first `limit` rows)."""
    C = dbm.Case
    seen = 0
    for cond, order in _parts(flt):
        query = C.select(C.id).where(cond).order_by(*order).limit(limit - seen).tuples()
        for cid, in query:
            if cid == case_id:
                return seen
            seen += 1
        if seen >= limit:
            break
    return None


@dataclass
class Snapshot:
    """What the inbox shows for one filter, read in one go (on a worker thread or not).

    With search text `ids` holds every matching case in order: one scan of the case table
    gives the count, the first page and every later page (read by id), instead of a COUNT
    scan and then an OFFSET scan per page. Without search text the indexes answer the count
    and each page directly, so `ids` is None and pages are read by offset."""

    filter: CaseFilter
    total: int
    ids: list[int] | None = None
    first_page: list[CaseRow] | None = None


def ordered_ids(flt: CaseFilter) -> list[int]:
    """Every case matching the filter, in its order, from one query.

    Unlike a page, every match is read anyway, so sorting the matches once is cheapest; the
    two parts of the due order as two queries would let SQLite (without statistics) read the
    "no due time" part through the due index, row by row across the whole table."""
    C = dbm.Case
    parts = _parts(flt)
    if len(parts) == 1:
        cond, order = parts[0]
    else:  # due first (cases without a time standard last both ways), then the case id
        cond = _condition(flt)
        direction = (lambda c: c.desc()) if flt.descending else (lambda c: c.asc())
        order = [C.current_due.is_null().asc(), direction(C.current_due), direction(C.id)]
    # the raw cursor: ids need no conversion, and peewee's per-row work doubles a large result
    cursor = dbm.database.execute(C.select(C.id).where(cond).order_by(*order))
    return [cid for cid, in cursor]


def rows_by_ids(flt: CaseFilter, ids: list[int]) -> list[CaseRow]:
    """The rows of these cases in the given order (a case deleted meanwhile is left out)."""
    if not ids:
        return []
    by_id = {r.case_id: r for r in _rows(flt, dbm.Case.id.in_(ids), [dbm.Case.id], 0, len(ids))}
    return [by_id[i] for i in ids if i in by_id]


def snapshot(flt: CaseFilter, page_size: int = 0) -> Snapshot:
    """Count (and with page_size the first page of) a filter; see Snapshot."""
    if flt.search.strip():
        ids = ordered_ids(flt)
        first = rows_by_ids(flt, ids[:page_size]) if page_size else None
        return Snapshot(flt, len(ids), ids, first)
    total = count(flt)
    first = page(flt, 0, page_size) if page_size and total else ([] if page_size else None)
    return Snapshot(flt, total, None, first)
