"""Cross-border payments and refunds: the quote checks and the linked FX ledger entries.

:mod:`paysetu.payments.usecases.payments` and :mod:`paysetu.payments.usecases.refunds` call in
here when a payment names an ``fx_quote``; the entries are described in
:mod:`paysetu.payments.rules.fx_entries`.

A payment takes its quote when it is created (the quote's row is locked, checked, and marked
``used`` in the same transaction; a unique index keeps one payment per quote even so); the
rate lock is checked again when the payment is charged, so a payment created with
``confirm: false`` and confirmed after ``expires_at`` is refused ``quote_expired`` and the buyer
must requote. Quotes are charged at confirm only: ``capture_method: manual`` is refused
(``quote_requires_automatic_capture``), because an authorisation that may be captured days
later would hold the platform to a rate long after its lock ended.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from paysetu.access.rules.principals import Principal
from paysetu.kernel.invariants import InvariantViolation
from paysetu.kernel.money_display import shown
from paysetu.ledger.rules.entries import NewEntry
from paysetu.payments.rules.fx_entries import (
    ChargeLegs,
    RefundLegs,
    cross_border_charge,
    cross_border_refund,
    fx_accounts,
    new_fx_accounts,
)
from paysetu.payments.rules.fx_errors import FxRejected, FxStatus
from paysetu.payments.rules.fx_quotes import Quote, payment_split, refund_share, value_in_sell
from paysetu.payments.rules.payments import CaptureMethod, Payment, Refund, entry_metadata
from paysetu.payments.usecases.approvals_state import consent_metadata
from paysetu.payments.usecases.fx_quotes import visible_quote
from paysetu.payments.usecases.fx_rates import mid_rate
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork


def _mismatch(quote: Quote, merchant_id: str, amount_minor: int, currency: str,
              wallet_currency: str) -> tuple[str, str] | None:
    """``(param, message)`` of the first way the payment differs from its quote."""
    t = quote.terms
    if quote.merchant_id is not None and quote.merchant_id != merchant_id:
        return "merchant", f"Quote {quote.id} was made for another merchant."
    if currency != t.buy_currency:
        return "currency", f"The quote buys {t.buy_currency}; the payment is in {currency}."
    if amount_minor != t.buy_amount_minor:
        return "amount_minor", (f"The quote buys {shown(t.buy_amount_minor, t.buy_currency)};"
                                f" the payment asks for {shown(amount_minor, currency)}.")
    if wallet_currency != t.sell_currency:
        return "wallet", (f"The quote sells {t.sell_currency}; the wallet holds"
                          f" {wallet_currency}.")
    return None


def _check_open(quote: Quote, now: datetime) -> None:
    if quote.payment_id is not None:
        raise FxRejected(FxStatus.QUOTE_USED, f"Quote {quote.id} belongs to payment"
                         f" {quote.payment_id}.", "fx_quote")
    if now >= quote.expires_at:
        raise FxRejected(FxStatus.QUOTE_EXPIRED, f"Quote {quote.id} expired; ask for a new"
                         " quote.", "fx_quote")


def take_quote(
    ctx: PaymentsContext,
    uow: PaymentsUnitOfWork,
    caller: Principal,
    quote_id: str,
    *,
    merchant_id: str,
    amount_minor: int,
    currency: str,
    wallet_currency: str,
    capture_method: str,
) -> Quote:
    """The quote a new payment names, locked, after every check in precedence order.

    The caller inserts the payment and then :meth:`mark_used` s the quote.
    """
    quote = visible_quote(uow, caller, quote_id, for_update=True, param="fx_quote")
    if capture_method != CaptureMethod.AUTOMATIC.value:
        raise FxRejected(FxStatus.QUOTE_REQUIRES_AUTOMATIC_CAPTURE, param="capture_method")
    mismatch = _mismatch(quote, merchant_id, amount_minor, currency, wallet_currency)
    if mismatch is not None:
        param, message = mismatch
        raise FxRejected(FxStatus.QUOTE_MISMATCH, message, param)
    _check_open(quote, ctx.clock.now())
    return quote


def with_quote(payment: Payment, quote: Quote) -> Payment:
    """A new payment through ``quote``: the buyer pays the quote's sell side."""
    return replace(
        payment,
        fx_quote_id=quote.id,
        presentment_amount_minor=quote.terms.sell_amount_minor,
        presentment_currency=quote.terms.sell_currency,
    )


