"""Close of business for term loans in SQL: the day's rules computed set-based, in chunks.

The loans' day-end is computed inside PostgreSQL, never loan by loan in Python: a temporary
table ``cob_loans`` (dropped at commit) receives, one ``INSERT ... SELECT`` per chunk of
:data:`LOANS_PER_CHUNK` loans in id order, each loan locked (before the credit lines, the lock
order of every loan operation) with its figures: the oldest due date with principal or interest
unpaid, the schedule's interest earned to the day, the principal outstanding, the interest
received. Then one statement per chunk charges the day's penal interest on the overdue
installments (``cob_penalties``); one statement classifies every borrower (its loans and its
credit lines in ``cob_lines`` together: ``cob_borrowers``); one ``INSERT ... SELECT`` per chunk
computes each loan's class, accrual, provision and suspense (``cob_loan_days``; the temporary
rows are written once, never updated); one ``UPDATE ... FROM cob_loan_days`` per chunk writes
the loans back. Python reads only the accrual legs (for the ledger's batch API), the sums per
lender and currency, and the summary.

Chunks bound each statement's memory and the rows Python holds at once; the locks last the
transaction (all or nothing). Migration 0030 leaves room on the pages of ``loans``,
``loan_installments`` and ``credit_lines``, so the daily rewrite of a row stays on its page
and skips the indexes (a HOT update) when no indexed column changes.

The rules are those of :mod:`paysetu.lending.rules.classification` (days past due, classes,
NPA age, provisions, penal interest) and :func:`paysetu.lending.rules.loans.accrual_increase`,
written in SQL from the same constants; ``tests/property/test_loan_close_day_sql.py`` proves
both give the same classes, and ``tests/integration/test_loan_close_day_differential.py`` the
same loans, summaries and ledger entries as the per-loan path on random books.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from paysetu.lending.rules.classification import (
    DOUBTFUL_1_MONTHS,
    DOUBTFUL_2_MONTHS,
    NPA_CLASSES,
    NPA_DAYS,
    PENALTY_DAYS_IN_YEAR,
    PROVISION_BPS_UNSECURED,
    SMA_1_DAYS,
    SMA_2_DAYS,
    SUBSTANDARD_MONTHS,
    AssetClass,
)
from paysetu.lending.rules.portfolio_history import PortfolioDay

LOANS_PER_CHUNK = 20_000
"""Loans per statement: bounds each statement's work and the rows read back at once."""

_CREATE_SQL = """
CREATE TEMP TABLE IF NOT EXISTS cob_loans (
    id text PRIMARY KEY, active boolean NOT NULL, merchant_id text NOT NULL,
    lender_id text NOT NULL, category text NOT NULL, currency text NOT NULL,
    interest_account_id text NOT NULL, accrued0 bigint NOT NULL, through0 date,
    asset_class0 text NOT NULL, npa_since0 date, provision0 bigint NOT NULL,
    suspense0 bigint NOT NULL, penalty_rate_bps integer NOT NULL, oldest_overdue date,
    target bigint NOT NULL, outstanding bigint NOT NULL, interest_paid bigint NOT NULL
) ON COMMIT DROP;
CREATE TEMP TABLE IF NOT EXISTS cob_penalties (
    loan_id text PRIMARY KEY, amount bigint NOT NULL
) ON COMMIT DROP;
CREATE TEMP TABLE IF NOT EXISTS cob_loan_days (
    id text PRIMARY KEY, active boolean NOT NULL, lender_id text NOT NULL,
    category text NOT NULL, currency text NOT NULL, interest_account_id text NOT NULL,
    asset_class0 text NOT NULL, provision0 bigint NOT NULL, suspense0 bigint NOT NULL,
    outstanding bigint NOT NULL, penalty bigint NOT NULL,
    asset_class text NOT NULL, npa_since date, dpd integer NOT NULL, npa boolean NOT NULL,
    increase bigint, accrued bigint NOT NULL, through date, provision bigint NOT NULL,
    suspense bigint NOT NULL
) ON COMMIT DROP
"""
"""``cob_loans``: what each loan's day starts from (written once per chunk, never updated);
``cob_penalties``: the day's penal interest per loan; ``cob_loan_days``: what the day leaves
(one ``INSERT ... SELECT`` per chunk; inserting is cheaper than updating the rows)."""

