"""An API bench result as a rich table for people and as JSON for machines.

Same conventions as :mod:`paysetu.bench.report`: the JSON keeps every number of the table plus
the configuration, the environment and the server's settings.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich import box
from rich.table import Table

from paysetu.bench.api import (
    MARKETPLACE_RATIO_TARGET,
    RATIO_TARGET,
    RATIO_TARGET_CLIENTS,
    TAIL_TARGET,
    ApiBenchResult,
    Measurement,
    Row,
)
from paysetu.bench.results import write_document


def _measurement_json(measured: Measurement) -> dict[str, Any]:
    return {"ops_per_s": round(measured.ops_per_s, 1), "p50_ms": round(measured.p50_ms, 2),
            "p99_ms": round(measured.p99_ms, 2), "ops": measured.ops}


def _row_json(row: Row) -> dict[str, Any]:
    return {
        "workload": row.workload,
        "clients": row.clients,
        "http": _measurement_json(row.http),
        "direct": _measurement_json(row.direct),
        "baseline": row.baseline,
        "ratio": round(row.ratio, 3),
        "ratio_target": row.ratio_target,
        "tail_ratio": round(row.tail_ratio, 2),
        "tail_target": TAIL_TARGET,
        "passed": row.passed,
    }


def result_json(result: ApiBenchResult) -> dict[str, Any]:
    config = asdict(result.config)
    config["database_url"] = "given" if config["database_url"] else None
    audit = result.audit
    return {
        "benchmark": "api",
        "started_at": result.started_at.isoformat(),
        "config": config,
        "environment": result.environment,
        "server": {"version": result.server, "settings": result.server_settings},
        "rows": [_row_json(row) for row in result.rows],
        "audit": None if audit is None else {
            "passed": audit.passed,
            "findings": audit.findings,
            "payments": audit.payments,
            "payments_expected": audit.payments_expected,
            "payments_match": audit.payments_match,
        },
    }


def write_json(result: ApiBenchResult, path: Path) -> None:
    write_document(result_json(result), path)


def result_table(result: ApiBenchResult) -> Table:
    clients = result.environment.get("client_model", "?")
    table = Table(
        title=f"paysetu bench api: HTTP vs direct ({result.server}, {clients} clients)",
        box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True, show_edge=False,
        caption=f"ratio: HTTP/direct, >= {RATIO_TARGET:g} at {RATIO_TARGET_CLIENTS}+ clients (*);"
                f" HTTP p99 < {TAIL_TARGET:g}x p50; marketplace: orders (5 sellers) over HTTP"
                f" / payments over HTTP (direct/s column), >= {MARKETPLACE_RATIO_TARGET:g}",
    )
    for column in ("workload", "clients", "HTTP/s", "p50 ms", "p99 ms", "direct/s", "ratio",
                   "p99/p50", "result"):
        table.add_column(column, justify="left" if column in ("workload", "result") else "right",
                         no_wrap=True)
    for row in result.rows:
        table.add_row(
            row.workload,
            str(row.clients),
            f"{row.http.ops_per_s:,.0f}",
            f"{row.http.p50_ms:.1f}",
            f"{row.http.p99_ms:.1f}",
            f"{row.direct.ops_per_s:,.0f}",
            f"{row.ratio:.2f}" + ("*" if row.ratio_target is not None else ""),
            f"{row.tail_ratio:.1f}",
            "[green]pass[/green]" if row.passed else "[red]miss[/red]",
        )
    return table
