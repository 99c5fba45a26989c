"""The demo fill's generator: cases walked through their SOP's steps, in batches ready to write.

Pure (no database): everything it needs is read beforehand into a DemoJob, so it runs in the
fill's own process or in a worker process (sop_desktop.ops.demo_worker) alike, and the same job
gives the same batches. Each batch holds whole cases: their rows, their history rows with ids
and chained hashes (every case is new, so each chain starts empty), and one global chain item
per case (its last event and the digest of its row); the global chain itself is appended by the
writer, in order.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import json
import operator
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sop_desktop.domain.calendar import WorkCalendar
from sop_desktop.domain.model import SopDefinition
from sop_desktop.domain.waktu import Waktu
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
# a case row (CASE_COLUMNS) in the global chain's column order (ledger.CASE_COLUMNS)
_LEDGER_ORDER = operator.itemgetter(*(CASE_COLUMNS.index(c) for c in ledger.CASE_COLUMNS))
_NOTES = ("Sudah diperiksa", "Lengkap", "Diteruskan", "Sesuai", "Mohon ditindaklanjuti", "")
_NOTES_JSON = tuple(value_json("note", note) for note in _NOTES)
_STOP_NOTE = "Pemohon mencabut permohonan"
_STOP_NOTE_JSON = value_json("note", _STOP_NOTE)
# the open fields of a step's event format (event_canon.event_format), in slot order
_MOVE_SLOTS = ("at", "case", "due", "note", "on_behalf_of", "on_time", "recorded_at",
               "seconds_taken", "user")
_OPEN_SLOTS = ("at", "case", "recorded_at", "user")
# a step's event formats: (complete, decide "ya", decide "tidak", stop)
StepForms = tuple[str, str, str, str]
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


@dataclass
class DemoBatch:
    """Whole cases, ready to write: rows in CASE_COLUMNS and EVENT_COLUMNS order, and one
    global chain item per case (ledger.LedgerItem)."""

    case_rows: list[tuple[Any, ...]]
    event_rows: list[tuple[Any, ...]]
    entries: list[ledger.LedgerItem]


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
    (the random sequence runs on through them) but not built nor yielded."""
    rng = random.Random()
    rng.setstate(job.rng_state)
    cal = memoised_calendar(job.calendar)
    starts = start_times(rng, cal, job.now, job.cases, len(job.plans))
    run = _Generator(job, rng, cal)
    done = 0
    for i, (start, plan_no) in enumerate(starts):
        run.add_case(job.first_case + i, start, plan_no)
        if len(run.case_rows) >= job.batch:
            batch = run.take(build=done >= skip)
            done += 1
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


def _plan_forms(plan: Plan) -> dict[int, StepForms]:
    """Per step of a plan, its events' formats: complete, decide "ya", decide "tidak", stop."""
    forms: dict[int, StepForms] = {}
    for number, step in plan[1].items():
        pos = step[5]
        forms[number] = (
            _form(ACTION_COMPLETE, number, step[7], None, pos, _MOVE_SLOTS),
            _form(ACTION_DECIDE, number, step[8], "ya", pos, _MOVE_SLOTS),
            _form(ACTION_DECIDE, number, step[9], "tidak", pos, _MOVE_SLOTS),
            _form(ACTION_STOP, number, number, None, pos, _MOVE_SLOTS))
    return forms


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


