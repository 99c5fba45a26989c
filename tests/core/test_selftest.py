"""`sop-desktop --self-test`: passes on the real install, fails (exit 1, no traceback) when broken.

The self-test is run the way a clerk or installers/build.py runs it: as its own process, with
no display (QT_QPA_PLATFORM=offscreen). A broken install is simulated the way a frozen bundle
finds its files: sys._MEIPASS pointing at a folder whose resources/ is damaged.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import ROOT

CHECK_LABELS = (
    "folder sumber daya", "perintah baris perintah", "huruf DejaVu untuk PDF", "pustaka SOP bawaan", "templat surat",
    "tanggal dan hari libur Indonesia", "berkas terjemahan", "basis data sementara",
    "pengguna uji", "kasus dari langkah pertama sampai selesai", "register ke Excel",
    "register ke PDF", "surat ke PDF", "diagram alir ke PDF dan PNG",
    "impor SOP hasil pindai (OCR)", "jendela utama (Qt)",
)


def _env() -> dict:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run_entry_point(*args: str) -> subprocess.CompletedProcess:
    """The installed `sop-desktop` console script (python -m sop_desktop when it is absent)."""
    script = Path(sys.executable).with_name("sop-desktop")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "ui.launch"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, env=_env(),
                          cwd=str(ROOT), timeout=300)


def run_as_bundle(meipass: Path) -> subprocess.CompletedProcess:
    """The self-test in a process that finds its resources as a PyInstaller bundle does."""
    code = ("import sys\n"
            f"sys._MEIPASS = {str(meipass)!r}\n"
            "from ui.launch import main\n"
            "raise SystemExit(main(['--self-test']))\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(), cwd=str(ROOT), timeout=300)


def check_lines(stdout: str) -> dict[str, str]:
    """{check label: "OK"|"GAGAL"} from the output; every line is a header, a check or the end."""
    lines = stdout.strip().splitlines()
    assert lines[0].startswith("Uji mandiri SOP Desktop "), stdout
    assert lines[-1].startswith("Uji mandiri "), stdout
    found = {}
    for line in lines[1:-1]:
        status, _, rest = line.partition(" ")
        assert status in ("OK", "GAGAL"), line
        label = next((lab for lab in CHECK_LABELS if rest.lstrip().startswith(lab)), None)
        assert label is not None, line
        found[label] = status
    return found


def test_self_test_passes_and_never_touches_the_user_data(_isolated_home):
    from sop_desktop import __version__

    result = run_entry_point("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    found = check_lines(result.stdout)
    assert found == {label: "OK" for label in CHECK_LABELS}, result.stdout
    assert f"SOP Desktop {__version__}" in result.stdout.splitlines()[0]
    assert f"Uji mandiri lulus: {len(CHECK_LABELS)} pemeriksaan OK" in result.stdout
    case_line = next(line for line in result.stdout.splitlines()
                     if "kasus dari langkah pertama" in line)
    assert "Tidak 1×" in case_line  # the No branch was taken once, and the case still finished
    # the data folder the user would have (SOP_DESKTOP_HOME here) is left exactly as it was
    assert list(Path(_isolated_home).iterdir()) == []


def test_a_broken_sop_file_in_the_bundle_fails_with_exit_1(tmp_path):
    bundle = tmp_path / "bundle"
    shutil.copytree(ROOT / "resources", bundle / "resources")
    # a hand-edited SOP file whose step names a lane that is not in its table
    (bundle / "resources" / "sops" / "zz-rusak.toml").write_text(textwrap.dedent("""\
        code = "RUSAK"
        name = "SOP Rusak"
        lanes = [{ name = "Operator" }]

        [[steps]]
        number = 1
        kegiatan = "Mencatat"
        lane = "Lajur Yang Tidak Ada"
        kind = "start"
        """), encoding="utf-8")
    result = run_as_bundle(bundle)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    found = check_lines(result.stdout)
    assert found["pustaka SOP bawaan"] == "GAGAL"
    library_line = next(line for line in result.stdout.splitlines() if "pustaka SOP" in line)
    assert "zz-rusak.toml" in library_line
    # what does not depend on the library is still checked, from the bundle's own folder
    assert found["huruf DejaVu untuk PDF"] == "OK"
    assert found["templat surat"] == "OK"
    assert found["folder sumber daya"] == "OK"
    assert str(bundle / "resources") in result.stdout
    assert found["kasus dari langkah pertama sampai selesai"] == "GAGAL"
    assert "Uji mandiri GAGAL" in result.stdout.splitlines()[-1]


def test_an_empty_resources_folder_fails_every_resource_check(tmp_path):
    (tmp_path / "resources").mkdir()
    result = run_as_bundle(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    found = check_lines(result.stdout)
    for label in ("folder sumber daya", "huruf DejaVu untuk PDF", "pustaka SOP bawaan",
                  "templat surat", "berkas terjemahan", "surat ke PDF"):
        assert found[label] == "GAGAL", label
    assert set(found) == set(CHECK_LABELS)


def test_self_test_is_offered_in_the_help():
    result = run_entry_point("--help")
    assert result.returncode == 0
    assert "--self-test" in result.stdout
