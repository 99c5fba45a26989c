"""The demo fill's generator: cases walked through their SOP's steps, in batches ready to write.

Pure (no database): everything it needs is read beforehand into a DemoJob, so it runs in the
fill's own process or in a worker process (sop_desktop.ops.demo_worker) alike, and the same job
gives the same batches. Each batch holds whole cases: their rows, their history rows with ids
and chained hashes (every case is new, so each chain starts empty), and one global chain entry
per case (its last event, the digest of its row), chained on from the chain's head read by the
writer inside its transaction (DemoJob.ledger_head), so the writer only inserts rows.
Canonical texts are written from formats prepared per step (checked against the general
functions by the tests), due times come from a table of office hours (sop_desktop.ops.demo_due).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from json.encoder import encode_basestring as _encode_str  # json.dumps of a str
from typing import Any

from sop_desktop.domain.calendar import WorkCalendar
from sop_desktop.domain.model import SopDefinition
from sop_desktop.domain.waktu import Waktu
from sop_desktop.errors import ValidationError
from sop_desktop.ops.demo_due import DueTable
from sop_desktop.ops.demo_values import record
from sop_desktop.services.numbering import format_number
from sop_desktop.services.workflow import (
    ACTION_COMPLETE,
    ACTION_DECIDE,
    ACTION_OPEN,
    ACTION_STOP,
    STATUS_DONE,
    STATUS_OPEN,
    STATUS_STOPPED,
)
from sop_desktop.storage import ledger
from sop_desktop.storage.event_canon import event_format, value_json

FLUSH_CASES = 5000  # cases per batch (bounds the memory of a big fill on a 4 GB office PC)
# one step of a plan: (number, decision?, waktu, waktu key, lane, position id, holder ids,
# next step, Ya step, Tidak step); tuples: the fill reads them millions of times
StepPlan = tuple[int, bool, Waktu | None, tuple[str, float] | None, str | None, int | None,
                 list[int], int | None, int | None, int | None]
# one SOP's plan: (definition, its steps by number, first step, version id, agenda kode)
Plan = tuple[SopDefinition, dict[int, StepPlan], int, int, str]
HISTORY_COLUMNS = ("case_id", "action", "from_step", "to_step", "decision", "user_id",
                   "position_id", "on_behalf_of_id", "at", "recorded_at", "note",
                   "attachments", "seconds_taken", "due", "on_time")
EVENT_COLUMNS = ("id",) + HISTORY_COLUMNS + ("hash",)  # a batch's history rows, as written
CASE_COLUMNS = ("id", "number", "sop_version_id", "sop_code", "year", "seq", "status",
                "current_step", "current_lane", "current_position_id", "step_started_at",
                "current_due", "closed_at", "fields", "created_by_id", "created_at",
                "recorded_at", "updated_at")
LEDGER_COLUMNS = ("seq", "kind", "ref", "event", "state", "recorded_at", "hash")
# an entry's canonical text (ledger.entry_hash) starts with its number, then this
_KIND_JSON = json.dumps(ledger.KIND_CASE)
# a case's state digest (ledger.state_digest) is written directly, its columns in this order
_STATE_ORDER = ("id", "number", "sop_version_id", "sop_code", "year", "seq", "status",
                "current_step", "current_lane", "current_position_id", "step_started_at",
                "current_due", "fields", "created_by_id", "created_at", "recorded_at",
                "closed_at")
if ledger.CASE_COLUMNS != _STATE_ORDER:
    raise RuntimeError("kolom rantai global berubah: sesuaikan digest kasus demo")
_STATE_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
_STATUS_JSON = {status: _STATE_JSON(status) for status in (STATUS_OPEN, STATUS_DONE,
                                                           STATUS_STOPPED)}
_NOTES = ("Sudah diperiksa", "Lengkap", "Diteruskan", "Sesuai", "Mohon ditindaklanjuti", "")
_NOTES_JSON = tuple(value_json("note", note) for note in _NOTES)
_STOP_NOTE = "Pemohon mencabut permohonan"
_STOP_NOTE_JSON = value_json("note", _STOP_NOTE)
# the open fields of a step's event format (event_canon.event_format), in slot order
_MOVE_SLOTS = ("at", "case", "due", "note", "on_behalf_of", "on_time", "recorded_at",
               "seconds_taken", "user")
_OPEN_SLOTS = ("at", "case", "recorded_at", "user")
# an event format's text around its open fields (_MOVE_SLOTS): ten pieces
Pieces = tuple[str, str, str, str, str, str, str, str, str, str]
# a step as the walk reads it (a list: steps link to each other, loops back included):
# [0 number, 1 decision?, 2 waktu, 3 due times by start in microseconds (None: no waktu),
#  4 position id, 5 holder ids, 6 next step, 7 Ya step, 8 Tidak step, event formats as
#  Pieces: 9 complete, 10 decide "ya", 11 decide "tidak", 12 stop, 13 lane, 14 waktu key, 15 its
#  (step, lane, position) JSON in a case's state digest, 16 moves a case may make at most,
#  17 how its waktu is counted (DueTable.rule)]
WalkStep = list[Any]
# where a walk ends: (status, time of the last move, its step, that step's due, as stored,
# its JSON)
WalkEnd = tuple[str, dt.datetime, WalkStep, dt.datetime | None, str | dt.datetime | None, str]
# a time as stored (text for SQLite) and its JSON in an event's canonical text
Stamp = tuple[str | dt.datetime, str]
_NO_TIME: tuple[None, str] = (None, "null")
_sha256 = hashlib.sha256
_TEN = dt.timedelta(minutes=10)
_MIDNIGHT = dt.datetime(2000, 1, 1)
_FIVE = dt.timedelta(minutes=5)
# the walk counts in microseconds from _MIDNIGHT (ints), as timedelta does, without its objects
_US = dt.timedelta(microseconds=1)
_TEN_US = _TEN // _US
_FIVE_US = _FIVE // _US
# a due time: (when, its microseconds from _MIDNIGHT, as stored, its JSON)
Due = tuple[dt.datetime, int, str | dt.datetime, str]
_NO_DUE: tuple[None, None, None, str] = (None, None, None, "null")
# the days DueTable covers around the fill's time (outside them the calendar counts)
_TABLE_BEFORE = dt.timedelta(days=380)
_TABLE_AFTER = dt.timedelta(days=300)


@dataclass
class DemoJob:
    """What the generator needs, read from the database beforehand (picklable: it is sent to
    the worker process)."""

    rng_state: Any  # random.Random.getstate() after the demo users were named
    cases: int
    now: dt.datetime
    calendar: WorkCalendar  # the plain calendar (the generator memoises its own copy)
    plans: list[Plan]
    op_ids: list[int]  # the demo operators' user ids
    pattern: str  # the agenda number pattern
    seq_start: dict[tuple[str, int], int]  # (SOP code, year) -> last agenda number given
    first_case: int  # the id of the first new case
    first_event: int  # the id of the first new history event
    sqlite: bool  # times as text (SQLite) or as datetimes (PostgreSQL)
    batch: int = FLUSH_CASES
    # the first batch's cases (0: `batch`): a small one sets the writer going sooner
    first_batch: int = 0
    # the global chain's newest entry (number, hash) the fill's entries follow, and the
    # entries' recorded_at as stored (not hashed)
    ledger_head: tuple[int, str] = (0, "")
    ledger_stamp: str | dt.datetime | None = None


@dataclass
class DemoBatch:
    """Whole cases, ready to write: rows in CASE_COLUMNS and EVENT_COLUMNS order, and one
    global chain entry per case in LEDGER_COLUMNS order (chained, as ledger.append would)."""

    case_rows: list[tuple[Any, ...]]
    event_rows: list[tuple[Any, ...]]
    entries: list[tuple[Any, ...]]


@dataclass
class DemoTotals:
    """The last item of a fill: what it made, and the agenda numbers it gave per SOP and year."""

    cases: int = 0
    events: int = 0
    open: int = 0
    overdue: int = 0
    seqs: dict[tuple[str, int], int] = field(default_factory=dict)


def batches(job: DemoJob, skip: int = 0) -> Iterator[DemoBatch | DemoTotals]:
    """The fill's batches in order, then its totals; the first `skip` batches are generated
    (the random sequence runs on through them) but not built nor yielded. The first batch
    has job.first_batch cases (when smaller than job.batch), the others job.batch."""
    rng = random.Random()
    rng.setstate(job.rng_state)
    cal = memoised_calendar(job.calendar)
    run = _Generator(job, rng, cal)  # draws nothing: the start times come first
    starts = start_times(rng, cal, run.table, job.now, job.cases, len(job.plans))
    done, size = 0, min(job.first_batch or job.batch, job.batch)
    run.build = skip <= 0
    for i, (start, plan_no) in enumerate(starts):
        run.add_case(job.first_case + i, start, plan_no)
        if len(run.case_rows) >= size:
            batch = run.take(build=done >= skip)
            done, size = done + 1, job.batch
            run.build = done >= skip
            if batch is not None:
                yield batch
    if run.case_rows:
        batch = run.take(build=done >= skip)
        if batch is not None:
            yield batch
    yield DemoTotals(run.n_cases, run.n_events, run.n_open, run.n_overdue, run.seqs)


def memoised_calendar(cal: WorkCalendar) -> WorkCalendar:
    """A copy of the working calendar with its day questions memoised: the same few hundred
    days (and, times being rounded, the same moments) are asked about again and again (its
    settings do not change during the fill). A copy: the services' own calendar keeps no memo."""
    cal = copy.copy(cal)  # shares the settings and the holiday tables per year
    for name in ("is_working_day", "next_working_day", "office_hours", "next_opening"):
        setattr(cal, name, functools.lru_cache(maxsize=None)(getattr(cal, name)))
    return cal


