"""``/v1/webhook_endpoints``: where a merchant's events are sent, and the log of each delivery.

The signing secret is in the response that creates an endpoint and nowhere else. ``DELETE``
disables the endpoint: nothing more is sent to it, and its pending deliveries are canceled.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends

from paysetu.kernel.pagination import PageRequest
from paysetu.payments.api.deps import Context, Write
from paysetu.payments.api.models import WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret
from paysetu.payments.usecases import webhook_endpoints as webhooks
from paysetu.shell.http.context import Caller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import WebhookEndpointCreate

router = APIRouter(tags=["webhooks"])


@router.post("/webhook_endpoints", response_model=WebhookEndpointWithSecret)
def create_webhook_endpoint(body: WebhookEndpointCreate, write: Write) -> Any:
    """Register an endpoint; the response shows its signing secret (``whsec_...``) once."""
    return write.run(200, lambda uow: webhooks.create_endpoint(
        write.context, uow, write.caller, body.url, body.enabled_events, body.description,
        body.merchant))


@router.get("/webhook_endpoints/{endpoint_id}", response_model=WebhookEndpoint)
def get_webhook_endpoint(endpoint_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return webhooks.endpoint_object(webhooks.get_endpoint(uow, caller, endpoint_id))


@router.get("/webhook_endpoints", response_model=ListOf[WebhookEndpoint])
def list_webhook_endpoints(
    context: Context, caller: Caller, page: Annotated[PageRequest, Depends(page_request)]
) -> dict[str, Any]:
    """A merchant's endpoints (every merchant's for the platform key), newest first."""
    with context.uow_factory() as uow:
        data, has_more = webhooks.list_endpoints(uow, caller, page)
    return list_object("/v1/webhook_endpoints", data, has_more)


@router.delete("/webhook_endpoints/{endpoint_id}", response_model=WebhookEndpoint)
def disable_webhook_endpoint(endpoint_id: str, write: Write) -> Any:
    """Disable the endpoint (idempotent); returns it with ``status: disabled``."""
    return write.run(200, lambda uow: webhooks.disable_endpoint(uow, write.caller, endpoint_id))


@router.get("/webhook_endpoints/{endpoint_id}/deliveries", response_model=ListOf[WebhookDelivery])
def list_webhook_deliveries(
    endpoint_id: str, context: Context, caller: Caller,
    page: Annotated[PageRequest, Depends(page_request)],
) -> dict[str, Any]:
    """The endpoint's deliveries, newest event first, each with every attempt made."""
    with context.uow_factory() as uow:
        data, has_more = webhooks.list_deliveries(uow, caller, endpoint_id, page)
    return list_object(f"/v1/webhook_endpoints/{endpoint_id}/deliveries", data, has_more)
