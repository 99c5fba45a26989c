"""Anchors outside the database (issue 13.9): written at each backup, report and closing, printed
on reports, read back by `check` (the newest in the log, or `check --anchor HASH|FILE`); the
global chain built by the schema upgrade and kept whole by two writers at once."""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys

from openpyxl import load_workbook

from sop_desktop.cli import Context
from sop_desktop.storage import anchors, ledger
from sop_desktop.storage import db as dbm
from tests.conftest import ROOT
from tests.core.chain_support import CHILD
from tests.core.office_support import Office, install_sample
from tests.core.tamper_support import KINDS, check_json, failing, log_lines, reforge_ledger, run_check, sql


def advance_one(path, numbers) -> None:
    """One more transition through the real engine (the petugas answers case A's decision)."""
    from sop_desktop.services.container import Services

    with Services(str(path), seed=False) as svc:
        petugas = next(u for u in svc.users.list()
                       if svc.users.position_names(u) == ["Petugas Uji"])
        svc.cases.decide(numbers["A"], petugas, "ya")


def test_backup_report_and_closing_write_the_anchor_that_reports_print(office_db, tmp_path,
                                                                       _isolated_home):
    path, numbers = office_db
    first = log_lines(_isolated_home)
    assert [a["reason"] for a in first] == ["cadangan"]
    # one entry per event written and per user created, and nothing else
    assert first[0]["seq"] == first[0]["events"] + first[0]["users"]

    advance_one(path, numbers)  # the chain moves on: the next report anchors the new head
    rc, out = run_check(path, "export", "register", "CONTOH", "--period", "2026",
                        "-o", str(tmp_path / "r.xlsx"))
    assert rc == 0, out
    lines = log_lines(_isolated_home)
    assert [a["reason"] for a in lines] == ["cadangan", "laporan"]
    assert lines[1]["seq"] == first[0]["seq"] + 1
    printed = f"{lines[1]['seq']}-{lines[1]['head']}"
    wb = load_workbook(tmp_path / "r.xlsx")
    custom = {p.name: p.value for p in wb.custom_doc_props.props}
    assert custom["Hash rantai riwayat terakhir"] == printed

    # closing the app (here: the CLI's context) anchors what this process wrote
    ctx = Context(argparse.Namespace(db=str(path)))
    svc = ctx.services
    kepala = next(u for u in svc.users.list() if svc.users.position_names(u) == ["Kepala Uji"])
    svc.cases.advance(numbers["A"], kepala)
    ctx.close()
    lines = log_lines(_isolated_home)
    assert lines[-1]["reason"] == "tutup" and lines[-1]["seq"] == first[0]["seq"] + 2

    # a printed anchor, the report file and the backup file all verify the chain
    rc, out = run_check(path, "export", "register", "CONTOH", "--period", "2026",
                        "-o", str(tmp_path / "r.pdf"))
    assert rc == 0, out
    for given in (printed, printed.split("-", 1)[1], str(tmp_path / "r.xlsx"),
                  str(tmp_path / "r.pdf"), str(tmp_path / "cadangan.sqlite3"),
                  str(_isolated_home / "backups" / anchors.LOG_NAME)):
        rc, data = check_json(path, "--anchor", given)
        assert rc == 0, (given, data["checks"])
        anchor = next(c for c in data["checks"] if c["check"] == "anchor")
        assert anchor["ok"] and not anchor["skipped"]
        if not given.endswith(("r.pdf", ".jsonl")):  # made last: nothing after their anchor
            assert "sesudahnya belum dijangkar" in anchor["message"]  # later work is named


def test_an_old_printed_anchor_catches_a_reforged_chain(office_db, _isolated_home):
    path, numbers = office_db
    printed = "{seq}-{head}".format(**log_lines(_isolated_home)[0])
    KINDS["intake field edited"](path, numbers)
    reforge_ledger(path)
    for given in (printed, printed.split("-", 1)[1]):
        rc, data = check_json(path, "--anchor", given)
        assert rc == 1 and "anchor" in failing(data)


def test_a_tampered_chain_is_never_anchored_when_the_app_closes(office_db, _isolated_home):
    path, numbers = office_db
    KINDS["last event deleted, case row adjusted"](path, numbers)
    reforge_ledger(path)
    before = log_lines(_isolated_home)
    ctx = Context(argparse.Namespace(db=str(path)))
    ctx.services.cases.list()
    ctx.close()  # the window or a CLI command closing on the tampered file
    rc, out = run_check(path, "case", "list")
    assert log_lines(_isolated_home) == before  # nothing new was anchored
    rc, data = check_json(path)
    assert rc == 1 and "anchor" in failing(data)


def test_restore_anchors_the_restored_history(office_db, tmp_path, _isolated_home):
    from sop_desktop.services.container import Services
    from sop_desktop.storage import backup as bk

    path, numbers = office_db
    advance_one(path, numbers)
    with Services(str(path), seed=False) as svc:
        bk.restore(svc, tmp_path / "cadangan.sqlite3")
    assert log_lines(_isolated_home)[-1]["reason"] == "pemulihan"
    rc, data = check_json(path)
    assert rc == 0, data["checks"]


