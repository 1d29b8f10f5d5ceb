"""The settlement run's window-item statement against the one it replaced, on the same data.

Why: issue 20 rewrote the statement that reads a group's windows, classifies every posting by
its entry's kind and inserts the lines (entries now looked up once per group through one sorted
index scan, lines inserted in key order). :data:`REFERENCE_ITEMS` is the statement as it was;
each random day below is generated once through the product's services plus raw ledger entries
of every kind a window can hold, copied into a second database (``CREATE DATABASE ... TEMPLATE``),
and settled over several dates in both, with the new statement in one and the reference in the
other, with the same ids and clock. Everything both runs wrote must be equal row for row:
batches, lines, payouts, reserve releases, every ledger entry and posting, account balances and
events.
"""

from __future__ import annotations

import contextlib
import itertools
import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from functools import partial
from typing import Any

import pytest
import sqlalchemy as sa

from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.db.engine import create_engine
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.rules.entries import Direction, NewEntry, Posting
from paysetu.ledger.rules.errors import EntryRejected
from paysetu.payments.usecases import escrow, payments
from paysetu.settlement.stores import settlement_run_store
from paysetu.settlement.usecases import settlement
from paysetu.settlement.usecases.policy import SettlementPolicy
from tests import conftest
from tests.integration import settlement_builders as build

pytestmark = pytest.mark.postgres

REFERENCE_ITEMS = f"""
WITH w AS (SELECT * FROM {settlement_run_store._WINDOWS}),
moves AS (
    SELECT w.batch_id, m.posting_id, m.entry_id, m.created_at, m.net, m.fee
    FROM w CROSS JOIN LATERAL (
        SELECT x.* FROM (
            SELECT p.id AS posting_id, p.account_id, p.entry_id, p.created_at,
                   {settlement_run_store._SIGNED} AS net,
                   sum(p.amount_minor) FILTER (
                       WHERE p.account_id = w.fee_account AND p.direction = 'credit')
                       OVER (PARTITION BY p.entry_id) AS fee
            FROM ledger_postings p
            WHERE p.account_id = ANY(ARRAY[w.account_id, w.fee_account])
              AND p.created_at >= w.window_start AND p.created_at < w.window_end
              AND NOT p.pending) x
        WHERE x.account_id = w.account_id
        OFFSET 0) m
),
classified AS (
    SELECT m.*, e.kind, e.source_id
    FROM moves m CROSS JOIN LATERAL (
        SELECT e.metadata->>'kind' AS kind,
               coalesce(e.metadata->>'refund', e.metadata->>'payment') AS source_id
        FROM ledger_entries e WHERE e.id = m.entry_id LIMIT 1) e
    WHERE coalesce(e.kind, '') NOT LIKE :settlement_kinds
),
inserted AS (
    INSERT INTO settlement_items (batch_id, posting_id, type, entry_id, source_id, gross_minor,
                                  fee_minor, net_minor, occurred_at)
    SELECT c.batch_id, c.posting_id, t.type, c.entry_id, c.source_id, c.net + t.fee, t.fee,
           c.net, c.created_at
    FROM classified c
    CROSS JOIN LATERAL (SELECT
        CASE WHEN c.kind IN ('payment', 'capture') AND c.net > 0 THEN 'payment'
             WHEN c.kind = 'escrow_release' AND c.net > 0 THEN 'escrow_release'
             WHEN c.kind = 'refund' AND c.net < 0 THEN 'refund'
             WHEN c.kind = 'fee' AND c.net < 0 THEN 'fee'
             ELSE 'adjustment' END AS type,
        CASE WHEN c.kind = 'payment' AND c.net > 0 THEN coalesce(c.fee, 0)
             WHEN c.kind = 'fee' AND c.net < 0 THEN -c.net
             ELSE 0 END AS fee) t
    RETURNING batch_id, type, gross_minor, fee_minor, net_minor
)
SELECT batch_id, count(*) AS item_count,
       coalesce(sum(gross_minor) FILTER (WHERE type IN ('payment', 'escrow_release')), 0)
           AS gross_minor,
       coalesce(-sum(net_minor) FILTER (WHERE type = 'refund'), 0) AS refunds_minor,
       coalesce(sum(fee_minor), 0) AS fees_minor,
       coalesce(sum(net_minor) FILTER (WHERE type = 'adjustment'), 0) AS adjustments_minor
FROM inserted GROUP BY batch_id
"""
"""The window-item statement before issue 20 (commit 41ac2bd), the reference."""

