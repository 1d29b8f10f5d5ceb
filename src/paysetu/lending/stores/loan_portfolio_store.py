"""The portfolio report in one SQL statement (part of the loan repository).

Active loans' outstanding principal is summed from their installments in one grouped scan,
then grouped by lender, category and currency with the month's disbursals and repayments.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from paysetu.lending.rules.portfolio import PortfolioRow

_PORTFOLIO_SQL = """
WITH scoped AS (
    SELECT * FROM loans WHERE CAST(:lender AS text) IS NULL OR lender_id = :lender
), outstanding AS (
    SELECT i.loan_id, sum(i.principal_minor - i.principal_paid_minor) AS p
    FROM loan_installments i JOIN scoped l ON l.id = i.loan_id AND l.status = 'active'
    GROUP BY i.loan_id
), book AS (
    SELECT l.lender_id, l.category, l.currency, count(*) AS loans, sum(o.p) AS outstanding,
        coalesce(sum(o.p) FILTER (WHERE l.days_past_due >= 30 AND l.asset_class <> 'standard'), 0)
            AS par_30,
        coalesce(sum(o.p) FILTER (WHERE l.days_past_due >= 60 AND l.asset_class <> 'standard'), 0)
            AS par_60,
        coalesce(sum(o.p) FILTER (WHERE l.days_past_due >= 90 AND l.asset_class <> 'standard'), 0)
            AS par_90,
        coalesce(sum(o.p) FILTER (WHERE l.npa_since IS NOT NULL), 0) AS npa,
        sum(l.provision_minor) AS provisions
    FROM scoped l JOIN outstanding o ON o.loan_id = l.id GROUP BY 1, 2, 3
), disbursed AS (
    SELECT lender_id, category, currency, count(*) AS loans, sum(principal_minor) AS minor
    FROM scoped WHERE disbursed_on >= :start AND disbursed_on < :end GROUP BY 1, 2, 3
), repaid AS (
    SELECT l.lender_id, l.category, l.currency, sum(r.amount_minor) AS minor,
        sum(r.principal_minor) AS principal
    FROM loan_repayments r JOIN scoped l ON l.id = r.loan_id
    WHERE r.paid_on >= :start AND r.paid_on < :end GROUP BY 1, 2, 3
), lines AS (
    SELECT c.lender_id, c.category, c.currency, count(*) AS n, sum(c.limit_minor) AS limits,
        sum(a.debits_posted - a.credits_posted) AS drawn, sum(c.drawing_power_minor) AS dp,
        count(*) FILTER (WHERE c.out_of_order_days > 30) AS out_of_order,
        coalesce(sum(a.debits_posted - a.credits_posted)
                 FILTER (WHERE c.npa_since IS NOT NULL), 0) AS npa
    FROM credit_lines c JOIN ledger_accounts a ON a.id = c.drawn_account_id
    WHERE c.status = 'active' AND (CAST(:lender AS text) IS NULL OR c.lender_id = :lender)
    GROUP BY 1, 2, 3
), keys AS (
    SELECT lender_id, category, currency FROM lines UNION
    SELECT lender_id, category, currency FROM book UNION
    SELECT lender_id, category, currency FROM disbursed UNION
    SELECT lender_id, category, currency FROM repaid
)
SELECT k.lender_id, k.category, k.currency, coalesce(b.loans, 0) AS loans,
    coalesce(b.outstanding, 0) AS outstanding, coalesce(b.par_30, 0) AS par_30,
    coalesce(b.par_60, 0) AS par_60, coalesce(b.par_90, 0) AS par_90,
    coalesce(b.npa, 0) AS npa, coalesce(b.provisions, 0) AS provisions,
    coalesce(d.loans, 0) AS disbursed_loans, coalesce(d.minor, 0) AS disbursed,
    coalesce(r.minor, 0) AS repaid, coalesce(r.principal, 0) AS repaid_principal,
    coalesce(c.n, 0) AS lines_n, coalesce(c.limits, 0) AS lines_limit,
    coalesce(c.drawn, 0) AS lines_drawn, coalesce(c.dp, 0) AS lines_dp,
    coalesce(c.out_of_order, 0) AS lines_ooo, coalesce(c.npa, 0) AS lines_npa
FROM keys k
LEFT JOIN book b USING (lender_id, category, currency)
LEFT JOIN disbursed d USING (lender_id, category, currency)
LEFT JOIN repaid r USING (lender_id, category, currency)
LEFT JOIN lines c USING (lender_id, category, currency)
ORDER BY k.lender_id, k.currency, k.category
"""


class PortfolioQueries:
    """The report part of :class:`~paysetu.lending.stores.loans_store.LoanStore`."""

    _connection: sa.Connection

    def portfolio(self, lender_id: str | None, start: date, end: date) -> list[PortfolioRow]:
        rows = self._connection.execute(
            sa.text(_PORTFOLIO_SQL), {"lender": lender_id, "start": start, "end": end})
        return [PortfolioRow(r.lender_id, r.category, r.currency.strip(), *(int(x) for x in (
            r.loans, r.outstanding, r.par_30, r.par_60, r.par_90, r.npa, r.provisions,
            r.disbursed_loans, r.disbursed, r.repaid, r.repaid_principal, r.lines_n,
            r.lines_limit, r.lines_drawn, r.lines_dp, r.lines_ooo, r.lines_npa))) for r in rows]
