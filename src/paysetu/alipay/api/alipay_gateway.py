"""``GET`` and ``POST /gateway.do``: the Alipay-compatible gateway (``docs/alipay.md``), and
``GET /alipay/return/{trade_no}``, where the hosted checkout sends a page/wap pay buyer back.

Not part of the OpenAPI document: it speaks Alipay's protocol, not paysetu's API (no API key;
the request is signed with the app's RSA key, the answer with the platform's). Parameters come
``quote_plus``-encoded in the query (the SDK's way) or, for ``POST``, as an
``application/x-www-form-urlencoded`` body; a name given twice keeps its last value, and the
signature is checked over the same values. Being outside the OpenAPI document, the route is
exempt from the API's unknown-query-parameter check (:func:`.guard.check_parameters`).

A browser method (page/wap pay) that is refused shows the buyer an error page (HTTP 400),
not the signed JSON meant for a merchant's server. URLs the gateway hands out (``qr_code``,
the checkout redirect, the return link) start with ``PAYSETU_PUBLIC_BASE_URL`` when it is set,
so behind a proxy they name the public host, not the request's internal one.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from paysetu.alipay.rules.gateway import BROWSER_METHODS
from paysetu.alipay.usecases import alipay_gateway, alipay_pages
from paysetu.alipay.usecases.alipay_apps import gateway_policy
from paysetu.shell.http.context import context_of
from paysetu.shell.http.routing import APIRouter, run_sync
from paysetu.shell.pages.rendering import render

router = APIRouter()
PATH = "/gateway.do"
MEDIA_TYPE = "application/json; charset=utf-8"


async def _params(request: Request) -> dict[str, str]:
    params = dict(parse_qsl(request.url.query, keep_blank_values=True))
    if request.method == "POST":
        body = (await request.body()).decode("utf-8", "replace")
        params |= dict(parse_qsl(body, keep_blank_values=True))
    return params


@router.api_route(PATH, methods=["GET", "POST"], include_in_schema=False)
async def gateway(request: Request) -> Response:
    """Verify, run and sign one Alipay OpenAPI call (errors are Alipay's, signed)."""
    context = context_of(request)
    policy = gateway_policy(context)
    params = await _params(request)
    answered = await run_sync(
        alipay_gateway.answer, context, policy, params, str(request.base_url))
    if answered.redirect is not None:
        return RedirectResponse(answered.redirect, status_code=302)
    if answered.refusal is not None and params.get("method") in BROWSER_METHODS:
        return render(request, "error.html", {"error": {
            "title": "This payment could not start",
            "message": f"The shop's payment request was refused: {answered.refusal['sub_msg']}"
                       f" ({answered.refusal['sub_code']}). Go back to the shop and try again.",
        }}, status_code=400)
    return Response(answered.body, media_type=MEDIA_TYPE)


@router.get(f"/{alipay_pages.RETURN_PATH}{{trade_no}}", include_in_schema=False)
def browser_return(trade_no: str, request: Request) -> RedirectResponse:
    """Back from the hosted checkout: on to the merchant's return_url, signed."""
    context = context_of(request)
    policy = gateway_policy(context)
    with context.uow_factory() as uow:
        url = alipay_pages.browser_return(context, uow, policy, trade_no, str(request.base_url))
        uow.commit()
    return RedirectResponse(url, status_code=302)
