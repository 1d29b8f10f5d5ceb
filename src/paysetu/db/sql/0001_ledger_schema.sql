-- paysetu ledger schema (PostgreSQL 14+). Applied by Alembic revision 0001.
-- Tables hold no rule that the application alone enforces: limits, balance per currency,
-- one outcome per pending entry, and append-only history are all enforced here too.

-- Rules on a single column are domains: PostgreSQL keeps a domain's parsed check in its type
-- cache and applies it only to values being written, whereas every INSERT or UPDATE statement
-- re-reads all of a table's CHECK constraints from the catalog and re-checks each one on every
-- row it writes (a balance update would re-check the account's id, currency and kind).
-- Identifiers: a prefix then 1-60 of [A-Za-z0-9_-] ('+' and a length test: a bounded repeat
-- such as {1,60} costs the regex engine several times more).
CREATE DOMAIN ledger_account_id AS text
    CHECK (VALUE ~ '^acct_[A-Za-z0-9_-]+$' AND length(VALUE) <= 65);
CREATE DOMAIN ledger_entry_id AS text
    CHECK (VALUE ~ '^je_[A-Za-z0-9_-]+$' AND length(VALUE) <= 63);
CREATE DOMAIN ledger_currency AS char(3) CHECK (VALUE ~ '^[A-Z]{3}$');
CREATE DOMAIN ledger_account_kind AS text
    CHECK (VALUE IN ('asset', 'liability', 'equity', 'income', 'expense'));
CREATE DOMAIN ledger_entry_kind AS text
    CHECK (VALUE IN ('single_phase', 'pending', 'post_pending', 'void_pending', 'expire_pending'));
CREATE DOMAIN ledger_direction AS text CHECK (VALUE IN ('debit', 'credit'));
CREATE DOMAIN ledger_metadata AS jsonb CHECK (jsonb_typeof(VALUE) = 'object');

CREATE TABLE ledger_accounts (
    id ledger_account_id PRIMARY KEY,
    currency ledger_currency NOT NULL,
    kind ledger_account_kind NOT NULL,
    debits_must_not_exceed_credits boolean NOT NULL DEFAULT false,
    credits_must_not_exceed_debits boolean NOT NULL DEFAULT false,
    closed boolean NOT NULL DEFAULT false,
    owner_type text,
    owner_id text,
    metadata ledger_metadata NOT NULL DEFAULT '{}'::jsonb,
    debits_pending bigint NOT NULL DEFAULT 0 CHECK (debits_pending >= 0),
    debits_posted bigint NOT NULL DEFAULT 0 CHECK (debits_posted >= 0),
    credits_pending bigint NOT NULL DEFAULT 0 CHECK (credits_pending >= 0),
    credits_posted bigint NOT NULL DEFAULT 0 CHECK (credits_posted >= 0),
    created_at timestamptz NOT NULL,
    CONSTRAINT ledger_accounts_flags_exclusive
        CHECK (NOT (debits_must_not_exceed_credits AND credits_must_not_exceed_debits)),
    CONSTRAINT ledger_accounts_debits_within_credits
        CHECK (NOT debits_must_not_exceed_credits
               OR debits_pending::numeric + debits_posted <= credits_posted),
    CONSTRAINT ledger_accounts_credits_within_debits
        CHECK (NOT credits_must_not_exceed_debits
               OR credits_pending::numeric + credits_posted <= debits_posted),
    CONSTRAINT ledger_accounts_owner_complete CHECK ((owner_type IS NULL) = (owner_id IS NULL))
) WITH (fillfactor = 70);  -- balances are rewritten on every entry: room on the page keeps
                           -- those updates HOT (no index writes, no index bloat)
CREATE INDEX ledger_accounts_owner ON ledger_accounts (owner_type, owner_id, id);

CREATE TABLE ledger_account_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id text NOT NULL REFERENCES ledger_accounts (id),
    event text NOT NULL CHECK (event IN ('opened', 'closed', 'reopened')),
    reason text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL
);
CREATE INDEX ledger_account_events_account ON ledger_account_events (account_id, id);

