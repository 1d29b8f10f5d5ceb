-- Issue 20: a single plain entry (the common call: one fresh single-phase transfer without
-- flags, timeout, reversal or closing) written in one statement; the constraints themselves
-- detect a refusal, and only then does the exact path run.
--
-- 0021 asked first and wrote after: a parse of the ids, a parse of the postings, the lock, a
-- call of ledger_plain_refused (a probe of the entries and of the failed ids, a GROUP BY over
-- the accounts), the write, then a generate_series for the answer: seven statements and two
-- nested function calls before the two statement triggers. For one entry every question the
-- check asks is also answered by the write:
--
-- * id stored (or a concurrent insert of it): the primary key of ledger_entries (23505);
-- * id recorded as failed: the entry row is not inserted (a scalar probe in its SELECT), so the
--   posting trigger refuses the postings of a missing entry (23503);
-- * account missing, closed, in another currency, or a 64-bit total exceeded: the balance
--   UPDATE skips that account (its WHERE), and fewer accounts updated than named is refused
--   here (PSL09, internal); a missing account also fails the posting trigger (23503);
-- * a limit broken: the account row's CHECK constraints (23514), as for every other write.
--   One entry is applied whole (its totals per account), so its final balances are exactly
--   what the entry-by-entry path checks; only batches need running sums.
--
-- Any of these rolls back the block (a subtransaction, with the account locks it took) and the
-- exact path, ledger_apply_each, locks them again and runs from the same state and gives the refusal
-- with its code, entry and field, or the replay of an entry stored with the same fields. No
-- refusal is decided here, so the set-based path cannot disagree with the reference on one:
-- tests/integration/test_ledger_set_based_differential.py runs both on the same random entries.
-- Batches of two or more keep 0021's path (they need running sums per account).

CREATE OR REPLACE FUNCTION ledger_apply(p_entries jsonb, p_now timestamptz)
RETURNS TABLE (entry_index integer, replayed boolean) LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    v_doc jsonb;
    v_a text[];
    v_d text[];
    v_m bigint[];
    v_c text[];
    v_accounts integer;
    v_sides integer;
    v_updated integer;
BEGIN
    IF jsonb_array_length(p_entries) = 1 THEN
        v_doc := p_entries->0;
        -- Plain: a single-phase entry with nothing but an id, postings, metadata and a code.
        IF (v_doc - 'id' - 'postings' - 'metadata' - 'code') = '{"kind": "single_phase"}'::jsonb
        THEN
            -- In the document's order (a DISTINCT aggregate beside them may sort the input).
            SELECT array_agg(x.a ORDER BY x.ord), array_agg(x.d ORDER BY x.ord),
                   array_agg(x.m ORDER BY x.ord), array_agg(x.c ORDER BY x.ord),
                   count(DISTINCT x.a), count(DISTINCT (x.a, x.d))
            INTO v_a, v_d, v_m, v_c, v_accounts, v_sides
            FROM ROWS FROM (jsonb_to_recordset(v_doc->'postings')
                            AS (a text, d text, m bigint, c text)) WITH ORDINALITY
                AS x(a, d, m, c, ord);
        END IF;
        -- An account both debited and credited by the entry is checked by the exact path: it
        -- checks the debits against the credits stored before the entry, the row's CHECK
        -- against those after it (NewEntry refuses such an entry before it gets here).
        IF v_accounts = v_sides AND v_accounts > 0 THEN
            BEGIN
                -- An index scan by an array visits each key once, in order: locks in id order.
                -- Taken inside the block, by the subtransaction that updates the rows: a row
                -- locked by the transaction and updated by its subtransaction gets a MultiXact
                -- (the lock must outlive a rollback of the update), which made every transfer
                -- slower and the hot account's waiters much slower.
                PERFORM 1 FROM ledger_accounts a WHERE a.id = ANY(v_a) ORDER BY a.id
                FOR NO KEY UPDATE;
                WITH entry AS (
                    INSERT INTO ledger_entries (id, kind, metadata, created_at, code)
                    SELECT v_doc->>'id', 'single_phase', coalesce(v_doc->'metadata', '{}'::jsonb),
                           p_now, (v_doc->>'code')::integer
                    WHERE (SELECT true FROM ledger_failed_entries f
                           WHERE f.id = v_doc->>'id') IS NULL
                ), postings AS (
                    INSERT INTO ledger_postings (entry_id, account_id, direction, amount_minor,
                                                 currency, pending, created_at)
                    SELECT v_doc->>'id', p.a, p.d, p.m, p.c, false, p_now
                    FROM unnest(v_a, v_d, v_m, v_c) WITH ORDINALITY AS p(a, d, m, c, ord)
                    ORDER BY p.ord
                ), moved AS (
                    UPDATE ledger_accounts a
                    SET debits_posted = a.debits_posted + s.debits,
                        credits_posted = a.credits_posted + s.credits
                    FROM (SELECT p.a,
                                 sum(CASE WHEN p.d = 'debit' THEN p.m ELSE 0 END) AS debits,
                                 sum(CASE WHEN p.d = 'credit' THEN p.m ELSE 0 END) AS credits,
                                 min(p.c) AS c_min, max(p.c) AS c_max
                          FROM unnest(v_a, v_d, v_m, v_c) AS p(a, d, m, c) GROUP BY p.a) s
                    WHERE a.id = s.a AND a.id = ANY(v_a) AND NOT a.closed
                      AND a.currency = s.c_min AND a.currency = s.c_max
                      AND a.debits_pending::numeric + a.debits_posted + s.debits
                          <= 9223372036854775807
                      AND a.credits_pending::numeric + a.credits_posted + s.credits
                          <= 9223372036854775807
                    RETURNING 1
                )
                SELECT count(*) INTO v_updated FROM moved;
                IF v_updated <> v_accounts THEN
                    RAISE EXCEPTION 'not a plain entry' USING ERRCODE = 'PSL09';
                END IF;
                entry_index := 0;
                replayed := false;
                RETURN NEXT;
                RETURN;
            EXCEPTION WHEN unique_violation OR foreign_key_violation OR check_violation
                           OR numeric_value_out_of_range OR SQLSTATE 'PSL09' THEN
                NULL;  -- refused somewhere: the exact path below says where and why
            END;
        END IF;
    ELSIF ledger_apply_plain(p_entries, p_now) THEN
        RETURN QUERY SELECT i, false FROM generate_series(0, jsonb_array_length(p_entries) - 1) i;
        RETURN;
    END IF;
    RETURN QUERY SELECT * FROM ledger_apply_each(p_entries, p_now);
