"""Loans: disbursal, the schedule, interest accrual, and the loan as the API shows it.

Disbursal (by the lender or the platform) computes the schedule from the disbursal day and
posts one entry: the lender's funding becomes the loan receivable, and the merchant's available
balance receives the principal less the processing fee (the lender's fee income). A lender
whose funding account cannot cover it is declined (402 ``lender_funds_insufficient``).

Interest is booked by accrual (:func:`accrue_interest`): the receivable grows by the
schedule's interest earned to the day (:func:`~paysetu.lending.rules.allocation.
interest_accrued_total`), never by more than the schedule allows. Close of business calls it
every day; a repayment calls it first, so interest received is always interest accrued.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.events.usecases.events import emit
from paysetu.kernel.pagination import PageRequest
from paysetu.kernel.timestamps import timestamp
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected
from paysetu.lending.rules.allocation import (
    Installment,
    amount_due,
    interest_accrued_total,
    payoff,
)
from paysetu.lending.rules.classification import is_npa
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.rules.loans import (
    Loan,
    LoanBooks,
    LoanState,
    accrual_entry,
    accrual_increase,
    disbursal_entry,
    loan_metadata,
)
from paysetu.lending.rules.schedule import build_schedule
from paysetu.lending.usecases.lending import (
    close_day_accounts,
    lender_accounts,
    loan_scope,
    require_lender_side,
    visible_loan,
)
from paysetu.lending.usecases.objects import day, schedule_object
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork
from paysetu.payments.usecases.checks import check_cursors
from paysetu.payments.usecases.merchants import merchant_accounts


def today(ctx: LendingContext) -> date:
    """The business day: the UTC date of the clock."""
    return ctx.clock.now().date()


def loan_books(ctx: LendingContext, uow: LendingUnitOfWork, loan: Loan) -> LoanBooks:
    """Every account the loan's entries touch (the lender's are opened on first use)."""
    return LoanBooks(
        loan.principal_account_id, loan.interest_account_id,
        lender_accounts(ctx, uow, loan.lender_id, loan.currency),
        merchant_accounts(ctx, uow, loan.merchant_id, loan.currency).available,
    )


def accrue_interest(
    ctx: LendingContext, uow: LendingUnitOfWork, loan: Loan, installments: Sequence[Installment],
    through: date,
) -> Loan:
    """Book the interest earned up to the end of ``through`` and not yet booked; idempotent.

    To the lender's interest income, or for an NPA (no income recognised) to its interest
    suspense account. Returns the loan as saved.
    """
    increase = accrual_increase(loan.interest_accrued_minor, loan.interest_accrued_through,
                                interest_accrued_total(installments, through), through)
    if loan.status is not LoanState.ACTIVE or increase is None:
        return loan
    suspended = increase if is_npa(loan.asset_class) else 0
    if increase:
        income = (close_day_accounts(ctx, uow, loan.lender_id, loan.currency).interest_suspense
                  if suspended else
                  lender_accounts(ctx, uow, loan.lender_id, loan.currency).interest_income)
        meta = loan_metadata("loan_interest_accrual", loan, through=through.isoformat())
        uow.ledger.apply([accrual_entry(ctx.ids.new_id("je"), loan.interest_account_id, income,
                                        increase, loan.currency, meta)], ctx.clock.now())
    loan = replace(loan, interest_accrued_minor=loan.interest_accrued_minor + increase,
                   interest_accrued_through=through,
                   interest_suspense_minor=loan.interest_suspense_minor + suspended,
                   updated_at=ctx.clock.now())
    uow.loans.save(loan)
    return loan


def disburse_loan(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, loan_id: str
) -> dict[str, Any]:
    """Pay an approved loan into the merchant's available balance and fix its schedule."""
    require_lender_side(caller)
    loan = visible_loan(uow, caller, loan_id, for_update=True)
    if loan.status is not LoanState.APPROVED:
        raise LendingRejected(LendingStatus.LOAN_NOT_APPROVED, param="loan")
    start = today(ctx)
    schedule = [Installment.from_schedule(s) for s in build_schedule(loan.terms(), start)]
    entry_id = ctx.ids.new_id("je")
    entry = disbursal_entry(entry_id, loan_books(ctx, uow, loan), loan.principal_minor,
                            loan.processing_fee_minor, loan.currency,
                            loan_metadata("loan_disbursal", loan))
    try:
        uow.ledger.apply([entry], ctx.clock.now())
    except EntryRejected as rejection:
        if rejection.code is CreateEntryStatus.EXCEEDS_DEBITS:
            raise LendingRejected(LendingStatus.LENDER_FUNDS_INSUFFICIENT, param="loan") from None
        raise
    uow.loans.insert_installments(loan.id, schedule)
    loan = replace(loan, status=LoanState.ACTIVE, disbursal_entry_id=entry_id,
                   disbursed_on=start, interest_accrued_through=start,
                   updated_at=ctx.clock.now())
    uow.loans.save(loan)
    obj = loan_object(ctx, uow, loan)
    emit(ctx, uow, loan.merchant_id, "loan.disbursed", obj)
    return obj


