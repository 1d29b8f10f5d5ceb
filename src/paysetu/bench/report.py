"""A bench result as a rich table for people and as JSON for machines (CI, trend graphs).

The JSON keeps every number the table shows plus the configuration and the server's settings,
so two files can be compared without rerunning anything.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.table import Table

from paysetu.bench.ledger import BenchResult, PgbenchCpu, Row
from paysetu.bench.results import write_document


def result_json(result: BenchResult) -> dict[str, Any]:
    config = asdict(result.config)
    config["pgbench"] = str(config["pgbench"]) if config["pgbench"] else None
    config["database_url"] = "given" if config["database_url"] else None
    audit = result.audit
    return {
        "benchmark": "ledger",
        "started_at": result.started_at.isoformat(),
        "config": config,
        "environment": result.environment,
        "server": {"version": result.server, "settings": result.server_settings},
        "pgbench": [
            {
                "script": "tpcb-like",
                "clients": clients,
                "tps": round(tps, 1),
                **_cpu_json(result.pgbench_cpu.get(clients)),
            }
            for clients, tps in result.pgbench_tps.items()
        ],
        "rows": [_row_json(row) for row in result.rows],
        "audit": None
        if audit is None
        else {
            "passed": audit.passed,
            "findings": audit.findings,
            "accounts": audit.accounts,
            "entries": audit.entries,
            "entries_expected": audit.entries_expected,
            "entries_match": audit.entries_match,
        },
        "profiles": [str(path) for path in result.profiles],
    }


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _cpu_json(cpu: PgbenchCpu | None) -> dict[str, Any]:
    if cpu is None:
        return {}
    return {"client_cpu_ms": _ms(cpu.client_cpu_ms), "server_cpu_ms": _ms(cpu.server_cpu_ms)}


def _row_json(row: Row) -> dict[str, Any]:
    return {
        "workload": row.workload,
        "clients": row.clients,
        "ops_per_s": round(row.ops_per_s, 1),
        "pgbench_tps": round(row.pgbench_tps, 1),
        "baseline": row.baseline,
        "ratio": round(row.ratio, 3),
        "target": row.target,
        "passed": row.passed,
        "client_cpu_ms": _ms(row.client_cpu_ms),
        "server_cpu_ms": _ms(row.server_cpu_ms),
    }


def write_json(result: BenchResult, path: Path) -> None:
    write_document(result_json(result), path)


def _shown(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def result_table(result: BenchResult) -> Table:
    workers = result.environment.get("worker_model", "?")
    table = Table(
        title=f"paysetu bench ledger: {result.server}, {workers} workers",
        caption=f"ops/s: ledger transfers; pgbench: tpcb-like tps, same server, same clients;"
        f" a ledger client is one {workers} with one connection; client/server ms: CPU"
        f" milliseconds per transfer (pgbench: per transaction, server = all its processes)",
    )
    columns = (
        "workload",
        "clients",
        "ops/s",
        "pgbench",
        "ratio",
        "target",
        "result",
        "client ms",
        "server ms",
    )
    for column in columns:
        table.add_column(
            column, justify="left" if column in ("workload", "result") else "right", no_wrap=True
        )
    for row in result.rows:
        table.add_row(
            row.workload,
            str(row.clients),
            f"{row.ops_per_s:,.0f}",
            f"{row.pgbench_tps:,.0f}",
            f"{row.ratio:.2f}x",
            f">={row.target:g}x {row.baseline}",
            "[green]pass[/green]" if row.passed else "[red]miss[/red]",
            _shown(row.client_cpu_ms),
            _shown(row.server_cpu_ms),
        )
    for clients, cpu in result.pgbench_cpu.items():
        table.add_row(
            "pgbench",
            str(clients),
            f"{result.pgbench_tps[clients]:,.0f}",
            "",
            "",
            "",
            "",
            _shown(cpu.client_cpu_ms),
            _shown(cpu.server_cpu_ms),
        )
    return table
