"""The portfolio history in SQL (part of the loan repository): one insert per close of business.

Close of business hands over the day's rows, already summed
(:func:`paysetu.lending.rules.portfolio_history.portfolio_day`); they go in as one
``INSERT ... SELECT FROM unnest(...)``, whatever the number of lenders and categories. Reads
are a range of days, for one lender or every lender, on the ``(lender_id, business_date)``
index or the primary key.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from paysetu.lending.rules.portfolio_history import PortfolioDay

_COLUMNS = {
    "business_date": "date", "lender_id": "text", "category": "text", "currency": "text",
    "loans": "integer", "outstanding_minor": "bigint", "par_30_minor": "bigint",
    "par_60_minor": "bigint", "par_90_minor": "bigint", "npa_minor": "bigint",
    "provisions_minor": "bigint", "credit_lines": "integer",
}

_INSERT_SQL = (
    f"INSERT INTO lending_portfolio_days ({', '.join(_COLUMNS)})"
    f" SELECT * FROM unnest({', '.join(f'CAST(:{n} AS {t}[])' for n, t in _COLUMNS.items())})"
)

_HISTORY_SQL = f"""
SELECT {', '.join(_COLUMNS)} FROM lending_portfolio_days
WHERE business_date BETWEEN :start AND :end
    AND (CAST(:lender AS text) IS NULL OR lender_id = :lender)
ORDER BY business_date, lender_id, currency, category
"""


class PortfolioHistoryQueries:
    """The history part of :class:`~paysetu.lending.stores.loans_store.LoanStore`."""

    _connection: sa.Connection

    def insert_portfolio_day(self, rows: Sequence[PortfolioDay]) -> None:
        if not rows:
            return
        self._connection.execute(sa.text(_INSERT_SQL), {
            name: [getattr(r, name) for r in rows] for name in _COLUMNS})

    def portfolio_history(
        self, lender_id: str | None, start: date, end: date
    ) -> list[PortfolioDay]:
        rows = self._connection.execute(
            sa.text(_HISTORY_SQL), {"lender": lender_id, "start": start, "end": end})
        return [PortfolioDay(r.business_date, r.lender_id, r.category, r.currency.strip(),
                             *(int(x) for x in (r.loans, r.outstanding_minor, r.par_30_minor,
                                                r.par_60_minor, r.par_90_minor, r.npa_minor,
                                                r.provisions_minor, r.credit_lines)))
                for r in rows]
