"""Two processes advancing cases on one SQLite file at once: no "database is locked"."""

from __future__ import annotations

import subprocess
import sys

from sop_desktop.storage import db as dbm
from tests.conftest import ROOT
from tests.core.chain_support import CHILD
from tests.core.office_support import Office, install_sample


def test_two_processes_advance_cases_on_one_file(services, db_path):
    install_sample(services)
    Office(services)
    services.close()
    count = 25
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, str(db_path), tag, str(count)],
                              cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for tag in ("A", "B")]
    outs = [p.communicate(timeout=240) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=False):
        assert p.returncode == 0, err
        assert "locked" not in err
        assert out.strip() == str(count)

    from sop_desktop.services.container import Services

    with Services(str(db_path), seed=False) as svc:
        cases = list(dbm.Case.select())
        assert len(cases) == 2 * count
        assert len({c.number for c in cases}) == 2 * count  # the counter never repeats
        assert sorted(c.seq for c in cases) == list(range(1, 2 * count + 1))
        assert all(c.status == "selesai" for c in cases)
        assert {c.fields["pemohon"] for c in cases} == {"A", "B"}
        assert dbm.History.select().count() == 2 * count * 5
        assert svc.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        from sop_desktop.storage import integrity

        finding = integrity.check_history_chain(svc.db)  # both writers chained onto one history
        assert finding.ok, finding.problems
