"""The one import policy of the window and the CLI (issue 14): the plan per SOP read from a file,
the rule that two SOPs of one file never become versions of one SOP, a person's choice, and
saving the plan (one transaction per SOP) with the `Changes` it made."""

from __future__ import annotations

import copy

from sop_desktop.importers import read_sop_file
from sop_desktop.services.changes import Changes
from sop_desktop.services.import_plan import plan_import, save_plan, twin_note

SEED_004 = "004_344aa2d2252aadda.txt"  # Pelayanan Komunikasi Masyarakat (Bengkulu)


def _two_of_one_file(tmp_path, seeds_dir):
    text = (seeds_dir / SEED_004).read_text(encoding="utf-8")
    both = tmp_path / "dua.txt"
    both.write_text(text + "\n\n" + text.replace("22 hari", "21 hari"), encoding="utf-8")
    return read_sop_file(str(both)).sops


def test_two_sops_of_one_file_never_become_versions_of_one_sop(services, tmp_path, seeds_dir):
    sops = _two_of_one_file(tmp_path, seeds_dir)
    plan = plan_import(services.sops, sops)
    first, second = plan.items
    assert (first.target, first.proposed) == ("YANKOMAS-BENGKULU", "YANKOMAS-BENGKULU")
    assert first.reason and first.notes == []
    assert second.target is None and twin_note("YANKOMAS-BENGKULU") in second.notes
    assert services.sops.versions("YANKOMAS-BENGKULU") == [1]  # planning stores nothing

    outcome = save_plan(services.sops, plan)
    a, b = outcome.value
    assert (a.definition.code, a.definition.version, a.created) == ("YANKOMAS-BENGKULU", 2, True)
    assert b.definition.code != "YANKOMAS-BENGKULU" and b.definition.version == 1 and b.created
    assert twin_note("YANKOMAS-BENGKULU") in services.sops.get(b.definition.code).warnings
    assert outcome.changes == Changes(sops=True)


def test_a_persons_choice_overrides_the_plan_and_its_notes(services, tmp_path, seeds_dir):
    sops = _two_of_one_file(tmp_path, seeds_dir)
    plan = plan_import(services.sops, sops)
    plan.choose(0, None)  # the first as a new SOP after all
    plan.choose(1, "YANKOMAS-BENGKULU")  # the second as the revision
    assert not plan.items[1].chosen_by_policy
    first, second = save_plan(services.sops, plan, chosen=[True, True]).value
    assert first.definition.code != "YANKOMAS-BENGKULU" and first.definition.version == 1
    assert (second.definition.code, second.definition.version) == ("YANKOMAS-BENGKULU", 2)
    stored = services.sops.get("YANKOMAS-BENGKULU")
    assert not any("sudah menjadi versi barunya" in w for w in stored.warnings)
    assert stored.steps[-1].waktu is not None and stored.steps[-1].waktu.text == "21 hari"


def test_unchosen_sops_are_not_stored_and_an_identical_import_changes_nothing(services):
    same = copy.deepcopy(services.sops.get("YANKOMAS-BENGKULU"))
    same.code = ""
    same.version = 0
    plan = plan_import(services.sops, [same, copy.deepcopy(same)])
    assert [i.target for i in plan.items] == ["YANKOMAS-BENGKULU", None]
    outcome = save_plan(services.sops, plan, chosen=[True, False])
    assert [s.created for s in outcome.value] == [False]
    assert outcome.changes == Changes() and not outcome.changes.sops
    assert services.sops.versions("YANKOMAS-BENGKULU") == [1]


def test_forced_code_or_new_and_a_library_files_own_code(services):
    bengkulu = services.sops.get("YANKOMAS-BENGKULU")
    revised = copy.deepcopy(bengkulu)
    revised.code, revised.name = "", "Nama lain sama sekali"
    assert plan_import(services.sops, [revised]).items[0].target is None
    forced = plan_import(services.sops, [revised], code="YANKOMAS-BENGKULU").items[0]
    assert forced.target == "YANKOMAS-BENGKULU"
    new = plan_import(services.sops, [copy.deepcopy(bengkulu)], new=True).items[0]
    assert new.target is None and not new.keep_code
    saved = save_plan(services.sops, plan_import(services.sops, [copy.deepcopy(bengkulu)],
                                                 new=True)).value[0]
    assert saved.definition.code != "YANKOMAS-BENGKULU" and saved.definition.version == 1
    # a library file naming a stored code revises it; naming a free code makes that SOP
    own = copy.deepcopy(bengkulu)
    own.code = "SOP-BARU-UJI"
    item = plan_import(services.sops, [own]).items[0]
    assert item.target is None and item.keep_code
    stored = save_plan(services.sops, plan_import(services.sops, [own])).value[0]
    assert (stored.definition.code, stored.definition.version) == ("SOP-BARU-UJI", 1)


def test_save_import_returns_the_changes_it_made(services):
    defn = copy.deepcopy(services.sops.get("YANKOMAS-BENGKULU"))
    defn.steps[-1].kegiatan += " (revisi)"
    outcome = services.sops.save_import(defn, "YANKOMAS-BENGKULU")
    assert outcome.value.created and outcome.value.definition.version == 2
    assert outcome.changes == Changes(sops=True)
    again = services.sops.save_import(copy.deepcopy(defn), "YANKOMAS-BENGKULU")
    assert not again.value.created and again.changes == Changes()
