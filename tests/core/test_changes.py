"""The one typed Changes value: the case engine's results convert to it without loss."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sop_desktop.domain.calendar import CalendarSettings
from sop_desktop.errors import PermissionDenied, ValidationError
from sop_desktop.services import numbering, office
from sop_desktop.services.changes import Bulk, Changes, Outcome
from sop_desktop.services.office_calendar import save_calendar
from sop_desktop.storage.calendar_settings import load_calendar_settings
from tests.core.office_support import PASSWORD, Office, install_sample, open_case


def test_a_case_action_converts_to_changes_with_its_cases_and_inboxes(services):
    install_sample(services)
    office = Office(services)
    number = open_case(services, office, "CONTOH")
    case = services.cases.get(number)
    change = services.cases.advance(number, office.actor(case), note="berkas diterima")
    changes = change.changes()
    assert isinstance(changes, Changes)
    assert changes.cases == (case.id,)
    assert changes.positions == tuple(change.positions) and "Petugas Uji" in changes.positions
    assert changes.action == change.action == "lanjut"
    assert changes.case_changes == (change,) and changes.numbers == (number,)
    assert changes.touches(case.id) and not changes.touches(case.id + 1)
    assert changes.touches_inbox() and not changes.sops
    with pytest.raises(dataclasses.FrozenInstanceError):
        changes.sops = True  # type: ignore[misc]


def test_a_disposisi_service_result_converts_the_same_way(services):
    install_sample(services)
    office = Office(services)
    number = open_case(services, office, "CONTOH", intake_done=True)
    case = services.cases.get(number)
    holder = office.actor(case)
    change = services.disposisi.take(case.id, holder)
    assert change.changes().cases == (case.id,)
    assert change.changes().action == change.action


def test_merge_keeps_both_without_repeats():
    a = Changes.of_cases([3, 1, 3], letters=True)
    b = Changes(cases=(1, 2), positions=("Kepala",), attachments=True, action="lampiran")
    merged = a.merge(b)
    assert a.cases == (3, 1)
    assert merged.cases == (3, 1, 2) and merged.positions == ("Kepala",)
    assert merged.letters and merged.attachments and merged.action == "lampiran"
    assert not merged.all_cases and merged.touches(2) and not merged.touches(9)


def test_administration_changes_route_without_case_ids():
    assert Changes(calendar=True).touches_inbox()
    assert Changes(position_list=True).touches_inbox()
    assert not Changes(office=True).touches_inbox() and not Changes(sops=True).touches_inbox()
    everything = Changes.everything()
    assert everything.all_cases and everything.sops and everything.touches(12345)


def test_the_core_says_when_staff_record_a_step_for_an_official(services):
    install_sample(services)
    office = Office(services)
    number = open_case(services, office, "CONTOH")  # step 1: the public's own (outside) lane
    assert services.cases.on_behalf_choices(number, office.operator) is None
    case = services.cases.get(number)
    services.cases.advance(number, office.actor(case))
    case = services.cases.get(number)  # step 2: Petugas Uji's
    holder = office.actor(case)
    assert services.cases.on_behalf_choices(number, holder) is None  # acts in own name
    choices = services.cases.on_behalf_choices(number, office.operator)
    assert [u.username for u in choices] == [holder.username]


def test_merging_two_engine_results_keeps_both(services):
    install_sample(services)
    office_ = Office(services)
    numbers = [open_case(services, office_, "CONTOH") for _ in range(2)]
    results = [services.cases.advance(n, office_.actor(services.cases.get(n))) for n in numbers]
    merged = results[0].changes().merge(results[1].changes())
    assert merged.case_changes == tuple(results)  # the engine's results are not hashable
    assert merged.numbers == tuple(numbers)


def test_position_and_user_saves_return_their_changes(services):
    install_sample(services)
    office_ = Office(services)
    saved = services.positions.save("Kepala Uji", ["Ka. Uji"], old_name="Kepala Uji")
    assert isinstance(saved, Outcome) and saved.value.aliases == ["Ka. Uji"]
    assert saved.changes.position_list and saved.changes.all_cases
    fields = {"username": "dewi", "name": "Dewi", "nip": "", "role": "pejabat", "active": True,
              "password": PASSWORD, "positions": ["Petugas Uji"]}
    made = services.users.save_account(office_.admin, None, **fields)
    assert made.value.username == "dewi" and made.changes.users and made.changes.all_cases
    assert services.users.position_names(made.value) == ["Petugas Uji"]
    edited = services.users.save_account(office_.admin, made.value,
                                         **{**fields, "name": "Dewi L", "password": "",
                                            "positions": ["Kepala Uji"]})
    assert services.users.get("dewi").name == "Dewi L" and edited.changes.position_list
    assert services.users.position_names(edited.value) == ["Kepala Uji"]
    assert services.users.reset_password(office_.admin, made.value, PASSWORD + "x") == \
        Changes(users=True)
    with pytest.raises(PermissionDenied):  # an administrator never demotes themselves
        services.users.save_account(office_.admin, office_.admin,
                                    **{**fields, "username": "admin", "role": "operator"})
    assert services.users.get("admin").role == "administrator"
    with pytest.raises(PermissionDenied):  # only an administrator saves accounts
        services.users.save_account(office_.operator, None, **{**fields, "username": "eko"})


def test_settings_saves_return_their_changes_and_refuse_whole(services):
    install_sample(services)
    before = numbering.agenda_pattern()
    with pytest.raises(ValidationError):  # a pattern without {nomor}: the kode is not kept
        numbering.save_numbering("{kode}/{tahun}", "CONTOH", "CTH")
    assert numbering.agenda_pattern() == before and numbering.sop_kode("CONTOH") != "CTH"
    changes = numbering.save_numbering("{nomor}/{kode}/{tahun}", "CONTOH", "CTH")
    assert changes == Changes(numbering=True) and numbering.sop_kode("CONTOH") == "CTH"
    profile = office.load().with_changes({"kantor": "KANTOR UJI"})
    assert office.save(profile) == Changes(office=True) and office.load().kantor == "KANTOR UJI"
    settings = CalendarSettings(extra_holidays={dt.date(2026, 12, 24): "Cuti bersama"})
    changes = save_calendar(settings)
    assert changes.calendar and changes.all_cases and changes.touches_inbox()
    assert load_calendar_settings().extra_holidays == {dt.date(2026, 12, 24): "Cuti bersama"}


def test_take_and_release_many_say_each_refusal_and_merge_the_changes(services):
    install_sample(services)
    office_ = Office(services)
    numbers = [open_case(services, office_, "CONTOH", intake_done=True) for _ in range(3)]
    ids = [services.cases.get(n).id for n in numbers]
    holder = office_.actor(services.cases.get(numbers[0]))
    services.disposisi.take(ids[2], holder)  # already taken: refused in the bulk
    bulk = services.disposisi.take_many(ids, holder)
    assert isinstance(bulk, Bulk) and bulk.done == tuple(numbers[:2])
    assert len(bulk.refused) == 1 and numbers[2] in bulk.refused[0]
    assert bulk.changes.cases == tuple(ids[:2]) and bulk.changes.action == "ambil"
    assert len(bulk.changes.case_changes) == 2
    released = services.disposisi.release_many(ids, office_.operator)  # not the holder
    assert released.done == () and len(released.refused) == 3 and released.changes == Changes()
    released = services.disposisi.release_many(ids, holder)
    assert released.done == tuple(numbers) and not released.refused
    assert all(services.cases.get(n).holder_id is None for n in numbers)
