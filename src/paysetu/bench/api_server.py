"""The server under test: ``paysetu serve`` in its own process, as an operator would run it.

It is started with ``--port 0`` on 127.0.0.1 and ``PAYSETU_DATABASE_URL`` set to the scratch
database; the URL it prints once it accepts connections is the one the clients use. Its JSON log
lines (one per request, at the default level) go to a file, whose tail is shown if the server
fails. Stopping sends SIGINT, as Ctrl-C would: uvicorn finishes the requests in flight.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

STARTUP_TIMEOUT_S = 60.0
SHUTDOWN_TIMEOUT_S = 30.0
_LISTENING = re.compile(r"paysetu API on (http://\S+)")


def serve_command(workers: int = 1) -> list[str]:
    return [sys.executable, "-c", "from paysetu.cli.app import main; main()",
            "serve", "--host", "127.0.0.1", "--port", "0", "--workers", str(workers)]


class UrlReader:
    """Reads the server's stdout in a thread until EOF; :meth:`url` waits for the printed URL."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._process = process
        self._found: list[str] = []
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            match = _LISTENING.search(line)
            if match and not self._found:
                self._found.append(match.group(1))
                self._ready.set()
        self._ready.set()

    def url(self, log: Path) -> str:
        if not self._ready.wait(STARTUP_TIMEOUT_S) or not self._found:
            tail = log.read_text(encoding="utf-8", errors="replace")[-4000:]
            raise RuntimeError(f"paysetu serve did not start; its log ends with:\n{tail}")
        return self._found[0]

    def close(self) -> None:
        """After the process exited: wait for EOF, close the pipe."""
        self._thread.join(SHUTDOWN_TIMEOUT_S)
        if self._process.stdout is not None:
            self._process.stdout.close()


MANDATE_NOTICES_OFF = {"PAYSETU_MANDATE_PRE_DEBIT_NOTICE_S": "0"}
"""The bench's payments run under live mandates (an automatic debit); a pre-debit notice must
be 24 hours old, which a bench running in real time cannot have, so notices are off (their
lookup is one indexed read per debit)."""


def _environment(database_url: str) -> dict[str, str]:
    """The server's environment: the product's defaults but the database, and no rate limit
    (its clients are the load; a 429 would measure the limiter, not the server)."""
    environment = {**os.environ, "PAYSETU_DATABASE_URL": database_url,
                   "PAYSETU_RATE_LIMIT_PER_S": "0", **MANDATE_NOTICES_OFF}
    for name in ("PAYSETU_DB_POOL_SIZE", "PAYSETU_LOG_LEVEL", "PAYSETU_HOST", "PAYSETU_PORT",
                 "PAYSETU_WORKERS"):
        environment.pop(name, None)
    return environment


@dataclass(frozen=True, slots=True)
class Served:
    """A running server: the URL its clients use and its process (the parent of its workers)."""

    url: str
    pid: int


@contextmanager
def running_server(database_url: str, log: Path, *, workers: int = 1) -> Iterator[Served]:
    """Serve the API on the scratch database from ``workers`` processes; yields its base URL
    and process id, stops it afterwards.

    Every other setting is the product's default (pool size, log level, ...), but the rate
    limit, which is off.
    """
    environment = _environment(database_url)
    with log.open("w", encoding="utf-8") as log_file:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and CLI
            serve_command(workers), env=environment, stdout=subprocess.PIPE, stderr=log_file,
            text=True,
        )
        reader = UrlReader(process)
        try:
            yield Served(reader.url(log), process.pid)
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(SHUTDOWN_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            reader.close()


class ServerProcess:
    """A ``paysetu serve`` that can be killed (SIGKILL, as a crash) and started again.

    Each start listens on a new free port; :attr:`url` is the current one.
    """

    def __init__(self, database_url: str, log: Path) -> None:
        self._environment = _environment(database_url)
        self._log = log
        self._process: subprocess.Popen[str] | None = None
        self._reader: UrlReader | None = None
        self.url = ""

    def start(self) -> str:
        with self._log.open("a", encoding="utf-8") as log_file:
            self._process = subprocess.Popen(  # noqa: S603 - our own interpreter and CLI
                serve_command(), env=self._environment, stdout=subprocess.PIPE,
                stderr=log_file, text=True,
            )
        self._reader = UrlReader(self._process)
        try:
            self.url = self._reader.url(self._log)
        except RuntimeError:
            self.kill()  # it failed to start: reap it before anyone tries again
            raise
        return self.url

    def _end(self, sig: signal.Signals) -> None:
        if self._process is None or self._reader is None:
            return
        self._process.send_signal(sig)
        try:
            self._process.wait(SHUTDOWN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._reader.close()
        self._process = self._reader = None

    def kill(self) -> None:
        """SIGKILL: no shutdown, requests in flight are cut off."""
        self._end(signal.SIGKILL)

    def stop(self) -> None:
        """SIGINT, as Ctrl-C: in-flight requests finish."""
        self._end(signal.SIGINT)
