"""Request bodies: strict types (no "10" for 10), unknown fields refused, amounts in minor units."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


Metadata = dict[str, str]


class CustomerCreate(Body):
    name: str = Field(description="The customer's name, 1-200 characters.")
    email: str | None = None
    phone: str | None = Field(
        default=None,
        description="Mobile number the customer signs in to the wallet with (E.164; without a"
        " country code, Indian).",
    )
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


class PaymentCreate(Body):
    amount_minor: int = Field(description="Integer amount in the currency's minor unit.")
    currency: str = Field(description="ISO 4217 code; the paying wallet's currency.")
    wallet: str = Field(description="The payer's wallet (wal_...).")
    merchant: str | None = Field(
        default=None,
        description="The merchant (mer_...) paid; required with a platform key, a merchant "
        "key's payments are its own.",
    )
    capture_method: str = Field(
        default="automatic",
        description="`automatic` (charged at confirm) or `manual` (authorised at confirm, "
        "captured later).",
    )
    escrow: bool = Field(
        default=False, description="Hold the funds in escrow until the buyer confirms receipt."
    )
    description: str | None = Field(default=None, description="Up to 1,000 characters.")
    metadata: Metadata = Field(default_factory=dict)
    confirm: bool = Field(default=False, description="Confirm in the same request.")
    fx_quote: str | None = Field(
        default=None,
        description="Cross-border: an FX quote (quo_...) whose buy side is this amount and "
        "currency; the wallet, in the quote's sell currency, pays the quoted sell amount. "
        "Automatic capture only.",
    )
    mandate: str | None = Field(
        default=None,
        description="Debit under this mandate (man_...) of the customer: within its terms the"
        " payment needs no approval. Without one, the customer approves each payment"
        " (`requires_action`).",
    )
    operator_reason: str | None = Field(
        default=None,
        description="Platform key only: debit the wallet without the customer, as an operator"
        " action recorded with this reason (1-500 characters).",
    )


class PaymentCapture(Body):
    amount_minor: int | None = Field(
        default=None, description="At most the authorised amount (default: all of it)."
    )


class PaymentCancel(Body):
    cancellation_reason: str | None = Field(
        default=None,
        description="`duplicate`, `fraudulent`, `requested_by_customer` or `abandoned`.",
    )


class PaymentRelease(Body):
    resolve_dispute: bool = Field(
        default=False, description="Release a disputed escrow: the dispute is decided for the "
        "merchant.",
    )


class EmptyBody(Body):
    """Routes that take no fields (an empty body, or none, is fine)."""


class RefundCreate(Body):
    payment: str = Field(description="The payment (pay_...) to refund.")
    amount_minor: int | None = Field(
        default=None, description="Default: everything not yet refunded."
    )
    reason: str | None = Field(default=None, description="Up to 1,000 characters.")
    metadata: Metadata = Field(default_factory=dict)


class WebhookEndpointCreate(Body):
    url: str = Field(
        description="Absolute http(s) URL that receives POSTed events (https in live mode)."
    )
    enabled_events: list[str] = Field(
        description='Event types to send, e.g. ["payment.succeeded"]; ["*"] for all of them.'
    )
    description: str | None = Field(
        default=None, description="A note for people, up to 500 characters."
    )
    merchant: str | None = Field(
        default=None,
        description="The merchant (mer_...) the endpoint belongs to; platform keys only "
        "(a merchant key's endpoints are its own).",
    )


class FxQuoteCreate(Body):
    sell_currency: str = Field(description="The buyer's currency (ISO 4217), e.g. CNY.")
    buy_currency: str = Field(description="The merchant's currency (ISO 4217), e.g. INR.")
    sell_amount_minor: int | None = Field(
        default=None, description="What the buyer spends; give this or buy_amount_minor."
    )
    buy_amount_minor: int | None = Field(
        default=None, description="The merchant's price; give this or sell_amount_minor."
    )
    merchant: str | None = Field(
        default=None,
        description="Platform keys: the merchant (mer_...) the quote is for (a merchant key's "
        "quotes are its own).",
    )


class FxRatesLoad(Body):
    csv: str = Field(
        description="The rate file: header `base_currency,quote_currency,rate,as_of`, then one "
        "rate per line. Any bad line refuses the whole file, naming the line."
    )
    source: str = Field(default="manual", description="A label stored with each rate.")


class MandateCreate(Body):
    wallet: str = Field(description="The customer's wallet (wal_...) to debit.")
    amount_max_minor: int = Field(description="The most one debit may take.")
    currency: str = Field(description="The wallet's currency.")
    frequency: str = Field(
        description="`as_presented` (on demand), `daily`, `weekly`, `monthly` or `yearly`: at"
        " most one debit per period."
    )
    purpose: str = Field(description="What the customer is told it is for (1-200 characters).")
    valid_until: int = Field(description="Unix seconds: no debit after this.")
    merchant: str | None = Field(default=None, description="Platform key: the merchant.")


class MandateNoticeCreate(Body):
    amount_minor: int = Field(description="The debit's exact amount.")
    debit_after: int = Field(
        description="Unix seconds; at least the pre-debit notice time (24 h) from now."
    )
