"""The repository settlement needs (implemented in :mod:`..stores`).

Exposed as ``SettlementUnitOfWork.settlements``: a group of batches, their items, ledger entries,
payouts and events commit in the unit of work's one transaction. The run's methods work on many
merchant-currency pairs at once (set-based SQL), never on one payment at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from paysetu.kernel.pagination import PageRequest
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork
from paysetu.settlement.rules.payout_accounts import PayoutAccount
from paysetu.settlement.rules.records import Payout, SettlementBatch, SettlementItem
from paysetu.settlement.rules.run import NewWindow, SettlementCandidate, WindowCheck
from paysetu.settlement.rules.settlement import SettlementSchedule, WindowTotals
from paysetu.settlement.usecases.policy import SettlementPolicy
from paysetu.settlement.usecases.reconciliation_ports import ReconciliationRepository


class SettlementRepository(Protocol):
    def lock_runs(self) -> None:
        """Serialise settlement runs (a transaction-scoped lock, held by a run's own
        transaction while its groups commit in others)."""
        ...
    def prepare_group(self) -> None:
        """Session settings of one group's transaction (sort and hash memory)."""
        ...
    def group_bounds(self, size: int, merchant_id: str | None) -> list[tuple[str, str]]:
        """The last pair of every full group of ``size`` pairs, in key order."""
        ...
    def candidates(
        self, after: tuple[str, str] | None, until: tuple[str, str] | None,
        merchant_id: str | None,
    ) -> list[SettlementCandidate]:
        """The pairs after ``after`` up to ``until`` included (None: unbounded), in key
        order, their available accounts locked."""
        ...
    def batch_at(self, merchant_id: str, currency: str, window_end: datetime) -> str | None: ...
    def pair_count(self, merchant_id: str | None) -> int:
        """How many merchant-currency pairs a run looks at (the progress bar's total)."""
        ...
    def insert_window_items(self, windows: Sequence[NewWindow]) -> dict[str, WindowTotals]:
        """Insert the windows' items; their totals per batch (batches without items absent)."""
        ...
    def reserves_due(
        self, windows: Sequence[NewWindow]
    ) -> dict[str, tuple[int, list[str]]]:
        """Per new batch: the reserve due for release by its window end, and whose it is."""
        ...
    def register_reserve_accounts(self, accounts: Sequence[tuple[str, str, str]]) -> None:
        """``(merchant, currency, account)`` rows of ``merchant_accounts`` purpose reserve."""
        ...
    def insert_own_items(self, windows: Sequence[NewWindow], entry_ids: Sequence[str]) -> None: ...
    def insert_batches(self, batches: Sequence[SettlementBatch]) -> None: ...
    def insert_payouts(self, payouts: Sequence[Payout]) -> None: ...
    def mark_reserves_released(self, released_by: Mapping[str, Sequence[str]]) -> None: ...
    def window_checks(self, windows: Sequence[NewWindow]) -> list[WindowCheck]: ...
    def entry_movements(self, entry_ids: Sequence[str]) -> dict[tuple[str, str], int]:
        """``(entry id, account) -> signed amount`` (credit positive) of these entries."""
        ...

    def get_batch(self, batch_id: str) -> SettlementBatch | None: ...
    def list_batches(
        self, merchant_id: str | None, settlement_date: date | None, page: PageRequest
    ) -> tuple[list[SettlementBatch], bool]: ...
    def items_page(
        self, batch_id: str, after_posting: int, limit: int
    ) -> tuple[list[SettlementItem], bool]: ...
    def stream_items(self, batch_id: str) -> Iterator[SettlementItem]: ...
    def payout_for_batch(self, batch_id: str) -> Payout | None: ...

    def get_schedule(self, merchant_id: str) -> SettlementSchedule | None: ...
    def save_schedule(
        self, merchant_id: str, schedule: SettlementSchedule, now: datetime
    ) -> None: ...
    def insert_payout_account(self, account: PayoutAccount) -> None:
        """Store ``account`` as the active one of its merchant and currency."""
        ...
    def get_payout_account(self, account_id: str) -> PayoutAccount | None: ...
    def list_payout_accounts(self, merchant_id: str | None) -> list[PayoutAccount]: ...


class SettlementUnitOfWork(PaymentsUnitOfWork, Protocol):
    """Payments' unit of work plus settlement runs, payouts and reconciliations."""

    @property
    def settlements(self) -> SettlementRepository: ...
    @property
    def reconciliations(self) -> ReconciliationRepository: ...


class SettlementContext(PaymentsContext, Protocol):
    @property
    def uow_factory(self) -> Callable[[], SettlementUnitOfWork]: ...
    def reader(self) -> SettlementUnitOfWork: ...
    @property
    def settlement(self) -> SettlementPolicy: ...
    @property
    def loan_sweep(self) -> LoanSweep:
        """Settlement's loan-repayment hook (lending plugs in; see :mod:`.hooks`)."""
        ...


@dataclass(frozen=True, slots=True)
class SweepRequest:
    """What the hook is told about one batch before its payout is decided.

    Attributes:
        net_before_sweep_minor: The batch's net after reserves, before any sweep (may be <= 0).
        window_end: The end of the batch's window.
    """

    batch_id: str
    merchant_id: str
    currency: str
    net_before_sweep_minor: int
    window_end: datetime


@dataclass(frozen=True, slots=True)
class SweepClaim:
    """How much to sweep and where to; settlement may take less (never more than the net or
    the available balance), and reports what it took to :meth:`LoanSweep.swept`."""

    amount_minor: int
    account_id: str | None = None


NO_CLAIM = SweepClaim(0)


class LoanSweep(Protocol):
    """The loan-repayment sweep of settlement (filled by the lending issue).

    Settlement asks only about batches whose net before the sweep is positive. A hook may also
    define ``claims(uow, requests) -> Mapping[batch id, SweepClaim]`` to answer a whole group
    of batches (up to ``pairs_per_transaction``) at once, e.g. with one query for the merchants
    that have loans; :func:`sweep_claims` uses it when present, else asks batch by batch.
    """

    def claim(self, uow: SettlementUnitOfWork, request: SweepRequest) -> SweepClaim:
        """The repayment due from this batch (0 when the merchant owes nothing)."""
        ...

    def swept(
        self, uow: SettlementUnitOfWork, request: SweepRequest, amount_minor: int, entry_id: str
    ) -> None:
        """``amount_minor`` was booked by entry ``entry_id`` (called only when it is > 0)."""
        ...
