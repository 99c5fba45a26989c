"""The core's start-up imports (issue 19): making, dumping and restoring backups and the two hash
chains are imported where they are used, not when the services open; `storage.backup` still
gives every name it re-exports, and the day's later starts skip making a backup without
importing it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from sop_desktop.storage import backup as bk

ROOT = Path(__file__).resolve().parent.parent.parent
DEFERRED = ("sop_desktop.storage.backup_make", "sop_desktop.storage.backup_dump",
            "sop_desktop.storage.backup_restore", "sop_desktop.storage.backup_files",
            "sop_desktop.storage.integrity", "sop_desktop.storage.ledger",
            "sop_desktop.storage.event_canon")

CHILD = textwrap.dedent("""
    import json, sys
    from sop_desktop.services.container import Services

    deferred = {deferred!r}
    services = Services(sys.argv[1])
    opened = [m for m in deferred if m in sys.modules]
    daily = services.backups.auto("daily")
    after_daily = [m for m in deferred if m in sys.modules]
    services.close()
    print(json.dumps({{"opened": opened, "daily": str(daily) if daily else None,
                      "after_daily": after_daily}}))
""")


def _child(db: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # the test's own data folder (SOP_DESKTOP_HOME)
    out = subprocess.run([sys.executable, "-c", CHILD.format(deferred=DEFERRED), str(db)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_opening_the_services_imports_no_backup_making_nor_chain_module(services):
    from tests.core.users_support import make_user

    make_user(services, "ani", "operator", ["Petugas Yankomas"])  # a user: worth a backup
    db = Path(str(services.db.database))
    services.close()
    first = _child(db)
    assert first["opened"] == []
    assert first["daily"] is not None and Path(first["daily"]).exists()  # the day's first start
    assert "sop_desktop.storage.backup_make" in first["after_daily"]
    later = _child(db)  # today's backup exists: nothing made, nothing imported
    assert later == {"opened": [], "daily": None, "after_daily": []}


def test_every_deferred_name_is_the_object_of_its_module():
    import importlib

    assert len(bk._DEFERRED) == 25
    for name, (module, there) in bk._DEFERRED.items():
        assert getattr(bk, name) is getattr(importlib.import_module(module), there), name
    from sop_desktop.storage.backup import create_backup, restore_room_problem  # from-imports too

    assert create_backup is importlib.import_module("sop_desktop.storage.backup_make").create_backup
    assert restore_room_problem.__name__ == "room_problem"
    try:
        bk.no_such_name  # noqa: B018 - the attribute access is the test
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")
