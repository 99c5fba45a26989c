"""What can be checked about the installers without running PyInstaller or Inno Setup.

The bundle itself is built and self-tested by installers/build.py (minutes of CPU, so not
here): these tests keep the spec, the Inno Setup script, the Linux desktop entry and the
build script honest against the code they package.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

INSTALLERS = ROOT / "installers"
SPEC = INSTALLERS / "sop-desktop.spec"
ISS = INSTALLERS / "windows" / "sop-desktop.iss"
DESKTOP = INSTALLERS / "linux" / "sop-desktop.desktop"
# `resources_dir() / "name"` in the code: a resource the app reads at run time
RESOURCE_USE = re.compile(r"""resources_dir\(\)\s*\)?\s*/\s*["']([^"'/]+)["']""")


def spec_namespace() -> dict:
    """The spec's resource constants and resource_datas(), run without PyInstaller."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    wanted = {"RESOURCE_DIRS", "RESOURCE_FILES", "SKIP_SUFFIXES", "resource_datas"}
    nodes = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) in wanted for t in node.targets):
            nodes.append(node)
        elif isinstance(node, ast.FunctionDef) and node.name in wanted:
            nodes.append(node)
    assert len(nodes) == len(wanted), "spec tanpa konstanta/fungsi sumber daya yang diharapkan"
    ns = {"Path": Path, "ROOT": ROOT, "RESOURCES": ROOT / "resources"}
    exec(compile(ast.Module(body=nodes, type_ignores=[]), str(SPEC), "exec"), ns)  # noqa: S102
    return ns


