"""``/v1/credit_lines``: sanction and renewal (lender), draws and repayments (merchant).

A merchant key sees, draws on and repays its own lines; a lender key sanctions, renews, writes
off (an NPA) and sees its own; either side may close a line with nothing owed; the platform
does everything. Anything else answers 404 ``credit_line_not_found``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Depends

from paysetu.kernel.pagination import PageRequest
from paysetu.lending.api.credit_line_models import CreditLine, CreditLineMovement
from paysetu.lending.api.deps import Context, Write
from paysetu.lending.api.schemas import (
    CreditLineCreate,
    CreditLineDraw,
    CreditLineRenewal,
    CreditLineRepayment,
    LoanWriteOff,
)
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.usecases import credit_line_write_off, credit_lines
from paysetu.shell.http.context import Caller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import EmptyBody

router = APIRouter(tags=["lending"])


def review_date(text: str) -> date:
    """``YYYY-MM-DD``, or ``review_date_invalid``."""
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise LendingRejected(LendingStatus.REVIEW_DATE_INVALID, param="review_due")


@router.post("/credit_lines", response_model=CreditLine)
def sanction_line(body: CreditLineCreate, write: Write) -> Any:
    """Sanction a line: a limit in the category's band, a rate in its range, an annual review
    date; the drawing power is set at once from the merchant's settled sales."""
    return write.run(200, lambda uow: credit_lines.sanction_line(
        write.context, uow, write.caller, body.merchant, body.lender or "", body.category,
        body.currency, body.limit_minor, body.rate_bps, review_date(body.review_due),
        body.metadata))


@router.get("/credit_lines/{line_id}", response_model=CreditLine)
def get_line(line_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return credit_lines.get_line(context, uow, caller, line_id)


@router.get("/credit_lines", response_model=ListOf[CreditLine])
def list_lines(context: Context, caller: Caller,
               page: Annotated[PageRequest, Depends(page_request)]) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = credit_lines.list_lines(context, uow, caller, page)
    return list_object("/v1/credit_lines", data, has_more)


@router.post("/credit_lines/{line_id}/draws", response_model=CreditLineMovement)
def draw(line_id: str, body: CreditLineDraw, write: Write) -> Any:
    """Draw into the merchant's balance or a supplier's: 402 ``draw_exceeds_drawing_power``
    above the available drawing power, 409 ``credit_line_suspended`` on an NPA or an expired
    review."""
    return write.run(200, lambda uow: credit_lines.draw(
        write.context, uow, write.caller, line_id, body.amount_minor, body.payee))


@router.post("/credit_lines/{line_id}/repayments", response_model=CreditLineMovement)
def repay(line_id: str, body: CreditLineRepayment, write: Write) -> Any:
    """Repay any time: penal charges, then the drawn balance, then accrued interest; more than
    that is 400 ``repayment_exceeds_outstanding``."""
    return write.run(200, lambda uow: credit_lines.repay(
        write.context, uow, write.caller, line_id, body.amount_minor))


@router.post("/credit_lines/{line_id}/renew", response_model=CreditLine)
def renew(line_id: str, body: CreditLineRenewal, write: Write) -> Any:
    """The annual review: a new review date, optionally a new limit and rate."""
    return write.run(200, lambda uow: credit_lines.renew(
        write.context, uow, write.caller, line_id, review_date(body.review_due),
        body.limit_minor, body.rate_bps))


@router.post("/credit_lines/{line_id}/close", response_model=CreditLine)
def close(line_id: str, write: Write, _body: EmptyBody | None = None) -> Any:
    """Close a line with nothing owed (409 ``credit_line_not_repaid`` otherwise)."""
    return write.run(200, lambda uow: credit_lines.close_line(
        write.context, uow, write.caller, line_id))


@router.post("/credit_lines/{line_id}/write_off", response_model=CreditLine)
def write_off(line_id: str, body: LoanWriteOff, write: Write) -> Any:
    """Write off a non-performing line (409 ``credit_line_not_npa`` otherwise): its drawn
    balance and accrued interest leave the books against its provision and suspense."""
    return write.run(200, lambda uow: credit_line_write_off.write_off_line(
        write.context, uow, write.caller, line_id, body.reason))


@router.get("/credit_lines/{line_id}/statement", response_model=ListOf[CreditLineMovement])
def statement(line_id: str, context: Context, caller: Caller,
              page: Annotated[PageRequest, Depends(page_request)]) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = credit_lines.statement(uow, caller, line_id, page)
    return list_object(f"/v1/credit_lines/{line_id}/statement", data, has_more)
