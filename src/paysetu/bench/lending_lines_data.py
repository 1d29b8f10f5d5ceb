"""The lending bench's credit lines: as many lines as loans, written set-based beside them.

Line ``i`` belongs to merchant ``i`` (the first half of them also have two term loans each, so
classification is borrower-wide across loans and lines). Per line, generated with bigint
arithmetic (``i * 2654435761`` passes 2^31 at the first line):

* a Kishore limit of 1,00,000-5,00,000, a rate of 12-24%, the month just debited (the day
  before the bench's first day is a month end);
* three settlement batches of the merchant inside the 90-day drawing-power window, so the
  drawing power is 40%-130% of the limit (capped by it);
* a drawn balance of 30%-110% of the limit (its draw entry: Dr drawn, Cr funding, Dr lender
  settlement, Cr merchant available, and the lender's capital for it), so some lines are above
  their drawing power; the last credit 0-119 days before, over-the-power runs of 0-119 days,
  reviews due from 265 days before to 100 days after; one line in five with April's interest
  debit not covered: every out-of-order rule and class occurs;
* the ledger balances are set from the postings by the loans' script that runs after this one.
"""

from __future__ import annotations

LINES_SQL = """
CREATE TEMP TABLE bench_lines ON COMMIT DROP AS
SELECT i, 'cln_bench' || lpad(i::text, 8, '0') AS id,
       'mer_bench' || lpad(i::text, 7, '0') AS merchant_id,
       10000000 + (i * 2654435761) % 40000000 AS limit_minor,
       CAST(1200 + (i * 40503) % 1201 AS integer) AS rate_bps,
       CAST(4 + i % 10 AS bigint) AS sales_tenths,
       CAST(3 + (i * 7919) % 9 AS bigint) AS drawn_tenths,
       CAST(:day AS date) - 1 - CAST((i * 104729) % 120 AS integer) AS over_since,
       CAST(:day AS date) - 1 - CAST((i * 31) % 120 AS integer) AS last_credit_on,
       CAST(:day AS date) + 100 - CAST((i * 13) % 365 AS integer) AS review_due
FROM generate_series(CAST(0 AS bigint), :lines - 1) i;

ALTER TABLE bench_lines ADD COLUMN drawn bigint, ADD COLUMN batch bigint;
UPDATE bench_lines SET drawn = limit_minor * drawn_tenths / 10,
                       batch = limit_minor * sales_tenths / 30;

INSERT INTO settlement_batches (id, merchant_id, currency, settlement_date, window_start,
    window_end, status, carry_reason, item_count, gross_minor, refunds_minor, fees_minor,
    adjustments_minor, carried_in_minor, reserve_held_minor, reserve_released_minor,
    loan_sweep_minor, net_minor, payout_minor, carried_forward_minor, created_at)
SELECT 'stl_bench' || lpad(l.i::text, 8, '0') || k, l.merchant_id, 'INR',
       CAST(:day AS date) - 10 - 30 * k,
       CAST(CAST(:day AS date) - 11 - 30 * k AS timestamptz),
       CAST(CAST(:day AS date) - 10 - 30 * k AS timestamptz), 'carried_forward',
       'no_payout_account', 1, l.batch, 0, 0, 0, 0, 0, 0, 0, l.batch, 0, l.batch, :opened
FROM bench_lines l, generate_series(0, 2) k;

INSERT INTO ledger_accounts (id, currency, kind, credits_must_not_exceed_debits, owner_type,
                             owner_id, metadata, created_at)
SELECT 'acct_' || l.id || '_' || part, 'INR', 'asset', true, 'lender', :lender,
       jsonb_build_object('credit_line', l.id), :opened
FROM bench_lines l, unnest(ARRAY['drawn', 'interest']) part;

INSERT INTO ledger_entries (id, kind, metadata, created_at)
SELECT 'je_bench_w' || lpad(i::text, 8, '0'), 'single_phase',
       jsonb_build_object('kind', 'credit_line_draw', 'credit_line', id), :opened
FROM bench_lines
UNION ALL SELECT 'je_bench_capital_lines', 'single_phase',
    CAST('{"kind": "lender_funding"}' AS jsonb), :opened;

INSERT INTO ledger_postings (entry_id, account_id, direction, amount_minor, currency, pending,
                             created_at)
SELECT 'je_bench_w' || lpad(l.i::text, 8, '0'), leg.account_id, leg.direction, l.drawn, 'INR',
       false, :opened
FROM bench_lines l, LATERAL (VALUES
    ('acct_' || l.id || '_drawn', 'debit'), (:accounts || '_funding', 'credit'),
    (:accounts || '_settlement', 'debit'),
    ('acct_' || l.merchant_id || '_INR_available', 'credit')) AS leg(account_id, direction)
UNION ALL SELECT 'je_bench_capital_lines', :accounts || '_' || side, direction,
       (SELECT sum(drawn) FROM bench_lines), 'INR', false, :opened
FROM (VALUES ('funding', 'debit'), ('capital', 'credit')) AS c(side, direction);

INSERT INTO credit_lines (id, merchant_id, lender_id, category, currency, limit_minor,
    rate_bps, penal_rate_bps, sweep_bps, review_due, status, drawn_account_id,
    interest_account_id, funding_account_id, drawing_power_minor, dp_net_settled_minor, dp_as_of,
    sanctioned_on, interest_accrued_through, over_since, debit_since, last_credit_on,
    created_at, updated_at)
SELECT id, merchant_id, :lender, 'kishore', 'INR', limit_minor, rate_bps, 200, 1000,
       review_due, 'active', 'acct_' || id || '_drawn', 'acct_' || id || '_interest',
       :accounts || '_funding', least(limit_minor, batch * 3 / 2), batch * 3,
       CAST(:day AS date) - 1,
       CAST(:day AS date) - 200, CAST(:day AS date) - 1,
       CASE WHEN drawn > least(limit_minor, batch * 3 / 2) THEN over_since END,
       CAST(:day AS date) - 150, last_credit_on, :opened, :opened
FROM bench_lines;

INSERT INTO credit_line_interest_debits (line_id, debited_on, amount_minor, covered_minor)
SELECT id, CAST(:day AS date) - 32, drawn * rate_bps * 30 / 3650000 + 1,
       CASE WHEN i % 5 = 0 THEN 0 ELSE drawn * rate_bps * 30 / 3650000 + 1 END
FROM bench_lines
"""
