"""Demo data: realistic cases over every bundled SOP, for training and for benchmarks.

Cases start at random office times over the past year and are walked through their SOP's
steps with plausible durations (mostly within the mutu baku, some late, a few stuck), so the
database holds cases at every step, finished, stopped and overdue ones, each with a history
consistent with its state. Rows are written with executemany inside one transaction; history
rows carry their hash chain like events written by the case engine, and each case its global
chain entry, both computed from the rows held in memory (nothing is read back).

The cases are generated in batches (sop_desktop.ops.demo_gen), by a worker process for a big
fill while this process writes the previous batch (sop_desktop.ops.demo_worker); the global
chain's entries come chained from the head read here (the chain held until commit). The same
seed and time give the same data either way.

Demo data goes only into a new database (no users, no cases) or one an earlier fill marked as
a training database; the demo users get a random password, shown once to the caller.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypedDict

import peewee as pw

from sop_desktop.domain.model import SopDefinition
from sop_desktop.errors import ValidationError
from sop_desktop.ops import demo_worker
from sop_desktop.ops.demo_gen import (
    CASE_COLUMNS,
    EVENT_COLUMNS,
    FLUSH_CASES,
    LEDGER_COLUMNS,
    DemoJob,
    DemoTotals,
    Plan,
    StepPlan,
)
from sop_desktop.ops.demo_values import FIRST_NAMES, LAST_NAMES
from sop_desktop.services import numbering
from sop_desktop.services.container import Services
from sop_desktop.services.positions import normalize_name
from sop_desktop.services.users import hash_password
from sop_desktop.settings import DEMO_TRAINING
from sop_desktop.storage import db as dbm
from sop_desktop.storage import ledger

# from this many cases on, a worker process generates while this one writes (below it, the
# worker's start costs more than it saves)
WORKER_MIN_CASES = 2 * FLUSH_CASES
# history indexes a big fill keeps (their keys come in the fill's order or from few values)
_KEPT_INDEXES = frozenset({"history_case_id", "history_user_id"})
# the demo users' password hash while scrypt still runs (set before the fill commits): no
# password matches it, and the global chain does not cover password hashes
_PENDING_HASH = "scrypt-menunggu"
# the first batch is small: this process writes while the worker makes the next one sooner
FIRST_BATCH = FLUSH_CASES // 5


class DemoPeople(TypedDict):
    """The demo's users (ensure_users): new ones share the demo password."""

    admin: dbm.User
    operators: list[dbm.User]
    holders: dict[int, list[dbm.User]]  # position id -> its holders
    created: int
    pending: list[int]  # new users whose hash is still _PENDING_HASH (set_pending_hashes)


@dataclass
class DemoResult:
    """What a fill added (and the demo users' password when it made them)."""

    cases: int
    events: int
    users: int
    open: int
    overdue: int
    password: str = ""  # the demo users' password (random), when users were created


def is_training_database() -> bool:
    """True when an earlier demo fill marked this database as a training database."""
    return bool(dbm.read_setting(DEMO_TRAINING))


def check_demo_target() -> None:
    """Refuse demo data on a database with real users or cases (an office's own data)."""
    if is_training_database():
        return
    users = dbm.User.select().count()
    cases = dbm.Case.select().count()
    if users or cases:
        raise ValidationError(
            f"Basis data ini berisi {cases} kasus dan {users} pengguna: data demo hanya untuk "
            "basis data baru atau basis data pelatihan. Buat basis data pelatihan tersendiri, "
            "misalnya: sop-desktop --db pelatihan.sqlite3 demo")


def new_password() -> str:
    """A random password for the demo users (never a published one)."""
    return secrets.token_urlsafe(12)


def ensure_users(services: Services, rng: random.Random, password: str, *,
                 hashed: Future[str] | None = None) -> DemoPeople:
    """An administrator, two operators and one pejabat for every internal position.

    New demo users share `password`; its scrypt hash is computed once (or given by `hashed`,
    computed meanwhile in a thread: until it is done they get _PENDING_HASH, and the caller
    calls set_pending_hashes before its transaction ends). Returns {"admin": User,
    "operators": [User], "holders": {position_id: [User]}, ...}.
    """
    shared_hash: str | None = None
    created = 0
    pending: list[int] = []

    def make(username: str, name: str, role: str, positions: Sequence[str] = ()) -> dbm.User:
        nonlocal shared_hash, created
        user = dbm.User.get_or_none(dbm.User.username == username)
        if user is None:
            if shared_hash is None:
                shared_hash = (hash_password(password) if hashed is None else
                               hashed.result() if hashed.done() else _PENDING_HASH)
            user = services.users.create(username, name, "", role, positions=list(positions),
                                         password_hash=shared_hash)
            created += 1
            if shared_hash == _PENDING_HASH:
                pending.append(user.id)
        return user

    admin = make("admin", "Administrator Demo", "administrator")
    operators = [make("operator", "Operator Demo", "operator"),
                 make("operator2", "Operator Demo Dua", "operator")]
    holders: dict[int, list[dbm.User]] = {}
    taken: set[str] = set()
    for pos in services.positions.all():
        if pos.external:
            continue
        base = (normalize_name(pos.name) or "jabatan")[:24]
        username = base
        n = 2
        while username in taken:
            username, n = f"{base}{n}", n + 1
        taken.add(username)
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        user = make(username, f"{first} {last}", "pejabat", [pos.name])
        holders.setdefault(pos.id, []).append(user)
    return {"admin": admin, "operators": operators, "holders": holders, "created": created,
            "pending": pending}


