"""Payments' objects as the API returns them (see :mod:`paysetu.shell.http.objects`).

Field for field the dictionaries of :mod:`paysetu.payments.usecases.objects` and the FX, event
and webhook modules beside it; the models refuse any other field, so the two cannot drift.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from paysetu.events.rules.webhooks import DeliveryStatus
from paysetu.payments.rules.fx_quotes import FixedSide, QuoteState
from paysetu.payments.rules.mandates import MandateFrequency, MandateState
from paysetu.payments.rules.payments import (
    CaptureMethod,
    Consent,
    EscrowState,
    PaymentState,
    RefundState,
)
from paysetu.shell.http.objects import ApiObject, Timestamp

PAYMENT_ID = "pay_01KBZ4T7Q0W8X5V3M2N1P6R9S8"


class FeePlan(ApiObject):
    fee_bps: int = Field(description="Percentage fee in basis points (200 = 2%).")
    fee_fixed_minor: int


class MerchantBalance(ApiObject):
    currency: str
    available_minor: int
    pending_minor: int = Field(description="Captured, not yet settled.")
    escrow_minor: int = Field(description="Held in escrow for the buyer.")


class Merchant(ApiObject):
    id: str = Field(examples=["mer_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["merchant"]
    legal_name: str
    country: str = Field(examples=["IN"])
    settlement_currency: str = Field(examples=["INR"])
    fee_plan: FeePlan
    balances: list[MerchantBalance]
    metadata: dict[str, str]
    created: Timestamp


class CustomerApproval(ApiObject):
    url: str = Field(
        description="The wallet page where the customer approves with the PIN (or refuses).",
        examples=["/wallet/approvals/" + PAYMENT_ID],
    )
    reason: Literal["no_mandate", "above_mandate_threshold"] = Field(
        description="No mandate covers the payment, or it is above the mandate's extra-approval"
        " threshold (RBI: ₹15,000)."
    )
    expires_at: Timestamp = Field(description="Unanswered by then, the payment is canceled.")


class NextAction(ApiObject):
    type: Literal["customer_approval"]
    customer_approval: CustomerApproval


class Payment(ApiObject):
    """``amount_refunded_minor`` counts pending refunds too; a cross-border payment names its
    ``fx_quote`` and what the buyer paid in its own currency (``presentment_*``)."""

    id: str = Field(examples=[PAYMENT_ID])
    object: Literal["payment"]
    amount_minor: int = Field(examples=[90000])
    amount_capturable_minor: int
    amount_captured_minor: int
    amount_refunded_minor: int
    fee_minor: int
    currency: str = Field(examples=["INR"])
    status: PaymentState
    capture_method: CaptureMethod
    merchant: str
    customer: str
    wallet: str
    escrow: bool
    escrow_status: EscrowState | None
    escrow_release_at: Timestamp | None
    authorization_entry: str | None
    authorization_expires_at: Timestamp | None
    failure_code: str | None
    cancellation_reason: str | None
    description: str | None
    metadata: dict[str, str]
    fx_quote: str | None
    presentment_amount_minor: int | None
    presentment_currency: str | None
    consent: Consent | None = Field(
        description="How the payer agreed to the debit: `operator` (platform key, with"
        " `operator_reason`), `mandate`, `customer` (approved with the PIN) or `buyer` (paid on"
        " a hosted page); null until debited."
    )
    operator_reason: str | None
    mandate: str | None
    next_action: NextAction | None = Field(
        description="While `requires_action`: where and until when the customer approves."
    )
    created: Timestamp


class Refund(ApiObject):
    id: str = Field(examples=["ref_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["refund"]
    amount_minor: int
    currency: str
    payment: str = Field(examples=[PAYMENT_ID])
    merchant: str
    status: RefundState
    journal_entry: str | None
    reason: str | None
    failure_code: str | None
    metadata: dict[str, str]
    presentment_amount_minor: int | None
    presentment_currency: str | None
    created: Timestamp


class BalanceTransaction(ApiObject):
    """``amount_minor`` is gross: ``net_minor`` plus the fee taken in the same entry."""

    id: str = Field(examples=["btx_1042"])
    object: Literal["balance_transaction"]
    type: str
    balance: str = Field(description="Which balance moved: available, pending or escrow.")
    amount_minor: int
    fee_minor: int
    net_minor: int
    currency: str
    merchant: str
    source: str | None
    journal_entry: str
    created: Timestamp


class FxQuote(ApiObject):
    """Rates are decimal strings (units of ``buy_currency`` per ``sell_currency``)."""

    id: str = Field(examples=["quo_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["fx_quote"]
    merchant: str | None
    sell_currency: str = Field(examples=["CNY"])
    buy_currency: str = Field(examples=["INR"])
    sell_amount_minor: int
    buy_amount_minor: int
    fixed_side: FixedSide
    mid_rate: str = Field(examples=["11.6250"])
    spread_bps: int
    customer_rate: str
    rate_as_of: str = Field(description="The reference rate's date (ISO 8601).")
    rate_source: str
    status: QuoteState
    payment: str | None
    expires_at: Timestamp
    created: Timestamp


class FxRate(ApiObject):
    object: Literal["fx_rate"]
    base_currency: str
    quote_currency: str
    rate: str = Field(description="Units of quote_currency per one base_currency.")
    as_of: str
    source: str
    loaded: Timestamp


class FxRateImport(ApiObject):
    object: Literal["fx_rate_import"]
    source: str
    rates_loaded: int
    currencies: list[str]
    as_of_min: str
    as_of_max: str


class Event(ApiObject):
    id: str = Field(examples=["evt_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["event"]
    type: str = Field(examples=["payment.succeeded"])
    merchant: str | None
    created: Timestamp
    data: dict[str, Any] = Field(description='``{"object": <the object after the change>}``.')


class WebhookEndpoint(ApiObject):
    id: str = Field(examples=["we_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["webhook_endpoint"]
    merchant: str
    url: str
    enabled_events: list[str]
    description: str | None
    status: Literal["enabled", "disabled"]
    created: Timestamp


class WebhookEndpointWithSecret(WebhookEndpoint):
    """The endpoint as created: the signing secret is shown once, here."""

    secret: str = Field(examples=["whsec_..."])


class DeliveryAttempt(ApiObject):
    attempted_at: Timestamp
    status_code: int | None
    error: str | None
    duration_ms: int


class WebhookDelivery(ApiObject):
    id: str
    object: Literal["webhook_delivery"]
    endpoint: str
    event: str
    event_type: str
    status: DeliveryStatus
    attempt_count: int
    attempts: list[DeliveryAttempt]
    next_attempt_at: Timestamp | None
    created: Timestamp


class Mandate(ApiObject):
    id: str = Field(examples=["man_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["mandate"]
    merchant: str
    payee: str = Field(description="The merchant as its customers see it (legal name masked).")
    customer: str
    wallet: str
    currency: str
    amount_max_minor: int
    frequency: MandateFrequency
    purpose: str
    valid_until: Timestamp
    status: MandateState
    last_debit_at: Timestamp | None
    created: Timestamp


class MandateNotice(ApiObject):
    id: str
    object: Literal["mandate_notice"]
    mandate: str
    amount_minor: int
    currency: str
    debit_after: Timestamp = Field(description="The debit may happen from then on.")
    created: Timestamp
