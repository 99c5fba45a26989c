"""Power-cut safety: a process advancing cases is killed with SIGKILL at random moments.

Afterwards the file passes PRAGMA integrity_check, every case agrees with its last history
event, and every transition the child acknowledged (printed after its commit) is present.
The longer run is benchmarks/crash_loop.py.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from sop_desktop.storage import db as dbm
from tests.conftest import ROOT
from tests.core.office_support import Office, install_sample

CHILD = r"""
import random, sys
from sop_desktop.services.container import Services
from tests.core.office_support import field_values

path, seed = sys.argv[1], int(sys.argv[2])
rng = random.Random(seed)
svc = Services(path, seed=False)
operator = svc.users.get("operator")
admin = svc.users.get("admin")
values = field_values(svc.sops.get("CONTOH"))
print("READY", flush=True)
while True:
    open_ids = [c.id for c in svc.cases.list(status="berjalan", limit=20)]
    if len(open_ids) < 5 or rng.random() < 0.2:
        change = svc.cases.open_case("CONTOH", operator, values)
    else:
        case = svc.cases.get(rng.choice(open_ids))
        pos = case.current_position
        user = operator if pos is None or pos.external else svc.users.holders(pos)[0]
        step = svc.cases.definition(case).step(case.current_step)
        roll = rng.random()
        if roll < 0.03:
            change = svc.cases.stop(case.number, admin, "dihentikan uji")
        elif roll < 0.1 and case.current_step > 1:
            change = svc.cases.return_to(case.number, user, 1, "kembali uji")
        elif step.kind == "decision":
            change = svc.cases.decide(case.number, user, rng.choice(["ya", "ya", "tidak"]))
        else:
            change = svc.cases.advance(case.number, user)
    print(f"ACK {change.numbers[0]} {change.event_id} {change.to_step} {change.status}", flush=True)
"""


def run_kills(db_path, kills: int, seed: int = 7, max_acks: int = 8) -> list[tuple]:
    """Start the child `kills` times; each time let it commit a random number of transitions,
    then SIGKILL it a random instant later (often in the middle of the next one).

    Returns every acknowledged transition (number, event id, to_step, status).
    """
    rng = random.Random(seed)
    acks = []

    def parse(line):
        _, number, event_id, to_step, status = line.split()
        acks.append((number, int(event_id), None if to_step == "None" else int(to_step), status))

    for round_no in range(kills):
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path), str(seed + round_no)],
                                cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        first = proc.stdout.readline()
        assert first.strip() == "READY", proc.stderr.read()
        for _ in range(rng.randint(1, max_acks)):
            line = proc.stdout.readline()
            assert line.startswith("ACK "), proc.stderr.read()
            parse(line)
        time.sleep(rng.uniform(0, 0.03))
        os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == -signal.SIGKILL, err
        for line in out.splitlines():
            if line.startswith("ACK "):
                parse(line)
    return acks


def check_consistent(db_path, acks) -> None:
    from sop_desktop.services.container import Services

    with Services(str(db_path), seed=False) as svc:
        assert svc.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert svc.db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        from sop_desktop.storage import integrity

        finding = integrity.check_history_chain(svc.db)  # no kill left a broken chain
        assert finding.ok, finding.problems
        for case in dbm.Case.select():
            last = svc.cases.last_event(case)
            assert last is not None, case.number
            assert case.current_step == last.to_step, case.number
            expected = {"hentikan": "dihentikan"}.get(last.action, "selesai" if last.to_step is None
                                                      else "berjalan")
            assert case.status == expected, case.number
        for number, event_id, to_step, _status in acks:
            event = dbm.History.get_or_none(dbm.History.id == event_id)
            assert event is not None, f"transisi {number} #{event_id} yang sudah dikonfirmasi hilang"
            assert event.case.number == number and event.to_step == to_step


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_acknowledged(services, db_path):
    install_sample(services)
    Office(services)
    services.close()
    acks = run_kills(db_path, kills=20)
    assert len(acks) >= 20
    check_consistent(db_path, acks)