_FIGURES_SQL = """
WITH locked AS (
    SELECT id, status = 'active' AS active, merchant_id, lender_id, category,
        rtrim(currency) AS currency, interest_account_id, interest_accrued_minor,
        interest_accrued_through, asset_class, npa_since, provision_minor,
        interest_suspense_minor, penalty_rate_bps
    FROM loans
    WHERE id > :after AND ((status = 'active' AND disbursed_on <= :on)
        OR (status = 'closed' AND (provision_minor > 0 OR interest_suspense_minor > 0)))
    ORDER BY id LIMIT :chunk FOR NO KEY UPDATE
), schedule AS (
    SELECT i.loan_id,
        min(i.due_date) FILTER (WHERE i.due_date <= :on AND NOT i.fully_paid
            AND (i.principal_paid_minor < i.principal_minor
                 OR i.interest_paid_minor < i.interest_minor)) AS oldest_overdue,
        sum(CASE WHEN i.due_date <= :on THEN i.interest_minor
                 WHEN i.period_start >= :on THEN 0
                 ELSE i.interest_minor * (CAST(:on AS date) - i.period_start)
                      / (i.due_date - i.period_start) END) AS target,
        sum(i.principal_minor - i.principal_paid_minor) AS outstanding,
        sum(i.interest_paid_minor) AS interest_paid
    FROM loan_installments i
    WHERE i.loan_id > :after AND i.loan_id <= (SELECT max(id) FROM locked)
    GROUP BY i.loan_id
)
INSERT INTO cob_loans (id, active, merchant_id, lender_id, category, currency,
    interest_account_id, accrued0, through0, asset_class0, npa_since0, provision0, suspense0,
    penalty_rate_bps, oldest_overdue, target, outstanding, interest_paid)
SELECT l.id, l.active, l.merchant_id, l.lender_id, l.category, l.currency,
    l.interest_account_id, l.interest_accrued_minor, l.interest_accrued_through,
    l.asset_class, l.npa_since, l.provision_minor, l.interest_suspense_minor,
    l.penalty_rate_bps, s.oldest_overdue, s.target, s.outstanding, s.interest_paid
FROM locked l JOIN schedule s ON s.loan_id = l.id
ORDER BY l.id
"""
"""The next chunk of up to ``:chunk`` loans after ``:after``, locked, with their figures. The
installments are read by key range (a chunk's loans are contiguous in the primary key of
``loan_installments``): joined to the locked ids instead, the plan read every installment of
the book for every chunk (1.2M rows five times at 100,000 loans)."""

WORK_MEM = "32MB"
"""Memory per sort and hash in the close-of-business transaction (``SET LOCAL``): a chunk's
sorts take about 5 MB, which the default 4 MB spilled to disk."""

_PENALTY_DENOMINATOR = 10_000 * PENALTY_DAYS_IN_YEAR

_PENALTIES_SQL = f"""
WITH charged AS (
    SELECT i.loan_id, i.number,
        ((i.principal_minor - i.principal_paid_minor + i.interest_minor - i.interest_paid_minor)
         * c.penalty_rate_bps * 2 + {_PENALTY_DENOMINATOR}) / {2 * _PENALTY_DENOMINATOR}
            AS amount
    FROM cob_loans c JOIN loan_installments i ON i.loan_id = c.id
    WHERE c.active AND c.id > :after AND c.id <= :upto
        AND i.loan_id > :after AND i.loan_id <= :upto
        AND NOT i.fully_paid AND i.due_date < :on
        AND (i.principal_paid_minor < i.principal_minor
             OR i.interest_paid_minor < i.interest_minor)
), added AS (
    UPDATE loan_installments i SET penalty_minor = i.penalty_minor + c.amount
    FROM charged c
    WHERE c.amount > 0 AND i.loan_id = c.loan_id AND i.number = c.number
    RETURNING i.loan_id, c.amount
)
INSERT INTO cob_penalties (loan_id, amount)
SELECT loan_id, sum(amount) FROM added GROUP BY loan_id
"""
"""Chunk ``(after, upto]``: a day's penal interest on each installment overdue before the day
(:func:`~paysetu.lending.rules.classification.daily_penalty`), summed per loan. The
installments' key range keeps each chunk to its own overdue installments, not the book's."""

