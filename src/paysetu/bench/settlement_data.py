"""The settlement bench's data: a day of captured payments and refunds, written set-based.

A million payments through the API would take an hour and measure the API, not settlement. So
the rows are generated inside PostgreSQL by a few ``INSERT ... SELECT generate_series`` statements,
shaped exactly as the product writes them:

* merchants with their available, escrow and fee accounts per currency (``merchant_accounts``)
  and a payout account per currency (an Indian account and IFSC for INR, an IBAN otherwise);
* customers with one wallet per currency, each funded by a top-up entry from a funding account;
* per payment: a ``payments`` row (succeeded, automatic capture) and the charge entry the
  product books (wallet debit, merchant available credit net of the fee, fee income credit),
  with the same metadata (``kind``, ``payment``, ``merchant``);
* every 20th payment is half refunded: a ``refunds`` row and its entry (available -> wallet).

Account balances are then set from the postings in one ``UPDATE``, and the ledger's deferred
trigger checks every entry balances at COMMIT; the bench audits the ledger afterwards, so the
data is a ledger the product could have written, not an approximation of one.

Pseudo-random choices are integer hashes of the row number: the same arguments give the same
rows, with no Python loop and no rows in Python memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

CURRENCIES = ("INR", "USD", "EUR", "JPY", "CNY")
FEE_BPS = 200
REFUND_EVERY = 20
"""One payment in 20 (5%) is refunded, half of its amount."""
FEE_SQL = "(amount_minor * :fee_bps + 5000) / 10000"
"""A payment's fee, as :meth:`paysetu.payments.rules.payments.FeePlan.fee_for` computes it
(half up to the minor unit; no fixed part; tests/property/test_settlement_bench_fee_sql.py)."""


@dataclass(frozen=True, slots=True)
class BenchDay:
    """What to generate.

    Attributes:
        payments: Captured payments.
        merchants: Merchants; payment ``i`` goes to merchant ``i % merchants``.
        customers: Payers, each with a funded wallet per currency.
        day_start: Start of the 24 hours the payments are spread over.
    """

    payments: int
    merchants: int
    customers: int
    day_start: datetime


def _merchants_sql() -> str:
    return """
INSERT INTO merchants (id, legal_name, country, settlement_currency, fee_bps, fee_fixed_minor,
                       metadata, created_at)
SELECT 'mer_bench' || lpad(m::text, 6, '0'), 'Bench merchant ' || m, 'IN',
       (CAST(:currencies AS text[]))[1 + m % cardinality(CAST(:currencies AS text[]))],
       :fee_bps, 0, '{}'::jsonb, :opened
FROM generate_series(0, :merchants - 1) m;

INSERT INTO ledger_accounts (id, currency, kind, debits_must_not_exceed_credits, owner_type,
                             owner_id, metadata, created_at)
SELECT 'acct_' || mer.id || '_' || cur || '_' || purpose, cur,
       CASE purpose WHEN 'fees' THEN 'income' ELSE 'liability' END, purpose <> 'fees',
       CASE purpose WHEN 'fees' THEN 'platform' ELSE 'merchant' END,
       CASE purpose WHEN 'fees' THEN 'paysetu' ELSE mer.id END,
       CASE purpose WHEN 'fees' THEN jsonb_build_object('merchant', mer.id) ELSE '{}' END,
       :opened
FROM merchants mer, unnest(CAST(:currencies AS text[])) cur,
     unnest(ARRAY['available', 'escrow', 'fees']) purpose
WHERE mer.id LIKE 'mer_bench%';

INSERT INTO merchant_accounts (merchant_id, currency, purpose, account_id)
SELECT owner_id, currency, split_part(id, '_', 5), id FROM ledger_accounts
WHERE id LIKE 'acct_mer_bench%' AND owner_type = 'merchant'
UNION ALL
SELECT metadata->>'merchant', currency, 'fees', id FROM ledger_accounts
WHERE id LIKE 'acct_mer_bench%' AND owner_type = 'platform';

INSERT INTO merchant_payout_accounts (id, merchant_id, currency, scheme, holder_name, country,
                                      iban, bic, account_number, bank_code, bank_code_scheme,
                                      created_at)
