"""Error codes of hosted checkout: sessions, the buyer's currency choice, and paying one.

Same conventions as :mod:`paysetu.ledger.rules.errors` (one closed enum in precedence order, each
code transient or not, with the category the HTTP layer maps to a status). A checkout refusal
is a payment refusal, so an ``except PaymentRejected`` sees it too. Rules shared with payments
keep their payment codes (``amount_must_be_positive``, ``currency_invalid``,
``metadata_invalid``) and FX's (``quote_expired``, ``rate_unavailable``)::

    PaysetuError
     └── PaymentRejected
          └── CheckoutRejected    checkout sessions, presentment currencies, simulated sources
"""

from __future__ import annotations

from paysetu.ledger.rules.errors import ErrorCategory, ErrorCode
from paysetu.payments.rules.errors import PaymentRejected

_I = ErrorCategory.INVALID
_N = ErrorCategory.NOT_FOUND
_C = ErrorCategory.CONFLICT
_D = ErrorCategory.DECLINED


class CheckoutStatus(ErrorCode):
    """Why creating, expiring, quoting or paying a checkout session was refused."""

    RETURN_URL_INVALID = (
        "return_url_invalid",
        False,
        _I,
        "return_url and cancel_url are absolute https URLs (http only for 127.0.0.1 or"
        " localhost) of at most 2,048 characters, without user name or password.",
    )
    CLIENT_REFERENCE_INVALID = (
        "client_reference_invalid",
        False,
        _I,
        "client_reference is 1-200 printable characters.",
    )
    EXPIRES_AT_INVALID = (
        "expires_at_invalid",
        False,
        _I,
        "expires_at is between 30 minutes and 24 hours after the session is created.",
    )
    CHECKOUT_STATUS_INVALID = (
        "checkout_status_invalid",
        False,
        _I,
        "A checkout session's status is `open`, `complete` or `expired`.",
    )
    PRESENTMENT_CURRENCY_UNSUPPORTED = (
        "presentment_currency_unsupported",
        False,
        _I,
        "The buyer may pay in the session's currency or one of the checkout's presentment"
        " currencies (docs/checkout.md).",
    )
    PAYMENT_SOURCE_INVALID = (
        "payment_source_invalid",
        False,
        _I,
        "The payment source is `card` with a card number that passes the Luhn check, or `upi`"
        " with a UPI id such as `name@bank`.",
    )
    CHECKOUT_SESSION_NOT_FOUND = (
        "checkout_session_not_found",
        False,
        _N,
        "No such checkout session.",
    )
    CHECKOUT_SESSION_COMPLETE = (
        "checkout_session_complete",
        False,
        _C,
        "The checkout session is already paid; it cannot be expired or re-quoted.",
    )
    CHECKOUT_SESSION_EXPIRED = (
        "checkout_session_expired",
        False,
        _C,
        "The checkout session expired (or the merchant expired it); it can no longer be paid.",
    )
    CHECKOUT_QUOTE_STALE = (
        "checkout_quote_stale",
        False,
        _C,
        "The amount the buyer confirmed is not the session's current price in that currency"
        " (another tab changed currency or re-quoted); review the amount and pay again.",
    )
    SOURCE_DECLINED = (
        "source_declined",
        False,
        _D,
        "The simulated card or UPI source declined the charge (a test decline); nothing moved.",
    )


class CheckoutRejected(PaymentRejected):
    """A checkout operation was refused; nothing was written."""
