"""Changes reach other PCs within seconds (issue 13, item 11): a watcher over PostgreSQL's
LISTEN/NOTIFY or SQLite's data_version, two real processes, and the window's live refresh."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from sop_desktop.storage import db as dbm
from sop_desktop.storage.watch import Changes, open_watcher, parse_payload
from tests.conftest import ROOT
from tests.ui.twin_support import TwinOffice, in_another_connection

LIMIT = 5.0  # seconds from one process's commit to the other process noticing it

WATCHER = r"""
import sys, time
from sop_desktop.services.container import Services
from sop_desktop.storage.watch import open_watcher

svc = Services(sys.argv[1], seed=False)
case_id = int(sys.argv[2])
watcher = open_watcher(svc.db)
print("siap", flush=True)
deadline = time.time() + 60
while time.time() < deadline:
    changes = watcher.poll()
    if changes is not None and changes.touches(case_id):
        print(f"{time.time():.3f}", flush=True)
        break
    time.sleep(0.25)  # the window polls every 1.5 s; a test may look more often
"""

WRITER = r"""
import sys, time
from sop_desktop.services.container import Services

svc = Services(sys.argv[1], seed=False)
svc.cases.advance(sys.argv[2], svc.users.get("satu"), on_step=2)
print(f"{time.time():.3f}", flush=True)
"""


def spawn(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *args], cwd=str(ROOT), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def two_processes(target: str, number: str, case_id: int) -> float:
    """Process B watches, process A advances the case; how long B took to notice."""
    watcher = spawn(WATCHER, target, str(case_id))
    try:
        ready = watcher.stdout.readline().strip()
        assert ready == "siap", watcher.stderr.read()
        writer = spawn(WRITER, target, number)
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        committed = float(out.strip())
        seen, err = watcher.communicate(timeout=LIMIT + 30)
        assert watcher.returncode == 0 and seen.strip(), err
        return float(seen.strip()) - committed
    finally:
        if watcher.poll() is None:
            watcher.kill()
            watcher.communicate()


# -- SQLite ---------------------------------------------------------------------------------------

def test_sqlite_watcher_names_the_cases_another_connection_changed(services):
    office = TwinOffice(services)
    number = office.case_on_step_2(services)
    quiet = office.case_on_step_2(services)
    watcher = open_watcher(services.db)
    assert watcher.poll() is None  # nothing since it started
    services.cases.advance(quiet, office.satu)  # this connection's own change: already shown
    assert watcher.poll() is None
    in_another_connection(lambda: services.cases.advance(number, office.dua))
    changes = watcher.poll()
    case, own = services.cases.get(number), services.cases.get(quiet)
    assert changes is not None and not changes.everything
    # the other connection's case, perhaps with this connection's own since the last report
    assert case.id in changes.case_ids and changes.case_ids <= {case.id, own.id}
    assert watcher.poll() is None  # told once
    in_another_connection(lambda: services.users.create("tiga", "Petugas Tiga", "sandi-rahasia-1",
                                                        "pejabat"))
    changes = watcher.poll()
    assert changes is not None and changes.everything  # not a case: refresh everything


def test_two_processes_on_one_sqlite_file(services, db_path):
    office = TwinOffice(services)
    number = office.case_on_step_2(services)
    case_id = services.cases.get(number).id
    services.close()
    assert two_processes(str(db_path), number, case_id) < LIMIT
    from sop_desktop.services.container import Services

    with Services(str(db_path), seed=False) as svc:
        assert svc.cases.get(number).current_step == 3


# -- PostgreSQL -----------------------------------------------------------------------------------

def test_postgresql_notifies_on_commit_only(pg_services):
    svc = pg_services
    office = TwinOffice(svc)
    number = office.case_on_step_2(svc)
    case_id = svc.cases.get(number).id
    watcher = open_watcher(svc.db)
    try:
        assert watcher.poll() is None
        svc.cases.advance(number, office.satu)  # this connection's own change is left out
        time.sleep(0.3)
        assert watcher.poll() is None

        def rolled_back():
            with pytest.raises(RuntimeError):
                with dbm.database.atomic():
                    svc.cases.advance(number, office.dua)
                    raise RuntimeError("dibatalkan")

        in_another_connection(rolled_back)  # another PC's change rolled back tells nobody
        time.sleep(0.3)
        assert watcher.poll() is None and svc.cases.get(number).current_step == 3
        in_another_connection(lambda: svc.cases.advance(number, office.dua))
        deadline, changes = time.time() + LIMIT, None
        while changes is None and time.time() < deadline:
            changes = watcher.poll()
            time.sleep(0.05)
        assert changes is not None and changes.case_ids == {case_id}
        assert svc.cases.get(number).current_step == 4
    finally:
        watcher.close()


def test_two_processes_on_one_postgresql_server(pg_services):
    svc = pg_services
    office = TwinOffice(svc)
    number = office.case_on_step_2(svc)
    case_id = svc.cases.get(number).id
    assert two_processes(svc.target, number, case_id) < LIMIT
    assert svc.cases.get(number).current_step == 3


def test_payloads():
    changes = Changes()
    parse_payload("3,5", changes)
    parse_payload("5,8", changes)
    assert changes.case_ids == {3, 5, 8} and not changes.everything
    assert changes.touches(8) and not changes.touches(4)
    parse_payload("*", changes)
    assert changes.everything and changes.touches(4)


# -- the window -----------------------------------------------------------------------------------

def test_the_inbox_and_open_case_refresh_when_another_connection_writes(
        qtbot, ui_services, app_settings):
    from ui.main_window import MainWindow
    from ui.window_watch import WATCH_MS

    assert WATCH_MS <= 2000
    office = TwinOffice(ui_services)
    number = office.case_on_step_2(ui_services)
    other = office.case_on_step_2(ui_services)
    win = MainWindow(ui_services, app_settings, office.satu)
    qtbot.addWidget(win)
    win.show()
    try:
        page = win.inbox
        assert page.set_scope("mine")
        page.apply_filter()

        def shown() -> set[str]:
            return {page.model.case_row(r).number for r in range(page.model.rowCount())}

        assert {number, other} <= shown()
        case = ui_services.cases.get(number)
        page.select_case(case.id)
        view = page.case_view
        assert view.case.current_step == 2
        in_another_connection(lambda: (ui_services.cases.advance(number, office.dua),
                                       ui_services.cases.advance(number, office.dua)))
        # now on step 4, the head's: it leaves the clerk's inbox and the open case follows
        qtbot.waitUntil(lambda: number not in shown(), timeout=int(LIMIT * 1000))
        qtbot.waitUntil(lambda: view.case is not None and view.case.current_step == 4,
                        timeout=int(LIMIT * 1000))
        assert other in shown()
    finally:
        win.shutdown()
