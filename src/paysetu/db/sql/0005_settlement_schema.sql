-- paysetu settlement (applied by Alembic revision 0005): merchant settlement settings, payout
-- accounts, settlement batches with their items, and payouts. Money still lives only in the
-- ledger: a batch records which ledger postings it settled and the entries it made (reserve,
-- loan sweep, payout); its totals are checked against those postings before it commits.

-- A merchant's schedule. No row: the deployment's defaults (UTC, 00:00, T+1, no reserve).
-- time_zone is an IANA name checked by the application (zoneinfo) when set.
-- payout_minimums: {"INR": 50000, ...} per currency, minor units; missing currency: 0.
CREATE TABLE merchant_settlement_settings (
    merchant_id text PRIMARY KEY REFERENCES merchants (id),
    time_zone text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    cutoff_local time NOT NULL,
    delay_days integer NOT NULL CHECK (delay_days BETWEEN 0 AND 30),
    reserve_bps integer NOT NULL CHECK (reserve_bps BETWEEN 0 AND 10000),
    reserve_release_days integer NOT NULL CHECK (reserve_release_days BETWEEN 0 AND 365),
    payout_minimums jsonb NOT NULL DEFAULT '{}'::jsonb
        CHECK (jsonb_typeof(payout_minimums) = 'object'),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Where a merchant is paid, per currency: IBAN + BIC (checked with schwifty) or a local account
-- number + bank code (India: IFSC). One active account per merchant and currency; replacing it
-- deactivates the old one, which batches that already used it keep pointing to.
CREATE TABLE merchant_payout_accounts (
    id text PRIMARY KEY CHECK (id ~ '^pac_[A-Za-z0-9]+$'),
    merchant_id text NOT NULL REFERENCES merchants (id),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    scheme text NOT NULL CHECK (scheme IN ('iban', 'local')),
    holder_name text NOT NULL CHECK (length(holder_name) BETWEEN 1 AND 140),
    country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    iban text CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$'),
    bic text CHECK (bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
    account_number text CHECK (account_number ~ '^[A-Za-z0-9]{1,34}$'),
    bank_code text CHECK (length(bank_code) BETWEEN 1 AND 35),
    bank_code_scheme text CHECK (bank_code_scheme IN ('in_ifsc')),
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL,
    CHECK (scheme <> 'iban' OR (iban IS NOT NULL AND bic IS NOT NULL
                                AND account_number IS NULL AND bank_code IS NULL)),
    CHECK (scheme <> 'local' OR (iban IS NULL AND account_number IS NOT NULL
                                 AND bank_code IS NOT NULL AND bank_code_scheme IS NOT NULL))
);
CREATE UNIQUE INDEX merchant_payout_accounts_one_active
    ON merchant_payout_accounts (merchant_id, currency) WHERE active;
CREATE INDEX merchant_payout_accounts_merchant ON merchant_payout_accounts (merchant_id, id);

-- The merchant's rolling reserve (held back from settlements for a number of days) is a ledger
-- account of its own per currency, beside available, escrow and fees.
ALTER TABLE merchant_accounts DROP CONSTRAINT merchant_accounts_purpose_check;
ALTER TABLE merchant_accounts ADD CONSTRAINT merchant_accounts_purpose_check
    CHECK (purpose IN ('available', 'escrow', 'fees', 'reserve'));

-- Settlement windows read a merchant account's postings by time.
CREATE INDEX ledger_postings_account_time ON ledger_postings (account_id, created_at);

-- One batch per merchant, currency and window. Windows of one merchant and currency follow each
-- other without gap or overlap (window_start = the previous batch's window_end), so each ledger
-- posting of the window is settled exactly once; settlement_items.posting_id is unique as well.
--   net = gross - refunds - fees + adjustments + carried_in - reserve_held + reserve_released
--         - loan_sweep;  payout + carried_forward = net.
CREATE TABLE settlement_batches (
    id text PRIMARY KEY CHECK (id ~ '^stl_[A-Za-z0-9]+$'),
    merchant_id text NOT NULL REFERENCES merchants (id),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    settlement_date date NOT NULL,
    window_start timestamptz NOT NULL,
    window_end timestamptz NOT NULL,
    status text NOT NULL CHECK (status IN ('paid_out', 'carried_forward')),
    carry_reason text CHECK (carry_reason IN ('negative_net', 'zero_net', 'no_payout_account',
                                              'below_minimum', 'insufficient_balance')),
    item_count integer NOT NULL CHECK (item_count >= 0),
    gross_minor bigint NOT NULL CHECK (gross_minor >= 0),
    refunds_minor bigint NOT NULL CHECK (refunds_minor >= 0),
    fees_minor bigint NOT NULL CHECK (fees_minor >= 0),
    adjustments_minor bigint NOT NULL,
    carried_in_minor bigint NOT NULL,
    reserve_held_minor bigint NOT NULL CHECK (reserve_held_minor >= 0),
    reserve_released_minor bigint NOT NULL CHECK (reserve_released_minor >= 0),
    loan_sweep_minor bigint NOT NULL CHECK (loan_sweep_minor >= 0),
    net_minor bigint NOT NULL,
    payout_minor bigint NOT NULL CHECK (payout_minor >= 0),
    carried_forward_minor bigint NOT NULL,
    reserve_release_at timestamptz,            -- when reserve_held becomes due for release
    reserve_released_by text REFERENCES settlement_batches (id),
    payout_account_id text REFERENCES merchant_payout_accounts (id),
    payout_id text,                            -- payouts.id (FK added below)
    created_at timestamptz NOT NULL,
    CHECK (window_start < window_end),
    CHECK (net_minor = gross_minor - refunds_minor - fees_minor + adjustments_minor
                       + carried_in_minor - reserve_held_minor + reserve_released_minor
                       - loan_sweep_minor),
    CHECK (payout_minor + carried_forward_minor = net_minor),
    CHECK ((status = 'paid_out') = (payout_minor > 0)),
    CHECK ((status = 'paid_out') = (payout_id IS NOT NULL)),
    CHECK (status = 'paid_out' OR carry_reason IS NOT NULL),
    CHECK (carried_forward_minor = 0 OR carry_reason IS NOT NULL),
    CHECK ((reserve_held_minor > 0) = (reserve_release_at IS NOT NULL)),
    UNIQUE (merchant_id, currency, window_end),
    UNIQUE (merchant_id, currency, window_start)
);
CREATE INDEX settlement_batches_merchant ON settlement_batches (merchant_id, id);
CREATE INDEX settlement_batches_reserve_due
    ON settlement_batches (merchant_id, currency, reserve_release_at)
    WHERE reserve_held_minor > 0 AND reserve_released_by IS NULL;

-- One line per ledger posting a batch settled (payment, refund, fee, escrow release or other
-- movement of the merchant's available balance in the window) and per posting the batch made
-- itself (reserve held or released, loan sweep, payout). gross - fee = net for every line.
-- A bulk table (one row per payment): keyed by (batch, posting) with no further index and no
-- foreign key, whose per-row checks would cost more than the insert itself. Lines are written
-- only in their batch's own transaction, and the run proves their sum against the batch and
-- the ledger before it commits; windows never overlap (trigger below), so no posting can be
-- a line of two batches.
CREATE TABLE settlement_items (
    batch_id text NOT NULL,                    -- settlement_batches.id
    posting_id bigint NOT NULL,                -- ledger_postings.id
    type text NOT NULL CHECK (type IN ('payment', 'refund', 'fee', 'escrow_release',
                                       'adjustment', 'reserve_held', 'reserve_released',
                                       'loan_sweep', 'payout')),
    entry_id text NOT NULL,                    -- ledger_entries.id
    source_id text,                            -- the payment or refund, when the entry names one
    gross_minor bigint NOT NULL,
    fee_minor bigint NOT NULL,
    net_minor bigint NOT NULL,
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (batch_id, posting_id),
    CHECK (gross_minor - fee_minor = net_minor)
);

-- The windows of one merchant and currency never overlap, whatever wrote the rows.
CREATE FUNCTION settlement_refuse_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM settlement_batches o
               WHERE o.merchant_id = NEW.merchant_id AND o.currency = NEW.currency
                 AND o.id <> NEW.id AND o.window_start < NEW.window_end
                 AND NEW.window_start < o.window_end) THEN
        RAISE EXCEPTION 'settlement window of % % overlaps an earlier batch', NEW.merchant_id,
            NEW.currency USING ERRCODE = '23P01';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER settlement_batches_no_overlap AFTER INSERT OR UPDATE OF window_start, window_end
    ON settlement_batches FOR EACH ROW EXECUTE FUNCTION settlement_refuse_overlap();

-- A payout instruction to the bank, one per paid-out batch. Reconciliation matches bank
-- statement lines against end_to_end_id, amount_minor and currency.
CREATE TABLE payouts (
    id text PRIMARY KEY CHECK (id ~ '^po_[A-Za-z0-9]+$'),
    batch_id text NOT NULL UNIQUE REFERENCES settlement_batches (id),
    merchant_id text NOT NULL REFERENCES merchants (id),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    end_to_end_id text NOT NULL UNIQUE CHECK (end_to_end_id ~ '^[A-Za-z0-9]{1,35}$'),
    status text NOT NULL CHECK (status IN ('pending', 'sent', 'paid', 'failed', 'returned')),
    created_at timestamptz NOT NULL
);
CREATE INDEX payouts_merchant ON payouts (merchant_id, id);

ALTER TABLE settlement_batches ADD CONSTRAINT settlement_batches_payout_fk
    FOREIGN KEY (payout_id) REFERENCES payouts (id) DEFERRABLE INITIALLY DEFERRED;
