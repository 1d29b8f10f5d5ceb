"""``/v1/loans``: disbursal and write-off (lender), schedule, repayments (merchant).

A merchant key sees and repays its own loans; a lender key sees and disburses its own; the
platform does everything. Anything else answers 404 ``loan_not_found``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query

from paysetu.kernel.pagination import PageRequest
from paysetu.lending.api.deps import Context, Write
from paysetu.lending.api.models import Loan, LoanRepayment, LoanSchedule
from paysetu.lending.api.schemas import LoanRepaymentCreate, LoanWriteOff
from paysetu.lending.usecases import loan_repayments, loan_write_off, loans
from paysetu.shell.http.context import Caller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import EmptyBody

router = APIRouter(tags=["lending"])


@router.get("/loans/{loan_id}", response_model=Loan)
def get_loan(loan_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    """The loan, its balances (from the ledger), what is due today and the payoff amount."""
    with context.uow_factory() as uow:
        return loans.get_loan(context, uow, caller, loan_id)


@router.get("/loans", response_model=ListOf[Loan])
def list_loans(
    context: Context,
    caller: Caller,
    page: Annotated[PageRequest, Depends(page_request)],
    status: Annotated[str | None, Query(description="approved, active, closed...")] = None,
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = loans.list_loans(context, uow, caller, status, page)
    return list_object("/v1/loans", data, has_more)


@router.post("/loans/{loan_id}/disburse", response_model=Loan)
def disburse_loan(loan_id: str, write: Write, _body: EmptyBody | None = None) -> Any:
    """Pay the principal less the processing fee into the merchant's available balance.

    A lender whose funding does not cover it answers 402 ``lender_funds_insufficient``.
    """
    return write.run(200, lambda uow: loans.disburse_loan(
        write.context, uow, write.caller, loan_id))


@router.get("/loans/{loan_id}/schedule", response_model=LoanSchedule)
def get_loan_schedule(loan_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return loans.get_schedule(context, uow, caller, loan_id)


@router.post("/loans/{loan_id}/repayments", response_model=LoanRepayment)
def repay_loan(loan_id: str, body: LoanRepaymentCreate, write: Write) -> Any:
    """Repay from the merchant's available balance: ``manual``, ``prepayment`` or
    ``foreclosure``. A balance that cannot cover it answers 402 ``exceeds_available_balance``;
    a closed loan 409 ``loan_closed``."""
    return write.run(200, lambda uow: loan_repayments.repay_loan(
        write.context, uow, write.caller, loan_id, body.type, body.amount_minor))


@router.get("/loans/{loan_id}/repayments", response_model=ListOf[LoanRepayment])
def list_repayments(
    loan_id: str, context: Context, caller: Caller,
    page: Annotated[PageRequest, Depends(page_request)],
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = loan_repayments.list_repayments(uow, caller, loan_id, page)
    return list_object(f"/v1/loans/{loan_id}/repayments", data, has_more)


@router.post("/loans/{loan_id}/write_off", response_model=Loan)
def write_off_loan(loan_id: str, body: LoanWriteOff, write: Write) -> Any:
    """Write off a non-performing loan (409 ``loan_not_npa`` otherwise): its receivables leave
    the lender's books against its provision and interest suspense; status ``written_off``."""
    return write.run(200, lambda uow: loan_write_off.write_off_loan(
        write.context, uow, write.caller, loan_id, body.reason))
