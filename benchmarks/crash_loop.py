"""The long crash run: SIGKILL a process advancing cases many times, then check the file.

    .venv/bin/python benchmarks/crash_loop.py [KILLS] [FOLDER]

Same check as tests/test_crash.py (integrity_check, every case agrees with its last history
event, the history hash chain intact, nothing acknowledged lost), with more kills (default 1000).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    kills = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp(prefix="sop-crash-"))
    os.environ.setdefault("SOP_DESKTOP_HOME", str(folder / "home"))
    from sop_desktop.services import users
    from sop_desktop.services.container import Services
    from tests.test_crash import check_consistent, run_kills
    from tests.test_workflow import Office, install_sample

    users.SCRYPT_N = 2 ** 10  # throw-away users
    path = folder / "crash.sqlite3"
    with Services(str(path), seed=False) as svc:
        install_sample(svc)
        Office(svc)
    acks = run_kills(path, kills=kills, max_acks=30)
    check_consistent(path, acks)
    print(f"{kills} kali dimatikan, {len(acks)} transisi terkonfirmasi, semuanya ada; "
          f"integrity_check ok, rantai hash riwayat utuh ({path})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
