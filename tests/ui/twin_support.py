"""Two clerks holding one position (a second Selesai could complete the next step of the
same position), and a core call run on another connection as another PC would: shared by the
stale-action and live-refresh tests."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sop_desktop.domain.model import Lane, SopDefinition, Step
from sop_desktop.domain.waktu import parse_waktu
from sop_desktop.storage import db as dbm
from tests.core.office_support import PASSWORD, field_values

PETUGAS = "Petugas Berkas Uji"
KEPALA = "Kepala Berkas Uji"


def twin_sop(code: str = "KEMBAR") -> SopDefinition:
    """Steps 2 and 3 belong to one position: a second Selesai would complete step 3."""
    defn = SopDefinition(name="Pelayanan Berkas Kembar", code=code,
                         lanes=[Lane("Pemohon Berkas Uji"), Lane(PETUGAS), Lane(KEPALA)])
    defn.steps = [
        Step(1, "Menyerahkan berkas", "Pemohon Berkas Uji", kind="start"),
        Step(2, "Mencatat berkas", PETUGAS, waktu=parse_waktu("1 jam")),
        Step(3, "Memeriksa berkas", PETUGAS, waktu=parse_waktu("1 hari")),
        Step(4, "Menyetujui", KEPALA, kind="decision", yes=5, no=3),
        Step(5, "Menyerahkan hasil", PETUGAS, kind="end"),
    ]
    return defn


class TwinOffice:
    """Two clerks holding the same position, a head and an operator."""

    def __init__(self, services):
        services.positions.save("Pemohon Berkas Uji", [], external=True)
        services.positions.save(PETUGAS, [])
        services.positions.save(KEPALA, [])
        services.sops.save_import(twin_sop(), "KEMBAR")
        users = services.users
        self.operator = users.create("operator", "Operator Kantor", PASSWORD, "operator")
        self.satu = users.create("satu", "Petugas Satu", PASSWORD, "pejabat", positions=[PETUGAS])
        self.dua = users.create("dua", "Petugas Dua", PASSWORD, "pejabat", positions=[PETUGAS])
        self.kepala = users.create("kepala", "Kepala Berkas", PASSWORD, "pejabat",
                                   positions=[KEPALA])

    def case_on_step_2(self, services) -> str:
        """A new case of the twin SOP, moved on to step 2 (both clerks' step) by the operator."""
        values = field_values(services.sops.get("KEMBAR"))
        number = services.cases.open_case("KEMBAR", self.operator, values,
                                          intake_done=False).numbers[0]
        services.cases.advance(number, self.operator)
        assert services.cases.get(number).current_step == 2
        return number


def in_another_connection(fn: Callable[[], object]) -> None:
    """Run a core call on a thread of its own: its own SQLite connection, like another PC."""
    errors: list = []

    def work():
        try:
            fn()
        except Exception as exc:  # surfaced in the test thread below
            errors.append(exc)
        finally:
            dbm.database.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert not errors, errors
