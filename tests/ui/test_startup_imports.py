"""Start-up imports only what the first screens need (issue 19): the real start path, in a
fresh process offscreen, up to the log-in dialog and then the main window's first paint,
without reportlab, openpyxl, pdfplumber, the importers, the holidays tables or the SOP
definitions' modules; and what the first screen builds lazily (the date fields' calendars) or
reads directly (the column measuring)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.ui.support import make_user

ROOT = Path(__file__).resolve().parent.parent.parent
# the importers package itself is light (the library reader lives there); its readers are not
HEAVY = ("reportlab", "openpyxl", "pdfplumber", "sop_desktop.importers.table",
         "sop_desktop.importers.pdf", "sop_desktop.importers.scan", "sop_desktop.importers.docx",
         "cv2", "holidays", "docx", "xlsxwriter",
         # the case's flowchart is built when its tab is first opened (ui.cases.chart); dates
         # come from the core's tables, not Babel; psycopg2 only for a PostgreSQL target
         "ui.flowchart.pane", "ui.flowchart.view", "sop_desktop.flowchart", "babel", "psycopg2",
         # the anchor log and the ledger checks are for a backup, a check or the closing; TOML
         # for a new database or an SOP not stored yet; subprocess to build a missing .qm
         "sop_desktop.storage.anchors", "sop_desktop.storage.ledger_check", "tomllib", "tomli_w",
         "subprocess",
         # making, dumping and restoring backups: imported by storage.backup on first use
         "sop_desktop.storage.backup_make", "sop_desktop.storage.backup_dump",
         "sop_desktop.storage.backup_restore", "sop_desktop.storage.backup_files",
         # the history chain and the global chain are for writing (a step, a user saved, a
         # migration): imported where an event or a chain entry is written
         "sop_desktop.storage.integrity", "sop_desktop.storage.ledger",
         "sop_desktop.storage.event_canon", "sop_desktop.storage.findings",
         "sop_desktop.storage.attachment_check",
         # the SOP definitions (model, waktu, calendar, validation, the library reader): built
         # where a case is shown or moved, an SOP imported or seeded; the first screen reads
         # only the SOPs' names and step names
         "sop_desktop.domain.model", "sop_desktop.domain.waktu", "sop_desktop.domain.calendar",
         "sop_desktop.domain.validate", "sop_desktop.importers.library",
         "sop_desktop.importers.result")
# the case pane (tabs, actions, disposisi, attachments) is built right after the first paint
AFTER_PAINT = ("ui.cases.view", "ui.cases.actions", "ui.cases.attachments",
               "ui.cases.disposisi_dialog",
               # the inbox's export and receipts open the file dialogs: imported on use
               "ui.widgets.file_dialogs")

CHILD = textwrap.dedent("""
    import json, sys, time
    from ui.launch import load_qt

    load_qt()  # as ui.launch.open_window: the core, then Qt
    from PySide6.QtWidgets import QApplication
    from ui.app import AppLauncher
    from ui.settings import AppSettings

    HEAVY = {heavy!r}
    AFTER_PAINT = {after_paint!r}

    def settle(app, until):
        deadline = time.monotonic() + 60
        while not until():
            app.processEvents()
            if time.monotonic() > deadline:
                raise SystemExit("tidak siap dalam batas waktu")
            time.sleep(0.005)
        app.processEvents()

    app = QApplication(sys.argv)
    launcher = AppLauncher(sys.argv[1], AppSettings())
    opened = launcher.start()
    controller = launcher.controller
    settle(app, lambda: controller.dialog is not None and controller.dialog.isVisible())
    at_login = type(controller.dialog).__name__, [m for m in HEAVY if m in sys.modules]
    user = controller.services.users.get(sys.argv[2])
    controller.dialog.close()
    controller.dialog = None
    controller.show_main(user)
    window = controller.window
    painted = []  # what was loaded when the first screen was drawn (nothing is yet)
    window.inbox.first_painted.connect(
        lambda: painted.append([m for m in HEAVY + AFTER_PAINT if m in sys.modules]))
    settle(app, lambda: window.isVisible() and window.inbox.model.rowCount() > 0 and painted)
    at_window = [m for m in HEAVY if m in sys.modules]
    print(json.dumps({{"opened": opened, "dialog": at_login[0], "at_login": at_login[1],
                      "at_window": at_window, "rows": window.inbox.model.rowCount(),
                      "at_paint": painted[0]}}))
    sys.stdout.flush()
    launcher.finish()
