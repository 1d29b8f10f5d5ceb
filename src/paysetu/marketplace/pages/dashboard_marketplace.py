"""``/dashboard/marketplace``: a marketplace's sellers, orders, holds, commission and tax
report, or a seller's shares, holds and payouts (the signed-in merchant's own only)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from paysetu.marketplace.api.deps import Context
from paysetu.marketplace.usecases.dashboard import marketplace_page
from paysetu.shell.pages.auth import MerchantSession, principal_of
from paysetu.shell.pages.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/dashboard/marketplace", response_class=HTMLResponse)
def marketplace(request: Request, context: Context, session: MerchantSession) -> Response:
    with context.uow_factory() as uow:
        shown = marketplace_page(context, uow, principal_of(session))
    return render(request, "dashboard/marketplace.html", {"page": shown})
