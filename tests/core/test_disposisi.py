"""Disposisi to named people, Ambil/Lepas, read markers, sifat and the inbox filters (core,
CLI, a schema 5 database upgraded, PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from sop_desktop.errors import PermissionDenied, ValidationError
from sop_desktop.services.inbox import InboxFilter
from sop_desktop.storage import db as dbm
from sop_desktop.storage import migrations
from sop_desktop.storage.integrity import check_history_chain
from tests.conftest import run_cli
from tests.core.office_support import PASSWORD, Office, field_values, install_sample


class Staff:
    """The sample office plus two named staff of "Petugas Uji" and a second head."""

    def __init__(self, services):
        install_sample(services)
        self.office = Office(services)
        users = services.users
        self.ani = users.create("ani", "Ani Lestari", PASSWORD, "pejabat", positions=["Petugas Uji"])
        self.budi = users.create("budi", "Budi Hartono", PASSWORD, "pejabat",
                                 positions=["Petugas Uji"])
        self.kepala = users.create("kepala", "Kepala Seksi", PASSWORD, "pejabat",
                                   positions=["Kepala Uji"])
        self.services = services

    def new_case(self, **kw) -> str:
        defn = self.services.sops.get("CONTOH")
        kw.setdefault("intake_done", True)
        return self.services.cases.open_case("CONTOH", self.office.operator, field_values(defn),
                                             **kw).numbers[0]

    def at_head(self) -> str:
        """A case waiting on the head (step 3), the public's step recorded at intake."""
        number = self.new_case()
        self.services.cases.decide(number, self.ani, "ya")
        assert self.services.cases.get(number).current_step == 3
        return number


@pytest.fixture
def staff(services):
    return Staff(services)


def test_intake_completes_the_publics_first_step_by_default(staff):
    defn = staff.services.sops.get("CONTOH")
    number = staff.services.cases.open_case("CONTOH", staff.office.operator,
                                            field_values(defn)).numbers[0]
    case = staff.services.cases.get(number)
    assert case.current_step == 2  # the public handed it in: the clerk's record is that step
    assert [e.action for e in staff.services.cases.history(case)] == ["buka", "lanjut"]
    kept = staff.services.cases.open_case("CONTOH", staff.office.operator,
                                          field_values(staff.services.sops.get("CONTOH")),
                                          intake_done=False).numbers[0]
    assert staff.services.cases.get(kept).current_step == 1


def test_disposisi_passes_the_case_on_to_named_staff_with_the_instruction(staff, services):
    number = staff.at_head()
    change = services.disposisi.disposisi(number, staff.kepala, "ani,budi",
                                          ["tanggapan", "Proses lebih lanjut"], "Segera dibalas")
    case = services.cases.get(number)
    assert case.current_step == 4 and change.to_step == 4  # the head's step is done with it
    assert case.holder_id is None  # two people: nobody took it yet
    events = services.cases.history(case)
    assert [e.action for e in events[-2:]] == ["lanjut", "disposisi"]
    note = events[-1].note
    assert "Ani Lestari" in note and "Budi Hartono" in note
    assert "Tanggapan dan Saran; Proses lebih lanjut" in note and "Segera dibalas" in note
    assert check_history_chain(services.db).ok  # chained like every event
    for person in (staff.ani, staff.budi):
        item = next(i for i in services.inbox.for_user(person).items if i.number == number)
        assert item.unread is True
        assert item.instruction["instruksi"] == ["tanggapan", "proses"]
        assert item.instruction["from_name"] == "Kepala Seksi"
        assert item.instruction["catatan"] == "Segera dibalas"
    mine = services.inbox.for_user(staff.ani, flt=InboxFilter(mine=True))
    assert [i.number for i in mine.items] == [number]
    values = services.disposisi.letter_values(number)
    assert values["diteruskan_kepada"] == "Ani Lestari\nBudi Hartono"
    assert values["harap"] == "Tanggapan dan Saran, Proses lebih lanjut"
    assert values["catatan_disposisi"] == "Segera dibalas"


def test_disposisi_to_one_person_takes_it_for_them_and_others_are_refused(staff, services):
    number = staff.at_head()
    services.disposisi.disposisi(number, staff.kepala, ["budi"], "koordinasikan")
    case = services.cases.get(number)
    assert case.holder_id == staff.budi.id
    with pytest.raises(PermissionDenied, match="diambil oleh Budi Hartono"):
        services.cases.advance(number, staff.ani)
    states = services.cases.action_states(number, staff.ani)
    assert "diambil oleh Budi Hartono" in states["lanjut"]
    services.cases.advance(number, staff.budi)
    assert services.cases.get(number).status == "selesai"
    refusals = list(dbm.Refusal.select().where(dbm.Refusal.user == staff.ani.id))
    assert refusals and "diambil oleh" in refusals[-1].reason


