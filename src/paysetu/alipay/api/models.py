"""The Alipay-compatible gateway's ``/v1`` objects as the API returns them (see
:mod:`paysetu.shell.http.objects`); ``/gateway.do`` speaks Alipay's own protocol and is outside
the OpenAPI document.

Field for field :func:`paysetu.alipay.usecases.alipay_apps.app_object` and the payment code of
:func:`paysetu.alipay.usecases.alipay_buyers.issue_payment_code`; paying a trade answers the
payment (:class:`paysetu.payments.api.models.Payment`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from paysetu.shell.http.objects import ApiObject, Timestamp


class AlipayApp(ApiObject):
    """A merchant's app: ``id`` is the SDK's ``appid``, ``platform_public_key`` its
    ``alipay_public_key_string``; requests go to ``gateway_path``."""

    id: str = Field(description="A 16-digit numeric app id (Alipay's shape).",
                    examples=["1764806400123456"])
    object: Literal["alipay_app"]
    merchant: str
    public_key: str = Field(description="The app's RSA public key (PEM).")
    notify_url: str | None = Field(
        description="Where notifications go when a request names no notify_url.")
    timezone: str = Field(
        description="The zone the app's server writes its zone-less timestamps in (IANA name).",
        examples=["Asia/Shanghai"])
    platform_public_key: str = Field(description="The gateway's RSA public key (PEM).")
    gateway_path: Literal["/gateway.do"]
    created: Timestamp


class AlipayPaymentCode(ApiObject):
    """A one-time payment code (the buyer's barcode), valid for two minutes."""

    object: Literal["alipay_payment_code"]
    code: str = Field(description="18 digits, ``28`` first.", examples=["281234567890123456"])
    wallet: str = Field(examples=["wal_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    expires_at: Timestamp
