"""Storage safety: a full disk is not a damaged database, an emptied database is not a new
one, and a file with damaged interior pages is never written to.

Full disks are real: a small tmpfs mounted for the test and filled up (skipped where mounting
is not permitted); SQLite's own SQLITE_FULL comes from `max_page_count` as in
tests/test_disk_full.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest

from sop_desktop.storage import backup as bk
from sop_desktop.storage import db as dbm
from sop_desktop.storage import diskspace, known_state
from tests.conftest import run_cli
from tests.core.office_support import Office, install_sample, open_case

MiB = 1024 * 1024


class SmallDisk:
    """A tmpfs of `size` bytes at `root`; `fill()` leaves `free` bytes, `release()` frees all."""

    def __init__(self, root: Path):
        self.root = root
        self.filler = root / "pengisi.bin"

    def fill(self, free: int = 0) -> int:
        with open(self.filler, "ab") as fh:
            try:
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()
            except OSError:
                pass
            with contextlib.suppress(OSError):
                fh.close()
        for block in (4096, 512, 1):  # the last few bytes too
            with contextlib.suppress(OSError), open(self.filler, "ab") as fh:
                while True:
                    fh.write(b"\0" * block)
                    fh.flush()
        if free:
            size = self.filler.stat().st_size
            os.truncate(self.filler, max(size - free, 0))
        return shutil.disk_usage(self.root).free

    def release(self) -> None:
        self.filler.unlink(missing_ok=True)


@contextlib.contextmanager
def small_disk(parent: Path, size: int = 8 * MiB):
    """Mount a real tmpfs (needs root or CAP_SYS_ADMIN; skipped otherwise)."""
    root = parent / f"disk-{uuid.uuid4().hex[:6]}"
    root.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(root)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"tmpfs tidak dapat dipasang di sini: {done.stderr.strip()}")
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], capture_output=True, check=False)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _office(path: Path, cases: int = 3) -> Path:
    """A real office database with a user, cases and history, closed again."""
    from sop_desktop.services.container import Services

    with Services(str(path)) as svc:
        install_sample(svc)
        office = Office(svc)
        for _ in range(cases):
            open_case(svc, office, "CONTOH")
    return path


# -- 13.5: a full disk is not a damaged database ---------------------------------------------

def test_full_disk_is_reported_as_full_by_every_command_and_nothing_changes(tmp_path):
    with small_disk(tmp_path) as disk:
        home = disk.root / "home"
        env = {"SOP_DESKTOP_HOME": str(home)}
        db = disk.root / "kantor.sqlite3"
        assert run_cli("--db", str(db), "sop", "list", env=env).returncode == 0
        outside = tmp_path / "usb" / "cadangan.sqlite3"
        assert run_cli("--db", str(db), "backup", "-o", str(outside), env=env).returncode == 0
        before = _digest(db)
        files_before = sorted(p.name for p in disk.root.iterdir())
        for free in (0, 16 * 1024):
            assert disk.fill(free) <= 16 * 1024
            checked = run_cli("--db", str(db), "check", env=env)
            assert checked.returncode == 1
            assert "Disk penuh: kosongkan" in checked.stdout and str(disk.root) in checked.stdout
            assert "rusak (" not in checked.stdout and "restore" not in checked.stdout
            listed = run_cli("--db", str(db), "sop", "list", env=env)
            assert listed.returncode == 1 and listed.stderr.startswith("Kesalahan: Disk penuh")
            assert "Traceback" not in listed.stderr
            # following no advice moves the healthy file aside: restore refuses, changes nothing
            restored = run_cli("--db", str(db), "restore", str(outside), env=env)
            assert restored.returncode == 1 and "Disk penuh" in restored.stderr, restored.stderr
            assert _digest(db) == before
            assert not [p for p in disk.root.iterdir() if ".rusak-" in p.name]
            assert db.stat().st_size > 0
            disk.release()
        # nothing beside SQLite's own (empty) side files: no lock, no moved-aside file
        left = sorted(p.name for p in disk.root.iterdir() if not p.name.endswith(("-shm", "-wal")))
        assert left == files_before and Path(str(db) + "-wal").stat().st_size == 0
        assert run_cli("--db", str(db), "check", env=env).returncode == 0


def test_instance_lock_on_a_full_disk_leaves_no_lock_file(tmp_path):
    with small_disk(tmp_path, 1 * MiB) as disk:
        db = disk.root / "kantor.sqlite3"
        assert disk.fill(0) == 0
        lock = bk.InstanceLock(db)
        with pytest.raises(diskspace.DiskFull) as err:
            lock.acquire()
        assert str(err.value).startswith("Disk penuh: kosongkan")
        assert not lock.lock_path.exists() and not lock.acquired
        disk.release()
        lock.acquire()
        assert json.loads(lock.lock_path.read_text())["pid"] == os.getpid()
        lock.release()


def test_window_on_a_full_disk_says_so_without_traceback_or_lock_file(qtbot, launcher, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    with small_disk(tmp_path) as disk:
        db = _office(disk.root / "kantor.sqlite3", cases=1)
        bk.sqlite_backup(db, bk.default_backup_folder() / bk.backup_name(dt.datetime(2026, 12, 1)))
        before = _digest(db)
        for free in (0, 16 * 1024):  # no room for the lock file; then none for SQLite's -shm
            disk.fill(free)
            app = launcher(db)
            assert app.start() is False
            box = app.dialog
            assert isinstance(box, QMessageBox)
            assert "Disk penuh" in box.windowTitle() and "Disk penuh: kosongkan" in box.text()
            assert "rusak (" not in box.text() and "tidak rusak" in box.text()
            assert not any("Pulihkan" in b.text() for b in box.buttons())
            assert app.services is None
            app.finish()
            assert not Path(str(db) + ".lock").exists()
            assert _digest(db) == before
            disk.release()


def test_restore_never_moves_a_healthy_database_without_confirmation(tmp_path):
    db = _office(tmp_path / "kantor.sqlite3")
    backup = bk.sqlite_backup(db, tmp_path / "cadangan" / "lama.sqlite3")
    # a file the start-up check refuses but that is intact and full of cases (a newer schema)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    conn.close()
    before = _digest(db)
    env = {"SOP_DESKTOP_HOME": os.environ["SOP_DESKTOP_HOME"]}
    refused = run_cli("--db", str(db), "restore", str(backup), env=env)
    assert refused.returncode == 1 and "lulus pemeriksaan integritas" in refused.stderr
    assert "--force" in refused.stderr and _digest(db) == before
    assert not [p for p in tmp_path.iterdir() if ".rusak-" in p.name]
    forced = run_cli("--db", str(db), "restore", str(backup), "--force", "--json", env=env)
    assert forced.returncode == 0, forced.stderr
    aside = Path(json.loads(forced.stdout)["damaged_kept_as"])
    assert _digest(aside) == before


def test_recover_refuses_without_room_for_the_restored_file(tmp_path):
    with small_disk(tmp_path, 4 * MiB) as disk:
        big = _office(tmp_path / "besar.sqlite3", cases=2)
        conn = sqlite3.connect(big)
        with conn:  # about 6 MB: more than the small disk holds
            conn.executemany("INSERT INTO setting (key, value) VALUES (?, ?)",
                             [(f"isi{i}", json.dumps("x" * 3000)) for i in range(2000)])
        conn.close()
        backup = bk.sqlite_backup(big, tmp_path / "cadangan.sqlite3")
        db = disk.root / "kantor.sqlite3"
        db.write_bytes(big.read_bytes()[:5000])  # damaged: truncated
        before = _digest(db)
        with pytest.raises(diskspace.DiskFull) as err:
            bk.recover_damaged(db, backup)
        assert "Disk penuh: kosongkan" in str(err.value) and str(disk.root) in str(err.value)
        assert _digest(db) == before
        assert sorted(p.name for p in disk.root.iterdir()) == ["kantor.sqlite3"]


def test_backup_dialog_says_disk_full_instead_of_asking_to_restore(qtbot, tmp_path):
    from sop_desktop.services.container import Services
    from ui.dialogs.backup import BackupDialog

    with small_disk(tmp_path) as disk:
        svc = Services(str(_office(disk.root / "kantor.sqlite3", cases=1)))
        try:
            made = bk.create_backup(svc)  # in the backup folder, on another disk
            admin = svc.users.get("admin")
            disk.fill(0)
            dialog = BackupDialog(svc, user=admin)
            qtbot.addWidget(dialog)
            qtbot.waitUntil(lambda: made in dialog.checks, timeout=30000)
            assert dialog.select_path(made) and dialog.restore_button.isEnabled()
            box = dialog.ask_restore()
            assert box.text() == "Disk penuh" and "kosongkan" in box.informativeText()
            assert str(disk.root) in box.informativeText()
            assert not any(b.text().replace("&", "") == "Pulihkan" for b in box.buttons())
            dialog.done(0)
        finally:
            disk.release()
            svc.close()


def test_sqlite_full_and_io_errors_on_a_full_disk_are_recognised(tmp_path):
    full = sqlite3.OperationalError("database or disk is full")
    assert diskspace.is_disk_full(full)
    assert diskspace.is_disk_full(OSError(28, "No space left on device"))
    io_error = sqlite3.OperationalError("disk I/O error")
    assert not diskspace.is_disk_full(io_error, tmp_path)  # plenty of room: maybe damage
    with small_disk(tmp_path, 1 * MiB) as disk:
        disk.fill(16 * 1024)
        assert diskspace.is_disk_full(io_error, disk.root)
        message = diskspace.disk_full_message(disk.root, diskspace.WORK_ROOM)
        assert message.startswith("Disk penuh: kosongkan 16 MB di ")


# -- 13.6: an emptied database is not a new, empty one ---------------------------------------

def _empty_main_with_leftover_wal(db: Path) -> None:
    """The main file cut to 0 bytes while a -wal from its last session is still beside it."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    with conn:
        conn.execute("INSERT INTO refusal (at, username, action, reason) VALUES "
                     "('2026-12-01 08:00:00', 'x', 'uji', 'sisa wal')")
    wal = Path(str(db) + "-wal").read_bytes()
    conn.close()
    assert wal
    db.write_bytes(b"")
    Path(str(db) + "-wal").write_bytes(wal)


