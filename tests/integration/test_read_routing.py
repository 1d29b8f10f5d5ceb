"""Reads routed to a standby never miss the reader's own write (``PAYSETU_DATABASE_READ_URL``).

Why: list endpoints may be answered by a standby to take load off the primary, but a client
that has just been told its customer was created must find it in the list. The standby's
replay is paused here (``pg_wal_replay_pause()``) so that it is certainly behind: a routed
read must then be answered by the primary; once replay resumes, by the standby.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from paysetu.access.rules.principals import Role
from paysetu.access.usecases import api_keys
from paysetu.app.context import AppContext
from paysetu.app.http.app import create_app
from paysetu.app.read_routing import ReadRouter, routed_read
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.db import migrate
from paysetu.db.engine import create_engine
from paysetu.db.replication import Node, create_standby, init_node, wait_until
from paysetu.kernel.clock import SystemClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets

pytestmark = pytest.mark.postgres


@dataclass(frozen=True)
class Replicated:
    primary: Node
    standby: Node
    router: ReadRouter


@pytest.fixture(scope="module")
def replicated() -> Iterator[Replicated]:
    root = Path(tempfile.mkdtemp(prefix="paysetu-reads-"))
    primary, standby = Node.beside(root / "primary", 5432), Node.beside(root / "standby", 5433)
    try:
        init_node(primary)
        primary.start()
        with primary.connect() as connection:
            connection.execute("CREATE DATABASE paysetu")
        engine = create_engine(primary.url("paysetu"), pool_size=2)
        migrate.upgrade(engine)
        create_standby(primary, standby, "standby")
        reads = create_engine(standby.url("paysetu"), pool_size=2)
        yield Replicated(primary, standby, ReadRouter(engine, reads, wait_s=0.2))
        engine.dispose()
        reads.dispose()
    finally:
        standby.stop()
        primary.stop()
        shutil.rmtree(root, ignore_errors=True)


def _replay(node: Node, paused: bool) -> None:
    with node.connect() as connection:
        connection.execute("SELECT pg_wal_replay_pause()" if paused
                           else "SELECT pg_wal_replay_resume()")
    wait_until(lambda: node.scalar("SELECT pg_get_wal_replay_pause_state()")
               == ("paused" if paused else "not paused"), "replay is (un)paused")


def _client(router: ReadRouter) -> tuple[TestClient, str]:
    context = AppContext(lambda: PostgresUnitOfWork(router.engine()), SystemClock(), UlidIds(),
                         SystemSecrets(),
                         read_factory=lambda: PostgresUnitOfWork(router.primary, autocommit=True))
    key = api_keys.create_key(context, Role.PLATFORM, None, livemode=False).secret
    client = TestClient(create_app(context))
    client.headers["Authorization"] = f"Bearer {key}"
    return client, key


def test_only_routed_reads_may_go_to_the_standby(replicated: Replicated) -> None:
    router = replicated.router
    assert router.engine() is router.primary  # not a routed read: the primary
    token = routed_read().set(True)
    try:
        wait_until(lambda: router.engine() is router.standby, "the standby answers reads")
        _replay(replicated.standby, paused=True)
        with router.primary.begin() as connection:  # a write the standby has not replayed
            connection.exec_driver_sql("CREATE TABLE written (n int)")
        assert router.engine() is router.primary
        _replay(replicated.standby, paused=False)
        wait_until(lambda: router.engine() is router.standby, "the standby caught up")
    finally:
        routed_read().reset(token)


def test_a_client_lists_what_it_just_created_while_the_standby_lags(
    replicated: Replicated,
) -> None:
    client, _key = _client(replicated.router)
    with client:
        _replay(replicated.standby, paused=True)
        try:
            made = client.post("/v1/customers", json={"name": "Asha", "kyc_tier": "full"},
                               headers={"Idempotency-Key": "routed-read-1"})
            assert made.status_code == 200, made.text
            listed = client.get("/v1/customers")
            assert listed.status_code == 200
            assert made.json()["id"] in [c["id"] for c in listed.json()["data"]]
            # The standby itself does not have it yet: the primary answered the list.
            with replicated.router.standby.connect() as connection:
                assert connection.execute(sa.text("SELECT count(*) FROM customers WHERE id = :i"),
                                          {"i": made.json()["id"]}).scalar_one() == 0
        finally:
            _replay(replicated.standby, paused=False)
        listed = client.get("/v1/customers")
        assert made.json()["id"] in [c["id"] for c in listed.json()["data"]]
