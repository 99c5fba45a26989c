"""Screenshots of the window at a clerk's screen size, to look for cut text before a release.

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots.py [--out DIR]
        [--db PATH] [--cases 2000] [--scan FILE]

Builds a fresh training database with `sop-desktop demo` (never an office's own database),
then saves PNGs of the inbox, a case waiting on a decision (actions and flowchart), the SOP
library (identity, flowchart), the large flowchart window and each dialog. Run it under a real
X server of the wanted size (Xvfb), not the offscreen platform, so windows get real geometry.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_demo(db: Path, cases: int) -> None:
    """A new demo database at `db` (refuses to touch an existing file)."""
    if db.exists():
        return
    db.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "sop_desktop", "--db", str(db), "demo", "--cases",
                    str(cases)], check=True, cwd=str(ROOT))


class Shooter:
    """Saves widget grabs as numbered PNGs in `out`."""

    def __init__(self, app, out: Path):
        self.app, self.out, self.count = app, out, 0
        out.mkdir(parents=True, exist_ok=True)

    def settle(self, rounds: int = 8) -> None:
        from PySide6.QtCore import QThreadPool

        for _ in range(rounds):
            self.app.processEvents()
        QThreadPool.globalInstance().waitForDone(20000)
        for _ in range(rounds):
            self.app.processEvents()

    def wait(self, done, seconds: float = 20.0) -> None:
        """Let the event loop run until `done()` (a preview built by its worker), at most
        `seconds`."""
        import time

        end = time.monotonic() + seconds
        while not done() and time.monotonic() < end:
            self.settle(2)
            time.sleep(0.05)

    def shot(self, widget, name: str) -> Path:
        self.settle()
        self.count += 1
        path = self.out / f"{self.count:02d}-{name}.png"
        widget.grab().save(str(path))
        print(path)
        return path


def decision_case(services):
    """An open case waiting on a decision step."""
    from sop_desktop.storage import db as dbm

    for case in dbm.Case.select().where(dbm.Case.status == "berjalan").order_by(dbm.Case.id):
        defn = services.cases.definition(case)
        if defn.step(case.current_step).kind == "decision":
            return case
    return None


def shoot_main(sh: Shooter, services, settings, user) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(services, settings, user)
    window.showMaximized()
    sh.settle()
    window.inbox.set_scope("all")
    sh.shot(window, "inbox")
    case = decision_case(services)
    if case is not None:
        window.inbox.select_case(case.id)
        sh.shot(window, "case-decision")
        view = window.inbox.case_view
        view.tabs.setCurrentWidget(view.chart_pane)
        sh.shot(window, "case-flowchart")
        view.show_current_step()
        sh.shot(window, "case-flowchart-current-step")
        larger = view.chart_pane.open_larger()
        sh.shot(larger, "flowchart-window")
        larger.close()
        view.tabs.setCurrentIndex(0)
        disposisi = view.holding.open_dialog()  # pass the case on to named staff
        sh.shot(disposisi, "dialog-disposisi")
        disposisi.close()
    window.tabs.setCurrentWidget(window.sops)
    window.sops.select_code("YANKOMAS-KANWIL")
    sh.shot(window, "sop-library-identity")
    window.sops.detail.setCurrentIndex(2)
    sh.shot(window, "sop-library-flowchart")
    window.sops.detail.setCurrentIndex(1)
    sh.shot(window, "sop-library-steps")
    window.tabs.setCurrentWidget(window.inbox)
    shoot_dialogs(sh, window)
    window.shutdown()
    window.close()
    if case is not None:
        shoot_official(sh, services, settings, case)


def shoot_official(sh: Shooter, services, settings, case) -> None:
    """An official's own inbox: new cases in bold, one passed on to them by disposisi."""
    from ui.main_window import MainWindow

    people = services.users.holders(case.current_position_id) if case.current_position_id else []
    if not people:
        return
    official = people[0]
    others = [c for c in services.inbox.for_user(official, limit=5).items if c.case_id != case.id]
    for item in others[:1]:
        try:
            services.disposisi.disposisi(item.case_id, services.users.get("admin"), [official],
                                         ["tanggapan", "proses"], "Mohon diproses minggu ini")
        except Exception as exc:  # a demo case that cannot be passed on: the shot goes on
            print(f"disposisi tidak dibuat: {exc}")
    window = MainWindow(services, settings, official)
    window.showMaximized()
    sh.settle()
    window.inbox.set_scope("mine")
    sh.shot(window, "inbox-official")
    if others:
        window.inbox.select_case(others[0].case_id)
        sh.shot(window, "case-disposisi")
    window.shutdown()
    window.close()


