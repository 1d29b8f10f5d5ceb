"""What the import-linter contracts cannot see: clock and environment reads, and imports that act.

The direction of imports (capabilities in order, layers inside each capability, no cycles, no
I/O library under a pure rule or use case) is checked by the import-linter contracts in
``pyproject.toml`` (``lint-imports``, run by ``.ci/run``); :func:`test_the_contracts_hold` runs
them here too and :func:`test_the_contracts_catch_a_wrong_import` shows they bite. This module
adds what an import graph does not show: a pure module reading ``datetime.now()`` or
``os.environ``, or doing I/O with a builtin, and any module doing something when imported.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.meta.source_tree import (
    PACKAGE_DIR,
    REPO_DIR,
    SourceModule,
    importable_module_names,
    source_modules,
)

PURE_PARTS = ("rules", "usecases")
"""Folders of a capability that do no I/O and read no clock or environment."""

CLOCK_READS = frozenset(
    {
        "datetime.now",
        "datetime.utcnow",
        "datetime.today",
        "date.today",
        "datetime.datetime.now",
        "datetime.datetime.utcnow",
        "datetime.datetime.today",
        "datetime.date.today",
    }
)
"""Reading the wall clock; the pure layers get the time from a ``Clock`` port instead."""

ENVIRONMENT_NAMES = frozenset({"environ", "getenv", "putenv", "unsetenv"})
IO_BUILTINS = frozenset({"open", "print", "input"})


def _is_pure(module: SourceModule) -> bool:
    parts = module.name.split(".")
    return len(parts) > 2 and parts[2] in PURE_PARTS


def _where(module: SourceModule, line: int) -> str:
    return f"{module.path.relative_to(PACKAGE_DIR.parent)}:{line}"


PURE = [m for m in source_modules() if _is_pure(m)]


def test_the_pure_folders_exist() -> None:
    capabilities = {m.name.split(".")[1] for m in PURE}
    assert {"ledger", "payments", "lending", "settlement"} <= capabilities, capabilities


def _impure_uses(module: SourceModule) -> list[str]:
    found: list[str] = []
    for node in ast.walk(module.tree):
        where = _where(module, getattr(node, "lineno", 0))
        if isinstance(node, ast.Attribute) and ast.unparse(node) in CLOCK_READS:
            found.append(f"{where} reads the clock: {ast.unparse(node)}")
        elif isinstance(node, ast.Attribute) and node.attr in ENVIRONMENT_NAMES:
            found.append(f"{where} reads the environment: {ast.unparse(node)}")
        elif isinstance(node, ast.Name) and node.id in ENVIRONMENT_NAMES:
            found.append(f"{where} reads the environment: {node.id}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in IO_BUILTINS
        ):
            found.append(f"{where} does I/O: {node.func.id}()")
    return found


@pytest.mark.parametrize("module", PURE, ids=lambda m: m.name)
def test_pure_folders_read_no_clock_environment_or_files(module: SourceModule) -> None:
    found = _impure_uses(module)
    assert not found, "take the time from the Clock port and settings as arguments:\n" + "\n".join(
        found
    )


def test_the_checks_see_violations() -> None:
    """The check above would notice the uses it looks for (no vacuous pass)."""
    source = (
        "import os\nfrom datetime import datetime\n"
        "def f():\n    print(os.environ['A'], datetime.now())\n"
    )
    module = SourceModule(
        "paysetu.ledger.rules.example", PACKAGE_DIR / "ledger" / "rules" / "example.py",
        ast.parse(source),
    )
    assert _is_pure(module)
    assert len(_impure_uses(module)) == 3


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert command is not None, "import-linter is a dev dependency: pip install -e '.[dev]'"
    return subprocess.run(
        [command, "--no-cache"], cwd=root, capture_output=True, text=True, timeout=300,
        check=False, env={**os.environ, "PYTHONPATH": str(root / "src")},
    )


def test_the_contracts_hold() -> None:
    result = _lint_imports(REPO_DIR)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_contracts_catch_a_wrong_import(tmp_path: Path) -> None:
    """The ledger importing lending (in a copy of the tree) breaks the capability order."""
    shutil.copytree(PACKAGE_DIR, tmp_path / "src" / "paysetu",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_DIR / "pyproject.toml", tmp_path / "pyproject.toml")
    wrong = tmp_path / "src" / "paysetu" / "ledger" / "rules" / "wrong.py"
    wrong.write_text('"""A deliberate violation."""\n\nfrom paysetu.lending.rules import loans\n')
    result = _lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "paysetu.ledger is not allowed to import paysetu.lending" in result.stdout
    assert "paysetu.ledger.rules.wrong -> paysetu.lending.rules.loans" in result.stdout


# Import-time side effects ------------------------------------------------------------------

_HARNESS = r"""
import importlib, json, os, socket, subprocess, sys, threading, traceback