def set_pending_hashes(people: DemoPeople, hashed: Future[str]) -> None:
    """Give the users ensure_users made with _PENDING_HASH their password's hash (in the same
    transaction: no one ever sees the placeholder)."""
    if people["pending"]:
        dbm.User.update(password_hash=hashed.result()).where(
            dbm.User.id.in_(people["pending"])).execute()


def fill(services: Services, cases: int, seed: int = 1, now: dt.datetime | None = None, *,
         password: str | None = None, worker: bool | None = None) -> DemoResult:
    """Add `cases` demo cases (and the users they need) to a new or training database.

    New demo users get `password` (default: a random one, returned in the result). `worker`:
    generate in a worker process while this one writes (default: for WORKER_MIN_CASES or
    more); the data is the same either way. The worker imports the main module (as on
    Windows), so a script that calls this at its top level needs the usual
    `if __name__ == "__main__":` guard, or worker=False."""
    if cases < 0:
        raise ValidationError("Jumlah kasus demo tidak boleh negatif")
    check_demo_target()
    password = password or new_password()
    with ThreadPoolExecutor(1) as pool:  # scrypt lets go of the GIL: hashed while we read
        return _fill(services, cases, random.Random(seed), now, password, worker,
                     pool.submit(hash_password, password))


def _fill(services: Services, cases: int, rng: random.Random, now: dt.datetime | None,
          password: str, worker: bool | None, hashed: Future[str]) -> DemoResult:
    """fill() once its arguments are checked."""
    # started first: the worker's own start-up overlaps the reading and the users' creation
    started = demo_worker.start() if (cases >= WORKER_MIN_CASES if worker is None
                                      else worker) else None
    try:
        now = (now or services.cases.clock()).replace(microsecond=0)
        defs = [d for d in services.sops.latest_all() if not d.incomplete and d.steps]
        if not defs:
            raise ValidationError("Pustaka SOP kosong: tidak ada SOP untuk kasus demo")
        # marked first: a fill cut short leaves a training database a new fill may complete
        dbm.write_setting(DEMO_TRAINING, {"since": now.isoformat()})
        with services.db.atomic():  # one transaction: the users, the cases, their chains
            people = ensure_users(services, rng, password, hashed=hashed)
            # the global chain: users first, then one entry per case (chained by the
            # generator from the head read here, under the chain's lock until commit)
            ledger.record_unledgered_users(services.db)
            job = _job(services, rng, now, cases, defs, people)
            rebuilt = _drop_indexes_for_bulk(services.db, cases) if job.sqlite else []
            totals = _write_all(services.db, job, started)
            for sql in rebuilt:  # building an index once is faster than growing it row by row
                services.db.execute_sql(sql)
            set_pending_hashes(people, hashed)  # scrypt ran meanwhile, not before the cases
            for (code, year), value in totals.seqs.items():
                numbering.raise_to(numbering.agenda_key(code), year, value)
    finally:
        if started is not None:
            started.stop()
    return DemoResult(totals.cases, totals.events, people["created"], totals.open,
                      totals.overdue, password if people["created"] else "")


def _job(services: Services, rng: random.Random, now: dt.datetime, cases: int,
         defs: list[SopDefinition], people: DemoPeople) -> DemoJob:
    """What the generator needs from the database (inside the fill's transaction)."""
    cal = services.cases.calendar()
    for year in range(now.year - 1, now.year + 2):  # loaded here, not again in the worker
        cal.holidays_in(year)
    sql = 'SELECT COALESCE(MAX("id"), 0) FROM "{}"'
    first_case = services.db.execute_sql(sql.format("cases")).fetchone()[0] + 1
    # event ids given by the fill: the global chain needs no read-back
    first_event = services.db.execute_sql(sql.format("history")).fetchone()[0] + 1
    # cases start within the past year: the agenda numbers given so far in those years
    seq_start = {(d.code, year): numbering.peek(numbering.agenda_key(d.code), year)
                 for d in defs for year in (now.year - 1, now.year)}
    head = ledger.append(services.db, [])  # the newest entry, the chain held until commit
    stamp = dbm.now_local()
    return DemoJob(rng.getstate(), cases, now, cal, _plans(services, defs, people["holders"]),
                   [u.id for u in people["operators"]], numbering.agenda_pattern(), seq_start,
                   int(first_case), int(first_event), dbm.is_sqlite(), batch=FLUSH_CASES,
                   first_batch=FIRST_BATCH, ledger_head=head,
                   ledger_stamp=stamp.isoformat(" ") if dbm.is_sqlite() else stamp)


