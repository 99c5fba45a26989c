"""`sop-desktop check`: is everything still there and unchanged?

Database integrity and foreign keys, attachment files (sop_desktop.storage.attachment_check), the hash
chain of case history (each event's hash = sha256(hash of the previous event of the same case +
canonical JSON of the event)), every case against its last event, and the global chain with its
anchor (sop_desktop.storage.ledger_check). This module also writes the per-case chain: every history
insert goes through append_event (one event, which also adds its global chain entry) or
chain_hashes (bulk rows); an event's canonical JSON and hash are in sop_desktop.storage.event_canon.

The per-case chain finds an edit, deletion or reordering of events, at the first broken event;
a deleted last event, a re-hashed case, edited case rows or renamed users are found by the
global chain and its anchors."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import peewee as pw

from sop_desktop.storage import attachment_check, ledger
from sop_desktop.storage import db as dbm

# the events' canonical JSON and hash: their own module, used as integrity.X across the tree
from sop_desktop.storage.event_canon import (  # noqa: F401
    _FIELD_OF_COLUMN,
    _TEMPLATE,
    HASH_FIELD,
    HASHED_COLUMNS,
    HASHED_FIELDS,
    _as_id,
    _batch_json,
    _batch_parts,
    _chain_hash,
    canonical_event,
    canonical_json,
    event_hash,
)
from sop_desktop.storage.findings import Finding
from sop_desktop.storage.row_writes import insert_row

if TYPE_CHECKING:
    from sop_desktop.storage.anchors import Anchor

_BATCH = 5000


# -- writing and checking the history hash chain (see sop_desktop.storage.event_canon) --------



def previous_hash(case_id: int) -> str | None:
    """The hash of the case's latest event (None: no event yet). Read it inside the write
    transaction that inserts the next event, so no other writer can slip in between."""
    # a prepared statement, not a peewee query: one per step transition (issue 19)
    row = dbm.database.execute_sql(
        f'SELECT "hash" FROM "history" WHERE "case_id" = {dbm.database.param} '
        'ORDER BY "id" DESC LIMIT 1', (case_id,)).fetchone()
    return str(row[0]) if row and row[0] is not None else None


def _lock_case(case_id: int) -> None:
    """PostgreSQL: hold the case row until commit, so two PCs never chain onto the same event
    (SQLite's BEGIN IMMEDIATE already lets one writer in at a time)."""
    if not dbm.is_sqlite():
        dbm.Case.select(dbm.Case.id).where(dbm.Case.id == case_id).for_update().execute()


class _Unread:
    """The type of UNREAD."""


UNREAD = _Unread()  # append_event's `previous` when the caller has not read it


def append_event(*, case_locked: bool = False, case_row: Sequence[Any] | None = None,
                 previous: str | None | _Unread = UNREAD, **values: Any) -> dbm.History:
    """Insert one history event chained to the previous event of its case; every single-event
    writer goes through here. Joins the caller's write transaction (or begins its own).
    `case_locked`: the caller already holds the case row's lock in this transaction (read
    with FOR UPDATE, or inserted by it); `case_row`: the case row as it now stands, in
    ledger.CASE_COLUMNS order (from the caller's UPDATE ... RETURNING), so the global
    chain's entry need not read it again (issue 19: each is a round trip on PostgreSQL);
    `previous`: the hash of the case's last event (None: it has none) as the caller read it
    in this transaction after locking the case, else read here."""
    with ledger.joined(dbm.database):
        event = _new_event(values)
        case_id = _as_id(event.__data__["case"])
        if not case_locked:
            _lock_case(case_id)
        if isinstance(previous, _Unread):
            previous = previous_hash(case_id)
        event.hash = event_hash(previous, event.__data__)
        insert_row(event)  # = event.save(force_insert=True), without peewee's query build
        # the global chain: this event and the case row as it now stands, in commit order
        state = None if case_row is None else ledger.state_digest(ledger.KIND_CASE, case_row)
        ledger.record_case(case_id, event.id, event.hash, state=state)
    return event


def _new_event(values: dict[str, Any]) -> dbm.History:
    """dbm.History(**values) as peewee builds it (defaults, then each value; a row given for a
    foreign key kept as its related row), without a setattr per value (issue 19: every step
    transition builds one). Values named otherwise than by field go through peewee."""
    if not _EVENT_FIELDS.issuperset(values):
        return dbm.History(**values)
    event = dbm.History.__new__(dbm.History)
    if _DEFAULTED.issubset(values):  # every default overwritten: none computed (a clock read)
        data = dict(values)
    else:
        data = dbm.History._meta.get_default_dict()
        data.update(values)
    related: dict[str, Any] = {}
    for name, fk in _EVENT_KEYS.items():
        value = data.get(name)
        if value is not None and isinstance(value, fk.rel_model):
            data[name] = value.__data__.get(fk.rel_field.name)  # its id, as its accessor reads it
            related[name] = value
    event.__data__ = data
    event._dirty = set(data)  # type: ignore[attr-defined]  # peewee's changed-field set, not in its stubs
    event.__rel__ = related
    return event


_EVENT_FIELDS = frozenset(dbm.History._meta.fields)
_EVENT_KEYS = {name: f for name, f in dbm.History._meta.fields.items()
               if isinstance(f, pw.ForeignKeyField)}
# the fields peewee gives a default value to (History(**values) computes them, then overwrites)
_DEFAULTED = frozenset(dbm.History._meta.get_default_dict())


def chain_hashes(columns: Iterable[str], rows: Sequence[Sequence[Any]],
                 previous: dict[int, str | None] | None = None,
                 caches: dict[str, dict[Any, str]] | None = None) -> list[str]:
    """The hash of each row about to be bulk-inserted into history, in insertion order.

    `columns` name the row values (column or field names: case_id or case...); `previous`
    maps a case id to its latest stored hash; None looks the cases up in the database (pass {}
    when every case is new). Call it inside the write transaction that inserts the rows.
    `caches`: the values' JSON kept from an earlier call (a bulk writer's batches share
    their times, steps and notes; pass the same dict each time)."""
    names = list(columns)
    named = {_FIELD_OF_COLUMN.get(c) for c in names}
    missing = [n for n in HASHED_FIELDS if n not in named]
    if missing:
        raise ValueError(f"kolom riwayat tanpa nilai untuk hash: {', '.join(missing)}")
    case_at = next(i for i, c in enumerate(names) if _FIELD_OF_COLUMN.get(c) == "case")
    case_ids = [c if type(c) is int else _as_id(c) for c in (row[case_at] for row in rows)]
    previous = latest_hashes(set(case_ids)) if previous is None else dict(previous)
    out: list[str] = []
    append, get, sha256, template = out.append, previous.get, hashlib.sha256, _TEMPLATE
    caches = {} if caches is None else caches
    for start in range(0, len(rows), 50_000):  # bounded memory for the column-wise pass
        parts = _batch_parts(names, rows[start:start + 50_000], caches)
        for case_id, values in zip(case_ids[start:start + 50_000], parts, strict=False):
            # the same text as _chain_hash(previous, canonical_json(row)), inlined: this loop
            # runs once per event of a demo fill
            digest = previous[case_id] = sha256(
                ((get(case_id) or "") + template % values).encode("utf-8")).hexdigest()
            append(digest)
    return out


def latest_hashes(case_ids: Iterable[int]) -> dict[int, str | None]:
    """{case id: hash of its latest event} for the cases that have events."""
    history = dbm.History
    ids = sorted(case_ids)
    found: dict[int, str | None] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        last = (history.select(pw.fn.MAX(history.id)).where(history.case.in_(chunk))
                .group_by(history.case))
        for case_id, digest in dbm.tuples_of(history.select(history.case, history.hash)
                                             .where(history.id.in_(last))):
            found[case_id] = digest
    return found


_READ_COLUMNS = ["id", HASH_FIELD] + [HASHED_COLUMNS[n] for n in HASHED_FIELDS]


def _history_batches(database: pw.Database, where: str = "", params: Sequence[Any] = (),
                     batch: int = _BATCH) -> Iterator[tuple[list[Any], list[str]]]:
    """Rows (id, hash, case_id, ...) of history in id order with each row's canonical JSON, a
    batch at a time (keyset paging, so a million events never sit in memory at once and no
    statement stays open across the writes in between)."""
    select = ", ".join(f'"{c}"' for c in _READ_COLUMNS)
    param = database.param
    last = 0
    caches: dict[str, dict[Any, str]] = {}
    while True:
        cond = f'"id" > {param}' + (f" AND ({where})" if where else "")
        rows = database.execute_sql(
            f'SELECT {select} FROM "history" WHERE {cond} ORDER BY "id" LIMIT {int(batch)}',
            (last, *params)).fetchall()
        if not rows:
            return
        yield rows, _batch_json(_READ_COLUMNS, rows, caches)
        last = rows[-1][0]


def fill_missing_hashes(database: pw.Database) -> int:
    """Give every event without a hash its place in its case's chain (schema upgrade, or a
    restore of a dump made before the chain existed). The append-only triggers must be off.
    Returns how many events were hashed."""
    param = database.param
    previous: dict[int, str | None] = {}
    done = 0
    sql = f'UPDATE "history" SET "{HASH_FIELD}" = {param} WHERE "id" = {param}'
    for rows, texts in _history_batches(database):
        updates: list[tuple[str, int]] = []
        for row, text in zip(rows, texts, strict=False):
            event_id, stored, case_id = row[0], row[1], row[2]
            if stored:
                previous[case_id] = stored
                continue
            digest = previous[case_id] = _chain_hash(previous.get(case_id), text)
            updates.append((digest, event_id))
        if updates:
            cursor = database.cursor()
            if dbm.is_sqlite(database):
                cursor.executemany(sql, updates)
            else:
                from psycopg2.extras import execute_batch

                execute_batch(cursor, sql, updates, page_size=1000)
            done += len(updates)
    return done


class _ChainWalk:
    """Follows every case's chain over events given in id order and describes each break.

    `case_events(case_id)` gives [(id, stored hash, canonical JSON)] of a case, asked only
    when an event does not match, to tell a reordering from other damage; `gaps` are id ranges
    missing from the table (SQLite never skips an id, so a gap there is a deleted event)."""

    def __init__(self, case_events: Callable[[Any], Iterable[tuple[Any, Any, str]]],
                 gaps: list[tuple[int, int]] | None = None) -> None:
        self.case_events = case_events
        self.gaps = gaps
        self.previous: dict[Any, tuple[Any, str | None]] = {}  # case id -> (event id, stored hash)

    def step(self, event_id: Any, case_id: Any, stored: str | None, text: str) -> dict[str, Any] | None:
        prev_id, prev_hash = self.previous.get(case_id, (None, None))
        # go on from the stored hash, so one damaged event is reported once, not again for
        # every later event of its case
        self.previous[case_id] = (event_id, stored or None)
        if not stored:
            return self._problem(event_id, case_id, "missing_hash",
                                 "peristiwa ini tidak memiliki hash")
        if stored == _chain_hash(prev_hash, text):
            return None
        if prev_hash is None and prev_id is not None:
            return None  # the previous event has no hash (reported there): nothing to compare
        if prev_id is not None and stored == _chain_hash(None, text):
            return self._problem(event_id, case_id, "reordered",
                                 "urutan riwayat berubah: peristiwa ini semula peristiwa "
                                 "pertama kasus ini")
        for other_id, other_hash, _ in self.case_events(case_id):
            if (other_id != event_id and other_hash and other_hash != prev_hash
                    and stored == _chain_hash(other_hash, text)):
                return self._problem(event_id, case_id, "reordered",
                                     "urutan riwayat berubah: peristiwa ini semula tercatat "
                                     f"sesudah peristiwa {other_id}")
        missing = self._missing_between(prev_id or 0, event_id)
        if missing:
            shown = ", ".join(str(i) for i in missing[:5]) + ("…" if len(missing) > 5 else "")
            return self._problem(event_id, case_id, "deleted",
                                 f"peristiwa sebelumnya dihapus (id {shown} tidak ada lagi)")
        return self._problem(event_id, case_id, "changed",
                             "isi peristiwa tidak cocok dengan hash-nya: peristiwa ini diubah, "
                             "atau peristiwa sebelumnya pada kasus ini diubah atau dihapus")

    def _missing_between(self, low: int, high: int) -> list[int]:
        out: list[int] = []
        for start, end in self.gaps or ():  # inclusive ranges of absent ids
            for i in range(max(start, low + 1), min(end, high - 1) + 1):
                out.append(i)
                if len(out) > 5:
                    return out
        return out

    @staticmethod
    def _problem(event_id: Any, case_id: Any, kind: str, what: str) -> dict[str, Any]:
        return {"event_id": event_id, "case_id": case_id, "kind": kind, "problem": what}


def _describe(problem: dict[str, Any], number: str | None = None) -> str:
    case = number or f"id {problem['case_id']}"
    return f"kasus {case}, peristiwa {problem['event_id']}: {problem['problem']}"


def verify_history_chain(rows: Iterable[dict[str, Any]], group_field: str = "case",
                         order_field: str = "id") -> list[str]:
    """Problems in the history chains of rows given as dicts (one chain per case, in id order):
    an event without a hash, an event changed, an earlier event removed, or events reordered.
    Problems come in id order, the first broken event first."""
    ordered = sorted(rows, key=lambda r: r.get(order_field) or 0)
    texts = [canonical_json(r) for r in ordered]
    by_case: dict[Any, list[tuple[Any, Any, str]]] = {}
    for row, text in zip(ordered, texts, strict=False):
        by_case.setdefault(row.get(group_field), []).append(
            (row.get(order_field), row.get(HASH_FIELD), text))
    walk = _ChainWalk(lambda case: by_case.get(case, []))
    problems: list[str] = []
    for row, text in zip(ordered, texts, strict=False):
        found = walk.step(row.get(order_field), row.get(group_field), row.get(HASH_FIELD), text)
        if found:
            problems.append(_describe(found))
    return problems


def check_history_chain(database: pw.Database, limit: int = 200) -> Finding:
    """Walk every case's chain in the database (a batch of events at a time) and report the
    first broken event: case number, event id and what is wrong."""
    count = 0
    problems: list[dict[str, Any]] = []
    gaps: list[tuple[int, int]] | None = [] if dbm.is_sqlite(database) else None
    last_id = 0

    def case_events(case_id: Any) -> list[tuple[Any, Any, str]]:
        out: list[tuple[Any, Any, str]] = []
        for rows, texts in _history_batches(database, f'"case_id" = {database.param}',
                                            (case_id,)):
            out += [(row[0], row[1], text) for row, text in zip(rows, texts, strict=False)]
        return out

    walk = _ChainWalk(case_events, gaps)
    for rows, texts in _history_batches(database):
        for row, text in zip(rows, texts, strict=False):
            event_id = row[0]
            if gaps is not None and event_id > last_id + 1:
                gaps.append((last_id + 1, event_id - 1))
            last_id = event_id
            found = walk.step(event_id, row[2], row[1], text)
            if found:
                problems.append(found)
        count += len(rows)
    wanted = sorted({p["case_id"] for p in problems[:limit]})
    numbers: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        numbers.update(dbm.tuples_of(dbm.Case.select(dbm.Case.id, dbm.Case.number)
                                     .where(dbm.Case.id.in_(wanted[start:start + 500]))))
    first = None
    if problems:
        p = problems[0]
        first = {"case": numbers.get(p["case_id"]), "case_id": p["case_id"],
                 "event_id": p["event_id"], "kind": p["kind"], "problem": p["problem"]}
    texts = [_describe(p, numbers.get(p["case_id"])) for p in problems[:limit]]
    if len(problems) > limit:
        texts.append(f"… dan {len(problems) - limit} masalah lain")
    if not problems:
        message = f"Rantai riwayat: {count} peristiwa, utuh."
    else:
        message = (f"Rantai riwayat: {count} peristiwa, {len(problems)} masalah; pertama "
                   f"rusak: {texts[0]}.")
    return Finding("history", not problems, message, texts, first_broken=first)


def check_case_states(database: pw.Database) -> Finding:
    """Every case agrees with its latest event (the step it moved the case to): catches a
    deleted last event, which the chain alone cannot show, and a case row edited by hand."""
    rows = database.execute_sql(
        'SELECT c."id", c."number", c."current_step", h."id", h."to_step" FROM "cases" c '
        'LEFT JOIN "history" h ON h."id" = (SELECT MAX(h2."id") FROM "history" h2 '
        'WHERE h2."case_id" = c."id") ORDER BY c."id"').fetchall()
    problems: list[str] = []
    for _case_id, number, current, event_id, to_step in rows:
        if event_id is None:
            problems.append(f"kasus {number}: tidak memiliki riwayat sama sekali")
        elif current != to_step:
            problems.append(f"kasus {number}: berada di langkah {current or '-'}, tetapi "
                            f"peristiwa terakhirnya ({event_id}) menuju langkah {to_step or '-'} "
                            "(peristiwa terakhir dihapus, atau data kasus diubah)")
    message = (f"Keadaan kasus: {len(rows)} kasus sesuai dengan riwayatnya." if not problems
               else f"Keadaan kasus: {len(problems)} kasus tidak sesuai dengan riwayatnya.")
    return Finding("case_state", not problems, message, problems[:200])


# -- running everything ----------------------------------------------------------------------

def check_sqlite_integrity(database: pw.Database) -> Finding:
    rows = [r[0] for r in database.execute_sql("PRAGMA integrity_check").fetchall()]
    if rows == ["ok"]:
        return Finding("integrity", True, "Integritas basis data: baik.")
    return Finding("integrity", False, "Integritas basis data: RUSAK.", rows[:50])


def check_foreign_keys(database: pw.Database) -> Finding:
    rows = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    if not rows:
        return Finding("foreign_keys", True, "Rujukan antar tabel: baik.")
    problems = [f"tabel {table} baris {rowid} merujuk ke {parent} yang tidak ada"
                for table, rowid, parent, _ in rows[:200]]
    return Finding("foreign_keys", False, f"Rujukan antar tabel: {len(rows)} rujukan putus.", problems)


def run_checks(services: dbm.ServicesLike, attachment_dir: Path | None = None,
               anchor: Anchor | str | None = "newest") -> list[Finding]:
    """Every check over the services' database; checks whose tables are missing are skipped.
    `anchor`: an anchors.Anchor to verify the global chain against, "newest" (the newest one
    in the anchor log) or None."""
    database = services.db
    findings: list[Finding] = []
    if dbm.is_sqlite(database):
        findings.append(check_sqlite_integrity(database))
        findings.append(check_foreign_keys(database))
    else:
        findings.append(Finding("integrity", True, "Integritas: dijaga oleh server PostgreSQL.",
                                skipped=True))
    attachment_model = getattr(dbm, "Attachment", None)
    if attachment_model is not None and attachment_model.table_exists():
        store = attachment_dir or attachment_check.attachment_dir_of(services)
        rows, others = attachment_check.attachment_references()
        problems = attachment_check.check_attachments(rows, store, others)
        count = len({str(r["sha256"]).lower() for r in rows})
        findings.append(Finding(
            "attachments", not problems,
            f"Berkas lampiran: {count} berkas tercatat, " + ("semua utuh." if not problems
                                                              else f"{len(problems)} masalah."),
            problems))
    if database.table_exists("history"):
        findings.append(check_history_chain(database))
        if database.table_exists("cases"):
            findings.append(check_case_states(database))
    # deferred on purpose: the ledger checks and the anchor log (storage.anchors) are for a
    # check only, while this module is imported at start for append_event (issue 19)
    from sop_desktop.storage.ledger_check import run_ledger_checks

    findings += run_ledger_checks(database, anchor)
    return findings


# The heads of every case's chain (the hash of each case's newest event), in case order.
HEADS_SQL = ('SELECT h."case_id", h."hash" FROM "history" h JOIN '
             '(SELECT "case_id", MAX("id") AS "last" FROM "history" GROUP BY "case_id") t '
             'ON h."id" = t."last" ORDER BY h."case_id"')


def heads_digest(rows: Iterable[Sequence[Any]]) -> str | None:
    """One hash over every case's chain head: sha256 of "case_id:hash" lines in case order;
    None when there is no event or no chain yet. Any edit, deletion, reordering or re-forged
    chain in any case changes it, so a printed or stored digest anchors the whole history."""
    digest = hashlib.sha256()
    seen = False
    for case_id, head in rows:
        if not head:
            return None
        digest.update(f"{case_id}:{head}\n".encode("ascii"))
        seen = True
    return digest.hexdigest() if seen else None


def latest_chain_hash() -> str | None:
    """The history's anchor on the bound database (sop_desktop.storage.db.database): heads_digest() of
    every case's chain head, printed on registers and reports and stored with backups; None
    when there is no event (or no chain yet)."""
    database = dbm.database
    if database.obj is None or not database.table_exists("history"):
        return None
    columns = {c.name for c in database.get_columns("history")}
    if HASH_FIELD not in columns:
        return None
    return heads_digest(database.execute_sql(HEADS_SQL).fetchall())