CREATE TABLE ledger_entries (
    id ledger_entry_id PRIMARY KEY,
    kind ledger_entry_kind NOT NULL,
    pending_id text REFERENCES ledger_entries (id),
    reverses_id text REFERENCES ledger_entries (id),
    timeout_s integer CHECK (timeout_s > 0),
    expires_at timestamptz,
    amount_requested bigint CHECK (amount_requested > 0),
    balancing_debit boolean NOT NULL DEFAULT false,
    balancing_credit boolean NOT NULL DEFAULT false,
    metadata ledger_metadata NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL,
    CONSTRAINT ledger_entries_outcome_has_pending
        CHECK ((kind IN ('post_pending', 'void_pending', 'expire_pending')) = (pending_id IS NOT NULL)),
    CONSTRAINT ledger_entries_timeout_only_pending
        CHECK (kind = 'pending' OR (timeout_s IS NULL AND expires_at IS NULL)),
    CONSTRAINT ledger_entries_reversal_is_single_phase
        CHECK (reverses_id IS NULL OR kind = 'single_phase')
);
-- Exactly one outcome (post, void or expiry) per pending entry, and one reversal per entry.
CREATE UNIQUE INDEX ledger_entries_one_outcome ON ledger_entries (pending_id)
    WHERE pending_id IS NOT NULL;
CREATE UNIQUE INDEX ledger_entries_one_reversal ON ledger_entries (reverses_id)
    WHERE reverses_id IS NOT NULL;
CREATE INDEX ledger_entries_expiring ON ledger_entries (expires_at)
    WHERE kind = 'pending' AND expires_at IS NOT NULL;
CREATE INDEX ledger_entries_metadata ON ledger_entries USING gin (metadata);

CREATE TABLE ledger_postings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id text NOT NULL REFERENCES ledger_entries (id),
    account_id text NOT NULL REFERENCES ledger_accounts (id),
    direction ledger_direction NOT NULL,
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency char(3) NOT NULL,
    pending boolean NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX ledger_postings_account ON ledger_postings (account_id, id);
CREATE INDEX ledger_postings_entry ON ledger_postings (entry_id);

-- Append-only history: posted entries, postings and account events are never changed.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'PSL02', HINT = 'correct with a reversing entry';
END $$;

CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE OR DELETE ON ledger_postings
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_postings_no_truncate BEFORE TRUNCATE ON ledger_postings
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_account_events_append_only BEFORE UPDATE OR DELETE ON ledger_account_events
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_account_events_no_truncate BEFORE TRUNCATE ON ledger_account_events
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- At COMMIT, every entry touched in the transaction balances per currency and has the right
-- number of postings for its kind, however the rows were written (raw SQL included).
--
-- Entries and postings are append-only, so an entry's validity changes only when a statement
-- inserts it or its postings. A statement-level trigger on each table therefore looks at the
-- entries the statement touched, once, set-based, when the statement ends: those already valid
-- need nothing more (a later statement adding postings to them runs the same check), the
-- others, typically an entry whose postings come in a later statement, are queued, and a
-- deferred constraint trigger checks the queue at COMMIT. ledger_apply writes an entry and its
-- postings in one statement, so its entries never reach the queue. The queue's rows never
-- outlive their transaction, so no session sees another's, and it is UNLOGGED: nothing in it
-- needs to survive a crash.
CREATE UNLOGGED TABLE ledger_entry_checks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xact xid8 NOT NULL DEFAULT pg_current_xact_id(),
    entry_ids text[] NOT NULL
);
CREATE INDEX ledger_entry_checks_xact ON ledger_entry_checks (xact);

-- New entries that have no postings yet and should have some: postings inserted later in the
-- transaction will be checked as they come, but one with none at all must fail at COMMIT.
-- (Postings inserted by the same statement are checked by ledger_check_new_postings.)
CREATE FUNCTION ledger_check_new_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_entry_ids text[];
BEGIN
    SELECT array_agg(i.id) INTO v_entry_ids FROM inserted i
    WHERE i.kind NOT IN ('void_pending', 'expire_pending')
      AND NOT EXISTS (SELECT 1 FROM ledger_postings p WHERE p.entry_id = i.id);
    IF v_entry_ids IS NOT NULL THEN
        INSERT INTO ledger_entry_checks (entry_ids) VALUES (v_entry_ids);
    END IF;
    RETURN NULL;
