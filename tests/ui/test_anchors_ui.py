"""The window's closing writes the anchor of the global chain (issue 13.9)."""

from __future__ import annotations

from tests.core.tamper_support import log_lines


def test_closing_the_window_writes_the_anchor(qtbot, office_db, launcher, _isolated_home):
    """The window's closing (AppLauncher.finish) anchors what happened since the last anchor."""
    path, numbers = office_db
    app = launcher(path)
    assert app.start() is True
    app.runner.wait()  # the day's first start takes a backup (which anchors too)
    svc = app.services
    petugas = next(u for u in svc.users.list() if svc.users.position_names(u) == ["Petugas Uji"])
    svc.cases.decide(numbers["A"], petugas, "ya")  # work in the window
    app.finish()
    last = log_lines(_isolated_home)[-1]
    assert last["reason"] == "tutup" and last["seq"] == log_lines(_isolated_home)[0]["seq"] + 1
