"""Wallets, payments, captures, refunds, escrow, FX quotes and settlement, step by step,
against a plain-Python model.

Why: each use case is tested on its own elsewhere; what only a state machine finds is a
sequence that leaves money in the wrong place: a refund of an escrow payment after a partial
release, a capture after a transfer drained the wallet, a held refund retried after the
merchant was paid again. A hypothesis ``RuleBasedStateMachine`` drives the real services on
PostgreSQL, and a model written from the rules in ``docs/`` (not from the code) predicts every
outcome: applied, or refused with its code. After every step the model's balances equal the
ledger's, to the minor unit: each wallet's posted and held money, the merchant's available,
escrow and fee accounts, and each payment's captured and refunded amounts; and the ledger
audit passes.

The rules the model encodes:

* a payment or transfer needs the payer's available money (posted minus held); short of it,
  ``exceeds_available_balance`` and nothing is written;
* an automatic payment moves the price from the wallet to the merchant (to escrow if asked),
  then the fee (``fee_bps`` rounded half up, plus the fixed fee) to the fee account;
* a manual payment holds the price in the wallet; a capture (all or part) moves what is
  captured and its fee, the rest is released; a cancel releases all;
* a refund returns money to the wallet: from what escrow still holds for the payment first,
  the rest from the merchant's available balance; if that is short, the refund is held
  (``pending``) and nothing moves until a retry finds the money (oldest first);
* a release moves what escrow holds for the payment to the available balance;
* a cross-border payment from a CNY wallet takes exactly what its quote says the buyer pays
  (the quote's sell amount) and gives the merchant the INR price, less the fee;
* a merchant's charge never moves money by itself: it waits (``requires_action``) whatever the
  wallet holds; the customer's approval then pays it like an operator's payment (or is refused
  ``exceeds_available_balance``, the payment still waiting), a refusal fails it, and after the
  approval time an approval is refused ``approval_expired`` and the sweep cancels it;
* an operator's payment (the platform key, with a reason) is paid at once;
* settling a day after its window closed pays the merchant's whole available balance out (to
  the payout clearing account): no reserve, no loan, a payout account on file.

Each example runs on a fresh database. Size: ``PAYSETU_STATEFUL_EXAMPLES`` (default 15
examples of up to 25 steps).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, ClassVar

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from paysetu.access.rules.principals import Principal, Role
from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.db.engine import create_engine
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.ledger.usecases.service import LedgerService
from paysetu.payments.rules.errors import PaymentStatus
from paysetu.payments.usecases import (
    approvals,
    escrow,
    fx_quotes,
    fx_rates,
    merchants,
    payments,
    refunds,
)
from paysetu.settlement.rules.records import payout_clearing_account
from paysetu.settlement.usecases import payout_accounts
from paysetu.settlement.usecases.settlement import settle
from paysetu.wallets.rules.errors import WalletStatus
from paysetu.wallets.usecases import wallets

if TYPE_CHECKING:  # a class named Test* imported here would be collected by pytest
    from tests.conftest import TestDatabases

pytestmark = pytest.mark.postgres

EXAMPLES = int(os.environ.get("PAYSETU_STATEFUL_EXAMPLES", "15"))
FEE_BPS, FEE_FIXED = 250, 300
PLATFORM = Principal("key_model", Role.PLATFORM, None, False)
REASON = "model: operator debit"
AMOUNTS = st.integers(1, 40_000)
OPENING_FUNDS = 100_000
"""Each wallet's first top-up, so that most payments can be paid from the first step."""
RATES = "base_currency,quote_currency,rate,as_of\nCNY,INR,11.8421,2026-04-01\n"
SETTLEMENTS_MAX = 3
"""Each settlement moves the clock to the next day; three keep every authorisation (7 days)
and every quote's rate (4 days) fresh, so that neither lapses in the model."""


