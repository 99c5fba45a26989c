"""The history chain in tests: the anchor computed by hand, a small office whose cases'
events interleave, and child processes that write to one database at the same time."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from pathlib import Path

from sop_desktop.services.container import Services
from tests.conftest import ROOT
from tests.core.office_support import Office, field_values, install_sample


def expected_anchor(rows: list[dict]) -> str:
    """The anchor computed here from the rows: sha256 over each case's newest hash, case order."""
    heads = {}
    for row in sorted(rows, key=lambda r: r["id"]):
        heads[row["case"]] = row["hash"]
    text = "".join(f"{case}:{heads[case]}\n" for case in sorted(heads))
    return hashlib.sha256(text.encode()).hexdigest()


def office_with_cases(path: Path | str) -> tuple[dict[str, list[int]], list[str]]:
    """A SQLite file with the sample SOP and two cases whose events interleave:
    case A: buka, keputusan (ya), lanjut; case B: buka, keputusan (ya). Returns
    ({number: [event ids in order]}, [A, B])."""
    with Services(str(path), seed=False) as svc:
        install_sample(svc)
        office = Office(svc)
        values = field_values(svc.sops.get("CONTOH"))
        t0 = dt.datetime(2026, 3, 17, 8, 0)
        a = svc.cases.open_case("CONTOH", office.operator, values, at=t0,
                                intake_done=False).numbers[0]
        b = svc.cases.open_case("CONTOH", office.operator, values, at=t0,
                                intake_done=False).numbers[0]
        for number in (a, b):
            svc.cases.advance(number, office.operator, at=t0 + dt.timedelta(minutes=5))
        for number in (a, b):
            case = svc.cases.get(number)
            svc.cases.decide(number, office.actor(case), "ya", note="lengkap",
                             at=t0 + dt.timedelta(hours=1))
        case = svc.cases.get(a)
        svc.cases.advance(a, office.actor(case), note="disetujui", at=t0 + dt.timedelta(hours=2))
        events = {n: [e.id for e in svc.cases.history(n)] for n in (a, b)}
    return events, [a, b]


# one process opening and walking `count` cases of the sample SOP (argv: target, tag, count);
# run twice at once on a file or server that has the sample SOP and an Office's users
CHILD = r"""
import sys
from sop_desktop.services.container import Services
from tests.core.office_support import field_values

path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
svc = Services(path, seed=False)
operator = svc.users.get("operator")
values = field_values(svc.sops.get("CONTOH")) | {"pemohon": tag}
done = 0
for _ in range(count):
    number = svc.cases.open_case("CONTOH", operator, values).numbers[0]
    while True:
        case = svc.cases.get(number)
        if case.status != "berjalan":
            break
        pos = case.current_position
        user = operator if pos is None or pos.external else svc.users.holders(pos)[0]
        step = svc.cases.definition(case).step(case.current_step)
        if step.kind == "decision":
            svc.cases.decide(number, user, "ya")
        else:
            svc.cases.advance(number, user)
    done += 1
print(done)
"""

# one process appending events to ONE case, run twice at once (tests here and for PostgreSQL)
CHAIN_CHILD = r"""
import sys
from sop_desktop.services.container import Services

target, number, tag, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
svc = Services(target, seed=False)
operator = svc.users.get("operator")
for i in range(count):
    svc.cases.record_event(number, operator, "catatan", f"{tag}{i}")
svc.close()
print(count)
"""


def run_chain_writers(target: str, number: str, count: int = 30) -> None:
    """Two processes append `count` events each to the same case at the same time."""
    run_two_writers(CHAIN_CHILD, [target, number], count)


def run_two_writers(script: str, args: list[str], count: int) -> None:
    """`script` run by two processes at once (tagged A and B after `args`, then `count`);
    each must end well and print `count`."""
    procs = [subprocess.Popen([sys.executable, "-c", script, *args, tag, str(count)],
                              cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for tag in ("A", "B")]
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
        assert out.strip() == str(count)
