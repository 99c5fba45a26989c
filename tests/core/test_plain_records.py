"""The first screen's value classes as plain classes (start-up, issue 19): opening the services
and reading the first screen define no dataclass beyond the two left in the case engine, and
the plain classes keep what the dataclasses gave (equality, repr, copies with changes, frozen
and hashable where they were frozen); the SOP filter's names, read raw, on PostgreSQL too."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sop_desktop.domain.record import FrozenRecord, Record
from sop_desktop.services.attachments import StoredFile
from sop_desktop.services.case_states import CaseChange
from sop_desktop.services.changes import Bulk, Changes, Outcome
from sop_desktop.services.inbox import InboxCount, InboxOverview, InboxPage
from sop_desktop.services.inbox_query import InboxFilter, InboxQuery, InboxRow, copy_query
from sop_desktop.services.office import OfficeProfile
from sop_desktop.services.positions import PositionInfo
from sop_desktop.services.sops import Match
from sop_desktop.settings import DUE_SOON_HOURS, SettingKey
from sop_desktop.storage.backup_names import BackupFile
from sop_desktop.storage.startup_check import CheckResult
from sop_desktop.storage.watch import Changes as WatchChanges

ROOT = Path(__file__).resolve().parent.parent.parent
# the case engine's own two (services.case_events, case_lookups): another change's files
STILL_DATACLASSES = {"sop_desktop.services.case_events.CaseHead",
                     "sop_desktop.services.case_lookups._Kept"}

CHILD = textwrap.dedent("""
    import dataclasses, json, sys
    made = []
    real = dataclasses._process_class
    def spy(cls, *args, **kwargs):
        if cls.__module__.startswith("sop_desktop"):
            made.append(cls.__module__ + "." + cls.__qualname__)
        return real(cls, *args, **kwargs)
    dataclasses._process_class = spy
    from sop_desktop.services.container import Services
    services = Services(sys.argv[1])
    user = services.users.get("ani")
    services.inbox.overview(user)
    services.inbox.snapshot(services.inbox.scope_query(user, "all"), 100)
    services.sops.summaries()
    services.close()
    print(json.dumps(made))
