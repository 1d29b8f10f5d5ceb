-- paysetu reconciliation (applied by Alembic revision 0006): bank statements imported and the
-- result of matching their lines against payouts. A run is written in one transaction with its
-- lines and the status of the payouts it matched; the same file (by SHA-256) is one run only.

CREATE TABLE reconciliation_runs (
    id text PRIMARY KEY CHECK (id ~ '^rec_[A-Za-z0-9]+$'),
    statement_sha256 text NOT NULL UNIQUE CHECK (statement_sha256 ~ '^[0-9a-f]{64}$'),
    format text NOT NULL CHECK (format IN ('camt053', 'csv')),
    statement_id text CHECK (length(statement_id) BETWEEN 1 AND 35),   -- camt.053 Stmt/Id
    statement_date date,                   -- last day covered; payouts after it are not missing
    currencies char(3)[] NOT NULL,
    line_count integer NOT NULL CHECK (line_count >= 0),               -- statement lines
    matched_count integer NOT NULL CHECK (matched_count >= 0),
    missing_count integer NOT NULL CHECK (missing_count >= 0),
    unexpected_count integer NOT NULL CHECK (unexpected_count >= 0),
    amount_mismatch_count integer NOT NULL CHECK (amount_mismatch_count >= 0),
    currency_mismatch_count integer NOT NULL CHECK (currency_mismatch_count >= 0),
    created_at timestamptz NOT NULL,
    CHECK (matched_count + unexpected_count + amount_mismatch_count + currency_mismatch_count
           = line_count)
);

-- One row per statement line (position 1..line_count, file order) and per missing payout
-- (positions after the lines). Amounts are positive minor units; direction is the bank's.
CREATE TABLE reconciliation_lines (
    run_id text NOT NULL REFERENCES reconciliation_runs (id),
    position integer NOT NULL CHECK (position >= 1),
    category text NOT NULL CHECK (category IN ('matched', 'missing', 'unexpected',
                                               'amount_mismatch', 'currency_mismatch')),
    location text CHECK (length(location) BETWEEN 1 AND 300),  -- 'line 7' or an element path
    booking_date date,
    end_to_end_id text CHECK (length(end_to_end_id) BETWEEN 1 AND 35),
    amount_minor bigint CHECK (amount_minor > 0),
    currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
    direction text CHECK (direction IN ('debit', 'credit')),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
    payout_id text REFERENCES payouts (id),
    reason text NOT NULL DEFAULT '',
    PRIMARY KEY (run_id, position),
    -- A statement line has all of its fields; a missing payout has none of them.
    CHECK ((category = 'missing') = (location IS NULL)),
    CHECK ((location IS NULL) = (booking_date IS NULL)
           AND (location IS NULL) = (amount_minor IS NULL)
           AND (location IS NULL) = (currency IS NULL)
           AND (location IS NULL) = (direction IS NULL)),
    CHECK (category = 'unexpected' OR payout_id IS NOT NULL),
    CHECK (category <> 'matched' OR (direction = 'debit' AND end_to_end_id IS NOT NULL))
);
-- A payout is matched by one statement line, ever: re-importing can never pay it twice.
CREATE UNIQUE INDEX reconciliation_lines_matched_payout
    ON reconciliation_lines (payout_id) WHERE category = 'matched';
CREATE INDEX reconciliation_lines_payout ON reconciliation_lines (payout_id)
    WHERE payout_id IS NOT NULL;

-- Outstanding payouts by currency and day: what a statement is expected to show.
CREATE INDEX payouts_outstanding ON payouts (currency, created_at)
    WHERE status IN ('pending', 'sent');
