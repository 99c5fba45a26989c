"""The case, user, inbox and demo commands, run as the real `sop-desktop` in a subprocess."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli
from tests.core.office_support import PASSWORD, Office, field_values, install_sample, sample_sop


@pytest.fixture
def office_db(services, db_path):
    install_sample(services)
    office = Office(services)
    names = {services.users.position_names(u)[0]: u.username for u in office.holders.values()}
    services.close()
    return str(db_path), names


def cli(db, *args, password=PASSWORD, input=None):
    return run_cli("--db", db, *args, env={"SOP_DESKTOP_PASSWORD": password}, input=input)


def fails(result, text):
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Kesalahan:"), result.stderr
    assert text in lines[0], lines[0]


def test_case_commands_end_to_end(office_db, tmp_path):
    db, holders = office_db
    petugas = holders["Petugas Uji"]
    fields = [f"--field={k}={v}" for k, v in field_values(sample_sop()).items()]
    new = cli(db, "case", "new", "CONTOH", *fields, "--as", "operator", "--at", "2026-03-17T09:00")
    assert new.returncode == 0, new.stderr
    number = new.stdout.strip()
    assert number == "0001/CONTOH/III/2026"

    # the public's step 1 (handing the file in) is done when the clerk records the case
    attach = tmp_path / "surat.pdf"
    attach.write_bytes(b"%PDF surat")
    fails(cli(db, "case", "advance", number, "--as", "operator", "--decision", "ya"), "atas nama")
    r = cli(db, "case", "advance", number, "--as", "operator", "--decision", "tidak",
            "--on-behalf-of", petugas, "--note", "kurang KTP", "--at", "2026-03-18T08:00",
            "--attach", str(attach))
    assert r.returncode == 0, r.stderr

    show = cli(db, "case", "show", number, "--json")
    data = json.loads(show.stdout)
    assert data["number"] == number and data["sop"] == "CONTOH" and data["status"] == "berjalan"
    assert data["current_step"] == 1 and data["lane"] == "Pemohon Uji"
    assert data["position"] == "Pemohon Uji" and data["overdue"] is True
    assert data["fields"]["pemohon"] == "Budi Santoso"
    hist = data["history"]
    assert [h["action"] for h in hist] == ["buka", "lanjut", "keputusan"]
    assert hist[2]["user"] == "operator" and hist[2]["on_behalf_of"] == petugas
    assert hist[2]["from_step"] == 2 and hist[2]["to_step"] == 1
    assert hist[2]["at"] == "2026-03-18T08:00:00" and hist[2]["note"] == "kurang KTP"
    assert hist[1]["user"] == "operator" and (hist[1]["from_step"], hist[1]["to_step"]) == (1, 2)
    assert hist[1]["at"] == "2026-03-17T09:00:00"
    assert hist[2]["attachments"][0]["name"] == "surat.pdf"
    assert {"due", "expected_finish", "recorded_at"} <= set(data) | set(hist[0])

    assert cli(db, "case", "advance", number, "--as", "operator").returncode == 0
    r = cli(db, "case", "return", number, "--to", "1", "--reason", "Salah unggah", "--as", petugas)
    assert r.returncode == 0, r.stderr
    fails(cli(db, "case", "return", number, "--to", "1", "--reason", "x", "--as", petugas),
          "tidak memegang")  # the case is back at step 1: no longer Petugas Uji's
    assert cli(db, "case", "stop", number, "--reason", "Dicabut", "--as", "operator").returncode == 0
    fails(cli(db, "case", "reopen", number, "--reason", "Lanjut", "--as", "operator"),
          "administrator")
    assert cli(db, "case", "reopen", number, "--reason", "Lanjut", "--as", "admin").returncode == 0

    inbox = json.loads(cli(db, "inbox", "--position", "Pemohon Uji", "--json").stdout)
    assert [(i["number"], i["sop"], i["step"]) for i in inbox] == [(number, "CONTOH", 1)]
    assert {"due", "overdue"} <= set(inbox[0])
    assert json.loads(cli(db, "inbox", "--user", petugas, "--json").stdout) == []
    counts = json.loads(cli(db, "inbox", "--counts", "--json").stdout)
    assert {"position": "Pemohon Uji", "open": 1, "overdue": 0} in counts

    listed = json.loads(cli(db, "case", "list", "--sop", "CONTOH", "--status", "berjalan",
                            "--from", "2026-03-01", "--to", "2026-03-31", "--json").stdout)
    assert [c["number"] for c in listed] == [number]
    assert json.loads(cli(db, "case", "list", "--from", "2026-04-01", "--json").stdout) == []


def test_cli_errors_are_one_line(office_db):
    db, _ = office_db
    fails(cli(db, "case", "new", "CONTOH", "--field", "pemohon=Budi", "--as", "operator"),
          "'NIK Pemohon' wajib diisi")
    fails(cli(db, "case", "new", "CONTOH", "--as", "operator", password="salah-sandi"), "salah")
    fails(cli(db, "case", "show", "9999/X/I/2026", "--json"), "tidak ditemukan")
    fails(cli(db, "case", "new", "TIDAK-ADA", "--as", "operator"), "tidak ditemukan")
    fails(cli(db, "case", "new", "CONTOH", "--field", "tanpa-sama-dengan", "--as", "operator"),
          "kunci=nilai")
    fails(cli(db, "case", "new", "CONTOH", "--as", "operator", "--at", "kemarin"), "kemarin")


def test_user_add_and_list(office_db):
    db, _ = office_db
    r = cli(db, "user", "add", "siti", "--name", "Siti Rahayu", "--role", "pejabat",
            "--nip", "198501012010012001", "--jabatan", "Kasubbag", "--position", "Kepala Uji",
            "--as", "admin", input="kata-sandi-siti\n")
    assert r.returncode == 0, r.stderr
    users = {u["username"]: u for u in json.loads(cli(db, "user", "list", "--json").stdout)}
    assert users["siti"]["positions"] == ["Kepala Uji"] and users["siti"]["role"] == "pejabat"
    assert users["siti"]["nip"] == "198501012010012001"
    assert "password_hash" not in users["siti"]
    fails(cli(db, "user", "add", "kosong", "--name", "K", "--role", "operator", "--as", "admin",
              input=""),
          "Kata sandi")


def test_demo_command_fills_cases(services, db_path):
    services.close()
    r = run_cli("--db", str(db_path), "demo", "--cases", "60", "--seed", "2", "--json")
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["cases"] == 60
    listed = json.loads(run_cli("--db", str(db_path), "case", "list", "--json").stdout)
    assert len(listed) == 60
    assert {c["status"] for c in listed} >= {"berjalan", "selesai"}

    from sop_desktop.services.container import Services
    from sop_desktop.storage import db as dbm

    with Services(str(db_path)) as svc:
        # every case agrees with its history, which is a connected path through its SOP
        for case in dbm.Case.select():
            events = svc.cases.history(case)
            assert events[0].action == "buka" and events[-1].to_step == case.current_step
            for a, b in zip(events, events[1:], strict=False):
                assert a.to_step == b.from_step and a.at <= b.at
            if case.status == "berjalan":
                step = svc.cases.definition(case).step(case.current_step)
                if step.waktu:
                    assert case.current_due == svc.cases.calendar().due(case.step_started_at,
                                                                        step.waktu)
        # users for every internal position, and the agenda counter continues after the fill
        for pos in svc.positions.all():
            if not pos.external:
                assert svc.users.holders(pos), pos.name
        code = listed[0]["sop"]
        year = max(c.year for c in dbm.Case.select().where(dbm.Case.sop_code == code))
        taken = dbm.Case.select().where((dbm.Case.sop_code == code) & (dbm.Case.year == year))
        from sop_desktop.services import numbering

        assert numbering.peek(numbering.agenda_key(code), year) == max(c.seq for c in taken)