def test_disposisi_only_to_holders_of_this_or_the_next_step(staff, services):
    number = staff.at_head()
    with pytest.raises(ValidationError, match="tidak memegang jabatan Kepala Uji"):
        services.disposisi.disposisi(number, staff.kepala, "kepala,ani", "proses")
    with pytest.raises(ValidationError, match="Instruksi 'terbang' tidak dikenal"):
        services.disposisi.disposisi(number, staff.kepala, "ani", "terbang")
    with pytest.raises(ValidationError, match="kepada siapa"):
        services.disposisi.disposisi(number, staff.kepala, " ", "proses")
    with pytest.raises(PermissionDenied):  # ani does not hold the head's step
        services.disposisi.disposisi(number, staff.ani, "budi", "proses")
    assert services.cases.get(number).current_step == 3  # nothing changed


def test_take_and_release(staff, services):
    number = staff.new_case()  # on step 2, the Petugas' decision
    services.disposisi.take(number, staff.ani)
    assert services.cases.describe(number)["holder_name"] == "Ani Lestari"
    with pytest.raises(PermissionDenied, match="sedang diambil oleh Ani Lestari"):
        services.cases.decide(number, staff.budi, "ya")
    with pytest.raises(PermissionDenied, match="sedang diambil oleh Ani Lestari"):
        services.disposisi.take(number, staff.budi)
    with pytest.raises(PermissionDenied, match="hanya ia atau administrator"):
        services.disposisi.release(number, staff.budi)
    assert services.disposisi.take_states(number, staff.ani)["ambil"] == "Kasus ini sudah Anda ambil"
    services.disposisi.release(number, staff.office.admin)  # administrators may release
    services.disposisi.take(number, staff.budi)
    services.disposisi.release(number, staff.budi)
    with pytest.raises(ValidationError, match="tidak sedang diambil"):
        services.disposisi.release(number, staff.budi)
    services.disposisi.take(number, staff.budi)
    services.cases.decide(number, staff.budi, "ya")
    case = services.cases.get(number)
    assert case.holder_id is None and case.current_step == 3  # free again once it moved
    actions = [e.action for e in services.cases.history(case)]
    assert actions.count("ambil") == 3 and actions.count("lepas") == 2
    assert check_history_chain(services.db).ok


def test_assign_within_the_position_by_whoever_brought_it(staff, services):
    number = staff.new_case()  # the operator recorded it: it waits on Petugas Uji
    services.disposisi.assign(number, staff.office.operator, "ani")
    assert services.cases.get(number).holder_id == staff.ani.id
    event = services.cases.history(number)[-1]
    assert event.action == "disposisi" and event.note == "Ditugaskan kepada Ani Lestari"


def test_unread_marks_per_user(staff, services):
    number = staff.new_case()
    other = staff.new_case()
    assert {i.number for i in services.inbox.for_user(staff.ani, flt=InboxFilter(unread=True))
            .items} == {number, other}
    assert services.inbox.unread_count(staff.ani) == 2
    services.disposisi.mark_read(number, staff.ani)
    services.disposisi.mark_read(number, staff.ani)  # twice is fine
    assert services.inbox.unread_count(staff.ani) == 1
    assert services.inbox.unread_count(staff.budi) == 2  # per user
    services.cases.decide(number, staff.ani, "tidak")  # back to the public's step 1 ...
    services.cases.advance(number, staff.office.operator)  # ... and to the Petugas again
    assert services.disposisi.is_unread(number, staff.ani)  # moved to them again: baru
    assert not services.disposisi.is_unread(number, staff.office.operator)  # who moved it


def test_sifat_is_stored_shown_sortable_and_changed_with_history(staff, services):
    urgent = staff.new_case(sifat="sangat segera")
    plain = staff.new_case()
    items = {i.number: i for i in services.inbox.for_user(staff.ani).items}
    assert items[urgent].sifat == "sangat_segera" and items[plain].sifat == "biasa"
    only = services.inbox.for_user(staff.ani, flt=InboxFilter(sifat="sangat-segera"))
    assert [i.number for i in only.items] == [urgent]
    plain_only = services.inbox.for_user(staff.ani, flt=InboxFilter(sifat="biasa"))
    assert [i.number for i in plain_only.items] == [plain]
    services.disposisi.set_sifat(plain, staff.ani, "rahasia")
    assert services.cases.describe(plain)["sifat"] == "rahasia"
    assert services.cases.history(plain)[-1].note == "Sifat: Biasa → Rahasia"
    with pytest.raises(ValidationError, match="Sifat 'kilat' tidak dikenal"):
        services.disposisi.set_sifat(plain, staff.ani, "kilat")
    with pytest.raises(PermissionDenied):
        services.disposisi.set_sifat(plain, staff.kepala, "segera")


