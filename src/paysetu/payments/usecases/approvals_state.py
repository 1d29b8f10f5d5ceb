"""The ``requires_action`` state (a payment waiting for its customer's approval), and the
consent a live mandate gives.

Entering it touches no ledger account and reads no balance, so the merchant learns nothing
about the wallet; it only records until when the customer may answer and says so in the
``payment.requires_action`` event (whose ``next_action`` tells where the customer approves).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from paysetu.access.rules.principals import Role
from paysetu.events.usecases.events import emit
from paysetu.kernel.invariants import InvariantViolation
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.rules.mandates import PERIOD, mandate_debit
from paysetu.payments.rules.payments import Consent, Payment, PaymentState
from paysetu.payments.usecases.objects import payment_object
from paysetu.payments.usecases.payer_rows import PayerRows
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork

EXPIRED = "expired"
"""The cancellation reason of an authorisation or an approval that timed out."""


def approval_lapsed(payment: Payment, now: datetime) -> bool:
    return (
        payment.status is PaymentState.REQUIRES_ACTION
        and payment.action_expires_at is not None
        and payment.action_expires_at <= now
    )


def authorization_lapsed(payment: Payment, now: datetime) -> bool:
    return (
        payment.status is PaymentState.REQUIRES_CAPTURE
        and payment.authorization_expires_at is not None
        and payment.authorization_expires_at <= now
    )


def lapsed(payment: Payment, now: datetime) -> bool:
    """An authorisation or an unanswered approval whose time is up."""
    return authorization_lapsed(payment, now) or approval_lapsed(payment, now)


def consent_metadata(payment: Payment) -> dict[str, str]:
    """What a debit's ledger entries record of its consent (the audit trail)."""
    meta = {} if payment.consent is None else {"consent": payment.consent.value}
    if payment.operator_reason is not None:
        meta["operator_reason"] = payment.operator_reason
    if payment.mandate_id is not None:
        meta["mandate"] = payment.mandate_id
    return meta


def initial_consent(
    role: Role, operator_reason: str | None, *, buyer_present: bool, customer_approved: bool
) -> Consent | None:
    """The consent known when a payment is created (a mandate's is decided at confirm): the
    platform's stated reason, the signed-in customer's PIN, or the buyer on a hosted page."""
    if operator_reason is not None:
        if role is not Role.PLATFORM:
            raise PaymentRejected(PaymentStatus.OPERATOR_REASON_INVALID, param="operator_reason")
        return Consent.OPERATOR
    if customer_approved:
        return Consent.CUSTOMER
    return Consent.BUYER if buyer_present else None


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


def mandate_consent(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, payment: Payment, mandate_id: str, *,
    read: PayerRows | None = None,
) -> Payment | None:
    """The payment with the mandate's consent if the mandate covers it (its notice used up);
    None above the extra-approval threshold (the customer approves it too); anything else is
    refused with the mandate's rule. The mandate stays locked to COMMIT, so a pause or a
    revoke waits for this debit or wins. ``read``: what a create with ``confirm`` read
    (:mod:`.payer_rows`): the mandate, locked, is not read again, and the decision is taken at
    the time of that read (its pre-debit notice was looked up ahead for that time)."""
    locked = None if read is None else read.mandate
    mandate = locked if locked is not None and locked.id == mandate_id else uow.mandates.get(
        mandate_id, for_update=True)
    if mandate is None:
        raise InvariantViolation("a payment's mandate exists (foreign key)")
    now = ctx.clock.now() if locked is None or read is None else read.at
    policy = ctx.policy.mandates
    notice = uow.mandates.usable_notice(
        mandate.id, payment.amount_minor, now - timedelta(seconds=policy.pre_debit_notice_s), now,
    ) if policy.pre_debit_notice_s else None
    if not mandate_debit(mandate, merchant_id=payment.merchant_id, wallet_id=payment.wallet_id,
                         amount_minor=payment.amount_minor, currency=payment.currency,
                         notice=notice, policy=policy, now=now):
        return None
    if notice is not None:
        uow.mandates.use_notice(notice.id, payment.id)
    if mandate.frequency in PERIOD:  # an on-demand mandate counts no periods: no write
        uow.mandates.save(replace(mandate, last_debit_at=now, updated_at=now))
    return replace(payment, consent=Consent.MANDATE)
