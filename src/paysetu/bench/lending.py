"""``paysetu bench lending``: close of business over N active loans against one SQL statement.

For each size (default 10,000 and 100,000 active loans, and as many credit lines beside them
unless ``lines`` is off) the run:

1. creates a scratch database and writes the book into it set-based (:mod:`.lending_data`:
   loans, installments, repayments and their ledger entries, the credit lines with their draws
   and settled sales, the previous day closed);
2. closes the first day (:func:`paysetu.lending.usecases.loan_close_day.close_day`, wired by
   :func:`paysetu.bootstrap.build` as ``paysetu lending close-day`` is): it classifies the
   whole book for the first time (class changes, provisions, suspense);
3. closes the next day, the steady state measured: penal interest, the snapshot, one accrual
   entry per loan, classification, the day's provision and suspense entries, the write-back.
   Each close runs in a fresh spawned process, so its peak RSS is the close's own (issue 20:
   under 500 MB), not the bench's with its generator and its dictionaries of results;
4. measures the baseline, once warm: one set-based SQL statement computing the same days past
   due for the same loans;
5. checks: the days past due close of business stored equal the baseline's for every loan,
   and the ledger audit passes.

The ratio is close of business over the baseline (target at most 5x); scaling is the time
growth between the sizes per loan-count growth (1.0 linear; 100k within 10x of 10k is <= 1.0).
"""

from __future__ import annotations

import os
import platform
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import Any

import sqlalchemy as sa

from paysetu.bench.database import BenchDatabase, bench_database, scratch_database, wheel_pgbench
from paysetu.bench.lending_data import BenchBook, generate
from paysetu.bench.memory import RSS_TARGET_MB, in_fresh_process, peak_rss_kb
from paysetu.bench.results import growth_per_size
from paysetu.bootstrap import build
from paysetu.config import Settings
from paysetu.db.engine import create_engine
from paysetu.kernel.clock import FixedClock
from paysetu.lending.usecases import loan_close_day

RATIO_TARGET = 5.0
FIRST_DAY = date(2026, 6, 1)

BASELINE_SQL = """
SELECT l.id, CAST(:on AS date) - min(i.due_date) FILTER (WHERE i.due_date <= :on
        AND NOT i.fully_paid AND (i.principal_paid_minor < i.principal_minor
                                  OR i.interest_paid_minor < i.interest_minor)) AS dpd
FROM loans l JOIN loan_installments i ON i.loan_id = l.id
WHERE l.status = 'active' AND l.disbursed_on <= :on
GROUP BY l.id
"""
"""Days past due of every active loan (NULL: nothing overdue), as close of business finds it."""


@dataclass(frozen=True, slots=True)
class BenchConfig:
    """What to measure: loan counts (one scratch database each), and a server to use instead
    of a fresh embedded one."""

    sizes: tuple[int, ...] = (10_000, 100_000)
    database_url: str | None = None
    lines: bool = True
    """As many credit lines as loans, closed in the same run."""


QUICK = BenchConfig(sizes=(1_000,))
"""A smoke configuration for CI: one small size, every step."""


@dataclass(frozen=True, slots=True)
class Row:
    """One size's measurements."""

    loans: int
    generate_s: float
    first_day_s: float
    close_day_s: float
    baseline_s: float
    journal_entries: int
    classes: dict[str, int]
    dpd_match: bool
    audit_passed: bool
    first_day_peak_rss_mb: float
    close_day_peak_rss_mb: float
    """The peak resident memory of each close's own process."""
    lines: dict[str, int] = field(default_factory=dict)
    """Credit lines classified, out of order, NPA (the measured day's summary)."""

    @property
    def ratio(self) -> float:
        return self.close_day_s / self.baseline_s

    @property
    def loans_per_s(self) -> float:
        return self.loans / self.close_day_s

    @property
    def peak_rss_mb(self) -> float:
        """The larger of the two closes' peaks (the first day classifies the whole book)."""
        return max(self.first_day_peak_rss_mb, self.close_day_peak_rss_mb)

    @property
    def passed(self) -> bool:
        return (self.ratio <= RATIO_TARGET and self.peak_rss_mb < RSS_TARGET_MB
                and self.dpd_match and self.audit_passed)


