"""``paysetu bench lending``: close of business over N active loans against one SQL statement."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from paysetu.bench.lending import QUICK, RATIO_TARGET, BenchConfig, BenchResult, run
from paysetu.bench.memory import RSS_TARGET_MB
from paysetu.bench.results import results_path, write_document
from paysetu.cli.runtime import console, errors


def result_json(result: BenchResult) -> dict[str, Any]:
    config = asdict(result.config)
    config["database_url"] = "given" if config["database_url"] else None
    return {
        "benchmark": "lending",
        "started_at": result.started_at.isoformat(),
        "config": config,
        "environment": result.environment,
        "server": {"version": result.server, "settings": result.server_settings},
        "targets": {"ratio_max": RATIO_TARGET, "scaling_max": 1.0,
                    "peak_rss_mb_max": RSS_TARGET_MB},
        "rows": [{**asdict(row), "ratio": round(row.ratio, 3),
                  "loans_per_s": round(row.loans_per_s, 1),
                  "peak_rss_mb": round(row.peak_rss_mb, 1), "passed": row.passed}
                 for row in result.rows],
        "scaling": result.scaling(),
    }


def result_table(result: BenchResult) -> Table:
    table = Table(title=f"paysetu bench lending: {result.server}")
    columns = ("loans", "generate s", "first day s", "close day s", "loans/s", "baseline s",
               "ratio", "peak RSS MB", "entries", "checks", "result")
    for column in columns:
        table.add_column(column, justify="right")
    for row in result.rows:
        table.add_row(
            f"{row.loans:,}", f"{row.generate_s:.1f}", f"{row.first_day_s:.2f}",
            f"{row.close_day_s:.2f}", f"{row.loans_per_s:,.0f}", f"{row.baseline_s:.3f}",
            f"{row.ratio:.1f}x", f"{row.peak_rss_mb:.0f}", f"{row.journal_entries:,}",
            "ok" if row.dpd_match and row.audit_passed else "[red]FAILED[/red]",
            "[green]pass[/green]" if row.passed else "[red]miss[/red]",
        )
    return table


def lending(
    quick: Annotated[bool, typer.Option(help="1,000 loans (CI smoke).")] = False,
    loans: Annotated[list[int] | None, typer.Option(
        min=100, help="Active loan counts, repeatable (default 10000 100000).")] = None,
    database_url: Annotated[str | None, typer.Option(
        help="Use this server; scratch databases are created and dropped.")] = None,
    output: Annotated[Path | None, typer.Option(
        help="JSON file (default bench-results/lending-<time>.json).")] = None,
    lines: Annotated[bool, typer.Option(
        help="As many credit lines as loans beside them.")] = True,
) -> None:
    """Close of business wall time against one SQL statement computing days past due."""
    base = QUICK if quick else BenchConfig()
    config = BenchConfig(sizes=tuple(loans) if loans else base.sizes, database_url=database_url,
                         lines=lines)
    result = run(config, lambda text: errors.print(f"[dim]{text}[/dim]"))
    path = results_path("lending", output)
    write_document(result_json(result), path)
    console.print(result_table(result))
    scaling = result.scaling()
    if scaling is not None:
        first, last = result.rows[0], result.rows[-1]
        console.print(f"time scaling {first.loans:,} -> {last.loans:,}: "
                      f"{last.close_day_s / first.close_day_s:.1f}x the time for "
                      f"{last.loans / first.loans:.0f}x the loans ({scaling:.2f} per loan,"
                      " 1.00 = linear)")
    console.print(f"results: {path}")
    if not all(row.dpd_match and row.audit_passed for row in result.rows):
        raise typer.Exit(1)
