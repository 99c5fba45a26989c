"""The case engine: every bundled SOP walked end to end, decisions, permissions, times, dues."""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest

from sop_desktop.domain.model import Step
from sop_desktop.domain.waktu import parse_waktu
from sop_desktop.errors import PermissionDenied, ValidationError
from sop_desktop.storage import db as dbm
from tests.core.chain_support import expected_anchor
from tests.core.office_support import PASSWORD, Office, field_values, install_sample, open_case, sample_sop, walk

# -- the bundled library, walked by the engine ---------------------------------------------------

def test_every_bundled_sop_walks_from_first_to_last_step(services):
    sops = [d for d in services.sops.latest_all() if not d.incomplete]
    if not sops:  # the curated library is not in this tree yet: walk the sample instead
        sops = [install_sample(services)]
    office = Office(services)
    for defn in sops:
        number = open_case(services, office, defn.code)
        case = walk(services, office, number)
        assert case.status == "selesai", defn.code
        assert case.current_step is None and case.current_position is None
        events = services.cases.history(case)
        assert events[0].action == "buka" and events[0].to_step == defn.steps[0].number
        assert events[-1].to_step is None
        expected = [s.number for s in services.cases.remaining_path(defn, defn.steps[0].number)]
        assert [e.from_step for e in events[1:]] == expected, defn.code
        for event in events[1:]:
            step = defn.step(event.from_step)
            pos = services.positions.position_for_lane(defn, step.lane)
            if pos is not None and not pos.external:
                # acted by the holder of the step's position, in that position
                assert event.position_id == pos.id
                assert pos.id in services.users.position_ids(event.user)
            else:
                assert event.user.role == "operator"
        for a, b in zip(events, events[1:], strict=False):
            assert a.to_step == b.from_step  # the history is a connected path


def test_every_decision_branch_goes_where_the_sop_says(services):
    sops = [d for d in services.sops.latest_all() if not d.incomplete] or [install_sample(services)]
    office = Office(services)
    checked = 0
    for defn in sops:
        main = [s.number for s in services.cases.remaining_path(defn, defn.steps[0].number)]
        for step in defn.steps:
            if step.kind != "decision" or step.number not in main:
                continue
            for answer, target in (("ya", step.yes), ("tidak", step.no)):
                number = open_case(services, office, defn.code)
                case = services.cases.get(number)
                while case.current_step != step.number:
                    walk_one(services, office, case)
                    case = services.cases.get(number)
                change = services.cases.decide(number, office.actor(case), answer)
                case = services.cases.get(number)
                assert change.to_step == target == case.current_step, (defn.code, step.number)
                assert services.cases.last_event(case).decision == answer
                checked += 1
    assert checked >= 2


def walk_one(services, office, case):
    step = services.cases.definition(case).step(case.current_step)
    if step.kind == "decision":
        services.cases.decide(case.number, office.actor(case), "ya")
    else:
        services.cases.advance(case.number, office.actor(case))


# -- permissions -----------------------------------------------------------------------------------

def test_permission_rule_deny_by_default(services):
    install_sample(services)
    office = Office(services)
    users = services.users
    petugas = users.get(next(u.username for u in office.holders.values()
                             if users.position_names(u) == ["Petugas Uji"]))
    kepala = users.get(next(u.username for u in office.holders.values()
                            if users.position_names(u) == ["Kepala Uji"]))
    outsider = users.create("luar", "Pejabat Lain", PASSWORD, "pejabat")

    # a pejabat may not open a case whose first step is not theirs
    with pytest.raises(PermissionDenied):
        services.cases.open_case("CONTOH", kepala, field_values(services.sops.get("CONTOH")))
    number = open_case(services, office, "CONTOH")
    # step 1 belongs to the public (external): an operator records it, a pejabat may not
    with pytest.raises(PermissionDenied):
        services.cases.advance(number, petugas)
    services.cases.advance(number, office.operator)
    # step 2 belongs to Petugas Uji
    for wrong in (kepala, outsider):
        with pytest.raises(PermissionDenied):
            services.cases.decide(number, wrong, "ya")
    with pytest.raises(PermissionDenied, match="atas nama"):
        services.cases.decide(number, office.operator, "ya")  # operator must name the official
    with pytest.raises(PermissionDenied):
        services.cases.decide(number, office.operator, "ya", on_behalf_of=kepala)
    with pytest.raises(PermissionDenied):  # only staff record on behalf of others
        services.cases.decide(number, outsider, "ya", on_behalf_of=petugas)
    assert services.cases.get(number).current_step == 2  # nothing moved
    services.cases.decide(number, office.operator, "ya", on_behalf_of=petugas, note="via operator")
    event = services.cases.last_event(services.cases.get(number))
    assert event.user.username == "operator" and event.on_behalf_of.username == petugas.username
    assert event.position.name == "Petugas Uji"
    services.cases.advance(number, kepala)  # the holder acts directly
    refusals = list(dbm.Refusal.select().order_by(dbm.Refusal.id))
    assert len(refusals) == 7
    assert {r.username for r in refusals} == {"luar", "operator", petugas.username, kepala.username}
    assert all(r.reason for r in refusals)


