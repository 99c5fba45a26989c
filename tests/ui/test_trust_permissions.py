"""Issue 13: who may do what (admin-only actions in the window and the CLI), demo data only in
a training database, letters only at their step, bounded event times, a full disk while
issuing a letter, and a crash log that masks every log-in field."""

from __future__ import annotations

import datetime as dt
import errno
import json
import logging
import os

import pytest
from PySide6.QtWidgets import QMessageBox

from sop_desktop.errors import PermissionDenied, StorageError, ValidationError
from sop_desktop.services import office
from sop_desktop.services.users import hash_password, require_admin
from sop_desktop.storage import backup as bk
from sop_desktop.storage import db as dbm
from tests.conftest import SEEDS, run_cli
from tests.core.letters_support import PASSWORD, intake_values, open_case, setup_office, walk_to

ENV = {"SOP_DESKTOP_PASSWORD": PASSWORD}


def _office_with_admin(services):
    quick = hash_password(PASSWORD, n=2 ** 10)
    admin = services.users.create("admin", "Admin Kantor", "", "administrator", password_hash=quick)
    clerk = services.users.create("clerk", "Petugas", "", "operator", password_hash=quick)
    return admin, clerk


# -- 13.1: administrator actions -------------------------------------------------------------

def test_core_admin_check_refuses_and_logs(services, caplog):
    admin, clerk = _office_with_admin(services)
    with pytest.raises(PermissionDenied, match="Hanya administrator yang dapat memulihkan"):
        require_admin(clerk, "pulihkan")
    assert dbm.Refusal.select().where(dbm.Refusal.username == "clerk").count() == 1
    with pytest.raises(PermissionDenied, match="--as"):
        require_admin(None, "impor_sop", first_run_ok=True)  # an administrator exists
    require_admin(admin, "pulihkan")
    with caplog.at_level(logging.INFO, logger="sop_desktop"):
        services.users.create("baru", "Baru", "", "operator",
                              password_hash=hash_password(PASSWORD, n=2 ** 10), by=admin)
    assert any("tindakan administrator" in r.getMessage() and "baru" in r.getMessage()
               for r in caplog.records)


def test_cli_restore_folder_and_import_need_an_administrator(services, tmp_path):
    _office_with_admin(services)
    db = services.target
    services.close()
    env = {**ENV, "SOP_DESKTOP_HOME": os.environ["SOP_DESKTOP_HOME"]}
    made = run_cli("--db", db, "backup", "-o", str(tmp_path / "b.sqlite3"), env=env)
    assert made.returncode == 0, made.stderr
    for args in (("restore", str(tmp_path / "b.sqlite3")),
                 ("backup", "--set-folder", str(tmp_path / "usb")),
                 ("sop", "import", str(SEEDS / "002_2acf713e47850fba.txt"))):
        bare = run_cli("--db", db, *args, env=env)
        assert bare.returncode == 1 and "administrator" in bare.stderr and "--as" in bare.stderr, args
        clerk = run_cli("--db", db, *args, "--as", "clerk", env=env)
        assert clerk.returncode == 1 and "bukan administrator" in clerk.stderr, args
    assert not (tmp_path / "usb").exists()
    done = run_cli("--db", db, "restore", str(tmp_path / "b.sqlite3"), "--as", "admin", env=env)
    assert done.returncode == 0, done.stderr
    done = run_cli("--db", db, "backup", "--set-folder", str(tmp_path / "usb"), "--as", "admin",
                   env=env)
    assert done.returncode == 0, done.stderr
    # a dry run changes nothing and needs nobody
    dry = run_cli("--db", db, "sop", "import", str(SEEDS / "002_2acf713e47850fba.txt"), "--dry-run", env=env)
    assert dry.returncode == 0, dry.stderr


