"""The app each worker process of ``paysetu serve --workers N`` builds for itself.

One Python process runs on one core at most, so a server with more cores answers in several
processes that share the listening socket. uvicorn spawns them and each calls
:func:`create_served_app`: it reads the same settings from the environment (the parent has put
the running database's URL there), wires its own runtime with its own connection pool, and
serves. The per-key rate limit is split between the workers.
"""

from __future__ import annotations

from fastapi import FastAPI

from paysetu.app.http.app import create_app
from paysetu.app.logs import configure_logging
from paysetu.bootstrap import build
from paysetu.config import Settings
from paysetu.shell.http import rate_limit


def create_served_app() -> FastAPI:
    """uvicorn's app factory for one worker process (the parent has migrated the schema)."""
    settings = Settings()
    configure_logging(settings.log_level)
    runtime = build(settings, migrate_schema=False)
    return create_app(runtime.context, rate_limit.from_settings(settings,
                                                                workers=settings.workers))
