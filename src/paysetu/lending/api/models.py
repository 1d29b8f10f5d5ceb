"""Lending's objects as the API returns them (see :mod:`paysetu.shell.http.objects`).

Field for field the dictionaries of :mod:`paysetu.lending.usecases.objects`, ``loans``,
``loan_close_day``, ``loan_portfolio``, ``loan_portfolio_history`` and ``loan_refinance``; the
models refuse any other field. Dates are ISO 8601 text (``YYYY-MM-DD``), instants Unix seconds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from paysetu.lending.rules.allocation import AllocationOrder
from paysetu.lending.rules.classification import AssetClass
from paysetu.lending.rules.loans import (
    ApplicationState,
    ClosedReason,
    LenderKind,
    LoanCategory,
    LoanState,
    OverpaymentPolicy,
    RepaymentSource,
)
from paysetu.lending.rules.schedule import DayCount, Frequency, InterestPeriod, ScheduleType
from paysetu.lending.rules.underwriting import Outcome
from paysetu.shell.http.objects import ApiObject, Timestamp

LENDER_ID = "lnd_01KBZ4T7Q0W8X5V3M2N1P6R9S8"
LOAN_ID = "loan_01KBZ4T7Q0W8X5V3M2N1P6R9S8"
PRODUCT_ID = "lpr_pmmy_shishu"


class LenderBalance(ApiObject):
    currency: str = Field(examples=["INR"])
    funding_available_minor: int = Field(
        description="What the lender's funding account still holds for lending.")


class Lender(ApiObject):
    id: str = Field(examples=[LENDER_ID])
    object: Literal["lender"]
    name: str
    kind: LenderKind
    apex: bool = Field(description="The apex refinancer (at most one; it lends to no one).")
    balances: list[LenderBalance]
    metadata: dict[str, str]
    created: Timestamp


class LoanProduct(ApiObject):
    id: str = Field(examples=[PRODUCT_ID])
    object: Literal["loan_product"]
    name: str = Field(examples=["PMMY Shishu"])
    category: LoanCategory
    currency: str = Field(examples=["INR"])
    amount_min_minor: int
    amount_max_minor: int
    rate_min_bps: int = Field(description="Lowest annual rate a lender may approve, bps.")
    rate_max_bps: int
    tenure_min_periods: int = Field(description="Fewest installments (months or weeks).")
    tenure_max_periods: int
    frequency: Frequency
    schedule_type: ScheduleType
    interest_period: InterestPeriod
    day_count: DayCount
    installment_multiple_minor: int = Field(description="Installments round to this (1: none).")
    processing_fee_bps: int = Field(description="Withheld from the disbursal.")
    prepayment_fee_bps: int
    foreclosure_fee_bps: int
    penalty_rate_bps: int = Field(description="Annual penal rate on overdue amounts.")
    sweep_bps: int = Field(description="Share of each settlement swept while anything is due.")
    allocation_order: AllocationOrder
    overpayment_policy: OverpaymentPolicy
    requires_repaid_category: LoanCategory | None = Field(
        description="The borrower must have fully repaid a loan of this category first.")
    active: bool


class UnderwritingReason(ApiObject):
    code: str = Field(examples=["amount_above_limit"])
    effect: Literal["info", "positive", "refer", "decline"]
    text: str


class UnderwritingFeatures(ApiObject):
    """Ratios are decimal strings (``0.0312`` = 3.12%)."""

    months_active: int
    average_monthly_volume_minor: int
    recent_volume_minor: int
    trend: str = Field(examples=["-0.0125"])
    volatility: str
    refund_rate: str
    existing_debt_service_minor: int


class UnderwritingInputs(ApiObject):
    currency: str
    monthly_volume_minor: list[int] = Field(description="Captured volume per month, oldest first.")
    monthly_refunds_minor: list[int]


class Underwriting(ApiObject):
    """The underwriting policy's advice, computed and stored when the application was made."""

    policy_version: str = Field(examples=["uw-2026.1"])
    decision: Outcome
    suggested_limit_minor: int
    reasons: list[UnderwritingReason]
    features: UnderwritingFeatures
    inputs: UnderwritingInputs


