"""Two people, one case: an action names the step (or the last event) it was taken on and is
refused once the case has moved on; a refused or failed action leaves no attachment behind.
(issue 13, items 10 and 4)"""

from __future__ import annotations

import pytest

from sop_desktop.domain.dates import tanggal_jam
from sop_desktop.errors import PermissionDenied, ValidationError
from sop_desktop.services.stale import CaseMoved, last_move_id
from sop_desktop.storage import db as dbm
from sop_desktop.storage import integrity
from tests.conftest import run_cli
from tests.core.office_support import PASSWORD
from tests.ui.support import wait_idle
from tests.ui.twin_support import TwinOffice, in_another_connection


@pytest.fixture
def twin(services, db_path):
    """(services A, services B on the same SQLite file, the office)."""
    from sop_desktop.services.container import Services

    office = TwinOffice(services)
    other = Services(str(db_path), seed=False)
    yield services, other, office
    other.close()


def store_files(services) -> list:
    root = services.attachments.store.root
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def attachment_problems(services) -> list[str]:
    finding = next(f for f in integrity.run_checks(services) if f.check == "attachments")
    return finding.problems


# -- the core ------------------------------------------------------------------------------------

def test_a_second_selesai_never_completes_the_next_step_of_the_same_position(twin):
    a, b, office = twin
    number = office.case_on_step_2(a)
    seen = a.cases.describe(number)  # what both windows show: step 2
    token = seen["last_move_event"]
    assert token == last_move_id(a.cases.get(number))
    a.cases.advance(number, office.satu, on_step=2, on_event=token)  # the first click
    assert a.cases.get(number).current_step == 3
    for kwargs in ({"on_step": 2, "on_event": token}, {"on_event": token}, {"on_step": 2}):
        with pytest.raises(CaseMoved) as err:  # the double click, or the other clerk's window
            b.cases.advance(number, office.dua, **kwargs)
        assert str(err.value).startswith("Kasus ini sudah diubah oleh Petugas Satu pada ")
    case = b.cases.get(number)
    assert case.current_step == 3  # step 3, which nobody has seen, is still to do
    assert [e.from_step for e in b.cases.history(number)][1:] == [1, 2]


def test_the_message_names_who_moved_it_and_when_as_the_app_writes_it(twin):
    a, b, office = twin
    number = office.case_on_step_2(a)
    token = a.cases.describe(number)["last_move_event"]
    b.cases.advance(number, office.dua, on_event=token)
    event = b.cases.history(number)[-1]
    with pytest.raises(CaseMoved) as err:
        a.cases.advance(number, office.satu, on_event=token)
    text = str(err.value)
    assert text.startswith(f"Kasus ini sudah diubah oleh Petugas Dua pada "
                           f"{tanggal_jam(event.recorded_at)}")
    assert number in text and "langkah 3" in text
    assert err.value.by == "Petugas Dua" and err.value.current_step == 3


def test_the_later_of_two_people_hears_the_case_moved_not_the_position(twin):
    a, b, office = twin
    number = office.case_on_step_2(a)
    a.cases.advance(number, office.satu)
    a.cases.advance(number, office.satu)  # now on step 4, the head's decision
    token = a.cases.describe(number)["last_move_event"]
    with pytest.raises(PermissionDenied):  # without a named step: the old answer
        b.cases.advance(number, office.dua, decision="ya")
    b.cases.decide(number, office.kepala, "ya", on_step=4, on_event=token)
    with pytest.raises(CaseMoved) as err:  # the head's deputy acted on the same view: too late
        a.cases.decide(number, office.kepala, "tidak", on_step=4, on_event=token)
    assert "Kepala Berkas" in str(err.value)
    with pytest.raises(CaseMoved):  # a clerk with step 4 still on screen: not "tidak memegang"
        a.cases.advance(number, office.dua, decision="ya", on_step=4)
    refusals = [r.reason for r in dbm.Refusal.select()]
    assert not any("sudah diubah" in r for r in refusals)


def test_a_finished_or_stopped_case_is_refused_as_moved(twin):
    a, b, office = twin
    number = office.case_on_step_2(a)
    b.cases.stop(number, office.satu, "berkas ditarik", on_step=2)
    with pytest.raises(CaseMoved) as err:
        a.cases.advance(number, office.dua, on_step=2)
    assert "dihentikan" in str(err.value)
    with pytest.raises(CaseMoved):
        a.cases.stop(number, office.dua, "dobel", on_step=2)
    with pytest.raises(CaseMoved):
        a.cases.return_to(number, office.dua, 1, "kurang", on_step=2)


