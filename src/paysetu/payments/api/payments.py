"""``/v1/payments``: create, confirm, capture, cancel; escrow release and dispute.

A merchant key creates, reads and acts on its own payments only; anyone else's answer 404
``payment_not_found``. The platform key sees every payment. Escrow release and dispute are
platform-only: the platform acts for the buyer (a merchant releasing its own escrow would
defeat it), so other keys get 404 there.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query

from paysetu.kernel.pagination import PageRequest
from paysetu.payments.api.deps import Context, Write
from paysetu.payments.api.models import Payment
from paysetu.payments.usecases import escrow, payments
from paysetu.payments.usecases.ports import PaymentsContext
from paysetu.shell.http.context import Caller, PlatformCaller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import (
    EmptyBody,
    PaymentCancel,
    PaymentCapture,
    PaymentCreate,
    PaymentRelease,
)

router = APIRouter(tags=["payments"])


def _expire_if_due(context: PaymentsContext, payment_id: str) -> None:
    """Record a lapsed authorisation before acting on the payment, in its own transaction.

    The check is a plain read (nearly always: not due); only a lapsed one opens a transaction.
    """
    with context.reader() as uow:
        due = payments.authorization_due(context, uow, payment_id)
    if due:
        with context.uow_factory() as uow:
            if payments.expire_if_due(context, uow, payment_id):
                uow.commit()


@router.post("/payments", response_model=Payment)
def create_payment(body: PaymentCreate, write: Write) -> Any:
    """Create a payment (``requires_confirmation``), or with ``confirm: true`` confirm it too.

    Confirming debits the wallet only under a live ``mandate`` or, with the platform key, an
    ``operator_reason``; otherwise the payment waits for the customer (``requires_action``,
    with a ``next_action``), whatever the wallet holds. An operator debit the wallet cannot
    fund answers 402 ``exceeds_available_balance`` and nothing is written.
    """
    command = payments.CreatePayment(
        body.amount_minor, body.currency, body.wallet, body.merchant, body.capture_method,
        body.escrow, body.description, body.metadata, body.confirm, body.fx_quote,
        operator_reason=body.operator_reason, mandate=body.mandate,
    )
    return write.run(200, lambda uow: payments.create_payment(
        write.context, uow, write.caller, command))


@router.get("/payments/{payment_id}", response_model=Payment)
def get_payment(payment_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        obj = payments.get_payment(context, uow, caller, payment_id)
        uow.commit()
    return obj


@router.get("/payments", response_model=ListOf[Payment])
def list_payments(
    context: Context,
    caller: Caller,
    page: Annotated[PageRequest, Depends(page_request)],
    status: Annotated[str | None, Query(description="Only payments in this status.")] = None,
    merchant: Annotated[str | None, Query(description="Platform: one merchant's.")] = None,
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = payments.list_payments(uow, caller, merchant, status, page)
    return list_object("/v1/payments", data, has_more)


@router.post("/payments/{payment_id}/confirm", response_model=Payment)
def confirm_payment(payment_id: str, write: Write, _body: EmptyBody | None = None) -> Any:
    """With consent (mandate, operator): automatic capture charges now (``succeeded``),
    manual authorises (``requires_capture``). Without: ``requires_action`` for the customer.

    An operator debit the wallet cannot fund answers 402 ``exceeds_available_balance`` and
    changes nothing: the payment stays ``requires_confirmation``.
    """
    return write.run(200, lambda uow: payments.confirm_payment(
        write.context, uow, write.caller, payment_id))


@router.post("/payments/{payment_id}/capture", response_model=Payment)
def capture_payment(payment_id: str, write: Write, body: PaymentCapture | None = None) -> Any:
    """Capture an authorisation, in full or in part (the rest goes back to the wallet).

    After the authorisation lapsed the payment is canceled (``cancellation_reason: expired``)
    and a capture answers 409 ``authorization_expired``.
    """
    _expire_if_due(write.context, payment_id)
    amount = None if body is None else body.amount_minor
    return write.run(200, lambda uow: payments.capture_payment(
        write.context, uow, write.caller, payment_id, amount))


@router.post("/payments/{payment_id}/cancel", response_model=Payment)
def cancel_payment(payment_id: str, write: Write, body: PaymentCancel | None = None) -> Any:
    """Cancel before capture; an authorisation is voided and the wallet's funds released.

    Canceling a lapsed authorisation succeeds with ``cancellation_reason: expired``.
    """
    reason = None if body is None else body.cancellation_reason
    return write.run(200, lambda uow: payments.cancel_payment(
        write.context, uow, write.caller, payment_id, reason))


@router.post("/payments/{payment_id}/release", response_model=Payment)
def release_escrow(
    payment_id: str, write: Write, _: PlatformCaller, body: PaymentRelease | None = None
) -> Any:
    """The buyer confirmed receipt: escrow moves to the merchant's available balance."""
    resolve = False if body is None else body.resolve_dispute
    return write.run(200, lambda uow: escrow.release_escrow(
        write.context, uow, write.caller, payment_id, resolve))


@router.post("/payments/{payment_id}/dispute", response_model=Payment)
def dispute_escrow(
    payment_id: str, write: Write, _: PlatformCaller, _body: EmptyBody | None = None
) -> Any:
    """The buyer disputes: the escrow is frozen (no release) until refunded or resolved."""
    return write.run(200, lambda uow: escrow.dispute_escrow(
        write.context, uow, write.caller, payment_id))
