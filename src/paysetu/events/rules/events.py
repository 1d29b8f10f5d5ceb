"""Events: immutable records of what happened, listed by the API and sent to webhooks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

EVENT_TYPES = frozenset({
    "customer.created",
    "wallet.created",
    "wallet.topped_up",
    "wallet.transferred",
    "wallet.withdrawn",
    "customer_transfer.created",
    "money_request.created",
    "money_request.paid",
    "money_request.declined",
    "money_request.canceled",
    "money_request.expired",
    "merchant.created",
    "payment.created",
    "payment.requires_action",
    "payment.requires_capture",
    "payment.succeeded",
    "payment.failed",
    "payment.canceled",
    "payment.escrow_released",
    "payment.disputed",
    "mandate.created",
    "mandate.approved",
    "mandate.refused",
    "mandate.paused",
    "mandate.resumed",
    "mandate.revoked",
    "mandate.notice_sent",
    "checkout.session.completed",
    "checkout.session.expired",
    "marketplace.seller.created",
    "marketplace.seller.updated",
    "marketplace_order.created",
    "marketplace_order.paid",
    "marketplace_share.held",
    "marketplace_share.released",
    "marketplace_share.disputed",
    "marketplace_share.refunded",
    "refund.created",
    "refund.succeeded",
    "refund.failed",
    "loan_application.submitted",
    "loan_application.approved",
    "loan_application.rejected",
    "loan.disbursed",
    "loan.closed",
    "loan_repayment.succeeded",
    "credit_line.sanctioned",
    "credit_line.drawn",
    "credit_line.repaid",
    "credit_line.renewed",
    "credit_line.closed",
    "credit_line_application.submitted",
    "credit_line_application.approved",
    "credit_line_application.rejected",
    "settlement.created",
    "payout.created",
    "payout.paid",
    "payout.returned",
})
"""Every event type paysetu emits; webhook endpoints subscribe to these or to ``*``."""


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened to an object, with a snapshot of the object.

    Attributes:
        merchant_id: Whose event it is (webhooks go to that merchant's endpoints); None for
            platform-wide events.
        type: One of :data:`EVENT_TYPES`.
        data: ``{"object": <the API object after the change>}``.
    """

    id: str
    merchant_id: str | None
    type: str
    data: dict[str, Any]
    created_at: datetime
