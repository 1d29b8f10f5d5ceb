-- Customers pay merchants from their own wallets (docs/customers.md, docs/wallet-app.md).
--
-- A checkout session may now be paid from a paysetu wallet (the buyer signed in and gave the
-- PIN): its source is 'wallet'. A payment the customer makes from the wallet's pay page carries
-- the page's one-time request key in its metadata ('customer_request'); one payment per
-- customer and key, so a double submit or a retry pays once.
ALTER TABLE checkout_sessions DROP CONSTRAINT checkout_sessions_source_kind_check;
ALTER TABLE checkout_sessions ADD CONSTRAINT checkout_sessions_source_kind_check
    CHECK (source_kind IN ('card', 'upi', 'wallet'));

CREATE UNIQUE INDEX payments_customer_request_key
    ON payments (customer_id, (metadata ->> 'customer_request'))
    WHERE metadata ? 'customer_request';