import psycopg
import pydantic_settings
import sqlalchemy
import sqlalchemy.engine

PACKAGE_DIR = sys.argv[1]
MODULES = json.loads(sys.argv[2])
events = []
failures = {}
importing = [None]


def _origin():
    frames = [f for f in traceback.extract_stack()[:-2] if f.filename.startswith(PACKAGE_DIR)]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "outside paysetu"


def _record(what):
    events.append({"importing": importing[0], "event": what, "origin": _origin()})


def _forbid(what):
    def spy(*args, **kwargs):
        _record(what)
        raise RuntimeError(f"side effect at import time: {what}")
    return spy


sqlalchemy.create_engine = _forbid("sqlalchemy.create_engine")
sqlalchemy.engine.create_engine = _forbid("sqlalchemy.create_engine")
psycopg.connect = _forbid("psycopg.connect")
psycopg.Connection.connect = classmethod(_forbid("psycopg.connect"))
socket.socket.connect = _forbid("socket connect")
socket.socket.connect_ex = _forbid("socket connect")
socket.create_connection = _forbid("socket connect")
subprocess.Popen.__init__ = _forbid("subprocess started")
threading.Thread.start = _forbid("thread started")
pydantic_settings.BaseSettings.__init__ = _forbid("settings read (BaseSettings())")


class _WatchedEnviron(type(os.environ)):
    def __getitem__(self, key):
        if str(key).startswith("PAYSETU_"):
            _record(f"environment read: {key}")
        return super().__getitem__(key)


os.environ.__class__ = _WatchedEnviron

for name in MODULES:
    importing[0] = name
    try:
        importlib.import_module(name)
    except BaseException as error:  # SystemExit included: an import must not exit either
        failures[name] = "".join(traceback.format_exception_only(error)).strip()
sys.stdout.write(json.dumps({"events": events, "failures": failures}))
"""

IMPORTABLE = importable_module_names()
UNREACHABLE_DATABASE = "postgresql+psycopg://import-check:wrong@paysetu.invalid:1/none"


@pytest.fixture(scope="module")
def import_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Import every module in one fresh interpreter with I/O entry points replaced by spies."""
    workdir: Path = tmp_path_factory.mktemp("import-check")
    env = {
        **os.environ,
        "PAYSETU_DATABASE_URL": UNREACHABLE_DATABASE,
        "PAYSETU_DATA_DIR": str(workdir / "data"),
    }
    completed = subprocess.run(
        [sys.executable, "-c", _HARNESS, str(PACKAGE_DIR), json.dumps(IMPORTABLE)],
        capture_output=True,
        text=True,
        cwd=workdir,
        env=env,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    report: dict[str, Any] = json.loads(completed.stdout)
    report["files_written"] = sorted(str(p.relative_to(workdir)) for p in workdir.rglob("*"))
    return report


@pytest.mark.parametrize("name", IMPORTABLE)
def test_importing_has_no_side_effects(name: str, import_report: dict[str, Any]) -> None:
    failure = import_report["failures"].get(name)
    assert failure is None, f"importing {name} failed: {failure}"
    effects = [
        f"{e['event']} at {e['origin']}" for e in import_report["events"] if e["importing"] == name
    ]
    assert not effects, f"importing {name} (or what it imports) did:\n" + "\n".join(effects)


def test_importing_writes_no_files(import_report: dict[str, Any]) -> None:
    assert import_report["files_written"] == []
