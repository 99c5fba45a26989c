"""The same basic flow on the real PostgreSQL server (an office whose PCs share one server)."""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest

from sop_desktop import db as dbm
from sop_desktop import numbering
from tests.test_workflow import Office, fast_scrypt, field_values, install_sample, walk  # noqa: F401

pytestmark = pytest.mark.postgres


def test_open_advance_decide_inbox_counts_on_postgresql(pg_services):
    svc = pg_services
    assert not dbm.is_sqlite(svc.db)
    install_sample(svc)
    office = Office(svc)
    petugas = next(u for u in office.holders.values()
                   if svc.users.position_names(u) == ["Petugas Uji"])
    values = field_values(svc.sops.get("CONTOH"))
    numbers = [svc.cases.open_case("CONTOH", office.operator, values,
                                   at=dt.datetime(2026, 3, 17, 9, 0)).numbers[0] for _ in range(3)]
    assert numbers == [f"000{i}/CONTOH/III/2026" for i in (1, 2, 3)]
    for n in numbers:
        svc.cases.advance(n, office.operator, at=dt.datetime(2026, 3, 17, 10, 0))
    assert svc.cases.get(numbers[0]).current_due == dt.datetime(2026, 3, 26, 10, 0)
    svc.cases.decide(numbers[0], petugas, "tidak", note="kurang lengkap")
    assert svc.cases.get(numbers[0]).current_step == 1
    page = svc.inbox.for_position("Petugas Uji")
    assert page.total == 2 and [i.number for i in page.items] == numbers[1:]
    assert all(i.overdue for i in page.items)
    counts = {c.position: (c.open, c.overdue) for c in svc.inbox.counts()}
    assert counts["Petugas Uji"] == (2, 2) and counts["Pemohon Uji"] == (1, 0)
    assert svc.inbox.for_user(petugas).total == 2
    case = walk(svc, office, numbers[1])
    assert case.status == "selesai"
    assert [e.action for e in svc.cases.history(case)] == [
        "buka", "lanjut", "keputusan", "lanjut", "lanjut"]


def test_history_is_append_only_and_counters_on_postgresql(pg_services):
    svc = pg_services
    install_sample(svc)
    office = Office(svc)
    number = svc.cases.open_case("CONTOH", office.operator,
                                 field_values(svc.sops.get("CONTOH"))).numbers[0]
    event = svc.cases.last_event(svc.cases.get(number))
    with pytest.raises(pw.InternalError):
        with dbm.database.atomic():
            dbm.History.update(note="x").where(dbm.History.id == event.id).execute()
    with dbm.database.atomic():
        assert numbering.next_number("surat", 2026) == 1
        assert numbering.next_number("surat", 2026) == 2


def test_demo_fill_on_postgresql(pg_services):
    from sop_desktop.demo import fill

    result = fill(pg_services, 40, seed=3)
    assert result.cases == 40
    assert dbm.Case.select().count() == 40
    assert dbm.History.select().count() == result.events
    for case in dbm.Case.select():
        assert case.current_step == pg_services.cases.last_event(case).to_step


def test_two_processes_on_one_postgresql_database(pg_services):
    import subprocess
    import sys

    from tests.conftest import ROOT
    from tests.test_concurrency import CHILD

    svc = pg_services
    install_sample(svc)
    Office(svc)
    count = 10
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, svc.target, tag, str(count)],
                              cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for tag in ("A", "B")]
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
        assert out.strip() == str(count)
    cases = list(dbm.Case.select())
    assert len(cases) == 2 * count and len({c.number for c in cases}) == 2 * count
    assert sorted(c.seq for c in cases) == list(range(1, 2 * count + 1))
    assert all(c.status == "selesai" for c in cases)
    assert dbm.History.select().count() == 2 * count * 5
