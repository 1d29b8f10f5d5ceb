"""Close of business rules: days past due, asset classes, provisions, penal interest (pure).

RBI's income recognition and asset classification norms (IRAC) as ``domain.md`` section 6 states
them; close of business (:mod:`paysetu.lending.usecases.loan_close_day`) applies them to every
active loan, the write-off uses them too. No I/O, no clock: the business day is always an
argument.

* Overdue: an amount not received by the day-end of its due date. Days past due on a run date
  is ``run date - the oldest due date with principal or interest unpaid`` in calendar days, so
  an installment unpaid at the day-end of its own due date is 0 days past due, and overdue.
  Penalties and fees do not make an installment overdue.
* Classes: nothing overdue ``standard``; 0-29 days ``sma_0``; 30-59 ``sma_1``; 60-89 ``sma_2``;
  90 or more: a non-performing asset (NPA) from the day it reached 90 (RBI's example: due 31
  March gives SMA-1 at the day-end of 30 April, SMA-2 on 30 May, NPA on 29 June).
* Per borrower (a merchant at one lender): one NPA loan makes all the borrower's loans NPA, and
  an NPA is upgraded to standard only when every arrear of interest and principal of every
  loan of the borrower is cleared.
* NPA age from the NPA date: ``substandard`` for its first 12 months, then doubtful
  ``doubtful_1`` (the first year as doubtful), ``doubtful_2`` (its second and third years),
  ``doubtful_3`` (over three years). ``loss`` is not reached by age (domain.md gives none): it
  is the class of a loan the lender has written off, the loss identified.
* Provisions on outstanding principal, by class (MUDRA loans are unsecured by design, so the
  unsecured rates apply unless a loan is secured): standard, and SMA which is standard, 0.25%
  (micro and small enterprises); sub-standard 25% unsecured (15% secured); doubtful 100%
  unsecured (secured 25% / 40% / 100% for D1 / D2 / D3); loss 100%. Each rounded half-up to the
  minor unit per loan.
* Penal interest: each day an installment stays overdue after its due date it is charged
  ``unpaid principal and interest x the loan's penal rate / 365`` (half-up to the minor unit,
  per installment and day). Penalties are income when received (the allocation credits them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from paysetu.lending.rules.schedule import add_months

SMA_1_DAYS = 30
SMA_2_DAYS = 60
NPA_DAYS = 90
SUBSTANDARD_MONTHS = 12
DOUBTFUL_1_MONTHS = 24
"""NPA age (months from the NPA date) until which a doubtful asset is D1; D2 until the next."""
DOUBTFUL_2_MONTHS = 48
PENALTY_DAYS_IN_YEAR = 365


class AssetClass(StrEnum):
    STANDARD = "standard"
    SMA_0 = "sma_0"
    SMA_1 = "sma_1"
    SMA_2 = "sma_2"
    SUBSTANDARD = "substandard"
    DOUBTFUL_1 = "doubtful_1"
    DOUBTFUL_2 = "doubtful_2"
    DOUBTFUL_3 = "doubtful_3"
    LOSS = "loss"


NPA_CLASSES = frozenset({AssetClass.SUBSTANDARD, AssetClass.DOUBTFUL_1, AssetClass.DOUBTFUL_2,
                         AssetClass.DOUBTFUL_3, AssetClass.LOSS})
"""Non-performing: no interest income is recognised (it accrues to suspense)."""

PROVISION_BPS_UNSECURED = {
    AssetClass.STANDARD: 25, AssetClass.SMA_0: 25, AssetClass.SMA_1: 25, AssetClass.SMA_2: 25,
    AssetClass.SUBSTANDARD: 2_500, AssetClass.DOUBTFUL_1: 10_000,
    AssetClass.DOUBTFUL_2: 10_000, AssetClass.DOUBTFUL_3: 10_000, AssetClass.LOSS: 10_000,
}
PROVISION_BPS_SECURED = {
    **PROVISION_BPS_UNSECURED, AssetClass.SUBSTANDARD: 1_500, AssetClass.DOUBTFUL_1: 2_500,
    AssetClass.DOUBTFUL_2: 4_000,
}


def is_npa(asset_class: AssetClass) -> bool:
    return asset_class in NPA_CLASSES


def days_past_due(oldest_overdue_due_date: date | None, on: date) -> int | None:
    """Days past due at the day-end of ``on``; None when nothing is overdue (a due date still
    to come is not overdue)."""
    if oldest_overdue_due_date is None or oldest_overdue_due_date > on:
        return None
    return (on - oldest_overdue_due_date).days


def performing_class(dpd: int | None) -> AssetClass:
    """The class of a loan that is not an NPA, by its days past due (None: nothing overdue)."""
    if dpd is None:
        return AssetClass.STANDARD
    if dpd < SMA_1_DAYS:
        return AssetClass.SMA_0
    if dpd < SMA_2_DAYS:
        return AssetClass.SMA_1
    return AssetClass.SMA_2


def npa_class(npa_since: date, on: date) -> AssetClass:
    """An NPA's class by its age: sub-standard, then doubtful D1, D2, D3."""
    if on < add_months(npa_since, SUBSTANDARD_MONTHS):
        return AssetClass.SUBSTANDARD
    if on < add_months(npa_since, DOUBTFUL_1_MONTHS):
        return AssetClass.DOUBTFUL_1
    if on < add_months(npa_since, DOUBTFUL_2_MONTHS):
        return AssetClass.DOUBTFUL_2
    return AssetClass.DOUBTFUL_3