END $$;

-- Entries given postings by this statement that are not valid now: unbalanced in a currency,
-- or of a kind that moves no money. (A balanced entry has two postings or more: every amount
-- is positive.) They may still be completed by a later statement, so they are queued.
CREATE FUNCTION ledger_check_new_postings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_entry_ids text[];
BEGIN
    WITH touched AS (SELECT DISTINCT entry_id FROM inserted)
    SELECT array_agg(DISTINCT b.entry_id) INTO v_entry_ids FROM (
        SELECT p.entry_id FROM ledger_postings p
        WHERE p.entry_id IN (SELECT entry_id FROM touched)
        GROUP BY p.entry_id, p.currency
        HAVING sum(CASE p.direction WHEN 'debit' THEN p.amount_minor::numeric
                                    ELSE -p.amount_minor::numeric END) <> 0
        UNION ALL
        SELECT e.id FROM ledger_entries e
        WHERE e.id IN (SELECT entry_id FROM touched) AND e.kind IN ('void_pending', 'expire_pending')
    ) b;
    IF v_entry_ids IS NOT NULL THEN
        INSERT INTO ledger_entry_checks (entry_ids) VALUES (v_entry_ids);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER ledger_entries_check_new AFTER INSERT ON ledger_entries
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_new_entries();
CREATE TRIGGER ledger_postings_check_new AFTER INSERT ON ledger_postings
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_new_postings();

-- Raise check_violation for the first (by id) of these entries that moves money it must not,
-- has fewer than two postings, or does not balance in some currency. Generic plans: see
-- ledger_apply.
CREATE FUNCTION ledger_check_entries(p_entry_ids text[]) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    v_bad record;
BEGIN
    SELECT e.id, e.kind, coalesce(s.postings, 0) AS postings, s.unbalanced INTO v_bad
    FROM ledger_entries e
    LEFT JOIN LATERAL (
        SELECT sum(g.postings) AS postings, min(g.currency) FILTER (WHERE g.net <> 0) AS unbalanced
        FROM (SELECT p.currency, count(*) AS postings,
                     sum(CASE p.direction WHEN 'debit' THEN p.amount_minor::numeric
                                          ELSE -p.amount_minor::numeric END) AS net
              FROM ledger_postings p WHERE p.entry_id = e.id GROUP BY p.currency) g
    ) s ON true
    WHERE e.id = ANY(p_entry_ids)
      AND (CASE WHEN e.kind IN ('void_pending', 'expire_pending') THEN coalesce(s.postings, 0) <> 0
                ELSE coalesce(s.postings, 0) < 2 OR s.unbalanced IS NOT NULL END)
    ORDER BY e.id LIMIT 1;
    IF NOT FOUND THEN
        RETURN;
    ELSIF v_bad.kind IN ('void_pending', 'expire_pending') THEN
        RAISE EXCEPTION 'journal entry % of kind % must not move money', v_bad.id, v_bad.kind
            USING ERRCODE = '23514';
    ELSIF v_bad.postings < 2 THEN
        RAISE EXCEPTION 'journal entry % has % postings; at least 2 are required', v_bad.id,
            v_bad.postings USING ERRCODE = '23514';
    END IF;
    RAISE EXCEPTION 'journal entry % does not balance in %', v_bad.id, v_bad.unbalanced
        USING ERRCODE = '23514';
END $$;

-- Fires once per queue row; the first to fire in a transaction checks and removes every row
-- the transaction queued, the later ones find theirs gone.
CREATE FUNCTION ledger_check_queued_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_entry_ids text[];
BEGIN
    PERFORM 1 FROM ledger_entry_checks c WHERE c.id = NEW.id;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    WITH done AS (DELETE FROM ledger_entry_checks c WHERE c.xact = NEW.xact RETURNING c.entry_ids)
    SELECT array_agg(DISTINCT entry_id) INTO v_entry_ids FROM done, unnest(done.entry_ids) entry_id;
    PERFORM ledger_check_entries(v_entry_ids);
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entry_checks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_queued_entries();
