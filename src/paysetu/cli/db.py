"""``paysetu db ...``: schema migrations, and the embedded server's standbys."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from paysetu.bootstrap import Runtime
from paysetu.cli.runtime import console, errors, runtime
from paysetu.config import Settings
from paysetu.db import backups, migrate, standbys
from paysetu.db.replication import Node, ReplicationError

app = typer.Typer(help="Database schema, standbys, backups.", no_args_is_help=True)
standby_app = typer.Typer(
    help="Streaming standbys of the embedded PostgreSQL (docs/operations.md).",
    no_args_is_help=True)
app.add_typer(standby_app, name="standby")


@app.command("upgrade")
def upgrade() -> None:
    """Apply every pending migration (start-up does this too)."""
    with runtime() as rt:
        console.print(
            f"schema at revision {migrate.current_revision(rt.engine)}"
            f" (head {migrate.head_revision()})"
        )


@contextmanager
def _embedded() -> Iterator[tuple[Runtime, Node]]:
    """The runtime and its embedded primary; an external server's standbys are its own."""
    with runtime() as rt:
        if rt.embedded is None:
            errors.print("[red]error[/red] PAYSETU_DATABASE_URL is set: standbys of an external "
                         "PostgreSQL are made with its own tools (docs/operations.md)")
            raise typer.Exit(2)
        try:
            yield rt, Node.running(rt.embedded.pgdata)
        except ReplicationError as error:
            errors.print(f"[red]error[/red] {error}", soft_wrap=True)
            raise typer.Exit(1) from None


Name = Annotated[str, typer.Argument(help="The standby's name (also its replication slot's).")]


@standby_app.command("create")
def standby_create(name: Name) -> None:
    """Copy the primary (pg_basebackup), start the copy streaming from a replication slot,
    and wait until it streams. PAYSETU_DB_SYNCHRONOUS_REPLICATION (default on) makes each
    commit wait for a standby."""
    with _embedded() as (rt, primary):
        primary.make_rewindable()
        made = standbys.create(rt.settings.data_dir, primary, name,
                               rt.settings.db_synchronous_replication)
        mode = "synchronous" if rt.settings.db_synchronous_replication else "asynchronous"
        console.print(f"standby {name} streams ({mode}) from {made.node.pgdata}, "
                      f"port {made.node.port}, socket {made.node.socket_dir}")


@standby_app.command("list")
def standby_list() -> None:
    """Every standby: port, running, and as the primary sees it (state, lag)."""
    with _embedded() as (rt, primary):
        seen = {r.name: r for r in primary.replication()}
        table = Table("name", "port", "running", "state", "sync", "lag (bytes)", "lag (s)")
        for standby in standbys.registered(rt.settings.data_dir):
            replica = seen.get(standby.name)
            table.add_row(
                standby.name, str(standby.node.port),
                "yes" if standby.node.is_running() else "no",
                replica.state if replica else "not connected",
                replica.sync_state if replica else "",
                "" if replica is None or replica.replay_lag_bytes is None
                else str(replica.replay_lag_bytes),
                "" if replica is None or replica.replay_lag_s is None
                else f"{replica.replay_lag_s:.3f}")
        console.print(table)


@standby_app.command("promote")
def standby_promote(name: Name) -> None:
    """pg_promote() on the standby: it accepts writes from now on. Stop the old primary
    first; clients on a multi-host URL find the new one by themselves."""
    settings = Settings()
    primary = settings.data_dir / "postgres"
    try:
        if (primary / "postmaster.pid").exists() and Node.running(primary).is_running():
            errors.print("[red]error[/red] the embedded primary is running (a paysetu process "
                         "uses it): stop it first, or both would accept writes")
            raise typer.Exit(1)
        standby = standbys.find(settings.data_dir, name)
        standby.node.promote()
    except ReplicationError as error:
        errors.print(f"[red]error[/red] {error}", soft_wrap=True)
        raise typer.Exit(1) from None
    console.print(f"standby {name} is a primary: {standby.node.url('paysetu')}",
                  soft_wrap=True)


@standby_app.command("remove")
def standby_remove(name: Name) -> None:
    """Stop the standby, drop its replication slot, delete its data folder."""
    with _embedded() as (rt, primary):
        standbys.remove(rt.settings.data_dir, primary, name,
                        rt.settings.db_synchronous_replication)
        console.print(f"standby {name} removed")


Backups = Annotated[Path | None, typer.Option(
    "--backups", help="Where base backups and archived WAL live (default: <data_dir>/backups).")]


@app.command("backup")
def backup(folder: Backups = None) -> None:
    """A base backup (pg_basebackup) of the embedded primary; the first one turns WAL
    archiving on (archive_command into <backups>/wal; a restart of the primary)."""
    with _embedded() as (rt, primary):
        target = backups.base_backup(primary, folder or rt.settings.data_dir / "backups")
        console.print(f"base backup in {target}; WAL archived as it fills")


@app.command("restore")
def restore(
    to: Annotated[datetime, typer.Option(
        "--to", formats=["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%d %H:%M:%S"],
        help="The moment to restore to (ISO 8601; without a zone: UTC).")],
    into: Annotated[Path, typer.Option(help="A new, empty data folder.")],
    folder: Backups = None,
    port: Annotated[int, typer.Option(help="The restored server's port (its socket's).")] = 5440,
) -> None:
    """A new server in --into holding the database as it was at --to: the latest base backup
    before it, and the archived WAL replayed up to it (recovery_target_time)."""
    settings = Settings()
    moment = to if to.tzinfo else to.replace(tzinfo=UTC)
    try:
        node = backups.restore(folder or settings.data_dir / "backups", moment, into.resolve(),
                               port)
    except ReplicationError as error:
        errors.print(f"[red]error[/red] {error}", soft_wrap=True)
        raise typer.Exit(1) from None
    console.print(f"restored to {moment.isoformat()}: {node.url('paysetu')}", soft_wrap=True)


@app.command("status")
def status() -> None:
    """What to watch: the standbys' lag and the age of the last archived WAL segment."""
    with _embedded() as (_rt, primary):
        for replica in primary.replication():
            console.print(f"standby {replica.name}: {replica.state} ({replica.sync_state}), "
                          f"{replica.replay_lag_bytes} bytes / {replica.replay_lag_s or 0:.3f} s "
                          "behind")
        archived = primary.scalar(
            "SELECT extract(epoch FROM now() - last_archived_time) FROM pg_stat_archiver")
        failed = primary.scalar("SELECT failed_count FROM pg_stat_archiver")
        console.print("WAL archive: " + ("off" if archived is None else
                      f"last segment archived {float(str(archived)):.0f} s ago") +
                      f", {failed} failed attempts")