def test_return_and_stop_name_their_step_and_a_matching_step_acts(twin):
    a, b, office = twin
    number = office.case_on_step_2(a)
    token = a.cases.describe(number)["last_move_event"]
    a.cases.advance(number, office.satu, on_step=2, on_event=token)
    with pytest.raises(CaseMoved):
        b.cases.return_to(number, office.dua, 1, "kurang lengkap", on_event=token)
    change = b.cases.return_to(number, office.dua, 2, "ulang", on_step=3)
    assert change.to_step == 2
    # back on step 2 again: the old view's event is stale although the step number matches
    with pytest.raises(CaseMoved):
        a.cases.advance(number, office.satu, on_step=2, on_event=token)
    assert a.cases.get(number).current_step == 2


def test_a_letter_or_attachment_does_not_make_the_view_stale(twin, tmp_path):
    a, b, office = twin
    number = office.case_on_step_2(a)
    token = a.cases.describe(number)["last_move_event"]
    file = tmp_path / "surat.txt"
    file.write_text("isi", encoding="utf-8")
    b.cases.attach(number, office.dua, [file])
    a.cases.advance(number, office.satu, on_step=2, on_event=token)
    assert a.cases.get(number).current_step == 3


# -- attachments of refused and failed actions (13.4) ---------------------------------------------

def test_a_refused_action_stores_no_attachment(twin, tmp_path):
    a, _b, office = twin
    number = office.case_on_step_2(a)
    token = a.cases.describe(number)["last_move_event"]
    big = tmp_path / "berkas-besar.bin"
    big.write_bytes(b"x" * (3 << 20))
    with pytest.raises(PermissionDenied):  # the head does not hold step 2's position
        a.cases.advance(number, office.kepala, attachments=[big])
    assert store_files(a) == []
    a.cases.advance(number, office.satu, on_event=token)
    with pytest.raises(CaseMoved):  # a stale view: refused before anything is copied
        a.cases.advance(number, office.dua, attachments=[big], on_event=token)
    with pytest.raises(ValidationError):  # a decision answered on a step that is not one
        a.cases.decide(number, office.dua, "ya", attachments=[big])
    assert store_files(a) == []
    assert attachment_problems(a) == []
    a.cases.advance(number, office.dua, attachments=[big])  # allowed: stored and recorded
    assert len(store_files(a)) == 1 and attachment_problems(a) == []


def test_a_commit_that_fails_after_the_copy_takes_the_file_away(twin, tmp_path, monkeypatch):
    """The case moves on while a large file is being copied: the commit re-checks, refuses,
    and removes the file it brought in (a file another case already holds stays)."""
    a, b, office = twin
    number = office.case_on_step_2(a)
    other = office.case_on_step_2(a)
    kept = tmp_path / "bersama.txt"
    kept.write_text("dipakai kasus lain", encoding="utf-8")
    a.cases.advance(other, office.satu, attachments=[kept])
    before = store_files(a)
    token = a.cases.describe(number)["last_move_event"]
    store = a.attachments.store
    real_add = store.add_new

    def slow_copy(source, name=None):
        result = real_add(source, name)
        if b.cases.get(number).current_step == 2:  # the other clerk finishes meanwhile
            b.cases.advance(number, office.dua)
        return result

    monkeypatch.setattr(store, "add_new", slow_copy)
    fresh = tmp_path / "baru.txt"
    fresh.write_text("hanya untuk langkah 2", encoding="utf-8")
    with pytest.raises(CaseMoved):
        a.cases.advance(number, office.satu, attachments=[fresh, kept], on_event=token)
    assert store_files(a) == before  # the new file gone, the shared one kept
    assert attachment_problems(a) == []
    assert a.cases.get(number).current_step == 3


def test_attaching_to_a_case_stores_and_records_in_one_go(twin, tmp_path):
    a, _b, office = twin
    number = office.case_on_step_2(a)
    file = tmp_path / "foto.jpg"
    file.write_bytes(b"\xff\xd8" + b"1" * 100)
    saved = a.cases.attach(number, office.satu, [file])
    event = saved.value
    assert event.action == "lampiran" and event.attachments[0]["name"] == "foto.jpg"
    assert saved.changes.attachments and saved.changes.cases == (a.cases.get(number).id,)
    missing = tmp_path / "tidak-ada.pdf"
    second = tmp_path / "kedua.txt"
    second.write_text("dua", encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017
        a.cases.attach(number, office.satu, [second, missing])
    assert len(store_files(a)) == 1 and attachment_problems(a) == []


# -- the CLI ---------------------------------------------------------------------------------------

def test_cli_step_option_refuses_a_moved_case(services, db_path):
    office = TwinOffice(services)
    number = office.case_on_step_2(services)
    services.close()
    env = {"SOP_DESKTOP_PASSWORD": PASSWORD}
    db = str(db_path)
    first = run_cli("--db", db, "case", "advance", number, "--step", "2", "--as", "satu", env=env)
    assert first.returncode == 0, first.stderr
    again = run_cli("--db", db, "case", "advance", number, "--step", "2", "--as", "dua", env=env)
    assert again.returncode == 1
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Kesalahan: Kasus ini sudah diubah oleh "
                                                   "Petugas Satu pada "), again.stderr
    for args in (("return", number, "--to", "1", "--reason", "x", "--step", "2"),
                 ("stop", number, "--reason", "x", "--step", "2")):
        out = run_cli("--db", db, "case", *args, "--as", "dua", env=env)
        assert out.returncode == 1 and "sudah diubah oleh Petugas Satu" in out.stderr, out.stderr
    ok = run_cli("--db", db, "case", "advance", number, "--step", "3", "--as", "dua", env=env)
    assert ok.returncode == 0, ok.stderr
    decide = run_cli("--db", db, "case", "advance", number, "--decision", "ya", "--step", "3",
                     "--as", "kepala", env=env)
    assert decide.returncode == 1 and "sudah diubah oleh Petugas Dua" in decide.stderr
    from sop_desktop.services.container import Services

    with Services(db, seed=False) as svc:
        assert svc.cases.get(number).current_step == 4


