"""The API on a multi-host database URL follows a real failover by itself.

Why: after the primary's machine is lost and a standby promoted, the API server and the
workers must reach the new primary without a restart or a configuration change; in between,
requests get 503 ``database_unavailable`` with ``Retry-After`` (retrying with the same
Idempotency-Key is safe), never an opaque 500. The URL lists both servers with
``target_session_attrs=read-write``, which SQLAlchemy passes through to psycopg and libpq.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from paysetu.access.rules.principals import Role
from paysetu.access.usecases import api_keys
from paysetu.app.context import AppContext
from paysetu.app.http.app import create_app
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.check.failover import Pair
from paysetu.db import migrate
from paysetu.db.engine import create_engine
from paysetu.db.replication import wait_until
from paysetu.kernel.clock import SystemClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets

pytestmark = pytest.mark.postgres


def test_the_api_answers_503_then_reaches_the_promoted_standby() -> None:
    root = Path(tempfile.mkdtemp(prefix="paysetu-multihost-"))
    pair = Pair(root, synchronous=False)
    try:
        pair.start()
        with pair.primary.connect() as connection:
            connection.execute("CREATE DATABASE paysetu")
        engine = create_engine(pair.url("paysetu"), pool_size=2)
        migrate.upgrade(engine)
        context = AppContext(lambda: PostgresUnitOfWork(engine), SystemClock(), UlidIds(),
                             SystemSecrets(),
                             read_factory=lambda: PostgresUnitOfWork(engine, autocommit=True))
        key = api_keys.create_key(context, Role.PLATFORM, None, livemode=False).secret
        old_primary, standby = pair.primary, pair.standby
        wait_until(lambda: _replayed(pair), "the standby has the key")
        with TestClient(create_app(context), raise_server_exceptions=False) as client:
            client.headers["Authorization"] = f"Bearer {key}"
            assert client.get("/v1/customers").status_code == 200

            old_primary.kill()
            down = client.get("/v1/customers")
            assert down.status_code == 503
            assert down.headers["Retry-After"] == "1"
            assert down.json()["error"]["code"] == "database_unavailable"

            standby.promote()
            wait_until(lambda: client.get("/v1/customers").status_code == 200,
                       "the API reaches the promoted standby")
            made = client.post("/v1/customers", json={"name": "Meera"},
                               headers={"Idempotency-Key": "after-failover"})
            assert made.status_code == 200, made.text
        assert not standby.in_recovery()
        engine.dispose()
    finally:
        pair.stop()
        shutil.rmtree(root, ignore_errors=True)


def _replayed(pair: Pair) -> bool:
    """The standby has replayed everything the primary wrote so far."""
    written = pair.primary.scalar("SELECT pg_current_wal_lsn()::text")
    return bool(pair.standby.scalar("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", written))
