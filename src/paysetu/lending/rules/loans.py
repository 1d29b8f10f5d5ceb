"""Micro-credit: lenders, loan products, applications, loans, and the entries they post (pure).

The ledger keeps the books of the platform and of every lender in one double-entry system;
each account names its owner. Per lender and currency (:class:`LenderAccounts`):

* ``funding`` (asset, the lender's): money the lender has committed to lending through
  paysetu; never below zero, so a lender cannot lend what it has not funded;
* ``capital`` (equity, the lender's): where that money came from;
* ``interest_income``, ``fee_income``, ``penalty_income`` (income, the lender's);
* ``settlement`` (asset, the platform's): cash the platform received from the lender for loans
  (disbursals) net of what it passed back (repayments). It is the bridge between the lender's
  books and the merchant balances the platform owes, like the platform's cash-in account for
  wallet top-ups.

Per loan: ``principal`` (loan receivable, asset, never credited beyond what was lent) and
``interest`` (interest receivable, asset: interest accrued and not yet received).

Entries:

* disbursal: Dr principal P; Cr funding P - fee; Cr fee income fee; Dr settlement P - fee;
  Cr merchant available P - fee (the processing fee is withheld from what the merchant gets);
* accrual: Dr interest receivable; Cr interest income (close of business, or caught up before
  a repayment);
* repayment of X: Dr merchant available X; Cr settlement X; Dr funding X; Cr principal,
  interest receivable, fee income and penalty income by the allocation;
* funding: Dr funding; Cr capital.

Fees and penalties are recognised when received (cash basis); interest by accrual.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from paysetu.ledger.rules.entries import Direction, NewEntry, Posting
from paysetu.lending.rules.classification import AssetClass
from paysetu.lending.rules.schedule import (
    DayCount,
    Frequency,
    InterestPeriod,
    ScheduleTerms,
    ScheduleType,
)


class LoanCategory(StrEnum):
    """PMMY categories (domain.md section 6); amounts come from the product table."""

    SHISHU = "shishu"
    KISHORE = "kishore"
    TARUN = "tarun"
    TARUN_PLUS = "tarun_plus"


class LenderKind(StrEnum):
    BANK = "bank"
    NBFC = "nbfc"
    MFI = "mfi"
    REFINANCER = "refinancer"


class ApplicationState(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"


class LoanState(StrEnum):
    APPROVED = "approved"
    """Approved, not yet disbursed: no money has moved and there is no schedule."""
    ACTIVE = "active"
    CLOSED = "closed"
    WRITTEN_OFF = "written_off"


class ClosedReason(StrEnum):
    REPAID = "repaid"
    FORECLOSED = "foreclosed"


class RepaymentSource(StrEnum):
    EMI_DEBIT = "emi_debit"
    MANUAL = "manual"
    PREPAYMENT = "prepayment"
    FORECLOSURE = "foreclosure"
    SWEEP = "sweep"


class OverpaymentPolicy(StrEnum):
    REFUSE = "refuse"
    """A payment above what is due is refused whole (``overpayment_refused``)."""
    RETURN = "return"
    """Only what is due is taken; the rest stays in (returns to) the merchant's balance."""


@dataclass(frozen=True, slots=True)
class LoanProduct:
    """A row of the configurable product table; amounts in minor units, rates in basis points.

    Attributes:
        tenure_min_periods: Fewest installments (months or weeks, by ``frequency``).
        installment_multiple_minor: Round installments to this multiple (1: none).
        processing_fee_bps: Withheld from the disbursal.
        prepayment_fee_bps: On the principal prepaid.
        foreclosure_fee_bps: On the principal outstanding at foreclosure.
        penalty_rate_bps: Annual penal rate on overdue amounts (applied at close of business).
        sweep_bps: Share of each settlement swept to the loan while anything is due.
        allocation_order: A :class:`~paysetu.lending.rules.allocation.AllocationOrder` value.
        requires_repaid_category: The borrower must have fully repaid a loan of this category
            (Tarun Plus: ``tarun``).
    """

    id: str
    name: str
    category: LoanCategory
    currency: str
    amount_min_minor: int
    amount_max_minor: int
    rate_min_bps: int
    rate_max_bps: int
    tenure_min_periods: int
    tenure_max_periods: int
    frequency: Frequency
    schedule_type: ScheduleType
    interest_period: InterestPeriod
    day_count: DayCount
    installment_multiple_minor: int
    processing_fee_bps: int
    prepayment_fee_bps: int
    foreclosure_fee_bps: int
    penalty_rate_bps: int
    sweep_bps: int
    allocation_order: str
    overpayment_policy: OverpaymentPolicy
    requires_repaid_category: LoanCategory | None
    active: bool


