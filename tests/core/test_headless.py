"""The core never loads Qt: importing every module of sop_desktop and running CLI commands."""

import pkgutil
import subprocess
import sys

import sop_desktop
from tests.conftest import ROOT


def test_importing_every_core_module_never_loads_qt():
    names = [m.name for m in pkgutil.walk_packages(sop_desktop.__path__, "sop_desktop.")
             if m.name != "sop_desktop.__main__"]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6')]\n"
        "print('QT:' + ','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT))
    assert out.returncode == 0, out.stderr
    assert "QT:\n" in out.stdout, out.stdout
    assert len(names) > 5


def test_cli_subcommands_never_load_qt(tmp_path):
    db = tmp_path / "h.sqlite3"
    code = (
        "import sys\n"
        "from sop_desktop.cli import main\n"
        "for argv in (['sop', 'list', '--json'], ['position', 'list', '--json'], ['sop', 'show', "
        "'--json', sys.argv[2]]):\n"
        "    main(['--db', sys.argv[1], *argv])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "sys.stderr.write('QT:' + ','.join(bad) + '\\n')\n"
    )
    first = subprocess.run([sys.executable, "-m", "sop_desktop", "--db", str(db), "sop", "list"],
                           capture_output=True, text=True, cwd=str(ROOT))
    assert first.returncode == 0, first.stderr
    code_name = first.stdout.split()[0] if first.stdout.strip() else "NONE"
    out = subprocess.run([sys.executable, "-c", code, str(db), code_name], capture_output=True,
                         text=True, cwd=str(ROOT))
    assert "QT:\n" in out.stderr, out.stderr
