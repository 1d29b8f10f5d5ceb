"""Write-off: a lender recognises an NPA loan as lost and takes it off its books.

Only a non-performing loan (sub-standard or doubtful, as the last close of business classified
it) can be written off (``loan_not_npa`` otherwise): a performing loan is collected, not
written off. Interest is first accrued to the day (to suspense, as for any NPA); then one
entry (:func:`~paysetu.lending.rules.provisions.write_off_entry`) takes the principal and
interest receivables off the books against the loan's provision (the shortfall is provision
expense) and its interest suspense. The loan becomes ``written_off`` with class ``loss``; it
takes no more repayments (``loan_closed``) and close of business leaves it alone. The
``loan.closed`` event carries it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.events.usecases.events import emit
from paysetu.lending.rules.classification import AssetClass, is_npa
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.rules.loans import LoanState, loan_metadata
from paysetu.lending.rules.provisions import WriteOff, write_off_entry
from paysetu.lending.usecases.lending import (
    check_text,
    close_day_accounts,
    lender_accounts,
    require_lender_side,
    visible_loan,
)
from paysetu.lending.usecases.loans import accrue_interest, loan_object, posted_balance, today
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork


def write_off_loan(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, loan_id: str, reason: str
) -> dict[str, Any]:
    """Write an NPA loan off (module docstring); the loan object."""
    require_lender_side(caller)
    check_text(reason, LendingStatus.REASON_INVALID, "reason")
    loan = visible_loan(uow, caller, loan_id, for_update=True)
    if loan.status is LoanState.APPROVED:
        raise LendingRejected(LendingStatus.LOAN_NOT_ACTIVE, param="loan")
    if loan.status is not LoanState.ACTIVE:
        raise LendingRejected(LendingStatus.LOAN_CLOSED, param="loan")
    if not is_npa(loan.asset_class):
        raise LendingRejected(
            LendingStatus.LOAN_NOT_NPA,
            f"The loan is {loan.asset_class.value} as of the last close of business.", "loan")
    on = today(ctx)
    loan = accrue_interest(ctx, uow, loan, uow.loans.installments(loan.id), on)
    amounts = WriteOff(posted_balance(ctx, uow, loan.principal_account_id),
                       posted_balance(ctx, uow, loan.interest_account_id),
                       loan.interest_suspense_minor, loan.provision_minor)
    income = lender_accounts(ctx, uow, loan.lender_id, loan.currency).interest_income
    books = close_day_accounts(ctx, uow, loan.lender_id, loan.currency)
    meta = loan_metadata("loan_write_off", loan, reason=reason)
    uow.ledger.apply([write_off_entry(ctx.ids.new_id("je"), loan.principal_account_id,
                                      loan.interest_account_id, income, books, amounts,
                                      loan.currency, meta)], ctx.clock.now())
    loan = replace(loan, status=LoanState.WRITTEN_OFF, closed_on=on,
                   asset_class=AssetClass.LOSS, provision_minor=0, interest_suspense_minor=0,
                   write_off_reason=reason, updated_at=ctx.clock.now())
    uow.loans.save(loan)
    obj = loan_object(ctx, uow, loan)
    emit(ctx, uow, loan.merchant_id, "loan.closed", obj)
    return obj
