-- Close of business rewrites every active loan each day (its accrual, class, provision), the
-- overdue installments (their penal interest) and every credit line. With full pages each new
-- row version lands on another page and every index of the table gets a new entry (loans
-- have eleven). Room on the page lets PostgreSQL keep the version on its page and skip the
-- indexes (a heap-only tuple update) whenever no indexed column changes, which is the steady
-- state: accrual and days past due are not indexed; class, provision and suspense change
-- rarely. Applies to pages written from now on; an existing table gets it when rewritten
-- (VACUUM FULL or CLUSTER, at a quiet hour).
ALTER TABLE loans SET (fillfactor = 70);
ALTER TABLE loan_installments SET (fillfactor = 85);
ALTER TABLE credit_lines SET (fillfactor = 70);
