"""Loan applications: apply (with underwriting), approve (with or without changes), reject.

A merchant applies for itself (the platform may apply for any merchant) to one member lender,
for one product. The application is checked against the product (amount band, tenure range,
Tarun Plus eligibility), then underwritten from the merchant's own history on paysetu
(:mod:`paysetu.lending.rules.underwriting`); the policy's advice, reasons, features and inputs are
stored with it. The lender decides: approve at a rate within the product's range (changing the
amount or tenure needs a reason), or reject with a reason. Approval creates the loan, not yet
disbursed, with its two ledger accounts (principal and interest receivable).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.events.usecases.events import emit
from paysetu.kernel.money import currency_exponent
from paysetu.kernel.money_display import shown
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.entries import AccountKind, NewAccount
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.rules.loans import (
    ApplicationState,
    Lender,
    Loan,
    LoanApplication,
    LoanProduct,
    LoanState,
    OverpaymentPolicy,
    fee_for,
)
from paysetu.lending.rules.schedule import PERIODS_PER_YEAR, add_months
from paysetu.lending.rules.underwriting import LoanRequest, MerchantHistory, Outcome, decide
from paysetu.lending.usecases.lending import (
    check_amount,
    check_metadata,
    check_text,
    lender_accounts,
    loan_scope,
    require_borrower_side,
    require_lender_side,
    visible_application,
)
from paysetu.lending.usecases.objects import application_object
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork
from paysetu.payments.rules.payments import Merchant
from paysetu.payments.usecases.checks import check_cursors, storable
from paysetu.payments.usecases.merchants import get_merchant

HISTORY_MONTHS = 12


@dataclass(frozen=True, slots=True)
class ApplyForLoan:
    """A merchant's application. ``merchant``: required with the platform key only."""

    lender: str
    product: str
    amount_minor: int
    tenure_periods: int
    purpose: str
    merchant: str | None = None
    metadata: Mapping[str, str] | None = None


@dataclass(frozen=True, slots=True)
class ApproveApplication:
    """The lender's terms: a rate, and optionally a changed amount or tenure (with a reason)."""

    rate_bps: int
    amount_minor: int | None = None
    tenure_periods: int | None = None
    reason: str | None = None


def _check_tenure(tenure_periods: int) -> None:
    if tenure_periods <= 0:
        raise LendingRejected(LendingStatus.TENURE_INVALID, param="tenure_periods")


def check_product_terms(product: LoanProduct, amount_minor: int, tenure_periods: int) -> None:
    """The product's band and tenure range."""
    if not product.amount_min_minor <= amount_minor <= product.amount_max_minor:
        raise LendingRejected(
            LendingStatus.AMOUNT_OUTSIDE_BAND,
            f"{product.name} lends {shown(product.amount_min_minor, product.currency)} to"
            f" {shown(product.amount_max_minor, product.currency)};"
            f" {shown(amount_minor, product.currency)} is outside.", "amount_minor")
    if not product.tenure_min_periods <= tenure_periods <= product.tenure_max_periods:
        raise LendingRejected(
            LendingStatus.TENURE_OUT_OF_RANGE,
            f"{product.name} runs {product.tenure_min_periods}-{product.tenure_max_periods}"
            f" {product.frequency.value} periods.", "tenure_periods")


def _product(uow: LendingUnitOfWork, product_id: str) -> LoanProduct:
    product = uow.lending.get_product(product_id) if storable(product_id) else None
    if product is None:
        raise LendingRejected(LendingStatus.PRODUCT_NOT_FOUND, param="product")
    return product


def merchant_history(
    uow: LendingUnitOfWork, merchant_id: str, currency: str, today: date
) -> MerchantHistory:
    """The merchant's last 12 complete calendar months, and its running loans' installments."""
    this_month = today.replace(day=1)
    months = [add_months(this_month, k) for k in range(-HISTORY_MONTHS, 0)]
    since = datetime.combine(months[0], datetime.min.time(), UTC)
    until = datetime.combine(this_month, datetime.min.time(), UTC)
    activity = {a.month: a for a in uow.lending.monthly_activity(merchant_id, currency, since,
                                                                   until)}
    debt_service = 0
    for loan in uow.loans.active_for_merchant(merchant_id, currency):
        upcoming = [i for i in uow.loans.installments(loan.id) if not i.fully_paid]
        if upcoming:
            per_year = PERIODS_PER_YEAR[loan.frequency]
            debt_service += upcoming[0].total_minor * per_year // 12
    return MerchantHistory(
        currency,
        tuple(activity[m].volume_minor if m in activity else 0 for m in months),
        tuple(activity[m].refunds_minor if m in activity else 0 for m in months),
        debt_service,
    )