_DPD = "CASE WHEN {t}.oldest_overdue <= :on THEN CAST(:on AS date) - {t}.oldest_overdue END"

_BORROWERS_SQL = f"""
CREATE TEMP TABLE cob_borrowers ON COMMIT DROP AS
WITH arrears AS (
    SELECT merchant_id, lender_id, {_DPD.format(t="c")} AS dpd, npa_since0
    FROM cob_loans c WHERE active
    UNION ALL
    SELECT merchant_id, lender_id, {_DPD.format(t="c")}, npa_since0
    FROM cob_lines c WHERE active
), worst AS (
    SELECT merchant_id, lender_id, max(dpd) AS worst, min(npa_since0) AS known
    FROM arrears GROUP BY merchant_id, lender_id
)
SELECT merchant_id, lender_id, worst,
    CASE WHEN worst IS NOT NULL
         THEN coalesce(known, CASE WHEN worst >= {NPA_DAYS}
                                   THEN CAST(:on AS date) - (worst - {NPA_DAYS}) END) END
        AS since
FROM worst
"""
"""Each borrower (a merchant at one lender): its worst days past due over its active loans and
lines (NULL: nothing overdue) and its NPA date (the earliest known, or the day its worst
arrear reached 90 days; NULL: performing, or every arrear cleared)."""


def class_sql(worst: str, since: str, dpd: str) -> str:
    """The class (:func:`~paysetu.lending.rules.classification.classify`) of a loan with days
    past due ``dpd`` of a borrower with ``worst`` and NPA date ``since`` (SQL expressions)."""
    return f"""CASE
    WHEN {worst} IS NULL THEN '{AssetClass.STANDARD.value}'
    WHEN {since} IS NOT NULL THEN CASE
        WHEN :on < {since} + interval '{SUBSTANDARD_MONTHS} months'
            THEN '{AssetClass.SUBSTANDARD.value}'
        WHEN :on < {since} + interval '{DOUBTFUL_1_MONTHS} months'
            THEN '{AssetClass.DOUBTFUL_1.value}'
        WHEN :on < {since} + interval '{DOUBTFUL_2_MONTHS} months'
            THEN '{AssetClass.DOUBTFUL_2.value}'
        ELSE '{AssetClass.DOUBTFUL_3.value}' END
    WHEN {dpd} IS NULL THEN '{AssetClass.STANDARD.value}'
    WHEN {dpd} < {SMA_1_DAYS} THEN '{AssetClass.SMA_0.value}'
    WHEN {dpd} < {SMA_2_DAYS} THEN '{AssetClass.SMA_1.value}'
    ELSE '{AssetClass.SMA_2.value}' END"""


_NPA = ", ".join(f"'{c.value}'" for c in sorted(NPA_CLASSES))
_PROVISION_BPS = " ".join(f"WHEN '{c.value}' THEN {bps}"
                          for c, bps in PROVISION_BPS_UNSECURED.items())

_DAY_SQL = f"""
INSERT INTO cob_loan_days (id, active, lender_id, category, currency, interest_account_id,
    asset_class0, provision0, suspense0, outstanding, penalty, asset_class, npa_since, dpd,
    npa, increase, accrued, through, provision, suspense)
SELECT c.id, c.active, c.lender_id, c.category, c.currency, c.interest_account_id,
    c.asset_class0, c.provision0, c.suspense0, c.outstanding, coalesce(p.amount, 0),
    k.asset_class, k.npa_since, k.dpd, k.npa, a.increase, c.accrued0 + coalesce(a.increase, 0),
    CASE WHEN a.increase IS NOT NULL THEN CAST(:on AS date) ELSE c.through0 END,
    CASE WHEN c.active
         THEN (c.outstanding * (CASE k.asset_class {_PROVISION_BPS} END) + 5000) / 10000
         ELSE 0 END,
    CASE WHEN k.npa THEN c.accrued0 + coalesce(a.increase, 0) - c.interest_paid ELSE 0 END
FROM cob_loans c
    LEFT JOIN cob_borrowers b
        ON c.active AND b.merchant_id = c.merchant_id AND b.lender_id = c.lender_id
    LEFT JOIN cob_penalties p ON p.loan_id = c.id
    CROSS JOIN LATERAL (
        SELECT CASE WHEN c.active THEN {class_sql("b.worst", "b.since", _DPD.format(t="c"))}
                    ELSE c.asset_class0 END AS asset_class,
            CASE WHEN c.active THEN b.since ELSE c.npa_since0 END AS npa_since,
            CASE WHEN c.active THEN coalesce({_DPD.format(t="c")}, 0) ELSE 0 END AS dpd
    ) k0
    CROSS JOIN LATERAL (
        SELECT k0.*, c.active AND k0.asset_class IN ({_NPA}) AS npa
    ) k
    CROSS JOIN LATERAL (
        SELECT CASE WHEN NOT c.active OR (c.through0 IS NOT NULL AND :on <= c.through0)
                    THEN NULL ELSE greatest(0, c.target - c.accrued0) END AS increase
    ) a
WHERE c.id > :after AND c.id <= :upto
ORDER BY c.id
"""
"""Chunk ``(after, upto]``'s day: the class from its borrower's (an active loan), the accrual
(``increase`` NULL when already accrued through the day), the provision on the principal
outstanding, the suspense (an NPA's whole receivable); a loan closed since keeps its class
and releases its provision and suspense."""

