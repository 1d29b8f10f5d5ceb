"""Operations: what the platform holds right now, for metrics scraped by Prometheus.

Counted from the tables when asked rather than by counters in each use case, so the numbers
are right after a restart and whichever process changed a payment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from paysetu.app.context import AppContext
from paysetu.app.ports import LedgerTotals
from paysetu.payments.rules.payments import PaymentState


@dataclass(frozen=True, slots=True)
class OperationsSnapshot:
    """Counts at one instant.

    Attributes:
        payments_by_status: Every payment status (zero when none) to its number of payments.
        ledger: Per-currency ledger totals, by currency code.
    """

    payments_by_status: Mapping[str, int]
    ledger: Sequence[LedgerTotals]


def snapshot(ctx: AppContext) -> OperationsSnapshot:
    """Read the counts in one read-only database transaction."""
    with ctx.uow_factory() as uow:
        counted = uow.stats.payments_by_status()
        ledger = uow.stats.ledger_totals()
    by_status = {state.value: 0 for state in PaymentState} | counted
    return OperationsSnapshot(by_status, ledger)
