"""Emit an event in the caller's transaction; its webhook deliveries are queued with it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from paysetu.app.context import AppContext
from paysetu.app.ports import AppUnitOfWork
from paysetu.events.rules.events import EVENT_TYPES, Event
from paysetu.kernel.invariants import invariant


def emit(
    ctx: AppContext, uow: AppUnitOfWork, merchant_id: str | None, event_type: str,
    obj: dict[str, Any],
) -> Event:
    """Record ``event_type`` about ``obj`` (its API form) for ``merchant_id``'s webhooks."""
    invariant(event_type in EVENT_TYPES, f"unknown event type {event_type}")
    event = Event(ctx.ids.new_id("evt"), merchant_id, event_type, {"object": obj}, ctx.clock.now())
    uow.events.insert_with_deliveries(event, "whd_")
    return event


def emit_many(
    ctx: AppContext, uow: AppUnitOfWork, events: Sequence[tuple[str | None, str, dict[str, Any]]]
) -> list[Event]:
    """:func:`emit` for many ``(merchant_id, event_type, obj)`` at once (batch jobs)."""
    now = ctx.clock.now()
    recorded = []
    for merchant_id, event_type, obj in events:
        invariant(event_type in EVENT_TYPES, f"unknown event type {event_type}")
        recorded.append(Event(ctx.ids.new_id("evt"), merchant_id, event_type, {"object": obj}, now))
    uow.events.insert_many_with_deliveries(recorded, "whd_")
    return recorded
