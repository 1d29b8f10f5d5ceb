"""``PAYSETU_SETTLEMENT_WORKERS`` becomes the settlement policy's workers, within the pool.

Why: a run holds one connection for its lock and each worker one for its group; the engine's
pool opens at most twice ``db_pool_size`` connections, so a worker beyond that would only wait.
"""

from __future__ import annotations

import pytest

from paysetu.bootstrap import settlement_policy_from
from paysetu.config import Settings


@pytest.mark.parametrize(("workers", "pool", "expected"),
                         [(2, 10, 2), (1, 10, 1), (8, 2, 3), (2, 1, 1)])
def test_workers_are_what_the_pool_can_serve_beside_the_run(
    workers: int, pool: int, expected: int
) -> None:
    settings = Settings(database_url="postgresql+psycopg://u@h/d", db_pool_size=pool,
                        settlement_workers=workers)
    assert settlement_policy_from(settings).workers == expected


def test_two_workers_by_default() -> None:
    assert settlement_policy_from(Settings(database_url="postgresql+psycopg://u@h/d")).workers == 2
