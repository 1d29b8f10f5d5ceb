-- paysetu hosted checkout (applied by Alembic revision 0011). A checkout session is a merchant's
-- priced order that a buyer pays on the hosted page. It holds no money: paying it books a normal
-- payment (and its ledger entries); the session records which one, exactly once.

CREATE TABLE checkout_sessions (
    id text PRIMARY KEY CHECK (id ~ '^cs_[0-9A-Z]{26}_[A-Za-z0-9_-]{20,64}$'),
    merchant_id text NOT NULL REFERENCES merchants (id),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    description text,
    return_url text NOT NULL CHECK (length(return_url) BETWEEN 1 AND 2048),
    cancel_url text CHECK (length(cancel_url) BETWEEN 1 AND 2048),
    client_reference text CHECK (length(client_reference) BETWEEN 1 AND 200),
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    -- 'open' past expires_at reads as expired; 'expired' is written only by the merchant.
    status text NOT NULL CHECK (status IN ('open', 'complete', 'expired')),
    presentment_currency char(3) CHECK (presentment_currency ~ '^[A-Z]{3}$'),
    presentment_amount_minor bigint CHECK (presentment_amount_minor > 0),
    fx_quote_id text REFERENCES fx_quotes (id),
    -- Paid once: a session names at most one payment, and a payment pays at most one session.
    payment_id text UNIQUE REFERENCES payments (id),
    source_kind text CHECK (source_kind IN ('card', 'upi')),
    source_hint text CHECK (length(source_hint) BETWEEN 1 AND 80),
    expires_at timestamptz NOT NULL,
    completed_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK (expires_at > created_at),
    CHECK ((status = 'complete') = (payment_id IS NOT NULL)),
    CHECK ((status = 'complete') = (completed_at IS NOT NULL)),
    CHECK ((status = 'complete') = (source_kind IS NOT NULL AND source_hint IS NOT NULL)),
    CHECK ((presentment_currency IS NULL) = (presentment_amount_minor IS NULL)),
    -- A quote exactly when the buyer pays in another currency than the price's.
    CHECK ((fx_quote_id IS NOT NULL) = (presentment_currency IS NOT NULL
                                        AND presentment_currency <> currency)),
    CHECK (status <> 'complete' OR presentment_currency IS NOT NULL)
);
CREATE INDEX checkout_sessions_merchant ON checkout_sessions (merchant_id, id);
