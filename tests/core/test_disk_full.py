"""A full disk during a transition: a clear message naming the cause, nothing half-applied.

SQLite's `max_page_count` makes the real file refuse to grow exactly as a full disk does
(SQLITE_FULL, "database or disk is full"), on the real file and through the real engine.
"""

from __future__ import annotations

import errno
import sqlite3

import pytest

import sop_desktop.storage.db as dbm
from sop_desktop.errors import StorageError, storage_error
from tests.core.office_support import Office, install_sample, open_case


def _fill_disk(services) -> None:
    """From now on the database file may not grow by a single page."""
    pages = dbm.database.execute_sql("PRAGMA page_count").fetchone()[0]
    dbm.database.execute_sql(f"PRAGMA max_page_count = {pages}")


def _free_disk() -> None:
    dbm.database.execute_sql("PRAGMA max_page_count = 4294967294")


def _move(services, office, number, note=""):
    case = services.cases.get(number)
    step = services.cases.definition(case).step(case.current_step)
    if step.kind == "decision":
        services.cases.decide(number, office.actor(case), "tidak", note=note)
    else:
        services.cases.advance(number, office.actor(case), note=note)


def test_full_disk_during_transition_applies_nothing_and_says_why(services, db_path):
    install_sample(services)
    office = Office(services)
    number = open_case(services, office, "CONTOH")
    case = services.cases.get(number)
    before_step, before_events = case.current_step, len(services.cases.history(case))
    # bulk the history so the next event needs a fresh page; Tidak at the decision loops back
    _fill_disk(services)
    with pytest.raises(StorageError) as info:
        for _ in range(500):
            _move(services, office, number, note="x" * 3000)
            case = services.cases.get(number)
            assert case.status == "berjalan"
            before_step, before_events = case.current_step, len(services.cases.history(case))
    message = str(info.value)
    assert "Disk penyimpanan penuh" in message and "tidak disimpan" in message
    # nothing half-applied: the case and its history agree with the last acknowledged state
    case = services.cases.get(number)
    assert case.current_step == before_step
    assert len(services.cases.history(case)) == before_events
    assert services.cases.last_event(case).to_step == case.current_step
    _free_disk()
    assert dbm.database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    _move(services, office, number)  # works again once space is freed
    assert len(services.cases.history(services.cases.get(number))) == before_events + 1


def test_storage_error_names_the_cause():
    assert "Disk penyimpanan penuh" in str(storage_error(sqlite3.OperationalError(
        "database or disk is full")))
    assert "Disk penyimpanan penuh" in str(storage_error(OSError(errno.ENOSPC, "No space left")))
    assert "baca/tulis" in str(storage_error(sqlite3.OperationalError("disk I/O error")))
    assert storage_error(ValueError("something else")) is None
