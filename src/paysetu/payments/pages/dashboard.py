"""The merchant dashboard's overview: balances per currency, daily volume, recent payments."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, Response

from paysetu.kernel.pagination import PageRequest
from paysetu.payments.api.deps import Context
from paysetu.payments.pages.charts import bar_chart
from paysetu.payments.usecases import merchants
from paysetu.payments.usecases.dashboard import VOLUME_WINDOWS_DAYS, daily_volume
from paysetu.payments.usecases.objects import merchant_object
from paysetu.payments.usecases.payments import list_payments
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.auth import MerchantSession, principal_of
from paysetu.shell.pages.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/dashboard", response_class=HTMLResponse)
def overview(
    request: Request, context: Context, session: MerchantSession,
    days: Annotated[str, Query()] = "30",
) -> Response:
    caller = principal_of(session)
    merchant_id = str(session.user.merchant_id)
    window = int(days) if days in {str(d) for d in VOLUME_WINDOWS_DAYS} else 30
    with context.uow_factory() as uow:
        merchant = merchant_object(merchants.get_merchant(uow, caller, merchant_id),
                                   uow.merchants.balances(merchant_id))
        recent, _ = list_payments(uow, caller, None, None, PageRequest(limit=5))
        series = daily_volume(context, uow, merchant_id, window)
    return render(request, "dashboard/overview.html", {
        "merchant": merchant, "recent": recent, "days": window,
        "windows": VOLUME_WINDOWS_DAYS, "charts": [bar_chart(s) for s in series],
        "series": series,
    })
