"""A customer's notifications in PostgreSQL: their own events (``events`` rows whose object
names them, refunds of their payments, transfers and money requests to them) through the partial
indexes of migration 0025, and the seen-until mark.

The event types are written out in the SQL (not bound) so that the planner can use the partial
indexes; :data:`~paysetu.customers.rules.notifications.EVENT_KINDS` names the same ones.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.customers.usecases.ports import NotificationRow

_COLUMNS = (
    "e.id, e.type, e.created_at, e.data->'object' AS obj, m.legal_name AS name,"
    " n.amount_minor AS notice_minor, n.debit_after"
)
_PEER = (
    "e.id, e.type, e.created_at, e.data->'object' AS obj, c.name AS name,"
    " NULL::bigint AS notice_minor, NULL::timestamptz AS debit_after"
)
"""A transfer to the customer (the sender's name) or a request to them (the requester's)."""
_NOTICE = (
    " LEFT JOIN LATERAL (SELECT mn.amount_minor, mn.debit_after FROM mandate_notices mn"
    "  WHERE e.type = 'mandate.notice_sent' AND mn.mandate_id = e.data->'object'->>'id'"
    "  AND mn.created_at <= e.created_at ORDER BY mn.created_at DESC LIMIT 1) n ON true"
)


def _row(row: Any) -> NotificationRow:
    return NotificationRow(row.id, row.type, row.created_at, dict(row.obj), row.name,
                           row.notice_minor, row.debit_after)


class NotificationsStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def recent(self, customer_id: str, limit: int) -> list[NotificationRow]:
        rows = self._connection.execute(sa.text(
            f"(SELECT {_COLUMNS} FROM events e"
            " LEFT JOIN merchants m ON m.id = e.data->'object'->>'merchant'"
            f" {_NOTICE}"
            " WHERE e.type IN ('payment.succeeded', 'payment.requires_action',"
            "  'mandate.notice_sent') AND e.data->'object'->>'customer' = :c"
            " ORDER BY e.created_at DESC, e.id DESC LIMIT :limit)"
            f" UNION ALL (SELECT {_COLUMNS} FROM payments pay"
            " JOIN events e ON e.type = 'refund.succeeded'"
            "  AND e.data->'object'->>'payment' = pay.id"
            " LEFT JOIN merchants m ON m.id = e.data->'object'->>'merchant'"
            f" {_NOTICE}"
            " WHERE pay.customer_id = :c"
            " ORDER BY e.created_at DESC, e.id DESC LIMIT :limit)"
            f" UNION ALL (SELECT {_PEER} FROM events e JOIN customers c"
            "  ON c.id = e.data->'object'->>'payer'"
            " WHERE e.type = 'customer_transfer.created' AND e.data->'object'->>'payee' = :c"
            " ORDER BY e.created_at DESC, e.id DESC LIMIT :limit)"
            f" UNION ALL (SELECT {_PEER} FROM events e JOIN customers c"
            "  ON c.id = e.data->'object'->>'requester'"
            " WHERE e.type = 'money_request.created' AND e.data->'object'->>'payer' = :c"
            " ORDER BY e.created_at DESC, e.id DESC LIMIT :limit)"
            " ORDER BY created_at DESC, id DESC LIMIT :limit"),
            {"c": customer_id, "limit": limit})
        return [_row(row) for row in rows]

    def seen_until(self, customer_id: str) -> datetime | None:
        seen: datetime | None = self._connection.execute(sa.text(
            "SELECT seen_until FROM customer_notification_marks WHERE customer_id = :c"),
            {"c": customer_id}).scalar_one_or_none()
        return seen

    def mark_seen(self, customer_id: str, until: datetime) -> None:
        """Seen up to ``until`` (never moves back: two tabs marking in any order agree)."""
        self._connection.execute(sa.text(
            "INSERT INTO customer_notification_marks (customer_id, seen_until)"
            " VALUES (:c, :until) ON CONFLICT (customer_id) DO UPDATE"
            " SET seen_until = GREATEST(customer_notification_marks.seen_until,"
            " EXCLUDED.seen_until)"), {"c": customer_id, "until": until})
