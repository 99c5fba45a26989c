"""The core's start-up imports (issue 19): making, dumping and restoring backups, the two hash
chains and the SOP definitions' modules are imported where they are used, not when the services
open or the first screen reads; `storage.backup` and `importers` still give every name they
export, and the day's later starts skip making a backup without importing it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

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
    with pytest.raises(AttributeError, match="no_such_name"):
        bk.no_such_name  # noqa: B018 - the attribute access is the test


# the SOP definitions' modules: imported where a definition is built (a case shown, a step
# taken, an SOP imported or seeded), not for the first screen's reads (issue 19)
DEFINITIONS = ("sop_desktop.domain.model", "sop_desktop.domain.waktu",
               "sop_desktop.domain.calendar", "sop_desktop.domain.validate",
               "sop_desktop.importers.library", "sop_desktop.importers.result")

FIRST_SCREEN = textwrap.dedent("""
    import json, sys
    from sop_desktop.services.container import Services
    from sop_desktop.services.inbox import SCOPE_MINE

    definitions = {definitions!r}
    services = Services(sys.argv[1])
    user = services.users.get(sys.argv[2])
    view = services.inbox.overview(user)
    query = services.inbox.scope_query(user, SCOPE_MINE)
    snap = services.inbox.snapshot(query, 200)
    rows = services.inbox.page_of(query, 0, 50)
    summaries = services.sops.summaries()
    services.inbox.unread_count(user)
    services.users.position_names(user)
    read = [m for m in definitions if m in sys.modules]
    case = services.cases.get(rows[0].case_id)
    defn = services.cases.definition(case)  # a definition built: now they load
    built = [m for m in definitions if m in sys.modules]
    services.close()
    print(json.dumps({{"read": read, "built": built, "rows": len(rows), "total": snap.total,
                      "sops": len(summaries), "steps": len(defn.steps)}}))
""")


def test_the_first_screens_reads_import_no_sop_definition_module(services):
    from sop_desktop.ops.demo import fill

    fill(services, 30, seed=1)
    holder = next(h for c in sorted(services.inbox.counts(), key=lambda c: -c.open) if c.open
                  for h in services.users.holders(services.positions.get(c.position)))
    db = Path(str(services.db.database))
    services.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", FIRST_SCREEN.format(definitions=DEFINITIONS),
                          str(db), holder.username],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["rows"] >= 1 and result["total"] >= result["rows"] and result["sops"] >= 1
    assert result["read"] == [], f"dimuat untuk layar pertama: {result['read']}"
    assert result["steps"] >= 1
    assert "sop_desktop.domain.model" in result["built"]


def test_the_light_bundled_files_module_is_the_librarys_and_the_import_result_still_exported():
    import sop_desktop.importers as importers
    from sop_desktop.importers import bundled, library, result

    assert library.bundled_files is bundled.bundled_files
    assert library.bundled_sop_dir is bundled.bundled_sop_dir
    assert importers.ImportResult is result.ImportResult
    from sop_desktop.importers import ImportResult  # the from-import too

    assert ImportResult is result.ImportResult
    with pytest.raises(AttributeError, match="no_such_name"):
        importers.no_such_name  # noqa: B018 - the attribute access is the test