def posted_balance(ctx: LendingContext, uow: LendingUnitOfWork, account_id: str) -> int:
    """A debit-normal account's posted balance."""
    balance = uow.ledger.get_account(account_id, ctx.clock.now()).balance
    return balance.debits_posted - balance.credits_posted


def loan_object(ctx: LendingContext, uow: LendingUnitOfWork, loan: Loan) -> dict[str, Any]:
    """The loan with its balances (from the ledger) and what is due and to close it today."""
    on = today(ctx)
    installments = uow.loans.installments(loan.id)
    active = loan.status is LoanState.ACTIVE
    accrued = max(loan.interest_accrued_minor, interest_accrued_total(installments, on))
    close = payoff(installments, on, loan.foreclosure_fee_bps, accrued) if active else None
    upcoming = [i.due_date for i in installments if not i.fully_paid]
    return {
        "id": loan.id, "object": "loan", "merchant": loan.merchant_id, "lender": loan.lender_id,
        "application": loan.application_id, "product": loan.product_id,
        "category": loan.category.value, "currency": loan.currency,
        "status": loan.status.value,
        "closed_reason": None if loan.closed_reason is None else loan.closed_reason.value,
        "principal_minor": loan.principal_minor, "rate_bps": loan.rate_bps,
        "tenure_periods": loan.tenure_periods, "frequency": loan.frequency.value,
        "schedule_type": loan.schedule_type.value, "interest_period": loan.interest_period.value,
        "day_count": loan.day_count.value,
        "installment_multiple_minor": loan.installment_multiple_minor,
        "processing_fee_minor": loan.processing_fee_minor,
        "prepayment_fee_bps": loan.prepayment_fee_bps,
        "foreclosure_fee_bps": loan.foreclosure_fee_bps, "sweep_bps": loan.sweep_bps,
        "allocation_order": loan.allocation_order,
        "overpayment_policy": loan.overpayment_policy.value,
        "outstanding_principal_minor": posted_balance(ctx, uow, loan.principal_account_id),
        "interest_receivable_minor": posted_balance(ctx, uow, loan.interest_account_id),
        "interest_accrued_minor": loan.interest_accrued_minor,
        "interest_accrued_through": day(loan.interest_accrued_through),
        "amount_due_minor": amount_due(installments, on).total_minor if active else 0,
        "next_due_date": day(min(upcoming)) if upcoming and active else None,
        "payoff_amount_minor": None if close is None else close.total_minor,
        "disbursed_on": day(loan.disbursed_on), "closed_on": day(loan.closed_on),
        "classification": {
            "as_of": day(loan.classified_on), "asset_class": loan.asset_class.value,
            "days_past_due": loan.days_past_due, "npa_since": day(loan.npa_since),
            "provision_minor": loan.provision_minor,
            "interest_suspense_minor": loan.interest_suspense_minor,
        },
        "write_off_reason": loan.write_off_reason,
        "ledger_accounts": {"principal": loan.principal_account_id,
                            "interest": loan.interest_account_id,
                            "lender_funding": loan.funding_account_id},
        "disbursal_entry": loan.disbursal_entry_id,
        "created": timestamp(loan.created_at),
    }


def get_loan(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, loan_id: str
) -> dict[str, Any]:
    return loan_object(ctx, uow, visible_loan(uow, caller, loan_id))


def list_loans(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, status: str | None,
    page: PageRequest,
) -> tuple[list[dict[str, Any]], bool]:
    check_cursors(page)
    if status is not None and status not in {s.value for s in LoanState}:
        raise RequestRejected(
            RequestStatus.PARAMETER_INVALID,
            "status is one of " + ", ".join(s.value for s in LoanState) + ".", "status")
    loans, has_more = uow.loans.list_page(replace(loan_scope(caller), status=status), page)
    return [loan_object(ctx, uow, loan) for loan in loans], has_more


def get_schedule(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, loan_id: str
) -> dict[str, Any]:
    """The stored schedule; before disbursal, the schedule as if disbursed today."""
    loan = visible_loan(uow, caller, loan_id)
    on = today(ctx)
    if loan.status is LoanState.APPROVED:
        projected = [Installment.from_schedule(s) for s in build_schedule(loan.terms(), on)]
        return schedule_object(loan.id, loan.currency, projected, on, projected=True)
    return schedule_object(loan.id, loan.currency, uow.loans.installments(loan.id), on,
                           projected=False)
