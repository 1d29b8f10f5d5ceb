"""The paysetu source tree as the meta tests see it: every module, its name and its syntax tree."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import paysetu

PACKAGE_DIR = Path(paysetu.__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parents[1]
SQL_DIR = PACKAGE_DIR / "db" / "sql"

NOT_IMPORTABLE = {
    "paysetu.db.migrations.env": "an Alembic script: importing it runs the migrations",
}
"""Modules that are scripts for another tool, not importable library code, with the reason."""


@dataclass(frozen=True)
class SourceModule:
    """One ``.py`` file under ``src/paysetu``.

    Attributes:
        name: Dotted module name (``paysetu.ledger.rules.entries``; a package is its ``__init__``).
        path: The file.
        tree: Its parsed syntax tree.
    """

    name: str
    path: Path
    tree: ast.Module

    @property
    def is_package(self) -> bool:
        return self.path.name == "__init__.py"

    @property
    def lines(self) -> int:
        return len(self.path.read_text("utf-8").splitlines())


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


@cache
def source_modules() -> tuple[SourceModule, ...]:
    """Every module of the package, sorted by name."""
    paths = sorted(p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts)
    modules = (
        SourceModule(_module_name(p), p, ast.parse(p.read_text("utf-8"), str(p))) for p in paths
    )
    return tuple(sorted(modules, key=lambda m: m.name))


def importable_module_names() -> list[str]:
    """Names of the modules that a program may import (scripts for other tools left out)."""
    return [
        m.name
        for m in source_modules()
        if m.name not in NOT_IMPORTABLE and not m.name.endswith(".__main__")
    ]


def in_package(name: str, package: str) -> bool:
    """True when ``name`` is ``package`` or inside it (``paysetu.ledger.x`` is in ``paysetu``)."""
    return name == package or name.startswith(package + ".")
