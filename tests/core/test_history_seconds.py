"""A step's time taken is stored exactly on both engines (schema 8): on PostgreSQL a `real`
column rounded a step longer than 2^24 s and the history check then reported a changed event."""

from __future__ import annotations

import datetime as dt

import pytest

from sop_desktop.services.container import Services
from sop_desktop.storage import db as dbm
from sop_desktop.storage import integrity, migrations
from tests.core.office_support import Office, field_values, install_sample

LONG = 2**24 + 1  # seconds: about 194 days, odd, so a 4-byte float cannot hold it


def _long_step(svc: Services) -> str:
    install_sample(svc)
    office = Office(svc)
    t0 = dt.datetime(2026, 3, 17, 9, 0)
    number = svc.cases.open_case("CONTOH", office.operator, field_values(svc.sops.get("CONTOH")),
                                 intake_done=False, at=t0).numbers[0]
    svc.cases.advance(number, office.operator, at=t0 + dt.timedelta(seconds=LONG))
    return number


def _column_type(db) -> str:
    return db.execute_sql("SELECT data_type FROM information_schema.columns WHERE table_name = "
                          "'history' AND column_name = 'seconds_taken'").fetchone()[0]


def test_a_long_step_is_stored_exactly_on_sqlite(services):
    number = _long_step(services)
    taken = [e.seconds_taken for e in services.cases.history(number) if e.action == "lanjut"]
    assert taken == [LONG]
    assert integrity.check_history_chain(services.db).ok


@pytest.mark.postgres
def test_a_long_step_is_stored_exactly_and_checks_on_postgresql(pg_services):
    svc = pg_services
    assert _column_type(svc.db) == "double precision"
    number = _long_step(svc)
    taken = [e.seconds_taken for e in svc.cases.history(number) if e.action == "lanjut"]
    assert taken == [LONG]
    assert integrity.check_history_chain(svc.db).ok


@pytest.mark.postgres
def test_schema_8_widens_the_column_on_postgresql(pg_services):
    db = pg_services.db
    db.execute_sql('ALTER TABLE "history" ALTER COLUMN "seconds_taken" TYPE REAL')
    db.execute_sql("UPDATE meta SET value='7' WHERE key='schema_version'")
    assert _column_type(db) == "real"
    pg_services.close()
    with Services(pg_services.target, seed=False) as svc:
        assert migrations.current_version(svc.db) == migrations.SCHEMA_VERSION >= 8
        assert _column_type(svc.db) == "double precision"
        assert dbm.History.select().count() == 0
