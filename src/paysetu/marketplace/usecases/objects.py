"""API objects of the marketplace (``"object": "seller"``, ``"marketplace_order"``, ...)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from paysetu.kernel.timestamps import timestamp
from paysetu.marketplace.rules.records import (
    Marketplace,
    Order,
    OrderState,
    Seller,
    SellerLink,
    Share,
    ShareRefund,
)
from paysetu.marketplace.usecases.ports import TaxReportRow

_WAITING = {"requires_action": "requires_action", "failed": "canceled", "canceled": "canceled"}
"""An unpaid wallet order's status, by its payment's."""


def marketplace_object(marketplace: Marketplace) -> dict[str, Any]:
    return {
        "id": marketplace.merchant_id,
        "object": "marketplace",
        "commission_bps": marketplace.commission.bps,
        "commission_fixed_minor": marketplace.commission.fixed_minor,
        "category_commissions": {
            k: {"commission_bps": v.bps, "commission_fixed_minor": v.fixed_minor}
            for k, v in sorted(marketplace.category_commissions.items())
        },
        "refund_commission": marketplace.refund_commission,
        "auto_release_s": marketplace.auto_release_s,
        "created": timestamp(marketplace.created_at),
    }


def seller_object(seller: Seller, link: SellerLink | None) -> dict[str, Any]:
    commission = None if link is None else link.commission
    return {
        "id": seller.merchant_id,
        "object": "seller",
        "legal_name": seller.legal_name,
        "country": seller.country,
        "settlement_currency": seller.settlement_currency,
        "pan": seller.pan,
        "gstin": seller.gstin,
        "kyc_status": seller.kyc_status.value,
        "commission_bps": None if commission is None else commission.bps,
        "commission_fixed_minor": None if commission is None else commission.fixed_minor,
        "created": timestamp(seller.created_at),
    }


def share_object(share: Share) -> dict[str, Any]:
    return {
        "id": share.id,
        "object": "marketplace_share",
        "order": share.order_id,
        "marketplace": share.marketplace_id,
        "seller": share.seller_id,
        "currency": share.currency,
        "amount_minor": share.amount_minor,
        "commission_minor": share.commission_minor,
        "tcs_minor": share.tcs_minor,
        "tds_minor": share.tds_minor,
        "net_minor": share.net_minor,
        "payout_currency": share.payout_currency,
        "payout_net_minor": share.payout_net_minor,
        "fx_rate": None if share.fx_rate is None else format(share.fx_rate.normalize(), "f"),
        "status": share.status.value,
        "refunded_minor": share.refunded_minor,
        "held_minor": share.held_minor,
        "lines": [
            {"amount_minor": x.amount_minor, "category": x.category, "description": x.description}
            for x in share.lines
        ],
        "release_at": None if share.release_at is None else timestamp(share.release_at),
        "released_at": None if share.released_at is None else timestamp(share.released_at),
        "created": timestamp(share.created_at),
    }


def order_object(
    order: Order, shares: list[Share], checkout_url: str | None,
    payment: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """An order; ``payment`` (its payment's object) while a wallet order waits for it: the
    order then shows the payment's ``requires_action`` and ``next_action`` (the customer's
    approval), or ``canceled`` once the customer refused or the approval expired."""
    status = order.status.value
    waiting = payment is not None and order.status is OrderState.REQUIRES_PAYMENT
    if waiting and payment is not None:
        status = _WAITING.get(str(payment["status"]), status)
    return {
        "id": order.id,
        "object": "marketplace_order",
        "marketplace": order.marketplace_id,
        "amount_minor": order.amount_minor,
        "currency": order.currency,
        "status": status,
        "next_action": payment["next_action"] if waiting and payment is not None else None,
        "payment": order.payment_id,
        "checkout_session": order.checkout_session_id,
        "checkout_url": checkout_url,
        "journal_entry": order.split_entry_id,
        "commission_minor": sum(s.commission_minor for s in shares),
        "shares": [share_object(s) for s in shares],
        "description": order.description,
        "metadata": dict(order.metadata),
        "paid_at": None if order.paid_at is None else timestamp(order.paid_at),
        "created": timestamp(order.created_at),
    }


def share_return_object(returned: ShareRefund) -> dict[str, Any]:
    return {
        "id": returned.id, "object": "marketplace_share_return", "share": returned.share_id,
        "refund": returned.refund_id, "journal_entry": returned.entry_id,
        "amount_minor": returned.amount_minor, "commission_minor": returned.commission_minor,
        "tcs_minor": returned.tcs_minor, "tds_minor": returned.tds_minor,
        "from_hold_minor": returned.from_hold_minor,
        "from_balance_minor": returned.from_balance_minor,
        "recovered_later_minor": returned.recovered_later_minor,
        "created": timestamp(returned.created_at),
    }


def tax_report_object(marketplace_id: str, month: str, rows: list[TaxReportRow]) -> dict[str, Any]:
    return {
        "object": "marketplace_tax_report", "marketplace": marketplace_id, "month": month,
        "sellers": [{
            "seller": r.seller_id, "legal_name": r.legal_name, "pan": r.pan, "gstin": r.gstin,
            "currency": r.currency, "gross_minor": r.gross_minor,
            "returned_minor": r.returned_minor, "net_minor": r.gross_minor - r.returned_minor,
            "tcs_minor": r.tcs_minor, "tds_minor": r.tds_minor} for r in rows],
    }
