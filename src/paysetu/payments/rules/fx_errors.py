"""Error codes of FX: rate tables, rate freshness, quotes, and payments that reference a quote.

Same conventions as :mod:`paysetu.ledger.rules.errors` (one closed enum in precedence order, each
code transient or not, with the category the HTTP layer maps to a status). FX refusals are
payment refusals, so an ``except PaymentRejected`` (the refund worker's) also sees them::

    PaysetuError
     └── PaymentRejected
          └── FxRejected      rate files, rates, quotes, cross-border payments and refunds
"""

from __future__ import annotations

from paysetu.ledger.rules.errors import ErrorCategory, ErrorCode
from paysetu.payments.rules.errors import PaymentRejected

_I = ErrorCategory.INVALID
_N = ErrorCategory.NOT_FOUND
_C = ErrorCategory.CONFLICT
_U = ErrorCategory.UNAVAILABLE


class FxStatus(ErrorCode):
    """Why an FX rate load, a quote, or a payment or refund through a quote was refused."""

    RATE_FILE_INVALID = (
        "rate_file_invalid",
        False,
        _I,
        "A rate file line is malformed (currency, rate, date or shape); the message names the"
        " line. Nothing of the file was loaded.",
    )
    CURRENCY_INVALID = (
        "currency_invalid",
        False,
        _I,
        "The currency is not an ISO 4217 code with a minor unit.",
    )
    CURRENCIES_MUST_BE_DIFFERENT = (
        "currencies_must_be_different",
        False,
        _I,
        "A quote converts between two different currencies.",
    )
    ONE_AMOUNT_REQUIRED = (
        "one_amount_required",
        False,
        _I,
        "A quote takes exactly one of sell_amount_minor and buy_amount_minor.",
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
        "An amount, or its converted counterpart, does not fit in a signed 64-bit integer.",
    )
    AMOUNT_TOO_SMALL = (
        "amount_too_small",
        False,
        _I,
        "The sell amount buys less than one minor unit of the buy currency.",
    )
    QUOTE_NOT_FOUND = ("quote_not_found", False, _N, "No such FX quote.")
    QUOTE_REQUIRES_AUTOMATIC_CAPTURE = (
        "quote_requires_automatic_capture",
        False,
        _I,
        "A payment through an FX quote is charged at confirm: capture_method must be"
        " `automatic`.",
    )
    QUOTE_MISMATCH = (
        "quote_mismatch",
        False,
        _I,
        "The payment does not match its quote: amount and currency must be the quote's buy"
        " side, the wallet's currency its sell side, and the merchant the quote's.",
    )
    QUOTE_USED = ("quote_used", False, _C, "The quote already belongs to another payment.")
    QUOTE_EXPIRED = (
        "quote_expired",
        False,
        _C,
        "The quote's rate lock ended; ask for a new quote.",
    )
    RATE_UNAVAILABLE = (
        "rate_unavailable",
        True,
        _U,
        "No rate source has a mid rate for this currency pair; load a manual rate.",
    )
    RATE_STALE = (
        "rate_stale",
        True,
        _U,
        "The newest mid rate for this pair is older than the configured maximum age.",
    )


class FxRejected(PaymentRejected):
    """An FX operation, or a payment or refund through a quote, was refused; nothing written."""
