"""TaskRunner lifetime: a finished task's signal object, deleted later on the UI thread, may hold
the last reference to the window part that owns the runner; its deletion must not delete
itself a second time through that owner (it crashed the process: segfault / bus error)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# in a child process: before the fix the interpreter dies (SIGSEGV / SIGBUS), which a test in
# this process could not report
CHILD = textwrap.dedent("""
    import sys, time, weakref
    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtWidgets import QApplication
    from shiboken6 import Shiboken
    from ui.workers import TaskRunner

    app = QApplication(sys.argv)

    class Page(QObject):
        '''A window part with its own runner; the result comes back to a closure over it.'''

        def __init__(self):
            super().__init__()
            self.runner = TaskRunner(self)
            self.results = []

        def load(self):
            def shown(result):
                self.results.append(result)

            return self.runner.start(lambda: 42, shown, print)

    page = Page()
    signals = page.load()
    deadline = time.monotonic() + 30
    while not page.results:
        if time.monotonic() > deadline:
            raise SystemExit("tugas tidak selesai dalam batas waktu")
        app.processEvents()
        time.sleep(0.005)
    page.runner.wait()
    # the task's signal object waits for its deferred deletion; the page's owner lets it go
    pending = Shiboken.isValid(signals)
    del signals
    gone = weakref.ref(page)
    del page
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    print("pending" if pending else "not-pending", "released" if gone() is None else "alive")
    sys.stdout.flush()
""")


def test_a_finished_task_holding_the_last_reference_to_its_owner_does_not_crash(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-X", "faulthandler", "-c", CHILD],
                         capture_output=True, text=True, env=env, cwd=str(tmp_path), timeout=120)
    assert out.returncode == 0, f"rc={out.returncode}\n{out.stderr[-3000:]}"
    assert "deleted directly" not in out.stderr, out.stderr[-3000:]
    # the case that crashed: the deletion still pending when the owner was let go; and the
    # owner really goes (no leak kept to avoid the crash)
    assert out.stdout.split() == ["pending", "released"], out.stdout + out.stderr[-3000:]
