-- paysetu credit lines (applied by Alembic revision 0023). Write-off, as for term loans: a
-- lender writes an NPA line off with a stated reason: status 'written_off' (closed_on set, class
-- 'loss'), and a 'write_off' statement line for the balances taken off the books. The
-- portfolio history counts lines. Merchants apply for lines (credit_line_applications).

-- 0020's unnamed checks on the status and on closed_on are found by their definition.
DO $$
DECLARE
    name text;
BEGIN
    FOR name IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'credit_lines'::regclass AND contype = 'c'
            AND (pg_get_constraintdef(oid) LIKE '%closed_on IS NOT NULL%'
                 OR pg_get_constraintdef(oid) LIKE '%status = ANY%')
    LOOP
        EXECUTE format('ALTER TABLE credit_lines DROP CONSTRAINT %I', name);
    END LOOP;
    FOR name IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'credit_line_movements'::regclass AND contype = 'c'
            AND pg_get_constraintdef(oid) LIKE '%kind = ANY%'
            AND pg_get_constraintdef(oid) NOT LIKE '%amount_minor%'
    LOOP
        EXECUTE format('ALTER TABLE credit_line_movements DROP CONSTRAINT %I', name);
    END LOOP;
END
$$;

ALTER TABLE credit_lines
    ADD CONSTRAINT credit_lines_status_check
        CHECK (status IN ('active', 'closed', 'written_off')),
    ADD CONSTRAINT credit_lines_closed_on_check CHECK ((status = 'active') = (closed_on IS NULL)),
    ADD COLUMN write_off_reason text,
    ADD CONSTRAINT credit_lines_write_off_reason_check
        CHECK ((status = 'written_off') = (write_off_reason IS NOT NULL));

ALTER TABLE credit_line_movements
    ADD CONSTRAINT credit_line_movements_kind_check
        CHECK (kind IN ('draw', 'repayment', 'sweep', 'interest_debit', 'write_off'));

-- The portfolio history counts credit lines in its figures (drawn balances in outstanding, PAR
-- and NPA; their provisions); credit_lines says how many, beside the term loans' count.
-- A row may hold lines only.
ALTER TABLE lending_portfolio_days
    ADD COLUMN credit_lines integer NOT NULL DEFAULT 0 CHECK (credit_lines >= 0),
    DROP CONSTRAINT lending_portfolio_days_loans_check,
    ADD CONSTRAINT lending_portfolio_days_loans_check
        CHECK (loans >= 0 AND loans + credit_lines > 0);

-- Applications for a credit line: a merchant asks a lender for a limit in a PMMY category;
-- the underwriting advice (the term loans' policy over the merchant's history, and the drawing
-- power the policy would give today, explained) is stored with it; the lender sanctions it (the
-- line) or declines it, with a reason when it sanctions against an advice to decline.
CREATE TABLE credit_line_applications (
    id text PRIMARY KEY CHECK (id ~ '^cla_[A-Za-z0-9]+$'),
    merchant_id text NOT NULL REFERENCES merchants (id),
    lender_id text NOT NULL REFERENCES lenders (id),
    category text NOT NULL CHECK (category IN ('shishu', 'kishore', 'tarun', 'tarun_plus')),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    limit_minor bigint NOT NULL CHECK (limit_minor > 0),
    purpose text NOT NULL,
    status text NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected')),
    advice jsonb NOT NULL CHECK (jsonb_typeof(advice) = 'object'),
    decision_reason text,
    decided_at timestamptz,
    credit_line_id text REFERENCES credit_lines (id),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK ((status = 'submitted') = (decided_at IS NULL)),
    CHECK ((status = 'approved') = (credit_line_id IS NOT NULL)),
    CHECK (status <> 'rejected' OR decision_reason IS NOT NULL)
);
CREATE INDEX credit_line_applications_merchant ON credit_line_applications (merchant_id, id);
CREATE INDEX credit_line_applications_lender ON credit_line_applications (lender_id, id);
