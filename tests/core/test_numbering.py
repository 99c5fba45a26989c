"""Agenda numbers: a configurable pattern and a per-SOP, per-year counter that never repeats."""

from __future__ import annotations

import datetime as dt

import pytest

from sop_desktop.errors import ValidationError
from sop_desktop.services import numbering
from sop_desktop.storage import db as dbm
from tests.core.office_support import Office, field_values, install_sample


def test_next_number_counts_per_key_and_year(services):
    with dbm.database.atomic():
        assert [numbering.next_number("surat", 2026) for _ in range(3)] == [1, 2, 3]
        assert numbering.next_number("surat", 2027) == 1
        assert numbering.next_number("lain", 2026) == 1
    assert numbering.peek("surat", 2026) == 3


def test_a_rolled_back_number_is_given_again_a_committed_one_never(services):
    with pytest.raises(RuntimeError):
        with dbm.database.atomic():
            assert numbering.next_number("surat", 2026) == 1
            raise RuntimeError("batal")
    with dbm.database.atomic():
        assert numbering.next_number("surat", 2026) == 1
    with dbm.database.atomic():
        assert numbering.next_number("surat", 2026) == 2


def test_agenda_number_default_pattern(services):
    install_sample(services, "YANKOMAS")
    office = Office(services)
    values = field_values(services.sops.get("YANKOMAS"))
    numbers = [services.cases.open_case("YANKOMAS", office.operator, values,
                                        at=dt.datetime(2026, 11, 3, 9, 0)).numbers[0]
               for _ in range(7)]
    assert numbers[0] == "0001/YANKOMAS/XI/2026"
    assert numbers[-1] == "0007/YANKOMAS/XI/2026"
    assert len(set(numbers)) == 7
    # a new year starts again at 1, and numbers of other years are untouched
    first_2025 = services.cases.open_case("YANKOMAS", office.operator, values,
                                          at=dt.datetime(2025, 12, 30, 9, 0)).numbers[0]
    assert first_2025 == "0001/YANKOMAS/XII/2025"


def test_pattern_and_kode_are_configurable(services):
    install_sample(services, "PELAYANAN-CONTOH-UJI")
    office = Office(services)
    numbering.set_agenda_pattern("W6-{kode}-{nomor:03d}/{bulan}/{tahun}")
    numbering.set_sop_kode("PELAYANAN-CONTOH-UJI", "PCU")
    values = field_values(services.sops.get("PELAYANAN-CONTOH-UJI"))
    change = services.cases.open_case("PELAYANAN-CONTOH-UJI", office.operator, values,
                                      at=dt.datetime(2026, 3, 2, 9, 0))
    assert change.numbers == ["W6-PCU-001/3/2026"]


@pytest.mark.parametrize("pattern,message", [
    ("{kode}/{tahun}", "{nomor}"),
    ("{nomor}/{entah}", "entah"),
    ("{nomor", "tidak valid"),
])
def test_bad_patterns_are_refused(services, pattern, message):
    with pytest.raises(ValidationError, match=message.replace("{", r"\{").replace("}", r"\}")):
        numbering.set_agenda_pattern(pattern)


def test_raise_to_only_moves_up(services):
    with dbm.database.atomic():
        numbering.raise_to("k", 2026, 10)
        numbering.raise_to("k", 2026, 4)
        assert numbering.next_number("k", 2026) == 11