def test_allowed_actions_follow_the_rule(services):
    install_sample(services)
    office = Office(services)
    number = open_case(services, office, "CONTOH")
    case = services.cases.get(number)
    kepala = next(u for u in office.holders.values()
                  if services.users.position_names(u) == ["Kepala Uji"])
    assert services.cases.allowed_actions(case, kepala) == []
    assert services.cases.allowed_actions(case, office.operator) == ["lanjut", "hentikan"]
    services.cases.advance(number, office.operator)
    assert services.cases.allowed_actions(number, office.operator) == ["keputusan", "kembali",
                                                                      "hentikan"]
    services.cases.stop(number, office.admin, "Pemohon mencabut")
    assert services.cases.allowed_actions(number, office.operator) == []
    assert services.cases.allowed_actions(number, office.admin) == ["buka_kembali"]


# -- return, stop, reopen --------------------------------------------------------------------------

def test_return_stop_and_reopen(services):
    install_sample(services)
    office = Office(services)
    petugas = next(u for u in office.holders.values()
                   if services.users.position_names(u) == ["Petugas Uji"])
    number = open_case(services, office, "CONTOH")
    services.cases.advance(number, office.operator)
    with pytest.raises(ValidationError, match="sebelumnya"):
        services.cases.return_to(number, petugas, 3, "maju bukan kembali")
    with pytest.raises(ValidationError, match="Alasan"):
        services.cases.return_to(number, petugas, 1, "  ")
    change = services.cases.return_to(number, petugas, 1, "Berkas kurang lengkap")
    case = services.cases.get(number)
    assert change.action == "kembali" and case.current_step == 1
    assert services.cases.last_event(case).note == "Berkas kurang lengkap"
    services.cases.advance(number, office.operator)
    services.cases.stop(number, petugas, "Pemohon tidak melengkapi")
    case = services.cases.get(number)
    assert case.status == "dihentikan" and case.current_step == 2 and case.current_due is None
    with pytest.raises(ValidationError):
        services.cases.decide(number, petugas, "ya")
    with pytest.raises(PermissionDenied):
        services.cases.reopen(number, office.operator, "dibuka lagi")
    services.cases.reopen(number, office.admin, "Pemohon melengkapi berkas")
    case = services.cases.get(number)
    assert case.status == "berjalan" and case.current_step == 2 and case.current_due is not None
    assert [e.action for e in services.cases.history(case)] == [
        "buka", "lanjut", "kembali", "lanjut", "hentikan", "buka_kembali"]
    walk(services, office, number)
    assert services.cases.get(number).status == "selesai"


# -- times -------------------------------------------------------------------------------------------

def test_real_times_late_entry_and_mutu_baku(services):
    install_sample(services)
    office = Office(services)
    petugas = next(u for u in office.holders.values()
                   if services.users.position_names(u) == ["Petugas Uji"])
    opened = dt.datetime(2026, 3, 2, 8, 0)  # Monday
    number = open_case(services, office, "CONTOH", at=opened)
    future = services.cases.clock() + dt.timedelta(hours=1)
    with pytest.raises(ValidationError, match="masa depan"):
        services.cases.advance(number, office.operator, at=future)
    with pytest.raises(ValidationError, match="sebelum"):
        services.cases.advance(number, office.operator, at=opened - dt.timedelta(minutes=1))
    services.cases.advance(number, office.operator, at=dt.datetime(2026, 3, 2, 8, 30))
    event = services.cases.last_event(services.cases.get(number))
    assert event.at == dt.datetime(2026, 3, 2, 8, 30)
    assert event.recorded_at > event.at  # entered later than it happened
    assert event.seconds_taken == 30 * 60
    assert event.due == dt.datetime(2026, 3, 2, 8, 10) and event.on_time is False
    services.cases.decide(number, office.operator, "ya", on_behalf_of=petugas,
                          at=dt.datetime(2026, 3, 3, 9, 0))
    event = services.cases.last_event(services.cases.get(number))
    assert event.on_time is True and event.on_behalf_of_id == petugas.id
    data = services.cases.describe(number)
    assert data["history"][-1]["at"] == "2026-03-03T09:00:00"
    assert data["overdue"] is True  # a 1-hour step started in March is late by now


