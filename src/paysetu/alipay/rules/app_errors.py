"""Error codes of paysetu's own API around the Alipay gateway: apps, payment codes, QR payments.

The gateway itself answers in Alipay's codes (:mod:`paysetu.alipay.rules.errors`); these are
the Stripe-style refusals of ``/v1/alipay_apps``, ``/v1/customer/alipay_payment_codes``, the
wallet's pay page of a precreated trade and ``/v1/alipay_trades/{trade_no}/pay``::

    PaysetuError
     └── AlipayAppRejected
"""

from __future__ import annotations

from paysetu.ledger.rules.errors import ErrorCategory, ErrorCode, PaysetuError

_I = ErrorCategory.INVALID
_N = ErrorCategory.NOT_FOUND
_C = ErrorCategory.CONFLICT
_U = ErrorCategory.UNAVAILABLE


class AlipayAppStatus(ErrorCode):
    """Why an Alipay app, a buyer's payment code or a QR payment was refused."""

    ALIPAY_GATEWAY_DISABLED = (
        "alipay_gateway_disabled",
        False,
        _U,
        "This deployment runs without the Alipay-compatible gateway (no platform key).",
    )
    PUBLIC_KEY_INVALID = (
        "public_key_invalid",
        False,
        _I,
        "public_key is not an RSA public key of at least 2048 bits (PEM or base64 DER).",
    )
    NOTIFY_URL_INVALID = (
        "notify_url_invalid",
        False,
        _I,
        "notify_url is not an http(s) URL that can receive notifications.",
    )
    TIMEZONE_INVALID = (
        "timezone_invalid",
        False,
        _I,
        "timezone is not an IANA time zone name (e.g. Asia/Shanghai).",
    )
    ALIPAY_APP_NOT_FOUND = ("alipay_app_not_found", False, _N, "No such Alipay app.")
    ALIPAY_TRADE_NOT_FOUND = ("alipay_trade_not_found", False, _N, "No such Alipay trade.")
    ALIPAY_TRADE_NOT_PAYABLE = (
        "alipay_trade_not_payable",
        False,
        _C,
        "The trade is closed or already paid.",
    )


class AlipayAppRejected(PaysetuError):
    """An Alipay app, payment code or QR payment request was refused; nothing was written."""
