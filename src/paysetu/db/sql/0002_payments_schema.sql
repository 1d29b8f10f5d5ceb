-- paysetu payments: API keys, customers, wallets, merchants, payments, refunds, events,
-- webhooks (outbox) and idempotency keys. Money lives only in the ledger: these tables hold
-- ids of ledger accounts and entries, states and amounts requested, never a balance.

CREATE TABLE api_keys (
    id text PRIMARY KEY,                       -- key_...: also embedded in the secret
    role text NOT NULL CHECK (role IN ('platform', 'merchant', 'lender')),
    owner_id text,                             -- merchant or lender id; NULL for platform
    livemode boolean NOT NULL,
    salt bytea NOT NULL,
    secret_hash bytea NOT NULL,                -- sha256(salt || secret), compared in constant time
    hint text NOT NULL,                        -- last 4 characters, for people
    created_at timestamptz NOT NULL,
    revoked_at timestamptz,
    CHECK ((role = 'platform') = (owner_id IS NULL))
);

CREATE TABLE customers (
    id text PRIMARY KEY,
    name text NOT NULL,
    email text,
    kyc_tier text NOT NULL CHECK (kyc_tier IN ('minimum', 'full')),
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL
);

CREATE TABLE wallets (
    id text PRIMARY KEY,
    customer_id text NOT NULL REFERENCES customers (id),
    currency char(3) NOT NULL,
    account_id text NOT NULL UNIQUE REFERENCES ledger_accounts (id),
    created_at timestamptz NOT NULL,
    UNIQUE (customer_id, currency)
);

CREATE TABLE merchants (
    id text PRIMARY KEY,
    legal_name text NOT NULL,
    country char(2) NOT NULL,
    settlement_currency char(3) NOT NULL,
    fee_bps integer NOT NULL CHECK (fee_bps BETWEEN 0 AND 10000),
    fee_fixed_minor bigint NOT NULL CHECK (fee_fixed_minor >= 0),
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL
);

-- Per merchant and currency: its balance (available), its escrow, and the platform's fee
-- income from it (an income sub-account per merchant keeps fee postings off one hot row).
CREATE TABLE merchant_accounts (
    merchant_id text NOT NULL REFERENCES merchants (id),
    currency char(3) NOT NULL,
    purpose text NOT NULL CHECK (purpose IN ('available', 'escrow', 'fees')),
    account_id text NOT NULL UNIQUE REFERENCES ledger_accounts (id),
    PRIMARY KEY (merchant_id, currency, purpose)
);

CREATE TABLE payments (
    id text PRIMARY KEY,
    merchant_id text NOT NULL REFERENCES merchants (id),
    customer_id text NOT NULL REFERENCES customers (id),
    wallet_id text NOT NULL REFERENCES wallets (id),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency char(3) NOT NULL,
    capture_method text NOT NULL CHECK (capture_method IN ('automatic', 'manual')),
    escrow boolean NOT NULL,
    status text NOT NULL CHECK (status IN ('requires_confirmation', 'requires_capture',
                                           'succeeded', 'failed', 'canceled')),
    amount_captured_minor bigint NOT NULL DEFAULT 0 CHECK (amount_captured_minor >= 0),
    amount_refunded_minor bigint NOT NULL DEFAULT 0 CHECK (amount_refunded_minor >= 0),
    fee_minor bigint NOT NULL DEFAULT 0 CHECK (fee_minor >= 0),
    authorization_entry_id text REFERENCES ledger_entries (id),
    authorization_expires_at timestamptz,
    escrow_status text CHECK (escrow_status IN ('held', 'released', 'disputed')),
    escrow_release_at timestamptz,
    failure_code text,
    cancellation_reason text,
    description text,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK (amount_captured_minor <= amount_minor),
    CHECK (amount_refunded_minor <= amount_captured_minor),
    CHECK (escrow = (escrow_status IS NOT NULL) OR status <> 'succeeded')
);
CREATE INDEX payments_merchant ON payments (merchant_id, id);
CREATE INDEX payments_open_authorizations ON payments (authorization_expires_at)
    WHERE status = 'requires_capture';
CREATE INDEX payments_escrow_due ON payments (escrow_release_at) WHERE escrow_status = 'held';

CREATE TABLE refunds (
    id text PRIMARY KEY,
    payment_id text NOT NULL REFERENCES payments (id),
    merchant_id text NOT NULL REFERENCES merchants (id),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency char(3) NOT NULL,
    status text NOT NULL CHECK (status IN ('succeeded', 'pending', 'failed')),
    entry_id text REFERENCES ledger_entries (id),
    reason text,
    failure_code text,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL
);
CREATE INDEX refunds_payment ON refunds (payment_id, id);
CREATE INDEX refunds_merchant ON refunds (merchant_id, id);

CREATE TABLE events (
    id text PRIMARY KEY,
    merchant_id text REFERENCES merchants (id),   -- NULL: platform-wide
    type text NOT NULL,
    data jsonb NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX events_merchant ON events (merchant_id, id);

CREATE TABLE webhook_endpoints (
    id text PRIMARY KEY,
    merchant_id text NOT NULL REFERENCES merchants (id),
    url text NOT NULL,
    secret text NOT NULL,                      -- signing secret (whsec_...), needed to sign
    enabled_events text[] NOT NULL,
    disabled boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL
);
CREATE INDEX webhook_endpoints_merchant ON webhook_endpoints (merchant_id, id);

-- The transactional outbox: one row per (event, endpoint), written with the event.
CREATE TABLE webhook_deliveries (
    id text PRIMARY KEY,
    event_id text NOT NULL REFERENCES events (id),
    endpoint_id text NOT NULL REFERENCES webhook_endpoints (id),
    status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

CREATE TABLE webhook_attempts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id text NOT NULL REFERENCES webhook_deliveries (id),
    attempted_at timestamptz NOT NULL,
    status_code integer,
    error text,
    duration_ms integer NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id);

-- Stripe-style idempotency: the stored response is written in the same transaction as the effect.
CREATE TABLE idempotency_keys (
    api_key_id text NOT NULL REFERENCES api_keys (id),
    key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_method text NOT NULL,
    request_path text NOT NULL,
    request_hash text NOT NULL,
    response_status integer NOT NULL,
    response_body jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (api_key_id, key)
);
