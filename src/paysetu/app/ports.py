"""The whole product's unit of work, and the aggregates read for operations (metrics).

Each capability declares the unit of work its use cases take (``AccessUnitOfWork``,
``PaymentsUnitOfWork``, ... ``AlipayUnitOfWork``, each extending the one below it); this one
adds the statistics the assembly reads and is what :class:`~paysetu.app.unit_of_work.
PostgresUnitOfWork` implements.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from paysetu.alipay.usecases.ports import AlipayUnitOfWork
from paysetu.customers.usecases.ports import CustomersUnitOfWork
from paysetu.lending.usecases.ports import LendingUnitOfWork
from paysetu.marketplace.usecases.ports import MarketplaceUnitOfWork


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
























class AppUnitOfWork(AlipayUnitOfWork, LendingUnitOfWork, CustomersUnitOfWork,
                     MarketplaceUnitOfWork, Protocol):
    """The unit of work with every repository of the product."""

    @property
    def stats(self) -> StatsRepository: ...
