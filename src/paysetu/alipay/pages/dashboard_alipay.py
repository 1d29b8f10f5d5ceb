"""Dashboard page for Alipay-style apps: register an app, list them, copy the SDK settings.

A merchant moving an Alipay integration needs three things from paysetu (``docs/alipay.md``):
the app id to put in its SDK, the platform public key that replaces Alipay's, and the gateway
URL. This page registers the app (the app's own RSA public key, pasted as PEM, and an optional
default notify URL) through :mod:`paysetu.alipay.usecases.alipay_apps`, with the same rules and
refusals as ``POST /v1/alipay_apps``, and shows all three. Only the merchant's own apps are
listed (the service scopes them). A registration answers 303 back to the list with a flash
(post/redirect/get: a reload never registers a second app); a refusal re-renders the form with
the message next to its field. On a deployment without the gateway the page says so and offers
no form.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from paysetu.alipay.api.deps import Context
from paysetu.alipay.usecases import alipay_apps
from paysetu.alipay.usecases.ports import AlipayUnitOfWork
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.actions import FieldError, write
from paysetu.shell.pages.auth import Form, MerchantSession, principal_of
from paysetu.shell.pages.rendering import redirect, render

router = APIRouter(include_in_schema=False)
PATH = "/dashboard/alipay-apps"
APPS_PER_PAGE = 100


def _apps_page(
    request: Request, context: Context, session: MerchantSession, *,
    error: FieldError | None = None, typed: dict[str, str] | None = None,
) -> Response:
    apps: list[dict[str, Any]] = []
    platform_key = None
    if context.alipay is not None:
        platform_key = context.alipay.keys.public_key_pem()
        with context.uow_factory() as uow:
            apps, _ = alipay_apps.list_apps(context, uow, principal_of(session),
                                            PageRequest(limit=APPS_PER_PAGE))
    gateway_url = f"{str(request.base_url).rstrip('/')}{alipay_apps.GATEWAY_PATH}"
    return render(request, "dashboard/alipay_apps.html", {
        "apps": apps, "error": error, "typed": typed or {},
        "platform_key": platform_key, "gateway_url": gateway_url,
    }, status_code=error.status if error else 200)


@router.get(PATH, response_class=HTMLResponse)
def app_list(request: Request, context: Context, session: MerchantSession) -> Response:
    return _apps_page(request, context, session)


@router.post(PATH, response_class=HTMLResponse)
def app_register(
    request: Request, context: Context, session: MerchantSession, form: Form
) -> Response:
    caller = principal_of(session)
    public_key, notify_url = form.text("public_key"), form.text("notify_url")

    def work(uow: AlipayUnitOfWork) -> dict[str, Any]:
        return alipay_apps.register_app(context, uow, caller, merchant=None,
                                        public_key=public_key, notify_url=notify_url or None)

    try:
        created = write(context, caller, f"POST {PATH}", work)
    except PaysetuError as refusal:
        return _apps_page(request, context, session, error=FieldError.of(refusal),
                          typed={"public_key": public_key, "notify_url": notify_url})
    return redirect(PATH, flash=f"App {created['id']} is registered: put its id and the"
                    " platform public key below in your SDK.")