@dataclass(frozen=True, slots=True)
class Lender:
    """A member lending institution, or the apex refinancer (``apex``), which never lends."""

    id: str
    name: str
    kind: LenderKind
    apex: bool
    metadata: Mapping[str, str]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class LenderAccounts:
    """A lender's ledger accounts in one currency (see the module docstring)."""

    funding: str
    capital: str
    interest_income: str
    fee_income: str
    penalty_income: str
    settlement: str

    def by_purpose(self) -> dict[str, str]:
        return {
            "funding": self.funding, "capital": self.capital,
            "interest_income": self.interest_income, "fee_income": self.fee_income,
            "penalty_income": self.penalty_income, "settlement": self.settlement,
        }


@dataclass(frozen=True, slots=True)
class LoanApplication:
    """A merchant's request for a loan, with the underwriting policy's stored decision.

    Attributes:
        underwriting: ``{"policy_version", "decision", "suggested_limit_minor", "reasons",
            "features"}`` exactly as computed at submission.
        decision_reason: The lender's reason for approving with changes or rejecting.
    """

    id: str
    merchant_id: str
    lender_id: str
    product_id: str
    currency: str
    amount_minor: int
    tenure_periods: int
    purpose: str
    status: ApplicationState
    underwriting: Mapping[str, Any]
    decision_reason: str | None
    decided_at: datetime | None
    loan_id: str | None
    metadata: Mapping[str, str]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Loan:
    """A loan with the terms copied from its product at approval (later product edits do not
    touch it). Balances are not here: they are the ledger accounts'.

    Attributes:
        principal_account_id: Loan receivable (asset, per loan).
        interest_account_id: Interest receivable (asset, per loan).
        funding_account_id: The lender's funding account the loan is paid from and back to.
        interest_accrued_minor: Interest booked to the receivable so far (by accrual entries).
        interest_accrued_through: The day through which interest has been accrued.
        auto_debit_attempted_on: The last day the EMI auto-debit looked at this loan.
        classified_on: The last close of business that classified the loan; its days past
            due, asset class, NPA date, provision held and interest in suspense follow.
        provision_minor: The loan-loss provision held for it (in the lender's provision
            account).
        interest_suspense_minor: Interest receivable not recognised as income (an NPA's).
        write_off_reason: Why the lender wrote it off (status ``written_off``).
    """

    id: str
    application_id: str
    merchant_id: str
    lender_id: str
    product_id: str
    category: LoanCategory
    currency: str
    principal_minor: int
    rate_bps: int
    tenure_periods: int
    frequency: Frequency
    schedule_type: ScheduleType
    interest_period: InterestPeriod
    day_count: DayCount
    installment_multiple_minor: int
    processing_fee_minor: int
    prepayment_fee_bps: int
    foreclosure_fee_bps: int
    penalty_rate_bps: int
    sweep_bps: int
    allocation_order: str
    overpayment_policy: OverpaymentPolicy
    status: LoanState
    closed_reason: ClosedReason | None
    principal_account_id: str
    interest_account_id: str
    funding_account_id: str
    disbursal_entry_id: str | None
    disbursed_on: date | None
    closed_on: date | None
    interest_accrued_minor: int
    interest_accrued_through: date | None
    auto_debit_attempted_on: date | None
    created_at: datetime
    updated_at: datetime
    classified_on: date | None = None
    days_past_due: int = 0
    asset_class: AssetClass = AssetClass.STANDARD
    npa_since: date | None = None
    provision_minor: int = 0
    interest_suspense_minor: int = 0
    write_off_reason: str | None = None

    def terms(self, principal_minor: int | None = None) -> ScheduleTerms:
        """The schedule terms (of ``principal_minor`` instead, for a re-amortisation)."""
        return ScheduleTerms(
            principal_minor=self.principal_minor if principal_minor is None else principal_minor,
            rate_bps=self.rate_bps, periods=self.tenure_periods, frequency=self.frequency,
            schedule_type=self.schedule_type, interest_period=self.interest_period,
            day_count=self.day_count, installment_multiple_minor=self.installment_multiple_minor,
        )


@dataclass(frozen=True, slots=True)
class LoanFilter:
    """Which applications or loans a query covers: None for "any" (the platform's view)."""

    merchant_id: str | None = None
    lender_id: str | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class LoanRepayment:
    """Money received for a loan, and where it went.

    Attributes:
        amount_minor: Taken from the merchant's balance (the sum of the four parts).
        returned_minor: Offered above what could be applied and left with the merchant.
        allocation: Per installment: ``{"installment", "penalty_minor", "fees_minor",
            "interest_minor", "principal_minor"}``; prepayment and foreclosure fees appear as
            ``{"installment": null, "fees_minor": ...}``.
    """

    id: str
    loan_id: str
    merchant_id: str
    source: RepaymentSource
    currency: str
    amount_minor: int
    principal_minor: int
    interest_minor: int
    fees_minor: int
    penalty_minor: int
    returned_minor: int
    allocation: tuple[Mapping[str, Any], ...]
    entry_id: str
    paid_on: date
    created_at: datetime