""")


def test_start_up_to_login_and_first_paint_imports_no_heavy_module(services, tmp_path):
    from sop_desktop.ops.demo import fill

    fill(services, 40, seed=1)  # users and running cases, so the first inbox has rows
    services.backups.auto("daily")  # today's is made: the child's start takes none meanwhile
    holder = next(h for c in sorted(services.inbox.counts(), key=lambda c: -c.open) if c.open
                  for h in services.users.holders(services.positions.get(c.position)))
    db = str(services.db.database)
    services.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", CHILD.format(heavy=HEAVY, after_paint=AFTER_PAINT), db,
                          holder.username],
                         capture_output=True, text=True, env=env, cwd=str(tmp_path), timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["opened"] is True
    assert result["dialog"] == "LoginDialog"
    assert result["at_login"] == [], f"dimuat sebelum dialog masuk: {result['at_login']}"
    assert result["rows"] >= 1
    assert result["at_window"] == [], f"dimuat sebelum jendela pertama: {result['at_window']}"
    assert result["at_paint"] == [], f"dimuat sebelum gambar pertama: {result['at_paint']}"


def _damage_an_index_page(path: Path) -> None:
    """Interior damage only SQLite's quick_check finds: the page type byte of an index of
    history (empty in a new office) is overwritten; the header, the schema, the users and the
    settings stay readable."""
    import sqlite3

    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND "
                        "tbl_name = 'history' ORDER BY name LIMIT 1").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x55\x55\x55\x55")


def test_login_appears_before_the_full_check_and_damage_found_then_ends_the_session(
        qtbot, app_settings, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from sop_desktop.services.container import Services
    from sop_desktop.storage import backup as bk
    from ui.app import AppLauncher
    from ui.dialogs.setup import LoginDialog

    path = tmp_path / "kantor.sqlite3"
    with Services(str(path)) as svc:
        make_user(svc, "budi", "operator", [])
    _damage_an_index_page(path)
    assert bk.startup_check(path, light=True).ok  # the light check cannot see it
    assert not bk.startup_check(path).ok  # the quick_check does
    app = AppLauncher(str(path), app_settings)
    try:
        assert app.start() is True
        assert isinstance(app.controller.dialog, LoginDialog)  # shown before the full check
        qtbot.waitUntil(lambda: isinstance(app.dialog, QMessageBox), timeout=30000)
        assert app.dialog.isVisible() and str(path) in app.dialog.text()
        assert app.services is None and app.controller is None
        assert not [b for b in bk.list_backups(bk.backup_folder()) if b.reason == "daily"]
    finally:
        app.finish()


def test_the_inbox_date_fields_build_their_calendar_only_when_opened(qtbot, window):
    """The first screen's two date fields build no calendar (a QCalendarWidget each, with its
    popup) until one is opened; opened, it works as before (start-up, issue 19)."""
    import datetime as dt

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    def calendars() -> list:
        return [w for w in QApplication.allWidgets() if w.objectName() == "date_calendar"]

    qtbot.waitUntil(lambda: window.inbox.built_case_view is not None)  # after the first paint
    tools = window.inbox.tools
    assert calendars() == []
    tools.date_from.open_calendar()
    assert len(calendars()) == 1 and tools.date_from.menu.isVisible()
    assert tools.date_from.calendar.selectedDate() == QDate.currentDate()
    tools.date_from.calendar.clicked.emit(QDate(2026, 11, 3))
    assert tools.date_from.date() == dt.date(2026, 11, 3) and not tools.date_from.menu.isVisible()
    assert len(calendars()) == 1  # the other field's is still not built


def test_the_column_measuring_reads_each_cell_as_the_table_shows_it(qtbot, ui_services,
                                                                   window_for):
    """The inbox's column widths are measured on `InboxModel.display_text` (no QModelIndex per
    cell: start-up, issue 19); every cell's text is the table's own, overdue marks included."""
    from sop_desktop.ops.demo import fill
    from ui.inbox.model import COLUMNS

    fill(ui_services, 60, seed=3)
    view = max(ui_services.inbox.counts(), key=lambda c: c.open)
    holder = ui_services.users.holders(ui_services.positions.get(view.position))[0]
    win = window_for(holder)
    model = win.inbox.model
    from sop_desktop.services.inbox import SCOPE_ALL

    assert win.inbox.set_scope(SCOPE_ALL)  # every case, every status
    win.inbox.status_filter.setCurrentIndex(win.inbox.status_filter.findData(""))
    assert model.rowCount() >= 5
    seen = set()
    for row in range(model.rowCount()):
        for column, (key, _label) in enumerate(COLUMNS):
            shown = model.data(model.index(row, column))
            assert model.display_text(row, key) == shown, (row, key)
            seen.add((key, bool(shown)))
    assert ("due", True) in seen and ("status", True) in seen
    assert any(model.case_row(r).overdue for r in range(model.rowCount()))  # "⚠ " compared too
    assert model.display_text(model.rowCount(), "number") is None  # past the rows
