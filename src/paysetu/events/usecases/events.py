"""Emit an event in the caller's transaction; its webhook deliveries are queued with it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from paysetu.events.rules.events import EVENT_TYPES, Event
from paysetu.events.usecases.ports import EventsContext, EventsUnitOfWork
from paysetu.kernel.invariants import invariant
from paysetu.kernel.timestamps import timestamp


def emit(
    ctx: EventsContext, uow: EventsUnitOfWork, merchant_id: str | None, event_type: str,
    obj: dict[str, Any],
) -> Event:
    """Record ``event_type`` about ``obj`` (its API form) for ``merchant_id``'s webhooks."""
    invariant(event_type in EVENT_TYPES, f"unknown event type {event_type}")
    event = Event(ctx.ids.new_id("evt"), merchant_id, event_type, {"object": obj}, ctx.clock.now())
    uow.events.insert_with_deliveries(event, "whd_")
    return event


def emit_many(
    ctx: EventsContext,
    uow: EventsUnitOfWork,
    events: Sequence[tuple[str | None, str, dict[str, Any]]],
) -> list[Event]:
    """:func:`emit` for many ``(merchant_id, event_type, obj)`` at once (batch jobs)."""
    now = ctx.clock.now()
    recorded = []
    for merchant_id, event_type, obj in events:
        invariant(event_type in EVENT_TYPES, f"unknown event type {event_type}")
        recorded.append(Event(ctx.ids.new_id("evt"), merchant_id, event_type, {"object": obj}, now))
    uow.events.insert_many_with_deliveries(recorded, "whd_")
    return recorded


def event_object(event: Event) -> dict[str, Any]:
    """An event as listed by the API and sent (signed) to webhook endpoints."""
    return {
        "id": event.id,
        "object": "event",
        "type": event.type,
        "merchant": event.merchant_id,
        "created": timestamp(event.created_at),
        "data": event.data,
    }
