"""Close of business in SQL: one set-based statement per step, whatever the number of loans.

The snapshot reads every active loan with what the day's rules need, computed over all
installments in one grouped scan: the oldest due date with principal or interest unpaid, the
schedule's interest earned to the day (:func:`paysetu.lending.rules.schedule.interest_accrued`
summed per loan, the same integer arithmetic: all of an installment's interest on and after its
due date, none on or before its period start, pro rata of the days rounded down in between),
the principal outstanding and the interest received. Writes go back as one ``UPDATE ... FROM
unnest(...)`` each. The rules themselves stay in Python (:mod:`paysetu.lending.rules.
classification`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from paysetu.lending.rules.classification import AssetClass
from paysetu.lending.rules.close_day import ActiveLoanDay, LoanDayUpdate, OverdueInstallment

_SNAPSHOT_SQL = """
WITH active AS (
    SELECT id FROM loans WHERE status = 'active' AND disbursed_on <= :on
    ORDER BY id FOR NO KEY UPDATE
), closed AS (
    SELECT id FROM loans WHERE status = 'closed'
        AND (provision_minor > 0 OR interest_suspense_minor > 0)
    ORDER BY id FOR NO KEY UPDATE
), locked AS (
    SELECT id FROM active UNION ALL SELECT id FROM closed
), schedule AS (
    SELECT i.loan_id,
        min(i.due_date) FILTER (WHERE i.due_date <= :on AND NOT i.fully_paid
            AND (i.principal_paid_minor < i.principal_minor
                 OR i.interest_paid_minor < i.interest_minor)) AS oldest_overdue,
        sum(CASE WHEN i.due_date <= :on THEN i.interest_minor
                 WHEN i.period_start >= :on THEN 0
                 ELSE i.interest_minor * (CAST(:on AS date) - i.period_start)
                      / (i.due_date - i.period_start) END) AS accrual_target,
        sum(i.principal_minor - i.principal_paid_minor) AS outstanding,
        sum(i.interest_paid_minor) AS interest_paid
    FROM loan_installments i JOIN locked ON locked.id = i.loan_id
    GROUP BY i.loan_id
)
SELECT l.id, l.status = 'active' AS active, l.merchant_id, l.lender_id, l.category,
    l.currency,
    l.interest_account_id,
    l.interest_accrued_minor, l.interest_accrued_through, l.asset_class, l.npa_since,
    l.provision_minor, l.interest_suspense_minor, l.penalty_rate_bps,
    s.oldest_overdue, s.accrual_target, s.outstanding, s.interest_paid
FROM loans l JOIN schedule s ON s.loan_id = l.id
ORDER BY l.id
"""

_OVERDUE_SQL = """
SELECT i.loan_id, i.number, l.penalty_rate_bps,
    i.principal_minor - i.principal_paid_minor + i.interest_minor - i.interest_paid_minor
        AS overdue_minor
FROM loan_installments i JOIN loans l ON l.id = i.loan_id
WHERE NOT i.fully_paid AND i.due_date < :on AND l.status = 'active' AND l.disbursed_on <= :on
    AND (i.principal_paid_minor < i.principal_minor OR i.interest_paid_minor < i.interest_minor)