def test_backup_dialog_refuses_restore_and_folder_to_a_clerk(qtbot, ui_services, tmp_path):  # noqa: F811
    from ui.dialogs.backup import BackupDialog

    admin, clerk = _office_with_admin(ui_services)
    bk.create_backup(ui_services, bk.default_backup_folder() / bk.backup_name(dt.datetime(2026, 11, 2)))
    dialog = BackupDialog(ui_services, user=clerk)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.task_finished, timeout=30000):
        pass  # the constructor's integrity check of the listed backups
    dialog.select_path(dialog.backups[0].path)
    assert not dialog.restore_button.isEnabled() and "administrator" in dialog.restore_button.toolTip()
    assert not dialog.choose_button.isEnabled()
    before = bk.backup_folder()
    assert dialog.set_folder(str(tmp_path / "usb")) is False  # called directly: still refused
    assert bk.backup_folder() == before and "Hanya administrator" in dialog.box.text()
    dialog.box.close()
    dialog.restore(dialog.backups[0].path)
    assert not dialog.busy() and "memulihkan" in dialog.box.text()
    dialog.box.close()
    assert dbm.Refusal.select().where(dbm.Refusal.username == "clerk").count() == 2
    boss = BackupDialog(ui_services, user=admin)
    qtbot.addWidget(boss)
    assert boss.choose_button.isEnabled()
    assert boss.set_folder(str(tmp_path / "usb")) and bk.backup_folder() == (tmp_path / "usb").resolve()
    dialog.close()
    boss.close()


def test_window_import_is_refused_for_a_clerk(qtbot, ui_services, app_settings,  # noqa: F811
                                              monkeypatch):
    from ui.main_window import MainWindow

    _, clerk = _office_with_admin(ui_services)
    win = MainWindow(ui_services, app_settings, clerk)
    qtbot.addWidget(win)
    assert not win.act_import.isEnabled()
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[-1]))
    assert win.import_sop() is None
    assert shown and "Hanya administrator yang dapat mengimpor SOP" in shown[0]
    assert dbm.Refusal.select().where(dbm.Refusal.action == "impor SOP").count() == 1
    win.shutdown()


# -- 13.2: demo data -------------------------------------------------------------------------

def test_demo_refuses_an_office_database_and_never_uses_a_known_password(services, tmp_path):
    from sop_desktop.ops.demo import fill

    _office_with_admin(services)
    with pytest.raises(ValidationError, match="basis data baru atau basis data pelatihan"):
        fill(services, 5)
    assert dbm.Case.select().count() == 0 and dbm.User.select().count() == 2
    services.close()
    refused = run_cli("--db", services.target, "demo", "--cases", "5")
    assert refused.returncode == 1 and "pelatihan" in refused.stderr
    no_db = run_cli("demo", "--cases", "5")  # the default (office) database is never filled
    assert no_db.returncode == 1 and "--db" in no_db.stderr
    training = tmp_path / "pelatihan.sqlite3"
    done = run_cli("--db", str(training), "demo", "--cases", "8", "--json")
    assert done.returncode == 0, done.stderr
    password = json.loads(done.stdout)["password"]
    assert len(password) >= 12 and password != "demo12345"
    from sop_desktop.services.container import Services

    with Services(str(training)) as svc:
        assert svc.users.authenticate("admin", password).role == "administrator"
        with pytest.raises(PermissionDenied):
            svc.users.authenticate("admin", "demo12345")
    # more demo cases into the same training database: its administrator signs in
    again = run_cli("--db", str(training), "demo", "--cases", "3")
    assert again.returncode == 1 and "--as" in again.stderr
    again = run_cli("--db", str(training), "demo", "--cases", "3", "--as", "admin",
                    env={"SOP_DESKTOP_PASSWORD": password})
    assert again.returncode == 0, again.stderr


# -- 13.3: letters at their step, bounded event times ---------------------------------------

def test_letter_waits_for_its_step_and_never_on_a_stopped_case(services, tmp_path):
    setup = setup_office(services)
    letters, op = setup["letters"], setup["op"]
    number = open_case(services, op, "YANKOMAS-KANWIL")
    with pytest.raises(ValidationError, match="pada atau setelah langkah 8"):
        letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "r.pdf")
    assert dbm.OutgoingLetter.select().count() == 0 and not (tmp_path / "r.pdf").exists()
    letters.issue(number, "tanda-terima", op, out=tmp_path / "t.pdf")  # no step of its own
    walk_to(services, op, number, "surat-rekomendasi")
    assert letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "r.pdf").number
    stopped = open_case(services, op, "YANKOMAS-KANWIL", reach="surat-rekomendasi")
    holder = services.cases.holders_for(services.cases.get(stopped))[0]
    services.cases.stop(stopped, holder, "Pengadu mencabut aduan")
    with pytest.raises(ValidationError, match="dihentikan"):
        letters.issue(stopped, "tanda-terima", op, out=tmp_path / "s.pdf")


