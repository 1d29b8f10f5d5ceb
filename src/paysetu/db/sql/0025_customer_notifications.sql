-- The wallet app's notifications are the customer's own events, read where they already are
-- (written in the same transaction as the debit, refund, notice, transfer or request they tell
-- about): these
-- partial indexes find a customer's, and one row per customer remembers what they have seen.
CREATE INDEX events_for_customer ON events ((data->'object'->>'customer'), created_at)
    WHERE type IN ('payment.succeeded', 'payment.requires_action', 'mandate.notice_sent');
CREATE INDEX events_refunds_by_payment ON events ((data->'object'->>'payment'), created_at)
    WHERE type = 'refund.succeeded';
CREATE INDEX events_transfers_by_payee ON events ((data->'object'->>'payee'), created_at)
    WHERE type = 'customer_transfer.created';
CREATE INDEX events_money_requests_by_payer ON events ((data->'object'->>'payer'), created_at)
    WHERE type = 'money_request.created';

CREATE TABLE customer_notification_marks (
    customer_id text PRIMARY KEY REFERENCES customers (id),
    seen_until timestamptz NOT NULL
);
