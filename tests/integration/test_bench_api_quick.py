"""``paysetu bench api --quick`` runs end to end: server, clients, direct calls, audit, JSON.

Only the structure is asserted (every row, positive rates, ordered percentiles, a passing audit
whose payment count matches the clients'), never a speed: CI machines vary too much. The bench
gets a scratch database on the session's server instead of starting its own.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from paysetu.cli.app import app as cli
from tests import conftest


def test_quick_api_bench_reports_every_cell_and_a_clean_audit(
    databases: conftest.TestDatabases, tmp_path: Path
) -> None:
    output = tmp_path / "api.json"
    result = CliRunner().invoke(cli, ["bench", "api", "--quick", "--database-url",
                                      databases.url("postgres"), "--output", str(output)])
    assert result.exit_code == 0, result.output
    report = json.loads(output.read_text(encoding="utf-8"))
    assert report["benchmark"] == "api"
    cells = [(row["workload"], row["clients"]) for row in report["rows"]]
    assert cells == [("automatic", 1), ("automatic", 2), ("manual", 1), ("manual", 2)]
    for row in report["rows"]:
        channels = ("http", "direct", "ledger") if row["workload"] == "automatic" else (
            "http", "direct")
        for channel in channels:
            measured = row[channel]
            assert measured["ops_per_s"] > 0, row
            assert measured["ops"] > 0, row
            assert 0 < measured["p50_ms"] <= measured["p99_ms"], row
            assert measured["cpu_per_op"]["client_ms"] > 0, row
        assert row["ratio"] > 0
        assert (row["ledger"] is None) == (row["workload"] == "manual"), row
        assert isinstance(row["passed"], bool)
    counted = report["statements_per_op"]
    # A payment is more than one ledger call, and HTTP adds the key and the idempotency record.
    assert counted["http"] > counted["direct"] > counted["ledger"] >= 1, counted
    trips = report["round_trips_per_op"]
    assert trips["http"] > trips["direct"] > trips["ledger"] >= 1, trips
    assert all(trips[channel] <= counted[channel] for channel in trips), (trips, counted)
    # BEGIN with the reads, the writes with the ledger call, the COMMIT (paysetu.db.deferred)
    assert trips["direct"] <= 3, trips
    audit = report["audit"]
    assert audit["passed"], audit
    assert audit["payments_match"], audit
    assert audit["payments"] > 0
    assert "HTTP/direct" in result.output
    assert "audit passed" in result.output
    assert "stdlib" in result.output  # the HTTP clients' library, in the table's title
