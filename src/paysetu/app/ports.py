"""Repositories of the payments product, as Protocols (implemented in ``adapters/db``).

Each is bound to the unit of work's connection, so everything a use case writes (the ledger
entries, the object's row, its event and webhook deliveries, the idempotency record) commits
in one database transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from paysetu.access.rules.principals import ApiKeyRecord
from paysetu.access.rules.web_users import LoginFailures, WebSession, WebUser
from paysetu.events.rules.events import Event
from paysetu.events.rules.webhooks import (
    Delivery,
    DeliveryAttempt,
    DeliveryJob,
    DeliveryStatus,
    SendResult,
    WebhookEndpoint,
)
from paysetu.ledger.usecases.ports import UnitOfWork
from paysetu.payments.rules.fx_quotes import Quote, Rate
from paysetu.payments.rules.fx_rate_file import RateRow
from paysetu.payments.rules.payments import (
    BalanceTransaction,
    Merchant,
    MerchantAccounts,
    Payment,
    Refund,
)
from paysetu.settlement.usecases.ports import SettlementRepository
from paysetu.settlement.usecases.reconciliation_ports import ReconciliationRepository
from paysetu.wallets.rules.wallets import Customer, Wallet

if TYPE_CHECKING:  # lending_ports and checkout_ports import PageRequest from here
    from paysetu.alipay.usecases.ports import AlipayRepository
    from paysetu.checkout.usecases.ports import CheckoutSessionRepository
    from paysetu.lending.usecases.ports import LendingRepository, LoanRepository


@dataclass(frozen=True, slots=True)
class PageRequest:
    """Stripe's cursor parameters: newest first; ``starting_after`` pages to older objects,
    ``ending_before`` to newer ones."""

    limit: int = 10
    starting_after: str | None = None
    ending_before: str | None = None


class StoredResponseLike(Protocol):
    @property
    def request_method(self) -> str: ...
    @property
    def request_path(self) -> str: ...
    @property
    def request_hash(self) -> str: ...
    @property
    def status(self) -> int: ...
    @property
    def body(self) -> Any: ...


class ApiKeyRepository(Protocol):
    def insert(self, record: ApiKeyRecord) -> None: ...
    def get(self, key_id: str) -> ApiKeyRecord | None: ...
    def list_page(self, owner_id: str | None) -> list[ApiKeyRecord]: ...
    def revoke(self, key_id: str, now: datetime) -> bool: ...


class IdempotencyRepository(Protocol):
    def try_lock(self, api_key_id: str, key: str) -> bool: ...
    def get(self, api_key_id: str, key: str) -> StoredResponseLike | None: ...
    def save(self, api_key_id: str, key: str, response: Any, now: datetime) -> None: ...


class CustomerRepository(Protocol):
    def insert(self, customer: Customer) -> None: ...
    def get(self, customer_id: str, *, for_update: bool = False) -> Customer | None: ...
    def list_page(self, page: PageRequest) -> tuple[list[Customer], bool]: ...


class WalletRepository(Protocol):
    def insert(self, wallet: Wallet) -> bool: ...
    def get(self, wallet_id: str) -> Wallet | None: ...
    def list_page(
        self, customer_id: str | None, page: PageRequest
    ) -> tuple[list[Wallet], bool]: ...
    def loaded_since(self, account_id: str, since: datetime) -> int: ...


class EventRepository(Protocol):
    def insert_with_deliveries(self, event: Event, delivery_id_prefix: str) -> int: ...
    def insert_many_with_deliveries(
        self, events: Sequence[Event], delivery_id_prefix: str
    ) -> int: ...
    def get(self, event_id: str) -> Event | None: ...
    def list_page(
        self, merchant_id: str | None, event_type: str | None, page: PageRequest
    ) -> tuple[list[Event], bool]: ...


class MerchantRepository(Protocol):
    def insert(self, merchant: Merchant) -> None: ...
    def get(self, merchant_id: str) -> Merchant | None: ...
    def list_page(self, only_id: str | None, page: PageRequest) -> tuple[list[Merchant], bool]: ...
    def accounts(self, merchant_id: str, currency: str) -> MerchantAccounts | None: ...
    def add_accounts(self, merchant_id: str, currency: str, accounts: MerchantAccounts) -> None: ...
    def balances(self, merchant_id: str) -> list[Any]: ...


class WebhookRepository(Protocol):
    def insert_endpoint(self, endpoint: WebhookEndpoint) -> None: ...
    def get_endpoint(self, endpoint_id: str) -> WebhookEndpoint | None: ...
    def list_endpoints(
        self, merchant_id: str | None, page: PageRequest
    ) -> tuple[list[WebhookEndpoint], bool]: ...
    def disable_endpoint(self, endpoint_id: str) -> int: ...
    def list_deliveries(
        self, endpoint_id: str, page: PageRequest
    ) -> tuple[list[Delivery], bool]: ...
    def claim_due(self, now: datetime, lease_until: datetime, limit: int) -> list[DeliveryJob]: ...
    def record_attempt(
        self, job: DeliveryJob, attempt: DeliveryAttempt, status: DeliveryStatus,
        next_attempt_at: datetime,
    ) -> bool: ...


class WebhookSender(Protocol):
    """Sends one signed webhook request (HTTP in production, a recording fake in tests)."""

    def send(self, url: str, body: bytes, headers: dict[str, str]) -> SendResult:
        """POST ``body``; never raises for network errors or timeouts (they are results)."""
        ...


@dataclass(frozen=True, slots=True)
class LedgerTotals:
    """One currency's ledger at a glance (debit volume equals credit volume per currency).

    Attributes:
        currency: ISO 4217 code.
        accounts: Accounts open or closed in this currency.
        posted_minor: Sum of posted debits over all accounts.
        pending_minor: Sum of pending (reserved) debits over all accounts.
    """

    currency: str
    accounts: int
    posted_minor: int
    pending_minor: int


class StatsRepository(Protocol):
    """Aggregates for operations (metrics), read at scrape time."""

    def payments_by_status(self) -> dict[str, int]: ...
    def ledger_totals(self) -> list[LedgerTotals]: ...


class PaymentRepository(Protocol):
    def insert(self, payment: Payment) -> None: ...
    def get(self, payment_id: str, *, for_update: bool = False) -> Payment | None: ...
    def save(self, payment: Payment) -> None: ...
    def list_page(
        self, merchant_id: str | None, status: str | None, page: PageRequest
    ) -> tuple[list[Payment], bool]: ...
    def due_authorizations(self, now: datetime, limit: int) -> list[Payment]: ...
    def due_escrows(self, now: datetime, limit: int) -> list[Payment]: ...
    def escrow_held(self, payment_id: str, escrow_account: str) -> int: ...


class RefundRepository(Protocol):
    def insert(self, refund: Refund) -> None: ...
    def get(self, refund_id: str) -> Refund | None: ...
    def save(self, refund: Refund) -> None: ...
    def list_page(
        self, merchant_id: str | None, payment_id: str | None, page: PageRequest
    ) -> tuple[list[Refund], bool]: ...
    def pending(self, limit: int) -> list[Refund]: ...


class BalanceTransactionRepository(Protocol):
    def list_page(
        self, merchant_id: str | None, limit: int, starting_after: int | None,
        ending_before: int | None,
    ) -> tuple[list[BalanceTransaction], bool]: ...


class RateSource(Protocol):
    """Mid rates: the ECB reference rates shipped offline, the manual table, later live feeds."""

    def mid_rate(self, base: str, quote: str, at: datetime) -> Rate:
        """The newest mid rate of ``base`` in ``quote`` fixed on or before ``at``'s date.

        Raises ``FxRejected(rate_unavailable)`` when the source has none; freshness is the
        caller's rule (``rate_stale``), so a source returns old rates as they are.
        """
        ...


@dataclass(frozen=True, slots=True)
class ManualRate:
    """One row of the manual rate table (units of ``quote_currency`` per ``base_currency``)."""

    base_currency: str
    quote_currency: str
    rate: Decimal
    as_of: date
    source: str
    loaded_at: datetime


class FxRateRepository(RateSource, Protocol):
    """The manual rate table; as a :class:`RateSource` it answers direct and inverse pairs."""

    def upsert(self, rows: Sequence[RateRow], source: str, now: datetime) -> int: ...
    def list_rates(self, currency: str | None, limit: int) -> list[ManualRate]: ...


class FxQuoteRepository(Protocol):
    def insert(self, quote: Quote) -> None: ...
    def get(self, quote_id: str, *, for_update: bool = False) -> Quote | None: ...
    def mark_used(self, quote_id: str, payment_id: str) -> None: ...


class WebUserRepository(Protocol):
    """Web users, their sessions (by token digest) and failed-login counters."""

    def insert(self, user: WebUser) -> bool: ...
    def by_email(self, email: str) -> WebUser | None: ...
    def list_users(self) -> list[WebUser]: ...
    def set_password_hash(self, user_id: str, password_hash: str) -> None: ...
    def insert_session(
        self, digest: bytes, user_id: str, csrf_token: str, now: datetime, expires_at: datetime
    ) -> None: ...
    def session(self, digest: bytes, now: datetime) -> WebSession | None: ...
    def delete_session(self, digest: bytes) -> None: ...
    def delete_expired_sessions(self, user_id: str, now: datetime) -> None: ...
    def failures(self, email: str, client_address: str) -> LoginFailures | None: ...
    def record_failure(self, email: str, client_address: str, now: datetime) -> None: ...
    def clear_failures(self, email: str, client_address: str) -> None: ...


@dataclass(frozen=True, slots=True)
class PaymentSearch:
    """The dashboard's payment filters (every one optional except the merchant).

    Attributes:
        merchant_id: Whose payments (the signed-in user's merchant).
        status: One payment state.
        currency: ISO 4217 code.
        created_from: First day (UTC) included.
        created_to: Last day (UTC) included.
        text: Part of the payment id or of its description (case-insensitive).
    """

    merchant_id: str
    status: str | None = None
    currency: str | None = None
    created_from: date | None = None
    created_to: date | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class DailyVolume:
    """Captured amount and count of succeeded payments created on one UTC day, one currency."""

    day: date
    currency: str
    captured_minor: int
    count: int


class DashboardRepository(Protocol):
    """Reads of the merchant dashboard that the API's lists do not offer."""

    def search_payments(
        self, search: PaymentSearch, limit: int, offset: int
    ) -> tuple[list[Payment], bool]: ...
    def daily_volume(self, merchant_id: str, first_day: date) -> list[DailyVolume]: ...
    def payment_currencies(self, merchant_id: str) -> list[str]: ...


class AppUnitOfWork(UnitOfWork, Protocol):
    """The unit of work with every repository of the product."""

    def savepoint(self) -> AbstractContextManager[object]:
        """A nested transaction: rolled back alone if its block raises."""
        ...

    @property
    def api_keys(self) -> ApiKeyRepository: ...
    @property
    def idempotency(self) -> IdempotencyRepository: ...
    @property
    def customers(self) -> CustomerRepository: ...
    @property
    def wallets(self) -> WalletRepository: ...
    @property
    def events(self) -> EventRepository: ...
    @property
    def merchants(self) -> MerchantRepository: ...
    @property
    def payments(self) -> PaymentRepository: ...
    @property
    def refunds(self) -> RefundRepository: ...
    @property
    def balance_transactions(self) -> BalanceTransactionRepository: ...
    @property
    def stats(self) -> StatsRepository: ...
    @property
    def webhooks(self) -> WebhookRepository: ...
    @property
    def reconciliations(self) -> ReconciliationRepository: ...
    @property
    def settlements(self) -> SettlementRepository: ...
    @property
    def fx_rates(self) -> FxRateRepository: ...
    @property
    def fx_quotes(self) -> FxQuoteRepository: ...
    @property
    def lending(self) -> LendingRepository: ...
    @property
    def checkout_sessions(self) -> CheckoutSessionRepository: ...
    @property
    def loans(self) -> LoanRepository: ...
    @property
    def web_users(self) -> WebUserRepository: ...
    @property
    def alipay(self) -> AlipayRepository: ...
    @property
    def web_dashboard(self) -> DashboardRepository: ...
