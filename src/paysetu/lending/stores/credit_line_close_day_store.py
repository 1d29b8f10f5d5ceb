"""Close of business for credit lines in SQL: the day's rules computed set-based, in chunks.

The lines' day-end is computed inside PostgreSQL, never row by row in Python: a temporary
table ``cob_lines`` (dropped at commit) receives, one ``INSERT ... SELECT`` per chunk of
:data:`LINES_PER_CHUNK` lines in id order, each line locked (after the loans) with its figures
for the day: drawing power, the day's accrual, the month-end debit, the penal charge, the
out-of-order runs and the date classification reads. These are the rules of
:mod:`paysetu.lending.rules.credit_line_close_day` and :mod:`paysetu.lending.rules.
credit_line_classification`, written in SQL (``tests/property/test_credit_line_close_day_sql.py``
proves both give the same figures on random books). The borrower-level classification stays in
Python (it joins the term loans): its result for the lines goes back with one ``UPDATE ... FROM
unnest`` per chunk, and the line's class, provision, suspense and closing follow in SQL; the
lines are written back with one ``UPDATE ... FROM cob_lines`` per chunk.

Chunks bound the statement's memory and the rows Python holds at once (the lines' arrears and
accrual legs are read chunk by chunk); the locks last the transaction, as the loans' do.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from paysetu.lending.rules.classification import (
    NPA_CLASSES,
    PROVISION_BPS_UNSECURED,
    AssetClass,
)
from paysetu.lending.rules.credit_line_classification import REVIEW_GRACE_DAYS
from paysetu.lending.rules.credit_line_close_day import LineAccrual, LineArrears, LineDebit
from paysetu.lending.rules.credit_lines import DAYS_IN_YEAR, DrawingPowerPolicy
from paysetu.lending.rules.portfolio_history import PortfolioDay
from paysetu.lending.stores.loan_close_day_set_store import class_sql

LINES_PER_CHUNK = 20_000
"""Lines per statement: bounds each statement's work and the rows read back at once."""

_CREATE_SQL = """
CREATE TEMP TABLE IF NOT EXISTS cob_lines (
    id text PRIMARY KEY, active boolean NOT NULL, merchant_id text NOT NULL,
    lender_id text NOT NULL, category text NOT NULL, currency text NOT NULL,
    drawn_account_id text NOT NULL, interest_account_id text NOT NULL,
    review_due date NOT NULL, asset_class0 text NOT NULL, npa_since0 date,
    provision0 bigint NOT NULL, suspense0 bigint NOT NULL, penal0 bigint NOT NULL,
    receivable0 bigint NOT NULL, uncovered_minor bigint NOT NULL,
    net_settled bigint NOT NULL, dp bigint NOT NULL,
    rbd bigint NOT NULL, month_total bigint NOT NULL, accrual bigint NOT NULL,
    through date, debit bigint NOT NULL, drawn bigint NOT NULL, penal_today bigint NOT NULL,
    over_since date, debit_since date, ooo_from date, ooo_days integer NOT NULL,
    oldest_overdue date,
    asset_class text, npa_since date, dpd integer, provision bigint, suspense bigint,
    closes boolean
) ON COMMIT DROP
"""