END $$;

-- Batches: the exact running-sum check (ledger_plain_batch_refused, 0017) over only the
-- accounts that need it. 0021 ran it over every posting of the batch (a window partitioned by
-- account over 16,380 rows for 8,190 transfers, with the probes of the ids repeated) as soon as
-- one account was both debited and credited by the batch and carried a limit flag, which in a
-- batch over a few thousand wallets is always. Everything else it checks was decided by the
-- GROUP BY before it (ids, accounts, currencies, 64-bit totals: amounts are never negative, so
-- a total is the largest running sum), and an account moved one way reaches its extreme
-- balance at the batch's end. The differential test compares this answer with 0017's
-- function's on every random batch.
CREATE OR REPLACE FUNCTION ledger_plain_refused(p_ids text[], p_e integer[], p_a text[],
                                                p_d text[], p_m bigint[], p_c text[])
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    v_refused boolean;
    v_running text[];
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
           array_agg(s.a) FILTER (WHERE s.both_ways AND (a.debits_must_not_exceed_credits
                                                         OR a.credits_must_not_exceed_debits))
    INTO v_refused, v_running
    FROM (SELECT p.a,
                 sum(CASE WHEN p.d = 'debit' THEN p.m ELSE 0 END)::numeric AS debits,
                 sum(CASE WHEN p.d = 'credit' THEN p.m ELSE 0 END)::numeric AS credits,
                 bool_or(p.d = 'debit') AND bool_or(p.d = 'credit') AS both_ways,
                 min(p.c) AS c_min, max(p.c) AS c_max
          FROM unnest(p_a, p_d, p_m, p_c) AS p(a, d, m, c) GROUP BY p.a) s
    LEFT JOIN (SELECT * FROM ledger_accounts WHERE id = ANY(p_a)) a ON a.id = s.a;
    IF v_refused OR v_running IS NULL THEN
        RETURN v_refused;
    END IF;
    -- Entry k against the balances left by entries 0..k-1, for the accounts moved both ways.
    RETURN EXISTS (
        SELECT 1
        FROM (SELECT p.a, sum(p.debit) OVER upto AS debits, sum(p.credit) OVER upto AS credits,
                     coalesce(sum(p.debit) OVER before, 0) AS debits_before,
                     coalesce(sum(p.credit) OVER before, 0) AS credits_before
              FROM (SELECT u.e, u.a,
                           CASE WHEN u.d = 'debit' THEN u.m ELSE 0 END::numeric AS debit,
                           CASE WHEN u.d = 'credit' THEN u.m ELSE 0 END::numeric AS credit
                    FROM unnest(p_e, p_a, p_d, p_m) AS u(e, a, d, m)
                    JOIN unnest(v_running) AS r(a) ON r.a = u.a) p
              WINDOW upto AS (PARTITION BY p.a ORDER BY p.e),
                     before AS (upto RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)) m
        JOIN ledger_accounts a ON a.id = m.a
        WHERE (a.debits_must_not_exceed_credits
               AND a.debits_pending::numeric + a.debits_posted + m.debits
                   > a.credits_posted + m.credits_before)
           OR (a.credits_must_not_exceed_debits
               AND a.credits_pending::numeric + a.credits_posted + m.credits
                   > a.debits_posted + m.debits_before));
END $$;
