"""PySide6's per-module source scan is replaced at start by a check without file reads (issue
19, ui.launch.quiet_feature_scan): the window still works, no module's source is read for it,
its answer is never weaker than PySide6's own, and nothing in our tree selects a PySide6
feature (the only case where the answer would matter)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import types
from pathlib import Path

from PySide6.QtCore import Qt

from ui.launch import uses_qt

ROOT = Path(__file__).resolve().parent.parent.parent

CHILD = textwrap.dedent("""
    import inspect, json, sys, time

    from ui.launch import load_qt

    load_qt()  # as ui.launch.open_window does before the window's modules
    scanned = []
    getsource = inspect.getsource

    def counting(obj, *args, **kwargs):
        scanned.append(getattr(obj, "__name__", repr(obj)))
        return getsource(obj, *args, **kwargs)

    inspect.getsource = counting
    from PySide6.QtWidgets import QApplication

    from sop_desktop.services.container import Services
    from ui.launch import uses_qt
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    app = QApplication(sys.argv)
    services = Services(sys.argv[1])
    window = MainWindow(services, AppSettings(), services.users.get(sys.argv[2]))
    window.show()
    deadline = time.monotonic() + 60
    while window.inbox.model.rowCount() == 0 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()
    feature = sys.modules["shibokensupport.feature"]
    seen = dict(feature.pyside_feature_dict)
    scans_at_start = list(scanned)
    original = feature._mod_uses_pyside.__wrapped_scan__
    weaker = [name for name, module in list(sys.modules.items())
              if original(module) and not uses_qt(module)]
    print(json.dumps({
        "rows": window.inbox.model.rowCount(),
        "scanned": scans_at_start,
        "main_window": seen.get("ui.main_window"), "inbox_page": seen.get("ui.inbox.page"),
        "ours": sorted({v for k, v in seen.items() if k == "ui" or k.startswith("ui.")}),
        "core": sorted({v for k, v in seen.items() if k.startswith("sop_desktop.")}),
        "container": seen.get("sop_desktop.services.container"), "peewee": seen.get("peewee"),
        "weaker": weaker}))
    sys.stdout.flush()
    window.shutdown()
    window.close()
    services.close()
""")


def test_the_window_starts_without_reading_any_source_for_pyside6(services, tmp_path):
    from sop_desktop.ops.demo import fill

    fill(services, 40, seed=1)  # users and running cases, so the first inbox has rows
    holder = next(h for c in sorted(services.inbox.counts(), key=lambda c: -c.open) if c.open
                  for h in services.users.holders(services.positions.get(c.position)))
    db = str(services.db.database)
    services.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", CHILD, db, holder.username], capture_output=True,
                         text=True, env=env, cwd=str(tmp_path), timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["rows"] >= 1
    assert result["scanned"] == []  # no module's source was read for PySide6
    # our Qt modules are still "uses PySide6" (0), the core "ignore" (-1), as PySide6's scan
    # says (a module imported before Qt is looked at when an import statement names it again)
    assert result["main_window"] == 0 and result["inbox_page"] == 0 and result["ours"] == [0]
    assert result["core"] == [-1]
    assert result["container"] == -1 and result["peewee"] in (-1, None)
    assert result["weaker"] == []  # never "no PySide6" where PySide6's own scan says "uses"


def test_uses_qt_by_package_and_by_globals():
    import sop_desktop.services.container as container
    import ui.inbox.page as page

    assert uses_qt(page) and not uses_qt(container)
    plain = types.ModuleType("kantor.plain")
    plain.value = 3
    assert not uses_qt(plain)
    for held in (Qt, Qt.AlignmentFlag.AlignLeft, sys.modules["PySide6.QtCore"]):
        module = types.ModuleType("kantor.helper")
        module.thing = held
        assert uses_qt(module), held
    ours = types.ModuleType("ui.some_page")  # the ui package: by its name alone
    assert uses_qt(ours)


def test_the_guard_is_installed_once_and_keeps_pysides_own_check():
    from ui.launch import quiet_feature_scan

    feature = sys.modules["shibokensupport.feature"]
    before = feature._mod_uses_pyside
    try:
        assert quiet_feature_scan() is True  # PySide6 6.x has the hook as expected
        guard = feature._mod_uses_pyside
        assert quiet_feature_scan() is True and feature._mod_uses_pyside is guard  # once
        original = guard.__wrapped_scan__
        assert original is before or original is getattr(before, "__wrapped_scan__", None)
        odd = _Unreadable()
        assert guard(odd) is bool(original(odd)) is False  # odd: PySide6's own answer
    finally:
        feature._mod_uses_pyside = before


class _Unreadable:
    """A module-like object whose globals cannot be read (as some lazy proxies behave)."""

    __name__ = "kantor.odd"

    @property
    def __dict__(self):  # type: ignore[override]
        raise RuntimeError("tidak dapat dibaca")


def test_no_pyside6_feature_is_selected_anywhere_in_our_tree():
    word = "__" + "feature" + "__"  # built so this file does not match itself
    pattern = re.compile(rf"\b(from|import)\s+{word}\b|{word}\s*\.|set_selection\s*\(")
    found = []
    for folder in ("sop_desktop", "ui", "tests", "benchmarks"):
        for path in (ROOT / folder).rglob("*.py"):
            if pattern.search(path.read_text(encoding="utf-8", errors="replace")):
                found.append(str(path.relative_to(ROOT)))
    assert found == []

