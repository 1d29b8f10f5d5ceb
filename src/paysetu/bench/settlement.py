"""``paysetu bench settlement``: settlement wall time and memory against a raw SQL GROUP BY.

For each size (default 100,000 and 1,000,000 captured payments, 5% of them half refunded,
across 1,000 merchants and 5 currencies) the run:

1. creates a scratch database and writes one day of payments into it set-based
   (:mod:`.settlement_data`: payments, refunds and their ledger entries, as the product books
   them), then audits nothing yet and measures nothing of it but its time;
2. measures the baselines, each once warm: the raw SQL GROUP BY of the same ledger postings
   per merchant and currency (the net a batch must find), and the same GROUP BY classified by
   entry kind (gross, refunds, fees: what a batch reports);
3. runs ``settle`` for the day in a fresh process (spawned, so its peak RSS is settlement's
   own), wired by :func:`paysetu.bootstrap.build` exactly as ``paysetu settle`` is;
4. checks the result: every pair has a batch whose net equals the baseline's, and the ledger
   audit passes.

The headline ratio is settlement time over the classifying baseline's; issue 20's target is at
most 2x (settlement also writes one item per posting, the batches, payouts, ledger entries and
events, and proves every batch against a second read of the ledger). The run's chunks (its
transactions, ``pairs_per_transaction`` pairs each) are counted. Time scaling is reported
between sizes.
"""

from __future__ import annotations

import os
import platform
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from paysetu.bench.database import BenchDatabase, bench_database, scratch_database, wheel_pgbench
from paysetu.bench.memory import RSS_TARGET_MB, in_fresh_process, peak_rss_kb
from paysetu.bench.results import growth_per_size
from paysetu.bench.settlement_data import CURRENCIES, BenchDay, generate
from paysetu.bootstrap import build
from paysetu.config import Settings
from paysetu.db.engine import create_engine
from paysetu.kernel.clock import FixedClock
from paysetu.settlement.rules.records import RunOutcome
from paysetu.settlement.usecases import settlement

RATIO_TARGET = 2.0
"""Issue 20: settlement at most 2x the classifying SQL baseline."""
SETTLEMENT_DATE = date(2026, 3, 2)
"""The day settled; the payments are made on the day before (default schedule: T+1)."""

BASELINE_SQL = """
SELECT ma.merchant_id, p.currency,
       sum(CASE p.direction WHEN 'credit' THEN p.amount_minor ELSE -p.amount_minor END) AS net,
       count(*) AS postings
FROM ledger_postings p
JOIN merchant_accounts ma ON ma.account_id = p.account_id AND ma.purpose = 'available'
WHERE NOT p.pending AND p.created_at < :window_end
GROUP BY ma.merchant_id, p.currency
"""
"""The net per merchant and currency: the same postings a settlement reads, summed."""

CLASSIFIED_SQL = """
SELECT ma.merchant_id, p.currency, e.metadata->>'kind' AS kind,
       sum(CASE p.direction WHEN 'credit' THEN p.amount_minor ELSE -p.amount_minor END) AS net,
       sum(f.amount_minor) AS fees, count(*) AS postings
FROM ledger_postings p
JOIN merchant_accounts ma ON ma.account_id = p.account_id AND ma.purpose = 'available'
JOIN ledger_entries e ON e.id = p.entry_id
LEFT JOIN merchant_accounts fa ON fa.merchant_id = ma.merchant_id AND fa.currency = ma.currency
     AND fa.purpose = 'fees'
LEFT JOIN ledger_postings f ON f.entry_id = p.entry_id AND f.account_id = fa.account_id
WHERE NOT p.pending AND p.created_at < :window_end
GROUP BY ma.merchant_id, p.currency, e.metadata->>'kind'
"""
"""The same rows split by entry kind with each payment's fee: a batch's gross, refunds, fees."""


@dataclass(frozen=True, slots=True)
class BenchConfig:
    """What to measure.

    Attributes:
        sizes: Payment counts, one scratch database each (the last is the headline).
        merchants: Merchants the payments are spread over (each in every currency).
        customers: Payers, each with a wallet per currency.
        database_url: Use this server instead of a fresh embedded one.
    """

    sizes: tuple[int, ...] = (100_000, 1_000_000)
    merchants: int = 1_000
    customers: int = 1_000
    database_url: str | None = None


QUICK = BenchConfig(sizes=(20_000,), merchants=100, customers=200)
"""A smoke configuration for CI: one small size, every step."""


@dataclass(frozen=True, slots=True)
class SettleRun:
    """What the spawned settlement process measured and found."""

    seconds: float
    peak_rss_mb: float
    groups: int
    outcomes: dict[str, int]
    nets: dict[tuple[str, str], int]