def shoot_dialogs(sh: Shooter, window) -> None:
    window.act_new_case.trigger()
    dialog = window.dialogs[-1]
    dialog.choose_sop("YANKOMAS-KANWIL")
    sh.shot(dialog, "dialog-new-case")
    dialog.form.editors["tanggal_surat_masuk"].open_calendar()
    sh.shot(dialog, "dialog-new-case-date")
    dialog.form.editors["tanggal_surat_masuk"].menu.hide()
    dialog.close()
    for kind in ("register", "kinerja", "monitoring", "agenda"):
        report = window.open_report(kind)
        sh.shot(report, f"dialog-report-{kind}")
        report.close()
    if window.current_case_id() is not None:
        letter = window.print_letter()
        if letter is not None:
            sh.wait(lambda: not letter.preview_timer.isActive() and not letter.preview_running
                    and bool(letter.preview.page_labels))
            sh.shot(letter, "dialog-letter")
            letter.close()
    from ui.dialogs.admin import AdminDialog
    from ui.sops.import_dialog import ImportDialog

    admin = window.services.users.get("admin")
    dialog = AdminDialog(window.services, admin, window)
    dialog.show()
    sh.shot(dialog, "dialog-admin")
    dialog.close()
    dialog = ImportDialog(window.services, window.runner, window)
    dialog.show()
    sh.shot(dialog, "dialog-import")
    shoot_import_review(sh, dialog)
    dialog.close()
    for name, opener in (("backups", window.open_backups), ("password", window.change_password),
                         ("manual", window.open_manual), ("about", window.about)):
        dialog = opener()
        if dialog is not None:
            sh.shot(dialog, f"dialog-{name}")
            dialog.close()
    window.open_settings()
    sh.shot(window.dialogs[-1], "dialog-settings")
    window.dialogs[-1].close()


def shoot_import_review(sh: Shooter, dialog) -> None:
    """The import dialog after reading a scanned page: the review tab with the page beside
    what was read (nothing saved: the dialog is closed without Simpan)."""
    import time

    scan = Path(os.environ.get("SOP_SHOTS_SCAN") or
                ROOT / "tests" / "fixtures" / "scans" / "rkt_150.jpg")
    if not scan.is_file():
        return
    dialog.load_path(str(scan))
    deadline = time.monotonic() + 180
    while not dialog.read_button.isEnabled() and time.monotonic() < deadline:
        sh.settle(2)
        time.sleep(0.05)
    sh.shot(dialog, "dialog-import-scan")
    at = dialog.detail.indexOf(dialog.review)
    if at >= 0:
        dialog.detail.setCurrentIndex(at)
        sh.shot(dialog, "dialog-import-scan-review")


def shoot_setup(sh: Shooter, folder: Path) -> None:
    """The first-run wizard on an empty database, its administrator page with every error."""
    from sop_desktop.services.container import Services
    from ui.dialogs.setup import SetupWizard

    services = Services(str(folder / "kosong.sqlite3"))
    wizard = SetupWizard(services)
    wizard.show()
    sh.shot(wizard, "setup-office")
    edits = wizard.office_page.form.edits
    for key, value in (("kementerian", "KEMENTERIAN HUKUM"), ("kantor", "KANTOR WILAYAH CONTOH"),
                       ("kota", "Palembang")):
        edits[key].setText(value)
    wizard.next()
    page = wizard.currentPage()
    if hasattr(page, "username"):
        page.username.setText("a b")
        page.name.setText("x")
        page.nip.setText("123")
        page.password.setText("pendek")
        page.password2.setText("lain")
        page.validatePage()
    sh.shot(wizard, "setup-admin-errors")
    wizard.close()
    services.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tangkapan layar SOP Desktop")
    parser.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "sop-shots"))
    parser.add_argument("--db", default=None, help="demo database to create (new file)")
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--user", default="operator")
    parser.add_argument("--scan", default=None,
                        help="the scan or photo the import review reads (default: a fixture scan)")
    args = parser.parse_args(argv)
    if args.scan:
        os.environ["SOP_SHOTS_SCAN"] = str(Path(args.scan).resolve())
    out = Path(args.out)
    home = Path(tempfile.mkdtemp(prefix="sop-shots-home-"))
    os.environ["SOP_DESKTOP_HOME"] = str(home)  # settings and logs of this run only
    db = Path(args.db) if args.db else out / "demo.sqlite3"
    make_demo(db, args.cases)

    from PySide6.QtWidgets import QApplication

    from sop_desktop.services.container import Services
    from ui.settings import AppSettings

    app = QApplication.instance() or QApplication(sys.argv)
    sh = Shooter(app, out)
    services = Services(str(db))
    user = services.users.get(args.user)
    shoot_main(sh, services, AppSettings(), user)
    services.close()
    shoot_setup(sh, home)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
