-- The ledger follows TigerBeetle's create_transfers rules wherever the two overlap (issue 18).
--
-- Redefines, with CREATE OR REPLACE, the parts of the write path of 0001/0008/0014 whose rules
-- changed; every table, trigger and constraint of those revisions stays as it was. Each
-- section names the TigerBeetle rule it follows (docs/concepts.md has the full table).

-- A replayed void is compared on its amount too (it may name the reserved amount).
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
                                                         p_pending_id text)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF p_doc ? 'debit' THEN
        PERFORM 1 FROM ledger_postings p WHERE p.entry_id = p_pending_id
            AND p.direction = 'debit' AND p.account_id = p_doc->>'debit';
        IF NOT FOUND THEN
            PERFORM ledger_refuse('pending_transfer_has_different_debit_account_id', p_index,
                                  'debit_account_id');
        END IF;
    END IF;
    IF p_doc ? 'credit' THEN
        PERFORM 1 FROM ledger_postings p WHERE p.entry_id = p_pending_id
            AND p.direction = 'credit' AND p.account_id = p_doc->>'credit';
        IF NOT FOUND THEN
            PERFORM ledger_refuse('pending_transfer_has_different_credit_account_id', p_index,
                                  'credit_account_id');
        END IF;
    END IF;
    IF p_doc ? 'currency' THEN
        PERFORM 1 FROM ledger_postings p WHERE p.entry_id = p_pending_id
            AND p.currency::text <> p_doc->>'currency';
        IF FOUND THEN
            PERFORM ledger_refuse('pending_transfer_has_different_currency', p_index, 'currency');
        END IF;
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
    PERFORM ledger_check_resolution_names(p_doc, p_index, v_pending.id);
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

    INSERT INTO ledger_entries (id, kind, pending_id, amount_requested, metadata, created_at)
    VALUES (p_doc->>'id', p_doc->>'kind', v_pending.id, v_amount,
            coalesce(p_doc->'metadata', '{}'::jsonb), p_now);
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
