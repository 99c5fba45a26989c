"""The demo fill's batches from a worker process, while the fill's own process writes.

A big fill is two kinds of work of about the same size: generating and hashing the cases (pure
Python, sop_desktop.ops.demo_gen) and writing them (SQLite or PostgreSQL). One worker process
(started with "spawn", as on Windows; the frozen app calls multiprocessing.freeze_support() in
installers/launcher.py) generates batch after batch onto a bounded queue while the fill's
process writes the previous one, so the two overlap on a PC with two or more cores. The same
job gives the same batches wherever they are made.

When the worker cannot start, dies or fails, the batches it has not delivered are made in the
fill's own process (the ones already written are generated again but skipped, so the data is
the same); a failure of the generator itself then surfaces there, with its own message.
Closing the iterator (the fill's error, Ctrl+C) stops the worker.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import queue as queue_module
from collections.abc import Generator, Iterator
from multiprocessing.queues import Queue
from typing import Any

from sop_desktop.ops.demo_gen import DemoBatch, DemoJob, DemoTotals, batches

QUEUE_BATCHES = 2  # batches the worker may run ahead of the writer (each ~50,000 events)
_POLL_SECONDS = 1.0
_FAILED = "gagal"  # what the worker sends instead of a batch when the generator failed


def _work(jobs: Queue[Any], out: Queue[Any]) -> None:
    """The worker process: waits for its job, then puts every batch onto `out` and then the
    totals (or _FAILED); gives up when the fill's process is gone before sending the job."""
    try:
        job = None
        parent = multiprocessing.parent_process()
        while job is None:
            try:
                job = jobs.get(timeout=_POLL_SECONDS)
            except queue_module.Empty:
                if parent is not None and not parent.is_alive():
                    return
        for item in batches(job):
            out.put(item)
    except KeyboardInterrupt:  # Ctrl+C reaches the whole console group: the fill stops too
        out.cancel_join_thread()  # end now, without waiting to hand over what is queued
    except BaseException:  # the fill's process generates the rest itself, error and all
        out.put(_FAILED)


class Worker:
    """A worker process started ahead (its start overlaps the fill's preparations); the job
    goes to it through a queue, so a process that cannot run never blocks the fill."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.jobs: Queue[Any] = context.Queue(1)
        self.out: Queue[Any] = context.Queue(QUEUE_BATCHES)
        self.process = context.Process(target=_work, args=(self.jobs, self.out),
                                       name="sop-desktop-demo", daemon=True)
        self.process.start()

    def stop(self, finished: bool = False) -> None:
        """Wait for the worker to end (`finished`: it sent everything), else end it."""
        if finished:
            self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(timeout=10)
        self.jobs.cancel_join_thread()  # a job never taken (the worker did not run) is dropped


def start() -> Worker | None:
    """A worker process, started; None when this Python cannot start one."""
    try:
        return Worker()
    except Exception:  # whatever stops it (no Python to start, no pipes...): work here
        return None


def generate(job: DemoJob, worker: Worker | None) -> Generator[DemoBatch | DemoTotals, None, None]:
    """The fill's batches and then its totals: from `worker` (when there is one), else (or
    for what it did not deliver) made here. Closing it early stops the worker."""
    delivered, head = 0, job.ledger_head
    if worker is not None:
        finished = False
        try:
            worker.jobs.put(job)
            for item in _receive(worker):
                yield item
                if isinstance(item, DemoTotals):
                    finished = True
                    return
                delivered += 1
                if item.entries:  # the global chain goes on from its last entry
                    head = (item.entries[-1][0], item.entries[-1][-1])
        finally:
            worker.stop(finished)
    yield from batches(dataclasses.replace(job, ledger_head=head), skip=delivered)


def _receive(worker: Worker) -> Iterator[DemoBatch | DemoTotals]:
    """The worker's items until its totals; stops early when it failed or died."""
    while True:
        try:
            item = worker.out.get(timeout=_POLL_SECONDS)
        except queue_module.Empty:
            if worker.process.is_alive():
                continue
            try:  # what it sent just before it ended
                item = worker.out.get(timeout=_POLL_SECONDS)
            except queue_module.Empty:
                return
        if isinstance(item, str):  # _FAILED
            return
        yield item
        if isinstance(item, DemoTotals):
            return
