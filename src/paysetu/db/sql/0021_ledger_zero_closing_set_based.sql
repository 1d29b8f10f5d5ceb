-- The ledger's last TigerBeetle rules (issue 18), then its batches applied set-based (issue 20).
--
-- Redefines, with CREATE OR REPLACE, the functions of 0001/0008/0014/0017 whose rules change;
-- every table, trigger and guarantee of those revisions stays, widened only where a rule says.
-- docs/concepts.md has the table of TigerBeetle rules and paysetu's behaviour.

-- Zero amounts (TigerBeetle since 0.16: a transfer of 0 is a transfer; a post of 0 releases a
-- hold and moves nothing; a balancing transfer with nothing to move succeeds with amount 0).
-- A posting may hold 0; it can still never be negative. The domain keeps its name (columns of
-- two tables use it); only its check changes.
ALTER DOMAIN ledger_amount DROP CONSTRAINT ledger_amount_positive;
ALTER DOMAIN ledger_amount ADD CONSTRAINT ledger_amount_not_negative CHECK (VALUE >= 0);

-- Closing entries (TigerBeetle's closing_debit / closing_credit): a pending entry that closes
-- the accounts it debits (credits) when it applies; voiding it or its expiry reopens them.
ALTER TABLE ledger_entries
    ADD COLUMN closing_debit boolean NOT NULL DEFAULT false,
    ADD COLUMN closing_credit boolean NOT NULL DEFAULT false;

-- New entries: the rules across columns, now with "a closing entry is pending". One query.
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
                WHEN (i.closing_debit OR i.closing_credit) AND i.kind <> 'pending'
                     THEN 'ledger_entries_closing_is_pending'
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

-- New postings: their entry and account exist (formerly foreign keys), then the entries given
-- postings by this statement that are not valid by those postings alone are queued for the
-- COMMIT check: fewer than two (a posting may hold 0 since this revision, so "balanced" no
-- longer implies two), unbalanced in a currency, or of a kind that moves no money.
--
-- Decided from the transition table alone, not by re-reading each entry's postings (0014
-- read them through the index, one scan per entry: 8,190 scans for a batch). That is exact
-- for what the queue is for: a posting's entry exists when its statement ends (this check),
-- so postings of an entry from an earlier statement were checked by that statement's trigger
-- and queued unless they were valid by themselves; valid sets together are valid (balanced
-- per currency, two or more); and the COMMIT check re-reads every queued entry whole.
-- Entries and accounts are probed once each, not once per posting.
CREATE OR REPLACE FUNCTION ledger_check_new_postings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_entry_id text;
    v_account_id text;
    v_entry_ids text[];
BEGIN
    WITH per_entry AS (
        SELECT g.entry_id, sum(g.postings) AS postings, bool_or(g.net <> 0) AS unbalanced,
               (SELECT e.kind FROM ledger_entries e WHERE e.id = g.entry_id) AS kind
        FROM (SELECT i.entry_id, count(*) AS postings,
                     sum(CASE i.direction WHEN 'debit' THEN i.amount_minor::numeric
                                          ELSE -i.amount_minor::numeric END) AS net
              FROM inserted i GROUP BY i.entry_id, i.currency) g
        GROUP BY g.entry_id
    )
    SELECT (SELECT min(pe.entry_id) FROM per_entry pe WHERE pe.kind IS NULL),
           (SELECT min(t.account_id)
            FROM (SELECT DISTINCT i.account_id FROM inserted i) t
            WHERE (SELECT true FROM ledger_accounts a WHERE a.id = t.account_id) IS NULL),
           (SELECT array_agg(pe.entry_id) FROM per_entry pe
            WHERE pe.kind IN ('void_pending', 'expire_pending') OR pe.postings < 2
               OR pe.unbalanced)
    INTO v_entry_id, v_account_id, v_entry_ids;
    IF v_entry_id IS NOT NULL THEN
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

-- Close (or reopen) the accounts a closing entry closes: those it debits with closing_debit,
-- those it credits with closing_credit; each change is an account event, as a close by hand.
-- The accounts are locked by the caller.
CREATE FUNCTION ledger_set_closed_by(p_entry_id text, p_closed boolean, p_now timestamptz,
                                     p_reason text)
RETURNS void LANGUAGE sql AS $$
    WITH changed AS (
        UPDATE ledger_accounts a SET closed = p_closed
        FROM (SELECT DISTINCT p.account_id FROM ledger_postings p
              JOIN ledger_entries e ON e.id = p.entry_id
              WHERE p.entry_id = p_entry_id
                AND ((e.closing_debit AND p.direction = 'debit')
                     OR (e.closing_credit AND p.direction = 'credit'))) c
        WHERE a.id = c.account_id AND a.closed <> p_closed
        RETURNING a.id
    )
    INSERT INTO ledger_account_events (account_id, event, reason, created_at)
    SELECT changed.id, CASE WHEN p_closed THEN 'closed' ELSE 'reopened' END, p_reason, p_now
    FROM changed ORDER BY changed.id;
