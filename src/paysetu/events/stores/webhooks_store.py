"""Webhook endpoints and the outbox (deliveries and their attempts) in PostgreSQL.

Workers claim due deliveries with ``FOR UPDATE SKIP LOCKED``, so any number of them can run
side by side without claiming the same row; a claim counts the attempt and leases the row (moves
its ``next_attempt_at`` past the send timeout), and commits before anything is sent. If a worker
dies mid-send, the lease runs out and another worker tries again: delivery is at least once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.db.pagination import fetch_page
from paysetu.events.rules.events import Event
from paysetu.events.rules.webhooks import (
    Delivery,
    DeliveryAttempt,
    DeliveryJob,
    DeliveryStatus,
    WebhookEndpoint,
)
from paysetu.kernel.pagination import PageRequest

_CLAIM = """
WITH due AS (
    SELECT d.id, e.disabled
    FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
    WHERE d.status = 'pending' AND d.next_attempt_at <= :now
    ORDER BY d.next_attempt_at, d.id
    LIMIT :limit
    FOR UPDATE OF d SKIP LOCKED
)
UPDATE webhook_deliveries d
SET attempts = d.attempts + CASE WHEN due.disabled THEN 0 ELSE 1 END,
    status = CASE WHEN due.disabled THEN 'canceled' ELSE d.status END,
    next_attempt_at = CASE WHEN due.disabled THEN d.next_attempt_at ELSE :lease_until END
FROM due, webhook_endpoints e, events ev
WHERE d.id = due.id AND e.id = d.endpoint_id AND ev.id = d.event_id
RETURNING d.id AS delivery_id, d.attempts, d.status, e.url, e.secret, ev.id AS event_id,
    ev.merchant_id, ev.type, ev.data, ev.created_at
"""


def _endpoint(row: sa.Row[Any]) -> WebhookEndpoint:
    return WebhookEndpoint(
        row.id, row.merchant_id, row.url, row.secret, tuple(row.enabled_events),
        row.description, row.disabled, row.created_at,
    )


def _attempt(row: sa.Row[Any]) -> DeliveryAttempt:
    return DeliveryAttempt(row.attempted_at, row.status_code, row.error, row.duration_ms)


class WebhookStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def insert_endpoint(self, endpoint: WebhookEndpoint) -> None:
        self._connection.execute(
            sa.text(
                "INSERT INTO webhook_endpoints (id, merchant_id, url, secret, enabled_events,"
                " description, disabled, created_at) VALUES (:id, :merchant_id, :url, :secret,"
                " :enabled_events, :description, :disabled, :created_at)"
            ),
            {
                "id": endpoint.id, "merchant_id": endpoint.merchant_id, "url": endpoint.url,
                "secret": endpoint.secret, "enabled_events": list(endpoint.enabled_events),
                "description": endpoint.description, "disabled": endpoint.disabled,
                "created_at": endpoint.created_at,
            },
        )

    def get_endpoint(self, endpoint_id: str) -> WebhookEndpoint | None:
        row = self._connection.execute(
            sa.text("SELECT * FROM webhook_endpoints WHERE id = :id"), {"id": endpoint_id}
        ).one_or_none()
        return None if row is None else _endpoint(row)

    def list_endpoints(
        self, merchant_id: str | None, page: PageRequest
    ) -> tuple[list[WebhookEndpoint], bool]:
        rows, has_more = fetch_page(
            self._connection, "SELECT * FROM webhook_endpoints",
            "CAST(:merchant AS text) IS NULL OR merchant_id = :merchant",
            {"merchant": merchant_id}, page,
        )
        return [_endpoint(r) for r in rows], has_more

    def disable_endpoint(self, endpoint_id: str) -> int:
        """Disable the endpoint and cancel its pending deliveries; returns how many."""
        self._connection.execute(
            sa.text("UPDATE webhook_endpoints SET disabled = true WHERE id = :id"),
            {"id": endpoint_id},
        )
        result = self._connection.execute(
            sa.text(
                "UPDATE webhook_deliveries SET status = 'canceled'"
                " WHERE endpoint_id = :id AND status = 'pending'"
            ),
            {"id": endpoint_id},
        )
        return result.rowcount

    def list_deliveries(
        self, endpoint_id: str, page: PageRequest
    ) -> tuple[list[Delivery], bool]:
        """The endpoint's deliveries, newest event first, each with all its attempts."""
        rows, has_more = fetch_page(
            self._connection,
            "SELECT d.*, ev.type AS event_type FROM webhook_deliveries d"
            " JOIN events ev ON ev.id = d.event_id",
            "d.endpoint_id = :endpoint", {"endpoint": endpoint_id}, page, id_column="d.id",
        )
        attempts = self._attempts([r.id for r in rows])
        deliveries = [
            Delivery(
                r.id, r.event_id, r.event_type, r.endpoint_id, DeliveryStatus(r.status),
                tuple(attempts.get(r.id, ())),
                r.next_attempt_at if r.status == DeliveryStatus.PENDING else None, r.created_at,
            )
            for r in rows
        ]
        return deliveries, has_more

    def _attempts(self, delivery_ids: Sequence[str]) -> dict[str, list[DeliveryAttempt]]:
        found: dict[str, list[DeliveryAttempt]] = {}
        if not delivery_ids:
            return found
        rows = self._connection.execute(
            sa.text(
                "SELECT * FROM webhook_attempts WHERE delivery_id = ANY(:ids)"
                " ORDER BY delivery_id, id"
            ),
            {"ids": list(delivery_ids)},
        )
        for row in rows:
            found.setdefault(row.delivery_id, []).append(_attempt(row))
        return found

    def claim_due(self, now: datetime, lease_until: datetime, limit: int) -> list[DeliveryJob]:
        """Claim up to ``limit`` due deliveries (skipping rows other workers hold).

        Deliveries of a disabled endpoint are canceled instead of claimed.
        """
        rows = self._connection.execute(
            sa.text(_CLAIM), {"now": now, "lease_until": lease_until, "limit": limit}
        )
        return [
            DeliveryJob(
                r.delivery_id, r.attempts, r.url, r.secret,
                Event(r.event_id, r.merchant_id, r.type, r.data, r.created_at),
            )
            for r in rows
            if r.status == DeliveryStatus.PENDING
        ]

    def record_attempt(
        self, job: DeliveryJob, attempt: DeliveryAttempt, status: DeliveryStatus,
        next_attempt_at: datetime,
    ) -> bool:
        """Log the attempt; move the delivery on unless another worker has claimed it since.

        Returns whether the delivery's state was updated.
        """
        self._connection.execute(
            sa.text(
                "INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, error,"
                " duration_ms) VALUES (:id, :at, :code, :error, :duration)"
            ),
            {
                "id": job.delivery_id, "at": attempt.attempted_at, "code": attempt.status_code,
                "error": attempt.error, "duration": attempt.duration_ms,
            },
        )
        result = self._connection.execute(
            sa.text(
                "UPDATE webhook_deliveries SET status = :status, next_attempt_at = :next"
                " WHERE id = :id AND attempts = :attempts AND status = 'pending'"
            ),
            {
                "id": job.delivery_id, "status": status.value, "next": next_attempt_at,
                "attempts": job.attempt,
            },
        )
        return result.rowcount == 1
