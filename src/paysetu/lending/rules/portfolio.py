"""The lending portfolio report: one row per lender, category and currency (pure).

Figures of active loans are as of the last close of business (days past due, class,
provision); principal outstanding is the installments' unpaid principal (equal to the loans'
receivable accounts). Portfolio at risk ``PAR n`` is the outstanding principal of the loans
``n`` or more days past due (so PAR 30 is SMA-1 and worse by their own arrears); the NPA ratio
is the outstanding principal of NPAs over all outstanding principal. Ratios are basis points,
half-up. "This month" is the calendar month asked for: principal disbursed (loans disbursed in
it) and money repaid (repayments paid in it, and the principal part of them).

Credit lines of the same lender, category and currency (active ones) join the row: how many,
their limits, drawn balances (ledger) and drawing power, the utilisation (drawn / limit), how
many have been out of order for more than 30 days (SMA-1 or worse by it) and the drawn balance
of NPA lines, all as of the last close of business except the drawn balances (now).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from paysetu.lending.rules.schedule import add_months

PAR_DAYS = (30, 60, 90)


@dataclass(frozen=True, slots=True)
class PortfolioRow:
    lender_id: str
    category: str
    currency: str
    loans: int
    outstanding_minor: int
    par_30_minor: int
    par_60_minor: int
    par_90_minor: int
    npa_minor: int
    provisions_minor: int
    disbursed_loans: int
    disbursed_minor: int
    repaid_minor: int
    repaid_principal_minor: int
    credit_lines: int = 0
    lines_limit_minor: int = 0
    lines_drawn_minor: int = 0
    lines_drawing_power_minor: int = 0
    lines_out_of_order: int = 0
    lines_npa_minor: int = 0


def ratio_bps(part_minor: int, whole_minor: int) -> int:
    """``part / whole`` in basis points, half-up; 0 of nothing."""
    if whole_minor <= 0:
        return 0
    return (part_minor * 20_000 + whole_minor) // (2 * whole_minor)


def month_bounds(month: str) -> tuple[date, date] | None:
    """``YYYY-MM`` as ``[first day, first day of the next month)``; None if malformed."""
    try:
        if len(month) == 7 and month[4] == "-":
            first = date(int(month[:4]), int(month[5:]), 1)
            return first, add_months(first, 1)
    except ValueError:
        pass
    return None
