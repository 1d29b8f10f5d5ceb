"""The checkout sessions repository, as a Protocol (implemented in :mod:`..stores`).

Bound to the unit of work's connection like every repository: a session's row, the payment that
pays it, that payment's ledger entries and events commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from paysetu.checkout.rules.sessions import CartLine, CheckoutSession, CheckoutState
from paysetu.customers.usecases.ports import CustomersContext, CustomersUnitOfWork
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork


class CheckoutSessionRepository(Protocol):
    def insert(self, session: CheckoutSession) -> None: ...
    def get(self, session_id: str, *, for_update: bool = False) -> CheckoutSession | None:
        """The session; ``for_update`` locks its row until the transaction ends."""
        ...
    def save(self, session: CheckoutSession) -> None:
        """Write the fields the buyer's choices, payment or expiry change."""
        ...
    def list_page(
        self, merchant_id: str | None, state: CheckoutState | None, now: datetime,
        page: PageRequest,
    ) -> tuple[list[CheckoutSession], bool]:
        """Newest first; ``state`` as read at ``now`` (an open session past its deadline is
        expired)."""
        ...


class CheckoutUnitOfWork(PaymentsUnitOfWork, Protocol):
    """Payments' unit of work plus checkout sessions."""

    @property
    def checkout_sessions(self) -> CheckoutSessionRepository: ...


class CheckoutContext(PaymentsContext, Protocol):
    @property
    def uow_factory(self) -> Callable[[], CheckoutUnitOfWork]: ...
    def reader(self) -> CheckoutUnitOfWork: ...
    def checkout_paid(self, uow: CheckoutUnitOfWork, session: CheckoutSession) -> None:
        """Told, in the transaction that just paid ``session``, that a buyer paid it (the Alipay
        gateway's page pay listens: it marks its trade paid and queues the notification)."""
        ...
    def checkout_cart(self, uow: CheckoutUnitOfWork, session_id: str) -> list[CartLine]:
        """The cart behind a session, line by line (a marketplace order's; else empty)."""
        ...


class WalletCheckoutUnitOfWork(CheckoutUnitOfWork, CustomersUnitOfWork, Protocol):
    """A checkout paid from a customer's own wallet: the session, the payment and the PIN's
    count commit together."""


class WalletCheckoutContext(CheckoutContext, CustomersContext, Protocol):
    """The checkout's context with the customers' (sign-in, PIN) for the wallet option."""

    @property
    def uow_factory(self) -> Callable[[], WalletCheckoutUnitOfWork]: ...
    def reader(self) -> WalletCheckoutUnitOfWork: ...
