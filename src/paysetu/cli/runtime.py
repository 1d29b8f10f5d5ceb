"""Build the wired runtime for one CLI command and close it afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console

from paysetu.bootstrap import Runtime, build
from paysetu.config import Settings

console = Console()
errors = Console(stderr=True)


@contextmanager
def runtime(settings: Settings | None = None) -> Iterator[Runtime]:
    """Start or connect to the database (embedded unless PAYSETU_DATABASE_URL is set)."""
    settings = settings or Settings()
    if settings.database_url is None:
        with errors.status("Starting embedded PostgreSQL..."):
            built = build(settings)
    else:
        built = build(settings)
    try:
        yield built
    finally:
        built.close()
