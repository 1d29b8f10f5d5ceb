"""The lending portfolio report (API and CSV): see :mod:`paysetu.lending.rules.portfolio`.

A lender key sees its own rows only; the platform sees every lender's; merchants get 404.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.rules.portfolio import PortfolioRow, month_bounds, ratio_bps
from paysetu.lending.usecases.lending import require_lender_side
from paysetu.lending.usecases.objects import day
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork

ROW_FIELDS = (
    "lender", "category", "currency", "loans", "outstanding_minor", "par_30_minor",
    "par_30_bps", "par_60_minor", "par_60_bps", "par_90_minor", "par_90_bps", "npa_minor",
    "npa_ratio_bps", "provisions_minor", "disbursed_loans", "disbursed_minor", "repaid_minor",
    "repaid_principal_minor", "credit_lines", "lines_limit_minor", "lines_drawn_minor",
    "lines_drawing_power_minor", "lines_utilisation_bps", "lines_out_of_order",
    "lines_npa_minor",
)
"""The columns of a row, in order (the CSV header)."""


def row_object(row: PortfolioRow) -> dict[str, Any]:
    values = asdict(row)
    values["lender"] = values.pop("lender_id")
    for days in (30, 60, 90):
        values[f"par_{days}_bps"] = ratio_bps(values[f"par_{days}_minor"],
                                              row.outstanding_minor)
    values["npa_ratio_bps"] = ratio_bps(row.npa_minor, row.outstanding_minor)
    values["lines_utilisation_bps"] = ratio_bps(row.lines_drawn_minor, row.lines_limit_minor)
    return {name: values[name] for name in ROW_FIELDS}


def portfolio_report(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, month: str | None
) -> dict[str, Any]:
    """Rows by lender, category and currency for ``month`` (YYYY-MM; default this month)."""
    require_lender_side(caller)
    chosen = month or ctx.clock.now().date().strftime("%Y-%m")
    bounds = month_bounds(chosen)
    if bounds is None:
        raise LendingRejected(LendingStatus.MONTH_INVALID, param="month")
    lender = None if caller.role is Role.PLATFORM else (caller.owner_id or "-")
    rows = uow.loans.portfolio(lender, *bounds)
    return {"object": "lending_portfolio", "month": chosen,
            "as_of": day(uow.loans.last_close_day()),
            "data": [row_object(r) for r in rows]}