def test_two_day_step_due_crosses_weekend_holidays_and_cuti_bersama(services):
    install_sample(services)
    office = Office(services)
    number = open_case(services, office, "CONTOH", at=dt.datetime(2026, 3, 17, 9, 0))
    services.cases.advance(number, office.operator, at=dt.datetime(2026, 3, 17, 10, 0))
    data = services.cases.describe(number)
    # 18 Mar cuti bersama Nyepi, 19 Nyepi, 20 cuti bersama Idul Fitri, 21–22 Idul Fitri and
    # the weekend, 23–24 cuti bersama: the two working days are 25 and 26 March.
    assert data["current_step"] == 2
    assert data["due"] == "2026-03-26T10:00:00"
    assert services.cases.get(number).current_due == dt.datetime(2026, 3, 26, 10, 0)
    assert data["expected_finish"] is not None


def test_expected_finish_adds_the_remaining_standards(services):
    install_sample(services)
    office = Office(services)
    # a clock in the past so the case is not yet late
    services.cases.clock = lambda: dt.datetime(2026, 3, 17, 10, 0)
    number = open_case(services, office, "CONTOH", at=dt.datetime(2026, 3, 17, 9, 0))
    services.cases.advance(number, office.operator, at=dt.datetime(2026, 3, 17, 10, 0))
    data = services.cases.describe(number)
    # step 2 due 26 Mar 10:00, then step 3 (1 jam) and step 4 (30 menit) of office time
    assert data["expected_finish"] == "2026-03-26T11:30:00"
    assert data["overdue"] is False


# -- intake fields and SOP versions ------------------------------------------------------------------

@pytest.mark.parametrize("key,value,message", [
    ("pemohon", "", "'Nama Pemohon' wajib diisi"),
    ("nik", "12345", "'NIK Pemohon': NIK harus 16 angka"),
    ("nip", "1980", "'NIP Petugas': NIP harus 18 angka"),
    ("telepon", "12345", "'Nomor Telepon'"),
    ("surel", "bukan-surel", "'Surel'"),
    ("tanggal", "17/03/2026", "'Tanggal Surat'"),
    ("jumlah", "dua", "'Jumlah Berkas' harus bilangan bulat"),
    ("media", "Telepati", "'Media'"),
    ("tidak_ada", "x", "'tidak_ada' tidak dikenal"),
])
def test_intake_fields_are_validated_with_indonesian_messages(services, key, value, message):
    install_sample(services)
    office = Office(services)
    values = field_values(services.sops.get("CONTOH")) | {key: value}
    with pytest.raises(ValidationError) as err:
        services.cases.open_case("CONTOH", office.operator, values)
    assert message in str(err.value)
    assert dbm.Case.select().count() == 0


def test_intake_values_are_cleaned(services):
    install_sample(services)
    office = Office(services)
    values = field_values(services.sops.get("CONTOH")) | {
        "telepon": "+62 812-3456-7890", "jumlah": " 3 ", "media": "surat", "nik": "3171 2345 6789 0123"}
    number = services.cases.open_case("CONTOH", office.operator, values).numbers[0]
    fields = services.cases.get(number).fields
    assert fields["telepon"] == "+6281234567890" and fields["jumlah"] == 3
    assert fields["media"] == "Surat" and fields["nik"] == "3171234567890123"


def test_a_case_keeps_its_sop_version_when_the_sop_is_revised(services):
    install_sample(services)
    office = Office(services)
    old = open_case(services, office, "CONTOH")
    revised = sample_sop()
    revised.steps[2].waktu = parse_waktu("3 jam")
    revised.steps.insert(3, Step(5, "Mengarsipkan", "Petugas Uji", waktu=parse_waktu("1 jam")))
    stored, created = services.sops.save_import(revised, "CONTOH").value
    assert created and stored.version == 2
    new = open_case(services, office, "CONTOH")
    assert services.cases.definition(services.cases.get(old)).version == 1
    assert services.cases.definition(services.cases.get(new)).version == 2
    old_case = walk(services, office, old)
    assert [e.from_step for e in services.cases.history(old_case)[1:]] == [1, 2, 3, 4]
    new_case = walk(services, office, new)
    assert [e.from_step for e in services.cases.history(new_case)[1:]] == [1, 2, 3, 5, 4]


# -- atomicity and events from other modules -----------------------------------------------------------