SELECT 'pac_' || replace(mer.id, '_', '') || cur, mer.id, cur,
       CASE cur WHEN 'INR' THEN 'local' ELSE 'iban' END, mer.legal_name,
       CASE cur WHEN 'INR' THEN 'IN' ELSE 'DE' END,
       CASE cur WHEN 'INR' THEN NULL ELSE 'DE89370400440532013000' END,
       CASE cur WHEN 'INR' THEN NULL ELSE 'COBADEFFXXX' END,
       CASE cur WHEN 'INR' THEN lpad(substr(mer.id, 10), 12, '0') END,
       CASE cur WHEN 'INR' THEN 'HDFC0000123' END,
       CASE cur WHEN 'INR' THEN 'in_ifsc' END, :opened
FROM merchants mer, unnest(CAST(:currencies AS text[])) cur WHERE mer.id LIKE 'mer_bench%';
"""


def _payers_sql() -> str:
    return """
INSERT INTO customers (id, name, kyc_tier, metadata, created_at)
SELECT 'cus_bench' || lpad(c::text, 6, '0'), 'Bench payer ' || c, 'full', '{}', :opened
FROM generate_series(0, :customers - 1) c;

INSERT INTO ledger_accounts (id, currency, kind, debits_must_not_exceed_credits, owner_type,
                             owner_id, created_at)
SELECT 'acct_' || cus.id || '_' || cur, cur, 'liability', true, 'customer', cus.id, :opened
FROM customers cus, unnest(CAST(:currencies AS text[])) cur WHERE cus.id LIKE 'cus_bench%'
UNION ALL
SELECT 'acct_bench_funding_' || cur, cur, 'equity', false, 'platform', 'paysetu', :opened
FROM unnest(CAST(:currencies AS text[])) cur;

INSERT INTO wallets (id, customer_id, currency, account_id, created_at)
SELECT 'wal_' || substr(owner_id, 5) || '_' || currency, owner_id, currency, id, :opened
FROM ledger_accounts WHERE owner_type = 'customer' AND id LIKE 'acct_cus_bench%';
"""


_PAYMENT_ROWS = f"""
CREATE TEMP TABLE bench_payments ON COMMIT DROP AS
SELECT i,
       'pay_bench' || lpad(i::text, 10, '0') AS id,
       'mer_bench' || lpad((i % :merchants)::text, 6, '0') AS merchant_id,
       'cus_bench' || lpad(((i * 7919) % :customers)::text, 6, '0') AS customer_id,
       (CAST(:currencies AS text[]))[1 + (i / :merchants) % 5] AS currency,
       100 + (i * 2654435761) % 500000 AS amount_minor,
       :day_start + ((i * 40503) % 86400000) * interval '1 millisecond' AS created_at
FROM generate_series(0::bigint, :payments - 1) i;
ALTER TABLE bench_payments ADD COLUMN fee_minor bigint;
UPDATE bench_payments SET fee_minor = {FEE_SQL};
"""


def _payments_sql() -> str:
    return """
INSERT INTO payments (id, merchant_id, customer_id, wallet_id, amount_minor, currency,
                      capture_method, escrow, status, amount_captured_minor,
                      amount_refunded_minor, fee_minor, metadata, created_at, updated_at)
SELECT id, merchant_id, customer_id, 'wal_' || substr(customer_id, 5) || '_' || currency,
       amount_minor, currency, 'automatic', false, 'succeeded', amount_minor,
       CASE WHEN i % :refund_every = 0 THEN amount_minor / 2 ELSE 0 END, fee_minor, '{}',
       created_at, created_at
FROM bench_payments;

INSERT INTO ledger_entries (id, kind, metadata, created_at)
SELECT 'je_' || id, 'single_phase',
       jsonb_build_object('kind', 'payment', 'payment', id, 'merchant', merchant_id), created_at
FROM bench_payments;

INSERT INTO ledger_postings (entry_id, account_id, direction, amount_minor, currency, pending,
                             created_at)
SELECT 'je_' || id, leg.account_id, leg.direction, leg.amount_minor, currency, false, created_at
FROM bench_payments, LATERAL (VALUES
    ('acct_' || customer_id || '_' || currency, 'debit', amount_minor),
    ('acct_' || merchant_id || '_' || currency || '_available', 'credit',
     amount_minor - fee_minor),
    ('acct_' || merchant_id || '_' || currency || '_fees', 'credit', fee_minor)
) AS leg(account_id, direction, amount_minor);
"""


def _refunds_sql() -> str:
    return """
