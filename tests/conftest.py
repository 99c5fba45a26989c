"""Shared fixtures: every test gets its own data folder and a real SQLite file."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from sop_desktop.services import users as users_mod
from tests.core.tamper_support import build_office, run_check

ROOT = Path(__file__).resolve().parent.parent
# the seed documents, copied into the repository: the suite needs nothing beside it
SEEDS = ROOT / "tests" / "fixtures" / "seeds"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """No test ever touches the user's real data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SOP_DESKTOP_HOME", str(home))
    monkeypatch.delenv("SOP_DESKTOP_DB", raising=False)
    monkeypatch.delenv("SOP_DESKTOP_PASSWORD", raising=False)
    yield home


@pytest.fixture(autouse=True)
def fast_scrypt(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap password hashing (scrypt N=2**10) in every test, which creates users by the dozen;
    a test of the production cost itself is marked `real_scrypt` (tests/core/test_users.py)."""
    if request.node.get_closest_marker("real_scrypt") is None:
        monkeypatch.setattr(users_mod, "SCRYPT_N", 2 ** 10)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "sop.sqlite3"


@pytest.fixture
def services(db_path):
    """Core services over a fresh SQLite file with the bundled library seeded."""
    from sop_desktop.services.container import Services

    svc = Services(str(db_path))
    yield svc
    svc.close()


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


def pg_url() -> str | None:
    return os.environ.get("SOP_DESKTOP_TEST_PG_URL")


@pytest.fixture
def pg_services():
    """Core services over a fresh schema on the real PostgreSQL server started by ./dev test."""
    url = pg_url()
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI harus menjalankan uji PostgreSQL, tetapi SOP_DESKTOP_TEST_PG_URL kosong")
        pytest.skip("tidak ada server PostgreSQL (SOP_DESKTOP_TEST_PG_URL)")
    import uuid

    import psycopg2

    name = "t_" + uuid.uuid4().hex[:12]
    admin = psycopg2.connect(url)
    admin.autocommit = True
    admin.cursor().execute(f"CREATE DATABASE {name}")
    admin.close()
    from sop_desktop.services.container import Services

    svc = Services(url.rsplit("/", 1)[0] + "/" + name)
    yield svc
    svc.close()
    admin = psycopg2.connect(url)
    admin.autocommit = True
    admin.cursor().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.close()


def run_cli(*args: str, env: dict | None = None, input: str | None = None):
    """Run the real `sop-desktop` in a subprocess (proves the CLI never needs Qt)."""
    import subprocess

    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "sop_desktop", *args], capture_output=True,
                          text=True, env=full_env, input=input, cwd=str(ROOT), timeout=300)


# an office database with cases in every state, shared by the tamper and anchor tests
@pytest.fixture(scope="module")
def template(tmp_path_factory):
    old = users_mod.SCRYPT_N
    users_mod.SCRYPT_N = 2 ** 10
    home = tmp_path_factory.mktemp("home-template")
    mp = pytest.MonkeyPatch()
    mp.setenv("SOP_DESKTOP_HOME", str(home))
    try:
        path = tmp_path_factory.mktemp("template") / "kantor.sqlite3"
        numbers = build_office(path)
    finally:
        mp.undo()
        users_mod.SCRYPT_N = old
    return path, numbers


@pytest.fixture
def office_db(template, tmp_path):
    """A copy of the office database, anchored by a backup (the anchor log is in this test's
    own data folder)."""
    source, numbers = template
    path = tmp_path / "kantor.sqlite3"
    shutil.copy(source, path)
    rc, out = run_check(path, "backup", "-o", str(tmp_path / "cadangan.sqlite3"))
    assert rc == 0, out
    return path, numbers
