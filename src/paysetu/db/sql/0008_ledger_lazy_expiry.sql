-- Lazy expiry never waits for a lock.
--
-- ledger_apply releases expired reservations on the accounts of an entry before a limit
-- refusal stands, and reading an account releases its own. Both run while the transaction
-- already holds row locks (the batch's accounts, taken in id order), and an expired
-- reservation may touch an account outside that set: waiting for it out of order is how two
-- batches deadlock. So an expiry scoped to one account takes the other accounts' locks with
-- SKIP LOCKED and releases only the reservations whose every account it holds; a reservation
-- whose counterparty is busy stays pending until the next read, apply or sweep (the sweep,
-- unscoped, waits for its locks in id order as before).
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
        -- Every account of every entry expired here, locked at once in id order: locking entry
        -- by entry would hold one entry's accounts while waiting for the next one's, out of order.
        PERFORM 1 FROM ledger_accounts a
        WHERE a.id IN (SELECT p.account_id FROM ledger_postings p WHERE p.entry_id = ANY(v_pending_ids))
        ORDER BY a.id FOR NO KEY UPDATE;
    ELSE
        -- Rows this transaction already holds are returned; rows another one holds are skipped.
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
        -- A post or void committed while this waited for the locks wins: nothing to release.
        INSERT INTO ledger_entries (id, kind, pending_id, metadata, created_at)
        VALUES ('je_expiry_' || md5(v_pending_id), 'expire_pending', v_pending_id, '{}'::jsonb, p_now)
        ON CONFLICT DO NOTHING;
        IF FOUND THEN
            PERFORM ledger_release_pending(v_pending_id);
            v_count := v_count + 1;
        END IF;
    END LOOP;
    RETURN v_count;
END $$;
