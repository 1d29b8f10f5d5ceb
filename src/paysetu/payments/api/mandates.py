"""``/v1/mandates``: a merchant requests a mandate, sends pre-debit notices, cancels it.

The customer approves, refuses, pauses, resumes and revokes under ``/v1/customer/mandates``
(``paysetu.customers.api``). A merchant key sees its own mandates only (404 for others).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends

from paysetu.kernel.pagination import PageRequest
from paysetu.payments.api.deps import Context, Write
from paysetu.payments.api.models import Mandate, MandateNotice
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.usecases import mandates
from paysetu.shell.http.context import Caller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import EmptyBody, MandateCreate, MandateNoticeCreate

router = APIRouter(tags=["mandates"])


def _instant(seconds: int, param: str) -> datetime:
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        raise PaymentRejected(PaymentStatus.MANDATE_TERMS_INVALID, param=param) from None


@router.post("/mandates", response_model=Mandate)
def create_mandate(body: MandateCreate, write: Write) -> Any:
    """Request a mandate (``pending`` until the customer approves it with the PIN)."""
    command = mandates.CreateMandate(
        body.wallet, body.amount_max_minor, body.currency, body.frequency, body.purpose,
        _instant(body.valid_until, "valid_until"), body.merchant)
    return write.run(200, lambda uow: mandates.create_mandate(
        write.context, uow, write.caller, command))


@router.get("/mandates/{mandate_id}", response_model=Mandate)
def get_mandate(mandate_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return mandates.get_mandate(context, uow, caller, mandate_id)


@router.get("/mandates", response_model=ListOf[Mandate])
def list_mandates(
    context: Context, caller: Caller, page: Annotated[PageRequest, Depends(page_request)]
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = mandates.list_mandates(context, uow, caller, page)
    return list_object("/v1/mandates", data, has_more)


@router.post("/mandates/{mandate_id}/notices", response_model=MandateNotice)
def send_notice(mandate_id: str, body: MandateNoticeCreate, write: Write) -> Any:
    """The pre-debit notification of one debit: the customer is told amount and date, and
    a debit under the mandate needs one sent at least 24 hours (configurable) before."""
    debit_after = _instant(body.debit_after, "debit_after")
    return write.run(200, lambda uow: mandates.send_notice(
        write.context, uow, write.caller, mandate_id, body.amount_minor, debit_after))


@router.post("/mandates/{mandate_id}/cancel", response_model=Mandate)
def cancel_mandate(mandate_id: str, write: Write, _body: EmptyBody | None = None) -> Any:
    """The merchant withdraws the mandate: ``revoked``, at once."""
    return write.run(200, lambda uow: mandates.cancel_mandate(
        write.context, uow, write.caller, mandate_id))
