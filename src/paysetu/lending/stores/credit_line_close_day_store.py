"""Close of business for credit lines in SQL: one set-based statement per step.

The snapshot locks every active line (and every closed one still holding a provision or
suspense) in id order, after the loans, and reads in the same statement its drawn balance and
interest receivable (ledger balances), the merchant's net settled sales of the drawing-power
window (settlement batches: gross - refunds - fees, summed per merchant and currency) and its
oldest interest debit not yet covered. Writes go back as one ``UPDATE ... FROM unnest`` and
one ``INSERT ... SELECT FROM unnest`` each, whatever the number of lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from paysetu.lending.rules.classification import AssetClass
from paysetu.lending.rules.credit_line_close_day import LineDayUpdate, LineSnapshot

_SNAPSHOT_SQL = """
WITH locked AS (
    SELECT id FROM credit_lines
    WHERE (status = 'active' AND sanctioned_on <= :on)
       OR (status = 'closed' AND (provision_minor > 0 OR interest_suspense_minor > 0))
    ORDER BY id FOR NO KEY UPDATE
), sales AS (
    SELECT b.merchant_id, b.currency,
        sum(b.gross_minor - b.refunds_minor - b.fees_minor) AS net
    FROM settlement_batches b
    WHERE b.settlement_date BETWEEN :window_from AND :on
        AND (b.merchant_id, b.currency) IN (
            SELECT merchant_id, currency FROM credit_lines WHERE status = 'active')
    GROUP BY b.merchant_id, b.currency
), uncovered AS (
    SELECT d.line_id, min(d.debited_on) AS since
    FROM credit_line_interest_debits d
    WHERE d.covered_minor < d.amount_minor
    GROUP BY d.line_id
)
SELECT c.*, c.status = 'active' AS active,
    da.debits_posted - da.credits_posted AS drawn,
    ia.debits_posted - ia.credits_posted AS receivable,
    coalesce(s.net, 0) AS net_settled, u.since AS uncovered_since
FROM credit_lines c
    JOIN locked ON locked.id = c.id
    JOIN ledger_accounts da ON da.id = c.drawn_account_id
    JOIN ledger_accounts ia ON ia.id = c.interest_account_id
    LEFT JOIN sales s ON s.merchant_id = c.merchant_id AND s.currency = c.currency
    LEFT JOIN uncovered u ON u.line_id = c.id
