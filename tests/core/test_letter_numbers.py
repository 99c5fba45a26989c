"""Letter numbers (issues 13.12, 17.6-17.8): the year in every default pattern, one running
number per unit per year across classification codes (per code as an office setting), a
number never issued twice (a unique index), and questions before a letter of another year,
a second letter of one template for one case, or a numbered letter without the signer's NIP."""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest

from sop_desktop.letters import numbering
from sop_desktop.letters.service import CONFIRM_AGAIN, CONFIRM_NO_NIP, CONFIRM_OTHER_YEAR, NeedsConfirmation
from sop_desktop.services import numbering as counters
from sop_desktop.storage import db as dbm
from sop_desktop.storage import migrations
from tests.conftest import run_cli
from tests.core.letters_support import PASSWORD, open_case, setup_office

YEAR = dbm.now_local().year
NOTA = {"tujuan_nota": "Kepala Divisi Administrasi", "isi_nota": "Mohon arahan."}


@pytest.fixture
def office_case(services):
    setup = setup_office(services)
    number = open_case(services, setup["op"], "YANKOMAS-KANWIL", reach="surat-rekomendasi")
    return setup, number


def test_every_default_pattern_holds_the_year():
    assert "{tahun}" in numbering.DEFAULT_PATTERN
    assert "{tahun}" in numbering.NumberingConfig().pola
    assert "{tahun}" in counters.DEFAULT_AGENDA_PATTERN


def test_one_running_number_per_unit_per_year_across_codes(services, office_case, tmp_path):
    setup, number = office_case
    letters, op = setup["letters"], setup["op"]
    rec = letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "r.pdf")
    nota = letters.issue(number, "nota-dinas", op, out=tmp_path / "n.pdf", fields=NOTA)
    receipt = letters.issue(number, "tanda-terima", op, out=tmp_path / "t.pdf")
    assert [rec.number, nota.number, receipt.number] == [
        f"W.6-HAM.04.02-1/{YEAR}", f"W.6-UM.01.01-2/{YEAR}", f"W.6-UM.01.02-3/{YEAR}"]
    # the office setting: one counter per classification code
    config = numbering.load_config()
    config.per_klasifikasi = True
    numbering.save_config(config)
    again = letters.issue(number, "nota-dinas", op, out=tmp_path / "n2.pdf", fields=NOTA,
                          confirm={CONFIRM_AGAIN})
    assert again.number == f"W.6-UM.01.01-1/{YEAR}"  # its own code's first letter this year


def test_a_used_number_is_skipped_and_never_issued_twice(services, office_case, tmp_path):
    setup, number = office_case
    letters, op = setup["letters"], setup["op"]
    first = letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "1.pdf")
    dbm.Counter.delete().execute()  # e.g. counters of an older numbering setting
    second = letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "2.pdf",
                           confirm={CONFIRM_AGAIN})
    assert first.number == f"W.6-HAM.04.02-1/{YEAR}" and second.number == f"W.6-HAM.04.02-2/{YEAR}"
    # the database itself refuses the same number twice in one year
    with pytest.raises(pw.IntegrityError):
        with dbm.database.atomic():
            dbm.OutgoingLetter.create(number=first.number, template="x",
                                      issued_at=dt.datetime(YEAR, 1, 2, 9, 0))
    dbm.OutgoingLetter.create(number=first.number, template="x",  # another year: another scope
                              issued_at=dt.datetime(YEAR - 1, 1, 2, 9, 0))


def test_migration_keeps_old_duplicates_and_guards_new_letters(services):
    db = services.db
    db.execute_sql('DROP INDEX "outgoing_letter_number_year"')
    old = [dbm.OutgoingLetter.create(number="W.6-HAM.04.02-1", template="x",
                                     issued_at=dt.datetime(2025, 3, 1, 9)) for _ in range(2)]
    with db.atomic():
        migrations._v4(db)  # the upgrade of a database numbered twice by an older version
    assert dbm.OutgoingLetter.select().count() == 2 and old[0].id != old[1].id
    dbm.OutgoingLetter.create(number="W.6-UM.01.01-7/2025", template="x",
                              issued_at=dt.datetime(2025, 4, 1, 9))
    with pytest.raises(pw.IntegrityError):
        with dbm.database.atomic():
            dbm.OutgoingLetter.create(number="W.6-UM.01.01-7/2025", template="x",
                                      issued_at=dt.datetime(2025, 5, 1, 9))


