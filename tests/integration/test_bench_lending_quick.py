"""``paysetu bench lending`` end to end on a small book: the structure of what it reports.

Timings are not asserted (they belong to the machine); what is asserted is that every step
ran, that close of business stored the same days past due as the one-statement baseline for
every loan, and that the ledger audit passed afterwards.
"""

from __future__ import annotations

import pytest

from paysetu.bench.lending import BenchConfig, run
from paysetu.cli.bench_lending import result_json, result_table
from tests import conftest

pytestmark = pytest.mark.postgres


def test_a_small_bench_reports_every_measurement(databases: conftest.TestDatabases) -> None:
    config = BenchConfig(sizes=(300,), database_url=databases.url("postgres"))
    steps: list[str] = []
    result = run(config, steps.append)
    (row,) = result.rows
    assert row.loans == 300
    assert row.dpd_match
    assert row.audit_passed
    assert row.baseline_s > 0
    assert row.close_day_s > 0
    assert row.journal_entries >= 300 // 63  # accruals, 63 loans an entry, and the nets
    assert sum(row.classes.values()) == 300
    assert row.lines["lines"] == 300  # as many credit lines beside the loans
    assert 0 < row.lines["out_of_order"] < 300
    assert 0 < row.lines["npa"] < 300
    assert row.classes["standard"] > 0
    assert row.classes["substandard"] > 0
    assert row.ratio == row.close_day_s / row.baseline_s
    # each close's own process: a Python process that has built paysetu's runtime holds over 20 MB
    assert 20 < row.first_day_peak_rss_mb < 500
    assert 20 < row.close_day_peak_rss_mb < 500
    assert row.peak_rss_mb == max(row.first_day_peak_rss_mb, row.close_day_peak_rss_mb)
    assert result.scaling() is None
    assert result.server.startswith("PostgreSQL")
    assert any("baseline" in step for step in steps)
    document = result_json(result)
    assert document["benchmark"] == "lending"
    assert set(document["rows"][0]) >= {"loans", "close_day_s", "baseline_s", "ratio",
                                        "loans_per_s", "peak_rss_mb", "passed"}
    assert document["targets"]["peak_rss_mb_max"] == 500
    assert result_table(result).row_count == 1