_FIGURES_SQL = """
WITH locked AS (
    SELECT id FROM credit_lines
    WHERE id > :after AND ((status = 'active' AND sanctioned_on <= :on)
        OR (status = 'closed' AND (provision_minor > 0 OR interest_suspense_minor > 0)))
    ORDER BY id LIMIT :chunk FOR NO KEY UPDATE
), base AS (
    SELECT c.*, c.status = 'active' AS active,
        da.debits_posted - da.credits_posted AS drawn0,
        ia.debits_posted - ia.credits_posted AS receivable0,
        CAST(coalesce(s.net, 0) AS bigint) AS net_settled, u.since AS uncovered0,
        CAST(coalesce(u.open_minor, 0) AS bigint) AS uncovered_minor0,
        c.interest_accrued_through IS NULL OR :on > c.interest_accrued_through AS accrues
    FROM locked
        JOIN credit_lines c ON c.id = locked.id
        JOIN ledger_accounts da ON da.id = c.drawn_account_id
        JOIN ledger_accounts ia ON ia.id = c.interest_account_id
        LEFT JOIN LATERAL (
            SELECT sum(b.gross_minor - b.refunds_minor - b.fees_minor) AS net
            FROM settlement_batches b
            WHERE b.merchant_id = c.merchant_id AND b.currency = c.currency
                AND b.settlement_date BETWEEN :window_from AND :on
        ) s ON c.status = 'active'
        LEFT JOIN LATERAL (
            SELECT min(d.debited_on) AS since, sum(d.amount_minor - d.covered_minor) AS open_minor
            FROM credit_line_interest_debits d
            WHERE d.line_id = c.id AND d.covered_minor < d.amount_minor
        ) u ON true
), accrued AS (
    SELECT b.*,
        CASE WHEN accrues THEN rate_balance_days + drawn0 * rate_bps
             ELSE rate_balance_days END AS rbd1,
        greatest(0, net_settled) * :share_bps / 10000 AS share
    FROM base b
), accrued2 AS (
    SELECT a.*,
        CASE WHEN accrues THEN (rbd1 * 2 + :interest_denominator) / (2 * :interest_denominator)
             ELSE interest_accrued_minor END AS total1,
        least(limit_minor, share - share % :step_minor) AS dp
    FROM accrued a
), debited AS (
    SELECT a.*,
        CASE WHEN accrues THEN greatest(0, total1 - interest_accrued_minor) ELSE 0 END
            AS accrual
    FROM accrued2 a
), drawn AS (
    SELECT d.*,
        CASE WHEN :month_end THEN receivable0 + accrual ELSE 0 END AS debit,
        drawn0 + CASE WHEN :month_end THEN receivable0 + accrual ELSE 0 END AS drawn
    FROM debited d
), runs AS (
    SELECT d.*,
        coalesce(uncovered0, CASE WHEN debit > 0 THEN CAST(:on AS date) END) AS uncovered,
        CASE WHEN drawn > dp THEN coalesce(over_since, CAST(:on AS date)) END AS over1,
        CASE WHEN drawn > 0 THEN coalesce(debit_since, CAST(:on AS date)) END AS debit1
    FROM drawn d
), started AS (
    SELECT r.*,
        least(over1,
              CASE WHEN debit1 IS NOT NULL
                   THEN greatest(debit1, coalesce(last_credit_on + 1, debit1)) END,
              uncovered + 1) AS ooo_from,
        CASE WHEN :on > review_due + :review_grace THEN review_due + :review_grace + 1 - 90
        END AS review_from
    FROM runs r
)
INSERT INTO cob_lines (id, active, merchant_id, lender_id, category, currency,
    drawn_account_id, interest_account_id, review_due, asset_class0, npa_since0, provision0,
    suspense0, penal0, receivable0, uncovered_minor, net_settled, dp, rbd, month_total,
    accrual, through, debit, drawn, penal_today, over_since, debit_since, ooo_from, ooo_days,
    oldest_overdue)
SELECT id, active, merchant_id, lender_id, category, rtrim(currency), drawn_account_id,
    interest_account_id, review_due, asset_class, npa_since, provision_minor,
    interest_suspense_minor, penal_charges_minor, receivable0, uncovered_minor0 + debit,
    net_settled, dp,
    CASE WHEN :month_end THEN 0 ELSE rbd1 END,
    CASE WHEN :month_end THEN 0 ELSE total1 END,
    accrual,
    CASE WHEN accrues THEN CAST(:on AS date) ELSE interest_accrued_through END,
    debit, drawn,
    CASE WHEN drawn > dp
         THEN ((drawn - dp) * penal_rate_bps * 2 + :interest_denominator)
              / (2 * :interest_denominator)
         ELSE 0 END,
    over1, debit1, ooo_from,
    CASE WHEN ooo_from IS NULL OR ooo_from > :on THEN 0 ELSE CAST(:on AS date) - ooo_from + 1
    END,
    least(ooo_from, review_from)
FROM started
ORDER BY id
"""

