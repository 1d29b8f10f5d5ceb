"""The lending bench's data: a book of active loans, written set-based.

A hundred thousand loans through the API would take hours and measure the API. So the rows are
generated inside PostgreSQL by ``INSERT ... SELECT generate_series`` statements, shaped as the
product writes them:

* one member lender with its accounts, funded (capital -> funding) for every loan;
* one merchant per two loans (so borrowers have two loans, and NPA is borrower-wide), each with
  its accounts (available, escrow, fees: the use cases can repay its loans);
* per loan: an approved application, the loan (Kishore, 12 monthly installments of equal
  principal with daily interest on actual/365, 12-24%), disbursed on one of the 180 days
  before the day closed, its principal and interest receivable accounts and the disbursal
  entry; its installments; the interest accrued through the day before (an accrual entry, as
  the previous close of business would have booked it); and one repayment (entry and
  ``loan_repayments`` row) for the installments paid;
* seven loans in ten paid every installment due before the day; the others stopped paying
  0-150 days before it, so the book holds every class from standard to sub-standard;
* as many credit lines as loans (:mod:`.lending_lines_data`), on the same lender;
* the previous day closed (``lending_close_days``), so the bench's run is the next day.

Account balances are set from the postings in one ``UPDATE``; the ledger's deferred trigger
checks every entry balances at COMMIT, and the bench audits the ledger after the runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa

from paysetu.bench.lending_lines_data import LINES_SQL

LENDER = "lnd_bench"
ACCOUNTS = "acct_lnd_bench_INR"
INSTALLMENTS = 12
PAYING_IN_TEN = 7


@dataclass(frozen=True, slots=True)
class BenchBook:
    loans: int
    day: date
    """The first business day the bench closes; the day before it is closed already."""
    lines: int = 0
    """Credit lines beside the loans (merchant ``i`` has line ``i``)."""


_LENDER_SQL = """
INSERT INTO lenders (id, name, kind, apex, metadata, created_at)
VALUES (:lender, 'Bench Bank', 'bank', false, '{}', :opened);

INSERT INTO ledger_accounts (id, currency, kind, credits_must_not_exceed_debits, owner_type,
                             owner_id, metadata, created_at)
SELECT :accounts || '_' || purpose, 'INR', kind, purpose = 'funding',
       CASE purpose WHEN 'settlement' THEN 'platform' ELSE 'lender' END,
       CASE purpose WHEN 'settlement' THEN 'paysetu' ELSE :lender END,
       CASE purpose WHEN 'settlement' THEN jsonb_build_object('lender', :lender) ELSE '{}' END,
       :opened
FROM (VALUES ('funding', 'asset'), ('capital', 'equity'), ('interest_income', 'income'),
             ('fee_income', 'income'), ('penalty_income', 'income'), ('settlement', 'asset')
     ) AS a(purpose, kind);

INSERT INTO lender_accounts (lender_id, currency, purpose, account_id)
SELECT :lender, 'INR', substr(id, length(:accounts) + 2), id FROM ledger_accounts
WHERE id LIKE :accounts || '\\_%';

INSERT INTO merchants (id, legal_name, country, settlement_currency, fee_bps, fee_fixed_minor,
                       metadata, created_at)
SELECT 'mer_bench' || lpad(m::text, 7, '0'), 'Bench borrower ' || m, 'IN', 'INR', 0, 0, '{}',
       :opened
FROM generate_series(0, :merchants - 1) m;

INSERT INTO ledger_accounts (id, currency, kind, debits_must_not_exceed_credits, owner_type,
                             owner_id, metadata, created_at)
SELECT 'acct_' || m.id || '_INR_' || a.purpose, 'INR', a.kind, a.purpose <> 'fees',
       CASE a.purpose WHEN 'fees' THEN 'platform' ELSE 'merchant' END,
       CASE a.purpose WHEN 'fees' THEN 'paysetu' ELSE m.id END,
       CASE a.purpose WHEN 'fees' THEN jsonb_build_object('merchant', m.id) ELSE '{}' END,
       :opened
FROM merchants m, (VALUES ('available', 'liability'), ('escrow', 'liability'),
                          ('fees', 'income')) AS a(purpose, kind)
WHERE m.id LIKE 'mer_bench%';

INSERT INTO merchant_accounts (merchant_id, currency, purpose, account_id)
SELECT m.id, 'INR', a.purpose, 'acct_' || m.id || '_INR_' || a.purpose
FROM merchants m, unnest(ARRAY['available', 'escrow', 'fees']) AS a(purpose)
WHERE m.id LIKE 'mer_bench%';
"""

# The series is bigint: i * 104729 passes 2^31 after 20,505 loans (int4 overflowed there).
_LOANS_SQL = """
CREATE TEMP TABLE bench_loans ON COMMIT DROP AS
SELECT i, 'loan_bench' || lpad(i::text, 8, '0') AS id,
       'lap_bench' || lpad(i::text, 8, '0') AS application_id,
       'mer_bench' || lpad((i % :merchants)::text, 7, '0') AS merchant_id,
       50000100 + (i * 2654435761) % 45000000 AS principal,
       CAST(1200 + (i * 40503) % 1201 AS integer) AS rate_bps,
       CAST(:day AS date) - 1 - CAST((i * 7919) % 180 AS integer) AS disbursed_on,
       CASE WHEN i % 10 < :paying THEN CAST(:day AS date)
            ELSE CAST(:day AS date) - CAST((i * 104729) % 151 AS integer) END AS paid_before
