"""What the wallets' use cases need from outside: customers and wallets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from paysetu.events.usecases.ports import EventsContext, EventsUnitOfWork
from paysetu.kernel.pagination import PageRequest
from paysetu.wallets.rules.wallets import Customer, Wallet, WalletLimits

if TYPE_CHECKING:  # lending_ports and checkout_ports import PageRequest from here
    pass


class CustomerRepository(Protocol):
    def insert(self, customer: Customer) -> bool: ...
    def get(self, customer_id: str, *, for_update: bool = False) -> Customer | None: ...
    def list_page(self, page: PageRequest) -> tuple[list[Customer], bool]: ...


class WalletRepository(Protocol):
    def insert(self, wallet: Wallet) -> bool: ...
    def read_ahead(self, wallet_id: str) -> None:
        """Queue the read of :meth:`get`: it travels with the next round trip."""
        ...
    def get(self, wallet_id: str) -> Wallet | None: ...
    def list_page(
        self, customer_id: str | None, page: PageRequest
    ) -> tuple[list[Wallet], bool]: ...
    def loaded_since(self, account_id: str, since: datetime) -> int: ...


class WalletsUnitOfWork(EventsUnitOfWork, Protocol):
    """Events' unit of work plus customers and wallets."""

    @property
    def customers(self) -> CustomerRepository: ...
    @property
    def wallets(self) -> WalletRepository: ...


class WalletPolicy(Protocol):
    @property
    def wallet_limits(self) -> WalletLimits:
        """KYC-tier limits (RBI PPI by default)."""
        ...


class WalletsContext(EventsContext, Protocol):
    @property
    def uow_factory(self) -> Callable[[], WalletsUnitOfWork]: ...
    def reader(self) -> WalletsUnitOfWork: ...
    @property
    def policy(self) -> WalletPolicy: ...
