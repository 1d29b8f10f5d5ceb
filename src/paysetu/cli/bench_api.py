"""``paysetu bench api``: payments over HTTP against the same use cases called directly."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from paysetu.bench.api import (
    QUICK,
    ApiBenchConfig,
    ApiBenchResult,
    ClientModel,
    planned_seconds,
    run,
)
from paysetu.bench.api_clients import Workload
from paysetu.bench.api_http import HttpLibrary
from paysetu.bench.api_report import result_table, write_json
from paysetu.bench.results import results_path
from paysetu.cli.runtime import console, errors


class _Steps:
    """Moves the progress bar by each finished step's expected seconds."""

    def __init__(self, progress: Progress, config: ApiBenchConfig) -> None:
        self._progress = progress
        self._task = progress.add_task("bench", total=planned_seconds(config) + 5)
        self._previous_s = 0.0

    def __call__(self, description: str, seconds: float) -> None:
        self._progress.update(self._task, description=description, advance=self._previous_s)
        self._previous_s = seconds


def _run_with_progress(config: ApiBenchConfig) -> ApiBenchResult:
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=errors, refresh_per_second=4) as progress:
        return run(config, _Steps(progress, config))


def _config(
    quick: bool, database_url: str | None, duration: float | None, warmup: float | None,
    clients: list[int] | None, wallets: int | None, client_model: ClientModel | None,
    workloads: list[Workload] | None, server_workers: int | None,
    http_client: HttpLibrary | None = None,
) -> ApiBenchConfig:
    base = QUICK if quick else ApiBenchConfig()
    return ApiBenchConfig(
        clients=tuple(sorted(set(clients))) if clients else base.clients,
        workloads=tuple(dict.fromkeys(workloads)) if workloads else base.workloads,
        duration_s=base.duration_s if duration is None else duration,
        warmup_s=base.warmup_s if warmup is None else warmup,
        wallets=base.wallets if wallets is None else wallets,
        client_model=client_model or base.client_model,
        http_client=http_client or base.http_client,
        server_workers=server_workers or base.server_workers,
        database_url=database_url,
    )


def api(
    quick: Annotated[bool, typer.Option(
        help="Short windows, 1-2 clients (a CI smoke run).")] = False,
    database_url: Annotated[str | None, typer.Option(
        help="Use this server; a scratch database is created and dropped.")] = None,
    duration: Annotated[float | None, typer.Option(
        min=0.1, help="Measured seconds per cell (default 8; quick 0.5).")] = None,
    warmup: Annotated[float | None, typer.Option(
        min=0.0, help="Uncounted seconds before each cell (default 2).")] = None,
    clients: Annotated[list[int] | None, typer.Option(
        min=1, help="Client counts, repeatable (default 1 4 8).")] = None,
    wallets: Annotated[int | None, typer.Option(
        min=2, help="Funded payer wallets (default 1000).")] = None,
    client_model: Annotated[ClientModel | None, typer.Option(
        help="One process per client (default) or one thread.")] = None,
    http_client: Annotated[HttpLibrary | None, typer.Option(
        help="The HTTP clients' library: stdlib (default: http.client, the lean one) or "
             "httpx (the bench's client before; its CPU shares the server's cores).")] = None,
    workload: Annotated[list[Workload] | None, typer.Option(
        help="automatic, manual and/or marketplace (orders across 5 sellers vs payments),"
             " repeatable (default automatic and manual).")] = None,
    server_workers: Annotated[int | None, typer.Option(
        min=1, max=64, help="paysetu serve --workers (default: one per core).")] = None,
    output: Annotated[Path | None, typer.Option(
        help="JSON file (default bench-results/api-<time>.json).")] = None,
) -> None:
    """Payments/s and latency over HTTP (paysetu serve) against the use cases called directly."""
    config = _config(quick, database_url, duration, warmup, clients, wallets, client_model,
                     workload, server_workers, http_client)
    path = results_path("api", output)
    result = _run_with_progress(config)
    write_json(result, path)
    console.print(result_table(result))
    audit = result.audit
    if audit is not None:
        verdict = ("[green]passed[/green]" if audit.passed and audit.payments_match
                   else "[red]FAILED[/red]")
        console.print(f"audit {verdict}: {audit.findings} finding(s); {audit.payments} succeeded "
                      f"payments ({audit.payments_expected} reported by the clients)")
    console.print(f"results: {path}")
    if audit is None or not audit.passed or not audit.payments_match:
        raise typer.Exit(1)