def _validated(command: ApplyForLoan) -> None:
    check_amount(command.amount_minor)
    _check_tenure(command.tenure_periods)
    check_text(command.purpose, LendingStatus.PURPOSE_INVALID, "purpose")
    check_metadata(command.metadata or {})


def applicant_and_lender(
    uow: LendingUnitOfWork, caller: Principal, merchant_id: str | None, lender_id: str
) -> tuple[Merchant, Lender]:
    """Who applies (the merchant key's own merchant, or the one a platform key names) and to
    which lender (never the apex refinancer): the same for a loan and a credit line."""
    if merchant_id is None and caller.role is Role.PLATFORM:
        raise RequestRejected(RequestStatus.PARAMETER_MISSING,
                              "merchant is required with a platform key.", "merchant")
    applicant = merchant_id or caller.owner_id or ""
    merchant = get_merchant(uow, caller, applicant if storable(applicant) else "")
    lender = uow.lending.get_lender(lender_id) if storable(lender_id) else None
    if lender is None:
        raise LendingRejected(LendingStatus.LENDER_NOT_FOUND, param="lender")
    if lender.apex:
        raise LendingRejected(LendingStatus.APEX_LENDER_CANNOT_LEND, param="lender")
    return merchant, lender


def apply_for_loan(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, command: ApplyForLoan
) -> dict[str, Any]:
    """Submit an application; the underwriting policy's advice is computed and stored."""
    require_borrower_side(caller)
    _validated(command)
    merchant, lender = applicant_and_lender(uow, caller, command.merchant, command.lender)
    product = _product(uow, command.product)
    if not product.active:
        raise LendingRejected(LendingStatus.PRODUCT_INACTIVE, param="product")
    check_product_terms(product, command.amount_minor, command.tenure_periods)
    required = product.requires_repaid_category
    if required is not None and not uow.loans.has_repaid(merchant.id, required):
        raise LendingRejected(LendingStatus.TARUN_PLUS_REQUIRES_REPAID_TARUN, param="product")
    now = ctx.clock.now()
    history = merchant_history(uow, merchant.id, product.currency, now.date())
    decision = decide(history, LoanRequest(command.amount_minor, command.tenure_periods,
                                           product.frequency, product.rate_max_bps,
                                           product.amount_max_minor),
                      currency_exponent(product.currency))
    application = LoanApplication(
        id=ctx.ids.new_id("lap"), merchant_id=merchant.id, lender_id=lender.id,
        product_id=product.id, currency=product.currency, amount_minor=command.amount_minor,
        tenure_periods=command.tenure_periods, purpose=command.purpose,
        status=ApplicationState.SUBMITTED, underwriting=decision.document(),
        decision_reason=None, decided_at=None, loan_id=None,
        metadata=dict(command.metadata or {}), created_at=now, updated_at=now,
    )
    uow.lending.insert_application(application)
    obj = application_object(application)
    emit(ctx, uow, merchant.id, "loan_application.submitted", obj)
    return obj


def _open_loan(
    ctx: LendingContext, uow: LendingUnitOfWork, application: LoanApplication, product: LoanProduct,
    terms: ApproveApplication,
) -> Loan:
    now = ctx.clock.now()
    loan_id = ctx.ids.new_id("loan")
    amount = terms.amount_minor or application.amount_minor
    principal_account, interest_account = f"acct_{loan_id}_principal", f"acct_{loan_id}_interest"
    meta = {"loan": loan_id, "merchant": application.merchant_id}
    uow.ledger.create_accounts(
        [NewAccount(account_id, product.currency, AccountKind.ASSET,
                    credits_must_not_exceed_debits=True, owner_type="lender",
                    owner_id=application.lender_id, metadata=meta)
         for account_id in (principal_account, interest_account)],
        now,
    )
    loan = Loan(
        id=loan_id, application_id=application.id, merchant_id=application.merchant_id,
        lender_id=application.lender_id, product_id=product.id, category=product.category,
        currency=product.currency, principal_minor=amount, rate_bps=terms.rate_bps,
        tenure_periods=terms.tenure_periods or application.tenure_periods,
        frequency=product.frequency, schedule_type=product.schedule_type,
        interest_period=product.interest_period, day_count=product.day_count,
        installment_multiple_minor=product.installment_multiple_minor,
        processing_fee_minor=fee_for(amount, product.processing_fee_bps),
        prepayment_fee_bps=product.prepayment_fee_bps,
        foreclosure_fee_bps=product.foreclosure_fee_bps,
        penalty_rate_bps=product.penalty_rate_bps, sweep_bps=product.sweep_bps,
        allocation_order=product.allocation_order,
        overpayment_policy=OverpaymentPolicy(product.overpayment_policy),
        status=LoanState.APPROVED, closed_reason=None, principal_account_id=principal_account,
        interest_account_id=interest_account,
        funding_account_id=lender_accounts(ctx, uow, application.lender_id,
                                           product.currency).funding,
        disbursal_entry_id=None, disbursed_on=None,
        closed_on=None, interest_accrued_minor=0, interest_accrued_through=None,
        auto_debit_attempted_on=None, created_at=now, updated_at=now,
    )
    uow.loans.insert(loan)
    return loan


