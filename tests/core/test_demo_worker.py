"""The demo fill's worker process (issue 19): a worker generates the batches while the fill's
process writes them; the data is the same as when made in one process, a worker that cannot
start or dies is replaced by the fill's own process, and a fill that fails leaves nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import multiprocessing.spawn
import random
import sqlite3
import sys
from multiprocessing import resource_tracker

import pytest

from sop_desktop.ops import demo, demo_gen, demo_worker
from sop_desktop.services.container import Services
from sop_desktop.storage import integrity, ledger

NOW = dt.datetime(2026, 12, 7, 10, 0)
CASES = 1100  # enough for the bulk path (indexes dropped and rebuilt)
BATCH = 300  # four batches of whole cases (the last one short)


def _contents(services: Services) -> dict[str, list[tuple[object, ...]]]:
    """Everything a fill writes that does not depend on the database's own random ids."""
    db = services.db
    return {
        "cases": db.execute_sql('SELECT * FROM "cases" ORDER BY "id"').fetchall(),
        "history": db.execute_sql('SELECT * FROM "history" ORDER BY "id"').fetchall(),
        # the chain's hashes start from the database's own random ledger id: the entries
        "ledger": db.execute_sql('SELECT "seq", "kind", "ref", "event", "state" FROM "ledger" '
                                 'ORDER BY "seq"').fetchall(),
        "counter": db.execute_sql('SELECT * FROM "counter" ORDER BY 1, 2').fetchall(),
        "indexes": db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                  "ORDER BY name").fetchall(),
    }


def _fill(services: Services, worker: bool) -> demo.DemoResult:
    return demo.fill(services, CASES, seed=5, now=NOW, password="pelatihan-1", worker=worker)


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "FLUSH_CASES", BATCH)


def _reference(tmp_path) -> tuple[demo.DemoResult, dict[str, list[tuple[object, ...]]]]:
    with Services(str(tmp_path / "satu-proses.sqlite3")) as other:
        result = _fill(other, worker=False)
        return result, _contents(other)


def test_a_fill_by_a_worker_writes_what_one_process_writes_and_passes_the_check(
        services, tmp_path, small_batches):
    result = _fill(services, worker=True)
    expected_result, expected = _reference(tmp_path)
    assert result == expected_result and result.cases == CASES
    found = _contents(services)
    for table, rows in expected.items():
        assert found[table] == rows, table
    assert len(found["history"]) == result.events > CASES
    assert multiprocessing.active_children() == []  # the worker has ended
    checks = {f.check: f for f in integrity.run_checks(services, anchor=None)}
    assert all(f.ok for f in checks.values()), [
        (f.check, f.problems[:3]) for f in checks.values() if not f.ok]


def test_a_worker_that_cannot_start_leaves_the_work_to_the_fill(
        services, tmp_path, small_batches):
    # a Python that cannot be started (as a frozen app without multiprocessing support)
    resource_tracker.ensure_running()  # multiprocessing's own helper, started with Python
    python = multiprocessing.spawn.get_executable()
    multiprocessing.spawn.set_executable(str(tmp_path / "tidak-ada"))
    try:
        result = _fill(services, worker=True)
    finally:
        multiprocessing.spawn.set_executable(python)
    expected_result, expected = _reference(tmp_path)
    assert result == expected_result
    assert _contents(services) == expected


def _job(services: Services, cases: int) -> demo_gen.DemoJob:
    """A job as fill() makes it (users made, ids read), with small batches."""
    defs = [d for d in services.sops.latest_all() if not d.incomplete and d.steps]
    rng = random.Random(9)
    with services.db.atomic():
        people = demo.ensure_users(services, rng, "pelatihan-2")
        job = demo._job(services, rng, NOW, cases, defs, people)
    job.batch = BATCH
    return job


def test_a_worker_that_dies_midway_is_finished_by_the_fill(services):
    job = _job(services, CASES)
    expected = list(demo_gen.batches(job))
    items = demo_worker.generate(job, demo_worker.start())
    got = [next(items)]
    (worker,) = multiprocessing.active_children()
    worker.kill()  # the worker ends without a word (killed, out of memory...)
    worker.join(timeout=10)
    got.extend(items)
    assert got == expected and isinstance(got[-1], demo_gen.DemoTotals)
    assert got[-1].cases == CASES and len(got) == 5


