-- The ledger's database guarantees, kept whole, at a lower price per statement.
--
-- Measured with callgrind on the server (instructions per single-transfer ledger_apply call,
-- same data, same plans): 1.77M before this revision, 1.55M-1.61M after. Two costs that every
-- write paid, whatever it checked:
--
-- 1. CHECK constraints. PostgreSQL re-reads every CHECK constraint of a table from its stored
--    text (stringToNode) in each statement that inserts into or updates the table: 14 of them
--    per transfer, about 240k instructions. A domain's checks are parsed once per session and
--    cached with the type, so single-column rules become domains (as 0001 already did for ids),
--    and the three rules across columns of ledger_entries, which is append-only and so can only
--    break on INSERT, move into the statement-level trigger that already reads every inserted
--    entry. The two balance-limit rules of ledger_accounts stay CHECK constraints: they must hold
--    after every UPDATE. Refusals keep SQLSTATE 23514 and the constraint names.
--
-- 2. Foreign keys of ledger_postings. A foreign key runs one SPI query per inserted row and
--    column: four per transfer (about 180k instructions), 32,760 for a batch of 8,190. The
--    statement-level trigger that already reads every inserted posting now checks, set-based,
--    that its entry and its account exist, and refuses with SQLSTATE 23503 and the constraint
--    names the foreign keys had. A foreign key also stops a referenced row from being deleted or
--    re-keyed; entries already refuse UPDATE and DELETE (append-only), and accounts now refuse
--    DELETE, TRUNCATE and a change of id (closing is how an account ends).
--
-- Other tables' foreign keys to ledger_accounts are unchanged.

CREATE DOMAIN ledger_balance AS bigint CONSTRAINT ledger_balance_not_negative CHECK (VALUE >= 0);
CREATE DOMAIN ledger_amount AS bigint CONSTRAINT ledger_amount_positive CHECK (VALUE > 0);
CREATE DOMAIN ledger_timeout AS integer CONSTRAINT ledger_timeout_positive CHECK (VALUE > 0);

ALTER TABLE ledger_accounts
    DROP CONSTRAINT ledger_accounts_debits_pending_check,
    DROP CONSTRAINT ledger_accounts_debits_posted_check,
    DROP CONSTRAINT ledger_accounts_credits_pending_check,
    DROP CONSTRAINT ledger_accounts_credits_posted_check;
ALTER TABLE ledger_accounts
    ALTER COLUMN debits_pending TYPE ledger_balance,
    ALTER COLUMN debits_posted TYPE ledger_balance,
    ALTER COLUMN credits_pending TYPE ledger_balance,
    ALTER COLUMN credits_posted TYPE ledger_balance;

ALTER TABLE ledger_entries
    DROP CONSTRAINT ledger_entries_timeout_s_check,
    DROP CONSTRAINT ledger_entries_amount_requested_check,
    DROP CONSTRAINT ledger_entries_outcome_has_pending,
    DROP CONSTRAINT ledger_entries_timeout_only_pending,
    DROP CONSTRAINT ledger_entries_reversal_is_single_phase;
ALTER TABLE ledger_entries
    ALTER COLUMN timeout_s TYPE ledger_timeout,
    ALTER COLUMN amount_requested TYPE ledger_amount;

ALTER TABLE ledger_postings
    DROP CONSTRAINT ledger_postings_amount_minor_check,
    DROP CONSTRAINT ledger_postings_entry_id_fkey,
    DROP CONSTRAINT ledger_postings_account_id_fkey;
ALTER TABLE ledger_postings ALTER COLUMN amount_minor TYPE ledger_amount;

-- Accounts are closed, never deleted or re-keyed: postings point at them by id.
CREATE FUNCTION ledger_refuse_account_removal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_accounts: % refused', CASE WHEN TG_OP = 'UPDATE' THEN 'a change of id'
                                                       ELSE TG_OP END
        USING ERRCODE = 'PSL02', HINT = 'close the account instead';
END $$;
CREATE TRIGGER ledger_accounts_no_delete BEFORE DELETE ON ledger_accounts
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_account_removal();
CREATE TRIGGER ledger_accounts_no_truncate BEFORE TRUNCATE ON ledger_accounts
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_account_removal();
-- "UPDATE OF id" fires only for statements that assign the id: balance updates never do.
CREATE TRIGGER ledger_accounts_id_fixed BEFORE UPDATE OF id ON ledger_accounts
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION ledger_refuse_account_removal();

-- New entries: the rules across columns (formerly CHECK constraints), then, as before, queue
-- those that should have postings and have none yet. One query. Lookups into the big tables
-- are scalar subqueries, one index probe per row: as NOT EXISTS, a batch's thousand rows made
-- the planner hash the whole table instead.
CREATE OR REPLACE FUNCTION ledger_check_new_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_broken_id text;
    v_broken_rule text;
    v_entry_ids text[];