ORDER BY i.loan_id, i.number
"""


def _day(row: sa.Row[Any]) -> ActiveLoanDay:
    return ActiveLoanDay(
        loan_id=row.id, active=row.active, merchant_id=row.merchant_id, lender_id=row.lender_id,
        category=row.category,
        currency=row.currency.strip(), interest_account_id=row.interest_account_id,
        interest_accrued_minor=row.interest_accrued_minor,
        interest_accrued_through=row.interest_accrued_through,
        asset_class=AssetClass(row.asset_class), npa_since=row.npa_since,
        provision_minor=row.provision_minor,
        interest_suspense_minor=row.interest_suspense_minor,
        oldest_overdue=row.oldest_overdue, accrual_target_minor=int(row.accrual_target),
        outstanding_minor=int(row.outstanding), interest_paid_minor=int(row.interest_paid),
    )


class CloseDayQueries:
    """The close-of-business part of :class:`~paysetu.lending.stores.loans_store.LoanStore`."""

    _connection: sa.Connection

    def lock_close_days(self) -> date | None:
        """Serialise close-of-business runs; the last business day closed."""
        self._connection.execute(sa.text("LOCK TABLE lending_close_days IN EXCLUSIVE MODE"))
        return self.last_close_day()

    def last_close_day(self) -> date | None:
        last: date | None = self._connection.execute(
            sa.text("SELECT max(business_date) FROM lending_close_days")).scalar_one()
        return last

    def close_day_summary(self, on: date) -> dict[str, Any] | None:
        row = self._connection.execute(
            sa.text("SELECT summary FROM lending_close_days WHERE business_date = :on"),
            {"on": on}).one_or_none()
        return None if row is None else dict(row.summary)

    def insert_close_day(self, on: date, summary: dict[str, Any], now: datetime) -> None:
        self._connection.execute(
            sa.text("INSERT INTO lending_close_days (business_date, summary, created_at)"
                    " VALUES (:on, CAST(:summary AS jsonb), :now)"),
            {"on": on, "summary": json.dumps(summary), "now": now})

    def close_day_snapshot(self, on: date) -> list[ActiveLoanDay]:
        """Every loan active and disbursed by ``on``, and every closed loan still holding a
        provision or suspense, locked, with its day's figures."""
        rows = self._connection.execute(sa.text(_SNAPSHOT_SQL), {"on": on})
        return [_day(r) for r in rows]

    def overdue_installments(self, on: date) -> list[OverdueInstallment]:
        """Installments of active loans due before ``on`` with principal or interest unpaid."""
        rows = self._connection.execute(sa.text(_OVERDUE_SQL), {"on": on})
        return [OverdueInstallment(r.loan_id, r.number, int(r.overdue_minor),
                                   r.penalty_rate_bps) for r in rows]

    def add_penalties(self, penalties: Sequence[tuple[str, int, int]]) -> None:
        """``(loan, installment number, amount)``: each installment's penalty grows."""
        if not penalties:
            return
        self._connection.execute(
            sa.text(
                "UPDATE loan_installments i SET penalty_minor = i.penalty_minor + x.amount"
                " FROM unnest(CAST(:loans AS text[]), CAST(:numbers AS integer[]),"
                " CAST(:amounts AS bigint[])) AS x(loan_id, number, amount)"
                " WHERE i.loan_id = x.loan_id AND i.number = x.number"
            ),
            {"loans": [p[0] for p in penalties], "numbers": [p[1] for p in penalties],
             "amounts": [p[2] for p in penalties]},
        )

    def save_day(self, updates: Sequence[LoanDayUpdate], on: date, now: datetime) -> None:
        """Write each loan's accrual, classification, provision and suspense of day ``on``."""
        if not updates:
            return
        columns = {
            "ids": ("text", [u.loan_id for u in updates]),
            "accrued": ("bigint", [u.interest_accrued_minor for u in updates]),
            "through": ("date", [u.interest_accrued_through for u in updates]),
            "dpd": ("integer", [u.days_past_due for u in updates]),
            "classes": ("text", [u.asset_class.value for u in updates]),
            "npa": ("date", [u.npa_since for u in updates]),
            "provision": ("bigint", [u.provision_minor for u in updates]),
            "suspense": ("bigint", [u.interest_suspense_minor for u in updates]),
        }
        arrays = ", ".join(f"CAST(:{name} AS {kind}[])" for name, (kind, _) in columns.items())
        self._connection.execute(
            sa.text(
                "UPDATE loans l SET interest_accrued_minor = x.accrued,"
                " interest_accrued_through = x.through, days_past_due = x.dpd,"
                " asset_class = x.classes, npa_since = x.npa, provision_minor = x.provision,"
                " interest_suspense_minor = x.suspense, classified_on = :on, updated_at = :now"
                f" FROM unnest({arrays}) AS x({', '.join(columns)}) WHERE l.id = x.ids"
            ),
            {"on": on, "now": now, **{name: values for name, (_, values) in columns.items()}},
        )
