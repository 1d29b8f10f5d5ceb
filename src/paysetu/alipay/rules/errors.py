"""The Alipay gateway's refusals: Alipay's own ``code`` / ``sub_code`` pairs, as one closed enum.

Clients of the gateway are existing Alipay integrations: they branch on Alipay's codes, not on
paysetu's, so the gateway answers in Alipay's vocabulary (``docs/alipay.md`` has the table).
Members are in precedence order: the gateway checks the common parameters first (40001 missing,
40002 invalid), then the method's business rules (40004). ``isv.replayed-request`` is paysetu's
one addition (Alipay has no replay code; it is a 40002 like the other timestamp refusals).

:class:`AlipayRefused` is not a :class:`~paysetu.ledger.rules.errors.PaysetuError`: it never becomes
a Stripe error object; the gateway renders it in Alipay's signed envelope, and the transaction
that raised it is rolled back (nothing is written).
"""

from __future__ import annotations

from enum import Enum

MISSING = ("40001", "Missing Required Arguments")
INVALID = ("40002", "Invalid Arguments")
BUSINESS = ("40004", "Business Failed")
UNAVAILABLE = ("20000", "Service Currently Unavailable")


class AlipayError(Enum):
    """An Alipay ``sub_code`` with its ``code``, ``msg`` and what it means here."""

    MISSING_APP_ID = ("isv.missing-app-id", MISSING, "app_id is missing.")
    MISSING_METHOD = ("isv.missing-method", MISSING, "method is missing.")
    MISSING_SIGNATURE = ("isv.missing-signature", MISSING, "sign is missing.")
    MISSING_SIGNATURE_TYPE = ("isv.missing-signature-type", MISSING, "sign_type is missing.")
    MISSING_TIMESTAMP = ("isv.missing-timestamp", MISSING, "timestamp is missing.")
    MISSING_VERSION = ("isv.missing-version", MISSING, "version is missing.")
    INVALID_APP_ID = ("isv.invalid-app-id", INVALID, "No app has this app_id.")
    INVALID_METHOD = ("isv.invalid-method", INVALID, "The gateway does not offer this method.")
    INVALID_FORMAT = ("isv.invalid-format", INVALID, "format is JSON (or absent).")
    INVALID_CHARSET = ("isv.invalid-charset", INVALID, "charset is utf-8 (or absent).")
    INVALID_VERSION = ("isv.invalid-version", INVALID, "version is 1.0.")
    INVALID_SIGNATURE_TYPE = ("isv.invalid-signature-type", INVALID, "sign_type is RSA2 or RSA.")
    INVALID_SIGNATURE = (
        "isv.invalid-signature", INVALID,
        "sign does not verify with the app's public key over the parameters as received.")
    INVALID_TIMESTAMP = (
        "isv.invalid-timestamp", INVALID,
        "timestamp is not yyyy-MM-dd HH:mm:ss, or is outside the tolerance window around the"
        " platform's clock (read in the app's zone).")
    REPLAYED_REQUEST = (
        "isv.replayed-request", INVALID,
        "This exact signed request was accepted before its answer was stored (paysetu's code;"
        " later replays get the original answer).")
    INVALID_BIZ_CONTENT = (
        "isv.invalid-parameter", INVALID, "biz_content is not a JSON object.")
    INVALID_PARAMETER = (
        "ACQ.INVALID_PARAMETER", BUSINESS,
        "A business parameter is missing or invalid: amounts with more decimals than the"
        " currency allows, zero, negative or non-numeric; unknown currency; bad out_trade_no.")
    CONTEXT_INCONSISTENT = (
        "ACQ.CONTEXT_INCONSISTENT", BUSINESS,
        "out_trade_no (or out_request_no, out_biz_no) was used before with other content.")
    TRADE_NOT_EXIST = ("ACQ.TRADE_NOT_EXIST", BUSINESS, "No such trade for this app.")
    TRADE_HAS_CLOSE = ("ACQ.TRADE_HAS_CLOSE", BUSINESS, "The trade is closed.")
    TRADE_HAS_SUCCESS = ("ACQ.TRADE_HAS_SUCCESS", BUSINESS, "The trade is already paid.")
    TRADE_STATUS_ERROR = (
        "ACQ.TRADE_STATUS_ERROR", BUSINESS, "The trade's state does not allow this method.")
    TRADE_NOT_ALLOW_REFUND = (
        "ACQ.TRADE_NOT_ALLOW_REFUND", BUSINESS, "Only a paid trade can be refunded.")
    REFUND_AMT_NOT_EQUAL_TOTAL = (
        "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", BUSINESS,
        "The refund is more than what is left to refund of the trade.")
    PAYMENT_AUTH_CODE_INVALID = (
        "ACQ.PAYMENT_AUTH_CODE_INVALID", BUSINESS,
        "The buyer's payment code is unknown, used or expired.")
    BUYER_BALANCE_NOT_ENOUGH = (
        "ACQ.BUYER_BALANCE_NOT_ENOUGH", BUSINESS, "The buyer's wallet cannot cover the trade.")
    BUYER_NOT_EXIST = (
        "ACQ.BUYER_NOT_EXIST", BUSINESS, "buyer_id names no customer with a usable wallet.")
    EXCHANGE_RATE_UNAVAILABLE = (
        "ACQ.EXCHANGE_RATE_UNAVAILABLE", BUSINESS,
        "paysetu has no fresh FX rate for the buyer's and the trade's currencies.")
    PAYEE_NOT_EXIST = ("PAYEE_NOT_EXIST", BUSINESS, "The transfer's payee wallet does not exist.")
    PAYER_BALANCE_NOT_ENOUGH = (
        "PAYER_BALANCE_NOT_ENOUGH", BUSINESS,
        "The merchant's available balance cannot cover the transfer.")
    PAYEE_LIMIT_EXCEEDED = (
        "EXCEED_LIMIT_SM_AMOUNT", BUSINESS,
        "The transfer would take the payee wallet over its KYC tier's limit.")
    SYSTEM_ERROR = (
        "ACQ.SYSTEM_ERROR", UNAVAILABLE, "A transient failure; the same request may be retried.")

    def __init__(self, sub_code: str, code: tuple[str, str], meaning: str) -> None:
        self.sub_code = sub_code
        self.code = code[0]
        self.msg = code[1]
        self.meaning = meaning


class AlipayRefused(Exception):
    """A gateway request refused with ``error``; ``detail`` becomes ``sub_msg``."""

    def __init__(self, error: AlipayError, detail: str | None = None) -> None:
        super().__init__(detail or error.meaning)
        self.error = error
        self.detail = detail or error.meaning