def _form(action: str, from_step: int | None, to_step: int | None, decision: str | None,
          position: int | None, slots: tuple[str, ...], **more: Any) -> str:
    """The format of an event's canonical JSON (event_canon.event_format) with these values
    fixed; its open fields must be `slots` (the order the walk fills them in)."""
    text, open_fields = event_format(
        {"action": action, "from_step": from_step, "to_step": to_step, "decision": decision,
         "position": position, "attachments": "[]", **more})
    if open_fields != slots:
        raise RuntimeError(f"format kejadian demo tidak sesuai: {open_fields}")
    return text


def _pieces(action: str, from_step: int | None, to_step: int | None, decision: str | None,
            position: int | None) -> Pieces:
    """A step's event format (_form, open fields _MOVE_SLOTS) as its text between the slots,
    for the walk's f-string (one string built, no format parsed per event)."""
    pieces = tuple(part.replace("%%", "%") for part in _form(
        action, from_step, to_step, decision, position, _MOVE_SLOTS).split("%s"))
    if len(pieces) != len(_MOVE_SLOTS) + 1 or any("%s" in part for part in pieces):
        raise RuntimeError("format kejadian demo tidak dapat dipotong")
    return pieces  # type: ignore[return-value]  # length checked above


def ten_after(t: int, span: int, factor: float) -> int:
    """_MIDNIGHT + (t + span * factor - _MIDNIGHT) // _TEN * _TEN + _TEN, in microseconds
    from _MIDNIGHT: the same value (timedelta * float rounds half to even to the microsecond),
    by one float product when it is more than a microsecond from a ten-minute mark."""
    within, rest = divmod(t % _TEN_US + span * factor, _TEN_US)
    if 1.0 < rest < _TEN_US - 1.0:  # the float's error (far below 1 us) cannot cross a mark
        return t - t % _TEN_US + int(within) * _TEN_US + _TEN_US
    num, den = factor.as_integer_ratio()
    product, remainder = divmod(span * num, den)
    if remainder * 2 > den or (remainder * 2 == den and product & 1):
        product += 1
    return (t + product) // _TEN_US * _TEN_US + _TEN_US


