"""Build the SOP Desktop bundle with PyInstaller and run its self-test.

    python installers/build.py            # build dist/sop-desktop/ and run --self-test offscreen
    python installers/build.py --no-test  # build only

On Windows the bundle is then packed by Inno Setup (installers/windows/sop-desktop.iss).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build() -> Path:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build"),
                    str(ROOT / "installers" / "sop-desktop.spec")], check=True, cwd=ROOT)
    exe = ROOT / "dist" / "sop-desktop" / ("sop-desktop.exe" if os.name == "nt" else "sop-desktop")
    if not exe.exists():
        raise SystemExit(f"bundle not found: {exe}")
    return exe


def self_test(exe: Path) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as home:
        env["SOP_DESKTOP_HOME"] = home  # never touch the builder's own data
        return subprocess.run([str(exe), "--self-test"], env=env, cwd=home).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-test", action="store_true")
    args = parser.parse_args()
    exe = build()
    print(f"bundle: {exe.parent}")
    if args.no_test:
        return 0
    code = self_test(exe)
    print("self-test: " + ("ok" if code == 0 else f"GAGAL (kode {code})"))
    return code


if __name__ == "__main__":
    raise SystemExit(main())
