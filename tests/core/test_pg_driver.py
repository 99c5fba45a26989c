"""peewee is imported without psycopg2 (start-up on SQLite, issue 19) and gets the driver when
a PostgreSQL database is opened: a fresh process, as a start has it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

CHILD = """
import json, sys
from sop_desktop.services.container import Services
found = {"imported": "psycopg2" in sys.modules}
with Services(sys.argv[1]) as svc:
    found["sqlite"] = "psycopg2" in sys.modules
if len(sys.argv) > 2:
    with Services(sys.argv[2]) as svc:
        svc.db.execute_sql("CREATE TABLE t_uuid (id UUID, doc JSONB)")
        value = __import__("uuid").uuid4()
        svc.db.execute_sql("INSERT INTO t_uuid VALUES (%s, %s)", (value, json.dumps({"a": 1})))
        row = svc.db.execute_sql("SELECT id, doc FROM t_uuid").fetchone()
        found["pg"] = [row[0] == value, row[1], type(svc.db).__name__]
print(json.dumps(found))
"""


def _child(*targets: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", CHILD, *targets], capture_output=True,
                         text=True, env=env, timeout=120, cwd=str(ROOT))
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_start_on_sqlite_never_loads_psycopg2(tmp_path, monkeypatch):
    monkeypatch.setenv("SOP_DESKTOP_HOME", str(tmp_path / "home"))
    assert _child(str(tmp_path / "kantor.sqlite3")) == {"imported": False, "sqlite": False}


@pytest.mark.postgres
def test_postgresql_works_in_a_process_that_imported_peewee_without_psycopg2(tmp_path,
                                                                             monkeypatch):
    url = os.environ.get("SOP_DESKTOP_TEST_PG_URL")
    if not url:
        pytest.skip("tidak ada server PostgreSQL (SOP_DESKTOP_TEST_PG_URL)")
    import psycopg2

    monkeypatch.setenv("SOP_DESKTOP_HOME", str(tmp_path / "home"))
    name = "t_" + uuid.uuid4().hex[:12]
    admin = psycopg2.connect(url)
    admin.autocommit = True
    admin.cursor().execute(f"CREATE DATABASE {name}")
    try:
        found = _child(str(tmp_path / "kantor.sqlite3"), url.rsplit("/", 1)[0] + "/" + name)
    finally:
        admin.cursor().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()
    assert found["imported"] is False and found["sqlite"] is False
    assert found["pg"] == [True, {"a": 1}, "PostgresqlDatabase"]
