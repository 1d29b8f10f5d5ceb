"""The marketplace's records: marketplaces, sellers, orders, shares, share returns.

Attributes carry amounts in minor units of the order's currency. A share's ``held_minor`` is
what its seller's hold (the seller's escrow account) still keeps for it; every change of it is
a ledger entry whose metadata names the share, so the ledger explains it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum


class KycStatus(StrEnum):
    PENDING = "pending"
    VERIFIED = "verified"
    REJECTED = "rejected"


class OrderState(StrEnum):
    REQUIRES_PAYMENT = "requires_payment"
    PAID = "paid"


class ShareState(StrEnum):
    """``pending`` (order unpaid) -> ``held`` -> ``released`` | ``refunded``; ``held`` <->
    ``disputed`` (a dispute freezes the hold; the platform resolves it)."""

    PENDING = "pending"
    HELD = "held"
    DISPUTED = "disputed"
    RELEASED = "released"
    REFUNDED = "refunded"


@dataclass(frozen=True, slots=True)
class Commission:
    """A percentage (basis points, rounded half-up per line) plus a fixed part per line."""

    bps: int
    fixed_minor: int


@dataclass(frozen=True, slots=True)
class Marketplace:
    """A merchant that onboards sellers.

    Attributes:
        commission: The default commission on every line.
        category_commissions: A category's own commission (first in precedence).
        refund_commission: Whether a return gives back the commission on the returned amount.
        auto_release_s: How long a paid share waits for delivery before it is released.
    """

    merchant_id: str
    commission: Commission
    category_commissions: Mapping[str, Commission]
    refund_commission: bool
    auto_release_s: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Seller:
    """A merchant that sells through marketplaces (PAN and GSTIN when Indian)."""

    merchant_id: str
    legal_name: str
    country: str
    settlement_currency: str
    pan: str | None
    gstin: str | None
    kyc_status: KycStatus
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class SellerLink:
    """A seller in one marketplace, with its own commission when it has one (second in
    precedence, after the category's)."""

    marketplace_id: str
    seller_id: str
    commission: Commission | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class OrderLine:
    seller_id: str
    amount_minor: int
    category: str | None
    description: str | None


@dataclass(frozen=True, slots=True)
class Order:
    id: str
    marketplace_id: str
    amount_minor: int
    currency: str
    status: OrderState
    payment_id: str | None
    checkout_session_id: str | None
    split_entry_id: str | None
    description: str | None
    metadata: Mapping[str, str]
    paid_at: datetime | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Share:
    """One seller's part of an order: ``amount = commission + tcs + tds + net``."""

    id: str
    order_id: str
    marketplace_id: str
    seller_id: str
    currency: str
    amount_minor: int
    commission_minor: int
    tcs_minor: int
    tds_minor: int
    net_minor: int
    lines: Sequence[OrderLine]
    status: ShareState
    refunded_minor: int
    held_minor: int
    release_at: datetime | None
    released_at: datetime | None
    created_at: datetime
    updated_at: datetime
    payout_currency: str
    """The seller's own currency: its hold, balance and payouts (``held_minor`` is in it)."""
    payout_net_minor: int
    """The net in ``payout_currency``: converted at ``fx_rate`` for a seller abroad."""
    fx_rate: Decimal | None
    """Payout-currency units per order-currency unit, locked when the order was paid (None:
    the seller is paid in the order's currency)."""

    @property
    def abroad(self) -> bool:
        return self.payout_currency != self.currency


@dataclass(frozen=True, slots=True)
class ShareRefund:
    """One return of (part of) a share; the parts it took back and where the seller's part came
    from: its hold, its balance, and what it still owes (recovered from its next releases)."""

    id: str
    share_id: str
    refund_id: str
    entry_id: str | None
    amount_minor: int
    commission_minor: int
    tcs_minor: int
    tds_minor: int
    from_hold_minor: int
    from_balance_minor: int
    recovered_later_minor: int
    created_at: datetime

    @property
    def seller_part_minor(self) -> int:
        return self.from_hold_minor + self.from_balance_minor + self.recovered_later_minor
