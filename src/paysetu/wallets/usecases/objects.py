"""The public JSON form of customers, wallets and wallet movements."""

from __future__ import annotations

from typing import Any

from paysetu.kernel.timestamps import timestamp
from paysetu.wallets.rules.wallets import Customer, Wallet


def customer_object(customer: Customer) -> dict[str, Any]:
    return {
        "id": customer.id,
        "object": "customer",
        "name": customer.name,
        "email": customer.email,
        "phone": customer.phone_e164,
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
