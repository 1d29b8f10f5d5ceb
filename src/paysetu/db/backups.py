"""Point-in-time backups: a base backup plus the archived WAL, restored to any moment.

PostgreSQL's own machinery: ``archive_command`` copies every finished WAL segment into
``<backups>/wal``; ``pg_basebackup`` copies the data folder into ``<backups>/base/<time>``;
a restore copies the latest base backup taken before the target into a new folder and
replays the archive up to ``recovery_target_time`` (``restore_command``), then ends recovery
(``recovery_target_action = 'promote'``): a server of its own, on its own port, with
the database as it was at that moment.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import psycopg

from paysetu.db.replication import (
    SERVER_USER,
    Node,
    ReplicationError,
    make_server_folder,
    run_program,
    wait_until,
)

LABEL_TIME = "%Y-%m-%d %H:%M:%S %Z"
"""``START TIME`` in a base backup's ``backup_label``."""


def wal_folder(backups: Path) -> Path:
    return backups / "wal"


def enable_archiving(node: Node, backups: Path) -> None:
    """``archive_mode`` on (a restart the first time) and every finished WAL segment copied
    into ``<backups>/wal``, never over a file already there."""
    archive = wal_folder(backups).resolve()
    make_server_folder(archive)
    command = f"test ! -f {archive}/%f && cp %p {archive}/%f"
    with node.connect() as connection:
        if node.scalar("SHOW archive_command") != command:
            connection.execute(f"ALTER SYSTEM SET archive_command = '{command}'")
            connection.execute("SELECT pg_reload_conf()")
        if node.scalar("SHOW archive_mode") == "on":
            return
        connection.execute("ALTER SYSTEM SET archive_mode = on")
    node.restart()


def archive_now(node: Node) -> str:
    """Close the current WAL segment and wait until it is archived: everything committed
    until now is then restorable. Returns the segment's name."""
    with node.connect() as connection:
        # A commit first: the switch then always closes a segment holding everything until
        # now (with nothing written since the last switch it would do nothing), and a restore
        # to any earlier moment finds a commit past it (else recovery stops short of it).
        connection.execute("SELECT pg_logical_emit_message(true, 'paysetu', 'archive')")
        row = connection.execute("SELECT pg_walfile_name(pg_switch_wal())").fetchone()
    assert row is not None
    segment = str(row[0])
    wait_until(lambda: str(node.scalar("SELECT last_archived_wal FROM pg_stat_archiver"))
               >= segment, f"WAL segment {segment} is archived")
    return segment


def base_backup(node: Node, backups: Path) -> Path:
    """``pg_basebackup`` (with the WAL it needs) into ``<backups>/base/<UTC time>``, then the
    current segment archived."""
    enable_archiving(node, backups)
    target = backups.resolve() / "base" / datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    make_server_folder(target.parent)
    make_server_folder(target)
    run_program("pg_basebackup", "-D", str(target), "-d", node.conninfo(), "-X", "stream",
                "-c", "fast")
    archive_now(node)
    return target


def _started(base: Path) -> datetime:
    for line in (base / "backup_label").read_text().splitlines():
        if line.startswith("START TIME: "):
            return datetime.strptime(line.removeprefix("START TIME: "), LABEL_TIME).replace(
                tzinfo=UTC)
    raise ReplicationError(f"{base} has no backup_label start time")


def restore(backups: Path, to: datetime, into: Path, port: int) -> Node:
    """A new server in ``into`` on ``port`` holding the database as it was at ``to``."""
    bases = [b for b in sorted((backups / "base").glob("*")) if _started(b) <= to]
    if not bases:
        raise ReplicationError(f"no base backup in {backups} was taken before {to}")
    if into.exists() and any(into.iterdir()):
        raise ReplicationError(f"{into} is not empty")
    make_server_folder(into)
    shutil.copytree(bases[-1], into, dirs_exist_ok=True)
    into.chmod(0o700)  # PostgreSQL refuses a group-readable data folder
    wal = wal_folder(backups).resolve()
    with (into / "postgresql.auto.conf").open("a", encoding="utf-8") as conf:
        conf.write(f"restore_command = 'cp {wal}/%f %p'\n"
                   f"recovery_target_time = '{to.isoformat()}'\n"
                   "recovery_target_action = 'promote'\n"
                   # A copy of the primary: it must neither archive into the primary's archive
                   # nor wait for the primary's standbys.
                   "archive_mode = off\nsynchronous_standby_names = ''\n")
    (into / "recovery.signal").touch()
    for stray in ("standby.signal", ".handle_pids.json", "postmaster.pid"):
        (into / stray).unlink(missing_ok=True)
    if os.geteuid() == 0:
        for path in [into, *into.rglob("*")]:
            shutil.chown(path, SERVER_USER, SERVER_USER)
    node = Node.beside(into, port)
    node.start()

    def promoted() -> bool:
        if not node.is_running():
            log = (into / "log").read_text(errors="replace")[-1500:]
            raise ReplicationError(f"the restored server stopped; its log ends with:\n{log}")
        try:
            return not node.in_recovery()
        except psycopg.OperationalError:
            return False  # shutting down after a failed recovery: the next look says why

    wait_until(promoted, f"the restore reaches {to.isoformat()}")
    return node
