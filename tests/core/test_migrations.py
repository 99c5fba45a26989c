"""Schema upgrades: populated version-1 and version-2 files are brought up to date in place, each
after a backup (version 3 chains the existing history per case)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from sop_desktop.storage import db as dbm
from sop_desktop.storage import integrity, migrations
from tests.core.chain_support import expected_anchor
from tests.core.migrations_support import populate_v2, seed_rows


def _populate_v1(path):
    """A version-1 database with an SOP, users and cases (one open at a timed step)."""
    migrations.create_v1_database(str(path))
    con = sqlite3.connect(str(path))
    with con:
        seed_rows(con)
        rows = [
            # open at step 2 (2 hari) since Tuesday 17 March 2026 10:00
            (1, "0001/CONTOH/III/2026", 1, "CONTOH", 2026, 1, "berjalan", 2, "Petugas Uji", 2,
             "2026-03-17 10:00:00", "{}", 1, "2026-03-17 09:00:00", "2026-03-17 09:00:00", None,
             "2026-03-17 10:00:00"),
            # finished
            (2, "0002/CONTOH/III/2026", 1, "CONTOH", 2026, 2, "selesai", None, None, None,
             "2026-03-18 10:00:00", "{}", 1, "2026-03-02 09:00:00", "2026-03-02 09:00:00",
             "2026-03-18 10:00:00", "2026-03-18 10:00:00"),
        ]
        con.executemany(
            "INSERT INTO cases (id, number, sop_version_id, sop_code, year, seq, status, current_step, "
            "current_lane, current_position_id, step_started_at, fields, created_by_id, created_at, "
            "recorded_at, closed_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        con.executemany(
            "INSERT INTO history (case_id, action, from_step, to_step, user_id, at, recorded_at, "
            "note, attachments) VALUES (?,?,?,?,1,?,?,'','[]')",
            [(1, "buka", None, 1, "2026-03-17 09:00:00", "2026-03-17 09:00:00"),
             (1, "lanjut", 1, 2, "2026-03-17 10:00:00", "2026-03-17 10:00:00"),
             (2, "buka", None, 1, "2026-03-02 09:00:00", "2026-03-02 09:00:00")])
        con.execute("INSERT INTO counter (key, year, value) VALUES ('agenda:CONTOH', 2026, 2)")
    con.close()


def test_v1_file_is_upgraded_in_place_with_a_backup(tmp_path, _isolated_home):
    from sop_desktop.services.container import Services

    path = tmp_path / "lama.sqlite3"
    _populate_v1(path)
    con = sqlite3.connect(str(path))
    assert "current_due" not in [r[1] for r in con.execute("PRAGMA table_info(cases)")]
    con.close()

    with Services(str(path), seed=False) as svc:
        assert migrations.current_version(svc.db) == migrations.SCHEMA_VERSION >= 4
        cols = [c.name for c in svc.db.get_columns("cases")]
        assert "current_due" in cols
        first = svc.cases.get("0001/CONTOH/III/2026")
        # filled from the calendar: 2 working days after 17 March 2026 (holidays in between)
        assert first.current_due == dt.datetime(2026, 3, 26, 10, 0)
        assert svc.cases.get("0002/CONTOH/III/2026").current_due is None
        assert [e.action for e in svc.cases.history(first)] == ["buka", "lanjut"]
        assert svc.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert svc.db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        assert svc.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        names = {r[0] for r in svc.db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")}
        assert "cases_current_position_id_status_current_due" in names
        assert {"history_no_update", "history_no_delete"} <= names
        # the upgraded file keeps working: numbering continues, inbox sees the old case
        page = svc.inbox.for_position("Petugas Uji")
        assert [i.number for i in page.items] == ["0001/CONTOH/III/2026"]

    backups = list((_isolated_home / "backups").glob("sop-desktop-*-pre-migration.sqlite3"))
    assert len(backups) == 1
    old = sqlite3.connect(str(backups[0]))
    assert old.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("1",)
    assert old.execute("SELECT COUNT(*) FROM cases").fetchone() == (2,)
    old.close()


def test_a_fresh_database_takes_no_backup(tmp_path, _isolated_home):
    from sop_desktop.services.container import Services

    with Services(str(tmp_path / "baru.sqlite3"), seed=False) as svc:
        assert migrations.current_version(svc.db) == migrations.SCHEMA_VERSION
    assert not (_isolated_home / "backups").exists()


def test_a_failing_migration_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    import peewee as pw

    path = tmp_path / "lama.sqlite3"
    _populate_v1(path)

    def broken(database):
        migrations.rebuild_sqlite_table(database, dbm.Case)
        raise RuntimeError("listrik padam di tengah migrasi")

    monkeypatch.setitem(migrations.MIGRATIONS, 2, broken)
    db = dbm.make_database(str(path))
    dbm.database.initialize(db)
    db.connect()
    with pytest.raises(RuntimeError):
        migrations.migrate(db)
    assert migrations.current_version(db) == 1
    assert "current_due" not in [c.name for c in db.get_columns("cases")]
    assert db.execute_sql("SELECT COUNT(*) FROM cases").fetchone()[0] == 2
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()
    assert isinstance(db, pw.SqliteDatabase)


def test_a_newer_schema_is_refused(tmp_path):
    from sop_desktop.errors import SopError
    from sop_desktop.services.container import Services

    path = tmp_path / "baru.sqlite3"
    with Services(str(path), seed=False):
        pass
    con = sqlite3.connect(str(path))
    with con:
        con.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    con.close()
    with pytest.raises(SopError, match="lebih baru"):
        Services(str(path), seed=False)


# -- version 2 -> 3: the history hash chain ----------------------------------------------------

def test_v2_file_gets_a_valid_hash_chain(tmp_path, _isolated_home):
    from sop_desktop.services.container import Services

    path = tmp_path / "v2.sqlite3"
    populate_v2(path)
    with Services(str(path), seed=False) as svc:
        assert migrations.current_version(svc.db) == migrations.SCHEMA_VERSION
        rows = list(dbm.History.select().order_by(dbm.History.id).dicts())
        assert len(rows) == 7 and all(r["hash"] for r in rows)
        # per case, in id order: each hash covers the previous event of the same case
        previous = {}
        for row in rows:
            assert row["hash"] == integrity.event_hash(previous.get(row["case"]), row)
            previous[row["case"]] = row["hash"]
        finding = integrity.check_history_chain(svc.db)
        assert finding.ok and "7 peristiwa" in finding.message
        assert integrity.check_case_states(svc.db).ok
        assert integrity.latest_chain_hash() == expected_anchor(rows)
        # the append-only guard is back after the backfill
        names = {r[0] for r in svc.db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"history_no_update", "history_no_delete"} <= names
        with pytest.raises(Exception, match="tidak boleh diubah"):
            dbm.History.update(note="x").where(dbm.History.id == rows[0]["id"]).execute()
        # a new event chains onto the migrated chain of its case
        operator = dbm.User.get_by_id(1)
        event = svc.cases.record_event("0001/CONTOH/III/2026", operator, "catatan", "arsip")
        case_one = [r for r in rows if r["case"] == 1]
        stored = dbm.History.select().where(dbm.History.id == event.id).dicts().get()
        assert stored["hash"] == integrity.event_hash(case_one[-1]["hash"], stored)
        assert integrity.check_history_chain(svc.db).ok
    backups = list((_isolated_home / "backups").glob("sop-desktop-*-pre-migration.sqlite3"))
    assert len(backups) == 1
    old = sqlite3.connect(str(backups[0]))
    assert old.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("2",)
    assert "hash" not in [r[1] for r in old.execute("PRAGMA table_info(history)")]
    assert old.execute("SELECT COUNT(*) FROM history").fetchone() == (7,)
    old.close()


def test_a_failing_chain_migration_leaves_the_v2_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "v2.sqlite3"
    populate_v2(path)

    def broken(database):
        migrations._v3(database)  # column added, chain written, guard back...
        raise RuntimeError("listrik padam di tengah migrasi")

    monkeypatch.setitem(migrations.MIGRATIONS, 3, broken)
    db = dbm.make_database(str(path))
    dbm.database.initialize(db)
    db.connect()
    with pytest.raises(RuntimeError):
        migrations.migrate(db)
    db.close()
    con = sqlite3.connect(str(path))
    assert con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("2",)
    assert "hash" not in [r[1] for r in con.execute("PRAGMA table_info(history)")]
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"history_no_update", "history_no_delete"} <= names
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()

