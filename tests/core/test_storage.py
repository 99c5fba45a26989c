"""Storage settings for unreliable power and two processes on one file."""

from __future__ import annotations

import sqlite3

import pytest

from sop_desktop.errors import SopError
from sop_desktop.storage import db as dbm


def test_sqlite_pragmas_are_set(services):
    db = services.db
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_write_transactions_begin_immediate(services):
    statements = []
    services.db.connection().set_trace_callback(statements.append)
    try:
        with dbm.database.atomic():
            dbm.Setting.replace(key="uji", value=1).execute()
    finally:
        services.db.connection().set_trace_callback(None)
    assert statements[0] == "BEGIN IMMEDIATE"
    assert statements[-1] == "COMMIT"


def test_a_second_writer_waits_instead_of_failing(services, db_path):
    """While one transaction holds the write lock another connection cannot start writing."""
    other = sqlite3.connect(str(db_path), timeout=0)
    with dbm.database.atomic():
        dbm.Setting.replace(key="uji", value=1).execute()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")  # free again after commit
    other.execute("ROLLBACK")
    other.close()


def test_foreign_keys_are_enforced(services):
    import peewee as pw

    with pytest.raises(pw.IntegrityError):
        with dbm.database.atomic():
            dbm.UserPosition.create(user=999, position=999)


@pytest.mark.parametrize("target", [r"\\server\share\sop.sqlite3", "//server/share/sop.sqlite3"])
def test_network_share_is_refused_with_a_pointer_to_postgresql(target):
    with pytest.raises(SopError) as err:
        dbm.make_database(target)
    assert "jaringan" in str(err.value) and "PostgreSQL" in str(err.value)


def test_unknown_url_scheme_is_refused():
    with pytest.raises(SopError, match="tidak dikenal"):
        dbm.make_database("mysql://x/y")


def test_database_target_from_environment(monkeypatch, tmp_path):
    from sop_desktop.services.container import Services

    path = tmp_path / "lain.sqlite3"
    monkeypatch.setenv("SOP_DESKTOP_DB", str(path))
    with Services() as svc:
        assert svc.target == str(path)
    assert path.exists()


def test_sqlite_url_works(tmp_path):
    from sop_desktop.services.container import Services

    path = tmp_path / "url.sqlite3"
    with Services(f"sqlite:///{path}", seed=False):
        pass
    assert path.exists()