def start_times(rng: random.Random, cal: WorkCalendar, now: dt.datetime, cases: int,
                n_plans: int) -> list[tuple[dt.datetime, int]]:
    """Case start times: random office moments over the past year (with the plan each
    follows), in time order, so agenda numbers follow time."""
    starts: list[tuple[dt.datetime, int]] = []
    year_seconds = 365 * 86400
    for _ in range(cases):
        moment = now - dt.timedelta(seconds=int(rng.random() * year_seconds))
        moment = cal.next_opening(moment.replace(minute=moment.minute - moment.minute % 10,
                                                 second=0))
        if moment > now:
            moment = now - dt.timedelta(minutes=rng.randint(1, 600))
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
        # times on the ten minutes by their microseconds: (when, as stored, its JSON)
        self.tens: dict[int, tuple[dt.datetime, str | dt.datetime, str]] = {}
        self.now_us = (job.now - _MIDNIGHT) // _US
        self.forms = [_plan_forms(plan) for plan in job.plans]
        self.open_forms = [_form(ACTION_OPEN, None, first, None, None, _OPEN_SLOTS, note="",
                                 on_behalf_of=None, seconds_taken=None, due=None, on_time=None)
                           for _, _, first, _, _ in job.plans]
        self.seqs: dict[tuple[str, int], int] = {}
        self.pools: dict[tuple[int, int, int], list[str]] = {}
        self.state_cache: dict[tuple[str, Any], dict[Any, str]] = {}
        self.case_rows: list[tuple[Any, ...]] = []
        self.event_rows: list[tuple[Any, ...]] = []
        self.last_events: list[tuple[int, str]] = []  # per case row: its last event's id, hash
        self.next_event = job.first_event  # the id of the next event of the next batch
        self.n_open = self.n_overdue = self.n_cases = self.n_events = 0

    def stamp(self, value: dt.datetime) -> Stamp:
        """A time as the driver stores it (text for SQLite) and its JSON in an event's
        canonical text, from a cache."""
        # times are rounded to ten minutes, so the same few thousand strings repeat
        hit = self.stamps.get(value)
        if hit is None:
            stored = value.isoformat(" ") if self.sqlite else value
            hit = self.stamps[value] = (stored, value_json("at", stored))
        return hit

    def ten(self, value: int) -> tuple[dt.datetime, str | dt.datetime, str]:
        """A time given by its microseconds from _MIDNIGHT: itself, as stored, its JSON."""
        when = _MIDNIGHT + dt.timedelta(microseconds=value)
        hit = self.tens[value] = (when, *self.stamp(when))
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

    def take(self, build: bool = True) -> DemoBatch | None:
        """The cases generated so far as a batch (None when not `build`: a batch skipped),
        with their global chain items, computed from the rows held here (nothing is read
        back; the walk gave the events their ids and hashes); the buffers start empty again."""
        cases, events, lasts = self.case_rows, self.event_rows, self.last_events
        self.next_event += len(events)
        self.n_cases += len(cases)
        self.n_events += len(events)
        self.case_rows, self.event_rows, self.last_events = [], [], []
        if not build:
            return None
        # one item per case: its row as written, with its last event (ids follow case order)
        states = ledger.state_digests(ledger.KIND_CASE, list(map(_LEDGER_ORDER, cases)),
                                      self.state_cache)
        entries: list[ledger.LedgerItem] = [
            (ledger.KIND_CASE, row[0], last_id, last_hash, state)
            for row, (last_id, last_hash), state in zip(cases, lasts, states, strict=True)]
        return DemoBatch(cases, events, entries)

    def _number(self, defn: SopDefinition, kode: str, start: dt.datetime) -> tuple[int, str]:
        """The case's agenda sequence and number, counted here during the fill."""
        key = (defn.code, start.year)
        if key not in self.seqs:
            self.seqs[key] = self.seq_start[key]
        self.seqs[key] += 1
        seq = self.seqs[key]
        return seq, format_number(self.pattern, seq, kode, start, sop=defn.code)

    def _fields(self, plan_no: int, defn: SopDefinition, start: dt.datetime) -> str:
        """A case's intake values as stored JSON, from a small pool per SOP and month."""
        pool_key = (plan_no, start.year, start.month)
        pool = self.pools.get(pool_key)
        if pool is None:  # a few hundred intake records per SOP and month, reused
            pool = self.pools[pool_key] = [
                json.dumps(record(defn.fields, self.rng, start),
                           ensure_ascii=False, sort_keys=True) for _ in range(50)]
        return pool[int(self.random_() * len(pool))]

    def add_case(self, case_id: int, start: dt.datetime, plan_no: int) -> None:
        """Generate one case from its start: its events, then its row in its final state."""
        defn, steps, first, vid, kode = self.plans[plan_no]
        seq, number = self._number(defn, kode, start)
        fields = self._fields(plan_no, defn, start)
        op_ids = self.op_ids
        opener = op_ids[int(self.random_() * len(op_ids))]
        start_s, start_j = self.stamp(start)
        # every case is new (ids above the highest one), so its chain starts empty
        event_id = self.next_event + len(self.event_rows)
        digest = _sha256((self.open_forms[plan_no] % (start_j, case_id, start_j, opener))
                        .encode("utf-8")).hexdigest()
        self.event_rows.append((event_id, case_id, ACTION_OPEN, None, first, None, opener, None,
                                None, start_s, start_s, "", "[]", None, None, None, digest))
        status, t, step, due, due_s = self._walk(case_id, start, steps[first], steps,
                                                 self.forms[plan_no], digest)
        t_s = self.stamp(t)[0]
        row: tuple[Any, ...]
        if status == STATUS_OPEN:
            self.n_open += 1
            self.n_overdue += due is not None and due < self.now
            row = (case_id, number, vid, defn.code, start.year, seq, status, step[0],
                   step[4], step[5], t_s, due_s, None)
        elif status == STATUS_DONE:
            row = (case_id, number, vid, defn.code, start.year, seq, status, None, None, None,
                   t_s, None, t_s)
        else:
            row = (case_id, number, vid, defn.code, start.year, seq, status, step[0],
                   step[4], step[5], t_s, None, t_s)
        self.case_rows.append(row + (fields, opener, start_s, start_s, t_s))
        last = self.event_rows[-1]
        self.last_events.append((last[0], last[-1]))

    def _walk(self, case_id: int, t: dt.datetime, step: StepPlan, steps: dict[int, StepPlan],
              forms: dict[int, StepForms], digest: str
              ) -> tuple[str, dt.datetime, StepPlan, dt.datetime | None, str | dt.datetime | None]:
        """Move the case on from `step` until now, it ends or it is stopped, each event with
        its id and chained hash (`digest`: the case's last one); returns (status, time of its
        last move, its step, that step's due and due as stored)."""
        random_, op_ids, now_us = self.random_, self.op_ids, self.now_us
        # the caches looked up here directly: this loop runs once per event of a fill
        tens, due_cache, rows = self.tens, self.due_cache, self.event_rows
        add, event_id, float_json = rows.append, self.next_event + len(rows), float.__repr__
        due: dt.datetime | None
        due_us: int | None
        target: int | None
        answer: str | None
        due, due_us, due_s, due_j = self.due_of(t, step[2], step[3]) if step[2] else _NO_DUE
        budget, form, t_us = len(steps) * 3, forms[step[0]], (t - _MIDNIGHT) // _US
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
            done_us = ten_after(t_us, span, factor)
            budget -= 1
            if done_us > now_us or budget <= 0:
                return STATUS_OPEN, t, step, due, due_s  # still on this step
            pos_id = step[5]
            actor, behalf = self._actor(step[6], op_ids)
            seconds = (done_us - t_us) / 1_000_000  # timedelta.total_seconds(), exactly
            on_time = (done_us <= due_us) if due_us is not None else None
            t, done_s, done_j = tens.get(done_us) or self.ten(done_us)
            t_us = done_us
            if random_() < 0.01:
                action, target, answer, text, note, note_j = (
                    ACTION_STOP, step[0], None, form[3], _STOP_NOTE, _STOP_NOTE_JSON)
            else:
                if step[1]:
                    answer = "ya" if random_() < 0.85 else "tidak"
                    target, text = (step[8], form[1]) if answer == "ya" else (step[9], form[2])
                    action = ACTION_DECIDE
                else:
                    answer, target, action, text = None, step[7], ACTION_COMPLETE, form[0]
                pick = int(random_() * len(_NOTES))
                note, note_j = _NOTES[pick], _NOTES_JSON[pick]
            # event_canon.canonical_json of the row, from the step's prepared format
            text %= (done_j, case_id, due_j, note_j, "null" if behalf is None else behalf,
                     "null" if on_time is None else "true" if on_time else "false", done_j,
                     float_json(seconds + 0.0), actor)
            digest = _sha256((digest + text).encode("utf-8")).hexdigest()
            add((event_id, case_id, action, step[0], target, answer, actor, pos_id, behalf,
                 done_s, done_s, note, "[]", seconds, due_s, on_time, digest))
            event_id += 1
            if action == ACTION_STOP:
                return STATUS_STOPPED, t, step, due, due_s
            if target is None:
                return STATUS_DONE, t, step, due, due_s
            step = steps[target]
            form = forms[target]
            if step[2] is None:
                due, due_us, due_s, due_j = _NO_DUE
            else:
                due, due_us, due_s, due_j = (due_cache.get((t, step[3]))
                                             or self.due_of(t, step[2], step[3]))

    def _actor(self, holder_ids: list[int], op_ids: list[int]) -> tuple[int, int | None]:
        """Who records the step: a holder of its position, or an operator (on a holder's
        behalf one time in five; always for the public's and outside offices' steps)."""
        random_ = self.random_
        if not holder_ids:
            return op_ids[int(random_() * len(op_ids))], None
        if random_() < 0.2:
            actor = op_ids[int(random_() * len(op_ids))]
            return actor, holder_ids[int(random_() * len(holder_ids))]
        return holder_ids[int(random_() * len(holder_ids))], None