$$;

-- Expiry as in 0008, and the expiry of a closing entry reopens what it closed.
CREATE OR REPLACE FUNCTION ledger_expire(p_now timestamptz, p_account_id text DEFAULT NULL,
                                         p_pending_id text DEFAULT NULL,
                                         p_limit integer DEFAULT 10000)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    v_pending_ids text[];
    v_locked text[];
    v_pending_id text;
    v_count integer := 0;
BEGIN
    v_pending_ids := ARRAY(
        SELECT e.id FROM ledger_entries e
        WHERE e.kind = 'pending' AND e.expires_at IS NOT NULL AND e.expires_at <= p_now
          AND (p_pending_id IS NULL OR e.id = p_pending_id)
          AND (p_account_id IS NULL OR EXISTS (
                SELECT 1 FROM ledger_postings p WHERE p.entry_id = e.id AND p.account_id = p_account_id))
          AND NOT EXISTS (SELECT 1 FROM ledger_entries o WHERE o.pending_id = e.id)
        ORDER BY e.expires_at, e.id
        LIMIT p_limit);
    IF p_account_id IS NULL THEN
        PERFORM 1 FROM ledger_accounts a
        WHERE a.id IN (SELECT p.account_id FROM ledger_postings p WHERE p.entry_id = ANY(v_pending_ids))
        ORDER BY a.id FOR NO KEY UPDATE;
    ELSE
        v_locked := ARRAY(
            SELECT a.id FROM ledger_accounts a
            WHERE a.id IN (SELECT p.account_id FROM ledger_postings p
                           WHERE p.entry_id = ANY(v_pending_ids))
            ORDER BY a.id FOR NO KEY UPDATE SKIP LOCKED);
        v_pending_ids := ARRAY(
            SELECT id FROM unnest(v_pending_ids) WITH ORDINALITY AS u(id, ord)
            WHERE NOT EXISTS (SELECT 1 FROM ledger_postings p
                              WHERE p.entry_id = u.id AND p.account_id <> ALL(v_locked))
            ORDER BY u.ord);
    END IF;
    FOREACH v_pending_id IN ARRAY v_pending_ids LOOP
        INSERT INTO ledger_entries (id, kind, pending_id, metadata, created_at)
        VALUES ('je_expiry_' || md5(v_pending_id), 'expire_pending', v_pending_id, '{}'::jsonb, p_now)
        ON CONFLICT DO NOTHING;
        IF FOUND THEN
            PERFORM ledger_release_pending(v_pending_id);
            PERFORM ledger_set_closed_by(v_pending_id, false, p_now, 'expiry of ' || v_pending_id)
            FROM ledger_entries e WHERE e.id = v_pending_id AND (e.closing_debit OR e.closing_credit);
            v_count := v_count + 1;
        END IF;
    END LOOP;
    RETURN v_count;
END $$;

-- Replays compare the closing flags with the balancing ones (exists_with_different_flags).
CREATE OR REPLACE FUNCTION ledger_compare_existing(p_doc jsonb, p_index integer, p_existing ledger_entries)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    v_kind text := p_doc->>'kind';
    v_same_accounts boolean;
    v_same_amounts boolean;
