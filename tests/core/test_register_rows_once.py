"""The register's rows with what repeats worked out once (issue 19): a case's deadline shared by
every case whose first standard counts from the same moment, an SOP's field types and
disposition steps read once per SOP; the answers stay those of the calendar and the SOP."""

from __future__ import annotations

import datetime as dt

import pytest

from sop_desktop.domain.calendar import CalendarSettings, WorkCalendar
from sop_desktop.domain.model import IntakeField, Lane, SopDefinition, Step
from sop_desktop.domain.waktu import parse_waktu
from sop_desktop.reports.facts import CaseFacts, EventFacts
from sop_desktop.reports.registers import RegisterFilters, register_from_facts
from sop_desktop.reports.timing import Timer
from sop_desktop.services.office import OfficeProfile


def sop(waktus: list[str | None], code: str = "UJI", outputs: tuple[str, ...] = ()) -> SopDefinition:
    steps = [Step(i, f"Langkah {i}", "Petugas" if i % 2 else "Kepala",
                  waktu=parse_waktu(w) if w else None,
                  output=outputs[i - 1] if i <= len(outputs) else "")
             for i, w in enumerate(waktus, 1)]
    fields = [IntakeField("nama_pengadu", "Nama Pengadu"), IntakeField("tgl", "Tanggal", "date"),
              IntakeField("jumlah", "Jumlah", "integer"), IntakeField("pokok_aduan", "Pokok Aduan")]
    return SopDefinition(f"SOP {code}", lanes=[Lane("Petugas"), Lane("Kepala")], steps=steps,
                         fields=fields, code=code)


@pytest.mark.parametrize("mode", ["hari_kerja", "kalender"])
@pytest.mark.parametrize("waktus", [["30 menit", "2 hari", None, "1 jam"], [None, "1,5 hari"],
                                    ["3 hari kerja", "15 menit"], [None, None]])
def test_the_deadline_is_the_calendars_for_a_case_received_at_any_hour(mode, waktus):
    settings = CalendarSettings(plain_hari_mode=mode,
                                extra_holidays={dt.date(2026, 12, 9): "Libur uji"})
    calendar = WorkCalendar(settings)
    defn = sop(waktus)
    timer = Timer(WorkCalendar(settings), dt.datetime(2026, 12, 31))
    plan = [parse_waktu(w) if w else None for w in waktus]
    start = dt.datetime(2026, 12, 4, 0, 7)  # a Friday, past the weekend and the holiday
    while start < dt.datetime(2026, 12, 12):
        expected = calendar.expected_finish(start, plan) if any(plan) else None
        assert timer.deadline(defn, start) == expected, start
        start += dt.timedelta(minutes=53)


def case(i: int, defn: SopDefinition, events: list[EventFacts]) -> CaseFacts:
    opened = dt.datetime(2026, 12, 1, 9, 0) + dt.timedelta(hours=i)
    return CaseFacts(id=i, number=f"{i:03d}/UJI", sop=defn, status="berjalan", created_at=opened,
                     current_step=3, current_position="Kepala",
                     fields={"nama_pengadu": f"Pengadu {i}", "tgl": "2026-11-30T00:00",
                             "jumlah": "12", "pokok_aduan": "Jalan rusak"},
                     events=events, step_positions={1: "Petugas", 2: "Kepala", 3: "Kabid"})


def test_rows_of_two_sops_each_follow_their_own_steps_and_fields():
    # one SOP names its disposition step (the first) in the output column, the other names
    # none: the first one's disposition is the move out of that step, the other's the first
    # hand-over after the intake; a case not past the named step has none yet
    named = sop(["1 hari", "1 hari", "1 hari"], "A", outputs=("Lembar disposisi",))
    plain = sop(["1 hari", "1 hari", "1 hari"], "B")
    at, later = dt.datetime(2026, 12, 2, 10, 0), dt.datetime(2026, 12, 3, 10, 0)
    moves = [EventFacts("lanjut", at, 1, 2), EventFacts("lanjut", later, 2, 3)]
    cases = [case(1, named, moves), case(2, plain, moves), case(3, named, [])]
    data = register_from_facts(cases, kind="aduan", filters=RegisterFilters("aduan"),
                               calendar=WorkCalendar(), as_of=dt.datetime(2026, 12, 7, 9, 0),
                               office=OfficeProfile(), sops=[named, plain])
    got = [(r["disposisi_kepada"], r["disposisi_tanggal"], r["pengadu_nama"]) for r in data.rows]
    assert got == [("Kepala", at.date(), "Pengadu 1"), ("Kabid", later.date(), "Pengadu 2"),
                   (None, None, "Pengadu 3")]
    rows = register_from_facts(cases[::2], kind="sop", filters=RegisterFilters("A"),
                               calendar=WorkCalendar(), as_of=dt.datetime(2026, 12, 7, 9, 0),
                               office=OfficeProfile(), sops=[named]).rows
    assert [(r["f:tgl"], r["f:jumlah"]) for r in rows] == [(dt.date(2026, 11, 30), 12)] * 2
