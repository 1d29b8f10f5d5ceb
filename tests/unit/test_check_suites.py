"""``paysetu check model|fuzz|security`` run test modules of this repository: they must exist.

Why: a renamed test module would otherwise turn a check into "file not found" the day someone
runs the long soak; and outside a clone the command must say why it cannot run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paysetu.check.suites import SUITES, NotAClone, repository_root, run_suite

ROOT = Path(__file__).resolve().parents[2]


def test_every_suite_names_modules_of_this_repository() -> None:
    assert repository_root(ROOT / "src" / "paysetu") == ROOT
    for name, suite in SUITES.items():
        for path in suite.paths:
            assert (ROOT / path).exists(), (name, path)


def test_outside_a_clone_the_checks_say_where_to_run_them(tmp_path: Path) -> None:
    with pytest.raises(NotAClone, match="from a clone"):
        repository_root(tmp_path)
    with pytest.raises(NotAClone, match="missing test modules"):
        run_suite("model", 1, tmp_path, [])