def test_due_soon_overdue_and_received_between(staff, services):
    t0 = dt.datetime(2026, 11, 2, 9, 0)  # a Monday
    late = staff.new_case(at=t0)
    fresh = staff.new_case()
    now = services.cases.clock()
    items = {i.number: i for i in services.inbox.for_user(staff.ani).items}
    assert items[late].overdue and items[late].days_overdue == (now.date() - items[late].due.date()).days
    assert items[fresh].days_overdue == 0
    overdue = services.inbox.for_user(staff.ani, flt=InboxFilter(overdue=True))
    assert [i.number for i in overdue.items] == [late]
    window = services.inbox.for_user(staff.ani, flt=InboxFilter(date_from=dt.date(2026, 11, 1),
                                                                date_to=dt.date(2026, 11, 2)))
    assert [i.number for i in window.items] == [late]
    soon = services.inbox.for_user(staff.ani, flt=InboxFilter(due_soon=True))
    assert late not in [i.number for i in soon.items]
    services.cases.clock = lambda: items[fresh].due - dt.timedelta(hours=1)
    soon = services.inbox.for_user(staff.ani, flt=InboxFilter(due_soon=True))
    assert [i.number for i in soon.items] == [fresh]


def test_schema_5_database_is_upgraded(tmp_path, _isolated_home):
    path = tmp_path / "lama.sqlite3"
    migrations.create_v2_database(str(path))
    from sop_desktop.services.container import Services

    svc = Services(str(path))
    try:
        assert migrations.current_version(svc.db) == migrations.SCHEMA_VERSION >= 6
        columns = {c.name for c in svc.db.get_columns("cases")}
        assert {"holder_id", "held_at", "sifat"} <= columns
        assert svc.db.table_exists("disposisi") and svc.db.table_exists("case_read")
    finally:
        svc.close()
    con = sqlite3.connect(path)
    try:
        con.execute('ALTER TABLE "cases" DROP COLUMN "sifat"')  # as a half-done upgrade left it
        con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
        con.commit()
    finally:
        con.close()
    svc = Services(str(path))
    try:
        staff = Staff(svc)
        number = staff.new_case(sifat="segera")
        svc.disposisi.take(number, staff.ani)
        assert svc.cases.describe(number)["sifat"] == "segera"
    finally:
        svc.close()


def _cli_office(db_path):
    from sop_desktop.services.container import Services

    svc = Services(str(db_path))
    try:
        staff = Staff(svc)
        numbers = [staff.at_head(), staff.new_case()]
    finally:
        svc.close()
    return numbers


def test_cli_disposisi_take_release_assign_and_unread(db_path):
    head_case, petugas_case = _cli_office(db_path)
    env = {"SOP_DESKTOP_PASSWORD": PASSWORD}
    db = ("--db", str(db_path))
    done = run_cli(*db, "disposisi", head_case, "--to", "ani,budi", "--instruksi", "tanggapan",
                   "--instruksi", "proses lebih lanjut", "--catatan", "Mohon telaah", "--as",
                   "kepala", env=env)
    assert done.returncode == 0, done.stderr
    unread = run_cli(*db, "inbox", "--user", "ani", "--unread", "--json")
    rows = {r["number"]: r for r in json.loads(unread.stdout)}
    assert set(rows) == {head_case, petugas_case}
    assert rows[head_case]["disposisi"]["instruksi_text"] == "Tanggapan dan Saran; Proses lebih lanjut"
    assert rows[head_case]["disposisi"]["catatan"] == "Mohon telaah"
    text = run_cli(*db, "inbox", "--user", "ani")
    assert "BARU" in text.stdout and "disposisi Kepala Seksi: Tanggapan dan Saran" in text.stdout
    assert "2 baru" in text.stdout
    took = run_cli(*db, "case", "take", petugas_case, "--as", "ani", env=env)
    assert took.returncode == 0 and "diambil oleh Ani Lestari" in took.stderr
    refused = run_cli(*db, "case", "advance", petugas_case, "--decision", "ya", "--as", "budi",
                      env=env)
    assert refused.returncode == 1 and "sedang diambil oleh Ani Lestari (ani)" in refused.stderr
    released = run_cli(*db, "case", "release", petugas_case, "--as", "ani", env=env)
    assert released.returncode == 0 and "tidak diambil siapa pun" in released.stderr
    assigned = run_cli(*db, "case", "assign", petugas_case, "--to", "budi", "--as", "operator",
                       env=env)
    assert assigned.returncode == 0 and "diambil oleh Budi Hartono" in assigned.stderr
    bad = run_cli(*db, "disposisi", petugas_case, "--to", "budi", "--instruksi", "terbang",
                  "--as", "operator", env=env)
    assert bad.returncode == 1 and "Instruksi 'terbang' tidak dikenal" in bad.stderr
    shown = json.loads(run_cli(*db, "case", "show", head_case, "--json").stdout)
    assert [e["action"] for e in shown["history"]][-2:] == ["lanjut", "disposisi"]
    assert {d["to"] for d in shown["disposisi"]} == {"ani", "budi"}