BEGIN
    IF p_existing.kind <> v_kind THEN
        PERFORM ledger_refuse('exists_with_different_kind', p_index, 'id');
    END IF;
    IF p_existing.balancing_debit <> coalesce((p_doc->>'balancing_debit')::boolean, false)
       OR p_existing.balancing_credit <> coalesce((p_doc->>'balancing_credit')::boolean, false)
       OR p_existing.closing_debit <> coalesce((p_doc->>'closing_debit')::boolean, false)
       OR p_existing.closing_credit <> coalesce((p_doc->>'closing_credit')::boolean, false) THEN
        PERFORM ledger_refuse('exists_with_different_flags', p_index, 'id');
    END IF;
    IF p_existing.pending_id IS DISTINCT FROM (p_doc->>'pending_id') THEN
        PERFORM ledger_refuse('exists_with_different_pending_id', p_index, 'pending_id');
    END IF;
    IF p_existing.timeout_s IS DISTINCT FROM (p_doc->>'timeout_s')::integer THEN
        PERFORM ledger_refuse('exists_with_different_timeout', p_index, 'timeout_s');
    END IF;
    IF v_kind IN ('single_phase', 'pending') THEN
        -- A balancing entry stores what moved and remembers what was asked: compare the
        -- request's amounts with what was asked the first time.
        WITH asked AS (
            SELECT x.a, x.d, x.c, x.m
            FROM jsonb_to_recordset(p_doc->'postings') AS x(a text, d text, m bigint, c text)
        ), stored AS (
            SELECT p.account_id AS a, p.direction AS d, p.currency::text AS c,
                   CASE WHEN p_existing.amount_requested IS NOT NULL
                        THEN p_existing.amount_requested ELSE p.amount_minor END AS m
            FROM ledger_postings p WHERE p.entry_id = p_existing.id
        )
        SELECT
            (SELECT array_agg(a || d || c ORDER BY a, d, c) FROM asked)
                = (SELECT array_agg(a || d || c ORDER BY a, d, c) FROM stored),
            (SELECT array_agg(a || d || c || m ORDER BY a, d, c, m) FROM asked)
                = (SELECT array_agg(a || d || c || m ORDER BY a, d, c, m) FROM stored)
        INTO v_same_accounts, v_same_amounts;
        IF NOT v_same_accounts THEN
            PERFORM ledger_refuse('exists_with_different_postings', p_index, 'postings');
        END IF;
        IF NOT v_same_amounts THEN
            PERFORM ledger_refuse('exists_with_different_amount', p_index, 'postings');
        END IF;
    ELSIF v_kind IN ('post_pending', 'void_pending')
          AND p_existing.amount_requested IS DISTINCT FROM (p_doc->>'amount')::bigint THEN
        PERFORM ledger_refuse('exists_with_different_amount', p_index, 'amount_minor');
    END IF;
    IF p_existing.metadata <> coalesce(p_doc->'metadata', '{}'::jsonb) THEN
        PERFORM ledger_refuse('exists_with_different_metadata', p_index, 'metadata');
    END IF;
    IF (p_doc ? 'code' OR v_kind IN ('single_phase', 'pending'))
       AND p_existing.code IS DISTINCT FROM (p_doc->>'code')::integer THEN
        PERFORM ledger_refuse('exists_with_different_code', p_index, 'code');
    END IF;
    IF p_existing.reverses_id IS DISTINCT FROM (p_doc->>'reverses_id') THEN
        PERFORM ledger_refuse('exists_with_different_reversed_id', p_index, 'reverses_id');
    END IF;
    RETURN true;
END $$;

