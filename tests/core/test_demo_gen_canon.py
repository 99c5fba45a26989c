"""The demo generator's prepared event formats (issue 19): each event's canonical JSON is
written from a format prepared per step and action, and must be byte for byte what the
general canonical function writes (so every hash is what the checker recomputes)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

import pytest

from sop_desktop.ops import demo, demo_gen
from sop_desktop.services.workflow import (
    ACTION_COMPLETE,
    ACTION_DECIDE,
    ACTION_OPEN,
    ACTION_STOP,
)
from sop_desktop.storage import event_canon, ledger

NOW = dt.datetime(2026, 12, 7, 10, 0)


class _Captured(Exception):
    """Stops the fill once its job is made (nothing is written)."""


@pytest.fixture
def job(services, monkeypatch: pytest.MonkeyPatch) -> demo_gen.DemoJob:
    """The job a 700-case fill would give its generator, taken before anything is written."""
    seen: list[demo_gen.DemoJob] = []

    def capture(db, job, worker):
        seen.append(job)
        raise _Captured

    monkeypatch.setattr(demo, "_write_all", capture)
    with pytest.raises(_Captured):
        demo.fill(services, 700, seed=11, now=NOW, password="pelatihan-1", worker=False)
    return seen[0]


def _events(job: demo_gen.DemoJob) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for item in demo_gen.batches(job):
        if isinstance(item, demo_gen.DemoBatch):
            rows.extend(item.event_rows)
    return rows


@pytest.mark.parametrize("sqlite", [True, False], ids=["teks-sqlite", "datetime-postgresql"])
def test_every_generated_event_hash_is_the_general_canonical_json_chained(job, sqlite):
    job = dataclasses.replace(job, sqlite=sqlite)
    rows = _events(job)
    names = demo_gen.EVENT_COLUMNS
    previous: dict[object, str | None] = {}
    kinds: Counter[tuple[object, object]] = Counter()
    for number, row in enumerate(rows):
        event = dict(zip(names, row, strict=True))
        assert event["id"] == job.first_event + number
        # the reference: the general function's text, hashed after the case's previous hash
        text = event_canon.canonical_json(event)
        assert event["hash"] == event_canon._chain_hash(previous.get(event["case_id"]), text)
        previous[event["case_id"]] = event["hash"]
        kinds[(event["action"], event["decision"])] += 1
    for kind in [(ACTION_OPEN, None), (ACTION_COMPLETE, None), (ACTION_DECIDE, "ya"),
                 (ACTION_DECIDE, "tidak"), (ACTION_STOP, None)]:
        assert kinds[kind] >= 5, kinds  # every kind of event, many times


@pytest.mark.parametrize("sqlite", [True, False], ids=["teks-sqlite", "datetime-postgresql"])
def test_each_case_entry_is_the_global_chain_entry_ledger_append_writes(job, sqlite):
    """The generator chains the global entries itself: each names its case's last event and
    hash, digests the case row as ledger.state_digest does and chains as ledger.append."""
    job = dataclasses.replace(job, sqlite=sqlite)
    last: dict[object, tuple[object, object]] = {}
    entries: list[tuple[object, ...]] = []
    cases: dict[object, tuple[object, ...]] = {}
    for item in demo_gen.batches(job):
        if isinstance(item, demo_gen.DemoBatch):
            last.update({row[1]: (row[0], row[-1]) for row in item.event_rows})
            cases.update({row[0]: row for row in item.case_rows})
            entries.extend(item.entries)
    assert len(entries) == 700
    seq, previous = job.ledger_head
    order = [demo_gen.CASE_COLUMNS.index(c) for c in ledger.CASE_COLUMNS]
    for number, kind, ref, event, state, stamp, chained in entries:
        assert event == last[ref][0] and kind == ledger.KIND_CASE
        row = cases[ref]
        assert state == ledger.state_digest(kind, [row[i] for i in order])
        assert number == seq + 1 and stamp == job.ledger_stamp
        seq, previous = number, ledger.entry_hash(previous, number, kind, ref, event,
                                                  last[ref][1], state)
        assert chained == previous


def test_a_prepared_format_gives_the_general_text_for_any_values():
    fixed = {"action": "catat", "note": "100% lengkap \"ya\" \u00e9", "from_step": 3,
             "position": None, "attachments": "[]", "on_time": True}
    form, slots = event_canon.event_format(fixed)
    assert slots == ("at", "case", "decision", "due", "on_behalf_of", "recorded_at",
                     "seconds_taken", "to_step", "user")
    for values in [
        {"at": "2026-03-02 08:10:00", "case": 7, "decision": "tidak", "due": None,
         "on_behalf_of": 4, "recorded_at": dt.datetime(2026, 3, 2, 8, 10),
         "seconds_taken": 600.0, "to_step": None, "user": 12},
        {"at": dt.datetime(2025, 12, 31, 23, 50), "case": 1, "decision": None,
         "due": "2026-01-05 16:00:00", "on_behalf_of": None, "recorded_at": "x%sy",
         "seconds_taken": 0, "to_step": 9, "user": 3},
    ]:
        text = form % tuple(event_canon.value_json(name, values[name]) for name in slots)
        assert text == event_canon.canonical_json({**fixed, **values})


def test_a_prepared_format_refuses_a_field_that_is_not_hashed():
    with pytest.raises(ValueError, match="hash"):
        event_canon.event_format({"action": "catat", "id": 5})


def test_ten_after_counts_as_the_datetime_arithmetic_it_replaces():
    import random

    rng = random.Random(4)
    midnight, ten, us = dt.datetime(2000, 1, 1), dt.timedelta(minutes=10), dt.timedelta(0, 0, 1)
    cases = [(rng.randint(0, 10**15), rng.randint(1, 10**12),
              rng.choice([0.2 + 0.8 * rng.random(), 1.0 + 2.0 * rng.random(),
                          10 + 50 * rng.random()])) for _ in range(20000)]
    # exact halves of a microsecond right at a ten-minute mark (rounded half to even)
    cases += [(600_000_000 - 100 + start, span, factor) for start in range(0, 40, 3)
              for span in range(1, 120) for factor in (0.5, 1.5, 2.5, 0.25)]
    for start, span, factor in cases:
        t = midnight + dt.timedelta(microseconds=start)
        expected = midnight + (t + dt.timedelta(microseconds=span) * factor - midnight) \
            // ten * ten + ten
        assert demo_gen.ten_after(start, span, factor) == (expected - midnight) // us