def test_empty_file_with_leftover_wal_is_refused_when_cases_were_there(tmp_path):
    from sop_desktop.services.container import Services

    db = _office(tmp_path / "kantor.sqlite3", cases=4)
    assert known_state.remembered(db)["cases"] == 4  # written when the session closed
    good = bk.sqlite_backup(db, bk.default_backup_folder() / bk.backup_name(dt.datetime(2026, 12, 1)))
    _empty_main_with_leftover_wal(db)

    result = bk.startup_check(db)
    assert not result.ok and result.kind == "emptied"
    assert "4 kasus" in result.message and result.backup.path == good
    with pytest.raises(bk.DamagedDatabase):
        Services(str(db))
    assert db.stat().st_size == 0  # nothing wrote into it
    env = {"SOP_DESKTOP_HOME": os.environ["SOP_DESKTOP_HOME"]}
    again = run_cli("--db", str(db), "backup", env=env)
    assert again.returncode == 1 and "4 kasus" in again.stderr
    assert [b.path for b in bk.list_backups(bk.default_backup_folder())] == [good]
    # the offered restore brings the cases back (the 0-byte file holds none: no question)
    aside = bk.recover_damaged(db, result.backup.path)
    assert aside.stat().st_size == 0 and Path(str(aside) + "-wal").stat().st_size > 0  # kept
    with Services(str(db)):
        assert dbm.Case.select().count() == 4
    assert bk.startup_check(db).ok


