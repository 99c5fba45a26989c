"""Fixtures of the core tests."""

from __future__ import annotations

import pytest

from tests.core.reports_support import World, run_scenario  # noqa: F401


@pytest.fixture(scope="module")
def scenario_world(tmp_path_factory):
    """One database with every SCENARIO case, shared by a module's read-only tests (the
    scenario takes seconds to run through CaseService)."""
    folder = tmp_path_factory.mktemp("scenario")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOP_DESKTOP_HOME", str(folder / "home"))
        w = World(str(folder / "reports.sqlite3"))
        w.numbers = run_scenario(w)
        yield w
        w.close()