def test_another_year_the_same_letter_again_and_no_nip_ask_first(services, office_case, tmp_path):
    setup, number = office_case
    letters, op = setup["letters"], setup["op"]
    last_year = dt.date(YEAR - 1, 12, 30)
    with pytest.raises(NeedsConfirmation) as info:
        letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "x.pdf", when=last_year)
    assert [q.key for q in info.value.questions] == [CONFIRM_OTHER_YEAR]
    assert f"di luar tahun berjalan ({YEAR})" in info.value.questions[0].text
    assert dbm.OutgoingLetter.select().count() == 0  # nothing used up by asking
    first = letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "1.pdf")
    with pytest.raises(NeedsConfirmation) as info:
        letters.issue(number, "surat-rekomendasi", op, out=tmp_path / "2.pdf")
    (question,) = info.value.questions
    assert question.key == CONFIRM_AGAIN and first.number in question.text
    assert dbm.now_local().date().strftime("%Y") in question.text  # the earlier date
    assert dbm.OutgoingLetter.select().count() == 1
    # a numbered letter signed by someone without a NIP
    services.users.update(setup["kadiv"], nip="")
    asked = letters.questions(number, "nota-dinas", op, signer="kadiv", fields=NOTA)
    assert [q.key for q in asked] == [CONFIRM_NO_NIP] and "tidak memiliki NIP" in asked[0].text
    with pytest.raises(NeedsConfirmation):
        letters.issue(number, "nota-dinas", op, out=tmp_path / "n.pdf", signer="kadiv", fields=NOTA)
    assert letters.issue(number, "nota-dinas", op, out=tmp_path / "n.pdf", signer="kadiv",
                         fields=NOTA, confirm={CONFIRM_NO_NIP}).number


def test_cli_needs_lagi_and_tahun_lain_and_warns_without_nip(services, office_case, tmp_path):
    setup, number = office_case
    services.users.update(setup["kadiv"], nip="")
    db = services.target
    services.close()
    env = {"SOP_DESKTOP_PASSWORD": PASSWORD}
    base = ("--db", db, "letter", number, "surat-rekomendasi", "--as", "op")
    first = run_cli(*base, "-o", str(tmp_path / "1.pdf"), env=env)
    assert first.returncode == 0, first.stderr
    again = run_cli(*base, "-o", str(tmp_path / "2.pdf"), env=env)
    assert again.returncode == 1 and "--lagi" in again.stderr
    assert first.stdout.strip() in again.stderr and not (tmp_path / "2.pdf").exists()
    again = run_cli(*base, "-o", str(tmp_path / "2.pdf"), "--lagi", env=env)
    assert again.returncode == 0 and again.stdout == f"W.6-HAM.04.02-2/{YEAR}\n", again.stderr
    other = run_cli(*base, "-o", str(tmp_path / "3.pdf"), "--lagi", "--tanggal",
                    f"{YEAR - 1}-12-30", env=env)
    assert other.returncode == 1 and "--tahun-lain" in other.stderr
    other = run_cli(*base, "-o", str(tmp_path / "3.pdf"), "--lagi", "--tahun-lain", "--tanggal",
                    f"{YEAR - 1}-12-30", env=env)
    assert other.returncode == 0 and other.stdout == f"W.6-HAM.04.02-1/{YEAR - 1}\n", other.stderr
    plain = run_cli("--db", db, "letter", number, "nota-dinas", "--as", "op", "--signer", "kadiv",
                    "-o", str(tmp_path / "n.pdf"), "--field", "tujuan_nota=Kepala",
                    "--field", "isi_nota=Mohon arahan.", env=env)
    assert plain.returncode == 0, plain.stderr
    assert "Peringatan:" in plain.stderr and "tidak memiliki NIP" in plain.stderr
