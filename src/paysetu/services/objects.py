"""The public JSON form of each object (API responses and event payloads share it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from paysetu.domain.payments import Merchant
from paysetu.domain.wallets import Customer, Wallet


def timestamp(at: datetime) -> int:
    """Unix seconds, as Stripe's ``created`` fields."""
    return int(at.timestamp())


def customer_object(customer: Customer) -> dict[str, Any]:
    return {
        "id": customer.id,
        "object": "customer",
        "name": customer.name,
        "email": customer.email,
        "kyc_tier": customer.kyc_tier.value,
        "metadata": dict(customer.metadata),
        "created": timestamp(customer.created_at),
    }


def wallet_object(wallet: Wallet) -> dict[str, Any]:
    return {
        "id": wallet.id,
        "object": "wallet",
        "customer": wallet.customer_id,
        "currency": wallet.currency,
        "balance_minor": wallet.balance_minor,
        "pending_minor": wallet.pending_minor,
        "available_minor": wallet.available_minor,
        "ledger_account": wallet.account_id,
        "created": timestamp(wallet.created_at),
    }


def wallet_movement_object(
    kind: str, wallet: Wallet, amount_minor: int, entry_id: str, counterparty: str | None
) -> dict[str, Any]:
    """The result of a top-up, transfer or withdrawal: what moved and its journal entry."""
    return {
        "object": f"wallet_{kind}",
        "wallet": wallet.id,
        "amount_minor": amount_minor,
        "currency": wallet.currency,
        "journal_entry": entry_id,
        "counterparty": counterparty,
        "balance_minor": wallet.balance_minor,
    }


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
