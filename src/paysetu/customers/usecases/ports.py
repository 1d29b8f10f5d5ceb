"""What the customers' use cases need: their store, the SMS gateway, the PIN hasher, policy.

``CustomersUnitOfWork`` extends payments' (an approval debits the wallet in the same
transaction) with the customer-auth repository; ``CustomersContext`` adds the policy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from paysetu.customers.rules.identity import CustomerPolicy, CustomerSession, StoredCode
from paysetu.customers.rules.movements import HistoryFilter, Movement
from paysetu.customers.rules.transfers import CustomerTransfer, MoneyRequest, RequestState
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork


@dataclass(frozen=True, slots=True)
class SmsMessage:
    id: str
    phone_e164: str
    body: str
    created_at: datetime


class SmsGateway(Protocol):
    """Delivers queued text messages (default: the console of ``paysetu run``)."""

    def deliver(self, message: SmsMessage) -> None: ...


class PinHasher(Protocol):
    """argon2id in production (:class:`paysetu.access.stores.passwords.Argon2Passwords`)."""

    def hash(self, password: str) -> str: ...
    def verify(self, password_hash: str, password: str) -> bool: ...


class CustomerAuthRepository(Protocol):
    def customer_by_phone(self, phone_e164: str) -> str | None: ...
    def customer_phone(self, customer_id: str) -> str | None: ...
    def count_request(
        self, throttle_key: str, now: datetime, window_s: int
    ) -> tuple[int, datetime]:
        """Count one request in the key's current window (one upsert, under the row lock);
        ``(requests in the window including this one, window start)``."""
        ...
    def replace_code(
        self, phone_e164: str, salt: bytes, digest: bytes, now: datetime, expires_at: datetime
    ) -> None: ...
    def claim_code_try(self, phone_e164: str, tries_max: int) -> StoredCode | None:
        """Count one check of the number's code (one UPDATE); None when it has no code or
        its tries are used up."""
        ...
    def consume_code(self, phone_e164: str, digest: bytes) -> bool:
        """Delete that code (once: a second consume of it answers False)."""
        ...
    def insert_session(
        self, digest: bytes, customer_id: str, now: datetime, expires_at: datetime
    ) -> None: ...
    def session(self, digest: bytes, now: datetime) -> CustomerSession | None: ...
    def delete_session(self, digest: bytes) -> None: ...
    def has_pin(self, customer_id: str) -> bool: ...
    def claim_pin_try(
        self, customer_id: str, now: datetime, tries_max: int, lock_s: int
    ) -> str | None:
        """Count one PIN check (one UPDATE; the last allowed one also locks the PIN until
        ``now + lock_s``); the PIN's hash, or None when there is none or it is locked."""
        ...
    def pin_locked_until(self, customer_id: str, now: datetime) -> datetime | None: ...
    def clear_pin_failures(self, customer_id: str, now: datetime) -> None: ...
    def set_pin(self, customer_id: str, pin_hash: str, now: datetime) -> None: ...
    def queue_sms(self, message: SmsMessage) -> None: ...
    def unshown_sms(self, limit: int) -> list[SmsMessage]:
        """Messages not yet delivered, oldest first, locked (``SKIP LOCKED``)."""
        ...
    def mark_sms_shown(self, message_ids: list[str], now: datetime) -> None: ...
    def recent_sms(self, limit: int) -> list[SmsMessage]: ...


@dataclass(frozen=True, slots=True)
class RefundLine:
    """A refund of one of the customer's payments (shown under it)."""

    id: str
    amount_minor: int
    currency: str
    status: str
    reason: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class MandateDebit:
    """A payment made under a mandate (listed under it)."""

    payment_id: str
    amount_minor: int
    currency: str
    status: str
    created_at: datetime


class WalletHistoryRepository(Protocol):
    """The wallet app's reads, always of one customer's own wallets."""

    def movements(
        self, customer_id: str, where: HistoryFilter, limit: int | None
    ) -> list[Movement]:
        """Posted movements, newest first (``limit`` None: all of them)."""
        ...
    def merchants_paid(self, customer_id: str) -> list[tuple[str, str]]: ...
    def balances_before(self, customer_id: str, at: datetime) -> dict[str, int]: ...
    def refunds_of(self, payment_id: str) -> list[RefundLine]: ...
    def mandate_debits(self, customer_id: str) -> dict[str, list[MandateDebit]]: ...


@dataclass(frozen=True, slots=True)
class NotificationRow:
    """One of the customer's events as stored: its object, the other party's name (the
    merchant's legal name, or the other customer's), and for a mandate's notice the noticed
    amount and the earliest debit time."""

    event_id: str
    event_type: str
    created_at: datetime
    obj: dict[str, Any]
    counterparty_name: str | None
    notice_minor: int | None
    debit_after: datetime | None


class NotificationsRepository(Protocol):
    def recent(self, customer_id: str, limit: int) -> list[NotificationRow]:
        """The customer's notifying events, newest first."""
        ...
    def seen_until(self, customer_id: str) -> datetime | None: ...
    def mark_seen(self, customer_id: str, until: datetime) -> None: ...
class CustomerTransferRepository(Protocol):
    def wallet_for(self, customer_id: str, currency: str) -> str | None: ...
    def insert_transfer(self, transfer: CustomerTransfer) -> bool:
        """False when the payer already used the transfer's idempotency key."""
        ...
    def transfer_by_key(self, payer_customer_id: str, key: str) -> CustomerTransfer | None: ...
    def get_transfer(self, transfer_id: str) -> CustomerTransfer | None: ...
    def transfers_of(self, customer_id: str, limit: int) -> list[CustomerTransfer]: ...
    def insert_request(self, request: MoneyRequest) -> None: ...
    def get_request(
        self, request_id: str, *, for_update: bool = False
    ) -> MoneyRequest | None: ...
    def requests_of(self, customer_id: str, limit: int) -> list[MoneyRequest]: ...
    def set_request_status(
        self, request_id: str, status: RequestState, transfer_id: str | None, now: datetime
    ) -> None: ...
    def due_requests(self, now: datetime, limit: int) -> list[MoneyRequest]:
        """Pending requests past their time, locked (``SKIP LOCKED``)."""
        ...


class CustomersUnitOfWork(PaymentsUnitOfWork, Protocol):
    @property
    def customer_auth(self) -> CustomerAuthRepository: ...
    @property
    def wallet_history(self) -> WalletHistoryRepository: ...
    @property
    def notifications(self) -> NotificationsRepository: ...
    @property
    def customer_transfers(self) -> CustomerTransferRepository: ...


class CustomersContext(PaymentsContext, Protocol):
    @property
    def uow_factory(self) -> Callable[[], CustomersUnitOfWork]: ...
    def reader(self) -> CustomersUnitOfWork: ...
    @property
    def customers(self) -> CustomerPolicy: ...
