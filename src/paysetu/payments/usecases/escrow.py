"""Escrow (guaranteed trade): funds held until the buyer confirms, a timeout, or a dispute.

An escrow payment's capture credits the merchant's escrow account (net of the fee); the
payment is then ``held`` until ``escrow_release_at``. Release moves what escrow still holds for
the payment to the merchant's available balance. What it holds is read from the ledger (the
net of the escrow postings whose entries name the payment), so refunds drawn from escrow while
it was held are accounted for without a stored balance.

A dispute freezes the escrow: neither the buyer's confirmation nor the timeout releases it;
refunds are still allowed (they draw from escrow first). The platform ends a dispute either by
refunding the buyer or by releasing with ``resolve_dispute`` (decided for the merchant).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.events.usecases.events import emit
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.rules.payments import EscrowState, Payment, entry_metadata
from paysetu.payments.usecases.checks import visible_payment
from paysetu.payments.usecases.merchants import merchant_accounts
from paysetu.payments.usecases.objects import payment_object
from paysetu.payments.usecases.payments import SWEEP_BATCH_MAX
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork
from paysetu.wallets.rules.wallets import transfer_entry

_OPEN = (EscrowState.HELD, EscrowState.DISPUTED)


def escrow_held(ctx: PaymentsContext, uow: PaymentsUnitOfWork, payment: Payment) -> int:
    """What the merchant's escrow account holds for ``payment`` (0 unless held or disputed)."""
    if payment.escrow_status not in _OPEN:
        return 0
    accounts = merchant_accounts(ctx, uow, payment.merchant_id, payment.currency)
    return uow.payments.escrow_held(payment.id, accounts.escrow)


def _release(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, payment: Payment, now: datetime
) -> dict[str, Any]:
    """Move what escrow holds for a locked payment to the merchant's available balance."""
    held = escrow_held(ctx, uow, payment)
    if held > 0:
        accounts = merchant_accounts(ctx, uow, payment.merchant_id, payment.currency)
        uow.ledger.apply([transfer_entry(
            ctx.ids.new_id("je"), accounts.escrow, accounts.available, held, payment.currency,
            entry_metadata("escrow_release", payment))], now)
    payment = replace(payment, escrow_status=EscrowState.RELEASED, updated_at=now)
    uow.payments.save(payment)
    obj = payment_object(payment)
    emit(ctx, uow, payment.merchant_id, "payment.escrow_released", obj)
    return obj


def release_escrow(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, payment_id: str,
    resolve_dispute: bool = False,
) -> dict[str, Any]:
    """The buyer confirmed receipt (or the platform decided a dispute for the merchant)."""
    payment = visible_payment(uow, caller, payment_id, for_update=True)
    if payment.escrow_status not in _OPEN:
        raise PaymentRejected(PaymentStatus.ESCROW_NOT_HELD, param="payment")
    if payment.escrow_status is EscrowState.DISPUTED and not resolve_dispute:
        raise PaymentRejected(
            PaymentStatus.PAYMENT_DISPUTED,
            "The escrow is disputed: refund the buyer, or release with resolve_dispute=true.",
            "payment",
        )
    return _release(ctx, uow, payment, ctx.clock.now())


def dispute_escrow(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, payment_id: str
) -> dict[str, Any]:
    """Freeze a held escrow: no release by confirmation or timeout until the dispute ends."""
    payment = visible_payment(uow, caller, payment_id, for_update=True)
    if payment.escrow_status not in _OPEN:
        raise PaymentRejected(PaymentStatus.ESCROW_NOT_HELD, param="payment")
    if payment.escrow_status is EscrowState.DISPUTED:
        raise PaymentRejected(PaymentStatus.PAYMENT_DISPUTED, param="payment")
    payment = replace(payment, escrow_status=EscrowState.DISPUTED, updated_at=ctx.clock.now())
    uow.payments.save(payment)
    obj = payment_object(payment)
    emit(ctx, uow, payment.merchant_id, "payment.disputed", obj)
    return obj


def release_due_escrows(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, now: datetime, limit: int = SWEEP_BATCH_MAX
) -> int:
    """For the worker: release up to ``limit`` held escrows whose release time passed.

    Disputed escrows are never due. Payments a request holds are skipped until the next run.
    Returns how many were released; the caller commits.
    """
    due = uow.payments.due_escrows(now, limit)
    for payment in due:
        _release(ctx, uow, payment, now)
    return len(due)