def start_times(rng: random.Random, cal: WorkCalendar, table: DueTable, now: dt.datetime,
                cases: int, n_plans: int) -> list[tuple[int, int]]:
    """Case start times in microseconds from _MIDNIGHT: random office moments over the past
    year (with the plan each follows), in time order, so agenda numbers follow time."""
    starts: list[tuple[int, int]] = []
    year_seconds, now_us, random_ = 365 * 86400, (now - _MIDNIGHT) // _US, rng.random
    for _ in range(cases):
        moment = now_us - int(random_() * year_seconds) * 1_000_000
        # down to the ten minutes (minute - minute % 10, second 0), then the next opening
        moment -= moment % _TEN_US - moment % 1_000_000
        found = table.opening(moment)
        moment = (found[1] if found is not None else
                  (cal.next_opening(_MIDNIGHT + dt.timedelta(microseconds=moment))
                   - _MIDNIGHT) // _US)
        if moment > now_us:
            moment = now_us - rng.randint(1, 600) * 60_000_000
        starts.append((moment, rng.randrange(n_plans)))
    starts.sort()
    return starts


class _Generator:
    """One fill's generator: walks each case through its plan and buffers the rows."""

    def __init__(self, job: DemoJob, rng: random.Random, cal: WorkCalendar) -> None:
        self.rng, self.cal, self.now, self.plans = rng, cal, job.now, job.plans
        self.op_ids, self.pattern, self.sqlite = job.op_ids, job.pattern, job.sqlite
        self.seq_start = job.seq_start
        self.random_ = rng.random
        self.stamps: dict[dt.datetime, Stamp] = {}
        self.due_cache: dict[tuple[dt.datetime, Any], Due] = {}
        # times by their microseconds from _MIDNIGHT: (when, as stored, its JSON)
        self.times: dict[int, tuple[dt.datetime, str | dt.datetime, str]] = {}
        self.now_us = (job.now - _MIDNIGHT) // _US
        # due times from a table of office hours: starts lie within the past year
        self.table = DueTable(cal, _MIDNIGHT, (job.now - _TABLE_BEFORE).date(),
                              (job.now + _TABLE_AFTER).date())
        memos: dict[Any, dict[int, Due]] = {}  # per waktu: due times by start (microseconds)
        self.walks = [_walk_steps(plan, memos, self.table) for plan in job.plans]
        self.open_forms = [_form(ACTION_OPEN, None, first, None, None, _OPEN_SLOTS, note="",
                                 on_behalf_of=None, seconds_taken=None, due=None, on_time=None)
                           for _, _, first, _, _ in job.plans]
        # per plan: its SOP code's and version's JSON in a case's state digest
        self.plan_json = [(_STATE_JSON(defn.code), int(vid)) for defn, _, _, vid, _ in job.plans]
        self.seqs: dict[tuple[str, int], int] = {}
        self.pools: dict[tuple[int, int, int], list[tuple[str, str]]] = {}
        self.case_rows: list[tuple[Any, ...]] = []
        self.event_rows: list[tuple[Any, ...]] = []
        self.entries: list[tuple[Any, ...]] = []
        # the global chain: the newest entry's number and hash (advanced by built batches)
        self.chain_seq, self.chain_hash = job.ledger_head
        self.chain_stamp = job.ledger_stamp
        self.build = True  # False while batches are only counted (skipped): no digests
        self.next_event = job.first_event  # the id of the next event of the next batch
        self.n_open = self.n_overdue = self.n_cases = self.n_events = 0

    def stamp(self, value: dt.datetime) -> Stamp:
        """A time as the driver stores it (text for SQLite) and its JSON in an event's
        canonical text, from a cache."""
        # times are rounded to ten minutes, so the same few thousand strings repeat
        hit = self.stamps.get(value)
        if hit is None:
            stored = value.isoformat(" ") if self.sqlite else value
            # value_json("at", stored): the ISO text with a "T" (naive, ASCII: no escapes)
            hit = self.stamps[value] = (stored, f'"{value.isoformat()}"')
        return hit

    def time_of(self, value: int) -> tuple[dt.datetime, str | dt.datetime, str]:
        """A time given by its microseconds from _MIDNIGHT: itself, as stored, its JSON."""
        when = _MIDNIGHT + dt.timedelta(microseconds=value)
        hit = self.times[value] = (when, *self.stamp(when))
        return hit

    def due_of(self, start: dt.datetime, waktu: Waktu, wkey: Any) -> Due:
        """A step's due time from `start`, in microseconds and as stored (with its JSON)."""
        # memoised by start and by the moment counted from (steps ending after hours share it)
        hit = self.due_cache.get((start, wkey))
        if hit is None:
            counted = self.cal.counted_from(start, waktu)
            hit = self.due_cache.get((counted, wkey))
            if hit is None:
                due = self.cal.due(counted, waktu)
                hit = self.due_cache[(counted, wkey)] = (due, (due - _MIDNIGHT) // _US,
                                                         *self.stamp(due))
            self.due_cache[(start, wkey)] = hit
        return hit

    def due_at(self, t_us: int, t: dt.datetime, step: WalkStep) -> Due:
        """The due time of `step` started at `t` (`t_us` microseconds), from the fill's table
        of office hours (or the calendar outside it), kept in the step's memo."""
        due_us = self.table.due(t_us, step[17])
        if due_us is None:
            hit = self.due_of(t, step[2], step[14])
        else:
            when, stored, text = self.times.get(due_us) or self.time_of(due_us)
            hit = (when, due_us, stored, text)
        step[3][t_us] = hit
        return hit

    def take(self, build: bool = True) -> DemoBatch | None:
        """The cases generated so far as a batch (None when not `build`: a batch skipped),
        with their global chain items (each case's last event and state digest, computed
        as the case was made: nothing is read back); the buffers start empty again."""
        cases, events, entries = self.case_rows, self.event_rows, self.entries
        self.next_event += len(events)
        self.n_cases += len(cases)
        self.n_events += len(events)
        self.case_rows, self.event_rows, self.entries = [], [], []
        return DemoBatch(cases, events, entries) if build else None

    def _number(self, defn: SopDefinition, kode: str, start: dt.datetime) -> tuple[int, str]:
        """The case's agenda sequence and number, counted here during the fill."""
        key = (defn.code, start.year)
        if key not in self.seqs:
            self.seqs[key] = self.seq_start[key]
        self.seqs[key] += 1
        seq = self.seqs[key]
        return seq, format_number(self.pattern, seq, kode, start, sop=defn.code)

    def _fields(self, plan_no: int, defn: SopDefinition, start: dt.datetime) -> tuple[str, str]:
        """A case's intake values as stored JSON (and their JSON in its state digest), from
        a small pool per SOP and month."""
        pool_key = (plan_no, start.year, start.month)
        pool = self.pools.get(pool_key)
        if pool is None:  # a few hundred intake records per SOP and month, reused
            pool = self.pools[pool_key] = [
                _field_texts(record(defn.fields, self.rng, start)) for _ in range(50)]
        return pool[int(self.random_() * len(pool))]

    def add_case(self, case_id: int, start_us: int, plan_no: int) -> None:
        """Generate one case from its start (microseconds from _MIDNIGHT): its events, then
        its row in its final state and its global chain item."""
        start, start_s, start_j = self.times.get(start_us) or self.time_of(start_us)
        defn, _, first, vid, kode = self.plans[plan_no]
        seq, number = self._number(defn, kode, start)
        fields, fields_j = self._fields(plan_no, defn, start)
        op_ids = self.op_ids
        opener = op_ids[int(self.random_() * len(op_ids))]
        # every case is new (ids above the highest one), so its chain starts empty
        event_id = self.next_event + len(self.event_rows)
        digest = _sha256((self.open_forms[plan_no] % (start_j, case_id, start_j, opener))
                         .encode("utf-8")).hexdigest()
        self.event_rows.append((event_id, case_id, ACTION_OPEN, None, first, None, opener, None,
                                None, start_s, start_s, "", "[]", None, None, None, digest))
        status, t, step, due, due_s, due_j = self._walk(
            case_id, start, start_us, self.walks[plan_no][first], digest)
        t_s, t_j = self.stamp(t)
        row: tuple[Any, ...]
        if status == STATUS_OPEN:
            self.n_open += 1
            self.n_overdue += due is not None and due < self.now
            row = (case_id, number, vid, defn.code, start.year, seq, status, step[0],
                   step[13], step[4], t_s, due_s, None)
            where, closed_j = step[15], "null"
        elif status == STATUS_DONE:
            row = (case_id, number, vid, defn.code, start.year, seq, status, None, None, None,
                   t_s, None, t_s)
            where, due_j, closed_j = "null,null,null", "null", t_j
        else:
            row = (case_id, number, vid, defn.code, start.year, seq, status, step[0],
                   step[13], step[4], t_s, None, t_s)
            where, due_j, closed_j = step[15], "null", t_j
        self.case_rows.append(row + (fields, opener, start_s, start_s, t_s))
        last = self.event_rows[-1]
        if self.build:  # ledger.state_digest of the row, written directly (tested case by case)
            code_j, vid = self.plan_json[plan_no]
            state = (f'["kasus",[{case_id},{_encode_str(number)},{vid},{code_j},{start.year},'
                     f'{seq},{_STATUS_JSON[status]},{where},{t_j},{due_j},{fields_j},{opener},'
                     f'{start_j},{start_j},{closed_j}]]')
            state = _sha256(state.encode("utf-8")).hexdigest()
            # ledger.entry_hash: sha256(previous hash + the entry's JSON), written directly
            seq = self.chain_seq = self.chain_seq + 1
            chained = self.chain_hash = _sha256(
                f'{self.chain_hash}[{seq},{_KIND_JSON},{case_id},{last[0]},"{last[-1]}",'
                f'"{state}"]'.encode()).hexdigest()
            self.entries.append((seq, ledger.KIND_CASE, case_id, last[0], state,
                                 self.chain_stamp, chained))

    def _walk(self, case_id: int, t: dt.datetime, t_us: int, step: WalkStep, digest: str
              ) -> WalkEnd:
        """Move the case on from `step` until now, it ends or it is stopped, each event with
        its id and chained hash (`digest`: the case's last one); returns (status, time of its
        last move, its step, that step's due, due as stored and its JSON)."""
        random_, op_ids, now_us, times = self.random_, self.op_ids, self.now_us, self.times
        n_ops, rows, float_json = len(op_ids), self.event_rows, float.__repr__
        add, event_id = rows.append, self.next_event + len(rows)
        due: dt.datetime | None
        due_us: int | None
        answer: str | None
        budget, memo = step[16], step[3]
        due, due_us, due_s, due_j = (_NO_DUE if memo is None else memo.get(t_us)
                                     or self.due_at(t_us, t, step))
        # one loop per event of a fill: the step's values by index, ten_after's usual case and
        # the actor's draw (_actor's order of draws) written out
        while True:
            # how long this step takes: mostly inside the standard, sometimes late, rarely stuck
            roll = random_()
            span = (due_us - t_us if due_us is not None
                    else dt.timedelta(minutes=5 + 235 * random_()) // _US)
            if span < _FIVE_US:
                span = _FIVE_US
            # uniform(a, b) written out (a + (b - a) * random()): the same numbers, no call
            factor = (0.2 + 0.8 * random_() if roll < 0.8 else 1.0 + 2.0 * random_()
                      if roll < 0.97 else 10 + 50 * random_())
            # to the ten minutes (down, plus ten): plausible for clerks, due times repeat
            off = t_us % _TEN_US
            within, rest = divmod(off + span * factor, _TEN_US)
            done_us = (t_us - off + int(within) * _TEN_US + _TEN_US
                       if 1.0 < rest < _TEN_US - 1.0 else ten_after(t_us, span, factor))
            budget -= 1
            if done_us > now_us or budget <= 0:
                return STATUS_OPEN, t, step, due, due_s, due_j  # still on this step
            holders = step[5]
            if not holders:
                actor, behalf = op_ids[int(random_() * n_ops)], None
            elif random_() < 0.2:
                actor = op_ids[int(random_() * n_ops)]
                behalf = holders[int(random_() * len(holders))]
            else:
                actor, behalf = holders[int(random_() * len(holders))], None
            seconds = (done_us - t_us) / 1_000_000  # timedelta.total_seconds(), exactly
            on_time = (done_us <= due_us) if due_us is not None else None
            t, done_s, done_j = times.get(done_us) or self.time_of(done_us)
            t_us = done_us
            if random_() < 0.01:
                action, target, answer, nxt, pieces, note, note_j = (
                    ACTION_STOP, step[0], None, None, step[12], _STOP_NOTE, _STOP_NOTE_JSON)
            else:
                if not step[1]:
                    answer, nxt, action, pieces = None, step[6], ACTION_COMPLETE, step[9]
                elif random_() < 0.85:
                    answer, nxt, action, pieces = "ya", step[7], ACTION_DECIDE, step[10]
                else:
                    answer, nxt, action, pieces = "tidak", step[8], ACTION_DECIDE, step[11]
                target = None if nxt is None else nxt[0]
                pick = int(random_() * 6)  # len(_NOTES)
                note, note_j = _NOTES[pick], _NOTES_JSON[pick]
            # event_canon.canonical_json of the row: the step's prepared format (the pieces
            # around its slots, _MOVE_SLOTS) filled in, after the case's previous hash
            p0, p1, p2, p3, p4, p5, p6, p7, p8, p9 = pieces
            digest = _sha256(
                f"{digest}{p0}{done_j}{p1}{case_id}{p2}{due_j}{p3}{note_j}{p4}"
                f"{'null' if behalf is None else behalf}{p5}"
                f"{'null' if on_time is None else 'true' if on_time else 'false'}{p6}{done_j}"
                f"{p7}{float_json(seconds + 0.0)}{p8}{actor}{p9}".encode()).hexdigest()
            add((event_id, case_id, action, step[0], target, answer, actor, step[4], behalf,
                 done_s, done_s, note, "[]", seconds, due_s, on_time, digest))
            event_id += 1
            if nxt is None:
                return (STATUS_STOPPED if action == ACTION_STOP else STATUS_DONE, t, step, due,
                        due_s, due_j)
            step = nxt
            memo = step[3]
            if memo is None:
                due, due_us, due_s, due_j = _NO_DUE
            else:
                due, due_us, due_s, due_j = memo.get(t_us) or self.due_at(t_us, t, step)


def _field_texts(values: dict[str, Any]) -> tuple[str, str]:
    """Intake values as the case row stores them and as its state digest writes them."""
    return (json.dumps(values, ensure_ascii=False, sort_keys=True),
            json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def _walk_steps(plan: Plan, memos: dict[Any, dict[int, Due]], table: DueTable
                ) -> dict[int, WalkStep]:
    """A plan's steps as the walk reads them (WalkStep), linked to their next steps; `memos`:
    the due times per waktu, shared by every step with that waktu."""
    steps = plan[1]
    budget = len(steps) * 3  # moves a case may make at most (loops back end in time)
    walk: dict[int, WalkStep] = {}
    for number, step in steps.items():
        pos, lane = step[5], step[4]
        memo = None if step[2] is None else memos.setdefault(step[3], {})
        walk[number] = [
            number, step[1], step[2], memo, pos, step[6], None, None, None,
            _pieces(ACTION_COMPLETE, number, step[7], None, pos),
            _pieces(ACTION_DECIDE, number, step[8], "ya", pos),
            _pieces(ACTION_DECIDE, number, step[9], "tidak", pos),
            _pieces(ACTION_STOP, number, number, None, pos), lane, step[3],
            f"{number},{'null' if lane is None else _STATE_JSON(lane)},"
            f"{'null' if pos is None else pos}", budget,
            None if step[2] is None else table.rule(step[2])]
    for number, step in steps.items():
        for slot, target in ((6, step[7]), (7, step[8]), (8, step[9])):
            if target is not None:
                if target not in walk:
                    raise ValidationError(f"SOP {plan[0].code}: langkah {number} menuju "
                                          f"langkah {target} yang tidak ada")
                walk[number][slot] = walk[target]
    return walk
