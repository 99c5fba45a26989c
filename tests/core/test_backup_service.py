"""The window's way to backups, settings, the change watcher and the thread's connection goes
through Services (issue 14): services.backups, read/write_setting, open_watcher,
close_thread_connection, close(anchor=...), on a real SQLite file."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

import pytest

from sop_desktop.errors import SopError
from sop_desktop.services.backups import BackupFile
from sop_desktop.services.container import Services
from sop_desktop.services.office_calendar import load_calendar, save_calendar
from sop_desktop.settings import REPORT_SIGNER
from sop_desktop.storage import db as dbm
from sop_desktop.storage import migrations, schema
from tests.core.tamper_support import log_lines


def test_backups_create_list_verify_restore(services, tmp_path):
    backups = services.backups
    assert backups.checkable and backups.suffix == ".sqlite3"
    first, warning = backups.create_now()
    assert warning is None and first.parent == backups.folder()
    listed = backups.list()
    assert [b.path for b in listed] == [first] and isinstance(listed[0], BackupFile)
    assert backups.verify(first) == migrations.SCHEMA_VERSION
    assert backups.restore_room_problem(first) is None
    services.write_setting(REPORT_SIGNER, {"jabatan": "Kepala", "nama": "Sesudah", "nip": ""})
    before = backups.restore(first)
    assert before is not None and before.exists()  # the pre-restore backup
    assert (services.read_setting(REPORT_SIGNER) or {}).get("nama") != "Sesudah"
    assert {b.path for b in backups.list()} == {first, before}


def test_a_damaged_backup_is_refused_by_verify(services, tmp_path):
    path = services.backups.create()
    path.write_bytes(b"bukan basis data" * 100)
    with pytest.raises(SopError):
        services.backups.verify(path)


def test_backup_folder_is_an_office_setting(services, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    services.backups.set_folder(usb)
    made = services.backups.create()
    assert made.parent == usb and services.backups.folders()[0] == usb
    services.backups.set_folder(services.backups.default_folder().resolve())  # the default again
    assert services.backups.folder() == services.backups.default_folder()
    assert made in [b.path for b in services.backups.list()]  # a known folder is still listed


def test_settings_and_calendar_through_services(services):
    assert services.read_setting(REPORT_SIGNER) is None
    services.write_setting(REPORT_SIGNER, {"jabatan": "Sekretaris", "nama": "A", "nip": "1"})
    assert services.read_setting(REPORT_SIGNER)["jabatan"] == "Sekretaris"
    settings = load_calendar()
    settings.extra_holidays[dt.date(2026, 12, 24)] = "Cuti bersama"
    save_calendar(settings)
    assert load_calendar().extra_holidays[dt.date(2026, 12, 24)] == "Cuti bersama"


def test_watcher_sees_another_connection(services, db_path):
    watcher = services.open_watcher()
    watcher.poll()  # the baseline
    other = sqlite3.connect(db_path)
    other.execute("INSERT INTO setting (key, value) VALUES ('x.test', '1')")
    other.commit()
    other.close()
    assert watcher.poll() is not None


def test_close_thread_connection_closes_only_the_calling_threads(services):
    closed: list[bool] = []

    def work() -> None:
        services.read_setting(REPORT_SIGNER)  # opens this thread's connection
        Services.close_thread_connection()
        closed.append(dbm.database.is_closed())

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert closed == [True] and not services.db.is_closed()  # the main thread's stays open


def test_close_with_anchor_writes_the_chain_head(office_db, _isolated_home):
    path, numbers = office_db
    first = log_lines(_isolated_home)
    svc = Services(str(path), seed=False)
    petugas = next(u for u in svc.users.list() if svc.users.position_names(u) == ["Petugas Uji"])
    svc.cases.decide(numbers["A"], petugas, "ya")  # the chain moves on
    svc.close(anchor="tutup")
    assert svc.db.is_closed()
    lines = log_lines(_isolated_home)
    assert lines[-1]["reason"] == "tutup" and lines[-1]["seq"] == first[-1]["seq"] + 1


def test_schema_version_lives_below_migrations_and_backup():
    assert migrations.SCHEMA_VERSION == schema.SCHEMA_VERSION
    assert max(migrations.MIGRATIONS) == schema.SCHEMA_VERSION
