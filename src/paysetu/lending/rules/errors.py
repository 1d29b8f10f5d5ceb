"""Error codes of micro-credit: lenders, products, applications, loans and repayments.

Same conventions as :mod:`paysetu.ledger.rules.errors`: one closed enum in precedence order (bad
input first, then unknown objects, then state conflicts, then the product's rules, then
declines that depend on balances), each code transient or not, with a category the HTTP layer
maps to a status. Exception tree::

    PaysetuError
     └── LendingRejected      a lending operation refused; nothing was written
"""

from __future__ import annotations

from paysetu.ledger.rules.errors import ErrorCategory, ErrorCode, PaysetuError

_I = ErrorCategory.INVALID
_N = ErrorCategory.NOT_FOUND
_C = ErrorCategory.CONFLICT
_D = ErrorCategory.DECLINED


class LendingStatus(ErrorCode):
    """Why a lending operation was refused; precedence order."""

    NAME_INVALID = ("name_invalid", False, _I, "A lender's name is 1-200 printable characters.")
    LENDER_KIND_INVALID = (
        "lender_kind_invalid",
        False,
        _I,
        "A lender's kind is `bank`, `nbfc`, `mfi` or `refinancer`.",
    )
    CURRENCY_INVALID = (
        "currency_invalid",
        False,
        _I,
        "The currency is not an ISO 4217 code with a minor unit.",
    )
    AMOUNT_MUST_BE_POSITIVE = (
        "amount_must_be_positive",
        False,
        _I,
        "Amounts are positive integers of minor units.",
    )
    AMOUNT_TOO_LARGE = (
        "amount_too_large",
        False,
        _I,
        "The amount does not fit in a signed 64-bit integer.",
    )
    TENURE_INVALID = ("tenure_invalid", False, _I, "A tenure is a positive number of periods.")
    RATE_INVALID = ("rate_invalid", False, _I, "A rate is a non-negative number of basis points.")
    PURPOSE_INVALID = ("purpose_invalid", False, _I, "A purpose is 1-500 printable characters.")
    REASON_INVALID = (
        "reason_invalid",
        False,
        _I,
        "A reason is 1-500 printable characters; rejecting or changing terms needs one.",
    )
    REPAYMENT_TYPE_INVALID = (
        "repayment_type_invalid",
        False,
        _I,
        "A repayment's type is `manual`, `prepayment` or `foreclosure`.",
    )
    REPAYMENT_AMOUNT_REQUIRED = (
        "repayment_amount_required",
        False,
        _I,
        "Manual repayments and prepayments need amount_minor; a foreclosure takes none.",
    )
    METADATA_INVALID = (
        "metadata_invalid",
        False,
        _I,
        "Metadata is at most 50 keys of 1-40 characters with string values of up to 500.",
    )
    BUSINESS_DATE_INVALID = (
        "business_date_invalid",
        False,
        _I,
        "A business day is a date written YYYY-MM-DD.",
    )
    MONTH_INVALID = ("month_invalid", False, _I, "A month is written YYYY-MM.")
    CLOSE_DAY_IN_FUTURE = (
        "close_day_in_future",
        False,
        _I,
        "A business day can be closed on or after the day itself, never before.",
    )
    SHARE_INVALID = (
        "share_invalid",
        False,
        _I,
        "A refinance share is 1-10,000 basis points of the outstanding principal.",
    )
    REVIEW_DATE_INVALID = (
        "review_date_invalid",
        False,
        _I,
        "A credit line's review date is after today (after the current one, for a renewal)"
        " and at most 366 days ahead: a line is reviewed every year.",
    )
    REPAYMENT_EXCEEDS_OUTSTANDING = (
        "repayment_exceeds_outstanding",
        False,
        _I,
        "The repayment is more than the line's penal charges, drawn balance and accrued"
        " interest together.",
    )
    LENDER_NOT_FOUND = ("lender_not_found", False, _N, "No such lender.")
    CREDIT_LINE_NOT_FOUND = ("credit_line_not_found", False, _N, "No such credit line.")
    PAYEE_NOT_FOUND = (
        "payee_not_found",
        False,
        _N,
        "No such merchant to pay a draw to (a supplier is a merchant on paysetu).",
    )
    PRODUCT_NOT_FOUND = ("product_not_found", False, _N, "No such loan product.")
    APPLICATION_NOT_FOUND = ("application_not_found", False, _N, "No such loan application.")
    LOAN_NOT_FOUND = ("loan_not_found", False, _N, "No such loan.")
    CREDIT_LINE_APPLICATION_NOT_FOUND = ("credit_line_application_not_found", False, _N,
                                         "No such credit line application.")
    REFINANCE_CLAIM_NOT_FOUND = ("refinance_claim_not_found", False, _N, "No such refinance claim.")
    APEX_LENDER_EXISTS = (
        "apex_lender_exists",
        False,
        _C,
        "There is already an apex refinancer; there is only one.",
    )
    APEX_LENDER_CANNOT_LEND = (
        "apex_lender_cannot_lend",
        False,
        _I,
        "The apex refinancer never lends to borrowers; apply to a member lender.",
    )
    PRODUCT_INACTIVE = ("product_inactive", False, _C, "The loan product is withdrawn.")
    CURRENCY_MISMATCH = (
        "currency_mismatch",
        False,
        _I,
        "The amount's currency is not the loan's or the product's.",
    )
    APPLICATION_ALREADY_DECIDED = (
        "application_already_decided",
        False,
        _C,
        "The application was already approved or rejected.",
    )
    LOAN_NOT_APPROVED = (
        "loan_not_approved",
        False,
        _C,
        "Only an approved loan not yet disbursed can be disbursed.",
    )
    LOAN_NOT_ACTIVE = (
        "loan_not_active",
        False,
        _C,
        "The loan is not disbursed yet; nothing can be repaid.",
    )
    LOAN_CLOSED = ("loan_closed", False, _C, "The loan is closed; nothing more can be repaid.")
    LOAN_NOT_NPA = (
        "loan_not_npa",
        False,
        _C,
        "Only a non-performing loan (sub-standard or doubtful) can be written off.",
    )
    CREDIT_LINE_EXISTS = (
        "credit_line_exists",
        False,
        _C,
        "The merchant already has an open credit line with this lender in this currency;"
        " renew it instead.",
    )
    CREDIT_LINE_CLOSED = (
        "credit_line_closed",
        False,
        _C,
        "The credit line is closed; nothing can be drawn, repaid or renewed.",
    )
    CREDIT_LINE_SUSPENDED = (
        "credit_line_suspended",
        True,
        _C,
        "Draws on the line are suspended: it is non-performing (NPA) or its review date has"
        " passed. Repayments are still taken; the lender can renew it.",
    )
    CREDIT_LINE_NOT_NPA = (
        "credit_line_not_npa",
        False,
        _C,
        "Only a non-performing credit line (sub-standard or doubtful) can be written off.",
    )
    CREDIT_LINE_NOT_REPAID = (
        "credit_line_not_repaid",
        True,
        _C,
        "The line still has a drawn balance, accrued interest or penal charges; repay them"
        " before closing it.",
    )
    APEX_LENDER_MISSING = (
        "apex_lender_missing",
        False,
        _C,
        "There is no apex refinancer to claim refinance from yet.",
    )
    LOAN_NOT_ELIGIBLE = (
        "loan_not_eligible",
        False,
        _C,
        "Only the lender's own active standard loans not refinanced yet can be refinanced.",
    )
    NOTHING_TO_REFINANCE = (
        "nothing_to_refinance",
        False,
        _C,
        "The lender has no eligible loans (active, standard, not refinanced) in the currency.",
    )
    CLOSE_DAY_BEFORE_LAST = (
        "close_day_before_last",
        False,
        _C,
        "Business days close in order: that day is before the last day closed.",
    )
    CLOSE_DAY_SKIPS_DATE = (
        "close_day_skips_date",
        False,
        _C,
        "Business days close one after another: close the day after the last one first.",
    )
    AMOUNT_OUTSIDE_BAND = (
        "amount_outside_band",
        False,
        _I,
        "The amount is outside the product's band (e.g. Shishu up to 50,000 INR).",
    )
    TENURE_OUT_OF_RANGE = (
        "tenure_out_of_range",
        False,
        _I,
        "The tenure is outside the product's range of periods.",
    )
    RATE_OUT_OF_RANGE = (
        "rate_out_of_range",
        False,
        _I,
        "The rate is outside the product's range.",
    )
    TARUN_PLUS_REQUIRES_REPAID_TARUN = (
        "tarun_plus_requires_repaid_tarun",
        True,
        _D,
        "Tarun Plus is only for a borrower who has fully repaid a Tarun loan.",
    )
    NOTHING_DUE = (
        "nothing_due",
        True,
        _C,
        "Nothing is due on the loan today; to pay ahead, prepay or foreclose.",
    )
    PREPAYMENT_EXCEEDS_PRINCIPAL = (
        "prepayment_exceeds_principal",
        False,
        _I,
        "The prepayment would repay all the principal still to come; foreclose instead.",
    )
    OVERPAYMENT_REFUSED = (
        "overpayment_refused",
        False,
        _I,
        "The amount is more than is due, and the product refuses overpayments.",
    )
    DRAW_EXCEEDS_DRAWING_POWER = (
        "draw_exceeds_drawing_power",
        True,
        _D,
        "The draw would take the drawn balance above the line's drawing power (set from the"
        " merchant's settled sales, never above the limit).",
    )
    LENDER_FUNDS_INSUFFICIENT = (
        "lender_funds_insufficient",
        True,
        _D,
        "The lender's funding account does not cover the disbursal.",
    )
    APEX_FUNDS_INSUFFICIENT = (
        "apex_funds_insufficient",
        True,
        _D,
        "The apex refinancer's funding account does not cover the claim.",
    )
    EXCEEDS_AVAILABLE_BALANCE = (
        "exceeds_available_balance",
        True,
        _D,
        "The merchant's available balance does not cover the repayment.",
    )
    DATE_RANGE_INVALID = (
        "date_range_invalid",
        False,
        _I,
        "A range of business days ends on or after its first day and spans at most 366 days.",
    )


class LendingRejected(PaysetuError):
    """A lender, application, loan or repayment operation was refused; nothing was written."""
