"""Customers, their wallets, and the prepaid-instrument limits that bind them.

Wallet limits follow the RBI PPI tiers by default (a minimum-detail wallet holds and loads at
most ₹10,000 a month; a full-KYC wallet holds at most ₹2,00,000) and come from configuration:
a deployment elsewhere changes the table, not the code. A currency absent from the table has
no limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from paysetu.ledger.rules.entries import NewEntry, movement


class KycTier(StrEnum):
    MINIMUM = "minimum"
    FULL = "full"


@dataclass(frozen=True, slots=True)
class WalletLimits:
    """Per KYC tier and currency, in minor units.

    Attributes:
        balance_max_minor: Most a wallet may hold.
        monthly_load_max_minor: Most that may be topped up in one calendar month (UTC).
    """

    balance_max_minor: Mapping[KycTier, Mapping[str, int]]
    monthly_load_max_minor: Mapping[KycTier, Mapping[str, int]]

    def balance_allows(self, tier: KycTier, currency: str, balance_after_minor: int) -> bool:
        limit = self.balance_max_minor.get(tier, {}).get(currency)
        return limit is None or balance_after_minor <= limit

    def load_allows(self, tier: KycTier, currency: str, loaded_this_month_minor: int) -> bool:
        limit = self.monthly_load_max_minor.get(tier, {}).get(currency)
        return limit is None or loaded_this_month_minor <= limit


RBI_PPI_LIMITS = WalletLimits(
    balance_max_minor={KycTier.MINIMUM: {"INR": 10_000_00}, KycTier.FULL: {"INR": 2_00_000_00}},
    monthly_load_max_minor={KycTier.MINIMUM: {"INR": 10_000_00}},
)
"""India defaults (domain.md section 5): ₹10,000 balance and monthly load for minimum-detail
wallets, ₹2,00,000 balance for full-KYC wallets."""


@dataclass(frozen=True, slots=True)
class Customer:
    id: str
    name: str
    email: str | None
    kyc_tier: KycTier
    metadata: Mapping[str, str]
    created_at: datetime
    phone_e164: str | None = None
    """The mobile number the customer signs in with (``paysetu.customers``)."""


@dataclass(frozen=True, slots=True)
class Wallet:
    """A customer's stored value in one currency: a view over one ledger account.

    Attributes:
        account_id: The ledger account (a liability flagged ``debits_must_not_exceed_credits``).
        balance_minor: Posted balance (credits - debits) at read time.
        pending_minor: Amount reserved by authorisations not yet captured.
    """

    id: str
    customer_id: str
    currency: str
    account_id: str
    created_at: datetime
    balance_minor: int = 0
    pending_minor: int = 0
    metadata: Mapping[str, str] = field(default_factory=dict)

    @property
    def available_minor(self) -> int:
        return self.balance_minor - self.pending_minor


def month_start(at: datetime) -> datetime:
    """First instant of ``at``'s calendar month, same time zone (load limits are monthly)."""
    return at.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def transfer_entry(
    entry_id: str,
    source: str,
    destination: str,
    amount_minor: int,
    currency: str,
    meta: Mapping[str, str],
) -> NewEntry:
    """A plain movement between two accounts (top-up, transfer, withdrawal, release, refund)."""
    return movement(entry_id, source, destination, amount_minor, currency, meta)
