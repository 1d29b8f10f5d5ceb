-- paysetu webhooks: endpoint descriptions, canceled deliveries (endpoint disabled), and the
-- indexes behind the delivery log and the event type filter.

ALTER TABLE webhook_endpoints ADD COLUMN description text;

-- A disabled endpoint's pending deliveries become 'canceled': kept for the log, never sent.
ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check;
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check
    CHECK (status IN ('pending', 'succeeded', 'failed', 'canceled'));
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_attempts_check
    CHECK (attempts >= 0);

CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id);
CREATE INDEX events_type ON events (type, id);