def test_window_shows_the_backup_dialog_for_an_emptied_database(qtbot, launcher, tmp_path):
    from PySide6.QtCore import Qt

    db = _office(tmp_path / "kantor.sqlite3", cases=2)
    good = bk.sqlite_backup(db, bk.default_backup_folder() / bk.backup_name(dt.datetime(2026, 12, 1)))
    _empty_main_with_leftover_wal(db)
    app = launcher(db)
    assert app.start() is False
    box = app.dialog
    assert "kosong" in box.text() and good.name in box.informativeText()
    assert app.restore_button is not None
    with qtbot.waitSignal(app.opened):
        qtbot.mouseClick(app.restore_button, Qt.MouseButton.LeftButton)
    assert dbm.Case.select().count() == 2


def test_backup_of_a_far_smaller_database_says_so_and_keeps_the_good_ones(tmp_path):
    from sop_desktop.services.container import Services

    folder = bk.default_backup_folder()
    db = _office(tmp_path / "kantor.sqlite3", cases=4)
    old = [bk.sqlite_backup(db, folder / bk.backup_name(dt.datetime(2025, m, 1))) for m in (1, 2)]
    small = tmp_path / "kecil.sqlite3"
    with Services(str(small)):
        pass
    new = bk.sqlite_backup(small, folder / bk.backup_name(dt.datetime(2026, 12, 1)))
    warning = bk.shrink_warning(new)
    assert warning and "0 kasus" in warning and "4 kasus" in warning and old[1].name in warning
    # the schedule alone would keep only 2025-02 and the new one; 2025-01 too is kept
    deleted = bk.prune_backups(folder, daily=1, weekly=1, monthly=1)
    assert deleted == [] and all(p.exists() for p in old)
    env = {"SOP_DESKTOP_HOME": os.environ["SOP_DESKTOP_HOME"]}
    made = run_cli("--db", str(small), "backup", "--json", env=env)
    assert made.returncode == 0, made.stderr
    assert "0 kasus" in json.loads(made.stdout)["warning"]


