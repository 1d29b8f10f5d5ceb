"""Credit lines as the API returns them: field for field the dictionaries of
:mod:`paysetu.lending.usecases.credit_lines` (the models refuse any other field)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from paysetu.lending.api.models import Underwriting
from paysetu.lending.rules.classification import AssetClass
from paysetu.lending.rules.credit_lines import LineMovementKind, LineState
from paysetu.lending.rules.loans import ApplicationState, LoanCategory
from paysetu.shell.http.objects import ApiObject, Timestamp

LINE_ID = "cln_01KBZ4T7Q0W8X5V3M2N1P6R9S8"


class DrawingPowerBasis(ApiObject):
    """How the drawing power was set (policy, window, sales), stated on the line."""

    policy_version: str = Field(examples=["dp-2026.1"])
    window_days: int
    share_bps: int
    window_from: str
    window_to: str
    net_settled_minor: int = Field(description="Settled gross - refunds - fees in the window.")
    computed_minor: int = Field(description="The share of it, before the limit caps it.")
    drawing_power_minor: int
    explanation: str


class LineClassification(ApiObject):
    """The line as the last close of business classified it (RBI IRAC, cash credit)."""

    as_of: str | None
    asset_class: AssetClass
    out_of_order_days: int = Field(description="Day-ends the longest current out-of-order "
                                   "condition has held (0: in order).")
    npa_since: str | None
    provision_minor: int
    interest_suspense_minor: int


class LineLedgerAccounts(ApiObject):
    drawn: str
    interest: str
    lender_funding: str


class CreditLine(ApiObject):
    """Balances from the ledger: ``drawn_minor`` (debited interest included),
    ``interest_accrued_minor`` (not yet debited), ``penal_charges_minor`` (due)."""

    id: str = Field(examples=[LINE_ID])
    object: Literal["credit_line"]
    merchant: str
    lender: str
    category: LoanCategory
    currency: str = Field(examples=["INR"])
    status: LineState
    limit_minor: int
    rate_bps: int
    penal_rate_bps: int = Field(description="Penal charge a year on the drawn balance above "
                                "the drawing power (a charge, never compounded).")
    sweep_bps: int
    day_count: Literal["actual_365"]
    review_due: str
    renewals: int
    drawing_power_minor: int
    drawing_power: DrawingPowerBasis
    drawn_minor: int
    available_minor: int
    utilisation_bps: int = Field(description="Drawn over limit, half-up.")
    interest_accrued_minor: int
    penal_charges_minor: int
    outstanding_minor: int = Field(description="Penal charges, drawn and accrued interest.")
    suspended_reason: Literal["npa", "review_expired"] | None
    sanctioned_on: str
    closed_on: str | None
    last_credit_on: str | None
    write_off_reason: str | None = Field(description="Why the lender wrote the line off "
                                         "(status ``written_off``).")
    classification: LineClassification
    ledger_accounts: LineLedgerAccounts
    metadata: dict[str, str]
    created: Timestamp


class CreditLineMovement(ApiObject):
    """A statement line: a draw, repayment, sweep, monthly interest debit or write-off."""

    id: str
    object: Literal["credit_line_movement"]
    credit_line: str = Field(examples=[LINE_ID])
    kind: LineMovementKind
    currency: str
    amount_minor: int
    payee: str | None = Field(description="The merchant a draw paid (the borrower or a "
                              "supplier).")
    principal_minor: int = Field(description="Of a credit: the drawn balance repaid.")
    interest_minor: int
    penalty_minor: int
    ledger_entry: str
    date: str
    created: Timestamp


class LineAdvice(ApiObject):
    """What the lender is shown: the underwriting policy's decision, reasons and features, and
    the drawing power the line would have today, explained."""

    decision: Literal["approve", "refer", "decline"]
    underwriting: Underwriting
    drawing_power: DrawingPowerBasis


class CreditLineApplication(ApiObject):
    """A merchant's application for a line, with the underwriting advice the lender sees."""

    id: str = Field(examples=["cla_01KBZ4T7Q0W8X5V3M2N1P6R9S8"])
    object: Literal["credit_line_application"]
    merchant: str
    lender: str
    category: LoanCategory
    currency: str = Field(examples=["INR"])
    limit_minor: int = Field(description="The limit asked for, minor units.")
    purpose: str
    status: ApplicationState
    advice: LineAdvice
    decision_reason: str | None
    decided: Timestamp | None
    credit_line: str | None = Field(description="The sanctioned line (``approved``).")
    created: Timestamp

