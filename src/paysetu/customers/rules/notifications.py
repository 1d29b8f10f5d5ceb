"""What the wallet app tells a customer: a debit from their wallet, a payment waiting for their
approval, a refund, a mandate's pre-debit notice. Each is one of their events, read back.

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


EVENT_KINDS: dict[str, NotificationKind] = {
    "payment.succeeded": NotificationKind.DEBIT,
    "payment.requires_action": NotificationKind.APPROVAL,
    "refund.succeeded": NotificationKind.REFUND,
    "mandate.notice_sent": NotificationKind.PRE_DEBIT_NOTICE,
}
"""The events that notify their customer (the store's SQL and partial indexes name the same)."""


@dataclass(frozen=True, slots=True)
class Notification:
    """One event told to its customer: ``subject`` is the payment (debit, approval, refund)
    or the mandate (notice); ``due_at`` is when a noticed debit may happen."""

    id: str
    kind: NotificationKind
    amount_minor: int
    currency: str
    payee: str
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
    return f"/wallet/payments/{notification.subject}"


def is_unread(created_at: datetime, seen_until: datetime | None) -> bool:
    """Newer than what the customer last saw (everything, before their first look)."""
    return seen_until is None or created_at > seen_until
