"""Request bodies of the lending routes (same rules as :mod:`.schemas`: strict, no extras)."""

from __future__ import annotations

from pydantic import Field

from paysetu.shell.http.schemas import Body, Metadata


class LenderCreate(Body):
    name: str = Field(description="The institution's name, 1-200 characters.")
    kind: str = Field(description="`bank`, `nbfc`, `mfi` or `refinancer`.")
    apex: bool = Field(
        default=False,
        description="The apex refinancer (MUDRA's role): refinances lenders, never lends. "
        "There is only one.",
    )
    metadata: Metadata = Field(default_factory=dict)


class LenderFunding(Body):
    amount_minor: int = Field(description="Committed to lending, in minor units.")
    currency: str = Field(description="ISO 4217 code.")


class LoanApplicationCreate(Body):
    lender: str = Field(description="The member lender (lnd_...) asked.")
    product: str = Field(description="The loan product (lpr_...), e.g. `lpr_pmmy_kishore`.")
    amount_minor: int = Field(description="Within the product's band, minor units.")
    tenure_periods: int = Field(
        description="Number of installments (months or weeks, by the product's frequency)."
    )
    purpose: str = Field(description="What the money is for, 1-500 characters.")
    merchant: str | None = Field(
        default=None,
        description="The borrowing merchant (mer_...); platform keys only (a merchant key "
        "applies for itself).",
    )
    metadata: Metadata = Field(default_factory=dict)


class LoanApplicationApprove(Body):
    rate_bps: int = Field(description="Annual rate in basis points, within the product's range.")
    amount_minor: int | None = Field(
        default=None, description="A changed amount (needs a reason); default: as asked."
    )
    tenure_periods: int | None = Field(
        default=None, description="A changed tenure (needs a reason); default: as asked."
    )
    reason: str | None = Field(default=None, description="Why the terms changed, 1-500 chars.")


class LoanApplicationReject(Body):
    reason: str = Field(description="Why, 1-500 characters; shown to the merchant.")


class LoanRepaymentCreate(Body):
    type: str = Field(
        default="manual",
        description="`manual` (what is due), `prepayment` (due, then principal with the "
        "product's fee) or `foreclosure` (everything; no amount).",
    )
    amount_minor: int | None = Field(
        default=None, description="Taken from the merchant's available balance, minor units."
    )


class LoanWriteOff(Body):
    reason: str = Field(description="Why the loan is written off, 1-500 characters.")


class LendingCloseDay(Body):
    date: str = Field(
        description="The business day to close, YYYY-MM-DD: the day after the last one closed "
        "(or that day again, which replays its summary), never after today."
    )


class RefinanceClaimCreate(Body):
    share_bps: int = Field(
        description="The agreed share of each loan's outstanding principal the apex "
        "refinances, 1-10,000 basis points."
    )
    currency: str = Field(default="INR", description="ISO 4217 code of the loans.")
    lender: str | None = Field(
        default=None, description="The claiming lender (lnd_...); platform keys only (a lender "
        "key claims for itself)."
    )
    loans: list[str] | None = Field(
        default=None, description="Only these loans (each must be eligible); default: every "
        "active standard loan of the lender in the currency not refinanced yet."
    )


class CreditLineCreate(Body):
    merchant: str = Field(description="The borrowing merchant (mer_...).")
    lender: str | None = Field(
        default=None, description="The lender (lnd_...); platform keys only (a lender key "
        "sanctions for itself).")
    category: str = Field(description="PMMY category whose band holds the limit: `shishu`, "
                          "`kishore`, `tarun`, `tarun_plus`.")
    currency: str = Field(default="INR", description="ISO 4217 code.")
    limit_minor: int = Field(description="Sanctioned limit, minor units.")
    rate_bps: int = Field(description="Annual rate, within the category product's range.")
    review_due: str = Field(description="Annual review date, YYYY-MM-DD, within a year.")
    metadata: Metadata = Field(default_factory=dict)


class CreditLineDraw(Body):
    amount_minor: int = Field(description="Within the available drawing power, minor units.")
    payee: str | None = Field(
        default=None, description="A supplier merchant (mer_...) paid straight from the line;"
        " default: the borrower's own balance.")


class CreditLineRepayment(Body):
    amount_minor: int = Field(description="From the merchant's available balance, minor units.")


class CreditLineRenewal(Body):
    review_due: str = Field(description="The next review date, YYYY-MM-DD, within a year.")
    limit_minor: int | None = Field(default=None, description="A new limit, if any.")
    rate_bps: int | None = Field(default=None, description="A new rate, if any.")


class CreditLineApplicationCreate(Body):
    lender: str = Field(description="The member lender (lnd_...) asked.")
    category: str = Field(description="PMMY category whose band holds the limit: `shishu`, "
                          "`kishore`, `tarun`, `tarun_plus`.")
    currency: str = Field(default="INR", description="ISO 4217 code.")
    limit_minor: int = Field(description="The limit asked for, minor units.")
    purpose: str = Field(description="What the line is for, 1-500 characters.")
    merchant: str | None = Field(
        default=None, description="The borrowing merchant (mer_...); platform keys only (a "
        "merchant key applies for itself).")


class CreditLineApplicationApprove(Body):
    rate_bps: int = Field(description="Annual rate, within the category product's range.")
    review_due: str = Field(description="Annual review date, YYYY-MM-DD, within a year.")
    limit_minor: int | None = Field(
        default=None, description="Another limit (needs a reason); default: as asked.")
    reason: str | None = Field(
        default=None, description="Why, 1-500 characters: needed to change the limit or to "
        "approve against an advice to decline.")

