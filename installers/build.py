"""Build the SOP Desktop bundle with PyInstaller and prove it works.

    python installers/build.py            # translations, bundle, then the checks below
    python installers/build.py --no-test  # translations and bundle only
    python installers/build.py --archive  # Linux: also dist/SOP-Desktop-<versi>-linux-<arch>.tar.gz

Steps: compile the translations (python -m ui.build_translations), build dist/sop-desktop/ from
installers/sop-desktop.spec, run the bundle's `--self-test` offscreen on a temporary data
folder (it must print only OK lines and exit 0), then start the bundled window offscreen on
a fresh data folder and make sure it is still running after a few seconds (no start-up crash).
Any failure prints what went wrong and exits non-zero.

On Windows the folder is then packed by Inno Setup (installers/windows/sop-desktop.iss), which
reads the version from the built program; see the README, "Membangun paket".
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "sop-desktop"
WINDOWS = os.name == "nt"
STARTUP_SECONDS = 8  # the window must survive this long on a fresh data folder


class BuildFailed(Exception):
    """A step failed; the message says which and why."""


def program(name: str) -> Path:
    return DIST / (f"{name}.exe" if WINDOWS else name)


def console_program() -> Path:
    """The program for commands and --self-test (Windows: the console twin of the GUI exe)."""
    return program("sop-desktop-cli" if WINDOWS else "sop-desktop")


def step(title: str) -> None:
    print(f"\n==> {title}", flush=True)


def build_translations() -> None:
    step("terjemahan (.ts -> .qm)")
    result = subprocess.run([sys.executable, "-m", "ui.build_translations"], cwd=ROOT)
    if result.returncode != 0:
        raise BuildFailed("terjemahan gagal dibangun (pyside6-lrelease)")


def build_bundle() -> Path:
    step("PyInstaller")
    import importlib.util

    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildFailed("PyInstaller belum terpasang: pip install -e .[build]")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
         "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build"),
         str(ROOT / "installers" / "sop-desktop.spec")], cwd=ROOT)
    if result.returncode != 0:
        raise BuildFailed(f"PyInstaller gagal (kode {result.returncode})")
    for exe in {program("sop-desktop"), console_program()}:
        if not exe.is_file():
            raise BuildFailed(f"program tidak ditemukan di bundel: {exe}")
    return DIST


def offscreen_env(home: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SOP_DESKTOP_HOME=home)
    env.pop("SOP_DESKTOP_DB", None)  # never the builder's own database
    return env


def self_test() -> str:
    step("uji mandiri bundel (--self-test, offscreen)")
    with tempfile.TemporaryDirectory(prefix="sop-desktop-build-") as home:
        result = subprocess.run([str(console_program()), "--self-test"], env=offscreen_env(home),
                                cwd=home, capture_output=True, text=True, encoding="utf-8",
                                errors="replace", timeout=600)
    print(result.stdout, end="")
    if result.stderr.strip():
        print(result.stderr, end="", file=sys.stderr)
    lines = result.stdout.strip().splitlines()
    failed = [line for line in lines if line.startswith("GAGAL")]
    if result.returncode != 0 or failed or not lines:
        raise BuildFailed(f"uji mandiri bundel GAGAL (kode {result.returncode}, "
                          f"{len(failed)} pemeriksaan gagal)")
    if "(bundel," not in lines[0]:
        raise BuildFailed("uji mandiri tidak berjalan dari bundel (baris pertama: "
                          f"{lines[0]!r})")
    return lines[-1]


def startup_check() -> None:
    """Start the window as a clerk would on a new PC; it must not exit on its own."""
    step(f"jendela bundel dimulai (offscreen, {STARTUP_SECONDS} detik)")
    with tempfile.TemporaryDirectory(prefix="sop-desktop-start-") as home:
        proc = subprocess.Popen([str(program("sop-desktop"))], env=offscreen_env(home), cwd=home,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                encoding="utf-8", errors="replace")
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        if proc.poll() is not None:
            output = proc.stdout.read() if proc.stdout else ""
            raise BuildFailed(f"jendela berhenti sendiri saat dimulai (kode {proc.returncode}):\n"
                              f"{output}")
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        output = proc.stdout.read() if proc.stdout else ""
        if "Traceback" in output:
            raise BuildFailed(f"jendela menulis galat saat dimulai:\n{output}")
        created = sorted(p.name for p in Path(home).iterdir())
    print(f"jendela berjalan; folder data baru berisi: {', '.join(created) or '(kosong)'}")


def archive() -> Path:
    """Linux: the tested bundle with install.sh, the menu entry and the icon, as one .tar.gz."""
    import platform
    import tarfile

    sys.path.insert(0, str(ROOT))
    from sop_desktop import __version__

    step("arsip Linux")
    linux = ROOT / "installers" / "linux"
    out = ROOT / "dist" / f"SOP-Desktop-{__version__}-linux-{platform.machine()}.tar.gz"
    top = f"SOP-Desktop-{__version__}"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(DIST, arcname=f"{top}/sop-desktop")
        for name in ("install.sh", "sop-desktop.desktop", "sop-desktop.png"):
            tar.add(linux / name, arcname=f"{top}/{name}")
    print(f"arsip: {out} ({out.stat().st_size // (1024 * 1024)} MB)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bangun bundel SOP Desktop (PyInstaller) dan "
                                                 "uji hasilnya.")
    parser.add_argument("--no-test", action="store_true",
                        help="hanya membangun, tanpa uji mandiri dan uji mulai jendela")
    parser.add_argument("--archive", action="store_true",
                        help="Linux: kemas bundel yang lulus uji menjadi .tar.gz dengan install.sh")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        build_translations()
        build_bundle()
        print(f"bundel: {DIST}")
        if not args.no_test:
            summary = self_test()
            startup_check()
            print(f"\n{summary}")
        if args.archive and not WINDOWS:
            archive()
    except BuildFailed as exc:
        print(f"\nPEMBANGUNAN GAGAL: {exc}", file=sys.stderr)
        return 1
    print(f"Selesai dalam {time.monotonic() - started:.0f} detik: {DIST}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