@dataclass(frozen=True, slots=True)
class Row:
    """One size's measurements."""

    payments: int
    postings: int
    generate_s: float
    baseline_s: float
    classified_s: float
    settle_s: float
    peak_rss_mb: float
    groups: int
    batches: int
    items: int
    payouts: int
    nets_match: bool
    audit_passed: bool

    @property
    def ratio(self) -> float:
        return self.settle_s / self.baseline_s

    @property
    def classified_ratio(self) -> float:
        return self.settle_s / self.classified_s

    @property
    def passed(self) -> bool:
        return (self.classified_ratio <= RATIO_TARGET and self.peak_rss_mb < RSS_TARGET_MB
                and self.nets_match and self.audit_passed)


@dataclass(slots=True)
class BenchResult:
    config: BenchConfig
    started_at: datetime
    server: str = ""
    server_settings: dict[str, str] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    environment: dict[str, str] = field(default_factory=dict)

    def scaling(self) -> float | None:
        """Time growth per payment-count growth between the first and last size (1.0: linear)."""
        if len(self.rows) < 2:
            return None
        first, last = self.rows[0], self.rows[-1]
        return growth_per_size(first.payments, first.settle_s, last.payments, last.settle_s)


Step = Callable[[str], None]


def _settle_in_process(url: str, day: date, now: datetime) -> SettleRun:
    """Run in a spawned process: settle ``day`` and report time, peak RSS and the nets."""
    runtime = build(Settings(database_url=url, db_pool_size=2), clock=FixedClock(now),
                    migrate_schema=False)
    try:
        started = time.perf_counter()
        groups = list(settlement.settle_groups(runtime.context, day))
        seconds = time.perf_counter() - started
    finally:
        runtime.close()
    peak_kb = peak_rss_kb()
    results = [result for group in groups for result in group]
    outcomes: dict[str, int] = {}
    for r in results:
        outcomes[r.outcome.value] = outcomes.get(r.outcome.value, 0) + 1
    nets = {(r.merchant_id, r.currency): r.net_minor for r in results
            if r.outcome is RunOutcome.CREATED}
    return SettleRun(seconds, peak_kb / 1024, len(groups), outcomes, nets)


def _timed(
    engine: sa.Engine, sql: str, params: dict[str, object]
) -> tuple[float, list[sa.Row[Any]]]:
    with engine.connect() as connection:
        connection.execute(sa.text(sql), params).all()  # warm
        started = time.perf_counter()
        rows = list(connection.execute(sa.text(sql), params).all())
        return time.perf_counter() - started, rows


def _measure(database: BenchDatabase, payments: int, config: BenchConfig, step: Step) -> Row:
    day_start = datetime.combine(SETTLEMENT_DATE - timedelta(days=1), datetime.min.time(), UTC)
    window_end = day_start + timedelta(days=1)
    engine = create_engine(database.url, pool_size=1)
    try:
        step(f"{payments:,} payments: generating set-based")
        started = time.perf_counter()
        generate(engine, BenchDay(payments, config.merchants, config.customers, day_start))
        generate_s = time.perf_counter() - started
        step(f"{payments:,} payments: baselines (raw SQL GROUP BY)")
        baseline_s, base_rows = _timed(engine, BASELINE_SQL, {"window_end": window_end})
        classified_s, _ = _timed(engine, CLASSIFIED_SQL, {"window_end": window_end})
        step(f"{payments:,} payments: settle {SETTLEMENT_DATE} in a fresh process")
        now = window_end + timedelta(hours=6)
        run = in_fresh_process(_settle_in_process, database.url, SETTLEMENT_DATE, now)
        step(f"{payments:,} payments: checking nets and auditing the ledger")
        expected = {(r.merchant_id, r.currency.strip()): int(r.net) for r in base_rows}
        with engine.connect() as connection:
            counts = connection.execute(sa.text(
                "SELECT (SELECT count(*) FROM settlement_batches) AS batches,"
                " (SELECT count(*) FROM settlement_items) AS items,"
                " (SELECT count(*) FROM payouts) AS payouts,"
                " (SELECT count(*) FROM ledger_postings) AS postings")).one()
        audit = build(Settings(database_url=database.url, db_pool_size=1),
                      migrate_schema=False)
        try:
            audit_passed = audit.ledger.audit().passed
        finally:
            audit.close()
    finally:
        engine.dispose()
    return Row(payments, counts.postings, generate_s, baseline_s, classified_s, run.seconds,
               run.peak_rss_mb, run.groups, counts.batches, counts.items, counts.payouts,
               run.nets == expected and len(expected) == config.merchants * len(CURRENCIES),
               audit_passed)


def run(config: BenchConfig, step: Step) -> BenchResult:
    """Measure every size; ``step`` is told what happens next."""
    result = BenchResult(config, datetime.now(UTC), environment=_environment(config))
    step("starting PostgreSQL")
    with bench_database(config.database_url, None) as first:
        result.server, result.server_settings = first.server, first.settings
        for index, size in enumerate(config.sizes):
            with ExitStack() as stack:
                database = first if index == 0 else stack.enter_context(
                    scratch_database(first.url, wheel_pgbench()))
                result.rows.append(_measure(database, size, config, step))
    return result


def _environment(config: BenchConfig) -> dict[str, str]:
    return {
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "server_origin": "given URL" if config.database_url else "fresh embedded server",
    }
