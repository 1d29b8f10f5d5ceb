"""``/v1/credit_line_applications``: apply (merchant), sanction or decline (lender).

A merchant key applies for itself and sees its own applications; a lender key sees those
addressed to it and decides them; the platform does both. Anything else: 404.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query

from paysetu.kernel.pagination import PageRequest
from paysetu.lending.api.credit_line_models import CreditLineApplication
from paysetu.lending.api.credit_lines import review_date
from paysetu.lending.api.deps import Context, Write
from paysetu.lending.api.schemas import (
    CreditLineApplicationApprove,
    CreditLineApplicationCreate,
    LoanApplicationReject,
)
from paysetu.lending.usecases import credit_line_applications
from paysetu.shell.http.context import Caller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter

router = APIRouter(tags=["lending"])


@router.post("/credit_line_applications", response_model=CreditLineApplication)
def apply_for_credit_line(body: CreditLineApplicationCreate, write: Write) -> Any:
    """Apply for a line; the answer carries the advice (underwriting and drawing power).

    Refused with nothing written: ``amount_outside_band``, ``credit_line_exists``,
    ``tarun_plus_requires_repaid_tarun``, ``apex_lender_cannot_lend``.
    """
    command = credit_line_applications.ApplyForLine(
        body.lender, body.category, body.currency, body.limit_minor, body.purpose,
        body.merchant)
    return write.run(200, lambda uow: credit_line_applications.apply_for_line(
        write.context, uow, write.caller, command))


@router.get("/credit_line_applications/{application_id}", response_model=CreditLineApplication)
def get_credit_line_application(application_id: str, context: Context,
                                 caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return credit_line_applications.get_application(uow, caller, application_id)


@router.get("/credit_line_applications", response_model=ListOf[CreditLineApplication])
def list_credit_line_applications(
    context: Context,
    caller: Caller,
    page: Annotated[PageRequest, Depends(page_request)],
    status: Annotated[str | None, Query(description="submitted, approved or rejected.")] = None,
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = credit_line_applications.list_applications(uow, caller, status, page)
    return list_object("/v1/credit_line_applications", data, has_more)


@router.post("/credit_line_applications/{application_id}/approve",
             response_model=CreditLineApplication)
def approve_credit_line_application(application_id: str, body: CreditLineApplicationApprove,
                                     write: Write) -> Any:
    """Sanction the line (``approved``, with ``credit_line``); a changed limit or an advice to
    decline needs a ``reason`` (400 ``reason_invalid``)."""
    terms = credit_line_applications.SanctionTerms(
        body.rate_bps, review_date(body.review_due), body.limit_minor, body.reason)
    return write.run(200, lambda uow: credit_line_applications.approve(
        write.context, uow, write.caller, application_id, terms))


@router.post("/credit_line_applications/{application_id}/reject",
             response_model=CreditLineApplication)
def reject_credit_line_application(application_id: str, body: LoanApplicationReject,
                                    write: Write) -> Any:
    return write.run(200, lambda uow: credit_line_applications.reject(
        write.context, uow, write.caller, application_id, body.reason))
