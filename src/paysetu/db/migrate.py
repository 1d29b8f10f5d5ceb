"""Apply the Alembic migrations: the only way the product and the tests create schemas."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

_MIGRATIONS = Path(__file__).parent / "migrations"


def _config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def run_sql_file(connection: sa.Connection, name: str) -> None:
    """Run a SQL file from ``sql/`` as-is (plpgsql bodies, ``%`` and ``:`` untouched)."""
    text = resources.files("paysetu.db").joinpath("sql", name).read_text("utf-8")
    driver_connection = connection.connection.driver_connection
    if driver_connection is None:  # pragma: no cover - a live connection always has one
        raise RuntimeError("connection is closed")
    driver_connection.execute(text)


def upgrade(engine: sa.Engine) -> None:
    """Bring the schema to the newest revision (no-op when already there)."""
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    script = ScriptDirectory(str(_MIGRATIONS))
    return script.get_current_head()
