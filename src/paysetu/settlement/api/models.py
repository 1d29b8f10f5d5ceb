"""Settlement's objects as the API returns them (see :mod:`paysetu.shell.http.objects`).

Field for field the dictionaries of :mod:`paysetu.settlement.usecases.objects`,
:mod:`paysetu.settlement.usecases.reconciliation` and the settlement run of
:mod:`paysetu.settlement.api.settlements`; the models refuse any other field.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from paysetu.settlement.rules.payout_accounts import BankCodeScheme, PayoutScheme
from paysetu.settlement.rules.reconciliation import LineCategory
from paysetu.settlement.rules.records import PayoutStatus, RunOutcome
from paysetu.settlement.rules.settlement import BatchStatus, CarryReason, ItemType
from paysetu.settlement.rules.statements import Direction, StatementFormat
from paysetu.shell.http.objects import ApiObject, Timestamp

SETTLEMENT_ID = "stl_01KBZ4T7Q0W8X5V3M2N1P6R9S8"
RECONCILIATION_ID = "rec_01KBZ4T7Q0W8X5V3M2N1P6R9S8"


class Settlement(ApiObject):
    """One merchant's batch in one currency for one window. ``net_minor`` is what the window
    and the carried-in amount make after reserve and loan sweep; it is paid out
    (``payout_minor``) or carried forward (``carried_forward_minor``, ``carry_reason``)."""

    id: str = Field(examples=[SETTLEMENT_ID])
    object: Literal["settlement"]
    merchant: str
    currency: str = Field(examples=["INR"])
    settlement_date: str = Field(description="The settlement date (ISO 8601).",
                                 examples=["2026-12-04"])
    window_start: Timestamp
    window_end: Timestamp
    status: BatchStatus
    carry_reason: CarryReason | None
    item_count: int
    gross_minor: int
    refunds_minor: int
    fees_minor: int
    adjustments_minor: int
    carried_in_minor: int = Field(description="The previous batch's carried-forward amount.")
    reserve_held_minor: int
    reserve_released_minor: int
    loan_sweep_minor: int = Field(description="Taken to repay the merchant's loans.")
    net_minor: int
    payout_minor: int
    carried_forward_minor: int
    reserve_release_at: Timestamp | None = Field(
        description="When this batch's held reserve falls due (null: nothing held).")
    reserve_released_by: str | None = Field(
        description="The later settlement that released this batch's reserve.")
    payout: str | None = Field(examples=["po_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    payout_account: str | None
    created: Timestamp


class SettlementItem(ApiObject):
    id: str = Field(examples=["sti_1042"])
    object: Literal["settlement_item"]
    settlement: str = Field(examples=[SETTLEMENT_ID])
    type: ItemType
    source: str | None = Field(description="The payment, refund, ... that moved the money.")
    gross_minor: int
    fee_minor: int
    net_minor: int
    journal_entry: str
    occurred: Timestamp


class SettlementResult(ApiObject):
    """What a run did for one merchant and currency (``settlement`` null when no batch)."""

    object: Literal["settlement_result"]
    merchant: str
    currency: str
    outcome: RunOutcome
    window_end: Timestamp
    settlement: str | None
    status: BatchStatus | None
    net_minor: int
    payout_minor: int
    carried_forward_minor: int


class SettlementRunReport(ApiObject):
    object: Literal["settlement_run"]
    date: str = Field(description="The settlement date (ISO 8601).", examples=["2026-12-04"])
    outcomes: dict[str, int] = Field(
        description="How many results had each outcome (only outcomes that occurred).",
        examples=[{"created": 2, "window_open": 1}])
    results: list[SettlementResult]


class PayoutAccount(ApiObject):
    """Where a merchant is paid in one currency; ``iban`` and ``account_number`` are masked
    (the last four characters only)."""

    id: str = Field(examples=["pac_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["payout_account"]
    merchant: str
    currency: str = Field(examples=["INR"])
    scheme: PayoutScheme
    holder_name: str
    country: str = Field(examples=["IN"])
    iban: str | None
    bic: str | None
    account_number: str | None = Field(examples=["••••••••6789"])
    bank_code: str | None = Field(examples=["HDFC0000123"])
    bank_code_scheme: BankCodeScheme | None
    active: bool = Field(description="The account paid now; a new one replaces it.")
    created: Timestamp


class SettlementSchedule(ApiObject):
    object: Literal["settlement_schedule"]
    merchant: str
    time_zone: str = Field(examples=["Asia/Kolkata"])
    cutoff_local: str = Field(description="Daily cutoff, HH:MM local time.", examples=["00:00"])
    delay_days: int = Field(description="The N of T+N.")
    reserve_bps: int = Field(description="Rolling reserve, basis points of gross.")
    reserve_release_days: int
    payout_minimums: dict[str, int] = Field(examples=[{"INR": 50000}])
    default: bool = Field(description="True: the merchant has no schedule of its own.")


class ReconciliationCounts(ApiObject):
    """Lines of the report per category (every category present)."""

    matched: int
    missing: int
    unexpected: int
    amount_mismatch: int
    currency_mismatch: int
    returned: int = Field(description="Payouts the bank sent back (a return reason such as AC04).")


class Reconciliation(ApiObject):
    id: str = Field(examples=[RECONCILIATION_ID])
    object: Literal["reconciliation"]
    format: StatementFormat
    statement_id: str | None = Field(description="The bank's id of the statement, if any.")
    statement_sha256: str
    statement_date: str | None = Field(description="The last day covered (ISO 8601).")
    currencies: list[str]
    line_count: int
    counts: ReconciliationCounts
    unmatched: int
    status: Literal["balanced", "needs_attention"]
    lines_url: str
    created: Timestamp


class ReconciliationPayout(ApiObject):
    """The payout a report line names."""

    id: str
    merchant: str
    amount_minor: int
    currency: str
    status: PayoutStatus


class ReconciliationLine(ApiObject):
    """One row of the report: the statement's side (null for a ``missing`` payout), the
    payout's side (null when the line names none) and the difference."""

    object: Literal["reconciliation_line"]
    reconciliation: str = Field(examples=[RECONCILIATION_ID])
    position: int
    category: LineCategory
    reason: str = Field(description="Why, for people (empty for matched).")
    location: str | None = Field(examples=["line 3"])
    booking_date: str | None
    end_to_end_id: str | None
    amount_minor: int | None
    currency: str | None
    direction: Direction | None
    description: str | None
    payout: ReconciliationPayout | None
    difference_minor: int | None = Field(
        description="Statement minus payout, when both are in the same currency.")