def _validated_terms(terms: ApproveApplication) -> None:
    if terms.rate_bps < 0:
        raise LendingRejected(LendingStatus.RATE_INVALID, param="rate_bps")
    if terms.amount_minor is not None:
        check_amount(terms.amount_minor)
    if terms.tenure_periods is not None:
        _check_tenure(terms.tenure_periods)
    if terms.reason is not None:
        check_text(terms.reason, LendingStatus.REASON_INVALID, "reason")


def approve_application(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, application_id: str,
    terms: ApproveApplication,
) -> dict[str, Any]:
    """Approve at ``terms.rate_bps``; the loan is created, to be disbursed next."""
    require_lender_side(caller)
    _validated_terms(terms)
    application = visible_application(uow, caller, application_id, for_update=True)
    if application.status is not ApplicationState.SUBMITTED:
        raise LendingRejected(LendingStatus.APPLICATION_ALREADY_DECIDED, param="application")
    product = _product(uow, application.product_id)
    amount = terms.amount_minor or application.amount_minor
    tenure = terms.tenure_periods or application.tenure_periods
    changed = (amount, tenure) != (application.amount_minor, application.tenure_periods)
    if changed and terms.reason is None:
        raise LendingRejected(LendingStatus.REASON_INVALID,
                              "Changing the amount or tenure needs a reason.", "reason")
    check_product_terms(product, amount, tenure)
    if not product.rate_min_bps <= terms.rate_bps <= product.rate_max_bps:
        raise LendingRejected(
            LendingStatus.RATE_OUT_OF_RANGE,
            f"{product.name} rates are {product.rate_min_bps}-{product.rate_max_bps} bps.",
            "rate_bps")
    if application.underwriting.get("decision") == Outcome.DECLINE and terms.reason is None:
        raise LendingRejected(LendingStatus.REASON_INVALID,
                              "Approving against the policy's advice to decline needs a reason.",
                              "reason")
    loan = _open_loan(ctx, uow, application, product, terms)
    now = ctx.clock.now()
    application = replace(application, status=ApplicationState.APPROVED, loan_id=loan.id,
                          decision_reason=terms.reason, decided_at=now, updated_at=now)
    uow.lending.save_application(application)
    obj = application_object(application)
    emit(ctx, uow, application.merchant_id, "loan_application.approved", obj)
    return obj


def reject_application(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, application_id: str, reason: str
) -> dict[str, Any]:
    require_lender_side(caller)
    check_text(reason, LendingStatus.REASON_INVALID, "reason")
    application = visible_application(uow, caller, application_id, for_update=True)
    if application.status is not ApplicationState.SUBMITTED:
        raise LendingRejected(LendingStatus.APPLICATION_ALREADY_DECIDED, param="application")
    now = ctx.clock.now()
    application = replace(application, status=ApplicationState.REJECTED, decision_reason=reason,
                          decided_at=now, updated_at=now)
    uow.lending.save_application(application)
    obj = application_object(application)
    emit(ctx, uow, application.merchant_id, "loan_application.rejected", obj)
    return obj


def get_application(
    uow: LendingUnitOfWork, caller: Principal, application_id: str
) -> dict[str, Any]:
    return application_object(visible_application(uow, caller, application_id))


def list_applications(
    uow: LendingUnitOfWork, caller: Principal, status: str | None, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    check_cursors(page)
    if status is not None and status not in {s.value for s in ApplicationState}:
        raise RequestRejected(
            RequestStatus.PARAMETER_INVALID,
            "status is one of " + ", ".join(s.value for s in ApplicationState) + ".",
            "status",
        )
    scope = replace(loan_scope(caller), status=status)
    items, has_more = uow.lending.list_applications(scope, page)
    return [application_object(a) for a in items], has_more