# -- the window ------------------------------------------------------------------------------------

def real_double_click(qtbot, button) -> None:
    """What a mouse sends for a double click: press, release, double-click press, release."""
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    centre = QPointF(button.rect().center())
    screen = QPointF(button.mapToGlobal(button.rect().center()))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, held in ((QEvent.Type.MouseButtonDblClick, left),
                       (QEvent.Type.MouseButtonRelease, none)):
        QApplication.sendEvent(button, QMouseEvent(kind, centre, screen, left, held,
                                                   Qt.KeyboardModifier.NoModifier))


@pytest.fixture
def clerk_window(qtbot, ui_services, app_settings):
    """Petugas Satu's window showing a case on step 2 (steps 2 and 3 are both theirs)."""
    from ui.main_window import MainWindow

    office = TwinOffice(ui_services)
    number = office.case_on_step_2(ui_services)
    win = MainWindow(ui_services, app_settings, office.satu)
    qtbot.addWidget(win)
    win.show()
    win.watch_timer.stop()  # these tests look at the action itself, not at the live refresh
    case = ui_services.cases.get(number)
    win.inbox.select_case(case.id)
    view = win.inbox.case_view
    assert view.case.number == number and view.case.current_step == 2
    yield win, view, office, number
    win.shutdown()


def test_a_stale_case_view_is_refused_and_reloaded(qtbot, clerk_window, ui_services):
    from PySide6.QtCore import Qt

    win, view, office, number = clerk_window
    in_another_connection(lambda: ui_services.cases.advance(number, office.dua))
    assert view.case.current_step == 2  # the window still shows step 2
    qtbot.mouseClick(view.finish_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, view)
    assert ui_services.cases.get(number).current_step == 3  # step 3 was not completed
    text = view.result_label.text()
    assert text.startswith("Kasus ini sudah diubah oleh Petugas Dua pada "), text
    assert view.case.current_step == 3  # the view shows the case as it is now
    assert "Langkah 3" in view.step_label.text() or "3" in view.step_label.text()
    qtbot.mouseClick(view.finish_button, Qt.MouseButton.LeftButton)  # now seen: it acts
    wait_idle(qtbot, view)
    assert ui_services.cases.get(number).current_step == 4


def test_a_double_click_on_selesai_completes_one_step(qtbot, clerk_window, ui_services):
    win, view, office, number = clerk_window
    real_double_click(qtbot, view.finish_button)
    wait_idle(qtbot, view)
    qtbot.wait(50)  # a second action, had one started, would have had time to run
    wait_idle(qtbot, view)
    case = ui_services.cases.get(number)
    assert case.current_step == 3, "the second half of the double click completed step 3"
    assert view.case.current_step == 3
    button = win.toolbar.widgetForAction(win.act_finish)
    real_double_click(qtbot, button)  # the toolbar's Selesai too
    wait_idle(qtbot, view)
    qtbot.wait(50)
    wait_idle(qtbot, view)
    assert ui_services.cases.get(number).current_step == 4
    assert not win.act_finish.autoRepeat()  # holding Ctrl+Enter does not repeat


def test_files_added_in_the_case_pane_leave_nothing_behind_when_refused(
        qtbot, clerk_window, ui_services, tmp_path):
    win, view, office, number = clerk_window
    good = tmp_path / "ktp.png"
    good.write_bytes(b"\x89PNG" + b"0" * 64)
    assert view.attach_files([str(good)])  # started on the worker
    wait_idle(qtbot, view)
    assert view.attachments.model.rowCount() == 1
    before = store_files(ui_services)
    second = tmp_path / "kk.png"
    second.write_bytes(b"\x89PNG" + b"1" * 64)
    assert view.attach_files([str(second), str(tmp_path / "hilang.pdf")])
    wait_idle(qtbot, view)
    assert "tidak ditemukan" in view.result_label.text()
    assert view.attachments.model.rowCount() == 1
    assert store_files(ui_services) == before and attachment_problems(ui_services) == []
