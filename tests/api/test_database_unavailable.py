"""A database that cannot be reached answers 503 ``database_unavailable`` with Retry-After.

Why: while PostgreSQL restarts (a crash, a failover) every request fails; a client must be
told that this is transient and that retrying with the same Idempotency-Key is safe, not get
an opaque 500 (the bank check, ``paysetu check bank``, crashes the database to see it).
"""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.app.http.app import create_app
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.db.engine import create_engine
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets

WELL_FORMED_KEY = "sk_test_key_01J00000000000000000000000_" + "s" * 43
"""A key that parses (so that looking it up needs the database)."""


def test_an_unreachable_database_is_a_retryable_503(tmp_path: Path, clock: FixedClock) -> None:
    nowhere = create_engine(f"postgresql+psycopg://postgres@/paysetu?host={tmp_path}")
    context = AppContext(lambda: PostgresUnitOfWork(nowhere), clock, UlidIds(), SystemSecrets(),
                         read_factory=lambda: PostgresUnitOfWork(nowhere, autocommit=True))
    with TestClient(create_app(context), raise_server_exceptions=False) as client:
        response = client.get("/v1/payments",
                              headers={"Authorization": f"Bearer {WELL_FORMED_KEY}"})
    nowhere.dispose()
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    error = response.json()["error"]
    assert error["code"] == "database_unavailable"
    assert error["type"] == "api_error"