_NPA = ", ".join(f"'{c.value}'" for c in sorted(NPA_CLASSES))
_PROVISION_BPS = " ".join(f"WHEN '{c.value}' THEN {bps}"
                          for c, bps in PROVISION_BPS_UNSECURED.items())

_CLASSES_SQL = """
UPDATE cob_lines l SET asset_class = x.c, npa_since = x.n, dpd = x.d
FROM unnest(CAST(:ids AS text[]), CAST(:classes AS text[]), CAST(:npa AS date[]),
            CAST(:dpd AS integer[])) AS x(i, c, n, d)
WHERE l.id = x.i
"""

_DPD = "CASE WHEN l.oldest_overdue <= :on THEN CAST(:on AS date) - l.oldest_overdue END"
_BORROWER_CLASS = class_sql("b.worst", "b.since", _DPD)

_CLASSIFIED_SQL = f"""
UPDATE cob_lines l SET
    asset_class = CASE WHEN {_BORROWER_CLASS} = '{AssetClass.SMA_0.value}'
                       THEN '{AssetClass.STANDARD.value}' ELSE {_BORROWER_CLASS} END,
    npa_since = b.since, dpd = coalesce({_DPD}, 0)
FROM cob_borrowers b
WHERE l.active AND l.id > :after AND l.id <= :upto
    AND b.merchant_id = l.merchant_id AND b.lender_id = l.lender_id
"""
"""Chunk ``(after, upto]``'s classes from the borrowers' classification in SQL (loans and
lines together, :mod:`~paysetu.lending.stores.loan_close_day_set_store`); a line has no SMA-0
(:func:`~paysetu.lending.rules.credit_line_classification.line_class`)."""

_AFTER_CLASSES_SQL = f"""
UPDATE cob_lines SET
    closes = NOT active OR (CAST(:on AS date) > review_due AND drawn = 0
        AND (CASE WHEN debit > 0 THEN 0 ELSE receivable0 + accrual END) = 0
        AND penal0 + penal_today = 0),
    asset_class = CASE WHEN active THEN asset_class ELSE asset_class0 END,
    npa_since = CASE WHEN active THEN npa_since ELSE npa_since0 END
WHERE id > :after AND id <= :upto;
UPDATE cob_lines SET
    provision = CASE WHEN closes THEN 0
        ELSE (drawn * (CASE asset_class {_PROVISION_BPS} END) + 5000) / 10000 END,
    suspense = CASE WHEN active AND NOT closes AND asset_class IN ({_NPA})
        THEN (CASE WHEN debit > 0 THEN 0 ELSE receivable0 + accrual END) + uncovered_minor
        ELSE 0 END
WHERE id > :after AND id <= :upto
"""
"""Chunk ``(after, upto]``: the borrower's classification, then class, provision, suspense
and closing (:func:`~paysetu.lending.rules.credit_line_close_day.line_update`, and
:func:`~paysetu.lending.rules.credit_line_close_day.released` for a line closed since)."""

_PORTFOLIO_SQL = """
SELECT lender_id, category, currency, count(*) AS lines, sum(drawn) AS outstanding,
    coalesce(sum(drawn) FILTER (WHERE dpd >= 30 AND asset_class <> 'standard'), 0) AS par_30,
    coalesce(sum(drawn) FILTER (WHERE dpd >= 60 AND asset_class <> 'standard'), 0) AS par_60,
    coalesce(sum(drawn) FILTER (WHERE dpd >= 90 AND asset_class <> 'standard'), 0) AS par_90,
    coalesce(sum(drawn) FILTER (WHERE npa_since IS NOT NULL), 0) AS npa,
    sum(provision) AS provisions
FROM cob_lines WHERE active AND NOT closes
GROUP BY lender_id, currency, category ORDER BY lender_id, currency, category
"""

