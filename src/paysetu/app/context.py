"""The context every use case takes: units of work, the clock, ids, secrets, policies, hooks.

Each capability's use cases ask for the part they need as a Protocol (``AccessContext`` ...
``AlipayContext``, each extending the one below); this dataclass is all of them, built once by
:func:`paysetu.bootstrap.build` (and by tests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import cast

from paysetu.alipay.usecases import alipay_pages
from paysetu.alipay.usecases.ports import AlipayPolicy
from paysetu.app.ports import AppUnitOfWork
from paysetu.checkout.rules.sessions import CartLine, CheckoutSession
from paysetu.checkout.usecases.ports import CheckoutUnitOfWork
from paysetu.customers.rules.identity import CustomerPolicy
from paysetu.events.usecases.ports import WebhookTargets
from paysetu.kernel.ports import Clock, IdFactory, SecretSource
from paysetu.lending.usecases.loan_sweep import LoanSettlementSweep
from paysetu.marketplace.usecases.orders import order_cart, order_charge_split
from paysetu.marketplace.usecases.ports import MarketplacePolicy
from paysetu.marketplace.usecases.recovery import RecoverySweep
from paysetu.payments.rules.payments import ChargeSplit, Payment
from paysetu.payments.usecases.ports import (
    FxPolicy,
    PaymentsPolicy,
    PaymentsUnitOfWork,
    RateSource,
)
from paysetu.settlement.usecases.hooks import NO_LOAN_SWEEP
from paysetu.settlement.usecases.policy import SettlementPolicy
from paysetu.settlement.usecases.ports import LoanSweep


@dataclass(frozen=True, slots=True)
class AppContext:
    uow_factory: Callable[[], AppUnitOfWork]
    clock: Clock
    ids: IdFactory
    secrets: SecretSource
    policy: PaymentsPolicy = field(default_factory=PaymentsPolicy)
    fx: FxPolicy = field(default_factory=FxPolicy)
    rates: RateSource | None = None
    """The reference-rate source behind the manual table (ECB offline); None: manual only."""
    settlement: SettlementPolicy = field(default_factory=SettlementPolicy)
    loan_sweep: LoanSweep = field(default_factory=lambda: RecoverySweep(NO_LOAN_SWEEP))
    """Settlement's loan-repayment hook (the lending issue replaces it)."""
    read_factory: Callable[[], AppUnitOfWork] | None = None
    """Units of work for one-statement reads outside any transaction (autocommit); None: use
    ``uow_factory``. Never used to write."""
    alipay: AlipayPolicy | None = None
    """The Alipay-compatible gateway's keys and settings; None: the gateway is off."""
    customers: CustomerPolicy = field(default_factory=CustomerPolicy)
    """Customer sign-in codes, sessions and PINs."""
    webhook_targets: WebhookTargets = field(default_factory=WebhookTargets)
    """Where webhooks and notifications may go; the default allows public addresses only and
    resolves no names at registration (bootstrap gives it the system resolver)."""
    marketplace: MarketplacePolicy = field(default_factory=MarketplacePolicy)
    """Marketplaces' tax rates and defaults (docs/marketplace.md)."""

    def reader(self) -> AppUnitOfWork:
        """A unit of work for a one-statement read (an API key, a payment's expiry check)."""
        return (self.read_factory or self.uow_factory)()

    def checkout_paid(self, uow: CheckoutUnitOfWork, session: CheckoutSession) -> None:
        """Checkout's hook: the Alipay gateway's page pay takes the paid session (a marketplace
        order paid on it was split by the charge itself: :meth:`charge_split`)."""
        # The unit of work came from this context's factory: it is the whole product's.
        alipay_pages.checkout_paid(self, cast(AppUnitOfWork, uow), session)

    def charge_split(
        self, uow: PaymentsUnitOfWork, payment: Payment, fee_minor: int, entry_id: str
    ) -> ChargeSplit | None:
        """Payments' hook: a marketplace order's payment carries the order's split in its
        charge entry (docs/marketplace.md)."""
        return order_charge_split(self, cast(AppUnitOfWork, uow), payment, fee_minor, entry_id)

    def checkout_cart(self, uow: CheckoutUnitOfWork, session_id: str) -> list[CartLine]:
        """Checkout's hook: the hosted page lists a marketplace order's cart by seller."""
        return order_cart(cast(AppUnitOfWork, uow), session_id)


def with_loan_sweep(ctx: AppContext) -> AppContext:
    """``ctx`` with settlement's loan sweep filled by lending (bootstrap and tests call it),
    behind the marketplace's recovery of sellers' negative balances."""
    return replace(ctx, loan_sweep=RecoverySweep(LoanSettlementSweep(ctx)))
