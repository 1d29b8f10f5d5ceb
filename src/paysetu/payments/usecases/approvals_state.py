"""The ``requires_action`` state: a payment waiting for its customer's approval.

Entering it touches no ledger account and reads no balance, so the merchant learns nothing
about the wallet; it only records until when the customer may answer and says so in the
``payment.requires_action`` event (whose ``next_action`` tells where the customer approves).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from paysetu.events.usecases.events import emit
from paysetu.payments.rules.payments import Payment, PaymentState
from paysetu.payments.usecases.objects import payment_object
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork

EXPIRED = "expired"
"""The cancellation reason of an authorisation or an approval that timed out."""


def approval_lapsed(payment: Payment, now: datetime) -> bool:
    return (
        payment.status is PaymentState.REQUIRES_ACTION
        and payment.action_expires_at is not None
        and payment.action_expires_at <= now
    )


def consent_metadata(payment: Payment) -> dict[str, str]:
    """What a debit's ledger entries record of its consent (the audit trail)."""
    meta = {} if payment.consent is None else {"consent": payment.consent.value}
    if payment.operator_reason is not None:
        meta["operator_reason"] = payment.operator_reason
    if payment.mandate_id is not None:
        meta["mandate"] = payment.mandate_id
    return meta


def require_action(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, payment: Payment, reason: str
) -> dict[str, Any]:
    """Park the payment for its customer until the approval time runs out; ``reason``
    (``no_mandate`` or ``above_mandate_threshold``) is the next action's."""
    now = ctx.clock.now()
    waiting = replace(
        payment, status=PaymentState.REQUIRES_ACTION, updated_at=now, action_reason=reason,
        action_expires_at=now + timedelta(seconds=ctx.policy.mandates.approval_ttl_s),
    )
    uow.payments.save(waiting)
    obj = payment_object(waiting)
    emit(ctx, uow, payment.merchant_id, "payment.requires_action", obj)
    return obj
