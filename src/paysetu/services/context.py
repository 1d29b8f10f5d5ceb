"""What every payments use case needs: the unit of work, the clock, ids, secrets, policy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from paysetu.domain.wallets import RBI_PPI_LIMITS, WalletLimits
from paysetu.services.app_ports import AppUnitOfWork
from paysetu.services.ports import Clock, IdFactory


class SecretSource(Protocol):
    def token(self, nbytes: int = 32) -> str: ...
    def salt(self) -> bytes: ...


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


@dataclass(frozen=True, slots=True)
class AppContext:
    uow_factory: Callable[[], AppUnitOfWork]
    clock: Clock
    ids: IdFactory
    secrets: SecretSource
    policy: PaymentsPolicy = PaymentsPolicy()