-- A post of 0 releases the whole reservation and moves nothing, whatever the number of
-- postings (a partial post of more than 0 still needs one debit and one credit); a void
-- reopens what its closing entry closed; a lapsed closing entry holds nothing closed.
CREATE OR REPLACE FUNCTION ledger_apply_resolution(p_doc jsonb, p_index integer, p_now timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_post boolean := (p_doc->>'kind') = 'post_pending';
    v_pending ledger_entries;
    v_outcome text;
    v_amount bigint := (p_doc->>'amount')::bigint;
    v_reserved bigint;
    v_postings integer;
    v_closed record;
BEGIN
    SELECT * INTO v_pending FROM ledger_entries WHERE id = p_doc->>'pending_id';
    IF NOT FOUND THEN
        PERFORM ledger_refuse('pending_transfer_not_found', p_index, 'pending_id');
    END IF;
    IF v_pending.kind <> 'pending' THEN
        PERFORM ledger_refuse('pending_transfer_not_pending', p_index, 'pending_id');
    END IF;
    PERFORM ledger_check_resolution_names(p_doc, p_index, v_pending);
    IF v_amount IS NOT NULL THEN
        SELECT count(*), max(p.amount_minor) INTO v_postings, v_reserved
        FROM ledger_postings p WHERE p.entry_id = v_pending.id;
        IF v_postings <> 2 AND v_amount > 0 THEN
            PERFORM ledger_refuse('partial_post_requires_two_postings', p_index, 'amount_minor');
        END IF;
        IF v_amount > v_reserved THEN
            PERFORM ledger_refuse('exceeds_pending_transfer_amount', p_index, 'amount_minor');
        END IF;
        IF NOT v_post AND v_amount < v_reserved THEN
            PERFORM ledger_refuse('pending_transfer_has_different_amount', p_index, 'amount_minor');
        END IF;
    END IF;
    SELECT o.kind INTO v_outcome FROM ledger_entries o WHERE o.pending_id = v_pending.id;
    IF v_outcome = 'post_pending' THEN
        PERFORM ledger_refuse('pending_transfer_already_posted', p_index, 'pending_id');
    ELSIF v_outcome = 'void_pending' THEN
        PERFORM ledger_refuse('pending_transfer_already_voided', p_index, 'pending_id');
    ELSIF v_outcome = 'expire_pending' OR v_pending.expires_at <= p_now THEN
        PERFORM ledger_refuse('pending_transfer_expired', p_index, 'pending_id');
    END IF;
    IF v_post THEN
        SELECT p.direction, a.id INTO v_closed FROM ledger_postings p
        JOIN ledger_accounts a ON a.id = p.account_id
        WHERE p.entry_id = v_pending.id AND a.closed
        ORDER BY p.direction DESC, p.id LIMIT 1;
        IF FOUND THEN
            -- As for a new entry: a lapsed closing entry holds no account closed.
            PERFORM ledger_expire(p_now, c.account_id)
            FROM (SELECT DISTINCT p.account_id FROM ledger_postings p
                  JOIN ledger_accounts a ON a.id = p.account_id
                  WHERE p.entry_id = v_pending.id AND a.closed) c;
            SELECT p.direction, a.id INTO v_closed FROM ledger_postings p
            JOIN ledger_accounts a ON a.id = p.account_id
            WHERE p.entry_id = v_pending.id AND a.closed
            ORDER BY p.direction DESC, p.id LIMIT 1;
        END IF;
        IF FOUND THEN
            PERFORM ledger_refuse(v_closed.direction || '_account_already_closed', p_index, 'pending_id');
        END IF;
    END IF;

    INSERT INTO ledger_entries (id, kind, pending_id, amount_requested, metadata, created_at,
                                code)
    VALUES (p_doc->>'id', p_doc->>'kind', v_pending.id, v_amount,
            coalesce(p_doc->'metadata', '{}'::jsonb), p_now, v_pending.code);
    PERFORM ledger_release_pending(v_pending.id);
    IF NOT v_post AND (v_pending.closing_debit OR v_pending.closing_credit) THEN
        PERFORM ledger_set_closed_by(v_pending.id, false, p_now, 'void ' || (p_doc->>'id'));
    END IF;
    IF v_post THEN
        INSERT INTO ledger_postings (entry_id, account_id, direction, amount_minor, currency,
                                     pending, created_at)
        SELECT p_doc->>'id', p.account_id, p.direction, coalesce(v_amount, p.amount_minor),
               p.currency, false, p_now
        FROM ledger_postings p WHERE p.entry_id = v_pending.id ORDER BY p.id;
        UPDATE ledger_accounts a
        SET debits_posted = a.debits_posted + d.debits, credits_posted = a.credits_posted + d.credits
        FROM (
            SELECT p.account_id,
                   sum(CASE WHEN p.direction = 'debit' THEN coalesce(v_amount, p.amount_minor) ELSE 0 END) AS debits,
                   sum(CASE WHEN p.direction = 'credit' THEN coalesce(v_amount, p.amount_minor) ELSE 0 END) AS credits
            FROM ledger_postings p WHERE p.entry_id = v_pending.id GROUP BY p.account_id
        ) d
        WHERE a.id = d.account_id;
    END IF;
END $$;

-- Apply a single-phase or pending entry: a balancing entry with nothing to move applies
-- with 0; a closing entry closes its accounts; a lapsed closing entry holds nothing closed.
CREATE OR REPLACE FUNCTION ledger_apply_new(p_doc jsonb, p_index integer, p_now timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_pending boolean := (p_doc->>'kind') = 'pending';
    v_balancing_debit boolean := coalesce((p_doc->>'balancing_debit')::boolean, false);
    v_balancing_credit boolean := coalesce((p_doc->>'balancing_credit')::boolean, false);
    v_closing_debit boolean := coalesce((p_doc->>'closing_debit')::boolean, false);
    v_closing_credit boolean := coalesce((p_doc->>'closing_credit')::boolean, false);
    v_timeout integer := (p_doc->>'timeout_s')::integer;
    v_reverses text := p_doc->>'reverses_id';
    v_asked bigint;
    v_amount bigint;
    v_problem record;
    v_reversed ledger_entries;
    v_expired integer;
BEGIN
    -- Every posting's account exists, has the posting's currency, and is open (in that order).
    SELECT x.ord, x.d, a.id IS NULL AS missing, a.currency <> x.c AS other_currency,
           coalesce(a.closed, false) AS closed
    INTO v_problem
    FROM ROWS FROM (jsonb_to_recordset(p_doc->'postings') AS (a text, d text, m bigint, c text))
        WITH ORDINALITY AS x(a, d, m, c, ord)
    LEFT JOIN ledger_accounts a ON a.id = x.a
    WHERE a.id IS NULL OR a.currency <> x.c OR a.closed
    -- Missing (debit first), then any currency mismatch, before any closed account.
    ORDER BY (a.id IS NULL) DESC, (a.id IS NULL AND x.d = 'debit') DESC,
             coalesce(a.currency <> x.c, false) DESC, x.ord
    LIMIT 1;
    IF FOUND AND v_problem.missing THEN
        PERFORM ledger_refuse(v_problem.d || '_account_not_found', p_index,
                              format('postings[%s].account_id', v_problem.ord - 1));
    ELSIF FOUND AND v_problem.other_currency THEN
        PERFORM ledger_refuse('currency_must_match_account', p_index,
                              format('postings[%s].currency', v_problem.ord - 1));
    END IF;
    IF v_reverses IS NOT NULL THEN
        SELECT * INTO v_reversed FROM ledger_entries WHERE id = v_reverses;
        IF NOT FOUND THEN
            PERFORM ledger_refuse('reversed_entry_not_found', p_index, 'reverses_id');
        END IF;
        IF v_reversed.kind NOT IN ('single_phase', 'post_pending') THEN
            PERFORM ledger_refuse('reversed_entry_not_posted', p_index, 'reverses_id');
        END IF;
        PERFORM 1 FROM ledger_entries WHERE reverses_id = v_reverses;
        IF FOUND THEN
            PERFORM ledger_refuse('entry_already_reversed', p_index, 'reverses_id');
        END IF;
    END IF;
    IF v_problem.closed THEN
        -- A closing entry whose timeout has passed no longer holds its account closed: release
        -- the lapsed reservations of the closed accounts (lazy expiry reopens them), then look
        -- again.
        PERFORM ledger_expire(p_now, c.id)
        FROM (SELECT DISTINCT a.id FROM jsonb_to_recordset(p_doc->'postings') AS x(a text)
              JOIN ledger_accounts a ON a.id = x.a WHERE a.closed) c;
        SELECT x.ord, x.d INTO v_problem
        FROM ROWS FROM (jsonb_to_recordset(p_doc->'postings') AS (a text, d text, m bigint, c text))
        WITH ORDINALITY AS x(a, d, m, c, ord)
        JOIN ledger_accounts a ON a.id = x.a
        WHERE a.closed ORDER BY (x.d = 'debit') DESC, x.ord LIMIT 1;
        IF FOUND THEN
            PERFORM ledger_refuse(v_problem.d || '_account_already_closed', p_index,
                                  format('postings[%s].account_id', v_problem.ord - 1));
        END IF;
    END IF;

    -- Balancing: move at most what the flagged side can give or take (two postings only).
    IF v_balancing_debit OR v_balancing_credit THEN
        SELECT max(x.m) INTO v_asked FROM jsonb_to_recordset(p_doc->'postings') AS x(m bigint);
        v_amount := ledger_balancing_amount(p_doc, v_asked);
        IF v_amount < v_asked THEN
            -- Short of what was asked: release expired reservations on these accounts and look
            -- again, so that what moves does not depend on when the sweeper last ran.
            PERFORM ledger_expire(p_now, x.a) FROM jsonb_to_recordset(p_doc->'postings') AS x(a text);
            v_amount := ledger_balancing_amount(p_doc, v_asked);
        END IF;
        -- Nothing to move is a success with amount 0 (TigerBeetle since 0.16): postings of 0.
    END IF;

    -- Limits and overflow, checked on the aggregated change per account; expired reservations
    -- that still hold funds are released first (lazy expiry) before a limit refusal stands.
    FOR attempt IN 1..2 LOOP
        WITH delta AS (
            SELECT x.a, sum(CASE WHEN x.d = 'debit' THEN coalesce(v_amount, x.m) ELSE 0 END)::numeric AS debits,
                        sum(CASE WHEN x.d = 'credit' THEN coalesce(v_amount, x.m) ELSE 0 END)::numeric AS credits
            FROM jsonb_to_recordset(p_doc->'postings') AS x(a text, d text, m bigint)
            GROUP BY x.a
        )
        SELECT a.id,
               a.debits_pending::numeric + a.debits_posted + d.debits > 9223372036854775807 AS overflows_debits,
               a.credits_pending::numeric + a.credits_posted + d.credits > 9223372036854775807 AS overflows_credits,
               a.debits_must_not_exceed_credits
                 AND a.debits_pending::numeric + a.debits_posted + d.debits > a.credits_posted AS exceeds_credits,
               a.credits_must_not_exceed_debits
                 AND a.credits_pending::numeric + a.credits_posted + d.credits > a.debits_posted AS exceeds_debits,
               a.debits_pending + a.credits_pending > 0 AS has_pending
        INTO v_problem
        FROM delta d JOIN ledger_accounts a ON a.id = d.a
        WHERE a.debits_pending::numeric + a.debits_posted + d.debits > 9223372036854775807
           OR a.credits_pending::numeric + a.credits_posted + d.credits > 9223372036854775807
           OR (a.debits_must_not_exceed_credits
               AND a.debits_pending::numeric + a.debits_posted + d.debits > a.credits_posted)
           OR (a.credits_must_not_exceed_debits
               AND a.credits_pending::numeric + a.credits_posted + d.credits > a.debits_posted)
        ORDER BY 2 DESC, 3 DESC, 4 DESC, 5 DESC, a.id
        LIMIT 1;
        EXIT WHEN NOT FOUND;
        IF v_problem.overflows_debits THEN
            PERFORM ledger_refuse('overflows_debits', p_index, 'postings');
        ELSIF v_problem.overflows_credits THEN
            PERFORM ledger_refuse('overflows_credits', p_index, 'postings');
        END IF;
        v_expired := 0;
        IF attempt = 1 AND v_problem.has_pending THEN
            -- Every account of the entry, not only this one: another may be short for the
            -- same reason, and there is no third pass to release its reservations.
            SELECT coalesce(sum(ledger_expire(p_now, x.a)), 0) INTO v_expired
            FROM (SELECT DISTINCT y.a FROM jsonb_to_recordset(p_doc->'postings') AS y(a text)) x;
        END IF;
        IF v_expired = 0 THEN
            PERFORM ledger_refuse_limit(v_problem.exceeds_credits, p_index, p_doc, p_now);
        END IF;
        IF v_balancing_debit OR v_balancing_credit THEN
            -- Released funds change what a balancing entry may move: recompute it.
            v_amount := ledger_balancing_amount(p_doc, v_asked);
        END IF;
    END LOOP;

    INSERT INTO ledger_entries (id, kind, reverses_id, timeout_s, expires_at, amount_requested,
                                balancing_debit, balancing_credit, metadata, created_at, code,
                                closing_debit, closing_credit)
    VALUES (p_doc->>'id', p_doc->>'kind', v_reverses, v_timeout,
            p_now + make_interval(secs => v_timeout), CASE WHEN v_amount IS NOT NULL THEN v_asked END,
            v_balancing_debit, v_balancing_credit, coalesce(p_doc->'metadata', '{}'::jsonb), p_now,
            (p_doc->>'code')::integer, v_closing_debit, v_closing_credit);
    INSERT INTO ledger_postings (entry_id, account_id, direction, amount_minor, currency, pending, created_at)
    SELECT p_doc->>'id', x.a, x.d, coalesce(v_amount, x.m), x.c, v_pending, p_now
    FROM ROWS FROM (jsonb_to_recordset(p_doc->'postings') AS (a text, d text, m bigint, c text))
        WITH ORDINALITY AS x(a, d, m, c, ord)
    ORDER BY x.ord;
    UPDATE ledger_accounts a
    SET debits_pending = a.debits_pending + CASE WHEN v_pending THEN d.debits ELSE 0 END,
        credits_pending = a.credits_pending + CASE WHEN v_pending THEN d.credits ELSE 0 END,
        debits_posted = a.debits_posted + CASE WHEN v_pending THEN 0 ELSE d.debits END,
        credits_posted = a.credits_posted + CASE WHEN v_pending THEN 0 ELSE d.credits END
    FROM (
        SELECT x.a, sum(CASE WHEN x.d = 'debit' THEN coalesce(v_amount, x.m) ELSE 0 END) AS debits,
                    sum(CASE WHEN x.d = 'credit' THEN coalesce(v_amount, x.m) ELSE 0 END) AS credits
        FROM jsonb_to_recordset(p_doc->'postings') AS x(a text, d text, m bigint)
        GROUP BY x.a
    ) d
    WHERE a.id = d.a;
    IF v_closing_debit OR v_closing_credit THEN
        PERFORM ledger_set_closed_by(p_doc->>'id', true, p_now, 'closing entry ' || (p_doc->>'id'));
    END IF;
END $$;


-- ------------------------------------------------------------------------------------------
-- Issue 20: plain batches (fresh single-phase entries, the common case, single entries
-- included) checked and applied set-based at a lower price.
--
-- Measured on the server (CPU of the backend per single-entry ledger_apply, 0017): about
-- 0.7-0.85 ms, of which the window query of ledger_plain_batch_refused alone took 0.14 ms
-- (running sums over every posting of the batch, sorted twice, in numeric) and parsing the
-- batch into an array of a composite type most of the rest of the check. The rules checked
-- are the same; what changes is how:
--
-- * An account moved only one way by the batch (only debited, or only credited) reaches its
--   extreme balance after the batch's last entry, so its totals decide its limits exactly as
--   entry-by-entry application would. Only an account both debited and credited in the batch
--   (never in one entry: accounts_must_be_different) needs running sums, and only when it
--   carries a limit flag; then the exact window query of 0017 still decides.
-- * The batch is parsed once into arrays of scalars (id, entry index, account, direction,
--   amount, currency), which unnest() reads without building composite values.

-- Whether applying a plain batch would be refused somewhere, with ledger_plain_batch_refused's
-- answer: an id stored, failed or repeated; an account missing, closed or in another
-- currency; a 64-bit total exceeded; a limit broken after any entry. The accounts are locked.
CREATE FUNCTION ledger_plain_refused(p_ids text[], p_e integer[], p_a text[], p_d text[],
                                     p_m bigint[], p_c text[])
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    v_refused boolean;
    v_running boolean;
BEGIN
    IF cardinality(p_ids) > 1
       AND cardinality(p_ids) <> (SELECT count(DISTINCT id) FROM unnest(p_ids) id) THEN
        RETURN true;
    END IF;
    IF EXISTS (SELECT 1 FROM ledger_entries e WHERE e.id = ANY(p_ids))
       OR EXISTS (SELECT 1 FROM unnest(p_ids) AS i(id)
                  WHERE (SELECT true FROM ledger_failed_entries f WHERE f.id = i.id) IS NOT NULL)
    THEN
        RETURN true;
    END IF;
    SELECT coalesce(bool_or(
               a.id IS NULL OR a.closed OR a.currency <> s.c_min OR a.currency <> s.c_max
               OR a.debits_pending::numeric + a.debits_posted + s.debits > 9223372036854775807
               OR a.credits_pending::numeric + a.credits_posted + s.credits > 9223372036854775807
               OR (NOT s.both_ways AND a.debits_must_not_exceed_credits
                   AND a.debits_pending::numeric + a.debits_posted + s.debits
                       > a.credits_posted + s.credits)
               OR (NOT s.both_ways AND a.credits_must_not_exceed_debits
                   AND a.credits_pending::numeric + a.credits_posted + s.credits
                       > a.debits_posted + s.debits)), false),
           coalesce(bool_or(s.both_ways AND (a.debits_must_not_exceed_credits
                                             OR a.credits_must_not_exceed_debits)), false)
    INTO v_refused, v_running
    FROM (SELECT p.a,
                 sum(CASE WHEN p.d = 'debit' THEN p.m ELSE 0 END)::numeric AS debits,
                 sum(CASE WHEN p.d = 'credit' THEN p.m ELSE 0 END)::numeric AS credits,
                 bool_or(p.d = 'debit') AND bool_or(p.d = 'credit') AS both_ways,
                 min(p.c) AS c_min, max(p.c) AS c_max
          FROM unnest(p_a, p_d, p_m, p_c) AS p(a, d, m, c) GROUP BY p.a) s
    -- The accounts by an index scan of the array: joined to an unnest() estimated at 10 rows,
    -- a small table was read whole, a row per account of the ledger per call.
    LEFT JOIN (SELECT * FROM ledger_accounts WHERE id = ANY(p_a)) a ON a.id = s.a;
    IF v_refused OR NOT v_running THEN
        RETURN v_refused;
    END IF;
    RETURN ledger_plain_batch_refused(p_ids, ARRAY(
        SELECT ROW(p.e, p.j, p.a, p.d, p.m, p.c)::ledger_posting_input
        FROM unnest(p_e, p_a, p_d, p_m, p_c) WITH ORDINALITY AS p(e, a, d, m, c, j)));
END $$;

-- The set-based path of plain batches: fresh single-phase entries without flags, timeouts,
-- reversals or closing, nothing refused. Returns false having written nothing for anything
-- else; ledger_apply then goes entry by entry, which finds the exact refusal.
CREATE OR REPLACE FUNCTION ledger_apply_plain(p_entries jsonb, p_now timestamptz)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    v_ids text[];
    v_e integer[];
    v_a text[];
    v_d text[];
    v_m bigint[];
    v_c text[];
BEGIN
    IF jsonb_path_exists(p_entries, '$[*] ? (@.kind != "single_phase" || exists(@.timeout_s)
            || exists(@.balancing_debit) || exists(@.balancing_credit) || exists(@.reverses_id)
            || exists(@.pending_id) || exists(@.closing_debit) || exists(@.closing_credit))') THEN
        RETURN false;
    END IF;
    v_ids := ARRAY(SELECT e->>'id' FROM jsonb_array_elements(p_entries) e);
    SELECT array_agg(e.ord::integer - 1), array_agg(x.a), array_agg(x.d), array_agg(x.m),
           array_agg(x.c)
    INTO v_e, v_a, v_d, v_m, v_c
    FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS e(doc, ord),
         jsonb_to_recordset(e.doc->'postings') AS x(a text, d text, m bigint, c text);
    -- An index scan by an array visits each key once, in order: the locks are taken in id order.
    PERFORM 1 FROM ledger_accounts a WHERE a.id = ANY(v_a) ORDER BY a.id FOR NO KEY UPDATE;
    IF ledger_plain_refused(v_ids, v_e, v_a, v_d, v_m, v_c) THEN
        RETURN false;
    END IF;

    WITH entries AS (
        INSERT INTO ledger_entries (id, kind, metadata, created_at, code)
        SELECT e.doc->>'id', 'single_phase', coalesce(e.doc->'metadata', '{}'::jsonb), p_now,
               (e.doc->>'code')::integer
        FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS e(doc, ord) ORDER BY e.ord
    ), postings AS (
        INSERT INTO ledger_postings (entry_id, account_id, direction, amount_minor, currency,
                                     pending, created_at)
        SELECT v_ids[p.e + 1], p.a, p.d, p.m, p.c, false, p_now
        FROM unnest(v_e, v_a, v_d, v_m, v_c) WITH ORDINALITY AS p(e, a, d, m, c, ord)
        ORDER BY p.ord
    )
    UPDATE ledger_accounts a
    SET debits_posted = a.debits_posted + d.debits, credits_posted = a.credits_posted + d.credits
    FROM (
        SELECT p.a, sum(CASE WHEN p.d = 'debit' THEN p.m ELSE 0 END) AS debits,
                    sum(CASE WHEN p.d = 'credit' THEN p.m ELSE 0 END) AS credits
        FROM unnest(v_a, v_d, v_m) AS p(a, d, m) GROUP BY p.a
    ) d
    WHERE a.id = d.a AND a.id = ANY(v_a);
    RETURN true;
END $$;


-- The batch driver of 0017, split in two: the set-based path, else entry by entry in order
-- (ledger_apply_each, the reference for every rule, which the differential test
-- tests/integration/test_ledger_set_based_differential.py runs against the set-based path on
-- the same random batches). Both run on generic plans (see 0001).
CREATE FUNCTION ledger_apply_each(p_entries jsonb, p_now timestamptz)
RETURNS TABLE (entry_index integer, replayed boolean) LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    v_doc jsonb;
    v_index integer := 0;
    v_existing ledger_entries;
    v_whole_replay boolean;
BEGIN
    PERFORM ledger_lock_accounts(p_entries);
    v_whole_replay := jsonb_array_length(p_entries) = 1 OR NOT EXISTS (
        SELECT 1 FROM jsonb_array_elements(p_entries) e
        WHERE NOT EXISTS (SELECT 1 FROM ledger_entries s WHERE s.id = e->>'id'));

    FOR v_doc IN SELECT value FROM jsonb_array_elements(p_entries) LOOP
        entry_index := v_index;
        SELECT * INTO v_existing FROM ledger_entries WHERE id = v_doc->>'id';
        IF FOUND THEN
            replayed := ledger_compare_existing(v_doc, v_index, v_existing);
            IF NOT v_whole_replay THEN
                PERFORM ledger_refuse('exists', v_index, 'id');
            END IF;
        ELSE
            PERFORM 1 FROM ledger_failed_entries f WHERE f.id = v_doc->>'id';
            IF FOUND THEN
                PERFORM ledger_refuse('id_already_failed', v_index, 'id');
            END IF;
            IF v_doc->>'kind' IN ('post_pending', 'void_pending') THEN
                PERFORM ledger_apply_resolution(v_doc, v_index, p_now);
            ELSE
                PERFORM ledger_apply_new(v_doc, v_index, p_now);
            END IF;
            replayed := false;
        END IF;
        RETURN NEXT;
        v_index := v_index + 1;
    END LOOP;
END $$;

CREATE OR REPLACE FUNCTION ledger_apply(p_entries jsonb, p_now timestamptz)
RETURNS TABLE (entry_index integer, replayed boolean) LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    IF ledger_apply_plain(p_entries, p_now) THEN
        RETURN QUERY SELECT i, false FROM generate_series(0, jsonb_array_length(p_entries) - 1) i;
        RETURN;
    END IF;
    RETURN QUERY SELECT * FROM ledger_apply_each(p_entries, p_now);
END $$;
