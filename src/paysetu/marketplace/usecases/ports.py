"""What the marketplace's use cases need: its repository, its policy, the unit of work and
context (checkout's and settlement's, plus the marketplace's rows)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from paysetu.checkout.usecases.ports import CheckoutContext, CheckoutUnitOfWork
from paysetu.kernel.pagination import PageRequest
from paysetu.marketplace.rules.records import (
    Marketplace,
    Order,
    Seller,
    SellerLink,
    Share,
    ShareRefund,
)
from paysetu.marketplace.rules.tax import INDIA_TAX_SCHEDULE, TaxSchedule
from paysetu.settlement.usecases.ports import SettlementContext, SettlementUnitOfWork


@dataclass(frozen=True, slots=True)
class TaxReportRow:
    """One seller's month: gross sales, returns and the tax withheld net of returns."""

    seller_id: str
    legal_name: str
    pan: str | None
    gstin: str | None
    currency: str
    gross_minor: int
    returned_minor: int
    tcs_minor: int
    tds_minor: int


@dataclass(frozen=True, slots=True)
class ShareTotals:
    """One currency's shares of a marketplace or a seller: what holds keep, commission, tax."""

    currency: str
    shares: int
    held_count: int
    held_minor: int
    disputed_minor: int
    commission_minor: int
    tcs_minor: int
    tds_minor: int


@dataclass(slots=True)
class StagedOrder:
    """A wallet order being created in this unit of work, not yet written: the charge of its
    payment (the split hook) writes it already paid, in one insert, without reading it back;
    ``paid`` is what it wrote (None: the payment did not charge, the order waits)."""

    marketplace: Marketplace
    order: Order
    shares: list[Share]
    paid: tuple[Order, list[Share]] | None = None


class MarketplaceRepository(Protocol):
    def insert_marketplace(self, marketplace: Marketplace) -> None: ...
    def get_marketplace(self, merchant_id: str) -> Marketplace | None: ...
    def insert_seller(self, seller: Seller) -> None: ...
    def get_seller(self, merchant_id: str) -> Seller | None: ...
    def save_seller_kyc(self, seller: Seller) -> None: ...
    def insert_link(self, link: SellerLink) -> None: ...
    def get_link(self, marketplace_id: str, seller_id: str) -> SellerLink | None: ...
    def linked_sellers(
        self, marketplace_id: str, seller_ids: Sequence[str]
    ) -> dict[str, tuple[Seller, SellerLink]]:
        """Those of ``seller_ids`` in the marketplace, with their links (one query)."""
        ...
    def hold_accounts(
        self, seller_ids: Sequence[str], currency: str, ledger_ids: Sequence[str] = ()
    ) -> tuple[dict[str, str], set[str]]:
        """The sellers' escrow (hold) accounts in ``currency`` that exist, and which of the
        ledger accounts ``ledger_ids`` exist (one query)."""
        ...
    def owed_recoveries(self, accounts: Sequence[str]) -> dict[str, int]:
        """What each of these recovery accounts is owed, those owed anything (one query)."""
        ...
    def list_sellers(
        self, marketplace_id: str, page: PageRequest
    ) -> tuple[list[tuple[Seller, SellerLink]], bool]: ...
    def insert_order(self, order: Order, shares: Sequence[Share]) -> None: ...
    def stage(self, payment_id: str, staged: StagedOrder) -> None:
        """Remember, for this unit of work only, the order ``payment_id`` is about to pay."""
        ...
    def staged(self, payment_id: str) -> StagedOrder | None: ...
    def get_order(self, order_id: str, *, for_update: bool = False) -> Order | None: ...
    def order_for_session(self, session_id: str, *, lock: bool) -> Order | None: ...
    def save_order(self, order: Order) -> None: ...
    def save_paid(self, order: Order, shares: Sequence[Share]) -> None:
        """An order just paid and its shares (held), in as few statements as it takes."""
        ...
    def list_orders(
        self, marketplace_id: str | None, page: PageRequest
    ) -> tuple[list[Order], bool]: ...
    def shares_of(self, order_id: str, *, for_update: bool = False) -> list[Share]: ...
    def get_share(self, share_id: str, *, for_update: bool = False) -> Share | None: ...
    def save_share(self, share: Share) -> None: ...
    def list_shares(
        self, marketplace_id: str | None, seller_id: str | None, page: PageRequest
    ) -> tuple[list[Share], bool]: ...
    def disputed_shares(self, marketplace_id: str | None, limit: int) -> list[Share]:
        """Disputed shares (of one marketplace, or all), longest frozen first."""
        ...
    def due_shares(self, now: datetime, limit: int) -> list[Share]:
        """Held shares whose release time passed, locked (``SKIP LOCKED``)."""
        ...

    def share_totals(self, marketplace_id: str | None, seller_id: str | None) -> list[ShareTotals]:
        """Per currency, over every share of the marketplace (or of the seller)."""
        ...
    def insert_share_refund(self, refund: ShareRefund) -> None: ...
    def share_refunds(self, share_id: str) -> list[ShareRefund]: ...
    def tax_report(
        self, marketplace_id: str, month_start: datetime, month_end: datetime
    ) -> list[TaxReportRow]: ...


@dataclass(frozen=True, slots=True)
class MarketplacePolicy:
    """Deployment choices (docs/marketplace.md).

    Attributes:
        tax: GST TCS and TDS rates over time (India's by default, with their sources).
        tax_country: Tax is withheld when the marketplace and the seller are of this country.
        auto_release_s: A new marketplace's default wait before a paid share is released.
        lines_max: Most lines in one order.
    """

    tax: TaxSchedule = INDIA_TAX_SCHEDULE
    tax_country: str = "IN"
    auto_release_s: int = 7 * 24 * 3600
    lines_max: int = 100


class MarketplaceUnitOfWork(CheckoutUnitOfWork, SettlementUnitOfWork, Protocol):
    @property
    def marketplace(self) -> MarketplaceRepository: ...


class MarketplaceContext(CheckoutContext, SettlementContext, Protocol):
    @property
    def uow_factory(self) -> Callable[[], MarketplaceUnitOfWork]: ...
    def reader(self) -> MarketplaceUnitOfWork: ...
    @property
    def marketplace(self) -> MarketplacePolicy: ...
