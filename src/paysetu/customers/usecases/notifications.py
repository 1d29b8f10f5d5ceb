"""The customer's notifications: read their recent events as notifications, and mark them
seen. Reads through ``ctx.reader()``; marking is one upsert.

The amount told is what left or reaches the customer's wallet: a cross-border payment's
``presentment_*`` (their currency), else the payment's own; a notice tells the noticed amount.
"""

from __future__ import annotations

from dataclasses import dataclass

from paysetu.customers.rules.notifications import (
    EVENT_KINDS,
    PEER_KINDS,
    Notification,
    is_unread,
)
from paysetu.customers.rules.transfers import masked_name
from paysetu.customers.usecases.ports import CustomersContext, NotificationRow
from paysetu.payments.rules.mandates import masked_payee

NOTIFICATIONS_MAX = 50


@dataclass(frozen=True, slots=True)
class Inbox:
    notifications: list[Notification]
    unread: int


def _notification(row: NotificationRow, unread: bool) -> Notification:
    obj = row.obj
    if row.notice_minor is not None:
        amount, currency = row.notice_minor, str(obj["currency"])
    elif obj.get("presentment_amount_minor") is not None:
        amount, currency = int(obj["presentment_amount_minor"]), str(obj["presentment_currency"])
    else:
        amount, currency = int(obj["amount_minor"]), str(obj["currency"])
    subject = str(obj["payment"] if row.event_type == "refund.succeeded" else obj["id"])
    kind = EVENT_KINDS[row.event_type]
    name = row.counterparty_name
    mask = masked_name if kind in PEER_KINDS else masked_payee
    return Notification(row.event_id, kind, amount, currency,
                        "?" if name is None else mask(name), subject, row.created_at, unread,
                        row.debit_after)


def inbox(ctx: CustomersContext, customer_id: str) -> Inbox:
    """The customer's newest notifications and how many of them they have not seen."""
    with ctx.reader() as uow:
        rows = uow.notifications.recent(customer_id, NOTIFICATIONS_MAX)
        seen_until = uow.notifications.seen_until(customer_id)
    notifications = [_notification(row, is_unread(row.created_at, seen_until)) for row in rows]
    return Inbox(notifications, sum(1 for n in notifications if n.unread))


def mark_seen(ctx: CustomersContext, customer_id: str) -> None:
    """Everything up to the newest notification counts as seen (its time, not the clock's:
    what happens after the customer looked stays new)."""
    with ctx.uow_factory() as uow:
        rows = uow.notifications.recent(customer_id, 1)
        if rows:
            uow.notifications.mark_seen(customer_id, rows[0].created_at)
            uow.commit()
