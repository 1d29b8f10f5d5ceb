"""``paysetu serve``: the HTTP API under uvicorn, until Ctrl-C or SIGTERM.

The listening socket is bound before the database starts, so a busy port is reported at once,
naming the setting to change; port 0 picks a free port, and the printed URL is the real one.
One JSON log line per request goes to stderr (:mod:`paysetu.app.logs`). With
``--workers N`` (or ``PAYSETU_WORKERS``), N processes answer on the same socket, each with its
own app and pool (:mod:`paysetu.cli.served`); this process starts the database,
migrates it, and supervises them.
"""

from __future__ import annotations

import errno
import os
import signal
import socket
import threading
import time
import urllib.request
from collections.abc import Callable
from typing import Annotated, Any

import typer
import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from paysetu.app.http.app import create_app
from paysetu.app.logs import configure_logging
from paysetu.cli.runtime import console, errors, runtime
from paysetu.config import Settings
from paysetu.shell.http import rate_limit

GRACEFUL_SHUTDOWN_S = 10
SERVER_OPTIONS: dict[str, Any] = {"http": "httptools", "loop": "uvloop"}
"""uvicorn's C HTTP parser and event loop, named rather than left to ``auto``, which quietly
falls back to the pure-Python h11 parser and asyncio's loop when they are missing (both are
pinned dependencies): per request, h11 costs several times httptools' CPU."""
STARTUP_TIMEOUT_S = 60


def listen(host: str, port: int, *, how_to_change: str = "PAYSETU_PORT") -> socket.socket:
    """A listening socket on ``host:port``; exit 1 with a clear message if that fails."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family, backlog=2048)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            errors.print(f"[red]error[/red] port {port} on {host} is already in use: set "
                         f"{how_to_change} to a free port (e.g. {port + 1}), or stop the program "
                         "using it.", soft_wrap=True)
        else:
            errors.print(f"[red]error[/red] cannot listen on {host}:{port} ({error.strerror}): "
                         f"check PAYSETU_HOST and {how_to_change}.", soft_wrap=True)
        raise typer.Exit(1) from None


def base_url(sock: socket.socket) -> str:
    """``http://host:port`` of a listening socket (the real port, even when 0 was asked for)."""
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class _Server(uvicorn.Server):
    """uvicorn's server, calling ``on_started`` once it accepts connections."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_started = on_started

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started and not self.should_exit:
            self._on_started()


def proxy_options(trusted_proxies: str) -> dict[str, Any]:
    """uvicorn's forwarded-header options: ``X-Forwarded-For`` and ``-Proto`` are believed only
    from the configured proxies (``PAYSETU_TRUSTED_PROXIES``), never by default.

    uvicorn believes them from 127.0.0.1 unless told otherwise, so anything on the machine (or
    a same-host tunnel) could pick its client address and escape the per-address login
    throttle by sending a new ``X-Forwarded-For`` with each guess."""
    if not trusted_proxies.strip():
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": trusted_proxies}


def serve_until_stopped(app: FastAPI, sock: socket.socket, on_started: Callable[[], None],
                        trusted_proxies: str = "") -> None:
    """Serve ``app`` on ``sock`` until SIGINT or SIGTERM, then return normally.

    uvicorn shuts down gracefully on either signal, then raises it again; with SIGTERM mapped
    to ``KeyboardInterrupt`` for the duration, both end here rather than killing the process,
    so callers' clean-up (and the embedded PostgreSQL's exit hook) always runs.
    """
    config = uvicorn.Config(app, log_config=None, access_log=False, server_header=False,
                            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
                            **SERVER_OPTIONS, **proxy_options(trusted_proxies))
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        _Server(config, on_started).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        sock.close()


def serve_in_workers(url: str, workers: int, sock: socket.socket,
                     on_started: Callable[[], None], trusted_proxies: str = "") -> None:
    """Serve from ``workers`` processes sharing ``sock`` until SIGINT or SIGTERM.

    Each worker builds its own app (:mod:`paysetu.cli.served`) from the
    environment, which must name the database. ``on_started`` runs once one answers.
    """
    config = uvicorn.Config("paysetu.cli.served:create_served_app", factory=True,
                            workers=workers, log_config=None, access_log=False,
                            server_header=False, timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S,
                            **SERVER_OPTIONS, **proxy_options(trusted_proxies))
    threading.Thread(target=_when_answering, args=(url, on_started), daemon=True).start()
    try:
        Multiprocess(config, sockets=[sock]).run()  # returns on SIGINT/SIGTERM, workers stopped
    finally:
        sock.close()


def _when_answering(url: str, then: Callable[[], None]) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1):  # noqa: S310 - our URL
                then()
                return
        except OSError:
            time.sleep(0.1)
    errors.print(f"[red]error[/red] no worker answered {url}/healthz within "
                 f"{STARTUP_TIMEOUT_S} s: their log lines above say why.", soft_wrap=True)


def serve(
    host: Annotated[str | None, typer.Option(help="Listen address (default PAYSETU_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default PAYSETU_PORT).")] = None,
    workers: Annotated[int | None, typer.Option(
        min=1, max=64, help="Server processes (default PAYSETU_WORKERS, 1); one per core.")] = None,
) -> None:
    """Serve the API (OpenAPI at /openapi.json, docs at /docs) until interrupted."""
    settings = Settings()
    if workers is not None:
        settings = settings.model_copy(update={"workers": workers})
    configure_logging(settings.log_level)
    sock = listen(host or settings.host, settings.port if port is None else port,
                  how_to_change="PAYSETU_PORT (or --port)")
    with runtime(settings) as rt:
        url = base_url(sock)
        banner = f"paysetu API on {url}  (docs: {url}/docs)"
        if settings.workers == 1:
            serve_until_stopped(
                create_app(rt.context, rate_limit.from_settings(settings)), sock,
                lambda: console.print(banner, soft_wrap=True), settings.trusted_proxies,
            )
        else:
            # The workers read their settings from the environment: the same, plus the
            # database this process started or connected to.
            os.environ["PAYSETU_DATABASE_URL"] = rt.engine.url.render_as_string(
                hide_password=False)
            os.environ["PAYSETU_WORKERS"] = str(settings.workers)
            serve_in_workers(url, settings.workers, sock, lambda: console.print(
                f"{banner}  ({settings.workers} worker processes)", soft_wrap=True),
                settings.trusted_proxies)
    console.print("stopped")