_PORTFOLIO_SQL = """
SELECT lender_id, category, currency, count(*) AS loans, sum(outstanding) AS outstanding,
    coalesce(sum(outstanding) FILTER (WHERE dpd >= 30 AND asset_class <> 'standard'), 0)
        AS par_30,
    coalesce(sum(outstanding) FILTER (WHERE dpd >= 60 AND asset_class <> 'standard'), 0)
        AS par_60,
    coalesce(sum(outstanding) FILTER (WHERE dpd >= 90 AND asset_class <> 'standard'), 0)
        AS par_90,
    coalesce(sum(outstanding) FILTER (WHERE npa_since IS NOT NULL), 0) AS npa,
    sum(provision) AS provisions
FROM cob_loan_days WHERE active
GROUP BY lender_id, currency, category ORDER BY lender_id, currency, category
"""

_SAVE_SQL = """
UPDATE loans l SET interest_accrued_minor = x.accrued, interest_accrued_through = x.through,
    days_past_due = x.dpd, asset_class = x.asset_class, npa_since = x.npa_since,
    provision_minor = x.provision, interest_suspense_minor = x.suspense,
    classified_on = :on, updated_at = :now
FROM cob_loan_days x WHERE l.id = x.id AND x.id > :after AND x.id <= :upto
"""


