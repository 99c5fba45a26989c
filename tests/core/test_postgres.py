"""The same basic flow on the real PostgreSQL server (an office whose PCs share one server)."""

from __future__ import annotations

import datetime as dt
import json

import peewee as pw
import pytest

from sop_desktop.services import numbering
from sop_desktop.storage import db as dbm
from sop_desktop.storage import integrity
from tests.core.chain_support import CHILD, expected_anchor, run_chain_writers, run_two_writers
from tests.core.office_support import Office, field_values, install_sample, walk

pytestmark = pytest.mark.postgres


def test_open_advance_decide_inbox_counts_on_postgresql(pg_services):
    svc = pg_services
    assert not dbm.is_sqlite(svc.db)
    install_sample(svc)
    office = Office(svc)
    petugas = next(u for u in office.holders.values()
                   if svc.users.position_names(u) == ["Petugas Uji"])
    values = field_values(svc.sops.get("CONTOH"))
    numbers = [svc.cases.open_case("CONTOH", office.operator, values, intake_done=False,
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
                                 field_values(svc.sops.get("CONTOH")),
                                 intake_done=False).numbers[0]
    event = svc.cases.last_event(svc.cases.get(number))
    with pytest.raises(pw.InternalError):
        with dbm.database.atomic():
            dbm.History.update(note="x").where(dbm.History.id == event.id).execute()
    with dbm.database.atomic():
        assert numbering.next_number("surat", 2026) == 1
        assert numbering.next_number("surat", 2026) == 2


def test_demo_fill_on_postgresql(pg_services):
    from sop_desktop.ops.demo import fill

    result = fill(pg_services, 40, seed=3)
    assert result.cases == 40
    assert dbm.Case.select().count() == 40
    assert dbm.History.select().count() == result.events
    for case in dbm.Case.select():
        assert case.current_step == pg_services.cases.last_event(case).to_step


def test_two_processes_on_one_postgresql_database(pg_services):


    svc = pg_services
    install_sample(svc)
    Office(svc)
    count = 10
    run_two_writers(CHILD, [svc.target], count)
    cases = list(dbm.Case.select())
    assert len(cases) == 2 * count and len({c.number for c in cases}) == 2 * count
    assert sorted(c.seq for c in cases) == list(range(1, 2 * count + 1))
    assert all(c.status == "selesai" for c in cases)
    assert dbm.History.select().count() == 2 * count * 5
    assert integrity.check_history_chain(svc.db).ok


# -- the history hash chain on PostgreSQL ------------------------------------------------------

def test_history_chain_and_tamper_check_on_postgresql(pg_services):
    svc = pg_services
    install_sample(svc)
    office = Office(svc)
    values = field_values(svc.sops.get("CONTOH"))
    t0 = dt.datetime(2026, 3, 17, 9, 0)
    numbers = [svc.cases.open_case("CONTOH", office.operator, values, at=t0,
                                   intake_done=False).numbers[0]
               for _ in range(2)]
    for n in numbers:
        svc.cases.advance(n, office.operator, at=t0 + dt.timedelta(minutes=10))
    svc.cases.record_event(numbers[0], office.operator, "catatan", "arsip")
    rows = list(dbm.History.select().order_by(dbm.History.id).dicts())
    previous = {}
    for row in rows:  # timestamps, booleans and floats as PostgreSQL gives them back
        assert row["hash"] == integrity.event_hash(previous.get(row["case"]), row)
        previous[row["case"]] = row["hash"]
    assert integrity.check_history_chain(svc.db).ok
    assert integrity.latest_chain_hash() == expected_anchor(rows)
    ids = [e.id for e in svc.cases.history(numbers[0])]
    # an attacker with psql: switch the guard off, edit one event
    with dbm.database.atomic():
        svc.db.execute_sql('ALTER TABLE "history" DISABLE TRIGGER history_read_only')
        svc.db.execute_sql('UPDATE "history" SET "note" = %s WHERE "id" = %s', ("diubah", ids[1]))
        svc.db.execute_sql('ALTER TABLE "history" ENABLE TRIGGER history_read_only')
    finding = integrity.check_history_chain(svc.db)
    assert not finding.ok
    first = finding.first_broken
    assert (first["case"], first["event_id"], first["kind"]) == (numbers[0], ids[1], "changed")


def test_demo_fill_chain_and_dump_on_postgresql(pg_services, tmp_path):
    from sop_desktop.ops.demo import fill
    from sop_desktop.storage import backup as bk

    fill(pg_services, 30, seed=4)
    assert integrity.check_history_chain(pg_services.db).ok
    assert integrity.check_case_states(pg_services.db).ok
    head = integrity.latest_chain_hash()
    dump = bk.create_backup(pg_services, tmp_path / "isi.sopdump")
    info = bk.backup_info(dump)
    assert info["chain_hash"] == head and info["event_id"] == dbm.History.select(
        pw.fn.MAX(dbm.History.id)).scalar()


def test_upgrade_to_the_chain_on_postgresql(pg_services, _isolated_home):
    """A PostgreSQL database as schema 2 left it (no history.hash) is chained on open, after a
    logical dump of what it held."""
    from sop_desktop.services.container import Services
    from sop_desktop.storage import migrations
    from sop_desktop.storage.backup import list_backups

    svc = pg_services
    install_sample(svc)
    office = Office(svc)
    values = field_values(svc.sops.get("CONTOH"))
    for _ in range(2):
        number = svc.cases.open_case("CONTOH", office.operator, values,
                                     intake_done=False).numbers[0]
        svc.cases.advance(number, office.operator)
    with dbm.database.atomic():  # back to schema 2
        svc.db.execute_sql('ALTER TABLE "history" DROP COLUMN "hash"')
        svc.db.execute_sql("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    target = svc.target
    svc.close()
    with Services(target, seed=False) as again:
        assert migrations.current_version(again.db) == migrations.SCHEMA_VERSION
        finding = integrity.check_history_chain(again.db)
        assert finding.ok and "4 peristiwa" in finding.message
        with pytest.raises(pw.InternalError):
            with dbm.database.atomic():
                dbm.History.update(note="x").execute()
    dumps = [b for b in list_backups(_isolated_home / "backups") if b.reason == "pre-migration"]
    assert len(dumps) == 1
    header = json.loads(dumps[0].path.read_text(encoding="utf-8").splitlines()[0])
    assert header["schema_version"] == 2


def test_two_processes_appending_to_one_case_on_postgresql(pg_services):
    svc = pg_services
    install_sample(svc)
    office = Office(svc)
    number = svc.cases.open_case("CONTOH", office.operator,
                                 field_values(svc.sops.get("CONTOH")),
                                 intake_done=False).numbers[0]
    run_chain_writers(svc.target, number, count=20)
    assert len(svc.cases.history(number)) == 41
    finding = integrity.check_history_chain(svc.db)
    assert finding.ok, finding.problems
