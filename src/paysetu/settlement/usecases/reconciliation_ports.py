"""The repository reconciliation needs (implemented in :mod:`..stores.reconciliation_store`).

:class:`~.ports.SettlementUnitOfWork` exposes it as ``reconciliations``: the run, its lines and
the payouts' new status commit in the unit of work's one transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Protocol

from paysetu.settlement.rules.reconciliation import (
    LineCategory,
    LineResult,
    PayoutRef,
    ReconciliationRun,
)


class ReconciliationRepository(Protocol):
    def get_run(self, run_id: str) -> ReconciliationRun | None: ...
    def get_run_by_sha256(self, sha256: str) -> ReconciliationRun | None: ...
    def list_runs(
        self, limit: int, starting_after: str | None
    ) -> tuple[list[ReconciliationRun], bool]: ...
    def insert_run(self, run: ReconciliationRun) -> bool:
        """False (and nothing written) when a run of the same file already exists."""
        ...
    def insert_lines(self, run_id: str, results: Sequence[LineResult]) -> None: ...
    def lines_page(
        self, run_id: str, category: LineCategory | None, after_position: int, limit: int
    ) -> tuple[list[LineResult], bool]: ...
    def payouts_by_end_to_end_id(self, end_to_end_ids: Collection[str]) -> dict[str, PayoutRef]:
        """The payouts these ids name, whatever their status, locked for the transaction."""
        ...
    def outstanding_payouts(
        self, currencies: Collection[str] | None, last_day: date | None,
        merchant_id: str | None = None, excluding: Collection[str] = (),
    ) -> list[PayoutRef]:
        """Pending or sent payouts created by ``last_day``, optionally filtered, oldest first;
        ``excluding`` names end-to-end ids to leave out."""
        ...
    def mark_paid(self, payout_ids: Collection[str]) -> int:
        """Outstanding payouts among these become ``paid``; returns how many did."""
        ...
    def mark_returned(self, returns: Collection[tuple[str, str]]) -> int:
        """Paid or outstanding payouts among ``(id, reason)`` become ``returned``, their payout
        accounts inactive; returns how many payouts did."""
        ...
