"""The `sop-desktop` console script: a subcommand runs headless (sop_desktop.cli), no command
opens the window. The Qt layer sits above the core, so the core never launches the GUI itself."""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

# PySide6's "feature" machinery (its `__feature__` module: snake_case, true_property) records,
# for every module imported after PySide6, whether that module uses PySide6:
# shibokensupport.feature.feature_imported -> _mod_uses_pyside(module), which runs
# inspect.getsource(module): it reads and joins the module's whole source file only to look
# for the word "PySide6" (~0.05 s of CPU and ~6 MB over the ~130 modules imported before the
# first paint; on an office PC each file read is also scanned by the antivirus). The answer
# only picks between "no feature" (0) and "ignore this module" (-1), which differ only in a
# program that selects a feature; SOP Desktop never does (tests/ui/test_startup_feature_guard.py
# checks the tree). So the scan is replaced by a check without file reads: our `ui` package,
# PySide6 itself, `__main__` and any module whose globals hold a PySide6 module, class or value
# count as using PySide6. Installed only when PySide6 6.x has the hook as expected.
QT_PACKAGES = ("PySide6", "shiboken6")
OUR_QT_PACKAGES = ("ui", "__main__") + QT_PACKAGES


def _owner(value: object) -> object:
    """The package a module-level value comes from (its module's name)."""
    if isinstance(value, ModuleType):
        return value.__name__
    if isinstance(value, type):
        return value.__dict__.get("__module__")
    return type(value).__dict__.get("__module__")


def uses_qt(module: ModuleType) -> bool:
    """Whether `module` uses PySide6, without reading its source: by its name (our `ui`
    package, PySide6, `__main__`) or by a PySide6 module, class or value among its globals."""
    name = getattr(module, "__name__", None)
    if isinstance(name, str) and (name in OUR_QT_PACKAGES or name.startswith(
            tuple(p + "." for p in OUR_QT_PACKAGES))):
        return True
    for value in list(getattr(module, "__dict__", {}).values()):
        owner = _owner(value)
        if isinstance(owner, str) and owner.split(".", 1)[0] in QT_PACKAGES:
            return True
    return False


def quiet_feature_scan() -> bool:
    """Replace PySide6's source scan of every imported module by `uses_qt` (see above); True
    when installed (or already), False when this PySide6 has no such hook (left as it is)."""
    feature = sys.modules.get("shibokensupport.feature")
    pyside = sys.modules.get("PySide6")
    original = getattr(feature, "_mod_uses_pyside", None)
    hook = getattr(feature, "feature_imported", None)
    if getattr(original, "__wrapped_scan__", None) is not None:
        return True  # installed before
    version = getattr(pyside, "__version_info__", (0,))
    if (feature is None or version[0] != 6 or not callable(original)
            or not isinstance(getattr(feature, "pyside_feature_dict", None), dict)
            or "_mod_uses_pyside" not in getattr(getattr(hook, "__code__", None), "co_names", ())):
        return False  # another layout: keep PySide6's own check

    def _mod_uses_pyside(module: Any) -> bool:
        try:
            return uses_qt(module)
        except Exception:  # noqa: BLE001 - an odd module: PySide6's own answer
            return bool(original(module))

    _mod_uses_pyside.__wrapped_scan__ = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[attr-defined]
    return True


# Start-up creates some 60,000 container objects that all live on (modules, classes, enums,
# widgets): Python's cyclic collector, run every 700 new objects, walks them again and again
# and finds nothing to free. It is paused from `load_qt` to the window's first screen and then
# resumed, the survivors frozen out of later collections (`gc.freeze`). `resume_collector` is
# also called where the start waits for a person (the log-in dialog) and when the application
# ends, so the pause never outlives the start.
_collector_paused = False


def pause_collector() -> None:
    """Pause the cyclic collector for the start (see above); no-op when it is already off."""
    global _collector_paused
    if gc.isenabled():
        gc.disable()
        _collector_paused = True


def resume_collector() -> None:
    """End the start's pause: what the start made is frozen (never scanned again, never
    freed: it lives as long as the program), then the collector runs as usual."""
    global _collector_paused
    if _collector_paused:
        _collector_paused = False
        gc.freeze()
        gc.enable()


def load_qt() -> None:
    """Import the window's core services, then Qt, then quiet PySide6's per-module source scan
    before the rest of the window's modules are imported. The core comes first because PySide6's
    import hook only sees modules imported after PySide6 (~10 ms less at start, measured). The
    cyclic collector is paused until the first screen (`pause_collector`)."""
    pause_collector()
    # both deferred on purpose: a CLI command loads neither the services' modules nor Qt
    importlib.import_module("sop_desktop.services.container")  # (in this order)
    import PySide6.QtCore  # noqa: F401

    quiet_feature_scan()


def open_window(db: str | None) -> int:
    """Open the window on `db` (the default data folder when None)."""
    load_qt()
    from ui.app import run_app  # Qt loads only when the window opens, not for a command

    return run_app(db)


def window_check(*args: Any, **kwargs: Any) -> str:
    """The self-test's window check (Qt plugins, translations, the main window offscreen)."""
    from ui.selftest_window import check_main_window  # Qt loads only when this check runs

    return check_main_window(*args, **kwargs)


def main(argv: list[str] | None = None) -> int:
    """The console script: the CLI's commands, or the window when no command is given."""
    from sop_desktop.cli import main as cli_main

    window: Callable[[str | None], int] = open_window
    return cli_main(sys.argv[1:] if argv is None else argv, open_window=window,
                    window_check=window_check)


if __name__ == "__main__":
    raise SystemExit(main())