RAW_KINDS = ("payment", "capture", "refund", "fee", "escrow_release", "fx_conversion", None)
"""Kinds of the raw entries: each class of line, in both signs, and an entry without a kind."""
START = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)
DATES = (date(2026, 4, 2), date(2026, 4, 3), date(2026, 4, 4), date(2026, 4, 6))
TABLES = {
    "settlement_batches": "id",
    "settlement_items": "batch_id, posting_id",
    "payouts": "id",
    "ledger_entries": "id",
    "ledger_postings": "id",
    "ledger_accounts": "id",
    "merchant_accounts": "merchant_id, currency, purpose",
    "events": "id",
}


class CountingIds:
    """Ids from a counter, so two runs from the same state name everything alike."""

    def __init__(self) -> None:
        self._numbers = itertools.count(1)

    def new_id(self, prefix: str) -> str:
        return f"{prefix}_{next(self._numbers):026d}"


def _raw_entry(rng: random.Random, merchant_id: str, currency: str, n: int) -> NewEntry:
    """A movement of the available balance against the fee account, of a random kind; mostly
    credits (a debit the available balance cannot cover is refused and skipped)."""
    available = f"acct_{merchant_id}_{currency}_available"
    fees = f"acct_{merchant_id}_{currency}_fees"
    credit = rng.random() < 0.7
    amount = rng.randint(1, 5_000) if credit else rng.randint(1, 300)
    kind = rng.choice(RAW_KINDS)
    meta = {} if kind is None else {"kind": kind, "payment": f"pay_raw{n}"}
    debit_account, credit_account = (fees, available) if credit else (available, fees)
    return NewEntry(f"je_raw_{n}", (
        Posting(debit_account, Direction.DEBIT, amount, currency),
        Posting(credit_account, Direction.CREDIT, amount, currency),
    ), meta)


def _apply_raw(context: AppContext, clock: FixedClock, entry: NewEntry) -> None:
    with contextlib.suppress(EntryRejected):  # a debit the balance cannot cover
        build.run(context, lambda uow: uow.ledger.apply([entry], clock.now()))


def _merchants(context: AppContext, rng: random.Random) -> list[tuple[str, str]]:
    """Merchants with varied terms: reserves, minimums, a cutoff, one without a payout account."""
    found = []
    for n, currency in enumerate(("INR", "INR", "EUR", "JPY", "INR", "EUR")):
        merchant_id = build.merchant(context, currency, rng.choice((0, 150, 200, 290)))
        build.schedule(
            context, merchant_id, delay_days=rng.choice((0, 1)),
            cutoff_local=rng.choice(("00:00", "18:00")),
            time_zone=rng.choice(("UTC", "Asia/Kolkata")),
            reserve_bps=rng.choice((0, 500)), reserve_release_days=2,
            payout_minimums={currency: rng.choice((0, 20_000))})
        if n != 4:
            if currency == "INR":
                build.indian_account(context, merchant_id)
            else:
                build.iban_account(context, merchant_id, currency)
        found.append((merchant_id, currency))
    return found


