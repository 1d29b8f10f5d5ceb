"""SQLAlchemy engine construction for PostgreSQL through psycopg 3."""

from __future__ import annotations

import sqlalchemy as sa


def create_engine(url: str, *, pool_size: int = 10) -> sa.Engine:
    """An engine with a bounded pool; psycopg 3 is the only driver paysetu supports."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return sa.create_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=False,
        future=True,
    )
