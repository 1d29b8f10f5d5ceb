"""The customer's answer to a payment in ``requires_action``: approve (debit now) or refuse.

These take the id of a customer whom the caller authenticated (signed in, and for an approval
the payment PIN checked: :mod:`paysetu.customers.usecases.approvals`); a payment of another
customer is reported as missing. Approving debits in the same transaction, so the wallet's
balance is read for the first time here: a wallet that cannot fund the payment answers the
customer 402 ``exceeds_available_balance`` and the payment keeps waiting (a top-up, then
approve again), while the merchant still sees only ``requires_action``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from paysetu.events.usecases.events import emit
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.rules.mandates import masked_payee
from paysetu.payments.rules.payments import Consent, Payment, PaymentState
from paysetu.payments.usecases.approvals_state import EXPIRED, approval_lapsed
from paysetu.payments.usecases.checks import storable
from paysetu.payments.usecases.objects import payment_object
from paysetu.payments.usecases.payments import debit
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork

REFUSED = "customer_refused"
"""The failure code of a payment its customer refused."""
PENDING_LIST_MAX = 100


def approval_object(uow: PaymentsUnitOfWork, payment: Payment) -> dict[str, Any]:
    """What the customer sees before the PIN: the payee (masked legal name), amount, expiry."""
    merchant = uow.merchants.get(payment.merchant_id)
    obj = payment_object(payment)
    return {
        "id": payment.id,
        "object": "payment_approval",
        "payee": "?" if merchant is None else masked_payee(merchant.legal_name),
        "amount_minor": obj["amount_minor"],
        "currency": obj["currency"],
        "presentment_amount_minor": obj["presentment_amount_minor"],
        "presentment_currency": obj["presentment_currency"],
        "wallet": payment.wallet_id,
        "description": payment.description,
        "mandate": payment.mandate_id,
        "status": obj["status"],
        "expires_at": (obj["next_action"] or {}).get("customer_approval", {}).get("expires_at"),
        "created": obj["created"],
    }


def pending_approvals(uow: PaymentsUnitOfWork, customer_id: str) -> list[dict[str, Any]]:
    """The customer's payments waiting for an answer, oldest first (lapsed ones included
    until the sweep cancels them; approving one answers ``approval_expired``)."""
    return [approval_object(uow, p)
            for p in uow.payments.awaiting_customer(customer_id, PENDING_LIST_MAX)]


def customer_payment(
    uow: PaymentsUnitOfWork, customer_id: str, payment_id: str, *, for_update: bool = False
) -> Payment:
    """The customer's own payment; another customer's is reported as missing."""
    payment = uow.payments.get(payment_id, for_update=for_update) if storable(payment_id) else None
    if payment is None or payment.customer_id != customer_id:
        raise PaymentRejected(PaymentStatus.PAYMENT_NOT_FOUND, param="payment")
    return payment


def _waiting(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, customer_id: str, payment_id: str
) -> Payment:
    payment = customer_payment(uow, customer_id, payment_id, for_update=True)
    expired = (payment.status is PaymentState.CANCELED and payment.cancellation_reason == EXPIRED
               and payment.authorization_entry_id is None)
    if expired or approval_lapsed(payment, ctx.clock.now()):
        raise PaymentRejected(PaymentStatus.APPROVAL_EXPIRED, param="payment")
    if payment.status is not PaymentState.REQUIRES_ACTION:
        raise PaymentRejected(
            PaymentStatus.PAYMENT_UNEXPECTED_STATE,
            f"Payment {payment.id} is {payment.status.value}, not waiting for an approval.",
            "payment")
    return payment


def approve_payment(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, customer_id: str, payment_id: str
) -> dict[str, Any]:
    """Debit now, with the customer's consent (the caller checked the PIN)."""
    payment = _waiting(ctx, uow, customer_id, payment_id)
    debit(ctx, uow, replace(payment, consent=Consent.CUSTOMER, action_expires_at=None))
    charged = uow.payments.get(payment.id)
    return approval_object(uow, payment if charged is None else charged)


def refuse_payment(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, customer_id: str, payment_id: str
) -> dict[str, Any]:
    """The customer says no: ``failed`` with ``customer_refused``; nothing moves."""
    payment = _waiting(ctx, uow, customer_id, payment_id)
    refused = replace(payment, status=PaymentState.FAILED, failure_code=REFUSED,
                      action_expires_at=None, updated_at=ctx.clock.now())
    uow.payments.save(refused)
    emit(ctx, uow, payment.merchant_id, "payment.failed", payment_object(refused))
    return approval_object(uow, refused)
