"""Events and the webhook outbox: an event and its deliveries are written in the caller's
transaction, so a change and its notification commit (or vanish) together."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.db.deferred import DeferredWrites
from paysetu.db.pagination import fetch_page
from paysetu.events.rules.events import Event
from paysetu.kernel.pagination import PageRequest


def _event(row: sa.Row[Any]) -> Event:
    return Event(row.id, row.merchant_id, row.type, row.data, row.created_at)


_INSERT_EVENT = (
    "INSERT INTO events (id, merchant_id, type, data, created_at)"
    " VALUES (%(id)s, %(merchant_id)s, %(type)s, CAST(%(data)s AS jsonb), %(created_at)s)"
)
_INSERT_EVENT_WITH_DELIVERIES = (
    f"WITH new_event AS ({_INSERT_EVENT} RETURNING id)"
    " INSERT INTO webhook_deliveries (id, event_id, endpoint_id, status,"
    " next_attempt_at, created_at)"
    " SELECT %(prefix)s || e.id || '_' || new_event.id, new_event.id, e.id, 'pending',"
    " %(created_at)s, %(created_at)s FROM new_event CROSS JOIN webhook_endpoints e"
    " WHERE e.merchant_id = %(merchant_id)s AND NOT e.disabled"
    " AND (%(type)s = ANY(e.enabled_events) OR '*' = ANY(e.enabled_events))"
)


class EventStore:
    def __init__(self, connection: sa.Connection, writes: DeferredWrites) -> None:
        self._connection = connection
        self._writes = writes

    def insert_with_deliveries(self, event: Event, delivery_id_prefix: str) -> None:
        """Store the event and queue one delivery per subscribed endpoint.

        One statement: the event is inserted by a data-modifying ``WITH`` whose row the
        deliveries' ``SELECT`` joins (their foreign key is checked at its end). It is queued
        (:class:`~paysetu.db.deferred.DeferredWrites`) and reaches the server with the next
        statement that needs an answer.
        """
        params = {
            "id": event.id, "merchant_id": event.merchant_id, "type": event.type,
            "data": json.dumps(event.data), "created_at": event.created_at,
        }
        if event.merchant_id is None:
            self._writes.add(_INSERT_EVENT, params)
        else:
            self._writes.add(_INSERT_EVENT_WITH_DELIVERIES,
                             {**params, "prefix": delivery_id_prefix})

    def insert_many_with_deliveries(self, events: Sequence[Event], delivery_id_prefix: str) -> int:
        """:meth:`insert_with_deliveries` for many events in two statements (batch jobs)."""
        if not events:
            return 0
        docs = json.dumps([
            {"id": e.id, "merchant_id": e.merchant_id, "type": e.type, "data": e.data,
             "created_at": e.created_at.isoformat()}
            for e in events
        ])
        self._connection.execute(
            sa.text(
                "INSERT INTO events (id, merchant_id, type, data, created_at)"
                " SELECT id, merchant_id, type, data, created_at FROM jsonb_to_recordset("
                " CAST(:docs AS jsonb)) AS x(id text, merchant_id text, type text, data jsonb,"
                " created_at timestamptz)"
            ),
            {"docs": docs},
        )
        result = self._connection.execute(
            sa.text(
                "INSERT INTO webhook_deliveries (id, event_id, endpoint_id, status,"
                " next_attempt_at, created_at)"
                " SELECT :prefix || w.id || '_' || ev.id, ev.id, w.id, 'pending', ev.created_at,"
                " ev.created_at FROM events ev JOIN webhook_endpoints w"
                " ON w.merchant_id = ev.merchant_id AND NOT w.disabled"
                " AND (ev.type = ANY(w.enabled_events) OR '*' = ANY(w.enabled_events))"
                " WHERE ev.id = ANY(CAST(:ids AS text[]))"
            ),
            {"prefix": delivery_id_prefix, "ids": [e.id for e in events]},
        )
        return result.rowcount

    def get(self, event_id: str) -> Event | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM events WHERE id = :id"), {"id": event_id}
        ).one_or_none()
        return None if row is None else _event(row)

    def list_page(
        self, merchant_id: str | None, event_type: str | None, page: PageRequest
    ) -> tuple[list[Event], bool]:
        rows, has_more = fetch_page(
            self._connection,
            "SELECT * FROM events",
            "(CAST(:merchant AS text) IS NULL OR merchant_id = :merchant)"
            " AND (CAST(:type AS text) IS NULL OR type = :type)",
            {"merchant": merchant_id, "type": event_type},
            page,
        )
        return [_event(r) for r in rows], has_more

    def created_since(self, since: datetime) -> int:
        return int(
            self._connection.execute(
                sa.text("SELECT count(*) FROM events WHERE created_at >= :since"),
                {"since": since},
            ).scalar_one()
        )
