"""``paysetu check ...``: the reliability checks, with their figures and violations printed.

Each check exits non-zero when it finds a violation, so it can gate a release; the test suite
runs the same checks in a CI-sized configuration.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from paysetu.check.bank import BankConfig, BankReport, run
from paysetu.check.failover import Failover, FailoverConfig, FailoverReport
from paysetu.check.failover import run as run_failover
from paysetu.check.suites import SUITES, NotAClone, repository_root, run_suite
from paysetu.cli.runtime import console, errors

app = typer.Typer(help="Reliability checks: no money lost under concurrency, crashes and retries.",
                  no_args_is_help=True)


def _report_table(report: BankReport, title: str = "bank check",
                  database_faults: str = "PostgreSQL crashes (immediate)") -> Table:
    table = Table(title=title, show_header=False)
    config, traffic = report.config, report.traffic
    table.add_row("clients x seconds (asked)",
                  f"{config.clients} x {report.traffic_s:.1f} ({config.duration_s:g})")
    for name, count in sorted(report.operations.items()):
        table.add_row(f"operations {name}", str(count))
    table.add_row("HTTP attempts", str(traffic.attempts))
    table.add_row("timeouts / cut off / no server", str(traffic.transport_errors))
    table.add_row("answers retried (5xx, 409)",
                  ", ".join(f"{s}: {n}" for s, n in sorted(traffic.retried_answers.items()))
                  or "0")
    table.add_row("replays compared", str(traffic.replays_checked))
    table.add_row("server crashes (SIGKILL)", str(report.server_crashes))
    table.add_row(database_faults, str(report.database_crashes))
    table.add_row("balance snapshots read (failed)",
                  f"{report.snapshots} ({report.snapshot_errors})")
    table.add_row("worker restarts (by its supervisor)", str(report.worker_restarts))
    table.add_row("webhook events received (deliveries)",
                  f"{report.events_received} ({report.deliveries_received})")
    table.add_row("ledger audit", "passed" if report.audit_passed else "FAILED")
    table.add_row("violations", str(len(report.violations)))
    return table


@app.command()
def bank(
    clients: Annotated[int, typer.Option(min=1, max=64, help="Concurrent HTTP clients.")] = 8,
    duration: Annotated[float, typer.Option(
        min=1, help="Seconds of traffic, at least: it goes on until every kind of operation "
                    "has applied and the system answers after the faults (up to 120 s "
                    "more).")] = 60.0,
    wallets: Annotated[int, typer.Option(min=2, help="Funded wallets.")] = 20,
    merchants: Annotated[int, typer.Option(min=1, help="Merchants paid.")] = 3,
    server_crashes: Annotated[int, typer.Option(
        min=0, help="Times the API server is SIGKILLed (and restarted).")] = 2,
    database_crashes: Annotated[int, typer.Option(
        min=0, help="Times PostgreSQL is crashed (immediate shutdown) and restarted.")] = 1,
    seed: Annotated[int, typer.Option(help="Workload seed.")] = 1,
    database_url: Annotated[str | None, typer.Option(
        help="Create the scratch database on this server (default: a fresh embedded one; "
             "database crashes need that).")] = None,
) -> None:
    """Jepsen-style bank test over HTTP: retries with Idempotency-Keys, client timeouts,
    server and database crashes, snapshot reads of the totals, webhooks; then the ledger and
    the receiver are checked against what the clients were told."""
    config = BankConfig(clients, duration, wallets, merchants, server_crashes,
                        database_crashes, seed, database_url)
    try:
        report = run(config, lambda step: console.print(f"bank check: {step}"))
    except ValueError as error:
        errors.print(f"[red]error[/red] {error}")
        raise typer.Exit(2) from None
    console.print(_report_table(report))
    for violation in report.violations[:20]:
        errors.print(f"[red]violation[/red] {violation}", soft_wrap=True)
    if report.violations:
        raise typer.Exit(1)
    console.print("[green]no money lost, created or moved twice; every event delivered[/green]")


@app.command()
def failover(
    clients: Annotated[int, typer.Option(min=1, max=64, help="Concurrent HTTP clients.")] = 8,
    duration: Annotated[float, typer.Option(min=1, help="Seconds of traffic.")] = 120.0,
    failovers: Annotated[int, typer.Option(
        min=1, help="Times the primary is SIGKILLed and the standby promoted.")] = 5,
    wallets: Annotated[int, typer.Option(min=2, help="Funded wallets.")] = 20,
    merchants: Annotated[int, typer.Option(min=1, help="Merchants paid.")] = 3,
    synchronous: Annotated[bool, typer.Option(
        help="Synchronous replication (a commit waits for the standby); --no-synchronous "
             "measures what asynchronous replication loses.")] = True,
    seed: Annotated[int, typer.Option(help="Workload seed.")] = 1,
) -> None:
    """The bank check on a primary and a streaming standby of its own, through a multi-host
    URL: K times the primary is SIGKILLed, the standby promoted (pg_promote) and the old
    primary rejoins as the standby (pg_rewind); then every acknowledged operation must be on
    the last primary exactly once, and the audit clean."""
    config = FailoverConfig(clients, duration, failovers, wallets, merchants, synchronous, seed)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=console) as bar:
        task = bar.add_task("failover check", total=failovers)

        def done(event: Failover) -> None:
            bar.console.print(f"failover: promoted in {event.promoted_s:.1f} s, old primary "
                              f"streaming again in {event.rejoined_s:.1f} s")
            bar.advance(task)

        report = run_failover(config, lambda step: bar.update(task, description=step), done)
    console.print(_failover_table(report))
    for violation in report.violations[:20]:
        errors.print(f"[red]violation[/red] {violation}", soft_wrap=True)
    if report.violations:
        raise typer.Exit(1)
    console.print("[green]every acknowledged operation survived every failover[/green]"
                  if not report.bank.lost else
                  f"[yellow]{len(report.bank.lost)} acknowledged operations lost "
                  "(asynchronous replication)[/yellow]")


def _failover_table(report: FailoverReport) -> Table:
    table = _report_table(report.bank, "failover check",
                          "failovers (SIGKILL, pg_promote, pg_rewind)")
    mode = "synchronous" if report.config.synchronous else "asynchronous"
    table.add_row("replication", mode)
    table.add_row("operations acknowledged", str(report.acknowledged))
    table.add_row("acknowledged operations lost", str(len(report.bank.lost)))
    table.add_row("writes unavailable per failover (s)",
                  ", ".join(f"{s:.1f}" for s in report.unavailable_s))
    table.add_row("promoted after (s)",
                  ", ".join(f"{f.promoted_s:.1f}" for f in report.failovers))
    table.add_row("old primary streaming again after (s)",
                  ", ".join(f"{f.rejoined_s:.1f}" for f in report.failovers))
    return table


Examples = Annotated[int | None, typer.Option(
    min=1, help="Size: examples per state machine / requests per operation (default: CI's).")]


def _suite(name: str, examples: int | None) -> None:
    console.print(f"check {name}: {SUITES[name].description}", soft_wrap=True)
    try:
        code = run_suite(name, examples, repository_root(Path.cwd()), [])
    except NotAClone as error:
        errors.print(f"[red]error[/red] {error}")
        raise typer.Exit(2) from None
    raise typer.Exit(code)


@app.command()
def model(examples: Examples = None) -> None:
    """The model-based tests (hypothesis state machines on PostgreSQL), at a chosen size."""
    _suite("model", examples)


@app.command()
def fuzz(examples: Examples = None) -> None:
    """schemathesis, hostile strings and the importer fuzz, at a chosen size."""
    _suite("fuzz", examples)


@app.command()
def security() -> None:
    """The authorisation matrix (API and pages), rate limits, login throttle, CSRF, webhook
    signatures, secrets in logs."""
    _suite("security", None)