INSERT INTO ledger_entries (id, kind, metadata, created_at)
SELECT 'je_ref_bench' || lpad(i::text, 10, '0'), 'single_phase',
       jsonb_build_object('kind', 'refund', 'payment', id, 'merchant', merchant_id,
                          'refund', 'ref_bench' || lpad(i::text, 10, '0')),
       created_at + interval '1 millisecond'
FROM bench_payments WHERE i % :refund_every = 0;

INSERT INTO ledger_postings (entry_id, account_id, direction, amount_minor, currency, pending,
                             created_at)
SELECT 'je_ref_bench' || lpad(i::text, 10, '0'), leg.account_id, leg.direction, amount_minor / 2,
       currency, false, created_at + interval '1 millisecond'
FROM bench_payments, LATERAL (VALUES
    ('acct_' || merchant_id || '_' || currency || '_available', 'debit'),
    ('acct_' || customer_id || '_' || currency, 'credit')
) AS leg(account_id, direction)
WHERE i % :refund_every = 0;

INSERT INTO refunds (id, payment_id, merchant_id, amount_minor, currency, status, entry_id,
                     metadata, created_at)
SELECT 'ref_bench' || lpad(i::text, 10, '0'), id, merchant_id, amount_minor / 2, currency,
       'succeeded', 'je_ref_bench' || lpad(i::text, 10, '0'), '{}',
       created_at + interval '1 millisecond'
FROM bench_payments WHERE i % :refund_every = 0;
"""


def _funding_sql() -> str:
    """One top-up per wallet, for exactly what its payments took net of refunds."""
    return """
CREATE TEMP TABLE bench_fundings ON COMMIT DROP AS
SELECT p.account_id, p.currency,
       sum(CASE p.direction WHEN 'debit' THEN p.amount_minor ELSE -p.amount_minor END) AS need
FROM ledger_postings p JOIN wallets w ON w.account_id = p.account_id
WHERE w.id LIKE 'wal_bench%' GROUP BY p.account_id, p.currency;

INSERT INTO ledger_entries (id, kind, metadata, created_at)
SELECT 'je_fund_' || substr(account_id, 6), 'single_phase',
       jsonb_build_object('kind', 'top_up'), :opened
FROM bench_fundings WHERE need > 0;

INSERT INTO ledger_postings (entry_id, account_id, direction, amount_minor, currency, pending,
                             created_at)
SELECT 'je_fund_' || substr(f.account_id, 6), leg.account_id, leg.direction, f.need, f.currency,
       false, :opened
FROM bench_fundings f, LATERAL (VALUES
    ('acct_bench_funding_' || f.currency, 'debit'), (f.account_id, 'credit')
) AS leg(account_id, direction)
WHERE need > 0;

UPDATE ledger_accounts a SET
    debits_posted = s.debits, credits_posted = s.credits
FROM (SELECT account_id,
             coalesce(sum(amount_minor) FILTER (WHERE direction = 'debit'), 0) AS debits,
             coalesce(sum(amount_minor) FILTER (WHERE direction = 'credit'), 0) AS credits
      FROM ledger_postings GROUP BY account_id) s
WHERE a.id = s.account_id;
"""


def _run(connection: sa.Connection, script: str, params: dict[str, object]) -> None:
    for statement in script.split(";\n"):
        if statement.strip():
            used = {k: v for k, v in params.items() if f":{k}" in statement}
            connection.execute(sa.text(statement), used)


def generate(engine: sa.Engine, day: BenchDay) -> None:
    """Write ``day`` into the (migrated, empty) bench database in one transaction."""
    params: dict[str, object] = {
        "currencies": list(CURRENCIES), "merchants": day.merchants, "customers": day.customers,
        "payments": day.payments, "fee_bps": FEE_BPS, "refund_every": REFUND_EVERY,
        "day_start": day.day_start, "opened": day.day_start - timedelta(days=365),
    }
    with engine.begin() as connection:
        _run(connection, _merchants_sql(), params)
        _run(connection, _payers_sql(), params)
        _run(connection, _PAYMENT_ROWS, params)
        _run(connection, _payments_sql(), params)
        _run(connection, _refunds_sql(), params)
        _run(connection, _funding_sql(), params)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE")
