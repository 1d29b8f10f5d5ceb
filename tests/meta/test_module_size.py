"""Size limits: a module fits in one read, a function on one screen.

design.md section 2 asks for modules of roughly 100-400 lines and functions under ~70 lines;
these are the hard ceilings above that guideline. An offender is split, not the limit raised.
"""

from __future__ import annotations

import ast

import pytest

from tests.meta.source_tree import PACKAGE_DIR, SourceModule, source_modules

MODULE_LINES_LIMIT = 500
"""Every module has fewer lines than this."""

FUNCTION_LINES_LIMIT = 80
"""Every function or method, from ``def`` to its last line, has fewer lines than this."""

MODULES = source_modules()


def _where(module: SourceModule) -> str:
    return str(module.path.relative_to(PACKAGE_DIR.parent))


def long_functions(tree: ast.Module, limit: int) -> list[tuple[str, int, int]]:
    """``(qualified name, first line, length)`` of every function of ``limit`` lines or more."""
    found: list[tuple[str, int, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    length = (child.end_lineno or child.lineno) - child.lineno + 1
                    if length >= limit:
                        found.append((name, child.lineno, length))
                visit(child, name + ".")
            else:
                visit(child, prefix)

    visit(tree, "")
    return found


def test_the_source_walk_finds_the_package() -> None:
    assert len(MODULES) > 10
    assert any(m.name == "paysetu.ledger.rules.entries" for m in MODULES)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.name)
def test_module_is_short(module: SourceModule) -> None:
    assert module.lines < MODULE_LINES_LIMIT, (
        f"{_where(module)} has {module.lines} lines (limit {MODULE_LINES_LIMIT}): split it"
    )


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.name)
def test_functions_are_short(module: SourceModule) -> None:
    offenders = long_functions(module.tree, FUNCTION_LINES_LIMIT)
    lines = [f"{_where(module)}:{line} {name} has {n} lines" for name, line, n in offenders]
    assert not offenders, f"functions of {FUNCTION_LINES_LIMIT} lines or more: split them\n" + (
        "\n".join(lines)
    )


def test_long_functions_are_found_at_any_depth() -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(FUNCTION_LINES_LIMIT))
    source = f"class A:\n    def method(self):\n    {body.replace(chr(10), chr(10) + '    ')}\n"
    source += f"def outer():\n    def inner():\n    {body.replace(chr(10), chr(10) + '    ')}\n"
    found = long_functions(ast.parse(source), FUNCTION_LINES_LIMIT)
    expected = [("A.method", 2), ("outer", 83), ("outer.inner", 84)]
    assert [(name, line) for name, line, _ in found] == expected
