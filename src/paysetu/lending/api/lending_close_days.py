"""``/v1/lending/...``: close of business (the platform's), the portfolio report and history.

Closing a day is the same run as ``paysetu lending close-day --date D``, platform keys only
(404 otherwise). The portfolio report is the platform's (every lender) or a lender's (its own
rows); so is the history of the portfolio at each close of business; merchants get 404.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from paysetu.lending.api.deps import Context, Write
from paysetu.lending.api.models import (
    LendingCloseDaySummary,
    LendingPortfolio,
    LendingPortfolioHistory,
)
from paysetu.lending.api.schemas import LendingCloseDay
from paysetu.lending.usecases import loan_close_day, loan_portfolio, loan_portfolio_history
from paysetu.shell.http.context import Caller, PlatformCaller
from paysetu.shell.http.routing import APIRouter

router = APIRouter(tags=["lending"])


@router.post("/lending/close_days", response_model=LendingCloseDaySummary)
def close_day(body: LendingCloseDay, write: Write, _: PlatformCaller) -> Any:
    """Accrue interest, charge penal interest, classify every active loan and post the day's
    provision and suspense changes. Closing the last day again replays its summary; a day out
    of order answers 409 ``close_day_skips_date`` or ``close_day_before_last``."""
    on = loan_close_day.parse_business_date(body.date)
    return write.run(200, lambda uow: loan_close_day.close_day(write.context, uow, on))


@router.get("/lending/portfolio", response_model=LendingPortfolio)
def portfolio(
    context: Context, caller: Caller,
    month: Annotated[str | None, Query(description="YYYY-MM; default: this month.")] = None,
) -> dict[str, Any]:
    """Per lender, category and currency: loans, outstanding principal, PAR 30/60/90, NPA
    ratio and provisions as of the last close of business; disbursed and repaid in the
    month."""
    with context.uow_factory() as uow:
        return loan_portfolio.portfolio_report(context, uow, caller, month)


@router.get("/lending/portfolio_history", response_model=LendingPortfolioHistory)
def portfolio_history(
    context: Context, caller: Caller,
    start: Annotated[str | None, Query(alias="from", description=(
        "First business day, YYYY-MM-DD; default: 365 days before `to`."))] = None,
    end: Annotated[str | None, Query(alias="to", description=(
        "Last business day, YYYY-MM-DD; default: the last day closed."))] = None,
) -> dict[str, Any]:
    """Per business day, lender, category and currency, as each close of business found the
    book: loans, outstanding principal, PAR 30/60/90, NPA and provisions (at most 366
    days; 400 ``date_range_invalid`` otherwise)."""
    with context.uow_factory() as uow:
        return loan_portfolio_history.portfolio_history(uow, caller, start, end)