def open_fx_accounts(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, currencies: Sequence[str]
) -> None:
    """The platform's FX accounts in ``currencies``, opened if new (idempotent)."""
    uow.ledger.create_accounts(
        [a for c in currencies for a in new_fx_accounts(fx_accounts(c))], ctx.clock.now()
    )


def _rate_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def charge_entries(
    ctx: PaymentsContext,
    uow: PaymentsUnitOfWork,
    payment: Payment,
    wallet_account: str,
    destination: str,
    fees_account: str,
    fee_minor: int,
) -> list[NewEntry]:
    """The linked entries that charge a payment through its quote (rate lock re-checked)."""
    quote = uow.fx_quotes.get(payment.fx_quote_id or "")
    if quote is None:
        raise InvariantViolation("a payment's quote exists (foreign key)")
    if ctx.clock.now() >= quote.expires_at:
        raise FxRejected(
            FxStatus.QUOTE_EXPIRED,
            f"Quote {quote.id} expired before the payment was confirmed; ask for a new quote.",
            "fx_quote",
        )
    terms = quote.terms
    split = payment_split(terms)
    sell, buy = fx_accounts(terms.sell_currency), fx_accounts(terms.buy_currency)
    open_fx_accounts(ctx, uow, (sell.currency, buy.currency))
    meta = entry_metadata(
        "payment", payment, fx_quote=quote.id, fx_customer_rate=_rate_text(terms.customer_rate),
        **consent_metadata(payment),
    )
    legs = ChargeLegs(terms.sell_amount_minor, split.cover_minor, terms.buy_amount_minor, fee_minor)
    return cross_border_charge(
        (ctx.ids.new_id("je"), ctx.ids.new_id("je")),
        wallet_account,
        sell,
        buy,
        destination,
        fees_account,
        legs,
        meta,
    )


def with_presentment(refund: Refund, payment: Payment) -> Refund:
    """A new refund of a cross-border payment: its pro-rata share of what the buyer paid.

    ``payment.amount_refunded_minor`` is what was refunded (or held) before this refund.
    """
    if payment.fx_quote_id is None:
        return refund
    share = refund_share(
        payment.presentment_amount_minor or 0,
        payment.amount_minor,
        payment.amount_refunded_minor,
        refund.amount_minor,
    )
    return replace(
        refund, presentment_amount_minor=share, presentment_currency=payment.presentment_currency
    )


def refund_entries(
    ctx: PaymentsContext,
    uow: PaymentsUnitOfWork,
    payment: Payment,
    refund: Refund,
    sources: Sequence[tuple[str, int]],
    wallet_account: str,
) -> list[NewEntry]:
    """The linked entries of a cross-border refund, valued at today's fresh mid rate."""
    sell_currency, buy_currency = payment.presentment_currency, payment.currency
    if sell_currency is None or refund.presentment_amount_minor is None:
        raise InvariantViolation("a cross-border refund has its buyer-side amount")
    rate = mid_rate(ctx, uow, sell_currency, buy_currency)
    legs = RefundLegs(
        refund.amount_minor,
        refund.presentment_amount_minor,
        value_in_sell(refund.amount_minor, rate.value, sell_currency, buy_currency),
    )
    sell, buy = fx_accounts(sell_currency), fx_accounts(buy_currency)
    open_fx_accounts(ctx, uow, (sell_currency, buy_currency))
    meta = entry_metadata(
        "refund",
        payment,
        refund=refund.id,
        fx_quote=payment.fx_quote_id or "",
        fx_mid_rate=_rate_text(rate.value),
        fx_rate_as_of=rate.as_of.isoformat(),
    )
    return cross_border_refund(
        (ctx.ids.new_id("je"), ctx.ids.new_id("je")), sources, wallet_account, sell, buy, legs, meta
    )
