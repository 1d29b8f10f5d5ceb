"""Hooks other products plug into settlement; the lending issue fills :class:`LoanSweep`.

A working-capital loan repaid from card volume takes a share of each settlement before it is
paid out (domain.md section 6). Settlement asks the hook, per batch, how much to sweep and to
which ledger account; it books ``merchant available -> that account`` in the batch's own
transaction (entry ``je_<batch>_loan``, kind ``settlement_loan_sweep``) and tells the hook what
was booked, so the lending side can allocate the repayment in the same transaction.

Until a lender registers a sweep, :data:`NO_LOAN_SWEEP` claims nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, cast

from paysetu.app.ports import AppUnitOfWork


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
_GroupClaims = Callable[[AppUnitOfWork, Sequence[SweepRequest]], Mapping[str, SweepClaim]]


class LoanSweep(Protocol):
    """The loan-repayment sweep of settlement (filled by the lending issue).

    Settlement asks only about batches whose net before the sweep is positive. A hook may also
    define ``claims(uow, requests) -> Mapping[batch id, SweepClaim]`` to answer a whole group
    of batches (up to ``pairs_per_transaction``) at once, e.g. with one query for the merchants
    that have loans; :func:`sweep_claims` uses it when present, else asks batch by batch.
    """

    def claim(self, uow: AppUnitOfWork, request: SweepRequest) -> SweepClaim:
        """The repayment due from this batch (0 when the merchant owes nothing)."""
        ...

    def swept(
        self, uow: AppUnitOfWork, request: SweepRequest, amount_minor: int, entry_id: str
    ) -> None:
        """``amount_minor`` was booked by entry ``entry_id`` (called only when it is > 0)."""
        ...


class NoLoanSweep:
    """The default: no loans, nothing swept."""

    def claim(self, uow: AppUnitOfWork, request: SweepRequest) -> SweepClaim:
        del uow, request
        return NO_CLAIM

    def swept(
        self, uow: AppUnitOfWork, request: SweepRequest, amount_minor: int, entry_id: str
    ) -> None:
        del uow, request, amount_minor, entry_id  # nothing is ever swept


    def claims(
        self, uow: AppUnitOfWork, requests: Sequence[SweepRequest]
    ) -> Mapping[str, SweepClaim]:
        del uow, requests
        return {}


NO_LOAN_SWEEP: LoanSweep = NoLoanSweep()


def sweep_claims(
    sweep: LoanSweep, uow: AppUnitOfWork, requests: Sequence[SweepRequest]
) -> Mapping[str, SweepClaim]:
    """The claims on a group of batches, by batch id (batches owing nothing may be absent)."""
    asked = [r for r in requests if r.net_before_sweep_minor > 0]
    if not asked:
        return {}
    claims = cast(_GroupClaims | None, getattr(sweep, "claims", None))
    if claims is not None:
        return claims(uow, asked)
    return {r.batch_id: sweep.claim(uow, r) for r in asked}
