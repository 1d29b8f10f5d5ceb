-- paysetu lending close of business (applied by Alembic revision 0009): each loan's days past
-- due, asset class (RBI IRAC: standard, SMA-0/1/2, sub-standard, doubtful D1-D3, loss), NPA
-- date, provision held and interest in suspense, as of the last close of business; write-off;
-- and the run log that makes close of business idempotent per date and strictly sequential.
-- The money is in the ledger: loans.provision_minor sums to the lender's loan-loss provision
-- account and loans.interest_suspense_minor to its interest suspense account.

ALTER TABLE loans
    ADD COLUMN classified_on date,
    ADD COLUMN days_past_due integer NOT NULL DEFAULT 0 CHECK (days_past_due >= 0),
    ADD COLUMN asset_class text NOT NULL DEFAULT 'standard' CHECK (asset_class IN ('standard',
        'sma_0', 'sma_1', 'sma_2', 'substandard', 'doubtful_1', 'doubtful_2', 'doubtful_3',
        'loss')),
    ADD COLUMN npa_since date,
    ADD COLUMN provision_minor bigint NOT NULL DEFAULT 0 CHECK (provision_minor >= 0),
    ADD COLUMN interest_suspense_minor bigint NOT NULL DEFAULT 0
        CHECK (interest_suspense_minor >= 0),
    ADD COLUMN write_off_reason text CHECK (length(write_off_reason) BETWEEN 1 AND 500),
    ADD CONSTRAINT loans_npa_dated CHECK ((npa_since IS NOT NULL)
        = (asset_class IN ('substandard', 'doubtful_1', 'doubtful_2', 'doubtful_3', 'loss'))),
    ADD CONSTRAINT loans_written_off CHECK ((status = 'written_off')
        = (write_off_reason IS NOT NULL) AND (status <> 'written_off' OR closed_on IS NOT NULL));

-- Close of business's working set: active loans in id order (it locks them all).
CREATE INDEX loans_active ON loans (id) WHERE status = 'active';
-- Closed loans whose provision and suspense the next close of business releases.
CREATE INDEX loans_releasing ON loans (id)
    WHERE status = 'closed' AND (provision_minor > 0 OR interest_suspense_minor > 0);
-- Reports: a lender's portfolio by class.
CREATE INDEX loans_lender_class ON loans (lender_id, asset_class) WHERE status = 'active';

-- One row per business day closed; the next run must be the day after the last one. The
-- summary is what the run reported, replayed when the same day is closed again.
CREATE TABLE lending_close_days (
    business_date date PRIMARY KEY,
    summary jsonb NOT NULL CHECK (jsonb_typeof(summary) = 'object'),
    created_at timestamptz NOT NULL
);

-- Refinance: a member lender's claim over its eligible standard loans, paid by the apex
-- refinancer into the lender's funding account. The lender owes the apex the refinanced share
-- (a refinance payable); as each refinanced loan's principal is repaid, the lender passes the
-- same share of it to the apex (refinanced_loans.passed_minor), all as ledger entries.
CREATE TABLE refinance_claims (
    id text PRIMARY KEY CHECK (id ~ '^rfc_[A-Za-z0-9]+$'),
    lender_id text NOT NULL REFERENCES lenders (id),
    apex_id text NOT NULL REFERENCES lenders (id),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    share_bps integer NOT NULL CHECK (share_bps BETWEEN 1 AND 10000),
    loans integer NOT NULL CHECK (loans > 0),
    principal_minor bigint NOT NULL CHECK (principal_minor > 0),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    entry_id text NOT NULL UNIQUE REFERENCES ledger_entries (id),
    created_at timestamptz NOT NULL,
    CHECK (lender_id <> apex_id)
);
CREATE INDEX refinance_claims_lender ON refinance_claims (lender_id, id);

CREATE TABLE refinanced_loans (
    loan_id text PRIMARY KEY REFERENCES loans (id),
    claim_id text NOT NULL REFERENCES refinance_claims (id),
    share_bps integer NOT NULL CHECK (share_bps BETWEEN 1 AND 10000),
    principal_minor bigint NOT NULL CHECK (principal_minor > 0), -- outstanding at the claim
    refinanced_minor bigint NOT NULL CHECK (refinanced_minor > 0),
    passed_minor bigint NOT NULL DEFAULT 0,
    CHECK (passed_minor BETWEEN 0 AND refinanced_minor)
);
CREATE INDEX refinanced_loans_claim ON refinanced_loans (claim_id);
