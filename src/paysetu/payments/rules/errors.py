"""Error codes of the payments product: requests, wallets, merchants, payments, refunds, webhooks.

Same conventions as :mod:`paysetu.ledger.rules.errors` (closed enums in precedence order, each code
transient or not, with a category the HTTP layer maps to a status). Exception tree::

    PaysetuError
     ├── RequestRejected      authentication, body, parameters, idempotency, rate limits
     ├── WalletRejected       customers, wallets, top-ups, transfers, withdrawals
     └── PaymentRejected      merchants, payments, refunds, escrow, webhooks, events
"""

from __future__ import annotations

from paysetu.ledger.rules.errors import ErrorCategory, ErrorCode, PaysetuError

_I = ErrorCategory.INVALID
_N = ErrorCategory.NOT_FOUND
_C = ErrorCategory.CONFLICT
_D = ErrorCategory.DECLINED
_A = ErrorCategory.UNAUTHENTICATED
_R = ErrorCategory.RATE_LIMITED
_U = ErrorCategory.UNAVAILABLE






class PaymentStatus(ErrorCode):
    """Why a merchant, payment, refund, escrow or webhook operation was refused (precedence)."""

    LEGAL_NAME_INVALID = (
        "legal_name_invalid",
        False,
        _I,
        "A legal name is 1-200 printable characters.",
    )
    COUNTRY_INVALID = (
        "country_invalid",
        False,
        _I,
        "The country is not an ISO 3166-1 alpha-2 code.",
    )
    CURRENCY_INVALID = (
        "currency_invalid",
        False,
        _I,
        "The currency is not an ISO 4217 code with a minor unit.",
    )
    FEE_PLAN_INVALID = (
        "fee_plan_invalid",
        False,
        _I,
        "fee_bps is 0-10,000 and fee_fixed_minor a non-negative integer.",
    )
    AMOUNT_MUST_BE_POSITIVE = (
        "amount_must_be_positive",
        False,
        _I,
        "Amounts are positive integers of minor units.",
    )
    AMOUNT_TOO_LARGE = (
        "amount_too_large",
        False,
        _I,
        "The amount does not fit in a signed 64-bit integer.",
    )
    CAPTURE_METHOD_INVALID = (
        "capture_method_invalid",
        False,
        _I,
        "capture_method is `automatic` or `manual`.",
    )
    METADATA_INVALID = (
        "metadata_invalid",
        False,
        _I,
        "Metadata is at most 50 keys of 1-40 characters with string values of up to 500.",
    )
    WEBHOOK_URL_INVALID = (
        "webhook_url_invalid",
        False,
        _I,
        "A webhook URL is an absolute http(s) URL.",
    )
    WEBHOOK_EVENT_TYPE_INVALID = (
        "webhook_event_type_invalid",
        False,
        _I,
        "An enabled event type is unknown.",
    )
    MERCHANT_NOT_FOUND = ("merchant_not_found", False, _N, "No such merchant.")
    WALLET_NOT_FOUND = ("wallet_not_found", False, _N, "No such wallet.")
    PAYMENT_NOT_FOUND = ("payment_not_found", False, _N, "No such payment.")
    REFUND_NOT_FOUND = ("refund_not_found", False, _N, "No such refund.")
    WEBHOOK_ENDPOINT_NOT_FOUND = (
        "webhook_endpoint_not_found",
        False,
        _N,
        "No such webhook endpoint.",
    )
    CURRENCY_MISMATCH = (
        "currency_mismatch",
        False,
        _I,
        "The payment's currency is not the paying wallet's currency.",
    )
    PAYMENT_UNEXPECTED_STATE = (
        "payment_unexpected_state",
        False,
        _C,
        "The payment's status does not allow this operation.",
    )
    AUTHORIZATION_EXPIRED = (
        "authorization_expired",
        False,
        _C,
        "The authorisation timed out and was released.",
    )
    CAPTURE_EXCEEDS_AUTHORIZED = (
        "capture_exceeds_authorized",
        False,
        _I,
        "A capture asks for more than was authorised.",
    )
    REFUND_EXCEEDS_CAPTURED = (
        "refund_exceeds_captured",
        False,
        _I,
        "Refunds would total more than was captured.",
    )
    ESCROW_NOT_HELD = ("escrow_not_held", False, _C, "The payment has no funds held in escrow.")
    PAYMENT_DISPUTED = (
        "payment_disputed",
        False,
        _C,
        "The payment is disputed; its escrow is frozen.",
    )
    OPERATOR_REASON_INVALID = (
        "operator_reason_invalid",
        False,
        _I,
        "operator_reason is 1-500 characters, and only the platform key may debit a wallet"
        " as an operator.",
    )
    MANDATE_TERMS_INVALID = (
        "mandate_terms_invalid",
        False,
        _I,
        "A mandate needs a positive amount_max_minor, a known frequency, a purpose of 1-200"
        " characters and a valid_until in the future.",
    )
    MANDATE_NOT_FOUND = ("mandate_not_found", False, _N, "No such mandate.")
    MANDATE_WALLET_MISMATCH = (
        "mandate_wallet_mismatch",
        False,
        _I,
        "The mandate was given for another wallet or currency.",
    )
    MANDATE_NOT_ACTIVE = (
        "mandate_not_active",
        False,
        _C,
        "The mandate is not active (pending, paused, revoked, refused or expired).",
    )
    MANDATE_UNEXPECTED_STATE = (
        "mandate_unexpected_state",
        False,
        _C,
        "The mandate's status does not allow this operation.",
    )
    MANDATE_AMOUNT_EXCEEDED = (
        "mandate_amount_exceeded",
        False,
        _C,
        "The debit is above the mandate's maximum per debit.",
    )
    MANDATE_FREQUENCY_EXCEEDED = (
        "mandate_frequency_exceeded",
        True,
        _C,
        "The mandate's frequency allows no further debit yet.",
    )
    MANDATE_NOTICE_MISSING = (
        "mandate_notice_missing",
        True,
        _C,
        "No pre-debit notice for this amount was sent early enough (RBI: 24 hours before).",
    )
    APPROVAL_EXPIRED = (
        "approval_expired",
        False,
        _C,
        "The customer did not answer in time; the payment was canceled.",
    )
    EXCEEDS_AVAILABLE_BALANCE = (
        "exceeds_available_balance",
        True,
        _D,
        "The paying wallet's available balance does not cover the amount.",
    )
    WALLET_BALANCE_LIMIT_EXCEEDED = (
        "wallet_balance_limit_exceeded",
        True,
        _D,
        "A refund would take the wallet over its KYC tier's limit.",
    )
    MERCHANT_BALANCE_INSUFFICIENT = (
        "merchant_balance_insufficient",
        True,
        _D,
        "The merchant's balance cannot cover the refund yet; it stays pending until it can.",
    )






class PaymentRejected(PaysetuError):
    """A merchant, payment, refund, escrow or webhook operation was refused; nothing was written."""