def test_a_second_anchor_log_on_a_usb_disk(office_db, tmp_path, _isolated_home):
    path, numbers = office_db
    usb = tmp_path / "usb"
    rc, out = run_check(path, "check", "--set-anchor-log", str(usb) + "/")
    assert rc == 0 and str(usb) in out
    advance_one(path, numbers)
    rc, out = run_check(path, "backup", "-o", str(tmp_path / "kedua.sqlite3"))
    assert rc == 0, out
    copy = anchors.read_log(usb / anchors.LOG_NAME)
    assert [a.reason for a in copy] == ["cadangan"]
    (_isolated_home / "backups" / anchors.LOG_NAME).unlink()  # the PC's own log is gone
    KINDS["whole case deleted"](path, numbers)
    reforge_ledger(path)
    rc, data = check_json(path)
    assert rc == 1 and "anchor" in failing(data)  # the USB copy still tells


def test_a_bad_anchor_argument_is_one_clear_line(office_db, capsys):
    path, _ = office_db
    rc, _ = run_check(path, "check", "--anchor", "bukan-jangkar")
    assert rc == 1
    assert "bukan jangkar" in capsys.readouterr().err


def test_the_schema_upgrade_builds_the_global_chain(template, tmp_path):
    """A database from before the global chain (schema 4): one entry per user and case, as
    found; `check` passes and the chain goes on from there."""
    import shutil

    from sop_desktop.services.container import Services
    from sop_desktop.storage import migrations

    source, numbers = template
    path = tmp_path / "lama.sqlite3"
    shutil.copy(source, path)
    sql(path, "DROP TABLE ledger", "DELETE FROM meta WHERE key = 'ledger.id'",
        "UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with Services(str(path), seed=False) as svc:
        assert migrations.current_version(svc.db) == migrations.SCHEMA_VERSION
        kinds = [k for (k,) in svc.db.execute_sql('SELECT "kind" FROM "ledger" ORDER BY "seq"')]
        assert kinds.count("pengguna") == dbm.User.select().count()
        assert kinds.count("kasus") == dbm.Case.select().count() == 4
        assert not ledger.missing_guards(svc.db)
    rc, data = check_json(path)
    assert rc == 0, data["checks"]
    advance_one(path, numbers)
    rc, data = check_json(path)
    assert rc == 0, data["checks"]


def test_two_writers_keep_one_global_chain_on_sqlite(services, db_path):
    install_sample(services)
    Office(services)
    services.close()
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, str(db_path), tag, "8"],
                              cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for tag in ("A", "B")]
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
    con = sqlite3.connect(db_path)
    seqs = [r[0] for r in con.execute('SELECT seq FROM ledger ORDER BY seq')]
    events = con.execute("SELECT COUNT(*) FROM history").fetchone()[0]
    users = con.execute('SELECT COUNT(*) FROM "user"').fetchone()[0]
    con.close()
    assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) == events + users
    rc, data = check_json(db_path)
    assert rc == 0, data["checks"]


def test_a_recovered_database_starts_a_new_line_of_anchors(office_db, _isolated_home):
    """After the damaged-database recovery put a backup in place (the backup's history may end
    earlier than the newest anchor), the log says so and the recovered history is anchored."""
    from sop_desktop.storage import backup as bk

    path, numbers = office_db
    KINDS["last event deleted, case row adjusted"](path, numbers)  # "older" history
    reforge_ledger(path)
    rc, data = check_json(path)  # (this check also puts the dropped triggers back)
    assert rc == 1 and "anchor" in failing(data)
    older = path.with_name("lama.sqlite3")
    bk.sqlite_backup(path, older)  # stand-in for the backup the recovery copies in
    bk.recover_damaged(path, older, confirmed=True)
    assert log_lines(_isolated_home)[-1].get("reset") is True
    rc, data = check_json(path)
    assert rc == 0, data["checks"]
    ctx = Context(argparse.Namespace(db=str(path)))
    ctx.services.cases.list()
    ctx.close()  # the first closing anchors the recovered history
    assert log_lines(_isolated_home)[-1]["reason"] == "tutup"




ONE_STEP = r"""
import sys
from sop_desktop.services.container import Services
svc = Services(sys.argv[1], seed=False)
case = svc.cases.get(sys.argv[2])
petugas = next(u for u in svc.users.list() if svc.users.position_names(u) == ["Petugas Uji"])
svc.cases.decide(case.number, petugas, "ya")
svc.close()
"""


def test_check_while_another_process_writes_sees_one_consistent_chain(office_db, monkeypatch):
    """`check` during work on another PC or window: a case that moves on between the walk over
    the chain and the read of the case rows is not reported as changed (one snapshot)."""
    from sop_desktop.services.container import Services
    from sop_desktop.storage import ledger_check

    path, numbers = office_db
    original = ledger_check._case_rows
    moved = []

    def case_rows_after_a_transition(database, walk):
        # another process advances case A right now, after the walk read the chain
        done = subprocess.run([sys.executable, "-c", ONE_STEP, str(path), numbers["A"]],
                              cwd=str(ROOT), capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        moved.append(True)
        return original(database, walk)

    monkeypatch.setattr(ledger_check, "_case_rows", case_rows_after_a_transition)
    with Services(str(path), seed=False) as svc:
        found = ledger_check.run_ledger_checks(svc.db, None)[1]
        assert moved and found.ok, found.problems
        monkeypatch.setattr(ledger_check, "_case_rows", original)
        assert ledger_check.run_ledger_checks(svc.db, None)[1].ok  # and after it, too