def test_cli_new_case_with_sifat_and_the_public_step_done(db_path):
    from sop_desktop.services.container import Services

    svc = Services(str(db_path))
    try:
        Staff(svc)
    finally:
        svc.close()
    env = {"SOP_DESKTOP_PASSWORD": PASSWORD}
    made = run_cli("--db", str(db_path), "case", "new", "CONTOH", "--field", "pemohon=Siti",
                   "--field", "nik=3171234567890123", "--sifat", "segera", "--as", "operator",
                   env=env)
    assert made.returncode == 0, made.stderr
    shown = json.loads(run_cli("--db", str(db_path), "case", "show", made.stdout.strip(),
                               "--json").stdout)
    assert shown["sifat"] == "segera" and shown["current_step"] == 2


def test_disposisi_and_unread_on_postgresql(pg_services):
    staff = Staff(pg_services)
    number = staff.at_head()
    pg_services.disposisi.disposisi(number, staff.kepala, "ani", ["tanggapan"], "Catatan")
    assert pg_services.cases.get(number).holder_id == staff.ani.id
    with pytest.raises(PermissionDenied, match="diambil oleh Ani Lestari"):
        pg_services.cases.advance(number, staff.budi)
    flt = InboxFilter(unread=True, mine=True, sifat="biasa")
    assert [i.number for i in pg_services.inbox.for_user(staff.ani, flt=flt).items] == [number]
    pg_services.disposisi.mark_read(number, staff.ani)
    pg_services.disposisi.mark_read(number, staff.ani)
    assert pg_services.inbox.for_user(staff.ani, flt=flt).items == []
    pg_services.disposisi.release(number, staff.office.admin)
    assert check_history_chain(pg_services.db).ok


def test_the_printed_lembar_disposisi_carries_the_disposisi(staff, services, tmp_path):
    import pypdf

    from sop_desktop.letters.render import render_pdf
    from sop_desktop.letters.service import LetterService
    from sop_desktop.services import office

    number = staff.at_head()
    services.disposisi.set_sifat(number, staff.kepala, "sangat segera")
    services.disposisi.disposisi(number, staff.kepala, "ani,budi", ["tanggapan", "proses"],
                                 "Mohon ditelaah bersama")
    letter = LetterService.from_services(services).prepare(number, "lembar-disposisi",
                                                           staff.kepala)
    assert letter.extra["diteruskan_kepada"] == "Ani Lestari\nBudi Hartono"
    assert letter.extra["harap"] == "Tanggapan dan Saran, Proses lebih lanjut"
    assert letter.extra["sifat_disposisi"] == "Sangat Segera"
    out = tmp_path / "disposisi.pdf"
    render_pdf(letter, office.load(), out)
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages).split())
    assert "Ani Lestari" in text and "Budi Hartono" in text and "Mohon ditelaah bersama" in text
    assert "\u2612 Tanggapan dan Saran" in text and "\u2612 Proses lebih lanjut" in text
    assert "\u2612 Sangat Segera" in text and "\u2610 Koordinasikan" in text
    # an instruction without a box of its own is written where the reader sees it
    services.disposisi.disposisi(number, staff.ani, "budi", ["diketahui", "proses"], "Arsip")
    values = services.disposisi.letter_values(number)
    assert values["harap"] == "Proses lebih lanjut"
    assert values["catatan_disposisi"] == "Untuk diketahui. Arsip"
