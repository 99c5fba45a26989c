"""benchmarks/run.py still runs end to end (issue 19): its smoke mode, `--cases 1000
--repeat 1`, in a subprocess, prints one row per benchmark. No timing is asserted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def _benchmark_names() -> list[str]:
    """The row names benchmarks/run.py registers (read from the module, not hard-coded)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return [name for name, _ in run.BENCHMARKS]


def test_runner_smoke_mode_prints_every_row(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--cases", "1000", "--repeat", "1",
         "--folder", str(tmp_path)], capture_output=True, text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    lines = out.stdout.splitlines()
    assert any("1000 kasus demo" in line for line in lines), out.stdout
    names = _benchmark_names()
    assert len(names) >= 12
    for name in names:
        row = next((line for line in lines if line.startswith(name)), None)
        assert row is not None, f"baris '{name}' tidak dicetak:\n{out.stdout}"
        assert len(row.split()) > len(name.split()), row  # a figure follows the name
