"""Webhook endpoints, their delivery log, and events, each visible only to its merchant.

A merchant key sees its own endpoints, deliveries and events; another merchant's answer 404 as
if they did not exist. The platform key sees everything and names the merchant when it creates
an endpoint. Lender keys have no merchant and see none of these.

The signing secret is generated here, returned once by :func:`create_endpoint`, and never shown
again (the delivery worker reads it from the database to sign).
"""

from __future__ import annotations

from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.events.rules.events import EVENT_TYPES
from paysetu.events.rules.webhooks import (
    ALL_EVENTS,
    DESCRIPTION_LENGTH_MAX,
    SECRET_PREFIX,
    Delivery,
    DeliveryAttempt,
    WebhookEndpoint,
    unknown_event_types,
)
from paysetu.events.usecases.events import event_object
from paysetu.events.usecases.targets import target_problem
from paysetu.kernel.pagination import PageRequest
from paysetu.kernel.timestamps import timestamp
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.usecases.checks import merchant_scope
from paysetu.payments.usecases.merchants import get_merchant
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork


def endpoint_object(endpoint: WebhookEndpoint, *, secret: bool = False) -> dict[str, Any]:
    """The API form; ``secret=True`` only in the response that creates the endpoint."""
    obj: dict[str, Any] = {
        "id": endpoint.id,
        "object": "webhook_endpoint",
        "merchant": endpoint.merchant_id,
        "url": endpoint.url,
        "enabled_events": list(endpoint.enabled_events),
        "description": endpoint.description,
        "status": "disabled" if endpoint.disabled else "enabled",
        "created": timestamp(endpoint.created_at),
    }
    if secret:
        obj["secret"] = endpoint.secret
    return obj


def _attempt_object(attempt: DeliveryAttempt) -> dict[str, Any]:
    return {
        "attempted_at": timestamp(attempt.attempted_at),
        "status_code": attempt.status_code,
        "error": attempt.error,
        "duration_ms": attempt.duration_ms,
    }


def delivery_object(delivery: Delivery) -> dict[str, Any]:
    """One event's delivery to one endpoint, with every attempt (oldest first)."""
    return {
        "id": delivery.id,
        "object": "webhook_delivery",
        "endpoint": delivery.endpoint_id,
        "event": delivery.event_id,
        "event_type": delivery.event_type,
        "status": delivery.status.value,
        "attempt_count": len(delivery.attempts),
        "attempts": [_attempt_object(a) for a in delivery.attempts],
        "next_attempt_at": (
            None if delivery.next_attempt_at is None else timestamp(delivery.next_attempt_at)
        ),
        "created": timestamp(delivery.created_at),
    }


def _enabled_events(enabled_events: list[str]) -> tuple[str, ...]:
    if not enabled_events:
        raise PaymentRejected(
            PaymentStatus.WEBHOOK_EVENT_TYPE_INVALID,
            f"Subscribe to at least one event type, or {ALL_EVENTS!r} for all.",
            "enabled_events",
        )
    unknown = unknown_event_types(enabled_events, EVENT_TYPES)
    if unknown:
        index = enabled_events.index(unknown[0])
        raise PaymentRejected(
            PaymentStatus.WEBHOOK_EVENT_TYPE_INVALID,
            f"{unknown[0][:100]!r} is not an event type; see the events documentation.",
            f"enabled_events[{index}]",
        )
    if ALL_EVENTS in enabled_events:
        return (ALL_EVENTS,)
    return tuple(dict.fromkeys(enabled_events))


def _owning_merchant(uow: PaymentsUnitOfWork, caller: Principal, merchant: str | None) -> str:
    scope = merchant_scope(caller)
    if scope is None and merchant is None:
        raise RequestRejected(
            RequestStatus.PARAMETER_MISSING, "The platform key names the merchant.", "merchant"
        )
    return get_merchant(uow, caller, merchant or scope or "").id


def create_endpoint(
    ctx: PaymentsContext,
    uow: PaymentsUnitOfWork,
    caller: Principal,
    url: str,
    enabled_events: list[str],
    description: str | None = None,
    merchant: str | None = None,
) -> dict[str, Any]:
    """Register ``url`` for the merchant's events; the response carries the signing secret."""
    merchant_scope(caller)
    problem = target_problem(ctx.webhook_targets, url, https_only=caller.livemode)
    if problem is not None:
        raise PaymentRejected(PaymentStatus.WEBHOOK_URL_INVALID, problem, "url")
    events = _enabled_events(enabled_events)
    if description is not None and not (
        len(description) <= DESCRIPTION_LENGTH_MAX and description.isprintable()
    ):
        raise RequestRejected(
            RequestStatus.PARAMETER_INVALID,
            f"A description is at most {DESCRIPTION_LENGTH_MAX} printable characters.",
            "description",
        )
    endpoint = WebhookEndpoint(
        ctx.ids.new_id("we"),
        _owning_merchant(uow, caller, merchant),
        url,
        SECRET_PREFIX + ctx.secrets.token(32),
        events,
        description,
        False,
        ctx.clock.now(),
    )
    uow.webhooks.insert_endpoint(endpoint)
    return endpoint_object(endpoint, secret=True)


def get_endpoint(uow: PaymentsUnitOfWork, caller: Principal, endpoint_id: str) -> WebhookEndpoint:
    """The endpoint if the caller may see it; otherwise, as for a missing one, 404."""
    scope = merchant_scope(caller)
    endpoint = uow.webhooks.get_endpoint(endpoint_id)
    if endpoint is None or scope not in (None, endpoint.merchant_id):
        raise PaymentRejected(PaymentStatus.WEBHOOK_ENDPOINT_NOT_FOUND, param="id")
    return endpoint


def list_endpoints(
    uow: PaymentsUnitOfWork, caller: Principal, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    endpoints, has_more = uow.webhooks.list_endpoints(merchant_scope(caller), page)
    return [endpoint_object(e) for e in endpoints], has_more


def disable_endpoint(
    uow: PaymentsUnitOfWork, caller: Principal, endpoint_id: str
) -> dict[str, Any]:
    """Stop sending to the endpoint: no new deliveries, pending ones canceled. Idempotent."""
    endpoint = get_endpoint(uow, caller, endpoint_id)
    uow.webhooks.disable_endpoint(endpoint.id)
    return endpoint_object(get_endpoint(uow, caller, endpoint_id))


def list_deliveries(
    uow: PaymentsUnitOfWork, caller: Principal, endpoint_id: str, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    endpoint = get_endpoint(uow, caller, endpoint_id)
    deliveries, has_more = uow.webhooks.list_deliveries(endpoint.id, page)
    return [delivery_object(d) for d in deliveries], has_more


def get_event(uow: PaymentsUnitOfWork, caller: Principal, event_id: str) -> dict[str, Any]:
    scope = merchant_scope(caller)
    event = uow.events.get(event_id)
    if event is None or scope not in (None, event.merchant_id):
        raise RequestRejected(RequestStatus.RESOURCE_MISSING, "No such event.", "id")
    return event_object(event)


def list_events(
    uow: PaymentsUnitOfWork, caller: Principal, event_type: str | None, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    """Newest first; a merchant sees its own events, the platform every event."""
    scope = merchant_scope(caller)
    if event_type is not None and event_type not in EVENT_TYPES:
        raise RequestRejected(RequestStatus.PARAMETER_INVALID, "type is not an event type.", "type")
    events, has_more = uow.events.list_page(scope, event_type, page)
    return [event_object(e) for e in events], has_more
