"""``paysetu bench settlement``: settlement of N payments against one raw SQL GROUP BY."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from paysetu.bench.memory import RSS_TARGET_MB
from paysetu.bench.results import results_path, write_document
from paysetu.bench.settlement import QUICK, RATIO_TARGET, BenchConfig, BenchResult, run
from paysetu.cli.runtime import console, errors


def result_json(result: BenchResult) -> dict[str, Any]:
    config = asdict(result.config)
    config["database_url"] = "given" if config["database_url"] else None
    return {
        "benchmark": "settlement",
        "started_at": result.started_at.isoformat(),
        "config": config,
        "environment": result.environment,
        "server": {"version": result.server, "settings": result.server_settings},
        "targets": {"ratio_max": RATIO_TARGET, "peak_rss_mb_max": RSS_TARGET_MB},
        "rows": [{**asdict(row), "ratio": round(row.ratio, 3),
                  "classified_ratio": round(row.classified_ratio, 3), "passed": row.passed}
                 for row in result.rows],
        "scaling": result.scaling(),
    }


def result_table(result: BenchResult) -> Table:
    table = Table(title=f"paysetu bench settlement: {result.server}")
    columns = ("payments", "postings", "GROUP BY s", "classified s", "settle s", "ratio",
               "vs classified", "peak RSS MB", "chunks", "batches", "items", "payouts", "checks",
               "result")
    for column in columns:
        table.add_column(column, justify="right")
    for row in result.rows:
        table.add_row(
            f"{row.payments:,}", f"{row.postings:,}", f"{row.baseline_s:.2f}",
            f"{row.classified_s:.2f}", f"{row.settle_s:.2f}", f"{row.ratio:.2f}x",
            f"{row.classified_ratio:.2f}x", f"{row.peak_rss_mb:.0f}", f"{row.groups}",
            f"{row.batches:,}",
            f"{row.items:,}", f"{row.payouts:,}",
            "ok" if row.nets_match and row.audit_passed else "[red]FAILED[/red]",
            "[green]pass[/green]" if row.passed else "[red]miss[/red]",
        )
    return table


def settlement(
    quick: Annotated[bool, typer.Option(help="20,000 payments, 100 merchants (CI smoke).")] = False,
    payments: Annotated[list[int] | None, typer.Option(
        min=1_000, help="Payment counts, repeatable (default 100000 1000000).")] = None,
    merchants: Annotated[int | None, typer.Option(min=1, help="Merchants (default 1000).")] = None,
    database_url: Annotated[str | None, typer.Option(
        help="Use this server; scratch databases are created and dropped.")] = None,
    output: Annotated[Path | None, typer.Option(
        help="JSON file (default bench-results/settlement-<time>.json).")] = None,
) -> None:
    """Settlement wall time and peak RSS against one raw SQL GROUP BY over the same rows."""
    base = QUICK if quick else BenchConfig()
    config = BenchConfig(
        sizes=tuple(payments) if payments else base.sizes,
        merchants=merchants or base.merchants, customers=base.customers,
        database_url=database_url,
    )
    result = run(config, lambda text: errors.print(f"[dim]{text}[/dim]"))
    path = results_path("settlement", output)
    write_document(result_json(result), path)
    console.print(result_table(result))
    scaling = result.scaling()
    if scaling is not None:
        console.print(f"time scaling {result.rows[0].payments:,} -> {result.rows[-1].payments:,}:"
                      f" {scaling:.2f}x per payment (1.00 = linear)")
    console.print(f"results: {path}")
    if not all(row.nets_match and row.audit_passed for row in result.rows):
        raise typer.Exit(1)