def _write_all(db: pw.Database, job: DemoJob, worker: demo_worker.Worker | None) -> DemoTotals:
    """Write every batch of the job as it comes (cases, history, global chain entries)."""
    items = demo_worker.generate(job, worker)
    try:
        for item in items:
            if isinstance(item, DemoTotals):
                return item
            _insert(db, job.sqlite, "cases", CASE_COLUMNS, item.case_rows)
            _insert(db, job.sqlite, "history", EVENT_COLUMNS, item.event_rows)
            _insert(db, job.sqlite, "ledger", LEDGER_COLUMNS, item.entries)
    finally:
        items.close()  # stops the worker when this ends early (an error, Ctrl+C)
    raise RuntimeError("generator demo berhenti tanpa ringkasan")  # generate() always ends so


def _plans(services: Services, defs: list[SopDefinition],
           holders: dict[int, list[dbm.User]]) -> list[Plan]:
    """Per SOP: (definition, its steps as tuples by number, first step, version id, kode)."""
    index = services.positions._index()
    version_ids = {(r.code, r.version): r.id for r in dbm.SopVersion.select(
        dbm.SopVersion.id, dbm.SopVersion.code, dbm.SopVersion.version)}
    external = {p.id for p in dbm.Position.select() if p.external}
    plans: list[Plan] = []
    for d in defs:
        steps: dict[int, StepPlan] = {}
        for step in d.steps:
            pos = services.positions.position_for_lane(d, step.lane, index)
            pos_id = pos.id if pos is not None else None
            staff_only = pos_id is None or pos_id in external or pos_id not in holders
            holder_ids = [] if staff_only or pos_id is None else [u.id for u in holders[pos_id]]
            nxt = d.successors(step)
            wkey = (step.waktu.unit, step.waktu.max) if step.waktu else None
            steps[step.number] = (step.number, step.kind == "decision", step.waktu, wkey,
                                  step.lane, pos_id, holder_ids, nxt[0] if nxt else None,
                                  step.yes, step.no)
        plans.append((d, steps, d.steps[0].number, version_ids[(d.code, d.version)],
                      numbering.sop_kode(d.code)))
    return plans



def _drop_indexes_for_bulk(db: pw.Database, adding: int) -> list[str]:
    """Drop the history indexes whose keys come in random order (by time) when the fill at
    least doubles the cases; returns the statements that recreate them (same transaction, so
    a failure restores them). The others are kept: the fill writes history in case order and
    its users are few, so those grow at the ends of their trees, and the cases table is a
    tenth of the rows; their upkeep is done while the worker still generates, where building
    them at the end would add to the wait (measured at 100,000 cases)."""
    existing = db.execute_sql('SELECT COUNT(*) FROM "cases"').fetchone()[0]
    if adding < max(existing, 1000):
        return []
    rows = db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name = 'history'").fetchall()
    dropped = [(name, sql) for name, sql in rows if name not in _KEPT_INDEXES]
    for name, _ in dropped:
        db.execute_sql(f'DROP INDEX "{name}"')
    return [sql for _, sql in dropped]


def _insert(db: pw.Database, sqlite: bool, table: str, columns: tuple[str, ...],
            rows: list[tuple[Any, ...]]) -> None:
    """Bulk insert with the driver's executemany (psycopg2: execute_values)."""
    if not rows:
        return
    cols = ", ".join(f'"{c}"' for c in columns)
    if sqlite:
        sql = f'INSERT INTO "{table}" ({cols}) VALUES ({", ".join("?" * len(columns))})'
        cursor = db.cursor()
        # a bigger page cache for this connection while it writes a batch; given back after
        # each one (measured: a big cache kept for the whole fill costs more, its dirty pages
        # all written at the end)
        old = cursor.execute("PRAGMA cache_size").fetchone()[0]
        cursor.execute("PRAGMA cache_size = -262144")
        try:
            cursor.executemany(sql, rows)
        finally:
            cursor.execute(f"PRAGMA cache_size = {int(old)}")
        return
    from psycopg2.extras import execute_values

    cursor = db.cursor()
    execute_values(cursor, f'INSERT INTO "{table}" ({cols}) VALUES %s', rows, page_size=2000)
    if table in ("cases", "history"):  # explicit ids: move the sequence past them
        db.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                       f"(SELECT MAX(\"id\") FROM \"{table}\"))")
