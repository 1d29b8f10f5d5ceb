"""``paysetu bench ledger --quick`` runs end to end and reports a complete, audited result.

Only the shape is asserted: every workload has a row with a positive rate and the ledger audits
clean afterwards. Speed is never asserted here; machines (and CI neighbours) differ.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from paysetu.bench.ledger import QUICK
from paysetu.cli.bench import app
from tests import conftest

pytestmark = pytest.mark.postgres


def test_quick_bench_reports_every_workload_and_audits_clean(
    databases: conftest.TestDatabases, tmp_path: Path
) -> None:
    output = tmp_path / "ledger.json"
    arguments = [
        "ledger",
        "--quick",
        "--database-url",
        databases.url("postgres"),
        "--output",
        str(output),
    ]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    report = json.loads(output.read_text(encoding="utf-8"))

    expected = {(workload, clients) for clients in QUICK.clients for workload in ("uniform", "hot")}
    expected |= {(f"batch {size}", 1) for size in QUICK.batch_sizes}
    assert {(row["workload"], row["clients"]) for row in report["rows"]} == expected
    assert all(row["ops_per_s"] > 0 and row["pgbench_tps"] > 0 for row in report["rows"])
    assert [p["clients"] for p in report["pgbench"]] == list(QUICK.clients)
    audit = report["audit"]
    assert (audit["passed"], audit["findings"], audit["entries_match"]) == (True, 0, True)
    # CPU per transfer, measured on each side separately (the test server runs on this machine)
    assert all(row["client_cpu_ms"] > 0 and row["server_cpu_ms"] > 0 for row in report["rows"])
    assert all(p["client_cpu_ms"] > 0 and p["server_cpu_ms"] > 0 for p in report["pgbench"])
