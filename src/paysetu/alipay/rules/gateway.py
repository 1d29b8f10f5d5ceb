"""Alipay's OpenAPI wire rules, as pure functions: parameters, amounts, sign content, responses.

What the published ``python-alipay-sdk`` (3.4.x) does, and therefore what these rules follow:

- Requests come as ``GET /gateway.do?...`` with every value ``quote_plus``-encoded. The signed
  text is every parameter but ``sign`` (``sign_type`` included), sorted by name, joined as
  ``k=v&k=v`` with the *decoded* values; ``biz_content`` is verified exactly as received (the
  SDK sends compact JSON with non-ASCII as ``\\uXXXX``), never re-serialised.
- ``timestamp`` is ``yyyy-MM-dd HH:mm:ss`` in the client's local time, without a zone.
- The response is ``{"<method>_response":{...},"sign":"..."}``. The SDK finds the signed part by
  counting braces from the first ``{`` after the response key, so the signature covers exactly
  that object's text as sent, and no ``{`` or ``}`` may appear inside its strings: string values
  escape them as ``\\u007b`` / ``\\u007d``, which JSON decodes back to the same characters.
- Notifications are verified over every field but ``sign`` and ``sign_type``, empty ones
  included, sorted and joined the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from decimal import Decimal
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from paysetu.alipay.rules.errors import AlipayError, AlipayRefused
from paysetu.kernel.money import AMOUNT_MINOR_MAX, AmountFormatError, CurrencyError, Money

DEFAULT_CURRENCY = "CNY"
"""The currency of ``total_amount`` when a trade names no ``trans_currency`` (Alipay's rule)."""
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"
SIGN_TYPES = ("RSA2", "RSA")
"""RSA2 is SHA256withRSA, RSA is SHA1withRSA (old clients); both PKCS#1 v1.5, base64."""
OUT_NO_PATTERN = re.compile(r"^[A-Za-z0-9_\-.]{1,64}$")
"""out_trade_no, out_request_no, out_biz_no: Alipay allows letters, digits and ``_-.``."""
SUBJECT_LENGTH_MAX = 256
_AMOUNT_TEXT = re.compile(r"^[0-9]{1,20}(\.[0-9]{1,10})?$")

NOTIFY_DELAYS_S = (4 * 60, 10 * 60, 10 * 60, 3600, 2 * 3600, 6 * 3600, 15 * 3600)
"""Alipay's notification rhythm: after a failed attempt, wait the next delay (4m, 10m, 10m,
1h, 2h, 6h, 15h); eight attempts over 24h24m, then the notification is ``failed``."""
NOTIFY_ATTEMPTS_MAX = len(NOTIFY_DELAYS_S) + 1
NOTIFY_SUCCESS = "success"
"""What a receiver answers (the body, trimmed) to acknowledge a notification."""


class Method(StrEnum):
    """The gateway's methods (``docs/alipay.md`` says what each does in paysetu)."""

    PRECREATE = "alipay.trade.precreate"
    CREATE = "alipay.trade.create"
    PAY = "alipay.trade.pay"
    QUERY = "alipay.trade.query"
    CLOSE = "alipay.trade.close"
    CANCEL = "alipay.trade.cancel"
    REFUND = "alipay.trade.refund"
    REFUND_QUERY = "alipay.trade.fastpay.refund.query"
    TRANSFER = "alipay.fund.trans.uni.transfer"
    PAGE_PAY = "alipay.trade.page.pay"
    WAP_PAY = "alipay.trade.wap.pay"


BROWSER_METHODS = frozenset({Method.PAGE_PAY, Method.WAP_PAY})
"""Methods a browser follows: the answer is a redirect to the hosted checkout page."""


class TradeStatus(StrEnum):
    WAIT_BUYER_PAY = "WAIT_BUYER_PAY"
    TRADE_SUCCESS = "TRADE_SUCCESS"
    TRADE_CLOSED = "TRADE_CLOSED"
    """Closed unpaid, or paid and then refunded in full (Alipay's meaning)."""


@dataclass(frozen=True, slots=True)
class CommonParams:
    """The common parameters of a gateway request, checked for presence and form."""

    app_id: str
    method: str
    sign_type: str
    sign: str
    timestamp: str
    notify_url: str | None
    return_url: str | None
    biz_content: str


def response_key(method: str | None) -> str:
    """``alipay.trade.query`` -> ``alipay_trade_query_response``; no method: ``error_response``."""
    if not method or not re.fullmatch(r"[a-z0-9.]{1,128}", method):
        return "error_response"
    return method.replace(".", "_") + "_response"


def _present(params: Mapping[str, str], name: str, missing: AlipayError) -> str:
    value = params.get(name, "")
    if not value:
        raise AlipayRefused(missing)
    return value


def common_params(params: Mapping[str, str]) -> CommonParams:
    """The common parameters, in Alipay's order of checks (missing first, then invalid)."""
    app_id = _present(params, "app_id", AlipayError.MISSING_APP_ID)
    method = _present(params, "method", AlipayError.MISSING_METHOD)
    sign = _present(params, "sign", AlipayError.MISSING_SIGNATURE)
    sign_type = _present(params, "sign_type", AlipayError.MISSING_SIGNATURE_TYPE)
    timestamp = _present(params, "timestamp", AlipayError.MISSING_TIMESTAMP)
    version = _present(params, "version", AlipayError.MISSING_VERSION)
    if sign_type not in SIGN_TYPES:
        raise AlipayRefused(AlipayError.INVALID_SIGNATURE_TYPE)
    if params.get("format", "JSON").upper() != "JSON":
        raise AlipayRefused(AlipayError.INVALID_FORMAT)
    if params.get("charset", "utf-8").lower() != "utf-8":
        raise AlipayRefused(AlipayError.INVALID_CHARSET)
    if version != "1.0":
        raise AlipayRefused(AlipayError.INVALID_VERSION)
    return CommonParams(
        app_id=app_id, method=method, sign_type=sign_type, sign=sign, timestamp=timestamp,
        notify_url=params.get("notify_url") or None, return_url=params.get("return_url") or None,
        biz_content=params.get("biz_content", ""),
    )


def _joined(params: Mapping[str, str], excluded: tuple[str, ...]) -> str:
    return "&".join(f"{k}={v}" for k, v in sorted(params.items()) if k not in excluded)


def request_sign_content(params: Mapping[str, str]) -> str:
    """The text a request's ``sign`` covers: all parameters but ``sign``, sorted by name."""
    return _joined(params, ("sign",))


def notification_sign_content(params: Mapping[str, str]) -> str:
    """The text a notification's ``sign`` covers: all fields but ``sign`` and ``sign_type``."""
    return _joined(params, ("sign", "sign_type"))


def parse_timestamp(text: str, zone: tzinfo) -> datetime:
    """The request's ``timestamp``, a local time read in ``zone`` (the SDK sends no zone)."""
    try:
        local = datetime.strptime(text, TIMESTAMP_FORMAT)
    except ValueError:
        raise AlipayRefused(AlipayError.INVALID_TIMESTAMP) from None
    return local.replace(tzinfo=zone)


def zone_named(name: str) -> tzinfo | None:
    """The IANA zone ``name`` (``Asia/Shanghai``), or None when there is no such zone."""
    if not name or len(name) > 64 or name.startswith(("/", ".")) or ".." in name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def check_timestamp(sent_at: datetime, now: datetime, tolerance_s: int) -> None:
    """Refuse a timestamp further than ``tolerance_s`` from ``now``, either way."""
    if abs(now - sent_at) > timedelta(seconds=tolerance_s):
        raise AlipayRefused(
            AlipayError.INVALID_TIMESTAMP,
            f"timestamp is more than {tolerance_s} seconds from the platform clock.")


def format_time(moment: datetime, zone: tzinfo) -> str:
    """A moment as Alipay writes times (``gmt_payment``, ``notify_time``), in ``zone``."""
    return moment.astimezone(zone).strftime(TIMESTAMP_FORMAT)


def biz_content(text: str) -> dict[str, Any]:
    """``biz_content`` as a JSON object (absent: empty)."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        raise AlipayRefused(AlipayError.INVALID_BIZ_CONTENT) from None
    if not isinstance(value, dict):
        raise AlipayRefused(AlipayError.INVALID_BIZ_CONTENT)
    return value


def text_field(biz: Mapping[str, Any], name: str, *, required: bool = True) -> str | None:
    """A string (or number) field of ``biz_content``, as text; refuses other shapes."""
    value = biz.get(name)
    if value is None or value == "":
        if required:
            raise AlipayRefused(AlipayError.INVALID_PARAMETER, f"{name} is required.")
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise AlipayRefused(AlipayError.INVALID_PARAMETER, f"{name} must be text.")
    text = str(value)
    if "\x00" in text or len(text) > 1024:
        raise AlipayRefused(AlipayError.INVALID_PARAMETER, f"{name} is not valid.")
    return text


def out_no(biz: Mapping[str, Any], name: str, *, required: bool = True) -> str | None:
    """An ``out_*_no`` field: 1-64 letters, digits, ``_``, ``-`` or ``.``."""
    value = text_field(biz, name, required=required)
    if value is not None and not OUT_NO_PATTERN.match(value):
        raise AlipayRefused(
            AlipayError.INVALID_PARAMETER,
            f"{name} is 1-64 letters, digits, underscores, hyphens or dots.")
    return value


def currency_field(biz: Mapping[str, Any], name: str, default: str) -> str:
    """An ISO 4217 currency field (``trans_currency``, ``settle_currency``)."""
    value = text_field(biz, name, required=False) or default
    try:
        Money.zero(value)
    except (CurrencyError, ValueError):
        raise AlipayRefused(
            AlipayError.INVALID_PARAMETER, f"{name} is not an ISO 4217 currency.") from None
    return value


def parse_amount(text: str | None, currency: str, name: str) -> int:
    """Major-unit decimal text (``"88.88"``) as minor units of ``currency``, exactly.

    Zero, negative, non-numeric text and more decimals than the currency's ISO 4217 exponent
    allows are refused (never rounded).
    """
    if text is None or not _AMOUNT_TEXT.match(text):
        raise AlipayRefused(AlipayError.INVALID_PARAMETER, f"{name} is a positive decimal amount.")
    try:
        amount = Money.parse(text, currency).amount_minor
    except (AmountFormatError, CurrencyError):
        raise AlipayRefused(
            AlipayError.INVALID_PARAMETER,
            f"{name} has more decimals than {currency} allows.") from None
    if not 0 < amount <= AMOUNT_MINOR_MAX:
        raise AlipayRefused(AlipayError.INVALID_PARAMETER, f"{name} must be more than zero.")
    return amount


def format_amount(amount_minor: int, currency: str) -> str:
    """Minor units as Alipay's major-unit text: 8888 CNY -> ``"88.88"``, 500 JPY -> ``"500"``."""
    return format(Money(amount_minor, currency).to_decimal(), "f")


def rate_text(rate: Decimal) -> str:
    """A rate as plain decimal text, without exponent or trailing zeros."""
    return format(rate.normalize(), "f")


def _json_text(value: Any) -> str:
    """Compact ASCII JSON in which no string contains a brace (see the module docstring)."""
    if isinstance(value, dict):
        items = (f"{_json_text(str(k))}:{_json_text(v)}" for k, v in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_json_text(v) for v in value) + "]"
    text = json.dumps(value, ensure_ascii=True)
    if isinstance(value, str):
        text = text.replace("{", "\\u007b").replace("}", "\\u007d")
    return text


def response_text(fields: Mapping[str, Any]) -> str:
    """The ``<method>_response`` object's text: what the platform signs, byte for byte."""
    return _json_text(dict(fields))


def response_body(key: str, text: str, sign: str) -> str:
    """The whole response: the signed object's text embedded unchanged, then its signature."""
    return "{" + json.dumps(key) + ":" + text + ',"sign":' + json.dumps(sign) + "}"


def trade_status(*, closed: bool, payment_status: str | None, captured_minor: int,
                 refunded_minor: int) -> TradeStatus:
    """A trade's Alipay status, read from its paysetu payment (or its unpaid close)."""
    if payment_status == "succeeded":
        if refunded_minor >= captured_minor:
            return TradeStatus.TRADE_CLOSED
        return TradeStatus.TRADE_SUCCESS
    if closed or payment_status in ("canceled", "failed"):
        return TradeStatus.TRADE_CLOSED
    return TradeStatus.WAIT_BUYER_PAY


def notify_delay_s(attempts: int) -> int | None:
    """Seconds until the next attempt after ``attempts`` failed ones; None: give up."""
    if attempts >= NOTIFY_ATTEMPTS_MAX:
        return None
    return NOTIFY_DELAYS_S[max(attempts, 1) - 1]


PAYMENT_CODE_PREFIX = "28"
PAYMENT_CODE_TTL_S = 120
"""A buyer's payment code works once, within two minutes of being shown (Alipay's codes
refresh every minute)."""


def payment_code_from(random_bytes: bytes) -> str:
    """An 18-digit payment code (``28`` + 16 digits, Alipay's shape) from random bytes."""
    number = int.from_bytes(random_bytes, "big") % 10**16
    return f"{PAYMENT_CODE_PREFIX}{number:016d}"


def app_id_from(random_bytes: bytes, created_at: datetime) -> str:
    """A 16-digit numeric app id (Alipay's shape) that sorts by creation time: the Unix
    second, then 6 random digits (lists page by id, newest first)."""
    second = int(created_at.timestamp())
    return f"{second:010d}{int.from_bytes(random_bytes, 'big') % 10**6:06d}"
