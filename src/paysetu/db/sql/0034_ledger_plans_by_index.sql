-- Issue 20: the ledger's statements keep their index plans however small the tables were when
-- a connection first ran them.
--
-- PL/pgSQL plans each statement of a function once per connection and keeps the plan. The
-- trigger probes (an entry's kind by its id, an entry's first posting) and ledger_apply's lock
-- were planned against the table sizes of the connection's first transfer. On a new database
-- whose tables had been analyzed nearly empty, that is one page each, where a sequential scan
-- is the cheaper plan. The plan stayed a sequential scan while the tables grew, until the next
-- ANALYZE invalidated it. On one connection a transfer went from 0.8 ms to 2.5 ms while 13,500
-- entries were added (tests/integration/test_ledger_plans_by_index.py reads the plans).
--
-- Every statement of these functions looks rows up by key; none reads a whole table. With
-- sequential scans disabled while they run (a function's SET applies to the statements
-- planned inside it, nested functions and the statement triggers it fires included), the
-- planner takes the index whatever the size, and the cached plan stays right as the tables grow.
-- The entry points are the two functions the application calls, and the triggers, which also
-- fire for writes made outside them (the deferred balance check runs at COMMIT).

ALTER FUNCTION ledger_apply(jsonb, timestamptz) SET enable_seqscan = off;
ALTER FUNCTION ledger_expire(timestamptz, text, text, integer) SET enable_seqscan = off;
ALTER FUNCTION ledger_check_new_entries() SET enable_seqscan = off;
ALTER FUNCTION ledger_check_new_postings() SET enable_seqscan = off;
ALTER FUNCTION ledger_check_queued_entries() SET enable_seqscan = off;
