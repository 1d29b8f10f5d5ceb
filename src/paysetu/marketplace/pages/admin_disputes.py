"""``/admin/disputes``: the platform's queue of disputed marketplace shares, and its decision.

A marketplace may freeze a share's hold with a dispute and may end it in the buyer's favour (a
return), but only the platform may end it in the seller's favour (release the hold: the seller
cannot be both party and judge). These pages give the platform's admin that decision, which was
API-only: release to the seller, or return in full to the buyer with a reason. Each action is
one transaction through the API's use cases (CSRF-checked form); a refusal (a share decided in
the meantime) is shown above the queue with its code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from paysetu.marketplace.api.deps import Context
from paysetu.marketplace.usecases import holds, returns
from paysetu.marketplace.usecases.ports import MarketplaceUnitOfWork
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.actions import FieldError, act_then_return
from paysetu.shell.pages.auth import AdminSession, Form, principal_of
from paysetu.shell.pages.rendering import render

router = APIRouter(include_in_schema=False)
PAGE = "/admin/disputes"
DISPUTES_LISTED = 100


def _queue(
    request: Request, context: Context, session: AdminSession,
    error: FieldError | None = None,
) -> Response:
    with context.uow_factory() as uow:
        shares = holds.disputed(uow, principal_of(session), DISPUTES_LISTED)
        sellers = {s.seller_id: uow.marketplace.get_seller(s.seller_id) for s in shares}
    names = {sid: seller.legal_name for sid, seller in sellers.items() if seller is not None}
    return render(request, "admin/disputes.html",
                  {"shares": shares, "names": names, "error": error,
                   "listed_max": DISPUTES_LISTED},
                  status_code=error.status if error else 200)


@router.get(PAGE, response_class=HTMLResponse)
def dispute_queue(request: Request, context: Context, session: AdminSession) -> Response:
    return _queue(request, context, session)


def _decide(
    request: Request, context: Context, session: AdminSession,
    work: Callable[[MarketplaceUnitOfWork], Any], done: str,
) -> Response:
    return act_then_return(context, principal_of(session), f"POST {request.url.path}", work,
                           page=PAGE, done=done,
                           refused=lambda error: _queue(request, context, session, error))


@router.post(PAGE + "/{share_id}/release", response_class=HTMLResponse)
def release_to_seller(
    request: Request, share_id: str, context: Context, session: AdminSession
) -> Response:
    caller = principal_of(session)
    return _decide(request, context, session,
                   lambda uow: holds.release_share(context, uow, caller, share_id,
                                                   resolve_dispute=True),
                   f"Share {share_id}: dispute ended, released to the seller.")


@router.post(PAGE + "/{share_id}/return", response_class=HTMLResponse)
def return_to_buyer(
    request: Request, share_id: str, context: Context, session: AdminSession, form: Form
) -> Response:
    caller = principal_of(session)
    return _decide(request, context, session,
                   lambda uow: returns.return_share(context, uow, caller, share_id, None,
                                                    form.text("reason") or None),
                   f"Share {share_id}: dispute ended, returned in full to the buyer.")
