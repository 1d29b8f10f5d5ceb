"""``paysetu worker`` under a supervisor, as production runs it (systemd, Kubernetes).

A worker that cannot reach the database at start exits with an error (a crash of PostgreSQL
at the wrong moment does that); the supervisor starts it again. The bank check counts those
restarts: the outbox must deliver every event whatever the worker went through.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

RESTART_PAUSE_S = 0.5
STOP_TIMEOUT_S = 30.0
LOOPBACK = "127.0.0.0/8,::1/128"
"""The check's webhook receiver runs on this machine: the worker may deliver there."""


class SupervisedWorker:
    """Keeps one worker process running until :meth:`stop`."""

    def __init__(self, database_url: str, log: Path) -> None:
        self._environment = {**os.environ, "PAYSETU_DATABASE_URL": database_url,
                             "PAYSETU_WEBHOOK_ALLOWED_NETWORKS": LOOPBACK}
        self._log = log
        self._process: subprocess.Popen[bytes] | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._supervise, name="check-worker")
        self.restarts = 0

    def _spawn(self) -> subprocess.Popen[bytes]:
        with self._log.open("a", encoding="utf-8") as log_file:
            return subprocess.Popen(
                [sys.executable, "-c", "from paysetu.cli.app import main; main()",
                 "worker", "--poll-s", "0.2", "--batch-size", "1", "--timeout-s", "2"],
                env=self._environment, stdout=log_file, stderr=log_file)

    def _supervise(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                if self._process is None or self._process.poll() is not None:
                    if self._process is not None:
                        self.restarts += 1
                    self._process = self._spawn()
            self._stop.wait(RESTART_PAUSE_S)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """SIGINT, as on shutdown: the cycle in progress finishes."""
        self._stop.set()
        self._thread.join()
        with self._lock:
            process, self._process = self._process, None
        if process is None:
            return
        process.send_signal(signal.SIGINT)
        try:
            process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
