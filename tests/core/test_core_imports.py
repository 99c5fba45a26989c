"""The core's own imports (issue 14): an import of a sop_desktop module inside a function is
deferred on purpose (a heavy library for start-up, a cycle, a self-test check that must fail
as one line) and says why in a comment; every other one belongs at the top of its module."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "sop_desktop"


def _comment_lines(source: str) -> set[int]:
    """The line numbers that carry a comment (tokenize: never a '#' inside a string)."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {tok.start[0] for tok in tokens if tok.type == tokenize.COMMENT}


def _is_own(node: ast.AST) -> bool:
    """An import of the project's core package (absolute: the core never imports relatively)."""
    if isinstance(node, ast.ImportFrom):
        return node.level == 0 and (node.module or "").split(".")[0] == "sop_desktop"
    if isinstance(node, ast.Import):
        return any(alias.name.split(".")[0] == "sop_desktop" for alias in node.names)
    return False


def _innermost_functions(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    """Each import statement inside a function, mapped to its innermost function."""
    owner: dict[ast.AST, ast.AST] = {}

    def visit(node: ast.AST, function: ast.AST | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                visit(child, child)
            else:
                if function is not None and isinstance(child, (ast.Import, ast.ImportFrom)):
                    owner[child] = function
                visit(child, function)

    visit(tree, None)
    return owner


def _explained(node: ast.stmt, lines: list[str], comments: set[int], imports: set[int]) -> bool:
    """A comment on the import's own lines, or above it: on the line before it, or on the line
    before the run of import statements and blank lines it ends (one comment for a block)."""
    end = node.end_lineno or node.lineno
    if any(n in comments for n in range(node.lineno, end + 1)):
        return True
    line = node.lineno - 1
    while line >= 1:
        text = lines[line - 1].strip()
        if line in comments and (text.startswith("#") or line in imports):
            return True
        if text and line not in imports:  # code, or a comment about that code: not this import
            return False
        line -= 1
    return False


def unexplained_imports(source: str, name: str = "<source>") -> list[str]:
    """'name:line: function: statement' for each function whose first own-module import has no
    comment saying why it is deferred (one comment per function is enough)."""
    tree = ast.parse(source)
    lines = source.splitlines()
    comments = _comment_lines(source)
    owner = _innermost_functions(tree)
    import_lines: set[int] = set()
    for node in owner:
        import_lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    first: dict[ast.AST, ast.stmt] = {}
    for node in sorted(owner, key=lambda n: n.lineno):
        if _is_own(node):
            first.setdefault(owner[node], node)  # type: ignore[arg-type]
    found = []
    for function, node in first.items():
        if not _explained(node, lines, comments, import_lines):
            fname = getattr(function, "name", "<lambda>")
            found.append(f"{name}:{node.lineno}: {fname}: {lines[node.lineno - 1].strip()}")
    return found


def test_the_checker_finds_an_unexplained_import_and_accepts_a_commented_one():
    source = (
        "import os\n\n"
        "def plain():\n"
        "    from sop_desktop.storage import db\n"
        "    return db\n\n"
        "def heavy():\n"
        "    # deferred: reportlab, for start-up\n"
        "    import json\n\n"
        "    from sop_desktop.output import pdf\n"
        "    from sop_desktop.output import kop\n"
        "    return pdf, kop, json\n\n"
        "def inline():\n"
        "    import sop_desktop.letters  # deferred: a cycle\n"
        "    text = '# not a comment'\n"
        "    return text\n\n"
        "def hidden():\n"
        "    text = 1  # a comment, but not about the import below\n"
        "    from sop_desktop.reports import kinerja\n"
        "    return kinerja, text\n\n"
        "def outer():\n"
        "    # deferred: a cycle\n"
        "    from sop_desktop import errors\n"
        "    def inner():\n"
        "        from sop_desktop import paths\n"
        "        return paths\n"
        "    return errors, inner\n"
    )
    assert unexplained_imports(source, "x.py") == [
        "x.py:4: plain: from sop_desktop.storage import db",
        "x.py:22: hidden: from sop_desktop.reports import kinerja",
        "x.py:29: inner: from sop_desktop import paths",
    ]


def test_every_function_level_import_of_the_core_says_why_it_is_deferred():
    found = []
    for path in sorted(CORE.rglob("*.py")):
        found += unexplained_imports(path.read_text(encoding="utf-8"), str(path.relative_to(CORE.parent)))
    assert found == [], ("impor modul sendiri di dalam fungsi tanpa alasan (pindahkan ke atas, atau "
                         "beri komentar mengapa ditunda):\n" + "\n".join(found))
