"""The house rule of issue 14 kept by the suite: no module of the application over 600 lines
and no function over 80 (tests excepted), so a newcomer can read any piece in one sitting."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def _sources() -> list[Path]:
    return sorted(p for folder in ("sop_desktop", "ui") for p in (ROOT / folder).rglob("*.py"))


def oversized(path: Path, root: Path = ROOT) -> list[str]:
    """Every way one source file breaks the limits, as 'file:line: what'."""
    text = path.read_text(encoding="utf-8")
    name = path.relative_to(root)
    out = []
    lines = len(text.splitlines())
    if lines > MAX_MODULE_LINES:
        out.append(f"{name}: {lines} baris (batas {MAX_MODULE_LINES})")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                out.append(f"{name}:{node.lineno}: fungsi {node.name} {length} baris "
                           f"(batas {MAX_FUNCTION_LINES})")
    return out


def test_the_limits_are_measured(tmp_path):
    long_function = "def f():\n" + "    x = 1\n" * MAX_FUNCTION_LINES
    assert oversized(ROOT / "sop_desktop" / "__init__.py") == []
    probe = tmp_path / "panjang.py"
    probe.write_text(long_function + "\n" * MAX_MODULE_LINES, encoding="utf-8")
    found = oversized(probe, tmp_path)
    assert len(found) == 2 and "baris (batas 600)" in found[0] and "fungsi f 81 baris" in found[1]


def test_no_module_over_600_lines_and_no_function_over_80():
    found = [line for path in _sources() for line in oversized(path)]
    assert found == [], "\n".join(found)