def _generate(context: AppContext, clock: FixedClock, seed: int) -> None:
    """Three days of payments (automatic, manual, escrow), refunds and raw entries."""
    rng = random.Random(seed)
    merchants = _merchants(context, rng)
    wallets = {c: build.payer(context, c, 150_000_00 if c == "INR" else 10**9)
               for c in ("INR", "EUR", "JPY")}
    captured: list[tuple[str, int]] = []
    for n in range(70):
        clock.advance(timedelta(minutes=rng.randint(20, 120)))
        merchant_id, currency = rng.choice(merchants)
        action = rng.choice(("automatic", "automatic", "manual", "escrow", "refund", "raw"))
        if action == "refund" and captured:
            payment_id, paid = rng.choice(captured)
            build.refund(context, payment_id, rng.randint(1, max(1, paid // 3)))
        elif action == "raw":
            _apply_raw(context, clock, _raw_entry(rng, merchant_id, currency, n))
        elif action != "refund":
            amount = rng.randint(100, 90_000)
            payment_id = str(build.pay(
                context, merchant_id, wallets[currency], amount, currency,
                capture_method="manual" if action == "manual" else "automatic",
                escrow=action == "escrow")["id"])
            if action == "manual":
                build.run(context, partial(payments.capture_payment, context,
                                           caller=build.PLATFORM, payment_id=payment_id,
                                           amount_minor=None))
            if action == "escrow":
                build.run(context, partial(escrow.release_escrow, context,
                                           caller=build.PLATFORM, payment_id=payment_id))
            else:
                captured.append((payment_id, amount))


def _settle_all(url: str, clock_at: datetime) -> list[list[Any]]:
    """Settle every date of :data:`DATES` (small groups) and return the outcomes."""
    engine = create_engine(url, pool_size=2)
    clock = FixedClock(clock_at)
    context = AppContext(lambda: PostgresUnitOfWork(engine), clock, CountingIds(),
                         SystemSecrets(), settlement=SettlementPolicy(pairs_per_transaction=4))
    outcomes = []
    try:
        for day in DATES:
            clock.advance(datetime.combine(day, datetime.min.time(), UTC)
                          + timedelta(hours=20) - clock.now())
            outcomes.append([(r.merchant_id, r.currency, r.outcome.value, r.batch_id,
                              r.net_minor, r.payout_minor)
                             for r in settlement.settle(context, day)])
    finally:
        engine.dispose()
    return outcomes


def _rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(url, pool_size=1)
    try:
        with engine.connect() as connection:
            return {table: [tuple(r) for r in connection.execute(
                        sa.text(f"SELECT * FROM {table} ORDER BY {order}"))]
                    for table, order in TABLES.items()}
    finally:
        engine.dispose()


@pytest.fixture
def copies(databases: conftest.TestDatabases) -> Iterator[tuple[str, str]]:
    """An empty migrated database, and a name for its copy (dropped after the test)."""
    first = databases.create()
    second = f"{first}_reference"
    try:
        yield first, second
    finally:
        databases.drop(second)
        databases.drop(first)


@pytest.mark.parametrize("seed", [20, 2026])
def test_the_set_based_items_equal_the_reference_entry_for_entry(
    seed: int, databases: conftest.TestDatabases, copies: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = copies
    engine = create_engine(databases.url(first), pool_size=2)
    clock = FixedClock(START)
    context = AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())
    try:
        _generate(context, clock, seed)
    finally:
        engine.dispose()
    databases.admin(f"CREATE DATABASE {second} TEMPLATE {first}")
    new_outcomes = _settle_all(databases.url(first), clock.now())
    monkeypatch.setattr(settlement_run_store, "_INSERT_WINDOW_ITEMS", REFERENCE_ITEMS)
    reference_outcomes = _settle_all(databases.url(second), clock.now())
    assert new_outcomes == reference_outcomes
    created = [o for run in new_outcomes for o in run if o[2] == "created"]
    assert len(created) >= 6  # the data settles into real batches, not only empty windows
    new_rows, reference_rows = _rows(databases.url(first)), _rows(databases.url(second))
    assert sum(len(rows) for rows in new_rows.values()) > 200
    for table in TABLES:
        assert new_rows[table] == reference_rows[table], table
