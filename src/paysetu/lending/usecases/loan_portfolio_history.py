"""The portfolio history (API, CSV and the lender console's charts).

Rows are what each close of business stored (:mod:`paysetu.lending.rules.portfolio_history`),
with the ratios of the portfolio report
(:func:`~paysetu.lending.usecases.loan_portfolio.row_object`'s
basis points, half-up). A lender key sees its own rows only; the platform every lender's;
merchants get 404. The range defaults to the year ending at the last business day closed.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.rules.portfolio import ratio_bps
from paysetu.lending.rules.portfolio_history import PortfolioDay, history_range
from paysetu.lending.usecases.lending import require_lender_side
from paysetu.lending.usecases.loan_close_day import parse_business_date
from paysetu.lending.usecases.ports import LendingUnitOfWork

ROW_FIELDS = (
    "date", "lender", "category", "currency", "loans", "outstanding_minor", "par_30_minor",
    "par_30_bps", "par_60_minor", "par_60_bps", "par_90_minor", "par_90_bps", "npa_minor",
    "npa_ratio_bps", "provisions_minor", "credit_lines",
)
"""The columns of a row, in order (the CSV header)."""


def row_object(row: PortfolioDay) -> dict[str, Any]:
    values = asdict(row)
    values["date"] = values.pop("business_date").isoformat()
    values["lender"] = values.pop("lender_id")
    for days in (30, 60, 90):
        values[f"par_{days}_bps"] = ratio_bps(values[f"par_{days}_minor"],
                                              row.outstanding_minor)
    values["npa_ratio_bps"] = ratio_bps(row.npa_minor, row.outstanding_minor)
    return {name: values[name] for name in ROW_FIELDS}


def _date(text: str | None, param: str) -> date | None:
    if text is None:
        return None
    try:
        return parse_business_date(text)
    except LendingRejected:
        raise LendingRejected(LendingStatus.BUSINESS_DATE_INVALID, param=param) from None


def _scope(caller: Principal) -> str | None:
    require_lender_side(caller)
    return None if caller.role is Role.PLATFORM else (caller.owner_id or "-")


def history_rows(
    uow: LendingUnitOfWork, caller: Principal, start: str | None, end: str | None
) -> tuple[tuple[date, date] | None, list[PortfolioDay]]:
    """The range read (None: no day closed yet) and its rows, scoped to the caller."""
    lender = _scope(caller)
    first, last = _date(start, "from"), _date(end, "to")
    bounds = history_range(first, last, uow.loans.last_close_day())
    if bounds is None:
        return None, []
    return bounds, uow.loans.portfolio_history(lender, *bounds)


def recent_rows(uow: LendingUnitOfWork, caller: Principal, days: int) -> list[PortfolioDay]:
    """The rows of the last ``days`` business days up to the last one closed."""
    lender = _scope(caller)
    last = uow.loans.last_close_day()
    if last is None:
        return []
    return uow.loans.portfolio_history(lender, last - timedelta(days=days - 1), last)


def portfolio_history(
    uow: LendingUnitOfWork, caller: Principal, start: str | None, end: str | None
) -> dict[str, Any]:
    """Rows by business day, lender, category and currency from ``start`` to ``end``
    (``YYYY-MM-DD``, both included; module docstring for the defaults)."""
    bounds, rows = history_rows(uow, caller, start, end)
    return {"object": "lending_portfolio_history",
            "from": bounds[0].isoformat() if bounds else None,
            "to": bounds[1].isoformat() if bounds else None,
            "data": [row_object(r) for r in rows]}