@dataclass(slots=True)
class BenchResult:
    config: BenchConfig
    started_at: datetime
    server: str = ""
    server_settings: dict[str, str] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    environment: dict[str, str] = field(default_factory=dict)

    def scaling(self) -> float | None:
        """Time growth per loan-count growth between the first and last size (1.0: linear)."""
        if len(self.rows) < 2:
            return None
        first, last = self.rows[0], self.rows[-1]
        return growth_per_size(first.loans, first.close_day_s, last.loans, last.close_day_s)


Step = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class ClosedDay:
    """What one close's own process measured."""

    seconds: float
    peak_rss_mb: float
    summary: dict[str, Any]


def _close_in_process(url: str, day: date) -> ClosedDay:
    """Run in a spawned process: close ``day`` as ``paysetu lending close-day`` does; its
    time, this process's peak RSS and the close's summary."""
    now = datetime.combine(day, clock_time(21), UTC)
    runtime = build(Settings(database_url=url, db_pool_size=2), clock=FixedClock(now),
                    migrate_schema=False)
    try:
        started = time.perf_counter()
        with runtime.context.uow_factory() as uow:
            summary = loan_close_day.close_day(runtime.context, uow, day)
            uow.commit()
        seconds = time.perf_counter() - started
    finally:
        runtime.close()
    return ClosedDay(seconds, peak_rss_kb() / 1024, summary)


def _baseline(engine: sa.Engine, day: date) -> tuple[float, dict[str, int]]:
    with engine.connect() as connection:
        connection.execute(sa.text(BASELINE_SQL), {"on": day}).all()  # warm
        started = time.perf_counter()
        rows = connection.execute(sa.text(BASELINE_SQL), {"on": day}).all()
        seconds = time.perf_counter() - started
    return seconds, {str(r.id): int(r.dpd or 0) for r in rows}


def _measure(database: BenchDatabase, loans: int, lines: int, step: Step) -> Row:
    engine = create_engine(database.url, pool_size=1)
    try:
        step(f"{loans:,} loans: generating the book set-based")
        started = time.perf_counter()
        generate(engine, BenchBook(loans, FIRST_DAY, lines))
        generate_s = time.perf_counter() - started
        step(f"{loans:,} loans: closing {FIRST_DAY} in a fresh process (first classification)")
        first = in_fresh_process(_close_in_process, database.url, FIRST_DAY)
        day = FIRST_DAY + timedelta(days=1)
        step(f"{loans:,} loans: closing {day} in a fresh process (measured)")
        closed = in_fresh_process(_close_in_process, database.url, day)
        summary = closed.summary
        step(f"{loans:,} loans: baseline (one SQL statement for days past due)")
        baseline_s, expected = _baseline(engine, day)
        step(f"{loans:,} loans: checking days past due and auditing the ledger")
        with engine.connect() as connection:
            stored = {str(r.id): int(r.days_past_due) for r in connection.execute(sa.text(
                "SELECT id, days_past_due FROM loans WHERE status = 'active'"))}
        audit = build(Settings(database_url=database.url, db_pool_size=1),
                      migrate_schema=False)
        try:
            audit_passed = audit.ledger.audit().passed
        finally:
            audit.close()
    finally:
        engine.dispose()
    counts = {k: v for k, v in summary["credit_lines"].items() if k != "amounts"}
    return Row(loans, generate_s, first.seconds, closed.seconds, baseline_s,
               summary["journal_entries"], summary["classes"],
               stored == expected and len(stored) == loans, audit_passed, first.peak_rss_mb,
               closed.peak_rss_mb, counts)


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
                result.rows.append(_measure(database, size, size if config.lines else 0, step))
    return result


def _environment(config: BenchConfig) -> dict[str, str]:
    return {
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "server_origin": "given URL" if config.database_url else "fresh embedded server",
    }
