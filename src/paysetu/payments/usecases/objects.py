"""The public JSON form of each object (API responses and event payloads share it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from paysetu.kernel.timestamps import timestamp
from paysetu.payments.rules.payments import (
    BalanceTransaction,
    Merchant,
    Payment,
    PaymentState,
    Refund,
)


def merchant_object(merchant: Merchant, balances: Sequence[Any]) -> dict[str, Any]:
    return {
        "id": merchant.id,
        "object": "merchant",
        "legal_name": merchant.legal_name,
        "country": merchant.country,
        "settlement_currency": merchant.settlement_currency,
        "fee_plan": {
            "fee_bps": merchant.fee_plan.fee_bps,
            "fee_fixed_minor": merchant.fee_plan.fee_fixed_minor,
        },
        "balances": [
            {
                "currency": row.currency,
                "available_minor": int(row.available_minor or 0),
                "pending_minor": int(row.pending_minor or 0),
                "escrow_minor": int(row.escrow_minor or 0),
            }
            for row in balances
        ],
        "metadata": dict(merchant.metadata),
        "created": timestamp(merchant.created_at),
    }




def _maybe_timestamp(at: datetime | None) -> int | None:
    return None if at is None else timestamp(at)


def payment_object(payment: Payment) -> dict[str, Any]:
    """A payment; ``amount_refunded_minor`` counts pending refunds too (they are reserved).

    A cross-border payment names its ``fx_quote`` and what the buyer paid in its own currency
    (``presentment_*``); ``amount_minor``/``currency`` stay the merchant's price.
    """
    capturable = payment.amount_minor if payment.status is PaymentState.REQUIRES_CAPTURE else 0
    return {
        "id": payment.id,
        "object": "payment",
        "amount_minor": payment.amount_minor,
        "amount_capturable_minor": capturable,
        "amount_captured_minor": payment.amount_captured_minor,
        "amount_refunded_minor": payment.amount_refunded_minor,
        "fee_minor": payment.fee_minor,
        "currency": payment.currency,
        "status": payment.status.value,
        "capture_method": payment.capture_method.value,
        "merchant": payment.merchant_id,
        "customer": payment.customer_id,
        "wallet": payment.wallet_id,
        "escrow": payment.escrow,
        "escrow_status": None if payment.escrow_status is None else payment.escrow_status.value,
        "escrow_release_at": _maybe_timestamp(payment.escrow_release_at),
        "authorization_entry": payment.authorization_entry_id,
        "authorization_expires_at": _maybe_timestamp(payment.authorization_expires_at),
        "failure_code": payment.failure_code,
        "cancellation_reason": payment.cancellation_reason,
        "description": payment.description,
        "metadata": dict(payment.metadata),
        "fx_quote": payment.fx_quote_id,
        "presentment_amount_minor": payment.presentment_amount_minor,
        "presentment_currency": payment.presentment_currency,
        "consent": None if payment.consent is None else payment.consent.value,
        "operator_reason": payment.operator_reason,
        "mandate": payment.mandate_id,
        "next_action": _next_action(payment),
        "created": timestamp(payment.created_at),
    }


APPROVE_PATH = "/wallet/approvals/"
"""Where a customer approves a payment (the wallet pages; the app of issue 17 too)."""


def _next_action(payment: Payment) -> dict[str, Any] | None:
    """Stripe's ``next_action`` for ``requires_action``: the customer approves in the wallet."""
    if payment.status is not PaymentState.REQUIRES_ACTION:
        return None
    return {
        "type": "customer_approval",
        "customer_approval": {
            "url": APPROVE_PATH + payment.id,
            "reason": payment.action_reason,
            "expires_at": _maybe_timestamp(payment.action_expires_at),
        },
    }


def refund_object(refund: Refund) -> dict[str, Any]:
    return {
        "id": refund.id,
        "object": "refund",
        "amount_minor": refund.amount_minor,
        "currency": refund.currency,
        "payment": refund.payment_id,
        "merchant": refund.merchant_id,
        "status": refund.status.value,
        "journal_entry": refund.entry_id,
        "reason": refund.reason,
        "failure_code": refund.failure_code,
        "metadata": dict(refund.metadata),
        "presentment_amount_minor": refund.presentment_amount_minor,
        "presentment_currency": refund.presentment_currency,
        "created": timestamp(refund.created_at),
    }


BALANCE_TRANSACTION_PREFIX = "btx_"


def balance_transaction_object(txn: BalanceTransaction) -> dict[str, Any]:
    """``amount_minor`` is gross (net plus the fee taken in the same entry)."""
    return {
        "id": f"{BALANCE_TRANSACTION_PREFIX}{txn.sequence}",
        "object": "balance_transaction",
        "type": txn.type,
        "balance": txn.balance,
        "amount_minor": txn.net_minor + txn.fee_minor,
        "fee_minor": txn.fee_minor,
        "net_minor": txn.net_minor,
        "currency": txn.currency,
        "merchant": txn.merchant_id,
        "source": txn.source,
        "journal_entry": txn.entry_id,
        "created": timestamp(txn.created_at),
    }
