"""``paysetu bench settlement`` end to end on a small day: the structure of what it reports.

Timings are not asserted (they belong to the machine); what is asserted is that every step ran,
that settlement found the same net as the raw SQL for every merchant and currency, and that the
ledger audit passed afterwards.
"""

from __future__ import annotations

import pytest

from paysetu.bench.settlement import BenchConfig, run
from paysetu.bench.settlement_data import CURRENCIES, REFUND_EVERY
from paysetu.cli.bench_settlement import result_json, result_table
from tests import conftest

pytestmark = pytest.mark.postgres


def test_a_small_bench_reports_every_measurement(databases: conftest.TestDatabases) -> None:
    config = BenchConfig(sizes=(4_000,), merchants=20, customers=50,
                         database_url=databases.url("postgres"))
    steps: list[str] = []
    result = run(config, steps.append)
    (row,) = result.rows
    refunds = 4_000 // REFUND_EVERY
    assert row.payments == 4_000
    assert row.batches == row.payouts == 20 * len(CURRENCIES)
    assert row.items == 4_000 + refunds + row.payouts  # every posting, then every payout
    assert row.nets_match
    assert row.audit_passed
    assert row.baseline_s > 0
    assert row.classified_s > 0
    assert row.settle_s > 0
    assert 0 < row.peak_rss_mb < 1_000
    assert row.groups == 1  # 100 pairs, one chunk of pairs_per_transaction (500)
    assert row.ratio == row.settle_s / row.baseline_s
    assert result.scaling() is None
    assert result.server.startswith("PostgreSQL")
    assert any("settle" in step for step in steps)
    document = result_json(result)
    assert document["benchmark"] == "settlement"
    assert set(document["rows"][0]) >= {"payments", "settle_s", "baseline_s", "ratio",
                                        "peak_rss_mb", "passed"}
    assert result_table(result).row_count == 1
