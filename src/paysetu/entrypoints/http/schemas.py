"""Request bodies: strict types (no "10" for 10), unknown fields refused, amounts in minor units."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


Metadata = dict[str, str]


class CustomerCreate(Body):
    name: str = Field(description="The customer's name, 1-200 characters.")
    email: str | None = None
    kyc_tier: str = Field(default="minimum", description="`minimum` or `full` (RBI PPI tiers).")
    metadata: Metadata = Field(default_factory=dict)


class WalletCreate(Body):
    customer: str = Field(description="The customer (cus_...) who owns the wallet.")
    currency: str = Field(description="ISO 4217 code.")


class WalletMovement(Body):
    amount_minor: int = Field(description="Integer amount in the currency's minor unit.")
    currency: str
    metadata: Metadata = Field(default_factory=dict)


class WalletTransfer(WalletMovement):
    destination: str = Field(description="The wallet (wal_...) to credit.")


class MerchantCreate(Body):
    legal_name: str
    country: str = Field(description="ISO 3166-1 alpha-2, e.g. IN.")
    settlement_currency: str = Field(description="ISO 4217 currency the merchant is paid in.")
    fee_bps: int = Field(default=200, description="Percentage fee in basis points (200 = 2%).")
    fee_fixed_minor: int = Field(default=0, description="Fixed fee per payment, minor units.")
    metadata: Metadata = Field(default_factory=dict)
