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


# -- no import cycles among the core's modules (issue 14) --------------------------------------

def _module_name(path: Path, root: Path) -> str:
    """'pkg.sub.mod' for pkg/sub/mod.py, 'pkg.sub' for pkg/sub/__init__.py."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test: ast.expr) -> bool:
    """`if TYPE_CHECKING:` or `if typing.TYPE_CHECKING:` (imports for annotations only)."""
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imported_names(tree: ast.AST, package: str) -> list[str]:
    """Every dotted name an import statement of `package` brings in, at module level or inside
    a function or class; the body of `if TYPE_CHECKING:` is left out (its else branch is not)."""
    found: list[str] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for stmt in child.orelse:
                    visit_one(stmt)
            else:
                visit_one(child)

    def visit_one(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.extend(a.name for a in node.names if a.name.split(".")[0] == package)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                and node.module.split(".")[0] == package:
            found.extend(f"{node.module}.{a.name}" for a in node.names)
        visit(node)

    visit(tree)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    """The modules of the package at `root` and the modules each imports (a name resolves to
    the longest module it starts with: `from pkg.a import f` is an import of pkg.a)."""
    paths = {_module_name(p, root): p for p in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for module, path in paths.items():
        targets = set()
        for name in _imported_names(ast.parse(path.read_text(encoding="utf-8")), root.name):
            while name and name not in paths:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a longer loop (the
    strongly connected components of more than one module, Tarjan's algorithm), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(groups)


def _describe(graph: dict[str, set[str]], group: list[str]) -> str:
    """One line per module of a cycle: what it imports within the cycle."""
    return "\n".join(f"  {m} -> {', '.join(sorted(graph[m] & set(group)))}" for m in group)


def test_the_cycle_finder_sees_function_level_imports_and_skips_type_checking(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "",
        "a.py": "from pkg.b import f\n",
        "b.py": "def f():\n    from pkg import a  # deferred\n    return a\n",
        "c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.d import x\n",
        "d.py": "import pkg.c\nx = 1\n",
        "e.py": "class E:\n    def m(self):\n        import pkg.sub.g\n",
        "sub/__init__.py": "",
        "sub/g.py": "from pkg.sub import h\n",
        "sub/h.py": "from pkg.e import E\n",
    }
    for name, text in files.items():
        (pkg / name).write_text(text, encoding="utf-8")
    graph = import_graph(pkg)
    assert graph["pkg.a"] == {"pkg.b"} and graph["pkg.b"] == {"pkg.a"}
    assert graph["pkg.c"] == set()  # TYPE_CHECKING only
    assert import_cycles(graph) == [["pkg.a", "pkg.b"], ["pkg.e", "pkg.sub.g", "pkg.sub.h"]]


def test_no_import_cycle_among_the_core_modules():
    graph = import_graph(CORE)
    assert "sop_desktop.storage.backup_make" in graph["sop_desktop.storage.migrations"]
    cycles = import_cycles(graph)
    assert cycles == [], ("modul inti saling mengimpor (juga impor di dalam fungsi; pindahkan yang "
                          "dipakai bersama ke modul di bawahnya):\n"
                          + "\n\n".join(_describe(graph, group) for group in cycles))
