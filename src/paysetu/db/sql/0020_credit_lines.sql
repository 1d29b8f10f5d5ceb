-- paysetu working-capital credit lines (applied by Alembic revision 0020): the cash-credit /
-- overdraft of the MUDRA card model. A lender sanctions a line to a merchant (a limit within a
-- PMMY category, a rate, a penal rate, an annual review date); the merchant draws within the
-- drawing power and repays any time. Money lives in the ledger: the drawn balance (debited
-- interest included) is credit_lines.drawn_account_id, interest accrued and not yet debited is
-- interest_account_id. The rest is state: the drawing power and its basis, the month's
-- interest accumulator, penal charges due (a charge, not a balance that bears interest), the
-- out-of-order runs, and the classification close of business keeps (as loans do).

CREATE TABLE credit_lines (
    id text PRIMARY KEY CHECK (id ~ '^cln_[A-Za-z0-9]+$'),
    merchant_id text NOT NULL REFERENCES merchants (id),
    lender_id text NOT NULL REFERENCES lenders (id),
    category text NOT NULL CHECK (category IN ('shishu', 'kishore', 'tarun', 'tarun_plus')),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    limit_minor bigint NOT NULL CHECK (limit_minor > 0),
    rate_bps integer NOT NULL CHECK (rate_bps BETWEEN 0 AND 100000),
    penal_rate_bps integer NOT NULL CHECK (penal_rate_bps BETWEEN 0 AND 100000),
    sweep_bps integer NOT NULL CHECK (sweep_bps BETWEEN 0 AND 10000),
    review_due date NOT NULL,
    status text NOT NULL CHECK (status IN ('active', 'closed')),
    drawn_account_id text NOT NULL UNIQUE REFERENCES ledger_accounts (id),
    interest_account_id text NOT NULL UNIQUE REFERENCES ledger_accounts (id),
    funding_account_id text NOT NULL REFERENCES ledger_accounts (id),
    drawing_power_minor bigint NOT NULL CHECK (drawing_power_minor BETWEEN 0 AND limit_minor),
    -- The drawing power's basis: the net settled sales of the window ending on dp_as_of (the
    -- explanation is recomputed from them and the policy, never stored as text).
    dp_net_settled_minor bigint NOT NULL,
    dp_as_of date NOT NULL,
    sanctioned_on date NOT NULL,
    closed_on date,
    renewals integer NOT NULL DEFAULT 0 CHECK (renewals >= 0),
    rate_balance_days bigint NOT NULL DEFAULT 0 CHECK (rate_balance_days >= 0),
    interest_accrued_minor bigint NOT NULL DEFAULT 0 CHECK (interest_accrued_minor >= 0),
    interest_accrued_through date,
    penal_charges_minor bigint NOT NULL DEFAULT 0 CHECK (penal_charges_minor >= 0),
    over_since date,
    debit_since date,
    last_credit_on date,
    classified_on date,
    out_of_order_days integer NOT NULL DEFAULT 0 CHECK (out_of_order_days >= 0),
    asset_class text NOT NULL DEFAULT 'standard' CHECK (asset_class IN ('standard', 'sma_1',
        'sma_2', 'substandard', 'doubtful_1', 'doubtful_2', 'doubtful_3', 'loss')),
    npa_since date,
    provision_minor bigint NOT NULL DEFAULT 0 CHECK (provision_minor >= 0),
    interest_suspense_minor bigint NOT NULL DEFAULT 0 CHECK (interest_suspense_minor >= 0),
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
    CHECK ((npa_since IS NOT NULL)
        = (asset_class IN ('substandard', 'doubtful_1', 'doubtful_2', 'doubtful_3', 'loss')))
);
-- One open line per merchant, lender and currency (a renewal extends it).
CREATE UNIQUE INDEX credit_lines_one_open ON credit_lines (merchant_id, lender_id, currency)
    WHERE status = 'active';
CREATE INDEX credit_lines_merchant ON credit_lines (merchant_id, id);
CREATE INDEX credit_lines_lender ON credit_lines (lender_id, id);
-- Close of business's working set (it locks them all, in id order).
CREATE INDEX credit_lines_active ON credit_lines (id) WHERE status = 'active';

-- The statement: every draw, repayment, sweep and monthly interest debit, with its entry.
CREATE TABLE credit_line_movements (
    id text PRIMARY KEY CHECK (id ~ '^clm_[A-Za-z0-9]+$'),
    line_id text NOT NULL REFERENCES credit_lines (id),
    kind text NOT NULL CHECK (kind IN ('draw', 'repayment', 'sweep', 'interest_debit')),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    payee_merchant_id text REFERENCES merchants (id),
    principal_minor bigint NOT NULL DEFAULT 0 CHECK (principal_minor >= 0),
    interest_minor bigint NOT NULL DEFAULT 0 CHECK (interest_minor >= 0),
    penalty_minor bigint NOT NULL DEFAULT 0 CHECK (penalty_minor >= 0),
    entry_id text NOT NULL REFERENCES ledger_entries (id),
    business_date date NOT NULL,
    created_at timestamptz NOT NULL,
    CHECK (kind <> 'draw' OR payee_merchant_id IS NOT NULL),
    CHECK (kind IN ('draw', 'interest_debit')
           OR amount_minor = principal_minor + interest_minor + penalty_minor)
);
CREATE INDEX credit_line_movements_line ON credit_line_movements (line_id, id);

-- Interest debited each month, and how much of it the credits since have covered (oldest
-- first): the IRAC rule "credits not enough to cover the interest debited" reads the oldest
-- debit not fully covered.
CREATE TABLE credit_line_interest_debits (
    line_id text NOT NULL REFERENCES credit_lines (id),
    debited_on date NOT NULL,
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    covered_minor bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (line_id, debited_on),
    CHECK (covered_minor BETWEEN 0 AND amount_minor)
);
CREATE INDEX credit_line_interest_uncovered ON credit_line_interest_debits (line_id, debited_on)
    WHERE covered_minor < amount_minor;

-- Refinance of a line: the share of its drawn balance the apex paid (passed back as it is
-- repaid, like refinanced_loans).
CREATE TABLE refinanced_credit_lines (
    line_id text PRIMARY KEY REFERENCES credit_lines (id),
    claim_id text NOT NULL REFERENCES refinance_claims (id),
    share_bps integer NOT NULL CHECK (share_bps BETWEEN 1 AND 10000),
    principal_minor bigint NOT NULL CHECK (principal_minor > 0),
    refinanced_minor bigint NOT NULL CHECK (refinanced_minor > 0),
    passed_minor bigint NOT NULL DEFAULT 0,
    CHECK (passed_minor BETWEEN 0 AND refinanced_minor)
);