ORDER BY c.id
"""


def _snapshot(row: sa.Row[Any]) -> LineSnapshot:
    return LineSnapshot(
        line_id=row.id, active=row.active, merchant_id=row.merchant_id, lender_id=row.lender_id,
        category=row.category, currency=row.currency.strip(),
        drawn_account_id=row.drawn_account_id, interest_account_id=row.interest_account_id,
        limit_minor=row.limit_minor, rate_bps=row.rate_bps, penal_rate_bps=row.penal_rate_bps,
        review_due=row.review_due, drawn_minor=int(row.drawn),
        interest_receivable_minor=int(row.receivable), rate_balance_days=row.rate_balance_days,
        interest_accrued_minor=row.interest_accrued_minor,
        interest_accrued_through=row.interest_accrued_through,
        penal_charges_minor=row.penal_charges_minor, over_since=row.over_since,
        debit_since=row.debit_since, last_credit_on=row.last_credit_on,
        uncovered_since=row.uncovered_since, asset_class=AssetClass(row.asset_class),
        npa_since=row.npa_since, provision_minor=row.provision_minor,
        interest_suspense_minor=row.interest_suspense_minor,
        net_settled_minor=int(row.net_settled),
    )


class CreditLineCloseDayQueries:
    """The close-of-business part of :class:`~.credit_lines_store.CreditLineStore`."""

    _connection: sa.Connection

    def close_day_snapshot(self, on: date, window_from: date) -> list[LineSnapshot]:
        """Every active line sanctioned by ``on`` and every closed one still holding a
        provision or suspense, locked, in id order, with the day's figures."""
        rows = self._connection.execute(sa.text(_SNAPSHOT_SQL),
                                        {"on": on, "window_from": window_from})
        return [_snapshot(r) for r in rows]

    def save_day(self, updates: Sequence[LineDayUpdate], on: date, now: datetime) -> None:
        """Write each line's drawing power, interest, penal charges, runs and class."""
        if not updates:
            return
        columns = {
            "ids": ("text", [u.line_id for u in updates]),
            "dp": ("bigint", [u.drawing_power_minor for u in updates]),
            "dpnet": ("bigint", [u.dp_net_settled_minor for u in updates]),
            "rbd": ("bigint", [u.rate_balance_days for u in updates]),
            "accrued": ("bigint", [u.interest_accrued_minor for u in updates]),
            "through": ("date", [u.interest_accrued_through for u in updates]),
            "penal": ("bigint", [u.penal_charges_minor for u in updates]),
            "over": ("date", [u.over_since for u in updates]),
            "debit": ("date", [u.debit_since for u in updates]),
            "ooo": ("integer", [u.out_of_order_days for u in updates]),
            "classes": ("text", [u.asset_class.value for u in updates]),
            "npa": ("date", [u.npa_since for u in updates]),
            "provision": ("bigint", [u.provision_minor for u in updates]),
            "suspense": ("bigint", [u.interest_suspense_minor for u in updates]),
            "closes": ("boolean", [u.closes for u in updates]),
        }
        arrays = ", ".join(f"CAST(:{name} AS {kind}[])" for name, (kind, _) in columns.items())
        self._connection.execute(
            sa.text(
                "UPDATE credit_lines c SET"
                " drawing_power_minor = CASE WHEN c.status = 'active' THEN x.dp"
                "   ELSE c.drawing_power_minor END,"
                " dp_net_settled_minor = CASE WHEN c.status = 'active' THEN x.dpnet"
                "   ELSE c.dp_net_settled_minor END,"
                " dp_as_of = CASE WHEN c.status = 'active' THEN :on ELSE c.dp_as_of END,"
                " rate_balance_days = x.rbd, interest_accrued_minor = x.accrued,"
                " interest_accrued_through = x.through, penal_charges_minor = x.penal,"
                " over_since = x.over, debit_since = x.debit, out_of_order_days = x.ooo,"
                " asset_class = x.classes, npa_since = x.npa, provision_minor = x.provision,"
                " interest_suspense_minor = x.suspense,"
                " status = CASE WHEN x.closes THEN 'closed' ELSE c.status END,"
                " closed_on = CASE WHEN x.closes THEN coalesce(c.closed_on, :on) END,"
                " classified_on = :on, updated_at = :now"
                f" FROM unnest({arrays}) AS x({', '.join(columns)}) WHERE c.id = x.ids"
            ),
            {"on": on, "now": now, **{name: values for name, (_, values) in columns.items()}},
        )

    def add_interest_debits(
        self, debits: Sequence[tuple[str, int, str, str]], on: date, now: datetime
    ) -> None:
        """``(line, amount, entry, movement id)``: the month's interest debited to each line,
        as an uncovered debit and a statement line."""
        if not debits:
            return
        params = {"lines": [d[0] for d in debits], "amounts": [d[1] for d in debits],
                  "entries": [d[2] for d in debits], "ids": [d[3] for d in debits],
                  "on": on, "now": now}
        self._connection.execute(
            sa.text("INSERT INTO credit_line_interest_debits (line_id, debited_on, amount_minor)"
                    " SELECT x.l, :on, x.a FROM unnest(CAST(:lines AS text[]),"
                    " CAST(:amounts AS bigint[])) AS x(l, a)"),
            params)
        self._connection.execute(
            sa.text("INSERT INTO credit_line_movements (id, line_id, kind, amount_minor,"
                    " interest_minor, entry_id, business_date, created_at)"
                    " SELECT x.i, x.l, 'interest_debit', x.a, x.a, x.e, :on, :now"
                    " FROM unnest(CAST(:ids AS text[]), CAST(:lines AS text[]),"
                    " CAST(:amounts AS bigint[]), CAST(:entries AS text[])) AS x(i, l, a, e)"),
            params)
