-- Issue 19: a payout the bank returns (a camt.053 credit with the reversal indicator or a
-- return reason naming the payout's end-to-end id) becomes 'returned' with the bank's reason,
-- and its reconciliation line is a 'returned' line.

ALTER TABLE payouts ADD COLUMN return_reason text
    CHECK (return_reason ~ '^[A-Za-z0-9]{1,35}$');
ALTER TABLE payouts ADD CONSTRAINT payouts_returned_with_reason
    CHECK ((status = 'returned') = (return_reason IS NOT NULL));

ALTER TABLE reconciliation_runs ADD COLUMN returned_count integer NOT NULL DEFAULT 0
    CHECK (returned_count >= 0);
ALTER TABLE reconciliation_runs DROP CONSTRAINT reconciliation_runs_check;
ALTER TABLE reconciliation_runs ADD CONSTRAINT reconciliation_runs_every_line_counted
    CHECK (matched_count + unexpected_count + amount_mismatch_count + currency_mismatch_count
           + returned_count = line_count);

ALTER TABLE reconciliation_lines DROP CONSTRAINT reconciliation_lines_category_check;
ALTER TABLE reconciliation_lines ADD CONSTRAINT reconciliation_lines_category_check
    CHECK (category IN ('matched', 'missing', 'unexpected', 'amount_mismatch',
                        'currency_mismatch', 'returned'));
ALTER TABLE reconciliation_lines ADD CONSTRAINT reconciliation_lines_returned_is_a_credit
    CHECK (category <> 'returned' OR (direction = 'credit' AND end_to_end_id IS NOT NULL));
-- A payout is returned by one statement line, ever: re-importing never refunds it twice.
CREATE UNIQUE INDEX reconciliation_lines_returned_payout
    ON reconciliation_lines (payout_id) WHERE category = 'returned';