def fee_for(amount: int) -> int:
    return min(amount, (amount * FEE_BPS + 5_000) // 10_000 + FEE_FIXED)


@dataclass
class ModelWallet:
    id: str
    account: str
    posted: int = 0
    held: int = 0
    currency: str = "INR"

    @property
    def available(self) -> int:
        return self.posted - self.held


@dataclass
class ModelPayment:
    id: str
    wallet: ModelWallet
    amount: int
    status: str
    to_escrow: bool
    cross_border: bool = False
    manual: bool = False
    customer: str = ""
    approve_by: datetime | None = None
    captured: int = 0
    refunded: int = 0
    escrow_held: int = 0
    escrow_open: bool = False


@dataclass
class HeldRefund:
    id: str
    payment: ModelPayment
    amount: int


class PaymentsMachine(RuleBasedStateMachine):
    databases: ClassVar[TestDatabases]

    def __init__(self) -> None:
        super().__init__()
        self.db_name = self.databases.create()
        self.engine = create_engine(self.databases.url(self.db_name), pool_size=2)
        clock = FixedClock(datetime(2026, 4, 1, 9, 30, tzinfo=UTC))
        self.ctx = AppContext(lambda: PostgresUnitOfWork(self.engine), clock, UlidIds(),
                              SystemSecrets())
        self.wallets: list[ModelWallet] = []
        self.payments: list[ModelPayment] = []
        self.held_refunds: list[HeldRefund] = []
        self.available = self.escrow = self.fees = self.paid_out = 0
        self.settlements = 0
        self.clock = clock

    def teardown(self) -> None:
        self.engine.dispose()
        self.databases.drop(self.db_name)

    # -- helpers ---------------------------------------------------------------------------

    def _call(self, work: object) -> object:
        """Run ``work(uow)`` in one transaction; a refusal is returned, not raised."""
        assert callable(work)
        try:
            with self.ctx.uow_factory() as uow:
                result = work(uow)
                uow.commit()
                return result
        except PaysetuError as refusal:
            return refusal

    def _refused(self, outcome: object, code: object) -> None:
        assert isinstance(outcome, PaysetuError), outcome
        assert outcome.code is code, (outcome.code, code)

    def _pay_refund(self, payment: ModelPayment, amount: int) -> bool:
        """Move a refund's money in the model if the merchant covers it; True if it moved."""
        from_escrow = min(amount, payment.escrow_held) if payment.escrow_open else 0
        from_available = amount - from_escrow
        if self.available < from_available:
            return False
        payment.escrow_held -= from_escrow
        self.escrow -= from_escrow
        self.available -= from_available
        payment.wallet.posted += amount
        return True

    # -- rules -----------------------------------------------------------------------------

    @initialize()
    def open_merchant_and_wallets(self) -> None:
        def work(uow: PostgresUnitOfWork) -> None:
            merchant = merchants.create_merchant(self.ctx, uow, "Chai Point", "IN", "INR",
                                                 FEE_BPS, FEE_FIXED, {})
            self.merchant_id = str(merchant["id"])
            self.merchant_key = Principal("key_model_m", Role.MERCHANT, self.merchant_id, False)
            for n, currency in enumerate(("INR", "INR", "INR", "CNY")):
                customer = wallets.create_customer(self.ctx, uow, f"Buyer {n}", None, "full", {})
                wallet = wallets.create_wallet(self.ctx, uow, customer["id"], currency)
                wallets.top_up(self.ctx, uow, wallet["id"], OPENING_FUNDS, currency, {})
                stored = uow.wallets.get(wallet["id"])
                assert stored is not None
                self.wallets.append(ModelWallet(stored.id, stored.account_id, OPENING_FUNDS,
                                                currency=currency))
            self.accounts = merchants.merchant_accounts(self.ctx, uow, self.merchant_id, "INR")
            payout_accounts.create_payout_account(
                self.ctx, uow, PLATFORM, self.merchant_id, "INR", "Chai Point",
                account_number="50100234567891", bank_code="HDFC0000123", country="IN")
            fx_rates.load_rates(self.ctx, uow, RATES, "model")

        assert self._call(work) is None

    @rule(data=st.data(), amount=st.integers(1, 80_000))
    def top_up(self, data: st.DataObject, amount: int) -> None:
        wallet = data.draw(st.sampled_from(self.wallets))
        outcome = self._call(lambda uow: wallets.top_up(self.ctx, uow, wallet.id, amount,
                                                        wallet.currency, {}))
        assert not isinstance(outcome, PaysetuError), outcome
        wallet.posted += amount

    @property
    def inr_wallets(self) -> list[ModelWallet]:
        return [w for w in self.wallets if w.currency == "INR"]

    @rule(data=st.data(), amount=AMOUNTS)
    def transfer(self, data: st.DataObject, amount: int) -> None:
        source, destination = data.draw(st.permutations(self.inr_wallets))[:2]
        outcome = self._call(lambda uow: wallets.transfer(
            self.ctx, uow, source.id, destination.id, amount, "INR", {}))
        if source.available < amount:
            self._refused(outcome, WalletStatus.EXCEEDS_AVAILABLE_BALANCE)
            return
        assert not isinstance(outcome, PaysetuError), outcome
        source.posted -= amount
        destination.posted += amount

    @rule(data=st.data(), amount=AMOUNTS, manual=st.booleans(), to_escrow=st.booleans())
    def pay(self, data: st.DataObject, amount: int, manual: bool, to_escrow: bool) -> None:
        wallet = data.draw(st.sampled_from(self.inr_wallets))
        outcome = self._call(lambda uow: payments.create_payment(
            self.ctx, uow, PLATFORM, payments.CreatePayment(
                amount, "INR", wallet.id, merchant=self.merchant_id,
                capture_method="manual" if manual else "automatic", escrow=to_escrow,
                confirm=True, operator_reason=REASON)))
        if wallet.available < amount:
            self._refused(outcome, PaymentStatus.EXCEEDS_AVAILABLE_BALANCE)
            return
        assert isinstance(outcome, dict), outcome
        payment = ModelPayment(str(outcome["id"]), wallet, amount, "requires_capture",
                               to_escrow)
        self.payments.append(payment)
        if manual:
            wallet.held += amount
        else:
            wallet.posted -= amount
            self._captured(payment, amount)
        assert outcome["status"] == payment.status

    @rule(data=st.data(), amount=AMOUNTS, manual=st.booleans())
    def merchant_charges(self, data: st.DataObject, amount: int, manual: bool) -> None:
        """A merchant key's charge waits for the customer, rich wallet or empty; confirming
        or capturing it again cannot move money either."""
        wallet = data.draw(st.sampled_from(self.inr_wallets))
        outcome = self._call(lambda uow: payments.create_payment(
            self.ctx, uow, self.merchant_key, payments.CreatePayment(
                amount, "INR", wallet.id, capture_method="manual" if manual else "automatic",
                confirm=True)))
        assert isinstance(outcome, dict), outcome
        assert outcome["status"] == "requires_action", outcome
        ttl = timedelta(seconds=self.ctx.policy.mandates.approval_ttl_s)
        self.payments.append(ModelPayment(
            str(outcome["id"]), wallet, amount, "requires_action", False, manual=manual,
            customer=str(outcome["customer"]), approve_by=self.clock.now() + ttl))
        payment_id = str(outcome["id"])
        self._refused(self._call(lambda uow: payments.confirm_payment(
            self.ctx, uow, self.merchant_key, payment_id)), PaymentStatus.PAYMENT_UNEXPECTED_STATE)
        self._refused(self._call(lambda uow: payments.capture_payment(
            self.ctx, uow, self.merchant_key, payment_id, None)),
            PaymentStatus.PAYMENT_UNEXPECTED_STATE)

    def _lapsed(self, payment: ModelPayment) -> bool:
        return payment.approve_by is not None and self.clock.now() >= payment.approve_by

    @rule(data=st.data())
    def customer_approves(self, data: st.DataObject) -> None:
        payment = self._pick(data, "requires_action")
        if payment is None:
            return
        outcome = self._call(lambda uow: approvals.approve_payment(
            self.ctx, uow, payment.customer, payment.id))
        if self._lapsed(payment):
            self._refused(outcome, PaymentStatus.APPROVAL_EXPIRED)
            return
        if payment.wallet.available < payment.amount:
            self._refused(outcome, PaymentStatus.EXCEEDS_AVAILABLE_BALANCE)
            return
        assert isinstance(outcome, dict), outcome
        if payment.manual:
            payment.wallet.held += payment.amount
            payment.status = "requires_capture"
        else:
            payment.wallet.posted -= payment.amount
            self._captured(payment, payment.amount)
        assert outcome["status"] == payment.status, outcome

    @rule(data=st.data())
    def customer_refuses(self, data: st.DataObject) -> None:
        payment = self._pick(data, "requires_action")
        if payment is None:
            return
        outcome = self._call(lambda uow: approvals.refuse_payment(
            self.ctx, uow, payment.customer, payment.id))
        if self._lapsed(payment):
            self._refused(outcome, PaymentStatus.APPROVAL_EXPIRED)
            return
        assert isinstance(outcome, dict), outcome
        payment.status = "failed"

    @rule()
    def unanswered_approvals_expire(self) -> None:
        self.clock.advance(timedelta(seconds=self.ctx.policy.mandates.approval_ttl_s))
        now = self.clock.now()
        outcome = self._call(lambda uow: payments.expire_approvals(self.ctx, uow, now))
        waiting = [p for p in self.payments if p.status == "requires_action"]
        assert outcome == len(waiting), (outcome, waiting)
        for payment in waiting:
            payment.status = "canceled"

    @rule(price=AMOUNTS)
    def pay_cross_border(self, price: int) -> None:
        """A CNY buyer pays an INR price through a quote locked a moment before."""
        (buyer,) = [w for w in self.wallets if w.currency == "CNY"]
        quote = self._call(lambda uow: fx_quotes.create_quote(
            self.ctx, uow, PLATFORM, fx_quotes.CreateQuote(
                "CNY", "INR", buy_amount_minor=price, merchant=self.merchant_id)))
        assert isinstance(quote, dict), quote
        assert quote["buy_amount_minor"] == price
        pays = int(quote["sell_amount_minor"])
        outcome = self._call(lambda uow: payments.create_payment(
            self.ctx, uow, PLATFORM, payments.CreatePayment(
                price, "INR", buyer.id, merchant=self.merchant_id, confirm=True,
                fx_quote=str(quote["id"]), operator_reason=REASON)))
        if buyer.available < pays:
            self._refused(outcome, PaymentStatus.EXCEEDS_AVAILABLE_BALANCE)
            return
        assert isinstance(outcome, dict), outcome
        payment = ModelPayment(str(outcome["id"]), buyer, price, "requires_capture", False,
                               cross_border=True)
        self.payments.append(payment)
        buyer.posted -= pays
        self._captured(payment, price)

    @precondition(lambda self: self.settlements < SETTLEMENTS_MAX)
    @rule()
    def settle_next_day(self) -> None:
        """Past the next midnight (UTC, the default cutoff), settle that day (T+1)."""
        day = self.clock.now().date() + timedelta(days=1)
        self.clock.set(datetime.combine(day, time(0, 10), tzinfo=UTC))
        self.settlements += 1
        results = settle(self.ctx, day, self.merchant_id)
        paid = sum(r.payout_minor for r in results)
        assert paid == max(self.available, 0), (results, self.available)
        self.paid_out += paid
        self.available -= paid

    def _captured(self, payment: ModelPayment, amount: int) -> None:
        fee = fee_for(amount)
        payment.status, payment.captured = "succeeded", amount
        if payment.to_escrow:
            payment.escrow_held, payment.escrow_open = amount - fee, True
            self.escrow += amount - fee
        else:
            self.available += amount - fee
        self.fees += fee

    def _pick(self, data: st.DataObject, status: str) -> ModelPayment | None:
        candidates = [p for p in self.payments if p.status == status]
        return data.draw(st.sampled_from(candidates)) if candidates else None

    @rule(data=st.data(), part=st.one_of(st.none(), st.floats(0.01, 1.0)))
    def capture(self, data: st.DataObject, part: float | None) -> None:
        payment = self._pick(data, "requires_capture")
        if payment is None:
            return
        amount = payment.amount if part is None else max(1, int(payment.amount * part))
        outcome = self._call(lambda uow: payments.capture_payment(
            self.ctx, uow, PLATFORM, payment.id, None if part is None else amount))
        assert isinstance(outcome, dict), outcome
        payment.wallet.held -= payment.amount
        payment.wallet.posted -= amount
        self._captured(payment, amount)

    @rule(data=st.data())
    def cancel(self, data: st.DataObject) -> None:
        payment = self._pick(data, "requires_capture")
        if payment is None:
            return
        outcome = self._call(lambda uow: payments.cancel_payment(
            self.ctx, uow, PLATFORM, payment.id, "requested_by_customer"))
        assert isinstance(outcome, dict), outcome
        payment.wallet.held -= payment.amount
        payment.status = "canceled"

    @rule(data=st.data(), part=st.floats(0.01, 1.0))
    def refund(self, data: st.DataObject, part: float) -> None:
        payment = self._pick(data, "succeeded")
        if payment is None or payment.refunded == payment.captured or payment.cross_border:
            return  # a cross-border refund's FX leg is priced at the day's rate: not modelled
        amount = max(1, int((payment.captured - payment.refunded) * part))
        outcome = self._call(lambda uow: refunds.create_refund(
            self.ctx, uow, PLATFORM, payment.id, amount, None, {}))
        assert isinstance(outcome, dict), outcome
        payment.refunded += amount
        if self._pay_refund(payment, amount):
            assert outcome["status"] == "succeeded", outcome
        else:
            assert outcome["status"] == "pending", outcome
            self.held_refunds.append(HeldRefund(str(outcome["id"]), payment, amount))

    @rule(data=st.data())
    def release(self, data: st.DataObject) -> None:
        candidates = [p for p in self.payments if p.escrow_open]
        if not candidates:
            return
        payment = data.draw(st.sampled_from(candidates))
        outcome = self._call(lambda uow: escrow.release_escrow(
            self.ctx, uow, PLATFORM, payment.id))
        assert isinstance(outcome, dict), outcome
        self.available += payment.escrow_held
        self.escrow -= payment.escrow_held
        payment.escrow_held, payment.escrow_open = 0, False

    @precondition(lambda self: bool(self.held_refunds))
    @rule()
    def retry_held_refunds(self) -> None:
        outcome = self._call(lambda uow: refunds.retry_pending_refunds(self.ctx, uow))
        assert isinstance(outcome, int), outcome
        paid = [r for r in self.held_refunds if self._pay_refund(r.payment, r.amount)]
        self.held_refunds = [r for r in self.held_refunds if r not in paid]
        assert outcome == len(paid)

    # -- the comparison --------------------------------------------------------------------

    @invariant()
    def balances_match_the_model(self) -> None:
        if not self.wallets:
            return
        clearing = payout_clearing_account("INR")
        ids = [w.account for w in self.wallets] + [
            self.accounts.available, self.accounts.escrow, self.accounts.fees, clearing]
        with self.engine.connect() as connection:
            rows = {r.id: r for r in connection.execute(sa.text(
                "SELECT id, credits_posted - debits_posted AS posted, debits_pending AS held"
                " FROM ledger_accounts WHERE id = ANY(:ids)"), {"ids": ids})}
            stored = {r.id: (r.amount_captured_minor, r.amount_refunded_minor, r.status)
                      for r in connection.execute(sa.text(
                          "SELECT id, amount_captured_minor, amount_refunded_minor, status"
                          " FROM payments"))}
        for wallet in self.wallets:
            assert (rows[wallet.account].posted, rows[wallet.account].held) == (
                wallet.posted, wallet.held), wallet
        assert rows[self.accounts.available].posted == self.available
        assert rows[self.accounts.escrow].posted == self.escrow
        assert rows[self.accounts.fees].posted == self.fees
        assert (rows[clearing].posted if clearing in rows else 0) == self.paid_out
        assert stored == {p.id: (p.captured, p.refunded, p.status) for p in self.payments}

    @invariant()
    def audit_passes(self) -> None:
        ledger = LedgerService(lambda: PostgresUnitOfWork(self.engine), self.ctx.clock,
                               UlidIds())
        report = ledger.audit()
        assert report.passed, report.findings


def test_payments_agree_with_the_model(databases: TestDatabases) -> None:
    class Machine(PaymentsMachine):
        pass

    Machine.databases = databases
    run_state_machine_as_test(Machine, settings=settings(
        max_examples=EXAMPLES, stateful_step_count=25, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
