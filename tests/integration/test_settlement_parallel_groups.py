"""A settlement run with groups in parallel settles exactly what the sequential run settles.

Why: issue 20 lets a run settle ``workers`` groups of pairs at the same time, each in its own
transaction and connection. The same random day as the set-based differential test (automatic,
manual and escrow payments, refunds, raw entries of every kind, reserves, minimums, a merchant
without a payout account) is copied into a second database and settled over several dates with
groups of one pair, sequentially in one and by two workers in the other. The new ids differ
(they are drawn in whatever order the threads run), so the rows are compared by what they say:
every outcome, every batch's window and amounts, every line (the ledger's postings by id, the
batch's own by merchant and type), every account balance and the events by type.
"""

from __future__ import annotations

import itertools
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.db.engine import create_engine
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.settlement.usecases import settlement
from paysetu.settlement.usecases.policy import SettlementPolicy
from tests import conftest
from tests.integration.test_settlement_set_based_differential import DATES, START, _generate

pytestmark = pytest.mark.postgres

BATCH_COLUMNS = """merchant_id, currency, settlement_date, window_start, window_end, status,
    carry_reason, item_count, gross_minor, refunds_minor, fees_minor, adjustments_minor,
    carried_in_minor, reserve_held_minor, reserve_released_minor, loan_sweep_minor, net_minor,
    payout_minor, carried_forward_minor, reserve_release_at, payout_account_id,
    reserve_released_by IS NULL, payout_id IS NULL"""
QUERIES = {
    "batches": f"SELECT {BATCH_COLUMNS} FROM settlement_batches ORDER BY merchant_id, currency,"
               " window_end",
    "ledger lines": "SELECT i.posting_id, i.type, i.entry_id, i.source_id, i.gross_minor,"
                    " i.fee_minor, i.net_minor, i.occurred_at, b.merchant_id, b.window_end"
                    " FROM settlement_items i JOIN settlement_batches b ON b.id = i.batch_id"
                    " WHERE i.type NOT IN ('reserve_held', 'reserve_released', 'loan_sweep',"
                    " 'payout') ORDER BY i.posting_id",
    "own lines": "SELECT b.merchant_id, b.currency, b.window_end, i.type, i.gross_minor,"
                 " i.fee_minor, i.net_minor, i.occurred_at FROM settlement_items i"
                 " JOIN settlement_batches b ON b.id = i.batch_id"
                 " WHERE i.type IN ('reserve_held', 'reserve_released', 'loan_sweep', 'payout')"
                 " ORDER BY 1, 2, 3, 4, 7",
    "payouts": "SELECT p.merchant_id, p.amount_minor, p.currency, p.status, b.window_end"
               " FROM payouts p JOIN settlement_batches b ON b.id = p.batch_id ORDER BY 1, 3, 5",
    "balances": "SELECT id, debits_posted, credits_posted, debits_pending, credits_pending"
                " FROM ledger_accounts ORDER BY id",
    "events": "SELECT type, merchant_id, count(*) FROM events GROUP BY 1, 2 ORDER BY 1, 2",
    "entries": "SELECT count(*), sum(amount_minor) FROM ledger_postings",
}


class ThreadSafeIds:
    """Ids from a counter shared by the run's threads."""

    def __init__(self) -> None:
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()

    def new_id(self, prefix: str) -> str:
        with self._lock:
            return f"{prefix}_{next(self._numbers):026d}"


def _settle_all(url: str, clock_at: datetime, workers: int) -> list[Counter[tuple[Any, ...]]]:
    engine = create_engine(url, pool_size=2)
    clock = FixedClock(clock_at)
    policy = SettlementPolicy(pairs_per_transaction=1, workers=workers)
    context = AppContext(lambda: PostgresUnitOfWork(engine), clock, ThreadSafeIds(),
                         SystemSecrets(), settlement=policy)
    outcomes = []
    try:
        for day in DATES:
            clock.advance(datetime.combine(day, datetime.min.time(), UTC)
                          + timedelta(hours=20) - clock.now())
            outcomes.append(Counter((r.merchant_id, r.currency, r.outcome.value, r.net_minor,
                                     r.payout_minor, r.carried_forward_minor)
                                    for r in settlement.settle(context, day)))
    finally:
        engine.dispose()
    return outcomes


def _rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(url, pool_size=1)
    try:
        with engine.connect() as connection:
            return {name: [tuple(r) for r in connection.execute(sa.text(sql))]
                    for name, sql in QUERIES.items()}
    finally:
        engine.dispose()


@pytest.mark.parametrize("seed", [7, 2026])
def test_two_workers_settle_what_one_settles(
    seed: int, databases: conftest.TestDatabases
) -> None:
    first = databases.create()
    second = f"{first}_sequential"
    try:
        engine = create_engine(databases.url(first), pool_size=2)
        clock = FixedClock(START)
        context = AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(),
                             SystemSecrets())
        try:
            _generate(context, clock, seed)
        finally:
            engine.dispose()
        databases.admin(f"CREATE DATABASE {second} TEMPLATE {first}")
        parallel = _settle_all(databases.url(first), clock.now(), workers=2)
        sequential = _settle_all(databases.url(second), clock.now(), workers=1)
        assert parallel == sequential
        assert sum(n for run in parallel for o, n in run.items() if o[2] == "created") >= 6
        parallel_rows, sequential_rows = _rows(databases.url(first)), _rows(databases.url(second))
        assert len(parallel_rows["ledger lines"]) > 20
        for name in QUERIES:
            assert parallel_rows[name] == sequential_rows[name], name
    finally:
        databases.drop(second)
        databases.drop(first)
