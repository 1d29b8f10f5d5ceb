-- The ledger follows TigerBeetle's create_transfers rules wherever the two overlap (issue 18).
--
-- Redefines, with CREATE OR REPLACE, the parts of the write path of 0001/0008/0014 whose rules
-- changed; every table, trigger and constraint of those revisions stays as it was. Each
-- section names the TigerBeetle rule it follows (docs/concepts.md has the full table).

-- An entry's code: why the money moved (TigerBeetle's Transfer.code, a u16 that is not 0).
-- Optional here (NULL: not given); a post or void carries its pending entry's code.
CREATE DOMAIN ledger_entry_code AS integer
    CONSTRAINT ledger_entry_code_range CHECK (VALUE BETWEEN 1 AND 65535);
ALTER TABLE ledger_entries ADD COLUMN code ledger_entry_code;
CREATE INDEX ledger_entries_code ON ledger_entries (code, id) WHERE code IS NOT NULL;

-- A replayed void is compared on its amount too (it may name the reserved amount), and every
-- replay on its code (a post or void only when it names one).
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
       OR p_existing.balancing_credit <> coalesce((p_doc->>'balancing_credit')::boolean, false) THEN
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


-- The pending entry named by a post or void must be the one the request describes: any
-- account, currency or amount the request repeats must equal the pending entry's
-- (TigerBeetle's pending_transfer_has_different_*), checked in TigerBeetle's order: after
-- not_found/not_pending, before the amount, before the outcome (already posted/voided/expired).
CREATE OR REPLACE FUNCTION ledger_check_resolution_names(p_doc jsonb, p_index integer,
                                                         p_pending ledger_entries)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_pending_id text := p_pending.id;
BEGIN
    IF p_doc ? 'debit' THEN
        PERFORM 1 FROM ledger_postings p WHERE p.entry_id = v_pending_id
            AND p.direction = 'debit' AND p.account_id = p_doc->>'debit';
        IF NOT FOUND THEN
            PERFORM ledger_refuse('pending_transfer_has_different_debit_account_id', p_index,
                                  'debit_account_id');
        END IF;
    END IF;
    IF p_doc ? 'credit' THEN
        PERFORM 1 FROM ledger_postings p WHERE p.entry_id = v_pending_id
            AND p.direction = 'credit' AND p.account_id = p_doc->>'credit';
        IF NOT FOUND THEN
            PERFORM ledger_refuse('pending_transfer_has_different_credit_account_id', p_index,
                                  'credit_account_id');
        END IF;
    END IF;
    IF p_doc ? 'currency' THEN
        PERFORM 1 FROM ledger_postings p WHERE p.entry_id = v_pending_id
            AND p.currency::text <> p_doc->>'currency';
        IF FOUND THEN
            PERFORM ledger_refuse('pending_transfer_has_different_currency', p_index, 'currency');
        END IF;
    END IF;
    IF p_doc ? 'code' AND p_pending.code IS DISTINCT FROM (p_doc->>'code')::integer THEN
        PERFORM ledger_refuse('pending_transfer_has_different_code', p_index, 'code');
    END IF;
END $$;

-- Resolve a pending entry: post (in full or part) or void. Accounts are already locked.
-- A void may name the reserved amount; anything else is refused (a smaller one with
-- pending_transfer_has_different_amount: post the smaller amount instead).
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
        IF v_postings <> 2 THEN
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
            PERFORM ledger_refuse(v_closed.direction || '_account_already_closed', p_index, 'pending_id');
        END IF;
    END IF;

    INSERT INTO ledger_entries (id, kind, pending_id, amount_requested, metadata, created_at,
                                code)
    VALUES (p_doc->>'id', p_doc->>'kind', v_pending.id, v_amount,
            coalesce(p_doc->'metadata', '{}'::jsonb), p_now, v_pending.code);
    PERFORM ledger_release_pending(v_pending.id);
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

-- id_already_failed (TigerBeetle's orphaned ids). The id of an entry refused for a reason that
-- depended on the ledger's state (not found, closed, exceeds_credits/debits: the codes of
-- RECORDED_FAILURES in rules/entry_codes.py) is recorded here by the service, in a transaction
-- of its own after the refusal rolled back; ledger_apply refuses that id ever after, so a
-- retry gets a refusal again and never a movement made possible by a later change of state.
-- Append-only like the journal: an id that failed stays failed.
CREATE TABLE ledger_failed_entries (
    id ledger_entry_id PRIMARY KEY,
    code text NOT NULL,
    failed_at timestamptz NOT NULL
);
CREATE TRIGGER ledger_failed_entries_append_only BEFORE UPDATE OR DELETE ON ledger_failed_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_failed_entries_no_truncate BEFORE TRUNCATE ON ledger_failed_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- A plain batch holding a failed id goes entry by entry, which reports id_already_failed.
CREATE OR REPLACE FUNCTION ledger_plain_batch_refused(p_ids text[], p_postings ledger_posting_input[])
RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(p_ids) > 1
       AND cardinality(p_ids) <> (SELECT count(DISTINCT id) FROM unnest(p_ids) id) THEN
        RETURN true;
    END IF;
    RETURN EXISTS (SELECT 1 FROM ledger_entries e WHERE e.id = ANY(p_ids))
        -- One primary-key probe per id: as `f.id = ANY(p_ids)` on a table without statistics,
        -- the generic plan scanned every failed id against the whole array.
        OR EXISTS (SELECT 1 FROM unnest(p_ids) AS i(id)
                   WHERE (SELECT true FROM ledger_failed_entries f WHERE f.id = i.id) IS NOT NULL)
        OR EXISTS (
            SELECT 1
            FROM (
                SELECT p.a, p.c, sum(p.debit) OVER upto AS debits, sum(p.credit) OVER upto AS credits,
                       coalesce(sum(p.debit) OVER before, 0) AS debits_before,
                       coalesce(sum(p.credit) OVER before, 0) AS credits_before
                FROM (SELECT q.i, q.a, q.c,
                             CASE WHEN q.d = 'debit' THEN q.m ELSE 0 END::numeric AS debit,
                             CASE WHEN q.d = 'credit' THEN q.m ELSE 0 END::numeric AS credit
                      FROM unnest(p_postings) q) p
                WINDOW upto AS (PARTITION BY p.a ORDER BY p.i),
                       before AS (upto RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
            ) m
            LEFT JOIN ledger_accounts a ON a.id = m.a
            WHERE a.id IS NULL OR a.closed OR a.currency <> m.c
               OR a.debits_pending::numeric + a.debits_posted + m.debits > 9223372036854775807
               OR a.credits_pending::numeric + a.credits_posted + m.credits > 9223372036854775807
               OR (a.debits_must_not_exceed_credits
                   AND a.debits_pending::numeric + a.debits_posted + m.debits
                       > a.credits_posted + m.credits_before)
               OR (a.credits_must_not_exceed_debits
                   AND a.credits_pending::numeric + a.credits_posted + m.credits
                       > a.debits_posted + m.debits_before));
END $$;

-- A limit refusal is a verdict on the entry's id (recorded for id_already_failed) unless a
-- reservation whose timeout has passed still counts on one of the entry's accounts: lazy
-- expiry skips one whose other account another transaction holds locked (0008). TigerBeetle
-- would have expired it already, so such a refusal is raised as SQLSTATE PSL03 (same message,
-- detail and hint as PSL01): still refused now, but the id stays free for a retry.
CREATE OR REPLACE FUNCTION ledger_refuse_limit(p_exceeds_credits boolean, p_index integer,
                                               p_doc jsonb, p_now timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_code text := CASE WHEN p_exceeds_credits THEN 'exceeds_credits' ELSE 'exceeds_debits' END;
BEGIN
    PERFORM 1 FROM ledger_entries e
    WHERE e.kind = 'pending' AND e.expires_at <= p_now
      AND NOT EXISTS (SELECT 1 FROM ledger_entries o WHERE o.pending_id = e.id)
      AND EXISTS (SELECT 1 FROM ledger_postings p WHERE p.entry_id = e.id
                  AND p.account_id IN (SELECT x.a FROM jsonb_to_recordset(p_doc->'postings')
                                                       AS x(a text)))
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'PSL03', MESSAGE = v_code, DETAIL = p_index::text,
            HINT = 'postings';
    END IF;
    PERFORM ledger_refuse(CASE WHEN p_exceeds_credits THEN 'exceeds_credits'
                               ELSE 'exceeds_debits' END, p_index, 'postings');
END $$;

-- Apply a single-phase or pending entry. Accounts are already locked.
CREATE OR REPLACE FUNCTION ledger_apply_new(p_doc jsonb, p_index integer, p_now timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_pending boolean := (p_doc->>'kind') = 'pending';
    v_balancing_debit boolean := coalesce((p_doc->>'balancing_debit')::boolean, false);
    v_balancing_credit boolean := coalesce((p_doc->>'balancing_credit')::boolean, false);
    v_timeout integer := (p_doc->>'timeout_s')::integer;
    v_reverses text := p_doc->>'reverses_id';
    v_asked bigint;
    v_amount bigint;
    v_problem record;
    v_reversed ledger_entries;
    v_expired integer;
    v_debit_side_full boolean;
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
        SELECT x.ord, x.d INTO v_problem
        FROM ROWS FROM (jsonb_to_recordset(p_doc->'postings') AS (a text, d text, m bigint, c text))
        WITH ORDINALITY AS x(a, d, m, c, ord)
        JOIN ledger_accounts a ON a.id = x.a
        WHERE a.closed ORDER BY (x.d = 'debit') DESC, x.ord LIMIT 1;
        PERFORM ledger_refuse(v_problem.d || '_account_already_closed', p_index,
                              format('postings[%s].account_id', v_problem.ord - 1));
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
        IF v_amount <= 0 THEN
            -- Name the side that has nothing to give (debit) or to take (credit), debit first.
            v_debit_side_full := v_balancing_debit
                AND ledger_balancing_amount(p_doc - 'balancing_credit', v_asked) <= 0;
            PERFORM ledger_refuse_limit(v_debit_side_full, p_index, p_doc, p_now);
        END IF;
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
                                balancing_debit, balancing_credit, metadata, created_at, code)
    VALUES (p_doc->>'id', p_doc->>'kind', v_reverses, v_timeout,
            p_now + make_interval(secs => v_timeout), CASE WHEN v_amount IS NOT NULL THEN v_asked END,
            v_balancing_debit, v_balancing_credit, coalesce(p_doc->'metadata', '{}'::jsonb), p_now,
            (p_doc->>'code')::integer);
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
END $$;

-- The set-based path of plain batches, now writing each entry's code.
CREATE OR REPLACE FUNCTION ledger_apply_plain(p_entries jsonb, p_now timestamptz)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    v_ids text[];
    v_postings ledger_posting_input[];
BEGIN
    IF jsonb_path_exists(p_entries, '$[*] ? (@.kind != "single_phase" || exists(@.timeout_s)
            || exists(@.balancing_debit) || exists(@.balancing_credit) || exists(@.reverses_id)
            || exists(@.pending_id))') THEN
        RETURN false;
    END IF;
    SELECT ARRAY(SELECT e->>'id' FROM jsonb_array_elements(p_entries) e),
           ARRAY(SELECT ROW(e.ord - 1, x.ord, x.a, x.d, x.m, x.c)::ledger_posting_input
                 FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS e(doc, ord),
                      ROWS FROM (jsonb_to_recordset(e.doc->'postings')
                                 AS (a text, d text, m bigint, c text))
                          WITH ORDINALITY AS x(a, d, m, c, ord))
    INTO v_ids, v_postings;
    -- An index scan by an array visits each key once, in order: the locks are taken in id order.
    PERFORM 1 FROM ledger_accounts a WHERE a.id = ANY(ARRAY(SELECT p.a FROM unnest(v_postings) p))
    ORDER BY a.id FOR NO KEY UPDATE;
    IF ledger_plain_batch_refused(v_ids, v_postings) THEN
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
        SELECT v_ids[p.i + 1], p.a, p.d, p.m, p.c, false, p_now
        FROM unnest(v_postings) p ORDER BY p.i, p.j
    )
    UPDATE ledger_accounts a
    SET debits_posted = a.debits_posted + d.debits, credits_posted = a.credits_posted + d.credits
    FROM (
        SELECT p.a, sum(CASE WHEN p.d = 'debit' THEN p.m ELSE 0 END) AS debits,
                    sum(CASE WHEN p.d = 'credit' THEN p.m ELSE 0 END) AS credits
        FROM unnest(v_postings) p GROUP BY p.a
    ) d
    WHERE a.id = d.a;
    RETURN true;
END $$;

-- The batch driver. Every batch of more than one entry is one linked chain, and as in
-- TigerBeetle an id that already exists is a result other than success (`exists`) that fails
-- the chain: the chain cannot be applied as a unit when part of it is already there. A batch
-- whose every id exists is replayed whole (each entry compared with what is stored), so a
-- client that lost the answer can resubmit the same batch; TigerBeetle would answer `exists`
-- and linked_event_failed, which its clients must read as success anyway.
CREATE OR REPLACE FUNCTION ledger_apply(p_entries jsonb, p_now timestamptz)
RETURNS TABLE (entry_index integer, replayed boolean) LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    v_doc jsonb;
    v_index integer := 0;
    v_existing ledger_entries;
    v_whole_replay boolean;
BEGIN
    IF ledger_apply_plain(p_entries, p_now) THEN
        RETURN QUERY SELECT i, false FROM generate_series(0, jsonb_array_length(p_entries) - 1) i;
        RETURN;
    END IF;
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

-- Balancing entries (TigerBeetle's balancing_debit/balancing_credit): move at most what keeps
-- the account's net balance on that side from going negative, whether or not the account
-- carries the matching limit flag: with balancing_debit, credits_posted - debits_posted -
-- debits_pending; with balancing_credit, the mirror image. Never below zero. Nothing to move
-- stays a refusal (exceeds_credits/exceeds_debits): a posting cannot hold 0 (ledger_amount).
CREATE OR REPLACE FUNCTION ledger_balancing_amount(p_doc jsonb, p_asked bigint)
RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT greatest(0, least(
               p_asked,
               min(CASE WHEN coalesce((p_doc->>'balancing_debit')::boolean, false)
                             AND x.d = 'debit'
                        THEN a.credits_posted - a.debits_posted - a.debits_pending END),
               min(CASE WHEN coalesce((p_doc->>'balancing_credit')::boolean, false)
                             AND x.d = 'credit'
                        THEN a.debits_posted - a.credits_posted - a.credits_pending END)))
    FROM jsonb_to_recordset(p_doc->'postings') AS x(a text, d text)
    JOIN ledger_accounts a ON a.id = x.a;
$$;