""")


def test_opening_the_services_and_the_first_reads_define_no_other_dataclass(services):
    from tests.core.users_support import make_user

    make_user(services, "ani", "operator", ["Petugas Yankomas"])
    db = Path(str(services.db.database))
    services.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", CHILD, str(db)], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    made = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert made <= STILL_DATACLASSES, sorted(made - STILL_DATACLASSES)


def test_a_record_compares_shows_and_copies_like_a_dataclass():
    a = InboxFilter(unread=True, date_from=dt.date(2026, 1, 2))
    assert a == InboxFilter(True, False, False, dt.date(2026, 1, 2))
    assert a != InboxFilter() and a != "InboxFilter"
    assert repr(a) == ("InboxFilter(unread=True, due_soon=False, overdue=False, "
                       "date_from=datetime.date(2026, 1, 2), date_to=None, sifat=None, mine=False)")
    b = a.replaced(sifat="segera")
    assert b.sifat == "segera" and a.sifat is None and b.unread
    with pytest.raises(TypeError):
        a.replaced(colour="biru")
    with pytest.raises(TypeError):
        hash(a)  # mutable and compared by value, as a dataclass with eq
    with pytest.raises(AttributeError):
        a.extra = 1  # type: ignore[attr-defined]  # slots: no stray attributes
    # defaults that were default_factory are fresh per instance
    assert InboxQuery().more is not InboxQuery().more
    assert OfficeProfile().to_dict()["kantor"] == "NAMA KANTOR"
    assert PositionInfo("A").aliases is not PositionInfo("B").aliases
    assert CaseChange("lanjut", [1], ["1/X"]).positions == []
    assert CheckResult(True, "ok", "", Path("x")).details == []
    assert WatchChanges().case_ids == set() and Match().warnings == []


def test_a_copied_query_shares_no_list_nor_filter_with_its_original():
    q = InboxQuery([3, 1], user_id=7, more=InboxFilter(overdue=True), search="abc")
    c = copy_query(q)
    assert c == q and c is not q
    assert c.position_ids is not q.position_ids and c.more is not q.more
    c.position_ids.append(9)  # type: ignore[union-attr]
    c.more.unread = True
    assert q.position_ids == [3, 1] and not q.more.unread


def test_frozen_records_refuse_changes_and_hash_by_value():
    changes = Changes(cases=(1, 2), positions=("Kepala",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        changes.sops = True  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del changes.cases
    # case_changes is not compared (as `field(compare=False)` was)
    detail = CaseChange("lanjut", [1], ["1/X"])
    assert Changes(cases=(1,), case_changes=(detail,)) == Changes(cases=(1,))
    assert hash(Changes(cases=(1,))) == hash(Changes(cases=(1,), case_changes=(detail,)))
    file = StoredFile("ab" * 32, "surat.pdf", 10)
    assert {file, StoredFile("ab" * 32, "surat.pdf", 10)} == {file}
    when = dt.datetime(2026, 12, 7, 8, 0)
    assert BackupFile(Path("a"), when, "harian") == BackupFile(Path("a"), when, "harian")
    assert Bulk().changes == Changes() and Outcome(1, changes).value == 1
    key = SettingKey("x.y", 1, "uji")
    assert key == SettingKey("x.y", 1, "uji") and hash(key) == hash(SettingKey("x.y", 1, "uji"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        DUE_SOON_HOURS.default = 2  # type: ignore[misc]
    for value in (changes, Changes(cases=(1,), case_changes=(detail,)), file, key, Bulk(),
                  Outcome([1], changes)):  # copies and pickles, as a frozen dataclass's
        assert copy.copy(value) == value == copy.deepcopy(value) == pickle.loads(
            pickle.dumps(value))
    assert copy.deepcopy(Outcome([1], changes)).value is not Outcome([1], changes).value
    assert copy.copy(InboxFilter(mine=True)) == InboxFilter(mine=True)
    assert isinstance(changes, FrozenRecord) and isinstance(InboxRow, type)
    assert issubclass(InboxRow, Record) and not dataclasses.is_dataclass(InboxRow)


def test_the_window_values_keep_their_plain_data():
    row = InboxRow(1, "1/X", "CONTOH", "Ani", 2, "Petugas", "Petugas Uji",
                   dt.datetime(2026, 12, 1, 9, 0), None, "berjalan", False)
    page = InboxPage([row], 1, 50, 0)
    assert page.to_dict()["items"][0]["number"] == "1/X" and row.sifat == "biasa"
    count = InboxCount("Petugas Uji", 3, 1)
    overview = InboxOverview(["Petugas Uji"], [], False, {"Petugas Uji": count}, count, 2)
    assert overview.counts["Petugas Uji"].to_dict() == {"position": "Petugas Uji", "open": 3,
                                                        "overdue": 1}
    profile = OfficeProfile(kantor="Kantor Wilayah").with_changes({"kota": "Palembang"})
    assert profile.kota == "Palembang" and OfficeProfile.from_dict(profile.to_dict()) == profile


def _check_summaries(services) -> None:
    newest = services.sops.latest_all()
    revised = services.sops.get(newest[0].code)
    revised.name += " (revisi)"
    revised.steps[0].kegiatan = "Kegiatan yang direvisi"
    services.sops.save_import(revised, newest[0].code)
    assert [(s.code, s.name, s.steps) for s in services.sops.summaries()] == [
        (d.code, d.name, {step.number: step.kegiatan for step in d.steps})
        for d in services.sops.latest_all()]


def test_the_sop_filter_names_read_raw_equal_the_definitions(services):
    _check_summaries(services)


def test_the_sop_filter_names_read_raw_equal_the_definitions_on_postgresql(pg_services):
    _check_summaries(pg_services)