def resources_read_by_code() -> set[str]:
    found = set()
    for folder in ("sop_desktop", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            found.update(RESOURCE_USE.findall(path.read_text(encoding="utf-8")))
    return found


def iss_lines() -> list[str]:
    """The Inno Setup script without comments (';' lines) and blank lines."""
    return [line.strip() for line in ISS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.strip().startswith(";")]


def iss_section(name: str) -> list[str]:
    out, inside = [], False
    for line in iss_lines():
        if line.startswith("["):
            inside = line.lower() == f"[{name.lower()}]"
            continue
        if inside:
            out.append(line)
    return out


# -- the PyInstaller spec ------------------------------------------------------------------------

def test_the_spec_bundles_every_resource_the_code_reads():
    ns = spec_namespace()
    listed = set(ns["RESOURCE_DIRS"]) | set(ns["RESOURCE_FILES"])
    used = resources_read_by_code()
    assert {"sops", "letters", "fonts", "logo", "i18n", "positions.toml"} <= used  # scan works
    assert used <= listed, f"tidak dibundel: {sorted(used - listed)}"
    # every folder that exists under resources/ and is read is really there in the spec
    for name in used:
        assert (ROOT / "resources" / name).exists() or name == "icons", name


def test_the_spec_copies_each_file_the_app_reads_to_resources():
    ns = spec_namespace()
    datas = {(Path(src).resolve(), dest.replace("\\", "/")) for src, dest in ns["resource_datas"]()}
    res = ROOT / "resources"
    expected = [*res.glob("sops/*.toml"), *res.glob("letters/*.txt"), *res.glob("fonts/*.ttf"),
                res / "logo" / "logo-default.png", res / "positions.toml", *res.glob("i18n/*.qm")]
    assert len(expected) > 20
    for path in expected:
        dest = str(Path("resources") / path.parent.relative_to(res)).replace("\\", "/")
        assert (path.resolve(), dest) in datas, f"{path} tidak masuk bundel"
    # the window icon lands where ui.app.app_icon looks for it
    icon = (res / "icons" / "sop-desktop.png").resolve()
    assert (icon, "resources/icons") in datas
    # sources are left out: a .ts beside its .qm would make the app try to rebuild the .qm
    assert not [src for src, _ in datas if src.suffix in (".ts", ".py")]


def test_the_spec_refuses_to_build_without_compiled_translations():
    text = SPEC.read_text(encoding="utf-8")
    assert "def check_translations" in text and "check_translations()" in text
    assert "ui.build_translations" in text


def test_the_spec_takes_the_windows_version_from_the_package():
    text = SPEC.read_text(encoding="utf-8")
    assert "from sop_desktop import APP_NAME, __version__" in text
    assert 'StringStruct("ProductVersion", __version__)' in text


# -- the Inno Setup script -----------------------------------------------------------------------

def test_the_windows_installer_is_per_user_and_keeps_the_data():
    from sop_desktop.paths import APP_DIR_NAME

    setup = iss_section("Setup")
    assert "PrivilegesRequired=lowest" in setup
    default_dir = next(line for line in setup if line.startswith("DefaultDirName="))
    assert APP_DIR_NAME.lower() not in default_dir.lower()  # the program is not in the data folder
    code = "\n".join(iss_lines()).lower()
    # nothing removes the user's data folder (%LOCALAPPDATA%\SOPDesktop) on uninstall
    assert "[uninstalldelete]" not in code
    assert "deltree" not in code and "deletefile" not in code
    assert APP_DIR_NAME.lower() not in code
    # the only thing deleted at all is the program's own library folder, on upgrade
    assert iss_section("InstallDelete") == ['Type: filesandordirs; Name: "{app}\\_internal"']


def test_the_windows_installer_makes_start_menu_and_desktop_shortcuts():
    icons = iss_section("Icons")
    assert any(line.startswith('Name: "{group}\\') and "sop-desktop.exe" in line.replace(
        "{#AppExeName}", "sop-desktop.exe") for line in icons)
    assert any("{autodesktop}" in line and "Tasks: desktopicon" in line for line in icons)
    assert any("{uninstallexe}" in line for line in icons)


def test_the_version_lives_in_one_place():
    from sop_desktop import __version__

    # the installer reads the version from the built program; nothing here repeats it
    iss = "\n".join(iss_lines())
    assert '#define AppVersion GetStringFileInfo(AppExe, "ProductVersion")' in iss
    assert "AppVersion={#AppVersion}" in iss
    literal = re.compile(r"""["']?\b\d+\.\d+\.\d+(?:\.\d+)?\b["']?""")
    for path in sorted(INSTALLERS.rglob("*")):
        if path.suffix not in (".py", ".spec", ".iss", ".desktop", ".sh"):
            continue
        text = path.read_text(encoding="utf-8")
        assert __version__ not in text, f"{path.name} menyalin versi {__version__}"
        assert not literal.findall(text), f"{path.name}: {literal.findall(text)}"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert 'version = { attr = "sop_desktop.__version__" }' in pyproject


# -- Linux ---------------------------------------------------------------------------------------

def test_the_desktop_entry_is_valid():
    text = DESKTOP.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]")
    entries = dict(line.split("=", 1) for line in text.splitlines()[1:] if "=" in line)
    assert entries["Type"] == "Application"
    assert entries["Exec"].split()[0] == "sop-desktop"
    assert entries["Icon"] == "sop-desktop"
    assert (INSTALLERS / "linux" / "sop-desktop.png").is_file()
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate tidak terpasang (paket desktop-file-utils)")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="skrip shell Linux")
def test_the_linux_install_script_installs_and_uninstalls_per_user(tmp_path):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    fake = bundle / "sop-desktop"  # stands in for the PyInstaller program
    fake.write_text("#!/bin/sh\necho 'SOP Desktop uji'\n", encoding="utf-8")
    fake.chmod(0o755)
    home = tmp_path / "home"
    data = home / ".local" / "share" / "SOPDesktop"
    data.mkdir(parents=True)
    (data / "sop-desktop.sqlite3").write_bytes(b"data kantor")
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    script = INSTALLERS / "linux" / "install.sh"
    result = subprocess.run(["sh", str(script), str(bundle)], env=env, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    installed = home / ".local" / "opt" / "sop-desktop" / "sop-desktop"
    assert installed.is_file()
    assert (home / ".local" / "bin" / "sop-desktop").resolve() == installed.resolve()
    entry = home / ".local" / "share" / "applications" / "sop-desktop.desktop"
    assert f"Exec={installed}" in entry.read_text(encoding="utf-8")
    result = subprocess.run(["sh", str(script), "--uninstall"], env=env, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert not installed.exists() and not entry.exists()
    assert (data / "sop-desktop.sqlite3").read_bytes() == b"data kantor"


# -- the build script ----------------------------------------------------------------------------

@pytest.fixture
def build_module():
    """installers/build.py as a module (under its own name: PyPI has a package "build")."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("sop_desktop_installer_build",
                                                  INSTALLERS / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_program(tmp_path: Path, lines: list[str], code: int) -> Path:
    script = tmp_path / "fake.py"
    script.write_text("import os, sys\n"
                      "assert os.environ['QT_QPA_PLATFORM'] == 'offscreen'\n"
                      f"print({chr(10).join(lines)!r})\n"
                      f"sys.exit({code})\n", encoding="utf-8")
    runner = tmp_path / "fake-program"
    runner.write_text(f"#!/bin/sh\nexec {sys.executable} {script} \"$@\"\n", encoding="utf-8")
    runner.chmod(0o755)
    return runner


@pytest.mark.skipif(sys.platform == "win32", reason="program palsu berupa skrip shell")
def test_build_fails_loudly_when_the_bundle_self_test_fails(build_module, tmp_path, monkeypatch):
    lines = ["Uji mandiri SOP Desktop x (bundel, Python 3)", "OK  a", "GAGAL b: rusak",
             "Uji mandiri GAGAL: 1 dari 2 pemeriksaan gagal"]
    monkeypatch.setattr(build_module, "console_program", lambda: fake_program(tmp_path, lines, 1))
    with pytest.raises(build_module.BuildFailed, match="GAGAL"):
        build_module.self_test()


@pytest.mark.skipif(sys.platform == "win32", reason="program palsu berupa skrip shell")
def test_build_rejects_a_self_test_that_did_not_run_from_the_bundle(build_module, tmp_path,
                                                                     monkeypatch):
    lines = ["Uji mandiri SOP Desktop x (sumber, Python 3)", "OK  a", "Uji mandiri lulus"]
    monkeypatch.setattr(build_module, "console_program", lambda: fake_program(tmp_path, lines, 0))
    with pytest.raises(build_module.BuildFailed, match="bukan|tidak berjalan dari bundel"):
        build_module.self_test()
    ok = ["Uji mandiri SOP Desktop x (bundel, Python 3)", "OK  a", "Uji mandiri lulus: 1"]
    monkeypatch.setattr(build_module, "console_program", lambda: fake_program(tmp_path, ok, 0))
    assert build_module.self_test() == "Uji mandiri lulus: 1"


def test_build_compiles_translations_before_pyinstaller(build_module, monkeypatch, tmp_path):
    calls = []

    def fake_run(cmd, *args, **kwargs):
        calls.append(cmd)
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setattr(build_module.subprocess, "run", fake_run)
    monkeypatch.setattr(build_module, "self_test", lambda: "lulus")
    monkeypatch.setattr(build_module, "startup_check", lambda: None)
    monkeypatch.setattr(build_module, "DIST", tmp_path)
    for exe in {build_module.program("sop-desktop"), build_module.console_program()}:
        exe.write_text("", encoding="utf-8")  # what PyInstaller would have left there
    assert build_module.main([]) == 0
    assert calls[0][1:] == ["-m", "ui.build_translations"]
    assert calls[1][1:3] == ["-m", "PyInstaller"] and calls[1][-1].endswith("sop-desktop.spec")


@pytest.mark.slow
@pytest.mark.skipif(not (os.environ.get("CI") or os.environ.get("SOP_DESKTOP_TEST_BUNDLE")),
                    reason="builds the PyInstaller bundle (minutes): runs in CI or with "
                           "SOP_DESKTOP_TEST_BUNDLE=1")
def test_linux_bundle_builds_and_its_self_test_passes():
    """The documented build (installers/build.py, what `./dev bundle` runs) from this checkout:
    PyInstaller, then the bundle's own --self-test offscreen and a start of its window."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, str(INSTALLERS / "build.py")], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=40 * 60)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out[-4000:]
    assert "GAGAL" not in result.stdout
    bundle = ROOT / "dist" / "sop-desktop" / "sop-desktop"
    assert bundle.is_file()
    check = subprocess.run([str(bundle), "--self-test"], env=env, capture_output=True, text=True,
                           timeout=600)
    assert check.returncode == 0, check.stdout + check.stderr
    lines = [line for line in check.stdout.splitlines() if line.startswith(("OK", "GAGAL"))]
    assert len(lines) >= 10 and all(line.startswith("OK") for line in lines)