_SAVE_SQL = """
UPDATE credit_lines c SET
    drawing_power_minor = CASE WHEN x.active THEN x.dp ELSE c.drawing_power_minor END,
    dp_net_settled_minor = CASE WHEN x.active THEN x.net_settled
        ELSE c.dp_net_settled_minor END,
    dp_as_of = CASE WHEN x.active THEN :on ELSE c.dp_as_of END,
    rate_balance_days = CASE WHEN x.active THEN x.rbd ELSE 0 END,
    interest_accrued_minor = CASE WHEN x.active THEN x.month_total ELSE 0 END,
    interest_accrued_through = CASE WHEN x.active THEN x.through
        ELSE c.interest_accrued_through END,
    penal_charges_minor = CASE WHEN x.active THEN x.penal0 + x.penal_today ELSE 0 END,
    over_since = CASE WHEN x.active THEN x.over_since END,
    debit_since = CASE WHEN x.active THEN x.debit_since END,
    out_of_order_days = CASE WHEN x.active THEN x.ooo_days ELSE 0 END,
    asset_class = x.asset_class,
    npa_since = x.npa_since, provision_minor = x.provision,
    interest_suspense_minor = x.suspense,
    status = CASE WHEN x.closes THEN 'closed' ELSE c.status END,
    closed_on = CASE WHEN x.closes THEN coalesce(c.closed_on, :on) END,
    classified_on = :on, updated_at = :now
FROM cob_lines x WHERE c.id = x.id AND x.id > :after AND x.id <= :upto
"""


