"""``paysetu serve``: the HTTP API under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from paysetu.entrypoints.cli.runtime import console, runtime
from paysetu.entrypoints.http.app import create_app


def serve(
    host: Annotated[str | None, typer.Option(help="Listen address (default from settings).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default from settings).")] = None,
) -> None:
    """Serve the API (OpenAPI at /openapi.json, docs at /docs) until interrupted."""
    with runtime() as rt:
        bind_host = host or rt.settings.host
        bind_port = port if port is not None else rt.settings.port
        console.print(f"paysetu API on http://{bind_host}:{bind_port}  (docs: /docs)")
        uvicorn.run(create_app(rt.context), host=bind_host, port=bind_port, log_level="warning")