@dataclass(frozen=True, slots=True)
class LoanArrears:
    """What classification needs of one active loan at a day-end.

    Attributes:
        borrower: Whose loans are classified together (a merchant at one lender).
        oldest_overdue: The oldest due date with principal or interest unpaid (None: none).
        npa_since: The loan's NPA date as stored (None: performing).
    """

    loan_id: str
    borrower: tuple[str, str]
    oldest_overdue: date | None
    npa_since: date | None


@dataclass(frozen=True, slots=True)
class Classification:
    asset_class: AssetClass
    days_past_due: int
    """0 when nothing is overdue (the class then says ``standard``)."""
    npa_since: date | None


def classify(loans: Iterable[LoanArrears], on: date) -> dict[str, Classification]:
    """Every loan's class at the day-end of ``on``, borrower by borrower (module docstring)."""
    by_borrower: dict[tuple[str, str], list[LoanArrears]] = {}
    for loan in loans:
        by_borrower.setdefault(loan.borrower, []).append(loan)
    result: dict[str, Classification] = {}
    for group in by_borrower.values():
        result.update(_classify_borrower(group, on))
    return result


def _classify_borrower(loans: list[LoanArrears], on: date) -> dict[str, Classification]:
    dpd = {loan.loan_id: days_past_due(loan.oldest_overdue, on) for loan in loans}
    overdue = [d for d in dpd.values() if d is not None]
    if not overdue:  # every arrear cleared: standard, an NPA upgraded
        return {loan_id: Classification(AssetClass.STANDARD, 0, None) for loan_id in dpd}
    known = [loan.npa_since for loan in loans if loan.npa_since is not None]
    worst = max(overdue)
    if known or worst >= NPA_DAYS:
        since = min(known) if known else on - timedelta(days=worst - NPA_DAYS)
        asset_class = npa_class(since, on)
        return {loan_id: Classification(asset_class, d or 0, since) for loan_id, d in dpd.items()}
    return {loan_id: Classification(performing_class(d), d or 0, None)
            for loan_id, d in dpd.items()}


def provision_bps(asset_class: AssetClass, secured: bool = False) -> int:
    return (PROVISION_BPS_SECURED if secured else PROVISION_BPS_UNSECURED)[asset_class]


def provision_for(outstanding_minor: int, asset_class: AssetClass, secured: bool = False) -> int:
    """The provision a loan needs: outstanding principal x the class's rate, half-up."""
    return (outstanding_minor * provision_bps(asset_class, secured) + 5_000) // 10_000


def daily_penalty(overdue_minor: int, penalty_rate_bps: int) -> int:
    """One day's penal interest on ``overdue_minor`` at an annual ``penalty_rate_bps``,
    half-up to the minor unit."""
    denominator = 10_000 * PENALTY_DAYS_IN_YEAR
    return (overdue_minor * penalty_rate_bps * 2 + denominator) // (2 * denominator)


def net_by_key(amounts: Iterable[tuple[str, int]]) -> Mapping[str, int]:
    """Sum amounts per key, leaving out keys that net to zero (one entry per lender and
    currency posts each day's changes)."""
    totals: dict[str, int] = {}
    for key, amount in amounts:
        totals[key] = totals.get(key, 0) + amount
    return {key: total for key, total in totals.items() if total}
