"""What the Alipay gateway's use cases need: its repository, the platform key, a notifier.

:class:`AlipayPolicy` rides on :class:`~paysetu.app.context.AlipayContext` (``ctx.alipay``);
:mod:`paysetu.bootstrap` builds it from settings (key file under ``data_dir``, the zone the
SDK's zone-less timestamps are read in, the tolerance window).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Protocol

from paysetu.alipay.rules.gateway import zone_named
from paysetu.alipay.rules.records import (
    AlipayApp,
    AlipayNotification,
    AlipayTrade,
    AlipayTransfer,
)
from paysetu.checkout.usecases.ports import CheckoutContext, CheckoutUnitOfWork
from paysetu.customers.usecases.ports import CustomersContext, CustomersUnitOfWork
from paysetu.events.rules.webhooks import SendResult
from paysetu.kernel.pagination import PageRequest


class AlipayKeys(Protocol):
    """The platform key pair, and signature checks of apps' keys."""

    def public_key_pem(self) -> str: ...
    def sign(self, text: str, sign_type: str) -> str: ...
    def verify(self, public_key_pem: str, text: str, signature: str, sign_type: str) -> bool: ...
    def normalized_public_key(self, text: str) -> str | None: ...


class AlipayNotifier(Protocol):
    """POSTs one form-encoded notification; never raises for network trouble.

    ``error`` is None only when the receiver answered 2xx with the body ``success``.
    """

    def send(self, url: str, form: Mapping[str, str]) -> SendResult: ...


@dataclass(frozen=True, slots=True)
class AlipayPolicy:
    """The gateway's wiring and settings.

    Attributes:
        timezone: The zone request timestamps are read in, and times are written in, for apps
            without a zone of their own (``PAYSETU_ALIPAY_TIMEZONE``).
        timestamp_tolerance_s: How far a request's timestamp may be from the platform clock.
        public_base_url: The gateway's public origin (``https://pay.example.com/``), for the
            URLs it hands out; None: the request's own.
    """

    keys: AlipayKeys
    notifier: AlipayNotifier
    timezone: tzinfo
    timestamp_tolerance_s: int = 30 * 60
    public_base_url: str | None = None

    def for_app(self, app: AlipayApp) -> AlipayPolicy:
        """The policy as ``app`` sees it: times in the app's own zone, if it has one."""
        zone = None if app.timezone is None else zone_named(app.timezone)
        return self if zone is None else replace(self, timezone=zone)


class AlipayRepository(Protocol):
    def insert_app(self, app: AlipayApp) -> None: ...
    def get_app(self, app_id: str) -> AlipayApp | None: ...
    def list_apps(
        self, merchant_id: str | None, page: PageRequest
    ) -> tuple[list[AlipayApp], bool]: ...
    def remember_request(
        self, app_id: str, signature_hash: bytes, forget_after: datetime, now: datetime
    ) -> bool: ...
    def remembered_response(self, app_id: str, signature_hash: bytes) -> str | None: ...
    def store_response(self, app_id: str, signature_hash: bytes, response_text: str) -> None: ...
    def insert_trade(self, trade: AlipayTrade) -> bool: ...
    def find_trade(
        self, app_id: str | None, *, out_trade_no: str | None, trade_no: str | None,
        for_update: bool = False,
    ) -> AlipayTrade | None: ...
    def set_trade_payment(self, trade_id: str, payment_id: str) -> None: ...
    def set_trade_checkout(self, trade_id: str, session_id: str) -> None: ...
    def close_trade(self, trade_id: str, now: datetime) -> None: ...
    def find_refund(self, trade_id: str, out_request_no: str) -> str | None: ...
    def insert_refund(
        self, trade_id: str, out_request_no: str, refund_id: str, now: datetime
    ) -> None: ...
    def find_transfer(self, app_id: str, out_biz_no: str) -> AlipayTransfer | None: ...
    def insert_transfer(self, transfer: AlipayTransfer) -> None: ...
    def insert_payment_code(
        self, code_hash: bytes, wallet_id: str, expires_at: datetime, now: datetime
    ) -> None: ...
    def take_payment_code(self, code_hash: bytes, now: datetime) -> str | None: ...
    def insert_notification(self, notification: AlipayNotification) -> None: ...
    def claim_notifications(
        self, now: datetime, lease_until: datetime, limit: int
    ) -> list[AlipayNotification]: ...
    def record_notification(
        self, notification_id: str, attempts: int, status: str, error: str | None,
        next_attempt_at: datetime,
    ) -> bool: ...
    def trade_notifications(self, trade_id: str) -> list[AlipayNotification]: ...


class AlipayUnitOfWork(CheckoutUnitOfWork, Protocol):
    """Checkout's unit of work plus the gateway's apps, trades and notifications."""

    @property
    def alipay(self) -> AlipayRepository: ...


class AlipayContext(CheckoutContext, Protocol):
    @property
    def uow_factory(self) -> Callable[[], AlipayUnitOfWork]: ...
    def reader(self) -> AlipayUnitOfWork: ...
    @property
    def alipay(self) -> AlipayPolicy | None:
        """The gateway's keys and settings; None: the gateway is off."""
        ...


class WalletAlipayUnitOfWork(AlipayUnitOfWork, CustomersUnitOfWork, Protocol):
    """A trade paid from a signed-in customer's wallet: the trade, the payment and the PIN's
    count commit together."""


class WalletAlipayContext(AlipayContext, CustomersContext, Protocol):
    """The gateway's context with the customers' (sign-in, PIN) for the wallet's pay page."""

    @property
    def uow_factory(self) -> Callable[[], WalletAlipayUnitOfWork]: ...
    def reader(self) -> WalletAlipayUnitOfWork: ...
