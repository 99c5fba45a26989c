"""One operation runner and one typed Changes signal (issue 14): case actions run on the worker
pool, the worker's database connection is closed in one place, every view gets a Changes."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from PySide6.QtCore import QSettings
from shiboken6 import delete

from sop_desktop.errors import ValidationError
from sop_desktop.services.changes import Changes
from sop_desktop.storage import db as dbm
from tests.ui.support import KAKANWIL, make_user, show, wait_idle, yankomas_at

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def office(ui_services):
    return {"ani": make_user(ui_services, "ani", "operator", ["Petugas Yankomas"], "Ani"),
            "kakanwil": make_user(ui_services, "kakanwil", "pejabat", [KAKANWIL], "Kakanwil")}


def _connection_of_worker(qtbot, runner, fail: bool):
    """Run a task that reads the database on the worker; return that thread's connection."""
    seen = []

    def task():
        seen.append(dbm.database.connection())
        dbm.database.execute_sql("SELECT COUNT(*) FROM cases").fetchone()
        if fail:
            raise ValidationError("isian salah")
        return "selesai"

    outcome = []
    runner.start(task, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=10000)
    return seen[0], outcome[0]


def test_the_runner_closes_the_worker_connection_after_success_and_failure(qtbot, ui_services):
    from ui.workers import TaskRunner, worker_pool

    runner = TaskRunner()
    other = TaskRunner()
    assert runner.pool is other.pool is worker_pool()  # one pool for the whole application
    for fail, said in ((False, "selesai"), (True, "isian salah")):
        conn, outcome = _connection_of_worker(qtbot, runner, fail)
        assert outcome == said
        assert isinstance(conn, sqlite3.Connection)
        with pytest.raises(sqlite3.ProgrammingError):  # closed on the worker, after the task
            conn.execute("SELECT 1")
    assert not dbm.database.is_closed()  # the UI thread's own connection stays open
    assert runner.wait()
    delete(runner)
    delete(other)


def test_a_destroyed_runner_waits_for_its_task_first(qtbot):
    from ui.workers import TaskRunner

    runner = TaskRunner()
    ended = threading.Event()

    def slow():
        time.sleep(0.3)
        ended.set()
        return 1

    runner.start(slow, lambda _r: None, lambda _m: None)
    delete(runner)  # its TaskSignals go with it: the task must have ended before
    assert ended.is_set()


def test_a_case_action_runs_on_the_worker_and_the_window_gets_changes(
        qtbot, ui_services, office, window_for):
    number = yankomas_at(ui_services, office, 2)
    case_id = ui_services.cases.get(number).id
    win = window_for(office["kakanwil"])
    view = show(win, number)
    assert view.finish_button.isEnabled() and win.act_finish.isEnabled()
    with qtbot.waitSignal(win.data_changed, timeout=15000) as changed:
        view.finish_button.click()
        assert view.busy()  # the click returned before the step was recorded
        assert not view.finish_button.isEnabled() and not win.act_finish.isEnabled()
    wait_idle(qtbot, view)
    change = changed.args[0]
    assert isinstance(change, Changes)
    assert change.cases == (case_id,) and change.action == "lanjut"
    assert change.case_changes[0].to_step == 3 and change.positions
    assert ui_services.cases.get(number).current_step == 3
    assert "Langkah diselesaikan" in view.result_label.text()
    assert not view.finish_button.isEnabled()  # step 3 is not the Kakanwil's


def test_a_refusal_from_the_worker_is_said_and_the_buttons_come_back(
        qtbot, ui_services, office, window_for):
    number = yankomas_at(ui_services, office, 2)
    win = window_for(office["kakanwil"])
    view = show(win, number)
    view.at_now.setChecked(False)
    view.at_edit.setDateTime(view.at_edit.dateTime().addYears(-30))  # before the office began
    view.finish_button.click()
    wait_idle(qtbot, view)
    assert view.result_label.styleSheet().endswith("#b00020"), view.result_label.text()
    assert view.result_label.text() and "Traceback" not in view.result_label.text()
    assert ui_services.cases.get(number).current_step == 2
    assert view.finish_button.isEnabled()


