"""``/v1/checkout_sessions``: a merchant's priced order, paid by the buyer on the hosted page.

A merchant key creates and reads its own sessions; another merchant's answer 404
``checkout_session_not_found``, and a lender key sees none. The platform key names the
merchant. The answer's ``url`` is the hosted page (``/checkout/{id}``), served by this same
app at the request's base URL: send the buyer there; the page needs no key.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from pydantic import Field

from paysetu.checkout.api.deps import Context, Write
from paysetu.checkout.api.models import CheckoutSession
from paysetu.checkout.rules.errors import CheckoutRejected, CheckoutStatus
from paysetu.checkout.usecases import checkout
from paysetu.kernel.pagination import PageRequest
from paysetu.shell.http.context import Caller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import Body, EmptyBody, Metadata

router = APIRouter(tags=["checkout"])


class CheckoutSessionCreate(Body):
    amount_minor: int = Field(description="The price, an integer of the currency's minor unit.")
    currency: str = Field(description="ISO 4217 code of the price; the merchant is credited it.")
    return_url: str = Field(
        description="Where the buyer returns after paying (`checkout_session=<id>` is added to "
        "its query): https, or http on 127.0.0.1/localhost.")
    cancel_url: str | None = Field(
        default=None, description="Where the buyer may go back to before paying.")
    description: str | None = Field(
        default=None, description="What is bought, shown on the page; up to 1,000 characters.")
    metadata: Metadata = Field(default_factory=dict)
    client_reference: str | None = Field(
        default=None, description="The merchant's own order reference, 1-200 characters.")
    expires_at: int | None = Field(
        default=None, description="Unix seconds, 30 minutes to 24 hours from now (default: 30 "
        "minutes).")
    merchant: str | None = Field(
        default=None, description="Platform keys: the merchant (mer_...) being paid.")


def _public_base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _instant(seconds: int | None) -> datetime | None:
    if seconds is None:
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        raise CheckoutRejected(CheckoutStatus.EXPIRES_AT_INVALID, param="expires_at") from None


@router.post("/checkout_sessions", response_model=CheckoutSession)
def create_checkout_session(body: CheckoutSessionCreate, write: Write, request: Request) -> Any:
    """Create an open session (default lifetime 30 minutes) and get its hosted page ``url``.

    The buyer picks a presentment currency on the page (an FX quote is locked when it is not
    the price's currency) and pays once; the payment is a normal one (``payment.succeeded``
    webhook, ``metadata.checkout_session`` names the session).
    """
    command = checkout.CreateCheckoutSession(
        amount_minor=body.amount_minor, currency=body.currency, return_url=body.return_url,
        cancel_url=body.cancel_url, description=body.description, metadata=body.metadata,
        client_reference=body.client_reference, expires_at=_instant(body.expires_at),
        merchant=body.merchant)
    base = _public_base(request)
    return write.run(200, lambda uow: checkout.create_session(
        write.context, uow, write.caller, command, base))


@router.get("/checkout_sessions/{session_id}", response_model=CheckoutSession)
def get_checkout_session(
    session_id: str, context: Context, caller: Caller, request: Request
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return checkout.get_session(context, uow, caller, session_id, _public_base(request))


@router.get("/checkout_sessions", response_model=ListOf[CheckoutSession])
def list_checkout_sessions(
    context: Context,
    caller: Caller,
    request: Request,
    page: Annotated[PageRequest, Depends(page_request)],
    status: Annotated[
        str | None, Query(description="Only sessions now `open`, `complete` or `expired`.")
    ] = None,
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = checkout.list_sessions(
            context, uow, caller, status, page, _public_base(request))
    return list_object("/v1/checkout_sessions", data, has_more)


@router.post("/checkout_sessions/{session_id}/expire", response_model=CheckoutSession)
def expire_checkout_session(
    session_id: str, write: Write, request: Request, _body: EmptyBody | None = None
) -> Any:
    """Close an open session to payment (the page then says so); an expired one is returned
    as it is; a paid one answers 409 ``checkout_session_complete``."""
    base = _public_base(request)
    return write.run(200, lambda uow: checkout.expire_session(
        write.context, uow, write.caller, session_id, base))