FROM generate_series(CAST(0 AS bigint), :loans - 1) i;

CREATE TEMP TABLE bench_installments ON COMMIT DROP AS
SELECT l.id AS loan_id, k AS number,
       CAST(l.disbursed_on + (k - 1) * interval '1 month' AS date) AS period_start,
       CAST(l.disbursed_on + k * interval '1 month' AS date) AS due_date,
       CASE WHEN k < :n THEN l.principal / :n ELSE l.principal - (:n - 1) * (l.principal / :n)
       END AS principal_minor,
       l.principal - (k - 1) * (l.principal / :n) AS balance, l.rate_bps, l.paid_before
FROM bench_loans l, generate_series(1, :n) k;
ALTER TABLE bench_installments ADD COLUMN interest_minor bigint;
UPDATE bench_installments SET interest_minor = (balance * rate_bps * (due_date - period_start)
    * 2 + 3650000) / 7300000;

INSERT INTO ledger_accounts (id, currency, kind, credits_must_not_exceed_debits, owner_type,
                             owner_id, metadata, created_at)
SELECT 'acct_' || l.id || '_' || part, 'INR', 'asset', true, 'lender', :lender,
       jsonb_build_object('loan', l.id, 'merchant', l.merchant_id), :opened
FROM bench_loans l, unnest(ARRAY['principal', 'interest']) part;

INSERT INTO loan_applications (id, merchant_id, lender_id, product_id, currency, amount_minor,
    tenure_periods, purpose, status, underwriting_decision, underwriting_policy,
    suggested_limit_minor, underwriting, decided_at, loan_id, created_at, updated_at)
SELECT application_id, merchant_id, :lender, 'lpr_pmmy_kishore', 'INR', principal, :n,
       'Bench', 'approved', 'approve', 'bench', principal,
       '{"decision": "approve", "policy_version": "bench", "suggested_limit_minor": 0}',
       :opened, id, :opened, :opened
FROM bench_loans;
"""

_BOOKS_SQL = """
CREATE TEMP TABLE bench_sums ON COMMIT DROP AS
SELECT loan_id,
    sum(CASE WHEN due_date <= CAST(:day AS date) - 1 THEN interest_minor
             WHEN period_start >= CAST(:day AS date) - 1 THEN 0
             ELSE interest_minor * (CAST(:day AS date) - 1 - period_start)
                  / (due_date - period_start) END) AS accrued,
    coalesce(sum(principal_minor) FILTER (WHERE due_date < paid_before), 0) AS paid_principal,
    coalesce(sum(interest_minor) FILTER (WHERE due_date < paid_before), 0) AS paid_interest,
    max(due_date) FILTER (WHERE due_date < paid_before) AS paid_on
FROM bench_installments GROUP BY loan_id;

INSERT INTO ledger_entries (id, kind, metadata, created_at)
SELECT 'je_bench_' || kind || lpad(l.i::text, 8, '0'), 'single_phase',
       jsonb_build_object('kind', 'loan_' || name, 'loan', l.id, 'merchant', l.merchant_id,
                          'lender', CAST(:lender AS text)), :opened
FROM bench_loans l JOIN bench_sums s ON s.loan_id = l.id,
     LATERAL (VALUES ('d', 'disbursal', true), ('a', 'interest_accrual', s.accrued > 0),
                     ('r', 'repayment', s.paid_principal > 0)) AS e(kind, name, wanted)
WHERE wanted
UNION ALL SELECT 'je_bench_capital', 'single_phase', CAST('{"kind": "lender_funding"}' AS jsonb),
    :opened;

INSERT INTO ledger_postings (entry_id, account_id, direction, amount_minor, currency, pending,
                             created_at)
SELECT 'je_bench_' || leg.kind || lpad(l.i::text, 8, '0'), leg.account_id, leg.direction,
       leg.amount, 'INR', false, :opened
