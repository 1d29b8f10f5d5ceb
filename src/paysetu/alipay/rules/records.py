"""The gateway's own records: apps, and the links from Alipay's numbers to paysetu's objects.

None of them holds money or a balance. A trade is ``(app, out_trade_no)`` -> a paysetu payment
(set once the buyer is known), a refund ``(trade, out_request_no)`` -> a paysetu refund, a
transfer ``(app, out_biz_no)`` -> a ledger entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class AlipayApp:
    """A merchant's Alipay-style app.

    Attributes:
        id: The numeric app id the merchant's SDK sends as ``app_id``.
        public_key_pem: The app's RSA public key: requests must verify against it.
        notify_url: Where notifications go when a request names no ``notify_url``.
        timezone: The IANA zone the app's server writes its zone-less ``timestamp`` in (and
            the gateway writes the app's times in); None: the deployment's default.
    """

    id: str
    merchant_id: str
    public_key_pem: str
    notify_url: str | None
    created_at: datetime
    timezone: str | None = None


@dataclass(frozen=True, slots=True)
class AlipayTrade:
    """One ``out_trade_no`` of an app.

    Attributes:
        id: ``trade_no``.
        method: The method that opened it (precreate, create, pay).
        request_hash: Digest of what was asked first: a retry with the same content returns
            this trade, other content is ``ACQ.CONTEXT_INCONSISTENT``.
        amount_minor: ``total_amount`` in ``currency`` (``trans_currency``, CNY by default).
        payment_id: The paysetu payment, once a buyer is known (create names one; precreate
            gets one when the buyer pays).
        closed_at: Set when closed before any payment existed.
        return_url: page/wap pay: the merchant page the browser goes back to.
        checkout_session_id: page/wap pay: the hosted checkout session the buyer pays on; its
            payment becomes the trade's.
    """

    id: str
    app_id: str
    out_trade_no: str
    method: str
    request_hash: str
    amount_minor: int
    currency: str
    subject: str
    sign_type: str
    notify_url: str | None
    payment_id: str | None
    closed_at: datetime | None
    created_at: datetime
    return_url: str | None = None
    checkout_session_id: str | None = None


@dataclass(frozen=True, slots=True)
class AlipayTransfer:
    """A payout to a wallet (``alipay.fund.trans.uni.transfer``) and its ledger entry."""

    id: str
    app_id: str
    out_biz_no: str
    request_hash: str
    wallet_id: str
    amount_minor: int
    currency: str
    entry_id: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AlipayNotification:
    """A notification in the outbox; ``params`` are signed when sent (with ``notify_time``)."""

    id: str
    trade_id: str
    url: str
    sign_type: str
    params: Mapping[str, str]
    status: str
    attempts: int
    last_error: str | None
    next_attempt_at: datetime
    created_at: datetime
