"""The checkout sessions repository, as a Protocol (implemented in ``adapters/db``).

Bound to the unit of work's connection like every repository: a session's row, the payment that
pays it, that payment's ledger entries and events commit together or not at all.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from paysetu.app.ports import PageRequest
from paysetu.checkout.rules.sessions import CheckoutSession, CheckoutState


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
