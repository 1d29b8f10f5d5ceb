"""Dashboard developer pages: webhook endpoints with their delivery log, and API keys.

A new endpoint's signing secret and a new key's secret are shown once, in the answer to the
POST that made them (never stored in a cookie or shown again). Keys are the merchant's own:
another merchant's key id, like an unknown one, is the 404 page.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from paysetu.access.rules.principals import Role
from paysetu.access.usecases import api_keys as access
from paysetu.events.rules.events import EVENT_TYPES
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.payments.api.deps import Context
from paysetu.payments.usecases import webhook_endpoints as webhooks
from paysetu.payments.usecases.ports import PaymentsUnitOfWork
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.actions import FieldError, visible_or_404, write
from paysetu.shell.pages.auth import (
    Form,
    MerchantSession,
    page_not_found,
    principal_of,
)
from paysetu.shell.pages.rendering import redirect, render

router = APIRouter(include_in_schema=False)
DELIVERIES_PER_PAGE = 50
WEBHOOK_FIELDS = {"url": "url", "enabled_events": "events", "description": "description"}


def _webhooks_page(
    request: Request, context: Context, session: MerchantSession, *,
    created: dict[str, Any] | None = None, error: FieldError | None = None,
    typed: dict[str, Any] | None = None,
) -> Response:
    with context.uow_factory() as uow:
        endpoints, _ = webhooks.list_endpoints(uow, principal_of(session), PageRequest(limit=100))
    return render(request, "dashboard/webhooks.html", {
        "endpoints": endpoints, "created": created, "error": error, "typed": typed or {},
        "event_types": sorted(EVENT_TYPES),
    }, status_code=error.status if error else 200)


@router.get("/dashboard/webhooks", response_class=HTMLResponse)
def webhook_list(request: Request, context: Context, session: MerchantSession) -> Response:
    return _webhooks_page(request, context, session)


@router.post("/dashboard/webhooks", response_class=HTMLResponse)
def webhook_create(
    request: Request, context: Context, session: MerchantSession, form: Form
) -> Response:
    caller = principal_of(session)
    events = [e for e in form.data.getlist("events") if isinstance(e, str)] or ["*"]
    url, description = form.text("url"), form.text("description")
    typed: dict[str, Any] = {"url": url, "description": description, "events": events}

    def work(uow: PaymentsUnitOfWork) -> dict[str, Any]:
        return webhooks.create_endpoint(context, uow, caller, url, events, description or None)

    try:
        created = write(context, caller, "POST /dashboard/webhooks", work)
    except PaysetuError as refusal:
        error = FieldError.of(refusal, WEBHOOK_FIELDS)
        if (error.param or "").startswith("enabled_events"):
            error = FieldError(error.code, error.message, "events", error.status)
        return _webhooks_page(request, context, session, error=error, typed=typed)
    return _webhooks_page(request, context, session, created=created)


@router.get("/dashboard/webhooks/{endpoint_id}", response_class=HTMLResponse)
def webhook_detail(
    request: Request, endpoint_id: str, context: Context, session: MerchantSession
) -> Response:
    caller = principal_of(session)
    with visible_or_404(), context.uow_factory() as uow:
        endpoint = webhooks.endpoint_object(webhooks.get_endpoint(uow, caller, endpoint_id))
        deliveries, has_more = webhooks.list_deliveries(
            uow, caller, endpoint_id, PageRequest(limit=DELIVERIES_PER_PAGE))
    return render(request, "dashboard/webhook.html", {
        "endpoint": endpoint, "deliveries": deliveries, "has_more": has_more})


@router.post("/dashboard/webhooks/{endpoint_id}/disable")
def webhook_disable(
    endpoint_id: str, context: Context, session: MerchantSession, _form: Form
) -> Response:
    caller = principal_of(session)
    with visible_or_404():
        write(context, caller, f"POST /dashboard/webhooks/{endpoint_id}/disable",
              lambda uow: webhooks.disable_endpoint(uow, caller, endpoint_id))
    return redirect(f"/dashboard/webhooks/{endpoint_id}",
                    flash=f"Endpoint {endpoint_id} is disabled.")


def _keys_page(
    request: Request, context: Context, session: MerchantSession, *,
    secret: str | None = None,
) -> Response:
    keys = access.list_keys(context, session.user.merchant_id)
    return render(request, "dashboard/api_keys.html", {"keys": keys, "secret": secret})


@router.get("/dashboard/api-keys", response_class=HTMLResponse)
def key_list(request: Request, context: Context, session: MerchantSession) -> Response:
    return _keys_page(request, context, session)


@router.post("/dashboard/api-keys", response_class=HTMLResponse)
def key_create(
    request: Request, context: Context, session: MerchantSession, _form: Form
) -> Response:
    issued = access.create_key(context, Role.MERCHANT, session.user.merchant_id,
                               livemode=False)
    return _keys_page(request, context, session, secret=issued.secret)


@router.post("/dashboard/api-keys/{key_id}/revoke")
def key_revoke(
    key_id: str, context: Context, session: MerchantSession, _form: Form
) -> Response:
    owned = {k.id for k in access.list_keys(context, session.user.merchant_id)
             if k.role is Role.MERCHANT}
    if key_id not in owned:
        raise page_not_found()
    done = access.revoke_key(context, key_id)
    return redirect("/dashboard/api-keys",
                    flash=f"Key {key_id} is revoked." if done else f"{key_id} was revoked.")
