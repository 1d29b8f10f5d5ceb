"""Refunds: partial and multiple, never more in total than was captured; fees are not returned.

The money goes back to the payer's wallet from where the payment left it: from escrow first
while escrow is held or disputed (what it still holds for the payment), and the rest from the
merchant's available balance. One entry moves it (a cross-border payment's refund is a linked
pair through the FX accounts, the buyer getting its own currency back pro rata:
:mod:`paysetu.payments.usecases.fx_payments`); the refund and the payment's refunded total
are written in the same transaction, under the payment's row lock, so concurrent refunds of
one payment cannot together exceed what was captured.

When the merchant's balance cannot cover a refund (the ledger refuses with
``exceeds_credits``), the refund is *held* (domain.md section 4): it is created ``pending``
with ``failure_code`` ``merchant_balance_insufficient``, its amount already counts against the
payment's refundable amount, and :func:`retry_pending_refunds` (run by the worker) completes it
once funds arrive. Nothing moves in the ledger until then. A refund that would take the payer's
wallet over its KYC limit is refused (402 ``wallet_balance_limit_exceeded``) when requested; a
held refund that meets the limit later stays pending with that code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.events.usecases.events import emit
from paysetu.kernel.invariants import InvariantViolation
from paysetu.kernel.money_display import shown
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.entries import EntryRequest
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.rules.payments import (
    Payment,
    PaymentState,
    Refund,
    RefundState,
    entry_metadata,
    refund_entry,
    refund_sources,
)
from paysetu.payments.usecases import fx_payments
from paysetu.payments.usecases.checks import (
    check_amount,
    check_cursors,
    check_metadata,
    check_text,
    merchant_scope,
    storable,
    visible_payment,
)
from paysetu.payments.usecases.escrow import escrow_held
from paysetu.payments.usecases.merchants import merchant_accounts
from paysetu.payments.usecases.objects import refund_object
from paysetu.payments.usecases.payments import SWEEP_BATCH_MAX
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork


def _check_wallet_limit(ctx: PaymentsContext, uow: PaymentsUnitOfWork, wallet_id: str) -> None:
    wallet = uow.wallets.get(wallet_id)
    customer = None if wallet is None else uow.customers.get(wallet.customer_id)
    if wallet is None or customer is None:
        raise InvariantViolation("a payment's wallet and customer exist (foreign keys)")
    limits = ctx.policy.wallet_limits
    if not limits.balance_allows(customer.kyc_tier, wallet.currency, wallet.balance_minor):
        raise PaymentRejected(PaymentStatus.WALLET_BALANCE_LIMIT_EXCEEDED, param="amount_minor")


def _pay_out(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, payment: Payment, refund: Refund
) -> Refund:
    """Move the refund's money if the merchant can cover it; else leave the refund pending.

    Runs in a savepoint: a refusal leaves no trace but the returned refund's failure code.
    Raises ``wallet_balance_limit_exceeded`` (after undoing the entry) when the wallet is full.
    """
    wallet = uow.wallets.get(payment.wallet_id)
    if wallet is None:
        raise InvariantViolation("a payment's wallet exists (foreign keys)")
    accounts = merchant_accounts(ctx, uow, payment.merchant_id, payment.currency)
    from_escrow, from_available = refund_sources(
        refund.amount_minor, escrow_held(ctx, uow, payment)
    )
    sources = [(accounts.escrow, from_escrow), (accounts.available, from_available)]
    entries: list[EntryRequest] = (
        [
            *fx_payments.refund_entries(
                ctx,
                uow,
                payment,
                refund,
                sources,
                wallet.account_id,
            )
        ]
        if payment.fx_quote_id
        else [
            refund_entry(
                ctx.ids.new_id("je"),
                sources,
                wallet.account_id,
                payment.currency,
                entry_metadata("refund", payment, refund=refund.id),
            )
        ]
    )
    entry_id = entries[0].id
    try:
        with uow.savepoint():
            uow.ledger.apply(entries, ctx.clock.now())
            _check_wallet_limit(ctx, uow, wallet.id)
    except EntryRejected as rejection:
        if rejection.code is not CreateEntryStatus.EXCEEDS_CREDITS:
            raise
        return replace(
            refund,
            status=RefundState.PENDING,
            failure_code=PaymentStatus.MERCHANT_BALANCE_INSUFFICIENT.value,
        )
    return replace(refund, status=RefundState.SUCCEEDED, entry_id=entry_id, failure_code=None)


def _refundable(
    uow: PaymentsUnitOfWork, caller: Principal, payment_id: str, amount_minor: int | None,
    reason: str | None, metadata: Mapping[str, str], *, for_update: bool,
) -> tuple[Payment, int]:
    """The payment and the amount to refund, once every check of a refund has passed."""
    if amount_minor is not None:
        check_amount(amount_minor)
    check_metadata(metadata)
    check_text(reason, "reason")
    payment = visible_payment(uow, caller, payment_id, for_update=for_update)
    if payment.status is not PaymentState.SUCCEEDED:
        raise PaymentRejected(
            PaymentStatus.PAYMENT_UNEXPECTED_STATE,
            f"Only a succeeded payment can be refunded; {payment.id} is {payment.status.value}.",
            "payment",
        )
    amount = payment.refundable_minor if amount_minor is None else amount_minor
    if not 0 < amount <= payment.refundable_minor:
        raise PaymentRejected(
            PaymentStatus.REFUND_EXCEEDS_CAPTURED,
            f"{shown(payment.refundable_minor, payment.currency)} of payment {payment.id} is left"
            " to refund.",
            "amount_minor",
        )
    return payment, amount


def preview_refund(
    uow: PaymentsUnitOfWork, caller: Principal, payment_id: str, amount_minor: int,
    reason: str | None,
) -> int:
    """The amount :func:`create_refund` would refund with the same arguments, refusing as it
    would; nothing is written (the dashboard's confirmation step shows it before the refund)."""
    return _refundable(uow, caller, payment_id, amount_minor, reason, {}, for_update=False)[1]


def create_refund(
    ctx: PaymentsContext,
    uow: PaymentsUnitOfWork,
    caller: Principal,
    payment_id: str,
    amount_minor: int | None,
    reason: str | None,
    metadata: Mapping[str, str],
) -> dict[str, Any]:
    """Refund ``amount_minor`` (default: all that is still refundable) of a captured payment."""
    payment, amount = _refundable(uow, caller, payment_id, amount_minor, reason, metadata,
                                  for_update=True)
    refund = Refund(
        id=ctx.ids.new_id("ref"),
        payment_id=payment.id,
        merchant_id=payment.merchant_id,
        amount_minor=amount,
        currency=payment.currency,
        status=RefundState.PENDING,
        entry_id=None,
        reason=reason,
        failure_code=None,
        metadata=dict(metadata),
        created_at=ctx.clock.now(),
    )
    refund = _pay_out(ctx, uow, payment, fx_payments.with_presentment(refund, payment))
    uow.refunds.insert(refund)
    uow.payments.save(
        replace(
            payment,
            amount_refunded_minor=payment.amount_refunded_minor + amount,
            updated_at=ctx.clock.now(),
        )
    )
    obj = refund_object(refund)
    emit(ctx, uow, payment.merchant_id, "refund.created", obj)
    if refund.status is RefundState.SUCCEEDED:
        emit(ctx, uow, payment.merchant_id, "refund.succeeded", obj)
    return obj


def retry_pending_refunds(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, limit: int = SWEEP_BATCH_MAX
) -> int:
    """For the worker: complete held refunds the merchant can now cover; returns how many.

    Each refund is retried under its payment's lock; one that still cannot be paid stays
    pending with the reason. Refunds another worker holds are skipped. The caller commits.
    """
    completed = 0
    for refund in uow.refunds.pending(limit):
        payment = uow.payments.get(refund.payment_id, for_update=True)
        if payment is None:
            raise InvariantViolation("a refund's payment exists (foreign keys)")
        try:
            outcome = _pay_out(ctx, uow, payment, refund)
        except PaymentRejected as refusal:
            outcome = replace(refund, failure_code=refusal.code.value)
        if outcome == refund:
            continue
        uow.refunds.save(outcome)
        if outcome.status is RefundState.SUCCEEDED:
            completed += 1
            emit(ctx, uow, payment.merchant_id, "refund.succeeded", refund_object(outcome))
    return completed


def get_refund(uow: PaymentsUnitOfWork, caller: Principal, refund_id: str) -> dict[str, Any]:
    refund = uow.refunds.get(refund_id) if storable(refund_id) else None
    if refund is None or not caller.owns_merchant(refund.merchant_id):
        raise PaymentRejected(PaymentStatus.REFUND_NOT_FOUND, param="refund")
    return refund_object(refund)


def list_refunds(
    uow: PaymentsUnitOfWork, caller: Principal, payment_id: str | None, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    """Newest first; with ``payment``, that payment's refunds (404 if the caller can't see it)."""
    scope = merchant_scope(caller)
    check_cursors(page)
    if payment_id is not None:
        visible_payment(uow, caller, payment_id)
    items, has_more = uow.refunds.list_page(scope, payment_id, page)
    return [refund_object(r) for r in items], has_more
