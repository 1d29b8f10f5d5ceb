"""``paysetu bench api --quick --workload marketplace``: orders across five sellers against
single-merchant payments, both over HTTP in one run, with a clean audit.

Only the structure is asserted (rows, positive rates, the ratio and its target), never a speed.
This run's HTTP clients use httpx (``--http-client httpx``), the other quick run's the standard
library's connection: both of the bench's client libraries stay in every CI run.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from paysetu.cli.app import app as cli
from tests import conftest


def test_quick_marketplace_bench_compares_orders_with_payments(
    databases: conftest.TestDatabases, tmp_path: Path
) -> None:
    output = tmp_path / "api.json"
    result = CliRunner().invoke(cli, [
        "bench", "api", "--quick", "--workload", "marketplace", "--http-client", "httpx",
        "--database-url",
        databases.url("postgres"), "--output", str(output)])
    assert result.exit_code == 0, result.output
    report = json.loads(output.read_text(encoding="utf-8"))
    assert [(r["workload"], r["clients"], r["baseline"]) for r in report["rows"]] == [
        ("marketplace", 1, "payments"), ("marketplace", 2, "payments")]
    for row in report["rows"]:
        assert row["http"]["ops"] > 0
        assert row["direct"]["ops"] > 0
        assert row["ratio"] > 0
        assert row["ratio_target"] == 0.5
    assert report["audit"]["passed"], report["audit"]
    assert report["audit"]["payments_match"], report["audit"]
    assert "marketplace" in result.output
    assert "httpx" in result.output
