"""``/v1/events``: what happened, newest first; the same objects the webhooks carry."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query

from paysetu.kernel.pagination import PageRequest
from paysetu.payments.api.deps import Context
from paysetu.payments.api.models import Event
from paysetu.payments.usecases import webhook_endpoints as webhooks
from paysetu.shell.http.context import Caller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter

router = APIRouter(tags=["events"])


@router.get("/events/{event_id}", response_model=Event)
def get_event(event_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return webhooks.get_event(uow, caller, event_id)


@router.get("/events", response_model=ListOf[Event])
def list_events(
    context: Context,
    caller: Caller,
    page: Annotated[PageRequest, Depends(page_request)],
    event_type: Annotated[
        str | None, Query(alias="type", description="Only events of this type.")
    ] = None,
) -> dict[str, Any]:
    """A merchant's events (every event for the platform key), newest first."""
    with context.uow_factory() as uow:
        data, has_more = webhooks.list_events(uow, caller, event_type, page)
    return list_object("/v1/events", data, has_more)
