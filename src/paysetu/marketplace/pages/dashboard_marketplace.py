"""``/dashboard/marketplace``: a marketplace's sellers, orders, holds, commission and tax
report, or a seller's shares, holds and payouts (the signed-in merchant's own only).

A marketplace acts on its holds from the page, through the API's use cases (one transaction
each, CSRF-checked forms): confirm an order's delivery (every held share released), release
one share (marked delivered), open a dispute on one share, return (part of) one share to the
buyer (which also resolves a dispute in the buyer's favour; releasing a disputed share is the
platform's). A refusal is shown above the page with the status the API would answer; another
merchant's order or share is the 404 page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.kernel.money import AmountFormatError, Money
from paysetu.marketplace.api.deps import Context
from paysetu.marketplace.usecases import holds, returns
from paysetu.marketplace.usecases.dashboard import marketplace_page
from paysetu.marketplace.usecases.ports import MarketplaceUnitOfWork
from paysetu.payments.usecases.checks import storable
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.actions import FieldError, act_then_return
from paysetu.shell.pages.auth import Form, MerchantSession, principal_of
from paysetu.shell.pages.rendering import render

router = APIRouter(include_in_schema=False)
PAGE = "/dashboard/marketplace"


def _page(
    request: Request, context: Context, session: MerchantSession,
    error: FieldError | None = None,
) -> Response:
    with context.uow_factory() as uow:
        shown = marketplace_page(context, uow, principal_of(session))
    return render(request, "dashboard/marketplace.html", {"page": shown, "error": error},
                  status_code=error.status if error else 200)


@router.get(PAGE, response_class=HTMLResponse)
def marketplace(request: Request, context: Context, session: MerchantSession) -> Response:
    return _page(request, context, session)


def _act(
    request: Request, context: Context, session: MerchantSession,
    work: Callable[[MarketplaceUnitOfWork], Any], done: str,
) -> Response:
    return act_then_return(context, principal_of(session), f"POST {request.url.path}", work,
                           page=PAGE, done=done,
                           refused=lambda error: _page(request, context, session, error))


@router.post(PAGE + "/orders/{order_id}/confirm_delivery", response_class=HTMLResponse)
def confirm_delivery(
    request: Request, order_id: str, context: Context, session: MerchantSession, form: Form
) -> Response:
    del form  # the CSRF check is the point
    caller = principal_of(session)
    return _act(request, context, session,
                lambda uow: holds.confirm_delivery(context, uow, caller, order_id),
                f"Order {order_id} delivered: its held shares are released.")


@router.post(PAGE + "/shares/{share_id}/release", response_class=HTMLResponse)
def release(
    request: Request, share_id: str, context: Context, session: MerchantSession, form: Form
) -> Response:
    del form
    caller = principal_of(session)
    return _act(request, context, session,
                lambda uow: holds.release_share(context, uow, caller, share_id),
                f"Share {share_id} delivered and released to its seller.")


@router.post(PAGE + "/shares/{share_id}/dispute", response_class=HTMLResponse)
def dispute(
    request: Request, share_id: str, context: Context, session: MerchantSession, form: Form
) -> Response:
    del form
    caller = principal_of(session)
    return _act(request, context, session,
                lambda uow: holds.dispute_share(context, uow, caller, share_id),
                f"Share {share_id} disputed: its hold is frozen.")


def _amount(text: str, currency: str) -> int | None:
    """The typed amount (empty: what is left of the share)."""
    if not text:
        return None
    try:
        return Money.parse(text, currency).amount_minor
    except AmountFormatError as error:
        raise RequestRejected(RequestStatus.PARAMETER_INVALID, f"{error}.",
                              "amount_minor") from None


@router.post(PAGE + "/shares/{share_id}/returns", response_class=HTMLResponse)
def return_share(
    request: Request, share_id: str, context: Context, session: MerchantSession, form: Form
) -> Response:
    caller = principal_of(session)
    typed = form.text("amount")

    def work(uow: MarketplaceUnitOfWork) -> dict[str, Any]:
        share = uow.marketplace.get_share(share_id) if storable(share_id) else None
        amount = _amount(typed, share.currency) if share is not None else None
        return returns.return_share(context, uow, caller, share_id, amount,
                                    form.text("reason") or None)

    return _act(request, context, session, work,
                f"Share {share_id}: returned {typed or 'in full'} to the buyer.")
