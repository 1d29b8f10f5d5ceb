"""What the wallet app tells a customer: a debit from their wallet, a payment waiting for their
approval, a refund, a mandate's pre-debit notice, money another customer sent them, a money
request to them. Each is one of their events, read back.

Pure: which event types notify, as which kind, and where a notification leads. The store finds
the customer's events; nothing here reads a clock (unread is "newer than the seen-until mark").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class NotificationKind(StrEnum):
    DEBIT = "debit"
    APPROVAL = "approval"
    REFUND = "refund"
    PRE_DEBIT_NOTICE = "pre_debit_notice"
    MONEY_RECEIVED = "money_received"
    MONEY_REQUEST = "money_request"


EVENT_KINDS: dict[str, NotificationKind] = {
    "payment.succeeded": NotificationKind.DEBIT,
    "payment.requires_action": NotificationKind.APPROVAL,
    "refund.succeeded": NotificationKind.REFUND,
    "mandate.notice_sent": NotificationKind.PRE_DEBIT_NOTICE,
    "customer_transfer.created": NotificationKind.MONEY_RECEIVED,
    "money_request.created": NotificationKind.MONEY_REQUEST,
}
"""The events that notify their customer (the store's SQL and partial indexes name the same)."""
PEER_KINDS = frozenset({NotificationKind.MONEY_RECEIVED, NotificationKind.MONEY_REQUEST})
"""Told about another customer (named as customers name each other), not a merchant."""


@dataclass(frozen=True, slots=True)
class Notification:
    """One event told to its customer: ``subject`` is the payment (debit, approval, refund),
    the mandate (notice), the transfer or the money request; ``counterparty`` is the merchant
    or the other customer, masked; ``due_at`` is when a noticed debit may happen."""

    id: str
    kind: NotificationKind
    amount_minor: int
    currency: str
    counterparty: str
    subject: str
    created_at: datetime
    unread: bool
    due_at: datetime | None = None


def link(notification: Notification) -> str:
    """The wallet page a notification opens."""
    if notification.kind is NotificationKind.APPROVAL:
        return "/wallet/approvals"
    if notification.kind is NotificationKind.PRE_DEBIT_NOTICE:
        return "/wallet/mandates"
    if notification.kind is NotificationKind.MONEY_REQUEST:
        return "/wallet/requests"
    if notification.kind is NotificationKind.MONEY_RECEIVED:
        return "/wallet/history?kind=transfer"
    return f"/wallet/payments/{notification.subject}"


def is_unread(created_at: datetime, seen_until: datetime | None) -> bool:
    """Newer than what the customer last saw (everything, before their first look)."""
    return seen_until is None or created_at > seen_until
