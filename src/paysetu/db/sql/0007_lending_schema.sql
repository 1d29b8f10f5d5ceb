-- paysetu micro-credit (applied by Alembic revision 0007): lenders, loan products (seeded with
-- the four PMMY categories), applications with their stored underwriting, loans, installments
-- and repayments. Money lives only in the ledger: a loan's principal and interest receivable
-- are ledger accounts (loans.principal_account_id, loans.interest_account_id); installments and
-- repayments record what was owed and how each repayment was allocated, and every repayment
-- points to the journal entry that moved its money.

CREATE TABLE lenders (
    id text PRIMARY KEY CHECK (id ~ '^lnd_[A-Za-z0-9]+$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind text NOT NULL CHECK (kind IN ('bank', 'nbfc', 'mfi', 'refinancer')),
    apex boolean NOT NULL DEFAULT false,       -- the apex refinancer (MUDRA's role): never lends
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX lenders_one_apex ON lenders (apex) WHERE apex;

-- A lender's ledger accounts per currency, by purpose: funding, capital, interest_income,
-- fee_income, penalty_income, settlement (see paysetu.domain.lending). Close of business and
-- refinance add purposes of their own (provisions, suspense, refinance), so the purpose is
-- free text here rather than a closed list.
CREATE TABLE lender_accounts (
    lender_id text NOT NULL REFERENCES lenders (id),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    purpose text NOT NULL CHECK (purpose ~ '^[a-z][a-z_]{0,39}$'),
    account_id text NOT NULL UNIQUE REFERENCES ledger_accounts (id),
    PRIMARY KEY (lender_id, currency, purpose)
);

-- The configurable product table. Amounts in minor units, rates and fees in basis points
-- (annual for rates), tenures in periods of the product's frequency.
CREATE TABLE loan_products (
    id text PRIMARY KEY CHECK (id ~ '^lpr_[A-Za-z0-9_]+$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    category text NOT NULL CHECK (category IN ('shishu', 'kishore', 'tarun', 'tarun_plus')),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount_min_minor bigint NOT NULL CHECK (amount_min_minor > 0),
    amount_max_minor bigint NOT NULL,
    rate_min_bps integer NOT NULL CHECK (rate_min_bps >= 0),
    rate_max_bps integer NOT NULL CHECK (rate_max_bps <= 100000),
    tenure_min_periods integer NOT NULL CHECK (tenure_min_periods >= 1),
    tenure_max_periods integer NOT NULL CHECK (tenure_max_periods <= 1200),
    frequency text NOT NULL CHECK (frequency IN ('monthly', 'weekly')),
    schedule_type text NOT NULL CHECK (schedule_type IN ('emi', 'equal_principal', 'flat')),
    interest_period text NOT NULL CHECK (interest_period IN ('repayment_period', 'daily')),
    day_count text NOT NULL CHECK (day_count IN ('actual_actual', 'actual_365', 'thirty_360')),
    installment_multiple_minor bigint NOT NULL DEFAULT 1 CHECK (installment_multiple_minor >= 1),
    processing_fee_bps integer NOT NULL CHECK (processing_fee_bps BETWEEN 0 AND 9999),
    prepayment_fee_bps integer NOT NULL CHECK (prepayment_fee_bps BETWEEN 0 AND 10000),
    foreclosure_fee_bps integer NOT NULL CHECK (foreclosure_fee_bps BETWEEN 0 AND 10000),
    penalty_rate_bps integer NOT NULL CHECK (penalty_rate_bps BETWEEN 0 AND 100000),
    sweep_bps integer NOT NULL CHECK (sweep_bps BETWEEN 0 AND 10000),
    allocation_order text NOT NULL
        CHECK (allocation_order IN ('penalties_fees_interest_principal', 'rbi_interest_first')),
    overpayment_policy text NOT NULL CHECK (overpayment_policy IN ('refuse', 'return')),
    requires_repaid_category text
        CHECK (requires_repaid_category IN ('shishu', 'kishore', 'tarun', 'tarun_plus')),
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (amount_min_minor <= amount_max_minor),
    CHECK (rate_min_bps <= rate_max_bps),
    CHECK (tenure_min_periods <= tenure_max_periods)
);

-- PMMY defaults (domain.md section 6), INR: Shishu up to 50,000; Kishore 50,001-5,00,000;
-- Tarun 5,00,001-10,00,000; Tarun Plus 10,00,001-20,00,000, only after a fully repaid Tarun.
-- No scheme rate: each lender picks a rate within the range at approval. Monthly EMI with daily
-- interest on actual/365; no processing fee for Shishu and Kishore, 0.5% for Tarun (Plus).
INSERT INTO loan_products (id, name, category, currency, amount_min_minor, amount_max_minor,
    rate_min_bps, rate_max_bps, tenure_min_periods, tenure_max_periods, frequency, schedule_type,
    interest_period, day_count, installment_multiple_minor, processing_fee_bps,
    prepayment_fee_bps, foreclosure_fee_bps, penalty_rate_bps, sweep_bps, allocation_order,
    overpayment_policy, requires_repaid_category) VALUES
    ('lpr_pmmy_shishu', 'PMMY Shishu', 'shishu', 'INR', 100, 5000000,
     700, 2400, 3, 36, 'monthly', 'emi', 'daily', 'actual_365', 1, 0, 0, 0, 200, 1000,
     'penalties_fees_interest_principal', 'refuse', NULL),
    ('lpr_pmmy_kishore', 'PMMY Kishore', 'kishore', 'INR', 5000100, 50000000,
     700, 2400, 6, 60, 'monthly', 'emi', 'daily', 'actual_365', 1, 0, 0, 0, 200, 1000,
     'penalties_fees_interest_principal', 'refuse', NULL),
    ('lpr_pmmy_tarun', 'PMMY Tarun', 'tarun', 'INR', 50000100, 100000000,
     700, 2400, 12, 84, 'monthly', 'emi', 'daily', 'actual_365', 1, 50, 100, 100, 200, 1000,
     'penalties_fees_interest_principal', 'refuse', NULL),
    ('lpr_pmmy_tarun_plus', 'PMMY Tarun Plus', 'tarun_plus', 'INR', 100000100, 200000000,
     700, 2400, 12, 84, 'monthly', 'emi', 'daily', 'actual_365', 1, 50, 100, 100, 200, 1000,
     'penalties_fees_interest_principal', 'refuse', 'tarun');

CREATE TABLE loan_applications (
    id text PRIMARY KEY CHECK (id ~ '^lap_[A-Za-z0-9]+$'),
    merchant_id text NOT NULL REFERENCES merchants (id),
    lender_id text NOT NULL REFERENCES lenders (id),
    product_id text NOT NULL REFERENCES loan_products (id),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    tenure_periods integer NOT NULL CHECK (tenure_periods > 0),
    purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
    status text NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected')),
    -- The underwriting policy's advice at submission, also inside `underwriting` with the
    -- features, reasons and inputs it was computed from.
    underwriting_decision text NOT NULL
        CHECK (underwriting_decision IN ('approve', 'refer', 'decline')),
    underwriting_policy text NOT NULL,
    suggested_limit_minor bigint NOT NULL CHECK (suggested_limit_minor >= 0),
    underwriting jsonb NOT NULL CHECK (jsonb_typeof(underwriting) = 'object'),
    decision_reason text CHECK (length(decision_reason) BETWEEN 1 AND 500),
    decided_at timestamptz,
    loan_id text,                              -- loans.id once approved (FK below)
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK ((status = 'submitted') = (decided_at IS NULL)),
    CHECK ((status = 'approved') = (loan_id IS NOT NULL)),
    CHECK (status <> 'rejected' OR decision_reason IS NOT NULL)
);
CREATE INDEX loan_applications_merchant ON loan_applications (merchant_id, id);
CREATE INDEX loan_applications_lender ON loan_applications (lender_id, id);

-- A loan copies its terms from the product at approval. Close of business (a later revision)
-- adds its classification here: days past due, asset class (SMA-0/1/2, sub-standard, doubtful
-- D1-D3, loss), NPA since, provision held.
CREATE TABLE loans (
    id text PRIMARY KEY CHECK (id ~ '^loan_[A-Za-z0-9]+$'),
    application_id text NOT NULL UNIQUE REFERENCES loan_applications (id),
    merchant_id text NOT NULL REFERENCES merchants (id),
    lender_id text NOT NULL REFERENCES lenders (id),
    product_id text NOT NULL REFERENCES loan_products (id),
    category text NOT NULL CHECK (category IN ('shishu', 'kishore', 'tarun', 'tarun_plus')),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    principal_minor bigint NOT NULL CHECK (principal_minor > 0),
    rate_bps integer NOT NULL CHECK (rate_bps >= 0),
    tenure_periods integer NOT NULL CHECK (tenure_periods > 0),
    frequency text NOT NULL CHECK (frequency IN ('monthly', 'weekly')),
    schedule_type text NOT NULL CHECK (schedule_type IN ('emi', 'equal_principal', 'flat')),
    interest_period text NOT NULL CHECK (interest_period IN ('repayment_period', 'daily')),
    day_count text NOT NULL CHECK (day_count IN ('actual_actual', 'actual_365', 'thirty_360')),
    installment_multiple_minor bigint NOT NULL CHECK (installment_multiple_minor >= 1),
    processing_fee_minor bigint NOT NULL CHECK (processing_fee_minor >= 0),
    prepayment_fee_bps integer NOT NULL CHECK (prepayment_fee_bps BETWEEN 0 AND 10000),
    foreclosure_fee_bps integer NOT NULL CHECK (foreclosure_fee_bps BETWEEN 0 AND 10000),
    penalty_rate_bps integer NOT NULL CHECK (penalty_rate_bps >= 0),
    sweep_bps integer NOT NULL CHECK (sweep_bps BETWEEN 0 AND 10000),
    allocation_order text NOT NULL,
    overpayment_policy text NOT NULL CHECK (overpayment_policy IN ('refuse', 'return')),
    status text NOT NULL CHECK (status IN ('approved', 'active', 'closed', 'written_off')),
    closed_reason text CHECK (closed_reason IN ('repaid', 'foreclosed')),
    principal_account_id text NOT NULL UNIQUE REFERENCES ledger_accounts (id),
    interest_account_id text NOT NULL UNIQUE REFERENCES ledger_accounts (id),
    funding_account_id text NOT NULL REFERENCES ledger_accounts (id),
    disbursal_entry_id text UNIQUE REFERENCES ledger_entries (id),
    disbursed_on date,
    closed_on date,
    interest_accrued_minor bigint NOT NULL DEFAULT 0 CHECK (interest_accrued_minor >= 0),
    interest_accrued_through date,
    auto_debit_attempted_on date,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK (processing_fee_minor < principal_minor),
    CHECK ((status = 'approved') = (disbursal_entry_id IS NULL)),
    CHECK ((disbursal_entry_id IS NULL) = (disbursed_on IS NULL)),
    CHECK ((status = 'closed') = (closed_reason IS NOT NULL)),
    CHECK (status <> 'closed' OR closed_on IS NOT NULL)
);
CREATE INDEX loans_merchant ON loans (merchant_id, id);
CREATE INDEX loans_lender ON loans (lender_id, id);
CREATE INDEX loans_status ON loans (status, id);
ALTER TABLE loan_applications ADD CONSTRAINT loan_applications_loan
    FOREIGN KEY (loan_id) REFERENCES loans (id) DEFERRABLE INITIALLY DEFERRED;

-- What each installment owes and what has been paid of it. Rows change as repayments arrive
-- (and when a prepayment re-amortises or a foreclosure closes the schedule); the money each
-- change stands for is in the repayment's journal entry. Close of business adds penalties.
CREATE TABLE loan_installments (
    loan_id text NOT NULL REFERENCES loans (id),
    number integer NOT NULL CHECK (number >= 1),
    period_start date NOT NULL,
    due_date date NOT NULL,
    principal_minor bigint NOT NULL CHECK (principal_minor >= 0),
    interest_minor bigint NOT NULL CHECK (interest_minor >= 0),
    fees_minor bigint NOT NULL DEFAULT 0 CHECK (fees_minor >= 0),
    penalty_minor bigint NOT NULL DEFAULT 0 CHECK (penalty_minor >= 0),
    principal_paid_minor bigint NOT NULL DEFAULT 0,
    interest_paid_minor bigint NOT NULL DEFAULT 0,
    fees_paid_minor bigint NOT NULL DEFAULT 0,
    penalty_paid_minor bigint NOT NULL DEFAULT 0,
    fully_paid boolean GENERATED ALWAYS AS (
        principal_paid_minor = principal_minor AND interest_paid_minor = interest_minor
        AND fees_paid_minor = fees_minor AND penalty_paid_minor = penalty_minor) STORED,
    paid_on date,                              -- the day it became fully paid
    PRIMARY KEY (loan_id, number),
    CHECK (period_start < due_date),
    CHECK (principal_paid_minor BETWEEN 0 AND principal_minor),
    CHECK (interest_paid_minor BETWEEN 0 AND interest_minor),
    CHECK (fees_paid_minor BETWEEN 0 AND fees_minor),
    CHECK (penalty_paid_minor BETWEEN 0 AND penalty_minor)
);
-- Due and unpaid installments by date: EMI auto-debit, and days past due at close of business.
CREATE INDEX loan_installments_unpaid ON loan_installments (due_date, loan_id)
    WHERE NOT fully_paid;

CREATE TABLE loan_repayments (
    id text PRIMARY KEY CHECK (id ~ '^lrp_[A-Za-z0-9]+$'),
    loan_id text NOT NULL REFERENCES loans (id),
    merchant_id text NOT NULL REFERENCES merchants (id),
    source text NOT NULL
        CHECK (source IN ('emi_debit', 'manual', 'prepayment', 'foreclosure', 'sweep')),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    principal_minor bigint NOT NULL CHECK (principal_minor >= 0),
    interest_minor bigint NOT NULL CHECK (interest_minor >= 0),
    fees_minor bigint NOT NULL CHECK (fees_minor >= 0),
    penalty_minor bigint NOT NULL CHECK (penalty_minor >= 0),
    returned_minor bigint NOT NULL DEFAULT 0 CHECK (returned_minor >= 0),
    allocation jsonb NOT NULL CHECK (jsonb_typeof(allocation) = 'array'),
    entry_id text NOT NULL UNIQUE REFERENCES ledger_entries (id),
    paid_on date NOT NULL,
    created_at timestamptz NOT NULL,
    CHECK (amount_minor = principal_minor + interest_minor + fees_minor + penalty_minor)
);
CREATE INDEX loan_repayments_loan ON loan_repayments (loan_id, id);
CREATE INDEX loan_repayments_paid_on ON loan_repayments (paid_on);
