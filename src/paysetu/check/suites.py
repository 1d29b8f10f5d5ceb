"""The reliability checks that are test modules: run from a clone, at a size of your choice.

The model-based tests, the fuzzers and the security tests run in every CI run at a small size
(a few examples each, so the suite stays quick). ``paysetu check model|fuzz|security`` runs
the very same modules with pytest, with the size raised through the environment variables the
modules read, so a long soak is one command and never a second copy of the test code. The
test modules live in the repository (``tests/``), not in the installed package: these checks
need a clone, and say so otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Suite:
    """Test modules, and the environment variables that size them (from ``--examples``)."""

    paths: tuple[str, ...]
    size_variables: tuple[str, ...]
    description: str


SUITES = {
    "model": Suite(
        ("tests/stateful",),
        ("PAYSETU_STATEFUL_EXAMPLES", "PAYSETU_LENDING_STATEFUL_EXAMPLES"),
        "hypothesis state machines against plain-Python models: the ledger; wallets, "
        "payments, captures, refunds, escrow, FX quotes and settlement; loans"),
    "fuzz": Suite(
        ("tests/api/test_schemathesis.py", "tests/api/test_hostile_strings.py",
         "tests/property/test_importer_fuzz.py", "tests/api/test_request_guard.py"),
        ("PAYSETU_FUZZ_EXAMPLES",),
        "schemathesis over every endpoint, hostile strings in every field, malformed and "
        "malicious bank statements and rate files, oversized and malformed requests"),
    "security": Suite(
        ("tests/api/test_authorization_matrix.py", "tests/browser/test_page_access.py",
         "tests/api/test_rate_limit.py", "tests/browser/test_login.py",
         "tests/integration/test_webhook_delivery.py", "tests/unit/test_webhook_rules.py",
         "tests/integration/test_run_command.py", "tests/unit/test_webhook_targets.py",
         "tests/api/test_webhook_targets_api.py", "tests/api/test_json_bodies.py",
         "tests/unit/test_reconcile_input_limit.py",
         "tests/integration/test_sign_in_hardening.py"),
        (),
        "every role against every API operation and web page, rate limits, the login "
        "throttle (parallel attempts, forwarded headers, sign-in slots) and CSRF, webhook "
        "signatures, webhook and notification targets inside the network (SSRF), JSON bodies "
        "no parser or database can carry, statements read no further than their limit, no "
        "key in any log"),
}


class NotAClone(RuntimeError):
    """The test modules are not there (an installed package, not a clone)."""


def repository_root(start: Path) -> Path:
    """The clone containing ``start`` (the directory with ``tests/`` and ``pyproject.toml``)."""
    for directory in (start, *start.parents):
        if (directory / "tests" / "conftest.py").is_file() and (
                directory / "pyproject.toml").is_file():
            return directory
    raise NotAClone("these checks run paysetu's test modules: run them from a clone of the "
                    "repository (where ./scripts/test.sh is)")


def run_suite(name: str, examples: int | None, root: Path, extra: list[str]) -> int:
    """Run the suite's modules with pytest (its exit code); ``examples`` sizes them."""
    suite = SUITES[name]
    missing = [p for p in suite.paths if not (root / p).exists()]
    if missing:
        raise NotAClone(f"missing test modules {missing} under {root}")
    environment = dict(os.environ)
    if examples is not None:
        environment.update(dict.fromkeys(suite.size_variables, str(examples)))
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
               *suite.paths, *extra]
    return subprocess.run(command, cwd=root, env=environment, check=False).returncode  # noqa: S603