def test_event_times_are_bounded_by_the_office_start_and_the_clock(services, tmp_path):
    setup = setup_office(services)
    op = setup["op"]
    defn = services.sops.get("YANKOMAS-KANWIL")
    values = intake_values(defn)
    with pytest.raises(ValidationError, match="sebelum tanggal mulai kantor"):
        services.cases.open_case("YANKOMAS-KANWIL", op, values, at=dt.datetime(1990, 1, 1, 9))
    future = dbm.now_local() + dt.timedelta(hours=1)
    with pytest.raises(ValidationError, match="masa depan"):
        services.cases.open_case("YANKOMAS-KANWIL", op, values, at=future)
    assert dbm.Case.select().count() == 0
    office.save(office.load().with_changes({"tanggal_mulai": "2025-07-01"}))
    with pytest.raises(ValidationError, match="2025-07-01"):
        services.cases.open_case("YANKOMAS-KANWIL", op, values, at=dt.datetime(2025, 6, 30, 9))
    number = services.cases.open_case("YANKOMAS-KANWIL", op, values,
                                      at=dt.datetime(2025, 7, 1, 9)).numbers[0]
    with pytest.raises(ValidationError, match="Tanggal surat .*sebelum tanggal mulai"):
        setup["letters"].issue(number, "tanda-terima", op, out=tmp_path / "t.pdf",
                               when=dt.date(2024, 1, 5))
    with pytest.raises(ValidationError, match="tidak valid"):
        office.load().with_changes({"tanggal_mulai": "kemarin"})
    # the CLI: case new --at 1990-01-01 is refused with one Indonesian line
    services.close()
    bad = run_cli("--db", services.target, "case", "new", "YANKOMAS-KANWIL", "--as", "op",
                  "--at", "1990-01-01", *[f"--field={k}={v}" for k, v in values.items()], env=ENV)
    assert bad.returncode != 0 and "tanggal mulai kantor" in bad.stderr, bad.stderr


# -- 13.15: a full disk while issuing a letter -----------------------------------------------

def test_full_disk_while_issuing_names_the_letter_pdf(services, tmp_path, monkeypatch):
    setup = setup_office(services)
    letters, op = setup["letters"], setup["op"]
    number = open_case(services, op, "YANKOMAS-KANWIL", reach="surat-rekomendasi")
    real_fsync = os.fsync

    def full(fd):  # the disk fills up while the PDF is written into the attachment store
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageError) as info:
        letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "r.pdf")
    monkeypatch.setattr(os, "fsync", real_fsync)
    message = str(info.value)
    assert "Surat Rekomendasi" in message and ".pdf" in message and "disk penyimpanan penuh" in message
    assert "'data'" not in message
    assert dbm.OutgoingLetter.select().count() == 0  # nothing recorded, no number used
    assert letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "r.pdf").number.startswith(
        "W.6-HAM.04.02-1/")


# -- 13.16: the crash log masks every log-in field -------------------------------------------

def test_crash_log_masks_a_password_typed_into_the_user_name_box(qtbot, ui_services):  # noqa: F811
    from ui import crash
    from ui.dialogs.setup import LoginDialog

    dialog = LoginDialog(ui_services)
    qtbot.addWidget(dialog)
    dialog.username.setText("RahasiaSalahKotak99")  # a password typed into the name box
    try:
        raise RuntimeError("gagal masuk sebagai RahasiaSalahKotak99")
    except RuntimeError as exc:
        path = crash.write_crash_log(type(exc), exc, exc.__traceback__)
    text = path.read_text(encoding="utf-8")
    assert "RahasiaSalahKotak99" not in text and crash.MASK in text
    dialog.close()


def test_template_names_its_step_by_words_or_by_number(services):
    from sop_desktop.letters import templates

    head = ('+++\nid = "uji"\nname = "Uji"\nkind = "surat"\nsetelah = ["surat rekomendasi"]\n'
            'setelah_langkah = { YANKOMAS-BENGKULU = 7 }\n+++\nIsi.\n')
    tpl = templates.parse(head)
    assert tpl.step_of(services.sops.get("YANKOMAS-KANWIL")).number == 8  # first mention
    assert tpl.step_of(services.sops.get("YANKOMAS-BENGKULU")).number == 7  # named per SOP
    assert tpl.step_of(services.sops.get("SKP")) is None  # no such step: any step will do
    with pytest.raises(templates.TemplateError, match="setelah_langkah"):
        templates.parse(head.replace("= 7", '= "tujuh"'))