class CreditLineCloseDayQueries:
    """The close-of-business part of :class:`~.credit_lines_store.CreditLineStore`."""

    _connection: sa.Connection

    def close_day_figures(self, on: date, window_from: date, month_end: bool,
                          policy: DrawingPowerPolicy) -> list[str]:
        """Lock the day's lines (active and sanctioned by ``on``, or closed still holding a
        provision or suspense) chunk by chunk in id order and compute their figures into
        ``cob_lines``; the last id of each chunk."""
        self._connection.execute(sa.text(_CREATE_SQL))
        self._connection.execute(sa.text("TRUNCATE cob_lines"))
        params = {"on": on, "window_from": window_from, "month_end": month_end,
                  "chunk": LINES_PER_CHUNK, "share_bps": policy.share_bps,
                  "step_minor": policy.step_minor, "review_grace": REVIEW_GRACE_DAYS,
                  "interest_denominator": 10_000 * DAYS_IN_YEAR}
        bounds: list[str] = []
        after = ""
        while True:
            inserted = self._connection.execute(sa.text(_FIGURES_SQL),
                                                {**params, "after": after}).rowcount
            if not inserted:
                return bounds
            last: str = self._connection.execute(
                sa.text("SELECT max(id) FROM cob_lines")).scalar_one()
            bounds.append(last)
            after = last
            if inserted < LINES_PER_CHUNK:
                return bounds

    def close_day_arrears(self, after: str, upto: str) -> list[LineArrears]:
        """Chunk ``(after, upto]``'s active lines as classification reads them."""
        rows = self._connection.execute(sa.text(
            "SELECT id, merchant_id, lender_id, oldest_overdue, npa_since0 FROM cob_lines"
            " WHERE active AND id > :after AND id <= :upto ORDER BY id"),
            {"after": after, "upto": upto})
        return [LineArrears(*r) for r in rows]

    def close_day_decided(self, on: date, after: str, upto: str,
                          decided: Sequence[tuple[str, AssetClass, date | None, int]]) -> None:
        """Chunk ``(after, upto]``'s classes (``(line, class, npa since, days past due)``),
        then each line's class, provision, suspense and closing."""
        params = {"on": on, "after": after, "upto": upto,
                  "ids": [d[0] for d in decided], "classes": [d[1].value for d in decided],
                  "npa": [d[2] for d in decided], "dpd": [d[3] for d in decided]}
        self._connection.execute(sa.text(_CLASSES_SQL), params)
        for statement in _AFTER_CLASSES_SQL.split(";"):
            self._connection.execute(sa.text(statement), params)

    def close_day_classified(self, on: date, after: str, upto: str) -> None:
        """Chunk ``(after, upto]``'s classes from the borrowers' classification computed in
        SQL (``cob_borrowers``), then each line's class, provision, suspense and closing."""
        params = {"on": on, "after": after, "upto": upto}
        for statement in (_CLASSIFIED_SQL, *_AFTER_CLASSES_SQL.split(";")):
            self._connection.execute(sa.text(statement), params)

    def close_day_accruals(self, after: str, upto: str) -> list[LineAccrual]:
        """Chunk ``(after, upto]``'s accruals of the day, in id order."""
        rows = self._connection.execute(sa.text(
            f"SELECT lender_id, currency, asset_class IN ({_NPA}), interest_account_id, accrual"
            " FROM cob_lines WHERE active AND accrual > 0 AND id > :after AND id <= :upto"
            " ORDER BY id"), {"after": after, "upto": upto})
        return [LineAccrual(r[0], r[1], bool(r[2]), r[3], int(r[4])) for r in rows]

    def close_day_debits(self) -> list[LineDebit]:
        """The month-end debits (only on a month's last day), by currency and id."""
        rows = self._connection.execute(sa.text(
            "SELECT id, currency, drawn_account_id, interest_account_id, debit FROM cob_lines"
            " WHERE active AND debit > 0 ORDER BY currency, id"))
        return [LineDebit(r[0], r[1], r[2], r[3], int(r[4])) for r in rows]

    def close_day_moves(self) -> list[tuple[str, str, int, int]]:
        """Per lender and currency: the day's suspense change (the accruals of NPA lines went
        to suspense already) and provision change."""
        rows = self._connection.execute(sa.text(
            "SELECT lender_id, currency,"
            f" sum(suspense - suspense0 - CASE WHEN active AND asset_class IN ({_NPA})"
            "   THEN accrual ELSE 0 END),"
            " sum(provision - provision0)"
            " FROM cob_lines GROUP BY lender_id, currency ORDER BY lender_id, currency"))
        return [(r[0], r[1], int(r[2]), int(r[3])) for r in rows]

    def close_day_totals(self, sma_1_after_days: int) -> tuple[dict[str, int],
                                                               list[dict[str, Any]]]:
        """The summary: counts, and amounts per currency."""
        counts = self._connection.execute(sa.text(
            "SELECT count(*) FILTER (WHERE active),"
            " count(*) FILTER (WHERE active AND ooo_days > :sma1),"
            " count(*) FILTER (WHERE active AND npa_since IS NOT NULL),"
            " count(*) FILTER (WHERE active AND closes) FROM cob_lines"),
            {"sma1": sma_1_after_days}).one()
        amounts = self._connection.execute(sa.text(
            "SELECT currency, sum(dp) AS drawing_power_minor, sum(drawn) AS drawn_minor,"
            " sum(accrual) AS interest_accrued_minor, sum(debit) AS interest_debited_minor,"
            " sum(penal_today) AS penal_charges_minor, sum(provision) AS provisions_minor"
            " FROM cob_lines WHERE active GROUP BY currency ORDER BY currency")).mappings()
        return ({"lines": counts[0], "out_of_order": counts[1], "npa": counts[2],
                 "closed": counts[3]},
                [{k: (v if k == "currency" else int(v)) for k, v in row.items()}
                 for row in amounts])

    def close_day_portfolio(self, on: date) -> list[PortfolioDay]:
        """The lines' part of the day's portfolio history (the rules of
        :func:`~paysetu.lending.rules.portfolio_history.portfolio_day`): the lines active after
        the day per lender, category and currency."""
        rows = self._connection.execute(sa.text(_PORTFOLIO_SQL))
        return [PortfolioDay(on, r.lender_id, r.category, r.currency, 0,
                             *(int(x) for x in (r.outstanding, r.par_30, r.par_60, r.par_90,
                                                r.npa, r.provisions, r.lines)))
                for r in rows]

    def close_day_save(self, on: date, now: datetime, after: str, upto: str) -> None:
        """Write chunk ``(after, upto]`` back to ``credit_lines``."""
        self._connection.execute(sa.text(_SAVE_SQL),
                                 {"on": on, "now": now, "after": after, "upto": upto})

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
