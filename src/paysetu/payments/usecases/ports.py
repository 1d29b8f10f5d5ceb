"""What payments' use cases need from outside: merchants, payments, refunds, FX, the dashboard.

Also the payments product's policy (from settings) and the unit of work and context that its
use cases take.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from paysetu.kernel.pagination import PageRequest
from paysetu.payments.rules.fx_quotes import Quote, Rate
from paysetu.payments.rules.fx_rate_file import RateRow
from paysetu.payments.rules.mandates import Mandate, MandateNotice, MandatePolicy
from paysetu.payments.rules.payments import (
    BalanceTransaction,
    ChargeSplit,
    Merchant,
    MerchantAccounts,
    Payment,
    Refund,
)
from paysetu.wallets.rules.wallets import RBI_PPI_LIMITS, WalletLimits
from paysetu.wallets.usecases.ports import WalletsContext, WalletsUnitOfWork

if TYPE_CHECKING:  # lending_ports and checkout_ports import PageRequest from here
    pass


class MerchantRepository(Protocol):
    def insert(self, merchant: Merchant) -> None: ...
    def read_ahead(self, merchant_id: str) -> None:
        """Queue the read of :meth:`get`: it travels with the next round trip."""
        ...
    def get(self, merchant_id: str) -> Merchant | None: ...
    def list_page(self, only_id: str | None, page: PageRequest) -> tuple[list[Merchant], bool]: ...
    def accounts(self, merchant_id: str, currency: str) -> MerchantAccounts | None: ...
    def add_accounts(self, merchant_id: str, currency: str, accounts: MerchantAccounts) -> None: ...
    def balances(self, merchant_id: str) -> list[Any]: ...


class PaymentRepository(Protocol):
    def insert(self, payment: Payment) -> None: ...
    def read_ahead(self, payment_id: str, *, for_update: bool = False) -> None:
        """Queue the read of :meth:`get` (and its lock): it travels with the next round trip."""
        ...
    def get(self, payment_id: str, *, for_update: bool = False) -> Payment | None: ...
    def save(self, payment: Payment) -> None: ...
    def list_page(
        self, merchant_id: str | None, status: str | None, page: PageRequest
    ) -> tuple[list[Payment], bool]: ...
    def due_authorizations(self, now: datetime, limit: int) -> list[Payment]: ...
    def due_escrows(self, now: datetime, limit: int) -> list[Payment]: ...
    def due_approvals(self, now: datetime, limit: int) -> list[Payment]: ...
    def awaiting_customer(self, customer_id: str, limit: int) -> list[Payment]: ...
    def by_customer_request(self, customer_id: str, request_key: str) -> Payment | None:
        """The customer's payment made with this request key (locks the pair to COMMIT)."""
        ...
    def escrow_held(self, payment_id: str, escrow_account: str) -> int: ...


class MandateRepository(Protocol):
    """Mandates and their pre-debit notices (``payments/stores/mandates_store.py``)."""

    def insert(self, mandate: Mandate) -> None: ...
    def read_ahead(self, mandate_id: str, *, for_update: bool = False) -> None:
        """Queue the read of :meth:`get` (and its lock): it travels with the next round trip."""
        ...
    def read_ahead_notice(
        self, mandate_id: str, amount_minor: int, sent_before: datetime, now: datetime
    ) -> None:
        """Queue the read of :meth:`usable_notice` with the same arguments."""
        ...
    def get(self, mandate_id: str, *, for_update: bool = False) -> Mandate | None: ...
    def save(self, mandate: Mandate) -> None: ...
    def list_page(
        self, merchant_id: str | None, customer_id: str | None, page: PageRequest
    ) -> tuple[list[Mandate], bool]: ...
    def insert_notice(self, notice: MandateNotice) -> None: ...
    def usable_notice(
        self, mandate_id: str, amount_minor: int, sent_before: datetime, now: datetime
    ) -> MandateNotice | None:
        """The oldest unused notice of this amount sent by ``sent_before``, due by ``now``,
        locked (``SKIP LOCKED``: a concurrent debit takes another one)."""
        ...
    def use_notice(self, notice_id: str, payment_id: str) -> None: ...


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


@dataclass(frozen=True, slots=True)
class PaymentsPolicy:
    """Deployment choices, from settings.

    Attributes:
        wallet_limits: KYC-tier limits (RBI PPI by default).
        authorization_timeout_s: How long a manual-capture authorisation holds funds.
        escrow_release_s: How long captured escrow funds wait for the buyer before release.
    """

    wallet_limits: WalletLimits = RBI_PPI_LIMITS
    authorization_timeout_s: int = 7 * 24 * 3600
    escrow_release_s: int = 14 * 24 * 3600
    mandates: MandatePolicy = field(default_factory=MandatePolicy)
    """Customer consent: approval expiry and the RBI e-mandate defaults."""


@dataclass(frozen=True, slots=True)
class FxPolicy:
    """FX choices, from settings (``docs/fx.md``).

    Attributes:
        spread_bps: The platform's margin over the mid rate, unless the corridor has its own.
        corridor_spread_bps: Per corridor ``"SELL-BUY"`` (e.g. ``"CNY-INR"``): its spread.
        quote_ttl_s: How long a quote locks its rate.
        rate_max_age_days: Older mid rates are refused (``rate_stale``); ECB skips weekends
            and holidays, so less than 4 refuses quotes on a Monday after a Friday holiday.
    """

    spread_bps: int = 150
    corridor_spread_bps: Mapping[str, int] = field(default_factory=dict)
    quote_ttl_s: int = 15 * 60
    rate_max_age_days: int = 4

    def spread_for(self, sell_currency: str, buy_currency: str) -> int:
        return self.corridor_spread_bps.get(f"{sell_currency}-{buy_currency}", self.spread_bps)


class PaymentsUnitOfWork(WalletsUnitOfWork, Protocol):
    """Wallets' unit of work plus merchants, payments, refunds, FX and the dashboard's reads."""

    @property
    def merchants(self) -> MerchantRepository: ...
    @property
    def payments(self) -> PaymentRepository: ...
    @property
    def refunds(self) -> RefundRepository: ...
    @property
    def mandates(self) -> MandateRepository: ...
    @property
    def balance_transactions(self) -> BalanceTransactionRepository: ...
    @property
    def fx_rates(self) -> FxRateRepository: ...
    @property
    def fx_quotes(self) -> FxQuoteRepository: ...
    @property
    def web_dashboard(self) -> DashboardRepository: ...


class PaymentsContext(WalletsContext, Protocol):
    @property
    def uow_factory(self) -> Callable[[], PaymentsUnitOfWork]: ...
    def reader(self) -> PaymentsUnitOfWork: ...
    @property
    def policy(self) -> PaymentsPolicy: ...
    def charge_split(
        self, uow: PaymentsUnitOfWork, payment: Payment, fee_minor: int, entry_id: str
    ) -> ChargeSplit | None:
        """The hook a charge calls as it builds its entry ``entry_id``: what the payee's
        balance pays on in that entry (a marketplace order's split), or None for a plain
        payment."""
        ...
    @property
    def fx(self) -> FxPolicy: ...
    @property
    def rates(self) -> RateSource | None:
        """The reference-rate source behind the manual table (ECB offline); None: manual only."""
        ...
