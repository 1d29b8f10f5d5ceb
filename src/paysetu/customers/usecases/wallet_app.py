"""What the wallet app's pages read: the home screen, the history, a payment's receipt, the
mandates with their debits, a month's statement. Always the signed-in customer's own.

Reads only (``ctx.reader()``); the answers and top-ups go through the use cases that write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from paysetu.customers.rules.movements import (
    Allowance,
    HistoryFilter,
    Movement,
    StatementLine,
    allowance,
    statement_lines,
)
from paysetu.customers.usecases.ports import (
    CustomersContext,
    CustomersUnitOfWork,
    MandateDebit,
    RefundLine,
)
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.rules.payments import Payment
from paysetu.payments.usecases import approvals, mandates
from paysetu.wallets.rules.wallets import Customer, KycTier, Wallet, month_start
from paysetu.wallets.usecases.wallets import get_customer

RECENT_MAX = 5
HISTORY_MAX = 200
WALLETS_MAX = 20


@dataclass(frozen=True, slots=True)
class WalletCard:
    wallet: Wallet
    allowance: Allowance


@dataclass(frozen=True, slots=True)
class Home:
    customer: Customer
    wallets: list[WalletCard]
    recent: list[Movement]
    pending: list[dict[str, Any]]


def _wallet_cards(ctx: CustomersContext, uow: CustomersUnitOfWork,
                  customer: Customer) -> list[WalletCard]:
    wallets, _ = uow.wallets.list_page(customer.id, PageRequest(limit=WALLETS_MAX))
    limits = ctx.policy.wallet_limits
    since = month_start(ctx.clock.now())
    return [WalletCard(wallet, allowance(
        limits.balance_max_minor.get(customer.kyc_tier, {}).get(wallet.currency),
        limits.monthly_load_max_minor.get(customer.kyc_tier, {}).get(wallet.currency),
        wallet.balance_minor, uow.wallets.loaded_since(wallet.account_id, since)))
        for wallet in wallets]


def home(ctx: CustomersContext, customer_id: str) -> Home:
    with ctx.reader() as uow:
        customer = get_customer(uow, customer_id)
        return Home(customer, _wallet_cards(ctx, uow, customer),
                    uow.wallet_history.movements(customer_id, HistoryFilter(), RECENT_MAX),
                    approvals.pending_approvals(uow, customer_id))


def wallet_cards(ctx: CustomersContext, customer_id: str) -> tuple[KycTier, list[WalletCard]]:
    """The customer's tier and each wallet with what the tier still allows (the top-up page)."""
    with ctx.reader() as uow:
        customer = get_customer(uow, customer_id)
        return customer.kyc_tier, _wallet_cards(ctx, uow, customer)


@dataclass(frozen=True, slots=True)
class History:
    """A page of movements, newest first; ``older`` is the ``before_posting`` of the next
    page back (None: this page reaches the oldest movement the filters allow)."""

    movements: list[Movement]
    merchants: list[tuple[str, str]]
    older: int | None = None


def history(ctx: CustomersContext, customer_id: str, where: HistoryFilter,
            page_size: int = HISTORY_MAX) -> History:
    with ctx.reader() as uow:
        moved = uow.wallet_history.movements(customer_id, where, page_size + 1)
        merchants = uow.wallet_history.merchants_paid(customer_id)
    shown = moved[:page_size]
    older = shown[-1].posting_id if len(moved) > page_size else None
    return History(shown, merchants, older)


@dataclass(frozen=True, slots=True)
class Receipt:
    payment: Payment
    merchant_name: str
    refunds: list[RefundLine]


def receipt(ctx: CustomersContext, customer_id: str, payment_id: str) -> Receipt:
    """The customer's own payment with its refunds (another's: ``payment_not_found``)."""
    with ctx.reader() as uow:
        payment = approvals.customer_payment(uow, customer_id, payment_id)
        merchant = uow.merchants.get(payment.merchant_id)
        return Receipt(payment, "?" if merchant is None else merchant.legal_name,
                       uow.wallet_history.refunds_of(payment.id))


def mandates_with_debits(
    ctx: CustomersContext, customer_id: str
) -> list[tuple[dict[str, Any], list[MandateDebit]]]:
    """Each of the customer's mandates with the payments made under it."""
    with ctx.reader() as uow:
        items, _ = mandates.customer_mandates(ctx, uow, customer_id, PageRequest(limit=50))
        debits = uow.wallet_history.mandate_debits(customer_id)
    return [(item, debits.get(str(item["id"]), [])) for item in items]


@dataclass(frozen=True, slots=True)
class WalletStatement:
    wallet_id: str
    currency: str
    opening_minor: int
    lines: list[StatementLine]

    @property
    def closing_minor(self) -> int:
        return self.lines[-1].balance_after_minor if self.lines else self.opening_minor


@dataclass(frozen=True, slots=True)
class Statement:
    customer: Customer
    first: datetime
    following: datetime
    wallets: list[WalletStatement]


def statement(ctx: CustomersContext, customer_id: str, first: datetime,
              following: datetime) -> Statement:
    """The month ``[first, following)`` of each of the customer's wallets, every movement of
    it (a cut-off list would make the running balances and the closing balance wrong)."""
    with ctx.reader() as uow:
        customer = get_customer(uow, customer_id)
        wallets, _ = uow.wallets.list_page(customer_id, PageRequest(limit=WALLETS_MAX))
        opening = uow.wallet_history.balances_before(customer_id, first)
        moved = uow.wallet_history.movements(
            customer_id, HistoryFilter(since=first, until=following), None)
    return Statement(customer, first, following, [
        WalletStatement(w.id, w.currency, opening.get(w.id, 0),
                        statement_lines(opening.get(w.id, 0),
                                        [m for m in moved if m.wallet_id == w.id]))
        for w in wallets])
