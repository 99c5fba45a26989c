"""The suite's own layout (issue 14): fixtures come from the conftest.py files and helpers from
support modules; no test module imports another one (that ran its module-level code twice and
redefined its fixtures in the importer), not even inside a function or a child-process script."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
IMPORT_OF_A_TEST_MODULE = re.compile(r"^\s*(?:from|import)\s+tests\.(?:core|ui)\.test_\w+", re.MULTILINE)


def test_no_test_module_is_imported_by_another():
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for match in IMPORT_OF_A_TEST_MODULE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(TESTS)}:{line}: {match.group().strip()}")
    assert found == [], "impor modul uji (pakai conftest.py atau modul *_support):\n" + "\n".join(found)
