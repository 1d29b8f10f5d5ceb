"""Marketplace rows <-> records: the mappings the marketplace store reads and writes with."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.marketplace.rules.records import (
    Commission,
    KycStatus,
    Marketplace,
    Order,
    OrderLine,
    OrderState,
    Seller,
    SellerLink,
    Share,
    ShareState,
)


def commission_of(doc: dict[str, int]) -> Commission:
    return Commission(doc["commission_bps"], doc["commission_fixed_minor"])


def marketplace_of(row: sa.Row[Any]) -> Marketplace:
    return Marketplace(
        row.merchant_id,
        Commission(row.commission_bps, row.commission_fixed_minor),
        {k: commission_of(v) for k, v in row.category_commissions.items()},
        row.refund_commission,
        row.auto_release_s,
        row.created_at,
    )


def seller_of(row: sa.Row[Any]) -> Seller:
    return Seller(
        row.merchant_id,
        row.legal_name,
        row.country,
        row.settlement_currency,
        row.pan,
        row.gstin,
        KycStatus(row.kyc_status),
        row.created_at,
        row.updated_at,
    )


def link_of(row: sa.Row[Any]) -> SellerLink:
    commission = None if row.link_bps is None else Commission(row.link_bps, row.link_fixed_minor)
    return SellerLink(row.marketplace_id, row.seller_id, commission, row.linked_at)


def order_of(row: sa.Row[Any]) -> Order:
    return Order(
        row.id,
        row.marketplace_id,
        row.amount_minor,
        row.currency,
        OrderState(row.status),
        row.payment_id,
        row.checkout_session_id,
        row.split_entry_id,
        row.description,
        row.metadata,
        row.paid_at,
        row.created_at,
        row.updated_at,
    )


def line_doc(line: OrderLine) -> dict[str, Any]:
    return {
        "seller": line.seller_id,
        "amount_minor": line.amount_minor,
        "category": line.category,
        "description": line.description,
    }


def share_of(row: sa.Row[Any]) -> Share:
    lines = tuple(
        OrderLine(d["seller"], d["amount_minor"], d["category"], d["description"])
        for d in row.lines
    )
    return Share(
        row.id,
        row.order_id,
        row.marketplace_id,
        row.seller_id,
        row.currency,
        row.amount_minor,
        row.commission_minor,
        row.tcs_minor,
        row.tds_minor,
        row.net_minor,
        lines,
        ShareState(row.status),
        row.refunded_minor,
        row.held_minor,
        row.release_at,
        row.released_at,
        row.created_at,
        row.updated_at,
        row.payout_currency.strip(),
        row.payout_net_minor,
        row.fx_rate,
    )


def share_params(share: Share) -> dict[str, Any]:
    return {
        "id": share.id,
        "order_id": share.order_id,
        "marketplace_id": share.marketplace_id,
        "seller_id": share.seller_id,
        "currency": share.currency,
        "amount_minor": share.amount_minor,
        "commission_minor": share.commission_minor,
        "tcs_minor": share.tcs_minor,
        "tds_minor": share.tds_minor,
        "net_minor": share.net_minor,
        "lines": json.dumps([line_doc(x) for x in share.lines]),
        "status": share.status.value,
        "refunded_minor": share.refunded_minor,
        "held_minor": share.held_minor,
        "release_at": share.release_at,
        "released_at": share.released_at,
        "created_at": share.created_at,
        "updated_at": share.updated_at,
        "payout_currency": share.payout_currency,
        "payout_net_minor": share.payout_net_minor,
        "fx_rate": share.fx_rate,
    }


def share_doc(share: Share) -> dict[str, Any]:
    """A share as one JSON record of ``jsonb_to_recordset`` (times ISO 8601, rate as text)."""
    return {
        **{k: v for k, v in share_params(share).items() if k not in {"order_id", "lines"}},
        "lines": [line_doc(x) for x in share.lines],
        "release_at": iso(share.release_at),
        "released_at": iso(share.released_at),
        "created_at": iso(share.created_at),
        "updated_at": iso(share.updated_at),
        "fx_rate": None if share.fx_rate is None else str(share.fx_rate),
    }


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()