def test_failed_action_changes_nothing(services, monkeypatch):
    install_sample(services)
    office = Office(services)
    number = open_case(services, office, "CONTOH")
    before = (services.cases.get(number).current_step, dbm.History.select().count())

    def boom(*a, **k):
        raise RuntimeError("listrik padam")

    monkeypatch.setattr(dbm.Attachment, "create", boom)
    src = services.attachments.store.root.parent / "bukti.txt"
    src.write_text("bukti")
    with pytest.raises(RuntimeError):
        services.cases.advance(number, office.operator, attachments=[src])
    assert (services.cases.get(number).current_step, dbm.History.select().count()) == before


def test_record_event_commits_with_the_callers_rows(services):
    install_sample(services)
    office = Office(services)
    number = open_case(services, office, "CONTOH")
    case = services.cases.get(number)
    with pytest.raises(RuntimeError):
        with dbm.database.atomic():
            dbm.OutgoingLetter.create(case=case, number="001/UJI/2026", subject="Balasan",
                                      issued_by=office.operator)
            services.cases.record_event(case, office.operator, "surat", "Surat 001/UJI/2026")
            raise RuntimeError("pencetakan gagal")
    assert dbm.OutgoingLetter.select().count() == 0
    assert [e.action for e in services.cases.history(case)] == ["buka"]
    from sop_desktop.services import workflow

    pdf = services.attachments.store.add_bytes(b"%PDF surat balasan", "surat-001.pdf")
    with dbm.database.atomic():
        dbm.OutgoingLetter.create(case=case, number="001/UJI/2026", subject="Balasan",
                                  issued_by=office.operator, file_sha256=pdf.sha256)
        workflow.record_event(case, office.operator, "surat", "Surat 001/UJI/2026",
                              attachments=[pdf])
    events = services.cases.history(case)
    assert [e.action for e in events] == ["buka", "surat"]
    assert events[-1].attachments == [pdf.to_dict()]
    assert [a.name for a in services.attachments.for_case(case)] == ["surat-001.pdf"]
    assert events[-1].from_step == events[-1].to_step == case.current_step
    assert services.cases.get(number).current_step == 1  # a letter does not move the case


def test_history_cannot_be_changed(services):
    install_sample(services)
    office = Office(services)
    number = open_case(services, office, "CONTOH")
    event = services.cases.last_event(services.cases.get(number))
    with pytest.raises(pw.IntegrityError):
        with dbm.database.atomic():
            dbm.History.update(note="diubah").where(dbm.History.id == event.id).execute()
    with pytest.raises(pw.IntegrityError):
        with dbm.database.atomic():
            dbm.History.delete().where(dbm.History.id == event.id).execute()
    assert dbm.History.get_by_id(event.id).note == ""


# -- the history hash chain ------------------------------------------------------------------------

def test_every_kind_of_event_is_chained_to_the_previous_event_of_its_case(services):
    from sop_desktop.storage import integrity

    install_sample(services)
    office = Office(services)
    petugas = next(u for u in office.holders.values()
                   if services.users.position_names(u) == ["Petugas Uji"])
    t0 = dt.datetime(2026, 3, 17, 8, 0)
    number = open_case(services, office, "CONTOH", at=t0)
    other = open_case(services, office, "CONTOH", at=t0)  # interleaves its own chain
    src = services.attachments.store.root.parent / "bukti.txt"
    src.write_text("bukti")
    services.cases.advance(number, office.operator, attachments=[src], note="Ä lengkap",
                           at=t0 + dt.timedelta(minutes=30))  # seconds taken, due, on time
    services.cases.advance(other, office.operator, at=t0 + dt.timedelta(minutes=40))
    services.cases.decide(number, office.operator, "tidak", on_behalf_of=petugas)
    services.cases.record_event(number, office.operator, "surat", "Surat 001")
    services.cases.advance(number, office.operator)
    services.cases.return_to(number, petugas, 1, "kembali ke awal")
    services.cases.stop(number, office.admin, "dicabut")
    services.cases.reopen(number, office.admin, "dilanjutkan")
    events = [e for e in dbm.History.select().order_by(dbm.History.id).dicts()]
    assert {e["action"] for e in events} >= {"buka", "lanjut", "keputusan", "surat", "kembali",
                                             "hentikan", "buka_kembali"}
    mine = [e for e in events if e["case"] == services.cases.get(number).id]
    previous = None
    for event in mine:
        assert event["hash"] == integrity.event_hash(previous, event)
        previous = event["hash"]
    assert integrity.check_history_chain(services.db).ok
    assert events[-1]["hash"] == mine[-1]["hash"]
    assert integrity.latest_chain_hash() == expected_anchor(events)