FROM bench_loans l JOIN bench_sums s ON s.loan_id = l.id, LATERAL (VALUES
    ('d', 'acct_' || l.id || '_principal', 'debit', l.principal),
    ('d', :accounts || '_funding', 'credit', l.principal),
    ('d', :accounts || '_settlement', 'debit', l.principal),
    ('d', 'acct_' || l.merchant_id || '_INR_available', 'credit', l.principal),
    ('a', 'acct_' || l.id || '_interest', 'debit', s.accrued),
    ('a', :accounts || '_interest_income', 'credit', s.accrued),
    ('r', 'acct_' || l.merchant_id || '_INR_available', 'debit',
     s.paid_principal + s.paid_interest),
    ('r', :accounts || '_settlement', 'credit', s.paid_principal + s.paid_interest),
    ('r', :accounts || '_funding', 'debit', s.paid_principal + s.paid_interest),
    ('r', 'acct_' || l.id || '_principal', 'credit', s.paid_principal),
    ('r', 'acct_' || l.id || '_interest', 'credit', s.paid_interest)
) AS leg(kind, account_id, direction, amount)
WHERE leg.amount > 0 AND (leg.kind <> 'r' OR s.paid_principal > 0)
UNION ALL SELECT 'je_bench_capital', :accounts || '_' || side, direction,
       (SELECT sum(principal) FROM bench_loans), 'INR', false, :opened
FROM (VALUES ('funding', 'debit'), ('capital', 'credit')) AS c(side, direction);

INSERT INTO loans (id, application_id, merchant_id, lender_id, product_id, category, currency,
    principal_minor, rate_bps, tenure_periods, frequency, schedule_type, interest_period,
    day_count, installment_multiple_minor, processing_fee_minor, prepayment_fee_bps,
    foreclosure_fee_bps, penalty_rate_bps, sweep_bps, allocation_order, overpayment_policy,
    status, principal_account_id, interest_account_id, funding_account_id,
    disbursal_entry_id, disbursed_on, interest_accrued_minor, interest_accrued_through,
    created_at, updated_at)
SELECT l.id, l.application_id, l.merchant_id, :lender, 'lpr_pmmy_kishore', 'kishore', 'INR',
       l.principal, l.rate_bps, :n, 'monthly', 'equal_principal', 'daily', 'actual_365', 1, 0,
       0, 0, 200, 1000, 'penalties_fees_interest_principal', 'refuse', 'active',
       'acct_' || l.id || '_principal', 'acct_' || l.id || '_interest', :accounts || '_funding',
       'je_bench_d' || lpad(l.i::text, 8, '0'), l.disbursed_on, s.accrued,
       CAST(:day AS date) - 1, :opened, :opened
FROM bench_loans l JOIN bench_sums s ON s.loan_id = l.id;

INSERT INTO loan_installments (loan_id, number, period_start, due_date, principal_minor,
    interest_minor, principal_paid_minor, interest_paid_minor, paid_on)
SELECT loan_id, number, period_start, due_date, principal_minor, interest_minor,
       CASE WHEN due_date < paid_before THEN principal_minor ELSE 0 END,
       CASE WHEN due_date < paid_before THEN interest_minor ELSE 0 END,
       CASE WHEN due_date < paid_before THEN due_date END
FROM bench_installments;

INSERT INTO loan_repayments (id, loan_id, merchant_id, source, currency, amount_minor,
    principal_minor, interest_minor, fees_minor, penalty_minor, allocation, entry_id, paid_on,
    created_at)
SELECT 'lrp_bench' || lpad(l.i::text, 8, '0'), l.id, l.merchant_id, 'emi_debit', 'INR',
       s.paid_principal + s.paid_interest, s.paid_principal, s.paid_interest, 0, 0, '[]',
       'je_bench_r' || lpad(l.i::text, 8, '0'), s.paid_on, :opened
FROM bench_loans l JOIN bench_sums s ON s.loan_id = l.id WHERE s.paid_principal > 0;

UPDATE ledger_accounts a SET debits_posted = s.debits, credits_posted = s.credits
FROM (SELECT account_id,
             coalesce(sum(amount_minor) FILTER (WHERE direction = 'debit'), 0) AS debits,
             coalesce(sum(amount_minor) FILTER (WHERE direction = 'credit'), 0) AS credits
      FROM ledger_postings GROUP BY account_id) s
WHERE a.id = s.account_id;

INSERT INTO lending_close_days (business_date, summary, created_at)
VALUES (CAST(:day AS date) - 1, '{"object": "lending_close_day", "seeded": true}', :opened);
"""


def _run(connection: sa.Connection, script: str, params: dict[str, object]) -> None:
    for statement in script.split(";\n"):
        if statement.strip():
            used = {k: v for k, v in params.items() if f":{k}" in statement}
            connection.execute(sa.text(statement), used)


def generate(engine: sa.Engine, book: BenchBook) -> None:
    """Write ``book`` into the (migrated, empty) bench database in one transaction."""
    opened = datetime.combine(book.day - timedelta(days=400), time(9), tzinfo=UTC)
    params: dict[str, object] = {
        "lender": LENDER, "accounts": ACCOUNTS, "loans": book.loans,
        "merchants": max(1, book.loans // 2, book.lines), "lines": book.lines,
        "day": book.day, "n": INSTALLMENTS, "paying": PAYING_IN_TEN, "opened": opened,
    }
    with engine.begin() as connection:
        _run(connection, _LENDER_SQL, params)
        _run(connection, _LOANS_SQL, params)
        if book.lines:
            _run(connection, LINES_SQL, params)
        _run(connection, _BOOKS_SQL, params)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE")
