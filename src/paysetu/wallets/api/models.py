"""The wallets' objects as the API returns them (see :mod:`paysetu.shell.http.objects`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from paysetu.shell.http.objects import ApiObject, Timestamp
from paysetu.wallets.rules.wallets import KycTier


class Customer(ApiObject):
    id: str = Field(examples=["cus_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["customer"]
    name: str
    email: str | None
    phone: str | None = Field(description="E.164; the number the customer signs in with.")
    kyc_tier: KycTier = Field(description="Decides the wallet's limits (RBI PPI tiers).")
    metadata: dict[str, str]
    created: Timestamp


class Wallet(ApiObject):
    id: str = Field(examples=["wal_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["wallet"]
    customer: str
    currency: str = Field(examples=["INR"])
    balance_minor: int = Field(description="Posted balance, minor units.")
    pending_minor: int = Field(description="Held by authorisations not yet captured.")
    available_minor: int = Field(description="What the customer can spend now.")
    ledger_account: str
    created: Timestamp


class WalletMovementResult(ApiObject):
    """The result of a top-up, transfer or withdrawal."""

    object: Literal["wallet_top_up", "wallet_transfer", "wallet_withdrawal"]
    wallet: str
    amount_minor: int
    currency: str
    journal_entry: str
    counterparty: str | None
    balance_minor: int
