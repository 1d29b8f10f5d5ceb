"""What every payments use case needs: the unit of work, the clock, ids, secrets, policy, rates."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from paysetu.alipay.usecases.ports import AlipayPolicy
from paysetu.app.ports import AppUnitOfWork, RateSource
from paysetu.ledger.usecases.ports import Clock, IdFactory
from paysetu.settlement.usecases.hooks import NO_LOAN_SWEEP, LoanSweep
from paysetu.settlement.usecases.policy import SettlementPolicy
from paysetu.wallets.rules.wallets import RBI_PPI_LIMITS, WalletLimits


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


@dataclass(frozen=True, slots=True)
class AppContext:
    uow_factory: Callable[[], AppUnitOfWork]
    clock: Clock
    ids: IdFactory
    secrets: SecretSource
    policy: PaymentsPolicy = PaymentsPolicy()
    fx: FxPolicy = FxPolicy()
    rates: RateSource | None = None
    """The reference-rate source behind the manual table (ECB offline); None: manual only."""
    settlement: SettlementPolicy = field(default_factory=SettlementPolicy)
    loan_sweep: LoanSweep = NO_LOAN_SWEEP
    """Settlement's loan-repayment hook (the lending issue replaces it)."""
    read_factory: Callable[[], AppUnitOfWork] | None = None
    """Units of work for one-statement reads outside any transaction (autocommit); None: use
    ``uow_factory``. Never used to write."""
    alipay: AlipayPolicy | None = None
    """The Alipay-compatible gateway's keys and settings; None: the gateway is off."""

    def reader(self) -> AppUnitOfWork:
        """A unit of work for a one-statement read (an API key, a payment's expiry check)."""
        return (self.read_factory or self.uow_factory)()
