"""Backups, restore, retention, the start-up check on damaged files and the instance lock."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sop_desktop.storage import backup as bk
from sop_desktop.storage import db as dbm
from sop_desktop.storage import migrations
from tests.conftest import ROOT, run_cli
from tests.core.chain_support import expected_anchor, office_with_cases
from tests.core.migrations_support import populate_v2

WRITER = r"""
import json, os, sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
conn.execute("PRAGMA busy_timeout=30000")
stop = sys.argv[2]
deadline = time.monotonic() + 120
i = 0
while i < 200000 and time.monotonic() < deadline and not os.path.exists(stop):
    conn.execute("INSERT INTO setting(key, value) VALUES (?, ?)", ("w%d" % i, json.dumps(i)))
    print(i, flush=True)  # acknowledged: committed before this line is written
    i += 1
"""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_ten_backups_while_another_process_writes(services, db_path, tmp_path):
    stop = tmp_path / "stop"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), str(stop)],
                            stdout=subprocess.PIPE, text=True)
    acked = {"n": -1}

    def reader():
        for line in proc.stdout:
            acked["n"] = int(line)

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    try:
        previous = -1
        for k in range(10):
            # let the writer make progress between backups (bounded wait)
            for _ in range(2000):
                if acked["n"] >= previous + 3:
                    break
                time.sleep(0.005)
            before = acked["n"]
            assert before > previous, "writer made no progress"
            path = bk.create_backup(services, tmp_path / f"b{k}.sqlite3")
            previous = before
            assert bk.verify_backup_file(path) == migrations.SCHEMA_VERSION
            conn = sqlite3.connect(path)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                keys = {r[0] for r in conn.execute("SELECT key FROM setting WHERE key LIKE 'w%'")}
                assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
            finally:
                conn.close()
            missing = [i for i in range(before + 1) if f"w{i}" not in keys]
            assert not missing, f"backup {k} lacks acknowledged writes {missing[:5]}"
    finally:
        stop.touch()
        proc.wait(timeout=60)
        thread.join(timeout=10)
        proc.stdout.close()
    assert proc.returncode == 0
    assert not list(tmp_path.glob("*.part"))


def test_restore_round_trip(services, db_path):
    dbm.set_setting("office.name", "Kanwil A")
    dbm.Position.create(name="Penjaga Arsip")
    saved = bk.create_backup(services)
    assert saved.parent == bk.default_backup_folder()
    assert bk.parse_backup_name(saved.name)[1] == "manual"

    dbm.set_setting("office.name", "Kanwil B")
    dbm.Position.delete().where(dbm.Position.name == "Penjaga Arsip").execute()
    dbm.Position.create(name="Pengelola Baru")

    before = bk.restore(services, saved)
    assert dbm.get_setting("office.name") == "Kanwil A"
    assert dbm.Position.get_or_none(dbm.Position.name == "Penjaga Arsip") is not None
    assert dbm.Position.get_or_none(dbm.Position.name == "Pengelola Baru") is None
    # the contents just replaced were backed up first
    assert bk.parse_backup_name(before.name)[1] == "pre-restore"
    conn = sqlite3.connect(before)
    assert conn.execute("SELECT value FROM setting WHERE key='office.name'").fetchone()[0] == '"Kanwil B"'
    conn.close()
    # the live file is still the same WAL database and intact
    assert services.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert services.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    services.close()
    from sop_desktop.services.container import Services

    with Services(str(db_path), seed=False):
        assert dbm.get_setting("office.name") == "Kanwil A"


def _sqlite_file(path: Path, sql: str) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.close()
    return path


def test_restore_refuses_wrong_files_and_leaves_db_alone(services, tmp_path):
    dbm.set_setting("office.name", "Tetap")
    text = tmp_path / "catatan.sqlite3"
    text.write_text("bukan basis data\n", encoding="utf-8")
    other = _sqlite_file(tmp_path / "lain.sqlite3", "CREATE TABLE x(a); INSERT INTO x VALUES (1);")
    newer = tmp_path / "baru.sqlite3"
    bk.create_backup(services, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE meta SET value=? WHERE key='schema_version'",
                 (str(migrations.SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    messages = {}
    for name, path in (("text", text), ("other", other), ("newer", newer),
                       ("missing", tmp_path / "tidak-ada.sqlite3")):
        with pytest.raises(bk.BackupError) as err:
            bk.restore(services, path)
        messages[name] = str(err.value)
    assert "bukan" in messages["text"] and "SQLite" in messages["text"]
    assert "bukan cadangan basis data SOP Desktop" in messages["other"]
    assert "lebih baru" in messages["newer"]
    assert "tidak ditemukan" in messages["missing"]
    assert dbm.get_setting("office.name") == "Tetap"
    assert not list(bk.default_backup_folder().glob("*pre-restore*"))  # nothing was attempted


def test_retention_schedule_keeps_7_daily_4_weekly_12_monthly():
    # one backup a day at 02:00 from 1 Jan 2025 to Sat 21 Nov 2026, plus an earlier one each day
    stamps = []
    day = dt.date(2025, 1, 1)
    while day <= dt.date(2026, 11, 21):
        stamps.append(dt.datetime.combine(day, dt.time(2, 0)))
        stamps.append(dt.datetime.combine(day, dt.time(1, 0)))
        day += dt.timedelta(days=1)
    keep = bk.backups_to_keep(stamps)
    at2 = lambda y, m, d: dt.datetime(y, m, d, 2, 0)  # noqa: E731 - the newest of each day
    daily = {at2(2026, 11, d) for d in range(15, 22)}  # 15–21 November
    # ISO weeks: 16–22 Nov -> 21 Nov, 9–15 Nov -> 15 Nov (both daily already), 2–8 Nov -> 8 Nov,
    # 26 Oct–1 Nov -> 1 Nov
    weekly = {at2(2026, 11, 21), at2(2026, 11, 15), at2(2026, 11, 8), at2(2026, 11, 1)}
    # the last day of each of the 12 newest months: Nov 2026 (21st) back to Dec 2025
    monthly = {at2(2026, 11, 21), at2(2026, 10, 31), at2(2026, 9, 30), at2(2026, 8, 31),
               at2(2026, 7, 31), at2(2026, 6, 30), at2(2026, 5, 31), at2(2026, 4, 30),
               at2(2026, 3, 31), at2(2026, 2, 28), at2(2026, 1, 31), at2(2025, 12, 31)}
    assert keep == daily | weekly | monthly
    assert len(keep) == 20
    # fewer backups than the schedule allows: everything is kept
    few = [dt.datetime(2026, 1, d, 12) for d in (1, 9, 20)]
    assert bk.backups_to_keep(few) == set(few)
    assert bk.backups_to_keep([]) == set()


def test_prune_backups_on_files(tmp_path):
    folder = tmp_path / "cadangan"
    folder.mkdir()
    start = dt.datetime(2026, 1, 1, 16, 30)
    for n in range(60):
        when = start + dt.timedelta(days=n)
        (folder / bk.backup_name(when, "on close")).write_bytes(b"x")
    for n in range(8):
        (folder / bk.backup_name(start + dt.timedelta(days=n, minutes=1), "pre-restore")).write_bytes(b"x")
    (folder / "catatan.txt").write_text("milik pengguna")
    deleted = bk.prune_backups(folder)
    left = bk.list_backups(folder)
    routine = {b.when for b in left if b.reason == "on-close"}
    # 60 days from 1 Jan: 1 Jan–1 Mar 2026. Daily: 23 Feb–1 Mar (the 7 newest days);
    # weekly (newest per ISO week): 1 Mar (Sun, week 9), 22 Feb (week 8), 15 Feb (week 7), 8 Feb
    # (week 6); monthly: 1 Mar, 28 Feb, 31 Jan.
    expected_days = {dt.date(2026, 2, d) for d in range(23, 29)} | {dt.date(2026, 3, 1)}
    expected_days |= {dt.date(2026, 2, 22), dt.date(2026, 2, 15), dt.date(2026, 2, 8),
                      dt.date(2026, 1, 31)}
    assert {w.date() for w in routine} == expected_days
    safety = [b for b in left if b.reason == "pre-restore"]
    assert len(safety) == bk.SAFETY_KEEP
    assert {b.when.date() for b in safety} == {dt.date(2026, 1, d) for d in range(4, 9)}
    assert (folder / "catatan.txt").exists()
    assert len(deleted) == 60 + 8 - len(left)


def test_backup_names_round_trip():
    when = dt.datetime(2026, 11, 21, 17, 5, 9)
    assert bk.backup_name(when) == "sop-desktop-20261121-170509.sqlite3"
    assert bk.parse_backup_name(bk.backup_name(when)) == (when, "manual")
    assert bk.parse_backup_name(bk.backup_name(when, "pre-migration", serial=2)) == (when, "pre-migration")
    assert bk.parse_backup_name("sop-desktop-20261321-170509.sqlite3") is None
    assert bk.parse_backup_name("laporan.sqlite3") is None
    with pytest.raises(ValueError):
        bk.backup_name(when, "sembarang")


def test_auto_backup_reasons_daily_and_configured_folder(services, tmp_path):
    usb = tmp_path / "usb" / "SOP"
    bk.set_backup_folder(usb)
    assert bk.backup_folder() == usb
    first = bk.auto_backup(services, "daily")
    assert first.parent == usb and bk.parse_backup_name(first.name)[1] == "daily"
    assert bk.auto_backup(services, "daily") is None  # today already has one
    for reason in ("on close", "pre-migration", "pre-import"):
        path = bk.auto_backup(services, reason)
        assert bk.parse_backup_name(path.name)[1] == reason.replace(" ", "-")
        bk.verify_backup_file(path)
    # retention keeps one routine backup per day (the newest: on close); safety backups stay
    assert sorted(b.reason for b in bk.list_backups(usb)) == ["on-close", "pre-import",
                                                              "pre-migration"]
    assert usb in bk.known_backup_folders()  # remembered outside the database
    with pytest.raises(ValueError):
        bk.auto_backup(services, "kapan saja")
    # migrations hold only a peewee database, not Services
    bare = bk.auto_backup(services.db, "pre-migration")
    assert bare.parent == usb and bk.verify_backup_file(bare) == migrations.SCHEMA_VERSION


def test_backup_to_unusable_folder_gives_clear_message(services, tmp_path):
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    bk.set_backup_folder(blocker / "sub")
    with pytest.raises(bk.BackupError) as err:
        bk.auto_backup(services, "on close")
    assert "Folder cadangan" in str(err.value)


# -- damaged databases -----------------------------------------------------------------------

def _make_good_db(path: Path) -> Path:
    from sop_desktop.services.container import Services

    with Services(str(path), seed=False):
        dbm.set_setting("office.name", "Kanwil Uji")
        with dbm.database.atomic():
            for i in range(300):  # several pages, so damage in the middle can be made
                dbm.Setting.create(key=f"isi{i}", value="x" * 200)
    return path


def _damage(kind: str, path: Path) -> None:
    data = path.read_bytes()
    if kind == "truncated":
        path.write_bytes(data[: len(data) // 3])
    elif kind == "first_page_zeroed":
        path.write_bytes(b"\x00" * 4096 + data[4096:])
    elif kind == "random_bytes":
        path.write_bytes(random.Random(7).randbytes(len(data)))
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("Ini catatan rapat, bukan basis data.\n" * 50, encoding="utf-8")
    elif kind == "damaged_page":
        # overwrite the b-tree page headers of the pages holding the settings
        buf = bytearray(data)
        for page in range(2, len(data) // 4096):
            buf[page * 4096: page * 4096 + 16] = b"\xff" * 16
        path.write_bytes(bytes(buf))
    elif kind == "newer_schema":
        conn = sqlite3.connect(path)
        conn.execute("UPDATE meta SET value=? WHERE key='schema_version'",
                     (str(migrations.SCHEMA_VERSION + 5),))
        conn.commit()
        conn.close()


DAMAGE = {
    "truncated": "corrupt", "first_page_zeroed": "corrupt", "random_bytes": "not_sqlite",
    "empty": "empty", "text": "not_sqlite", "damaged_page": "corrupt", "newer_schema": "newer_schema",
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_startup_check_on_damaged_files_offers_newest_good_backup(kind, tmp_path):
    db = _make_good_db(tmp_path / "kantor.sqlite3")
    folder = bk.default_backup_folder()
    folder.mkdir(parents=True)
    # an older good backup, a newer damaged one (must not be offered) and the newest good one
    old = bk.sqlite_backup(db, folder / bk.backup_name(dt.datetime(2026, 1, 5, 8, 0)))
    good = bk.sqlite_backup(db, folder / bk.backup_name(dt.datetime(2026, 2, 5, 8, 0)))
    broken = folder / bk.backup_name(dt.datetime(2026, 3, 5, 8, 0))
    broken.write_bytes(good.read_bytes()[:5000])
    assert bk.startup_check(db).ok
    _damage(kind, db)
    before = _digest(db)

    result = bk.startup_check(db)

    assert not result.ok
    assert result.kind == DAMAGE[kind]
    assert result.backup is not None and result.backup.path == good != old
    assert str(good) in result.message and "restore" in result.message
    assert "\n" not in result.message and "Traceback" not in result.message
    with pytest.raises(bk.DamagedDatabase) as err:
        bk.check_before_open(str(db))
    assert err.value.result.backup.path == good and str(err.value) == result.message
    assert _digest(db) == before  # the checks changed nothing

    aside = bk.recover_damaged(db, result.backup.path)
    assert _digest(aside) == before  # the damaged file is kept, byte for byte
    from sop_desktop.services.container import Services

    with Services(str(db), seed=False):
        assert dbm.get_setting("office.name") == "Kanwil Uji"
    assert bk.startup_check(db).ok


def test_startup_check_without_any_backup_says_so(tmp_path):
    db = tmp_path / "kantor.sqlite3"
    db.write_text("bukan basis data")
    result = bk.startup_check(db)
    assert not result.ok and result.backup is None
    assert "Tidak ada cadangan" in result.message
    assert bk.startup_check(tmp_path / "belum-ada.sqlite3").kind == "new"


def test_startup_check_accepts_a_foreign_empty_sqlite_only_when_empty(tmp_path):
    other = _sqlite_file(tmp_path / "lain.sqlite3", "CREATE TABLE x(a);")
    assert bk.startup_check(other).kind == "not_sop"


def test_cli_on_damaged_database_prints_one_line(tmp_path):
    db = _make_good_db(tmp_path / "kantor.sqlite3")
    env = {"SOP_DESKTOP_HOME": str(tmp_path / "home")}
    made = run_cli("--db", str(db), "backup", "--json", env=env)
    assert made.returncode == 0, made.stderr
    backup_file = Path(json.loads(made.stdout)["backup"])
    _damage("truncated", db)

    listed = run_cli("--db", str(db), "sop", "list", env=env)
    assert listed.returncode != 0
    assert len(listed.stderr.strip().splitlines()) == 1, listed.stderr
    assert "Traceback" not in listed.stderr

    checked = run_cli("--db", str(db), "check", env=env)
    assert checked.returncode == 1
    assert str(backup_file) in checked.stdout and "Traceback" not in checked.stderr + checked.stdout

    again = run_cli("--db", str(db), "backup", env=env)
    assert again.returncode == 1 and again.stderr.startswith("Kesalahan: ")

    restored = run_cli("--db", str(db), "restore", str(backup_file), "--json", env=env)
    assert restored.returncode == 0, restored.stderr
    aside = Path(json.loads(restored.stdout)["damaged_kept_as"])
    assert aside.exists() and aside.name.startswith("kantor.sqlite3.rusak-")
    assert run_cli("--db", str(db), "check", env=env).returncode == 0


def test_cli_backup_list_and_restore(tmp_path):
    db = tmp_path / "kantor.sqlite3"
    env = {"SOP_DESKTOP_HOME": str(tmp_path / "home")}
    out = tmp_path / "manual.sqlite3"
    made = run_cli("--db", str(db), "backup", "-o", str(out), env=env)
    assert made.returncode == 0, made.stderr
    assert bk.verify_backup_file(out) == migrations.SCHEMA_VERSION
    listed = run_cli("--db", str(db), "backup", "--list", "--json", env=env)
    assert json.loads(listed.stdout)["backups"] == []  # -o wrote outside the backup folder
    restored = run_cli("--db", str(db), "restore", str(out), env=env)
    assert restored.returncode == 0, restored.stderr
    assert "dipulihkan" in restored.stdout
    listed = json.loads(run_cli("--db", str(db), "backup", "--list", "--json", env=env).stdout)
    assert [b["reason"] for b in listed["backups"]] == ["pre-restore"]
    bad = run_cli("--db", str(db), "restore", str(tmp_path / "tidak-ada.sqlite3"), env=env)
    assert bad.returncode == 1 and "tidak ditemukan" in bad.stderr


# -- instance lock ---------------------------------------------------------------------------

HOLDER = r"""
import sys, time
from sop_desktop.storage.backup import InstanceLock
lock = InstanceLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
sys.stdin.readline()  # hold until the test lets go (or dies)
lock.release()
print("released", flush=True)
"""


def test_instance_lock_notices_second_instance_and_stale_lock(tmp_path):
    db = tmp_path / "kantor.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, cwd=str(ROOT))
    try:
        assert proc.stdout.readline().strip() == "held"
        lock = bk.InstanceLock(db)
        with pytest.raises(bk.InstanceLocked) as err:
            lock.acquire()
        assert err.value.holder["pid"] == proc.pid
        assert str(proc.pid) in str(err.value)
        assert lock.holder()["pid"] == proc.pid
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "released"
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
        proc.stdout.close()
    assert not lock.lock_path.exists()

    # a process that dies without releasing leaves a stale lock that is taken over
    dead = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, cwd=str(ROOT))
    assert dead.stdout.readline().strip() == "held"
    dead.kill()
    dead.wait(timeout=30)
    dead.stdin.close()
    dead.stdout.close()
    assert lock.lock_path.exists()
    assert lock.holder() is None
    with bk.InstanceLock(db) as mine:
        assert json.loads(mine.lock_path.read_text())["pid"] == os.getpid()
    assert not lock.lock_path.exists()


def test_instance_lock_ignores_garbage_lock_file(tmp_path):
    db = tmp_path / "kantor.sqlite3"
    Path(str(db) + ".lock").write_text("{rusak")
    lock = bk.InstanceLock(db)
    lock.acquire()
    assert lock.acquired
    lock.release()
    assert not lock.lock_path.exists()


# -- PostgreSQL: logical dump ----------------------------------------------------------------

def test_postgresql_dump_and_restore_round_trip(pg_services):
    svc = pg_services
    dbm.set_setting("office.name", "Kanwil PG")
    dbm.set_setting("calendar", {"plain_hari_mode": "kalender", "extra": [1, "dua"]})
    kept = dbm.Position.create(name="Penjaga Arsip PG", aliases=["Arsiparis"])
    positions_before = {p.name: p.id for p in dbm.Position.select()}
    sop_versions_before = dbm.SopVersion.select().count()
    dump = bk.create_backup(svc)
    assert dump.suffix == bk.DUMP_SUFFIX and bk.parse_backup_name(dump.name)[1] == "manual"

    dbm.set_setting("office.name", "Berubah")
    dbm.Position.delete().where(dbm.Position.id == kept.id).execute()
    dbm.Position.create(name="Pengelola Baru PG")
    dbm.SopVersion.delete().execute()

    before = bk.restore(svc, dump)
    assert before.suffix == bk.DUMP_SUFFIX and bk.parse_backup_name(before.name)[1] == "pre-restore"
    assert dbm.get_setting("office.name") == "Kanwil PG"
    assert dbm.get_setting("calendar") == {"plain_hari_mode": "kalender", "extra": [1, "dua"]}
    assert {p.name: p.id for p in dbm.Position.select()} == positions_before
    assert dbm.Position.get_by_id(kept.id).aliases == ["Arsiparis"]
    assert dbm.SopVersion.select().count() == sop_versions_before
    # sequences continue after the restored ids: a new row gets a fresh id
    new = dbm.Position.create(name="Sesudah Pemulihan")
    assert new.id > max(positions_before.values())
    # the pre-restore dump holds what was replaced
    header, tables = bk._read_dump(before)
    names = [row[tables["position"][0].index("name")] for row in tables["position"][1]]
    assert "Pengelola Baru PG" in names and "Penjaga Arsip PG" not in names


def test_dump_refuses_wrong_files(pg_services, tmp_path):
    bad = tmp_path / "x.sopdump"
    bad.write_text("bukan cadangan\n")
    with pytest.raises(bk.BackupError) as err:
        bk.restore(pg_services, bad)
    assert "bukan cadangan" in str(err.value)


def test_logical_dump_round_trip_on_sqlite(services, tmp_path):
    # the engine-neutral part of the PostgreSQL path, exercised on SQLite too
    dbm.set_setting("office.name", "Kanwil Dump")
    dbm.Position.create(name="Arsiparis Dump", aliases=["Arsip"], external=True)
    dump = bk.dump_logical(services, tmp_path / "isi.sopdump")
    dbm.Position.delete().where(dbm.Position.name == "Arsiparis Dump").execute()
    dbm.set_setting("office.name", "Lain")
    bk.restore_logical(services, dump)
    row = dbm.Position.get(dbm.Position.name == "Arsiparis Dump")
    assert row.aliases == ["Arsip"] and row.external is True
    assert dbm.get_setting("office.name") == "Kanwil Dump"
    assert services.db.execute_sql("PRAGMA foreign_key_check").fetchall() == []


def test_restore_from_an_old_backup_that_retention_would_remove(services, db_path):
    dbm.set_setting("office.name", "Versi Lama")
    folder = bk.default_backup_folder()
    old = bk.sqlite_backup(db_path, folder / bk.backup_name(dt.datetime(2020, 1, 1, 8, 0)))
    dbm.set_setting("office.name", "Versi Baru")
    # twelve newer monthly backups push the 2020 one out of 7 daily / 4 weekly / 12 monthly
    for n in range(1, 13):
        bk.sqlite_backup(db_path, folder / bk.backup_name(dt.datetime(2021, n, 1, 8, 0)))
    assert dt.datetime(2020, 1, 1, 8, 0) not in bk.backups_to_keep(
        [b.when for b in bk.list_backups(folder)])
    bk.restore(services, old)
    assert dbm.get_setting("office.name") == "Versi Lama"
    assert not old.exists()  # retention ran after the copy, and only then


# -- the history chain hash travels inside each backup -----------------------------------------

def test_backup_carries_the_latest_chain_hash_inside_the_file(tmp_path):
    import shutil

    from sop_desktop.services.container import Services
    from sop_desktop.storage import integrity

    path = tmp_path / "kantor.sqlite3"
    events, numbers = office_with_cases(path)
    last_id = max(max(ids) for ids in events.values())
    with Services(str(path), seed=False) as svc:
        head = integrity.latest_chain_hash()
        backup = bk.create_backup(svc, tmp_path / "cadangan.sqlite3")
        # the live database keeps no trace of the stamp: it is written into the copy only
        assert svc.db.execute_sql("SELECT COUNT(*) FROM meta WHERE key LIKE 'backup.%'").fetchone()[0] == 0
    assert head and len(head) == 64
    info = bk.backup_info(backup)
    assert (info["chain_hash"], info["event_id"]) == (head, last_id)
    assert info["schema_version"] == migrations.SCHEMA_VERSION and info["made_at"]
    # copied alone to a USB disk (no sidecar file), the backup still says it
    usb = tmp_path / "usb"
    usb.mkdir()
    copy = Path(shutil.copyfile(backup, usb / backup.name))
    assert bk.backup_info(copy)["chain_hash"] == head
    assert bk.verify_backup_file(copy) == migrations.SCHEMA_VERSION
    # a backup without the stamp (made by an earlier version) is read from its history
    con = sqlite3.connect(str(copy))
    with con:
        con.execute("DELETE FROM meta WHERE key LIKE 'backup.%'")
    con.close()
    assert bk.backup_info(copy)["chain_hash"] == head


def test_cli_backup_prints_the_chain_hash_and_restore_drops_the_stamp(tmp_path):
    from sop_desktop.services.container import Services
    from sop_desktop.storage import integrity

    path = tmp_path / "kantor.sqlite3"
    office_with_cases(path)
    with Services(str(path), seed=False):
        head = integrity.latest_chain_hash()
    out = run_cli("--db", str(path), "backup", "-o", str(tmp_path / "a.sqlite3"), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["chain_hash"] == head and data["chain_event_id"]
    text = run_cli("--db", str(path), "backup")
    assert text.returncode == 0, text.stderr
    assert f"Hash rantai riwayat terakhir: {head}" in text.stdout
    listed = json.loads(run_cli("--db", str(path), "backup", "--list", "--json").stdout)
    assert [b["chain_hash"] for b in listed["backups"]] == [head]
    with Services(str(path), seed=False) as svc:
        bk.restore(svc, tmp_path / "a.sqlite3")
        assert svc.db.execute_sql("SELECT COUNT(*) FROM meta WHERE key LIKE 'backup.%'").fetchone()[0] == 0
        assert integrity.latest_chain_hash() == head
        assert integrity.check_history_chain(svc.db).ok


def test_restoring_a_backup_from_before_the_chain_chains_its_history(services, tmp_path):
    """A backup made by schema 2 (no history.hash) is restored, migrated and chained."""
    from sop_desktop.storage import integrity

    old = tmp_path / "sop-desktop-20260318-120000.sqlite3"
    populate_v2(old)
    assert bk.verify_backup_file(old) == 2
    assert bk.backup_info(old)["chain_hash"] is None
    bk.restore(services, old)
    assert migrations.current_version(services.db) == migrations.SCHEMA_VERSION
    finding = integrity.check_history_chain(services.db)
    assert finding.ok and "7 peristiwa" in finding.message
    assert integrity.latest_chain_hash() == expected_anchor(list(dbm.History.select().dicts()))


@pytest.mark.parametrize("kind", ["first_page_zeroed", "random_bytes", "empty", "text",
                                  "newer_schema"])
def test_services_refuse_a_damaged_file_before_writing_to_it(kind, tmp_path):
    """Every start (CLI commands too) runs the light start-up check first."""
    from sop_desktop.services.container import Services

    db = _make_good_db(tmp_path / "kantor.sqlite3")
    good = bk.sqlite_backup(db, bk.default_backup_folder() / bk.backup_name(dt.datetime(2026, 2, 5, 8, 0)))
    _damage(kind, db)
    before = _digest(db)
    with pytest.raises(bk.DamagedDatabase) as err:
        Services(str(db), seed=False)
    assert str(good) in str(err.value)
    assert _digest(db) == before


def test_services_run_the_full_check_before_a_migration(tmp_path):
    from sop_desktop.services.container import Services

    db = tmp_path / "lama.sqlite3"
    populate_v2(db)
    _damage("damaged_page", db)
    before = _digest(db)
    with pytest.raises(bk.DamagedDatabase) as err:
        Services(str(db), seed=False)
    assert err.value.result.kind == "corrupt"
    assert _digest(db) == before
    assert not list(bk.default_backup_folder().glob("*pre-migration*"))