def test_the_batches_skipped_on_a_restart_are_those_already_delivered(services):
    job = dataclasses.replace(_job(services, CASES), first_batch=100)  # a small first one
    everything = list(demo_gen.batches(job))
    assert [len(b.case_rows) for b in everything[:-1]] == [100, BATCH, BATCH, BATCH, 100]
    # the global chain goes on from the last entry written
    last = everything[1].entries[-1]
    restart = dataclasses.replace(job, ledger_head=(last[0], last[-1]))
    assert list(demo_gen.batches(restart, skip=2)) == everything[2:]
    assert everything[1].event_rows[0][0] == everything[0].event_rows[-1][0] + 1
    assert everything[2].entries[0][0] == last[0] + 1


def test_closing_the_batches_early_stops_the_worker(services):
    items = demo_worker.generate(_job(services, CASES), demo_worker.start())
    next(items)
    assert len(multiprocessing.active_children()) == 1
    items.close()  # what the fill does on an error or Ctrl+C
    assert multiprocessing.active_children() == []


def test_a_fill_that_fails_while_writing_leaves_no_case_and_no_worker(
        services, db_path, small_batches):
    # a real write error in the third batch: SQLite refuses that case row
    services.db.execute_sql(
        'CREATE TRIGGER refuse_case BEFORE INSERT ON "cases" WHEN NEW."id" = 700 '
        "BEGIN SELECT RAISE(ABORT, 'disk penuh (uji)'); END")
    with pytest.raises(Exception, match="disk penuh"):
        _fill(services, worker=True)
    assert multiprocessing.active_children() == []
    services.close()
    con = sqlite3.connect(str(db_path))
    try:
        counts = [con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
                  for t in ("cases", "history", "ledger", "user")]
        assert counts == [0, 0, 0, 0]
        indexes = con.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND "
                              "tbl_name IN ('cases', 'history')").fetchone()[0]
        assert indexes > 0  # the dropped indexes came back with the rollback
    finally:
        con.close()


@pytest.mark.skipif(sys.platform == "win32", reason="the signal is POSIX's")
def test_a_worker_interrupted_by_ctrl_c_ends_quietly(services, capfd):
    import os
    import signal
    import time

    items = demo_worker.generate(_job(services, 4 * CASES), demo_worker.start())
    next(items)
    (worker,) = multiprocessing.active_children()
    os.kill(worker.pid, signal.SIGINT)  # Ctrl+C reaches every process of the console
    worker.join(timeout=20)
    time.sleep(0.1)
    assert worker.exitcode == 0
    assert "Traceback" not in capfd.readouterr().err
    items.close()


def test_values_json_kept_between_batches_gives_the_same_digests():
    """A bulk writer's caches span its batches: a value of another type in a later batch
    (True after 1, 1.0 after 1) must not take the earlier one's JSON."""
    when = dt.datetime(2026, 3, 2, 8, 30)
    first = [(1, "001/A", 3, "SOP-A", 2026, 1, "berjalan", 2, 1, 4, when, when,
              '{"nama": "Siti"}', 2, when, when, None)]
    second = [(2, "002/A", 3.0, "SOP-A", True, 1.0, "berjalan", 2, True, 4, when,
               when.isoformat(" "), '{"nama": "Siti"}', 2, when, when, when)]
    caches: dict = {}
    for rows in (first, second, first):
        assert ledger.state_digests(ledger.KIND_CASE, rows, caches) == [
            ledger.state_digest(ledger.KIND_CASE, row) for row in rows]
    columns = demo_gen.HISTORY_COLUMNS
    text = when.isoformat(" ")
    events = [[(1, "lanjut", 1, 2, None, 2, 1, None, text, text, "1", "[]", 60, text, True)],
              [(2, "lanjut", 1, 2, None, 2, 1, None, when, text, "1", "[]", 60.0, text, 1)],
              [(3, "lanjut", True, 2.0, None, 2, 1, None, text, when, "", [], 0, None, False)]]
    json_caches: dict = {}
    for rows in events:
        hashes = integrity.chain_hashes(columns, rows, previous={}, caches=json_caches)
        assert hashes == [integrity.event_hash(None, dict(zip(columns, row, strict=True)))
                          for row in rows]
