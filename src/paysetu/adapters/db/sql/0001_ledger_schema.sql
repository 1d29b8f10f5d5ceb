-- paysetu ledger schema (PostgreSQL 14+). Applied by Alembic revision 0001.
-- Tables hold no rule that the application alone enforces: limits, balance per currency,
-- one outcome per pending entry, and append-only history are all enforced here too.

CREATE TABLE ledger_accounts (
    id text PRIMARY KEY CHECK (id ~ '^acct_[A-Za-z0-9_-]{1,60}$'),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    kind text NOT NULL CHECK (kind IN ('asset', 'liability', 'equity', 'income', 'expense')),
    debits_must_not_exceed_credits boolean NOT NULL DEFAULT false,
    credits_must_not_exceed_debits boolean NOT NULL DEFAULT false,
    closed boolean NOT NULL DEFAULT false,
    owner_type text,
    owner_id text,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
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
);
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
    id text PRIMARY KEY CHECK (id ~ '^je_[A-Za-z0-9_-]{1,60}$'),
    kind text NOT NULL CHECK (kind IN ('single_phase', 'pending', 'post_pending',
                                        'void_pending', 'expire_pending')),
    pending_id text REFERENCES ledger_entries (id),
    reverses_id text REFERENCES ledger_entries (id),
    timeout_s integer CHECK (timeout_s > 0),
    expires_at timestamptz,
    amount_requested bigint CHECK (amount_requested > 0),
    balancing_debit boolean NOT NULL DEFAULT false,
    balancing_credit boolean NOT NULL DEFAULT false,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
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
    direction text NOT NULL CHECK (direction IN ('debit', 'credit')),
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
-- Each INSERT statement into ledger_entries or ledger_postings queues the ids of the entries it
-- touched (one row per statement, from its transition table); a deferred constraint trigger on
-- the queue checks every queued entry of the transaction at COMMIT in one set-based query and
-- empties the queue. A batch of 8,190 entries thus costs a few statements at COMMIT, not three
-- trigger calls per entry. The queue's rows never outlive their transaction, so no session ever
-- sees another's, and it is UNLOGGED: nothing in it needs to survive a crash.
CREATE UNLOGGED TABLE ledger_entry_checks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xact xid8 NOT NULL DEFAULT pg_current_xact_id(),
    entry_ids text[] NOT NULL
);
CREATE INDEX ledger_entry_checks_xact ON ledger_entry_checks (xact);

CREATE FUNCTION ledger_queue_entry_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'ledger_entries' THEN
        INSERT INTO ledger_entry_checks (entry_ids)
        SELECT ids FROM (SELECT array_agg(id) AS ids FROM inserted) q WHERE ids IS NOT NULL;
    ELSE
        INSERT INTO ledger_entry_checks (entry_ids)
        SELECT ids FROM (SELECT array_agg(DISTINCT entry_id) AS ids FROM inserted) q
        WHERE ids IS NOT NULL;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER ledger_entries_queue_check AFTER INSERT ON ledger_entries
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_queue_entry_check();
CREATE TRIGGER ledger_postings_queue_check AFTER INSERT ON ledger_postings
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_queue_entry_check();

-- Raise check_violation for the first (by id) of these entries that moves money it must not,
-- has fewer than two postings, or does not balance in some currency.
CREATE FUNCTION ledger_check_entries(p_entry_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
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

-- Fires once per queued statement; the first to fire in a transaction checks and removes every
-- row the transaction queued, the later ones find theirs gone.
CREATE FUNCTION ledger_check_queued_entries() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
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
