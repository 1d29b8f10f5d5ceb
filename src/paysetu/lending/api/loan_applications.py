"""``/v1/loan_applications``: apply (merchant), approve or reject (lender).

A merchant key applies for itself and sees its own applications; a lender key sees the
applications addressed to it and decides them; the platform does both. Anything else: 404.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query

from paysetu.kernel.pagination import PageRequest
from paysetu.lending.api.deps import Context, Write
from paysetu.lending.api.models import LoanApplication
from paysetu.lending.api.schemas import (
    LoanApplicationApprove,
    LoanApplicationCreate,
    LoanApplicationReject,
)
from paysetu.lending.usecases import loan_applications
from paysetu.shell.http.context import Caller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter

router = APIRouter(tags=["lending"])


@router.post("/loan_applications", response_model=LoanApplication)
def apply_for_loan(body: LoanApplicationCreate, write: Write) -> Any:
    """Apply; the answer carries the underwriting policy's advice, reasons and features.

    Refused with nothing written: ``amount_outside_band``, ``tenure_out_of_range``,
    ``tarun_plus_requires_repaid_tarun``, ``apex_lender_cannot_lend``, and 404
    ``merchant_not_found`` for another merchant.
    """
    command = loan_applications.ApplyForLoan(
        body.lender, body.product, body.amount_minor, body.tenure_periods, body.purpose,
        body.merchant, body.metadata)
    return write.run(200, lambda uow: loan_applications.apply_for_loan(
        write.context, uow, write.caller, command))


@router.get("/loan_applications/{application_id}", response_model=LoanApplication)
def get_application(application_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return loan_applications.get_application(uow, caller, application_id)


@router.get("/loan_applications", response_model=ListOf[LoanApplication])
def list_applications(
    context: Context,
    caller: Caller,
    page: Annotated[PageRequest, Depends(page_request)],
    status: Annotated[str | None, Query(description="submitted, approved or rejected.")] = None,
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = loan_applications.list_applications(uow, caller, status, page)
    return list_object("/v1/loan_applications", data, has_more)


@router.post(
    "/loan_applications/{application_id}/approve", response_model=LoanApplication
)
def approve_application(
    application_id: str, body: LoanApplicationApprove, write: Write
) -> Any:
    """Approve at a rate within the product's range; creates the loan (``approved``)."""
    terms = loan_applications.ApproveApplication(
        body.rate_bps, body.amount_minor, body.tenure_periods, body.reason)
    return write.run(200, lambda uow: loan_applications.approve_application(
        write.context, uow, write.caller, application_id, terms))


@router.post(
    "/loan_applications/{application_id}/reject", response_model=LoanApplication
)
def reject_application(
    application_id: str, body: LoanApplicationReject, write: Write
) -> Any:
    return write.run(200, lambda uow: loan_applications.reject_application(
        write.context, uow, write.caller, application_id, body.reason))
