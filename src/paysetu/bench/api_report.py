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
    LEDGER_TARGET,
    MARKETPLACE_RATIO_TARGET,
    P50_TARGET_MS,
    RATIO_TARGET,
    TAIL_TARGET,
    ApiBenchResult,
    CpuSplit,
    Measurement,
    Row,
)
from paysetu.bench.results import write_document


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _cpu_json(cpu: CpuSplit) -> dict[str, float | None]:
    return {"client_ms": _ms(cpu.client_ms), "server_ms": _ms(cpu.server_ms),
            "database_ms": _ms(cpu.database_ms)}


def _measurement_json(measured: Measurement | None) -> dict[str, Any] | None:
    if measured is None:
        return None
    return {"ops_per_s": round(measured.ops_per_s, 1), "p50_ms": round(measured.p50_ms, 2),
            "p99_ms": round(measured.p99_ms, 2), "ops": measured.ops,
            "cpu_per_op": _cpu_json(measured.cpu)}


def _row_json(row: Row) -> dict[str, Any]:
    ledger_ratio = row.ledger_ratio
    return {
        "workload": row.workload,
        "clients": row.clients,
        "http": _measurement_json(row.http),
        "direct": _measurement_json(row.direct),
        "baseline": row.baseline,
        "ledger": _measurement_json(row.ledger),
        "ratio": round(row.ratio, 3),
        "ratio_target": row.ratio_target,
        "ledger_ratio": None if ledger_ratio is None else round(ledger_ratio, 3),
        "ledger_target": row.ledger_target,
        "p50_target_ms": row.p50_target_ms,
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
        "statements_per_op": None if result.statements is None else {
            "http": result.statements.http, "direct": result.statements.direct,
            "ledger": result.statements.ledger,
        },
        "round_trips_per_op": None if result.statements is None else {
            "http": result.statements.http_round_trips,
            "direct": result.statements.direct_round_trips,
            "ledger": result.statements.ledger_round_trips,
        },
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


def _cpu_cell(cpu: CpuSplit) -> str:
    parts = (cpu.client_ms, cpu.server_ms, cpu.database_ms)
    return "/".join("-" if part is None else f"{part:.2f}" for part in parts)


def result_table(result: ApiBenchResult) -> Table:
    clients = (f'{result.environment.get("client_model", "?")}, '
               f'{result.environment.get("http_client", "httpx")}')
    statements = result.statements
    counted = "" if statements is None else (
        f"; statements (round trips) per op: HTTP {statements.http:.1f}"
        f" ({statements.http_round_trips:.1f}), direct {statements.direct:.1f}"
        f" ({statements.direct_round_trips:.1f}), ledger {statements.ledger:.1f}"
        f" ({statements.ledger_round_trips:.1f})")
    table = Table(
        title=f"paysetu bench api: HTTP vs direct vs ledger ({result.server}, {clients} clients)",
        box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True, show_edge=False,
        caption=f"HTTP/direct >= {RATIO_TARGET:g}; HTTP p99 < {TAIL_TARGET:g}x p50; automatic:"
                f" ledger/direct <= {LEDGER_TARGET:g}, HTTP p50 <= {P50_TARGET_MS:g} ms at 1"
                " client; marketplace: orders (5 sellers) over HTTP / payments over HTTP"
                f" (direct/s column), >= {MARKETPLACE_RATIO_TARGET:g}."
                " CPU ms per op: client/server/PostgreSQL" + counted,
    )
    for column in ("workload", "clients", "HTTP/s", "p50 ms", "p99 ms", "direct/s", "ledger/s",
                   "HTTP/direct", "ledger/direct", "p99/p50", "CPU HTTP", "CPU direct",
                   "result"):
        table.add_column(column, justify="left" if column in ("workload", "result") else "right",
                         no_wrap=True)
    for row in result.rows:
        ledger_ratio = row.ledger_ratio
        table.add_row(
            row.workload,
            str(row.clients),
            f"{row.http.ops_per_s:,.0f}",
            f"{row.http.p50_ms:.1f}",
            f"{row.http.p99_ms:.1f}",
            f"{row.direct.ops_per_s:,.0f}",
            "-" if row.ledger is None else f"{row.ledger.ops_per_s:,.0f}",
            f"{row.ratio:.2f}",
            "-" if ledger_ratio is None else f"{ledger_ratio:.2f}",
            f"{row.tail_ratio:.1f}",
            _cpu_cell(row.http.cpu),
            _cpu_cell(row.direct.cpu),
            "[green]pass[/green]" if row.passed else "[red]miss[/red]",
        )
    return table