def test_the_ini_keys_are_the_declared_ones(tmp_path):
    from ui.settings import LANGUAGE, LAST_USER, AppSettings

    path = tmp_path / "ui.ini"
    settings = AppSettings(path)
    assert settings.language == LANGUAGE.default and settings.last_user == LAST_USER.default
    settings.language, settings.last_user = "en", "ani"
    settings.sync()
    raw = QSettings(str(path), QSettings.Format.IniFormat)
    assert raw.value(LANGUAGE.key) == "en" and raw.value(LAST_USER.key) == "ani"
    settings.language = "xx"  # not offered: the default
    assert settings.language == LANGUAGE.default


def test_a_new_case_is_opened_on_the_worker_and_a_refusal_keeps_the_form(
        qtbot, ui_services, office, window_for):
    from tests.ui.support import YANKOMAS

    win = window_for(office["ani"])
    win.act_new_case.trigger()
    dialog = win.dialogs[-1]
    assert dialog.choose_sop(YANKOMAS)
    qtbot.keyClicks(dialog.form.editors["nama_pengadu"], "Rahmat")
    qtbot.keyClicks(dialog.form.editors["pokok_aduan"], "Aduan")
    dialog.at_now.setChecked(False)
    dialog.at_edit.setDateTime(dialog.at_edit.dateTime().addYears(-30))  # before the office began
    dialog.ok_button.click()
    assert not dialog.ok_button.isEnabled()  # one case per click while the worker opens it
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=15000)
    assert dialog.isVisible() and dialog.error.text() and "Traceback" not in dialog.error.text()
    assert dbm.Case.select().count() == 0
    dialog.at_now.setChecked(True)
    with qtbot.waitSignal(dialog.case_created, timeout=15000) as created:
        dialog.ok_button.click()
    assert ui_services.cases.get(created.args[0].id).current_step == 2
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_an_administration_save_runs_on_the_worker_and_routes_the_cores_changes(
        qtbot, ui_services, office, window_for):
    admin = make_user(ui_services, "admin", "administrator", [], "Admin")
    win = window_for(admin)
    win.act_admin.trigger()
    tab = win.dialogs[-1].positions
    tab.name.setText("Sekretaris Uji")
    tab.aliases.setText("Sekr. Uji")
    with qtbot.waitSignal(win.data_changed, timeout=15000) as changed:
        tab.save_button.click()
        assert tab.busy() and not tab.save_button.isEnabled()  # the click returned first
    qtbot.waitUntil(lambda: not tab.busy(), timeout=15000)
    change = changed.args[0]
    assert isinstance(change, Changes) and change.position_list and change.all_cases
    assert ui_services.positions.resolve("SEKR. UJI").name == "Sekretaris Uji"
    assert tab.save_button.isEnabled() and "Sekretaris Uji" in tab.message.text()
    tab.name.setText("")  # a refusal of the core comes back beside Simpan, nothing emitted
    with qtbot.assertNotEmitted(win.data_changed, wait=300):
        tab.save_button.click()
        qtbot.waitUntil(lambda: not tab.busy(), timeout=15000)
    assert "wajib" in tab.message.text() and tab.save_button.isEnabled()


def test_bulk_ambil_runs_on_the_worker_and_the_window_gets_the_engines_changes(
        qtbot, ui_services, office, window_for):
    numbers = [yankomas_at(ui_services, office, 2, name) for name in ("Rahmat", "Sari")]
    ids = [ui_services.cases.get(n).id for n in numbers]
    win = window_for(office["kakanwil"])
    page = win.inbox
    page.set_scope("all")
    page.table.selectAll()  # both cases (the only ones)
    with qtbot.waitSignal(win.data_changed, timeout=15000) as changed:
        assert page.tools.take_selected()
        assert not page.tools.take_button.isEnabled()
    change = changed.args[0]
    assert set(change.cases) == set(ids) and change.action == "ambil"
    assert len(change.case_changes) == 2  # the engine's own results, not a rebuilt value
    qtbot.waitUntil(lambda: page.tools.take_button.isEnabled(), timeout=15000)
    assert all(ui_services.cases.get(n).holder_id == office["kakanwil"].id for n in numbers)
