"""Marketplace orders across several sellers, releases, disputes, returns and the auto-release
sweep, step by step, against a plain-Python model written from docs/marketplace.md.

After every step, to the minor unit: the buyer's wallet, the marketplace's balance and its GST
TCS and TDS accounts, each seller's balance, hold and what it owes (recovery account), and each
share's status, returned and held amounts equal the model's; and the ledger audit passes.

The model's rules: 10% commission per line rounded half up (refunded on returns), TCS 0.5% and
TDS 0.1% per share for the two Indian sellers (none for the American one); a release repays
what the seller owes first; a return's seller part is ``floor(net * R / A)`` cumulatively, the
rest goes back out of TCS, TDS and commission (each first up to its pro-rata share rounded up,
then in that order); the seller's part comes from the hold, then its balance, then is owed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, ClassVar

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
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
from paysetu.marketplace.rules.errors import MarketplaceStatus
from paysetu.marketplace.rules.records import Commission, OrderLine
from paysetu.marketplace.usecases import holds, orders, returns, sellers
from paysetu.payments.usecases import merchants
from paysetu.wallets.usecases import wallets

if TYPE_CHECKING:
    from tests.conftest import TestDatabases

pytestmark = pytest.mark.postgres

EXAMPLES = int(os.environ.get("PAYSETU_STATEFUL_EXAMPLES", "10"))
PLATFORM = Principal("key_model", Role.PLATFORM, None, False)
FUNDS = 1_00_000_00
RELEASE_S = 3600
SELLERS = (("Asha Books", "IN", "AAPFU0939F", "27AAPFU0939F1ZV"),
           ("Bharat Crafts", "IN", "AAGCB7383J", "29AAGCB7383J1Z4"),
           ("Carol Prints", "US", None, None))


def half_up(amount: int, bps: int) -> int:
    return (amount * bps + 5_000) // 10_000


def ceil_div(a: int, b: int) -> int:
    return -(-a // b)


@dataclass
class ModelShare:
    id: str
    seller: int
    amount: int
    parts: list[int]  # TCS, TDS, commission
    net: int
    status: str = "held"
    refunded: int = 0
    held: int = 0
    given: tuple[int, int, int] = (0, 0, 0)


class MarketplaceMachine(RuleBasedStateMachine):
    databases: ClassVar[TestDatabases]

    def __init__(self) -> None:
        super().__init__()
        self.db_name = self.databases.create()
        self.engine = create_engine(self.databases.url(self.db_name), pool_size=2)
        self.clock = FixedClock(datetime(2026, 4, 1, 9, 30, tzinfo=UTC))
        self.ctx = AppContext(lambda: PostgresUnitOfWork(self.engine), self.clock, UlidIds(),
                              SystemSecrets())
        self.shares: list[ModelShare] = []
        self.wallet = FUNDS
        self.host_available = self.tcs = self.tds = 0
        self.available = [0, 0, 0]
        self.hold = [0, 0, 0]
        self.owed = [0, 0, 0]

    def teardown(self) -> None:
        self.engine.dispose()
        self.databases.drop(self.db_name)

    def _call(self, work: object) -> object:
        assert callable(work)
        try:
            with self.ctx.uow_factory() as uow:
                result = work(uow)
                uow.commit()
                return result
        except PaysetuError as refusal:
            return refusal

    @initialize()
    def open_marketplace(self) -> None:
        def work(uow: PostgresUnitOfWork) -> None:
            self.host = str(merchants.create_merchant(
                self.ctx, uow, "Bazaar", "IN", "INR", 0, 0, {})["id"])
            sellers.create_marketplace(self.ctx, uow, PLATFORM, sellers.CreateMarketplace(
                self.host, Commission(1000, 0), {}, True, RELEASE_S))
            self.sellers: list[str] = []
            for name, country, pan, gstin in SELLERS:
                made = sellers.onboard_seller(self.ctx, uow, PLATFORM, sellers.OnboardSeller(
                    name, country, "INR", pan, gstin, marketplace=self.host))
                sellers.set_seller_kyc(self.ctx, uow, PLATFORM, str(made["id"]), "verified")
                self.sellers.append(str(made["id"]))
            customer = wallets.create_customer(self.ctx, uow, "Buyer", None, "full", {})
            wallet = wallets.create_wallet(self.ctx, uow, customer["id"], "INR")
            wallets.top_up(self.ctx, uow, wallet["id"], FUNDS, "INR", {})
            self.wallet_id = str(wallet["id"])
            stored = uow.wallets.get(self.wallet_id)
            assert stored is not None
            self.wallet_account = stored.account_id

        assert self._call(work) is None

    @rule(lines=st.lists(st.tuples(st.integers(0, 2), st.integers(1, 30_000)), min_size=1,
                         max_size=4), off_by=st.sampled_from([0, 0, 0, 1]))
    def order(self, lines: list[tuple[int, int]], off_by: int) -> None:
        total = sum(a for _, a in lines)
        command = orders.CreateOrder(
            amount_minor=total + off_by, currency="INR", wallet=self.wallet_id,
            marketplace=self.host, operator_reason="model-based test: the operator pays",
            lines=[OrderLine(self.sellers[s], a, None, None) for s, a in lines])
        outcome = self._call(lambda uow: orders.create_order(self.ctx, uow, PLATFORM, command,
                                                             ""))
        if off_by:
            assert isinstance(outcome, PaysetuError)
            assert outcome.code is MarketplaceStatus.SPLIT_MISMATCH
            return
        assert isinstance(outcome, dict), outcome
        self.wallet -= total
        for share in outcome["shares"]:
            seller = self.sellers.index(share["seller"])
            amount = sum(a for s, a in lines if s == seller)
            commission = sum(half_up(a, 1000) for s, a in lines if s == seller)
            taxed = SELLERS[seller][1] == "IN"
            tcs, tds = (half_up(amount, 50), half_up(amount, 10)) if taxed else (0, 0)
            net = amount - commission - tcs - tds
            self.shares.append(ModelShare(share["id"], seller, amount, [tcs, tds, commission],
                                          net, held=net))
            self.hold[seller] += net
            self.tcs += tcs
            self.tds += tds
            self.host_available += commission

    def _release(self, share: ModelShare) -> None:
        repaid = min(share.held, self.owed[share.seller])
        self.owed[share.seller] -= repaid
        self.available[share.seller] += share.held - repaid
        self.hold[share.seller] -= share.held
        share.held, share.status = 0, "released"

    @rule(data=st.data())
    def release(self, data: st.DataObject) -> None:
        held = [s for s in self.shares if s.status == "held"]
        if not held:
            return
        share = data.draw(st.sampled_from(held))
        assert isinstance(self._call(lambda uow: holds.release_share(
            self.ctx, uow, PLATFORM, share.id)), dict)
        self._release(share)

    @rule(data=st.data())
    def dispute(self, data: st.DataObject) -> None:
        held = [s for s in self.shares if s.status == "held"]
        if not held:
            return
        share = data.draw(st.sampled_from(held))
        assert isinstance(self._call(lambda uow: holds.dispute_share(
            self.ctx, uow, PLATFORM, share.id)), dict)
        share.status = "disputed"

    @rule()
    def auto_release(self) -> None:
        self.clock.advance(timedelta(seconds=RELEASE_S))
        released = self._call(lambda uow: holds.release_due_shares(
            self.ctx, uow, self.clock.now()))
        due = [s for s in self.shares if s.status == "held"]
        assert released == len(due)
        for share in due:
            self._release(share)

    @rule(data=st.data(), extra=st.sampled_from([0, 0, 0, 1]))
    def return_share(self, data: st.DataObject, extra: int) -> None:
        open_ = [s for s in self.shares if s.refunded < s.amount and s.status != "refunded"]
        if not open_:
            return
        share = data.draw(st.sampled_from(open_))
        left = share.amount - share.refunded
        amount = data.draw(st.integers(1, left)) + extra * left
        outcome = self._call(lambda uow: returns.return_share(
            self.ctx, uow, PLATFORM, share.id, amount, None))
        if amount > left:
            assert isinstance(outcome, PaysetuError)
            assert outcome.code is MarketplaceStatus.REFUND_EXCEEDS_SHARE
            return
        assert isinstance(outcome, dict), outcome
        self._model_return(share, amount)

    def _model_return(self, share: ModelShare, amount: int) -> None:
        before, after = share.refunded, share.refunded + amount
        seller_part = share.net * after // share.amount - share.net * before // share.amount
        left = amount - seller_part
        back = [0, 0, 0]
        for i, part in enumerate(share.parts):
            back[i] = min(left, max(0, ceil_div(part * after, share.amount) - share.given[i]))
            left -= back[i]
        for i, part in enumerate(share.parts):
            more = min(left, part - share.given[i] - back[i])
            back[i] += more
            left -= more
        share.given = tuple(g + b for g, b in zip(share.given, back, strict=True))  # type: ignore[assignment]
        from_hold = min(seller_part, share.held if share.status in ("held", "disputed") else 0)
        from_balance = min(seller_part - from_hold, self.available[share.seller])
        self.hold[share.seller] -= from_hold
        share.held -= from_hold
        self.available[share.seller] -= from_balance
        self.owed[share.seller] += seller_part - from_hold - from_balance
        self.tcs -= back[0]
        self.tds -= back[1]
        self.host_available -= back[2]
        self.wallet += amount
        share.refunded = after
        if after == share.amount and share.status in ("held", "disputed"):
            share.status = "refunded"

    @invariant()
    def ledger_matches_the_model(self) -> None:
        if not hasattr(self, "host"):
            return
        base = f"acct_{self.host}_INR"
        expected = {self.wallet_account: self.wallet, f"{base}_available": self.host_available,
                    f"{base}_gst_tcs": self.tcs, f"{base}_income_tax_tds": self.tds}
        for n, seller in enumerate(self.sellers):
            expected[f"acct_{seller}_INR_available"] = self.available[n]
            expected[f"acct_{seller}_INR_escrow"] = self.hold[n]
            expected[f"acct_{seller}_INR_recovery"] = -self.owed[n]
        with self.engine.connect() as connection:
            posted = {r.id: r.posted for r in connection.execute(sa.text(
                "SELECT id, credits_posted - debits_posted AS posted FROM ledger_accounts"
                " WHERE id = ANY(:ids)"), {"ids": list(expected)})}
            stored = {r.id: (r.status, r.refunded_minor, r.held_minor)
                      for r in connection.execute(sa.text(
                          "SELECT id, status, refunded_minor, held_minor"
                          " FROM marketplace_shares"))}
        assert {k: posted.get(k, 0) for k in expected} == expected
        assert stored == {s.id: (s.status, s.refunded, s.held) for s in self.shares}

    @invariant()
    def audit_passes(self) -> None:
        report = LedgerService(lambda: PostgresUnitOfWork(self.engine), self.clock,
                               UlidIds()).audit()
        assert report.passed, report.findings


def test_marketplace_agrees_with_the_model(databases: TestDatabases) -> None:
    class Machine(MarketplaceMachine):
        pass

    Machine.databases = databases
    run_state_machine_as_test(Machine, settings=settings(
        max_examples=EXAMPLES, stateful_step_count=20, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
