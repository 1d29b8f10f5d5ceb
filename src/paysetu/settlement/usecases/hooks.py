"""Hooks other products plug into settlement; lending fills :class:`~.ports.LoanSweep`.

A working-capital loan repaid from card volume takes a share of each settlement before it is
paid out (domain.md section 6). Settlement asks the hook, per batch, how much to sweep and to
which ledger account; it books ``merchant available -> that account`` in the batch's own
transaction (entry ``je_<batch>_loan``, kind ``settlement_loan_sweep``) and tells the hook what
was booked, so the lending side can allocate the repayment in the same transaction.

Until a lender registers a sweep, :data:`NO_LOAN_SWEEP` claims nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import cast

from paysetu.settlement.usecases.ports import (
    NO_CLAIM,
    LoanSweep,
    SettlementUnitOfWork,
    SweepClaim,
    SweepRequest,
)

_GroupClaims = Callable[[SettlementUnitOfWork, Sequence[SweepRequest]], Mapping[str, SweepClaim]]


class NoLoanSweep:
    """The default: no loans, nothing swept."""

    def claim(self, uow: SettlementUnitOfWork, request: SweepRequest) -> SweepClaim:
        del uow, request
        return NO_CLAIM

    def swept(
        self, uow: SettlementUnitOfWork, request: SweepRequest, amount_minor: int, entry_id: str
    ) -> None:
        del uow, request, amount_minor, entry_id  # nothing is ever swept


    def claims(
        self, uow: SettlementUnitOfWork, requests: Sequence[SweepRequest]
    ) -> Mapping[str, SweepClaim]:
        del uow, requests
        return {}


NO_LOAN_SWEEP: LoanSweep = NoLoanSweep()


def sweep_claims(
    sweep: LoanSweep, uow: SettlementUnitOfWork, requests: Sequence[SweepRequest]
) -> Mapping[str, SweepClaim]:
    """The claims on a group of batches, by batch id (batches owing nothing may be absent)."""
    asked = [r for r in requests if r.net_before_sweep_minor > 0]
    if not asked:
        return {}
    claims = cast(_GroupClaims | None, getattr(sweep, "claims", None))
    if claims is not None:
        return claims(uow, asked)
    return {r.batch_id: sweep.claim(uow, r) for r in asked}
