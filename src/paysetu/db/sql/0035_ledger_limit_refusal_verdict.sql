-- A limit refusal is a verdict on the entry's id unless a lapsed reservation that another
-- transaction holds locked still counts on one of its accounts (0017). ledger_apply_new
-- releases lapsed reservations (lazy expiry) before a limit refusal stands only when the
-- refused account itself has something pending, so two lapsed reservations that lazy expiry
-- never tried were taken for locked ones and made the refusal unsettled (SQLSTATE PSL03, the id
-- left free): one of 0 on the refused account, which holds nothing, and one on another account
-- of the entry, which cannot change the refused account's limit. TigerBeetle would have expired
-- both at their timeout, and the retry would answer id_already_failed; paysetu's answered the
-- limit again. The ledger's state machine found the first (tests/stateful/test_ledger_model.py
-- pins both).
--
-- Before judging, the refusal now releases what it can on every account of the entry, skipping
-- accounts locked elsewhere as lazy expiry does; only a lapsed reservation left after that
-- (one locked elsewhere) makes it unsettled. Releasing cannot lift the refusal: the refused
-- account's own reservations were released before when it had any, and another account's do
-- not enter its limit. The releases roll back with the refusal.
CREATE OR REPLACE FUNCTION ledger_refuse_limit(p_exceeds_credits boolean, p_index integer,
                                               p_doc jsonb, p_now timestamptz)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_code text := CASE WHEN p_exceeds_credits THEN 'exceeds_credits' ELSE 'exceeds_debits' END;
BEGIN
    PERFORM ledger_expire(p_now, x.a)
    FROM (SELECT DISTINCT y.a FROM jsonb_to_recordset(p_doc->'postings') AS y(a text)) x;
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