BEGIN
    SELECT b.id, b.rule,
           (SELECT array_agg(i.id) FROM inserted i
            WHERE i.kind NOT IN ('void_pending', 'expire_pending')
              AND (SELECT true FROM ledger_postings p WHERE p.entry_id = i.id LIMIT 1) IS NULL)
    INTO v_broken_id, v_broken_rule, v_entry_ids
    FROM (SELECT) AS one
    LEFT JOIN LATERAL (
        SELECT r.id, r.rule FROM (
            SELECT i.id, CASE
                WHEN (i.kind IN ('post_pending', 'void_pending', 'expire_pending'))
                     <> (i.pending_id IS NOT NULL) THEN 'ledger_entries_outcome_has_pending'
                WHEN i.kind <> 'pending' AND (i.timeout_s IS NOT NULL OR i.expires_at IS NOT NULL)
                     THEN 'ledger_entries_timeout_only_pending'
                WHEN i.reverses_id IS NOT NULL AND i.kind <> 'single_phase'
                     THEN 'ledger_entries_reversal_is_single_phase'
                END AS rule
            FROM inserted i) r
        WHERE r.rule IS NOT NULL LIMIT 1) b ON true;
    IF v_broken_rule IS NOT NULL THEN
        RAISE EXCEPTION 'new row for relation "ledger_entries" violates check constraint "%"',
            v_broken_rule
            USING ERRCODE = '23514', CONSTRAINT = v_broken_rule, TABLE = 'ledger_entries',
                  DETAIL = format('Failing entry: %s.', v_broken_id);
    END IF;
    IF v_entry_ids IS NOT NULL THEN
        INSERT INTO ledger_entry_checks (entry_ids) VALUES (v_entry_ids);
    END IF;
    RETURN NULL;
END $$;

-- New postings: their entry and account exist (formerly foreign keys), then, as before, queue
-- the entries given postings by this statement that are not valid now: unbalanced in a
-- currency, or of a kind that moves no money. One query.
CREATE OR REPLACE FUNCTION ledger_check_new_postings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_entry_id text;
    v_account_id text;
    v_entry_missing boolean;
    v_entry_ids text[];
BEGIN
    SELECT o.entry_id, o.account_id, o.entry_missing,
           (SELECT array_agg(t.entry_id)
            FROM (SELECT DISTINCT i.entry_id FROM inserted i) t
            WHERE (SELECT e.kind IN ('void_pending', 'expire_pending') FROM ledger_entries e
                   WHERE e.id = t.entry_id)
               OR (SELECT true FROM ledger_postings p WHERE p.entry_id = t.entry_id
                   GROUP BY p.currency
                   HAVING sum(CASE p.direction WHEN 'debit' THEN p.amount_minor::numeric
                                               ELSE -p.amount_minor::numeric END) <> 0
                   LIMIT 1))
    INTO v_entry_id, v_account_id, v_entry_missing, v_entry_ids
    FROM (SELECT) AS one
    LEFT JOIN LATERAL (
        SELECT c.entry_id, c.account_id, c.entry_missing
        FROM (SELECT i.entry_id, i.account_id,
                     (SELECT true FROM ledger_entries e WHERE e.id = i.entry_id) IS NULL
                         AS entry_missing,
                     (SELECT true FROM ledger_accounts a WHERE a.id = i.account_id) IS NULL
                         AS account_missing
              FROM inserted i) c
        WHERE c.entry_missing OR c.account_missing
        LIMIT 1) o ON true;
    IF v_entry_missing THEN
        RAISE EXCEPTION 'insert or update on table "ledger_postings" violates foreign key '
                        'constraint "ledger_postings_entry_id_fkey"'
            USING ERRCODE = '23503', CONSTRAINT = 'ledger_postings_entry_id_fkey',
                  TABLE = 'ledger_postings',
                  DETAIL = format('Key (entry_id)=(%s) is not present in table "ledger_entries".',
                                  v_entry_id);
    ELSIF v_account_id IS NOT NULL THEN
        RAISE EXCEPTION 'insert or update on table "ledger_postings" violates foreign key '
                        'constraint "ledger_postings_account_id_fkey"'
            USING ERRCODE = '23503', CONSTRAINT = 'ledger_postings_account_id_fkey',
                  TABLE = 'ledger_postings',
                  DETAIL = format('Key (account_id)=(%s) is not present in table "ledger_accounts".',
                                  v_account_id);
    END IF;
    IF v_entry_ids IS NOT NULL THEN
        INSERT INTO ledger_entry_checks (entry_ids) VALUES (v_entry_ids);
    END IF;
    RETURN NULL;
END $$;
