"""``/v1/customer/notifications``: what the wallet app tells its customer (debits, payments
waiting for approval, refunds, pre-debit notices), newest first, and marking them seen. The
customer's own only, like every ``/v1/customer`` route."""

from __future__ import annotations

from typing import Any

from paysetu.customers.api.deps import Context, Customer
from paysetu.customers.api.models import CustomerNotificationList
from paysetu.customers.rules.notifications import Notification, link
from paysetu.customers.usecases import notifications
from paysetu.kernel.timestamps import timestamp
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import EmptyBody

router = APIRouter(prefix="/customer", tags=["customer"])


def _object(notification: Notification) -> dict[str, Any]:
    return {
        "id": notification.id, "object": "customer_notification",
        "kind": notification.kind.value, "amount_minor": notification.amount_minor,
        "currency": notification.currency, "payee": notification.counterparty,
        "subject": notification.subject, "unread": notification.unread,
        "due_at": None if notification.due_at is None else timestamp(notification.due_at),
        "url": link(notification), "created": timestamp(notification.created_at),
    }


def _list(context: Context, customer_id: str) -> dict[str, Any]:
    inbox = notifications.inbox(context, customer_id)
    return {"object": "list", "unread": inbox.unread,
            "data": [_object(n) for n in inbox.notifications]}


@router.get("/notifications", response_model=CustomerNotificationList)
def customer_list_notifications(customer: Customer, context: Context) -> dict[str, Any]:
    """The newest 50 notifications and how many are unseen."""
    return _list(context, customer.customer_id)


@router.post("/notifications/seen", response_model=CustomerNotificationList)
def customer_mark_notifications_seen(
    customer: Customer, context: Context, _body: EmptyBody | None = None
) -> dict[str, Any]:
    """Everything up to the newest notification counts as seen."""
    notifications.mark_seen(context, customer.customer_id)
    return _list(context, customer.customer_id)