class LoanApplication(ApiObject):
    id: str = Field(examples=["lap_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["loan_application"]
    merchant: str
    lender: str = Field(examples=[LENDER_ID])
    product: str = Field(examples=[PRODUCT_ID])
    amount_minor: int
    currency: str
    tenure_periods: int
    purpose: str
    status: ApplicationState
    underwriting: Underwriting
    decision_reason: str | None
    decided: Timestamp | None
    loan: str | None = Field(description="The loan an approval created.")
    metadata: dict[str, str]
    created: Timestamp


class LoanClassification(ApiObject):
    """The loan as the last close of business classified it (RBI IRAC)."""

    as_of: str | None = Field(description="The business day that classified it.")
    asset_class: AssetClass
    days_past_due: int
    npa_since: str | None
    provision_minor: int
    interest_suspense_minor: int = Field(description="Interest receivable not recognised "
                                         "as income (a non-performing loan's).")


class LoanLedgerAccounts(ApiObject):
    principal: str
    interest: str
    lender_funding: str


class Loan(ApiObject):
    """Balances come from the ledger; ``amount_due_minor``, ``next_due_date`` and
    ``payoff_amount_minor`` are as of today (0 / null unless the loan is active)."""

    id: str = Field(examples=[LOAN_ID])
    object: Literal["loan"]
    merchant: str
    lender: str = Field(examples=[LENDER_ID])
    application: str
    product: str = Field(examples=[PRODUCT_ID])
    category: LoanCategory
    currency: str = Field(examples=["INR"])
    status: LoanState
    closed_reason: ClosedReason | None
    principal_minor: int
    rate_bps: int = Field(description="Annual interest rate, basis points.")
    tenure_periods: int
    frequency: Frequency
    schedule_type: ScheduleType
    interest_period: InterestPeriod
    day_count: DayCount
    installment_multiple_minor: int
    processing_fee_minor: int
    prepayment_fee_bps: int
    foreclosure_fee_bps: int
    sweep_bps: int
    allocation_order: AllocationOrder
    overpayment_policy: OverpaymentPolicy
    outstanding_principal_minor: int
    interest_receivable_minor: int
    interest_accrued_minor: int
    interest_accrued_through: str | None
    amount_due_minor: int
    next_due_date: str | None
    payoff_amount_minor: int | None = Field(description="What closes the loan today.")
    disbursed_on: str | None
    closed_on: str | None
    classification: LoanClassification
    write_off_reason: str | None
    ledger_accounts: LoanLedgerAccounts
    disbursal_entry: str | None
    created: Timestamp


class LoanInstallment(ApiObject):
    number: int
    period_start: str
    due_date: str = Field(examples=["2026-12-04"])
    principal_minor: int
    interest_minor: int
    fees_minor: int
    penalty_minor: int
    total_minor: int
    principal_paid_minor: int
    interest_paid_minor: int
    fees_paid_minor: int
    penalty_paid_minor: int
    status: Literal["paid", "upcoming", "due", "overdue"]


class LoanSchedule(ApiObject):
    object: Literal["loan_schedule"]
    loan: str = Field(examples=[LOAN_ID])
    currency: str
    projected: bool = Field(
        description="Before disbursal: the schedule as if the loan were disbursed today.")
    installments: list[LoanInstallment]
    total_principal_minor: int
    total_interest_minor: int
    total_minor: int


class InstallmentAllocation(ApiObject):
    """What a repayment paid of one installment."""

    installment: int
    penalty_minor: int
    fees_minor: int
    interest_minor: int
    principal_minor: int


class LumpAllocation(ApiObject):
    """The part of a prepayment or foreclosure beyond the installments due."""

    installment: None
    kind: Literal["prepayment", "foreclosure"]
    penalty_minor: int
    fees_minor: int
    interest_minor: int
    principal_minor: int


class LoanRepayment(ApiObject):
    """``amount_minor`` is the sum of the four parts; ``returned_minor`` was offered beyond
    what could be applied and left with the merchant."""

    id: str = Field(examples=["lrp_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["loan_repayment"]
    loan: str = Field(examples=[LOAN_ID])
    merchant: str
    source: RepaymentSource
    amount_minor: int
    currency: str
    principal_minor: int
    interest_minor: int
    fees_minor: int
    penalty_minor: int
    returned_minor: int
    allocation: list[InstallmentAllocation | LumpAllocation]
    journal_entry: str
    paid_on: str
    created: Timestamp


class CloseDayClasses(ApiObject):
    """Active loans per asset class after the day (written-off loans are not counted)."""

    standard: int
    sma_0: int
    sma_1: int
    sma_2: int
    substandard: int
    doubtful_1: int
    doubtful_2: int
    doubtful_3: int


class CloseDayAmounts(ApiObject):
    currency: str
    interest_accrued_minor: int
    penalties_minor: int
    suspense_change_minor: int
    provision_change_minor: int
    provisions_minor: int = Field(description="Provisions held after the day.")


class CloseDayLineAmounts(ApiObject):
    """Credit lines' figures of the day in one currency."""

    currency: str
    drawing_power_minor: int = Field(description="Drawing power of the active lines.")
    drawn_minor: int = Field(description="Drawn balances at the day-end.")
    interest_accrued_minor: int
    interest_debited_minor: int = Field(description="Interest debited (a month's last day).")
    penal_charges_minor: int = Field(description="Penal charges of the day (over drawing power).")
    provisions_minor: int


class CloseDayLines(ApiObject):
    """What close of business did to the credit lines."""

    lines: int = Field(description="Active lines classified.")
    out_of_order: int = Field(description="Lines out of order for more than 30 days.")
    npa: int
    closed: int = Field(description="Lines closed: review date passed with nothing owed.")
    amounts: list[CloseDayLineAmounts]


class LendingCloseDaySummary(ApiObject):
    object: Literal["lending_close_day"]
    date: str = Field(examples=["2026-12-04"])
    loans: int = Field(description="Active loans classified.")
    classes: CloseDayClasses
    class_changes: dict[str, int] = Field(
        description="Loans that changed class, by ``from->to``.",
        examples=[{"standard->sma_0": 2}])
    amounts: list[CloseDayAmounts]
    journal_entries: int
    replayed: bool = Field(description="True: the day was closed before; its summary again.")
    credit_lines: CloseDayLines | None = Field(
        default=None, description="Credit lines (absent from days closed before they existed).")


class PortfolioRow(ApiObject):
    """One lender's loans of one category and currency; ratios of the outstanding principal
    in basis points (half-up)."""

    lender: str = Field(examples=[LENDER_ID])
    category: LoanCategory
    currency: str
    loans: int
    outstanding_minor: int
    par_30_minor: int
    par_30_bps: int
    par_60_minor: int
    par_60_bps: int
    par_90_minor: int
    par_90_bps: int
    npa_minor: int
    npa_ratio_bps: int
    provisions_minor: int
    disbursed_loans: int = Field(description="In the month.")
    disbursed_minor: int
    repaid_minor: int
    repaid_principal_minor: int
    credit_lines: int = Field(description="Active credit lines.")
    lines_limit_minor: int
    lines_drawn_minor: int
    lines_drawing_power_minor: int
    lines_utilisation_bps: int = Field(description="Drawn over limit, half-up.")
    lines_out_of_order: int = Field(description="Lines out of order for more than 30 days.")
    lines_npa_minor: int = Field(description="Drawn balance of NPA lines.")


class LendingPortfolio(ApiObject):
    object: Literal["lending_portfolio"]
    month: str = Field(examples=["2026-12"])
    as_of: str | None = Field(description="The last close of business (null: none yet).")
    data: list[PortfolioRow]


class PortfolioHistoryRow(ApiObject):
    date: str
    lender: str = Field(examples=[LENDER_ID])
    category: LoanCategory
    currency: str
    loans: int
    outstanding_minor: int
    par_30_minor: int
    par_30_bps: int
    par_60_minor: int
    par_60_bps: int
    par_90_minor: int
    par_90_bps: int
    npa_minor: int
    npa_ratio_bps: int
    provisions_minor: int
    credit_lines: int = Field(description="Credit lines in the figures (their drawn balances; "
                              "``loans`` counts the term loans).")


class LendingPortfolioHistory(ApiObject):
    object: Literal["lending_portfolio_history"]
    from_: str | None = Field(alias="from", description="First business day (null: none closed).")
    to: str | None
    data: list[PortfolioHistoryRow]


class RefinanceClaim(ApiObject):
    id: str = Field(examples=["rfc_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["refinance_claim"]
    lender: str = Field(examples=[LENDER_ID])
    apex: str
    currency: str
    share_bps: int
    loans: int = Field(description="Loans and credit lines refinanced.")
    credit_lines: int = Field(description="Credit lines among them.")
    principal_minor: int = Field(
        description="Outstanding principal of the loans (drawn balance of the lines) at the claim.")
    amount_minor: int = Field(description="What the apex paid.")
    passed_minor: int = Field(description="Passed back to the apex from repayments so far.")
    owed_minor: int
    journal_entry: str
    created: Timestamp