class LoanCloseDaySetQueries:
    """The set-based close of business of :class:`~.loans_store.LoanStore`."""

    _connection: sa.Connection

    def close_day_loan_figures(self, on: date) -> list[str]:
        """Lock the day's loans (active and disbursed by ``on``, or closed still holding a
        provision or suspense) chunk by chunk in id order and compute their figures into
        ``cob_loans``; the last id of each chunk."""
        self._connection.execute(sa.text(f"SET LOCAL work_mem = '{WORK_MEM}'"))
        for statement in _CREATE_SQL.split(";"):
            self._connection.execute(sa.text(statement))
        self._connection.execute(sa.text("TRUNCATE cob_loans, cob_penalties, cob_loan_days"))
        bounds: list[str] = []
        after = ""
        while True:
            inserted = self._connection.execute(
                sa.text(_FIGURES_SQL), {"on": on, "after": after, "chunk": LOANS_PER_CHUNK}
            ).rowcount
            if not inserted:
                break
            after = self._connection.execute(sa.text("SELECT max(id) FROM cob_loans")
                                             ).scalar_one()
            bounds.append(after)
            if inserted < LOANS_PER_CHUNK:
                break
        self._connection.execute(sa.text("ANALYZE cob_loans"))
        return bounds

    def close_day_loan_penalties(self, on: date, after: str, upto: str) -> None:
        """Chunk ``(after, upto]``: the day's penal interest on the overdue installments."""
        self._connection.execute(sa.text(_PENALTIES_SQL), {"on": on, "after": after,
                                                           "upto": upto})

    def close_day_classify(self, on: date) -> None:
        """Every borrower's classification of the day (``cob_borrowers``), from its loans
        (``cob_loans``) and credit lines (``cob_lines``, whose figures are computed)."""
        self._connection.execute(sa.text("DROP TABLE IF EXISTS cob_borrowers"))
        self._connection.execute(sa.text(_BORROWERS_SQL), {"on": on})
        self._connection.execute(
            sa.text("ALTER TABLE cob_borrowers ADD PRIMARY KEY (merchant_id, lender_id)"))
        self._connection.execute(sa.text("ANALYZE cob_borrowers, cob_penalties"))

    def close_day_loan_day(self, on: date, after: str, upto: str) -> list[tuple[str, str, bool,
                                                                               str, int]]:
        """Chunk ``(after, upto]``'s day (class, accrual, provision, suspense); its accrual
        legs ``(lender, currency, npa, interest receivable, amount)`` in id order."""
        params = {"on": on, "after": after, "upto": upto}
        self._connection.execute(sa.text(_DAY_SQL), params)
        rows = self._connection.execute(sa.text(
            "SELECT lender_id, currency, npa, interest_account_id, increase FROM cob_loan_days"
            " WHERE increase > 0 AND id > :after AND id <= :upto ORDER BY id"), params)
        return [(r[0], r[1], bool(r[2]), r[3], int(r[4])) for r in rows]

    def close_day_loans_computed(self) -> None:
        """Every chunk's day is in ``cob_loan_days``: statistics for the plans that read it
        (the write-back joins it to ``loans`` by id)."""
        self._connection.execute(sa.text("ANALYZE cob_loan_days"))

    def close_day_loan_moves(self) -> list[tuple[str, str, int, int]]:
        """Per lender and currency: the day's suspense change (the accruals of NPAs went to
        suspense already) and provision change."""
        rows = self._connection.execute(sa.text(
            "SELECT lender_id, currency,"
            " sum(suspense - suspense0 - CASE WHEN npa THEN coalesce(increase, 0) ELSE 0 END),"
            " sum(provision - provision0)"
            " FROM cob_loan_days GROUP BY lender_id, currency ORDER BY lender_id, currency"))
        return [(r[0], r[1], int(r[2]), int(r[3])) for r in rows]

    def close_day_loan_totals(self) -> dict[str, Any]:
        """The summary's figures: active loans, classes, class changes, and per currency the
        interest accrued, penalties and provisions (a figure only when a loan has it)."""
        per_currency = self._connection.execute(sa.text(
            "SELECT currency, count(*) FILTER (WHERE increase > 0) AS accruing,"
            " coalesce(sum(increase) FILTER (WHERE increase > 0), 0) AS accrued,"
            " count(*) FILTER (WHERE penalty > 0) AS penalised, sum(penalty) AS penalties,"
            " sum(provision) AS provisions FROM cob_loan_days GROUP BY currency"
            " ORDER BY currency"
        )).mappings().all()
        classes = self._connection.execute(sa.text(
            "SELECT asset_class, count(*) FROM cob_loan_days WHERE active"
            " GROUP BY asset_class")).all()
        changes = self._connection.execute(sa.text(
            "SELECT asset_class0 || '->' || asset_class, count(*) FROM cob_loan_days"
            " WHERE active AND asset_class <> asset_class0 GROUP BY 1 ORDER BY 1")).all()
        return {"currencies": [dict(r) for r in per_currency],
                "loans": sum(int(n) for _, n in classes),
                "classes": {str(c): int(n) for c, n in classes},
                "changes": {str(c): int(n) for c, n in changes}}

    def close_day_loan_portfolio(self, on: date) -> list[PortfolioDay]:
        """The loans' part of the day's portfolio history (the rules of
        :func:`~paysetu.lending.rules.portfolio_history.portfolio_day`)."""
        rows = self._connection.execute(sa.text(_PORTFOLIO_SQL))
        return [PortfolioDay(on, r.lender_id, r.category, r.currency,
                             *(int(x) for x in (r.loans, r.outstanding, r.par_30, r.par_60,
                                                r.par_90, r.npa, r.provisions)))
                for r in rows]

    def close_day_loan_save(self, on: date, now: datetime, after: str, upto: str) -> None:
        """Write chunk ``(after, upto]`` back to ``loans``."""
        self._connection.execute(sa.text(_SAVE_SQL),
                                 {"on": on, "now": now, "after": after, "upto": upto})
