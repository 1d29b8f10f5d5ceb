"""``/v1/refunds``: refund a captured payment, in part or in full, as often as it allows.

A merchant key refunds and reads its own payments' refunds; anyone else's answer 404
``refund_not_found`` (or ``payment_not_found`` for the payment named).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query

from paysetu.kernel.pagination import PageRequest
from paysetu.payments.api.deps import Context, Write
from paysetu.payments.api.models import Refund
from paysetu.payments.usecases import refunds
from paysetu.shell.http.context import Caller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import RefundCreate

router = APIRouter(tags=["refunds"])


@router.post("/refunds", response_model=Refund)
def create_refund(body: RefundCreate, write: Write) -> Any:
    """Refund ``amount_minor`` (default: all not yet refunded); fees are not returned.

    The total of a payment's refunds never exceeds what was captured
    (``refund_exceeds_captured``). When the merchant's balance cannot cover it, the refund is
    created ``pending`` (``failure_code: merchant_balance_insufficient``) and completed by the
    worker once funds arrive (``refund.succeeded``). A refund that would take the payer's
    wallet over its KYC limit answers 402 ``wallet_balance_limit_exceeded``.
    """
    return write.run(200, lambda uow: refunds.create_refund(
        write.context, uow, write.caller, body.payment, body.amount_minor, body.reason,
        body.metadata))


@router.get("/refunds/{refund_id}", response_model=Refund)
def get_refund(refund_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return refunds.get_refund(uow, caller, refund_id)


@router.get("/refunds", response_model=ListOf[Refund])
def list_refunds(
    context: Context,
    caller: Caller,
    page: Annotated[PageRequest, Depends(page_request)],
    payment: Annotated[str | None, Query(description="Only this payment's refunds.")] = None,
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = refunds.list_refunds(uow, caller, payment, page)
    return list_object("/v1/refunds", data, has_more)
