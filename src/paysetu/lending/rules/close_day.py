"""What close of business reads and writes per loan: plain records (pure).

The repository fills :class:`ActiveLoanDay` and :class:`OverdueInstallment` with set-based
queries; :mod:`paysetu.lending.usecases.loan_close_day` applies the rules of
:mod:`paysetu.lending.rules.classification` and writes :class:`LoanDayUpdate` back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from paysetu.lending.rules.classification import AssetClass


@dataclass(frozen=True, slots=True)
class ActiveLoanDay:
    """A loan as close of business reads it (schedule figures summed in SQL).

    Attributes:
        active: False for a loan closed since it was last classified (its provision and
            suspense are released).
        oldest_overdue: The oldest due date by the day with principal or interest unpaid.
        accrual_target_minor: The schedule's interest earned by the end of the day.
        outstanding_minor: Principal not yet repaid (its receivable account's balance).
        interest_paid_minor: Interest received (accrued - received is the receivable).
    """

    loan_id: str
    active: bool
    merchant_id: str
    lender_id: str
    category: str
    currency: str
    interest_account_id: str
    interest_accrued_minor: int
    interest_accrued_through: date | None
    asset_class: AssetClass
    npa_since: date | None
    provision_minor: int
    interest_suspense_minor: int
    oldest_overdue: date | None
    accrual_target_minor: int
    outstanding_minor: int
    interest_paid_minor: int


@dataclass(frozen=True, slots=True)
class OverdueInstallment:
    loan_id: str
    number: int
    overdue_minor: int
    """Principal and interest unpaid."""
    penalty_rate_bps: int


@dataclass(frozen=True, slots=True)
class LoanDayUpdate:
    """What close of business writes back to one loan."""

    loan_id: str
    interest_accrued_minor: int
    interest_accrued_through: date | None
    days_past_due: int
    asset_class: AssetClass
    npa_since: date | None
    provision_minor: int
    interest_suspense_minor: int
