"""The marketplace's objects as the API returns them, and its request bodies.

Field for field the dictionaries of :mod:`paysetu.marketplace.usecases.objects`; the models
refuse any other field, so the two cannot drift.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from paysetu.marketplace.rules.records import KycStatus, ShareState
from paysetu.payments.api.models import NextAction
from paysetu.shell.http.objects import ApiObject, Timestamp
from paysetu.shell.http.schemas import Body, Metadata


class CommissionRule(ApiObject):
    commission_bps: int = Field(description="Percentage of each line, basis points.")
    commission_fixed_minor: int = Field(description="Fixed amount per line, minor units.")


class Marketplace(ApiObject):
    """A merchant that onboards sellers (the id is the merchant's)."""

    id: str = Field(examples=["mer_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["marketplace"]
    commission_bps: int
    commission_fixed_minor: int
    category_commissions: dict[str, CommissionRule] = Field(
        description="A category's own commission (first in precedence, then the seller's).")
    refund_commission: bool = Field(description="Whether returns give the commission back.")
    auto_release_s: int = Field(description="Wait before a paid share is released unasked.")
    created: Timestamp


class Seller(ApiObject):
    """A merchant selling through marketplaces; it receives funds only once ``verified``."""

    id: str = Field(examples=["mer_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["seller"]
    legal_name: str
    country: str
    settlement_currency: str
    pan: str | None = Field(description="Indian sellers: the PAN.")
    gstin: str | None = Field(description="Indian sellers: the GSTIN (the PAN inside it).")
    kyc_status: KycStatus
    commission_bps: int | None = Field(description="This marketplace's commission for the"
                                       " seller, when it has its own.")
    commission_fixed_minor: int | None
    created: Timestamp


class OrderLineOut(ApiObject):
    amount_minor: int
    category: str | None
    description: str | None


class MarketplaceShare(ApiObject):
    """One seller's part of an order: ``amount = commission + tcs + tds + net``."""

    id: str = Field(examples=["msh_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["marketplace_share"]
    order: str
    marketplace: str
    seller: str
    currency: str
    amount_minor: int
    commission_minor: int
    tcs_minor: int = Field(description="GST TCS withheld (CGST Act s.52).")
    tds_minor: int = Field(description="Income-tax TDS withheld (s.194-O).")
    net_minor: int = Field(description="What the seller receives when released (order currency).")
    payout_currency: str = Field(description="The seller's own currency: its hold, balance and"
                                 " payouts.")
    payout_net_minor: int = Field(description="The net in payout_currency (converted at fx_rate"
                                  " for a seller abroad; 0 until the order is paid).")
    fx_rate: str | None = Field(description="Payout-currency units per order-currency unit,"
                                " the mid rate locked when the order was paid; null when the"
                                " seller is paid in the order's currency.")
    status: ShareState
    refunded_minor: int
    held_minor: int = Field(description="What the seller's hold still keeps for the share, in"
                            " payout_currency.")
    lines: list[OrderLineOut]
    release_at: Timestamp | None = Field(description="When it is released unless disputed.")
    released_at: Timestamp | None
    created: Timestamp


class MarketplaceOrder(ApiObject):
    id: str = Field(examples=["mko_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["marketplace_order"]
    marketplace: str
    amount_minor: int
    currency: str
    status: Literal["requires_payment", "requires_action", "paid", "canceled"] = Field(
        description="`requires_action`: a wallet order's payment waits for its customer's"
        " approval (`next_action`); `canceled`: the customer refused or the approval expired,"
        " nothing was split.")
    next_action: NextAction | None = Field(
        description="While `requires_action`: where and until when the customer approves.")
    payment: str | None = Field(description="The buyer's payment to the marketplace.")
    checkout_session: str | None
    checkout_url: str | None = Field(description="Where to send the buyer (on creation).")
    journal_entry: str | None = Field(description="The one entry that split the payment.")
    commission_minor: int
    shares: list[MarketplaceShare]
    description: str | None
    metadata: dict[str, str]
    paid_at: Timestamp | None
    created: Timestamp


class MarketplaceShareReturn(ApiObject):
    """A return of (part of) one share and where its money came from."""

    id: str = Field(examples=["mrf_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["marketplace_share_return"]
    share: str
    refund: str = Field(description="The refund of the buyer's payment (ref_...).")
    journal_entry: str | None
    amount_minor: int
    commission_minor: int = Field(description="Commission given back (marketplace policy).")
    tcs_minor: int
    tds_minor: int
    from_hold_minor: int
    from_balance_minor: int
    recovered_later_minor: int = Field(
        description="What the seller owes, taken from its next releases.")
    created: Timestamp


class TaxReportLine(ApiObject):
    seller: str
    legal_name: str
    pan: str | None
    gstin: str | None
    currency: str
    gross_minor: int
    returned_minor: int
    net_minor: int
    tcs_minor: int
    tds_minor: int


class MarketplaceTaxReport(ApiObject):
    object: Literal["marketplace_tax_report"]
    marketplace: str
    month: str = Field(examples=["2026-04"])
    sellers: list[TaxReportLine]


class CommissionRuleIn(Body):
    commission_bps: int
    commission_fixed_minor: int = 0


class MarketplaceCreate(Body):
    merchant: str = Field(description="The merchant (mer_...) to make a marketplace.")
    commission_bps: int = Field(description="Default commission, basis points of each line.")
    commission_fixed_minor: int = 0
    category_commissions: dict[str, CommissionRuleIn] = Field(default_factory=dict)
    refund_commission: bool = Field(default=True, description="Returns give commission back.")
    auto_release_s: int | None = Field(default=None, description="Default: 7 days.")


class SellerCreate(Body):
    legal_name: str
    country: str = Field(description="ISO 3166-1 alpha-2.")
    settlement_currency: str
    pan: str | None = Field(default=None, description="Required when country is IN.")
    gstin: str | None = Field(default=None, description="Required when country is IN.")
    commission_bps: int | None = None
    commission_fixed_minor: int | None = None
    marketplace: str | None = Field(default=None, description="Platform keys only.")
    metadata: Metadata = Field(default_factory=dict)


class SellerLinkCreate(Body):
    seller: str = Field(description="An existing seller (mer_...) to add (platform keys).")
    commission_bps: int | None = None
    commission_fixed_minor: int | None = None


class SellerKyc(Body):
    kyc_status: str = Field(description="pending, verified or rejected (platform keys).")


class OrderLineIn(Body):
    seller: str
    amount_minor: int
    category: str | None = None
    description: str | None = None


class MarketplaceOrderCreate(Body):
    amount_minor: int = Field(description="The whole cart; the lines must add up to it.")
    currency: str
    lines: list[OrderLineIn]
    wallet: str | None = Field(default=None, description="Pay now from this wallet.")
    fx_quote: str | None = Field(default=None, description="With wallet: cross-border quote.")
    mandate: str | None = Field(
        default=None, description="With wallet: the customer's live mandate to debit under.")
    operator_reason: str | None = Field(
        default=None, description="With wallet, platform keys only: an operator debit's reason.")
    return_url: str | None = Field(default=None, description="Pay on the hosted checkout.")
    marketplace: str | None = Field(default=None, description="Platform keys only.")
    description: str | None = None
    metadata: Metadata = Field(default_factory=dict)


class ShareRelease(Body):
    resolve_dispute: bool = Field(default=False, description="Platform: end a dispute so.")


class ShareReturnCreate(Body):
    amount_minor: int | None = Field(default=None, description="Default: what is left.")
    reason: str | None = None