@dataclass(frozen=True, slots=True)
class RepaymentParts:
    """What one repayment pays, by component, in minor units."""

    penalty_minor: int = 0
    fees_minor: int = 0
    interest_minor: int = 0
    principal_minor: int = 0

    @property
    def total_minor(self) -> int:
        return self.penalty_minor + self.fees_minor + self.interest_minor + self.principal_minor


@dataclass(frozen=True, slots=True)
class LoanBooks:
    """Every account a loan's entries touch."""

    principal: str
    interest: str
    lender: LenderAccounts
    merchant_available: str


def fee_for(amount_minor: int, fee_bps: int) -> int:
    """``amount * bps / 10,000`` rounded half-up to the minor unit."""
    return (amount_minor * fee_bps + 5_000) // 10_000


def _postings(legs: list[tuple[str, Direction, int]], currency: str) -> tuple[Posting, ...]:
    """Legs of a zero amount are left out (a posting is never zero)."""
    return tuple(Posting(account, direction, amount, currency)
                 for account, direction, amount in legs if amount)


def disbursal_entry(
    entry_id: str, books: LoanBooks, principal_minor: int, fee_minor: int, currency: str,
    meta: Mapping[str, str],
) -> NewEntry:
    """The lender's funds become the loan; the merchant receives the principal less the fee."""
    net = principal_minor - fee_minor
    legs = [
        (books.principal, Direction.DEBIT, principal_minor),
        (books.lender.funding, Direction.CREDIT, net),
        (books.lender.fee_income, Direction.CREDIT, fee_minor),
        (books.lender.settlement, Direction.DEBIT, net),
        (books.merchant_available, Direction.CREDIT, net),
    ]
    return NewEntry(entry_id, _postings(legs, currency), meta)


def repayment_entry(
    entry_id: str, books: LoanBooks, parts: RepaymentParts, currency: str,
    meta: Mapping[str, str],
) -> NewEntry:
    """The merchant pays ``parts.total_minor``; the lender's receivables and income take it."""
    total = parts.total_minor
    legs = [
        (books.merchant_available, Direction.DEBIT, total),
        (books.lender.settlement, Direction.CREDIT, total),
        (books.lender.funding, Direction.DEBIT, total),
        (books.principal, Direction.CREDIT, parts.principal_minor),
        (books.interest, Direction.CREDIT, parts.interest_minor),
        (books.lender.fee_income, Direction.CREDIT, parts.fees_minor),
        (books.lender.penalty_income, Direction.CREDIT, parts.penalty_minor),
    ]
    return NewEntry(entry_id, _postings(legs, currency), meta)


def accrual_increase(
    accrued_minor: int, accrued_through: date | None, target_minor: int, through: date
) -> int | None:
    """What an accrual through ``through`` adds to a loan that has booked ``accrued_minor``
    through ``accrued_through``, when the schedule has earned ``target_minor`` by then: never
    negative; None when the loan is already accrued through that day (nothing to save)."""
    if accrued_through is not None and through <= accrued_through:
        return None
    return max(0, target_minor - accrued_minor)


def accrual_entry(
    entry_id: str, interest_account: str, income_account: str, amount_minor: int, currency: str,
    meta: Mapping[str, str],
) -> NewEntry:
    """Interest earned: the receivable grows, and so does income (or, for an NPA, suspense)."""
    legs = [(interest_account, Direction.DEBIT, amount_minor),
            (income_account, Direction.CREDIT, amount_minor)]
    return NewEntry(entry_id, _postings(legs, currency), meta)


def accruals_entry(
    entry_id: str, income_account: str, accruals: Sequence[tuple[str, int]], currency: str,
    meta: Mapping[str, str],
) -> NewEntry:
    """Several loans' accruals to one income (or suspense) account in one entry: each loan's
    interest receivable debited, the income credited with the sum (close of business)."""
    legs = [(account, Direction.DEBIT, amount) for account, amount in accruals]
    legs.append((income_account, Direction.CREDIT, sum(amount for _, amount in accruals)))
    return NewEntry(entry_id, _postings(legs, currency), meta)


def loan_metadata(kind: str, loan: Loan, **extra: str) -> dict[str, str]:
    """What every entry of a loan carries: reports and balance transactions read it back."""
    return {"kind": kind, "loan": loan.id, "merchant": loan.merchant_id,
            "lender": loan.lender_id, **extra}
