"""Settlement runs on real PostgreSQL: a generated day, idempotent reruns, carry-forward, reserve.

The day is generated through the product's own services (automatic and manual captures, escrow
releases, partial refunds) across merchants in several time zones and currencies, while the
test keeps its own ledger of what each operation did to each merchant. The expected batch of
every merchant and currency is computed from that record, with the window placed by the test
itself (zoneinfo), and compared with what ``paysetu settle`` produced.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.invariants import InvariantViolation
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.rules.entries import Direction, NewEntry, Posting
from paysetu.payments.usecases import escrow, payments
from paysetu.settlement.rules.records import BatchResult, RunOutcome, reserve_account
from paysetu.settlement.rules.settlement import BatchStatus, CarryReason
from paysetu.settlement.usecases import settlement
from tests.integration import settlement_builders as build

pytestmark = pytest.mark.postgres
DAY = date(2026, 4, 1)


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets())


@dataclass(frozen=True)
class Terms:
    currency: str
    fee_bps: int
    time_zone: str
    cutoff: time
    delay_days: int

    def window_end(self, day: date) -> datetime:
        """The first cutoff after business day ``day - delay_days`` begins."""
        start = datetime.combine(day - timedelta(days=self.delay_days), time(0),
                                 tzinfo=ZoneInfo(self.time_zone))
        end = start.replace(hour=self.cutoff.hour, minute=self.cutoff.minute)
        return (end if end > start else end + timedelta(days=1)).astimezone(UTC)


@dataclass
class Expected:
    gross: int = 0
    fees: int = 0
    refunds: int = 0
    items: int = 0

    @property
    def net(self) -> int:
        return self.gross - self.fees - self.refunds


TERMS = (
    Terms("INR", 200, "UTC", time(0, 0), 1),
    Terms("INR", 150, "Asia/Kolkata", time(18, 0), 2),
    Terms("EUR", 100, "Europe/Berlin", time(6, 0), 1),
    Terms("JPY", 250, "America/New_York", time(23, 0), 2),
)


def _generate_day(
    context: AppContext, clock: FixedClock, merchants: list[tuple[str, Terms]], seed: int
) -> dict[tuple[str, str], list[tuple[datetime, Expected]]]:
    """Payments, captures, escrow releases and refunds over DAY; what each did, by time."""
    rng = random.Random(seed)
    wallets = {c: build.payer(context, c, 10**9 if c != "INR" else 150_000_00)
               for c in ("INR", "EUR", "JPY")}
    record: dict[tuple[str, str], list[tuple[datetime, Expected]]] = defaultdict(list)
    captured: list[tuple[str, str, Terms, int]] = []
    for _ in range(60):
        clock.advance(timedelta(minutes=rng.randint(5, 40)))
        merchant_id, terms = rng.choice(merchants)
        amount = rng.randint(100, 90_000)
        fee = (amount * terms.fee_bps + 5_000) // 10_000
        kind = rng.choice(("automatic", "automatic", "manual", "escrow", "refund"))
        key, now = (merchant_id, terms.currency), clock.now()
        if kind == "refund" and captured:
            payment_id, m, t, amount_paid = rng.choice(captured)
            part = rng.randint(1, amount_paid // 2)
            build.refund(context, payment_id, part)
            record[(m, t.currency)].append((now, Expected(refunds=part, items=1)))
            continue
        payment_id = str(build.pay(
            context, merchant_id, wallets[terms.currency], amount, terms.currency,
            capture_method="manual" if kind == "manual" else "automatic",
            escrow=kind == "escrow")["id"])
        if kind == "manual":
            build.run(context, partial(payments.capture_payment, context, caller=build.PLATFORM,
                                       payment_id=payment_id, amount_minor=None))
            record[key].append((now, Expected(gross=amount, fees=fee, items=2)))
        elif kind == "escrow":
            build.run(context, partial(escrow.release_escrow, context, caller=build.PLATFORM,
                                       payment_id=payment_id))
            record[key].append((now, Expected(gross=amount - fee, items=1)))
        else:
            record[key].append((now, Expected(gross=amount, fees=fee, items=1)))
        if kind != "escrow":
            captured.append((payment_id, merchant_id, terms, amount))
    return record


def _expected(events: list[tuple[datetime, Expected]], end: datetime) -> Expected:
    total = Expected()
    for at, e in events:
        if at < end:
            total = Expected(total.gross + e.gross, total.fees + e.fees,
                             total.refunds + e.refunds, total.items + e.items)
    return total


def _settle_at(context: AppContext, clock: FixedClock, at: datetime, day: date) -> list[
        BatchResult]:
    clock.advance(at - clock.now())
    return settlement.settle(context, day)


def test_a_generated_day_settles_to_the_independently_computed_nets(
    context: AppContext, clock: FixedClock, engine: sa.Engine
) -> None:
    merchants = []
    for terms in TERMS:
        merchant_id = build.merchant(context, terms.currency, terms.fee_bps)
        build.schedule(context, merchant_id, time_zone=terms.time_zone,
                       cutoff_local=terms.cutoff.strftime("%H:%M"), delay_days=terms.delay_days)
        if terms.currency == "INR":
            build.indian_account(context, merchant_id)
        else:
            build.iban_account(context, merchant_id, terms.currency)
        merchants.append((merchant_id, terms))
    record = _generate_day(context, clock, merchants, seed=20260401)
    results = _settle_at(context, clock, datetime(2026, 4, 3, 12, tzinfo=UTC), date(2026, 4, 3))
    created = {(r.merchant_id, r.currency): r for r in results if r.outcome is RunOutcome.CREATED}
    assert set(created) == {(m, t.currency) for m, t in merchants}
    for merchant_id, terms in merchants:
        end = terms.window_end(date(2026, 4, 3))
        expected = _expected(record[(merchant_id, terms.currency)], end)
        result = created[(merchant_id, terms.currency)]
        assert result.window_end == end
        with context.uow_factory() as uow:
            batch = uow.settlements.get_batch(result.batch_id or "")
        assert batch is not None
        assert (batch.totals.gross_minor, batch.totals.fees_minor, batch.totals.refunds_minor,
                batch.totals.item_count) == (expected.gross, expected.fees, expected.refunds,
                                             expected.items)
        assert batch.plan.net_minor == expected.net == batch.plan.payout_minor
        assert batch.status is BatchStatus.PAID_OUT
    with context.uow_factory() as uow:
        assert uow.ledger.audit().passed
    clearing = {t.currency: 0 for _, t in merchants}
    for r in created.values():
        clearing[r.currency] += r.payout_minor
    with engine.connect() as connection:
        for currency, total in clearing.items():
            balance = connection.execute(sa.text(
                "SELECT credits_posted - debits_posted FROM ledger_accounts WHERE id = :id"),
                {"id": f"acct_platform_payout_clearing_{currency}"}).scalar_one()
            assert balance == total


def _counts(engine: sa.Engine) -> tuple[int, ...]:
    with engine.connect() as connection:
        return tuple(connection.execute(sa.text(
            "SELECT (SELECT count(*) FROM settlement_batches), (SELECT count(*) FROM"
            " settlement_items), (SELECT count(*) FROM payouts), (SELECT count(*) FROM"
            " ledger_entries), (SELECT count(*) FROM events)")).one())


def test_a_rerun_of_the_same_date_changes_nothing(
    context: AppContext, clock: FixedClock, engine: sa.Engine
) -> None:
    merchant_id = build.merchant(context)
    build.indian_account(context, merchant_id)
    wallet = build.payer(context, "INR", 100_000)
    clock.advance(timedelta(hours=1))
    build.pay(context, merchant_id, wallet, 10_000, "INR")
    first = _settle_at(context, clock, datetime(2026, 4, 3, 1, tzinfo=UTC), date(2026, 4, 3))
    before = _counts(engine)
    again = settlement.settle(context, date(2026, 4, 3))
    assert [r.outcome for r in first] == [RunOutcome.CREATED]
    assert [(r.outcome, r.batch_id) for r in again] == [(RunOutcome.EXISTS, first[0].batch_id)]
    assert _counts(engine) == before
    earlier = settlement.settle(context, date(2026, 4, 2))
    assert [r.outcome for r in earlier] == [RunOutcome.ALREADY_SETTLED]


def test_a_negative_net_is_carried_forward_into_the_next_batch(
    context: AppContext, clock: FixedClock
) -> None:
    merchant_id = build.merchant(context)
    build.schedule(context, merchant_id, delay_days=1)
    build.indian_account(context, merchant_id)
    wallet = build.payer(context, "INR", 100_000)
    at = datetime.combine(DAY, time(10), tzinfo=UTC)
    clock.advance(at - clock.now())
    first = build.pay(context, merchant_id, wallet, 10_000, "INR")  # day 1: net 9,800
    clock.advance(timedelta(days=1))
    build.pay(context, merchant_id, wallet, 3_000, "INR")  # day 2: net 2,940 ...
    clock.advance(timedelta(hours=2))
    build.refund(context, first["id"], 10_000)  # ... and a 10,000 refund: -7,060
    clock.advance(timedelta(hours=13))
    build.pay(context, merchant_id, wallet, 20_000, "INR")  # day 3: net 19,600
    day_one = _settle_at(context, clock, datetime(2026, 4, 3, 2, tzinfo=UTC), date(2026, 4, 2))
    day_two = settlement.settle(context, date(2026, 4, 3))
    day_three = _settle_at(context, clock, datetime(2026, 4, 4, 2, tzinfo=UTC), date(2026, 4, 4))
    assert [(r.status, r.payout_minor) for r in day_one] == [(BatchStatus.PAID_OUT, 9_800)]
    assert [(r.status, r.net_minor, r.carried_forward_minor) for r in day_two] == [
        (BatchStatus.CARRIED_FORWARD, -7_060, -7_060)]
    assert [(r.status, r.payout_minor) for r in day_three] == [(BatchStatus.PAID_OUT, 12_540)]
    with context.uow_factory() as uow:
        second = uow.settlements.get_batch(day_two[0].batch_id or "")
        third = uow.settlements.get_batch(day_three[0].batch_id or "")
        available = uow.merchants.balances(merchant_id)[0].available_minor
    assert second is not None
    assert second.carry_reason is CarryReason.NEGATIVE_NET
    assert second.payout_id is None
    assert third is not None
    assert third.carried_in_minor == -7_060
    assert available == 0


def test_a_reserve_is_held_and_released_after_its_release_days(
    context: AppContext, clock: FixedClock, engine: sa.Engine
) -> None:
    merchant_id = build.merchant(context)
    build.schedule(context, merchant_id, reserve_bps=1_000, reserve_release_days=2)
    build.indian_account(context, merchant_id)
    wallet = build.payer(context, "INR", 100_000)
    paid: list[BatchResult] = []
    for day, amount in ((1, 10_000), (2, 5_000), (3, 1_000), (4, 1_000)):
        clock.advance(datetime(2026, 4, day, 12, tzinfo=UTC) - clock.now())
        build.pay(context, merchant_id, wallet, amount, "INR")
        paid += _settle_at(context, clock, datetime(2026, 4, day + 1, 1, tzinfo=UTC),
                           date(2026, 4, day))
    with context.uow_factory() as uow:
        batches = [uow.settlements.get_batch(r.batch_id or "") for r in paid]
    held = [b.plan.reserve_held_minor for b in batches if b]
    released = [b.plan.reserve_released_minor for b in batches if b]
    assert held == [1_000, 500, 100, 100]
    assert released == [0, 0, 1_000, 500]  # released once the window passed release_at
    assert [r.payout_minor for r in paid] == [8_800, 4_400, 1_880, 1_380]
    assert batches[0] is not None
    assert batches[0].reserve_released_by == paid[2].batch_id
    with engine.connect() as connection:
        reserve = connection.execute(sa.text(
            "SELECT credits_posted - debits_posted FROM ledger_accounts WHERE id = :id"),
            {"id": reserve_account(merchant_id, "INR")}).scalar_one()
    assert reserve == 200


def test_below_minimum_and_no_account_are_carried_and_paid_later(
    context: AppContext, clock: FixedClock
) -> None:
    small = build.merchant(context, fee_bps=0)
    build.schedule(context, small, payout_minimums={"INR": 5_000})
    build.indian_account(context, small)
    unpaid = build.merchant(context, fee_bps=0)
    build.schedule(context, unpaid)
    wallet = build.payer(context, "INR", 100_000)
    runs = []
    for day in (1, 2, 3):
        clock.advance(datetime(2026, 4, day, 12, tzinfo=UTC) - clock.now())
        if day < 3:
            build.pay(context, small, wallet, 3_000, "INR")
            build.pay(context, unpaid, wallet, 1_000, "INR")
        else:
            build.indian_account(context, unpaid)
        at = datetime(2026, 4, day + 1, 1, tzinfo=UTC)
        runs.append({r.merchant_id: r for r in _settle_at(context, clock, at, date(2026, 4, day))})
    assert [(r[small].status, r[small].payout_minor, r[small].carried_forward_minor)
            for r in runs[:2]] == [(BatchStatus.CARRIED_FORWARD, 0, 3_000),
                                   (BatchStatus.PAID_OUT, 6_000, 0)]
    assert runs[2][small].outcome is RunOutcome.NOTHING_TO_SETTLE
    assert [(r[unpaid].status, r[unpaid].carried_forward_minor) for r in runs] == [
        (BatchStatus.CARRIED_FORWARD, 1_000), (BatchStatus.CARRIED_FORWARD, 2_000),
        (BatchStatus.PAID_OUT, 0)]
    with context.uow_factory() as uow:
        first = uow.settlements.get_batch(runs[0][small].batch_id or "")
        later = uow.settlements.get_batch(runs[1][unpaid].batch_id or "")
    assert first is not None
    assert first.carry_reason is CarryReason.BELOW_MINIMUM
    assert later is not None
    assert later.carry_reason is CarryReason.NO_PAYOUT_ACCOUNT


def test_a_batch_that_disagrees_with_the_ledger_is_never_committed(
    context: AppContext, clock: FixedClock, engine: sa.Engine
) -> None:
    merchant_id = build.merchant(context)
    build.indian_account(context, merchant_id)
    wallet = build.payer(context, "INR", 100_000)
    clock.advance(timedelta(hours=1))
    build.pay(context, merchant_id, wallet, 10_000, "INR")
    available = f"acct_{merchant_id}_INR_available"
    rogue = NewEntry("je_rogue_settlement", (
        Posting(available, Direction.DEBIT, 100, "INR"),
        Posting(f"acct_{merchant_id}_INR_fees", Direction.CREDIT, 100, "INR")),
        {"kind": "settlement_payout"})  # looks like settlement's own, belongs to no batch
    build.run(context, lambda uow: uow.ledger.apply([rogue], clock.now()))
    before = _counts(engine)
    clock.advance(timedelta(days=2))
    with pytest.raises(InvariantViolation, match="the ledger moved"):
        settlement.settle(context, date(2026, 4, 2))
    assert _counts(engine) == before