# -- 13.7: no write into a file with damaged interior pages ----------------------------------

MARK = b"HALAMAN-TENGAH-"


def _damage_interior_pages(db: Path) -> int:
    """Overwrite the b-tree page headers of the pages holding the refusal rows (pages in the
    middle of the file; page 1, the schema and the other tables stay intact)."""
    data = bytearray(db.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    hit = 0
    for start in range(page_size, len(data), page_size):
        if MARK in data[start:start + page_size]:
            data[start:start + 8] = b"\xff" * 8
            hit += 1
    db.write_bytes(bytes(data))
    return hit


def _office_with_refusals(db: Path) -> Path:
    from sop_desktop.services.container import Services

    with Services(str(db)), dbm.database.atomic():
        for i in range(200):
            dbm.Refusal.create(username="uji", action="uji",
                               reason=(MARK + str(i).encode()).decode() + "x" * 300)
    return db


def test_cli_refuses_to_write_into_damaged_interior_pages(tmp_path):
    db = _office_with_refusals(tmp_path / "kantor.sqlite3")
    assert _damage_interior_pages(db) >= 5
    assert bk.startup_check(db, light=True).ok  # the light check alone does not see it
    before = _digest(db)
    env = {"SOP_DESKTOP_HOME": os.environ["SOP_DESKTOP_HOME"]}
    listed = run_cli("--db", str(db), "sop", "list", env=env)
    assert listed.returncode == 0, listed.stderr  # reading what is intact still works
    added = run_cli("--db", str(db), "user", "add", "admin", "--name", "Admin",
                    "--role", "administrator", env=env, input="rahasia-123\n")
    assert added.returncode == 1, added.stdout + added.stderr
    assert "rusak" in added.stderr and "Traceback" not in added.stderr
    assert _digest(db) == before


def test_services_check_the_file_before_the_first_write_only(tmp_path):
    from sop_desktop.services.container import Services

    db = _office_with_refusals(tmp_path / "kantor.sqlite3")
    _damage_interior_pages(db)
    svc = Services(str(db))  # opening and reading never pay for the check
    try:
        assert dbm.Position.select().count() > 0
        for _ in range(2):  # the refusal stays: every later write is refused again
            with pytest.raises(bk.DamagedDatabase) as err:
                dbm.set_setting("uji", "tulis")
            assert err.value.result.kind == "corrupt"
    finally:
        svc.close()
